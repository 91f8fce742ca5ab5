//! Generic tables: any CSV/TSV text or Excel workbook (xlsx, xls, xlsb, ods via calamine), long
//! or wide, read through a [`MappingProfile`] — the user's saved one, or one proposed from
//! well-known header names.
//!
//! Text: delimiter (`,` `;` tab `|`), encoding (UTF-8, UTF-8 BOM, UTF-16 with BOM, GBK/GB18030)
//! and decimal comma are detected unless the profile fixes them. Local times are shifted by the
//! profile's UTC offset (+08:00 by default) and the report says which offset and stamp convention
//! were assumed. When the file has no station column and the profile no code, the station code
//! comes from the file name (a CNEMC code such as `1410A` inside it, else the whole stem).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::store::{Batch, Hour, StampConvention, Station, Variable};

use super::collect::{Collector, Put};
use super::number::{Cell, NumberFormat, check_range};
use super::profile::{ColumnMap, Layout, MappingProfile, header_variable};
use super::reason::{CellError, DatePart, Note, Reason, Then};
use super::report::{FileReport, Severity};
use super::stamp;
use super::text::LineCounter;
use super::units::{Conversion, conversion};
use super::workbook::{self, Flow};

/// Rows searched for the header when the profile does not say where it is.
const HEADER_SEARCH_ROWS: usize = 20;

/// One cell of a table, from text or a workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum TableCell {
    /// Nothing in the cell.
    Empty,
    /// Text (every cell of a CSV).
    Text(String),
    /// A number cell of a workbook.
    Number(f64),
    /// A date-time cell of a workbook.
    DateTime(NaiveDateTime),
    /// A cell the workbook marks as an error (`#DIV/0!`) or a boolean: never a value.
    Invalid(String),
}

impl TableCell {
    /// Whether the cell holds nothing but blanks.
    pub fn is_blank(&self) -> bool {
        match self {
            TableCell::Empty => true,
            TableCell::Text(s) | TableCell::Invalid(s) => s.trim().is_empty(),
            TableCell::Number(_) | TableCell::DateTime(_) => false,
        }
    }

    /// The cell as text, for headers, codes and messages.
    pub fn text(&self) -> String {
        match self {
            TableCell::Empty => String::new(),
            TableCell::Text(s) | TableCell::Invalid(s) => s.trim().to_string(),
            TableCell::Number(v) => v.to_string(),
            TableCell::DateTime(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
        }
    }
}

/// A row with its 1-based line (text) or row number (workbook).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Line or row number in the file.
    pub line: u64,
    /// The cells.
    pub cells: Vec<TableCell>,
}

/// What was found out about a text table before mapping it; shown beside the mapping editor.
#[derive(Debug, Clone, PartialEq)]
pub struct Sniff {
    /// `UTF-8`, `GB18030`, … or `Excel workbook`.
    pub encoding: String,
    /// Field delimiter (text only).
    pub delimiter: Option<char>,
    /// Whether numbers use a decimal comma.
    pub decimal_comma: bool,
    /// Line (text) or row number (workbook) of the header.
    pub header_row: usize,
    /// The header cells.
    pub headers: Vec<String>,
    /// Up to 20 rows after the header.
    pub sample: Vec<TableRow>,
    /// The worksheets of a workbook.
    pub sheets: Vec<String>,
}

/// A table ready to be read row by row, and how its text was read.
struct Table<'a> {
    source: Source<'a>,
    encoding: String,
    delimiter: Option<char>,
    decimal_comma: bool,
}

/// Where a table's rows come from.
enum Source<'a> {
    /// Decoded text, split by the delimiter as it is read.
    Text(std::borrow::Cow<'a, str>, char),
    /// A workbook and the worksheet asked for (the first when `None`).
    Workbook(&'a [u8], Option<&'a str>),
}

/// Most rows kept to find the header a profile names by its row number.
const MAX_HEADER_ROW: u64 = 10_000;

