//! Moments, days and durations in words: as Chinese notices and reports write them
//! (`2025年1月15日8时30分`, `2天12小时`), or in English (`2025-01-15 08:30`, `2 d 12 h`).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use super::{Language, Tr};

/// The Chinese translation, for documents that are Chinese whatever the interface language
/// (notices, the daily report, the ledger): the official wording of a command centre.
pub const ZH: Tr = Tr(Language::Zh);

impl Tr {
    /// A moment in its own offset: `2025年1月15日8时` (minutes when not on the hour:
    /// `8时30分`), or `2025-01-15 08:30`.
    pub fn moment(self, t: &DateTime<FixedOffset>) -> String {
        match self.0 {
            Language::Zh => {
                let mut s = format!("{}年{}月{}日{}时", t.year(), t.month(), t.day(), t.hour());
                if t.minute() != 0 {
                    s.push_str(&format!("{}分", t.minute()));
                }
                s
            }
            Language::En => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    /// A moment within the season, as reasons write it: `12月8日20时`, or `8 Dec 20:00`.
    pub fn short_moment(self, t: &DateTime<FixedOffset>) -> String {
        match self.0 {
            Language::Zh => format!("{}月{}日{}时", t.month(), t.day(), t.hour()),
            Language::En => format!(
                "{} {} {:02}:00",
                t.day(),
                month_en(t.date_naive()),
                t.hour()
            ),
        }
    }

    /// A day within the season: `12月8日`, or `8 Dec`.
    pub fn date(self, d: NaiveDate) -> String {
        match self.0 {
            Language::Zh => format!("{}月{}日", d.month(), d.day()),
            Language::En => format!("{} {}", d.day(), month_en(d)),
        }
    }

    /// A run of days: `12月8日至10日`, `12月30日至1月2日`; `8–10 Dec`, `30 Dec – 2 Jan`.
    pub fn span(self, (first, last): (NaiveDate, NaiveDate)) -> String {
        let same_month = first.month() == last.month() && first.year() == last.year();
        match self.0 {
            _ if first == last => self.date(first),
            Language::Zh if same_month => format!("{}至{}日", self.date(first), last.day()),
            Language::Zh => format!("{}至{}", self.date(first), self.date(last)),
            Language::En if same_month => {
                format!("{}–{} {}", first.day(), last.day(), month_en(first))
            }
            Language::En => format!("{} – {}", self.date(first), self.date(last)),
        }
    }

    /// The calendar day of a moment: `2025年1月15日`, or `2025-01-15`.
    pub fn day_of(self, t: &DateTime<FixedOffset>) -> String {
        match self.0 {
            Language::Zh => format!("{}年{}月{}日", t.year(), t.month(), t.day()),
            Language::En => t.format("%Y-%m-%d").to_string(),
        }
    }

    /// A duration in days, hours and minutes, zero parts left out (`2天12小时`, `3小时20分`,
    /// `-1小时5分` when negative; `2 d 12 h`, `3 h 20 min`).
    pub fn duration(self, d: chrono::Duration) -> String {
        let minutes = d.num_minutes();
        let m = minutes.unsigned_abs();
        let (days, h, m) = (m / 1440, m / 60 % 24, m % 60);
        let (ud, uh, um, gap) = match self.0 {
            Language::Zh => ("天", "小时", "分", ""),
            Language::En => (" d", " h", " min", " "),
        };
        let mut parts = Vec::new();
        if days > 0 {
            parts.push(format!("{days}{ud}"));
        }
        if h > 0 {
            parts.push(format!("{h}{uh}"));
        }
        if m > 0 || (days == 0 && h == 0) {
            parts.push(format!("{m}{um}"));
        }
        let sign = if minutes < 0 { "-" } else { "" };
        format!("{sign}{}", parts.join(gap))
    }
}

fn month_en(d: NaiveDate) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS[d.month0() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_and_durations_in_both_languages() {
        let en = Tr(Language::En);
        let t = DateTime::parse_from_rfc3339("2025-01-05T08:30:00+08:00").expect("time");
        assert_eq!(ZH.moment(&t), "2025年1月5日8时30分");
        assert_eq!(en.moment(&t), "2025-01-05 08:30");
        let t = DateTime::parse_from_rfc3339("2025-12-15T00:00:00+08:00").expect("time");
        assert_eq!(ZH.moment(&t), "2025年12月15日0时");
        assert_eq!(ZH.day_of(&t), "2025年12月15日");
        assert_eq!(en.day_of(&t), "2025-12-15");
        let d = chrono::Duration::minutes;
        assert_eq!(ZH.duration(d(200)), "3小时20分");
        assert_eq!(ZH.duration(d(-65)), "-1小时5分");
        assert_eq!(ZH.duration(chrono::Duration::hours(2)), "2小时");
        assert_eq!(ZH.duration(chrono::Duration::hours(60)), "2天12小时");
        assert_eq!(ZH.duration(d(24 * 60 + 5)), "1天5分");
        assert_eq!(ZH.duration(chrono::Duration::zero()), "0分");
        assert_eq!(en.duration(d(200)), "3 h 20 min");
        assert_eq!(en.duration(chrono::Duration::hours(60)), "2 d 12 h");
    }

    #[test]
    fn days_and_spans_read_naturally() {
        let en = Tr(Language::En);
        let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).expect("date");
        assert_eq!(ZH.span((d(12, 8), d(12, 10))), "12月8日至10日");
        assert_eq!(ZH.span((d(12, 9), d(12, 9))), "12月9日");
        assert_eq!(ZH.span((d(11, 30), d(12, 2))), "11月30日至12月2日");
        assert_eq!(en.span((d(12, 8), d(12, 10))), "8–10 Dec");
        assert_eq!(en.span((d(11, 30), d(12, 2))), "30 Nov – 2 Dec");
        let t = DateTime::parse_from_rfc3339("2019-12-08T20:00:00+08:00").expect("time");
        assert_eq!(ZH.short_moment(&t), "12月8日20时");
        assert_eq!(en.short_moment(&t), "8 Dec 20:00");
    }
}
