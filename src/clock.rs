//! The app clock: real time, or a drill clock set to a past moment (fixed or running).
//!
//! Nothing below the UI reads the system clock. The app reads the real time once per frame and
//! turns it into "now" with [`Clock::now`]; that moment is passed as an argument to every analysis,
//! page and journal entry, so a drill replays a past episode exactly as if it were happening.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// China Standard Time (UTC+8), the time every Chinese duty desk works in.
pub fn cst() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"))
}

/// A moment shown in China Standard Time.
pub fn to_cst(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&cst())
}

/// Where the app's "now" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Clock {
    /// The computer's clock.
    Real,
    /// A drill (演练): "now" is a chosen past moment. When `running`, it advances with real time
    /// from `anchor_real` on; otherwise it stays at `at`.
    Drill {
        /// The drill moment at `anchor_real`.
        at: DateTime<Utc>,
        /// The real time at which the drill clock showed `at`.
        anchor_real: DateTime<Utc>,
        /// Whether the drill clock advances with real time.
        running: bool,
    },
}

impl Clock {
    /// A drill clock that shows `at` now (`real_now`) and then runs or stays.
    pub fn drill(at: DateTime<Utc>, real_now: DateTime<Utc>, running: bool) -> Self {
        Clock::Drill {
            at,
            anchor_real: real_now,
            running,
        }
    }

    /// The app's "now", given the real time.
    pub fn now(&self, real_now: DateTime<Utc>) -> DateTime<Utc> {
        match *self {
            Clock::Real => real_now,
            Clock::Drill {
                at,
                anchor_real,
                running,
            } => {
                if running {
                    at + (real_now - anchor_real)
                } else {
                    at
                }
            }
        }
    }

    /// Whether this is a drill clock (pages show a banner, the journal marks entries as drill).
    pub fn is_drill(&self) -> bool {
        matches!(self, Clock::Drill { .. })
    }
}

/// Where a drill stands when a workspace is opened (the app starting, a command run on it): the
/// drill moment, or the time of the journal's last event when that is later. A drill that was
/// run on and recorded events must not start again at its configured moment, or new events
/// would get earlier times than the ones already recorded.
pub fn drill_resumes_at(
    drill_at: DateTime<Utc>,
    last_event: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    last_event.map_or(drill_at, |last| last.max(drill_at))
}

/// The running drill clock of a workspace opened at `real_now`: it starts where
/// [`drill_resumes_at`] says and runs on from there.
pub fn resume_drill(
    drill_at: DateTime<Utc>,
    last_event: Option<DateTime<Utc>>,
    real_now: DateTime<Utc>,
) -> Clock {
    Clock::drill(drill_resumes_at(drill_at, last_event), real_now, true)
}

/// The one reader of typed times (the app's fields, every CLI option): a local wall time
/// `2019-12-10 14:00`, `2019-12-10T14:00:00`, `2019-12-10T14` (the hour) or a date `2019-12-10`
/// — its midnight, or with `end_of_day` the next midnight, so a date ends a period inclusively.
/// Surrounding space is ignored. An offset is not read here: see [`parse_instant`].
pub fn parse_local(text: &str, end_of_day: bool) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ];
    let text = text.trim();
    let time = FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| NaiveDateTime::parse_from_str(&format!("{text}:00"), "%Y-%m-%dT%H:%M").ok());
    if time.is_some() {
        return time;
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let day = if end_of_day { day.succ_opt()? } else { day };
    day.and_hms_opt(0, 0, 0)
}

/// A moment typed by a user or given on the command line: RFC 3339 with its offset
/// (`2019-12-10T06:00:00Z`), or a local time as [`parse_local`] reads it, in China Standard Time.
pub fn parse_instant(text: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Some(t);
    }
    cst()
        .from_local_datetime(&parse_local(text, false)?)
        .single()
}

/// [`parse_instant`] as an instant in UTC.
pub fn parse_moment(text: &str) -> Option<DateTime<Utc>> {
    parse_instant(text).map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("test time")
            .with_timezone(&Utc)
    }

    #[test]
    fn drill_clock_runs_or_stays() {
        let real = utc("2026-11-20T08:00:00Z");
        let at = utc("2019-12-10T06:00:00Z");
        let running = Clock::drill(at, real, true);
        let fixed = Clock::drill(at, real, false);
        let later = real + chrono::Duration::minutes(90);
        assert_eq!(running.now(later), at + chrono::Duration::minutes(90));
        assert_eq!(fixed.now(later), at);
        assert_eq!(Clock::Real.now(later), later);
        assert!(running.is_drill() && !Clock::Real.is_drill());
        // Freezing a running drill where it stands: a fixed drill at its current moment.
        let paused = Clock::drill(running.now(later), later, false);
        assert_eq!(
            paused.now(later + chrono::Duration::hours(5)),
            at + chrono::Duration::minutes(90)
        );
    }

    /// After a restart the drill resumes at the journal's last event when that is later than the
    /// drill moment, and runs on (#11 item 11: it rewound to its configured moment).
    #[test]
    fn a_drill_resumes_from_the_later_of_its_moment_and_the_last_event() {
        let drill = utc("2019-12-22T02:00:00Z");
        let later = utc("2019-12-22T05:30:00Z");
        let earlier = utc("2019-12-22T01:00:00Z");
        assert_eq!(drill_resumes_at(drill, None), drill);
        assert_eq!(drill_resumes_at(drill, Some(earlier)), drill);
        assert_eq!(drill_resumes_at(drill, Some(later)), later);
        let real = utc("2026-11-20T08:00:00Z");
        let clock = resume_drill(drill, Some(later), real);
        assert_eq!(clock.now(real), later);
        assert_eq!(
            clock.now(real + chrono::Duration::minutes(10)),
            later + chrono::Duration::minutes(10)
        );
    }

    #[test]
    fn moments_are_read_in_china_standard_time() {
        let expected = utc("2019-12-10T06:00:00Z");
        assert_eq!(parse_moment("2019-12-10 14:00"), Some(expected));
        assert_eq!(parse_moment(" 2019-12-10T14:00:00 "), Some(expected));
        assert_eq!(parse_moment("2019-12-10T06:00:00Z"), Some(expected));
        assert_eq!(
            parse_moment("2019-12-10"),
            Some(utc("2019-12-09T16:00:00Z"))
        );
        assert_eq!(parse_moment("10/12/2019"), None);
        assert_eq!(parse_moment("2019-13-10 14:00"), None);
        assert_eq!(parse_moment("tomorrow"), None);
        // An offset given is kept.
        let utc_given = parse_instant("2025-01-15T02:00:00Z").expect("utc");
        assert_eq!(utc_given.to_rfc3339(), "2025-01-15T02:00:00+00:00");
        let local = parse_instant("2025-01-15T10:00").expect("local");
        assert_eq!(local.to_rfc3339(), "2025-01-15T10:00:00+08:00");
        assert_eq!(
            to_cst(expected).format("%H:%M").to_string(),
            "14:00".to_string()
        );
    }

    #[test]
    fn local_times_read_dates_hours_and_period_ends() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
        assert_eq!(
            parse_local("2019-12-01T08", false),
            Some(t("2019-12-01 08:00"))
        );
        assert_eq!(
            parse_local("2019-12-01 08:30:00", false),
            Some(t("2019-12-01 08:30"))
        );
        assert_eq!(
            parse_local("2019-12-01", false),
            Some(t("2019-12-01 00:00"))
        );
        assert_eq!(parse_local("2019-12-31", true), Some(t("2020-01-01 00:00")));
        assert_eq!(parse_local("2019-12-01T08:00:00+08:00", false), None);
    }
}
