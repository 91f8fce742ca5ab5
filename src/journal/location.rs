//! Where a journal is: a workspace folder (SQLite, `journal.sqlite`) or a PostgreSQL server URL.
//! The CLI's `journal verify|export|copy` take either (opened through the session's one opener,
//! `crate::session::journal`); `Display` never shows a password.

use std::fmt;
use std::path::PathBuf;

use super::error::JournalError;
use super::postgres::ServerUrl;

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
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Folder(dir) => write!(f, "{}", dir.join(super::JOURNAL_FILE).display()),
            Location::Server(url) => write!(f, "{url}"),
        }
    }
}
