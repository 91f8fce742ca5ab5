//! Station alerts the command centre is held to account for (DOMAIN.md §6): a station's hourly AQI
//! reaching 500 (爆表), a station markedly above its neighbours in the same hour, and a station
//! silent for hours.
//!
//! Pure: the store, the stations, the rules and the moment "as of" come in as arguments; nothing
//! after `as_of` is looked at, so a drill sees exactly what the desk saw then. Each [`Alert`] is a
//! plain record (station, hour, values, the rule and its terms) that can be listed, kept in
//! the journal (`alert.raised`) and turned into a supervision finding. The interface words it
//! (`crate::i18n`) from the rule's terms.
//!
//! Runs of consecutive flagged hours of one station and rule make one alert, named by the first
//! hour of the run (so it is raised once) and carrying the highest reading of the run.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, Utc};

use crate::domain::aqi::{AqiConfig, station_hourly};
use crate::domain::findings::{AlertInput, AlertKind};
use crate::journal::{Event, Fold};
use crate::store::{Hour, StationId, Store, Variable};

/// The AQI at which the index is capped: a reading there is off the scale (爆表).
pub const BURST_AQI: u16 = 500;

/// Which stations a station is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NeighbourSet {
    /// The other stations of the area (default): a local hotspot within the city.
    #[default]
    Area,
    /// The `nearest` stations by coordinates, whatever their city (any loaded station).
    Nearest,
}

/// The alert rules and thresholds, kept in the workspace's `settings.toml` (`[alerts]`). The
/// defaults are the desk's working choice, not a national rule ([UNCONFIRMED] in DOMAIN.md §6).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AlertSettings {
    /// Which stations form the comparison set.
    pub neighbours: NeighbourSet,
    /// How many nearest stations when `neighbours = "nearest"`.
    pub nearest: usize,
    /// A station is markedly above when its AQI is at least this many times the neighbours'
    /// median …
    pub above_ratio: f32,
    /// … and at least this many AQI points above it.
    pub above_margin: u16,
    /// Fewest neighbours with a value that hour for the comparison to count.
    pub min_neighbours: usize,
    /// A station with no pollutant value for this many consecutive hours is silent.
    pub silent_hours: u32,
    /// How many hours before now are scanned for alerts.
    pub lookback_hours: u32,
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            neighbours: NeighbourSet::Area,
            nearest: 5,
            above_ratio: 1.5,
            above_margin: 50,
            min_neighbours: 3,
            silent_hours: 3,
            lookback_hours: 24,
        }
    }
}

/// Which rule an alert comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlertRule {
    /// Hourly AQI reached 500.
    Burst,
    /// Markedly above the neighbours in the same hour.
    AboveNeighbours,
    /// No value for hours.
    Silent,
}

impl AlertRule {
    /// Stable code for the journal (`burst`, `above-neighbours`, `silent`).
    pub fn code(self) -> &'static str {
        match self {
            AlertRule::Burst => "burst",
            AlertRule::AboveNeighbours => "above-neighbours",
            AlertRule::Silent => "silent",
        }
    }
}

/// One alert: which station, which hour, what values, which rule, and the text the desk reads.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Alert {
    /// The rule that fired.
    pub rule: AlertRule,
    /// Station code (`1047A`).
    pub station_code: String,
    /// Station name (`环保局`), the code when the name is unknown.
    pub station_name: String,
    /// The hour as the source stamps it (CNEMC: end of the averaging hour); for a silent station
    /// the first missing stamp. Names the alert together with rule and station.
    pub hour: Hour,
    /// Last hour of the run (equal to `hour` for a single hour; for a silent station the latest
    /// stamp looked at).
    pub last_hour: Hour,
    /// UTC offset of the station's stamps, seconds (for showing the hour in local time).
    pub utc_offset_s: i32,
    /// What `value` is (`AQI`).
    pub variable: String,
    /// The station's highest reading in the run (for a silent station, its last value, if any).
    pub value: Option<f64>,
    /// The comparison value: the neighbours' median at the peak hour.
    pub reference: Option<f64>,
    /// How many neighbours the median was taken over.
    pub neighbours: usize,
    /// The rule's terms as applied, so the interface can say why it fired.
    pub terms: AlertTerms,
}

