//! Audited daily data (审核数据): the station daily means the monitoring network releases after its
//! data audit, which can differ from the real-time feed (and from which CNEMC removes sand-and-dust
//! influence, DOMAIN.md §2.9). The accounting uses them for the days they cover and says so
//! ([`DataBasis`]); every other day is computed from the real-time feed.
//!
//! Read by `ingest::load_audited` from the files the user marks as audited (the workspace's
//! `audited/` folder, `airdesk budget --audited FILE`); the format is described there.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::station_days::DaySource;
use crate::store::Variable;

/// Audited daily values by date, station code and pollutant (µg/m³).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditedDays {
    values: BTreeMap<(NaiveDate, String, Variable), f64>,
}

impl AuditedDays {
    /// Keep one value (a later value for the same date, station and pollutant replaces it).
    pub fn insert(&mut self, date: NaiveDate, station: &str, variable: Variable, value: f64) {
        self.values
            .insert((date, station.to_string(), variable), value);
    }

    /// Add every value of `other` (files read one after the other).
    pub fn extend(&mut self, other: AuditedDays) {
        self.values.extend(other.values);
    }

    /// The audited value of a station on a date, if any.
    pub fn get(&self, date: NaiveDate, station: &str, variable: Variable) -> Option<f64> {
        self.values
            .get(&(date, station.to_string(), variable))
            .copied()
    }

    /// Whether the audited data hold any value for one of `stations` on `date`.
    pub fn covers(&self, date: NaiveDate, stations: &[&str]) -> bool {
        let start = (date, String::new(), Variable::ALL[0]);
        self.values
            .range(start..)
            .take_while(|((d, _, _), _)| *d == date)
            .any(|((_, code, _), _)| stations.contains(&code.as_str()))
    }

    /// Number of values held.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Which days of an account come from which data: the label every accounting figure carries.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DataBasis {
    /// Days counted from the real-time feed.
    pub realtime_days: u32,
    /// Days taken from audited data, in date order.
    pub audited_days: Vec<NaiveDate>,
}

impl DataBasis {
    /// The basis of the days `dates` with their sources.
    pub fn of(days: impl IntoIterator<Item = (NaiveDate, DaySource)>) -> DataBasis {
        let mut basis = DataBasis {
            realtime_days: 0,
            audited_days: Vec::new(),
        };
        for (date, source) in days {
            match source {
                DaySource::RealTime => basis.realtime_days += 1,
                DaySource::Audited => basis.audited_days.push(date),
            }
        }
        basis
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 12, d).expect("date")
    }

    #[test]
    fn covers_only_the_stations_asked_for() {
        let mut a = AuditedDays::default();
        a.insert(date(2), "1011A", Variable::Pm25, 80.0);
        a.insert(date(2), "1011A", Variable::Pm25, 81.0);
        a.insert(date(3), "1012A", Variable::Pm10, 120.0);
        assert_eq!(a.len(), 2);
        assert_eq!(a.get(date(2), "1011A", Variable::Pm25), Some(81.0));
        assert!(a.covers(date(2), &["1011A", "1012A"]));
        assert!(!a.covers(date(2), &["1012A"]));
        assert!(a.covers(date(3), &["1012A"]));
        assert!(!a.covers(date(1), &["1011A"]));
    }

    #[test]
    fn basis_counts_which_days_use_which_data() {
        let mixed = DataBasis::of([
            (date(1), DaySource::Audited),
            (date(2), DaySource::Audited),
            (date(3), DaySource::RealTime),
        ]);
        assert_eq!(mixed.audited_days, vec![date(1), date(2)]);
        assert_eq!(mixed.realtime_days, 1);
    }
}
