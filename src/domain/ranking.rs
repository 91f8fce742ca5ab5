//! Ranking of areas (CNEMC cities or the user's own groups) by PM2.5, by the composite index
//! (环境空气质量综合指数) and by year-on-year change, as provinces and the ministry publish them
//! (DOMAIN.md §5.3).
//!
//! - Period values: SO2, NO2, PM10 and PM2.5 are the mean of the area's valid daily means; CO is
//!   the 95th percentile of the daily means and O3 the 90th percentile of the daily maximum 8-hour
//!   means (percentiles as HJ 663: k = 1 + (n − 1)·p, linear between neighbours). Daily values and
//!   period values are rounded as published (whole µg/m³, CO to 0.1 mg/m³; GB/T 8170 by default),
//!   the daily ones before they are averaged — as the season budget does, so both pages agree.
//! - Composite index = Σ w_i · C_i / S_i over the six pollutants, S_i the grade-II limits of the
//!   standard in force ([`LimitStandard`]): annual limits for SO2, NO2, PM10, PM2.5, the daily
//!   limits for O3 (8-h) and CO. Weights are 1; the weighted variant is [UNCONFIRMED] and only
//!   offered as a setting. Rounded to two decimals.
//! - Year-on-year change = (this − last year's same period) / last × 100, rounded to 0.1 %; for the
//!   composite index both years use the same limits, or the change would measure the standard.
//! - Smaller is better for every measure; equal (rounded) values share a rank, the next rank skips
//!   ("1, 2, 2, 4"); areas without a value are listed last without a rank.

use chrono::{Months, NaiveDate};

use super::area::{Area, DailyStat, area_daily};
use super::budget::{RoundMode, percent_change};
use crate::store::{Store, Variable};

/// Which standard's limits the composite index divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitStandard {
    /// GB 3095-2012 grade II (until 2026-02-28).
    Gb3095_2012,
    /// GB 3095-2026 transition grade II (2026-03-01 … 2030-12-31).
    Gb3095_2026Transition,
    /// GB 3095-2026 final grade II (from 2031-01-01).
    Gb3095_2026Final,
}

/// The six divisors S_i of the composite index.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// SO2 annual, µg/m³.
    pub so2: f64,
    /// NO2 annual, µg/m³.
    pub no2: f64,
    /// PM10 annual, µg/m³.
    pub pm10: f64,
    /// PM2.5 annual, µg/m³.
    pub pm25: f64,
    /// O3 daily maximum 8-hour mean, µg/m³.
    pub o3_8h: f64,
    /// CO daily, mg/m³.
    pub co: f64,
}

impl LimitStandard {
    /// The standard in force on `date` (Beijing date): GB 3095-2012 before 2026-03-01, the
    /// GB 3095-2026 transition limits to 2030-12-31, the final limits after.
    pub fn for_date(date: NaiveDate) -> LimitStandard {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MAX);
        if date < ymd(2026, 3, 1) {
            LimitStandard::Gb3095_2012
        } else if date < ymd(2031, 1, 1) {
            LimitStandard::Gb3095_2026Transition
        } else {
            LimitStandard::Gb3095_2026Final
        }
    }

    /// The grade-II limits (GB 3095-2012 Table 1; GB 3095-2026 Table 1, DOMAIN.md §1.5).
    pub fn limits(self) -> Limits {
        match self {
            LimitStandard::Gb3095_2012 => Limits {
                so2: 60.0,
                no2: 40.0,
                pm10: 70.0,
                pm25: 35.0,
                o3_8h: 160.0,
                co: 4.0,
            },
            LimitStandard::Gb3095_2026Transition => Limits {
                so2: 60.0,
                no2: 40.0,
                pm10: 60.0,
                pm25: 30.0,
                o3_8h: 160.0,
                co: 4.0,
            },
            LimitStandard::Gb3095_2026Final => Limits {
                so2: 20.0,
                no2: 30.0,
                pm10: 50.0,
                pm25: 25.0,
                o3_8h: 160.0,
                co: 4.0,
            },
        }
    }

    /// Short name for the page and the JSON.
    pub fn label(self) -> &'static str {
        match self {
            LimitStandard::Gb3095_2012 => "GB 3095-2012",
            LimitStandard::Gb3095_2026Transition => "GB 3095-2026 (过渡阶段 transition)",
            LimitStandard::Gb3095_2026Final => "GB 3095-2026 (final)",
        }
    }
}

