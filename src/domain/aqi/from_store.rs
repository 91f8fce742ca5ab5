//! AQI straight from the store: a station's hourly AQI at a stamp, the latest AQI of every
//! station, a station's daily AQI series, and the daily AQI of an area (several stations).
//!
//! Time: hourly results are addressed by the stamp of the station's pollutant series (CNEMC: the
//! END of the averaging hour, Beijing time; should a station's series differ, the convention of
//! the first in table order SO2, NO2, CO, O3, PM10, PM2.5 addresses them all, and each series is
//! read at its own stamp for the same averaging hour); days are local calendar days of the station's UTC
//! offset, cut by each series' [`StampConvention`] (CNEMC stamps 01:00 … 24:00 make a day). With
//! [`StandardChoice::Auto`] an hour or day is under HJ 633-2026 when its averaging period starts
//! on or after 2026-03-01 00:00 Beijing time.

use chrono::NaiveDate;

use crate::store::{Hour, Series, StampConvention, StationId, Store, Variable};

use super::daily::{Validity, daily_max_1h, daily_max_8h, daily_mean};
use super::index::{daily_aqi, hourly_aqi};
use super::{
    AqiResult, Concentration, DailyConcentrations, HourlyConcentrations, Indicator, Pollutant,
    So2Above800, StandardChoice,
};

/// Beijing time, for picking the standard by date.
const BEIJING_UTC_OFFSET_S: i32 = 8 * 3600;

/// How AQI values are computed from the store. `Default` is what the app uses: standard by date,
/// SO2 above 800 as published, GB 3095-2026 validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AqiConfig {
    /// Which standard.
    pub standard: StandardChoice,
    /// HJ 633-2012 only: the SO2 1-hour above 800 µg/m³ rule.
    pub so2_above_800_2012: So2Above800,
    /// Minimum data for daily statistics.
    pub validity: Validity,
}

/// The real-time AQI of one station at one stamp.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyAqi {
    /// The station.
    pub station: StationId,
    /// The stamp on the store's grid, as the station's series stamp it.
    pub stamp: Hour,
    /// What the stamp marks (CNEMC: the end of the averaging hour).
    pub stamp_convention: StampConvention,
    /// The concentrations used.
    pub input: HourlyConcentrations,
    /// The AQI.
    pub result: AqiResult,
}

/// The daily AQI of one station (or area) on one local day.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyAqi {
    /// The local calendar day.
    pub date: NaiveDate,
    /// The daily statistics used (`None` where not valid).
    pub input: DailyConcentrations,
    /// The AQI.
    pub result: AqiResult,
}

/// The daily AQI of an area, with how many stations stood behind each statistic.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaDailyAqi {
    /// Day, statistics (means over the stations) and AQI.
    pub day: DailyAqi,
    /// For each daily indicator, the number of stations with a valid statistic that day.
    pub stations_used: Vec<(Indicator, usize)>,
}

/// The real-time AQI of an area for one averaging hour: per pollutant, the mean of the member
/// stations' 1-hour values that hour (HJ 633: an area's AQI comes from its mean concentrations,
/// not from the mean of station AQIs).
#[derive(Debug, Clone, PartialEq)]
pub struct AreaHourlyAqi {
    /// Start of the averaging hour (UTC grid). CNEMC stamps this hour at `period_start + 1`.
    pub period_start: Hour,
    /// The mean concentrations used.
    pub input: HourlyConcentrations,
    /// The AQI.
    pub result: AqiResult,
    /// Stations with at least one pollutant value that hour.
    pub stations_reporting: usize,
}

/// The store variable holding a pollutant's 1-hour means.
pub fn hourly_variable(pollutant: Pollutant) -> Variable {
    match pollutant {
        Pollutant::So2 => Variable::So2,
        Pollutant::No2 => Variable::No2,
        Pollutant::Co => Variable::Co,
        Pollutant::O3 => Variable::O3,
        Pollutant::Pm10 => Variable::Pm10,
        Pollutant::Pm25 => Variable::Pm25,
    }
}

/// A station's observed pollutant series.
struct StationSeries<'a> {
    series: [Option<&'a Series>; 6],
    so2_24h: Option<&'a Series>,
    convention: StampConvention,
    utc_offset_s: i32,
}

