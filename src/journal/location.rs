//! Where a journal is: a workspace folder (SQLite, `journal.sqlite`) or a PostgreSQL server URL.
//! The CLI's `journal verify|export|copy` take either; `Display` never shows a password.

use std::fmt;
use std::path::PathBuf;

use super::error::JournalError;
use super::postgres::{PgStorage, ServerUrl};
use super::sqlite::SqliteStorage;
use super::storage::Storage;

/// A journal handle of either backend, movable to another thread.
pub type AnyStorage = Box<dyn Storage + Send>;

/// A workspace folder or a server journal.
#[derive(Debug, Clone)]
pub enum Location {
    /// `journal.sqlite` in this folder.
    Folder(PathBuf),
    /// The journal on this server.
    Server(Box<ServerUrl>),
}

impl Location {
    /// A `postgres://` URL is a server, anything else a folder.
    pub fn parse(text: &str) -> Result<Location, JournalError> {
        if ServerUrl::is_server_url(text) {
            Ok(Location::Server(Box::new(ServerUrl::parse(text)?)))
        } else {
            Ok(Location::Folder(PathBuf::from(text)))
        }
    }

    /// Open for reading only: never creates or writes anything (a server journal is verified
    /// from its start on opening, a folder's from its checkpoint).
    pub fn open_read_only(&self) -> Result<AnyStorage, JournalError> {
        Ok(match self {
            Location::Folder(dir) => Box::new(SqliteStorage::open_read_only(dir)?),
            Location::Server(url) => Box::new(PgStorage::open_read_only(url, None)?),
        })
    }

    /// Open as a writer, creating the journal (a folder is created when missing; a server's
    /// schema when this login may).
    pub fn open_writer(&self) -> Result<AnyStorage, JournalError> {
        Ok(match self {
            Location::Folder(dir) => {
                std::fs::create_dir_all(dir).map_err(|source| JournalError::Io {
                    path: dir.clone(),
                    source,
                })?;
                Box::new(SqliteStorage::open(dir)?)
            }
            Location::Server(url) => Box::new(PgStorage::open(url, None)?),
        })
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Folder(dir) => write!(f, "{}", dir.join(super::JOURNAL_FILE).display()),
            Location::Server(url) => write!(f, "{url}"),
        }
    }
}
