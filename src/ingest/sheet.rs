//! A table from a CSV file (UTF-8, UTF-8 with BOM, GBK; comma, tab or semicolon) or a spreadsheet
//! (.xlsx/.xls via calamine), for the hand-made lists a command centre keeps: duty rosters,
//! contact lists, inspection findings.
//!
//! Title rows above the header (a merged `2019年12月值班表` line) are skipped: the header is the
//! first row the caller recognises. Line numbers are the file's line (CSV) or the sheet's row
//! number (spreadsheet), so problems can be found where the user looks.

use calamine::Data;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::reason::{ListKind, Reason};
use super::report::{FileReport, Severity};
use super::text::{decode, report_bad_encoding, unreadable_row};
use super::workbook::{self, Flow};

/// Rows searched for the header before giving up.
const HEADER_SEARCH_ROWS: usize = 20;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    /// Nothing.
    Empty,
    /// Text (CSV cells are always text).
    Text(String),
    /// A spreadsheet number.
    Number(f64),
    /// A spreadsheet date or date-time.
    DateTime(NaiveDateTime),
    /// A spreadsheet time of day without a date.
    Time(NaiveTime),
}

impl SheetCell {
    /// The cell as trimmed text; `None` when empty. Whole numbers print without decimals (phone
    /// numbers stored as numbers), dates as `YYYY-MM-DD`.
    pub fn text(&self) -> Option<String> {
        let s = match self {
            SheetCell::Empty => return None,
            SheetCell::Text(t) => t.trim().to_string(),
            SheetCell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            SheetCell::Number(n) => n.to_string(),
            SheetCell::DateTime(dt) if dt.time() == NaiveTime::MIN => dt.date().to_string(),
            SheetCell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M").to_string(),
            SheetCell::Time(t) => t.format("%H:%M").to_string(),
        };
        (!s.is_empty()).then_some(s)
    }

    /// The cell as a date: a spreadsheet date, or text such as `2019-12-01`, `2019/12/1`,
    /// `2019.12.1`, `2019年12月1日`, `20191201` (a time after the date is ignored).
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            SheetCell::DateTime(dt) => Some(dt.date()),
            SheetCell::Number(n) if n.fract() == 0.0 => parse_date(&format!("{n:.0}")),
            SheetCell::Text(t) => parse_date(t),
            _ => None,
        }
    }

    /// The cell as a date and time, when it holds both.
    pub fn as_datetime(&self) -> Option<NaiveDateTime> {
        match self {
            SheetCell::DateTime(dt) if dt.time() != NaiveTime::MIN => Some(*dt),
            SheetCell::Text(t) => parse_datetime(t),
            _ => None,
        }
    }

    /// The cell as a time of day, with whether it means the next day (`次日08:30`, `24:00`).
    pub fn as_time(&self) -> Option<(NaiveTime, bool)> {
        match self {
            SheetCell::Time(t) => Some((*t, false)),
            SheetCell::Text(t) => parse_time(t),
            _ => None,
        }
    }
}

/// Parse a date written any of the usual ways (see [`SheetCell::as_date`]).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let t = t.split_whitespace().next().unwrap_or(t);
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
}

/// Parse `2019-12-01 08:30` (also with seconds, or `/` between date parts).
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    let (d, rest) = t.split_once(char::is_whitespace)?;
    let date = parse_date(d)?;
    let (time, next_day) = parse_time(rest)?;
    let dt = date.and_time(time);
    Some(if next_day { dt + Duration::days(1) } else { dt })
}

/// Parse a time of day: `8:30`, `08:30:00`, `8时30分`, `8点`, full-width colons; `次日`/`翌日`
/// before it or `24:00` mean the next day.
pub fn parse_time(text: &str) -> Option<(NaiveTime, bool)> {
    let mut t = text.trim().replace('：', ":");
    let mut next_day = false;
    for prefix in ["次日", "翌日", "第二天", "次"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim().to_string();
            next_day = true;
            break;
        }
    }
    if t == "24:00" || t == "24:00:00" || t == "24时" || t == "24点" {
        return Some((NaiveTime::MIN, true));
    }
    let time = ["%H:%M:%S", "%H:%M", "%H时%M分", "%H点%M分", "%H时", "%H点"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&t, f).ok())?;
    Some((time, next_day))
}

