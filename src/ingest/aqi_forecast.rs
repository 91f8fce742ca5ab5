//! Daily AQI forecasts as command centres keep them: `date,aqi_min,aqi_max[,primary]` or the
//! Chinese headers `日期,AQI下限,AQI上限,首要污染物` (a single range column such as
//! `AQI范围` = `180~230` works too). UTF-8, UTF-8 with BOM or GBK.
//!
//! Dates: `2019-12-08`, `2019/12/8`, `2019.12.8`, `20191208`, `2019年12月8日` (a time after the date
//! is ignored), and `12月8日` without a year (what Excel shows in a Chinese locale): its year is the
//! one that puts it nearest to the first full date of the file, or else to the reference date the
//! caller gives (the time of the advice).
//!
//! Not part of the store: the forecast is daily and a range, so it comes back as
//! `Vec<ForecastDay>` with the usual [`FileReport`].

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::domain::advisor::{ForecastDay, PrimaryPollutant};

use super::number::{Cell, NumberFormat};
use super::reason::{CellError, Reason, Then};
use super::report::{FileReport, Severity};
use super::text::{report_bad_encoding, unreadable_row};
use super::{Format, decode};

/// What a header cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Min,
    Max,
    Range,
    Primary,
    /// Known but not needed (category, remarks).
    Ignored,
    Unknown,
}

/// A header cell made comparable: no BOM, no spaces, ASCII parentheses, lowercase.
fn normalise(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

fn column(h: &str) -> Column {
    match normalise(h).as_str() {
        "date" | "day" | "日期" | "预报日期" => Column::Date,
        "aqimin" | "minaqi" | "aqilow" | "aqi下限" | "aqi最小值" | "aqi最低" | "aqi最低值"
        | "下限" => Column::Min,
        "aqimax" | "maxaqi" | "aqihigh" | "aqi上限" | "aqi最大值" | "aqi最高" | "aqi最高值"
        | "上限" => Column::Max,
        "aqirange" | "aqi范围" | "aqi预报" | "预报aqi" | "aqi预报范围" | "aqi(范围)" => {
            Column::Range
        }
        "primary" | "primarypollutant" | "首要污染物" | "首要污染物预报" => {
            Column::Primary
        }
        "category" | "level" | "等级" | "级别" | "空气质量等级" | "空气质量级别" | "备注"
        | "note" | "remark" | "remarks" => Column::Ignored,
        _ => Column::Unknown,
    }
}

/// The header layout: where each needed column is.
struct Layout {
    date: usize,
    min_max: Option<(usize, usize)>,
    range: Option<usize>,
    primary: Option<usize>,
}

fn layout(headers: &[&str]) -> Option<Layout> {
    let find = |want: Column| headers.iter().position(|h| column(h) == want);
    let date = find(Column::Date)?;
    let min_max = find(Column::Min).zip(find(Column::Max));
    let range = find(Column::Range);
    if min_max.is_none() && range.is_none() {
        return None;
    }
    Some(Layout {
        date,
        min_max,
        range,
        primary: find(Column::Primary),
    })
}

/// Whether the first line is an AQI-forecast header.
pub fn looks_like(first_line: &str) -> bool {
    let headers: Vec<&str> = first_line.split(',').collect();
    layout(&headers).is_some()
}

/// A date cell: with its year, or month and day only.
#[derive(Debug, Clone, Copy, PartialEq)]
enum DateCell {
    Full(NaiveDate),
    MonthDay(u32, u32),
}

fn parse_date(raw: &str) -> Option<DateCell> {
    let s = raw.split_whitespace().next().unwrap_or("");
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(DateCell::Full(d));
        }
    }
    let (m, d) = s.strip_suffix('日')?.split_once('月')?;
    let (m, d) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    // Check that the month and day exist (29 February in a leap year is possible).
    NaiveDate::from_ymd_opt(2000, m, d)?;
    Some(DateCell::MonthDay(m, d))
}

/// The year for a month-day that puts it nearest to `reference`.
fn nearest(m: u32, d: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let y = reference.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|date| (*date - reference).num_days().abs())
}

/// An AQI value from a cell, or why not.
fn aqi_value(raw: &str) -> Result<Option<f32>, CellError> {
    match NumberFormat::PLAIN.parse(raw) {
        Cell::Missing => Ok(None),
        Cell::Invalid(error) => Err(error),
        Cell::Value(v) if (0.0..=500.0).contains(&v) => Ok(Some(v as f32)),
        Cell::Value(value) => Err(CellError::AqiOutside { value }),
    }
}

