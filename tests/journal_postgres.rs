//! The PostgreSQL journal against a real server: every test that needs one is in this binary.
//!
//! They run when `AIRDESK_TEST_POSTGRES` holds the URL of a login that may create databases and
//! roles (`.ci/run` starts the server and sets it); each test makes its own database and drops
//! it. Without the variable every test here returns at once and the binary prints one line
//! saying so. A separate binary because the crash test runs this binary again as the child that
//! is killed (`AIRDESK_PG_CRASH_CHILD`), and so that `cargo test --test journal_postgres` runs
//! exactly the server tests.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Once, mpsc};
use std::time::{Duration, Instant};

use airdesk::domain::plan::Level;
use airdesk::domain::response::{self, IssueInput, ItemInput, ItemKey, Transition};
use airdesk::i18n::{Language, Render, Tr};
use airdesk::journal::postgres::{Heard, Listener};
use airdesk::journal::{
    Author, Checkpoint, Fault, JournalError, OpenMode, PgStorage, ReadOnlyReason, ServerUrl,
    Storage, Verification,
};
use airdesk::session::{Command, Session, SessionError, WhyNot};
use airdesk::workspace::Workspace;
use chrono::{DateTime, FixedOffset};
use serde_json::json;

const ENV: &str = "AIRDESK_TEST_POSTGRES";

/// The test server's URL, or `None` (and one line on stderr for the whole binary) when the
/// variable is not set.
fn server() -> Option<ServerUrl> {
    static SKIPPED: Once = Once::new();
    match std::env::var(ENV) {
        Ok(url) if !url.is_empty() => Some(ServerUrl::parse(&url).expect("AIRDESK_TEST_POSTGRES")),
        _ => {
            SKIPPED.call_once(|| {
                // Written straight to the process's stderr, past the harness's capture.
                let _ = writeln!(
                    std::io::stderr(),
                    "PostgreSQL journal tests skipped: {ENV} is not set; run `bash .ci/run` (it \
                     starts PostgreSQL and sets it) or set it to a postgres:// URL of a login \
                     with CREATEDB and CREATEROLE (README, \"Tests against PostgreSQL\")"
                );
            });
            None
        }
    }
}

/// A database of its own for one test, dropped (with the logins made for it) at the end.
struct TestDb {
    admin: ServerUrl,
    url: ServerUrl,
    name: String,
    logins: Vec<String>,
}

impl TestDb {
    fn new(test: &str) -> Option<TestDb> {
        let admin = server()?;
        let name = format!("airdesk_t_{test}_{}", std::process::id());
        let mut c = connect(&admin);
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .expect("drop");
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        let url = admin.with_database(&name);
        Some(TestDb {
            admin,
            url,
            name,
            logins: Vec::new(),
        })
    }

    /// A login in group `group`, registered as desk `desk` with `role` and `units`
    /// (`desk = None`: not registered). The journal's schema must exist.
    fn login(
        &mut self,
        suffix: &str,
        group: &str,
        desk: Option<(&str, &str, &[&str])>,
    ) -> ServerUrl {
        let login = format!("{}_{suffix}", self.name);
        let mut c = connect(&self.url);
        c.batch_execute(&format!(
            "DROP ROLE IF EXISTS {login}; CREATE ROLE {login} LOGIN PASSWORD 'pw-{suffix}' IN ROLE {group}"
        ))
        .expect("create login");
        if let Some((name, role, units)) = desk {
            let units: Vec<String> = units.iter().map(|u| (*u).to_owned()).collect();
            c.execute(
                "INSERT INTO airdesk.desks (login, desk, role, units) VALUES ($1, $2, $3, $4)",
                &[&login, &name, &role, &units],
            )
            .expect("register desk");
        }
        self.logins.push(login.clone());
        self.url.as_user(&login, &format!("pw-{suffix}"))
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let mut c = connect(&self.admin);
        let _ = c.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
        for login in &self.logins {
            let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS {login}"));
        }
    }
}

fn connect(url: &ServerUrl) -> postgres::Client {
    url.connect().expect("connect")
}

fn at(h: u32, m: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2025-01-15T{h:02}:{m:02}:00+08:00")).expect("time")
}

fn append(j: &mut PgStorage, desk: &str, n: u64) -> airdesk::journal::Event {
    let author = Author::new("张伟", desk).expect("author");
    j.append(
        &author
            .draft(at(9, 0), "test.noted", &json!({"n": n}))
            .expect("draft"),
    )
    .expect("append")
}

#[test]
fn creates_appends_verifies_and_reopens_from_its_checkpoint() {
    let Some(db) = TestDb::new("basic") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let mut j = PgStorage::open(&db.url, Some(dir.path())).expect("open");
    assert_eq!(j.mode(), &OpenMode::ReadWrite, "the owner writes");
    assert_eq!(
        j.opened_chain(),
        &Verification::Intact {
            events: 0,
            last_hash: airdesk::journal::Hash::GENESIS
        }
    );
    for n in 1..=5 {
        assert_eq!(append(&mut j, "desk-1", n).seq, n);
    }
    let events = j.read_since(2).expect("read");
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [3, 4, 5]);
    let Verification::Intact { events, last_hash } = j.verify().expect("verify") else {
        panic!("broken")
    };
    assert_eq!(events, 5);
    let file = j.checkpoint_file().expect("checkpoint file").to_path_buf();
    assert_eq!(
        Checkpoint::read_file(&file),
        Some(Checkpoint {
            seq: 5,
            hash: last_hash
        })
    );
    j.close().expect("close");
    let again = PgStorage::open(&db.url, Some(dir.path())).expect("reopen");
    assert!(matches!(
        again.opened_chain(),
        Verification::Intact { events: 5, .. }
    ));
    let ro = PgStorage::open_read_only(&db.url, None).expect("read-only");
    assert_eq!(ro.mode(), &OpenMode::ReadOnly(ReadOnlyReason::Requested));
    assert_eq!(ro.read_since(0).expect("read").len(), 5);
}

