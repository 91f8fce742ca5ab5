//! The daily values of an area's stations over a period — the table every area figure is made of
//! (area daily means, station contributions, the dust rule) — with each day marked as computed from
//! the real-time feed or taken from audited daily data.
//!
//! Real-time days: each station's daily statistic from its hourly values (validity as in
//! [`super::area`]). Audited days: a date for which the audited data hold a value for at least one
//! of the area's stations takes the audited values for every station that day (a station the
//! audited data leave out has no value that day); real-time and audited values are never mixed
//! within a day, so an area mean is wholly one or the other.

use chrono::NaiveDate;

use super::aqi::Concentration;
use super::area::{AreaDay, DailyStat, station_value};
use super::audited::AuditedDays;
use crate::store::{StationId, Store, Variable};

/// Where a day's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DaySource {
    /// Computed from the real-time (hourly) feed, which the audited release can change.
    #[default]
    RealTime,
    /// Taken from audited daily data.
    Audited,
}

/// Station × day table of daily values for one variable, exact, with each day's source.
#[derive(Debug, Clone, PartialEq)]
pub struct StationDays {
    first: NaiveDate,
    stations: usize,
    /// `values[day][station]`.
    values: Vec<Vec<Option<Concentration>>>,
    sources: Vec<DaySource>,
}

impl StationDays {
    /// The real-time daily values of `stations` for every date in `from..=to`.
    pub fn observed(
        store: &Store,
        stations: &[StationId],
        variable: Variable,
        stat: DailyStat,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StationDays {
        let series: Vec<Option<(&crate::store::Series, i32)>> = stations
            .iter()
            .map(|&id| {
                let s = store.observed(id, variable)?;
                Some((s, store.stations().get(id).utc_offset_s))
            })
            .collect();
        let values: Vec<Vec<Option<Concentration>>> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .map(|date| {
                series
                    .iter()
                    .map(|s| s.and_then(|(s, offset)| station_value(s, date, offset, stat)))
                    .collect()
            })
            .collect();
        StationDays {
            first: from,
            stations: stations.len(),
            sources: vec![DaySource::RealTime; values.len()],
            values,
        }
    }

    /// The same table with the audited daily values of `variable` in place of the real-time ones
    /// on every date the audited data cover for these stations (`codes` in the order of the
    /// table's stations).
    pub fn with_audited(
        mut self,
        audited: &AuditedDays,
        codes: &[&str],
        variable: Variable,
    ) -> StationDays {
        for (i, (row, source)) in self
            .values
            .iter_mut()
            .zip(self.sources.iter_mut())
            .enumerate()
        {
            let date = self.first + chrono::Days::new(i as u64);
            if !audited.covers(date, codes) {
                continue;
            }
            *source = DaySource::Audited;
            for (cell, code) in row.iter_mut().zip(codes) {
                *cell = audited
                    .get(date, code, variable)
                    .and_then(Concentration::from_f64);
            }
        }
        self
    }

    /// The dates of the table, in order.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.first.iter_days().take(self.values.len())
    }

    /// Each day's source, in date order.
    pub fn sources(&self) -> &[DaySource] {
        &self.sources
    }

    /// Number of stations (columns).
    pub fn station_count(&self) -> usize {
        self.stations
    }

    /// The area's daily values: the exact mean of the valid station values of each day.
    pub fn area_days(&self) -> Vec<AreaDay> {
        self.area_days_where(|_| true)
    }

    /// The area's daily values computed without station `left_out` (a column index): "what would
    /// the area's figure be without this station".
    pub fn area_days_without(&self, left_out: usize) -> Vec<AreaDay> {
        self.area_days_where(|i| i != left_out)
    }

    /// One station's daily values (a column), as area days of a one-station area.
    pub fn station(&self, column: usize) -> Vec<AreaDay> {
        self.dates()
            .zip(&self.values)
            .zip(&self.sources)
            .map(|((date, row), source)| {
                let v = row.get(column).copied().flatten();
                AreaDay {
                    date,
                    value: v.map(Concentration::to_f64),
                    stations_valid: usize::from(v.is_some()),
                    stations_total: 1,
                    source: *source,
                }
            })
            .collect()
    }

