//! The SQLite journal backend: `journal.sqlite` in the workspace folder.
//!
//! Schema (format version 1, see [`FORMAT_VERSION`]), all tables `STRICT`:
//!
//! ```sql
//! schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)
//! events (seq INTEGER PRIMARY KEY CHECK (seq >= 1), recorded_at_us INTEGER NOT NULL,
//!         utc_offset_s INTEGER NOT NULL, operator TEXT NOT NULL, desk TEXT NOT NULL,
//!         kind TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
//! head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL)
//! ```
//!
//! `events` refuses UPDATE and DELETE through triggers (a guard against accidents, not against a
//! determined editor — that is what the hash chain is for). `head` holds the last sequence number
//! and hash and is updated in the same transaction as each insert, so rows deleted from the end
//! are detected and the next append keeps the gap visible. The file carries
//! `PRAGMA application_id` = [`APPLICATION_ID`] and `PRAGMA user_version` = the format version.
//! The journal runs in WAL mode with `synchronous=FULL` (and `fullfsync` on macOS): an append is
//! one `BEGIN IMMEDIATE … COMMIT`, and once it returns the event is on disk. A new journal is
//! built complete under a temporary name and renamed into place, so nobody — reader or restarted
//! writer — ever meets a half-created one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::JOURNAL_FILE;
use super::error::JournalError;
use super::event::{Draft, Event};
use super::hash::Hash;
use super::lock::{self, LockOutcome, WorkspaceLock};
use super::storage::{OpenMode, ReadOnlyReason, Storage};
use super::verify::{ChainCheck, UnreadableRow, Verification};

/// `PRAGMA application_id` of an AirDesk journal: the bytes "ADJL".
pub const APPLICATION_ID: i32 = 0x4144_4A4C;

/// The newest journal format this build reads and writes.
pub const FORMAT_VERSION: i64 = 1;

/// How long a statement waits for another connection's lock (a checkpoint, a reader starting)
/// before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SCHEMA_V1: &str = "
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL
) STRICT;
INSERT INTO schema_version (version, description)
    VALUES (1, 'events + head; SHA-256 chain, tag AirDesk journal event v1');
CREATE TABLE events (
    seq INTEGER PRIMARY KEY CHECK (seq >= 1),
    recorded_at_us INTEGER NOT NULL,
    utc_offset_s INTEGER NOT NULL,
    operator TEXT NOT NULL,
    desk TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'AirDesk journal events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'AirDesk journal events are append-only'); END;
CREATE TABLE head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
) STRICT;
";

/// Temporary name a new journal is built under before it is renamed to [`JOURNAL_FILE`].
const CREATING_FILE: &str = "journal.sqlite.creating";

const EVENT_COLUMNS: &str =
    "seq, recorded_at_us, utc_offset_s, operator, desk, kind, payload, prev_hash, hash";

/// The journal stored in SQLite.
#[derive(Debug)]
pub struct SqliteStorage {
    // Field order matters: the connection closes before the lock is released.
    conn: Connection,
    path: PathBuf,
    mode: OpenMode,
    _lock: Option<WorkspaceLock>,
}

/// What the file turned out to hold.
enum Identity {
    /// An empty database (a zero-length file put there by hand or by a copy tool).
    Fresh,
    /// An AirDesk journal of a format this build reads.
    Journal,
}

impl SqliteStorage {
    /// Open the journal in workspace folder `dir` as its writer, creating the journal if there is
    /// none. If another instance holds the workspace, or the folder cannot be written, the journal
    /// opens read-only instead and [`Storage::mode`] says why.
    pub fn open(dir: &Path) -> Result<Self, JournalError> {
        match lock::acquire(dir)? {
            LockOutcome::Acquired(lock) => Self::open_writer(dir, lock),
            LockOutcome::ReadOnly(reason) => Self::open_reader(dir, reason),
        }
    }

    /// Open the journal in `dir` for reading only (projector mode, the CLI). Never creates,
    /// locks or writes anything; fails with [`JournalError::NoJournal`] if there is no journal.
    pub fn open_read_only(dir: &Path) -> Result<Self, JournalError> {
        Self::open_reader(dir, ReadOnlyReason::Requested)
    }

