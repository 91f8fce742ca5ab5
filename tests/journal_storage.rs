//! The SQLite journal as the app uses it: create, append, reopen, the single-writer rule, file
//! identity checks, tamper detection and the fold helper.

use std::path::Path;

use airdesk::journal::{
    APPLICATION_ID, Author, CHECKPOINT_FILE, Event, FORMAT_VERSION, Fault, Hash, JOURNAL_FILE,
    JournalError, OpenMode, ReadOnlyReason, Replay, SqliteStorage, Storage, Verification,
};
use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;

fn at(minute: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2025-12-03T08:{minute:02}:00+08:00")).unwrap()
}

fn author() -> Author {
    Author::new("张伟", "desk-1").unwrap()
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Step {
    n: u32,
    note: String,
}

/// A journal in `dir` with `n` events, closed again.
fn journal_with(dir: &Path, n: u32) -> Vec<Event> {
    let mut j = SqliteStorage::open(dir).unwrap();
    let a = author();
    let events = (1..=n)
        .map(|i| {
            let step = Step {
                n: i,
                note: format!("措施 {i}"),
            };
            j.append(&a.draft(at(i % 60), "measure.notified", &step).unwrap())
                .unwrap()
        })
        .collect();
    j.close().unwrap();
    events
}

/// Edit the file as a tamperer would: bypassing AirDesk, first removing its append-only guard.
fn tamper(dir: &Path, sql: &str) {
    let conn = Connection::open(dir.join(JOURNAL_FILE)).unwrap();
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
}

fn broken(dir: &Path) -> (u64, Fault) {
    let j = SqliteStorage::open_read_only(dir).unwrap();
    match j.verify().unwrap() {
        Verification::Broken(b) => (b.seq, b.fault),
        intact => panic!("expected a break, got {intact:?}"),
    }
}

#[test]
fn appends_survive_reopen_in_order_with_stamps() {
    let dir = tempfile::tempdir().unwrap();
    let written = journal_with(dir.path(), 5);
    assert_eq!(
        written.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(written[0].prev_hash, Hash::GENESIS);
    assert_eq!(written[3].prev_hash, written[2].hash);

    let j = SqliteStorage::open(dir.path()).unwrap();
    assert_eq!(j.mode(), &OpenMode::ReadWrite);
    let read = j.read_since(0).unwrap();
    assert_eq!(read, written);
    assert_eq!(j.read_since(3).unwrap(), written[3..]);
    assert!(j.read_since(5).unwrap().is_empty());
    assert!(j.read_since(u64::MAX).unwrap().is_empty());
    let e = &read[1];
    assert_eq!((e.operator.as_str(), e.desk.as_str()), ("张伟", "desk-1"));
    assert_eq!(e.local_time(), at(2));
    assert_eq!(
        e.decode::<Step>().unwrap(),
        Step {
            n: 2,
            note: "措施 2".into()
        }
    );
    assert_eq!(
        j.verify().unwrap(),
        Verification::Intact {
            events: 5,
            last_hash: written[4].hash
        }
    );
}

#[test]
fn file_is_stamped_and_durable() {
    let dir = tempfile::tempdir().unwrap();
    let j = SqliteStorage::open(dir.path()).unwrap();
    assert_eq!(
        j.verify().unwrap(),
        Verification::Intact {
            events: 0,
            last_hash: Hash::GENESIS
        }
    );
    // Pragmas as seen by another connection while the writer is open.
    let conn = Connection::open(dir.path().join(JOURNAL_FILE)).unwrap();
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let recorded: i64 = conn
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (app, version, mode.as_str(), recorded),
        (APPLICATION_ID, FORMAT_VERSION, "wal", 1)
    );
    j.close().unwrap();
}

#[test]
fn events_table_refuses_update_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 2);
    let conn = Connection::open(dir.path().join(JOURNAL_FILE)).unwrap();
    for sql in [
        "UPDATE events SET payload = '{}' WHERE seq = 1",
        "DELETE FROM events WHERE seq = 2",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

#[test]
fn second_instance_is_read_only_and_sees_new_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = SqliteStorage::open(dir.path()).unwrap();
    let a = author();
    writer
        .append(&a.draft(at(0), "shift.started", &()).unwrap())
        .unwrap();

    let mut second = SqliteStorage::open(dir.path()).unwrap();
    let OpenMode::ReadOnly(ReadOnlyReason::OtherInstance { holder }) = second.mode().clone() else {
        panic!(
            "second instance should be read-only, got {:?}",
            second.mode()
        );
    };
    // On Windows the holder's lock also blocks reading the lock file, so the holder is unknown.
    #[cfg(unix)]
    assert_eq!(holder, Some(format!("pid {}", std::process::id())));
    #[cfg(not(unix))]
    let _ = holder;
    let refused = second
        .append(&a.draft(at(1), "shift.started", &()).unwrap())
        .unwrap_err();
    assert!(matches!(refused, JournalError::ReadOnly(_)));
    assert!(
        refused.to_string().contains("another AirDesk instance"),
        "{refused}"
    );

    // The read-only window refreshes from what the writer appends.
    let mut replay = Replay::new(Vec::new());
    assert_eq!(
        replay
            .catch_up(&second, |kinds, e| kinds.push(e.kind.clone()))
            .unwrap(),
        1
    );
    writer
        .append(&a.draft(at(2), "warning.issued", &"orange").unwrap())
        .unwrap();
    writer
        .append(&a.draft(at(3), "warning.lifted", &()).unwrap())
        .unwrap();
    assert_eq!(
        replay
            .catch_up(&second, |kinds, e| kinds.push(e.kind.clone()))
            .unwrap(),
        2
    );
    assert_eq!(
        replay.state(),
        &["shift.started", "warning.issued", "warning.lifted"]
    );
    assert_eq!(replay.last_seq(), 3);
    assert!(matches!(
        second.verify().unwrap(),
        Verification::Intact { events: 3, .. }
    ));

    // Once the writer has gone, the next instance writes.
    writer.close().unwrap();
    drop(second);
    let mut third = SqliteStorage::open(dir.path()).unwrap();
    assert!(third.mode().is_writable());
    assert_eq!(
        third
            .append(&a.draft(at(4), "shift.ended", &()).unwrap())
            .unwrap()
            .seq,
        4
    );
}

