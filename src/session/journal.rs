//! The one place a workspace journal is opened: the session's own handle, the follower's second
//! reader, and the CLI's `journal verify|export` (which read raw events, not read models). A
//! server backend (PostgreSQL for desks sharing one journal) is chosen here too, behind the same
//! [`Storage`] trait, without the pages, the CLI or the folds noticing.

use std::path::Path;

use crate::journal::{JournalError, SqliteStorage, Storage};

/// A journal handle of any backend, movable to a follower thread.
pub type Journal = Box<dyn Storage + Send>;

/// Open the journal of workspace folder `dir` as its writer, creating it if there is none; it
/// opens read-only (the mode says why) when another instance holds the workspace or the folder
/// cannot be written.
pub fn open(dir: &Path) -> Result<Journal, JournalError> {
    Ok(Box::new(SqliteStorage::open(dir)?))
}

/// Open the journal of `dir` for reading only; never creates, locks or writes anything; fails
/// with [`JournalError::NoJournal`] when there is none.
pub fn open_read_only(dir: &Path) -> Result<Journal, JournalError> {
    Ok(Box::new(SqliteStorage::open_read_only(dir)?))
}

/// An empty journal in memory (tests, and sessions that must start from a given plan without a
/// workspace).
pub fn in_memory() -> Result<Journal, JournalError> {
    Ok(Box::new(SqliteStorage::open_in_memory()?))
}
