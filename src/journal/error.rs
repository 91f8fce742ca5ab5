//! Everything that can go wrong opening, writing or reading a journal, worded for the duty officer.

use std::path::PathBuf;

use super::storage::ReadOnlyReason;

/// A journal operation that did not happen. Nothing is half-saved: an append either returns the
/// stored [`Event`](super::Event) or one of these, and then nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The workspace folder holds no journal (opened without permission to create one).
    #[error("no AirDesk journal in {}: {} does not exist", .dir.display(), super::JOURNAL_FILE)]
    NoJournal {
        /// The workspace folder.
        dir: PathBuf,
    },
    /// The journal file is there but empty (0 bytes): no event was ever saved in it.
    #[error(
        "{} is empty (0 bytes): no event was ever saved in it; open the workspace in the app to \
         start a new journal there",
        .path.display()
    )]
    EmptyJournal {
        /// The file.
        path: PathBuf,
    },
    /// Another instance holds the workspace and has not finished creating its journal.
    #[error(
        "another AirDesk instance is opening {} and has not created its journal yet; try again",
        .dir.display()
    )]
    BeingCreated {
        /// The workspace folder.
        dir: PathBuf,
    },
    /// The journal file is some other file (another program's SQLite database, or not SQLite).
    #[error("{} is not an AirDesk journal ({detail})", .path.display())]
    NotAJournal {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        detail: String,
    },
    /// The journal was written by a newer AirDesk whose format this version cannot read safely.
    #[error(
        "{} was written by a newer AirDesk (journal format {found}; this version reads up to \
         {supported}); update AirDesk to open it",
        .path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Format version found in the file.
        found: i64,
        /// Newest format version this build understands.
        supported: i64,
    },
    /// An append on a journal opened read-only.
    #[error("the journal is open read-only ({0}); nothing was saved")]
    ReadOnly(ReadOnlyReason),
    /// An operator name, desk id or event kind that cannot be stamped on an event.
    #[error("cannot record this event: {0}")]
    InvalidStamp(String),
    /// A payload that cannot be written as JSON.
    #[error("cannot record a {kind} event: its payload is not JSON-serialisable: {source}")]
    Encode {
        /// Event kind being written.
        kind: String,
        /// Why serialisation failed.
        source: serde_json::Error,
    },
    /// A stored payload that does not decode into the type asked for.
    #[error("event #{seq} ({kind}) does not decode as expected: {source}")]
    Decode {
        /// Sequence number of the event.
        seq: u64,
        /// Its kind.
        kind: String,
        /// Why decoding failed.
        source: serde_json::Error,
    },
    /// Stored data that cannot be read back (damaged file or edited rows); run `verify`.
    #[error("the journal is damaged: {0}; run `airdesk journal verify` for details")]
    Corrupt(String),
    /// A file-system operation on the workspace failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The journal's server cannot be reached (down, network cut, connection lost). On an
    /// append, nothing was saved: the desk says so and works read-only until it is back.
    #[error("the journal server {server} cannot be reached ({detail}); nothing was saved")]
    Unreachable {
        /// The server, without its password.
        server: String,
        /// What the connection attempt or the lost connection said.
        detail: String,
    },
    /// The journal's server answered but cannot be used as a journal (wrong password, no such
    /// database, no AirDesk schema, a newer schema, missing rights to create it).
    #[error("the journal server {server}: {detail}")]
    Server {
        /// The server, without its password.
        server: String,
        /// What is wrong.
        detail: String,
    },
    /// An append conditional on the head ([`Storage::append_after`](super::Storage::append_after))
    /// met a journal another writer had appended to since: nothing was saved.
    #[error(
        "other desks recorded events #{} to #{head} since this desk last looked; nothing was saved",
        .seen + 1
    )]
    Stale {
        /// The last event the caller had seen.
        seen: u64,
        /// The journal's last event now.
        head: u64,
    },
    /// The journal's server refused the event for this desk's role (a viewer, another unit's
    /// item, a desk name that is not this login's): nothing was saved.
    #[error("the journal server refused the event: {0}; nothing was saved")]
    Refused(String),
    /// The storage engine failed (disk full, I/O error, locked beyond the timeout, …).
    #[error("journal storage failed while {context}: {source}")]
    Storage {
        /// What the journal was doing.
        context: &'static str,
        /// The engine's error.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}