/// A range cell: `180-230`, `180~230`, `180～230`, `180至230`, or one value.
fn range_value(raw: &str) -> Result<Option<(f32, f32)>, CellError> {
    let parts: Vec<&str> = raw
        .split(['-', '~', '～', '—', '–', '至', '到'])
        .map(str::trim)
        .collect();
    let not_a_range = || CellError::NotAqiRange {
        text: raw.to_string(),
    };
    match parts.as_slice() {
        [one] => Ok(aqi_value(one)?.map(|v| (v, v))),
        [a, b] => match (aqi_value(a)?, aqi_value(b)?) {
            (Some(a), Some(b)) => Ok(Some((a, b))),
            _ => Err(not_a_range()),
        },
        _ => Err(not_a_range()),
    }
}

/// Primary pollutants from free text; unknown words come back separately.
fn primaries(raw: &str) -> (Vec<PrimaryPollutant>, Vec<String>) {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for token in raw.split(['、', ',', '，', '/', ';', '；', '+', '和', '及', ' ', '\t']) {
        let t = token.trim();
        if t.is_empty() || matches!(t, "—" | "-" | "--" | "无" | "/") {
            continue;
        }
        match PrimaryPollutant::from_text(t) {
            Some(p) if !found.contains(&p) => found.push(p),
            Some(_) => {}
            None => unknown.push(t.to_string()),
        }
    }
    (found, unknown)
}

/// Parse a forecast file's bytes. `reference` dates month-day-only rows when the file has no
/// full date. Problems go into `report`; good rows are kept.
pub(crate) fn parse(
    bytes: &[u8],
    report: &mut FileReport,
    reference: Option<NaiveDate>,
) -> Vec<ForecastDay> {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    report_bad_encoding(&decoded, report);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(decoded.text.as_bytes());
    let mut rows: Vec<(u64, csv::StringRecord)> = Vec::new();
    for result in reader.records() {
        match result {
            Ok(r) => {
                let line = r.position().map_or(0, csv::Position::line);
                rows.push((line, r));
            }
            Err(e) => {
                let line = e.position().map(csv::Position::line);
                report.problem(Severity::Warning, line, None, unreadable_row(&e), None);
            }
        }
    }
    let Some((_, header)) = rows.first() else {
        report.fatal(Reason::EmptyFile);
        return Vec::new();
    };
    let headers: Vec<&str> = header.iter().collect();
    let Some(lay) = layout(&headers) else {
        report.fatal(Reason::NotForecast);
        return Vec::new();
    };
    for (i, h) in headers.iter().enumerate() {
        if column(h) == Column::Unknown {
            report.cell(1, i + 1, h, Reason::ColumnNotUsed);
        }
    }
    let body = &rows[1..];
    // The year context for month-day dates: the first full date in the file, else the caller's.
    let context = body
        .iter()
        .find_map(|(_, r)| match parse_date(r.get(lay.date).unwrap_or("")) {
            Some(DateCell::Full(d)) => Some(d),
            _ => None,
        })
        .or(reference);
    let mut days: BTreeMap<NaiveDate, (u64, ForecastDay)> = BTreeMap::new();
    for (line, record) in body {
        let line = *line;
        if record.iter().all(str::is_empty) {
            continue;
        }
        report.rows_read += 1;
        report.cells_seen += 1;
        if let Some(day) = parse_row(record, line, &lay, &headers, context, report) {
            if let Some((first, _)) = days.get(&day.date) {
                let again = Reason::DayAgain {
                    date: day.date,
                    first_line: *first,
                };
                report.cell(line, lay.date + 1, headers[lay.date], again);
            } else {
                days.insert(day.date, (line, day));
            }
        }
    }
    report.values_kept = days.len() as u64;
    report.period = days
        .keys()
        .next()
        .zip(days.keys().next_back())
        .map(|(a, b)| (a.to_string(), b.to_string()));
    days.into_values().map(|(_, d)| d).collect()
}