/// A data row with its line (CSV) or row number (spreadsheet), 1-based.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// Where the row is in the file.
    pub line: u64,
    /// Cells from the first column.
    pub cells: Vec<SheetCell>,
}

impl SheetRow {
    /// The cell in column `col` (0-based); empty when absent.
    pub fn get(&self, col: Option<usize>) -> &SheetCell {
        const EMPTY: SheetCell = SheetCell::Empty;
        col.and_then(|c| self.cells.get(c)).unwrap_or(&EMPTY)
    }

    /// The text of column `col`, when not empty.
    pub fn text(&self, col: Option<usize>) -> Option<String> {
        self.get(col).text()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text().is_none())
    }
}

/// A table: header and data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Header cells, as written.
    pub header: Vec<String>,
    /// Rows after the header (blank rows left out).
    pub rows: Vec<SheetRow>,
}

/// A header cell reduced for matching: no BOM, spaces, `*` marks or bracketed units, lower case.
pub fn normalise_header(h: &str) -> String {
    let h = h.trim_start_matches('\u{feff}');
    let h = match h.find(['(', '（']) {
        Some(i) if i > 0 => &h[..i],
        _ => h,
    };
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect::<String>()
        .to_lowercase()
}

/// Whether a candidate header row has a cell named one of `names` (what `read_sheet`'s
/// `is_header` tests ask).
pub fn has(header: &[String], names: &[&str]) -> bool {
    header.iter().any(|h| {
        names
            .iter()
            .any(|n| normalise_header(h) == normalise_header(n))
    })
}

impl Sheet {
    /// The first column whose normalised header equals one of `names` (tried in order).
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        let norm: Vec<String> = self.header.iter().map(|h| normalise_header(h)).collect();
        names
            .iter()
            .find_map(|n| norm.iter().position(|h| h == &normalise_header(n)))
    }

    /// The header text of column `col` (for problem reports).
    pub fn header_of(&self, col: usize) -> &str {
        self.header.get(col).map_or("", |h| h.trim())
    }
}

/// Read a table from CSV or spreadsheet bytes. `is_header` recognises the header row among the
/// first rows (title rows above it are skipped). `None` (with a fatal problem in `report`) when
/// the file cannot be read or has no recognisable header.
pub fn read_sheet(
    bytes: &[u8],
    report: &mut FileReport,
    is_header: impl Fn(&[String]) -> bool,
    expected: ListKind,
) -> Option<Sheet> {
    let rows = if workbook::is_workbook(bytes) {
        read_workbook(bytes, report)?
    } else {
        read_csv(bytes, report)?
    };
    let texts = |r: &SheetRow| -> Vec<String> {
        r.cells
            .iter()
            .map(|c| c.text().unwrap_or_default())
            .collect()
    };
    let Some(h) = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| is_header(&texts(r)))
    else {
        report.fatal(Reason::NoHeaderRow {
            rows: HEADER_SEARCH_ROWS,
            expected,
        });
        return None;
    };
    let header = texts(&rows[h]);
    let rows: Vec<SheetRow> = rows
        .into_iter()
        .skip(h + 1)
        .filter(|r| !r.is_blank())
        .collect();
    report.rows_read = rows.len() as u64;
    Some(Sheet { header, rows })
}

