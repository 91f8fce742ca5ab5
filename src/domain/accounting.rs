//! The accounting a leader asks for, in one computation shared by the Targets page and
//! `airdesk budget`: the season budget with and without the marked dust days, each station's
//! contribution, the dust-day candidates, the festival days' cost, year-on-year, and which days
//! come from real-time and which from audited data.
//!
//! Every figure is the desk's own estimate from the data it has: real-time data unless audited
//! daily data cover a day ([`DataBasis`] says which).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::area::DailyStat;
use super::audited::{AuditedDays, DataBasis};
use super::budget::{
    self, Budget, BudgetError, BudgetSettings, SamePeriodChange, area_daily_aqi, compute,
};
use super::contributions::{StationContribution, station_contributions};
use super::dust::{DustCandidate, DustRule, candidates};
use super::festival_cost::{FestivalCost, festival_cost, fireworks_days, same_day_last_year};
use super::station_days::StationDays;
use crate::store::{StationId, Store, Variable};

/// Which day the account is made up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOf {
    /// This day (the CLI's `--as-of`).
    Date(NaiveDate),
    /// The last day up to this one with a valid area mean (the page: yesterday at the app's now).
    LastValidUpTo(NaiveDate),
}

/// What the account is computed from besides the store.
#[derive(Debug, Clone, Copy)]
pub struct AccountingInput<'a> {
    /// Season, target and rounding.
    pub settings: BudgetSettings,
    /// The last day counted.
    pub as_of: AsOf,
    /// Audited daily data (empty: all real-time).
    pub audited: &'a AuditedDays,
    /// The days the desk marked as sand-and-dust days.
    pub dust_days: &'a BTreeSet<NaiveDate>,
    /// The rule proposing dust-day candidates.
    pub dust_rule: DustRule,
    /// PM2.5 assumed for a coming fireworks day when last year's is not loaded, µg/m³.
    pub festival_assumed: Option<f64>,
}

/// Why there is no account.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AccountingError {
    /// No day of the season up to the given day has a valid area mean.
    #[error("no valid daily PM2.5 mean (≥ 20 hourly values) in the season up to {0}")]
    NoValidDay(NaiveDate),
    /// The settings cannot make a budget.
    #[error(transparent)]
    Budget(#[from] BudgetError),
}

/// The whole account of one area.
#[derive(Debug, Clone, PartialEq)]
pub struct Accounting {
    /// The budget with every valid day counted.
    pub budget: Budget,
    /// The same budget with the marked dust days left out of the mean (扣沙).
    pub without_dust: Budget,
    /// Year-on-year over the same dates, when last year's data are loaded.
    pub same_period: Option<SamePeriodChange>,
    /// Each station's contribution to the mean so far, largest first.
    pub contributions: Vec<StationContribution>,
    /// Days up to as-of that the dust rule proposes.
    pub dust_candidates: Vec<DustCandidate>,
    /// What the fireworks days cost.
    pub festival: FestivalCost,
    /// Which counted days are real-time and which audited.
    pub basis: DataBasis,
}

/// The account of the area made of `stations`.
pub fn account(
    store: &Store,
    stations: &[StationId],
    input: &AccountingInput<'_>,
) -> Result<Accounting, AccountingError> {
    let settings = &input.settings;
    let season = settings.season;
    let table = |variable, from, to| area_table(store, stations, input.audited, variable, from, to);
    let pm25 = table(Variable::Pm25, season.from(), season.to());
    let days = pm25.area_days();
    let as_of = match input.as_of {
        AsOf::Date(d) => d,
        AsOf::LastValidUpTo(d) => {
            budget::last_valid_day(&days, d).ok_or(AccountingError::NoValidDay(d))?
        }
    };
    let aqi = area_daily_aqi(store, stations, season.from(), season.to());
    let none = BTreeSet::new();
    let all = compute(settings, &days, &aqi, as_of, &none)?;
    let without_dust = compute(settings, &days, &aqi, as_of, input.dust_days)?;
    let names: Vec<(String, String)> = stations
        .iter()
        .map(|&id| {
            let s = store.stations().get(id);
            (s.code.clone(), s.label().to_string())
        })
        .collect();
    let pm10 = table(Variable::Pm10, season.from(), as_of.min(season.to()));
    let mut last_year_days = Vec::new();
    for date in fireworks_days(season).iter().filter_map(same_day_last_year) {
        last_year_days.extend(table(Variable::Pm25, date, date).area_days());
    }
    Ok(Accounting {
        same_period: budget::same_period_last_year(
            store,
            stations,
            &days,
            season,
            as_of,
            settings.rounding.daily,
        ),
        contributions: station_contributions(&pm25, &names, settings, as_of, &none),
        dust_candidates: candidates(&days, &pm10.area_days(), &input.dust_rule),
        festival: festival_cost(&all, &last_year_days, input.festival_assumed),
        basis: DataBasis::of(
            all.ledger
                .iter()
                .filter(|r| r.value.is_some())
                .map(|r| (r.date, r.source)),
        ),
        budget: all,
        without_dust,
    })
}

