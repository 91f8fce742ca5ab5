//! The PostgreSQL journal backend: one journal on a server that several desks write at once.
//!
//! The schema and its guards are on [`schema`]'s page. An append is one transaction: lock the
//! head row (`SELECT … FOR UPDATE`, which queues every other desk's append behind this one), check
//! the events other desks appended since this desk last verified the chain, seal the drafts after
//! the head ([`Head::seal_next`]: no event is stamped earlier than the head), insert them, move the
//! head, `NOTIFY` [`CHANNEL`], commit. So the chain stays one line whatever the number of desks,
//! and a desk that was killed mid-append left nothing (the server rolls back an unfinished
//! transaction). The server runs with its default `synchronous_commit = on`: a commit that
//! returned is on the server's disk.
//!
//! A desk keeps its checkpoint (head seen intact) in its workspace folder, one file per journal id
//! ([`PgStorage::checkpoint_file`]); opening verifies from there on. A [`Listener`] on its own
//! connection hears every append and says when the server is lost or back.

mod evidence;
mod listen;
pub mod schema;
mod server;

pub use evidence::{EvidenceServer, MAX_EVIDENCE_BYTES};
pub use listen::{Heard, Listener};
pub use schema::{CHANNEL, DESK_ROLE, SERVER_FORMAT_VERSION, VIEWER_ROLE};
pub use server::{ServerUrl, pgpass_lookup, redact_text};

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, GenericClient, IsolationLevel, Row};

use super::checkpoint::Checkpoint;
use super::error::JournalError;
use super::event::{Draft, Event, Head};
use super::hash::Hash;
use super::storage::{OpenMode, ReadOnlyReason, Storage};
use super::verify::{ChainCheck, UnreadableRow, Verification, check_from_checkpoint};

const EVENT_COLUMNS: &str =
    "seq, recorded_at_us, utc_offset_s, operator, desk, kind, payload, prev_hash, hash";

/// What a desk may do on a server journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskRole {
    /// Everything.
    Desk,
    /// Feedback and evidence for its own units only.
    Unit,
    /// Reading only (a leader's screen, the meeting-room projector).
    Viewer,
}

impl DeskRole {
    fn parse(text: &str) -> Option<DeskRole> {
        match text {
            "desk" => Some(DeskRole::Desk),
            "unit" => Some(DeskRole::Unit),
            "viewer" => Some(DeskRole::Viewer),
            _ => None,
        }
    }
}

/// A desk as the server has it registered (`airdesk.desks`): its events carry `name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskEntry {
    /// The server login.
    pub login: String,
    /// The desk's name, stamped on its events.
    pub name: String,
    /// What it may record.
    pub role: DeskRole,
    /// A unit desk's units (plan unit ids); empty for the others.
    pub units: Vec<String>,
}

/// The journal on a PostgreSQL server.
pub struct PgStorage {
    server: ServerUrl,
    client: Mutex<Client>,
    mode: OpenMode,
    opened: Verification,
    journal_id: String,
    desk: Option<DeskEntry>,
    /// The head this desk has verified (at open, before and after each of its appends).
    verified: Checkpoint,
    /// Where this desk keeps its checkpoint, when it has a folder.
    checkpoint_file: Option<PathBuf>,
}

impl std::fmt::Debug for PgStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStorage")
            .field("server", &self.server)
            .field("mode", &self.mode)
            .field("desk", &self.desk)
            .finish_non_exhaustive()
    }
}

impl PgStorage {
    /// Open the journal at `server`, creating (or migrating) its schema when this login may; it
    /// opens read-only, the mode saying why, for a viewer login, a login not registered as a
    /// desk, or a broken chain. `checkpoint_dir` is the desk's folder that keeps its checkpoint
    /// (`None`: verify from the start).
    pub fn open(server: &ServerUrl, checkpoint_dir: Option<&Path>) -> Result<Self, JournalError> {
        let mut client = connect(server)?;
        migrate(&mut client, server)?;
        Self::opened(server, client, checkpoint_dir, None)
    }

