//! Hindcast of the daily heavy-pollution outlook on real Beijing data (UCI PRSA excerpt), scored
//! against contingency numbers counted by hand from the fixture (see the comments).

use std::path::PathBuf;
use std::process::Command;

use airdesk::domain::hindcast::{Contingency, hindcast_store};
use airdesk::domain::outlook::OutlookSettings;
use airdesk::domain::windows::WindowSettings;
use airdesk::i18n::{Language, Render, Tr};
use airdesk::ingest;
use airdesk::store::{StationId, Store};
use chrono::NaiveDate;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/prsa/beijing-2012-12_2013-01.csv")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn load(paths: &[PathBuf]) -> (Store, Vec<StationId>) {
    let mut store = Store::new();
    let report = ingest::load_paths(paths, &mut store);
    assert!(report.problems().next().is_none(), "{:?}", report.files);
    let ids = store.stations().iter().map(|(id, _)| id).collect();
    (store, ids)
}

#[test]
fn january_2013_scores_match_hand_counts() {
    let (store, ids) = load(&[fixture()]);
    let h = hindcast_store(
        &store,
        &ids,
        &ids,
        Some(date(2013, 1, 1)),
        Some(date(2013, 1, 31)),
        &WindowSettings::default(),
        &OutlookSettings::default(),
    )
    .expect("hindcast");
    assert_eq!(h.days.len(), 31);
    // Daily means of the file (awk over the fixture, ≥ 20 hourly values): heavy (> 150 µg/m³) on
    // 10–14, 18–19, 21–23 (21st: 150.2) and 26–31 January: 16 days; every day is valid.
    let heavy: Vec<u32> = h
        .days
        .iter()
        .filter(|d| d.observed_heavy == Some(true))
        .map(|d| chrono::Datelike::day(&d.date))
        .collect();
    assert_eq!(
        heavy,
        vec![
            10, 11, 12, 13, 14, 18, 19, 21, 22, 23, 26, 27, 28, 29, 30, 31
        ]
    );
    assert!(h.days.iter().all(|d| d.observed_heavy.is_some()));
    // Persistence predicts 11–15, 19–20, 22–24, 27–31 (15 days): hits 12; false alarms 15, 20, 24;
    // misses 10, 18, 21, 26; 12 correct negatives.
    assert_eq!(
        h.persistence,
        Contingency {
            hits: 12,
            false_alarms: 3,
            misses: 4,
            correct_negatives: 12
        }
    );
    // The outlook (default settings) predicts 7, 10–15, 18–23, 26–31 (19 days): all 16 heavy days
    // hit; false alarms 7 (144 µg/m³), 15 (114) and 20 (104); no miss. The same days come out of an
    // independent re-implementation of the model used while choosing the settings.
    assert_eq!(
        h.outlook,
        Contingency {
            hits: 16,
            false_alarms: 3,
            misses: 0,
            correct_negatives: 12
        }
    );
    assert!((h.outlook.csi().expect("csi") - 16.0 / 19.0).abs() < 1e-9);
    assert!((h.persistence.csi().expect("csi") - 12.0 / 19.0).abs() < 1e-9);
    // The 12 January outlook rests on the 11th (364 µg/m³) and a stagnant, humid day.
    let jan12 = h.days[11].outlook.as_ref().expect("outlook");
    assert!(jan12.predicted_heavy);
    assert!(
        jan12
            .render(Tr(Language::En))
            .contains("yesterday's PM2.5 364"),
        "{}",
        jan12.render(Tr(Language::En))
    );
    assert!(
        jan12.render(Tr(Language::En)).contains("boundary layer"),
        "BLH absent must be stated"
    );
}

#[test]
fn cli_json_is_one_object_with_days_and_scores() {
    let out = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args([
            "hindcast",
            "--json",
            "--from",
            "2013-01-01",
            "--to",
            "2013-01-31",
        ])
        .arg(fixture())
        .output()
        .expect("run airdesk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let days = v["days"].as_array().expect("days");
    assert_eq!(days.len(), 31);
    assert_eq!(days[9]["date"], "2013-01-10");
    assert_eq!(days[9]["observed_heavy"], true);
    assert_eq!(days[9]["predicted_heavy"], true);
    assert!(days[9]["risk"].is_string());
    let csi = v["score"]["csi"].as_f64().expect("csi");
    assert!((csi - 16.0 / 19.0).abs() < 1e-9);
    assert!((v["score"]["persistence"]["csi"].as_f64().expect("csi") - 12.0 / 19.0).abs() < 1e-9);
    assert!(v["score"]["pod"].is_number() && v["score"]["far"].is_number());
}

#[test]
fn cli_rejects_unknown_station_with_status_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .arg("hindcast")
        .arg(fixture())
        .args(["--stations", "1001A"])
        .output()
        .expect("run airdesk");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1001A"));
}

/// The task's target on the full UCI file (needs /work/shared/data): CSI ≥ 0.45 overall and the
/// outlook beating persistence in every year.
#[test]
#[ignore = "needs /work/shared/data/beijing-pm25-2010-2014"]
fn full_beijing_record_reaches_the_csi_target() {
    let path =
        PathBuf::from("/work/shared/data/beijing-pm25-2010-2014/PRSA_data_2010.1.1-2014.12.31.csv");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let (store, ids) = load(&[path]);
    let h = hindcast_store(
        &store,
        &ids,
        &ids,
        None,
        None,
        &WindowSettings::default(),
        &OutlookSettings::default(),
    )
    .expect("hindcast");
    let csi = h.outlook.csi().expect("csi");
    let persistence = h.persistence.csi().expect("csi");
    eprintln!("CSI {csi:.3} (persistence {persistence:.3})");
    assert!(csi >= 0.45, "CSI {csi}");
    assert!(
        (persistence - 0.334).abs() < 0.01,
        "persistence {persistence}"
    );
    for (year, (o, p)) in h.by_year() {
        let (o, p) = (o.csi().expect("csi"), p.csi().expect("csi"));
        eprintln!("{year}: CSI {o:.3} (persistence {p:.3})");
        assert!(o >= 0.45 && o > p, "{year}: {o} vs {p}");
    }
}
