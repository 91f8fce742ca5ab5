//! `airdesk aqi` end to end: output fields, exit statuses.

use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cnemc");

fn fixture(day: &str) -> String {
    format!("{FIXTURES}/china_sites_{day}.csv")
}

fn airdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(args)
        .output()
        .expect("run airdesk")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn hourly_json_carries_the_source_stamp_and_the_published_value() {
    let f = fixture("20191230");
    let out = airdesk(&["aqi", &f, "--station", "1607A", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 24, "hours 0–23 of the file");
    let ten = lines
        .iter()
        .find(|l| l["time"] == "2019-12-30T10:00:00+08:00")
        .expect("hour 10");
    assert_eq!(ten["station"], "1607A");
    assert_eq!(ten["standard"], "hj633-2012");
    assert_eq!(ten["aqi"], 200);
    assert_eq!(ten["primary"], serde_json::json!(["SO2"]));
    assert_eq!(ten["iaqi"]["SO2_1h"], 200);
    assert_eq!(ten["iaqi"]["PM2.5_1h"], 129);
    assert_eq!(ten["concentrations"]["SO2_1h"], 902.0);
    assert_eq!(ten["category"]["roman"], "IV");
    assert_eq!(ten["category"]["colour"], "#FF0000");
    assert_eq!(ten["notes"], serde_json::json!(["so2-above-800-set-200"]));
    assert!(lines.iter().all(|l| l.get("date").is_none()));
}

#[test]
fn daily_json_and_standards() {
    let files = [
        fixture("20191229"),
        fixture("20191230"),
        fixture("20191231"),
    ];
    let mut args = vec!["aqi"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--daily", "--station", "1607A", "--json"]);
    let out = airdesk(&args);
    assert!(out.status.success());
    let lines = json_lines(&out);
    let dates: Vec<&str> = lines.iter().filter_map(|l| l["date"].as_str()).collect();
    assert_eq!(dates, ["2019-12-29", "2019-12-30", "2019-12-31"]);
    // 29 Dec: PM2.5 daily mean 151.25 → 151 → IAQI 201 under both Chinese tables.
    assert_eq!(lines[0]["aqi"], 201);
    assert_eq!(lines[0]["iaqi"]["PM2.5_24h"], 201);
    assert_eq!(lines[0]["concentrations"]["PM2.5_24h"], 151.25);
    assert_eq!(lines[0]["category"]["colour"], "#99004C");
    assert!(
        lines[0]["iaqi"].get("O3_1h").is_some(),
        "2012 daily has O3 1-h"
    );

    args.extend(["--standard", "hj633-2026"]);
    let lines = json_lines(&airdesk(&args));
    assert_eq!(lines[0]["standard"], "hj633-2026");
    assert!(
        lines[0]["iaqi"].get("O3_1h").is_none(),
        "2026 daily has no O3 1-h"
    );
    // 30 Dec: PM2.5 50.458 → 50 → 80 under 2026 (69 under 2012).
    assert_eq!(lines[1]["iaqi"]["PM2.5_24h"], 80);

    let n = args.len();
    args[n - 1] = "us-epa";
    let lines = json_lines(&airdesk(&args));
    assert_eq!(lines[0]["standard"], "us-epa");
    assert_eq!(lines[0]["category"]["colour"], "#8F3F97", "US purple");
    assert_eq!(
        lines[0]["iaqi"].as_object().map(|o| o.len()),
        Some(2),
        "PM10 and PM2.5 only"
    );
}

#[test]
fn table_output() {
    let f = fixture("20191230");
    let out = airdesk(&["aqi", &f, "--station", "1607A,1001A"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("station"));
    assert_eq!(lines.len(), 1 + 24 + 24);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("1607A    2019-12-30 10:00") && l.contains("IV 中度污染 / SO2"))
    );
    // Stations in the order asked for.
    assert!(lines[1].starts_with("1607A") && lines[25].starts_with("1001A"));
}

#[test]
fn exit_status_2_for_unusable_input() {
    let f = fixture("20191230");
    let out = airdesk(&["aqi", &f, "--station", "9999Z"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("9999Z") && err.lines().count() == 1, "{err}");
    assert!(out.stdout.is_empty());

    let out = airdesk(&["aqi", "/nonexistent/china_sites.csv"]);
    assert_eq!(out.status.code(), Some(2));

    let list = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stations/NewSiteList.csv"
    );
    let out = airdesk(&["aqi", list]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a station list has no concentrations"
    );
    // With a data file, the list only adds names: fine.
    let out = airdesk(&["aqi", list, &f, "--station", "1001A", "--json"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn strict_fails_on_skipped_values() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("china_sites_20191230.csv");
    std::fs::write(
        &path,
        "date,hour,type,1001A\n20191230,1,PM2.5,80\n20191230,1,PM10,1.029.666\n",
    )
    .expect("write");
    let p = path.to_str().expect("utf-8 path");
    let out = airdesk(&["aqi", p, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out)[0]["aqi"], 107);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 problem"));
    let out = airdesk(&["aqi", p, "--json", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1, "output is still written");
}
