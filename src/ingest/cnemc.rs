//! CNEMC national feed daily site files (`china_sites_YYYYMMDD.csv`).
//!
//! Layout: header `date,hour,type,<station codes…>`, then per hour one row per type (`AQI`,
//! `PM2.5`, `PM2.5_24h`, …). Times are Beijing time and the hour marks the END of the averaging
//! hour. Missing = empty cell; whole hours may be absent; the station set changes between files;
//! the last line may be cut short; CO is in mg/m³ (the store's unit).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;
use simd_csv::ZeroCopyByteRecord;

use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station, Variable};

use super::number::{Cell, NumberFormat, check_range};
use super::reason::{CellError, Reason, Then};
use super::report::{FileReport, Severity};
use super::text::LineCounter;

/// China Standard Time, the feed's clock.
const CST: i32 = 8 * 3600;

/// Whether the first line is a CNEMC site-file header.
pub fn looks_like(first_line: &str) -> bool {
    // A file saved with every cell quoted ("date","hour",…) is the same file.
    let mut fields = first_line
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|f| f.trim_matches('"'));
    matches!(
        (fields.next(), fields.next(), fields.next()),
        (Some("date"), Some("hour"), Some("type"))
    )
}

/// Values of one (date, type), station-major (`stations × 24 hours`, each station's day one run,
/// as the store takes it), NaN for missing.
struct Block {
    values: Vec<f32>,
}

/// The splitter's buffer: a few rows of the widest files (2,000 stations × 8 bytes), so a row
/// rarely straddles two fills.
const READ_BUFFER: usize = 256 * 1024;

/// Distinct type names remembered per file; past this (a damaged file) a name is looked up anew.
const MAX_TYPE_NAMES: usize = 64;

/// Parse a site file into `batch`.
///
/// simd-csv's splitter frames the records (line ends, quoted fields); a row without a quote
/// character is then its fields separated by commas, read in one pass with its numbers. A row or
/// header holding a quote goes through simd-csv's field reader.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    report.encoding = Some("UTF-8".into());
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut splitter = simd_csv::SplitterBuilder::with_capacity(READ_BUFFER)
        .has_headers(false)
        .from_reader(bytes);
    let header = match splitter.split_record() {
        Ok(Some(record)) => read_header(record, batch, report),
        Ok(None) => {
            report.fatal(Reason::EmptyFile);
            return;
        }
        Err(e) => {
            report.fatal(Reason::UnreadableHeader {
                detail: e.to_string(),
            });
            return;
        }
    };
    let mut rows = Rows::new(header, batch.stations.len(), bytes);
    loop {
        let start = splitter.position();
        match splitter.split_record() {
            Ok(Some(row)) => rows.read(start, row, report),
            Ok(None) => break,
            Err(e) => {
                let line = rows.lines.line_at(start);
                let reason = Reason::UnreadableRow {
                    detail: e.to_string(),
                };
                report.problem(Severity::Warning, Some(line), None, reason, None);
                break;
            }
        }
    }
    rows.finish(batch, report);
}

/// Hand the fields of one record the splitter framed to `f`, read by simd-csv's field reader
/// (quotes removed by `unescape`); `None` when the reader finds no record in it.
fn with_fields<T>(record: &[u8], f: impl FnOnce(&ZeroCopyByteRecord<'_>) -> T) -> Option<T> {
    let mut reader = simd_csv::ZeroCopyReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(record);
    match reader.read_byte_record() {
        Ok(Some(fields)) => Some(f(&fields)),
        Ok(None) | Err(_) => None,
    }
}

/// The header's station columns (from the fourth column on): each one's station in the batch
/// (`None` for an empty code) and its code as written, for problem reports.
struct Header {
    stations: Vec<Option<usize>>,
    codes: Vec<String>,
}

/// Read the header and add its stations to `batch`.
fn read_header(record: &[u8], batch: &mut Batch, report: &mut FileReport) -> Header {
    let codes: Vec<String> = with_fields(record, |fields| {
        let codes = fields.unescaped_iter().skip(3);
        codes
            .map(|raw| String::from_utf8_lossy(&raw).trim().to_string())
            .collect()
    })
    .unwrap_or_default();
    // A code repeated in the header (3207A in the December 2019 files) maps to the same station;
    // its values are merged, and only values that differ are reported.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut stations = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let station = if code.is_empty() {
            report.cell(1, i + 4, "", Reason::EmptyHeaderCode);
            None
        } else if let Some(&idx) = seen.get(code.as_str()) {
            Some(idx)
        } else {
            let idx = batch.station(Station::with_code(code));
            seen.insert(code, idx);
            Some(idx)
        };
        stations.push(station);
    }
    Header { stations, codes }
}

