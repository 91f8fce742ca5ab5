//! The after-action summary (总结评估) of the sample episode, made by `airdesk response report
//! summary` on a copy of the sample workspace: the chart of PM2.5 and AQI during the episode is
//! embedded, and there is one row per episode day with the observed and forecast values —
//! observations only for days over by the summary's moment.

use std::path::Path;
use std::process::Command;

use airdesk::domain::response::{self, LiftInput};
use airdesk::journal::Author;
use airdesk::session::{self, Session};

fn sample_copy() -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["data", "forecast"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(src.join(sub)).expect("list") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name()))
                .expect("copy");
        }
    }
    for f in ["settings.toml", "plan.toml", "journal.sqlite", "roster.csv"] {
        std::fs::copy(src.join(f), dir.path().join(f)).expect("copy");
    }
    dir
}

fn summary(dir: &Path, at: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(["response", "report", "summary"])
        .arg(dir)
        .args(["--at", at])
        .output()
        .expect("run airdesk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The cells of the table row of `date` in the air-quality section.
fn day_row(html: &str, date: &str) -> Option<Vec<String>> {
    let section = &html[html.find("五、污染过程PM2.5与预报对比")?..];
    let row = &section[section.find(&format!("<tr><td>{date}</td>"))?..];
    let row = &row[..row.find("</tr>")?];
    Some(
        row.split("<td")
            .skip(1)
            .map(|c| {
                let c = &c[c.find('>').map_or(0, |i| i + 1)..];
                c.trim_end_matches("</td>").to_owned()
            })
            .collect(),
    )
}

#[test]
fn the_summary_mid_episode_embeds_the_chart_and_gives_observations_only_for_past_days() {
    let dir = sample_copy();
    let html = summary(dir.path(), "2019-12-22T10:00");
    assert!(html.contains("src=\"data:image/png;base64,"), "chart");
    assert!(!html.contains("未提供对比图"));
    // The warning runs from 21 Dec 22:00, expected to end on 24 Dec 22:00.
    let rows: Vec<Vec<String>> = ["2019-12-21", "2019-12-22", "2019-12-23", "2019-12-24"]
        .iter()
        .map(|d| day_row(&html, d).unwrap_or_else(|| panic!("row {d}")))
        .collect();
    assert!(day_row(&html, "2019-12-20").is_none());
    assert!(day_row(&html, "2019-12-25").is_none());
    // 21 Dec is over: Handan's area mean PM2.5 was 121 µg/m³ (sample README); no forecast.
    assert_eq!(rows[0], ["2019-12-21", "121", "—", &rows[0][3], "—"]);
    assert_ne!(rows[0][3], "—", "observed AQI of 21 Dec");
    // 22 Dec has begun but is not over: forecast only (AQI 215–270 → PM2.5 at most 220).
    assert_eq!(rows[1], ["2019-12-22", "—", "220", "—", "215–270"]);
    assert_eq!(rows[2][4], "200–255");
}

#[test]
fn the_summary_after_lifting_has_every_day_observed_against_the_forecast() {
    let dir = sample_copy();
    {
        let text = std::fs::read_to_string(dir.path().join("plan.toml")).expect("plan");
        let plan = airdesk::domain::plan::parse(&text).expect("plan parses");
        let journal = session::journal::open(dir.path()).expect("journal");
        let mut session = Session::with_journal(journal, plan).expect("session");
        let author = Author::new("陈静", "desk-1").expect("author");
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
        let ten = at("2019-12-26T10:00:00+08:00");
        session.start_shift(author, "", ten).expect("shift");
        session
            .execute(
                &session::Command::Respond(response::Command::Lift(LiftInput {
                    at: at("2019-12-26T12:00:00+08:00"),
                    basis: "空气质量好转，预计未来36小时以上AQI低于150".into(),
                    approver: None,
                    doc_no: String::new(),
                    consultation: None,
                })),
                ten,
            )
            .expect("lift");
    }
    let html = summary(dir.path(), "2019-12-27T09:00");
    assert!(html.contains("src=\"data:image/png;base64,"), "chart");
    let expected_pm25 = ["121", "183", "197", "183", "157", "90"];
    for (i, d) in (21..=26).enumerate() {
        let date = format!("2019-12-{d}");
        let row = day_row(&html, &date).unwrap_or_else(|| panic!("row {date}"));
        assert_eq!(row[1], expected_pm25[i], "{date} observed PM2.5");
        assert_ne!(row[3], "—", "{date} observed AQI");
        if d >= 22 {
            assert_ne!(row[2], "—", "{date} forecast PM2.5");
            assert_ne!(row[4], "—", "{date} forecast AQI");
        }
    }
    assert!(day_row(&html, "2019-12-27").is_none());
}

fn airdesk_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(args)
        .arg(dir)
        .output()
        .expect("run airdesk")
}

/// Without `--at`, a command on a drill workspace works at the drill's current time as the app
/// shows it (#11 item 12: the summary ran to today, a 2,541-day episode).
#[test]
fn commands_on_a_drill_workspace_default_to_the_drill_time() {
    let dir = sample_copy();
    let out = airdesk_in(dir.path(), &["response", "status", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(status["at"], "2019-12-22T10:00:00+08:00");
    let out = airdesk_in(dir.path(), &["response", "report", "summary"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(day_row(&html, "2019-12-24").is_some());
    assert!(
        day_row(&html, "2019-12-25").is_none(),
        "runs past the expected end"
    );
}

/// A broken settings.toml is said on stderr instead of silently replaced by defaults (the area
/// and its PM2.5 changed without a word, #11 item 6).
#[test]
fn a_broken_settings_file_is_reported() {
    let dir = sample_copy();
    std::fs::write(dir.path().join("settings.toml"), "area = [").expect("write");
    let out = airdesk_in(
        dir.path(),
        &["response", "report", "summary", "--at", "2019-12-22T10:00"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("settings could not be used") && stderr.contains("settings.toml"),
        "{stderr}"
    );
}

/// The sample's README says how many stations Handan has as the station list has them (#11 item
/// 15: it said seven; the list and the board have four).
#[test]
fn the_sample_readme_counts_handans_stations_right() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let list = std::fs::read(root.join("data/stations-2plus26.csv")).expect("list");
    let text = airdesk::ingest::decode(&list).text;
    let handan = text
        .lines()
        .filter(|l| l.split(',').nth(2) == Some("邯郸"))
        .count();
    assert_eq!(handan, 4);
    let readme = std::fs::read_to_string(root.join("README.md")).expect("readme");
    assert!(!readme.contains("seven"), "the README still says seven");
    assert!(readme.contains("its four stations"));
    assert!(readme.contains("Handan (4 stations)"));
}