/// The terms of the rule an alert fired under (from `[alerts]` in the settings).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum AlertTerms {
    /// Hourly AQI reached [`BURST_AQI`].
    Burst,
    /// At least `ratio` × the neighbours' median and at least `margin` above it.
    AboveNeighbours {
        /// Which stations were the neighbours.
        set: NeighbourSet,
        /// How many nearest ones (when `set` is nearest).
        nearest: usize,
        /// The ratio.
        ratio: f32,
        /// The margin, AQI points.
        margin: u16,
    },
    /// No value for at least `hours` hours.
    Silent {
        /// The rule's hours.
        hours: i64,
        /// The station's last stamp with data before the silence, if any.
        last_seen: Option<Hour>,
    },
}

impl Alert {
    /// A key that names the alert across recomputations: rule, station and first hour.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.rule.code(), self.station_code, self.hour.0)
    }

    /// What a supervision finding needs from this alert (交办 in one step), for the two rules
    /// that point at a reading to follow up; a silent station is a data-transmission matter and
    /// gets none.
    pub fn finding_input(&self) -> Option<AlertInput> {
        let value = self.value?;
        let kind = match self.rule {
            AlertRule::Burst => AlertKind::Burst,
            AlertRule::AboveNeighbours => AlertKind::AboveNeighbours {
                neighbours_median: self.reference?,
            },
            AlertRule::Silent => return None,
        };
        Some(AlertInput {
            station: self.station_code.clone(),
            station_name: Some(self.station_name.clone()),
            variable: self.variable.clone(),
            unit_of_value: String::new(),
            at: self.hour.to_local(self.utc_offset_s),
            value,
            kind,
        })
    }
}

/// Journal event kind of an alert seen for the first time.
pub const RAISED: &str = "alert.raised";

/// The payload of an [`RAISED`] event: the alert's key and the alert itself.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Raised<'a> {
    /// [`Alert::key`]: names the alert across recomputations.
    pub key: String,
    /// The alert as shown.
    pub alert: &'a Alert,
}

impl<'a> Raised<'a> {
    /// The payload for `alert`.
    pub fn of(alert: &'a Alert) -> Self {
        Raised {
            key: alert.key(),
            alert,
        }
    }
}

/// Journal event kind of an alert the duty officer has acknowledged: seen, and noted what was
/// done about it (the centre answers for every alert, not only for raising it).
pub const ACKNOWLEDGED: &str = "alert.acknowledged";

/// The payload of an [`ACKNOWLEDGED`] event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Acknowledged {
    /// [`Alert::key`] of the alert acknowledged.
    pub key: String,
    /// What the officer did or found (`已电话通知运维单位`); may be empty.
    pub note: String,
}

/// An acknowledgement read back from the journal: who, when, and the note.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Acknowledgement {
    /// The duty officer who acknowledged.
    pub operator: String,
    /// When, in the officer's local time.
    pub at: DateTime<FixedOffset>,
    /// What was done.
    pub note: String,
}

/// What the journal says about alerts: which were kept (`alert.raised`) and who acknowledged
/// which (`alert.acknowledged`). The fold of those events; other kinds are passed over, and a
/// payload without a key is ignored.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AlertLog {
    raised: BTreeSet<String>,
    acknowledged: BTreeMap<String, Acknowledgement>,
}

impl AlertLog {
    /// Whether the alert with this [`Alert::key`] is kept in the journal.
    pub fn is_raised(&self, key: &str) -> bool {
        self.raised.contains(key)
    }

    /// The acknowledgements by alert key. The first acknowledgement of an alert counts; a later
    /// one (a second desk clicking at the same time) does not replace it.
    pub fn acknowledgements(&self) -> &BTreeMap<String, Acknowledgement> {
        &self.acknowledged
    }
}