impl Table<'_> {
    /// Hand every row to `each` in file order until it says stop; returns the workbook's sheets.
    /// Rows are never all held at once: a large file costs what its values cost.
    fn rows(
        &self,
        report: &mut FileReport,
        each: &mut dyn FnMut(TableRow, &mut FileReport) -> Flow,
    ) -> Result<Vec<String>, Reason> {
        match &self.source {
            Source::Text(text, delimiter) => {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(*delimiter as u8)
                    .from_reader(text.as_bytes());
                let mut lines = LineCounter::new(text.as_bytes());
                let mut record = csv::StringRecord::new();
                loop {
                    match reader.read_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) => {
                            let row = TableRow {
                                line: lines.line_of(record.position()),
                                cells: record
                                    .iter()
                                    .map(|c| TableCell::Text(c.to_string()))
                                    .collect(),
                            };
                            if each(row, report) == Flow::Stop {
                                break;
                            }
                        }
                        Err(_) => continue,
                    }
                }
                Ok(Vec::new())
            }
            Source::Workbook(bytes, sheet) => {
                let read = workbook::read_rows(bytes, *sheet, &mut |row| {
                    let cells = row.cells.iter().map(table_cell).collect();
                    each(
                        TableRow {
                            line: row.number,
                            cells,
                        },
                        report,
                    )
                })
                .map_err(Reason::Workbook)?;
                workbook::report_beyond_limits(&read, report);
                Ok(read.sheets)
            }
        }
    }

    /// The first rows, enough to find the header (and the row a profile names), and the sheets.
    fn head(
        &self,
        profile: Option<&MappingProfile>,
        report: &mut FileReport,
    ) -> Result<(Vec<TableRow>, Vec<String>), Reason> {
        let wanted = profile
            .and_then(|p| p.header_row)
            .map_or(0, |r| (r as u64).min(MAX_HEADER_ROW));
        let mut head = Vec::new();
        let sheets = self.rows(report, &mut |row, _| {
            let line = row.line;
            head.push(row);
            if head.len() >= HEADER_SEARCH_ROWS && line >= wanted {
                Flow::Stop
            } else {
                Flow::More
            }
        })?;
        Ok((head, sheets))
    }
}

/// A workbook cell as a table cell.
fn table_cell(c: &calamine::Data) -> TableCell {
    use calamine::Data;
    match c {
        Data::Empty => TableCell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => TableCell::Text(s.clone()),
        Data::Float(f) => TableCell::Number(*f),
        Data::Int(i) => TableCell::Number(*i as f64),
        Data::Bool(b) => TableCell::Invalid(format!("{b}")),
        Data::Error(e) => TableCell::Invalid(format!("#{e:?}")),
        Data::DateTime(d) if d.is_datetime() => excel_datetime(d).map_or_else(
            || TableCell::Invalid(format!("{}", d.as_f64())),
            TableCell::DateTime,
        ),
        Data::DateTime(d) => TableCell::Number(d.as_f64()),
    }
}

/// Whether the start of a text is a table whose header AirDesk can map by itself.
pub fn looks_like(head: &str) -> bool {
    let Some(delimiter) = sniff_delimiter(head) else {
        return false;
    };
    let rows = text_rows(head, delimiter, HEADER_SEARCH_ROWS);
    find_header(&rows).is_some()
}

/// The first row (within the first [`HEADER_SEARCH_ROWS`]) that a profile can be proposed for.
fn find_header(rows: &[TableRow]) -> Option<(usize, MappingProfile)> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, r)| {
            let headers: Vec<String> = r.cells.iter().map(TableCell::text).collect();
            MappingProfile::from_headers(&headers).map(|p| (i, p))
        })
}

/// The delimiter that splits most of the first lines into the same number (> 1) of fields;
/// ties go to the one giving more fields (a `"lat, lon"` cell does not make a file comma-separated).
fn sniff_delimiter(text: &str) -> Option<char> {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEADER_SEARCH_ROWS)
        .collect();
    // The last line of a cut head may be partial.
    let lines = if lines.len() > 2 {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };
    let sample = lines.join("\n");
    let mut best: Option<((usize, usize), char)> = None;
    for d in [',', ';', '\t', '|'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d as u8)
            .from_reader(sample.as_bytes());
        let mut freq: HashMap<usize, usize> = HashMap::new();
        for r in reader.records().map_while(Result::ok) {
            *freq.entry(r.len()).or_default() += 1;
        }
        let Some((fields, lines)) = freq.into_iter().max_by_key(|&(f, n)| (n, f)) else {
            continue;
        };
        if fields >= 2 && best.is_none_or(|(score, _)| (lines, fields) > score) {
            best = Some(((lines, fields), d));
        }
    }
    best.map(|b| b.1)
}

