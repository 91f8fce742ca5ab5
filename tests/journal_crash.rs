//! Crash safety: SIGKILL the writing process at random moments and prove that every event it
//! reported as saved is in the journal afterwards, and that the journal opens and verifies; and
//! that a desk operation of two events (a handover) is kept whole or not at all.
//!
//! The child is this test binary itself, run again with `AIRDESK_CRASH_CHILD` set so that its
//! [`crash_child`] entry does the writing instead of returning at once: the harness stays out of
//! the user's binary. In `append` mode it opens the workspace as writer and appends events until
//! killed, printing `saved SEQ RUN I` after each append returns; in `handover` mode it hands the
//! shift over again and again through the desk, printing `saved SEQ RUN I` after each handover.
//! A quarter of the kills come 0–60 ms after spawning (process start, lock, journal creation,
//! WAL recovery); the rest 0–100 ms after the first reported save (appends, checkpoints). The seed
//! is fixed, so a failure names a reproducible run.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use airdesk::journal::{Author, JournalError, OpenMode, SqliteStorage, Storage, Verification};
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};
use serde_json::{Value, json};

/// Kill-and-restart cycles in all.
const RUNS: u64 = 120;
/// Runs per workspace before starting a fresh one (keeps each check fast; covers creation).
const RUNS_PER_WORKSPACE: u64 = 6;
/// Kill-and-restart cycles of the handover test.
const HANDOVER_RUNS: u64 = 40;

/// The environment variable that turns this binary into the writing child: `MODE DIR RUN`.
const CHILD: &str = "AIRDESK_CRASH_CHILD";

/// The payload the torture helper writes for event `i` of run `run` (recomputed here
/// independently, so content is checked, not just presence).
fn expected_payload(run: u64, i: u64) -> Value {
    let pad = "x".repeat(((i * 37 + run) % 300) as usize);
    json!({"run": run, "i": i, "pad": pad})
}

/// The child's side: write until killed. Without `AIRDESK_CRASH_CHILD` (a normal test run) it
/// returns at once.
#[test]
fn crash_child() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let mut parts = spec.splitn(3, ' ');
    let (mode, run, dir) = (
        parts.next().unwrap().to_owned(),
        parts.next().unwrap().parse::<u64>().unwrap(),
        std::path::PathBuf::from(parts.next().unwrap()),
    );
    let mut out = std::io::stdout().lock();
    let mut report = |seq: u64, i: u64| {
        writeln!(out, "saved {seq} {run} {i}").unwrap();
        out.flush().unwrap();
    };
    match mode.as_str() {
        "append" => {
            let mut journal = SqliteStorage::open(&dir).unwrap();
            assert_eq!(journal.mode(), &OpenMode::ReadWrite);
            let author = Author::new("torture", "crash-test").unwrap();
            for i in 0.. {
                let now = chrono::Utc::now().fixed_offset();
                let draft = author
                    .draft(now, "torture.step", &expected_payload(run, i))
                    .unwrap();
                report(journal.append(&draft).unwrap().seq, i);
            }
        }
        "handover" => {
            let ws = airdesk::workspace::Workspace::open(&dir).unwrap();
            let mut desk = airdesk::session::Session::open(&ws);
            let officer = |i: u64| Author::new(&format!("值班员{}", i % 3), "crash-desk").unwrap();
            let now = || chrono::Utc::now().fixed_offset();
            let _ = desk.start_shift(officer(run), "", now());
            for i in 0.. {
                let started = desk.hand_over(officer(run + i + 1), "", now()).unwrap();
                report(started.map_or(0, |e| e.seq), i);
            }
        }
        other => panic!("unknown child mode {other}"),
    }
}

/// One `saved SEQ RUN I` report (the test harness may print its own words on the same line).
#[derive(Debug, Clone, Copy)]
struct Saved {
    seq: u64,
    run: u64,
    i: u64,
}

fn parse_saved(line: &str) -> Option<Saved> {
    let at = line.find("saved ")?;
    let f: Vec<u64> = line[at + 6..]
        .split(' ')
        .take(3)
        .map(|n| n.trim().parse().unwrap())
        .collect();
    Some(Saved {
        seq: f[0],
        run: f[1],
        i: f[2],
    })
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

/// Start the writer in `mode`, SIGKILL it at `kill_at`, return what it reported as saved.
fn run_and_kill(mode: &str, dir: &Path, run: u64, kill_at: KillAt) -> Vec<Saved> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD, format!("{mode} {run} {}", dir.display()))
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
            let deadline = std::time::Instant::now() + Duration::from_secs(60);
            while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
                let Ok(line) = lines.recv_timeout(left) else {
                    break;
                };
                let saved = line.contains("saved ");
                reported.push(line);
                if saved {
                    break;
                }
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
    reported
        .iter()
        .filter_map(|line| parse_saved(line))
        .collect()
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
        let saved = run_and_kill("append", workspace.path(), run, kill_at);
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

/// A handover is two events (`shift.handed_over` by the outgoing officer, `shift.started` by the
/// incoming one) stored in one transaction: killed at any moment, the journal holds both or
/// neither, every handover reported done is there, and the chain verifies.
#[test]
fn a_killed_handover_is_kept_whole_or_not_at_all() {
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[0x48; 32]);
    let mut workspace = tempfile::tempdir().unwrap();
    let mut reported: Vec<Saved> = Vec::new();
    let mut pairs = 0usize;
    for run in 0..HANDOVER_RUNS {
        if run > 0 && run % RUNS_PER_WORKSPACE == 0 {
            workspace = tempfile::tempdir().unwrap();
            reported.clear();
        }
        let kill_at = if rng.random_bool(0.2) {
            KillAt::AfterSpawn(Duration::from_millis(rng.random_range(0..80)))
        } else {
            KillAt::AfterFirstSave(Duration::from_millis(rng.random_range(0..100)))
        };
        reported.extend(run_and_kill("handover", workspace.path(), run, kill_at));
        let journal = match SqliteStorage::open_read_only(workspace.path()) {
            Ok(j) => j,
            Err(JournalError::NoJournal { .. } | JournalError::EmptyJournal { .. })
                if reported.is_empty() =>
            {
                continue;
            }
            Err(e) => panic!("run {run}: journal does not open after the kill: {e}"),
        };
        assert!(
            matches!(journal.verify().unwrap(), Verification::Intact { .. }),
            "run {run}: not intact"
        );
        let events = journal.read_since(0).unwrap();
        for (n, e) in events.iter().enumerate() {
            if e.kind == "shift.handed_over" {
                pairs += 1;
                let next = events.get(n + 1).map(|e| e.kind.as_str());
                assert_eq!(
                    next,
                    Some("shift.started"),
                    "run {run}: handover #{} kept without the shift it hands to",
                    e.seq
                );
            }
        }
        for s in &reported {
            let started = events
                .get(s.seq as usize - 1)
                .unwrap_or_else(|| panic!("run {run}: reported handover #{} is gone", s.seq));
            assert_eq!(started.kind, "shift.started");
            assert_eq!(events[s.seq as usize - 2].kind, "shift.handed_over");
        }
    }
    assert!(
        pairs > HANDOVER_RUNS as usize,
        "only {pairs} handovers made"
    );
}