/// Eight desks, each its own connection, append at once: one chain, every event once.
#[test]
fn many_writers_make_one_chain() {
    let Some(mut db) = TestDb::new("writers") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    let desks: Vec<(String, ServerUrl)> = (0..8)
        .map(|i| {
            let name = format!("desk-{i}");
            let url = db.login(&format!("d{i}"), "airdesk_desk", Some((&name, "desk", &[])));
            (name, url)
        })
        .collect();
    let start = Arc::new(Barrier::new(desks.len()));
    let threads: Vec<_> = desks
        .into_iter()
        .map(|(name, url)| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                let mut j = PgStorage::open(&url, None).expect("open");
                assert_eq!(j.mode(), &OpenMode::ReadWrite);
                start.wait();
                (0..25)
                    .map(|n| append(&mut j, &name, n).seq)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut seqs: Vec<u64> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("desk thread"))
        .collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=200).collect::<Vec<_>>(), "no gap, no duplicate");
    let j = PgStorage::open_read_only(&db.url, None).expect("read");
    assert!(matches!(
        j.verify().expect("verify"),
        Verification::Intact { events: 200, .. }
    ));
    let events = j.read_since(0).expect("read");
    for desk in 0..8 {
        let mine: Vec<u64> = events
            .iter()
            .filter(|e| e.desk == format!("desk-{desk}"))
            .map(|e| {
                e.decode::<serde_json::Value>().expect("payload")["n"]
                    .as_u64()
                    .expect("n")
            })
            .collect();
        assert_eq!(
            mine,
            (0..25).collect::<Vec<_>>(),
            "desk-{desk}'s events, once, in order"
        );
    }
    assert!(
        events
            .windows(2)
            .all(|w| w[0].recorded_at <= w[1].recorded_at),
        "times never go back"
    );
}

/// A desk whose view is stale appends after the events it has not seen, and a skewed clock is
/// raised to the head's time.
#[test]
fn a_stale_desk_is_clamped_to_the_head_or_told_the_journal_moved() {
    let Some(db) = TestDb::new("stale") else {
        return;
    };
    let mut a = PgStorage::open(&db.url, None).expect("a");
    let mut b = PgStorage::open(&db.url, None).expect("b");
    append(&mut a, "desk-a", 1);
    let late = Author::new("李明", "desk-b").expect("author");
    let e = b
        .append(&late.draft(at(10, 0), "test.noted", &2).expect("draft"))
        .expect("b appends");
    assert_eq!(e.seq, 2);
    let early = a
        .append(&late.draft(at(8, 0), "test.noted", &3).expect("draft"))
        .expect("a appends");
    assert_eq!(early.seq, 3, "after b's event it had not read");
    assert_eq!(early.local_time(), at(10, 0), "clamped to the head's time");
    // A command decided on event #2 is not stored after #3: the desk is told how far the journal
    // moved, decides again and appends after #3.
    let draft = late.draft(at(10, 5), "test.noted", &4).expect("draft");
    match b.append_after(2, std::slice::from_ref(&draft)) {
        Err(JournalError::Stale { seen: 2, head: 3 }) => {}
        other => panic!("a stale append must be refused, got {other:?}"),
    }
    assert_eq!(
        b.read_since(3).expect("read").len(),
        0,
        "nothing was stored"
    );
    let stored = b
        .append_after(3, std::slice::from_ref(&draft))
        .expect("after catching up");
    assert_eq!(stored[0].seq, 4);
    assert!(matches!(
        a.verify().expect("verify"),
        Verification::Intact { events: 4, .. }
    ));
}

/// UPDATE, DELETE and TRUNCATE are refused to every role (privileges) and to the owner
/// (triggers); a viewer cannot insert; nobody can move the head off the chain.
#[test]
fn the_server_keeps_the_journal_append_only() {
    let Some(mut db) = TestDb::new("appendonly") else {
        return;
    };
    let mut owner = PgStorage::open(&db.url, None).expect("create");
    append(&mut owner, "desk-1", 1);
    owner.put_evidence("photo.jpg", b"abc").expect("evidence");
    let desk = db.login("desk", "airdesk_desk", Some(("值班台", "desk", &[])));
    let viewer = db.login("viewer", "airdesk_viewer", Some(("投影", "viewer", &[])));
    for url in [&db.url, &desk, &viewer] {
        let mut c = connect(url);
        for sql in [
            "UPDATE airdesk.events SET payload = '{}' WHERE seq = 1",
            "DELETE FROM airdesk.events WHERE seq = 1",
            "TRUNCATE airdesk.events",
            "DELETE FROM airdesk.head",
            "UPDATE airdesk.head SET seq = 0, hash = repeat('0', 64)",
            "DELETE FROM airdesk.evidence",
        ] {
            let refused = c.batch_execute(sql).expect_err(sql);
            let code = refused.code().expect("a server error").clone();
            assert!(
                code == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
                    || code == postgres::error::SqlState::INTEGRITY_CONSTRAINT_VIOLATION,
                "{} {sql}: {refused}",
                url.user()
            );
        }
    }
    let mut c = connect(&viewer);
    let refused = c
        .batch_execute(
            "INSERT INTO airdesk.events SELECT seq + 1, recorded_at_us, utc_offset_s, operator, \
             '投影', kind, payload, hash, hash FROM airdesk.events WHERE seq = 1",
        )
        .expect_err("viewer insert");
    assert_eq!(
        refused.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE)
    );
    let v = PgStorage::open(&viewer, None).expect("viewer opens");
    assert_eq!(
        v.mode(),
        &OpenMode::ReadOnly(ReadOnlyReason::Viewer {
            desk: Some("投影".into())
        })
    );
    assert_eq!(v.read_since(0).expect("viewer reads").len(), 1);
    assert!(matches!(
        owner.verify().expect("verify"),
        Verification::Intact { events: 1, .. }
    ));
}