fn text_rows(text: &str, delimiter: char, limit: usize) -> Vec<TableRow> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text.as_bytes());
    for rec in reader.records().take(limit) {
        let Ok(rec) = rec else { continue };
        rows.push(TableRow {
            line: lines.line_of(rec.position()),
            cells: rec.iter().map(|c| TableCell::Text(c.to_string())).collect(),
        });
    }
    rows
}

/// Numbers written with a decimal comma (`12,5`) and never a decimal point.
fn sniff_decimal_comma(rows: &[TableRow]) -> bool {
    let mut comma = false;
    for r in rows.iter().take(200) {
        for c in &r.cells {
            if let TableCell::Text(s) = c {
                let s = s.trim().trim_start_matches('-');
                let digits_around = |sep: char| {
                    s.split_once(sep).is_some_and(|(a, b)| {
                        !a.is_empty()
                            && !b.is_empty()
                            && a.bytes().all(|x| x.is_ascii_digit())
                            && b.bytes().all(|x| x.is_ascii_digit())
                    })
                };
                if digits_around('.') {
                    return false;
                }
                comma |= digits_around(',');
            }
        }
    }
    comma
}

/// Decode a text table and find its delimiter and decimal mark, or open a workbook.
fn open_table<'a>(
    bytes: &'a [u8],
    profile: Option<&'a MappingProfile>,
    report: &mut FileReport,
) -> Result<Table<'a>, Reason> {
    if workbook::is_workbook(bytes) {
        return Ok(Table {
            source: Source::Workbook(bytes, profile.and_then(|p| p.sheet.as_deref())),
            encoding: "Excel workbook".into(),
            delimiter: None,
            decimal_comma: false,
        });
    }
    let (text, encoding) = match profile.and_then(|p| p.encoding.as_deref()) {
        Some(label) => {
            let enc = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                Reason::UnknownEncoding {
                    label: label.to_string(),
                }
            })?;
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                let reason = Reason::BadEncoding {
                    encoding: enc.name().to_string(),
                };
                report.problem(Severity::Warning, None, None, reason, None);
            }
            (text, enc.name().to_string())
        }
        None => {
            let d = super::text::decode(bytes);
            super::text::report_bad_encoding(&d, report);
            (d.text, d.encoding.to_string())
        }
    };
    let delimiter = match profile.and_then(|p| p.delimiter) {
        Some(d) => d,
        None => sniff_delimiter(&text).ok_or(Reason::NoDelimiter)?,
    };
    let decimal_comma = match profile.and_then(|p| p.decimal_comma) {
        Some(d) => d,
        None => delimiter != ',' && sniff_decimal_comma(&text_rows(&text, delimiter, 200)),
    };
    Ok(Table {
        source: Source::Text(text, delimiter),
        encoding,
        delimiter: Some(delimiter),
        decimal_comma,
    })
}

/// A workbook date-time, to the nearest second.
fn excel_datetime(d: &calamine::ExcelDateTime) -> Option<NaiveDateTime> {
    let (y, mo, da, h, mi, s, ms) = d.to_ymd_hms_milli();
    let t = chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(mo), u32::from(da))?
        .and_hms_opt(u32::from(h), u32::from(mi), u32::from(s))?;
    Some(if ms >= 500 {
        t + chrono::Duration::seconds(1)
    } else {
        t
    })
}

