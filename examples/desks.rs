//! Several desks on one PostgreSQL journal at once: the load benchmark of README's "A centre's
//! server" figures.
//!
//! `cargo run --release --example desks -- URL --desks N --events M --json`
//!
//! Runs N desks as threads, each with its own connection for appending and its own listener
//! connection (LISTEN/NOTIFY, as the app's desks have), all appending M events at once. Prints
//! `written` (events committed), `intact` (the whole chain verifies afterwards),
//! `visible_p50_ms`/`visible_p95_ms` (from an append's commit on one desk to the event's arrival
//! at each other desk), `appends_per_s` (committed events per second across desks) and
//! `seconds`. URL is a login that owns the journal (or may create it) on a test database: the
//! events are synthetic (`bench.step`).

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use airdesk::journal::postgres::{Heard, Listener};
use airdesk::journal::{Author, PgStorage, ServerUrl, Storage, Verification};
use clap::Parser;

/// Arguments.
#[derive(Debug, Parser)]
struct Args {
    /// postgres://USER[:PASSWORD]@HOST:PORT/DB (password also from PGPASSWORD or ~/.pgpass).
    url: String,
    /// Desks appending at once.
    #[arg(long, default_value_t = 8)]
    desks: usize,
    /// Events each desk appends.
    #[arg(long, default_value_t = 100)]
    events: usize,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let url = ServerUrl::parse(&args.url)?;
    let start_seq = match PgStorage::open(&url, None)?.verify()? {
        Verification::Intact { events, .. } => events,
        Verification::Broken(b) => return Err(format!("the journal is broken: {b}").into()),
    };
    let expected = start_seq + (args.desks * args.events) as u64;
    let committed: Arc<Mutex<HashMap<u64, (usize, Instant)>>> = Arc::default();
    let (arrivals_tx, arrivals) = mpsc::channel::<(usize, u64, Instant)>();
    let listeners: Vec<Listener> = (0..args.desks)
        .map(|desk| {
            let tx = arrivals_tx.clone();
            Listener::spawn(url.clone(), start_seq, move |heard| {
                if let Heard::Events(events) = heard {
                    let now = Instant::now();
                    for e in events {
                        let _ = tx.send((desk, e.seq, now));
                    }
                }
            })
        })
        .collect();
    drop(arrivals_tx);
    std::thread::sleep(Duration::from_millis(500)); // every listener connected and listening
    let barrier = Arc::new(Barrier::new(args.desks));
    let started = Instant::now();
    let writers: Vec<_> = (0..args.desks)
        .map(|desk| {
            let (url, barrier, committed) =
                (url.clone(), Arc::clone(&barrier), Arc::clone(&committed));
            let events = args.events;
            std::thread::spawn(move || -> Result<usize, String> {
                let mut journal = PgStorage::open(&url, None).map_err(|e| e.to_string())?;
                let author = Author::new(&format!("值班员{desk}"), &format!("desk-{desk}"))
                    .map_err(|e| e.to_string())?;
                barrier.wait();
                let mut written = 0;
                for i in 0..events {
                    let draft = author
                        .draft(
                            chrono::Utc::now().fixed_offset(),
                            "bench.step",
                            &serde_json::json!({"desk": desk, "i": i}),
                        )
                        .map_err(|e| e.to_string())?;
                    let event = journal.append(&draft).map_err(|e| e.to_string())?;
                    if let Ok(mut c) = committed.lock() {
                        c.insert(event.seq, (desk, Instant::now()));
                    }
                    written += 1;
                }
                Ok(written)
            })
        })
        .collect();
    let mut written = 0;
    for w in writers {
        written += w.join().map_err(|_| "a desk thread failed")??;
    }
    let seconds = started.elapsed().as_secs_f64();
    // Wait until every desk heard every event (or 30 s).
    let mut heard: HashMap<(usize, u64), Instant> = HashMap::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while heard.len() < args.desks * (expected - start_seq) as usize {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            break;
        };
        match arrivals.recv_timeout(left) {
            Ok((desk, seq, at)) => {
                heard.entry((desk, seq)).or_insert(at);
            }
            Err(_) => break,
        }
    }
    drop(listeners);
    let committed = committed.lock().map_err(|_| "lock")?.clone();
    let mut delays: Vec<f64> = Vec::new();
    for (seq, (writer, at)) in &committed {
        for desk in (0..args.desks).filter(|d| d != writer) {
            // A desk that never heard the event counts as the whole wait.
            let arrival = heard.get(&(desk, *seq)).copied().unwrap_or(deadline);
            delays.push(arrival.saturating_duration_since(*at).as_secs_f64() * 1000.0);
        }
    }
    delays.sort_by(f64::total_cmp);
    let percentile = |p: f64| {
        delays
            .get(((delays.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let intact = matches!(
        PgStorage::open_read_only(&url, None)?.verify()?,
        Verification::Intact { events, .. } if events == expected
    );
    let report = serde_json::json!({
        "desks": args.desks,
        "events_per_desk": args.events,
        "written": written,
        "intact": intact,
        "visible_p50_ms": (percentile(0.50) * 10.0).round() / 10.0,
        "visible_p95_ms": (percentile(0.95) * 10.0).round() / 10.0,
        "appends_per_s": (written as f64 / seconds).round(),
        "seconds": (seconds * 100.0).round() / 100.0,
    });
    if args.json {
        println!("{report}");
    } else {
        println!("{report:#}");
    }
    Ok(())
}
