//! Read-model snapshots: the session's [`ReadModels`] as folded up to one event, kept beside the
//! journal so that opening a long journal folds only the events after it.
//!
//! A snapshot is a cache, never an authority. It is one file, written atomically (readers see the
//! old one or the new one): a first line of JSON naming the snapshot format, the build that wrote
//! it and the event it was folded to (sequence number and hash), then the read models as
//! MessagePack (plain serde of the fold state, fields by name) in one LZ4 frame with its content
//! checksum. On open it is used only when the journal's chain verified intact, the format and
//! build are this one's, the frame's checksum holds, it decodes, and the journal still holds event
//! `seq` with that hash; otherwise it is ignored with a note in the log and the journal is folded
//! from its start. Deleting the file costs one slow open, nothing else.
//!
//! Why this encoding: format 1 kept the read models as JSON, about as large as the journal itself
//! and most of the time an open took. MessagePack (`rmp-serde`) is a binary format that describes
//! itself, so the folds' serde attributes that other binary formats refuse (fields skipped when
//! empty, internally tagged enums — the same types write the journal's JSON payloads) round-trip
//! unchanged; LZ4 (`lz4_flex`, pure Rust) squeezes out the repeated field names, officers, desks
//! and alert keys (with MessagePack, a sixteenth of the JSON's size) and decodes at memory speed,
//! and its checksum catches a damaged file before anything is decoded. Reading the snapshot is
//! still most of an open: building the read models' strings, times and maps, whatever the format.
//!
//! Where it lives ([`snapshot_file`]): a workspace's own journal keeps [`SNAPSHOT_FILE`] beside
//! `journal.sqlite`; a desk on a server journal keeps one per server and database in its workspace
//! folder — the local cache a desk started while the server is down works on, read-only.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use lz4_flex::frame::{BlockSize, FrameDecoder, FrameEncoder, FrameInfo};

use serde::{Deserialize, Serialize};

use super::models::ReadModels;
use super::service::Service;
use crate::build_info::VERSION_LINE;
use crate::journal::{Event, Hash, JournalError, Location, ServerUrl, Storage, Verification};

/// File name of a workspace journal's read-model snapshot, beside `journal.sqlite`.
pub const SNAPSHOT_FILE: &str = "journal.snapshot";

/// The snapshot format; raised whenever the read models or their encoding change shape (1: JSON;
/// 2: MessagePack in an LZ4 frame).
pub const SNAPSHOT_FORMAT: u32 = 2;

/// A snapshot is written when at least this many events were folded since the last one.
pub const SNAPSHOT_EVERY: u64 = 2_000;

/// Snapshots larger than this, in the file or decompressed, are not read (memory stays bounded;
/// the journal is folded instead).
const MAX_SNAPSHOT_BYTES: u64 = 4 << 30;

/// The first line of a snapshot file: what it is and which event it was folded to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    format: u32,
    build: String,
    seq: u64,
    hash: Hash,
}

/// Read models as folded up to event `seq`, whose hash is `hash`.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The last event folded in.
    pub seq: u64,
    /// Its hash: the journal must still hold event `seq` with this hash.
    pub hash: Hash,
    /// The read models as of `seq`.
    pub models: ReadModels,
}

/// Where the journal at `at` keeps its read-model snapshot: beside a workspace's journal, or, for
/// a server journal, in the desk's folder `desk_dir` under a name made of the server, login and
/// database (`None` without a desk folder: no snapshot).
pub fn snapshot_file(at: &Location, desk_dir: Option<&Path>) -> Option<PathBuf> {
    match at {
        Location::Folder(dir) => Some(dir.join(SNAPSHOT_FILE)),
        Location::Server(url) => desk_dir.map(|d| d.join(server_snapshot_name(url))),
    }
}

/// `journal-server-USER_HOST_PORT_DB.snapshot`: one cache per server journal a desk uses.
fn server_snapshot_name(url: &ServerUrl) -> String {
    let shown = url.to_string();
    let key: String = shown
        .trim_start_matches("postgres://")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("journal-server-{key}.snapshot")
}

