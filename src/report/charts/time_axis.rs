//! The time axis: tick positions at local-time boundaries and labels in the chart's language
//! (`08时`, `5日`, `12月5日 周四`, `2019年12月`; `08:00`, `5`, `Thu 5 Dec`, `Dec 2019`).

use super::geometry::positive;
use crate::i18n::Language;
use crate::i18n::{T, Tr};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

/// A tick on the time axis: the hour on the store's UTC grid (may be fractional) and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Position, in hours since 1970-01-01T00:00Z.
    pub at: f64,
    /// Text under the tick.
    pub label: String,
}

/// Two rows of labels: fine ticks (hours, days or months) and the context row beneath them
/// (the date, month or year each fine tick belongs to).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeTicks {
    /// Fine ticks with grid lines.
    pub fine: Vec<Tick>,
    /// Context labels at the boundaries of the larger unit (heavier grid lines).
    pub context: Vec<Tick>,
    /// Whether the first context label is a sticky one at the view's left edge rather than at a
    /// boundary (it gets no grid line).
    pub sticky_first: bool,
}

/// Local wall-clock time of an hour on the UTC grid.
pub fn local(hour: f64, utc_offset_s: i32) -> NaiveDateTime {
    let secs = (hour * 3600.0).round() as i64 + i64::from(utc_offset_s);
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .naive_utc()
}

fn to_hour(t: NaiveDateTime, utc_offset_s: i32) -> f64 {
    (t.and_utc().timestamp() - i64::from(utc_offset_s)) as f64 / 3600.0
}

/// `2019年12月5日 周四 14:00` / `Thu 5 Dec 2019 14:00` — the hover readout and notes.
pub fn format_hour(hour: f64, utc_offset_s: i32, lang: Language) -> String {
    Tr(lang).time(T::ChartFmtHour, local(hour, utc_offset_s))
}

/// `12月5日 周四` / `Thu 5 Dec`.
pub fn format_day(date: NaiveDate, lang: Language) -> String {
    Tr(lang).time(T::ChartFmtDayWeekday, midnight(date))
}

/// `12月5日` / `5 Dec`, with the year (`2019年12月5日` / `5 Dec 2019`) when `with_year`.
pub fn format_date(date: NaiveDate, with_year: bool, lang: Language) -> String {
    let key = if with_year {
        T::ChartFmtDateYear
    } else {
        T::ChartFmtDate
    };
    Tr(lang).time(key, midnight(date))
}

fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(0, 0, 0).unwrap_or_default()
}

#[derive(Clone, Copy)]
enum Step {
    Hours(i64),
    Days(i64),
    Months(u32),
    Years(i32),
}

impl Step {
    fn hours(self) -> f64 {
        match self {
            Step::Hours(h) => h as f64,
            Step::Days(d) => 24.0 * d as f64,
            Step::Months(m) => 730.5 * f64::from(m),
            Step::Years(y) => 8766.0 * f64::from(y),
        }
    }
}

const STEPS: [Step; 15] = [
    Step::Hours(1),
    Step::Hours(2),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(5),
    Step::Years(10),
];

fn first_of_month(t: NaiveDateTime) -> NaiveDate {
    NaiveDate::from_ymd_opt(t.year(), t.month(), 1).unwrap_or(t.date())
}

fn add_months(d: NaiveDate, months: u32) -> Option<NaiveDate> {
    d.checked_add_months(chrono::Months::new(months))
}

