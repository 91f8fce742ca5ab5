//! The PostgreSQL journal against a real server: every test that needs one is in this binary.
//!
//! They run when `AIRDESK_TEST_POSTGRES` holds the URL of a login that may create databases and
//! roles (`.ci/run` starts the server and sets it); each test makes its own database and drops
//! it. Without the variable every test here returns at once and the binary prints one line
//! saying so. A separate binary because the crash test runs this binary again as the child that
//! is killed (`AIRDESK_PG_CRASH_CHILD`), and so that `cargo test --test journal_postgres` runs
//! exactly the server tests.

use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Barrier, Once, mpsc};
use std::time::{Duration, Instant};

use airdesk::journal::postgres::{Heard, Listener};
use airdesk::journal::{
    Author, Checkpoint, Fault, JournalError, OpenMode, PgStorage, ReadOnlyReason, ServerUrl,
    Storage, Verification,
};
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