impl Snapshot {
    /// The snapshot kept in `path`, when there is one this build can use; a damaged one, or one
    /// of another format or build, is `None` with a note in the log.
    pub fn read(path: &Path) -> Option<Snapshot> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => return ignored(path, &e.to_string()),
            Ok(m) if m.len() > MAX_SNAPSHOT_BYTES => {
                return ignored(path, &format!("{} bytes is too large", m.len()));
            }
            Ok(_) => {}
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return ignored(path, &e.to_string()),
        };
        match Snapshot::parse(&bytes) {
            Ok(s) => Some(s),
            Err(why) => ignored(path, &why),
        }
    }

    /// A snapshot from the bytes of its file, or why they are not one this build can use.
    fn parse(bytes: &[u8]) -> Result<Snapshot, String> {
        let split = bytes.iter().position(|b| *b == b'\n');
        let (first, rest) = bytes.split_at(split.ok_or("it has no header line")?);
        let header: Header =
            serde_json::from_slice(first).map_err(|e| format!("its header does not parse: {e}"))?;
        if header.format != SNAPSHOT_FORMAT || header.build != VERSION_LINE {
            return Err(format!(
                "it was written in format {} by AirDesk {}; this is format {SNAPSHOT_FORMAT}, \
                 AirDesk {VERSION_LINE}",
                header.format, header.build
            ));
        }
        let models = decode_models(&rest[1..])?;
        Ok(Snapshot {
            seq: header.seq,
            hash: header.hash,
            models,
        })
    }

    /// Keep `models`, folded up to `event`, in `path`, atomically.
    pub fn write(path: &Path, models: &ReadModels, event: (u64, Hash)) -> std::io::Result<()> {
        let header = Header {
            format: SNAPSHOT_FORMAT,
            build: VERSION_LINE.to_owned(),
            seq: event.0,
            hash: event.1,
        };
        let mut bytes = serde_json::to_vec(&header)?;
        bytes.write_all(b"\n")?;
        let bytes = encode_models(models, bytes)?;
        crate::workspace::write_atomic(path, &bytes)
    }
}

/// Append `models` to `out` as MessagePack (fields by name) in one LZ4 frame with its checksum.
fn encode_models(models: &ReadModels, out: Vec<u8>) -> std::io::Result<Vec<u8>> {
    let frame = FrameInfo::new()
        .block_size(BlockSize::Max4MB)
        .content_checksum(true);
    let mut encoder = FrameEncoder::with_frame_info(frame, out);
    rmp_serde::encode::write_named(&mut encoder, models).map_err(std::io::Error::other)?;
    encoder.finish().map_err(std::io::Error::other)
}

