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
use super::checkpoint::Checkpoint;
use super::error::JournalError;
use super::event::{Draft, Event, Head};
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
    // Field order matters: the connection closes before the copy is removed and the lock is
    // released.
    conn: Connection,
    path: PathBuf,
    mode: OpenMode,
    opened: Verification,
    _copy: Option<tempfile::TempDir>,
    _lock: Option<WorkspaceLock>,
}

/// What the file turned out to hold.
enum Identity {
    /// An empty database (a zero-length file put there by hand or by a copy tool).
    Fresh,
    /// An AirDesk journal of a format this build reads.
    Journal,
}

/// How long a reader waits for another instance that holds the workspace to create its journal
/// (two instances started at the same moment).
const CREATION_WAIT: Duration = Duration::from_secs(5);

/// A connection that reads the journal without writing anything into the workspace.
struct View {
    conn: Connection,
    copy: Option<tempfile::TempDir>,
}

impl SqliteStorage {
    /// Open the journal in workspace folder `dir` as its writer, creating the journal if there is
    /// none. If another instance holds the workspace, or the folder cannot be written, the journal
    /// opens read-only instead and [`Storage::mode`] says why; so it does when the hash chain is
    /// broken or a `-wal` file beside it does not belong to it (see [`Storage::opened_chain`]).
    pub fn open(dir: &Path) -> Result<Self, JournalError> {
        match lock::acquire(dir)? {
            LockOutcome::Acquired(lock) => Self::open_writer(dir, lock),
            LockOutcome::ReadOnly(reason) => Self::open_reader(dir, reason),
        }
    }

    /// Open the journal in `dir` for reading only (projector mode, the CLI). Never creates,
    /// locks or writes anything in `dir`: a journal with an un-merged `-wal` and no writer
    /// running is read from a temporary copy. Fails with [`JournalError::NoJournal`] if there is
    /// no journal.
    pub fn open_read_only(dir: &Path) -> Result<Self, JournalError> {
        Self::open_reader(dir, ReadOnlyReason::Requested)
    }

    /// A writable journal that lives in memory only, for tests of code that folds events.
    pub fn open_in_memory() -> Result<Self, JournalError> {
        let conn = Connection::open_in_memory().map_err(db("opening an in-memory journal"))?;
        initialise(&conn)?;
        Ok(SqliteStorage {
            conn,
            path: PathBuf::from(":memory:"),
            mode: OpenMode::ReadWrite,
            opened: Verification::Intact {
                events: 0,
                last_hash: Hash::GENESIS,
            },
            _copy: None,
            _lock: None,
        })
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_writer(dir: &Path, lock: WorkspaceLock) -> Result<Self, JournalError> {
        let path = dir.join(JOURNAL_FILE);
        match std::fs::metadata(&path) {
            Ok(meta) if meta.len() == 0 => create(dir, &path)?,
            Ok(meta) => regular(&path, &meta)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(dir, &path)?,
            Err(source) => return Err(JournalError::Io { path, source }),
        }
        // Check the chain on a view that writes nothing before a writer connection may merge a
        // `-wal` into the file for good.
        let view = View::open(&path, false)?;
        let opened = match identify(&view.conn, &path)? {
            Identity::Fresh => {
                drop(view);
                create(dir, &path)?;
                Verification::Intact {
                    events: 0,
                    last_hash: Hash::GENESIS,
                }
            }
            Identity::Journal => {
                let opened = check_at_open(&view.conn, dir)?;
                if let Verification::Broken(b) = &opened {
                    let reason = if has_wal(&path) && wal_is_foreign(&path, dir)? {
                        ReadOnlyReason::ForeignWal
                    } else {
                        ReadOnlyReason::Broken(b.clone())
                    };
                    drop(lock);
                    let view = if reason == ReadOnlyReason::ForeignWal {
                        View::immutable(&path)?
                    } else {
                        view
                    };
                    let opened = check_at_open(&view.conn, dir)?;
                    return Ok(Self::reading(view, path, reason, opened));
                }
                opened
            }
        };
        let conn = open_read_write(&path)?;
        // SQLite silently falls back to read-only when the file is write-protected, and fails to
        // switch to WAL when the folder cannot hold the `-wal` file.
        let cannot_write = if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            Some(format!("{} is write-protected", path.display()))
        } else {
            match set_durability(&conn) {
                Ok(()) => None,
                Err(e) if is_read_only_error(&e) => Some(format!("{}: {e}", dir.display())),
                Err(e) => return Err(e),
            }
        };
        if let Some(detail) = cannot_write {
            drop(conn);
            drop(lock);
            return Self::open_reader(dir, ReadOnlyReason::ReadOnlyMedium { detail });
        }
        let storage = SqliteStorage {
            conn,
            path,
            mode: OpenMode::ReadWrite,
            opened,
            _copy: None,
            _lock: Some(lock),
        };
        storage.keep_checkpoint();
        Ok(storage)
    }