/// The owner (or a superuser) who switches the triggers off to edit an event is caught by
/// `verify` and by every desk's next open; that desk then refuses to write.
#[test]
fn an_edit_with_the_triggers_disabled_is_caught() {
    let Some(db) = TestDb::new("tamper") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let mut j = PgStorage::open(&db.url, Some(dir.path())).expect("open");
    for n in 1..=4 {
        append(&mut j, "desk-1", n);
    }
    connect(&db.url)
        .batch_execute(
            "ALTER TABLE airdesk.events DISABLE TRIGGER USER; \
             UPDATE airdesk.events SET payload = '{\"n\":99}' WHERE seq = 2; \
             ALTER TABLE airdesk.events ENABLE TRIGGER USER;",
        )
        .expect("tamper");
    let Verification::Broken(b) = j.verify().expect("verify") else {
        panic!("edit not caught")
    };
    assert_eq!(b.seq, 2);
    assert!(matches!(b.fault, Fault::ContentChanged { .. }));
    // An edit of the event this desk's checkpoint holds is caught on the next open, and the
    // break is placed by a walk from the start.
    connect(&db.url)
        .batch_execute(
            "ALTER TABLE airdesk.events DISABLE TRIGGER USER; \
             UPDATE airdesk.events SET operator = '王五' WHERE seq = 4; \
             ALTER TABLE airdesk.events ENABLE TRIGGER USER;",
        )
        .expect("tamper");
    let reopened = PgStorage::open(&db.url, Some(dir.path())).expect("reopen");
    match reopened.mode() {
        OpenMode::ReadOnly(ReadOnlyReason::Broken(b)) => assert_eq!(b.seq, 2),
        other => panic!("{other:?}"),
    }
    let fresh = TestDb::new("tamper2").expect("db");
    let mut open_before = PgStorage::open(&fresh.url, None).expect("open");
    append(&mut open_before, "desk-1", 1);
    let mut other = PgStorage::open(&fresh.url, None).expect("other");
    append(&mut other, "desk-1", 2);
    connect(&fresh.url)
        .batch_execute(
            "ALTER TABLE airdesk.events DISABLE TRIGGER USER; \
             UPDATE airdesk.events SET payload = '{\"n\":7}' WHERE seq = 2; \
             ALTER TABLE airdesk.events ENABLE TRIGGER USER;",
        )
        .expect("tamper");
    let author = Author::new("张伟", "desk-1").expect("author");
    let refused = open_before.append(&author.draft(at(9, 0), "test.noted", &3).expect("draft"));
    assert!(
        matches!(
            refused,
            Err(JournalError::ReadOnly(ReadOnlyReason::Broken(_)))
        ),
        "{refused:?}"
    );
    assert_eq!(
        open_before.read_since(0).expect("read").len(),
        2,
        "nothing added"
    );
}

/// Desk names and roles are the server's: a unit desk records only for its own units, no
/// login records under another desk's name, an unregistered login opens read-only.
#[test]
fn the_server_enforces_desk_names_and_unit_roles() {
    let Some(mut db) = TestDb::new("roles") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    let unit = db.login("unit", "airdesk_desk", Some(("住建局", "unit", &["zjj"])));
    let stranger = db.login("stranger", "airdesk_desk", None);
    let mut j = PgStorage::open(&unit, None).expect("unit opens");
    assert_eq!(j.mode(), &OpenMode::ReadWrite);
    let entry = j.desk().expect("registered").clone();
    assert_eq!(
        (entry.name.as_str(), entry.units.as_slice()),
        ("住建局", &["zjj".to_owned()][..])
    );
    let author = Author::new("刘洋", "住建局").expect("author");
    let report = |unit: &str| {
        author
            .draft(
                at(9, 0),
                "checklist.implemented",
                &json!({"episode": 1, "item": {"measure": "Y-DUST-1", "unit": unit}, "text": "已落实"}),
            )
            .expect("draft")
    };
    assert_eq!(j.append(&report("zjj")).expect("own unit").seq, 1);
    for refused in [
        j.append(&report("hbj")),
        j.append(
            &author
                .draft(at(9, 0), "warning.issued", &json!({"level": "red"}))
                .expect("d"),
        ),
        j.append(
            &Author::new("刘洋", "值班台")
                .expect("author")
                .draft(at(9, 0), "checklist.implemented", &json!({"unit": "zjj"}))
                .expect("draft"),
        ),
    ] {
        assert!(
            matches!(refused, Err(JournalError::Refused(_))),
            "{refused:?}"
        );
    }
    assert_eq!(
        j.read_since(0).expect("read").len(),
        1,
        "only the own unit's report"
    );
    let s = PgStorage::open(&stranger, None).expect("stranger opens");
    assert!(matches!(
        s.mode(),
        OpenMode::ReadOnly(ReadOnlyReason::Unregistered { .. })
    ));
}