/// One row's fields: date, hour and type, then the value cells.
struct Row<'r> {
    date: Cow<'r, [u8]>,
    hour: Option<Cow<'r, [u8]>>,
    kind: Cow<'r, [u8]>,
    cells: Cells<'r>,
}

/// A row's value cells.
enum Cells<'r> {
    /// The bytes after the third comma of a row without quotes (`None`: no fourth field).
    Plain(Option<&'r [u8]>),
    /// A row with quotes, from its fourth field on.
    Quoted(&'r ZeroCopyByteRecord<'r>),
}

/// What the rows build while they are read: the values per (date, type), the type names met,
/// and where each row's line is.
struct Rows<'a> {
    header: Header,
    nstations: usize,
    blocks: HashMap<(NaiveDate, Variable), Block>,
    types: Vec<(Vec<u8>, Option<Variable>)>,
    unknown_types: HashMap<String, u64>,
    lines: LineCounter<'a>,
}

impl<'a> Rows<'a> {
    fn new(header: Header, nstations: usize, bytes: &'a [u8]) -> Self {
        Rows {
            header,
            nstations,
            blocks: HashMap::new(),
            types: Vec::new(),
            unknown_types: HashMap::new(),
            lines: LineCounter::new(bytes),
        }
    }

    /// One row (its bytes as framed), found after byte `start`.
    fn read(&mut self, start: u64, raw: &[u8], report: &mut FileReport) {
        let line = self.lines.line_at(start);
        if raw.is_empty() {
            return; // blank line
        }
        if memchr::memchr(b'"', raw).is_some() {
            with_fields(raw, |fields| {
                let row = Row {
                    date: fields.unescape(0).unwrap_or_default(),
                    hour: fields.unescape(1),
                    kind: fields.unescape(2).unwrap_or_default(),
                    cells: Cells::Quoted(fields),
                };
                self.read_row(line, raw, row, report);
            });
            return;
        }
        let mut fields = raw.splitn(4, |&b| b == b',');
        let row = Row {
            date: Cow::Borrowed(fields.next().unwrap_or_default()),
            hour: fields.next().map(Cow::Borrowed),
            kind: Cow::Borrowed(fields.next().unwrap_or_default()),
            cells: Cells::Plain(fields.next()),
        };
        self.read_row(line, raw, row, report);
    }

    /// A row's stamp and type checked, its values stored in its (date, type) block at its hour;
    /// bad cells and values that differ from one already read for the same station and hour
    /// are reported.
    fn read_row(&mut self, line: u64, raw: &[u8], row: Row<'_>, report: &mut FileReport) {
        let ncols = self.header.stations.len();
        report.rows_read += 1;
        report.cells_seen += ncols as u64;
        let Some((date, hour)) = parse_stamp(&row.date, row.hour.as_deref()) else {
            let row = String::from_utf8_lossy(raw);
            let column = Some("1-2 (date,hour)".into());
            report.problem(
                Severity::Warning,
                Some(line),
                column,
                Reason::BadDateAndHour,
                Some(&row),
            );
            return;
        };
        let Some(variable) = self.variable(&row.kind, line, report) else {
            return;
        };
        let nstations = self.nstations;
        let block = self
            .blocks
            .entry((date, variable))
            .or_insert_with(|| Block {
                values: vec![f32::NAN; nstations * 24],
            });
        let mut sink = RowSink {
            values: &mut block.values,
            stations: &self.header.stations,
            hour: hour as usize,
            variable,
            problems: Vec::new(),
        };
        let fields = match row.cells {
            Cells::Plain(cells) => cells.map_or(0, |cells| sink.put_plain(cells)),
            Cells::Quoted(fields) => sink.put_quoted(fields),
        };
        let problems = sink.problems;
        if fields != ncols {
            let reason = if fields < ncols {
                Reason::FewerValues {
                    fields,
                    header: ncols,
                }
            } else {
                Reason::MoreValues {
                    fields,
                    header: ncols,
                }
            };
            report.problem(Severity::Warning, Some(line), None, reason, None);
        }
        for (col, reason) in problems {
            report.cell(line, col + 4, &self.header.codes[col], reason);
        }
    }

