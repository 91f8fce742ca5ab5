//! The advisor's current advice at the top of the decision tab: the workspace's AQI forecast
//! ([`FORECAST_FILE`] in the workspace folder, any format `ingest::load_forecast` reads) and the
//! measured area AQI of the loaded data (the area's stations from the settings, else every
//! station with pollutants) against the plan and the warning in force. Unfavourable-weather
//! windows are not fed in yet (the weather page brings them).
//!
//! Computed once per data load, forecast file change, hour and journal change, not per frame.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::advisor::{Advice, AdvisorInput, advise};
use crate::domain::aqi;
use crate::domain::plan::Plan;
use crate::domain::response::ResponseState;
use crate::ingest::load_forecast;
use crate::store::{Hour, StampConvention, StationId, Store};

/// The AQI forecast file the advisor reads, in the workspace folder.
pub const FORECAST_FILE: &str = "forecast.csv";

/// Beijing time, the offset of local days.
const CST: i32 = 8 * 3600;

/// What the advice was computed from.
type Key = (u64, Option<SystemTime>, Hour, Option<u64>, String);

/// The advice, or why there is none.
#[derive(Debug, Clone)]
pub enum Advised {
    /// The advisor's answer.
    Advice(Box<Advice>),
    /// No forecast file in the workspace.
    NoForecast(PathBuf),
    /// The forecast file could not be used; the reason names file, line and column.
    BadForecast(String),
}

/// The cached advice.
#[derive(Debug, Default)]
pub struct AdviceCache {
    key: Option<Key>,
    value: Option<Advised>,
}

/// What the advisor looks at, gathered by the page.
pub struct Sources<'a> {
    /// The workspace folder.
    pub root: &'a Path,
    /// Loaded data and its load generation.
    pub store: &'a Store,
    /// Load generation of `store`.
    pub generation: u64,
    /// The desk's area ("" = none).
    pub area: &'a str,
    /// The plan.
    pub plan: &'a Plan,
    /// The response state (the warning in force).
    pub state: &'a ResponseState,
    /// Now.
    pub now: DateTime<FixedOffset>,
}

impl AdviceCache {
    /// The advice for `s`, recomputed when an input changed.
    pub fn get(&mut self, s: &Sources<'_>) -> &Advised {
        let path = s.root.join(FORECAST_FILE);
        let mtime = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let at = Hour::from_utc(s.now.to_utc());
        let key = (
            s.generation,
            mtime,
            at,
            s.state.anchor().map(|a| a.seq),
            s.area.to_owned(),
        );
        if self.key.as_ref() != Some(&key) || self.value.is_none() {
            self.value = Some(compute(s, &path, mtime.is_some(), at));
            self.key = Some(key);
        }
        self.value.get_or_insert(Advised::NoForecast(path))
    }
}

fn compute(s: &Sources<'_>, path: &Path, exists: bool, at: Hour) -> Advised {
    if !exists {
        return Advised::NoForecast(path.to_path_buf());
    }
    let today = s.now.date_naive();
    let (forecast, report) = load_forecast(path, Some(today));
    if forecast.is_empty() {
        let reason = report.problems.first().map_or_else(
            || "no forecast day could be read".to_owned(),
            |p| p.to_string(),
        );
        return Advised::BadForecast(format!("{}: {reason}", path.display()));
    }
    let (hourly, daily) = observed(s.store, s.area);
    let input = AdvisorInput {
        forecast: &forecast,
        issued: None,
        observed_hourly: &hourly,
        observed_daily: &daily,
        windows: &[],
        state: s.state.advisor_state(),
        at,
        utc_offset_s: CST,
    };
    Advised::Advice(Box::new(advise(s.plan, &input)))
}

/// Measured hourly and daily area AQI (HJ 633) of the area's stations.
#[allow(clippy::type_complexity)]
fn observed(store: &Store, area: &str) -> (Vec<(Hour, f32)>, Vec<(NaiveDate, f32)>) {
    let ids: Vec<StationId> = if area.is_empty() {
        aqi::stations_with_pollutants(store)
    } else {
        store.stations().in_area(area)
    };
    let spans: Vec<(Hour, Hour)> = ids
        .iter()
        .filter_map(|id| aqi::pollutant_span(store, *id))
        .collect();
    let (Some(from), Some(to)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let config = aqi::AqiConfig::default();
    // Spans are stamps; averaging hours start up to one hour earlier.
    let hourly = aqi::area_hourly_series(store, &ids, from - 1, to + 1, &config)
        .into_iter()
        .filter_map(|h| Some((h.period_start + 1, f32::from(h.result.aqi?))))
        .collect();
    let first_day = from.day(StampConvention::EndOfHour, CST);
    let last_day = to.day(StampConvention::StartOfHour, CST);
    let daily = aqi::area_daily_series(store, &ids, first_day, last_day, &config)
        .into_iter()
        .filter_map(|d| Some((d.day.date, f32::from(d.day.result.aqi?))))
        .collect();
    (hourly, daily)
}
