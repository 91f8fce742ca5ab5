//! The one daily AQI value each day is judged by: measured days before today (if the plan counts
//! them), then forecast days, whose ranges are reduced to one value by the plan's range rule.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::plan::{Level, Plan, RangePoint};

use super::forecast::{ForecastDay, PrimaryPollutant};

/// Where a day's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DaySource {
    /// A measured daily AQI (a past day).
    Observed,
    /// A forecast range reduced by the range rule.
    Forecast,
    /// Today raised to the measured level by the nowcast trigger.
    Nowcast,
}

/// One day as the advisor judged it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct JudgedDay {
    /// Local calendar day.
    pub date: NaiveDate,
    /// The daily AQI the triggers were checked against.
    pub value: f32,
    /// Where the value came from.
    pub source: DaySource,
    /// The forecast range, for forecast days.
    pub range: Option<(f32, f32)>,
    /// Which point of the range was used, for forecast days.
    pub basis: Option<RangePoint>,
    /// Primary pollutant(s) the forecast names.
    pub primary: Vec<PrimaryPollutant>,
    /// Whether the day is driven by an advisory-path cause (O3, dust) and therefore kept out of
    /// the coloured-warning evaluation.
    pub advisory: bool,
    /// The highest level whose trigger this day takes part in (none when it takes part in none).
    pub level: Level,
}

/// Forecast days further ahead than this are ignored (a mistyped year must not make a series of
/// thousands of days); real forecasts reach 7–15 days.
pub(crate) const MAX_HORIZON_DAYS: u64 = 60;

/// Consecutive local days from `first`, each with a value or a hole (no data).
#[derive(Debug, Clone)]
pub(crate) struct DaySeries {
    pub first: NaiveDate,
    pub days: Vec<Option<JudgedDay>>,
    /// Forecast days dropped for lying beyond [`MAX_HORIZON_DAYS`].
    pub beyond_horizon: usize,
}

impl DaySeries {
    /// The index of `date`, if it lies in the series.
    pub fn index(&self, date: NaiveDate) -> Option<usize> {
        let i = (date - self.first).num_days();
        usize::try_from(i).ok().filter(|&i| i < self.days.len())
    }

    /// The date of index `i`.
    pub fn date(&self, i: usize) -> NaiveDate {
        self.first
            .checked_add_days(chrono::Days::new(i as u64))
            .unwrap_or(NaiveDate::MAX)
    }

    /// Values for the warning evaluation: advisory days and holes are `None`.
    pub fn warning_values(&self) -> Vec<Option<f32>> {
        self.days
            .iter()
            .map(|d| d.as_ref().filter(|d| !d.advisory).map(|d| d.value))
            .collect()
    }

    /// Values for the advisory evaluation: only advisory days.
    pub fn advisory_values(&self) -> Vec<Option<f32>> {
        self.days
            .iter()
            .map(|d| d.as_ref().filter(|d| d.advisory).map(|d| d.value))
            .collect()
    }
}

/// Build the series: up to `lookback` measured days before `today` (when the plan counts them)
/// and every forecast day from `today` on. Forecast days before today are stale and ignored.
pub(crate) fn build(
    plan: &Plan,
    forecast: &[ForecastDay],
    observed_daily: &[(NaiveDate, f32)],
    today: NaiveDate,
    lookback: u64,
) -> DaySeries {
    let horizon = today
        .checked_add_days(chrono::Days::new(MAX_HORIZON_DAYS))
        .unwrap_or(NaiveDate::MAX);
    let mut by_date: BTreeMap<NaiveDate, &ForecastDay> = BTreeMap::new();
    let mut beyond_horizon = 0;
    for f in forecast.iter().filter(|f| f.date >= today) {
        if f.date > horizon {
            beyond_horizon += 1;
        } else {
            by_date.entry(f.date).or_insert(f);
        }
    }
    let first = if plan.rules.count_observed_days {
        today
            .checked_sub_days(chrono::Days::new(lookback))
            .unwrap_or(today)
    } else {
        today
    };
    let last = by_date
        .keys()
        .next_back()
        .copied()
        .unwrap_or(today)
        .max(today);
    let observed: BTreeMap<NaiveDate, f32> = observed_daily
        .iter()
        .filter(|(_, v)| v.is_finite())
        .map(|&(d, v)| (d, v))
        .collect();
    // Heavy days measured just before today already belong to the episode the forecast continues.
    let measured_heavy = if plan.rules.count_observed_days {
        (1..=lookback)
            .filter_map(|k| today.checked_sub_days(chrono::Days::new(k)))
            .take_while(|d| {
                observed
                    .get(d)
                    .is_some_and(|&v| v > plan.rules.forecast_range.long_episode_above)
            })
            .count()
    } else {
        0
    };
    let long = long_episode_days(plan, &by_date, today, measured_heavy);
    let causes = &plan.rules.advisory.causes;
    let days = first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| {
            if date < today {
                return observed.get(&date).map(|&value| JudgedDay {
                    date,
                    value,
                    source: DaySource::Observed,
                    range: None,
                    basis: None,
                    primary: Vec::new(),
                    advisory: false,
                    level: Level::None,
                });
            }
            by_date.get(&date).map(|f| {
                let rule = &plan.rules.forecast_range;
                let basis = if long.contains(&date) {
                    rule.long_episode
                } else {
                    rule.normal
                };
                JudgedDay {
                    date,
                    value: basis.pick(f.aqi_min, f.aqi_max),
                    source: DaySource::Forecast,
                    range: Some((f.aqi_min, f.aqi_max)),
                    basis: Some(basis),
                    primary: f.primary.clone(),
                    advisory: !f.primary.is_empty() && f.primary.iter().all(|p| causes.contains(p)),
                    level: Level::None,
                }
            })
        })
        .collect();
    DaySeries {
        first,
        days,
        beyond_horizon,
    }
}

/// Days inside a run of at least `long_episode_days` consecutive forecast days whose upper bound
/// exceeds `long_episode_above` ("≥ 3 days of heavy pollution may occur"). A run starting today
/// also counts the `measured_heavy` days measured just before.
fn long_episode_days(
    plan: &Plan,
    by_date: &BTreeMap<NaiveDate, &ForecastDay>,
    today: NaiveDate,
    measured_heavy: usize,
) -> Vec<NaiveDate> {
    let rule = &plan.rules.forecast_range;
    let mut out = Vec::new();
    let mut run: Vec<NaiveDate> = Vec::new();
    let flush = |run: &mut Vec<NaiveDate>, out: &mut Vec<NaiveDate>| {
        let head = if run.first() == Some(&today) {
            measured_heavy
        } else {
            0
        };
        if run.len() + head >= rule.long_episode_days as usize {
            out.append(run);
        }
        run.clear();
    };
    for (date, f) in by_date {
        let continues = run.last().is_some_and(|l| l.succ_opt() == Some(*date));
        if !continues {
            flush(&mut run, &mut out);
        }
        if f.aqi_max > rule.long_episode_above {
            run.push(*date);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}
