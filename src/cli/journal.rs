//! `airdesk journal verify|export JOURNAL`: check the hash chain of a journal, or print it;
//! `airdesk journal copy SRC DST`: move a journal between a workspace folder and a PostgreSQL
//! server, either way. A JOURNAL is a workspace folder or a `postgres://USER@HOST:PORT/DB` URL
//! (the password from the URL, `PGPASSWORD` or `~/.pgpass`; never printed).
//!
//! `verify` and `export` open the journal read-only (through the session's one opener,
//! [`crate::session::journal`]), so they are safe while desks write to it. They read raw events,
//! not read models.

use super::output::outln;
use chrono::SecondsFormat;
use std::io::Write;

use crate::journal::{Event, JournalError, Location, Verification};
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
        /// Workspace folder (holds journal.sqlite) or postgres://USER@HOST:PORT/DB.
        journal: String,
    },
    /// Print every event, oldest first.
    Export {
        /// Workspace folder (holds journal.sqlite) or postgres://USER@HOST:PORT/DB.
        journal: String,
        /// JSON Lines (seq, time, operator, desk, kind, payload, prev_hash, hash) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Copy a journal into an empty one, folder to server or server to folder (or folder to
    /// folder): events as they are, the chain verified on both ends.
    Copy {
        /// The journal to copy: a workspace folder or postgres://USER@HOST:PORT/DB.
        source: String,
        /// An empty journal: a folder (created when missing) or a server database whose journal
        /// this login owns or may create.
        destination: String,
    },
}

/// Run `journal`.
pub fn run(args: &Args) -> Result<(), Failure> {
    match &args.command {
        JournalCommand::Verify { journal } => verify(&location(journal)?),
        JournalCommand::Export { journal, json } => export(&location(journal)?, *json),
        JournalCommand::Copy {
            source,
            destination,
        } => copy(&location(source)?, &location(destination)?),
    }
}

fn location(text: &str) -> Result<Location, Failure> {
    Location::parse(text).map_err(|e| Failure::unusable(e.to_string()))
}

fn verify(at: &Location) -> Result<(), Failure> {
    let journal = match opener::open_at_read_only(at) {
        Err(JournalError::Corrupt(detail)) => {
            outln!("{at}: NOT intact; the file is damaged: {detail}");
            return Err(Failure::check(format!(
                "journal verify failed: the file is damaged: {detail}"
            )));
        }
        other => other.map_err(|e| open_failure(at, e))?,
    };
    let file = at.to_string();
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

fn export(at: &Location, json: bool) -> Result<(), Failure> {
    let journal = opener::open_at_read_only(at).map_err(|e| open_failure(at, e))?;
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

fn copy(source: &Location, destination: &Location) -> Result<(), Failure> {
    let from: Journal = opener::open_at_read_only(source).map_err(|e| open_failure(source, e))?;
    let mut to: Journal = opener::open_at(destination).map_err(|e| open_failure(destination, e))?;
    let copied = crate::journal::copy(from.as_ref(), to.as_mut())
        .map_err(|e| Failure::unusable(format!("journal copy {source} -> {destination}: {e}")))?;
    drop(to);
    outln!(
        "{source}: intact, {} events, last hash {}",
        copied.events,
        copied.last_hash
    );
    outln!(
        "{destination}: intact, {} events, last hash {} (copied)",
        copied.events,
        copied.last_hash
    );
    Ok(())
}

fn open_failure(at: &Location, e: JournalError) -> Failure {
    match (at, e) {
        (Location::Folder(dir), JournalError::NoJournal { .. }) => Failure::unusable(format!(
            "no journal in {}: {} not found",
            dir.display(),
            crate::journal::JOURNAL_FILE
        )),
        (_, other) => Failure::unusable(other.to_string()),
    }
}
