//! CNEMC national feed daily site files (`china_sites_YYYYMMDD.csv`).
//!
//! Layout: header `date,hour,type,<station codes…>`, then per hour one row per type (`AQI`,
//! `PM2.5`, `PM2.5_24h`, …). Times are Beijing time and the hour marks the END of the averaging
//! hour. Missing = empty cell; whole hours may be absent; the station set changes between files;
//! the last line may be cut short; CO is in mg/m³ (the store's unit).

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

/// The reader's buffer: a few rows of the widest files (2,000 stations × 8 bytes), so a row
/// rarely straddles two fills.
const READ_BUFFER: usize = 256 * 1024;

/// Parse a site file into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    report.encoding = Some("UTF-8".into());
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = simd_csv::ZeroCopyReaderBuilder::with_capacity(READ_BUFFER)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let Some(header) = read_header(&mut reader, batch, report) else {
        return;
    };
    let mut rows = Rows::new(header, batch.stations.len(), bytes);
    loop {
        let start = reader.position();
        match reader.read_byte_record() {
            Ok(Some(record)) => rows.read(start, &record, report),
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

/// The header's station columns (from the fourth column on): each one's station in the batch
/// (`None` for an empty code) and its code as written, for problem reports.
struct Header {
    stations: Vec<Option<usize>>,
    codes: Vec<String>,
}

/// Read the header and add its stations to `batch`; `None` (with the file's fatal problem) when
/// there is none.
fn read_header(
    reader: &mut simd_csv::ZeroCopyReader<&[u8]>,
    batch: &mut Batch,
    report: &mut FileReport,
) -> Option<Header> {
    let record = match reader.read_byte_record() {
        Ok(Some(record)) => record,
        Ok(None) => {
            report.fatal(Reason::EmptyFile);
            return None;
        }
        Err(e) => {
            report.fatal(Reason::UnreadableHeader {
                detail: e.to_string(),
            });
            return None;
        }
    };
    // A code repeated in the header (3207A in the December 2019 files) maps to the same station;
    // its values are merged, and only values that differ are reported.
    let mut header = Header {
        stations: Vec::with_capacity(record.len()),
        codes: Vec::with_capacity(record.len()),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in record.unescaped_iter().enumerate().skip(3) {
        let code = String::from_utf8_lossy(&raw).trim().to_string();
        let station = if code.is_empty() {
            report.cell(1, i + 1, "", Reason::EmptyHeaderCode);
            None
        } else if let Some(&idx) = seen.get(&code) {
            Some(idx)
        } else {
            let idx = batch.station(Station::with_code(&code));
            seen.insert(code.clone(), idx);
            Some(idx)
        };
        header.stations.push(station);
        header.codes.push(code);
    }
    Some(header)
}

/// What the rows build while they are read: the values per (date, type), the unknown types
/// met, and where each row's line is.
struct Rows<'a> {
    header: Header,
    nstations: usize,
    blocks: HashMap<(NaiveDate, Variable), Block>,
    unknown_types: HashMap<String, u64>,
    lines: LineCounter<'a>,
}

impl<'a> Rows<'a> {
    fn new(header: Header, nstations: usize, bytes: &'a [u8]) -> Self {
        Rows {
            header,
            nstations,
            blocks: HashMap::new(),
            unknown_types: HashMap::new(),
            lines: LineCounter::new(bytes),
        }
    }

    /// One row, found after byte `start`: its stamp and type checked, its values stored.
    fn read(&mut self, start: u64, record: &ZeroCopyByteRecord<'_>, report: &mut FileReport) {
        let line = self.lines.line_at(start);
        if record.len() == 1 && record.get(0).is_some_and(<[u8]>::is_empty) {
            return; // blank line
        }
        let ncols = self.header.stations.len();
        report.rows_read += 1;
        report.cells_seen += ncols as u64;
        let Some((date, hour)) = parse_stamp(record) else {
            let row = String::from_utf8_lossy(record.as_slice()).into_owned();
            let column = Some("1-2 (date,hour)".into());
            report.problem(
                Severity::Warning,
                Some(line),
                column,
                Reason::BadDateAndHour,
                Some(row.as_str()),
            );
            return;
        };
        let Some(variable) = self.variable(record, line, report) else {
            return;
        };
        let fields = record.len().saturating_sub(3);
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
        self.store_values(record, (date, hour, variable), line, report);
    }

    /// The row's type, when the feed carries it; an unknown type is reported at its first row
    /// and counted.
    fn variable(
        &mut self,
        record: &ZeroCopyByteRecord<'_>,
        line: u64,
        report: &mut FileReport,
    ) -> Option<Variable> {
        let raw = record.unescape(2).unwrap_or_default();
        let name = String::from_utf8_lossy(&raw);
        let name = name.trim();
        if let Some(variable) = Variable::from_code(name).filter(|v| is_cnemc_type(*v)) {
            return Some(variable);
        }
        let count = self.unknown_types.entry(name.to_string()).or_insert(0);
        if *count == 0 {
            let reason = Reason::UnknownType {
                name: name.to_string(),
            };
            let column = Some("3 (type)".into());
            report.problem(Severity::Warning, Some(line), column, reason, None);
        }
        *count += 1;
        None
    }

    /// The row's values into its (date, type) block at its hour; bad cells and values that
    /// differ from one already read for the same station and hour are reported.
    fn store_values(
        &mut self,
        record: &ZeroCopyByteRecord<'_>,
        (date, hour, variable): (NaiveDate, u32, Variable),
        line: u64,
        report: &mut FileReport,
    ) {
        let nstations = self.nstations;
        let block = self
            .blocks
            .entry((date, variable))
            .or_insert_with(|| Block {
                values: vec![f32::NAN; nstations * 24],
            });
        let columns = record.iter().skip(3).zip(&self.header.stations);
        for (col, (raw, &station)) in columns.enumerate() {
            if raw.is_empty() {
                continue;
            }
            let Some(station) = station else { continue };
            let value = match fast_number(raw) {
                Some(v) => v,
                None => {
                    let cell = record.unescape(col + 3).unwrap_or_default();
                    match read_cell(&cell, variable) {
                        Ok(Some(v)) => v,
                        Ok(None) => continue,
                        Err(error) => {
                            let code = &self.header.codes[col];
                            report.cell(line, col + 4, code, Reason::cell(error, Then::Value));
                            continue;
                        }
                    }
                }
            };
            let slot = &mut block.values[station * 24 + hour as usize];
            if slot.is_nan() {
                *slot = value;
            } else if *slot != value {
                let reason = Reason::ValueTwice {
                    variable,
                    first: *slot,
                    second: value,
                };
                report.cell(line, col + 4, &self.header.codes[col], reason);
            }
        }
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
fn parse_stamp(record: &ZeroCopyByteRecord<'_>) -> Option<(NaiveDate, u32)> {
    let date = record.unescape(0)?;
    let date = std::str::from_utf8(&date).ok()?.trim();
    let hour = record.unescape(1)?;
    let hour: u32 = std::str::from_utf8(&hour).ok()?.trim().parse().ok()?;
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

/// Exact powers of ten in `f32` (5^7 < 2^24), for the decimals [`fast_number`] reads.
const POW10: [f32; 8] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6, 1e7];

/// The common cases in one pass: up to 7 digits with at most one decimal point inside them
/// ("12", "0.6", "12.25"). The digits form an integer below 2^24 and the power of ten is exact
/// in `f32`, so one correctly rounded division gives exactly what the standard library's parser
/// gives (Clinger's fast path). Anything else goes to the strict reader.
fn fast_number(raw: &[u8]) -> Option<f32> {
    let mut n = 0u32;
    let mut digits = 0;
    let mut decimals = None;
    for (i, &b) in raw.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                n = n * 10 + u32::from(b - b'0');
                digits += 1;
                if digits > 7 {
                    return None;
                }
            }
            b'.' if decimals.is_none() && i > 0 && i + 1 < raw.len() => {
                decimals = Some(raw.len() - i - 1);
            }
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    Some(n as f32 / POW10[decimals.unwrap_or(0)])
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
    fn fast_path_agrees_with_the_standard_parser() {
        for text in ["0", "7", "1234567", "0.6", "12.25", "2000", "90.0"] {
            let expected: f32 = text.parse().expect("valid");
            assert_eq!(fast_number(text.as_bytes()), Some(expected), "{text}");
        }
        for text in ["", "12345678", "1.2.3", ".5", "5.", "-1", "1e3", "NaN"] {
            assert_eq!(fast_number(text.as_bytes()), None, "{text}");
        }
    }

    proptest::proptest! {
        /// Every number the one-pass reader takes is the standard parser's value, and every
        /// plain number of up to 7 digits is taken (none falls to the slow path).
        #[test]
        fn fast_path_is_exact(text in "[0-9]{1,8}(\\.[0-9]{1,7})?") {
            let expected: f32 = text.parse().expect("digits and one dot");
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            match fast_number(text.as_bytes()) {
                Some(v) => proptest::prop_assert_eq!(v, expected, "{}", text),
                None => proptest::prop_assert!(digits > 7, "{} refused", text),
            }
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
    fn header_detection() {
        assert!(looks_like("date,hour,type,1001A"));
        assert!(looks_like("\"date\",\"hour\",\"type\",\"1001A\""));
        assert!(!looks_like("No,year,month,day,hour,pm2.5"));
    }
}