#[test]
fn read_only_open_never_creates_anything() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        SqliteStorage::open_read_only(dir.path()),
        Err(JournalError::NoJournal { .. })
    ));
    assert!(matches!(
        SqliteStorage::open_read_only(&dir.path().join("missing")),
        Err(JournalError::NoJournal { .. })
    ));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    journal_with(dir.path(), 1);
    let mut ro = SqliteStorage::open_read_only(dir.path()).unwrap();
    assert_eq!(ro.mode(), &OpenMode::ReadOnly(ReadOnlyReason::Requested));
    let err = ro
        .append(&author().draft(at(5), "x", &()).unwrap())
        .unwrap_err();
    assert!(matches!(
        err,
        JournalError::ReadOnly(ReadOnlyReason::Requested)
    ));
    assert_eq!(ro.read_since(0).unwrap().len(), 1);
}

#[test]
fn writer_needs_an_existing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let err = SqliteStorage::open(&dir.path().join("no-such-workspace")).unwrap_err();
    assert!(matches!(err, JournalError::Io { .. }), "{err}");
}

#[test]
fn empty_file_becomes_a_journal_for_the_writer_only() {
    // What a crash during creation can leave behind.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(JOURNAL_FILE), b"").unwrap();
    // Said as it is: the file is there but empty (not "not found", #11 item 4f).
    let err = SqliteStorage::open_read_only(dir.path()).unwrap_err();
    assert!(matches!(err, JournalError::EmptyJournal { .. }), "{err}");
    assert!(err.to_string().contains("is empty (0 bytes)"), "{err}");
    let mut j = SqliteStorage::open(dir.path()).unwrap();
    assert_eq!(
        j.append(&author().draft(at(0), "x", &()).unwrap())
            .unwrap()
            .seq,
        1
    );
}