    fn open_reader(dir: &Path, reason: ReadOnlyReason) -> Result<Self, JournalError> {
        let path = dir.join(JOURNAL_FILE);
        let other_instance = matches!(reason, ReadOnlyReason::OtherInstance { .. });
        let meta = match wait_for_journal(&path, other_instance) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && other_instance => {
                return Err(JournalError::BeingCreated {
                    dir: dir.to_path_buf(),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(JournalError::NoJournal {
                    dir: dir.to_path_buf(),
                });
            }
            Err(source) => return Err(JournalError::Io { path, source }),
        };
        regular(&path, &meta)?;
        if meta.len() == 0 {
            return Err(JournalError::EmptyJournal { path });
        }
        let live_writer = other_instance || lock::held_elsewhere(dir);
        let view = View::open(&path, live_writer)?;
        if let Identity::Fresh = identify(&view.conn, &path)? {
            return Err(JournalError::NoJournal {
                dir: dir.to_path_buf(),
            });
        }
        let opened = check_at_open(&view.conn, dir)?;
        Ok(Self::reading(view, path, reason, opened))
    }

    fn reading(view: View, path: PathBuf, reason: ReadOnlyReason, opened: Verification) -> Self {
        SqliteStorage {
            conn: view.conn,
            path,
            mode: OpenMode::ReadOnly(reason),
            opened,
            _copy: view.copy,
            _lock: None,
        }
    }

    /// Keep the head as the checkpoint the next open verifies from. Best effort: a checkpoint
    /// that could not be written only makes the next open verify from the older one.
    fn keep_checkpoint(&self) {
        if self.path.as_os_str() == ":memory:" || !self.mode.is_writable() {
            return;
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        let written = Self::head(&self.conn).and_then(|h| {
            Checkpoint {
                seq: h.seq,
                hash: h.hash,
            }
            .write(dir)
            .map_err(|source| JournalError::Io {
                path: dir.to_path_buf(),
                source,
            })
        });
        if let Err(e) = written {
            log::warn!("cannot keep the journal checkpoint: {e}");
        }
    }

    /// The head recorded with the last append, with the time of its event.
    fn head(conn: &Connection) -> Result<Head, JournalError> {
        let (seq, hash): (i64, String) = conn
            .query_row("SELECT seq, hash FROM head WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(db("reading the journal head"))?
            .ok_or_else(|| JournalError::Corrupt("the journal head record is missing".into()))?;
        let recorded_at_us: Option<i64> = conn
            .query_row(
                "SELECT recorded_at_us FROM events WHERE seq = ?1",
                [seq],
                |r| r.get(0),
            )
            .optional()
            .map_err(db("reading the journal head"))?;
        let seq = u64::try_from(seq)
            .map_err(|_| JournalError::Corrupt(format!("the journal head says #{seq}")))?;
        let hash = hash
            .parse()
            .map_err(|e| JournalError::Corrupt(format!("the journal head: {e}")))?;
        Ok(Head {
            seq,
            hash,
            recorded_at_us,
        })
    }
}

impl Storage for SqliteStorage {
    fn mode(&self) -> &OpenMode {
        &self.mode
    }

    fn append_all(&mut self, drafts: &[Draft]) -> Result<Vec<Event>, JournalError> {
        if let OpenMode::ReadOnly(reason) = &self.mode {
            return Err(JournalError::ReadOnly(reason.clone()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db("starting to save an event"))?;
        let mut head = Self::head(&tx)?;
        let mut events = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let event = head.seal_next(draft)?;
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
            head = Head::after(&event);
            events.push(event);
        }
        let seq = i64::try_from(head.seq)
            .map_err(|_| JournalError::Corrupt("sequence numbers exhausted".into()))?;
        tx.execute(
            "UPDATE head SET seq = ?1, hash = ?2 WHERE id = 1",
            rusqlite::params![seq, head.hash.to_string()],
        )
        .map_err(db("saving an event"))?;
        tx.commit().map_err(db("saving an event"))?;
        self.keep_checkpoint();
        Ok(events)
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
        verify_from(&self.conn, &Checkpoint::GENESIS)
    }

    fn opened_chain(&self) -> &Verification {
        &self.opened
    }

    fn close(self) -> Result<(), JournalError> {
        let SqliteStorage { conn, _lock, .. } = self;
        conn.close().map_err(|(_, e)| JournalError::Storage {
            context: "closing the journal",
            source: Box::new(e),
        })
        // `_lock` is released here, after the connection is closed.
    }

    fn close_boxed(self: Box<Self>) -> Result<(), JournalError> {
        (*self).close()
    }
}

impl View {
    /// A connection that writes nothing into the workspace: a normal read-only connection when
    /// a writer is running (its `-wal` and `-shm` are there already), a temporary copy when an
    /// un-merged `-wal` lies beside the journal, else the file opened as immutable.
    fn open(path: &Path, live_writer: bool) -> Result<View, JournalError> {
        if live_writer {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
            conn.busy_timeout(BUSY_TIMEOUT)
                .map_err(db("setting the busy timeout"))?;
            return Ok(View { conn, copy: None });
        }
        if has_wal(path) {
            return View::copied(path);
        }
        View::immutable(path)
    }

    /// The file as it is, ignoring any `-wal` (nothing locked, nothing created).
    fn immutable(path: &Path) -> Result<View, JournalError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(immutable_uri(path), flags)
            .map_err(|e| open_error(path, e))?;
        Ok(View { conn, copy: None })
    }

    /// The journal and its `-wal` copied to a temporary folder, merged there.
    fn copied(path: &Path) -> Result<View, JournalError> {
        let io = |source| JournalError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = tempfile::Builder::new()
            .prefix("airdesk-journal-")
            .tempdir()
            .map_err(io)?;
        let copy = dir.path().join(JOURNAL_FILE);
        std::fs::copy(path, &copy).map_err(io)?;
        std::fs::copy(wal_path(path), wal_path(&copy)).map_err(io)?;
        let conn = open_read_write(&copy)?;
        Ok(View {
            conn,
            copy: Some(dir),
        })
    }
}

fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Whether a non-empty `-wal` lies beside the journal (events not yet merged into the file).
fn has_wal(path: &Path) -> bool {
    std::fs::metadata(wal_path(path)).is_ok_and(|m| m.is_file() && m.len() > 0)
}

/// A `-wal` is foreign when the journal with it does not hold the checkpoint's event but the
/// journal file alone does.
fn wal_is_foreign(path: &Path, dir: &Path) -> Result<bool, JournalError> {
    if Checkpoint::read(dir).is_none() {
        return Ok(false);
    }
    let alone = View::immutable(path)?;
    Ok(matches!(
        check_at_open(&alone.conn, dir)?,
        Verification::Intact { .. }
    ))
}

/// The journal's metadata; a reader whose workspace is held by another instance waits a moment
/// for that instance to create the journal.
fn wait_for_journal(path: &Path, wait: bool) -> std::io::Result<std::fs::Metadata> {
    let start = std::time::Instant::now();
    loop {
        match std::fs::metadata(path) {
            Err(e)
                if wait
                    && e.kind() == std::io::ErrorKind::NotFound
                    && start.elapsed() < CREATION_WAIT =>
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Verify the chain from the checkpoint kept in `dir` (from the start when there is none). A
/// break found that way is placed exactly by a walk from the start, unless that walk finds the
/// chain intact (then the journal is not the one the checkpoint saw).
fn check_at_open(conn: &Connection, dir: &Path) -> Result<Verification, JournalError> {
    let checkpoint = Checkpoint::read(dir).unwrap_or(Checkpoint::GENESIS);
    let found = verify_from(conn, &checkpoint)?;
    if checkpoint.seq == 0 || matches!(found, Verification::Intact { .. }) {
        return Ok(found);
    }
    Ok(match verify_from(conn, &Checkpoint::GENESIS)? {
        Verification::Intact { .. } => found,
        from_start => from_start,
    })
}

/// Walk the chain from `checkpoint` to the recorded head.
fn verify_from(conn: &Connection, checkpoint: &Checkpoint) -> Result<Verification, JournalError> {
    // One read transaction, so the rows and the head are the same snapshot even while another
    // instance appends.
    let tx = conn.unchecked_transaction().map_err(db("verifying"))?;
    let head = SqliteStorage::head(&tx)?;
    let mut check = ChainCheck::resume(checkpoint);
    let from = i64::try_from(check.next_seq()).unwrap_or(i64::MAX);
    let mut stmt = tx
        .prepare(&format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE seq >= ?1 ORDER BY seq"
        ))
        .map_err(db("verifying"))?;
    let mut rows = stmt.query([from]).map_err(db("verifying"))?;
    while let Some(row) = rows.next().map_err(db("verifying"))? {
        let decoded = decode_row(row);
        if let Some(broken) = check.row(decoded.as_ref().map_err(Clone::clone)) {
            return Ok(Verification::Broken(broken));
        }
    }
    Ok(check.finish(head.seq, head.hash))
}

/// Errors that mean the folder or file cannot be written (SQLite's words for it).
fn is_read_only_error(e: &JournalError) -> bool {
    let JournalError::Storage { source, .. } = e else {
        return false;
    };
    source
        .downcast_ref::<rusqlite::Error>()
        .and_then(rusqlite::Error::sqlite_error_code)
        .is_some_and(|c| {
            matches!(
                c,
                ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied
            )
        })
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