    /// The row's type, when the feed carries it; an unknown type is reported at its first row
    /// and counted.
    fn variable(&mut self, raw: &[u8], line: u64, report: &mut FileReport) -> Option<Variable> {
        let known = self.types.iter().find(|(name, _)| name == raw);
        let found = match known {
            Some(&(_, found)) => found,
            None => {
                let name = String::from_utf8_lossy(raw);
                let found = Variable::from_code(name.trim()).filter(|v| is_cnemc_type(*v));
                if self.types.len() < MAX_TYPE_NAMES {
                    self.types.push((raw.to_vec(), found));
                }
                found
            }
        };
        if found.is_some() {
            return found;
        }
        let name = String::from_utf8_lossy(raw).trim().to_string();
        let count = self.unknown_types.entry(name.clone()).or_insert(0);
        if *count == 0 {
            let reason = Reason::UnknownType { name };
            let column = Some("3 (type)".into());
            report.problem(Severity::Warning, Some(line), column, reason, None);
        }
        *count += 1;
        None
    }

    /// The unknown types' counts reported, and every station's day of each type that holds a
    /// value handed to `batch` as a 24-hour chunk.
    fn finish(self, batch: &mut Batch, report: &mut FileReport) {
        for (name, count) in self.unknown_types {
            if count > 1 {
                let column = Some("3 (type)".into());
                let reason = Reason::UnknownTypeRows { name, count };
                report.problem(Severity::Warning, None, column, reason, None);
            }
        }
        let mut blocks: Vec<((NaiveDate, Variable), Block)> = self.blocks.into_iter().collect();
        blocks.sort_by_key(|(key, _)| *key);
        batch.chunks.reserve(blocks.len() * self.nstations);
        for ((date, variable), block) in blocks {
            let start = Hour::from_local_date_hour(date, 0, CST);
            for (station, day) in block.values.chunks_exact(24).enumerate() {
                if day.iter().all(|v| v.is_nan()) {
                    continue;
                }
                batch.chunks.push(Chunk {
                    station,
                    variable,
                    kind: SeriesKind::Observed,
                    stamp: StampConvention::EndOfHour,
                    start,
                    values: day.to_vec(),
                });
            }
        }
    }
}

/// One row's values on their way into its block; the problems found wait here so that they are
/// reported after the row's own (a wrong number of fields).
struct RowSink<'b> {
    values: &'b mut [f32],
    stations: &'b [Option<usize>],
    hour: usize,
    variable: Variable,
    /// (value column from 0, reason).
    problems: Vec<(usize, Reason)>,
}

impl RowSink<'_> {
    /// The cells of an unquoted row after its third comma, in one pass; returns how many.
    fn put_plain(&mut self, mut cells: &[u8]) -> usize {
        let mut col = 0;
        loop {
            let (cell, len) = scan_word(cells).unwrap_or_else(|| scan_cell(cells));
            self.put(col, cell, &cells[..len]);
            col += 1;
            match cells.get(len + 1..) {
                Some(rest) => cells = rest,
                None => return col,
            }
        }
    }

    /// The cells of a quoted row from its fourth field on, quotes removed; returns how many.
    fn put_quoted(&mut self, fields: &ZeroCopyByteRecord<'_>) -> usize {
        let count = fields.len().saturating_sub(3);
        for col in 0..count {
            let field = fields.unescape(col + 3).unwrap_or_default();
            let (cell, len) = scan_cell(&field);
            // A comma inside a quoted cell ("1,234") is the strict reader's to judge.
            let cell = if len == field.len() {
                cell
            } else {
                Scanned::Other
            };
            self.put(col, cell, &field);
        }
        count
    }

    /// One cell (`raw` as written, for the strict reader) at value column `col`.
    #[inline(always)]
    fn put(&mut self, col: usize, cell: Scanned, raw: &[u8]) {
        let Some(&Some(station)) = self.stations.get(col) else {
            return;
        };
        let value = match cell {
            Scanned::Empty => return,
            Scanned::Value(v) => v,
            Scanned::Other => match read_cell(raw, self.variable) {
                Ok(Some(v)) => v,
                Ok(None) => return,
                Err(error) => {
                    self.problems.push((col, Reason::cell(error, Then::Value)));
                    return;
                }
            },
        };
        let slot = &mut self.values[station * 24 + self.hour];
        if slot.is_nan() {
            *slot = value;
        } else if *slot != value {
            let reason = Reason::ValueTwice {
                variable: self.variable,
                first: *slot,
                second: value,
            };
            self.problems.push((col, reason));
        }
    }
}