    /// A writable journal that lives in memory only, for tests of code that folds events.
    pub fn open_in_memory() -> Result<Self, JournalError> {
        let conn = Connection::open_in_memory().map_err(db("opening an in-memory journal"))?;
        let storage = SqliteStorage {
            conn,
            path: PathBuf::from(":memory:"),
            mode: OpenMode::ReadWrite,
            _lock: None,
        };
        initialise(&storage.conn)?;
        Ok(storage)
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_writer(dir: &Path, lock: WorkspaceLock) -> Result<Self, JournalError> {
        let path = dir.join(JOURNAL_FILE);
        match std::fs::metadata(&path) {
            Ok(meta) => regular(&path, &meta)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(dir, &path)?,
            Err(source) => return Err(JournalError::Io { path, source }),
        }
        let mut conn = open_read_write(&path)?;
        // SQLite silently falls back to read-only when the file is write-protected.
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            drop(conn);
            drop(lock);
            let detail = format!("{} is write-protected", path.display());
            return Self::open_reader(dir, ReadOnlyReason::ReadOnlyMedium { detail });
        }
        if let Identity::Fresh = identify(&conn, &path)? {
            // An empty file where the journal should be: replace it with a new journal.
            drop(conn);
            create(dir, &path)?;
            conn = open_read_write(&path)?;
            identify(&conn, &path)?;
        }
        set_durability(&conn)?;
        Ok(SqliteStorage {
            conn,
            path,
            mode: OpenMode::ReadWrite,
            _lock: Some(lock),
        })
    }

    fn open_reader(dir: &Path, reason: ReadOnlyReason) -> Result<Self, JournalError> {
        let path = dir.join(JOURNAL_FILE);
        match std::fs::metadata(&path) {
            Ok(meta) => regular(&path, &meta)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(JournalError::NoJournal {
                    dir: dir.to_path_buf(),
                });
            }
            Err(source) => return Err(JournalError::Io { path, source }),
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| open_error(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(db("setting the busy timeout"))?;
        // A WAL journal on a medium where SQLite can create neither `-wal` nor `-shm` cannot be
        // opened normally; nobody can be writing there, so read the file as immutable.
        let conn = match read_header(&conn) {
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::CannotOpen) => {
                drop(conn);
                let uri_flags = flags | OpenFlags::SQLITE_OPEN_URI;
                let conn = Connection::open_with_flags(immutable_uri(&path), uri_flags)
                    .map_err(|e| open_error(&path, e))?;
                conn.busy_timeout(BUSY_TIMEOUT)
                    .map_err(db("setting the busy timeout"))?;
                conn
            }
            _ => conn,
        };
        let identity = identify(&conn, &path)?;
        if let Identity::Fresh = identity {
            return Err(JournalError::NoJournal {
                dir: dir.to_path_buf(),
            });
        }
        Ok(SqliteStorage {
            conn,
            path,
            mode: OpenMode::ReadOnly(reason),
            _lock: None,
        })
    }

    fn head(conn: &Connection) -> Result<(u64, Hash), JournalError> {
        let (seq, hash): (i64, String) = conn
            .query_row("SELECT seq, hash FROM head WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(db("reading the journal head"))?
            .ok_or_else(|| JournalError::Corrupt("the journal head record is missing".into()))?;
        let seq = u64::try_from(seq)
            .map_err(|_| JournalError::Corrupt(format!("the journal head says #{seq}")))?;
        let hash = hash
            .parse()
            .map_err(|e| JournalError::Corrupt(format!("the journal head: {e}")))?;
        Ok((seq, hash))
    }
}

impl Storage for SqliteStorage {
    fn mode(&self) -> &OpenMode {
        &self.mode
    }