/// Look at a table before mapping it: encoding, delimiter, header and a few rows.
pub fn sniff(bytes: &[u8]) -> Result<Sniff, Reason> {
    let mut scratch = FileReport::default();
    let table = open_table(bytes, None, &mut scratch)?;
    let (mut rows, sheets) = sniff_rows(&table, &mut scratch)?;
    let (header_row, _) = find_header(&rows).unwrap_or((0, MappingProfile::default()));
    let headers = rows
        .get(header_row)
        .map(|r| r.cells.iter().map(TableCell::text).collect())
        .unwrap_or_default();
    let header_line = rows.get(header_row).map_or(1, |r| r.line as usize);
    rows.drain(..(header_row + 1).min(rows.len()));
    rows.truncate(20);
    Ok(Sniff {
        encoding: table.encoding,
        delimiter: table.delimiter,
        decimal_comma: table.decimal_comma,
        header_row: header_line,
        headers,
        sample: rows,
        sheets,
    })
}

/// The header search rows and 20 more, for a look at the table.
fn sniff_rows(
    table: &Table<'_>,
    report: &mut FileReport,
) -> Result<(Vec<TableRow>, Vec<String>), Reason> {
    let mut rows = Vec::new();
    let sheets = table.rows(report, &mut |row, _| {
        rows.push(row);
        if rows.len() >= HEADER_SEARCH_ROWS + 21 {
            Flow::Stop
        } else {
            Flow::More
        }
    })?;
    Ok((rows, sheets))
}

/// A mapping proposed for a file from its header (see [`MappingProfile::from_headers`]).
pub fn suggest_profile(bytes: &[u8]) -> Result<MappingProfile, Reason> {
    let mut scratch = FileReport::default();
    let table = open_table(bytes, None, &mut scratch)?;
    let (rows, _) = table.head(None, &mut scratch)?;
    let (row, mut p) = find_header(&rows).ok_or(Reason::NoTableHeader)?;
    p.header_row = rows.get(row).map(|r| r.line as usize);
    Ok(p)
}

/// The station code for a file without a station column: a CNEMC code (`1410A`) in the file
/// name, else the file stem.
pub fn station_code_from_path(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "table".into());
    stem.split(|c: char| !c.is_ascii_alphanumeric())
        .rev()
        .find(|t| t.len() == 5 && t[..4].bytes().all(|b| b.is_ascii_digit()) && t.ends_with('A'))
        .map_or_else(|| stem.clone(), str::to_string)
}

/// Parse a table with `profile` (or a proposed one when `None`) into `batch`.
pub fn parse(
    bytes: &[u8],
    profile: Option<&MappingProfile>,
    batch: &mut Batch,
    report: &mut FileReport,
) {
    let table = match open_table(bytes, profile, report) {
        Ok(t) => t,
        Err(reason) => return report.fatal(reason),
    };
    report.encoding = Some(table.encoding.clone());
    let rows = match table.head(profile, report) {
        Ok((rows, _)) => rows,
        Err(reason) => return report.fatal(reason),
    };
    let (header_idx, profile) = match profile {
        Some(p) => {
            if let Err(why) = p.validate() {
                return report.fatal(Reason::ProfileUnusable {
                    name: p.name.clone(),
                    why: Box::new(why),
                });
            }
            let idx = match p.header_row {
                Some(r) => match rows.iter().position(|row| row.line == r as u64) {
                    Some(i) => i,
                    None => return report.fatal(Reason::HeaderRowMissing { row: r }),
                },
                None => {
                    let key = p
                        .time_column
                        .as_deref()
                        .or(p.year_column.as_deref())
                        .unwrap_or_default();
                    rows.iter()
                        .take(HEADER_SEARCH_ROWS)
                        .position(|r| r.cells.iter().any(|c| c.text() == key.trim()))
                        .unwrap_or(0)
                }
            };
            (idx, p.clone())
        }
        None => match find_header(&rows) {
            Some((i, p)) => {
                report.note(Note::AutoMapped {
                    line: rows.get(i).map_or(0, |r| r.line),
                });
                (i, p)
            }
            None => return report.fatal(Reason::NoTableHeader),
        },
    };
    if let Some(delimiter) = table.delimiter {
        report.note(Note::Delimiter {
            delimiter,
            decimal_comma: table.decimal_comma,
        });
    }
    let Some(header) = rows.get(header_idx) else {
        return report.fatal(Reason::NoHeader);
    };
    let headers: Vec<String> = header.cells.iter().map(TableCell::text).collect();
    let reader = match Mapping::new(&profile, &headers, header.line, report) {
        Ok(r) => r,
        Err(reason) => return report.fatal(reason),
    };
    let offset_s = profile.utc_offset_s().unwrap_or(8 * 3600);
    let missing: Vec<&str> = profile.missing.iter().map(String::as_str).collect();
    let numbers = NumberFormat {
        missing: &missing,
        decimal_comma: table.decimal_comma,
    };
    let station = match (&reader.station, &profile.station_code) {
        (Some(_), _) => None,
        (None, Some(code)) => {
            report.note(Note::StationFromProfile { code: code.clone() });
            Some(code.clone())
        }
        (None, None) => {
            let code = station_code_from_path(&report.path);
            report.note(Note::StationFromFileName { code: code.clone() });
            Some(code)
        }
    };
    let mut state = RowState {
        collector: Collector::new(),
        stations: HashMap::new(),
        warned: std::collections::HashSet::new(),
        offset_seen: false,
    };
    let header_line = header.line;
    let read = table.rows(report, &mut |row, report| {
        if row.line <= header_line || row.cells.iter().all(TableCell::is_blank) {
            return Flow::More;
        }
        report.rows_read += 1;
        reader.row(
            &row,
            station.as_deref(),
            offset_s,
            &numbers,
            &profile,
            batch,
            report,
            &mut state,
        );
        Flow::More
    });
    if let Err(reason) = read {
        report.fatal(reason);
    }
    let used_local = state.offset_seen;
    if used_local {
        report.note(Note::LocalTimesAt {
            offset: stamp::format_offset(offset_s),
        });
    }
    report.note(match profile.stamp {
        StampConvention::EndOfHour => Note::EndOfHour,
        StampConvention::StartOfHour => Note::StartOfHour,
    });
    state.collector.finish(batch, profile.kind, profile.stamp);
}