/// The types the feed carries.
fn is_cnemc_type(v: Variable) -> bool {
    use Variable::*;
    matches!(
        v,
        Aqi | Pm25
            | Pm25Avg24h
            | Pm10
            | Pm10Avg24h
            | So2
            | So2Avg24h
            | No2
            | No2Avg24h
            | O3
            | O3Max24h
            | O3Avg8h
            | O3Avg8hMax24h
            | Co
            | CoAvg24h
    )
}

/// Date (YYYYMMDD) and hour (0–23) of a row.
fn parse_stamp(date: &[u8], hour: Option<&[u8]>) -> Option<(NaiveDate, u32)> {
    let date = std::str::from_utf8(date).ok()?.trim();
    let hour: u32 = std::str::from_utf8(hour?).ok()?.trim().parse().ok()?;
    if date.len() != 8 || hour > 23 {
        return None;
    }
    let date = NaiveDate::parse_from_str(date, "%Y%m%d").ok()?;
    // A corrupt year (0019, 9019) would stretch every dense series over millennia.
    use chrono::Datelike;
    if !(super::stamp::FIRST_YEAR..=super::stamp::LAST_YEAR).contains(&date.year()) {
        return None;
    }
    Some((date, hour))
}

/// Exact powers of ten in `f32` (5^7 < 2^24), for the decimals [`scan_cell`] reads.
const POW10: [f32; 8] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6, 1e7];

/// What the one-pass reader made of a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scanned {
    /// Nothing between the commas.
    Empty,
    /// A plain number, read exactly.
    Value(f32),
    /// Anything else: the strict reader's to judge.
    Other,
}

/// The cell at the start of `bytes` (up to the next comma or the end) and its length, in one
/// pass. The common cases are read here: up to 7 digits with at most one decimal point inside
/// them ("12", "0.6", "12.25"). The digits form an integer below 2^24 and the power of ten is
/// exact in `f32`, so one correctly rounded division gives exactly what the standard library's
/// parser gives (Clinger's fast path).
#[inline(always)]
fn scan_cell(bytes: &[u8]) -> (Scanned, usize) {
    let mut n = 0u32;
    let mut digits = 0;
    let mut point = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 && digits < 7 {
            n = n * 10 + u32::from(digit);
            digits += 1;
        } else if b == b',' {
            break;
        } else if b == b'.' && point.is_none() {
            point = Some(i);
        } else {
            let len = memchr::memchr(b',', &bytes[i..]).map_or(bytes.len(), |end| i + end);
            return (Scanned::Other, len);
        }
        i += 1;
    }
    let cell = match point {
        _ if i == 0 => Scanned::Empty,
        _ if digits == 0 => Scanned::Other,
        None => Scanned::Value(n as f32),
        Some(p) if p == 0 || p + 1 == i => Scanned::Other,
        Some(p) => Scanned::Value(n as f32 / POW10[i - p - 1]),
    };
    (cell, i)
}