#[test]
fn leftovers_of_an_interrupted_creation_are_replaced() {
    let dir = tempfile::tempdir().unwrap();
    for leftover in ["journal.sqlite.creating", "journal.sqlite.creating-journal"] {
        std::fs::write(dir.path().join(leftover), "half-written").unwrap();
    }
    let mut j = SqliteStorage::open(dir.path()).unwrap();
    assert_eq!(
        j.append(&author().draft(at(0), "x", &()).unwrap())
            .unwrap()
            .seq,
        1
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("creating"))
        .collect();
    names.sort();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn other_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(JOURNAL_FILE);

    std::fs::write(&path, "station,pm25\n1001A,35\n".repeat(50)).unwrap();
    for result in [
        SqliteStorage::open(dir.path()),
        SqliteStorage::open_read_only(dir.path()),
    ] {
        let err = result.unwrap_err();
        assert!(matches!(err, JournalError::NotAJournal { .. }), "{err}");
        assert!(err.to_string().contains("not an AirDesk journal"), "{err}");
    }

    std::fs::remove_file(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(other);
    let before = std::fs::read(&path).unwrap();
    let err = SqliteStorage::open(dir.path()).unwrap_err();
    assert!(matches!(err, JournalError::NotAJournal { .. }), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "must not switch it to WAL or add tables"
    );

    let other = Connection::open(&path).unwrap();
    other
        .pragma_update(None, "application_id", 0x1234_5678)
        .unwrap();
    drop(other);
    let err = SqliteStorage::open_read_only(dir.path()).unwrap_err();
    assert!(err.to_string().contains("0x12345678"), "{err}");
}

#[test]
fn newer_format_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 1);
    let conn = Connection::open(dir.path().join(JOURNAL_FILE)).unwrap();
    conn.pragma_update(None, "user_version", FORMAT_VERSION + 1)
        .unwrap();
    drop(conn);
    for result in [
        SqliteStorage::open(dir.path()),
        SqliteStorage::open_read_only(dir.path()),
    ] {
        let err = result.unwrap_err();
        assert!(
            matches!(err, JournalError::TooNew { found, supported, .. } if found == FORMAT_VERSION + 1 && supported == FORMAT_VERSION),
            "{err}"
        );
        assert!(err.to_string().contains("newer AirDesk"), "{err}");
    }
}

#[test]
fn edited_payload_is_named() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 6);
    tamper(
        dir.path(),
        r#"UPDATE events SET payload = '{"n":4,"note":"措施 已落实"}' WHERE seq = 4"#,
    );
    let (seq, fault) = broken(dir.path());
    assert_eq!(seq, 4);
    assert!(matches!(fault, Fault::ContentChanged { .. }), "{fault:?}");
}

#[test]
fn edited_operator_or_time_is_named() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 3);
    tamper(
        dir.path(),
        "UPDATE events SET operator = '李四' WHERE seq = 2",
    );
    assert!(matches!(
        broken(dir.path()),
        (2, Fault::ContentChanged { .. })
    ));

    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 3);
    tamper(
        dir.path(),
        "UPDATE events SET recorded_at_us = recorded_at_us - 3600000000 WHERE seq = 3",
    );
    assert!(matches!(
        broken(dir.path()),
        (3, Fault::ContentChanged { .. })
    ));
}

#[test]
fn edit_with_recomputed_hash_breaks_the_next_link() {
    let dir = tempfile::tempdir().unwrap();
    let events = journal_with(dir.path(), 5);
    let mut forged = events[1].clone();
    forged.payload = r#"{"n":2,"note":"forged"}"#.into();
    forged.hash = forged.computed_hash();
    tamper(
        dir.path(),
        &format!(
            "UPDATE events SET payload = '{}', hash = '{}' WHERE seq = 2",
            forged.payload, forged.hash
        ),
    );
    let (seq, fault) = broken(dir.path());
    assert_eq!(seq, 3);
    assert_eq!(
        fault,
        Fault::LinkBroken {
            expected: forged.hash,
            found: events[1].hash
        }
    );
}