impl<'a> StationSeries<'a> {
    /// `None` when the station has no observed 1-hour pollutant series at all.
    fn of(store: &'a Store, station: StationId) -> Option<Self> {
        let series = Pollutant::ALL.map(|p| store.observed(station, hourly_variable(p)));
        let convention = series.iter().flatten().next()?.stamp();
        Some(StationSeries {
            series,
            so2_24h: store.observed(station, Variable::So2Avg24h),
            convention,
            utc_offset_s: store.stations().get(station).utc_offset_s,
        })
    }

    fn get(&self, p: Pollutant) -> Option<&'a Series> {
        self.series[p as usize]
    }

    /// The 1-hour value of `p` for the averaging hour starting at `period`.
    fn value(&self, p: Pollutant, period: Hour) -> Option<Concentration> {
        let s = self.get(p)?;
        s.get(stamp_of(period, s.stamp()))
            .and_then(Concentration::from_f32)
    }

    fn not_monitored(&self) -> Vec<Pollutant> {
        Pollutant::ALL
            .into_iter()
            .filter(|p| self.get(*p).is_none())
            .collect()
    }

    /// First and last averaging-hour start holding any pollutant value.
    fn period_span(&self) -> Option<(Hour, Hour)> {
        self.series
            .iter()
            .flatten()
            .filter_map(|s| {
                let (a, b) = s.present_span()?;
                Some((period_of(a, s.stamp()), period_of(b, s.stamp())))
            })
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    fn hourly(&self, station: StationId, stamp: Hour, config: &AqiConfig) -> Option<HourlyAqi> {
        let period = period_of(stamp, self.convention);
        let mut input = HourlyConcentrations {
            so2: self.value(Pollutant::So2, period),
            no2: self.value(Pollutant::No2, period),
            co: self.value(Pollutant::Co, period),
            o3: self.value(Pollutant::O3, period),
            pm10: self.value(Pollutant::Pm10, period),
            pm25: self.value(Pollutant::Pm25, period),
            so2_24h: None,
            not_monitored: self.not_monitored(),
        };
        if input.is_empty() {
            return None;
        }
        let limit = Concentration::whole(800);
        if input.so2.is_some_and(|c| limit.is_some_and(|l| c > l)) {
            input.so2_24h = self.so2_24h(period, &config.validity);
        }
        let date = period.to_local(BEIJING_UTC_OFFSET_S).date_naive();
        let standard = config.standard.resolve(date);
        let result = hourly_aqi(&input, standard, config.so2_above_800_2012);
        Some(HourlyAqi {
            station,
            stamp,
            stamp_convention: self.convention,
            input,
            result,
        })
    }

    /// SO2 24-hour moving mean ending with the hour starting at `period`: the source's own
    /// (`SO2_24h`) if loaded, else computed from the 1-hour values (≥ `min_hours_per_day`).
    fn so2_24h(&self, period: Hour, validity: &Validity) -> Option<Concentration> {
        if let Some(s) = self.so2_24h
            && let Some(v) = s.get(stamp_of(period, s.stamp()))
        {
            return Concentration::from_f32(v);
        }
        let hours: Vec<Option<Concentration>> = (0..24)
            .map(|back| self.value(Pollutant::So2, period - back))
            .collect();
        daily_mean(&hours, validity)
    }

    /// The 24 hourly values of `p` on local day `date`, in time order.
    fn day_values(&self, p: Pollutant, date: NaiveDate) -> Vec<Option<Concentration>> {
        let Some(s) = self.get(p) else {
            return vec![None; 24];
        };
        let range = Hour::day_range(date, s.stamp(), self.utc_offset_s);
        (range.start.0..range.end.0)
            .map(|h| s.get(Hour(h)).and_then(Concentration::from_f32))
            .collect()
    }

    fn daily_concentrations(&self, date: NaiveDate, validity: &Validity) -> DailyConcentrations {
        let mean = |p| daily_mean(&self.day_values(p, date), validity);
        let o3 = self.day_values(Pollutant::O3, date);
        DailyConcentrations {
            so2: mean(Pollutant::So2),
            no2: mean(Pollutant::No2),
            co: mean(Pollutant::Co),
            o3_8h_max: daily_max_8h(&o3, validity),
            o3_1h_max: daily_max_1h(&o3, validity),
            pm10: mean(Pollutant::Pm10),
            pm25: mean(Pollutant::Pm25),
            not_monitored: self.not_monitored(),
        }
    }
}

fn shift(convention: StampConvention) -> i64 {
    match convention {
        StampConvention::EndOfHour => 1,
        StampConvention::StartOfHour => 0,
    }
}

/// The start of the averaging hour a stamp stands for.
fn period_of(stamp: Hour, convention: StampConvention) -> Hour {
    stamp - shift(convention)
}

