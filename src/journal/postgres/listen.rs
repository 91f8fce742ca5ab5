//! Hearing other desks' appends the moment they commit, and losing the server the moment it goes.
//!
//! A [`Listener`] runs on its own thread with its own connection: it `LISTEN`s on [`CHANNEL`],
//! and on each notification reads the events after the last one it passed on and hands them to
//! its callback ([`Heard::Events`]); a connection that breaks (or stops answering a ping within a
//! second) is [`Heard::Unreachable`] at once, and it reconnects every second until the server is
//! back ([`Heard::Reachable`], then whatever was appended meanwhile). Nothing polls the events
//! table: between notifications the thread only pings, once a second.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;

use super::schema::CHANNEL;
use super::{PgStorage, ServerUrl};
use crate::journal::{Event, JournalError, Storage};

/// How often the listener checks that the server still answers, and retries when it does not.
const PING_EVERY: Duration = Duration::from_secs(1);

/// What a [`Listener`] hands its callback, on its own thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// Events appended (by any desk) after the last ones passed on, oldest first.
    Events(Vec<Event>),
    /// The server cannot be reached (the reason, without the password).
    Unreachable(String),
    /// The server answers again.
    Reachable,
}

/// A running listener; dropping it stops the thread within a second.
#[derive(Debug)]
pub struct Listener {
    stop: Arc<AtomicBool>,
}

impl Listener {
    /// Listen on `server`'s journal for events after `after`; `deliver` runs on the listener's
    /// thread.
    pub fn spawn(
        server: ServerUrl,
        after: u64,
        deliver: impl Fn(Heard) + Send + 'static,
    ) -> Listener {
        let stop = Arc::new(AtomicBool::new(false));
        let thread_stop = Arc::clone(&stop);
        let spawned = std::thread::Builder::new()
            .name("airdesk-journal-listen".into())
            .spawn(move || run(&server, after, &thread_stop, &deliver));
        if let Err(e) = spawned {
            log::warn!("cannot start the journal listener: {e}");
        }
        Listener { stop }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The listener's loop: (re)connect, listen, pass on, until stopped.
fn run(server: &ServerUrl, mut last: u64, stop: &AtomicBool, deliver: &dyn Fn(Heard)) {
    // Whether the server was reachable when last said (`None`: nothing said yet).
    let mut reachable: Option<bool> = None;
    while !stop.load(Ordering::Relaxed) {
        let lost = match PgStorage::open_read_only(server, None) {
            Ok(reader) => {
                if reachable == Some(false) {
                    deliver(Heard::Reachable);
                }
                reachable = Some(true);
                listen(&reader, &mut last, stop, deliver)
            }
            // The banner says the server cannot be reached; the reason is what follows.
            Err(JournalError::Unreachable { detail, .. }) => detail,
            Err(e) => e.to_string(),
        };
        if stop.load(Ordering::Relaxed) {
            break;
        }
        if reachable != Some(false) {
            deliver(Heard::Unreachable(lost));
            reachable = Some(false);
        }
        std::thread::sleep(PING_EVERY);
    }
}

/// Listen on one connection until it breaks (the reason) or the listener is stopped.
fn listen(
    reader: &PgStorage,
    last: &mut u64,
    stop: &AtomicBool,
    deliver: &dyn Fn(Heard),
) -> String {
    let subscribed = reader.client().and_then(|mut c| {
        c.batch_execute(&format!("LISTEN {CHANNEL}"))
            .map_err(super::sql_error(reader.server(), "listening"))
    });
    if let Err(e) = subscribed {
        return e.to_string();
    }
    // Whatever was appended before the LISTEN took effect.
    if let Err(e) = pass_on(reader, last, deliver) {
        return e;
    }
    let mut pinged = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        let heard = {
            let Ok(mut client) = reader.client.lock() else {
                return "the listener's connection failed".into();
            };
            let mut notifications = client.notifications();
            // Wait for the first notification, then take the ones already there.
            let any = match notifications.timeout_iter(PING_EVERY / 4).next() {
                Ok(first) => first.is_some(),
                Err(e) => return format!("the connection was lost: {e}"),
            };
            if any {
                let mut pending = notifications.iter();
                while let Ok(Some(_)) = pending.next() {}
            }
            drop(notifications);
            if client.is_closed() {
                return "the connection was closed by the server".into();
            }
            if pinged.elapsed() >= PING_EVERY {
                pinged = Instant::now();
                if let Err(e) = client.is_valid(PING_EVERY) {
                    return format!("the server does not answer: {e}");
                }
            }
            any
        };
        if heard && let Err(e) = pass_on(reader, last, deliver) {
            return e;
        }
    }
    String::new()
}

/// Read and deliver the events after `last`.
fn pass_on(reader: &PgStorage, last: &mut u64, deliver: &dyn Fn(Heard)) -> Result<(), String> {
    let events = reader.read_since(*last).map_err(|e| e.to_string())?;
    if let Some(e) = events.last() {
        *last = e.seq;
        deliver(Heard::Events(events));
    }
    Ok(())
}