    /// Open the journal at `server` for reading only; creates nothing. Fails when the database
    /// holds no AirDesk journal.
    pub fn open_read_only(
        server: &ServerUrl,
        checkpoint_dir: Option<&Path>,
    ) -> Result<Self, JournalError> {
        let mut client = connect(server)?;
        match schema_version(&mut client, server)? {
            0 => Err(server_error(
                server,
                "the database holds no AirDesk journal",
            )),
            _ => Self::opened(
                server,
                client,
                checkpoint_dir,
                Some(ReadOnlyReason::Requested),
            ),
        }
    }

    fn opened(
        server: &ServerUrl,
        mut client: Client,
        checkpoint_dir: Option<&Path>,
        requested: Option<ReadOnlyReason>,
    ) -> Result<Self, JournalError> {
        let sql = sql_error(server, "opening the journal");
        let journal_id: String = client
            .query_one("SELECT journal_id FROM airdesk.meta WHERE id = 1", &[])
            .map_err(&sql)?
            .get(0);
        let desk = desk_entry(&mut client).map_err(&sql)?;
        let may_insert: bool = client
            .query_one(
                "SELECT has_table_privilege('airdesk.events', 'INSERT') \
                    AND has_table_privilege('airdesk.head', 'UPDATE')",
                &[],
            )
            .map_err(&sql)?
            .get(0);
        let owner: bool = client
            .query_one(
                "SELECT pg_has_role(tableowner, 'MEMBER') FROM pg_tables \
                 WHERE schemaname = 'airdesk' AND tablename = 'events'",
                &[],
            )
            .map_err(&sql)?
            .get(0);
        let checkpoint_file =
            checkpoint_dir.map(|d| d.join(format!("journal-server-{journal_id}.head")));
        let checkpoint = checkpoint_file
            .as_deref()
            .and_then(Checkpoint::read_file)
            .unwrap_or(Checkpoint::GENESIS);
        let opened =
            check_from_checkpoint(&checkpoint, |from| verify_from(&mut client, server, from))?;
        let mode = match (&requested, &desk) {
            (Some(r), _) => OpenMode::ReadOnly(r.clone()),
            _ if !may_insert => OpenMode::ReadOnly(ReadOnlyReason::Viewer {
                desk: desk.as_ref().map(|d| d.name.clone()),
            }),
            (None, Some(d)) if d.role == DeskRole::Viewer => {
                OpenMode::ReadOnly(ReadOnlyReason::Viewer {
                    desk: Some(d.name.clone()),
                })
            }
            (None, None) if !owner => OpenMode::ReadOnly(ReadOnlyReason::Unregistered {
                login: server.user().to_owned(),
            }),
            _ => OpenMode::ReadWrite,
        };
        let (mode, verified) = match &opened {
            Verification::Broken(b) => (
                OpenMode::ReadOnly(ReadOnlyReason::Broken(b.clone())),
                checkpoint,
            ),
            Verification::Intact { events, last_hash } => (
                mode,
                Checkpoint {
                    seq: *events,
                    hash: *last_hash,
                },
            ),
        };
        let storage = PgStorage {
            server: server.clone(),
            client: Mutex::new(client),
            mode,
            opened,
            journal_id,
            desk,
            verified,
            checkpoint_file,
        };
        storage.keep_checkpoint();
        Ok(storage)
    }

    /// The server, for messages (never with its password).
    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    /// The journal's id on its server (chosen at creation; names the desk's checkpoint file).
    pub fn journal_id(&self) -> &str {
        &self.journal_id
    }

    /// The file where this desk keeps its checkpoint of this journal, when it has a folder.
    pub fn checkpoint_file(&self) -> Option<&Path> {
        self.checkpoint_file.as_deref()
    }

    /// Whether the server answers now (a round trip, at most `timeout`); reconnects a lost
    /// connection.
    pub fn is_reachable(&self, timeout: std::time::Duration) -> bool {
        self.client().is_ok_and(|mut c| c.is_valid(timeout).is_ok())
    }