impl Fold for AlertLog {
    fn apply(&mut self, event: &Event) {
        #[derive(serde::Deserialize)]
        struct Key {
            key: String,
        }
        match event.kind.as_str() {
            RAISED => {
                if let Ok(k) = event.decode::<Key>() {
                    self.raised.insert(k.key);
                }
            }
            ACKNOWLEDGED => {
                if let Ok(payload) = event.decode::<Acknowledged>() {
                    self.acknowledged
                        .entry(payload.key)
                        .or_insert_with(|| Acknowledgement {
                            operator: event.operator.clone(),
                            at: event.local_time(),
                            note: payload.note,
                        });
                }
            }
            _ => {}
        }
    }
}

/// The alerts for `stations` (the area) over the `settings.lookback_hours` stamps up to and
/// including the hour of `as_of`, newest first. Nothing after `as_of` is read.
pub fn detect(
    store: &Store,
    stations: &[StationId],
    settings: &AlertSettings,
    as_of: DateTime<Utc>,
) -> Vec<Alert> {
    let config = AqiConfig::default();
    let last = Hour::from_utc(as_of);
    let first = last - i64::from(settings.lookback_hours.max(1)) + 1;
    let aqi_at = |id: StationId, h: Hour| -> Option<u16> {
        station_hourly(store, id, h, &config).and_then(|a| a.result.aqi)
    };
    let mut out = Vec::new();
    for &id in stations {
        let neighbours = neighbours_of(store, stations, id, settings);
        let mut burst: Option<Run> = None;
        let mut above: Option<Run> = None;
        for h in first.0..=last.0 {
            let h = Hour(h);
            let value = aqi_at(id, h);
            // 爆表
            match value {
                Some(v) if v >= BURST_AQI => extend(&mut burst, h, f64::from(v), None, 0),
                _ => close(&mut burst, &mut out, store, id, AlertRule::Burst, settings),
            }
            // Above the neighbours.
            let flagged = value.and_then(|v| {
                let mut others: Vec<f64> = neighbours
                    .iter()
                    .filter_map(|&n| aqi_at(n, h).map(f64::from))
                    .collect();
                if others.len() < settings.min_neighbours.max(1) {
                    return None;
                }
                let m = median(&mut others);
                let v = f64::from(v);
                (v >= f64::from(settings.above_ratio) * m
                    && v - m >= f64::from(settings.above_margin))
                .then_some((v, m, others.len()))
            });
            match flagged {
                Some((v, m, n)) => extend(&mut above, h, v, Some(m), n),
                None => close(
                    &mut above,
                    &mut out,
                    store,
                    id,
                    AlertRule::AboveNeighbours,
                    settings,
                ),
            }
        }
        close(&mut burst, &mut out, store, id, AlertRule::Burst, settings);
        close(
            &mut above,
            &mut out,
            store,
            id,
            AlertRule::AboveNeighbours,
            settings,
        );
        out.extend(silences(store, id, first, last, settings));
    }
    out.sort_by(|a, b| {
        b.last_hour
            .cmp(&a.last_hour)
            .then(a.rule.cmp(&b.rule))
            .then(a.station_code.cmp(&b.station_code))
    });
    out
}

/// A run of flagged hours being collected.
struct Run {
    first: Hour,
    last: Hour,
    peak: f64,
    peak_reference: Option<f64>,
    neighbours: usize,
}

fn extend(run: &mut Option<Run>, h: Hour, value: f64, reference: Option<f64>, n: usize) {
    match run {
        Some(r) => {
            r.last = h;
            if value > r.peak {
                r.peak = value;
                r.peak_reference = reference;
                r.neighbours = n;
            }
        }
        None => {
            *run = Some(Run {
                first: h,
                last: h,
                peak: value,
                peak_reference: reference,
                neighbours: n,
            })
        }
    }
}

