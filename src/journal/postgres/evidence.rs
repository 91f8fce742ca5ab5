//! Evidence files on a server journal: kept in the database (`airdesk.evidence`), keyed by the
//! SHA-256 of their content, so every desk opens the same file and the hash an event records
//! proves which file was meant. The server checks the hash on insert and refuses changes.
//!
//! [`EvidenceServer`] is a connection of its own (the evidence store copies a file on a worker
//! thread while the desk's journal handle stays with the session); [`PgStorage`] offers the same
//! through its handle.

use postgres::Client;
use sha2::{Digest, Sha256};

use super::{PgStorage, ServerUrl, connect, sql_error};
use crate::journal::JournalError;
use crate::journal::storage::{OpenMode, Storage};

/// The largest evidence file a server journal takes (a photo, a scanned form, a short video).
pub const MAX_EVIDENCE_BYTES: usize = 64 * 1024 * 1024;

/// A connection to a server journal's evidence table.
pub struct EvidenceServer {
    server: ServerUrl,
    client: Client,
}

impl EvidenceServer {
    /// Connect to `server` (the login's privileges decide whether it may store).
    pub fn connect(server: &ServerUrl) -> Result<Self, JournalError> {
        Ok(EvidenceServer {
            server: server.clone(),
            client: connect(server)?,
        })
    }

    /// See [`PgStorage::put_evidence`]; a viewer login is refused by the server.
    pub fn put(&mut self, name: &str, content: &[u8]) -> Result<String, JournalError> {
        put(&mut self.client, &self.server, name, content)
    }

    /// See [`PgStorage::evidence`].
    pub fn get(&mut self, sha256: &str) -> Result<Option<(String, Vec<u8>)>, JournalError> {
        get(&mut self.client, &self.server, sha256)
    }
}

impl PgStorage {
    /// Store an evidence file's content under its SHA-256 (lowercase hex, returned); storing the
    /// same content again changes nothing. Refused on a read-only handle and past
    /// [`MAX_EVIDENCE_BYTES`].
    pub fn put_evidence(&mut self, name: &str, content: &[u8]) -> Result<String, JournalError> {
        if let OpenMode::ReadOnly(reason) = self.mode() {
            return Err(JournalError::ReadOnly(reason.clone()));
        }
        let server = self.server().clone();
        put(&mut *self.client()?, &server, name, content)
    }

    /// The evidence file stored under `sha256`: its name as first stored and its content, checked
    /// against the hash again on reading; `None` when the server has none.
    pub fn evidence(&self, sha256: &str) -> Result<Option<(String, Vec<u8>)>, JournalError> {
        get(&mut *self.client()?, self.server(), sha256)
    }
}

fn hex(content: &[u8]) -> String {
    Sha256::digest(content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn put(
    client: &mut Client,
    server: &ServerUrl,
    name: &str,
    content: &[u8],
) -> Result<String, JournalError> {
    if content.len() > MAX_EVIDENCE_BYTES {
        return Err(JournalError::InvalidStamp(format!(
            "evidence file {name} is {} MiB; a server journal takes up to {} MiB",
            content.len() / (1024 * 1024),
            MAX_EVIDENCE_BYTES / (1024 * 1024)
        )));
    }
    let sha256 = hex(content);
    client
        .execute(
            "INSERT INTO airdesk.evidence (sha256, name, content) VALUES ($1, $2, $3) \
             ON CONFLICT (sha256) DO NOTHING",
            &[&sha256, &name, &content],
        )
        .map_err(sql_error(server, "storing an evidence file"))?;
    Ok(sha256)
}

fn get(
    client: &mut Client,
    server: &ServerUrl,
    sha256: &str,
) -> Result<Option<(String, Vec<u8>)>, JournalError> {
    let row = client
        .query_opt(
            "SELECT name, content FROM airdesk.evidence WHERE sha256 = $1",
            &[&sha256],
        )
        .map_err(sql_error(server, "reading an evidence file"))?;
    let Some(row) = row else {
        return Ok(None);
    };
    let (name, content): (String, Vec<u8>) = (row.get(0), row.get(1));
    if hex(&content) != sha256 {
        return Err(JournalError::Corrupt(format!(
            "evidence file {name} on the server no longer hashes to {sha256}"
        )));
    }
    Ok(Some((name, content)))
}