/// The listener hands over other desks' events within a second, says at once when its
/// connection is cut, and catches up when the server answers again.
#[test]
fn the_listener_hears_appends_and_losing_the_server() {
    let Some(db) = TestDb::new("listen") else {
        return;
    };
    let mut j = PgStorage::open(&db.url, None).expect("open");
    append(&mut j, "desk-1", 1);
    let (tx, rx) = mpsc::channel();
    let listener = Listener::spawn(db.url.clone(), 1, move |heard| {
        let _ = tx.send((Instant::now(), heard));
    });
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    append(&mut j, "desk-1", 2);
    let (when, heard) = rx.recv_timeout(Duration::from_secs(5)).expect("heard");
    let Heard::Events(events) = heard else {
        panic!("{heard:?}")
    };
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [2]);
    assert!(when.duration_since(sent) < Duration::from_secs(1));
    // Cut every connection to the journal from the server's side (the desk's own reconnects).
    connect(&db.url)
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = $1 AND pid <> pg_backend_pid()",
            &[&db.name],
        )
        .expect("terminate");
    let mut said = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline && !said.contains(&Heard::Reachable) {
        if let Ok((_, heard)) = rx.recv_timeout(Duration::from_millis(200)) {
            said.push(heard);
        }
    }
    assert!(
        matches!(said.first(), Some(Heard::Unreachable(_))),
        "{said:?}"
    );
    assert!(said.contains(&Heard::Reachable), "{said:?}");
    append(&mut j, "desk-1", 3);
    let (_, heard) = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("heard after");
    assert!(
        matches!(&heard, Heard::Events(e) if e[0].seq == 3),
        "{heard:?}"
    );
    drop(listener);
}

/// Evidence files are kept by hash on the server: the same content once, checked on insert.
#[test]
fn evidence_lives_on_the_server_by_hash() {
    let Some(mut db) = TestDb::new("evidence") else {
        return;
    };
    let mut j = PgStorage::open(&db.url, None).expect("open");
    let sha = j.put_evidence("现场照片.jpg", b"abc").expect("put");
    assert_eq!(
        sha,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        j.put_evidence("again.jpg", b"abc").expect("same content"),
        sha
    );
    let viewer = db.login("viewer", "airdesk_viewer", Some(("投影", "viewer", &[])));
    let v = PgStorage::open(&viewer, None).expect("viewer");
    let (name, content) = v.evidence(&sha).expect("read").expect("there");
    assert_eq!(
        (name.as_str(), content.as_slice()),
        ("现场照片.jpg", &b"abc"[..])
    );
    assert_eq!(v.evidence(&"0".repeat(64)).expect("read"), None);
    let forged = connect(&db.url).execute(
        "INSERT INTO airdesk.evidence (sha256, name, content) VALUES ($1, 'x', 'abd')",
        &[&"1".repeat(64)],
    );
    assert!(
        forged.is_err(),
        "a content that does not hash to its key is refused"
    );
}

/// The session's evidence store on a server journal: a desk copies a file in (hashed on the
/// way), any desk — a viewer too — gets a temporary copy checked against the hash to open, and a
/// viewer cannot store.
#[test]
fn the_evidence_store_of_a_server_journal_is_every_desks() {
    use airdesk::session::{EvidenceError, EvidenceStore};
    let Some(mut db) = TestDb::new("evstore") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    let dir = tempfile::tempdir().expect("dir");
    let photo = dir.path().join("现场.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xd9").expect("write");
    let desk = EvidenceStore::Server(Box::new(db.url.clone()));
    let mut steps = 0;
    let file = desk.put(&photo, |_, _| steps += 1).expect("stored");
    assert!(steps >= 1);
    assert_eq!(file.name, "现场.jpg");
    assert!(file.photo.is_some(), "a JPEG's EXIF was looked at");
    let viewer = db.login("evviewer", "airdesk_viewer", Some(("投影", "viewer", &[])));
    let projector = EvidenceStore::Server(Box::new(viewer));
    let temp = tempfile::tempdir().expect("temp");
    let copy = projector.local_copy(&file, temp.path()).expect("a copy");
    assert!(copy.starts_with(temp.path()));
    assert_eq!(std::fs::read(&copy).expect("read"), b"\xff\xd8\xff\xd9");
    assert!(matches!(
        projector.put(&photo, |_, _| ()),
        Err(EvidenceError::Store(_))
    ));
    let unknown = airdesk::domain::response::EvidenceFile {
        sha256: Some("0".repeat(64)),
        ..file
    };
    assert!(matches!(
        projector.local_copy(&unknown, temp.path()),
        Err(EvidenceError::NotFound { .. })
    ));
}