/// Weights of the six terms of the composite index.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Weights {
    /// SO2.
    pub so2: f64,
    /// NO2.
    pub no2: f64,
    /// PM10.
    pub pm10: f64,
    /// PM2.5.
    pub pm25: f64,
    /// O3.
    pub o3_8h: f64,
    /// CO.
    pub co: f64,
}

impl Default for Weights {
    /// All 1: the published composite index.
    fn default() -> Self {
        Weights {
            so2: 1.0,
            no2: 1.0,
            pm10: 1.0,
            pm25: 1.0,
            o3_8h: 1.0,
            co: 1.0,
        }
    }
}

impl Weights {
    /// PM2.5 × 3, NO2 × 2, O3 × 2, others × 1: described as the HJ 663-2026 "new algorithm" by a
    /// third-party tool, not found in an official text [UNCONFIRMED].
    pub fn weighted_unconfirmed() -> Self {
        Weights {
            pm25: 3.0,
            no2: 2.0,
            o3_8h: 2.0,
            ..Weights::default()
        }
    }
}

/// An area's period concentrations as they enter the index (rounded as published).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Concentrations {
    /// SO2 period mean, µg/m³.
    pub so2: Option<f64>,
    /// NO2 period mean, µg/m³.
    pub no2: Option<f64>,
    /// PM10 period mean, µg/m³.
    pub pm10: Option<f64>,
    /// PM2.5 period mean, µg/m³.
    pub pm25: Option<f64>,
    /// 90th percentile of the daily maximum 8-hour O3 means, µg/m³.
    pub o3_8h_p90: Option<f64>,
    /// 95th percentile of the daily CO means, mg/m³.
    pub co_p95: Option<f64>,
}

impl Concentrations {
    /// Σ w_i · C_i / S_i, rounded to two decimals; `None` unless all six are known.
    pub fn composite_index(&self, limits: &Limits, weights: &Weights) -> Option<f64> {
        let sum = weights.so2 * self.so2? / limits.so2
            + weights.no2 * self.no2? / limits.no2
            + weights.pm10 * self.pm10? / limits.pm10
            + weights.pm25 * self.pm25? / limits.pm25
            + weights.o3_8h * self.o3_8h_p90? / limits.o3_8h
            + weights.co * self.co_p95? / limits.co;
        Some(round_to(sum, 2))
    }
}

/// The p-th percentile (0–100) as HJ 663 defines it: sort ascending, k = 1 + (n − 1)·p/100,
/// s = ⌊k⌋, m = X(s) + (X(s+1) − X(s))·(k − s), with X(n+1) = X(n).
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut x = values.to_vec();
    x.sort_by(f64::total_cmp);
    let n = x.len();
    let k = 1.0 + (n - 1) as f64 * p.clamp(0.0, 100.0) / 100.0;
    let s = (k.floor() as usize).clamp(1, n);
    let xs = x[s - 1];
    let next = if s < n { x[s] } else { xs };
    Some(xs + (next - xs) * (k - s as f64))
}

/// Round to `decimals` places with GB/T 8170 (halves to even).
fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    RoundMode::HalfEven.apply(x * f) / f
}

/// Settings of a ranking.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RankSettings {
    /// The limits; `None` = the standard in force on the period's last day.
    pub standard: Option<LimitStandard>,
    /// Weights of the composite index.
    pub weights: Weights,
    /// Rounding of concentrations before they are compared and enter the index.
    pub rounding: RoundMode,
}

impl Default for RankSettings {
    fn default() -> Self {
        RankSettings {
            standard: None,
            weights: Weights::default(),
            rounding: RoundMode::HalfEven,
        }
    }
}

