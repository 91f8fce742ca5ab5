//! Areas (a county, a city, any group of stations) and their daily values: the numbers the season
//! budget and the rankings are made of.
//!
//! Rules (GB 3095-2026 Table 4; the validity minimums are the AQI module's
//! [`Validity::default`], so AQI, budget and rankings use one set):
//! - a station's daily mean is valid with at least 20 hourly values in the day;
//! - an 8-hour moving mean is valid with at least 6 hourly values in its 8 hours;
//! - a station's daily maximum 8-hour mean (O3) takes the 17 windows that lie inside the day (CNEMC
//!   stamps 08:00 … 24:00) and is valid with at least 14 valid windows;
//! - the area's daily value is the mean over its stations of each valid station value, in exact
//!   arithmetic like the AQI module's area statistics; a day with no valid station has no value.
//!
//! For pollutant concentrations (never negative).
//!
//! The calendar day is the local day of the station's clock under the series' [`StampConvention`]
//! (CNEMC stamps mark the END of the hour: stamps 01:00 … 24:00 make one day), via
//! [`Hour::day_range`]. Nothing is rounded here; rounding belongs to the analyses.

use chrono::NaiveDate;

use super::aqi::Concentration;
use super::aqi::daily::{Validity, daily_max_8h, daily_mean};
use super::station_days::{DaySource, StationDays};
use crate::store::{Hour, Series, StationId, Store, Variable};

/// A named group of stations, as defined in the workspace (default: one CNEMC city).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Area {
    /// Name shown to users (`石家庄`, `正定县`).
    pub name: String,
    /// Station codes.
    pub stations: Vec<String>,
}

impl Area {
    /// The CNEMC city `name` as an area: its stations from the station table, control sites
    /// (对照点) excluded, as city means are computed.
    pub fn city(store: &Store, name: &str) -> Area {
        let table = store.stations();
        Area {
            name: name.to_string(),
            stations: table
                .in_area(name)
                .into_iter()
                .map(|id| table.get(id).code.clone())
                .collect(),
        }
    }

    /// Every CNEMC city of the station table that has at least one station with `variable`
    /// observed, in name order.
    pub fn cities_with(store: &Store, variable: Variable) -> Vec<Area> {
        store
            .stations()
            .areas()
            .into_iter()
            .map(|name| Area::city(store, &name))
            .filter(|a| {
                a.resolve(store)
                    .0
                    .iter()
                    .any(|&id| store.observed(id, variable).is_some())
            })
            .collect()
    }

    /// The store ids of the area's stations, and the codes the store does not know.
    pub fn resolve(&self, store: &Store) -> (Vec<StationId>, Vec<String>) {
        let mut ids = Vec::new();
        let mut unknown = Vec::new();
        for code in &self.stations {
            match store.stations().find(code) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => unknown.push(code.clone()),
            }
        }
        (ids, unknown)
    }
}

/// Which daily value of a pollutant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DailyStat {
    /// 24-hour mean of the hourly values (SO2, NO2, PM10, PM2.5, CO).
    Mean,
    /// Maximum 8-hour moving mean inside the day (O3).
    Max8h,
}

/// One day of an area.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct AreaDay {
    /// Local calendar date.
    pub date: NaiveDate,
    /// Mean of the valid station values, unrounded; `None` when no station was valid.
    pub value: Option<f64>,
    /// Stations with a valid value that day.
    pub stations_valid: usize,
    /// Stations in the area.
    pub stations_total: usize,
    /// Real-time or audited.
    pub source: DaySource,
}

/// A station's daily value for `date`, `None` when not valid.
pub fn station_daily(
    series: &Series,
    date: NaiveDate,
    utc_offset_s: i32,
    stat: DailyStat,
) -> Option<f64> {
    station_value(series, date, utc_offset_s, stat).map(Concentration::to_f64)
}

/// A station's daily statistic for `date`, exact, `None` when not valid.
pub(crate) fn station_value(
    series: &Series,
    date: NaiveDate,
    utc_offset_s: i32,
    stat: DailyStat,
) -> Option<Concentration> {
    let range = Hour::day_range(date, series.stamp(), utc_offset_s);
    let hours: Vec<Option<Concentration>> = series
        .window(range.start, range.end)
        .into_iter()
        .map(Concentration::from_f32)
        .collect();
    let validity = Validity::default();
    match stat {
        DailyStat::Mean => daily_mean(&hours, &validity),
        DailyStat::Max8h => daily_max_8h(&hours, &validity),
    }
}