/// Per-file state while reading rows.
struct RowState {
    collector: Collector,
    stations: HashMap<String, usize>,
    warned: std::collections::HashSet<String>,
    offset_seen: bool,
}

/// How the time is read.
enum TimeColumns {
    /// One date-time column.
    One(usize),
    /// Date and hour columns.
    DateHour(usize, usize),
    /// Year, month, day and optional hour columns.
    Parts(usize, usize, usize, Option<usize>),
}

/// The profile resolved against the header: column positions and conversions.
struct Mapping {
    time: TimeColumns,
    station: Option<usize>,
    /// Wide: (column, variable, conversion).
    wide: Vec<(usize, Variable, Option<Conversion>)>,
    /// Long: variable, value and unit columns.
    long: Option<(usize, usize, Option<usize>)>,
    headers: Vec<String>,
}

impl Mapping {
    fn new(
        profile: &MappingProfile,
        headers: &[String],
        header_line: u64,
        report: &mut FileReport,
    ) -> Result<Mapping, Reason> {
        let find = |name: &str| -> Result<usize, Reason> {
            headers
                .iter()
                .position(|h| h.trim() == name.trim())
                .ok_or_else(|| Reason::ColumnNotInHeader {
                    name: name.to_string(),
                    line: header_line,
                    header: headers.join(", "),
                })
        };
        let opt = |name: &Option<String>| name.as_deref().map(find).transpose();
        let time = match (&profile.time_column, &profile.year_column) {
            (Some(t), _) => match opt(&profile.hour_column)? {
                Some(h) => TimeColumns::DateHour(find(t)?, h),
                None => TimeColumns::One(find(t)?),
            },
            (None, Some(y)) => TimeColumns::Parts(
                find(y)?,
                find(profile.month_column.as_deref().unwrap_or_default())?,
                find(profile.day_column.as_deref().unwrap_or_default())?,
                opt(&profile.hour_column)?,
            ),
            (None, None) => return Err(Reason::ProfileNoTime),
        };
        let station = opt(&profile.station_column)?;
        let mut wide = Vec::new();
        let mut long = None;
        match profile.layout {
            Layout::Wide => {
                let mut mapped = std::collections::HashSet::new();
                for c in &profile.columns {
                    let i = find(&c.source)?;
                    mapped.insert(i);
                    let conv = column_conversion(c, header_line, i, report);
                    wide.push((i, c.variable, conv));
                }
                let used: Vec<Option<usize>> = match time {
                    TimeColumns::One(t) => vec![Some(t)],
                    TimeColumns::DateHour(d, h) => vec![Some(d), Some(h)],
                    TimeColumns::Parts(y, m, d, h) => vec![Some(y), Some(m), Some(d), h],
                };
                for (i, h) in headers.iter().enumerate() {
                    if mapped.contains(&i)
                        || used.contains(&Some(i))
                        || station == Some(i)
                        || h.is_empty()
                    {
                        continue;
                    }
                    report.problem(
                        Severity::Warning,
                        Some(header_line),
                        Some(format!("{} ({h})", i + 1)),
                        Reason::ColumnNotMapped { name: h.clone() },
                        None,
                    );
                }
            }
            Layout::Long => {
                let (Some(v), Some(x)) = (&profile.variable_column, &profile.value_column) else {
                    return Err(Reason::ProfileLongColumns);
                };
                long = Some((find(v)?, find(x)?, opt(&profile.unit_column)?));
            }
        }
        Ok(Mapping {
            time,
            station,
            wide,
            long,
            headers: headers.to_vec(),
        })
    }