/// A newer schema is refused with a message; a wrong password never appears in an error.
#[test]
fn newer_schemas_and_wrong_passwords_are_said_plainly() {
    let Some(db) = TestDb::new("schema") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    let wrong = db.url.as_user(db.url.user(), "Wr0ng-Secret");
    let e = PgStorage::open(&wrong, None).expect_err("wrong password");
    assert!(!format!("{e} {e:?}").contains("Wr0ng-Secret"), "{e}");
    connect(&db.url)
        .batch_execute("INSERT INTO airdesk.schema_version (version, description) VALUES (9, 'x')")
        .expect("newer");
    let e = PgStorage::open(&db.url, None).expect_err("too new");
    assert!(e.to_string().contains("newer AirDesk"), "{e}");
}

/// `airdesk journal copy` folder → server → folder, and `verify`/`export` on a URL: the same
/// events and hashes everywhere; the password never printed.
#[test]
fn journal_copy_verify_and_export_take_a_url() {
    let Some(db) = TestDb::new("copy") else {
        return;
    };
    let src = tempfile::tempdir().expect("dir");
    {
        let mut j = airdesk::journal::SqliteStorage::open(src.path()).expect("sqlite");
        let a = Author::new("王芳", "desk-2").expect("author");
        // Times out of order, as journals written before the clamp may have them: copied as is.
        for (i, h) in [9, 8, 10].into_iter().enumerate() {
            let d = a.draft(at(h, 0), "test.noted", &i).expect("draft");
            j.append(&d).expect("append");
        }
    }
    let url = std::env::var(ENV)
        .expect("url")
        .replace("/postgres", &format!("/{}", db.name));
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_airdesk"))
            .args(args)
            .output()
            .expect("run airdesk");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !text.contains("airdesk_test:airdesk_test"),
            "password shown: {text}"
        );
        (out.status.code(), text)
    };
    let src_dir = src.path().to_str().expect("utf-8");
    let (code, text) = run(&["journal", "copy", src_dir, &url]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains(&format!(
            "postgres://airdesk_test@127.0.0.1:5432/{}",
            db.name
        )),
        "{text}"
    );
    let (code, text) = run(&["journal", "verify", &url]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("intact, 3 events"), "{text}");
    let back = tempfile::tempdir().expect("dir");
    let back_dir = back.path().join("ws");
    let (code, text) = run(&["journal", "copy", &url, back_dir.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0), "{text}");
    let export = |j: &str| run(&["journal", "export", "--json", j]).1;
    assert_eq!(export(src_dir), export(&url));
    assert_eq!(export(&url), export(back_dir.to_str().expect("utf-8")));
    let (code, text) = run(&["journal", "copy", src_dir, &url]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("already holds 3 events"), "{text}");
}

/// The environment variable that turns this binary into the crash test's writer: `DB RUN`.
const CRASH_CHILD: &str = "AIRDESK_PG_CRASH_CHILD";

/// The writer the crash test kills: appends batches of three events (one transaction each)
/// until killed, printing `saved SEQ RUN I` after each batch returns.
#[test]
fn pg_crash_child() {
    let Ok(spec) = std::env::var(CRASH_CHILD) else {
        return;
    };
    let (db, run) = spec.split_once(' ').expect("spec");
    let url = server().expect("server").with_database(db);
    let mut j = PgStorage::open(&url, None).expect("open");
    let author = Author::new("torture", "crash-desk").expect("author");
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let drafts: Vec<_> = (0..3)
            .map(|part| {
                let payload = json!({"run": run, "i": i, "part": part, "pad": "x".repeat(i % 200)});
                author
                    .draft(chrono::Utc::now().fixed_offset(), "torture.step", &payload)
                    .expect("draft")
            })
            .collect();
        let stored = j.append_all(&drafts).expect("append");
        writeln!(out, "saved {} {run} {i}", stored[2].seq).expect("report");
        out.flush().expect("flush");
    }
}