/// Eight bytes each holding `b`.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The common cell — up to 7 digits followed by a comma — read from the eight bytes at the start
/// of `bytes` at once, with no branch per digit, giving what [`scan_cell`] gives; `None` (for
/// [`scan_cell`]) when there are fewer than eight bytes, no comma among them, or a byte before
/// the comma that is not a digit (a decimal point, a sign, anything).
#[inline(always)]
fn scan_word(bytes: &[u8]) -> Option<(Scanned, usize)> {
    let word = u64::from_le_bytes(*bytes.first_chunk::<8>()?);
    // The lowest byte that is a comma: the lowest zero byte of `x`, which this finds exactly.
    let x = word ^ lanes(b',');
    let commas = x.wrapping_sub(lanes(1)) & !x & lanes(0x80);
    if commas == 0 {
        return None;
    }
    let len = (commas.trailing_zeros() / 8) as usize;
    if len == 0 {
        return Some((Scanned::Empty, 0));
    }
    // The cell's bytes, the ones after it set to '0', must all be digits.
    let keep = (1u64 << (len * 8)) - 1;
    let cell = (word & keep) | (lanes(b'0') & !keep);
    if (cell.wrapping_add(lanes(0x46)) | cell.wrapping_sub(lanes(b'0'))) & lanes(0x80) != 0 {
        return None;
    }
    // The digits' values moved up so that zeros lead, then summed in pairs, fours and the eight
    // (Lemire's eight-digit parse); below 10^7, so exact in `f32`.
    let digits = (cell - lanes(b'0')) << ((8 - len) * 8);
    let pairs = digits.wrapping_mul(10).wrapping_add(digits >> 8);
    let mask = 0x0000_00FF_0000_00FF;
    let fours = (pairs & mask).wrapping_mul(100 + (1_000_000 << 32));
    let eights = ((pairs >> 16) & mask).wrapping_mul(1 + (10_000 << 32));
    let n = (fours.wrapping_add(eights) >> 32) as u32;
    Some((Scanned::Value(n as f32), len))
}