#[test]
fn deleted_row_is_a_gap() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 6);
    tamper(dir.path(), "DELETE FROM events WHERE seq = 3");
    assert_eq!(broken(dir.path()), (4, Fault::SequenceGap { expected: 3 }));

    tamper(dir.path(), "DELETE FROM events WHERE seq = 4");
    let j = SqliteStorage::open_read_only(dir.path()).unwrap();
    let Verification::Broken(b) = j.verify().unwrap() else {
        panic!()
    };
    assert_eq!(b.to_string(), "events #3 to #4 are missing (deleted)");
}

#[test]
fn deleted_first_row_is_a_gap() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 3);
    tamper(dir.path(), "DELETE FROM events WHERE seq = 1");
    assert_eq!(broken(dir.path()), (2, Fault::SequenceGap { expected: 1 }));
}

#[test]
fn rows_deleted_from_the_end_are_found_and_stay_visible_after_new_appends() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 5);
    tamper(dir.path(), "DELETE FROM events WHERE seq >= 4");
    assert_eq!(
        broken(dir.path()),
        (4, Fault::MissingAtEnd { recorded_head: 5 })
    );

    // The writer finds the break on opening and refuses to record after it (#11 item 4e).
    let mut j = SqliteStorage::open(dir.path()).unwrap();
    assert!(matches!(
        j.mode(),
        OpenMode::ReadOnly(ReadOnlyReason::Broken(b)) if b.seq == 4
    ));
    assert!(matches!(j.opened_chain(), Verification::Broken(b) if b.seq == 4));
    let refused = j
        .append(&author().draft(at(9), "shift.ended", &()).unwrap())
        .unwrap_err();
    assert!(matches!(
        refused,
        JournalError::ReadOnly(ReadOnlyReason::Broken(_))
    ));
    j.close().unwrap();
    assert_eq!(
        broken(dir.path()),
        (4, Fault::MissingAtEnd { recorded_head: 5 })
    );
}

#[test]
fn reordered_rows_are_found() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 5);
    // Swap events 2 and 3 by renumbering them.
    tamper(
        dir.path(),
        "UPDATE events SET seq = 100 WHERE seq = 2; UPDATE events SET seq = 2 WHERE seq = 3; \
         UPDATE events SET seq = 3 WHERE seq = 100;",
    );
    assert!(matches!(
        broken(dir.path()),
        (2, Fault::ContentChanged { .. })
    ));
}

#[test]
fn replaced_or_extra_last_event_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let events = journal_with(dir.path(), 3);
    // A well-formed extra event appended outside AirDesk (head not updated).
    let mut extra = events[2].clone();
    extra.seq = 4;
    extra.prev_hash = events[2].hash;
    extra.hash = extra.computed_hash();
    tamper(
        dir.path(),
        &format!(
            "INSERT INTO events SELECT 4, recorded_at_us, utc_offset_s, operator, desk, kind, \
             payload, '{}', '{}' FROM events WHERE seq = 3",
            extra.prev_hash, extra.hash
        ),
    );
    assert_eq!(
        broken(dir.path()),
        (4, Fault::HeadMismatch { recorded_head: 3 })
    );

    // The last event replaced by a forged one with a consistent chain.
    let dir = tempfile::tempdir().unwrap();
    let events = journal_with(dir.path(), 3);
    let mut forged = events[2].clone();
    forged.payload = r#"{"n":3,"note":"forged"}"#.into();
    forged.hash = forged.computed_hash();
    tamper(
        dir.path(),
        &format!(
            "UPDATE events SET payload = '{}', hash = '{}' WHERE seq = 3",
            forged.payload, forged.hash
        ),
    );
    assert_eq!(
        broken(dir.path()),
        (3, Fault::HeadMismatch { recorded_head: 3 })
    );
}