/// One area over one period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AreaPeriod {
    /// The area's name.
    pub area: String,
    /// Valid PM2.5 days in the period.
    pub pm25_days: u32,
    /// Period concentrations.
    pub concentrations: Concentrations,
    /// Composite index (`None` when a pollutant is missing).
    pub composite: Option<f64>,
}

/// Period values of `area` for `from..=to`.
pub fn area_period(
    store: &Store,
    area: &Area,
    from: NaiveDate,
    to: NaiveDate,
    standard: LimitStandard,
    settings: &RankSettings,
) -> AreaPeriod {
    let (ids, _) = area.resolve(store);
    let round = |x: f64, decimals: i32| match settings.rounding {
        RoundMode::Exact => x,
        mode => {
            let f = 10f64.powi(decimals);
            mode.apply(x * f) / f
        }
    };
    // Daily values as published (rounded), like the budget's c_i.
    let daily = |v: Variable, stat: DailyStat, decimals: i32| -> Vec<f64> {
        area_daily(store, &ids, v, stat, from, to)
            .into_iter()
            .filter_map(|d| d.value)
            .map(|x| round(x, decimals))
            .collect()
    };
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let pm25_daily = daily(Variable::Pm25, DailyStat::Mean, 0);
    let c = Concentrations {
        so2: mean(&daily(Variable::So2, DailyStat::Mean, 0)).map(|x| round(x, 0)),
        no2: mean(&daily(Variable::No2, DailyStat::Mean, 0)).map(|x| round(x, 0)),
        pm10: mean(&daily(Variable::Pm10, DailyStat::Mean, 0)).map(|x| round(x, 0)),
        pm25: mean(&pm25_daily).map(|x| round(x, 0)),
        o3_8h_p90: percentile(&daily(Variable::O3, DailyStat::Max8h, 0), 90.0).map(|x| round(x, 0)),
        co_p95: percentile(&daily(Variable::Co, DailyStat::Mean, 1), 95.0).map(|x| round(x, 1)),
    };
    AreaPeriod {
        area: area.name.clone(),
        pm25_days: pm25_daily.len() as u32,
        concentrations: c,
        composite: c.composite_index(&standard.limits(), &settings.weights),
    }
}

/// What areas are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RankBy {
    /// PM2.5 period mean.
    Pm25,
    /// Composite index.
    Composite,
    /// Year-on-year change of the composite index (the published "change rate").
    Yoy,
    /// Year-on-year change of the PM2.5 mean.
    YoyPm25,
}

impl RankBy {
    /// Decimals the value is rounded to and shown with: whole µg/m³, the index to 0.01, changes
    /// to 0.1 %.
    pub fn decimals(self) -> i32 {
        match self {
            RankBy::Pm25 => 0,
            RankBy::Composite => 2,
            RankBy::Yoy | RankBy::YoyPm25 => 1,
        }
    }
}

/// How far the highlighted area's value must fall to move up (the leader's "how many µg do we
/// need to leave last place"), in the unit of the ranked value. Each is the difference to the
/// value to beat plus one step of the value's displayed rounding, so that the rounded value is
/// then strictly better and the rank really changes.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct RankGap {
    /// To pass the next better area (the nearest strictly better value); `None` when first.
    pub to_pass_next: Option<f64>,
    /// To rank above the third-worst area; `None` when already outside the bottom three, or when
    /// no more than three areas are ranked (every area is in the bottom three).
    pub to_leave_bottom_3: Option<f64>,
}

/// The gap of an area with `value` among the ranked `values` (its own included), for values
/// rounded to `decimals`.
pub fn rank_gap(value: f64, values: &[f64], decimals: i32) -> RankGap {
    let step = 10f64.powi(-decimals);
    let need = |to_beat: f64| round_to(value - to_beat + step, decimals);
    let next = values
        .iter()
        .copied()
        .filter(|&v| v < value)
        .max_by(f64::total_cmp);
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let third_worst = (sorted.len() > 3).then(|| sorted[sorted.len() - 3]);
    RankGap {
        to_pass_next: next.map(need),
        to_leave_bottom_3: third_worst.filter(|&w| value >= w).map(need),
    }
}