    fn append(&mut self, draft: &Draft) -> Result<Event, JournalError> {
        if let OpenMode::ReadOnly(reason) = &self.mode {
            return Err(JournalError::ReadOnly(reason.clone()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db("starting to save an event"))?;
        let (head_seq, head_hash) = Self::head(&tx)?;
        let event = Event::seal(draft, head_seq + 1, head_hash)?;
        let seq = i64::try_from(event.seq)
            .map_err(|_| JournalError::Corrupt("sequence numbers exhausted".into()))?;
        tx.execute(
            &format!(
                "INSERT INTO events ({EVENT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ),
            rusqlite::params![
                seq,
                event.recorded_at.timestamp_micros(),
                event.utc_offset.local_minus_utc(),
                event.operator,
                event.desk,
                event.kind,
                event.payload,
                event.prev_hash.to_string(),
                event.hash.to_string(),
            ],
        )
        .map_err(db("saving an event"))?;
        tx.execute(
            "UPDATE head SET seq = ?1, hash = ?2 WHERE id = 1",
            rusqlite::params![seq, event.hash.to_string()],
        )
        .map_err(db("saving an event"))?;
        tx.commit().map_err(db("saving an event"))?;
        Ok(event)
    }

    fn read_since(&self, after: u64) -> Result<Vec<Event>, JournalError> {
        let Ok(after) = i64::try_from(after) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events WHERE seq > ?1 ORDER BY seq"
            ))
            .map_err(db("reading events"))?;
        let mut rows = stmt.query([after]).map_err(db("reading events"))?;
        let mut events = Vec::new();
        while let Some(row) = rows.next().map_err(db("reading events"))? {
            let event = decode_row(row).map_err(|bad| {
                JournalError::Corrupt(match bad.seq {
                    Some(seq) => format!("event #{seq} is unreadable: {}", bad.detail),
                    None => format!("an event is unreadable: {}", bad.detail),
                })
            })?;
            events.push(event);
        }
        Ok(events)
    }

    fn verify(&self) -> Result<Verification, JournalError> {
        let damage: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("PRAGMA quick_check")
                .map_err(db("checking the file"))?;
            stmt.query_map([], |r| r.get::<_, String>(0))
                .map_err(db("checking the file"))?
                .collect::<Result<_, _>>()
                .map_err(db("checking the file"))?
        };
        if damage.first().map(String::as_str) != Some("ok") {
            // One line for the CLI and the banner: the first few findings.
            let findings: Vec<&str> = damage
                .iter()
                .flat_map(|row| row.lines())
                .filter(|l| !l.starts_with("***"))
                .collect();
            let more = if findings.len() > 3 { "; …" } else { "" };
            return Err(JournalError::Corrupt(format!(
                "SQLite integrity check failed: {}{more}",
                findings[..findings.len().min(3)].join("; ")
            )));
        }
        // One read transaction, so the rows and the head are the same snapshot even while
        // another instance appends.
        let tx = self.conn.unchecked_transaction().map_err(db("verifying"))?;
        let (head_seq, head_hash) = Self::head(&tx)?;
        let mut check = ChainCheck::new();
        let mut stmt = tx
            .prepare(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY seq"))
            .map_err(db("verifying"))?;
        let mut rows = stmt.query([]).map_err(db("verifying"))?;
        while let Some(row) = rows.next().map_err(db("verifying"))? {
            let decoded = decode_row(row);
            if let Some(broken) = check.row(decoded.as_ref().map_err(Clone::clone)) {
                return Ok(Verification::Broken(broken));
            }
        }
        Ok(check.finish(head_seq, head_hash))
    }

    fn close(self) -> Result<(), JournalError> {
        let SqliteStorage { conn, _lock, .. } = self;
        conn.close().map_err(|(_, e)| JournalError::Storage {
            context: "closing the journal",
            source: Box::new(e),
        })
        // `_lock` is released here, after the connection is closed.
    }
}

/// Refuse a FIFO, device or folder named `journal.sqlite` (opening a FIFO would hang).
fn regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), JournalError> {
    crate::ingest::input::check_regular(meta).map_err(|e| JournalError::NotAJournal {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

fn set_durability(conn: &Connection) -> Result<(), JournalError> {
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
        .map_err(db("switching to WAL mode"))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(JournalError::Storage {
            context: "switching to WAL mode",
            source: format!("SQLite kept journal_mode={mode}").into(),
        });
    }
    for (name, value) in [
        ("synchronous", "FULL"),
        ("fullfsync", "ON"),
        ("checkpoint_fullfsync", "ON"),
    ] {
        conn.pragma_update(None, name, value)
            .map_err(db("setting durability"))?;
    }
    Ok(())
}

/// Create the schema and stamp the file as a journal, all in one transaction, so a crash
/// leaves either an untouched file or a complete empty journal.
fn initialise(conn: &Connection) -> Result<(), JournalError> {
    let tx = conn
        .unchecked_transaction()
        .map_err(db("creating the journal"))?;
    tx.execute_batch(SCHEMA_V1)
        .map_err(db("creating the journal"))?;
    tx.execute(
        "INSERT INTO head (id, seq, hash) VALUES (1, 0, ?1)",
        [Hash::GENESIS.to_string()],
    )
    .map_err(db("creating the journal"))?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(db("creating the journal"))?;
    tx.pragma_update(None, "user_version", FORMAT_VERSION)
        .map_err(db("creating the journal"))?;
    tx.commit().map_err(db("creating the journal"))
}

/// Create a new journal at `path` atomically: build it complete under a temporary name, then
/// rename it into place, so no reader (and no crash) ever meets a half-made journal.
fn create(dir: &Path, path: &Path) -> Result<(), JournalError> {
    let tmp = dir.join(CREATING_FILE);
    for leftover in ["", "-journal", "-wal", "-shm"] {
        let file = dir.join(format!("{CREATING_FILE}{leftover}"));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(JournalError::Io { path: file, source }),
        }
    }
    let conn = open_read_write(&tmp)?;
    set_durability(&conn)?;
    initialise(&conn)?;
    conn.close().map_err(|(_, e)| JournalError::Storage {
        context: "creating the journal",
        source: Box::new(e),
    })?;
    std::fs::rename(&tmp, path).map_err(|source| JournalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // Make the new directory entry durable too (on Windows the rename is enough).
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| JournalError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    Ok(())
}

fn open_read_write(path: &Path) -> Result<Connection, JournalError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(db("setting the busy timeout"))?;
    Ok(conn)
}

/// Read one `events` row; anything odd becomes an [`UnreadableRow`] rather than an error, so
/// `verify` can name the row.
fn decode_row(row: &rusqlite::Row<'_>) -> Result<Event, UnreadableRow> {
    let seq: Option<i64> = row.get(0).ok();
    let bad = |detail: String| UnreadableRow { seq, detail };
    let text = |i: usize| -> Result<String, UnreadableRow> {
        row.get::<_, String>(i)
            .map_err(|e| bad(format!("column {i}: {e}")))
    };
    let seq_u = seq
        .and_then(|s| u64::try_from(s).ok())
        .ok_or_else(|| bad("sequence number is not a positive integer".into()))?;
    let micros: i64 = row
        .get(1)
        .map_err(|e| bad(format!("recorded_at_us: {e}")))?;
    let offset: i64 = row.get(2).map_err(|e| bad(format!("utc_offset_s: {e}")))?;
    let recorded_at = chrono::DateTime::from_timestamp_micros(micros)
        .ok_or_else(|| bad(format!("time {micros} µs is out of range")))?;
    let utc_offset = i32::try_from(offset)
        .ok()
        .and_then(chrono::FixedOffset::east_opt)
        .ok_or_else(|| bad(format!("UTC offset {offset} s is invalid")))?;
    let prev_hash = text(7)?
        .parse()
        .map_err(|e| bad(format!("prev_hash: {e}")))?;
    let hash = text(8)?.parse().map_err(|e| bad(format!("hash: {e}")))?;
    Ok(Event {
        seq: seq_u,
        recorded_at,
        utc_offset,
        operator: text(3)?,
        desk: text(4)?,
        kind: text(5)?,
        payload: text(6)?,
        prev_hash,
        hash,
    })
}

/// `application_id`, `user_version` and the number of schema objects.
fn read_header(conn: &Connection) -> rusqlite::Result<(i32, i64, i64)> {
    conn.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id), \
                (SELECT user_version FROM pragma_user_version), \
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// Tell an AirDesk journal from an empty file and from anything else.
fn identify(conn: &Connection, path: &Path) -> Result<Identity, JournalError> {
    let not_a_journal = |detail: String| JournalError::NotAJournal {
        path: path.to_path_buf(),
        detail,
    };
    let header = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), \
                    (SELECT user_version FROM pragma_user_version), \
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| {
                Ok((
                    r.get::<_, i32>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => not_a_journal("not an SQLite database".into()),
            _ => JournalError::Storage {
                context: "opening the journal",
                source: Box::new(e),
            },
        })?;
    match header {
        (APPLICATION_ID, version, _) if version > FORMAT_VERSION => Err(JournalError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: FORMAT_VERSION,
        }),
        (APPLICATION_ID, version, _) if version >= 1 => {
            let recorded: Option<i64> = conn
                .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
                .map_err(|e| not_a_journal(format!("no schema_version table: {e}")))?;
            if recorded == Some(version) {
                Ok(Identity::Journal)
            } else {
                Err(JournalError::Corrupt(format!(
                    "the file says format {version} but its schema_version table says {recorded:?}"
                )))
            }
        }
        (0, 0, 0) => Ok(Identity::Fresh),
        (0, _, tables) => Err(not_a_journal(format!(
            "an SQLite database of another program, with {tables} schema objects"
        ))),
        (id, version, _) => Err(not_a_journal(format!(
            "an SQLite database with application_id {id:#010x}, user_version {version}"
        ))),
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> JournalError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => JournalError::NotAJournal {
            path: path.to_path_buf(),
            detail: "not an SQLite database".into(),
        },
        _ => JournalError::Storage {
            context: "opening the journal",
            source: Box::new(e),
        },
    }
}

/// An SQLite URI that opens `path` as immutable (no locking, no `-shm`, the `-wal` ignored).
fn immutable_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if text.as_bytes().get(1) == Some(&b':') {
        uri.push_str("///"); // Windows drive letter: file:///C:/…
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Wrap an engine error, telling damage (SQLITE_CORRUPT) apart from other failures.
fn db(context: &'static str) -> impl Fn(rusqlite::Error) -> JournalError {
    move |e| match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) => JournalError::Corrupt(format!("{context}: {e}")),
        _ => JournalError::Storage {
            context,
            source: Box::new(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_runs_wal_with_full_sync() {
        let dir = tempfile::tempdir().unwrap();
        let j = SqliteStorage::open(dir.path()).unwrap();
        let get =
            |name: &str| -> i64 { j.conn.pragma_query_value(None, name, |r| r.get(0)).unwrap() };
        assert_eq!(get("synchronous"), 2, "FULL");
        assert_eq!(get("fullfsync"), 1);
        let mode: String = j
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    /// A commit after any read of `sample-data/` must not ship a WAL, a shared-memory file or the
    /// lock beside the sample journal (#11 item 16).
    #[test]
    fn side_files_of_a_journal_are_ignored_by_git() {
        let ignore = include_str!("../../.gitignore");
        for pattern in ["*.sqlite-wal", "*.sqlite-shm", "journal.lock"] {
            assert!(ignore.lines().any(|l| l.trim() == pattern), "{pattern}");
        }
    }

    #[test]
    fn immutable_uri_escapes_the_path() {
        assert_eq!(
            immutable_uri(Path::new("/media/usb/值守 #1/journal.sqlite")),
            "file:/media/usb/%E5%80%BC%E5%AE%88%20%231/journal.sqlite?immutable=1"
        );
        assert_eq!(
            immutable_uri(Path::new(r"D:\AirDesk\journal.sqlite")),
            "file:///D:/AirDesk/journal.sqlite?immutable=1"
        );
    }
}
