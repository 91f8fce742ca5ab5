//! Station contributions (站点贡献): which of the area's stations drags the season figure, as the
//! leader asks "which station costs us most".
//!
//! A station's contribution is the area's season mean so far minus the same mean computed without
//! that station, in µg/m³: both computed exactly as the budget computes its mean so far (area daily
//! means from the stations' valid days, rounded per the budget's convention, averaged over the valid
//! season days up to as-of). Positive: the station raises the area's figure. Contributions are
//! leave-one-out differences, so they do not add up to anything; a day that only the left-out
//! station had leaves the count of valid days.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::budget::{BudgetSettings, compute};
use super::station_days::StationDays;

/// One station's share in the area's season mean.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StationContribution {
    /// Station code.
    pub station: String,
    /// Station name (the code when the station list gives none).
    pub name: String,
    /// The station's own season mean so far (its valid daily means, rounded like the area's),
    /// µg/m³; `None` without a valid day.
    pub mean: Option<f64>,
    /// Area mean so far − area mean so far without this station, µg/m³, unrounded; `None` for a
    /// station without a valid day (it changes nothing) or when the area has no other station
    /// with data.
    pub contribution: Option<f64>,
}

/// The contributions of the stations of `table` (their codes and names in column order) to the
/// season mean so far at `as_of`, largest first (stations without a contribution last, then by
/// code). `excluded` days are left out as in the budget.
pub fn station_contributions(
    table: &StationDays,
    stations: &[(String, String)],
    settings: &BudgetSettings,
    as_of: NaiveDate,
    excluded: &BTreeSet<NaiveDate>,
) -> Vec<StationContribution> {
    let mean_of = |days: &[super::area::AreaDay]| {
        compute(settings, days, &[], as_of, excluded)
            .ok()
            .and_then(|b| b.mean_so_far)
    };
    let area_mean = mean_of(&table.area_days());
    let mut out: Vec<StationContribution> = stations
        .iter()
        .take(table.station_count())
        .enumerate()
        .map(|(i, (code, name))| {
            let mean = mean_of(&table.station(i));
            StationContribution {
                station: code.clone(),
                name: name.clone(),
                contribution: mean
                    .and(area_mean)
                    .zip(mean_of(&table.area_days_without(i)))
                    .map(|(all, without)| all - without),
                mean,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |c: &StationContribution| c.contribution.map(|x| -x);
        (key(a).is_none(), key(a), &a.station)
            .partial_cmp(&(key(b).is_none(), key(b), &b.station))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::area::DailyStat;
    use crate::domain::budget::{Rounding, Season, TargetForm};
    use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station, Store, Variable};
    use std::path::PathBuf;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 12, d).expect("date")
    }

    /// Synthetic: stations A, B, C with constant daily PM2.5 over 1–2 Dec: A 120, B 60, C 30 on
    /// day 1; on day 2 A 100, B 60 and C has no data; D never has data.
    fn table() -> StationDays {
        let mut b = Batch::new(PathBuf::from("t.csv"));
        for (code, d1, d2) in [
            ("A", 120.0f32, 100.0f32),
            ("B", 60.0, 60.0),
            ("C", 30.0, f32::NAN),
            ("D", f32::NAN, f32::NAN),
        ] {
            let s = b.station(Station::with_code(code));
            let mut values = vec![d1; 24];
            values.extend(vec![d2; 24]);
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
        let ids: Vec<_> = ["A", "B", "C", "D"]
            .iter()
            .map(|c| store.stations().find(c).expect("id"))
            .collect();
        StationDays::observed(
            &store,
            &ids,
            Variable::Pm25,
            DailyStat::Mean,
            date(1),
            date(2),
        )
    }

    /// By hand: area day 1 = (120 + 60 + 30) / 3 = 70, day 2 = 80; mean 75. Without A: 45, 60 →
    /// 52.5 (contribution 22.5); without B: 75, 100 → 87.5 (−12.5); without C: 90, 80 → 85 (−10).
    #[test]
    fn leave_one_out_by_hand() {
        let settings = BudgetSettings {
            season: Season::new(date(1), date(31)).expect("season"),
            baseline: None,
            target: TargetForm::Mean(60.0),
            heavy_target: None,
            rounding: Rounding::default(),
        };
        let names: Vec<(String, String)> = ["A", "B", "C", "D"]
            .iter()
            .map(|c| (c.to_string(), format!("站{c}")))
            .collect();
        let got = station_contributions(&table(), &names, &settings, date(2), &BTreeSet::new());
        let rows: Vec<(&str, Option<f64>, Option<f64>)> = got
            .iter()
            .map(|c| (c.station.as_str(), c.mean, c.contribution))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("A", Some(110.0), Some(22.5)),
                ("C", Some(30.0), Some(-10.0)),
                ("B", Some(60.0), Some(-12.5)),
                ("D", None, None),
            ]
        );
        assert_eq!(got[0].name, "站A");
        // As of 1 December: 70 against 45 without A; only the stations named are listed.
        let one =
            station_contributions(&table(), &names[..1], &settings, date(1), &BTreeSet::new());
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].contribution, Some(25.0));
        // Leaving 2 December out (a dust day) leaves day 1 only.
        let dust = station_contributions(
            &table(),
            &names,
            &settings,
            date(2),
            &BTreeSet::from([date(2)]),
        );
        assert_eq!(dust[0].contribution, Some(25.0));
    }
}
