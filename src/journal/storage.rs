//! The one small interface every journal backend offers: append, read since, verify.
//!
//! SQLite ([`SqliteStorage`](super::SqliteStorage)) is the backend today; a city centre whose
//! county desks share one journal can add a PostgreSQL backend behind the same trait without
//! touching the pages, the CLI or the folds.

use std::fmt;

use super::error::JournalError;
use super::event::{Draft, Event};
use super::verify::Verification;

/// Append-only event storage with a hash chain.
pub trait Storage {
    /// How this handle was opened; a read-only handle refuses [`Storage::append`].
    fn mode(&self) -> &OpenMode;

    /// Store one event durably and return it sealed (sequence number and hashes filled in). When
    /// this returns `Ok`, the event survives a crash or power cut; on `Err` nothing was stored.
    fn append(&mut self, draft: &Draft) -> Result<Event, JournalError>;

    /// Every event with a sequence number greater than `after`, in order (`0` reads them all).
    fn read_since(&self, after: u64) -> Result<Vec<Event>, JournalError>;

    /// Recompute every hash and link and report the first fault, if any.
    fn verify(&self) -> Result<Verification, JournalError>;

    /// Finish cleanly: flush, release the workspace lock. Dropping the handle does the same but
    /// cannot report a failure.
    fn close(self) -> Result<(), JournalError>
    where
        Self: Sized;
}

/// Whether a handle may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenMode {
    /// This handle is the workspace's single writer.
    ReadWrite,
    /// Reading only; the reason is what the UI shows in its banner.
    ReadOnly(ReadOnlyReason),
}

impl OpenMode {
    /// True when appends are allowed.
    pub fn is_writable(&self) -> bool {
        matches!(self, OpenMode::ReadWrite)
    }
}

/// Why a journal was opened read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The caller asked for it (projector mode, the CLI, report preview).
    Requested,
    /// Another AirDesk instance holds this workspace's writer lock.
    OtherInstance {
        /// What the holder wrote into the lock file (e.g. `pid 4242`), when readable.
        holder: Option<String>,
    },
    /// The folder or the journal file cannot be written (read-only medium or permissions).
    ReadOnlyMedium {
        /// The operating system's explanation.
        detail: String,
    },
}

impl fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadOnlyReason::Requested => write!(f, "opened for reading only"),
            ReadOnlyReason::OtherInstance { holder: Some(h) } => {
                write!(
                    f,
                    "another AirDesk instance ({h}) is writing this workspace"
                )
            }
            ReadOnlyReason::OtherInstance { holder: None } => {
                write!(f, "another AirDesk instance is writing this workspace")
            }
            ReadOnlyReason::ReadOnlyMedium { detail } => {
                write!(f, "the workspace cannot be written: {detail}")
            }
        }
    }
}
