//! The append-only, tamper-evident event journal: every action a duty officer takes is an event;
//! every state (response, supervision, shifts) is a fold over the events.
//!
//! The app and the CLI never use this module directly: the session ([`crate::session`]) opens the
//! journal (its `journal` module is the one place a journal is opened), appends the events the
//! domain decides, and folds every new event into all read models once. This module is the
//! storage underneath: events, hashes, backends, and the [`Fold`]/[`Replay`] convention.
//!
//! # Using it
//!
//! ```no_run
//! # use airdesk::journal::*;
//! # fn demo(dir: &std::path::Path, now: chrono::DateTime<chrono::FixedOffset>)
//! #     -> Result<(), JournalError> {
//! let mut journal = SqliteStorage::open(dir)?;          // writer, or read-only with a reason
//! let author = Author::new("张伟", "desk-1")?;           // asked at the start of the shift
//! #[derive(serde::Serialize)]
//! struct Issued { level: &'static str }
//! let event = journal.append(&author.draft(now, "warning.issued", &Issued { level: "orange" })?)?;
//! let mut replay = Replay::new(Vec::<String>::new());    // any state
//! replay.catch_up(&journal, |kinds, e| kinds.push(e.kind.clone()))?;
//! # let _ = event; Ok(()) }
//! ```
//!
//! # Envelope and hash
//!
//! Each [`Event`] holds a sequence number (1, 2, 3 … without gaps), the recorded instant (UTC, to
//! the microsecond; passed in by the caller — this module never reads a clock) with the operator's
//! UTC offset for display, the operator's name, the desk id, a kind (`warning.issued`), a JSON
//! payload stored as canonical text (keys sorted, compact), the previous event's hash and its own.
//! The hash is SHA-256 over a length-prefixed serialisation of all other fields, documented on
//! [`Event::computed_hash`]; event 1's previous hash is 64 zeros ([`Hash::GENESIS`]).
//!
//! # Storage
//!
//! Backends implement [`Storage`] (append, read since, verify; open and close). [`SqliteStorage`]
//! keeps [`JOURNAL_FILE`] in the workspace folder (schema and durability settings on its module
//! page); [`PgStorage`] keeps one journal on a PostgreSQL server that several desks write at once
//! ([`postgres`]). Verification is shared: backends feed rows to a [`ChainCheck`].
//!
//! # One writer per workspace
//!
//! [`SqliteStorage::open`] takes an advisory lock on [`LOCK_FILE`] (`File::try_lock`) and keeps it
//! until closed. A second instance, or any instance on a read-only medium, gets a read-only handle
//! whose [`OpenMode::ReadOnly`] reason the UI shows as a banner; it can still read, and learns of
//! the writer's events through the session's follower. A read-only workspace and the CLI use
//! [`SqliteStorage::open_read_only`], which never writes; projector mode keeps the writer's
//! handle and the session refuses every write.

mod checkpoint;
mod copy;
mod error;
mod event;
mod fold;
mod hash;
mod location;
mod lock;
pub mod postgres;
mod sqlite;
mod storage;
mod verify;

pub use checkpoint::{CHECKPOINT_FILE, Checkpoint};
pub use copy::{Copied, CopyError, copy};
pub use error::JournalError;
pub use event::{Author, Draft, Event, HASH_TAG, Head, MAX_KIND_CHARS, MAX_NAME_CHARS};
pub use fold::{Fold, Received, Replay};
pub use hash::{BadHash, Hash};
pub use location::Location;
pub use postgres::{DeskEntry, DeskRole, EvidenceServer, PgStorage, ServerUrl};
pub use sqlite::{APPLICATION_ID, FORMAT_VERSION, SqliteStorage};
pub use storage::{OpenMode, ReadOnlyReason, Storage};
pub use verify::{Break, ChainCheck, Fault, UnreadableRow, Verification};

/// File name of the journal inside a workspace folder.
pub const JOURNAL_FILE: &str = "journal.sqlite";

/// File name of the single-writer lock inside a workspace folder.
pub const LOCK_FILE: &str = "journal.lock";