    /// The connection, reconnected first when it was lost.
    fn client(&self) -> Result<MutexGuard<'_, Client>, JournalError> {
        let mut guard = self.client.lock().map_err(|_| {
            server_error(&self.server, "a thread failed while using the connection")
        })?;
        if guard.is_closed() {
            *guard = connect(&self.server)?;
        }
        Ok(guard)
    }

    /// Run `work` on the connection; when the connection turns out to have been lost since its
    /// last use (the server restarted, an administrator ended it), connect again and run it once
    /// more. Only for reads, which change nothing if they fail that way.
    fn with_client<T>(
        &self,
        context: &'static str,
        mut work: impl FnMut(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, JournalError> {
        let mut guard = self.client()?;
        match work(&mut guard) {
            Err(e) if e.as_db_error().is_none() && guard.is_closed() => {
                *guard = connect(&self.server)?;
                work(&mut guard).map_err(sql_error(&self.server, context))
            }
            other => other.map_err(sql_error(&self.server, context)),
        }
    }

    /// Keep the verified head as the checkpoint the next open verifies from. Best effort.
    fn keep_checkpoint(&self) {
        let Some(path) = &self.checkpoint_file else {
            return;
        };
        if matches!(self.opened, Verification::Broken(_)) {
            return;
        }
        if let Err(e) = self.verified.write_file(path) {
            log::warn!("cannot keep the journal checkpoint {}: {e}", path.display());
        }
    }

    /// The append transaction: lock the head, check what other desks appended since this desk
    /// last verified, let `build` seal the events that follow the head, insert them, move the
    /// head, notify, commit. `Err` leaves nothing behind (the transaction is rolled back).
    fn store(
        &mut self,
        build: impl FnOnce(Head) -> Result<Vec<Event>, JournalError>,
    ) -> Result<Vec<Event>, JournalError> {
        let server = self.server.clone();
        let sql = sql_error(&server, "saving an event");
        let verified = self.verified;
        let mut guard = self.client()?;
        // A ping first: a connection lost since its last use is replaced before the append
        // starts, instead of failing it.
        if let Err(e) = guard.batch_execute("SELECT 1") {
            if e.as_db_error().is_some() || !guard.is_closed() {
                return Err(sql(e));
            }
            *guard = connect(&server)?;
        }
        let mut tx = guard.transaction().map_err(&sql)?;
        let row = tx
            .query_one(
                "SELECT seq, hash FROM airdesk.head WHERE id = 1 FOR UPDATE",
                &[],
            )
            .map_err(&sql)?;
        let locked = head_checkpoint(&row)?;
        if locked != verified {
            // Other desks appended since this desk last checked: check their events first.
            let mut check = ChainCheck::resume(&verified);
            let found = match walk(&mut tx, &server, &mut check)? {
                Some(broken) => Verification::Broken(broken),
                None => check.finish(locked.seq, locked.hash),
            };
            if let Verification::Broken(b) = found {
                drop(tx);
                drop(guard);
                self.mode = OpenMode::ReadOnly(ReadOnlyReason::Broken(b.clone()));
                return Err(JournalError::ReadOnly(ReadOnlyReason::Broken(b)));
            }
        }
        let recorded_at_us: Option<i64> = tx
            .query_opt(
                "SELECT recorded_at_us FROM airdesk.events WHERE seq = $1",
                &[&to_i64(locked.seq)?],
            )
            .map_err(&sql)?
            .map(|r| r.get(0));
        let events = build(Head {
            seq: locked.seq,
            hash: locked.hash,
            recorded_at_us,
        })?;
        let Some(last) = events.last() else {
            return Ok(events);
        };
        let head = Head::after(last);
        let insert = tx
            .prepare(&format!(
                "INSERT INTO airdesk.events ({EVENT_COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            ))
            .map_err(&sql)?;
        for event in &events {
            tx.execute(
                &insert,
                &[
                    &to_i64(event.seq)?,
                    &event.recorded_at.timestamp_micros(),
                    &event.utc_offset.local_minus_utc(),
                    &event.operator,
                    &event.desk,
                    &event.kind,
                    &event.payload,
                    &event.prev_hash.to_string(),
                    &event.hash.to_string(),
                ],
            )
            .map_err(&sql)?;
        }
        let seq = to_i64(head.seq)?;
        tx.execute(
            "UPDATE airdesk.head SET seq = $1, hash = $2 WHERE id = 1",
            &[&seq, &head.hash.to_string()],
        )
        .map_err(&sql)?;
        tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &seq.to_string()])
            .map_err(&sql)?;
        let committed = tx.commit();
        drop(guard);
        match committed {
            Ok(()) => {}
            Err(e) if e.as_db_error().is_some() => return Err(sql(e)),
            // The connection went during the commit: whether it committed is unknown until the
            // server is asked again.
            Err(e) => self.committed_after_all(&head, &e)?,
        }
        self.verified = Checkpoint {
            seq: head.seq,
            hash: head.hash,
        };
        self.keep_checkpoint();
        Ok(events)
    }

    /// Append `drafts` after the head; when `seen` is given, only while the head is still there
    /// ([`Storage::append_after`]).
    fn append_checked(
        &mut self,
        seen: Option<u64>,
        drafts: &[Draft],
    ) -> Result<Vec<Event>, JournalError> {
        if let OpenMode::ReadOnly(reason) = &self.mode {
            return Err(JournalError::ReadOnly(reason.clone()));
        }
        self.store(|mut head| {
            head.check_seen(seen)?;
            drafts
                .iter()
                .map(|draft| {
                    let event = head.seal_next(draft)?;
                    head = Head::after(&event);
                    Ok(event)
                })
                .collect()
        })
    }

    /// After a commit whose answer was lost: `Ok` when the server holds the last event with its
    /// hash (it was committed), else the desk is told nothing was saved.
    fn committed_after_all(&self, head: &Head, lost: &postgres::Error) -> Result<(), JournalError> {
        let unreachable = || JournalError::Unreachable {
            server: self.server.to_string(),
            detail: format!("the connection was lost while saving: {lost}"),
        };
        let mut client = self.client().map_err(|_| unreachable())?;
        let stored: Option<String> = client
            .query_opt(
                "SELECT hash FROM airdesk.events WHERE seq = $1",
                &[&to_i64(head.seq)?],
            )
            .map_err(|_| unreachable())?
            .map(|r| r.get(0));
        match stored {
            Some(h) if h == head.hash.to_string() => Ok(()),
            _ => Err(unreachable()),
        }
    }
}

impl Storage for PgStorage {
    fn mode(&self) -> &OpenMode {
        &self.mode
    }

    fn append_all(&mut self, drafts: &[Draft]) -> Result<Vec<Event>, JournalError> {
        self.append_checked(None, drafts)
    }

    fn append_after(&mut self, seen: u64, drafts: &[Draft]) -> Result<Vec<Event>, JournalError> {
        self.append_checked(Some(seen), drafts)
    }

    fn import(&mut self, events: &[Event]) -> Result<(), JournalError> {
        if let OpenMode::ReadOnly(reason) = &self.mode {
            return Err(JournalError::ReadOnly(reason.clone()));
        }
        self.store(|mut head| {
            for event in events {
                head.check_follows(event)?;
                head = Head::after(event);
            }
            Ok(events.to_vec())
        })?;
        Ok(())
    }

    fn read_since(&self, after: u64) -> Result<Vec<Event>, JournalError> {
        let Ok(after) = i64::try_from(after) else {
            return Ok(Vec::new());
        };
        let query =
            format!("SELECT {EVENT_COLUMNS} FROM airdesk.events WHERE seq > $1 ORDER BY seq");
        let rows = self.with_client("reading events", |c| c.query(&query, &[&after]))?;
        rows.iter()
            .map(|row| {
                decode_row(row).map_err(|bad| {
                    JournalError::Corrupt(match bad.seq {
                        Some(seq) => format!("event #{seq} is unreadable: {}", bad.detail),
                        None => format!("an event is unreadable: {}", bad.detail),
                    })
                })
            })
            .collect()
    }

    fn verify(&self) -> Result<Verification, JournalError> {
        let mut client = self.client()?;
        verify_from(&mut client, &self.server, &Checkpoint::GENESIS)
    }

    fn opened_chain(&self) -> &Verification {
        &self.opened
    }

    fn close(self) -> Result<(), JournalError> {
        let server = self.server.clone();
        let client = self
            .client
            .into_inner()
            .map_err(|_| server_error(&server, "a thread failed while using the connection"))?;
        client
            .close()
            .map_err(sql_error(&server, "closing the connection"))
    }

    fn close_boxed(self: Box<Self>) -> Result<(), JournalError> {
        (*self).close()
    }

    /// This login's desk as the server has it registered, if it is.
    fn desk(&self) -> Option<&DeskEntry> {
        self.desk.as_ref()
    }
}

/// Connect to the server (no TLS, see README), with the connect timeout of [`ServerUrl`].
fn connect(server: &ServerUrl) -> Result<Client, JournalError> {
    server.connect().map_err(sql_error(server, "connecting"))
}

/// The schema's version (0: none yet).
fn schema_version(
    client: &mut impl GenericClient,
    server: &ServerUrl,
) -> Result<i32, JournalError> {
    let sql = sql_error(server, "reading the schema version");
    let exists: bool = client.query_one(schema::EXISTS, &[]).map_err(&sql)?.get(0);
    if !exists {
        return Ok(0);
    }
    let version: i32 = client
        .query_one(schema::CURRENT_VERSION, &[])
        .map_err(&sql)?
        .get(0);
    if version > SERVER_FORMAT_VERSION {
        return Err(server_error(
            server,
            &format!(
                "the journal was made by a newer AirDesk (server schema {version}; this version \
                 reads up to {SERVER_FORMAT_VERSION}); update AirDesk to open it"
            ),
        ));
    }
    Ok(version)
}

/// Create or migrate the schema to [`SERVER_FORMAT_VERSION`] in one transaction, under an
/// advisory lock so two desks doing it at once take turns.
fn migrate(client: &mut Client, server: &ServerUrl) -> Result<(), JournalError> {
    if schema_version(client, server)? == SERVER_FORMAT_VERSION {
        return Ok(());
    }
    let sql = sql_error(server, "creating the journal schema");
    let mut tx = client.transaction().map_err(&sql)?;
    tx.execute(
        "SELECT pg_advisory_xact_lock($1)",
        &[&schema::MIGRATION_LOCK],
    )
    .map_err(&sql)?;
    let version = schema_version(&mut tx, server)?;
    let from = usize::try_from(version).unwrap_or(0);
    if from < schema::MIGRATIONS.len() {
        tx.batch_execute(schema::ROLES).map_err(|e| {
            server_error(
                server,
                &format!(
                    "cannot create the roles {DESK_ROLE} and {VIEWER_ROLE} ({}); the first \
                     opening must be made by the database owner with CREATEROLE (README, \"A \
                     centre's server\")",
                    db_message(&e)
                ),
            )
        })?;
    }
    for step in schema::MIGRATIONS.iter().skip(from) {
        tx.batch_execute(step).map_err(&sql)?;
    }
    tx.commit().map_err(&sql)
}

fn desk_entry(client: &mut Client) -> Result<Option<DeskEntry>, postgres::Error> {
    let row = client.query_opt(
        "SELECT login::text, desk, role, units FROM airdesk.desks WHERE login = current_user",
        &[],
    )?;
    Ok(row.and_then(|r| {
        Some(DeskEntry {
            login: r.get(0),
            name: r.get(1),
            role: DeskRole::parse(r.get(2))?,
            units: r.get(3),
        })
    }))
}

/// Walk the chain from `checkpoint` to the recorded head in one snapshot.
fn verify_from(
    client: &mut Client,
    server: &ServerUrl,
    checkpoint: &Checkpoint,
) -> Result<Verification, JournalError> {
    let sql = sql_error(server, "verifying");
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(&sql)?;
    let head = head_checkpoint(
        &tx.query_one("SELECT seq, hash FROM airdesk.head WHERE id = 1", &[])
            .map_err(&sql)?,
    )?;
    let mut check = ChainCheck::resume(checkpoint);
    let found = match walk(&mut tx, server, &mut check)? {
        Some(broken) => Verification::Broken(broken),
        None => check.finish(head.seq, head.hash),
    };
    tx.commit().map_err(&sql)?;
    Ok(found)
}

/// Feed `check` every row from its next sequence number on, streamed; `Some` is the first break.
fn walk(
    client: &mut impl GenericClient,
    server: &ServerUrl,
    check: &mut ChainCheck,
) -> Result<Option<super::Break>, JournalError> {
    let sql = sql_error(server, "verifying");
    let from = to_i64(check.next_seq())?;
    let mut rows = client
        .query_raw(
            &format!("SELECT {EVENT_COLUMNS} FROM airdesk.events WHERE seq >= $1 ORDER BY seq"),
            [from],
        )
        .map_err(&sql)?;
    while let Some(row) = rows.next().map_err(&sql)? {
        let decoded = decode_row(&row);
        if let Some(broken) = check.row(decoded.as_ref().map_err(Clone::clone)) {
            return Ok(Some(broken));
        }
    }
    Ok(None)
}

fn head_checkpoint(row: &Row) -> Result<Checkpoint, JournalError> {
    let seq: i64 = row.get(0);
    let hash: String = row.get(1);
    Ok(Checkpoint {
        seq: u64::try_from(seq)
            .map_err(|_| JournalError::Corrupt(format!("the journal head says #{seq}")))?,
        hash: hash
            .parse()
            .map_err(|e| JournalError::Corrupt(format!("the journal head: {e}")))?,
    })
}

/// Read one `events` row; anything odd becomes an [`UnreadableRow`] that `verify` can name.
fn decode_row(row: &Row) -> Result<Event, UnreadableRow> {
    let seq: Option<i64> = row.try_get(0).ok();
    let bad = |detail: String| UnreadableRow { seq, detail };
    let seq_u = seq
        .and_then(|s| u64::try_from(s).ok())
        .ok_or_else(|| bad("sequence number is not a positive integer".into()))?;
    let micros: i64 = row
        .try_get(1)
        .map_err(|e| bad(format!("recorded_at_us: {e}")))?;
    let offset: i32 = row
        .try_get(2)
        .map_err(|e| bad(format!("utc_offset_s: {e}")))?;
    let text = |i: usize| -> Result<String, UnreadableRow> {
        row.try_get::<_, String>(i)
            .map_err(|e| bad(format!("column {i}: {e}")))
    };
    let recorded_at = chrono::DateTime::from_timestamp_micros(micros)
        .ok_or_else(|| bad(format!("time {micros} µs is out of range")))?;
    let utc_offset = chrono::FixedOffset::east_opt(offset)
        .ok_or_else(|| bad(format!("UTC offset {offset} s is invalid")))?;
    let prev_hash: Hash = text(7)?
        .parse()
        .map_err(|e| bad(format!("prev_hash: {e}")))?;
    let hash: Hash = text(8)?.parse().map_err(|e| bad(format!("hash: {e}")))?;
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

fn to_i64(seq: u64) -> Result<i64, JournalError> {
    i64::try_from(seq).map_err(|_| JournalError::Corrupt("sequence numbers exhausted".into()))
}

fn server_error(server: &ServerUrl, detail: &str) -> JournalError {
    JournalError::Server {
        server: server.to_string(),
        detail: detail.to_owned(),
    }
}

/// The server's own message for a database error, the client's otherwise.
fn db_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    }
}

/// Turn a client error into a journal error: a lost or refused connection is
/// [`JournalError::Unreachable`], a refusal by the journal's triggers or privileges
/// [`JournalError::Refused`], damage [`JournalError::Corrupt`], anything else
/// [`JournalError::Server`].
fn sql_error(
    server: &ServerUrl,
    context: &'static str,
) -> impl Fn(postgres::Error) -> JournalError {
    let server = server.to_string();
    move |e| {
        let Some(db) = e.as_db_error() else {
            return JournalError::Unreachable {
                server: server.clone(),
                detail: format!("{context}: {e}"),
            };
        };
        let code = db.code();
        if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            JournalError::Refused(db.message().to_owned())
        } else if *code == SqlState::DATA_CORRUPTED || *code == SqlState::INDEX_CORRUPTED {
            JournalError::Corrupt(format!("{context}: {}", db.message()))
        } else {
            JournalError::Server {
                server: server.clone(),
                detail: format!("{context}: {}", db.message()),
            }
        }
    }
}