/// One row of a ranking.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RankRow {
    /// 1-based rank shared by ties; `None` for an area without a value.
    pub rank: Option<u32>,
    /// The area.
    pub area: String,
    /// The value ranked by (rounded as published).
    pub value: Option<f64>,
    /// Whether this is the user's own area.
    pub highlighted: bool,
    /// This period's values.
    pub current: AreaPeriod,
    /// Last year's same period, when a year-on-year measure was asked for.
    pub previous: Option<AreaPeriod>,
    /// For the highlighted row with a value: how far it must fall to move up (in JSON as the
    /// row's `to_pass_next` and `to_leave_bottom_3`).
    #[serde(flatten)]
    pub gap: Option<RankGap>,
}

/// A whole ranking.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ranking {
    /// What it is ranked by.
    pub by: RankBy,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The limits used for the composite index.
    pub standard: LimitStandard,
    /// Rows, best first, unranked last.
    pub rows: Vec<RankRow>,
}

/// Rank `areas` over `from..=to` by `by`; `highlight` names the user's area.
pub fn rank_areas(
    store: &Store,
    areas: &[Area],
    from: NaiveDate,
    to: NaiveDate,
    by: RankBy,
    settings: &RankSettings,
    highlight: Option<&str>,
) -> Ranking {
    let standard = settings
        .standard
        .unwrap_or_else(|| LimitStandard::for_date(to));
    let year_ago = |d: NaiveDate| d.checked_sub_months(Months::new(12));
    let yoy = matches!(by, RankBy::Yoy | RankBy::YoyPm25);
    let rows: Vec<(AreaPeriod, Option<AreaPeriod>)> = areas
        .iter()
        .map(|a| {
            let cur = area_period(store, a, from, to, standard, settings);
            let prev = if yoy {
                year_ago(from)
                    .zip(year_ago(to))
                    .map(|(f, t)| area_period(store, a, f, t, standard, settings))
            } else {
                None
            };
            (cur, prev)
        })
        .collect();
    let values: Vec<Option<f64>> = rows
        .iter()
        .map(|(cur, prev)| match by {
            RankBy::Pm25 => cur.concentrations.pm25,
            RankBy::Composite => cur.composite,
            RankBy::Yoy => change(cur.composite, prev.as_ref().and_then(|p| p.composite)),
            RankBy::YoyPm25 => change(
                cur.concentrations.pm25,
                prev.as_ref().and_then(|p| p.concentrations.pm25),
            ),
        })
        .collect();
    let ranks = competition_ranks(&values);
    let ranked: Vec<f64> = values.iter().flatten().copied().collect();
    let mut out: Vec<RankRow> = rows
        .into_iter()
        .zip(values)
        .zip(ranks)
        .map(|(((current, previous), value), rank)| RankRow {
            rank,
            gap: value
                .filter(|_| highlight == Some(current.area.as_str()))
                .map(|v| rank_gap(v, &ranked, by.decimals())),
            highlighted: highlight == Some(current.area.as_str()),
            area: current.area.clone(),
            value,
            current,
            previous,
        })
        .collect();
    out.sort_by(|a, b| {
        (a.rank.is_none(), a.rank, &a.area).cmp(&(b.rank.is_none(), b.rank, &b.area))
    });
    Ranking {
        by,
        from,
        to,
        standard,
        rows: out,
    }
}

/// (now − before) / before × 100 rounded to 0.1 %.
fn change(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    let (n, b) = (now?, before?);
    (b > 0.0).then(|| round_to(percent_change(n, b), 1))
}

