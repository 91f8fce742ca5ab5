//! The season budget (目标核算): how much PM2.5 the area may still "spend" this campaign and how many
//! heavy-pollution days are left, from the area's daily means (DOMAIN.md §5.1–5.2).
//!
//! Arithmetic (a formulation for the app, not an official formula):
//! - N = season days (1 Oct – 31 Mar: 182, or 183 with a 29 February), `days_elapsed` = season days
//!   up to and including the as-of date, `valid_days` = those with an area daily mean;
//! - c_i = area daily mean rounded as [`Rounding::daily`] says; S = Σ c_i; mean so far = S / valid;
//! - T = the absolute target, or B × (100 − r) / 100 for a decrease of r % on last season's mean B;
//!   the number compared with is T rounded as [`Rounding::target`] says (T_c, default round down);
//! - remaining days = N − days_elapsed; assuming they will all be valid, the season ends with
//!   valid + remaining days, so the remaining allowed mean is R = (T_c × (valid + remaining) − S) /
//!   remaining: the mean that lands the season exactly on T_c;
//! - heavy day: area daily AQI > 200, all pollutants, HJ 633 version by date ([`area_daily_aqi`],
//!   from [`crate::domain::aqi`]). A day without an area AQI falls back to its PM2.5 alone: daily
//!   PM2.5 > 150 µg/m³ is IAQI > 200 in both HJ 633-2012 and HJ 633-2026 (see [`HeavyBasis`]).
//!   Forecast days (PM2.5 daily means) are judged on PM2.5.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};

use super::aqi::{AqiConfig, area_daily_series};
use super::area::AreaDay;
use super::station_days::DaySource;
use crate::store::{StationId, Store};

/// Daily PM2.5 above this (after rounding) is a heavy-pollution day: IAQI 200 ↔ 150 µg/m³ in both
/// HJ 633 tables, and a whole µg/m³ above it is IAQI > 200.
pub const HEAVY_PM25_ABOVE: f64 = 150.0;

/// What the budget could not accept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BudgetError {
    /// The season ends before it starts.
    #[error("the season ends ({to}) before it starts ({from})")]
    SeasonOrder {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// A season text that is not `YYYY-MM-DD..YYYY-MM-DD`.
    #[error("season {0:?} is not FROM..TO with dates as YYYY-MM-DD (e.g. 2019-10-01..2020-03-31)")]
    SeasonFormat(String),
    /// A percentage decrease target without last season's mean.
    #[error("a target given as a % decrease needs last season's mean (baseline)")]
    NoBaseline,
    /// A number out of its sensible range.
    #[error("{what} must be {range}, got {value}")]
    OutOfRange {
        /// Which input.
        what: &'static str,
        /// The allowed range, in words.
        range: &'static str,
        /// The value given.
        value: f64,
    },
}

/// The campaign period (default 1 October – 31 March, editable); both ends included. Always
/// `from ≤ to`, also when read from a settings file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "SeasonFields")]
pub struct Season {
    from: NaiveDate,
    to: NaiveDate,
}

/// A season as stored, checked on the way in.
#[derive(serde::Deserialize)]
struct SeasonFields {
    from: NaiveDate,
    to: NaiveDate,
}

impl TryFrom<SeasonFields> for Season {
    type Error = BudgetError;
    fn try_from(f: SeasonFields) -> Result<Season, BudgetError> {
        Season::new(f.from, f.to)
    }
}

impl Season {
    /// A season from `from` to `to`, both included.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Season, BudgetError> {
        if to < from {
            return Err(BudgetError::SeasonOrder { from, to });
        }
        Ok(Season { from, to })
    }

    /// The autumn–winter campaign starting on 1 October of `start_year` and ending on 31 March of
    /// the next year.
    pub fn campaign(start_year: i32) -> Option<Season> {
        Some(Season {
            from: NaiveDate::from_ymd_opt(start_year, 10, 1)?,
            to: NaiveDate::from_ymd_opt(start_year.checked_add(1)?, 3, 31)?,
        })
    }

    /// The campaign a date falls in (October–March), `None` for April–September.
    pub fn campaign_containing(date: NaiveDate) -> Option<Season> {
        use chrono::Datelike;
        match date.month() {
            10..=12 => Season::campaign(date.year()),
            1..=3 => Season::campaign(date.year() - 1),
            _ => None,
        }
    }

    /// The campaign to account on `date`: the one containing it, else (April–September) the one
    /// that ended on 31 March. `None` only at the ends of the calendar.
    pub fn campaign_for(date: NaiveDate) -> Option<Season> {
        use chrono::Datelike;
        Season::campaign_containing(date).or_else(|| Season::campaign(date.year() - 1))
    }

    /// Parse `FROM..TO`, dates as `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Season, BudgetError> {
        let bad = || BudgetError::SeasonFormat(text.to_string());
        let (a, b) = text.trim().split_once("..").ok_or_else(bad)?;
        let from = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").map_err(|_| bad())?;
        let to = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").map_err(|_| bad())?;
        Season::new(from, to)
    }

    /// First day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// Last day (included).
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Number of days (N): 182 for 1 Oct – 31 Mar, 183 when that February has 29 days.
    pub fn days(&self) -> u32 {
        (self.to - self.from).num_days() as u32 + 1
    }

    /// Whether `date` is in the season.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The same period one year earlier (29 February maps to 28 February), for year-on-year.
    pub fn previous_year(&self) -> Option<Season> {
        Some(Season {
            from: self.from.checked_sub_months(Months::new(12))?,
            to: self.to.checked_sub_months(Months::new(12))?,
        })
    }

    /// Season days up to and including `as_of` (0 before the start, N after the end).
    pub fn days_elapsed(&self, as_of: NaiveDate) -> u32 {
        if as_of < self.from {
            0
        } else {
            ((as_of - self.from).num_days() + 1).min(i64::from(self.days())) as u32
        }
    }
}