/// Anything else: the strict cell reader, for a value or a reason.
fn read_cell(raw: &[u8], variable: Variable) -> Result<Option<f32>, CellError> {
    let text = String::from_utf8_lossy(raw);
    match NumberFormat::PLAIN.parse(&text) {
        Cell::Missing => Ok(None),
        Cell::Value(v) => check_range(variable, v).map(Some),
        Cell::Invalid(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::en_problem;
    use std::path::PathBuf;

    fn run(text: &str) -> (Batch, FileReport) {
        let path = PathBuf::from("china_sites_test.csv");
        let mut batch = Batch::new(path.clone());
        let mut report = FileReport::new(&path);
        parse(text.as_bytes(), &mut batch, &mut report);
        (batch, report)
    }

    #[test]
    fn line_numbers_count_crlf_and_blank_lines() {
        let text = "date,hour,type,1001A\r\n\
                    20191201,0,PM2.5,12\r\n\
                    \r\n\
                    20191201,1,PM2.5,—\r\n";
        let (_, report) = run(text);
        let reasons: Vec<String> = report.problems.iter().map(en_problem).collect();
        assert!(
            reasons.iter().any(|r| r.contains(":4 column 4 (1001A)")),
            "{reasons:?}"
        );
    }

    #[test]
    fn reads_values_and_reports_bad_cells_with_line_and_column() {
        let text = "date,hour,type,1001A,1002A\n\
                    20191201,0,PM2.5,12,\n\
                    20191201,0,CO,0.6,—\n\
                    20191201,1,PM2.5,-5,1.029.666.667\n\
                    20191201,2,PM2.5,7";
        let (batch, report) = run(text);
        assert_eq!(report.rows_read, 4);
        let pm: Vec<&Chunk> = batch
            .chunks
            .iter()
            .filter(|c| c.variable == Variable::Pm25)
            .collect();
        assert_eq!(pm.len(), 1, "1002A has no valid PM2.5");
        assert_eq!(pm[0].values[0], 12.0);
        assert_eq!(pm[0].values[2], 7.0);
        assert!(pm[0].values[1].is_nan());
        let reasons: Vec<String> = report.problems.iter().map(en_problem).collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains(":3 column 5 (1002A)") && r.contains("not a number")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains(":4 column 4 (1001A)") && r.contains("negative")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains(":4 column 5 (1002A)") && r.contains("Excel")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains(":5") && r.contains("cut short")),
            "{reasons:?}"
        );
    }

    #[test]
    fn one_pass_reader_agrees_with_the_standard_parser() {
        for text in ["0", "7", "1234567", "0.6", "12.25", "2000", "90.0"] {
            let expected: f32 = text.parse().expect("valid");
            let cell = (Scanned::Value(expected), text.len());
            assert_eq!(scan_cell(text.as_bytes()), cell, "{text}");
            let followed = format!("{text},5");
            assert_eq!(scan_cell(followed.as_bytes()), cell, "{text}");
        }
        assert_eq!(scan_cell(b""), (Scanned::Empty, 0));
        assert_eq!(scan_cell(b",12"), (Scanned::Empty, 0));
        for text in [
            "12345678", "1.2.3", ".5", "5.", ".", "-1", "1e3", "NaN", " 12",
        ] {
            let cell = (Scanned::Other, text.len());
            assert_eq!(scan_cell(text.as_bytes()), cell, "{text}");
            let followed = format!("{text},5");
            assert_eq!(scan_cell(followed.as_bytes()), cell, "{text}");
        }
    }

    proptest::proptest! {
        /// Every number the one-pass reader takes is the standard parser's value, and every
        /// plain number of up to 7 digits is taken (none falls to the strict reader).
        #[test]
        fn one_pass_reader_is_exact(text in "[0-9]{1,8}(\\.[0-9]{1,7})?") {
            let expected: f32 = text.parse().expect("digits and one dot");
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            let row = format!("{text},1");
            match scan_cell(row.as_bytes()) {
                (Scanned::Value(v), len) => {
                    proptest::prop_assert_eq!(v, expected, "{}", text);
                    proptest::prop_assert_eq!(len, text.len());
                }
                (_, len) => {
                    proptest::prop_assert!(digits > 7, "{} refused", text);
                    proptest::prop_assert_eq!(len, text.len());
                }
            }
        }
    }

    proptest::proptest! {
        /// The word-at-a-time reader gives what the byte loop gives, whenever it answers; it
        /// answers for every plain integer cell of up to 7 digits followed by a comma.
        #[test]
        fn word_reader_agrees_with_the_byte_loop(text in "[0-9.,x -]{0,12}") {
            if let Some(cell) = scan_word(text.as_bytes()) {
                proptest::prop_assert_eq!(cell, scan_cell(text.as_bytes()), "{}", text);
            }
        }

        #[test]
        fn word_reader_takes_plain_integers(n in 0u32..10_000_000, tail in "[0-9,]{7}") {
            let text = format!("{n},{tail}");
            let len = n.to_string().len();
            proptest::prop_assert_eq!(
                scan_word(text.as_bytes()),
                Some((Scanned::Value(n as f32), len))
            );
        }
    }

    #[test]
    fn quoted_cells_read_like_plain_ones() {
        let text =
            "\"date\",\"hour\",\"type\",\"1001A\"\r\n\"20191201\",\"0\",\"PM2.5\",\"12\"\r\n";
        let (batch, report) = run(text);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(batch.stations[0].code, "1001A");
        assert_eq!(batch.chunks.len(), 1);
        assert_eq!(batch.chunks[0].values[0], 12.0);
    }

    #[test]
    fn a_quoted_row_reads_and_reports_like_a_plain_one() {
        let plain = "date,hour,type,1001A,1002A\n20191201,0,PM2.5,12,x,5\n";
        let quoted = "date,hour,type,1001A,1002A\n\
                      \"20191201\",\"0\",\"PM2.5\",\"12\",\"x\",\"5\"\n";
        let (plain_batch, plain_report) = run(plain);
        let (quoted_batch, quoted_report) = run(quoted);
        // Debug text, as NaN (missing) is not equal to itself.
        let debug = |batch: &Batch| format!("{:?}", batch.chunks);
        assert_eq!(debug(&plain_batch), debug(&quoted_batch));
        assert_eq!(plain_batch.chunks.len(), 1);
        let plain: Vec<String> = plain_report.problems.iter().map(en_problem).collect();
        let quoted: Vec<String> = quoted_report.problems.iter().map(en_problem).collect();
        assert_eq!(plain, quoted);
        // The row's own problem (one value too many) comes before its cells'.
        assert_eq!(plain.len(), 2, "{plain:?}");
        assert!(plain[1].contains(":2 column 5 (1002A)"), "{plain:?}");
    }

    #[test]
    fn header_detection() {
        assert!(looks_like("date,hour,type,1001A"));
        assert!(looks_like("\"date\",\"hour\",\"type\",\"1001A\""));
        assert!(!looks_like("No,year,month,day,hour,pm2.5"));
    }
}
