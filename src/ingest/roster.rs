//! Duty rosters (值班表) from CSV (UTF-8/BOM/GBK) or spreadsheets, with Chinese or English
//! headers (the contact list is [`super::contacts`]).
//!
//! Roster layouts read:
//! - long: one row per person and shift — `日期, 班次, 开始时间, 结束时间, 姓名, 岗位, 电话` (times
//!   may also be one `值班时间` cell such as `08:30-次日08:30`);
//! - wide: one row per day, one column per role — `日期, 星期, 带班领导, 值班人员, 联系电话`; the
//!   header names the role, a cell may list several people (`张三、李四`).
//!
//! Without times a shift covers the day from [`RosterOptions::day_starts_at`] to the same time the
//! next day. An end at or before the start (or written `次日…`) is on the next day.

use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::roster::Shift;

use super::reason::{CellError, ListKind, Reason, Then};
use super::report::{FileReport, Severity};
use super::sheet::{Sheet, SheetRow, has, normalise_header, read_sheet};

const DATE: &[&str] = &["日期", "值班日期", "date"];
const START: &[&str] = &[
    "开始时间",
    "开始",
    "上班时间",
    "起始时间",
    "接班时间",
    "start",
];
const END: &[&str] = &["结束时间", "结束", "下班时间", "交班时间", "end"];
const TIME_RANGE: &[&str] = &["值班时间", "时间", "班次时间", "时段", "time", "hours"];
const LABEL: &[&str] = &["班次", "shift"];
const PERSON: &[&str] = &["姓名", "值班人", "人员", "name", "person"];
const ROLE: &[&str] = &["岗位", "角色", "职务", "职责", "role", "position"];
const PHONE: &[&str] = &[
    "电话",
    "联系电话",
    "手机",
    "手机号",
    "手机号码",
    "phone",
    "mobile",
    "tel",
];
/// Columns of a wide roster that are not people.
const NOT_PEOPLE: &[&str] = &[
    "星期", "周", "weekday", "day", "备注", "note", "remark", "序号", "no",
];

/// How to read a roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RosterOptions {
    /// When a shift starts if the roster gives only dates (often 08:30 for 24-hour duty).
    pub day_starts_at: NaiveTime,
}

impl Default for RosterOptions {
    /// Shifts without times cover the calendar day from 00:00.
    fn default() -> Self {
        RosterOptions {
            day_starts_at: NaiveTime::MIN,
        }
    }
}

/// Read a roster file.
pub fn read_roster_file(path: &Path, options: &RosterOptions) -> (Vec<Shift>, FileReport) {
    super::input::parse_list_file(path, |bytes| parse_roster(path, bytes, options))
}

/// Parse roster bytes (CSV or spreadsheet). Rows that cannot be used are reported by line and
/// column; the others are kept.
pub fn parse_roster(
    path: &Path,
    bytes: &[u8],
    options: &RosterOptions,
) -> (Vec<Shift>, FileReport) {
    let mut report = FileReport::new(path);
    let Some(sheet) = read_sheet(
        bytes,
        &mut report,
        |h| has(h, DATE) && h.iter().filter(|c| !c.is_empty()).count() >= 2,
        ListKind::Roster,
    ) else {
        return (Vec::new(), report);
    };
    let cols = RosterColumns::find(&sheet);
    if cols.people.is_empty() {
        report.fatal(Reason::NoPeopleColumn);
        return (Vec::new(), report);
    }
    if cols.people.len() > 1 && cols.phone.is_some() {
        report.problem(
            Severity::Warning,
            None,
            cols.phone
                .map(|c| format!("{} ({})", c + 1, sheet.header[c].trim())),
            Reason::SharedPhoneColumn,
            None,
        );
    }
    let mut shifts = Vec::new();
    for row in &sheet.rows {
        let Some((start, end)) = shift_times(&sheet, row, &cols, options, &mut report) else {
            continue;
        };
        let label = row.text(cols.label);
        let role_text = row.text(cols.role);
        let single = cols.people.len() == 1;
        let mut found = 0;
        for &(col, ref role_header) in &cols.people {
            let Some(cell) = row.text(Some(col)) else {
                continue;
            };
            for person in split_names(&cell) {
                found += 1;
                shifts.push(Shift {
                    start,
                    end,
                    label: label.clone(),
                    person,
                    role: role_text.clone().or_else(|| role_header.clone()),
                    phone: if single { row.text(cols.phone) } else { None },
                });
            }
        }
        if found == 0 {
            report.problem(
                Severity::Warning,
                Some(row.line),
                None,
                Reason::NoPerson,
                None,
            );
        }
    }
    report.values_kept = shifts.len() as u64;
    (shifts, report)
}

/// Where things are in a roster.
struct RosterColumns {
    date: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    range: Option<usize>,
    label: Option<usize>,
    role: Option<usize>,
    phone: Option<usize>,
    /// People columns with the role their header names (`None` for a plain 姓名 column).
    people: Vec<(usize, Option<String>)>,
}

