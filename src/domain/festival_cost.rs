//! What the Spring Festival and Lantern Festival fireworks cost the season mean (DOMAIN.md §6: the
//! fireworks peaks are the night of 除夕 into 初一, 初五 and 元宵 — "去年正月十五、十六两天就出现过小时
//! 爆表"), shown like the forecast-episode cost.
//!
//! The fireworks days of a season are 除夕, 春节 (初一), 初五, 元宵 and the day after 元宵 (正月十六:
//! the Lantern night's fireworks fall into its daily mean), from the festival table
//! [`super::festivals`].
//! - Days already counted: how much they lift the mean so far — the mean so far minus the mean so
//!   far without them.
//! - Days still to come: what they will cost if each is like the same festival day last year (the
//!   area's daily mean then, when last year's data are loaded), else an assumed value the caller
//!   gives — computed as a forecast episode ([`episode_cost`]): how far above the target path the
//!   season ends.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::area::AreaDay;
use super::budget::{Budget, EpisodeCost, Season, episode_cost};
use super::festivals::{self, FestivalKind};

/// A day whose daily mean the festival fireworks raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct FireworksDay {
    /// The date.
    pub date: NaiveDate,
    /// The festival.
    pub festival: FestivalKind,
    /// The day after the festival (正月十六 after 元宵) rather than the festival itself.
    pub day_after: bool,
}

/// The fireworks days of a season in date order (none outside the festival table's years).
pub fn fireworks_days(season: Season) -> Vec<FireworksDay> {
    let mut days = Vec::new();
    for f in festivals::between(season.from(), season.to()) {
        days.push(FireworksDay {
            date: f.date,
            festival: f.kind,
            day_after: false,
        });
        if f.kind == FestivalKind::Lantern {
            days.push(FireworksDay {
                date: f.date + Days::new(1),
                festival: f.kind,
                day_after: true,
            });
        }
    }
    days.retain(|d| season.contains(d.date));
    days
}

/// The same fireworks day one lunar year earlier (the festival in the previous Gregorian year).
pub fn same_day_last_year(day: &FireworksDay) -> Option<NaiveDate> {
    let year = day.date.year() - 1;
    let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let to = NaiveDate::from_ymd_opt(year, 12, 31)?;
    let f = festivals::between(from, to)
        .into_iter()
        .find(|f| f.kind == day.festival)?;
    Some(if day.day_after {
        f.date + Days::new(1)
    } else {
        f.date
    })
}

/// Where a fireworks day's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FestivalBasis {
    /// Already counted: the area's daily mean that day.
    Observed,
    /// Still to come: the area's daily mean on the same festival day last year.
    LastYear,
    /// Still to come, last year not loaded: the value the user assumed.
    Assumed,
}

/// One fireworks day with the value the cost is computed from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct FestivalDayValue {
    /// The day.
    pub day: FireworksDay,
    /// The daily mean counted or expected (rounded like the budget's days), µg/m³.
    pub value: Option<f64>,
    /// Where the value comes from; `None` when there is none.
    pub basis: Option<FestivalBasis>,
}

/// What the season's fireworks days cost.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FestivalCost {
    /// The season's fireworks days.
    pub days: Vec<FestivalDayValue>,
    /// µg/m³ the counted fireworks days lift the mean so far (mean so far − mean so far without
    /// them); `None` when none is counted yet or no other day is.
    pub added_to_mean_so_far: Option<f64>,
    /// The fireworks days still to come as a forecast episode; `None` when none is to come or
    /// they have no value.
    pub coming: Option<EpisodeCost>,
}