impl std::fmt::Display for Season {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

/// How a concentration is rounded to a whole µg/m³.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundMode {
    /// GB/T 8170 (四舍六入五成双): halves go to the even neighbour. The rule HJ 633-2026 §4.2.2 and
    /// HJ 663 refer to for concentrations.
    #[default]
    HalfEven,
    /// Halves go up (四舍五入), as many spreadsheets do.
    HalfUp,
    /// Not rounded.
    Exact,
}

impl RoundMode {
    /// Round `x` (float noise below 1e-9 is removed first, so 67.5 computed as 67.4999999999 is a
    /// half).
    pub fn apply(self, x: f64) -> f64 {
        let x = snap(x);
        match self {
            RoundMode::HalfEven => x.round_ties_even(),
            RoundMode::HalfUp => (x + 0.5).floor(),
            RoundMode::Exact => x,
        }
    }
}

/// How the target is turned into the number the season mean is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetRounding {
    /// Round down to a whole µg/m³ (67.2 → 67): the cautious reading of "round-down target".
    #[default]
    Floor,
    /// GB/T 8170 rounding to a whole µg/m³.
    Nearest,
    /// Compare with the exact target.
    Exact,
}

impl TargetRounding {
    /// The target as compared.
    pub fn apply(self, t: f64) -> f64 {
        match self {
            TargetRounding::Floor => snap(t).floor(),
            TargetRounding::Nearest => RoundMode::HalfEven.apply(t),
            TargetRounding::Exact => t,
        }
    }
}

/// The rounding convention of the budget. Official practice is not confirmed (DOMAIN.md §5.2
/// [UNCONFIRMED]), so every step is a setting; the interface states it in a sentence
/// (`crate::i18n`) wherever a budget is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Rounding {
    /// The area daily mean c_i (default GB/T 8170 to integers).
    pub daily: RoundMode,
    /// The season mean when shown and compared with the target (default GB/T 8170).
    pub mean: RoundMode,
    /// The target (default round down).
    pub target: TargetRounding,
}

/// Remove float noise so that values meant to be exact (halves, whole targets) are.
fn snap(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

/// The PM2.5 target.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetForm {
    /// An absolute season mean, µg/m³.
    Mean(f64),
    /// A decrease in % of last season's same-period mean.
    DecreasePercent(f64),
}

/// What the heavy-day count is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeavyBasis {
    /// Area daily AQI > 200 from all pollutants; days without an AQI judged on PM2.5 alone.
    DailyAqi,
    /// Area daily PM2.5 > 150 µg/m³ only (no AQI was given; PM10- or O3-driven heavy days are
    /// not counted).
    Pm25,
}

/// An area's daily AQI, as far as it decides heavy days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DayAqi {
    /// Local calendar date.
    pub date: NaiveDate,
    /// The daily AQI; when the standard withholds it (an indicator missing) but a sub-index
    /// already exceeds 200, that sub-index (the AQI is at least that). `None` otherwise.
    pub aqi: Option<u16>,
}

/// The area's daily AQI for `from..=to` (standard by date, [`AqiConfig::default`]): area daily
/// statistics are the means of the stations' valid statistics, as for PM2.5.
pub fn area_daily_aqi(
    store: &Store,
    stations: &[StationId],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<DayAqi> {
    area_daily_series(store, stations, from, to, &AqiConfig::default())
        .into_iter()
        .map(|d| DayAqi {
            date: d.day.date,
            aqi: d.day.result.aqi.or_else(|| {
                d.day
                    .result
                    .max_sub_index()
                    .filter(|&m| f64::from(m) > HEAVY_AQI_ABOVE)
            }),
        })
        .collect()
}

/// A daily AQI above this is a heavy-pollution day (重度污染 and worse).
pub const HEAVY_AQI_ABOVE: f64 = 200.0;

/// The user's settings for the season budget.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BudgetSettings {
    /// The campaign period.
    pub season: Season,
    /// Last season's same-period mean PM2.5 (B), µg/m³; needed for a % target and year-on-year.
    pub baseline: Option<f64>,
    /// The PM2.5 target.
    pub target: TargetForm,
    /// Heavy-pollution days allowed this season, if there is such a target.
    pub heavy_target: Option<u32>,
    /// The rounding convention.
    pub rounding: Rounding,
}

impl BudgetSettings {
    /// The exact target mean T, µg/m³.
    pub fn target_mean(&self) -> Result<f64, BudgetError> {
        if let Some(b) = self.baseline
            && !(b.is_finite() && b > 0.0)
        {
            return Err(BudgetError::OutOfRange {
                what: "the baseline",
                range: "a positive number of µg/m³",
                value: b,
            });
        }
        match self.target {
            TargetForm::Mean(t) if t.is_finite() && t > 0.0 => Ok(t),
            TargetForm::Mean(t) => Err(BudgetError::OutOfRange {
                what: "the target mean",
                range: "a positive number of µg/m³",
                value: t,
            }),
            TargetForm::DecreasePercent(p) if !(p.is_finite() && (0.0..100.0).contains(&p)) => {
                Err(BudgetError::OutOfRange {
                    what: "the target decrease",
                    range: "from 0 to below 100 %",
                    value: p,
                })
            }
            TargetForm::DecreasePercent(p) => {
                let b = self.baseline.ok_or(BudgetError::NoBaseline)?;
                // B × (100 − r) / 100 keeps whole-number inputs exact (50 × 96 / 100 = 48).
                Ok(b * (100.0 - p) / 100.0)
            }
        }
    }
}

