//! Alerts on the real Handan stations of the sample (CNEMC December 2019 in `sample-data/`, real
//! values): what the desk would have been alerted to on the drill morning, and nothing from after
//! it. Expected values are the published real-time AQI of the same files (the `AQI` rows).

use std::path::PathBuf;

use airdesk::clock::parse_moment;
use airdesk::domain::alerts::{AlertRule, AlertSettings, NeighbourSet, detect};
use airdesk::i18n::{Language, Render, Tr};
use airdesk::store::{Hour, Store};

fn sample_store() -> Store {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data/data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("sample data")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut store = Store::new();
    airdesk::ingest::load_paths(&files, &mut store);
    store
}

#[test]
fn the_drill_morning_alerts_on_real_handan_data() {
    let store = sample_store();
    let ids = store.stations().in_area("邯郸");
    let now = parse_moment("2019-12-22 10:00").expect("time");
    let alerts = detect(&store, &ids, &AlertSettings::default(), now);
    // 21 Dec 20:00: 矿院 (1049A) published AQI 233 while 东污水处理厂 (1048A) read 148.
    let at_20 = Hour::from_utc(parse_moment("2019-12-21 20:00").expect("time"));
    let above = alerts
        .iter()
        .find(|a| a.rule == AlertRule::AboveNeighbours && a.station_code == "1049A")
        .expect("矿院 above its neighbours");
    assert_eq!(above.hour, at_20);
    assert_eq!(above.value, Some(233.0));
    assert!(
        above
            .render(Tr(Language::Zh))
            .contains("矿院（1049A）12-21 20:00"),
        "{}",
        above.render(Tr(Language::Zh))
    );
    assert!(
        above
            .render(Tr(Language::Zh))
            .contains("规则：≥1.5倍且高出≥50")
    );
    // Then 矿院 went silent (no AQI from 21:00 on in the published rows).
    let silent = alerts
        .iter()
        .find(|a| a.rule == AlertRule::Silent && a.station_code == "1049A")
        .expect("矿院 silent");
    assert_eq!(silent.hour, at_20 + 1);
    assert!(
        silent
            .render(Tr(Language::En))
            .contains("last value before: 12-21 20:00 AQI 233"),
        "{}",
        silent.render(Tr(Language::En))
    );
    assert!(silent.last_hour > silent.hour + 1, "at least 3 hours");
    // Nothing from after the drill moment, nothing from before the 24 hours looked at.
    let last = Hour::from_utc(now);
    assert!(
        alerts
            .iter()
            .all(|a| a.last_hour <= last && a.hour > last - 24)
    );
    // No hourly AQI of 500 in Handan that month: no burst.
    assert!(alerts.iter().all(|a| a.rule != AlertRule::Burst));
}

#[test]
fn nearest_neighbours_reach_across_the_city_border() {
    let store = sample_store();
    let ids = store.stations().in_area("邯郸");
    let now = parse_moment("2019-12-22 10:00").expect("time");
    let nearest = AlertSettings {
        neighbours: NeighbourSet::Nearest,
        nearest: 5,
        ..AlertSettings::default()
    };
    let alerts = detect(&store, &ids, &nearest, now);
    for a in alerts
        .iter()
        .filter(|a| a.rule == AlertRule::AboveNeighbours)
    {
        assert!(
            a.render(Tr(Language::En))
                .contains("the 5 nearest stations"),
            "{}",
            a.render(Tr(Language::En))
        );
        assert!(a.neighbours >= 3 && a.neighbours <= 5);
    }
}