/// SIGKILL a desk in the middle of its appends, again and again: every batch it reported saved
/// is there whole, no batch is there in part, the chain verifies, the next desk appends at once.
#[cfg(unix)]
#[test]
fn a_desk_killed_mid_append_leaves_nothing_partial() {
    use proptest::prelude::RngExt;
    let Some(db) = TestDb::new("crash") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    let mut rng = proptest::test_runner::TestRng::from_seed(
        proptest::test_runner::RngAlgorithm::ChaCha,
        &[0x50; 32],
    );
    let mut reported = Vec::new();
    for run in 0..20u64 {
        let mut child = std::process::Command::new(std::env::current_exe().expect("exe"))
            .args([
                "--exact",
                "pg_crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CRASH_CHILD, format!("{} {run}", db.name))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            let mut line = String::new();
            while stdout.read_line(&mut line).unwrap_or(0) > 0 && line.ends_with('\n') {
                if tx.send(std::mem::take(&mut line)).is_err() {
                    break;
                }
            }
        });
        // Wait for the first saved batch, then kill 0–40 ms later: mostly inside an append.
        let first = loop {
            let line = lines
                .recv_timeout(Duration::from_secs(60))
                .expect("the writer saves");
            if line.contains("saved ") {
                break line;
            }
        };
        std::thread::sleep(Duration::from_millis(rng.random_range(0..40)));
        child.kill().expect("kill");
        child.wait().expect("wait");
        reader.join().expect("reader");
        let saved = std::iter::once(first).chain(lines.try_iter().filter(|l| l.contains("saved ")));
        for line in saved {
            let mut f = line[line.find("saved ").expect("saved") + 6..].split_whitespace();
            let seq: u64 = f.next().expect("seq").parse().expect("seq");
            let i: u64 = f.nth(1).expect("i").parse().expect("i");
            reported.push((seq, run, i));
        }
    }
    let j = PgStorage::open_read_only(&db.url, None).expect("open after the kills");
    assert!(matches!(
        j.verify().expect("verify"),
        Verification::Intact { .. }
    ));
    let events = j.read_since(0).expect("read");
    let mut batches = std::collections::BTreeMap::<(String, u64), Vec<u64>>::new();
    for e in &events {
        let p: serde_json::Value = e.decode().expect("payload");
        let key = (
            p["run"].as_str().expect("run").to_owned(),
            p["i"].as_u64().expect("i"),
        );
        batches.entry(key).or_default().push(e.seq);
    }
    for ((run, i), seqs) in &batches {
        assert_eq!(seqs.len(), 3, "run {run} batch {i} is partial: {seqs:?}");
        assert_eq!(
            seqs[2],
            seqs[0] + 2,
            "run {run} batch {i} is not consecutive"
        );
    }
    for (seq, run, i) in &reported {
        let seqs = batches
            .get(&(run.to_string(), *i))
            .unwrap_or_else(|| panic!("run {run} batch {i} was reported saved but is gone"));
        assert_eq!(seqs[2], *seq);
    }
    assert!(batches.len() >= reported.len());
    // The head lock died with the killed desk: the next append goes through at once.
    let mut next = PgStorage::open(&db.url, None).expect("open");
    let started = Instant::now();
    append(&mut next, "desk-1", 1);
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// The URL of `login` on the test server's database `database`, as a desk's `settings.toml`
/// names it.
fn url_text(login: &str, password: &str, database: &str) -> String {
    let admin = std::env::var(ENV).expect("the test server's URL");
    let host = admin
        .rsplit_once('@')
        .and_then(|(_, rest)| rest.split('/').next())
        .expect("the URL names a host");
    format!("postgres://{login}:{password}@{host}/{database}")
}

/// A desk's workspace folder whose `settings.toml` names login `suffix` of `db` (made with
/// [`TestDb::login`]) as its journal, opened as the app opens it.
fn desk_session(db: &TestDb, suffix: &str) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().expect("dir");
    let url = url_text(
        &format!("{}_{suffix}", db.name),
        &format!("pw-{suffix}"),
        &db.name,
    );
    std::fs::write(
        dir.path().join(airdesk::workspace::SETTINGS_FILE),
        format!("journal = \"{url}\"\n"),
    )
    .expect("settings");
    let workspace = Workspace::open(dir.path()).expect("workspace");
    let session = Session::open(&workspace);
    assert_eq!(
        session.open_error(),
        None,
        "{suffix} opens the server journal"
    );
    (dir, session)
}

fn respond(command: response::Command) -> Command {
    Command::Respond(command)
}

fn item(transition: Transition, unit: &str) -> Command {
    respond(response::Command::Item(ItemInput {
        transition,
        item: ItemKey::new("Y-DUST-1", unit),
        text: "已落实".into(),
        evidence: None,
        feedback: None,
        campaign: None,
    }))
}

/// Wait (at most 10 s, a liveness bound, not a speed figure) until the listener has handed
/// `session` what `until` asks for.
fn hear_until(
    session: &mut Session,
    heard: &mpsc::Receiver<Heard>,
    until: impl Fn(&Session) -> bool,
) {
    hear_within(session, heard, until, Duration::from_secs(10));
}

/// [`hear_until`] with another liveness bound (a desk reconnecting makes several connections,
/// each a SCRAM login that a debug build under load takes seconds over).
fn hear_within(
    session: &mut Session,
    heard: &mpsc::Receiver<Heard>,
    until: impl Fn(&Session) -> bool,
    bound: Duration,
) {
    let deadline = Instant::now() + bound;
    while !until(session) {
        let left = deadline.saturating_duration_since(Instant::now());
        let h = heard.recv_timeout(left).expect("heard in time");
        session.hear(h);
    }
}