/// The cost of the season's fireworks days on `budget`. `last_year` holds the area's daily means
/// around last season's festivals (any range; unrounded, rounded here like the budget's days);
/// `assumed` is the value for a coming day whose last-year value is unknown.
pub fn festival_cost(budget: &Budget, last_year: &[AreaDay], assumed: Option<f64>) -> FestivalCost {
    let daily = budget.settings.rounding.daily;
    let ledger: BTreeMap<NaiveDate, &super::budget::LedgerRow> =
        budget.ledger.iter().map(|r| (r.date, r)).collect();
    let before: BTreeMap<NaiveDate, f64> = last_year
        .iter()
        .filter_map(|d| Some((d.date, daily.apply(d.value?))))
        .collect();
    let days: Vec<FestivalDayValue> = fireworks_days(budget.settings.season)
        .into_iter()
        .map(|day| {
            if day.date <= budget.as_of {
                let value = ledger.get(&day.date).and_then(|r| r.value);
                return FestivalDayValue {
                    day,
                    value,
                    basis: value.map(|_| FestivalBasis::Observed),
                };
            }
            match same_day_last_year(&day).and_then(|d| before.get(&d)) {
                Some(&v) => FestivalDayValue {
                    day,
                    value: Some(v),
                    basis: Some(FestivalBasis::LastYear),
                },
                None => FestivalDayValue {
                    day,
                    value: assumed,
                    basis: assumed.map(|_| FestivalBasis::Assumed),
                },
            }
        })
        .collect();
    // Counted days: those in the mean (valid, not excluded).
    let counted: Vec<f64> = days
        .iter()
        .filter(|d| d.basis == Some(FestivalBasis::Observed))
        .filter_map(|d| ledger.get(&d.day.date))
        .filter(|r| !r.excluded)
        .filter_map(|r| r.value)
        .collect();
    let k = counted.len() as u32;
    let added_to_mean_so_far = (k > 0 && budget.valid_days > k)
        .then(|| {
            let without = (budget.sum_so_far - counted.iter().sum::<f64>())
                / f64::from(budget.valid_days - k);
            budget.mean_so_far.map(|m| m - without)
        })
        .flatten();
    let coming: Vec<f64> = days
        .iter()
        .filter(|d| d.day.date > budget.as_of)
        .map_while(|d| d.value)
        .collect();
    let all_coming_valued = days
        .iter()
        .filter(|d| d.day.date > budget.as_of)
        .all(|d| d.value.is_some());
    FestivalCost {
        added_to_mean_so_far,
        coming: (!coming.is_empty() && all_coming_valued)
            .then(|| episode_cost(budget, &coming))
            .flatten(),
        days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::{BudgetSettings, Rounding, TargetForm, compute};
    use std::collections::BTreeSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn area_day(date: NaiveDate, value: f64) -> AreaDay {
        AreaDay {
            date,
            value: Some(value),
            stations_valid: 1,
            stations_total: 1,
            source: Default::default(),
        }
    }

    #[test]
    fn fireworks_days_of_the_2019_20_campaign() {
        let season = Season::campaign(2019).expect("season");
        let days: Vec<(NaiveDate, bool)> = fireworks_days(season)
            .iter()
            .map(|f| (f.date, f.day_after))
            .collect();
        assert_eq!(
            days,
            vec![
                (d(2020, 1, 24), false),
                (d(2020, 1, 25), false),
                (d(2020, 1, 29), false),
                (d(2020, 2, 8), false),
                (d(2020, 2, 9), true),
            ]
        );
        let lantern_after = fireworks_days(season)[4];
        assert_eq!(same_day_last_year(&lantern_after), Some(d(2019, 2, 20)));
        assert_eq!(
            same_day_last_year(&fireworks_days(season)[0]),
            Some(d(2019, 2, 4))
        );
    }

    fn settings() -> BudgetSettings {
        BudgetSettings {
            season: Season::campaign(2019).expect("season"),
            baseline: None,
            target: TargetForm::Mean(60.0),
            heavy_target: Some(10),
            rounding: Rounding::default(),
        }
    }

    /// Synthetic season: 50 µg/m³ every day from 1 Oct to 31 Jan except 除夕 (24 Jan) 150, 初一
    /// (25 Jan) 250 and 初五 (29 Jan) 90. As of 31 Jan: 123 valid days, S = 120 × 50 + 490.
    #[test]
    fn counted_days_lift_the_mean_and_coming_days_cost_like_an_episode() {
        let st = settings();
        let mut days: Vec<AreaDay> = st
            .season
            .from()
            .iter_days()
            .take_while(|x| *x <= d(2020, 1, 31))
            .map(|x| area_day(x, 50.0))
            .collect();
        for (date, v) in [
            (d(2020, 1, 24), 150.0),
            (d(2020, 1, 25), 250.0),
            (d(2020, 1, 29), 90.0),
        ] {
            if let Some(day) = days.iter_mut().find(|x| x.date == date) {
                day.value = Some(v);
            }
        }
        let b = compute(&st, &days, &[], d(2020, 1, 31), &BTreeSet::new()).expect("budget");
        assert_eq!(b.valid_days, 123);
        // Last season: 元宵 2019-02-19 at 180, the day after 120.
        let last = [
            area_day(d(2019, 2, 19), 180.4),
            area_day(d(2019, 2, 20), 120.0),
        ];
        let cost = festival_cost(&b, &last, None);
        assert_eq!(cost.days.len(), 5);
        assert_eq!(cost.days[1].value, Some(250.0));
        assert_eq!(cost.days[3].basis, Some(FestivalBasis::LastYear));
        assert_eq!(
            cost.days[3].value,
            Some(180.0),
            "rounded like the budget's days"
        );
        // Mean so far: (120 × 50 + 490) / 123; without the three days: 50.
        let lift = cost.added_to_mean_so_far.expect("lift");
        assert!((lift - (6490.0 / 123.0 - 50.0)).abs() < 1e-12, "{lift}");
        // Coming: 180 and 120 as an episode, like `episode_cost`.
        let coming = cost.coming.expect("coming");
        assert_eq!(coming, episode_cost(&b, &[180.0, 120.0]).expect("cost"));
        assert_eq!(coming.heavy_days, 1);
        // Without last year's data the assumed value is used, and without one there is no cost.
        let assumed = festival_cost(&b, &[], Some(151.0));
        assert_eq!(assumed.days[4].basis, Some(FestivalBasis::Assumed));
        assert_eq!(assumed.coming.map(|c| c.days), Some(2));
        assert_eq!(festival_cost(&b, &[], None).coming, None);
    }
}
