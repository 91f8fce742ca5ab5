//! How times and levels are written in the response's texts (notices, timeline, reports).

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use crate::domain::plan::Level;

/// A time as Chinese notices write it: `2025年1月15日8时`, with minutes when not on the hour
/// (`8时30分`).
pub fn time_zh(t: &DateTime<FixedOffset>) -> String {
    let mut s = format!("{}年{}月{}日{}时", t.year(), t.month(), t.day(), t.hour());
    if t.minute() != 0 {
        s.push_str(&format!("{}分", t.minute()));
    }
    s
}

/// A date as Chinese notices write it: `2025年1月15日`.
pub fn date_zh(t: &DateTime<FixedOffset>) -> String {
    format!("{}年{}月{}日", t.year(), t.month(), t.day())
}

/// A time for tables and English text: `2025-01-15 08:00`.
pub fn time_short(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// A duration in days, hours and minutes, Chinese (`2天12小时`, `3小时20分`, `-1小时5分` when
/// negative); zero parts are left out.
pub fn duration_zh(d: chrono::Duration) -> String {
    let minutes = d.num_minutes();
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.unsigned_abs();
    let (days, h, m) = (m / 1440, m / 60 % 24, m % 60);
    let mut s = sign.to_owned();
    if days > 0 {
        s.push_str(&format!("{days}天"));
    }
    if h > 0 {
        s.push_str(&format!("{h}小时"));
    }
    if m > 0 || (days == 0 && h == 0) {
        s.push_str(&format!("{m}分"));
    }
    s
}

/// The colour word of a level as notices write it (`橙色`); empty below the warnings.
pub fn colour_zh(level: Level) -> &'static str {
    match level {
        Level::Blue => "蓝色",
        Level::Yellow => "黄色",
        Level::Orange => "橙色",
        Level::Red => "红色",
        Level::None | Level::Temporary => "",
    }
}

/// The response a level starts by default (`Ⅱ级应急响应`), when the plan does not word it.
pub fn response_zh(level: Level) -> &'static str {
    match level {
        Level::Blue => "Ⅳ级应急响应",
        Level::Yellow => "Ⅲ级应急响应",
        Level::Orange => "Ⅱ级应急响应",
        Level::Red => "Ⅰ级应急响应",
        Level::None | Level::Temporary => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_times() {
        let t = DateTime::parse_from_rfc3339("2025-01-05T08:30:00+08:00").expect("time");
        assert_eq!(time_zh(&t), "2025年1月5日8时30分");
        let t = DateTime::parse_from_rfc3339("2025-12-15T00:00:00+08:00").expect("time");
        assert_eq!(time_zh(&t), "2025年12月15日0时");
        assert_eq!(date_zh(&t), "2025年12月15日");
        assert_eq!(time_short(&t), "2025-12-15 00:00");
        assert_eq!(duration_zh(chrono::Duration::minutes(200)), "3小时20分");
        assert_eq!(duration_zh(chrono::Duration::minutes(-65)), "-1小时5分");
        assert_eq!(duration_zh(chrono::Duration::hours(2)), "2小时");
        assert_eq!(duration_zh(chrono::Duration::hours(60)), "2天12小时");
        assert_eq!(
            duration_zh(chrono::Duration::minutes(24 * 60 + 5)),
            "1天5分"
        );
        assert_eq!(duration_zh(chrono::Duration::zero()), "0分");
    }
}