/// One row of the daily ledger (逐日台账).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LedgerRow {
    /// Local calendar date.
    pub date: NaiveDate,
    /// Season day number, 1-based.
    pub day: u32,
    /// Area daily mean, unrounded; `None` when no station had a valid day.
    pub exact: Option<f64>,
    /// Area daily mean as counted (c_i, rounded per the convention).
    pub value: Option<f64>,
    /// Area daily AQI (all pollutants), when known.
    pub aqi: Option<u16>,
    /// Stations with a valid daily mean / stations in the area.
    pub stations_valid: usize,
    /// Stations in the area.
    pub stations_total: usize,
    /// Real-time or audited.
    pub source: DaySource,
    /// Whether the day is left out of the mean (a marked dust day); heavy days still count it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub excluded: bool,
    /// Whether the day is a heavy-pollution day.
    pub heavy: bool,
    /// Σ c_i up to and including this day.
    pub cumulative_sum: f64,
    /// Valid days up to and including this day.
    pub valid_days: u32,
    /// Mean so far after this day (unrounded).
    pub mean_so_far: Option<f64>,
    /// Remaining allowed mean after this day (`None` after the last season day).
    pub remaining_allowed_mean: Option<f64>,
    /// Heavy days so far.
    pub heavy_days: u32,
}

/// The state of the season budget at the as-of date.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Budget {
    /// The settings it was computed with.
    pub settings: BudgetSettings,
    /// Last day counted.
    pub as_of: NaiveDate,
    /// Season days (N).
    pub season_days: u32,
    /// Season days up to and including `as_of`.
    pub days_elapsed: u32,
    /// Elapsed days with a valid area daily mean (n).
    pub valid_days: u32,
    /// Elapsed days without one.
    pub missing_days: u32,
    /// Elapsed days with a valid mean left out of it (marked dust days).
    pub excluded_days: u32,
    /// Season days after `as_of`.
    pub remaining_days: u32,
    /// Σ c_i over the valid days.
    pub sum_so_far: f64,
    /// S / n, unrounded; `None` before the first valid day.
    pub mean_so_far: Option<f64>,
    /// The mean so far rounded as the convention says (what is shown and compared).
    pub mean_so_far_rounded: Option<f64>,
    /// Exact target mean T.
    pub target_mean: f64,
    /// The target as compared (T_c).
    pub target_compared: f64,
    /// The mean the remaining days may average to end exactly on T_c (may be negative: the
    /// target can no longer be met); `None` when no day remains.
    pub remaining_allowed_mean: Option<f64>,
    /// Whether the rounded mean so far is at or under the compared target.
    pub on_track: Option<bool>,
    /// Heavy days so far.
    pub heavy_days: u32,
    /// Heavy-day target minus heavy days so far (negative: overspent).
    pub heavy_days_left: Option<i64>,
    /// What a heavy day is based on.
    pub heavy_basis: HeavyBasis,
    /// (mean so far − B) / B × 100, when B is known: against last season's whole-season mean.
    pub change_vs_baseline_percent: Option<f64>,
    /// One row per elapsed season day.
    pub ledger: Vec<LedgerRow>,
}

/// The season budget of the area `stations` as of the day before `now` (only whole days count);
/// `Err` says why there is none (the season has not started, or the settings are unusable).
pub fn season_to_date(
    store: &Store,
    stations: &[StationId],
    settings: &BudgetSettings,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Budget, String> {
    let as_of = (now - chrono::Duration::days(1)).date_naive();
    let season = settings.season;
    if as_of < season.from() {
        return Err(format!("the season starts on {}", season.from()));
    }
    let to = as_of.min(season.to());
    let days = super::area::area_daily(
        store,
        stations,
        crate::store::Variable::Pm25,
        super::area::DailyStat::Mean,
        season.from(),
        to,
    );
    let aqi = area_daily_aqi(store, stations, season.from(), to);
    compute(settings, &days, &aqi, to, &Default::default()).map_err(|e| e.to_string())
}

/// Compute the budget from the area's daily PM2.5 means and daily AQI (any range; days outside
/// the season or after `as_of` are ignored). With `aqi` empty, heavy days are judged on PM2.5
/// alone ([`HeavyBasis::Pm25`]). Days in `excluded` (marked dust days) are left out of the mean
/// like missing days, but still count as heavy days: CNEMC removes dust from the PM averages and
/// keeps it in the heavy-day ratio (DOMAIN.md §5.1).
pub fn compute(
    settings: &BudgetSettings,
    days: &[AreaDay],
    aqi: &[DayAqi],
    as_of: NaiveDate,
    excluded: &BTreeSet<NaiveDate>,
) -> Result<Budget, BudgetError> {
    let target_mean = settings.target_mean()?;
    let target_compared = settings.rounding.target.apply(target_mean);
    let season = settings.season;
    let n_total = season.days();
    let elapsed = season.days_elapsed(as_of);
    let by_date: BTreeMap<NaiveDate, &AreaDay> = days.iter().map(|d| (d.date, d)).collect();
    let aqi_by_date: BTreeMap<NaiveDate, u16> =
        aqi.iter().filter_map(|d| Some((d.date, d.aqi?))).collect();

    let mut ledger = Vec::with_capacity(elapsed as usize);
    let (mut sum, mut valid, mut heavy, mut left_out) = (0.0f64, 0u32, 0u32, 0u32);
    for (i, date) in season.from().iter_days().take(elapsed as usize).enumerate() {
        let day_no = i as u32 + 1;
        let entry = by_date.get(&date);
        let exact = entry.and_then(|d| d.value);
        let value = exact.map(|x| settings.rounding.daily.apply(x));
        let day_aqi = aqi_by_date.get(&date).copied();
        let is_heavy = match day_aqi {
            Some(a) => f64::from(a) > HEAVY_AQI_ABOVE,
            None => value.is_some_and(|c| c > HEAVY_PM25_ABOVE),
        };
        let is_excluded = value.is_some() && excluded.contains(&date);
        match value {
            Some(_) if is_excluded => left_out += 1,
            Some(c) => {
                sum += c;
                valid += 1;
            }
            None => {}
        }
        heavy += u32::from(is_heavy);
        let remaining = n_total - day_no;
        ledger.push(LedgerRow {
            date,
            day: day_no,
            exact,
            value,
            aqi: day_aqi,
            stations_valid: entry.map_or(0, |d| d.stations_valid),
            stations_total: entry.map_or(0, |d| d.stations_total),
            source: entry.map_or(DaySource::RealTime, |d| d.source),
            excluded: is_excluded,
            heavy: is_heavy,
            cumulative_sum: sum,
            valid_days: valid,
            mean_so_far: (valid > 0).then(|| sum / f64::from(valid)),
            remaining_allowed_mean: remaining_allowed(target_compared, sum, valid, remaining),
            heavy_days: heavy,
        });
    }
    let remaining_days = n_total - elapsed;
    let mean_so_far = (valid > 0).then(|| sum / f64::from(valid));
    let mean_so_far_rounded = mean_so_far.map(|m| settings.rounding.mean.apply(m));
    Ok(Budget {
        settings: *settings,
        as_of,
        season_days: n_total,
        days_elapsed: elapsed,
        valid_days: valid,
        missing_days: elapsed - valid - left_out,
        excluded_days: left_out,
        remaining_days,
        sum_so_far: sum,
        mean_so_far,
        mean_so_far_rounded,
        target_mean,
        target_compared,
        remaining_allowed_mean: remaining_allowed(target_compared, sum, valid, remaining_days),
        on_track: mean_so_far_rounded.map(|m| m <= target_compared),
        heavy_days: heavy,
        heavy_days_left: settings
            .heavy_target
            .map(|t| i64::from(t) - i64::from(heavy)),
        heavy_basis: if aqi.is_empty() {
            HeavyBasis::Pm25
        } else {
            HeavyBasis::DailyAqi
        },
        change_vs_baseline_percent: settings
            .baseline
            .zip(mean_so_far)
            .map(|(b, m)| percent_change(m, b)),
        ledger,
    })
}

/// R = (T_c × (n + remaining) − S) / remaining.
fn remaining_allowed(target: f64, sum: f64, valid: u32, remaining: u32) -> Option<f64> {
    (remaining > 0).then(|| (target * f64::from(valid + remaining) - sum) / f64::from(remaining))
}

/// (now − before) / before × 100.
pub fn percent_change(now: f64, before: f64) -> f64 {
    (now - before) / before * 100.0
}

/// What a forecast episode (consecutive days from the day after as-of) does to the budget.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EpisodeCost {
    /// Forecast days taken (at most the remaining days).
    pub days: u32,
    /// Of those, heavy days.
    pub heavy_days: u32,
    /// µg/m³ the episode lifts the final season mean above the target path: Σ (c_j − R) / (n +
    /// remaining), i.e. how far above T_c the season ends if every other remaining day sits at R.
    pub added_to_season_mean: f64,
    /// The remaining allowed mean for the days after the episode (`None` if none remain).
    pub remaining_allowed_after: Option<f64>,
    /// Heavy days left after the episode.
    pub heavy_days_left_after: Option<i64>,
}