/// The stamp a series gives the averaging hour starting at `period`.
fn stamp_of(period: Hour, convention: StampConvention) -> Hour {
    period + shift(convention)
}

/// Stations holding observed 1-hour pollutant series, sorted by code.
pub fn stations_with_pollutants(store: &Store) -> Vec<StationId> {
    let mut ids: Vec<(String, StationId)> = store
        .stations()
        .iter()
        .filter(|(id, _)| StationSeries::of(store, *id).is_some())
        .map(|(id, s)| (s.code.clone(), id))
        .collect();
    ids.sort();
    ids.into_iter().map(|(_, id)| id).collect()
}

/// First and last stamp (in the station's convention) at which the station has any pollutant
/// value; `None` without pollutant data.
pub fn pollutant_span(store: &Store, station: StationId) -> Option<(Hour, Hour)> {
    let ss = StationSeries::of(store, station)?;
    let (a, b) = ss.period_span()?;
    Some((stamp_of(a, ss.convention), stamp_of(b, ss.convention)))
}

/// The local calendar days (station offset) from the first to the last day with any pollutant
/// value, each day once.
pub fn pollutant_days(store: &Store, station: StationId) -> Option<(NaiveDate, NaiveDate)> {
    let ss = StationSeries::of(store, station)?;
    let (a, b) = ss.period_span()?;
    let day = |h: Hour| h.day(StampConvention::StartOfHour, ss.utc_offset_s);
    Some((day(a), day(b)))
}

/// The real-time AQI of `station` at `stamp`; `None` when no pollutant has a value there.
pub fn station_hourly(
    store: &Store,
    station: StationId,
    stamp: Hour,
    config: &AqiConfig,
) -> Option<HourlyAqi> {
    StationSeries::of(store, station)?.hourly(station, stamp, config)
}

/// The real-time AQI of `station` for every stamp in `from..to` that has any pollutant value.
pub fn station_hourly_series(
    store: &Store,
    station: StationId,
    from: Hour,
    to: Hour,
    config: &AqiConfig,
) -> Vec<HourlyAqi> {
    let Some(ss) = StationSeries::of(store, station) else {
        return Vec::new();
    };
    (from.0..to.0)
        .filter_map(|h| ss.hourly(station, Hour(h), config))
        .collect()
}

/// The latest real-time AQI of every station with pollutant data at or before stamp `at` (the
/// caller's "now"), sorted by station code. Each entry is at the station's last stamp holding
/// any pollutant value.
pub fn latest_hourly(store: &Store, at: Hour, config: &AqiConfig) -> Vec<HourlyAqi> {
    stations_with_pollutants(store)
        .into_iter()
        .filter_map(|id| {
            let ss = StationSeries::of(store, id)?;
            let last_period = ss
                .series
                .iter()
                .flatten()
                .filter_map(|s| {
                    let at_own = stamp_of(period_of(at, ss.convention), s.stamp());
                    let (stamp, _) = s.last_present_at_or_before(at_own)?;
                    Some(period_of(stamp, s.stamp()))
                })
                .max()?;
            ss.hourly(id, stamp_of(last_period, ss.convention), config)
        })
        .collect()
}

/// Daily statistics of `station` on local day `date` (its UTC offset), with the validity rules.
pub fn station_daily_concentrations(
    store: &Store,
    station: StationId,
    date: NaiveDate,
    validity: &Validity,
) -> DailyConcentrations {
    match StationSeries::of(store, station) {
        Some(ss) => ss.daily_concentrations(date, validity),
        None => DailyConcentrations {
            not_monitored: Pollutant::ALL.to_vec(),
            ..Default::default()
        },
    }
}

/// The daily AQI of `station` on local day `date`.
pub fn station_daily(
    store: &Store,
    station: StationId,
    date: NaiveDate,
    config: &AqiConfig,
) -> DailyAqi {
    let input = station_daily_concentrations(store, station, date, &config.validity);
    let result = daily_aqi(&input, config.standard.resolve(date));
    DailyAqi {
        date,
        input,
        result,
    }
}

/// The daily AQI of `station` for every day `from ..= to` (one entry per day, dense; days
/// without valid data have `result.aqi == None`).
pub fn station_daily_series(
    store: &Store,
    station: StationId,
    from: NaiveDate,
    to: NaiveDate,
    config: &AqiConfig,
) -> Vec<DailyAqi> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|d| station_daily(store, station, d, config))
        .collect()
}

