//! The one place a journal is opened: the session's own handle, the follower's second reader,
//! and the CLI's `journal verify|export|copy` (which read raw events, not read models). The
//! backend — the workspace's `journal.sqlite`, or the PostgreSQL journal several desks share
//! (`journal = "postgres://…"` in `settings.toml`) — is chosen here, behind the same
//! [`Storage`] trait, without the pages, the CLI or the folds noticing.

use std::path::Path;

use crate::journal::{JournalError, Location, PgStorage, ServerUrl, SqliteStorage, Storage};
use crate::workspace::Workspace;

/// A journal handle of any backend, movable to a follower thread.
pub type Journal = Box<dyn Storage + Send>;

/// Where `workspace` keeps its journal: the server its settings name, else its own folder.
pub fn location_of(workspace: &Workspace) -> Result<Location, JournalError> {
    match &workspace.settings().journal {
        Some(setting) => Ok(Location::Server(Box::new(setting.server()?))),
        None => Ok(Location::Folder(workspace.root().to_path_buf())),
    }
}

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

/// Open the journal on `server` as this desk's: creating or migrating its schema when the login
/// may, read-only (the mode says why) for a viewer, an unregistered login or a broken chain. The
/// desk keeps its checkpoint of the server's chain in `desk_dir` (its workspace folder).
pub fn open_server(server: &ServerUrl, desk_dir: Option<&Path>) -> Result<Journal, JournalError> {
    Ok(Box::new(PgStorage::open(server, desk_dir)?))
}

/// Open the journal on `server` for reading only (a read-only workspace); creates nothing.
pub fn open_server_read_only(
    server: &ServerUrl,
    desk_dir: Option<&Path>,
) -> Result<Journal, JournalError> {
    Ok(Box::new(PgStorage::open_read_only(server, desk_dir)?))
}

/// Open the journal at `at` for reading only (the CLI; a server journal is verified from its
/// start).
pub fn open_at_read_only(at: &Location) -> Result<Journal, JournalError> {
    match at {
        Location::Folder(dir) => open_read_only(dir),
        Location::Server(url) => open_server_read_only(url, None),
    }
}

/// Open the journal at `at` as a writer, creating it (a folder is created when missing; a
/// server's schema when this login may): where `journal copy` writes.
pub fn open_at(at: &Location) -> Result<Journal, JournalError> {
    match at {
        Location::Folder(dir) => {
            std::fs::create_dir_all(dir).map_err(|source| JournalError::Io {
                path: dir.clone(),
                source,
            })?;
            open(dir)
        }
        Location::Server(url) => open_server(url, None),
    }
}

/// An empty journal in memory (tests, and sessions that must start from a given plan without a
/// workspace).
pub fn in_memory() -> Result<Journal, JournalError> {
    Ok(Box::new(SqliteStorage::open_in_memory()?))
}
