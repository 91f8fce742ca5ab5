//! `airdesk response …` run as the real binary on a workspace holding the drill episode: status,
//! reports, ledger, notices in every format (.docx read back, PDF text through poppler's
//! pdftotext), exit statuses.

use std::path::Path;
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx};

mod common;

fn airdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(args)
        .output()
        .expect("run airdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

const NOON: &str = "2025-01-15T12:00";

/// A workspace with the drill recorded: orange warning from 2025-01-15 00:00 Beijing time.
fn drill_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = airdesk(&[
        "response",
        "drill",
        path(dir.path()),
        "--start",
        "2025-01-15",
        "--operator",
        "张伟",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir
}

#[test]
fn status_json_shows_the_overdue_item_and_the_problem() {
    let dir = drill_workspace();
    let out = airdesk(&[
        "response",
        "status",
        path(dir.path()),
        "--at",
        NOON,
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["warning"]["level"], "orange");
    assert_eq!(v["warning"]["phase"], "生效中");
    assert_eq!(v["overdue"].as_array().expect("overdue").len(), 1);
    assert_eq!(v["overdue"][0]["measure"], "O-SUP-2");
    assert_eq!(v["overdue"][0]["unit"], "town-hedong");
    assert_eq!(v["problems"][0]["measure"], "O-DUST-1");
    assert_eq!(v["on_shift"], "张伟");
    assert_eq!(v["anomalies"], 0);
    // Before the warning was issued there is none.
    let out = airdesk(&[
        "response",
        "status",
        path(dir.path()),
        "--at",
        "2025-01-14T12:00",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["warning"].is_null());
    assert_eq!(v["events"], 1);
    // The journal the drill wrote is intact.
    let out = airdesk(&["journal", "verify", path(dir.path())]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn reports_ledger_and_notices() {
    let dir = drill_workspace();
    let d = path(dir.path());
    let daily = dir.path().join("daily.txt");
    let out = airdesk(&[
        "response",
        "report",
        "daily",
        d,
        "--at",
        NOON,
        "--out",
        path(&daily),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = std::fs::read_to_string(&daily).expect("daily");
    // A numbered 简报: its name, the issue (day of the year), the issuer and the date.
    assert!(
        report.starts_with("重污染天气应急工作简报\n第15期\n"),
        "{report}"
    );
    assert!(report.contains("【逾期】O-SUP-2"));

    // A roster made up for the test (long format: date, shift time, name, role, phone).
    let roster = dir.path().join("值班表.csv");
    std::fs::write(
        &roster,
        "日期,值班时间,姓名,角色,电话\n\
         2025-01-14,08:30-次日08:30,张伟,值班员,13800000001\n\
         2025-01-15,08:30-次日08:30,李明,值班员,13800000002\n",
    )
    .expect("roster");
    let out = airdesk(&[
        "response",
        "report",
        "handover",
        d,
        "--at",
        NOON,
        "--roster",
        path(&roster),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let h = text(&out.stdout);
    assert!(h.contains("交班人：张伟"));
    assert!(
        h.contains("当前值班：值班员 李明（13800000002，01-15 08:30–01-16 08:30）"),
        "{h}"
    );

    let out = airdesk(&["response", "report", "summary", d, "--at", NOON]);
    assert!(out.status.success());
    let html = text(&out.stdout);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("过程时间线"));

    let csv = dir.path().join("台账.csv");
    let out = airdesk(&["response", "ledger", d, "--out", path(&csv), "--at", NOON]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&csv).expect("csv");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(&r.headers().expect("headers")[5], "措施内容");
    assert_eq!(r.records().count(), 57);

    let xlsx = dir.path().join("台账.xlsx");
    let out = airdesk(&["response", "ledger", d, "--out", path(&xlsx), "--at", NOON]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).expect("xlsx");
    let range = book.worksheet_range("应急措施台账").expect("sheet");
    assert_eq!(range.height(), 58);
    assert_eq!(range.get((0, 18)), Some(&Data::String("是否逾期".into())));

    let out = airdesk(&["response", "notice", "warning", d]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let notice = text(&out.stdout);
    assert!(notice.contains("关于启动重污染天气橙色预警的通知"));
    assert!(!notice.contains('{'));
    let out = airdesk(&["response", "notice", "units", d]);
    assert!(text(&out.stdout).contains("县教育体育局："));
}

#[test]
fn unusable_inputs_exit_2_with_one_line() {
    let dir = drill_workspace();
    let d = path(dir.path());
    for args in [
        vec!["response", "notice", "lift", d],
        vec!["response", "drill", d],
        vec!["response", "ledger", d, "--out", "x.txt"],
        vec!["response", "status", d, "--at", "soon"],
        vec!["response", "report", "summary", d, "--episode", "7"],
        vec!["response", "notice", "warning", d, "--format", "pdf"],
        vec!["response", "report", "daily", d, "--out", "日报.doc"],
        vec!["response", "notice", "supervision", d],
    ] {
        let out = airdesk(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("airdesk: "), "{err}");
    }
    let empty = tempfile::tempdir().expect("tempdir");
    let out = airdesk(&["response", "status", path(empty.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("journal.sqlite not found"));
}

/// The text of a PDF by poppler's pdftotext (poppler-utils, installed by `.ci/run`).
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, see .ci/run)");
    assert!(out.status.success());
    text(&out.stdout)
}

#[test]
fn notices_and_reports_in_every_format_with_changed_fields() {
    let dir = drill_workspace();
    let d = path(dir.path());
    // .docx from the extension, with the 文号 and 抄送 changed.
    let docx = dir.path().join("预警通知.docx");
    let out = airdesk(&[
        "response",
        "notice",
        "warning",
        d,
        "--out",
        path(&docx),
        "--doc-no",
        "某县应急办〔2025〕9号",
        "--cc",
        "市生态环境局",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = common::document_xml(&docx);
    for s in [
        "某县应急办〔2025〕9号",
        "关于启动重污染天气橙色预警的通知",
        "抄送：市生态环境局。",
    ] {
        assert!(xml.contains(s), "{s} not in the .docx");
    }
    // The unit notices as one PDF: a part per unit, each numbered from page 1.
    let pdf = dir.path().join("units.pdf");
    let out = airdesk(&["response", "notice", "units", d, "--out", path(&pdf)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = pdf_text(&pdf);
    assert!(t.contains("县教育体育局："), "{t}");
    assert!(t.contains("县卫生健康局："));
    assert!(t.matches("—1—").count() >= 5, "page 1 of each unit");
    // HTML to standard output by --format.
    let out = airdesk(&[
        "response", "report", "daily", d, "--at", NOON, "--format", "html",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("<!DOCTYPE html>"));
    // The handover names the roster settings.toml names, without --roster.
    std::fs::write(
        dir.path().join("值班表.csv"),
        "日期,值班时间,姓名,角色,电话\n\
         2025-01-15,08:30-次日08:30,李明,值班员,13800000002\n",
    )
    .expect("roster");
    std::fs::write(
        dir.path().join("settings.toml"),
        "roster = \"值班表.csv\"\n",
    )
    .expect("settings");
    let out = airdesk(&["response", "report", "handover", d, "--at", NOON]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("当前值班：值班员 李明"),
        "{}",
        text(&out.stdout)
    );
}

/// A drill that fails half-way (the workspace's plan lacks a measure the drill implements) used
/// to leave an empty or half-written journal behind; now nothing of it stays (#11 item 8).
#[test]
fn a_failed_drill_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = airdesk::domain::plan::DEFAULT_PLAN_TOML.replace("\"O-DUST-1\"", "\"O-DUST-9\"");
    std::fs::write(dir.path().join("plan.toml"), plan).expect("plan");
    let out = airdesk(&[
        "response",
        "drill",
        path(dir.path()),
        "--start",
        "2025-01-15",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["plan.toml"], "{}", text(&out.stderr));
}