/// The cost of forecast daily means `forecast` (µg/m³, rounded like observed days) on the budget.
/// One value is "a forecast heavy day"; several are a whole episode.
pub fn episode_cost(budget: &Budget, forecast: &[f64]) -> Option<EpisodeCost> {
    let r = budget.remaining_allowed_mean?;
    let taken: Vec<f64> = forecast
        .iter()
        .take(budget.remaining_days as usize)
        .map(|&c| budget.settings.rounding.daily.apply(c))
        .collect();
    let m = taken.len() as u32;
    let heavy = taken.iter().filter(|&&c| c > HEAVY_PM25_ABOVE).count() as u32;
    let final_days = f64::from(budget.valid_days + budget.remaining_days);
    let spent: f64 = taken.iter().sum();
    Some(EpisodeCost {
        days: m,
        heavy_days: heavy,
        added_to_season_mean: taken.iter().map(|c| c - r).sum::<f64>() / final_days,
        remaining_allowed_after: remaining_allowed(
            budget.target_compared,
            budget.sum_so_far + spent,
            budget.valid_days + m,
            budget.remaining_days - m,
        ),
        heavy_days_left_after: budget.heavy_days_left.map(|l| l - i64::from(heavy)),
    })
}

/// A projection of the season mean (what-if).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WhatIf {
    /// Projected season mean, unrounded.
    pub projected_mean: f64,
    /// Projected season mean rounded as the convention says.
    pub projected_rounded: f64,
    /// Whether the rounded projection is at or under the compared target.
    pub meets_target: bool,
    /// Projected heavy days (observed + forecast; the rest-of-season assumption adds none).
    pub projected_heavy_days: u32,
}

/// Project the season mean: the days so far, then `forecast` daily means, then `rest_mean` for every
/// remaining day after the forecast: (S + Σ forecast + (remaining − m) × rest) / (n + remaining).
pub fn what_if(budget: &Budget, forecast: &[f64], rest_mean: f64) -> WhatIf {
    let rounding = budget.settings.rounding;
    let taken: Vec<f64> = forecast
        .iter()
        .take(budget.remaining_days as usize)
        .map(|&c| rounding.daily.apply(c))
        .collect();
    let rest_days = budget.remaining_days - taken.len() as u32;
    let total_days = budget.valid_days + budget.remaining_days;
    let projected_mean = if total_days == 0 {
        0.0
    } else {
        (budget.sum_so_far + taken.iter().sum::<f64>() + f64::from(rest_days) * rest_mean)
            / f64::from(total_days)
    };
    let projected_rounded = rounding.mean.apply(projected_mean);
    WhatIf {
        projected_mean,
        projected_rounded,
        meets_target: projected_rounded <= budget.target_compared,
        projected_heavy_days: budget.heavy_days
            + taken.iter().filter(|&&c| c > HEAVY_PM25_ABOVE).count() as u32,
    }
}

