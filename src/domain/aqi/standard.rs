//! Which AQI method applies: HJ 633-2012, HJ 633-2026 (in force 2026-03-01), or the US EPA AQI.

use chrono::NaiveDate;

/// An AQI method. The two Chinese versions differ in the particle breakpoints, in the rules for
/// very high SO2 and O3, in rounding and in the daily indicators (DOMAIN.md §1.1–1.2); the US AQI
/// is offered for comparison only (PM2.5 with the 2024 breakpoints, and PM10).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Standard {
    /// HJ 633-2012, nationwide 2016-01-01 to 2026-02-28.
    #[serde(rename = "hj633-2012")]
    Hj633_2012,
    /// HJ 633-2026, in force from 2026-03-01.
    #[serde(rename = "hj633-2026")]
    Hj633_2026,
    /// US EPA AQI (Technical Assistance Document EPA-454/B-24-002, May 2024), for comparison:
    /// PM2.5 (2024 breakpoints) and PM10 only. The US gas breakpoints are in ppm/ppb over other
    /// averaging times (O3 and CO 8-hour, SO2 1-hour switching to 24-hour) and are left out.
    /// Hourly values use the 1-hour concentration on the 24-hour table (not the NowCast); daily
    /// means use the same validity rule as the Chinese ones (20 hours; EPA asks for 18).
    #[serde(rename = "us-epa")]
    UsEpa,
}

/// The first day of HJ 633-2026 (Beijing time).
pub const HJ633_2026_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 3, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};

impl Standard {
    /// Every standard, for pickers.
    pub const ALL: [Standard; 3] = [Standard::Hj633_2012, Standard::Hj633_2026, Standard::UsEpa];

    /// Stable code used in the CLI and JSON (`hj633-2012`, `hj633-2026`, `us-epa`).
    pub fn code(self) -> &'static str {
        match self {
            Standard::Hj633_2012 => "hj633-2012",
            Standard::Hj633_2026 => "hj633-2026",
            Standard::UsEpa => "us-epa",
        }
    }

    /// The standard with this code.
    pub fn from_code(code: &str) -> Option<Standard> {
        Standard::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// Short label for display (`HJ 633-2012`).
    pub fn label(self) -> &'static str {
        match self {
            Standard::Hj633_2012 => "HJ 633-2012",
            Standard::Hj633_2026 => "HJ 633-2026",
            Standard::UsEpa => "US EPA AQI (2024)",
        }
    }

    /// Whether this is one of the Chinese HJ 633 versions.
    pub fn is_chinese(self) -> bool {
        matches!(self, Standard::Hj633_2012 | Standard::Hj633_2026)
    }
}

/// Which standard to use: a fixed one, or picked by the date of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StandardChoice {
    /// HJ 633-2012 for data before 2026-03-01 (Beijing time), HJ 633-2026 from then on.
    #[default]
    Auto,
    /// Always this standard.
    Fixed(Standard),
}

impl StandardChoice {
    /// The standard for data of local (Beijing) day `date`. For hourly values the day is the one
    /// in which the averaging hour starts, so the hour 00:00–01:00 of 1 March 2026 is the first
    /// under HJ 633-2026.
    pub fn resolve(self, date: NaiveDate) -> Standard {
        match self {
            StandardChoice::Fixed(s) => s,
            StandardChoice::Auto if date < HJ633_2026_IN_FORCE => Standard::Hj633_2012,
            StandardChoice::Auto => Standard::Hj633_2026,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_switches_on_1_march_2026() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(
            StandardChoice::Auto.resolve(d(2026, 2, 28)),
            Standard::Hj633_2012
        );
        assert_eq!(
            StandardChoice::Auto.resolve(d(2026, 3, 1)),
            Standard::Hj633_2026
        );
        assert_eq!(
            StandardChoice::Fixed(Standard::UsEpa).resolve(d(2019, 12, 1)),
            Standard::UsEpa
        );
        for s in Standard::ALL {
            assert_eq!(Standard::from_code(s.code()), Some(s));
        }
    }
}