/// Desks on one server journal through their sessions, as the app runs them: each desk's events
/// reach the other desks' read models through their listeners; events carry the registered desk
/// name; two desks acknowledging the same checklist item at once record it once and the second
/// is told; a unit desk records for its own units only; a viewer records nothing; a desk whose
/// server is lost says so, refuses actions, and works again once it is back.
#[test]
fn desks_share_one_journal_through_their_sessions() {
    let Some(mut db) = TestDb::new("sessions") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    db.login("duty", "airdesk_desk", Some(("值班台", "desk", &[])));
    db.login("leader", "airdesk_desk", Some(("带班领导", "desk", &[])));
    db.login("zjj", "airdesk_desk", Some(("住建局", "unit", &["zjj"])));
    db.login(
        "proj",
        "airdesk_viewer",
        Some(("会商室投屏", "viewer", &[])),
    );
    let (_d1, mut duty) = desk_session(&db, "duty");
    let (_d2, mut leader) = desk_session(&db, "leader");
    let (_d3, mut unit) = desk_session(&db, "zjj");
    let (_d4, viewer) = desk_session(&db, "proj");
    assert_eq!(duty.desk_name(), "值班台");
    let (tx, heard) = mpsc::channel();
    let _follower = leader
        .follow(Duration::from_secs(1), move |h| {
            let _ = tx.send(h);
        })
        .expect("the leader's desk listens");

    let started = duty
        .start_shift(Author::new("张伟", "typed-in").expect("a"), "", at(8, 0))
        .expect("start")
        .expect("event");
    assert_eq!(
        started.desk, "值班台",
        "the registered name, not the typed one"
    );
    duty.execute(
        &respond(response::Command::Issue(IssueInput {
            level: Level::Yellow,
            start: at(9, 0),
            expected_end: None,
            approver: None,
            doc_no: String::new(),
            reasons: vec!["预计AQI持续超过200".into()],
            primary: String::new(),
            consultation: None,
            regional: None,
        })),
        at(9, 0),
    )
    .expect("issued");
    hear_until(&mut leader, &heard, |s| s.last_seq() == duty.last_seq());
    assert_eq!(
        leader.models(),
        duty.models(),
        "the leader's desk sees the issue"
    );

    // Both desks acknowledge the same item at once: one acknowledgement, the other is told.
    leader
        .start_shift(Author::new("李明", "x").expect("a"), "", at(9, 5))
        .expect("start");
    let barrier = Barrier::new(2);
    let ack = item(Transition::Acknowledge, "zjj");
    let (a, b) = std::thread::scope(|s| {
        let one = s.spawn(|| {
            barrier.wait();
            duty.execute(&ack, at(9, 10))
        });
        let two = s.spawn(|| {
            barrier.wait();
            leader.execute(&ack, at(9, 10))
        });
        (one.join().expect("one"), two.join().expect("two"))
    });
    assert_eq!(a.is_ok() as u8 + b.is_ok() as u8, 1, "{a:?} {b:?}");
    let told = a.err().or(b.err()).expect("one refused");
    assert!(
        matches!(
            told,
            SessionError::Overtaken { .. } | SessionError::Response(_)
        ),
        "{told:?}"
    );
    let text = told.render(Tr(Language::Zh));
    assert!(!text.is_empty());
    let reader = PgStorage::open_read_only(&db.url, None).expect("reader");
    let acks = |r: &PgStorage| {
        r.read_since(0)
            .expect("read")
            .iter()
            .filter(|e| e.kind == "checklist.acknowledged")
            .count()
    };
    assert_eq!(acks(&reader), 1, "one acknowledgement");

    // A unit desk: its own unit's item, yes; another unit's, or a warning, no.
    let shift = unit
        .start_shift(Author::new("刘洋", "住建局").expect("a"), "", at(9, 20))
        .expect("the unit's clerk signs in");
    assert_eq!(shift, None, "a unit desk records no shift of the centre's");
    let refused = unit.execute(&item(Transition::Implement, "cgj"), at(9, 30));
    assert!(
        matches!(&refused, Err(SessionError::NotYourUnit { unit: Some(u), .. }) if u == "cgj"),
        "{refused:?}"
    );
    let done = unit
        .execute(&item(Transition::Implement, "zjj"), at(9, 30))
        .expect("its own unit");
    assert_eq!(done.desk, "住建局");
    // Checking the done item is the centre's act, even for the unit's own item.
    let check = respond(response::Command::Check(response::CheckInput {
        item: ItemKey::new("Y-DUST-1", "zjj"),
        source: response::CheckSource::Verification,
        by: String::new(),
        sample: None,
        result: response::CheckResult::Confirmed,
        note: String::new(),
        checked_at: None,
        evidence: None,
        campaign: None,
    }));
    let refused = unit.execute(&check, at(9, 35));
    assert!(
        matches!(
            refused,
            Err(SessionError::Refused(WhyNot::ChecksAreTheCentres))
        ),
        "{refused:?}"
    );
    assert!(matches!(
        viewer.why_not(),
        Some(WhyNot::ReadOnly(ReadOnlyReason::Viewer { .. }))
    ));

    // The leader's server is lost: said at once, actions refused; back, and it works again.
    hear_until(&mut leader, &heard, |s| s.last_seq() == done.seq);
    let login = format!("{}_leader", db.name);
    let mut admin = connect(&db.url);
    admin
        .batch_execute(&format!(
            "GRANT {login} TO CURRENT_USER; ALTER ROLE {login} NOLOGIN; \
             SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{login}'"
        ))
        .expect("cut the leader off");
    hear_until(&mut leader, &heard, |s| s.offline().is_some());
    assert!(matches!(leader.why_not(), Some(WhyNot::Offline(_))));
    let refused = leader.execute(&item(Transition::Implement, "jtj"), at(9, 40));
    assert!(
        matches!(refused, Err(SessionError::Refused(WhyNot::Offline(_)))),
        "{refused:?}"
    );
    admin
        .batch_execute(&format!("ALTER ROLE {login} LOGIN"))
        .expect("let the leader back");
    hear_until(&mut leader, &heard, |s| s.offline().is_none());
    leader
        .execute(&item(Transition::Implement, "jtj"), at(9, 40))
        .expect("recorded once the server is back");
}

/// A TCP relay in front of the test server that can be switched off — its port closed and its
/// connections cut, as when the server goes down — and on again, without touching the real
/// server the other tests share.
struct Relay {
    port: u16,
    upstream: String,
    running: Option<(Arc<AtomicBool>, std::thread::JoinHandle<()>)>,
    streams: Arc<std::sync::Mutex<Vec<TcpStream>>>,
}

impl Relay {
    /// A relay to the test server, switched off (nothing listens on its port yet).
    fn new() -> Relay {
        let admin = std::env::var(ENV).expect("the test server's URL");
        let upstream = admin
            .rsplit_once('@')
            .and_then(|(_, rest)| rest.split('/').next())
            .expect("the URL names a host")
            .to_owned();
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        Relay {
            port,
            upstream,
            running: None,
            streams: Arc::default(),
        }
    }