/// The daily means of `stations` for `from..=to`, audited where audited data cover a day.
fn area_table(
    store: &Store,
    stations: &[StationId],
    audited: &AuditedDays,
    variable: Variable,
    from: NaiveDate,
    to: NaiveDate,
) -> StationDays {
    let codes: Vec<&str> = stations
        .iter()
        .map(|&id| store.stations().get(id).code.as_str())
        .collect();
    StationDays::observed(store, stations, variable, DailyStat::Mean, from, to)
        .with_audited(audited, &codes, variable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::{Rounding, Season, TargetForm};
    use crate::domain::station_days::DaySource;
    use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station};
    use std::path::PathBuf;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 3, d).expect("date")
    }

    /// Synthetic area of two stations over 14–16 March 2021 (daily PM2.5, PM10): A (60, 100),
    /// (80, 120), (150, 900); B (40, 80), (60, 100), (130, 700). 16 March is a dust day.
    fn store() -> (Store, Vec<StationId>) {
        let mut b = Batch::new(PathBuf::from("t.csv"));
        for (code, pm25, pm10) in [
            ("A", [60.0f32, 80.0, 150.0], [100.0f32, 120.0, 900.0]),
            ("B", [40.0, 60.0, 130.0], [80.0, 100.0, 700.0]),
        ] {
            let s = b.station(Station::with_code(code));
            for (variable, days) in [(Variable::Pm25, pm25), (Variable::Pm10, pm10)] {
                b.chunks.push(Chunk {
                    station: s,
                    variable,
                    kind: SeriesKind::Observed,
                    stamp: StampConvention::EndOfHour,
                    start: Hour::from_local_date_hour(date(14), 1, 8 * 3600),
                    values: days.iter().flat_map(|&v| vec![v; 24]).collect(),
                });
            }
        }
        let mut store = Store::new();
        store.merge(b);
        let ids = ["A", "B"]
            .iter()
            .map(|c| store.stations().find(c).expect("id"))
            .collect();
        (store, ids)
    }

    #[test]
    fn one_account_with_audited_days_and_dust() {
        let (store, ids) = store();
        let settings = BudgetSettings {
            season: Season::new(date(1), date(31)).expect("season"),
            baseline: None,
            target: TargetForm::Mean(60.0),
            heavy_target: Some(3),
            rounding: Rounding::default(),
        };
        // 15 March audited: A 90, B 70 (real-time 80 and 60).
        let mut audited = AuditedDays::default();
        audited.insert(date(15), "A", Variable::Pm25, 90.0);
        audited.insert(date(15), "B", Variable::Pm25, 70.0);
        let dust = BTreeSet::from([date(16)]);
        let input = AccountingInput {
            settings,
            as_of: AsOf::LastValidUpTo(date(20)),
            audited: &audited,
            dust_days: &dust,
            dust_rule: DustRule::default(),
            festival_assumed: None,
        };
        let acc = account(&store, &ids, &input).expect("account");
        // Area days: 50, 80 (audited), 140 → mean 90; without the dust day 65.
        assert_eq!(acc.budget.as_of, date(16));
        assert_eq!(acc.budget.mean_so_far, Some(90.0));
        assert_eq!(acc.without_dust.mean_so_far, Some(65.0));
        assert_eq!(acc.without_dust.heavy_days, acc.budget.heavy_days);
        assert_eq!(acc.basis.audited_days, vec![date(15)]);
        assert_eq!(acc.basis.realtime_days, 2);
        assert_eq!(acc.budget.ledger[14].source, DaySource::Audited);
        // Without A: 40, 70, 130 → 80 (contribution 10); without B: 60, 90, 150 → 100 (−10).
        let c: Vec<(&str, Option<f64>)> = acc
            .contributions
            .iter()
            .map(|c| (c.station.as_str(), c.contribution))
            .collect();
        assert_eq!(c, vec![("A", Some(10.0)), ("B", Some(-10.0))]);
        // The rule proposes 16 March: PM10 800, PM2.5/PM10 = 140 / 800.
        assert_eq!(acc.dust_candidates.len(), 1);
        assert_eq!(acc.dust_candidates[0].date, date(16));
        assert!(
            acc.festival.days.is_empty(),
            "no festival in March 2021's 1–31"
        );
        // Nothing valid before the season's data: an error, not a panic.
        let early = AccountingInput {
            as_of: AsOf::LastValidUpTo(date(10)),
            ..input
        };
        assert_eq!(
            account(&store, &ids, &early),
            Err(AccountingError::NoValidDay(date(10)))
        );
    }
}