fn read_csv(bytes: &[u8], report: &mut FileReport) -> Option<Vec<SheetRow>> {
    if bytes.is_empty() {
        report.fatal(Reason::EmptyFile);
        return None;
    }
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    report_bad_encoding(&decoded, report);
    let delimiter = sniff_delimiter(&decoded.text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(decoded.text.as_bytes());
    // Line numbers from byte offsets: the csv crate's own line count skips blank lines, and a
    // record's position may point at the blank lines before it.
    let bytes = decoded.text.as_bytes();
    let newlines: Vec<usize> = decoded
        .text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_at = |byte: u64| {
        let start = (byte as usize).min(bytes.len());
        let first = bytes[start..]
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(bytes.len(), |i| start + i);
        newlines.partition_point(|&n| n < first) as u64 + 1
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push(SheetRow {
                line: r.position().map_or(0, |p| line_at(p.byte())),
                cells: r
                    .iter()
                    .map(|c| {
                        let c = c.trim();
                        if c.is_empty() {
                            SheetCell::Empty
                        } else {
                            SheetCell::Text(c.to_string())
                        }
                    })
                    .collect(),
            }),
            Err(e) => report.problem(
                Severity::Warning,
                e.position().map(|p| line_at(p.byte())),
                None,
                unreadable_row(&e),
                None,
            ),
        }
    }
    Some(rows)
}

/// Comma unless the first lines hold more tabs or semicolons.
fn sniff_delimiter(text: &str) -> u8 {
    let head: Vec<&str> = text.lines().take(5).collect();
    let count = |c: char| head.iter().map(|l| l.matches(c).count()).max().unwrap_or(0);
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// The most cells (blank ones before a row's last cell included) a hand-made list may hold: far
/// beyond any roster or findings list, and about 130 MB at most in memory.
pub const MAX_LIST_CELLS: usize = 4_000_000;

fn read_workbook(bytes: &[u8], report: &mut FileReport) -> Option<Vec<SheetRow>> {
    let names = match workbook::sheet_names(bytes) {
        Ok(n) => n,
        Err(e) => {
            report.fatal(Reason::Workbook(e));
            return None;
        }
    };
    report.encoding = Some("spreadsheet".to_string());
    // The first sheet that holds anything.
    for name in &names {
        let mut rows = Vec::new();
        let mut cells = 0usize;
        let mut too_large = None;
        let read = workbook::read_rows(bytes, Some(name), &mut |row| {
            cells += row.cells.len();
            if cells > MAX_LIST_CELLS {
                too_large = Some(row.number);
                return Flow::Stop;
            }
            rows.push(sheet_row(row, report));
            Flow::More
        });
        match read {
            Err(e) => {
                report.problem(Severity::Warning, None, None, Reason::Workbook(e), None);
                continue;
            }
            Ok(read) => {
                if let Some(line) = too_large {
                    let reason = Reason::ListTooLarge {
                        sheet: name.clone(),
                        cells: MAX_LIST_CELLS,
                        row: line,
                    };
                    report.problem(Severity::Error, Some(line), None, reason, None);
                }
                workbook::report_beyond_limits(&read, report);
            }
        }
        if rows.iter().any(|r| !r.is_blank()) {
            return Some(rows);
        }
    }
    report.fatal(Reason::EmptySpreadsheet);
    None
}

/// A workbook row as a sheet row; error cells are reported and left empty.
fn sheet_row(row: workbook::Row, report: &mut FileReport) -> SheetRow {
    let line = row.number;
    let cells = row
        .cells
        .into_iter()
        .enumerate()
        .map(|(c, data)| match data {
            Data::Empty => SheetCell::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                SheetCell::Text(s.trim().to_string())
            }
            Data::Int(i) => SheetCell::Number(i as f64),
            Data::Float(f) => SheetCell::Number(f),
            Data::Bool(b) => SheetCell::Text(b.to_string()),
            Data::DateTime(dt) => excel_datetime(&dt),
            Data::Error(e) => {
                let reason = Reason::SpreadsheetError {
                    value: e.to_string(),
                };
                report.cell(line, c + 1, "", reason);
                SheetCell::Empty
            }
        })
        .collect();
    SheetRow { line, cells }
}

