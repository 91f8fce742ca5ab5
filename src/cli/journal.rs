//! `airdesk journal verify|export DIR`: check the hash chain of a workspace's journal, or print it.
//!
//! Both open the journal read-only (through the session's one opener,
//! [`crate::session::journal`]), so they are safe while the desktop app runs on the same
//! workspace. They read raw events, not read models.

use super::output::outln;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::SecondsFormat;

use crate::journal::{Event, JOURNAL_FILE, JournalError, Verification};
use crate::session::journal::{self as opener, Journal};

use super::Failure;

/// Arguments of `airdesk journal`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do with the journal.
    #[command(subcommand)]
    pub command: JournalCommand,
}

/// The `journal` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum JournalCommand {
    /// Recompute every hash and link: print the first broken link and exit 1, or say it is intact.
    Verify {
        /// Workspace folder (holds journal.sqlite).
        dir: PathBuf,
    },
    /// Print every event, oldest first.
    Export {
        /// Workspace folder (holds journal.sqlite).
        dir: PathBuf,
        /// JSON Lines (seq, time, operator, desk, kind, payload, prev_hash, hash) instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Run `journal`.
pub fn run(args: &Args) -> Result<(), Failure> {
    match &args.command {
        JournalCommand::Verify { dir } => verify(dir),
        JournalCommand::Export { dir, json } => export(dir, *json),
    }
}

fn verify(dir: &Path) -> Result<(), Failure> {
    let file = dir.join(JOURNAL_FILE).display().to_string();
    let journal = match opener::open_read_only(dir) {
        Err(JournalError::Corrupt(detail)) => {
            outln!("{file}: NOT intact; the file is damaged: {detail}");
            return Err(Failure::check(format!(
                "journal verify failed: the file is damaged: {detail}"
            )));
        }
        opened => opened.map_err(|e| open_failure(dir, e))?,
    };
    match journal.verify() {
        Ok(Verification::Intact { events, last_hash }) => {
            outln!("{file}: intact, {events} events, last hash {last_hash}");
            Ok(())
        }
        Ok(Verification::Broken(broken)) => {
            outln!("{file}: NOT intact; first broken link: {broken}");
            Err(Failure::check(format!(
                "journal verify failed at event #{}",
                broken.seq
            )))
        }
        Err(JournalError::Corrupt(detail)) => {
            outln!("{file}: NOT intact; the file is damaged: {detail}");
            Err(Failure::check(format!(
                "journal verify failed: the file is damaged: {detail}"
            )))
        }
        Err(e) => Err(Failure::unusable(e.to_string())),
    }
}

fn export(dir: &Path, json: bool) -> Result<(), Failure> {
    let journal = open(dir)?;
    let events = journal
        .read_since(0)
        .map_err(|e| Failure::unusable(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    for event in &events {
        let line = if json {
            serde_json::to_string(&to_json(event)?)
                .map_err(|e| Failure::unusable(format!("cannot write JSON: {e}")))?
        } else {
            super::output::printable(&text_line(event)).into_owned()
        };
        match writeln!(out, "{line}") {
            Ok(()) => {}
            // The reader stopped early (`| head`): not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(Failure::unusable(format!("cannot write to stdout: {e}"))),
        }
    }
    out.flush().or_else(|e| match e.kind() {
        std::io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(Failure::unusable(format!("cannot write to stdout: {e}"))),
    })
}

/// One exported event (JSON Lines).
#[derive(serde::Serialize)]
struct EventJson<'a> {
    seq: u64,
    time: String,
    operator: &'a str,
    desk: &'a str,
    kind: &'a str,
    payload: serde_json::Value,
    prev_hash: String,
    hash: String,
}

fn to_json(e: &Event) -> Result<EventJson<'_>, Failure> {
    Ok(EventJson {
        seq: e.seq,
        time: local_iso(e),
        operator: &e.operator,
        desk: &e.desk,
        kind: &e.kind,
        payload: e
            .decode()
            .map_err(|err| Failure::unusable(err.to_string()))?,
        prev_hash: e.prev_hash.to_string(),
        hash: e.hash.to_string(),
    })
}

fn text_line(e: &Event) -> String {
    format!(
        "#{:<6} {}  {} @ {}  {}  {}  [{}]",
        e.seq,
        e.local_time().format("%Y-%m-%d %H:%M:%S %:z"),
        e.operator,
        e.desk,
        e.kind,
        e.payload,
        e.hash.short(12)
    )
}

/// ISO-8601 in the operator's local offset, with as many fraction digits as needed.
fn local_iso(e: &Event) -> String {
    e.local_time().to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn open(dir: &Path) -> Result<Journal, Failure> {
    opener::open_read_only(dir).map_err(|e| open_failure(dir, e))
}

fn open_failure(dir: &Path, e: JournalError) -> Failure {
    match e {
        JournalError::NoJournal { .. } => Failure::unusable(format!(
            "no journal in {}: {JOURNAL_FILE} not found",
            dir.display()
        )),
        other => Failure::unusable(other.to_string()),
    }
}