/// Year-on-year change over the same dates: this period's and last year's means of valid daily
/// values (rounded like the budget's), and the change in %.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SamePeriodChange {
    /// Mean of this period's valid days.
    pub current_mean: f64,
    /// Mean of last year's valid days over the same dates.
    pub previous_mean: f64,
    /// Valid days this period.
    pub current_days: u32,
    /// Valid days last year.
    pub previous_days: u32,
    /// (current − previous) / previous × 100.
    pub percent: f64,
}

/// Compare `current` with `previous` (last year's days for the same dates), both already limited
/// to the period compared. `None` when either has no valid day.
pub fn same_period_change(
    current: &[AreaDay],
    previous: &[AreaDay],
    rounding: RoundMode,
) -> Option<SamePeriodChange> {
    let mean = |days: &[AreaDay]| {
        let vals: Vec<f64> = days
            .iter()
            .filter_map(|d| d.value)
            .map(|v| rounding.apply(v))
            .collect();
        (!vals.is_empty()).then(|| (vals.iter().sum::<f64>() / vals.len() as f64, vals.len()))
    };
    let (c, cn) = mean(current)?;
    let (p, pn) = mean(previous)?;
    (p > 0.0).then(|| SamePeriodChange {
        current_mean: c,
        previous_mean: p,
        current_days: cn as u32,
        previous_days: pn as u32,
        percent: percent_change(c, p),
    })
}

/// The PM2.5 daily means a daily AQI forecast allows at most, for the days right after `as_of`
/// (consecutive; the first day without a forecast ends the episode): the concentration at which
/// the PM2.5 24-hour index reaches the forecast's upper AQI (HJ 633 table by date). The AQI is the
/// largest sub-index, so PM2.5's index is at most the AQI whatever the primary pollutant: this is
/// an upper bound, exact when PM2.5 is primary at the top of the range.
pub fn forecast_pm25(
    forecast: &[crate::domain::advisor::ForecastDay],
    as_of: NaiveDate,
) -> Vec<f64> {
    let by_date: BTreeMap<NaiveDate, &crate::domain::advisor::ForecastDay> =
        forecast.iter().map(|d| (d.date, d)).collect();
    as_of
        .iter_days()
        .skip(1)
        .map_while(|date| forecast_day_pm25(by_date.get(&date)?))
        .collect()
}

/// The PM2.5 daily mean one forecast day allows at most (see [`forecast_pm25`]).
pub fn forecast_day_pm25(day: &crate::domain::advisor::ForecastDay) -> Option<f64> {
    use super::aqi::{Indicator, StandardChoice, concentration_at};
    let aqi = f64::from(day.aqi_max.max(day.aqi_min));
    let standard = StandardChoice::Auto.resolve(day.date);
    concentration_at(standard, Indicator::Pm25Daily, aqi)
}

/// The last day up to `up_to` (included) with a valid area mean: the natural "as of" date of a
/// budget (the CLI's default, and the page's with `up_to` = the last day complete at "now").
pub fn last_valid_day(days: &[AreaDay], up_to: NaiveDate) -> Option<NaiveDate> {
    days.iter()
        .rev()
        .filter(|d| d.date <= up_to)
        .find(|d| d.value.is_some())
        .map(|d| d.date)
}