fn close(
    run: &mut Option<Run>,
    out: &mut Vec<Alert>,
    store: &Store,
    id: StationId,
    rule: AlertRule,
    settings: &AlertSettings,
) {
    let Some(r) = run.take() else {
        return;
    };
    let st = store.stations().get(id);
    let terms = match rule {
        AlertRule::Burst => AlertTerms::Burst,
        _ => AlertTerms::AboveNeighbours {
            set: settings.neighbours,
            nearest: settings.nearest,
            ratio: settings.above_ratio,
            margin: settings.above_margin,
        },
    };
    out.push(Alert {
        rule,
        station_code: st.code.clone(),
        station_name: st.label().to_string(),
        hour: r.first,
        last_hour: r.last,
        utc_offset_s: st.utc_offset_s,
        variable: "AQI".into(),
        value: Some(r.peak),
        reference: r.peak_reference,
        neighbours: r.neighbours,
        terms,
    });
}

/// The station's pollutant values: any of the six, or the published AQI.
const WATCHED: [Variable; 7] = [
    Variable::Pm25,
    Variable::Pm10,
    Variable::So2,
    Variable::No2,
    Variable::O3,
    Variable::Co,
    Variable::Aqi,
];

/// The station's latest stamp with any pollutant value at or before `at`, and its PM2.5 or AQI
/// there.
fn last_reported(store: &Store, id: StationId, at: Hour) -> Option<(Hour, Option<f64>)> {
    let mut latest: Option<Hour> = None;
    for v in WATCHED {
        if let Some((h, _)) = store
            .observed(id, v)
            .and_then(|s| s.last_present_at_or_before(at))
            && latest.is_none_or(|l| h > l)
        {
            latest = Some(h);
        }
    }
    let h = latest?;
    let config = AqiConfig::default();
    let value = station_hourly(store, id, h, &config)
        .and_then(|a| a.result.aqi)
        .map(f64::from);
    Some((h, value))
}

/// Whether the station has any pollutant value at stamp `h`.
fn reports_at(store: &Store, id: StationId, h: Hour) -> bool {
    WATCHED.iter().any(|&v| {
        store
            .observed(id, v)
            .and_then(|s| s.get(h))
            .is_some_and(f32::is_finite)
    })
}

/// Runs of at least `silent_hours` stamps without any value inside `first..=last` (a run that
/// began earlier is dated from its real start).
fn silences(
    store: &Store,
    id: StationId,
    first: Hour,
    last: Hour,
    settings: &AlertSettings,
) -> Vec<Alert> {
    let need = i64::from(settings.silent_hours.max(1));
    let mut runs: Vec<(Hour, Hour)> = Vec::new();
    let mut open: Option<Hour> = None;
    for h in first.0..=last.0 {
        let h = Hour(h);
        if reports_at(store, id, h) {
            if let Some(start) = open.take() {
                runs.push((start, h - 1));
            }
        } else if open.is_none() {
            open = Some(h);
        }
    }
    if let Some(start) = open {
        runs.push((start, last));
    }
    runs.into_iter()
        .filter_map(|(start, end)| {
            let before = last_reported(store, id, start - 1);
            // Hours before the first loaded value of a station that reported later are the
            // start of the data, not a silence.
            if start == first && before.is_none() && end < last {
                return None;
            }
            let since = if start == first {
                before.map_or(start, |(h, _)| h + 1)
            } else {
                start
            };
            (end - since + 1 >= need).then(|| silent_alert(store, id, since, end, before, need))
        })
        .collect()
}

fn silent_alert(
    store: &Store,
    id: StationId,
    since: Hour,
    end: Hour,
    reported: Option<(Hour, Option<f64>)>,
    need: i64,
) -> Alert {
    let st = store.stations().get(id);
    Alert {
        rule: AlertRule::Silent,
        station_code: st.code.clone(),
        station_name: st.label().to_string(),
        hour: since,
        last_hour: end,
        utc_offset_s: st.utc_offset_s,
        variable: "AQI".into(),
        value: reported.and_then(|(_, v)| v),
        reference: None,
        neighbours: 0,
        terms: AlertTerms::Silent {
            hours: need,
            last_seen: reported.map(|(h, _)| h),
        },
    }
}