    fn area_days_where(&self, keep: impl Fn(usize) -> bool) -> Vec<AreaDay> {
        let total = (0..self.stations).filter(|&i| keep(i)).count();
        self.dates()
            .zip(&self.values)
            .zip(&self.sources)
            .map(|((date, row), source)| {
                let valid: Vec<Concentration> = row
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| keep(*i))
                    .filter_map(|(_, v)| *v)
                    .collect();
                AreaDay {
                    date,
                    stations_valid: valid.len(),
                    value: Concentration::mean(valid).map(Concentration::to_f64),
                    stations_total: total,
                    source: *source,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station};
    use std::path::PathBuf;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 12, d).expect("date")
    }

    /// Stations A (100 on 1 Dec, 40 on 2 Dec) and B (50, then 19 hours only).
    fn store() -> (Store, Vec<StationId>) {
        let mut b = Batch::new(PathBuf::from("t.csv"));
        for (code, day1, day2, hours2) in [("A", 100.0f32, 40.0f32, 24), ("B", 50.0, 60.0, 19)] {
            let s = b.station(Station::with_code(code));
            let mut values = vec![day1; 24];
            let mut second = vec![day2; 24];
            second[hours2..].fill(f32::NAN);
            values.extend(second);
            b.chunks.push(Chunk {
                station: s,
                variable: Variable::Pm25,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start: Hour::from_local_date_hour(date(1), 1, 8 * 3600),
                values,
            });
        }
        let mut store = Store::new();
        store.merge(b);
        let ids = ["A", "B"]
            .iter()
            .map(|c| store.stations().find(c).expect("station"))
            .collect();
        (store, ids)
    }

    #[test]
    fn area_means_with_and_without_a_station() {
        let (store, ids) = store();
        let t = StationDays::observed(
            &store,
            &ids,
            Variable::Pm25,
            DailyStat::Mean,
            date(1),
            date(3),
        );
        let all: Vec<(Option<f64>, usize, usize)> = t
            .area_days()
            .iter()
            .map(|d| (d.value, d.stations_valid, d.stations_total))
            .collect();
        assert_eq!(
            all,
            vec![(Some(75.0), 2, 2), (Some(40.0), 1, 2), (None, 0, 2)]
        );
        let without_a: Vec<Option<f64>> = t.area_days_without(0).iter().map(|d| d.value).collect();
        assert_eq!(without_a, vec![Some(50.0), None, None]);
        assert_eq!(t.area_days_without(0)[0].stations_total, 1);
        let b: Vec<Option<f64>> = t.station(1).iter().map(|d| d.value).collect();
        assert_eq!(b, vec![Some(50.0), None, None]);
        assert!(t.sources().iter().all(|s| *s == DaySource::RealTime));
    }

    #[test]
    fn audited_days_replace_the_whole_day() {
        let (store, ids) = store();
        let mut audited = AuditedDays::default();
        // 2 Dec audited for B only: A has no audited value, so that day's mean is B's 58.
        audited.insert(date(2), "B", Variable::Pm25, 58.0);
        audited.insert(date(3), "Z", Variable::Pm25, 10.0);
        let t = StationDays::observed(
            &store,
            &ids,
            Variable::Pm25,
            DailyStat::Mean,
            date(1),
            date(3),
        )
        .with_audited(&audited, &["A", "B"], Variable::Pm25);
        let days = t.area_days();
        assert_eq!(days[1].value, Some(58.0));
        assert_eq!(days[1].stations_valid, 1);
        assert_eq!(
            t.sources(),
            &[DaySource::RealTime, DaySource::Audited, DaySource::RealTime],
            "a station outside the area does not make its day audited"
        );
        assert_eq!(days[1].source, DaySource::Audited);
    }
}
