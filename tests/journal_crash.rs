//! Crash safety: SIGKILL the writing process at random moments and prove that every event it
//! reported as saved is in the journal afterwards, and that the journal opens and verifies.
//!
//! The child is the real binary (`airdesk journal torture DIR --run R`, hidden from help): it
//! opens the workspace as writer and appends events until killed, printing `saved SEQ RUN I` after
//! each append returns. A quarter of the kills come 0–60 ms after spawning (process start, lock,
//! journal creation, WAL recovery); the rest 0–100 ms after the first reported save (appends,
//! checkpoints). The seed is fixed, so a failure names a reproducible run.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use airdesk::journal::{JournalError, OpenMode, SqliteStorage, Storage, Verification};
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};
use serde_json::{Value, json};

/// Kill-and-restart cycles in all.
const RUNS: u64 = 120;
/// Runs per workspace before starting a fresh one (keeps each check fast; covers creation).
const RUNS_PER_WORKSPACE: u64 = 6;

/// The payload the torture helper writes for event `i` of run `run` (recomputed here
/// independently, so content is checked, not just presence).
fn expected_payload(run: u64, i: u64) -> Value {
    let pad = "x".repeat(((i * 37 + run) % 300) as usize);
    json!({"run": run, "i": i, "pad": pad})
}

/// One `saved SEQ RUN I` line.
#[derive(Debug, Clone, Copy)]
struct Saved {
    seq: u64,
    run: u64,
    i: u64,
}

fn parse_saved(line: &str) -> Saved {
    let f: Vec<u64> = line
        .strip_prefix("saved ")
        .unwrap_or_else(|| panic!("unexpected child output {line:?}"))
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    Saved {
        seq: f[0],
        run: f[1],
        i: f[2],
    }
}

/// When to kill the writer.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// This long after spawning it (lands in start-up, lock, open, creation or WAL recovery).
    AfterSpawn(Duration),
    /// This long after it reported its first saved event (lands among appends and checkpoints;
    /// waiting for the first report keeps the test meaningful on a slow, loaded machine).
    AfterFirstSave(Duration),
}

/// Start the writer, SIGKILL it at `kill_at`, return what it reported as saved.
fn run_and_kill(dir: &Path, run: u64, kill_at: KillAt) -> Vec<Saved> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(["journal", "torture"])
        .arg(dir)
        .args(["--run", &run.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines_tx, lines) = mpsc::channel::<String>();
    let reader = thread::spawn(move || {
        // Only complete lines count: a line cut by the kill was never fully reported.
        let mut stdout = BufReader::new(stdout);
        let mut line = Vec::new();
        while stdout.read_until(b'\n', &mut line).unwrap() > 0 && line.ends_with(b"\n") {
            line.pop();
            if lines_tx
                .send(String::from_utf8(line.split_off(0)).unwrap())
                .is_err()
            {
                break;
            }
        }
    });
    let mut reported = Vec::new();
    match kill_at {
        KillAt::AfterSpawn(delay) => thread::sleep(delay),
        KillAt::AfterFirstSave(delay) => {
            // If the child dies instead, the channel closes and the status check below explains.
            if let Ok(first) = lines.recv_timeout(Duration::from_secs(60)) {
                reported.push(first);
            }
            thread::sleep(delay);
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "run {run}: the writer stopped by itself ({status}): {stderr}"
    );
    reader.join().unwrap();
    reported.extend(lines.try_iter());
    reported.iter().map(|line| parse_saved(line)).collect()
}

/// After a kill: the journal opens (read-only, as the CLI and a second window would), verifies
/// intact, holds every reported event with its content, and nothing else but well-formed events.
fn check_after_kill(dir: &Path, run: u64, saved_so_far: &[Saved]) {
    let journal = match SqliteStorage::open_read_only(dir) {
        Ok(j) => j,
        Err(JournalError::NoJournal { .. }) if saved_so_far.is_empty() => return,
        Err(e) => panic!("run {run}: journal does not open after the kill: {e}"),
    };
    let verification = journal.verify().unwrap();
    let Verification::Intact { events, .. } = verification else {
        panic!("run {run}: not intact after the kill: {verification:?}");
    };
    let all = journal.read_since(0).unwrap();
    assert_eq!(all.len() as u64, events);
    for (n, event) in all.iter().enumerate() {
        assert_eq!(event.seq, n as u64 + 1);
        assert_eq!(
            (event.kind.as_str(), event.operator.as_str()),
            ("torture.step", "torture")
        );
        let payload: Value = event.decode().unwrap();
        let (r, i) = (
            payload["run"].as_u64().unwrap(),
            payload["i"].as_u64().unwrap(),
        );
        assert_eq!(
            payload,
            expected_payload(r, i),
            "run {run}: event #{}",
            event.seq
        );
    }
    for s in saved_so_far {
        let event = all.get(s.seq as usize - 1).unwrap_or_else(|| {
            panic!("run {run}: event #{} was reported saved but is gone", s.seq)
        });
        assert_eq!(
            event.decode::<Value>().unwrap(),
            expected_payload(s.run, s.i),
            "run {run}: event #{} differs from what was reported saved",
            s.seq
        );
    }
}

#[test]
fn killed_writer_loses_nothing_it_reported_saved() {
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[0x41; 32]);
    let mut workspace = tempfile::tempdir().unwrap();
    let mut saved_here: Vec<Saved> = Vec::new();
    let (mut total_saved, mut runs_with_saves, mut late_runs) = (0usize, 0u64, 0u64);
    for run in 0..RUNS {
        if run > 0 && run % RUNS_PER_WORKSPACE == 0 {
            workspace = tempfile::tempdir().unwrap();
            saved_here.clear();
        }
        // A quarter of the kills land while the process starts and opens or creates the journal.
        let kill_at = if rng.random_bool(0.25) {
            KillAt::AfterSpawn(Duration::from_millis(rng.random_range(0..60)))
        } else {
            late_runs += 1;
            KillAt::AfterFirstSave(Duration::from_millis(rng.random_range(0..100)))
        };
        let saved = run_and_kill(workspace.path(), run, kill_at);
        if matches!(kill_at, KillAt::AfterFirstSave(_)) {
            assert!(
                !saved.is_empty(),
                "run {run}: killed after a save but none reported"
            );
        }
        // Within one run, reports are consecutive.
        for pair in saved.windows(2) {
            assert_eq!((pair[1].seq, pair[1].i), (pair[0].seq + 1, pair[0].i + 1));
        }
        total_saved += saved.len();
        runs_with_saves += u64::from(!saved.is_empty());
        saved_here.extend(saved);
        check_after_kill(workspace.path(), run, &saved_here);
    }
    // Most kills must really interrupt appends, or the test proves little.
    assert!(
        late_runs >= RUNS / 2,
        "only {late_runs} runs killed among appends"
    );
    eprintln!(
        "{RUNS} kills ({late_runs} among appends), {runs_with_saves} after at least one save, \
         {total_saved} events reported saved"
    );

    // The last workspace is writable again (the kill released the lock) and still intact,
    // and the CLI agrees.
    let mut journal = SqliteStorage::open(workspace.path()).unwrap();
    assert_eq!(journal.mode(), &OpenMode::ReadWrite);
    let Verification::Intact { events, .. } = journal.verify().unwrap() else {
        panic!("final journal not intact");
    };
    let author = airdesk::journal::Author::new("check", "desk").unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00+08:00").unwrap();
    let next = journal
        .append(&author.draft(at, "check.done", &()).unwrap())
        .unwrap();
    assert_eq!(next.seq, events + 1);
    journal.close().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(["journal", "verify"])
        .arg(workspace.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