    fn header(&self, i: usize) -> &str {
        self.headers.get(i).map_or("", String::as_str)
    }

    /// The hour of a row, or why it cannot be read.
    fn hour(
        &self,
        row: &TableRow,
        profile: &MappingProfile,
        offset_s: i32,
        state: &mut RowState,
    ) -> Result<Hour, (usize, CellError)> {
        const EMPTY: &TableCell = &TableCell::Empty;
        let cell = |i: usize| row.cells.get(i).unwrap_or(EMPTY);
        let local: stamp::Stamp = match self.time {
            TimeColumns::One(t) => {
                read_stamp(cell(t), profile.time_format.as_deref()).map_err(|e| (t, e))?
            }
            TimeColumns::DateHour(d, h) => {
                let date =
                    read_date(cell(d), profile.time_format.as_deref()).map_err(|e| (d, e))?;
                let hour = read_int(cell(h), DatePart::Hour).map_err(|e| (h, e))?;
                let t = stamp::at_hour(date, hour)
                    .ok_or((h, CellError::HourOutside { hour, last: 24 }))?;
                stamp::Stamp {
                    local: t,
                    offset_s: None,
                }
            }
            TimeColumns::Parts(y, m, d, h) => {
                let (yy, mm, dd) = (
                    read_int(cell(y), DatePart::Year).map_err(|e| (y, e))?,
                    read_int(cell(m), DatePart::Month).map_err(|e| (m, e))?,
                    read_int(cell(d), DatePart::Day).map_err(|e| (d, e))?,
                );
                let no_such_date = CellError::NoSuchDate {
                    year: yy,
                    month: mm,
                    day: dd,
                };
                let date =
                    chrono::NaiveDate::from_ymd_opt(yy as i32, mm, dd).ok_or((y, no_such_date))?;
                let hour = match h {
                    Some(h) => read_int(cell(h), DatePart::Hour).map_err(|e| (h, e))?,
                    None => return Err((d, CellError::NoHourColumn)),
                };
                let t = stamp::at_hour(date, hour)
                    .ok_or((h.unwrap_or(d), CellError::HourOutside { hour, last: 24 }))?;
                stamp::Stamp {
                    local: t,
                    offset_s: None,
                }
            }
        };
        if local.offset_s.is_none() {
            state.offset_seen = true;
        }
        let col = match self.time {
            TimeColumns::One(t) | TimeColumns::DateHour(t, _) | TimeColumns::Parts(t, ..) => t,
        };
        local.hour(offset_s).map_err(|e| (col, e))
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        row: &TableRow,
        fixed_station: Option<&str>,
        offset_s: i32,
        numbers: &NumberFormat<'_>,
        profile: &MappingProfile,
        batch: &mut Batch,
        report: &mut FileReport,
        state: &mut RowState,
    ) {
        let line = row.line;
        let hour = match self.hour(row, profile, offset_s, state) {
            Ok(h) => h,
            Err((col, error)) => {
                let reason = Reason::cell(error, Then::Row);
                return report.cell(line, col + 1, self.header(col), reason);
            }
        };
        let code: std::borrow::Cow<'_, str> = match (self.station, fixed_station) {
            (Some(i), _) => row
                .cells
                .get(i)
                .map(TableCell::text)
                .unwrap_or_default()
                .into(),
            (None, Some(code)) => code.into(),
            (None, None) => "".into(),
        };
        if code.is_empty() {
            let col = self.station.unwrap_or(0);
            return report.cell(line, col + 1, self.header(col), Reason::EmptyStation);
        }
        let station = match state.stations.get(code.as_ref()) {
            Some(&s) => s,
            None => {
                let s = batch.station(Station {
                    utc_offset_s: offset_s,
                    ..Station::with_code(&code)
                });
                state.stations.insert(code.to_string(), s);
                s
            }
        };
        let take = |report: &mut FileReport,
                    col: usize,
                    variable: Variable,
                    conv: &Conversion,
                    cell: &TableCell,
                    state: &mut RowState| {
            report.cells_seen += 1;
            let bad = |report: &mut FileReport, error: CellError| {
                report.cell(
                    line,
                    col + 1,
                    self.header(col),
                    Reason::cell(error, Then::Value),
                );
            };
            let not_a_number = |text: String| CellError::NotANumber { text };
            let raw = match cell {
                TableCell::Empty => return,
                TableCell::Number(v) => *v,
                TableCell::Text(s) => match numbers.parse(s) {
                    Cell::Missing => return,
                    Cell::Value(v) => v,
                    Cell::Invalid(error) => return bad(report, error),
                },
                TableCell::DateTime(_) | TableCell::Invalid(_) => {
                    return bad(report, not_a_number(cell.text()));
                }
            };
            if !raw.is_finite() {
                return bad(report, not_a_number(raw.to_string()));
            }
            let v = match check_range(variable, conv.apply(raw)) {
                Ok(v) => v,
                Err(error) => return bad(report, error),
            };
            if let Put::Conflict(first) = state.collector.put(station, variable, hour, v) {
                let reason = Reason::ValueTwice {
                    variable,
                    first,
                    second: v,
                };
                report.cell(line, col + 1, self.header(col), reason);
            }
        };
        if let Some((vc, xc, uc)) = self.long {
            let name = row.cells.get(vc).map(TableCell::text).unwrap_or_default();
            let mapped = profile.columns.iter().find(|c| c.source.trim() == name);
            let variable = mapped
                .map(|c| c.variable)
                .or_else(|| header_variable(&name).map(|(v, _)| v));
            let Some(variable) = variable else {
                if state.warned.insert(format!("variable {name}")) {
                    let reason = Reason::UnknownVariable { name };
                    report.cell(line, vc + 1, self.header(vc), reason);
                }
                return;
            };
            let unit = uc
                .and_then(|u| row.cells.get(u))
                .map(TableCell::text)
                .filter(|u| !u.is_empty())
                .or_else(|| mapped.and_then(|c| c.unit.clone()))
                .or_else(|| header_variable(&name).and_then(|(_, u)| u))
                .unwrap_or_default();
            let conv = match conversion(variable, &unit) {
                Ok(c) => c,
                Err(error) => {
                    if state.warned.insert(format!("unit {variable:?} {unit}")) {
                        report.cell(
                            line,
                            uc.unwrap_or(xc) + 1,
                            self.header(uc.unwrap_or(xc)),
                            Reason::cell(error, Then::RowsLikeIt),
                        );
                    }
                    return;
                }
            };
            if let Some(n) = &conv.note {
                report.note(n.clone());
            }
            let cell = row.cells.get(xc).unwrap_or(&TableCell::Empty);
            take(report, xc, variable, &conv, cell, state);
            return;
        }
        for (col, variable, conv) in &self.wide {
            let Some(conv) = conv else { continue };
            let cell = row.cells.get(*col).unwrap_or(&TableCell::Empty);
            take(report, *col, *variable, conv, cell, state);
        }
    }
}