impl RosterColumns {
    fn find(sheet: &Sheet) -> Self {
        let date = sheet.find(DATE);
        let start = sheet.find(START);
        let end = sheet.find(END);
        let range = sheet.find(TIME_RANGE);
        let label = sheet.find(LABEL);
        let role = sheet.find(ROLE);
        let phone = sheet.find(PHONE);
        let people = match (role, sheet.find(PERSON)) {
            // A role column, or a plain person column: long layout.
            (Some(_), Some(p)) | (None, Some(p)) => vec![(p, None)],
            // With a role column, 值班人员 names the people rather than a role.
            (Some(_), None) => sheet
                .find(&["值班人员", "值班员", "人员姓名"])
                .map(|p| vec![(p, None)])
                .unwrap_or_default(),
            // Wide layout: every other named column is a role.
            (None, None) => {
                let taken = [date, start, end, range, label, phone];
                sheet
                    .header
                    .iter()
                    .enumerate()
                    .filter(|(i, h)| {
                        !h.trim().is_empty()
                            && !taken.contains(&Some(*i))
                            && !NOT_PEOPLE
                                .iter()
                                .any(|n| normalise_header(h) == normalise_header(n))
                    })
                    .map(|(i, h)| (i, Some(h.trim().to_string())))
                    .collect()
            }
        };
        RosterColumns {
            date,
            start,
            end,
            range,
            label,
            role,
            phone,
            people,
        }
    }
}