/// The comparison set of `id`: the other area stations, or the nearest stations by coordinates.
fn neighbours_of(
    store: &Store,
    area: &[StationId],
    id: StationId,
    settings: &AlertSettings,
) -> Vec<StationId> {
    match settings.neighbours {
        NeighbourSet::Area => area.iter().copied().filter(|&s| s != id).collect(),
        NeighbourSet::Nearest => {
            let table = store.stations();
            let me = table.get(id);
            let (Some(lat), Some(lon)) = (me.lat, me.lon) else {
                return Vec::new();
            };
            let mut by_distance: Vec<(f64, StationId)> = table
                .iter()
                .filter(|(s, st)| *s != id && !st.control_site)
                .filter(|(s, _)| store.observed(*s, Variable::Pm25).is_some())
                .filter_map(|(s, st)| Some((distance_km(lat, lon, st.lat?, st.lon?), s)))
                .collect();
            by_distance.sort_by(|a, b| a.0.total_cmp(&b.0));
            by_distance
                .into_iter()
                .take(settings.nearest)
                .map(|(_, s)| s)
                .collect()
        }
    }
}

/// Great-circle distance (haversine), km.
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Render, Tr};
    use crate::store::{Batch, Chunk, SeriesKind, StampConvention, Station};

    /// A store with `n` stations of one area, PM2.5 only (AQI from PM2.5), hours from `start`.
    fn store_with(pm25: &[Vec<f32>], start: Hour) -> (Store, Vec<StationId>) {
        let mut batch = Batch::new("test".into());
        for (i, values) in pm25.iter().enumerate() {
            let code = format!("{}A", 9000 + i);
            let mut st = Station::with_code(&code);
            st.name = Some(format!("站{i}"));
            st.area = Some("测试".into());
            st.lat = Some(36.6 + i as f64 * 0.01);
            st.lon = Some(114.5);
            let station = batch.station(st);
            batch.chunks.push(Chunk {
                station,
                variable: Variable::Pm25,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start,
                values: values.clone(),
            });
        }
        let mut store = Store::new();
        store.merge(batch);
        let ids = store.stations().in_area("测试");
        (store, ids)
    }

    fn at(h: Hour) -> DateTime<Utc> {
        h.to_utc()
    }

    #[test]
    fn burst_above_neighbours_and_silent() {
        let start = Hour(438_000);
        let normal = vec![100.0f32; 10];
        let mut hot = normal.clone();
        hot[6] = 300.0; // AQI 350 against 132: above neighbours
        hot[7] = 600.0; // AQI 500 (beyond the table's top): off the scale and above
        let mut quiet = normal.clone();
        for v in quiet.iter_mut().skip(5) {
            *v = f32::NAN;
        }
        let (store, ids) = store_with(
            &[hot, normal.clone(), normal.clone(), normal.clone(), quiet],
            start,
        );
        let s = AlertSettings::default();
        let alerts = detect(&store, &ids, &s, at(start + 9));
        let burst: Vec<_> = alerts
            .iter()
            .filter(|a| a.rule == AlertRule::Burst)
            .collect();
        assert_eq!(burst.len(), 1, "{alerts:#?}");
        assert_eq!(burst[0].hour, start + 7);
        assert_eq!(burst[0].value, Some(500.0));
        let zh = |a: &Alert| a.render(Tr(Language::Zh));
        assert!(zh(burst[0]).contains("爆表") && zh(burst[0]).contains("站0"));
        let above: Vec<_> = alerts
            .iter()
            .filter(|a| a.rule == AlertRule::AboveNeighbours)
            .collect();
        assert_eq!(above.len(), 1, "one run of two hours: {above:#?}");
        assert_eq!((above[0].hour, above[0].last_hour), (start + 6, start + 7));
        assert_eq!(above[0].reference, Some(132.0));
        assert_eq!(above[0].neighbours, 3, "the silent station has no value");
        assert!(above[0].render(Tr(Language::En)).contains("rule: ≥ 1.5 ×"));
        let silent: Vec<_> = alerts
            .iter()
            .filter(|a| a.rule == AlertRule::Silent)
            .collect();
        assert_eq!(silent.len(), 1);
        assert_eq!(silent[0].station_name, "站4");
        assert_eq!(silent[0].hour, start + 5);
        assert!(zh(silent[0]).contains("5小时无数据"), "{}", zh(silent[0]));
    }

    #[test]
    fn nothing_after_as_of_is_seen() {
        let start = Hour(438_000);
        let mut hot = vec![100.0f32; 10];
        hot[8] = 600.0;
        let normal = vec![100.0f32; 10];
        let (store, ids) = store_with(
            &[hot, normal.clone(), normal.clone(), normal.clone()],
            start,
        );
        let s = AlertSettings::default();
        assert!(detect(&store, &ids, &s, at(start + 7)).is_empty());
        assert_eq!(detect(&store, &ids, &s, at(start + 8)).len(), 2);
        // A short silence (2 h < 3 h) is no alert; the hours after as_of do not count as silent.
        let mut gap = vec![100.0f32; 10];
        gap[8] = f32::NAN;
        gap[9] = f32::NAN;
        let (store, ids) = store_with(&[gap, normal.clone(), normal.clone()], start);
        assert!(detect(&store, &ids, &s, at(start + 9)).is_empty());
        let strict = AlertSettings {
            silent_hours: 2,
            ..s.clone()
        };
        assert_eq!(detect(&store, &ids, &strict, at(start + 9)).len(), 1);
    }

    #[test]
    fn nearest_neighbours_by_coordinates() {
        let start = Hour(438_000);
        let normal = vec![100.0f32; 4];
        let (store, ids) = store_with(
            &[
                normal.clone(),
                normal.clone(),
                normal.clone(),
                normal.clone(),
            ],
            start,
        );
        let s = AlertSettings {
            neighbours: NeighbourSet::Nearest,
            nearest: 2,
            ..AlertSettings::default()
        };
        let n = neighbours_of(&store, &ids, ids[0], &s);
        assert_eq!(n, vec![ids[1], ids[2]]);
        assert!((distance_km(36.6, 114.5, 36.61, 114.5) - 1.11).abs() < 0.01);
    }

    #[test]
    fn the_first_acknowledgement_of_an_alert_counts() {
        use crate::journal::{Author, SqliteStorage, Storage};
        // (the RAISED event below carries a key: it counts as raised, not acknowledged)
        let mut journal = SqliteStorage::open_in_memory().expect("journal");
        let cst = FixedOffset::east_opt(8 * 3600).expect("offset");
        let at = |h: u32| {
            chrono::NaiveDate::from_ymd_opt(2019, 12, 22)
                .and_then(|d| d.and_hms_opt(h, 5, 0))
                .and_then(|t| t.and_local_timezone(cst).single())
                .expect("time")
        };
        let ack = |key: &str, note: &str| Acknowledged {
            key: key.to_string(),
            note: note.to_string(),
        };
        let zhao = Author::new("赵敏", "desk-1").expect("author");
        let li = Author::new("李强", "desk-2").expect("author");
        for (who, h, kind, payload) in [
            (&zhao, 10, ACKNOWLEDGED, ack("silent/1047A/1", "已通知运维")),
            (&li, 11, ACKNOWLEDGED, ack("silent/1047A/1", "重复确认")),
            (&li, 11, ACKNOWLEDGED, ack("burst/1049A/2", "")),
            (
                &li,
                12,
                RAISED,
                ack("burst/1050A/3", "not an acknowledgement"),
            ),
        ] {
            let draft = who.draft(at(h), kind, &payload).expect("draft");
            journal.append(&draft).expect("append");
        }
        let mut log = AlertLog::default();
        for e in journal.read_since(0).expect("read") {
            log.apply(&e);
        }
        let acks = log.acknowledgements();
        assert_eq!(acks.len(), 2);
        let first = &acks["silent/1047A/1"];
        assert_eq!(
            (first.operator.as_str(), first.note.as_str(), first.at),
            ("赵敏", "已通知运维", at(10))
        );
        assert_eq!(acks["burst/1049A/2"].operator, "李强");
        assert!(log.is_raised("burst/1050A/3") && !log.is_raised("silent/1047A/1"));
    }
}
