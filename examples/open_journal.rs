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
//! with one. The snapshot and the checkpoint then stand `--tail` events before the journal's end,
//! as for a desk whose server journal got that many events from other desks since it last looked:
//! the open checks the chain over those events and folds them. It prints the medians, their
//! ratio, the steps of an open with the snapshot (opening the journal with its chain check,
//! reading the snapshot, folding the events after it), the snapshot's size and read time beside
//! those of the same read models as JSON (the format-1 snapshot), and the machine's load before
//! and after (the machine may be shared: say so beside the figures).
//!
//! With `--dir DIR` the workspace stays there, its snapshot and checkpoint `--tail` events back:
//! the workspace the app's own first frame is measured on
//! (`airdesk --workspace DIR --exit-after-first-frame`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use airdesk::i18n::{Language, Render, Tr};
use airdesk::journal::{Author, Checkpoint, Fold, JOURNAL_FILE, SqliteStorage, Storage};
use airdesk::session::{
    ReadModels, SNAPSHOT_FILE, Session, Snapshot, fold_journal, journal, record_drill_block,
};
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
    /// Events after the snapshot and the checkpoint in the opens with a snapshot.
    #[arg(long, default_value_t = 1_000)]
    tail: usize,
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
    let stale = Stale::make(&dir, args.tail)?;
    for _ in 0..args.runs {
        stale.restore(&dir)?;
        with.push(open(&workspace)?.0);
    }
    stale.restore(&dir)?;
    let phases = phases(&dir)?;
    stale.restore(&dir)?;
    let json = Json::measure(&dir, &phases.models)?;
    let journal_bytes = std::fs::metadata(dir.join(JOURNAL_FILE)).map_or(0, |m| m.len());
    let (full, snap) = (Took::median(&mut without), Took::median(&mut with));
    let report = serde_json::json!({
        "events": events,
        "journal_bytes": journal_bytes,
        "snapshot_bytes": stale.snapshot.len(),
        "json_snapshot_bytes": json.bytes,
        "tail": args.tail,
        "build_s": build_s,
        "open_without_snapshot_ms": full.wall_ms,
        "open_without_snapshot_cpu_ms": full.cpu_ms,
        "open_with_snapshot_ms": snap.wall_ms,
        "open_with_snapshot_cpu_ms": snap.cpu_ms,
        "ratio": full.wall_ms / snap.wall_ms,
        "journal_open_ms": phases.journal_open.wall_ms,
        "snapshot_read_ms": phases.snapshot_read.wall_ms,
        "snapshot_read_cpu_ms": phases.snapshot_read.cpu_ms,
        "fold_ms": phases.fold.wall_ms,
        "json_snapshot_read_ms": json.read.wall_ms,
        "json_snapshot_read_cpu_ms": json.read.cpu_ms,
        "runs": args.runs,
        "load_before": load_before,
        "load_after": load_average(),
        "cpus": std::thread::available_parallelism().map_or(1, |n| n.get()),
    });
    if args.json {
        println!("{report}");
    } else {
        println!("{report:#}");
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
fn open(workspace: &Workspace) -> Result<(Took, u64), Box<dyn std::error::Error>> {
    let (mut session, took) = Took::of(|| Session::open(workspace));
    if let Some(e) = session.open_error() {
        return Err(e.render(Tr(Language::En)).into());
    }
    let seq = session.last_seq();
    session.close()?;
    Ok((took, seq))
}

/// How long a step took: wall time, and the CPU time this process spent (user and system, all
/// threads) — on a shared machine the wall time grows with the load, the CPU time barely.
#[derive(Debug, Clone, Copy)]
struct Took {
    wall_ms: f64,
    cpu_ms: f64,
}

impl Took {
    /// Run `step`, timing it.
    fn of<T>(step: impl FnOnce() -> T) -> (T, Took) {
        let (wall, cpu) = (Instant::now(), cpu_ms());
        let out = step();
        let took = Took {
            wall_ms: wall.elapsed().as_secs_f64() * 1e3,
            cpu_ms: cpu_ms() - cpu,
        };
        (out, took)
    }

    /// The run with the median wall time.
    fn median(runs: &mut [Took]) -> Took {
        runs.sort_by(|a, b| a.wall_ms.total_cmp(&b.wall_ms));
        runs.get(runs.len() / 2).copied().unwrap_or(Took {
            wall_ms: 0.0,
            cpu_ms: 0.0,
        })
    }
}

/// The CPU time this process has used so far, from `/proc/self/stat` (Linux; clock ticks of
/// 10 ms; 0 elsewhere).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses: utime and stime are the 12th
    // and 13th of them.
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: f64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<f64>().ok())
        .sum();
    ticks * 10.0
}

