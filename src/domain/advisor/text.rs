//! Dates and times as the reasons write them: "12月8日至10日", "12月8日0时"; "8–10 Dec".

use chrono::{Datelike, NaiveDate, Timelike};

use crate::store::Hour;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_en(d: NaiveDate) -> &'static str {
    MONTHS_EN[d.month0() as usize]
}

/// "12月8日".
pub(crate) fn date_zh(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// "12月8日", "12月8日至10日", "12月30日至1月2日".
pub(crate) fn span_zh(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        date_zh(first)
    } else if first.month() == last.month() && first.year() == last.year() {
        format!("{}至{}日", date_zh(first), last.day())
    } else {
        format!("{}至{}", date_zh(first), date_zh(last))
    }
}

/// "9 Dec", "8–10 Dec", "30 Dec – 2 Jan".
pub(crate) fn span_en(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        format!("{} {}", first.day(), month_en(first))
    } else if first.month() == last.month() && first.year() == last.year() {
        format!("{}–{} {}", first.day(), last.day(), month_en(first))
    } else {
        format!(
            "{} {} – {} {}",
            first.day(),
            month_en(first),
            last.day(),
            month_en(last)
        )
    }
}

/// "12月8日0时" in the local offset.
pub(crate) fn time_zh(h: Hour, utc_offset_s: i32) -> String {
    let t = h.to_local(utc_offset_s);
    format!("{}月{}日{}时", t.month(), t.day(), t.hour())
}

/// "8 Dec 00:00" in the local offset.
pub(crate) fn time_en(h: Hour, utc_offset_s: i32) -> String {
    let t = h.to_local(utc_offset_s);
    format!(
        "{} {} {:02}:00",
        t.day(),
        month_en(t.date_naive()),
        t.hour()
    )
}

/// An AQI value as people write it: a whole number (area means are rounded).
pub(crate) fn aqi(v: f32) -> String {
    format!("{:.0}", v.round())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, m, day).expect("date")
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span_zh(d(12, 8), d(12, 10)), "12月8日至10日");
        assert_eq!(span_zh(d(12, 9), d(12, 9)), "12月9日");
        assert_eq!(span_zh(d(11, 30), d(12, 2)), "11月30日至12月2日");
        assert_eq!(span_en(d(12, 8), d(12, 10)), "8–10 Dec");
        assert_eq!(span_en(d(11, 30), d(12, 2)), "30 Nov – 2 Dec");
        let h = Hour::from_local_date_hour(d(12, 8), 20, 8 * 3600);
        assert_eq!(time_zh(h, 8 * 3600), "12月8日20时");
        assert_eq!(time_en(h, 8 * 3600), "8 Dec 20:00");
        assert_eq!(aqi(230.0), "230");
        assert_eq!(aqi(245.26), "245");
        assert_eq!(aqi(212.5), "213");
    }
}