#[test]
fn unreadable_rows_are_named_by_verify_and_refused_by_read() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 3);
    tamper(
        dir.path(),
        "UPDATE events SET hash = 'not a hash' WHERE seq = 2",
    );
    let (seq, fault) = broken(dir.path());
    assert_eq!(seq, 2);
    assert!(matches!(fault, Fault::Unreadable { .. }), "{fault:?}");
    let j = SqliteStorage::open_read_only(dir.path()).unwrap();
    let err = j.read_since(0).unwrap_err();
    assert!(matches!(err, JournalError::Corrupt(_)), "{err}");
    assert!(err.to_string().contains("#2"), "{err}");
}

#[test]
fn missing_head_is_reported_as_damage() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 2);
    tamper(dir.path(), "DELETE FROM head");
    // Opening verifies the chain, so the damage shows at once.
    assert!(matches!(
        SqliteStorage::open_read_only(dir.path()),
        Err(JournalError::Corrupt(_))
    ));
}

#[test]
fn in_memory_journal_folds_like_the_file() {
    let mut j = SqliteStorage::open_in_memory().unwrap();
    let a = author();
    for i in 1..=4u32 {
        j.append(&a.draft(at(i), "count.add", &i).unwrap()).unwrap();
    }
    let mut sum = Replay::new(0u32);
    let add = |s: &mut u32, e: &Event| *s += e.decode::<u32>().unwrap_or(0);
    // Folds work through the trait object a future PostgreSQL backend would hide behind.
    let backend: &dyn Storage = &j;
    assert_eq!(sum.catch_up(backend, add).unwrap(), 4);
    assert_eq!(*sum.state(), 10);

    // Resuming from a snapshot applies only what came after it.
    let (state, last) = sum.into_parts();
    let mut resumed = Replay::from_snapshot(state, last);
    j.append(&a.draft(at(5), "count.add", &5u32).unwrap())
        .unwrap();
    assert_eq!(resumed.catch_up(&j, add).unwrap(), 1);
    assert_eq!((*resumed.state(), resumed.last_seq()), (15, 5));
    assert!(matches!(
        j.verify().unwrap(),
        Verification::Intact { events: 5, .. }
    ));
}

/// Copy the journal and its `-wal` as a crash would leave them (the writer still open), into
/// `to`: a journal with an un-merged WAL and no writer.
fn crash_image(from: &Path, to: &Path) {
    for name in [JOURNAL_FILE, "journal.sqlite-wal", CHECKPOINT_FILE] {
        if from.join(name).exists() {
            std::fs::copy(from.join(name), to.join(name)).unwrap();
        }
    }
}

/// A writer with `n` events appended and still open (its events in the `-wal`).
fn open_writer_with(dir: &Path, n: u32, note: &str) -> SqliteStorage {
    let mut j = SqliteStorage::open(dir).unwrap();
    for i in 1..=n {
        let step = Step {
            n: i,
            note: format!("{note} {i}"),
        };
        j.append(&author().draft(at(i), "measure.notified", &step).unwrap())
            .unwrap();
    }
    j
}

/// An un-merged `-wal` and no writer: a read-only open sees every event (#11 item 4b: the
/// immutable fallback used to report 0 events on a read-only medium) and leaves nothing in the
/// folder (item 4d: no `-shm`, no `-wal` of its own).
#[test]
fn a_journal_with_an_unmerged_wal_is_read_whole_without_creating_files() {
    let live = tempfile::tempdir().unwrap();
    let writer = open_writer_with(live.path(), 4, "措施");
    let image = tempfile::tempdir().unwrap();
    crash_image(live.path(), image.path());
    drop(writer);
    let before: Vec<_> = names(image.path());
    assert!(
        before.contains(&"journal.sqlite-wal".to_string()),
        "{before:?}"
    );
    let j = SqliteStorage::open_read_only(image.path()).unwrap();
    assert_eq!(j.read_since(0).unwrap().len(), 4);
    assert!(matches!(
        j.opened_chain(),
        Verification::Intact { events: 4, .. }
    ));
    drop(j);
    assert_eq!(
        names(image.path()),
        before,
        "a read-only open created files"
    );
    // Without a -wal the file is read as it is, again creating nothing.
    let plain = tempfile::tempdir().unwrap();
    journal_with(plain.path(), 2);
    let before = names(plain.path());
    let j = SqliteStorage::open_read_only(plain.path()).unwrap();
    assert_eq!(j.read_since(0).unwrap().len(), 2);
    drop(j);
    assert_eq!(names(plain.path()), before);
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    n.sort();
    n
}

