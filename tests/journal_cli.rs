//! `airdesk journal verify|export|copy`: output and exit status, run as the real binary (folders
//! here; server URLs in `journal_postgres.rs`).

use std::path::Path;
use std::process::{Command, Output};

use airdesk::journal::{Author, JOURNAL_FILE, SqliteStorage, Storage};
use chrono::DateTime;

fn airdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn dir_arg(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// A journal with three events at 08:01, 08:02 and 08:03 Beijing time.
fn journal(dir: &Path) {
    let mut j = SqliteStorage::open(dir).unwrap();
    let a = Author::new("王芳", "desk-2").unwrap();
    for i in 1..=3 {
        let at = DateTime::parse_from_rfc3339(&format!("2025-12-03T08:0{i}:00.25+08:00")).unwrap();
        let payload = serde_json::json!({"level": "orange", "unit": "住建局", "i": i});
        j.append(&a.draft(at, "measure.acknowledged", &payload).unwrap())
            .unwrap();
    }
    j.close().unwrap();
}

#[test]
fn verify_says_intact_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path());
    let out = airdesk(&["journal", "verify", dir_arg(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("intact, 3 events"), "{stdout}");
}

#[test]
fn verify_names_the_first_broken_link_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path());
    let conn = rusqlite::Connection::open(dir.path().join(JOURNAL_FILE)).unwrap();
    conn.execute_batch(
        "DROP TRIGGER events_no_update; \
         UPDATE events SET payload = replace(payload, 'orange', 'yellow') WHERE seq >= 2;",
    )
    .unwrap();
    drop(conn);
    let out = airdesk(&["journal", "verify", dir_arg(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("event #2: content changed"), "{stdout}");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("#2"), "{stderr}");
}

#[test]
fn verify_and_export_exit_2_without_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    for args in [
        vec!["journal", "verify", dir_arg(dir.path())],
        vec!["journal", "export", dir_arg(&missing)],
        vec!["journal", "export", "--json", dir_arg(dir.path())],
    ] {
        let out = airdesk(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("no journal"), "{stderr}");
    }
    // Looking did not create one.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn verify_exits_2_on_a_file_that_is_not_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(JOURNAL_FILE),
        "not sqlite at all".repeat(100),
    )
    .unwrap();
    let out = airdesk(&["journal", "verify", dir_arg(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not an AirDesk journal"));
}

#[test]
fn verify_exits_1_on_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = SqliteStorage::open(dir.path()).unwrap();
    let a = Author::new("王芳", "desk-2").unwrap();
    let at = DateTime::parse_from_rfc3339("2025-12-03T08:00:00+08:00").unwrap();
    for i in 0..40 {
        let note = format!("{i}: {}", "整改到位".repeat(200));
        j.append(&a.draft(at, "finding.note", &note).unwrap())
            .unwrap();
    }
    j.close().unwrap();
    // Overwrite one whole page in the middle of the events table, as a failing disk might.
    let path = dir.path().join(JOURNAL_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 20 * page, "{} bytes", bytes.len());
    bytes[10 * page..11 * page].fill(0xAB);
    std::fs::write(&path, bytes).unwrap();

    let out = airdesk(&["journal", "verify", dir_arg(dir.path())]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("damaged"),
        "{}",
        text(&out.stdout)
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn export_json_lines_carry_the_envelope() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path());
    let out = airdesk(&["journal", "export", "--json", dir_arg(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let second = &lines[1];
    assert_eq!(second["seq"], 2);
    assert_eq!(second["time"], "2025-12-03T08:02:00.250+08:00");
    assert_eq!(second["operator"], "王芳");
    assert_eq!(second["desk"], "desk-2");
    assert_eq!(second["kind"], "measure.acknowledged");
    assert_eq!(
        second["payload"],
        serde_json::json!({"level": "orange", "unit": "住建局", "i": 2})
    );
    assert_eq!(second["prev_hash"], lines[0]["hash"]);
    assert_eq!(lines[0]["prev_hash"], "0".repeat(64));
    assert_eq!(second["hash"].as_str().unwrap().len(), 64);
}

#[test]
fn export_text_is_one_line_per_event() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path());
    let out = airdesk(&["journal", "export", dir_arg(dir.path())]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[2].starts_with("#3 "), "{}", lines[2]);
    assert!(
        lines[2].contains("2025-12-03 08:03:00 +08:00"),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains("王芳 @ desk-2"), "{}", lines[2]);
    assert!(lines[2].contains("measure.acknowledged"), "{}", lines[2]);
}

/// The crash harness lives in the crash test, not in the user's binary (#11 item 8).
#[test]
fn the_binary_has_no_torture_command() {
    let out = airdesk(&["journal", "torture", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unrecognized subcommand"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn read_only_medium_is_readable_and_refuses_writes() {
    let source = tempfile::tempdir().unwrap();
    journal(source.path());
    let mount = tempfile::tempdir().unwrap();
    let (src, mnt) = (dir_arg(source.path()), dir_arg(mount.path()));
    let bin = env!("CARGO_BIN_EXE_airdesk");
    let setup = format!("mount --bind '{src}' '{mnt}' && mount -o remount,bind,ro '{mnt}'");
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c", &format!("{setup} && touch '{mnt}/probe'")])
        .output();
    match probe {
        Ok(o) if String::from_utf8_lossy(&o.stderr).contains("Read-only file system") => {}
        _ => {
            eprintln!("skipped: cannot make a read-only mount here");
            return;
        }
    }
    let script = format!(
        "{setup} && '{bin}' journal verify '{mnt}'; echo \"verify=$?\"; \
         '{bin}' response drill '{mnt}'; echo \"drill=$?\""
    );
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert!(stdout.contains("intact, 3 events"), "{stdout}{stderr}");
    assert!(stdout.contains("verify=0"), "{stdout}");
    assert!(stdout.contains("drill=2"), "{stdout}");
    assert!(
        stderr.contains("read-only") && stderr.contains("Read-only file system"),
        "{stderr}"
    );
}

#[test]
fn copy_moves_a_journal_verbatim_into_an_empty_folder_only() {
    let src = tempfile::tempdir().unwrap();
    journal(src.path());
    let dst = tempfile::tempdir().unwrap();
    let new = dst.path().join("copy");
    let out = airdesk(&["journal", "copy", dir_arg(src.path()), dir_arg(&new)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("intact, 3 events"), "{stdout}");
    let export = |d: &Path| text(&airdesk(&["journal", "export", "--json", dir_arg(d)]).stdout);
    assert_eq!(export(src.path()), export(&new), "same events, same hashes");
    let again = airdesk(&["journal", "copy", dir_arg(src.path()), dir_arg(&new)]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again.stdout));
    assert!(text(&again.stderr).contains("already holds 3 events"));
}