/// One data row, or `None` with the reason reported.
fn parse_row(
    record: &csv::StringRecord,
    line: u64,
    lay: &Layout,
    headers: &[&str],
    context: Option<NaiveDate>,
    report: &mut FileReport,
) -> Option<ForecastDay> {
    let cell = |i: usize| record.get(i).unwrap_or("");
    let date_raw = cell(lay.date);
    let date = match parse_date(date_raw) {
        Some(DateCell::Full(d)) => d,
        Some(DateCell::MonthDay(m, d)) => match context.and_then(|c| nearest(m, d, c)) {
            Some(date) => date,
            None => {
                report.cell(
                    line,
                    lay.date + 1,
                    headers[lay.date],
                    Reason::NoYear {
                        text: date_raw.to_string(),
                    },
                );
                return None;
            }
        },
        None if date_raw.is_empty() => {
            report.cell(line, lay.date + 1, headers[lay.date], Reason::NoDate);
            return None;
        }
        None => {
            report.cell(
                line,
                lay.date + 1,
                headers[lay.date],
                Reason::cell(
                    CellError::NotADate {
                        text: date_raw.to_string(),
                    },
                    Then::Row,
                ),
            );
            return None;
        }
    };
    let range = match (lay.min_max, lay.range) {
        (Some((min_i, max_i)), range_i) => {
            let min = aqi_value(cell(min_i));
            let max = aqi_value(cell(max_i));
            match (min, max) {
                (Ok(Some(a)), Ok(Some(b))) => Some((a, b)),
                (Ok(None), Ok(None)) => match range_i.map(|i| range_value(cell(i))) {
                    Some(Ok(Some(r))) => Some(r),
                    _ => None,
                },
                (Err(error), _) => {
                    let reason = Reason::cell(error, Then::Row);
                    report.cell(line, min_i + 1, headers[min_i], reason);
                    return None;
                }
                (_, Err(error)) => {
                    let reason = Reason::cell(error, Then::Row);
                    report.cell(line, max_i + 1, headers[max_i], reason);
                    return None;
                }
                (Ok(None), _) => {
                    report.cell(line, min_i + 1, headers[min_i], Reason::LowerMissing);
                    return None;
                }
                (_, Ok(None)) => {
                    report.cell(line, max_i + 1, headers[max_i], Reason::UpperMissing);
                    return None;
                }
            }
        }
        (None, Some(i)) => match range_value(cell(i)) {
            Ok(r) => r,
            Err(error) => {
                report.cell(line, i + 1, headers[i], Reason::cell(error, Then::Row));
                return None;
            }
        },
        (None, None) => None,
    };
    let Some((aqi_min, aqi_max)) = range else {
        report.problem(Severity::Warning, Some(line), None, Reason::NoAqi, None);
        return None;
    };
    if aqi_min > aqi_max {
        let col = lay.min_max.map_or(lay.range.unwrap_or(0), |(a, _)| a);
        report.cell(
            line,
            col + 1,
            headers.get(col).copied().unwrap_or(""),
            Reason::BoundsReversed {
                lower: aqi_min,
                upper: aqi_max,
            },
        );
        return None;
    }
    let primary = match lay.primary {
        Some(i) => {
            let (found, unknown) = primaries(cell(i));
            for u in unknown {
                report.cell(line, i + 1, headers[i], Reason::NotPollutant { text: u });
            }
            found
        }
        None => Vec::new(),
    };
    Some(ForecastDay {
        date,
        aqi_min,
        aqi_max,
        primary,
    })
}

/// Parse an AQI forecast from bytes (`reference`: the date month-day-only rows are placed
/// near when the file has no full date, usually the date of the advice).
pub fn parse_forecast(
    path: &Path,
    bytes: &[u8],
    reference: Option<NaiveDate>,
) -> (Vec<ForecastDay>, FileReport) {
    let mut report = FileReport::new(path);
    report.format = Some(Format::AqiForecast);
    let days = parse(bytes, &mut report, reference);
    (days, report)
}

