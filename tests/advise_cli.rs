//! `airdesk advise` end to end on the Anyang December 2019 fixtures (real CNEMC excerpts, a
//! constructed forecast; see tests/fixtures/advise/README.md).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/advise")
        .join(name)
}

fn airdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(args)
        .output()
        .expect("run airdesk")
}

fn json(out: &Output) -> serde_json::Value {
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn red_warning_at_once_when_heavy_pollution_is_measured() {
    let forecast = fixture("anyang_forecast_20191221.csv");
    let obs: Vec<PathBuf> = ["20191220", "20191221", "20191222"]
        .iter()
        .map(|d| fixture(&format!("anyang_china_sites_{d}.csv")))
        .collect();
    let mut args = vec!["advise", "--forecast", s(&forecast), "--obs"];
    args.extend(obs.iter().map(|p| s(p)));
    args.extend(["--at", "2019-12-22T10:00", "--json"]);
    let out = airdesk(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["level"], "red");
    assert_eq!(v["action"], "issue");
    assert_eq!(v["nowcast"], true);
    assert_eq!(v["start"], "2019-12-22T11:00:00+08:00");
    assert_eq!(v["end"], "2019-12-26T00:00:00+08:00");
    let reasons = v["reasons"].as_array().expect("reasons");
    assert!(
        reasons[0].as_str().is_some_and(|r| r.starts_with(
            "实测及预测12月21日至25日日AQI>200持续120小时，且12月23日>300 → 红色预警"
        )),
        "{reasons:?}"
    );
    assert_eq!(
        v["reasons_en"].as_array().map(Vec::len),
        Some(reasons.len())
    );
    // Five Anyang stations publish an AQI (1821A is out of service).
    assert_eq!(v["observed"]["stations"].as_array().map(Vec::len), Some(5));
    assert_eq!(v["observed"]["latest"]["time"], "2019-12-22T10:00:00+08:00");
    let day21 = v["days"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["date"] == "2019-12-21"))
        .expect("21 Dec measured");
    assert_eq!(day21["source"], "observed");
    assert!(day21["value"].as_f64().is_some_and(|x| x > 200.0));
}

#[test]
fn default_plan_without_observations_and_the_lead_time() {
    let forecast = fixture("anyang_forecast_20191221.csv");
    let out = airdesk(&[
        "advise",
        "--forecast",
        s(&forecast),
        "--at",
        "2019-12-21T20:00",
        "--json",
    ]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["level"], "red");
    assert_eq!(v["start"], "2019-12-22T00:00:00+08:00");
    assert_eq!(v["issue_by"], "2019-12-21T00:00:00+08:00");
    assert_eq!(v["late"], true);
    assert_eq!(v["observed"], serde_json::Value::Null);
    assert!(v["plan"].as_str().is_some_and(|p| p.contains("2024")));
}

#[test]
fn active_warning_is_lifted_when_the_forecast_stays_clean() {
    let forecast = fixture("anyang_forecast_20191221.csv");
    let out = airdesk(&[
        "advise",
        "--forecast",
        s(&forecast),
        "--at",
        "2019-12-26T10:00",
        "--active",
        "red",
        "--since",
        "2019-12-22T00:00",
        "--json",
    ]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(
        (v["level"].as_str(), v["action"].as_str()),
        (Some("none"), Some("lift"))
    );
    // --paused without --active is a usage error.
    let out = airdesk(&["advise", "--forecast", s(&forecast), "--paused"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_plan_exits_2_naming_the_line() {
    let plan = airdesk_default_plan().replacen("units = [\"jyj\"]", "units = [\"jyjj\"]", 1);
    let line = plan[..plan.find("\"jyjj\"").expect("edited")]
        .matches('\n')
        .count()
        + 1;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, plan).expect("write plan");
    let forecast = fixture("anyang_forecast_20191221.csv");
    let advise = |lang: &str| {
        let out = airdesk(&[
            "advise",
            "--forecast",
            s(&forecast),
            "--plan",
            s(&path),
            "--at",
            "2019-12-21T20:00",
            "--lang",
            lang,
        ]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        err
    };
    let en = advise("en");
    assert!(
        en.contains(&format!("line {line}, column")) && en.contains("unknown unit 「jyjj」"),
        "{en}"
    );
    let zh = advise("zh");
    assert!(
        zh.contains(&format!("第{line}行第")) && zh.contains("单位「jyjj」未定义"),
        "{zh}"
    );
}

fn airdesk_default_plan() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plans/default.toml"))
        .expect("default plan")
}

#[test]
fn forecast_problems_are_listed_and_fail_strict() {
    let forecast = fixture("forecast_with_bad_rows.csv");
    let args = [
        "advise",
        "--forecast",
        s(&forecast),
        "--at",
        "2019-12-21T20:00",
        "--json",
    ];
    let out = airdesk(&args);
    assert!(out.status.success());
    let v = json(&out);
    let lines: Vec<u64> = v["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["line"].as_u64())
        .collect();
    assert_eq!(lines, [3, 4]);
    let mut strict = args.to_vec();
    strict.push("--strict");
    assert_eq!(airdesk(&strict).status.code(), Some(1));
    let missing = fixture("no_such_forecast.csv");
    let out = airdesk(&["advise", "--forecast", s(&missing)]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn inspect_recognises_the_forecast_format() {
    let forecast = fixture("anyang_forecast_20191221.csv");
    let out = airdesk(&["inspect", "--json", s(&forecast)]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["format"], "aqi-forecast");
    assert_eq!(v["encoding"], "UTF-8 (BOM)");
    assert_eq!(v["values"], 7);
}

#[test]
fn weather_windows_are_named_in_the_reasons() {
    let forecast = fixture("beijing_forecast_20130109.csv");
    let weather = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/prsa/beijing-2012-12_2013-01.csv");
    let out = airdesk(&[
        "advise",
        "--forecast",
        s(&forecast),
        "--weather",
        s(&weather),
        "--at",
        "2013-01-09T20:00",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["level"], "red");
    let reasons: Vec<&str> = v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter_map(|r| r.as_str())
        .collect();
    assert!(
        reasons.iter().any(
            |r| r.starts_with("不利气象条件：1月11日19时至1月14日14时") && r.contains("静小风")
        ),
        "{reasons:?}"
    );
}
