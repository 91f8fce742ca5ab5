//! The one small interface every journal backend offers: append, read since, verify.
//!
//! SQLite ([`SqliteStorage`](super::SqliteStorage)) is the backend today; a city centre whose
//! county desks share one journal can add a PostgreSQL backend behind the same trait without
//! touching the pages, the CLI or the folds.

use std::fmt;

use super::error::JournalError;
use super::event::{Draft, Event};
use super::verify::{Break, Verification};

#[cfg(doc)]
use super::event::Head;

/// Append-only event storage with a hash chain.
pub trait Storage {
    /// How this handle was opened; a read-only handle refuses [`Storage::append`].
    fn mode(&self) -> &OpenMode;

    /// Store `drafts` durably as consecutive events in one transaction and return them sealed
    /// (sequence numbers and hashes filled in): when this returns `Ok` they all survive a crash
    /// or power cut; on `Err`, or if the process dies on the way, none was stored. A desk
    /// operation of several events (a handover) goes through here. No event is stamped earlier
    /// than the one before it: an earlier time is raised to it ([`Head::seal_next`]), so the
    /// caller compares the returned times with the ones it asked for to say so.
    fn append_all(&mut self, drafts: &[Draft]) -> Result<Vec<Event>, JournalError>;

    /// Store one event; see [`Storage::append_all`].
    fn append(&mut self, draft: &Draft) -> Result<Event, JournalError> {
        self.append_all(std::slice::from_ref(draft))?
            .pop()
            .ok_or_else(|| JournalError::Corrupt("an append stored nothing".into()))
    }

    /// Every event with a sequence number greater than `after`, in order (`0` reads them all).
    fn read_since(&self, after: u64) -> Result<Vec<Event>, JournalError>;

    /// Recompute every hash and link and report the first fault, if any.
    fn verify(&self) -> Result<Verification, JournalError>;

    /// What verifying the chain (from the desk's checkpoint on) found when the journal was
    /// opened. A handle whose chain is broken refuses appends ([`ReadOnlyReason::Broken`]); pages
    /// and reports show the break.
    fn opened_chain(&self) -> &Verification;

    /// Finish cleanly: flush, release the workspace lock. Dropping the handle does the same but
    /// cannot report a failure.
    fn close(self) -> Result<(), JournalError>
    where
        Self: Sized;

    /// [`Storage::close`] for a handle of any backend behind a box (the session's journal).
    fn close_boxed(self: Box<Self>) -> Result<(), JournalError>;
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
    /// The hash chain is broken: nothing more is recorded until the journal is restored.
    Broken(Break),
    /// A `-wal` file beside the journal does not belong to it; it is left untouched (a writer
    /// would merge it in for good) and the journal is read without it.
    ForeignWal,
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
            ReadOnlyReason::Broken(b) => write!(
                f,
                "the journal's hash chain is broken ({b}); nothing more is recorded until it is \
                 restored from a backup"
            ),
            ReadOnlyReason::ForeignWal => write!(
                f,
                "journal.sqlite-wal does not belong to this journal; it was left untouched and the \
                 journal is read without it"
            ),
        }
    }
}
