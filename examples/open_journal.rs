//! Opening a long journal with and without a read-model snapshot: the benchmark of README's
//! "Read-model snapshots" figures.
//!
//! `cargo run --release --example open_journal -- --events 1000000 --json`
//!
//! Builds a workspace (in a temporary folder, or `--dir`) whose journal holds about `--events`
//! synthetic events: the drill episode lifted two days later with the desk's routine around it
//! (acknowledged alerts, a finding, a dust day), one block a week, each recorded through the
//! session as the desk records it. Then opens the workspace as the app does
//! ([`Session::open`]: the chain verified from the checkpoint on, the read models folded) `--runs`
//! times without a snapshot (the file removed first; the open keeps a new one) and `--runs` times
//! with it, and prints the medians, their ratio and how long reading the snapshot alone takes,
//! with the machine's load before and after (the machine may be shared: say so beside the
//! figures).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use airdesk::i18n::{Language, Render, Tr};
use airdesk::journal::{Author, JOURNAL_FILE, SqliteStorage, Storage};
use airdesk::session::{SNAPSHOT_FILE, Session, Snapshot, journal, record_drill_block};
use airdesk::workspace::Workspace;
use clap::Parser;

/// Arguments.
#[derive(Debug, Parser)]
struct Args {
    /// Events the journal should hold (rounded up to whole blocks).
    #[arg(long, default_value_t = 1_000_000)]
    events: usize,
    /// Alerts acknowledged in each weekly block (the rest of a block is the drill, ~120 events).
    #[arg(long, default_value_t = 300)]
    acks: usize,
    /// Opens measured each way.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Workspace folder to build in (kept, and reused when it already holds a journal);
    /// default: a temporary folder, removed afterwards.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let temp = tempfile::tempdir()?;
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let load_before = load_average();
    let built = Instant::now();
    if !dir.join(JOURNAL_FILE).exists() {
        build(&dir, args.events, args.acks)?;
    }
    let build_s = built.elapsed().as_secs_f64();
    let workspace = Workspace::open(&dir)?;
    let snapshot = dir.join(SNAPSHOT_FILE);
    let mut without = Vec::new();
    let mut with = Vec::new();
    let mut events = 0;
    for _ in 0..args.runs {
        let _ = std::fs::remove_file(&snapshot);
        let (took, seq) = open(&workspace)?;
        without.push(took);
        events = seq;
    }
    for _ in 0..args.runs {
        with.push(open(&workspace)?.0);
    }
    let read = Instant::now();
    let parsed = Snapshot::read(&snapshot).is_some();
    let snapshot_read_ms = read.elapsed().as_secs_f64() * 1e3;
    if !parsed {
        return Err("the snapshot written by the open does not read back".into());
    }
    let snapshot_bytes = std::fs::metadata(&snapshot).map_or(0, |m| m.len());
    let journal_bytes = std::fs::metadata(dir.join(JOURNAL_FILE)).map_or(0, |m| m.len());
    let (full_ms, snap_ms) = (median_ms(&mut without), median_ms(&mut with));
    let load_after = load_average();
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "events": events,
                "journal_bytes": journal_bytes,
                "snapshot_bytes": snapshot_bytes,
                "build_s": build_s,
                "open_without_snapshot_ms": full_ms,
                "open_with_snapshot_ms": snap_ms,
                "snapshot_read_ms": snapshot_read_ms,
                "ratio": full_ms / snap_ms,
                "runs": args.runs,
                "load_before": load_before,
                "load_after": load_after,
                "cpus": std::thread::available_parallelism().map_or(1, |n| n.get()),
            })
        );
    } else {
        println!(
            "{events} events ({journal_bytes} bytes; snapshot {snapshot_bytes} bytes), built in \
             {build_s:.1} s\nopen without snapshot: {full_ms:.0} ms\nopen with snapshot: \
             {snap_ms:.0} ms ({:.1}× faster; reading the snapshot {snapshot_read_ms:.0} ms)\nload average before/after: {load_before} / \
             {load_after}",
            full_ms / snap_ms
        );
    }
    Ok(())
}

/// Record weekly drill blocks through a session over a journal in memory until it holds
/// `events`, copying them into the workspace journal in `dir` as it goes (one transaction per
/// copy, where the desk would have one per event).
fn build(dir: &Path, events: usize, acks: usize) -> Result<(), Box<dyn std::error::Error>> {
    let plan = airdesk::domain::plan::default_plan().map_err(|p| format!("{p:?}"))?;
    let mut desk = Session::with_journal(journal::in_memory()?, plan)?;
    let mut target = SqliteStorage::open(dir)?;
    let author = Author::new("张伟", "desk-1")?;
    let first = chrono::DateTime::parse_from_rfc3339("2019-10-01T14:00:00+08:00")?;
    let mut copied = 0;
    let mut week = 0;
    while copied < events as u64 {
        let start = first + chrono::Duration::days(7 * week);
        record_drill_block(&mut desk, &author, start, acks)
            .map_err(|e| e.render(Tr(Language::En)))?;
        week += 1;
        if week % 20 == 0 || desk.last_seq() >= events as u64 {
            let new = desk.events_since(copied)?;
            target.import(&new)?;
            copied = desk.last_seq();
        }
    }
    target.close()?;
    Ok(())
}

/// Open `workspace` as the app does: how long until the read models are there, and the last
/// event folded.
fn open(workspace: &Workspace) -> Result<(Duration, u64), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let mut session = Session::open(workspace);
    let took = started.elapsed();
    if let Some(e) = session.open_error() {
        return Err(e.render(Tr(Language::En)).into());
    }
    let seq = session.last_seq();
    session.close()?;
    Ok((took, seq))
}

fn median_ms(times: &mut [Duration]) -> f64 {
    times.sort();
    times
        .get(times.len() / 2)
        .map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

/// The 1-, 5- and 15-minute load averages, as the system reports them (Linux).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