/// The daily AQI of an area (a county or city: pass its stations, control sites already left
/// out, e.g. from [`crate::store::StationTable::in_area`]) for every day `from ..= to`. Each
/// daily statistic of the area is the arithmetic mean of the valid statistics of its stations
/// (HJ 663-2013 evaluates a city by the mean of its stations); the AQI is then computed from
/// these means. Whether the national platform takes the area O3 8-hour maximum as the mean of
/// the stations' maxima (done here) or as the maximum of the area's 8-hour means is
/// [UNCONFIRMED]; the two agree when the stations peak in the same hours.
pub fn area_daily_series(
    store: &Store,
    stations: &[StationId],
    from: NaiveDate,
    to: NaiveDate,
    config: &AqiConfig,
) -> Vec<AreaDailyAqi> {
    let members: Vec<StationSeries> = stations
        .iter()
        .filter_map(|id| StationSeries::of(store, *id))
        .collect();
    let not_monitored: Vec<Pollutant> = Pollutant::ALL
        .into_iter()
        .filter(|p| members.iter().all(|m| m.get(*p).is_none()))
        .collect();
    let all_daily = super::daily_indicators(super::Standard::Hj633_2012);
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|date| {
            let per_station: Vec<DailyConcentrations> = members
                .iter()
                .map(|m| m.daily_concentrations(date, &config.validity))
                .collect();
            let mut input = DailyConcentrations {
                not_monitored: not_monitored.clone(),
                ..Default::default()
            };
            let mut stations_used = Vec::new();
            for &indicator in all_daily {
                let values: Vec<Concentration> = per_station
                    .iter()
                    .filter_map(|d| d.get(indicator))
                    .collect();
                stations_used.push((indicator, values.len()));
                input.set(indicator, Concentration::mean(values));
            }
            let result = daily_aqi(&input, config.standard.resolve(date));
            AreaDailyAqi {
                day: DailyAqi {
                    date,
                    input,
                    result,
                },
                stations_used,
            }
        })
        .collect()
}