/// The area's daily values of `variable` (observed, real-time) for every date in `from..=to`.
pub fn area_daily(
    store: &Store,
    stations: &[StationId],
    variable: Variable,
    stat: DailyStat,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<AreaDay> {
    StationDays::observed(store, stations, variable, stat, from, to).area_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, Chunk, SeriesKind, StampConvention, Station};
    use std::path::PathBuf;

    const CST: i32 = 8 * 3600;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// A store with one station whose PM2.5 hourly values start at CNEMC stamp `date 01:00`.
    fn store_with(code: &str, start: NaiveDate, values: Vec<f32>) -> (Store, StationId) {
        let mut b = Batch::new(PathBuf::from("t.csv"));
        let s = b.station(Station::with_code(code));
        b.chunks.push(Chunk {
            station: s,
            variable: Variable::Pm25,
            kind: SeriesKind::Observed,
            stamp: StampConvention::EndOfHour,
            start: Hour::from_local_date_hour(start, 1, CST),
            values,
        });
        let mut store = Store::new();
        store.merge(b);
        let id = store.stations().find(code).expect("station");
        (store, id)
    }

    #[test]
    fn daily_mean_needs_twenty_hours_and_uses_end_of_hour_stamps() {
        let d = date(2019, 12, 1);
        // 24 stamps 01:00..24:00 of 1 Dec (the last is 00:00 of 2 Dec) then 4 more of 2 Dec.
        let mut v: Vec<f32> = (1..=24).map(|h| h as f32).collect();
        v.extend([100.0; 4]);
        let (store, id) = store_with("1001A", d, v);
        let s = store.observed(id, Variable::Pm25).expect("series");
        assert_eq!(station_daily(s, d, CST, DailyStat::Mean), Some(12.5));
        assert_eq!(
            station_daily(s, d.succ_opt().expect("d"), CST, DailyStat::Mean),
            None,
            "4 hours are not a day"
        );
        // 20 of 24 hours present is valid, 19 is not.
        let mut v = vec![10.0f32; 24];
        v[..4].fill(f32::NAN);
        let (store, id) = store_with("1001A", d, v.clone());
        let s = store.observed(id, Variable::Pm25).expect("series");
        assert_eq!(station_daily(s, d, CST, DailyStat::Mean), Some(10.0));
        v[4] = f32::NAN;
        let (store, id) = store_with("1001A", d, v);
        let s = store.observed(id, Variable::Pm25).expect("series");
        assert_eq!(station_daily(s, d, CST, DailyStat::Mean), None);
    }

    #[test]
    fn max_8h_uses_windows_inside_the_day() {
        let d = date(2019, 7, 1);
        // Stamps 01..24: a plateau of 200 for stamps 13..20 (8 hours) gives a window mean of 200.
        let v: Vec<f32> = (1..=24)
            .map(|h| if (13..=20).contains(&h) { 200.0 } else { 40.0 })
            .collect();
        let (store, id) = store_with("1001A", d, v.clone());
        let s = store.observed(id, Variable::Pm25).expect("series");
        assert_eq!(station_daily(s, d, CST, DailyStat::Max8h), Some(200.0));
        // A window with only 5 values is not valid even when it would be the highest: stamps
        // 17..21 at 300 and 22..24 missing; the window 17..24 (five 300s) is left out, and the
        // best valid one is 16..23 with six values: (40 + 5 × 300) / 6.
        let v2: Vec<f32> = (1..=24)
            .map(|h| match h {
                17..=21 => 300.0,
                22..=24 => f32::NAN,
                _ => 40.0,
            })
            .collect();
        let (store, id) = store_with("1001A", d, v2);
        let s = store.observed(id, Variable::Pm25).expect("series");
        let got = station_daily(s, d, CST, DailyStat::Max8h).expect("valid day");
        assert!((got - (40.0 + 5.0 * 300.0) / 6.0).abs() < 1e-9, "{got}");
        // Stamps 1..k missing: windows ending at 8..24 are valid from k + 6 on, so k = 5 leaves
        // exactly 14 valid windows (a valid day) and k = 6 leaves 13 (no daily maximum).
        for (k, valid) in [(5, true), (6, false)] {
            let mut v3 = v.clone();
            v3[..k].fill(f32::NAN);
            let (store, id) = store_with("1001A", d, v3);
            let s = store.observed(id, Variable::Pm25).expect("series");
            let got = station_daily(s, d, CST, DailyStat::Max8h);
            assert_eq!(got.is_some(), valid, "k = {k}");
            if valid {
                assert_eq!(got, Some(200.0));
            }
        }
    }

    #[test]
    fn area_mean_is_mean_of_valid_station_means() {
        let d = date(2019, 12, 1);
        let mut b = Batch::new(PathBuf::from("t.csv"));
        for (code, value, present) in [("A", 100.0f32, 24), ("B", 51.0, 20), ("C", 500.0, 19)] {
            let s = b.station(Station::with_code(code));
            let mut v = vec![value; 24];
            v[present..].fill(f32::NAN);
            b.chunks.push(Chunk {
                station: s,
                variable: Variable::Pm25,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start: Hour::from_local_date_hour(d, 1, CST),
                values: v,
            });
        }
        let mut store = Store::new();
        store.merge(b);
        let area = Area {
            name: "t".into(),
            stations: vec!["A".into(), "B".into(), "C".into(), "X".into()],
        };
        let (ids, unknown) = area.resolve(&store);
        assert_eq!(unknown, vec!["X".to_string()]);
        let days = area_daily(&store, &ids, Variable::Pm25, DailyStat::Mean, d, d);
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].value, Some(75.5), "C has 19 hours and is left out");
        assert_eq!((days[0].stations_valid, days[0].stations_total), (2, 3));
        let next = area_daily(
            &store,
            &ids,
            Variable::Pm25,
            DailyStat::Mean,
            d.succ_opt().expect("d"),
            d.succ_opt().expect("d"),
        );
        assert_eq!(next[0].value, None);
    }
}