/// Standard competition ranks ("1, 2, 2, 4"), smaller value = better; `None` values get no rank.
pub fn competition_ranks(values: &[Option<f64>]) -> Vec<Option<u32>> {
    values
        .iter()
        .map(|v| {
            let v = (*v)?;
            let better = values.iter().flatten().filter(|&&o| o < v).count();
            Some(better as u32 + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station};
    use std::path::PathBuf;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let r = competition_ranks(&[Some(50.0), Some(40.0), Some(50.0), None, Some(60.0)]);
        assert_eq!(r, vec![Some(2), Some(1), Some(2), None, Some(4)]);
        let r = competition_ranks(&[Some(-3.2), Some(-3.2), Some(-3.2)]);
        assert_eq!(r, vec![Some(1); 3]);
        assert!(competition_ranks(&[]).is_empty());
    }

    #[test]
    fn gap_to_the_next_better_area_and_out_of_the_bottom_three() {
        // PM2.5 (whole µg/m³): 40, 50, 50, 55, 62, 70. The area at 62 must reach 54 to pass 55
        // (62 − 55 + 1 = 8) and be below the third-worst (55) to leave the bottom three: also 8.
        let v = [40.0, 50.0, 50.0, 55.0, 62.0, 70.0];
        let g = rank_gap(62.0, &v, 0);
        assert_eq!(
            (g.to_pass_next, g.to_leave_bottom_3),
            (Some(8.0), Some(8.0))
        );
        // Last place: 70 − 62 + 1 = 9 to pass, 70 − 55 + 1 = 16 to leave the bottom three.
        let g = rank_gap(70.0, &v, 0);
        assert_eq!(
            (g.to_pass_next, g.to_leave_bottom_3),
            (Some(9.0), Some(16.0))
        );
        // Tied at 50: pass 40 (11); already above the third-worst (55).
        let g = rank_gap(50.0, &v, 0);
        assert_eq!((g.to_pass_next, g.to_leave_bottom_3), (Some(11.0), None));
        // First: nothing to pass.
        assert_eq!(rank_gap(40.0, &v, 0).to_pass_next, None);
        // The third-worst itself must fall one step below its own value.
        assert_eq!(rank_gap(55.0, &v, 0).to_leave_bottom_3, Some(1.0));
        // Composite index to 0.01 and changes to 0.1 %, without float noise.
        let g = rank_gap(9.86, &[8.0, 9.86, 10.7], 2);
        assert_eq!((g.to_pass_next, g.to_leave_bottom_3), (Some(1.87), None));
        let g = rank_gap(-2.3, &[-10.0, -2.3, 0.0, 1.5], 1);
        assert_eq!(
            (g.to_pass_next, g.to_leave_bottom_3),
            (Some(7.8), Some(0.1))
        );
    }

    #[test]
    fn percentile_follows_hj663() {
        // n = 10, p = 90: k = 1 + 9 × 0.9 = 9.1, s = 9: X9 + 0.1 × (X10 − X9) = 9 + 0.1 = 9.1.
        let v: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        assert!((percentile(&v, 90.0).expect("p") - 9.1).abs() < 1e-12);
        // n = 31, p = 95: k = 29.5 → X29 + 0.5 × (X30 − X29).
        let v: Vec<f64> = (1..=31).map(|i| f64::from(i * 2)).collect();
        assert!((percentile(&v, 95.0).expect("p") - 59.0).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 90.0), Some(7.0));
        assert_eq!(percentile(&[1.0, 2.0], 100.0), Some(2.0));
        assert_eq!(percentile(&[], 90.0), None);
    }

    #[test]
    fn composite_index_matches_the_published_example() {
        // DOMAIN.md §5.3 (July example, GB 3095-2012): 21/35 + 39/70 + 9/60 + 15/40 + 192/160 +
        // 0.7/4 = 3.06 (PM2.5, PM10, SO2, NO2, O3, CO).
        let c = Concentrations {
            pm25: Some(21.0),
            pm10: Some(39.0),
            so2: Some(9.0),
            no2: Some(15.0),
            o3_8h_p90: Some(192.0),
            co_p95: Some(0.7),
        };
        let limits = LimitStandard::Gb3095_2012.limits();
        assert_eq!(c.composite_index(&limits, &Weights::default()), Some(3.06));
        // Under the 2026 transition limits PM2.5 and PM10 weigh more: 21/30 + 39/60 + … = 3.25.
        let t = LimitStandard::Gb3095_2026Transition.limits();
        assert_eq!(c.composite_index(&t, &Weights::default()), Some(3.25));
        let w = c.composite_index(&limits, &Weights::weighted_unconfirmed());
        // 3 × 0.6 + 0.557 + 0.15 + 2 × 0.375 + 2 × 1.2 + 0.175 = 5.832
        assert_eq!(w, Some(5.83));
        let missing = Concentrations { co_p95: None, ..c };
        assert_eq!(missing.composite_index(&limits, &Weights::default()), None);
    }

    #[test]
    fn standard_switches_on_2026_03_01_and_2031() {
        assert_eq!(
            LimitStandard::for_date(date(2026, 2, 28)),
            LimitStandard::Gb3095_2012
        );
        assert_eq!(
            LimitStandard::for_date(date(2026, 3, 1)),
            LimitStandard::Gb3095_2026Transition
        );
        assert_eq!(
            LimitStandard::for_date(date(2030, 12, 31)),
            LimitStandard::Gb3095_2026Transition
        );
        assert_eq!(
            LimitStandard::for_date(date(2031, 1, 1)),
            LimitStandard::Gb3095_2026Final
        );
        assert_eq!(LimitStandard::Gb3095_2026Final.limits().pm25, 25.0);
    }

    /// Areas with constant PM2.5: A 80 (2018) → 72 (2019), B 60 → 60, C 60.4 in 2019 only (rounds
    /// to 60 and ties with B), D a station without data.
    #[test]
    fn ranks_areas_by_pm25_and_change() {
        let mut b = Batch::new(PathBuf::from("t.csv"));
        let mut add = |code: &str, area: &str, year: i32, value: f32| {
            let mut st = Station::with_code(code);
            st.area = Some(area.to_string());
            let s = b.station(st);
            b.chunks.push(Chunk {
                station: s,
                variable: Variable::Pm25,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start: Hour::from_local_date_hour(date(year, 12, 1), 1, 8 * 3600),
                values: vec![value; 24 * 3],
            });
        };
        add("A1", "A", 2018, 80.0);
        add("A1", "A", 2019, 72.0);
        add("B1", "B", 2018, 60.0);
        add("B1", "B", 2019, 60.0);
        add("C1", "C", 2019, 60.4);
        let mut st = Station::with_code("D1");
        st.area = Some("D".into());
        b.station(st);
        let mut store = Store::new();
        store.merge(b);
        let areas: Vec<Area> = ["A", "B", "C", "D"]
            .iter()
            .map(|n| Area::city(&store, n))
            .collect();
        let (from, to) = (date(2019, 12, 1), date(2019, 12, 3));
        let r = rank_areas(
            &store,
            &areas,
            from,
            to,
            RankBy::Pm25,
            &RankSettings::default(),
            Some("C"),
        );
        let got: Vec<(&str, Option<u32>, Option<f64>, bool)> = r
            .rows
            .iter()
            .map(|x| (x.area.as_str(), x.rank, x.value, x.highlighted))
            .collect();
        assert_eq!(
            got,
            vec![
                ("B", Some(1), Some(60.0), false),
                ("C", Some(1), Some(60.0), true),
                ("A", Some(3), Some(72.0), false),
                ("D", None, None, false),
            ]
        );
        assert_eq!(r.standard, LimitStandard::Gb3095_2012);
        assert_eq!(r.rows[0].current.pm25_days, 3);
        assert_eq!(r.rows[0].current.composite, None, "no other pollutants");
        let r = rank_areas(
            &store,
            &areas,
            from,
            to,
            RankBy::YoyPm25,
            &RankSettings::default(),
            None,
        );
        let got: Vec<(&str, Option<u32>, Option<f64>)> = r
            .rows
            .iter()
            .map(|x| (x.area.as_str(), x.rank, x.value))
            .collect();
        // A: (72 − 80) / 80 = −10.0 %; B: 0.0 %; C and D have no last year.
        assert_eq!(
            got,
            vec![
                ("A", Some(1), Some(-10.0)),
                ("B", Some(2), Some(0.0)),
                ("C", None, None),
                ("D", None, None),
            ]
        );
        assert!(Area::cities_with(&store, Variable::Pm25).len() == 3);
    }
}
