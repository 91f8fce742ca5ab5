//! The reporting cycle (报告周期): how often, and by when, a unit reports during a warning or a
//! campaign — "daily by 16:00" (每日16:00前) or "every 4 hours" (每4小时).
//!
//! One type for every place a plan states a cycle: a level's default (`reporting`), a unit's
//! override at a level (`reporting_units`), a measure's own (`reporting`), and a campaign's.
//! The plan writes it as text, in English or Chinese:
//!
//! | text | cycle |
//! |---|---|
//! | `daily 16:00`, `每日16:00`, `每天16:00前` | a report each day, due at 16:00 local time |
//! | `every 4h`, `every 4 hours`, `每4小时` | a report every 4 hours from the start |
//!
//! The due times of a cycle over a stretch of time are [`ReportingCycle::due_times`].

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

/// How often and by when a unit reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportingCycle {
    /// One report a day, due at this local time (每日HH:MM前).
    Daily {
        /// The time of day the report is due by.
        by: NaiveTime,
    },
    /// One report every so many hours from the start (每N小时).
    Every {
        /// Hours between reports (1 to 168).
        hours: u32,
    },
}

/// Why a cycle's text could not be read (the plan loader adds the line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleSyntaxError {
    /// The text as written.
    pub text: String,
}

impl std::fmt::Display for CycleSyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "「{}」 is not a reporting cycle (不是报告周期): write \"daily 16:00\" (每日16:00) or \"every 4h\" (每4小时, 1 to 168 hours)",
            self.text
        )
    }
}

/// A daily cycle's first report is due at the first `by` at least this many hours after the
/// start: a warning in force from 15:00 with reports by 16:00 asks for the next day's report.
pub const FIRST_DAILY_REPORT_AFTER_HOURS: i64 = 4;

/// The longest interval an `every` cycle may have: a week.
const MAX_HOURS: u32 = 168;

impl ReportingCycle {
    /// Read a cycle from the plan's text (see the module documentation for the forms).
    pub fn parse(text: &str) -> Result<Self, CycleSyntaxError> {
        let bad = || CycleSyntaxError {
            text: text.to_owned(),
        };
        let t = text.trim();
        let daily = ["daily", "每日", "每天"]
            .iter()
            .find_map(|p| t.strip_prefix(p));
        if let Some(rest) = daily {
            let rest = rest.trim();
            let rest = rest.strip_suffix('前').unwrap_or(rest).trim();
            let by = NaiveTime::parse_from_str(rest, "%H:%M").map_err(|_| bad())?;
            return Ok(ReportingCycle::Daily { by });
        }
        let every = ["every", "每"].iter().find_map(|p| t.strip_prefix(p));
        let Some(rest) = every else {
            return Err(bad());
        };
        let rest = rest.trim();
        let number = ["小时", "hours", "hour", "h"]
            .iter()
            .find_map(|s| rest.strip_suffix(s))
            .ok_or_else(bad)?;
        let hours: u32 = number.trim().parse().map_err(|_| bad())?;
        if !(1..=MAX_HOURS).contains(&hours) {
            return Err(bad());
        }
        Ok(ReportingCycle::Every { hours })
    }

    /// The length of one reporting period, in hours.
    pub fn period_hours(self) -> u32 {
        match self {
            ReportingCycle::Daily { .. } => 24,
            ReportingCycle::Every { hours } => hours,
        }
    }

    /// The cycle as a notice words it: `每日16:00前报送`, `每4小时报送`.
    pub fn zh(self) -> String {
        match self {
            ReportingCycle::Daily { by } => format!("每日{}前报送", by.format("%H:%M")),
            ReportingCycle::Every { hours } => format!("每{hours}小时报送"),
        }
    }

    /// The due times of reports for a cycle that runs from `start`, up to and including `until`,
    /// in `start`'s offset: for a daily cycle each `by` from the first one at least
    /// [`FIRST_DAILY_REPORT_AFTER_HOURS`] after the start; for an `every` cycle start + N h,
    /// start + 2N h, …
    pub fn due_times(
        self,
        start: DateTime<FixedOffset>,
        until: DateTime<FixedOffset>,
    ) -> Vec<DateTime<FixedOffset>> {
        let period = Duration::hours(i64::from(self.period_hours()));
        let first = match self {
            ReportingCycle::Every { .. } => start.checked_add_signed(period),
            ReportingCycle::Daily { by } => {
                let earliest = start + Duration::hours(FIRST_DAILY_REPORT_AFTER_HOURS);
                let same_day = earliest
                    .date_naive()
                    .and_time(by)
                    .and_local_timezone(*start.offset())
                    .single();
                same_day.map(|d| if d < earliest { d + period } else { d })
            }
        };
        let mut out = Vec::new();
        let mut next = first;
        while let Some(t) = next.filter(|t| *t <= until) {
            out.push(t);
            next = t.checked_add_signed(period);
        }
        out
    }
}

impl std::fmt::Display for ReportingCycle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportingCycle::Daily { by } => write!(f, "daily {}", by.format("%H:%M")),
            ReportingCycle::Every { hours } => write!(f, "every {hours}h"),
        }
    }
}

impl serde::Serialize for ReportingCycle {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ReportingCycle {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ReportingCycle::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn reads_english_and_chinese_forms() {
        let daily = ReportingCycle::Daily {
            by: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        };
        for text in ["daily 16:00", "每日16:00", "每天 16:00前", " daily 16:00 "] {
            assert_eq!(ReportingCycle::parse(text), Ok(daily), "{text}");
        }
        let every = ReportingCycle::Every { hours: 4 };
        for text in ["every 4h", "every 4 hours", "每4小时"] {
            assert_eq!(ReportingCycle::parse(text), Ok(every), "{text}");
        }
        for text in [
            "daily",
            "daily 25:00",
            "every 0h",
            "every 169h",
            "weekly",
            "every h",
        ] {
            assert!(ReportingCycle::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn text_round_trips() {
        for text in ["daily 09:30", "every 6h"] {
            let c = ReportingCycle::parse(text).unwrap();
            assert_eq!(c.to_string(), text);
            assert_eq!(ReportingCycle::parse(&c.to_string()), Ok(c));
        }
    }

    #[test]
    fn daily_first_due_leaves_time_to_report() {
        let c = ReportingCycle::parse("daily 16:00").unwrap();
        // In force from 09:00: the first report is due the same day at 16:00.
        let due = c.due_times(
            t("2019-12-20T09:00:00+08:00"),
            t("2019-12-22T16:00:00+08:00"),
        );
        assert_eq!(
            due,
            vec![
                t("2019-12-20T16:00:00+08:00"),
                t("2019-12-21T16:00:00+08:00"),
                t("2019-12-22T16:00:00+08:00")
            ]
        );
        // From 13:00 there are fewer than four hours: the first is the next day's.
        let due = c.due_times(
            t("2019-12-20T13:00:00+08:00"),
            t("2019-12-21T20:00:00+08:00"),
        );
        assert_eq!(due, vec![t("2019-12-21T16:00:00+08:00")]);
    }

    #[test]
    fn every_counts_from_the_start() {
        let c = ReportingCycle::Every { hours: 8 };
        let due = c.due_times(
            t("2019-12-20T09:00:00+08:00"),
            t("2019-12-21T01:00:00+08:00"),
        );
        assert_eq!(
            due,
            vec![
                t("2019-12-20T17:00:00+08:00"),
                t("2019-12-21T01:00:00+08:00")
            ]
        );
    }
}