/// The real-time AQI of an area (several stations) for every averaging hour starting in
/// `from..to` in which any member reports a pollutant.
pub fn area_hourly_series(
    store: &Store,
    stations: &[StationId],
    from: Hour,
    to: Hour,
    config: &AqiConfig,
) -> Vec<AreaHourlyAqi> {
    let members: Vec<StationSeries> = stations
        .iter()
        .filter_map(|id| StationSeries::of(store, *id))
        .collect();
    let not_monitored: Vec<Pollutant> = Pollutant::ALL
        .into_iter()
        .filter(|p| members.iter().all(|m| m.get(*p).is_none()))
        .collect();
    let mean_of = |p: Pollutant, period: Hour| {
        Concentration::mean(members.iter().filter_map(|m| m.value(p, period)))
    };
    (from.0..to.0)
        .map(Hour)
        .filter_map(|period| {
            let stations_reporting = members
                .iter()
                .filter(|m| Pollutant::ALL.iter().any(|p| m.value(*p, period).is_some()))
                .count();
            if stations_reporting == 0 {
                return None;
            }
            let mut input = HourlyConcentrations {
                so2: mean_of(Pollutant::So2, period),
                no2: mean_of(Pollutant::No2, period),
                co: mean_of(Pollutant::Co, period),
                o3: mean_of(Pollutant::O3, period),
                pm10: mean_of(Pollutant::Pm10, period),
                pm25: mean_of(Pollutant::Pm25, period),
                so2_24h: None,
                not_monitored: not_monitored.clone(),
            };
            let limit = Concentration::whole(800);
            if input.so2.is_some_and(|c| limit.is_some_and(|l| c > l)) {
                input.so2_24h = Concentration::mean(
                    members
                        .iter()
                        .filter_map(|m| m.so2_24h(period, &config.validity)),
                );
            }
            let date = period.to_local(BEIJING_UTC_OFFSET_S).date_naive();
            let result = hourly_aqi(
                &input,
                config.standard.resolve(date),
                config.so2_above_800_2012,
            );
            Some(AreaHourlyAqi {
                period_start: period,
                input,
                result,
                stations_reporting,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, Chunk, SeriesKind, Station};
    use std::path::PathBuf;

    const CST: i32 = 8 * 3600;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// A store with one CNEMC-like station: `values` per variable from stamp `start`.
    fn store_with(code: &str, start: Hour, series: &[(Variable, Vec<f32>)]) -> Store {
        let mut batch = Batch::new(PathBuf::from("test.csv"));
        let s = batch.station(Station::with_code(code));
        for (variable, values) in series {
            batch.chunks.push(Chunk {
                station: s,
                variable: *variable,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start,
                values: values.clone(),
            });
        }
        let mut store = Store::new();
        store.merge(batch);
        store
    }

    #[test]
    fn cnemc_day_is_stamps_01_to_24() {
        let d = date(2019, 12, 2);
        let midnight = Hour::from_local_date_hour(d, 0, CST);
        // Stamps 00:00 (belongs to 1 Dec) … 24:00: 25 values. Only the first is high.
        let mut pm = vec![300.0_f32];
        pm.extend([40.0_f32; 24]);
        let store = store_with("1001A", midnight, &[(Variable::Pm25, pm)]);
        let id = store.stations().find("1001A").expect("station");
        let day = station_daily(&store, id, d, &AqiConfig::default());
        assert_eq!(day.input.pm25, Concentration::from_f64(40.0));
        // 40 → 50 + 50·5/40 = 56.25 → 57 (HJ 633-2012, December 2019).
        assert_eq!(day.result.aqi, Some(57));
        assert_eq!(day.result.standard, super::super::Standard::Hj633_2012);
        // 1 December has only its last stamp (00:00 of 2 Dec): not valid.
        let prev = station_daily(&store, id, date(2019, 12, 1), &AqiConfig::default());
        assert_eq!(prev.input.pm25, None);
        assert_eq!(prev.result.aqi, None);
        // Hourly at stamp 00:00 of 2 Dec is the hour 23:00–24:00 of 1 Dec.
        let h = station_hourly(&store, id, midnight, &AqiConfig::default()).expect("hour");
        assert_eq!(h.result.aqi, Some(350));
        assert_eq!(h.stamp_convention, StampConvention::EndOfHour);
        assert_eq!(pollutant_span(&store, id), Some((midnight, midnight + 24)));
        assert_eq!(pollutant_days(&store, id), Some((date(2019, 12, 1), d)));
    }

    #[test]
    fn area_hour_uses_mean_concentrations_not_mean_aqi() {
        let start = Hour::from_local_date_hour(date(2019, 12, 2), 1, CST);
        let mut batch = Batch::new(PathBuf::from("test.csv"));
        for (code, pm) in [("A", 35.0_f32), ("B", 115.0)] {
            let s = batch.station(Station::with_code(code));
            batch.chunks.push(Chunk {
                station: s,
                variable: Variable::Pm25,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start,
                values: vec![pm, f32::NAN],
            });
        }
        let mut store = Store::new();
        store.merge(batch);
        let ids: Vec<StationId> = ["A", "B"]
            .iter()
            .filter_map(|c| store.stations().find(c))
            .collect();
        let cfg = AqiConfig::default();
        let area = area_hourly_series(&store, &ids, start - 2, start + 3, &cfg);
        assert_eq!(area.len(), 1, "one averaging hour with data");
        // Stamp `start` (end of hour) is the hour starting at `start - 1`.
        assert_eq!(area[0].period_start, start - 1);
        assert_eq!(area[0].stations_reporting, 2);
        // Mean PM2.5 75 → IAQI 100 (2012); the mean of the station AQIs (50, 150) would also be
        // 100, so check the concentration itself.
        assert_eq!(area[0].input.pm25, Concentration::from_f64(75.0));
        assert_eq!(area[0].result.aqi, Some(100));
        let one = area_hourly_series(&store, &ids[..1], start - 1, start, &cfg);
        let station = station_hourly(&store, ids[0], start, &cfg).expect("hour");
        assert_eq!(one[0].result, station.result);
    }

    #[test]
    fn auto_standard_switches_with_the_averaging_hour() {
        // Stamp 2026-03-01 00:00 closes the last hour of February; stamp 01:00 opens March.
        let first = Hour::from_local_date_hour(date(2026, 3, 1), 0, CST);
        let store = store_with("1001A", first, &[(Variable::Pm25, vec![60.0, 60.0])]);
        let id = store.stations().find("1001A").expect("station");
        let cfg = AqiConfig::default();
        let feb = station_hourly(&store, id, first, &cfg).expect("hour");
        let mar = station_hourly(&store, id, first + 1, &cfg).expect("hour");
        assert_eq!(feb.result.standard, super::super::Standard::Hj633_2012);
        assert_eq!(feb.result.aqi, Some(82));
        assert_eq!(mar.result.standard, super::super::Standard::Hj633_2026);
        // Only PM2.5 is monitored here, so HJ 633-2026 §5.3 does not withhold the value.
        assert_eq!(mar.result.aqi, Some(100));
    }

    #[test]
    fn so2_24h_falls_back_to_hourly_values() {
        let d = date(2019, 12, 2);
        let start = Hour::from_local_date_hour(d, 1, CST);
        let mut so2 = vec![100.0_f32; 23];
        so2.push(1000.0);
        let store = store_with("1001A", start, &[(Variable::So2, so2)]);
        let id = store.stations().find("1001A").expect("station");
        let cfg = AqiConfig {
            so2_above_800_2012: So2Above800::DailyMeanIaqi,
            ..Default::default()
        };
        let h = station_hourly(&store, id, start + 23, &cfg).expect("hour");
        // 24-h mean = (2300 + 1000)/24 = 137.5 → 138 (half to even) → 50 + 50·88/100 = 94.
        assert_eq!(h.input.so2_24h.map(|c| c.parts()), Some((275, 2)));
        assert_eq!(h.result.aqi, Some(94));
        let published = station_hourly(&store, id, start + 23, &AqiConfig::default());
        assert_eq!(published.and_then(|h| h.result.aqi), Some(200));
    }

    #[test]
    fn series_with_other_stamp_conventions_are_read_for_the_same_hour() {
        // PM10 stamped at the end of the hour (CNEMC), PM2.5 from a source stamping the start.
        let d = date(2019, 12, 2);
        let ten = Hour::from_local_date_hour(d, 10, CST);
        let mut store = store_with("X", ten, &[(Variable::Pm10, vec![50.0, 600.0])]);
        let mut batch = Batch::new(PathBuf::from("start.csv"));
        let s = batch.station(Station::with_code("X"));
        batch.chunks.push(Chunk {
            station: s,
            variable: Variable::Pm25,
            kind: SeriesKind::Observed,
            stamp: StampConvention::StartOfHour,
            start: ten - 1,
            values: vec![75.0, 150.0],
        });
        store.merge(batch);
        let id = store.stations().find("X").expect("X");
        // Stamp 10:00 (end) = hour 09:00–10:00: PM10 50 → 50, PM2.5 (start stamp 09:00) 75 → 100.
        let h = station_hourly(&store, id, ten, &AqiConfig::default()).expect("hour");
        assert_eq!(h.stamp_convention, StampConvention::EndOfHour);
        assert_eq!(h.result.iaqi(Indicator::Pm10OneHour), Some(50));
        assert_eq!(h.result.iaqi(Indicator::Pm25OneHour), Some(100));
        let h = station_hourly(&store, id, ten + 1, &AqiConfig::default()).expect("hour");
        assert_eq!(h.result.iaqi(Indicator::Pm25OneHour), Some(200));
    }

    #[test]
    fn latest_and_area() {
        let d = date(2019, 12, 2);
        let start = Hour::from_local_date_hour(d, 1, CST);
        let mut store = store_with("A", start, &[(Variable::Pm25, vec![40.0; 24])]);
        let mut batch = Batch::new(PathBuf::from("b.csv"));
        let s = batch.station(Station::with_code("B"));
        batch.chunks.push(Chunk {
            station: s,
            variable: Variable::Pm25,
            kind: SeriesKind::Observed,
            stamp: StampConvention::EndOfHour,
            start,
            values: vec![80.0; 20],
        });
        store.merge(batch);
        let a = store.stations().find("A").expect("A");
        let b = store.stations().find("B").expect("B");
        let latest = latest_hourly(&store, start + 100, &AqiConfig::default());
        assert_eq!(latest.len(), 2);
        assert_eq!((latest[0].station, latest[0].stamp), (a, start + 23));
        assert_eq!((latest[1].station, latest[1].stamp), (b, start + 19));
        assert!(latest_hourly(&store, start - 1, &AqiConfig::default()).is_empty());
        let area = area_daily_series(&store, &[a, b], d, d, &AqiConfig::default());
        assert_eq!(area.len(), 1);
        // Mean of 40 and 80 = 60 → 82 (2012).
        assert_eq!(area[0].day.input.pm25, Concentration::from_f64(60.0));
        assert_eq!(area[0].day.result.aqi, Some(82));
        assert!(area[0].stations_used.contains(&(Indicator::Pm25Daily, 2)));
        let series = station_daily_series(&store, a, d, date(2019, 12, 4), &AqiConfig::default());
        assert_eq!(series.len(), 3);
        assert_eq!(series[0].result.aqi, Some(57));
        assert_eq!(series[1].result.aqi, None);
    }
}