/// Another journal's `-wal` placed beside a journal used to make its events appear ("intact,
/// 433 events") and the next writer made that permanent (#11 item 4a). Now the writer sees the
/// checkpoint's event missing, opens read-only without the WAL, and leaves the WAL untouched.
#[test]
fn a_foreign_wal_is_detected_and_left_untouched() {
    let ours = tempfile::tempdir().unwrap();
    journal_with(ours.path(), 3);
    assert!(ours.path().join(CHECKPOINT_FILE).exists());
    let other = tempfile::tempdir().unwrap();
    let writer = open_writer_with(other.path(), 6, "别的日志");
    std::fs::copy(
        other.path().join("journal.sqlite-wal"),
        ours.path().join("journal.sqlite-wal"),
    )
    .unwrap();
    drop(writer);
    let wal = std::fs::read(ours.path().join("journal.sqlite-wal")).unwrap();
    let mut j = SqliteStorage::open(ours.path()).unwrap();
    assert_eq!(j.mode(), &OpenMode::ReadOnly(ReadOnlyReason::ForeignWal));
    let events = j.read_since(0).unwrap();
    assert_eq!(events.len(), 3, "our own events, not the other journal's");
    assert!(j.append(&author().draft(at(9), "x", &()).unwrap()).is_err());
    drop(j);
    assert_eq!(
        std::fs::read(ours.path().join("journal.sqlite-wal")).unwrap(),
        wal
    );
    // A read-only look names the break too.
    let ro = SqliteStorage::open_read_only(ours.path()).unwrap();
    assert!(matches!(ro.opened_chain(), Verification::Broken(_)));
}

/// No event is stamped before the journal's head: an earlier time (another desk's clock, a drill
/// clock rewound) is raised to the head's time (#11 item 11).
#[test]
fn an_earlier_time_is_clamped_to_the_head() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = SqliteStorage::open(dir.path()).unwrap();
    let first = j
        .append(&author().draft(at(30), "a", &()).unwrap())
        .unwrap();
    let both = j
        .append_all(&[
            author().draft(at(10), "b", &()).unwrap(),
            author().draft(at(40), "c", &()).unwrap(),
        ])
        .unwrap();
    assert_eq!(both[0].recorded_at, first.recorded_at);
    assert_eq!(both[1].local_time(), at(40));
    assert!(matches!(
        j.verify().unwrap(),
        Verification::Intact { events: 3, .. }
    ));
}

/// The second of two instances started together used to fail with "journal.sqlite does not
/// exist" (#11 item 4f): it waits for the first to create the journal.
#[test]
fn a_second_instance_waits_for_the_first_to_create_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let lock = std::fs::File::create(path.join(airdesk::journal::LOCK_FILE)).unwrap();
    lock.try_lock().unwrap();
    let creator = std::thread::spawn({
        let path = path.clone();
        move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            let other = tempfile::tempdir().unwrap();
            journal_with(other.path(), 1);
            // Put in place whole, as the writer's creation does (build, then rename).
            std::fs::copy(other.path().join(JOURNAL_FILE), path.join("building")).unwrap();
            std::fs::rename(path.join("building"), path.join(JOURNAL_FILE)).unwrap();
        }
    });
    let j = SqliteStorage::open(&path).unwrap();
    assert!(matches!(
        j.mode(),
        OpenMode::ReadOnly(ReadOnlyReason::OtherInstance { .. })
    ));
    assert_eq!(j.read_since(0).unwrap().len(), 1);
    creator.join().unwrap();
}