/// Year-on-year over the same dates: the season's days up to `as_of` against the same dates one
/// year earlier, read from the store (`None` when the store lacks either year). `days` are the
/// area's daily means of this season.
pub fn same_period_last_year(
    store: &Store,
    ids: &[StationId],
    days: &[AreaDay],
    season: Season,
    as_of: NaiveDate,
    rounding: RoundMode,
) -> Option<SamePeriodChange> {
    use super::area::{DailyStat, area_daily};
    let end = as_of.min(season.to());
    let prev = Season::new(season.from(), end).ok()?.previous_year()?;
    let previous = area_daily(
        store,
        ids,
        crate::store::Variable::Pm25,
        DailyStat::Mean,
        prev.from(),
        prev.to(),
    );
    let current: Vec<AreaDay> = days.iter().filter(|d| d.date <= end).copied().collect();
    same_period_change(&current, &previous, rounding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Render, Tr};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn day(date: NaiveDate, value: Option<f64>) -> AreaDay {
        AreaDay {
            date,
            value,
            stations_valid: usize::from(value.is_some()),
            stations_total: 1,
            source: Default::default(),
        }
    }

    fn settings(season: Season, target: TargetForm) -> BudgetSettings {
        BudgetSettings {
            season,
            baseline: Some(70.0),
            target,
            heavy_target: Some(10),
            rounding: Rounding::default(),
        }
    }

    #[test]
    fn campaign_has_182_or_183_days() {
        let days = |y| Season::campaign(y).expect("season").days();
        assert_eq!(days(2019), 183, "Feb 2020 has 29 days");
        assert_eq!(days(2018), 182);
        assert_eq!(days(2023), 183);
        assert_eq!(days(2027), 183);
        assert_eq!(days(2099), 182, "2100 is not a leap year");
        assert_eq!(days(2025), 182);
        let s = Season::campaign_containing(date(2020, 2, 29)).expect("season");
        assert_eq!((s.from(), s.to()), (date(2019, 10, 1), date(2020, 3, 31)));
        assert_eq!(Season::campaign_containing(date(2020, 7, 1)), None);
        assert_eq!(
            Season::parse("2019-10-01..2020-03-31"),
            Ok(Season::campaign(2019).expect("season"))
        );
        assert!(matches!(
            Season::parse("2020-03-31..2019-10-01"),
            Err(BudgetError::SeasonOrder { .. })
        ));
        assert!(matches!(
            Season::parse("2019-10-01"),
            Err(BudgetError::SeasonFormat(_))
        ));
        let json = r#"{"from":"2020-03-31","to":"2019-10-01"}"#;
        assert!(
            serde_json::from_str::<Season>(json).is_err(),
            "order checked"
        );
        let ok: Season =
            serde_json::from_str(r#"{"from":"2019-10-01","to":"2020-03-31"}"#).expect("season");
        assert_eq!(ok.days(), 183);
        let leap = Season::parse("2020-02-29..2020-03-31").expect("season");
        let prev = leap.previous_year().expect("previous");
        assert_eq!(prev.from(), date(2019, 2, 28));
        let s = Season::campaign(2019).expect("season");
        assert_eq!(s.days_elapsed(date(2019, 9, 30)), 0);
        assert_eq!(s.days_elapsed(date(2019, 10, 1)), 1);
        assert_eq!(s.days_elapsed(date(2019, 12, 31)), 92);
        assert_eq!(s.days_elapsed(date(2020, 6, 1)), 183);
    }

    #[test]
    fn rounding_modes_differ_on_halves_only() {
        assert_eq!(RoundMode::HalfEven.apply(66.5), 66.0);
        assert_eq!(RoundMode::HalfEven.apply(67.5), 68.0);
        assert_eq!(RoundMode::HalfUp.apply(66.5), 67.0);
        assert_eq!(RoundMode::HalfEven.apply(66.51), 67.0);
        assert_eq!(RoundMode::Exact.apply(66.5), 66.5);
        // 0.1 * 3 * 225 = 67.50000000000001 in floating point: still a half.
        assert_eq!(RoundMode::HalfEven.apply(0.1 * 3.0 * 225.0), 68.0);
        assert_eq!(RoundMode::HalfEven.apply(66.5 - 1e-12), 66.0);
        assert_eq!(TargetRounding::Floor.apply(67.2), 67.0);
        assert_eq!(TargetRounding::Nearest.apply(67.6), 68.0);
        assert_eq!(TargetRounding::Exact.apply(67.2), 67.2);
        // 48 computed with float noise must not floor to 47.
        assert_eq!(TargetRounding::Floor.apply(47.999_999_999_999_99), 48.0);
        let text = Rounding::default().render(Tr(Language::Zh));
        assert!(
            text.contains("GB/T 8170") && text.contains("向下取整"),
            "{text}"
        );
        let en = Rounding::default().render(Tr(Language::En));
        assert!(en.contains("rounded down"));
    }

    #[test]
    fn targets_from_decrease_or_absolute() {
        let s = Season::campaign(2019).expect("season");
        let mut st = settings(s, TargetForm::DecreasePercent(4.0));
        assert_eq!(st.target_mean(), Ok(67.2));
        st.baseline = Some(50.0);
        assert_eq!(st.target_mean(), Ok(48.0));
        st.baseline = None;
        assert_eq!(st.target_mean(), Err(BudgetError::NoBaseline));
        st.target = TargetForm::Mean(60.0);
        assert_eq!(st.target_mean(), Ok(60.0));
        st.target = TargetForm::DecreasePercent(120.0);
        assert!(matches!(
            st.target_mean(),
            Err(BudgetError::OutOfRange { .. })
        ));
        st.target = TargetForm::Mean(-1.0);
        assert!(st.target_mean().is_err());
    }

    /// A 10-day season worked by hand.
    ///
    /// Target 4 % below 70 → T = 67.2, compared as 67. Days 1–5 (as of day 5): 60.4, 80.5, missing,
    /// 151.2, 150.5 → rounded 60, 80 (80.5 halves to even), –, 151, 150 (150.5 → 150, not heavy).
    /// S = 441 over n = 4 valid days; mean 110.25 → 110. Remaining 5 days; the season ends with
    /// 4 + 5 = 9 valid days, so R = (67 × 9 − 441) / 5 = (603 − 441) / 5 = 32.4. Heavy days: 1
    /// (151), so with a target of 10, 9 are left.
    #[test]
    fn budget_worked_by_hand() {
        let season = Season::new(date(2019, 12, 1), date(2019, 12, 10)).expect("season");
        let st = settings(season, TargetForm::DecreasePercent(4.0));
        let vals = [
            Some(60.4),
            Some(80.5),
            None,
            Some(151.2),
            Some(150.5),
            Some(999.0),
        ];
        let days: Vec<AreaDay> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| day(date(2019, 12, 1 + i as u32), *v))
            .collect();
        let b = compute(&st, &days, &[], date(2019, 12, 5), &BTreeSet::new()).expect("budget");
        assert_eq!(b.season_days, 10);
        assert_eq!(b.days_elapsed, 5);
        assert_eq!(b.valid_days, 4);
        assert_eq!(b.missing_days, 1);
        assert_eq!(b.remaining_days, 5);
        assert_eq!(b.sum_so_far, 441.0);
        assert_eq!(b.mean_so_far, Some(110.25));
        assert_eq!(b.mean_so_far_rounded, Some(110.0));
        assert_eq!(b.target_mean, 67.2);
        assert_eq!(b.target_compared, 67.0);
        assert!((b.remaining_allowed_mean.expect("R") - 32.4).abs() < 1e-12);
        assert_eq!(b.on_track, Some(false));
        assert_eq!(b.heavy_days, 1);
        assert_eq!(b.heavy_days_left, Some(9));
        let yoy = b.change_vs_baseline_percent.expect("yoy");
        assert!((yoy - (110.25 - 70.0) / 70.0 * 100.0).abs() < 1e-12);
        // Ledger: one row per elapsed day, with the running numbers.
        assert_eq!(b.ledger.len(), 5);
        let r2 = &b.ledger[1];
        assert_eq!(
            (r2.value, r2.cumulative_sum, r2.valid_days),
            (Some(80.0), 140.0, 2)
        );
        assert_eq!(r2.remaining_allowed_mean, Some((67.0 * 10.0 - 140.0) / 8.0));
        assert_eq!(b.ledger[2].value, None);
        assert_eq!(
            b.ledger[2].remaining_allowed_mean,
            Some((67.0 * 9.0 - 140.0) / 7.0)
        );
        assert!(b.ledger[3].heavy && !b.ledger[4].heavy);
        // Day 6 (999) is after as-of and not counted.
        assert_eq!(b.ledger.last().map(|r| r.date), Some(date(2019, 12, 5)));

        // Half-up rounding changes two days: 80.5 → 81 and 150.5 → 151 (now heavy).
        let mut up = st;
        up.rounding.daily = RoundMode::HalfUp;
        let b2 = compute(&up, &days, &[], date(2019, 12, 5), &BTreeSet::new()).expect("budget");
        assert_eq!(b2.sum_so_far, 443.0);
        assert_eq!(b2.heavy_days, 2);
        // Exact rounding: S = 442.6, T_c still 67 with the floor.
        let mut exact = st;
        exact.rounding.daily = RoundMode::Exact;
        let b3 = compute(&exact, &days, &[], date(2019, 12, 5), &BTreeSet::new()).expect("budget");
        assert!((b3.sum_so_far - 442.6).abs() < 1e-9);
        assert_eq!(b3.heavy_days, 2, "150.5 > 150 when not rounded");
    }

    /// A marked dust day leaves the mean like a missing day but stays a heavy day.
    #[test]
    fn excluded_days_leave_the_mean_and_keep_heavy_days() {
        let season = Season::new(date(2019, 12, 1), date(2019, 12, 10)).expect("season");
        let st = settings(season, TargetForm::Mean(60.0));
        let days: Vec<AreaDay> = [40.0, 160.0, 50.0]
            .iter()
            .enumerate()
            .map(|(i, v)| day(date(2019, 12, 1 + i as u32), Some(*v)))
            .collect();
        let dust = BTreeSet::from([date(2019, 12, 2), date(2019, 12, 9)]);
        let b = compute(&st, &days, &[], date(2019, 12, 3), &dust).expect("budget");
        assert_eq!((b.valid_days, b.excluded_days, b.missing_days), (2, 1, 0));
        assert_eq!(b.mean_so_far, Some(45.0));
        assert_eq!(b.heavy_days, 1);
        assert!(b.ledger[1].excluded && b.ledger[1].heavy);
        assert_eq!(
            b.ledger[1].value,
            Some(160.0),
            "the ledger still shows the day"
        );
        // R = (60 × (2 + 7) − 90) / 7: the dust day is not part of the final count either.
        assert_eq!(b.remaining_allowed_mean, Some((540.0 - 90.0) / 7.0));
        let all = compute(&st, &days, &[], date(2019, 12, 3), &BTreeSet::new()).expect("budget");
        assert_eq!(all.mean_so_far, Some(250.0 / 3.0));
    }

    #[test]
    fn forecast_episode_and_what_if() {
        let season = Season::new(date(2019, 12, 1), date(2019, 12, 10)).expect("season");
        let mut st = settings(season, TargetForm::Mean(60.0));
        st.heavy_target = Some(2);
        let days: Vec<AreaDay> = (1..=4)
            .map(|d| day(date(2019, 12, d), Some(50.0)))
            .collect();
        let b = compute(&st, &days, &[], date(2019, 12, 4), &BTreeSet::new()).expect("budget");
        // S = 200, n = 4, remaining 6: R = (60 × 10 − 200) / 6 = 66.67.
        let r = b.remaining_allowed_mean.expect("R");
        assert!((r - 400.0 / 6.0).abs() < 1e-12);
        // A heavy day at 200: (200 − R) / 10 above the path; R after = (600 − 400) / 5 = 40.
        let one = episode_cost(&b, &[200.0]).expect("cost");
        assert_eq!((one.days, one.heavy_days), (1, 1));
        assert!((one.added_to_season_mean - (200.0 - r) / 10.0).abs() < 1e-12);
        assert_eq!(one.remaining_allowed_after, Some(40.0));
        assert_eq!(one.heavy_days_left_after, Some(1));
        // An episode longer than the season is cut at the season end; nothing remains after it.
        let long = episode_cost(&b, &[160.0; 9]).expect("cost");
        assert_eq!(long.days, 6);
        assert_eq!(long.remaining_allowed_after, None);
        assert_eq!(long.heavy_days_left_after, Some(-4));
        // What-if: two forecast days at 100, then 40 for the other four: (200 + 200 + 160) / 10.
        let w = what_if(&b, &[100.0, 100.0], 40.0);
        assert_eq!(w.projected_mean, 56.0);
        assert!(w.meets_target);
        let w = what_if(&b, &[151.0, 100.0], 60.0);
        // (200 + 251 + 240) / 10 = 69.1 → 69 > 60.
        assert!((w.projected_mean - 69.1).abs() < 1e-12);
        assert_eq!(w.projected_rounded, 69.0);
        assert!(!w.meets_target);
        assert_eq!(w.projected_heavy_days, 1);
    }

    #[test]
    fn heavy_days_follow_the_daily_aqi_and_fall_back_to_pm25() {
        let season = Season::new(date(2019, 12, 1), date(2019, 12, 10)).expect("season");
        let st = settings(season, TargetForm::Mean(60.0));
        let days: Vec<AreaDay> = [100.0, 151.0, 140.0]
            .iter()
            .enumerate()
            .map(|(i, v)| day(date(2019, 12, 1 + i as u32), Some(*v)))
            .collect();
        // 1 Dec: PM2.5 100 but a dust day with AQI 230 (PM10); 2 Dec: no AQI, PM2.5 151;
        // 3 Dec: AQI 180.
        let aqi = [
            DayAqi {
                date: date(2019, 12, 1),
                aqi: Some(230),
            },
            DayAqi {
                date: date(2019, 12, 2),
                aqi: None,
            },
            DayAqi {
                date: date(2019, 12, 3),
                aqi: Some(180),
            },
        ];
        let b = compute(&st, &days, &aqi, date(2019, 12, 3), &BTreeSet::new()).expect("budget");
        let heavy: Vec<bool> = b.ledger.iter().map(|r| r.heavy).collect();
        assert_eq!(heavy, vec![true, true, false]);
        assert_eq!(b.heavy_basis, HeavyBasis::DailyAqi);
        assert_eq!(b.ledger[0].aqi, Some(230));
        let pm = compute(&st, &days, &[], date(2019, 12, 3), &BTreeSet::new()).expect("budget");
        assert_eq!(pm.heavy_days, 1);
        assert_eq!(pm.heavy_basis, HeavyBasis::Pm25);
    }

    #[test]
    fn season_over_leaves_no_remaining_mean() {
        let season = Season::new(date(2019, 12, 1), date(2019, 12, 2)).expect("season");
        let st = settings(season, TargetForm::Mean(60.0));
        let days = [day(date(2019, 12, 1), Some(10.0))];
        let b = compute(&st, &days, &[], date(2020, 1, 1), &BTreeSet::new()).expect("budget");
        assert_eq!((b.days_elapsed, b.remaining_days, b.valid_days), (2, 0, 1));
        assert_eq!(b.remaining_allowed_mean, None);
        assert!(episode_cost(&b, &[200.0]).is_none());
        // Before the season: nothing elapsed, R = T.
        let b = compute(&st, &days, &[], date(2019, 11, 1), &BTreeSet::new()).expect("budget");
        assert_eq!((b.days_elapsed, b.mean_so_far), (0, None));
        assert_eq!(b.remaining_allowed_mean, Some(60.0));
        assert_eq!(b.on_track, None);
    }

    proptest::proptest! {
        /// Spending exactly R on every remaining day lands the season on the compared target,
        /// and an episode's cost is how far above it the season then ends.
        #[test]
        fn remaining_allowed_mean_lands_on_the_target(
            values in proptest::collection::vec(proptest::option::of(0.0f64..600.0), 0..60),
            elapsed in 0u32..90,
            target in 10.0f64..120.0,
            episode in proptest::collection::vec(0.0f64..400.0, 1..5),
        ) {
            let season = Season::new(date(2019, 10, 1), date(2019, 12, 29)).expect("season");
            let days: Vec<AreaDay> = values
                .iter()
                .enumerate()
                .map(|(i, v)| day(date(2019, 10, 1) + chrono::Duration::days(i as i64), *v))
                .collect();
            let mut st = settings(season, TargetForm::Mean(target));
            st.rounding.target = TargetRounding::Exact;
            st.rounding.mean = RoundMode::Exact;
            let as_of = date(2019, 9, 30) + chrono::Duration::days(i64::from(elapsed));
            let b = compute(&st, &days, &[], as_of, &BTreeSet::new()).expect("budget");
            proptest::prop_assert_eq!(b.days_elapsed + b.remaining_days, 90);
            proptest::prop_assert_eq!(b.valid_days + b.missing_days, b.days_elapsed);
            if let Some(r) = b.remaining_allowed_mean {
                let w = what_if(&b, &[], r);
                proptest::prop_assert!((w.projected_mean - target).abs() < 1e-9);
                let cost = episode_cost(&b, &episode).expect("cost");
                let rest = b.remaining_days - cost.days;
                let episode_sum: f64 = episode
                    .iter()
                    .take(cost.days as usize)
                    .map(|&c| RoundMode::HalfEven.apply(c))
                    .sum();
                let final_days = f64::from(b.valid_days + b.remaining_days);
                let ends_at = (b.sum_so_far + episode_sum + f64::from(rest) * r) / final_days;
                proptest::prop_assert!((ends_at - target - cost.added_to_season_mean).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn same_period_change_uses_rounded_valid_days() {
        let cur = [
            day(date(2019, 12, 1), Some(99.6)),
            day(date(2019, 12, 2), None),
        ];
        let prev = [
            day(date(2018, 12, 1), Some(120.0)),
            day(date(2018, 12, 2), Some(80.0)),
        ];
        let c = same_period_change(&cur, &prev, RoundMode::HalfEven).expect("change");
        assert_eq!((c.current_mean, c.previous_mean), (100.0, 100.0));
        assert_eq!((c.current_days, c.previous_days), (1, 2));
        assert_eq!(c.percent, 0.0);
        assert!(same_period_change(&cur, &[], RoundMode::HalfEven).is_none());
    }

    #[test]
    fn forecast_aqi_becomes_pm25_upper_bounds_for_the_following_days() {
        use crate::domain::advisor::ForecastDay;
        let day = |d: u32, lo: f32, hi: f32| ForecastDay {
            date: date(2019, 12, d),
            aqi_min: lo,
            aqi_max: hi,
            primary: Vec::new(),
        };
        // AQI 200 ↔ 150 µg/m³, 250 ↔ 200 (HJ 633-2012: 150–250 µg/m³ over 200–300), 100 ↔ 75.
        let f = [
            day(10, 150.0, 200.0),
            day(11, 200.0, 250.0),
            day(12, 80.0, 100.0),
            day(14, 300.0, 300.0),
        ];
        let got = forecast_pm25(&f, date(2019, 12, 9));
        assert_eq!(
            got,
            vec![150.0, 200.0, 75.0],
            "13 December is missing: the episode ends"
        );
        assert!(forecast_pm25(&f, date(2019, 12, 10))[0] == 200.0);
        // The 2026 table (from 1 March 2026): AQI 100 ↔ 60 µg/m³.
        let late = [ForecastDay {
            date: date(2026, 3, 2),
            aqi_min: 100.0,
            aqi_max: 100.0,
            primary: Vec::new(),
        }];
        assert_eq!(forecast_pm25(&late, date(2026, 3, 1)), vec![60.0]);
    }
}