/// Ticks for `view` (hours) across `width_px`, with fine labels at least `label_px` apart and
/// context labels at least `context_px` apart, labelled in `lang`.
pub fn time_ticks(
    view: (f64, f64),
    width_px: f64,
    utc_offset_s: i32,
    label_px: f64,
    context_px: f64,
    lang: Language,
) -> TimeTicks {
    let tr = Tr(lang);
    let span = view.1 - view.0;
    if !positive(span) || !positive(width_px) {
        return TimeTicks::default();
    }
    let px_per_hour = width_px / span;
    let step = STEPS
        .iter()
        .copied()
        .find(|s| s.hours() * px_per_hour >= label_px)
        .unwrap_or(Step::Years(10));
    let start = local(view.0, utc_offset_s);
    let end = local(view.1, utc_offset_s);
    let mut fine = Vec::new();
    let mut context = Vec::new();
    let push = |v: &mut Vec<Tick>, t: NaiveDateTime, label: String| {
        let at = to_hour(t, utc_offset_s);
        if at >= view.0 - 1e-9 && at <= view.1 + 1e-9 {
            v.push(Tick { at, label });
        }
    };
    match step {
        Step::Hours(h) => {
            let mut t = start.date().and_hms_opt(0, 0, 0).unwrap_or(start);
            while t <= end {
                if i64::from(t.hour()) % h == 0 {
                    push(&mut fine, t, tr.time(T::ChartFmtHourTick, t));
                }
                if t.hour() == 0 {
                    push(&mut context, t, tr.time(T::ChartFmtDayWeekday, t));
                }
                t += Duration::hours(1);
            }
        }
        Step::Days(d) => {
            let mut date = start.date();
            let monday = NaiveDate::from_ymd_opt(1970, 1, 5).unwrap_or_default();
            while date <= end.date() {
                let t = date.and_hms_opt(0, 0, 0).unwrap_or_default();
                let n = (date - monday).num_days();
                let aligned = if d == 1 || d == 2 {
                    n.rem_euclid(d) == 0 || date.day() == 1
                } else {
                    n.rem_euclid(d) == 0
                };
                if aligned {
                    push(&mut fine, t, tr.time(T::ChartFmtDayTick, t));
                }
                if date.day() == 1 {
                    push(&mut context, t, tr.time(T::ChartFmtMonthYear, t));
                }
                date = date.succ_opt().unwrap_or(NaiveDate::MAX);
                if date == NaiveDate::MAX {
                    break;
                }
            }
        }
        Step::Months(m) => {
            let mut date = first_of_month(start);
            while date <= end.date() {
                let t = date.and_hms_opt(0, 0, 0).unwrap_or_default();
                if (date.month() - 1).is_multiple_of(m) {
                    push(&mut fine, t, tr.time(T::ChartFmtMonthTick, t));
                }
                if date.month() == 1 {
                    push(&mut context, t, tr.time(T::ChartFmtYear, t));
                }
                match add_months(date, 1) {
                    Some(next) => date = next,
                    None => break,
                }
            }
        }
        Step::Years(y) => {
            let mut year = start.year();
            while year <= end.year() {
                if year % y == 0
                    && let Some(t) =
                        NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
                {
                    push(&mut fine, t, tr.time(T::ChartFmtYear, t));
                }
                year += 1;
            }
        }
    }
    // A sticky context label at the left edge when the first boundary is far from it.
    let sticky = match step {
        Step::Hours(_) => Some(tr.time(T::ChartFmtDayWeekday, start)),
        Step::Days(_) => Some(tr.time(T::ChartFmtMonthYear, start)),
        Step::Months(_) => Some(tr.time(T::ChartFmtYear, start)),
        Step::Years(_) => None,
    };
    let mut sticky_first = false;
    if let Some(label) = sticky {
        let first_px = context
            .first()
            .map_or(f64::INFINITY, |t| (t.at - view.0) * px_per_hour);
        if first_px >= context_px {
            context.insert(0, Tick { at: view.0, label });
            sticky_first = true;
        }
    }
    // Thin out context labels that would collide.
    let mut last_px = f64::NEG_INFINITY;
    let mut kept = Vec::with_capacity(context.len());
    for (i, t) in context.into_iter().enumerate() {
        let px = (t.at - view.0) * px_per_hour;
        if px - last_px >= context_px || i == 0 {
            last_px = px;
            kept.push(t);
        }
    }
    TimeTicks {
        fine,
        context: kept,
        sticky_first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CST: i32 = 8 * 3600;

    fn hour_of(y: i32, m: u32, d: u32, h: u32) -> f64 {
        let t = NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .expect("valid");
        to_hour(t, CST)
    }

    #[test]
    fn labels_follow_local_time_and_chinese_formats() {
        let from = hour_of(2019, 12, 5, 0);
        assert_eq!(
            format_hour(from + 14.0, CST, Language::Zh),
            "2019年12月5日 周四 14:00"
        );
        // Three days on 900 px: 6-hour ticks, dates beneath.
        let t = time_ticks((from, from + 72.0), 900.0, CST, 40.0, 90.0, Language::Zh);
        assert_eq!(t.fine[0].label, "00时");
        assert_eq!(t.fine[1].label, "06时");
        assert_eq!(t.fine[1].at - t.fine[0].at, 6.0);
        assert_eq!(t.context[0].label, "12月5日 周四");
        assert_eq!(t.context[0].at, from);
        // A season on 1000 px: month ticks with the year beneath.
        let season = (hour_of(2019, 10, 1, 0), hour_of(2020, 3, 31, 0));
        let t = time_ticks(season, 1000.0, CST, 60.0, 80.0, Language::Zh);
        let labels: Vec<&str> = t.fine.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["10月", "11月", "12月", "1月", "2月", "3月"]);
        assert!(t.context.iter().any(|c| c.label == "2020年"));
        assert!(t.context[0].label == "2019年" && t.sticky_first);
        // A month on 1000 px: day ticks, month context.
        let t = time_ticks(
            (hour_of(2019, 12, 1, 0), hour_of(2020, 1, 1, 0)),
            1000.0,
            CST,
            28.0,
            80.0,
            Language::Zh,
        );
        assert_eq!(t.fine[0].label, "1日");
        assert_eq!(t.context[0].label, "2019年12月");
    }

    #[test]
    fn english_labels_use_english_formats() {
        let from = hour_of(2019, 12, 5, 0);
        let en = Language::En;
        assert_eq!(format_hour(from + 14.0, CST, en), "Thu 5 Dec 2019 14:00");
        assert_eq!(
            format_day(NaiveDate::from_ymd_opt(2019, 12, 5).expect("d"), en),
            "Thu 5 Dec"
        );
        let t = time_ticks((from, from + 72.0), 900.0, CST, 40.0, 90.0, en);
        assert_eq!(t.fine[0].label, "00:00");
        assert_eq!(t.fine[1].label, "06:00");
        assert_eq!(t.context[0].label, "Thu 5 Dec");
        let season = (hour_of(2019, 10, 1, 0), hour_of(2020, 3, 31, 0));
        let t = time_ticks(season, 1000.0, CST, 60.0, 80.0, en);
        let labels: Vec<&str> = t.fine.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]);
        assert!(t.context.iter().any(|c| c.label == "2020"));
        let t = time_ticks(
            (hour_of(2019, 12, 1, 0), hour_of(2020, 1, 1, 0)),
            1000.0,
            CST,
            28.0,
            80.0,
            en,
        );
        assert_eq!(t.fine[0].label, "1");
        assert_eq!(t.context[0].label, "Dec 2019");
        assert!(t.fine.iter().chain(&t.context).all(|t| t.label.is_ascii()));
    }
}
