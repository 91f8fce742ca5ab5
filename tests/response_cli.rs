//! `airdesk response …` run as the real binary on a workspace holding the drill episode: status,
//! reports, ledger, notices in every format (.docx read back, PDF text through poppler's
//! pdftotext), exit statuses; and `airdesk reduction …`, the check of the emission-reduction
//! list the sample drill's checklist comes from.

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

fn sample(file: &str) -> String {
    format!("{}/sample-data/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn reduction_check_of_the_sample_list() {
    let (list, plan) = (sample("reduction-list.csv"), sample("plan.toml"));
    let v = json(&airdesk(&["reduction", &list, "--plan", &plan, "--json"]));
    assert_eq!(v["unit"], "kg/d");
    assert_eq!(
        (v["enterprises"].as_u64(), v["lines"].as_u64()),
        (Some(60), Some(100))
    );
    assert_eq!(v["by_grade"]["民生保障"], 2);
    assert_eq!(v["by_grade"]["引领性"], 2);
    assert_eq!(v["problems"].as_array().map(Vec::len), Some(0));
    let levels = v["levels"].as_array().expect("levels");
    let names: Vec<&str> = levels.iter().filter_map(|l| l["level"].as_str()).collect();
    assert_eq!(names, ["yellow", "orange", "red", "temporary"]);
    let orange = &levels[1];
    assert_eq!(orange["required_percent"], 20.0);
    assert_eq!(levels[3]["required_percent"], serde_json::Value::Null);
    for (p, meets) in [("so2", true), ("nox", true), ("pm", true), ("vocs", false)] {
        assert_eq!(orange["meets"][p], meets, "{p}");
        let (r, b) = (orange["reduction"][p].as_f64(), orange["base"][p].as_f64());
        let (Some(r), Some(b)) = (r, b) else {
            panic!("{p}: reduction and base");
        };
        assert_eq!(
            orange["percent"][p].as_f64(),
            Some(100.0 * r / b),
            "{p}: unrounded"
        );
        let short = orange["shortfall"][p].as_f64().expect("shortfall");
        if meets {
            assert_eq!(short, 0.0);
        } else {
            assert!(
                (short - (0.2 * b - r)).abs() < 1e-6 && short > 0.0,
                "{p}: {short}"
            );
        }
    }
    // One level, and a base from the command line (zero: nothing to compare with).
    let args = [
        "reduction",
        &list,
        "--plan",
        &plan,
        "--level",
        "orange",
        "--base",
        "vocs=0,so2=1e5",
        "--json",
    ];
    let v = json(&airdesk(&args));
    let levels = v["levels"].as_array().expect("levels");
    assert_eq!(levels.len(), 1);
    assert_eq!(levels[0]["base"]["so2"], 100000.0);
    assert_eq!(levels[0]["meets"]["so2"], false);
    for key in ["percent", "meets", "shortfall"] {
        assert_eq!(levels[0][key]["vocs"], serde_json::Value::Null, "{key}");
    }
    // The built-in plan has no base, and the default percents.
    let v = json(&airdesk(&["reduction", &list, "--json"]));
    assert_eq!(v["levels"][2]["required_percent"], 30.0);
    assert_eq!(v["levels"][2]["percent"]["so2"], serde_json::Value::Null);
    // The text table.
    let out = airdesk(&["reduction", &list, "--plan", &plan]);
    let table = text(&out.stdout);
    assert!(
        table.contains("orange") && table.contains("否 NO") && table.contains("砖瓦窑"),
        "{table}"
    );
}

#[test]
fn reduction_problems_and_unusable_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("list.csv");
    std::fs::write(
        &list,
        "企业名称,绩效分级,SO2排放量(t/a),橙色预警SO2减排量(t/a)\n甲,C,365,73\n乙,Z,365,73\n丙,D,10,20\n",
    )
    .expect("write");
    let v = json(&airdesk(&["reduction", path(&list), "--json"]));
    assert_eq!(v["enterprises"], 1);
    let problems = v["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0]["row"], 3);
    assert_eq!(problems[0]["column"], "绩效分级");
    assert!(
        problems[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("Z"))
    );
    assert_eq!(problems[1]["row"], 4);
    assert_eq!(problems[1]["column"], "橙色预警SO2减排量(t/a)");
    assert!(
        problems[1]["reason_en"]
            .as_str()
            .is_some_and(|r| r.contains("above the base"))
    );
    for args in [
        vec!["reduction", "/no/such/list.csv"],
        vec!["reduction", path(&list), "--base", "so2=lots"],
        vec!["reduction", path(&list), "--plan", "/no/such/plan.toml"],
    ] {
        let out = airdesk(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stderr).lines().count(), 1, "{args:?}");
    }
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
        "--copy-no",
        "12",
        "--secrecy",
        "机密★1年",
        "--urgency",
        "特急",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = common::document_xml(&docx);
    for s in [
        "000012",
        "机密★1年",
        "特急",
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
/// The 通报 of the drill's first day and a half as .docx: the unit whose problem is still open is
/// named, sections with nothing to report say 无; a period ending before it starts is refused.
#[test]
fn the_bulletin_as_docx_names_the_unit_with_an_open_problem() {
    let dir = drill_workspace();
    let d = path(dir.path());
    let docx = dir.path().join("通报.docx");
    let out = airdesk(&[
        "response",
        "notice",
        "bulletin",
        d,
        "--until",
        "2025-01-16T12:00",
        "--out",
        path(&docx),
        "--doc-no",
        "某县应急办〔2025〕10号",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = common::document_xml(&docx);
    for s in [
        "关于重污染天气应急响应落实情况的通报",
        "某县应急办〔2025〕10号",
        "三、问题未整改情况",
        "县住房和城乡建设局",
        "无。",
        "予以通报批评",
    ] {
        assert!(xml.contains(s), "{s} not in the .docx");
    }
    assert!(!xml.contains("zjj"), "no unit ids");
    let out = airdesk(&[
        "response",
        "notice",
        "bulletin",
        d,
        "--from",
        "2025-01-16T12:00",
        "--until",
        "2025-01-15T12:00",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// The 通报 over any period: the drill's orange warning (lifted on 16 Jan), the fireworks campaign
/// from 18 Jan and a yellow warning from 20 Jan nobody reports on; over 15–21 Jan it covers all
/// three, over 15–17 Jan only the first.
#[test]
fn the_bulletin_covers_every_warning_and_campaign_in_its_period() {
    let dir = drill_workspace();
    let ws = path(dir.path());
    let by = ["--by", "张伟"];
    let mut lift = vec!["response", "lift", ws, "--at", "2025-01-16T12:00"];
    lift.extend(["--basis", "空气质量好转"]);
    let mut campaign = vec![
        "response",
        "campaign",
        "start",
        ws,
        "--campaign",
        "fireworks",
    ];
    campaign.extend(["--start", "2025-01-18T00:00"]);
    let mut issue = vec!["response", "issue", ws, "--level", "yellow"];
    issue.extend(["--start", "2025-01-20T00:00", "--reason", "预计AQI>200"]);
    for mut args in [lift, campaign, issue] {
        args.extend(by);
        let out = airdesk(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    let bulletin = |from: &str, until: &str| {
        let out = airdesk(&[
            "response", "notice", "bulletin", ws, "--from", from, "--until", until,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let said = bulletin("2025-01-15T00:00", "2025-01-21T00:00");
    let late = &said[said.find("二、").expect("二")..said.find("三、").expect("三")];
    for s in [
        "重污染天气橙色预警（第1次）",
        "春节期间烟花爆竹禁燃禁售专项行动",
        "重污染天气黄色预警（第2次）",
    ] {
        assert!(said.contains(s), "{s}: {said}");
    }
    assert!(
        late.contains("禁燃禁售第三专项督查组：迟报0次，漏报2次"),
        "{late}"
    );
    assert!(
        late.contains("县交通运输局：迟报1次（应报时间：2025年1月20日16时）"),
        "{late}"
    );
    let said = bulletin("2025-01-15T00:00", "2025-01-17T00:00");
    assert!(
        !said.contains("专项督查组") && !said.contains("第2次"),
        "{said}"
    );
    assert!(said.contains("重污染天气橙色预警（第1次）期间"), "{said}");
}

/// On a drill workspace the 通报 runs to the drill's moment, as the app shows it, not to today.
#[test]
fn the_bulletin_on_the_sample_drill_ends_at_the_drill_moment() {
    let out = airdesk(&["response", "notice", "bulletin", &sample("")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("至2019年12月22日10时"), "{said}");
    assert!(!said.contains("2026年"), "{said}");
    assert!(said.contains("河东镇人民政府"), "{said}");
}

/// The sample workspace copied into a temporary folder (its drill moment, plan and journal).
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in [
        "settings.toml",
        "plan.toml",
        "journal.sqlite",
        "roster.csv",
        "contacts.csv",
    ] {
        std::fs::copy(sample(f), dir.path().join(f)).expect("copy the sample");
    }
    dir
}

#[test]
fn commands_on_the_sample_drill_are_stamped_with_the_drill_time() {
    let dir = sample_copy();
    let ws = path(dir.path());
    let last_time = || {
        let out = airdesk(&["journal", "export", "--json", ws]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let said = text(&out.stdout);
        let last: serde_json::Value =
            serde_json::from_str(said.lines().last().expect("events")).expect("JSON");
        last["time"].as_str().expect("time").to_owned()
    };
    let head = last_time();
    let mut args = vec!["response", "campaign", "start", ws, "--campaign"];
    args.extend(["fireworks", "--start", "2019-12-22T10:00", "--by", "张伟"]);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let started = last_time();
    assert!(started.starts_with("2019-12-22T"), "{started}");
    assert!(started >= head, "{started} before the head {head}");
    let out = airdesk(&[
        "response", "check", "draw", ws, "--size", "1", "--by", "张伟",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drawn = last_time();
    assert!(drawn.starts_with("2019-12-22T"), "{drawn}");
}

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

/// `response issue|change|lift` on an empty workspace: temporary control started and stopped;
/// a warning that follows the city's is refused below the city's level, recorded at it, and its
/// notice and status name the city's notice.
#[test]
fn issue_change_and_lift_record_temporary_control_and_a_regional_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = path(dir.path());
    let by = ["--by", "张伟"];
    let status = || {
        let out = airdesk(&["response", "status", ws, "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
    };
    let mut args = vec!["response", "issue", ws, "--level", "temporary"];
    args.extend(["--start", "2025-01-14T20:00", "--reason", "预计AQI>150"]);
    args.extend(by);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("recorded #2"),
        "{}",
        text(&out.stderr)
    );
    let v = status();
    assert_eq!(v["warning"]["level"], "temporary");
    assert!(v["units"].as_array().is_some_and(|u| !u.is_empty()));
    let mut args = vec!["response", "lift", ws, "--at", "2025-01-15T08:00"];
    args.extend(["--basis", "空气质量好转"]);
    args.extend(by);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let phase = status()["warning"]["phase"].as_str().map(str::to_owned);
    assert_eq!(phase.as_deref(), Some("已于2025年1月15日8时解除"));

    let city = [
        "--regional-source",
        "邯郸市重污染天气应急指挥部",
        "--regional-level",
        "橙色",
        "--regional-notice",
        "邯气应急〔2025〕3号",
    ];
    let issue = |level: &str| {
        let mut args = vec!["response", "issue", ws, "--level", level];
        args.extend([
            "--start",
            "2025-01-16T00:00",
            "--doc-no",
            "某县应急办〔2025〕3号",
        ]);
        args.extend(city);
        args.extend(by);
        airdesk(&args)
    };
    let out = issue("yellow");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("at least"),
        "{}",
        text(&out.stderr)
    );
    let out = issue("orange");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = status();
    assert_eq!(v["warning"]["level"], "orange");
    assert_eq!(v["warning"]["regional"]["level"], "orange");
    assert_eq!(v["warning"]["regional"]["notice_no"], "邯气应急〔2025〕3号");
    let mut args = vec!["response", "change", ws, "--level", "yellow"];
    args.extend(["--effective", "2025-01-17T00:00"]);
    args.extend(by);
    let out = airdesk(&args);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = airdesk(&["response", "notice", "warning", ws]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(
            "根据邯郸市重污染天气应急指挥部发布的重污染天气橙色预警（邯气应急〔2025〕3号）"
        ),
        "{}",
        text(&out.stdout)
    );
    // Only one of the regional options is refused by the command line.
    let mut args = vec!["response", "issue", ws, "--level", "red"];
    args.extend(["--start", "2025-01-16T00:00", "--regional-level", "red"]);
    args.extend(by);
    assert_eq!(airdesk(&args).status.code(), Some(2));
}

/// `response campaign start|stop|list` beside a warning: the run's ledger and summary are its
/// own, and `status --json` lists the running campaigns.
#[test]
fn a_campaign_runs_beside_the_drill_warning_with_its_own_ledger_and_summary() {
    let dir = drill_workspace();
    let ws = path(dir.path());
    let mut args = vec![
        "response",
        "campaign",
        "start",
        ws,
        "--campaign",
        "fireworks",
    ];
    args.extend(["--start", "2025-01-15T08:00", "--by", "张伟"]);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = airdesk(&args);
    assert_eq!(out.status.code(), Some(2), "a second run is refused");
    let out = airdesk(&["response", "status", ws, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["warning"]["level"], "orange");
    assert_eq!(v["campaigns"][0]["campaign"], "fireworks");
    assert_eq!(v["campaigns"][0]["run"], 1);
    let out = airdesk(&["response", "campaign", "list", ws, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["campaigns"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["campaigns"][0]["running"], 1);
    assert!(v["campaigns"][1]["running"].is_null());
    assert_eq!(v["runs"][0]["items"], 15);
    let csv = dir.path().join("fireworks.csv");
    let out = airdesk(&[
        "response",
        "ledger",
        ws,
        "--campaign",
        "1",
        "--out",
        path(&csv),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ledger = std::fs::read_to_string(&csv).expect("ledger");
    assert_eq!(ledger.lines().count(), 16);
    assert!(ledger.contains("禁燃禁售第七专项督查组"));
    assert!(
        !ledger.contains("O-SUP-2"),
        "the warning's items are not in it"
    );
    let mut args = vec![
        "response",
        "campaign",
        "stop",
        ws,
        "--campaign",
        "fireworks",
    ];
    args.extend([
        "--at",
        "2025-02-13T00:00",
        "--basis",
        "元宵节后结束",
        "--by",
        "张伟",
    ]);
    let out = airdesk(&["response", "notice", "campaign-stop", ws]);
    assert_eq!(out.status.code(), Some(2), "not stopped yet");
    let pdf = dir.path().join("启动通知.pdf");
    let mut notice = vec![
        "response",
        "notice",
        "campaign-start",
        ws,
        "--campaign",
        "1",
    ];
    notice.extend(["--out", path(&pdf)]);
    let out = airdesk(&notice);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = pdf_text(&pdf).replace('\n', "");
    for s in [
        "关于开展春节期间烟花爆竹禁燃禁售专项行动的通知",
        "决定自2025年1月15日8时起开展春节期间烟花爆竹禁燃禁售专项行动",
        "禁燃禁售第七专项督查组",
    ] {
        assert!(said.contains(s), "{s} not in the PDF: {said}");
    }
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = airdesk(&["response", "notice", "campaign-stop", ws]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("关于结束春节期间烟花爆竹禁燃禁售专项行动的通知")
            && said.contains("元宵节后结束"),
        "{said}"
    );
    let out = airdesk(&[
        "response",
        "notice",
        "campaign-start",
        ws,
        "--campaign",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(2), "no run 2");
    let out = airdesk(&["response", "report", "summary", ws, "--campaign", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("春节期间烟花爆竹禁燃禁售专项行动总结"));
    let out = airdesk(&["response", "report", "summary", ws, "--campaign", "2"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The rows of the first sheet of an .xlsx as text.
fn sheet_rows(file: &Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = calamine::open_workbook(file).expect("xlsx");
    let range = book.worksheet_range_at(0).expect("sheet").expect("range");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// A filled form: the header and `rows` (事项编号, 责任单位, 反馈状态, 反馈时间, 反馈人, 反馈渠道, 情况说明).
fn filled_form(file: &Path, rows: &[[&str; 7]]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let header = [
        "事项编号",
        "责任单位",
        "反馈状态",
        "反馈时间",
        "反馈人",
        "反馈渠道",
        "情况说明",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("cell");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).expect("cell");
        }
    }
    book.save(file).expect("save");
}

/// Forms out for one unit and all; filled forms back with every kind of bad row: the good row is
/// recorded once (a second import records nothing), each bad one is a problem with its file and
/// row; `status --json` then shows the unit's report received. A file that is not a form at all
/// exits 2.
#[test]
fn feedback_forms_out_and_in() {
    let dir = drill_workspace();
    let ws = path(dir.path());
    let form = dir.path().join("hedong.xlsx");
    let out = airdesk(&[
        "feedback",
        "form",
        ws,
        "--unit",
        "town-hedong",
        "--out",
        path(&form),
        "--at",
        NOON,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = sheet_rows(&form);
    assert_eq!(
        rows[0][..10],
        [
            "事项编号",
            "责任单位",
            "措施内容",
            "完成时限",
            "当前状态",
            "反馈状态",
            "反馈时间",
            "反馈人",
            "反馈渠道",
            "情况说明"
        ]
    );
    assert_eq!(rows.len(), 2, "the late town's one open item: {rows:?}");
    let key = rows[1][0].clone();
    assert!(
        key.starts_with("AD-") && key.ends_with(":O-SUP-2@town-hedong"),
        "{key}"
    );
    assert_eq!(rows[1][1], "河东镇人民政府");
    let tag = key.trim_end_matches(":O-SUP-2@town-hedong");
    let folder = dir.path().join("forms");
    let out = airdesk(&[
        "feedback",
        "form",
        ws,
        "--all",
        "--out",
        path(&folder),
        "--at",
        NOON,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(folder.join("town-hedong.xlsx").is_file() && folder.join("zjj.xlsx").is_file());

    let a = dir.path().join("a.xlsx");
    let b = dir.path().join("b.xlsx");
    let zjj_key = format!("{tag}:O-DUST-1@zjj");
    filled_form(
        &a,
        &[
            [
                &key,
                "河东镇人民政府",
                "已落实",
                "2025-01-15 11:30",
                "李四",
                "微信",
                "网格巡查已完成",
            ],
            [
                &key,
                "河东镇人民政府",
                "已落实",
                "2025-01-15 11:40",
                "李四",
                "微信",
                "重复",
            ],
            [
                &zjj_key,
                "河东镇人民政府",
                "已整改",
                "2025-01-15 11:30",
                "李四",
                "微信",
                "改了",
            ],
            [
                "AD-000000000000-1:O-SUP-2@town-hedong",
                "河东镇人民政府",
                "已落实",
                "",
                "",
                "",
                "他处",
            ],
            ["", "河东镇人民政府", "", "", "", "", ""],
        ],
    );
    filled_form(
        &b,
        &[
            [
                &key,
                "河东镇人民政府",
                "已落实",
                "2025-01-15 11:50",
                "王五",
                "电话",
                "又一份",
            ],
            [
                &zjj_key,
                "县住房和城乡建设局",
                "已整改",
                "2025-01-15 13:00",
                "赵六",
                "OA",
                "已停工",
            ],
            [
                &zjj_key.replace("O-DUST-1", "O-DUST-2"),
                "县住房和城乡建设局",
                "已签收",
                "2025-01-15 10:00",
                "赵六",
                "信鸽",
                "收到",
            ],
        ],
    );
    let import = |extra: &[&str]| {
        let mut args = vec![
            "feedback",
            "import",
            ws,
            path(&a),
            path(&b),
            "--by",
            "张伟",
            "--at",
            NOON,
            "--json",
        ];
        args.extend_from_slice(extra);
        let out = airdesk(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        json(&out)
    };
    let dry = import(&["--dry-run"]);
    assert_eq!(dry["recorded"], 1, "{dry}");
    let problems = dry["problems"].as_array().expect("problems");
    let at = |file: &Path, row: u64| {
        problems
            .iter()
            .find(|p| p["file"] == path(file) && p["row"] == row)
            .map(|p| p["reason_en"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_else(|| panic!("no problem at {}:{row}: {dry}", file.display()))
    };
    assert!(at(&a, 3).contains("repeats row 2"));
    assert!(at(&a, 4).contains("another unit"));
    assert!(at(&a, 5).contains("another workspace"));
    assert!(at(&b, 2).contains("a.xlsx, row 2"));
    assert!(at(&b, 3).contains("in the future"));
    assert!(at(&b, 4).contains("信鸽"));
    assert_eq!(problems.len(), 6, "{dry}");
    assert_eq!(dry["skipped"], 1, "the unfilled row");

    let done = import(&[]);
    assert_eq!(
        (
            done["recorded"].as_u64(),
            done["problems"].as_array().map(Vec::len)
        ),
        (Some(1), Some(6))
    );
    let again = import(&[]);
    assert_eq!(
        (again["recorded"].as_u64(), again["skipped"].as_u64()),
        (Some(0), Some(2)),
        "{again}"
    );

    let out = airdesk(&["response", "status", ws, "--at", NOON, "--json"]);
    let v = json(&out);
    assert!(v["overdue"].as_array().expect("overdue").is_empty(), "{v}");
    // Every unit reported before the day's 16:00: nothing late; the next day's reports are due.
    let out = airdesk(&[
        "response",
        "status",
        ws,
        "--at",
        "2025-01-15T17:00",
        "--json",
    ]);
    let v = json(&out);
    for list in ["late", "missing"] {
        assert_eq!(v["reporting"][list], serde_json::json!([]), "{v}");
    }
    let due = v["reporting"]["due"].as_array().expect("due");
    assert!(
        due.iter().any(|o| o["unit"] == "town-hedong"
            && o["unit_name"] == "河东镇人民政府"
            && o["due_at"] == "2025-01-16T16:00:00+08:00"),
        "{v}"
    );
    // Rolled up per township beside the lists: 河东镇 with its villages reported, nothing late.
    let townships = v["reporting"]["townships"].as_array().expect("townships");
    let hedong = townships
        .iter()
        .find(|t| t["unit"] == "town-hedong")
        .unwrap_or_else(|| panic!("no 河东镇: {v}"));
    assert_eq!(hedong["unit_name"], "河东镇人民政府");
    for (field, n) in [("late", 0), ("missing", 0), ("received_late", 0)] {
        assert_eq!(hedong[field], n, "{field}: {hedong}");
    }
    assert!(hedong["due"].as_u64().is_some_and(|n| n >= 1), "{hedong}");

    let junk = dir.path().join("junk.csv");
    std::fs::write(&junk, "a,b\n1,2\n").expect("write");
    let out = airdesk(&[
        "feedback",
        "import",
        ws,
        path(&junk),
        "--by",
        "张伟",
        "--at",
        NOON,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// A running campaign's open items are on its units' forms beside the warning's, keyed by the run
/// (`AD-<tag>-c1:…`); a filled row is recorded against that run, and a key naming a run the
/// journal does not hold is a problem with its row.
#[test]
fn feedback_forms_carry_a_running_campaign_s_items() {
    let dir = drill_workspace();
    let ws = path(dir.path());
    let mut args = vec!["response", "campaign", "start", ws];
    args.extend(["--campaign", "fireworks", "--start", "2025-01-15T08:00"]);
    args.extend(["--by", "张伟"]);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let folder = dir.path().join("forms");
    // The run was recorded now (not at the drill's time): the forms and the import are too.
    let out = airdesk(&["feedback", "form", ws, "--all", "--out", path(&folder)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = sheet_rows(&folder.join("gaj.xlsx"));
    let run_row = rows
        .iter()
        .find(|r| r[0].ends_with("-c1:C-FW-1@gaj"))
        .unwrap_or_else(|| panic!("the run's item on the police's form: {rows:?}"))
        .clone();
    assert!(run_row[0].starts_with("AD-"), "{run_row:?}");
    assert!(run_row[2].contains("禁止燃放烟花爆竹"), "{run_row:?}");
    // The supervision groups of the run have forms of their own.
    assert!(folder.join("dd-1.xlsx").is_file());
    let key = run_row[0].clone();
    let unknown_run = key.replace("-c1:", "-c9:");
    let filled = dir.path().join("gaj-filled.xlsx");
    filled_form(
        &filled,
        &[
            [
                &key,
                &run_row[1],
                "已签收",
                "",
                "刘警官",
                "电话",
                "收到，今晚开始巡查",
            ],
            [
                &unknown_run,
                &run_row[1],
                "已签收",
                "",
                "刘警官",
                "电话",
                "收到",
            ],
        ],
    );
    let out = airdesk(&[
        "feedback",
        "import",
        ws,
        path(&filled),
        "--by",
        "张伟",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let done = json(&out);
    assert_eq!(done["recorded"], 1, "{done}");
    let problems = done["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{done}");
    assert_eq!(problems[0]["row"], 3, "{done}");
    let why = problems[0]["reason_en"].as_str().unwrap_or_default();
    assert!(why.contains("campaign run 9"), "{done}");
    let out = airdesk(&["journal", "export", ws, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let last = text(&out.stdout)
        .lines()
        .last()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
        .expect("an event");
    assert_eq!(last["kind"], "checklist.acknowledged", "{last}");
    let payload = &last["payload"];
    assert_eq!(
        (
            &payload["of"],
            &payload["episode"],
            &payload["item"]["measure"]
        ),
        (
            &serde_json::json!("campaign"),
            &serde_json::json!(1),
            &serde_json::json!("C-FW-1")
        ),
        "{last}"
    );
    assert_eq!(payload["feedback"]["reporter"], "刘警官", "{last}");
}

#[test]
fn spot_checks_and_the_evidence_store_from_the_command_line() {
    let (a, b) = (drill_workspace(), drill_workspace());
    let draw = |dir: &Path| {
        let out = airdesk(&[
            "response",
            "check",
            "draw",
            path(dir),
            "--size",
            "3",
            "--seed",
            "20250115",
            "--by",
            "李四",
            "--json",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        json(&out)
    };
    let (sa, sb) = (draw(a.path()), draw(b.path()));
    // The same seed over the same done items draws the same sample.
    assert_eq!(sa["items"], sb["items"]);
    assert_eq!(sa["items"].as_array().expect("items").len(), 3);
    assert_eq!(sa["seed"], 20250115);
    let item = sa["items"][0].as_str().expect("item").to_owned();
    let dir = a.path();
    let photo = dir.join("现场.txt");
    std::fs::write(&photo, "仍在生产（synthetic evidence）").expect("write");
    let out = airdesk(&[
        "response",
        "check",
        "record",
        path(dir),
        &item,
        "--result",
        "不属实",
        "--how",
        "抽查",
        "--note",
        "现场仍在生产",
        "--evidence",
        path(&photo),
        "--by",
        "李四",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The item is a problem again: no second check until it is rectified. A supervision report
    // needs its group.
    let out = airdesk(&[
        "response",
        "check",
        "record",
        path(dir),
        &item,
        "--result",
        "confirmed",
        "--by",
        "李四",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("only implemented or rectified"),
        "{}",
        text(&out.stderr)
    );
    let other = sa["items"][1].as_str().expect("item");
    let out = airdesk(&[
        "response",
        "check",
        "record",
        path(dir),
        other,
        "--result",
        "confirmed",
        "--how",
        "supervision",
        "--by",
        "李四",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("supervision group"),
        "{}",
        text(&out.stderr)
    );
    let out = airdesk(&["response", "check", "list", path(dir), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = json(&out);
    assert_eq!(v["checks"][0]["item"], item.as_str());
    assert_eq!(v["checks"][0]["result"], "not_confirmed");
    assert_eq!(v["checks"][0]["sample"], 1);
    let sha = v["checks"][0]["evidence"]["sha256"]
        .as_str()
        .expect("stored")
        .to_owned();
    assert_eq!(v["units"][0]["failed"], 1);
    assert_eq!(v["samples"][0]["items"], sa["items"]);
    // The failed check reopened the item: the unit now has one more problem.
    let out = airdesk(&["response", "status", path(dir), "--json"]);
    let status = json(&out);
    let unit = item.rsplit_once('@').expect("key").1;
    let row = status["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["unit"] == unit)
        .expect("the unit")
        .clone();
    assert!(row["problems"].as_u64().expect("count") >= 1, "{row}");
    // The store has its own copy: the original may go.
    std::fs::remove_file(&photo).expect("remove");
    let copy = dir.join("copy.txt");
    let out = airdesk(&[
        "response",
        "evidence",
        "open",
        path(dir),
        &sha[..12],
        "--out",
        path(&copy),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&copy).expect("copy"),
        "仍在生产（synthetic evidence）"
    );
    // The drill's own evidence was named by path only and is not there: verify says so.
    let out = airdesk(&["response", "evidence", "verify", path(dir), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["checked"], 2);
    assert_eq!(v["problems"].as_array().expect("problems").len(), 1);
    // A stored file changed afterwards is caught.
    let stored = std::fs::read_dir(dir.join("evidence"))
        .expect("store")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains(&sha))
        .expect("stored file");
    std::fs::write(&stored, "edited").expect("tamper");
    let out = airdesk(&["response", "evidence", "verify", path(dir), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["problems"].as_array().expect("problems").len(), 2);
}

/// Record a unit's report on a campaign run's item through the library's session, as the app
/// does (the command line records no item reports: they come from the page or feedback forms).
fn implement_in_campaign(dir: &Path, run: u32, item: (&str, &str)) {
    use airdesk::domain::response::{Command as Respond, ItemKey};
    let ws = airdesk::workspace::Workspace::open(dir).expect("workspace");
    let mut session = airdesk::session::Session::open(&ws);
    let officer = airdesk::journal::Author::new("张伟", "desk-1").expect("officer");
    session.record_as(officer).expect("officer");
    let report = Respond::implement(ItemKey::new(item.0, item.1), "已巡查", None).in_campaign(run);
    let now = chrono::Utc::now().fixed_offset();
    session
        .execute(&airdesk::session::Command::Respond(report), now)
        .expect("recorded");
    session.close().expect("closed");
}

/// `check draw|record|list --campaign RUN` spot-check a campaign run beside the drill warning: the
/// sample is drawn from the run's done items, 不属实 reopens the item in the run, and without
/// `--campaign` the same item is unknown (the latest warning's checklist is the default).
#[test]
fn spot_checks_on_a_campaign_run_from_the_command_line() {
    let dir = drill_workspace();
    let ws = path(dir.path());
    let mut args = vec!["response", "campaign", "start", ws, "--campaign"];
    args.extend(["fireworks", "--start", "2025-01-15T08:00", "--by", "张伟"]);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let done = [("C-FW-1", "gaj"), ("C-FW-2", "yjj")];
    for item in done {
        implement_in_campaign(dir.path(), 1, item);
    }
    let mut args = vec!["response", "check", "draw", ws, "--campaign", "1", "--size"];
    args.extend(["5", "--seed", "7", "--by", "李四", "--json"]);
    let out = airdesk(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drawn = json(&out);
    assert_eq!(
        (drawn["campaign"].as_u64(), drawn["pool"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(drawn["episode"].is_null(), "{drawn}");
    assert_eq!(
        drawn["items"],
        serde_json::json!(["C-FW-1@gaj", "C-FW-2@yjj"])
    );
    let record = |item: &str, campaign: Option<&str>| {
        let mut args = vec!["response", "check", "record", ws, item];
        args.extend(["--result", "不属实", "--how", "抽查", "--note"]);
        args.extend(["夜查发现违规销售点", "--by", "李四"]);
        if let Some(run) = campaign {
            args.extend(["--campaign", run]);
        }
        airdesk(&args)
    };
    // The warning's checklist has no such item; an unknown run is said.
    let out = record("C-FW-1@gaj", None);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = record("C-FW-1@gaj", Some("9"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("no campaign run #9"),
        "{}",
        text(&out.stderr)
    );
    let out = record("C-FW-1@gaj", Some("1"));
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = airdesk(&["response", "check", "list", ws, "--campaign", "1", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = json(&out);
    let check = &v["checks"][0];
    assert_eq!(v["checks"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(
        (check["campaign"].as_u64(), check["sample"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(check["episode"].is_null(), "{check}");
    assert_eq!(check["result"], "not_confirmed");
    assert_eq!(
        (&v["units"][0]["unit"], &v["units"][0]["failed"]),
        (&"gaj".into(), &1.into())
    );
    assert_eq!(v["samples"][0]["campaign"], 1);
    // The default list covers the campaign run too.
    let out = airdesk(&["response", "check", "list", ws, "--json"]);
    assert_eq!(json(&out)["checks"][0]["item"], "C-FW-1@gaj");
    // The item is a problem again in the run.
    let out = airdesk(&["response", "campaign", "list", ws, "--json"]);
    let run = &json(&out)["runs"][0];
    assert_eq!(
        (run["done"].as_u64(), run["problems"].as_u64()),
        (Some(1), Some(1))
    );
}