/// A spreadsheet date/time: values below one day are times of day.
fn excel_datetime(dt: &calamine::ExcelDateTime) -> SheetCell {
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let time = NaiveTime::from_hms_milli_opt(h.into(), mi.into(), s.into(), ms.into())
        .unwrap_or(NaiveTime::MIN);
    if dt.is_duration() || dt.as_f64() < 1.0 {
        return SheetCell::Time(time);
    }
    match NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into()) {
        Some(date) => SheetCell::DateTime(date.and_time(time)),
        None => SheetCell::Text(dt.as_f64().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::en;
    use std::path::Path;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }

    #[test]
    fn dates_and_times_in_the_usual_spellings() {
        for s in [
            "2019-12-01",
            "2019/12/1",
            "2019.12.01",
            "2019年12月1日",
            "20191201",
            "2019-12-01 00:00:00",
        ] {
            assert_eq!(parse_date(s), Some(date(2019, 12, 1)), "{s}");
        }
        assert_eq!(parse_date("12/01/2019"), None);
        assert_eq!(parse_time("8:30"), Some((hm(8, 30), false)));
        assert_eq!(parse_time("08:30:00"), Some((hm(8, 30), false)));
        assert_eq!(parse_time("８时"), None, "full-width digits are not read");
        assert_eq!(parse_time("8时30分"), Some((hm(8, 30), false)));
        assert_eq!(parse_time("次日 08：30"), Some((hm(8, 30), true)));
        assert_eq!(parse_time("24:00"), Some((hm(0, 0), true)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(
            parse_datetime("2019/12/1 17:30"),
            date(2019, 12, 1).and_hms_opt(17, 30, 0)
        );
        assert_eq!(
            SheetCell::Number(13800000000.0).text().as_deref(),
            Some("13800000000")
        );
        assert_eq!(
            SheetCell::Number(20191201.0).as_date(),
            Some(date(2019, 12, 1))
        );
    }

    #[test]
    fn csv_with_title_row_gbk_and_tabs() {
        let text = "2019年12月值班表\t\t\n日期\t姓名\t电话\n2019-12-01\t张三\t138\n\n2019-12-02\t李四\t139\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut report = FileReport::new(Path::new("r.csv"));
        let is_header = |h: &[String]| h.iter().any(|c| c == "日期");
        let sheet = read_sheet(&gbk, &mut report, is_header, ListKind::Roster).expect("sheet");
        assert_eq!(sheet.header, vec!["日期", "姓名", "电话"]);
        assert_eq!(sheet.rows.len(), 2, "blank line left out");
        assert_eq!(sheet.rows[1].line, 5);
        assert_eq!(sheet.find(&["name", "姓名"]), Some(1));
        assert_eq!(report.encoding.as_deref(), Some("GB18030"));
        let mut report = FileReport::new(Path::new("r.csv"));
        assert!(
            read_sheet(
                b"a,b\n1,2\n",
                &mut report,
                |h| h.contains(&"x".to_string()),
                ListKind::Roster
            )
            .is_none()
        );
        assert!(report.failed());
        assert!(en(&report.problems[0].reason).contains("expected a date column"));
    }

    #[test]
    fn xlsx_cells_keep_their_types_and_row_numbers() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        let date_fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        let time_fmt = rust_xlsxwriter::Format::new().set_num_format("hh:mm");
        ws.write_string(0, 0, "值班表").expect("write");
        ws.write_string(2, 1, "日期").expect("write");
        ws.write_string(2, 2, "开始").expect("write");
        ws.write_string(2, 3, "电话").expect("write");
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 12, 1).expect("date");
        ws.write_datetime_with_format(3, 1, &d, &date_fmt)
            .expect("write");
        let t = rust_xlsxwriter::ExcelDateTime::from_hms(8, 30, 0).expect("time");
        ws.write_datetime_with_format(3, 2, &t, &time_fmt)
            .expect("write");
        ws.write_number(3, 3, 13800000000.0).expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        let mut report = FileReport::new(Path::new("r.xlsx"));
        let sheet = read_sheet(
            &bytes,
            &mut report,
            |h| h.iter().any(|c| c == "日期"),
            ListKind::Roster,
        )
        .expect("sheet");
        assert_eq!(sheet.find(&["日期"]), Some(1), "columns keep their place");
        let row = &sheet.rows[0];
        assert_eq!(row.line, 4, "spreadsheet row number");
        assert_eq!(row.get(Some(1)).as_date(), Some(date(2019, 12, 1)));
        assert_eq!(row.get(Some(2)).as_time(), Some((hm(8, 30), false)));
        assert_eq!(row.text(Some(3)).as_deref(), Some("13800000000"));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}