/// The read models from a snapshot's body, or why it is not one.
fn decode_models(body: &[u8]) -> Result<ReadModels, String> {
    let mut raw = Vec::new();
    FrameDecoder::new(body)
        .take(MAX_SNAPSHOT_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(|e| format!("its read models do not decompress: {e}"))?;
    if raw.len() as u64 > MAX_SNAPSHOT_BYTES {
        return Err(format!("its read models exceed {MAX_SNAPSHOT_BYTES} bytes"));
    }
    rmp_serde::from_slice(&raw).map_err(|e| format!("its read models do not decode: {e}"))
}

/// Log why the snapshot at `path` is not used; the journal is folded from its start instead.
fn ignored<T>(path: &Path, why: &str) -> Option<T> {
    log::warn!(
        "read-model snapshot {} ignored, folding the whole journal: {why}",
        path.display()
    );
    None
}

/// The read models of `journal` and how many events were folded to get them: from `snapshot`
/// when it fits the journal (its chain verified intact on opening, and event `seq` still there
/// with the snapshot's hash), else from the journal's start; a snapshot that does not fit is
/// ignored with a note in the log.
pub fn fold_journal(
    journal: &dyn Storage,
    snapshot: Option<Snapshot>,
) -> Result<(Service<ReadModels>, usize), JournalError> {
    if let Some(s) = snapshot.filter(|s| s.seq > 0)
        && let Some(resumed) = resume(journal, s)?
    {
        return Ok(resumed);
    }
    let mut service = Service::new(ReadModels::of_journal(journal.opened_chain()));
    let folded = service.catch_up(journal)?;
    Ok((service, folded))
}

/// The read models from snapshot `s` and the journal's events after it; `None` (with a note in
/// the log) when `s` does not fit the journal.
fn resume(
    journal: &dyn Storage,
    s: Snapshot,
) -> Result<Option<(Service<ReadModels>, usize)>, JournalError> {
    let unfit = |why: String| {
        log::warn!("read-model snapshot ignored, folding the whole journal: {why}");
        Ok(None)
    };
    if let Verification::Broken(b) = journal.opened_chain() {
        return unfit(format!("the chain is broken ({b})"));
    }
    let events = journal.read_since(s.seq - 1)?;
    if let Err(why) = matches_event(events.first(), s.seq, s.hash) {
        return unfit(why);
    }
    let mut service = Service::resume(s.models, s.seq);
    let received = service.receive(&events[1..]);
    if received.gap {
        return unfit(format!("the journal has a gap after event #{}", s.seq));
    }
    Ok(Some((service, received.applied)))
}

/// Whether `event` is event `seq` with hash `hash`.
fn matches_event(event: Option<&Event>, seq: u64, hash: Hash) -> Result<(), String> {
    match event {
        Some(e) if e.seq == seq && e.hash == hash => Ok(()),
        Some(e) if e.seq == seq => Err(format!(
            "event #{seq} has hash {} in the journal, {} in the snapshot",
            e.hash.short(12),
            hash.short(12)
        )),
        _ => Err(format!("the journal has no event #{seq}")),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, FixedOffset};
    use proptest::prelude::*;

    use super::*;
    use crate::journal::{Author, Fold, SqliteStorage};
    use crate::session::{Command, Session, journal, record_drill_block};

    fn start() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2019-12-10T14:00:00+08:00").expect("time")
    }

    fn author() -> Author {
        Author::new("张伟", "desk-1").expect("author")
    }

    /// The events of two drill blocks (every read model gets some), recorded in memory.
    fn pool() -> Vec<Event> {
        let plan = crate::domain::plan::default_plan().expect("plan");
        let mut session =
            Session::with_journal(journal::in_memory().expect("journal"), plan).expect("session");
        for block in 0..2 {
            let at = start() + Duration::days(7 * block);
            record_drill_block(&mut session, &author(), at, 3).expect("block");
        }
        session.events_since(0).expect("events")
    }

    /// Append copies of `events` (kind, payload, operator) to `journal`, one a minute.
    fn append(journal: &mut dyn Storage, events: &[&Event]) {
        let drafts: Vec<_> = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let payload: serde_json::Value = serde_json::from_str(&e.payload).expect("payload");
                let at = start() + Duration::minutes(i as i64);
                Author::new(&e.operator, &e.desk)
                    .and_then(|a| a.draft(at, &e.kind, &payload))
                    .expect("draft")
            })
            .collect();
        journal.append_all(&drafts).expect("append");
    }

    fn full_fold(journal: &dyn Storage) -> ReadModels {
        fold_journal(journal, None).expect("fold").0.model().clone()
    }

    fn snapshot_of(models: &ReadModels) -> Snapshot {
        let (seq, hash) = models.head().expect("events");
        Snapshot {
            seq,
            hash,
            models: models.clone(),
        }
    }

    #[test]
    fn a_fitting_snapshot_folds_only_the_later_events() {
        let pool = pool();
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(SNAPSHOT_FILE);
        let mut journal = SqliteStorage::open(dir.path()).expect("journal");
        let (first, rest) = pool.split_at(pool.len() - 5);
        append(&mut journal, &first.iter().collect::<Vec<_>>());
        let before = full_fold(&journal);
        Snapshot::write(&path, &before, before.head().expect("head")).expect("write");
        append(&mut journal, &rest.iter().collect::<Vec<_>>());
        let snapshot = Snapshot::read(&path).expect("read back");
        assert_eq!(snapshot.models, before, "serde keeps every read model");
        let (resumed, folded) = fold_journal(&journal, Some(snapshot)).expect("fold");
        assert_eq!(folded, 5, "only the events after the snapshot");
        assert_eq!(resumed.model(), &full_fold(&journal));
        assert_eq!(resumed.last_seq(), pool.len() as u64);
    }

    #[test]
    fn a_snapshot_that_does_not_fit_is_ignored_and_the_journal_folded_whole() {
        let pool = pool();
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(SNAPSHOT_FILE);
        let mut journal = SqliteStorage::open(dir.path()).expect("journal");
        append(&mut journal, &pool.iter().collect::<Vec<_>>());
        let whole = full_fold(&journal);
        let n = pool.len();
        let good = snapshot_of(&whole);
        let mut other_hash = good.clone();
        other_hash.hash = Hash([9; 32]);
        let mut beyond = good.clone();
        beyond.seq = n as u64 + 1;
        // Models that say something else, at a fitting seq and hash, would be believed: the
        // snapshot is a cache as trustworthy as the workspace folder. Those below are not.
        for unfit in [other_hash, beyond] {
            let (models, folded) = fold_journal(&journal, Some(unfit)).expect("fold");
            assert_eq!(folded, n, "folded from the start");
            assert_eq!(models.model(), &whole);
        }
        // Damaged, truncated, of another format or build: not read at all, and no panic.
        Snapshot::write(&path, &whole, whole.head().expect("head")).expect("write");
        let bytes = std::fs::read(&path).expect("bytes");
        let header_end = bytes.iter().position(|b| *b == b'\n').expect("header");
        let header = String::from_utf8(bytes[..header_end].to_vec()).expect("utf-8");
        let models_text = &bytes[header_end..];
        let this_format = format!("\"format\":{SNAPSHOT_FORMAT}");
        assert!(header.contains(&this_format), "{header}");
        let damaged: Vec<Vec<u8>> = vec![
            bytes[..bytes.len() / 2].to_vec(),
            bytes[..bytes.len() - 1].to_vec(),
            b"".to_vec(),
            b"\xff\xfe garbage".to_vec(),
            [
                header.replace(&this_format, "\"format\":99").as_bytes(),
                models_text,
            ]
            .concat(),
            [
                header.replace(VERSION_LINE, "0.0.1 (commit x)").as_bytes(),
                models_text,
            ]
            .concat(),
            [header.as_bytes(), b"\n{\"response\":1}"].concat(),
        ];
        for bytes in damaged {
            std::fs::write(&path, &bytes).expect("write");
            assert_eq!(Snapshot::read(&path), None);
        }
    }

    #[test]
    fn a_tampered_or_format_1_snapshot_is_ignored() {
        let pool = pool();
        let mut models = ReadModels::default();
        pool.iter().for_each(|e| models.apply(e));
        let head = models.head().expect("head");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(SNAPSHOT_FILE);
        Snapshot::write(&path, &models, head).expect("write");
        let bytes = std::fs::read(&path).expect("bytes");
        let body = bytes.iter().position(|b| *b == b'\n').expect("header") + 1;
        // A byte changed anywhere in the compressed read models: the frame's checksum (or its
        // structure) no longer holds, so nothing of it is believed.
        let step = ((bytes.len() - body) / 40).max(1);
        for at in (body..bytes.len()).step_by(step) {
            let mut tampered = bytes.clone();
            tampered[at] ^= 0x20;
            std::fs::write(&path, &tampered).expect("write");
            assert_eq!(Snapshot::read(&path), None, "byte {at} of {}", bytes.len());
        }
        // An intact LZ4 frame holding something other than read models.
        let mut foreign = bytes[..body].to_vec();
        let mut encoder = FrameEncoder::new(&mut foreign);
        encoder.write_all(b"\x93\x01\x02").expect("frame");
        encoder.finish().expect("frame");
        std::fs::write(&path, &foreign).expect("write");
        assert_eq!(Snapshot::read(&path), None);
        // The format-1 snapshot an earlier AirDesk kept: header, then the read models as JSON.
        let header = Header {
            format: 1,
            build: VERSION_LINE.to_owned(),
            seq: head.0,
            hash: head.1,
        };
        let mut old = serde_json::to_vec(&header).expect("header");
        old.push(b'\n');
        old.extend(serde_json::to_vec(&models).expect("json"));
        std::fs::write(&path, &old).expect("write");
        assert_eq!(Snapshot::read(&path), None);
        // The same read models in this format read back whole.
        Snapshot::write(&path, &models, head).expect("write");
        let read = Snapshot::read(&path).expect("read");
        assert_eq!((read.seq, read.hash), head);
        assert_eq!(read.models, models);
        assert!(
            bytes.len() < old.len() / 2,
            "{} vs JSON {}",
            bytes.len(),
            old.len()
        );
    }

    #[test]
    fn a_session_keeps_a_snapshot_on_closing_and_opens_from_it() {
        let dir = tempfile::tempdir().expect("dir");
        let workspace = crate::workspace::Workspace::open(dir.path()).expect("workspace");
        let mut session = Session::open(&workspace);
        record_drill_block(&mut session, &author(), start(), 2).expect("block");
        let models = session.models().clone();
        session.close().expect("close");
        let path = dir.path().join(SNAPSHOT_FILE);
        assert_eq!(
            Snapshot::read(&path).map(|s| s.models),
            Some(models.clone())
        );
        let reopened = Session::open(&workspace);
        assert_eq!(reopened.snapshot_seq, reopened.last_seq(), "nothing folded");
        assert_eq!(reopened.models(), &models);
        let cli = Session::read_only(dir.path(), None).expect("cli");
        assert_eq!(cli.models(), &models);
    }

    #[test]
    fn a_desk_whose_server_is_down_opens_read_only_on_its_snapshot() {
        let dir = tempfile::tempdir().expect("dir");
        // Nothing listens on port 1: the server cannot be reached.
        let url = "postgres://zhiban1:secret@127.0.0.1:1/airdesk";
        let settings = format!("journal = \"{url}\"\n");
        std::fs::write(dir.path().join(crate::workspace::SETTINGS_FILE), settings)
            .expect("settings");
        let workspace = crate::workspace::Workspace::open(dir.path()).expect("workspace");
        let server = ServerUrl::parse(url).expect("url");
        let at = Location::Server(Box::new(server));
        let path = snapshot_file(&at, Some(dir.path())).expect("cache");
        assert!(!path.to_string_lossy().contains("secret"));
        let pool = pool();
        let mut models = ReadModels::default();
        pool.iter().for_each(|e| models.apply(e));
        Snapshot::write(&path, &models, models.head().expect("head")).expect("write");

        let mut session = Session::open(&workspace);
        let offline = session.offline().expect("said at once");
        assert!(!offline.contains("secret"), "{offline}");
        assert_eq!(session.open_error(), None);
        assert_eq!(session.models(), &models, "the last snapshot, shown");
        assert_eq!(session.last_seq(), pool.len() as u64);
        assert!(matches!(
            session.why_not(),
            Some(crate::session::WhyNot::Offline(_))
        ));
        let ack = Command::AcknowledgeAlert(crate::domain::alerts::Acknowledged {
            key: "burst/1047A/9".into(),
            note: String::new(),
        });
        assert!(session.execute(&ack, start()).is_err(), "refused offline");
        assert!(
            session
                .follow(std::time::Duration::from_secs(1), |_| {})
                .is_some(),
            "it keeps trying the server"
        );
        // Still down when the listener says it answers: still offline, nothing lost.
        session.hear(crate::session::Heard::Reachable);
        assert!(session.offline().is_some());
        assert_eq!(session.models(), &models);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn folding_on_from_a_snapshot_equals_the_full_fold(
            picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..120),
            split in any::<prop::sample::Index>(),
        ) {
            let pool = pool();
            let events: Vec<&Event> = picks.iter().map(|i| i.get(&pool)).collect();
            let mut journal = SqliteStorage::open_in_memory().expect("journal");
            append(&mut journal, &events);
            let all = journal.read_since(0).expect("events");
            let k = split.index(all.len()) + 1;
            let mut before = ReadModels::of_journal(journal.opened_chain());
            all[..k].iter().for_each(|e| before.apply(e));
            let dir = tempfile::tempdir().expect("dir");
            let path = dir.path().join(SNAPSHOT_FILE);
            Snapshot::write(&path, &before, before.head().expect("head")).expect("write");
            let snapshot = Snapshot::read(&path).expect("read back");
            let (resumed, folded) = fold_journal(&journal, Some(snapshot)).expect("fold");
            prop_assert_eq!(folded, all.len() - k);
            prop_assert_eq!(resumed.model(), &full_fold(&journal));
        }
    }
}
