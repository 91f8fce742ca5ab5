//! Spring Festival and Lantern Festival dates 2015–2040 (DOMAIN.md §6): the fireworks peaks that
//! charts mark and analyses must not mistake for a failure of emission controls.
//!
//! A static table (computed with three independent lunar-calendar libraries that agreed on every
//! date) is simpler and safer than an astronomical algorithm.

use chrono::NaiveDate;

/// Which festival day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FestivalKind {
    /// 除夕: New Year's Eve, the last day of the 12th lunar month (fireworks into the night).
    NewYearsEve,
    /// 春节: Spring Festival, 正月初一.
    SpringFestival,
    /// 初五 (破五): the fifth day, another fireworks peak.
    FifthDay,
    /// 元宵: Lantern Festival, 正月十五.
    Lantern,
}

impl FestivalKind {
    /// All kinds in calendar order.
    pub const ALL: [FestivalKind; 4] = [
        FestivalKind::NewYearsEve,
        FestivalKind::SpringFestival,
        FestivalKind::FifthDay,
        FestivalKind::Lantern,
    ];
}

/// A festival on a date.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Festival {
    /// The local calendar date.
    pub date: NaiveDate,
    /// Which festival.
    pub kind: FestivalKind,
}

/// Gregorian year → (month, day) of 除夕, 春节, 初五, 元宵 (all in the same Gregorian year here).
const TABLE: [(i32, [(u32, u32); 4]); 26] = [
    (2015, [(2, 18), (2, 19), (2, 23), (3, 5)]),
    (2016, [(2, 7), (2, 8), (2, 12), (2, 22)]),
    (2017, [(1, 27), (1, 28), (2, 1), (2, 11)]),
    (2018, [(2, 15), (2, 16), (2, 20), (3, 2)]),
    (2019, [(2, 4), (2, 5), (2, 9), (2, 19)]),
    (2020, [(1, 24), (1, 25), (1, 29), (2, 8)]),
    (2021, [(2, 11), (2, 12), (2, 16), (2, 26)]),
    (2022, [(1, 31), (2, 1), (2, 5), (2, 15)]),
    (2023, [(1, 21), (1, 22), (1, 26), (2, 5)]),
    (2024, [(2, 9), (2, 10), (2, 14), (2, 24)]),
    (2025, [(1, 28), (1, 29), (2, 2), (2, 12)]),
    (2026, [(2, 16), (2, 17), (2, 21), (3, 3)]),
    (2027, [(2, 5), (2, 6), (2, 10), (2, 20)]),
    (2028, [(1, 25), (1, 26), (1, 30), (2, 9)]),
    (2029, [(2, 12), (2, 13), (2, 17), (2, 27)]),
    (2030, [(2, 2), (2, 3), (2, 7), (2, 17)]),
    (2031, [(1, 22), (1, 23), (1, 27), (2, 6)]),
    (2032, [(2, 10), (2, 11), (2, 15), (2, 25)]),
    (2033, [(1, 30), (1, 31), (2, 4), (2, 14)]),
    (2034, [(2, 18), (2, 19), (2, 23), (3, 5)]),
    (2035, [(2, 7), (2, 8), (2, 12), (2, 22)]),
    (2036, [(1, 27), (1, 28), (2, 1), (2, 11)]),
    (2037, [(2, 14), (2, 15), (2, 19), (3, 1)]),
    (2038, [(2, 3), (2, 4), (2, 8), (2, 18)]),
    (2039, [(1, 23), (1, 24), (1, 28), (2, 7)]),
    (2040, [(2, 11), (2, 12), (2, 16), (2, 26)]),
];

/// The years the table covers.
pub const YEARS: std::ops::RangeInclusive<i32> = 2015..=2040;

/// Festivals whose date lies in `from..=to`, in date order. Years outside [`YEARS`] have none.
pub fn between(from: NaiveDate, to: NaiveDate) -> Vec<Festival> {
    let mut out = Vec::new();
    for (year, days) in TABLE {
        for (kind, (m, d)) in FestivalKind::ALL.into_iter().zip(days) {
            if let Some(date) = NaiveDate::from_ymd_opt(year, m, d)
                && date >= from
                && date <= to
            {
                out.push(Festival { date, kind });
            }
        }
    }
    out
}

/// The festival on a date, if any.
pub fn on(date: NaiveDate) -> Option<Festival> {
    between(date, date).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Tr};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn table_matches_known_dates_and_is_consistent() {
        assert_eq!(
            on(d(2020, 1, 25)).map(|f| f.kind),
            Some(FestivalKind::SpringFestival)
        );
        assert_eq!(
            on(d(2026, 2, 16)).map(|f| f.kind),
            Some(FestivalKind::NewYearsEve)
        );
        assert_eq!(
            on(d(2026, 3, 3)).map(|f| f.kind),
            Some(FestivalKind::Lantern)
        );
        assert_eq!(
            on(d(2024, 2, 14)).map(|f| f.kind),
            Some(FestivalKind::FifthDay)
        );
        assert_eq!(on(d(2025, 1, 1)), None);
        for (year, _) in TABLE {
            let f = between(d(year, 1, 1), d(year, 12, 31));
            assert_eq!(f.len(), 4, "{year}");
            // 除夕 is the eve of 春节, 初五 four days after, 元宵 fourteen days after.
            assert_eq!((f[1].date - f[0].date).num_days(), 1, "{year}");
            assert_eq!((f[2].date - f[1].date).num_days(), 4, "{year}");
            assert_eq!((f[3].date - f[1].date).num_days(), 14, "{year}");
        }
        // The 2019–20 campaign holds one set.
        let season = between(d(2019, 10, 1), d(2020, 3, 31));
        let zh = Tr(Language::Zh);
        let names: Vec<&str> = season.iter().map(|f| zh.festival(f.kind)).collect();
        assert_eq!(names, ["除夕", "春节", "初五", "元宵"]);
        assert!(between(d(2041, 1, 1), d(2041, 12, 31)).is_empty());
    }
}