/// A snapshot and a checkpoint `tail` events before the journal's end, kept to be put back before
/// each open (an open that folds many events writes a new snapshot, and a writer's open moves the
/// checkpoint to the head).
struct Stale {
    snapshot: Vec<u8>,
    checkpoint: Checkpoint,
}

impl Stale {
    /// Fold the journal in `dir` up to `tail` events before its end and keep that snapshot.
    fn make(dir: &Path, tail: usize) -> Result<Stale, Box<dyn std::error::Error>> {
        let journal = journal::open_read_only(dir)?;
        let events = journal.read_since(0)?;
        let k = events.len().saturating_sub(tail).max(1);
        let last = events.get(k - 1).ok_or("the journal is empty")?;
        let mut models = ReadModels::of_journal(journal.opened_chain());
        events[..k].iter().for_each(|e| models.apply(e));
        let path = dir.join(SNAPSHOT_FILE);
        Snapshot::write(&path, &models, (last.seq, last.hash))?;
        Ok(Stale {
            snapshot: std::fs::read(&path)?,
            checkpoint: Checkpoint {
                seq: last.seq,
                hash: last.hash,
            },
        })
    }

    /// Put the snapshot and the checkpoint back in `dir`.
    fn restore(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::write(dir.join(SNAPSHOT_FILE), &self.snapshot)?;
        self.checkpoint.write(dir)
    }
}

/// The same read models as the format-1 snapshot kept them (JSON): its size and read time.
struct Json {
    bytes: usize,
    read: Took,
}

impl Json {
    /// Write `models` as JSON in `dir`, read them back timed, check they are the same.
    fn measure(dir: &Path, models: &ReadModels) -> Result<Json, Box<dyn std::error::Error>> {
        let path = dir.join("journal.snapshot.json");
        std::fs::write(&path, serde_json::to_vec(models)?)?;
        let (read_back, read) = Took::of(|| {
            let bytes = std::fs::read(&path)?;
            let back: ReadModels = serde_json::from_slice(&bytes)?;
            Ok::<_, Box<dyn std::error::Error>>((bytes, back))
        });
        let (bytes, back) = read_back?;
        std::fs::remove_file(&path)?;
        if &back != models {
            return Err("the read models differ between the snapshot and JSON".into());
        }
        Ok(Json {
            bytes: bytes.len(),
            read,
        })
    }
}

/// Where an open with the snapshot spends its time, step by step as [`Session::open`] takes them.
struct Phases {
    /// Opening the journal as its writer: lock, identity, the chain checked from the checkpoint.
    journal_open: Took,
    /// Reading and decoding the snapshot file.
    snapshot_read: Took,
    /// Checking the snapshot against the journal and folding the events after it.
    fold: Took,
    /// The read models the snapshot held.
    models: ReadModels,
}

/// Open the workspace journal in `dir` step by step, timing each step.
fn phases(dir: &Path) -> Result<Phases, Box<dyn std::error::Error>> {
    let (journal, journal_open) = Took::of(|| journal::open(dir));
    let journal = journal?;
    let (snapshot, snapshot_read) = Took::of(|| Snapshot::read(&dir.join(SNAPSHOT_FILE)));
    let snapshot = snapshot.ok_or("the snapshot does not read back")?;
    let models = snapshot.models.clone();
    let (folded, fold) = Took::of(|| fold_journal(journal.as_ref(), Some(snapshot)));
    drop(folded?);
    journal.close_boxed()?;
    Ok(Phases {
        journal_open,
        snapshot_read,
        fold,
        models,
    })
}

/// The 1-, 5- and 15-minute load averages, as the system reports them (Linux).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