/// The conversion of a wide column; `None` (reported) when its unit does not fit the variable.
fn column_conversion(
    c: &ColumnMap,
    header_line: u64,
    col: usize,
    report: &mut FileReport,
) -> Option<Conversion> {
    let unit = c
        .unit
        .clone()
        .or_else(|| super::profile::split_unit(&c.source).1.map(str::to_string))
        .unwrap_or_default();
    if unit.is_empty() && c.variable != Variable::Aqi {
        report.note(Note::UnitAssumed {
            column: c.source.clone(),
            variable: c.variable,
        });
    }
    if c.variable == Variable::Aqi && unit.is_empty() {
        return Some(Conversion::IDENTITY);
    }
    match conversion(c.variable, &unit) {
        Ok(conv) => {
            if let Some(n) = &conv.note {
                report.note(n.clone());
            }
            Some(conv)
        }
        Err(error) => {
            report.problem(
                Severity::Warning,
                Some(header_line),
                Some(format!("{} ({})", col + 1, c.source)),
                Reason::cell(error, Then::Column),
                None,
            );
            None
        }
    }
}

fn read_stamp(cell: &TableCell, format: Option<&str>) -> Result<stamp::Stamp, CellError> {
    let local = |local| stamp::Stamp {
        local,
        offset_s: None,
    };
    let not_a_time = |text: String| CellError::NotATime { text };
    match cell {
        TableCell::DateTime(t) => Ok(local(*t)),
        TableCell::Text(s) => {
            let s = s.trim();
            if let Some(f) = format {
                return NaiveDateTime::parse_from_str(s, f).map(local).map_err(|e| {
                    CellError::TimeFormat {
                        text: s.to_string(),
                        format: f.to_string(),
                        detail: e.to_string(),
                    }
                });
            }
            stamp::parse(s).ok_or_else(|| not_a_time(s.to_string()))
        }
        TableCell::Number(v) if (1.0..2_958_466.0).contains(v) => {
            let d = calamine::ExcelDateTime::new(*v, calamine::ExcelDateTimeType::DateTime, false);
            excel_datetime(&d)
                .map(local)
                .ok_or_else(|| not_a_time(v.to_string()))
        }
        other => Err(not_a_time(other.text())),
    }
}

