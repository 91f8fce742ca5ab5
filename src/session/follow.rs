//! Learning of events another writer stored (a second instance on the same workspace today,
//! other desks on a shared server journal later) without anyone polling on the UI thread.
//!
//! A [`Follower`] runs on its own thread with its own read-only handle and pushes each batch of
//! new events — "the events after seq N" — to a callback; the app hands them to
//! [`Session::receive`](super::Session::receive). The SQLite backend has no change notification
//! across processes, so the follower asks its handle for events after the last one it saw once a
//! second (one indexed query; nothing is read when nothing changed); a server backend would wait
//! on its notification channel (PostgreSQL `LISTEN`) instead, and the session would not notice
//! the difference.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::journal::Event;

use super::journal::Journal;

/// A running follower. Dropping it stops the thread (within one interval).
#[derive(Debug)]
pub struct Follower {
    stop: Arc<AtomicBool>,
}

impl Follower {
    /// Follow `reader` from after event `after`, every `interval`; `deliver` runs on the
    /// follower's thread with each non-empty batch of new events, oldest first.
    pub fn spawn(
        reader: Journal,
        after: u64,
        interval: Duration,
        deliver: impl Fn(Vec<Event>) + Send + 'static,
    ) -> Follower {
        let stop = Arc::new(AtomicBool::new(false));
        let thread_stop = Arc::clone(&stop);
        let spawned = std::thread::Builder::new()
            .name("airdesk-journal-follow".into())
            .spawn(move || {
                let mut last = after;
                while !thread_stop.load(Ordering::Relaxed) {
                    std::thread::sleep(interval);
                    if thread_stop.load(Ordering::Relaxed) {
                        break;
                    }
                    match reader.read_since(last) {
                        Ok(events) if !events.is_empty() => {
                            last = events.last().map_or(last, |e| e.seq);
                            deliver(events);
                        }
                        Ok(_) => {}
                        Err(e) => log::warn!("following the journal: {e}"),
                    }
                }
            });
        if let Err(e) = spawned {
            log::warn!("cannot start the journal follower: {e}");
        }
        Follower { stop }
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Author;
    use std::sync::mpsc::channel;

    #[test]
    fn pushes_what_another_writer_stores() {
        let dir = tempfile::tempdir().expect("dir");
        let mut writer = super::super::journal::open(dir.path()).expect("writer");
        let author = Author::new("张伟", "desk-1").expect("author");
        let at = chrono::DateTime::parse_from_rfc3339("2019-12-10T09:00:00+08:00").expect("t");
        writer
            .append(&author.draft(at, "test.noted", &1).expect("draft"))
            .expect("append");
        let reader = super::super::journal::open_read_only(dir.path()).expect("reader");
        let (tx, rx) = channel();
        let follower = Follower::spawn(reader, 1, Duration::from_millis(20), move |events| {
            let _ = tx.send(events);
        });
        for n in 2..=3 {
            writer
                .append(&author.draft(at, "test.noted", &n).expect("draft"))
                .expect("append");
        }
        let mut seen = Vec::new();
        while seen.len() < 2 {
            let batch = rx
                .recv_timeout(Duration::from_secs(10))
                .expect("pushed in time");
            seen.extend(batch.into_iter().map(|e| e.seq));
        }
        assert_eq!(
            seen,
            [2, 3],
            "only the events after the one it started after"
        );
        drop(follower);
    }
}