/// Read and parse an AQI forecast file.
pub fn load_forecast(path: &Path, reference: Option<NaiveDate>) -> (Vec<ForecastDay>, FileReport) {
    super::input::parse_list_file(path, |bytes| parse_forecast(path, bytes, reference))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::en;

    fn run(text: &str, reference: Option<NaiveDate>) -> (Vec<ForecastDay>, FileReport) {
        parse_forecast(Path::new("f.csv"), text.as_bytes(), reference)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn english_headers_and_primary_codes() {
        let (days, report) = run(
            "date,aqi_min,aqi_max,primary\n2019-12-08,180,230,PM2.5\n2019-12-09,260,320,PM2.5、PM10\n2019-12-10,90,120,\n",
            None,
        );
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(days.len(), 3);
        assert_eq!(days[0].date, d(2019, 12, 8));
        assert_eq!((days[1].aqi_min, days[1].aqi_max), (260.0, 320.0));
        assert_eq!(
            days[1].primary,
            [PrimaryPollutant::Pm25, PrimaryPollutant::Pm10]
        );
        assert!(days[2].primary.is_empty());
        assert_eq!(report.values_kept, 3);
        assert_eq!(
            report.period,
            Some(("2019-12-08".into(), "2019-12-10".into()))
        );
    }

    #[test]
    fn chinese_headers_gbk_and_slashed_dates() {
        let text = "日期,AQI下限,AQI上限,首要污染物\r\n2019/12/8,180,230,细颗粒物\r\n2019/12/9,60,90,臭氧\r\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let (days, report) = parse_forecast(Path::new("f.csv"), &gbk, None);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.encoding.as_deref(), Some("GB18030"));
        assert_eq!(days[0].date, d(2019, 12, 8));
        assert_eq!(days[1].primary, [PrimaryPollutant::O3]);
    }

    #[test]
    fn month_day_dates_take_their_year_from_context() {
        let text = "日期,AQI范围\n12月31日,180~230\n1月1日,200～260\n";
        let (days, report) = run(text, Some(d(2019, 12, 30)));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(days[0].date, d(2019, 12, 31));
        assert_eq!(days[1].date, d(2020, 1, 1));
        assert_eq!((days[1].aqi_min, days[1].aqi_max), (200.0, 260.0));
        // Without a reference or a full date the year cannot be known.
        let (days, report) = run(text, None);
        assert!(days.is_empty());
        assert_eq!(report.problems.len(), 2);
        assert!(en(&report.problems[0].reason).contains("has no year"));
        assert_eq!(report.problems[0].line, Some(2));
        // A full date elsewhere in the file gives the year.
        let (days, _) = run("日期,AQI范围\n2019年12月31日,180~230\n1月1日,200\n", None);
        assert_eq!(days[1].date, d(2020, 1, 1));
        assert_eq!((days[1].aqi_min, days[1].aqi_max), (200.0, 200.0));
    }

    #[test]
    fn bad_rows_are_reported_with_line_and_column_and_skipped() {
        let text = "\u{feff}date,aqi_min,aqi_max,primary,category\n\
                    2019-12-08,180,230,PM2.5,重度\n\
                    2019-13-01,180,230,PM2.5,\n\
                    2019-12-09,abc,230,PM2.5,\n\
                    2019-12-10,250,200,PM2.5,\n\
                    2019-12-11,250,600,PM2.5,\n\
                    2019-12-12,,230,PM2.5,\n\
                    2019-12-08,100,120,PM2.5,\n\
                    2019-12-13,100,120,PM3,\n\
                    \n\
                    2019-12-14,100,120,O3_8h,\n";
        let (days, report) = run(text, None);
        let dates: Vec<String> = days.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(dates, ["2019-12-08", "2019-12-13", "2019-12-14"]);
        assert_eq!(report.encoding.as_deref(), Some("UTF-8 (BOM)"));
        let got: Vec<(Option<u64>, Option<String>, String)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.column.clone(), en(&p.reason)))
            .collect();
        let expect: [(u64, &str, &str); 7] = [
            (3, "1 (date)", "is not a date"),
            (4, "2 (aqi_min)", "「abc」 is not a number"),
            (5, "2 (aqi_min)", "lower bound 250 is above upper bound 200"),
            (6, "3 (aqi_max)", "outside 0–500"),
            (7, "2 (aqi_min)", "lower bound missing"),
            (8, "1 (date)", "appears again (first on line 2)"),
            (9, "4 (primary)", "「PM3」 is not a pollutant name"),
        ];
        assert_eq!(got.len(), expect.len(), "{got:?}");
        for ((line, col, reason), (el, ec, er)) in got.iter().zip(expect) {
            assert_eq!(*line, Some(el), "{reason}");
            assert_eq!(col.as_deref(), Some(ec), "{reason}");
            assert!(reason.contains(er), "{reason} should contain {er}");
        }
        assert_eq!(report.rows_read, 9);
        assert_eq!(report.values_kept, 3);
    }

    #[test]
    fn unknown_columns_are_named_and_headers_are_recognised() {
        assert!(looks_like("date,aqi_min,aqi_max"));
        assert!(looks_like("日期,AQI下限,AQI上限,首要污染物"));
        assert!(looks_like("\u{feff}日期, AQI 范围"));
        assert!(!looks_like("date,aqi"));
        assert!(!looks_like("date,hour,type,1001A"));
        let (_, report) = run("date,aqi_min,aqi_max,wind\n2019-12-08,1,2,3\n", None);
        assert_eq!(report.problems.len(), 1);
        assert!(en(&report.problems[0].reason).contains("not used"));
    }

    #[test]
    fn not_a_forecast_is_fatal() {
        let (days, report) = run("a,b\n1,2\n", None);
        assert!(days.is_empty());
        assert!(report.failed());
        let (_, report) = run("", None);
        assert!(report.failed());
    }
}