    fn on(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("listen");
        listener.set_nonblocking(true).expect("non-blocking");
        let stop = Arc::new(AtomicBool::new(false));
        let (thread_stop, upstream, streams) = (
            Arc::clone(&stop),
            self.upstream.clone(),
            Arc::clone(&self.streams),
        );
        let accepting = std::thread::spawn(move || {
            while !thread_stop.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((client, _)) => relay_connection(client, &upstream, &streams),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    Err(_) => break,
                }
            }
        });
        self.running = Some((stop, accepting));
    }

    fn off(&mut self) {
        if let Some((stop, accepting)) = self.running.take() {
            stop.store(true, Ordering::Relaxed);
            accepting.join().expect("relay stopped");
        }
        for s in self.streams.lock().expect("streams").drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.off();
    }
}

/// Copy bytes both ways between `client` and a new connection to `upstream`.
fn relay_connection(client: TcpStream, upstream: &str, streams: &std::sync::Mutex<Vec<TcpStream>>) {
    let Ok(server) = TcpStream::connect(upstream) else {
        return;
    };
    let _ = client.set_nonblocking(false);
    let pipe = |mut from: TcpStream, mut to: TcpStream| {
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut from, &mut to);
            let _ = to.shutdown(std::net::Shutdown::Both);
        });
    };
    let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    if let (Ok(c3), Ok(s3)) = (client.try_clone(), server.try_clone()) {
        streams.lock().expect("streams").extend([c3, s3]);
    }
    pipe(client, server);
    pipe(s2, c2);
}

/// A desk started while its server is down opens at once, says so, shows its last snapshot
/// read-only, refuses actions with that reason, and comes live — with what other desks recorded
/// meanwhile — when the server answers again.
#[test]
fn a_desk_started_while_its_server_is_down_comes_live_when_it_returns() {
    let Some(mut db) = TestDb::new("down") else {
        return;
    };
    drop(PgStorage::open(&db.url, None).expect("create"));
    db.login("duty", "airdesk_desk", Some(("值班台", "desk", &[])));
    let leader_url = db.login("leader", "airdesk_desk", Some(("带班领导", "desk", &[])));
    let mut relay = Relay::new();
    relay.on();
    let dir = tempfile::tempdir().expect("dir");
    let url = format!(
        "postgres://{}_duty:pw-duty@127.0.0.1:{}/{}",
        db.name, relay.port, db.name
    );
    std::fs::write(
        dir.path().join(airdesk::workspace::SETTINGS_FILE),
        format!("journal = \"{url}\"\n"),
    )
    .expect("settings");
    let workspace = Workspace::open(dir.path()).expect("workspace");
    let ack = |key: &str| {
        Command::AcknowledgeAlert(airdesk::domain::alerts::Acknowledged {
            key: key.into(),
            note: String::new(),
        })
    };
    let mut duty = Session::open(&workspace);
    assert_eq!(duty.open_error(), None);
    duty.start_shift(Author::new("张伟", "x").expect("a"), "", at(8, 0))
        .expect("start");
    duty.execute(&ack("burst/1047A/1"), at(8, 10)).expect("ack");
    let had = duty.models().clone();
    duty.close().expect("close keeps the snapshot");

    // The server goes down; another desk records meanwhile (it reaches the server directly).
    relay.off();
    let mut leader = PgStorage::open(&leader_url, None).expect("leader");
    let author = Author::new("李明", "带班领导").expect("a");
    let payload = json!({"key": "burst/1047A/2", "note": ""});
    let draft = author
        .draft(at(8, 20), "alert.acknowledged", &payload)
        .expect("draft");
    let recorded = leader.append(&draft).expect("leader appends");

    let started = Instant::now();
    let mut duty = Session::open(&workspace);
    assert!(started.elapsed() < Duration::from_secs(5), "opens at once");
    let offline = duty.offline().expect("says the server cannot be reached");
    assert!(!offline.contains("pw-duty"), "{offline}");
    assert_eq!(duty.open_error(), None);
    assert_eq!(duty.models(), &had, "the last snapshot, read-only");
    assert!(matches!(duty.why_not(), Some(WhyNot::Offline(_))));
    let refused = duty.execute(&ack("burst/1047A/3"), at(8, 30));
    assert!(
        matches!(refused, Err(SessionError::Refused(WhyNot::Offline(_)))),
        "{refused:?}"
    );
    let text = refused.expect_err("refused").render(Tr(Language::Zh));
    assert!(text.contains("服务器"), "{text}");

    let (tx, heard) = mpsc::channel();
    let _follower = duty
        .follow(Duration::from_secs(1), move |h| {
            let _ = tx.send(h);
        })
        .expect("it keeps trying the server");
    relay.on();
    hear_within(
        &mut duty,
        &heard,
        |s| s.offline().is_none() && s.last_seq() == recorded.seq,
        Duration::from_secs(60),
    );
    assert!(
        duty.models()
            .alerts
            .acknowledgements()
            .contains_key("burst/1047A/2"),
        "what the leader recorded meanwhile"
    );
    duty.start_shift(Author::new("张伟", "x").expect("a"), "", at(8, 40))
        .expect("signs in");
    duty.execute(&ack("burst/1047A/3"), at(8, 40))
        .expect("recorded once the server is back");
}