/// `张三、李四` → two names.
fn split_names(cell: &str) -> Vec<String> {
    cell.split(['、', '，', ',', '/', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Start and end of a row's shift, or `None` (reported) when they cannot be read.
fn shift_times(
    sheet: &Sheet,
    row: &SheetRow,
    cols: &RosterColumns,
    options: &RosterOptions,
    report: &mut FileReport,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let col_name =
        |c: Option<usize>| c.map_or(String::new(), |c| sheet.header[c].trim().to_string());
    let bad = |report: &mut FileReport, c: Option<usize>, error: fn(String) -> CellError| {
        let text = row.text(c).unwrap_or_default();
        let reason = Reason::cell(error(text), Then::Row);
        report.cell(row.line, c.map_or(0, |c| c + 1), &col_name(c), reason);
    };
    let end_time = |text| CellError::NotATimeOfDay {
        text,
        example: "17:30",
    };
    // A full date-time in the start column needs no date column.
    if let Some(start) = row.get(cols.start).as_datetime() {
        let end = match row.get(cols.end).as_datetime() {
            Some(e) => e,
            None => match row.get(cols.end).as_time() {
                Some((t, next)) => at_or_after(start.date(), t, next, start),
                None => {
                    bad(report, cols.end, end_time);
                    return None;
                }
            },
        };
        return check_order(row, start, end, report);
    }
    let Some(date) = row.get(cols.date).as_date() else {
        if row.text(cols.date).is_none() {
            report.cell(
                row.line,
                cols.date.map_or(0, |c| c + 1),
                &col_name(cols.date),
                Reason::NoDate,
            );
        } else {
            bad(report, cols.date, |text| CellError::NotADate { text });
        }
        return None;
    };
    let (start, end) = if cols.start.is_some() || cols.end.is_some() {
        let Some((s, s_next)) = row.get(cols.start).as_time() else {
            let start_time = |text| CellError::NotATimeOfDay {
                text,
                example: "08:30",
            };
            bad(report, cols.start, start_time);
            return None;
        };
        let Some((e, e_next)) = row.get(cols.end).as_time() else {
            bad(report, cols.end, end_time);
            return None;
        };
        let start = at(date, s, s_next);
        (start, at_or_after(date, e, e_next, start))
    } else if let Some(text) = row.text(cols.range) {
        let parts: Vec<&str> = text
            .split(['-', '—', '–', '~', '～', '至', '到'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let parsed = match parts.as_slice() {
            [a, b] => super::sheet::parse_time(a).zip(super::sheet::parse_time(b)),
            _ => None,
        };
        let Some(((s, s_next), (e, e_next))) = parsed else {
            bad(report, cols.range, |text| CellError::NotATimeSpan { text });
            return None;
        };
        let start = at(date, s, s_next);
        (start, at_or_after(date, e, e_next, start))
    } else {
        let start = date.and_time(options.day_starts_at);
        (start, start + Duration::days(1))
    };
    check_order(row, start, end, report)
}

fn at(date: NaiveDate, t: NaiveTime, next_day: bool) -> NaiveDateTime {
    let dt = date.and_time(t);
    if next_day { dt + Duration::days(1) } else { dt }
}

/// The end time on `date`, moved to the next day when it is not after `start`.
fn at_or_after(
    date: NaiveDate,
    t: NaiveTime,
    next_day: bool,
    start: NaiveDateTime,
) -> NaiveDateTime {
    let end = at(date, t, next_day);
    if end <= start {
        end + Duration::days(1)
    } else {
        end
    }
}

fn check_order(
    row: &SheetRow,
    start: NaiveDateTime,
    end: NaiveDateTime,
    report: &mut FileReport,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    if end <= start || end - start > Duration::days(2) {
        report.problem(
            Severity::Warning,
            Some(row.line),
            None,
            Reason::ImplausibleShift { start, end },
            None,
        );
        return None;
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::en;

    fn dt(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2019, 12, d)
            .and_then(|x| x.and_hms_opt(h, m, 0))
            .expect("time")
    }

    #[test]
    fn long_roster_with_times_night_shifts_and_bad_rows() {
        let text = "日期,班次,开始时间,结束时间,姓名,岗位,电话\n\
                    2019-12-01,白班,08:30,17:30,张三,值班员,13800000001\n\
                    2019/12/1,夜班,17:30,08:30,李四,值班员,13800000002\n\
                    2019-12-02,白班,8:30,17:30,,值班员,\n\
                    2019-13-02,白班,08:30,17:30,王五,值班员,\n\
                    2019-12-02,白班,08:30,下午,赵六,值班员,\n";
        let (shifts, report) = parse_roster(
            Path::new("roster.csv"),
            text.as_bytes(),
            &RosterOptions::default(),
        );
        assert_eq!(shifts.len(), 2);
        assert_eq!(
            (shifts[0].start, shifts[0].end),
            (dt(1, 8, 30), dt(1, 17, 30))
        );
        assert_eq!(shifts[0].label.as_deref(), Some("白班"));
        assert_eq!(shifts[0].phone.as_deref(), Some("13800000001"));
        assert_eq!(
            (shifts[1].start, shifts[1].end),
            (dt(1, 17, 30), dt(2, 8, 30))
        );
        let lines: Vec<(Option<u64>, Option<&str>)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (Some(4), None),
                (Some(5), Some("1 (日期)")),
                (Some(6), Some("4 (结束时间)")),
            ],
            "{:?}",
            report.problems
        );
        assert!(en(&report.problems[1].reason).contains("2019-13-02"));
        assert_eq!(report.values_kept, 2);
    }

    #[test]
    fn wide_roster_gbk_with_title_row_and_time_span() {
        let text = "2019年12月值班安排\n\
                    日期,星期,值班时间,带班领导,值班人员,联系电话\n\
                    2019年12月1日,日,08:30-次日08:30,李局,张三、王五,010-1234567\n\
                    2019年12月2日,一,08:30～08:30,赵局,,\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let (shifts, report) =
            parse_roster(Path::new("值班表.csv"), &gbk, &RosterOptions::default());
        // The phone column is shared by two people columns: warned about once, not used.
        assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
        let got: Vec<(&str, Option<&str>, NaiveDateTime, NaiveDateTime)> = shifts
            .iter()
            .map(|s| (s.person.as_str(), s.role.as_deref(), s.start, s.end))
            .collect();
        assert_eq!(
            got,
            vec![
                ("李局", Some("带班领导"), dt(1, 8, 30), dt(2, 8, 30)),
                ("张三", Some("值班人员"), dt(1, 8, 30), dt(2, 8, 30)),
                ("王五", Some("值班人员"), dt(1, 8, 30), dt(2, 8, 30)),
                ("赵局", Some("带班领导"), dt(2, 8, 30), dt(3, 8, 30)),
            ]
        );
        assert!(shifts.iter().all(|s| s.phone.is_none()));
    }

    #[test]
    fn dates_only_use_the_day_start_and_english_headers_work() {
        let text = "date,name,role\n2019-12-01,Zhang San,officer\n";
        let options = RosterOptions {
            day_starts_at: NaiveTime::from_hms_opt(8, 30, 0).expect("time"),
        };
        let (shifts, report) = parse_roster(Path::new("r.csv"), text.as_bytes(), &options);
        assert!(report.problems.is_empty());
        assert_eq!(
            (shifts[0].start, shifts[0].end),
            (dt(1, 8, 30), dt(2, 8, 30))
        );
        assert_eq!(shifts[0].role.as_deref(), Some("officer"));
        let (_, report) = parse_roster(Path::new("r.csv"), b"a,b\n1,2\n", &options);
        assert!(report.failed());
    }

    #[test]
    fn roster_from_xlsx() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in ["日期", "开始时间", "结束时间", "姓名"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).expect("write");
        }
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 12, 1).expect("date");
        let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(1, 0, &d, &f).expect("write");
        ws.write_string(1, 1, "17:30").expect("write");
        let t = rust_xlsxwriter::ExcelDateTime::from_hms(8, 30, 0).expect("time");
        let tf = rust_xlsxwriter::Format::new().set_num_format("hh:mm");
        ws.write_datetime_with_format(1, 2, &t, &tf).expect("write");
        ws.write_string(1, 3, "张三").expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        let (shifts, report) = parse_roster(Path::new("r.xlsx"), &bytes, &RosterOptions::default());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(
            (shifts[0].start, shifts[0].end),
            (dt(1, 17, 30), dt(2, 8, 30))
        );
    }
}