fn read_date(cell: &TableCell, format: Option<&str>) -> Result<chrono::NaiveDate, CellError> {
    let not_a_date = |text: String| CellError::NotADate { text };
    match cell {
        TableCell::DateTime(t) => Ok(t.date()),
        TableCell::Text(s) => {
            let s = s.trim();
            if let Some(f) = format {
                return chrono::NaiveDate::parse_from_str(s, f).map_err(|e| {
                    CellError::DateFormat {
                        text: s.to_string(),
                        format: f.to_string(),
                        detail: e.to_string(),
                    }
                });
            }
            stamp::parse_date(s).ok_or_else(|| not_a_date(s.to_string()))
        }
        TableCell::Number(v) if (1.0..2_958_466.0).contains(v) => {
            let d = calamine::ExcelDateTime::new(*v, calamine::ExcelDateTimeType::DateTime, false);
            excel_datetime(&d)
                .map(|t| t.date())
                .ok_or_else(|| not_a_date(v.to_string()))
        }
        other => Err(not_a_date(other.text())),
    }
}

/// A whole number cell (`8`, `8.0`, `8时`).
fn read_int(cell: &TableCell, part: DatePart) -> Result<u32, CellError> {
    let not_a = |text: String| CellError::NotAPart { text, part };
    let v = match cell {
        TableCell::Number(v) => *v,
        TableCell::Text(s) => {
            let t = s.trim().trim_end_matches(['时', '点', '月', '日', '年']);
            t.parse::<f64>().map_err(|_| not_a(s.trim().to_string()))?
        }
        other => return Err(not_a(other.text())),
    };
    if v.fract() != 0.0 || !(0.0..=9999.0).contains(&v) {
        return Err(not_a(v.to_string()));
    }
    Ok(v as u32)
}
