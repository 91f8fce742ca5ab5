//! CNEMC national feed daily site files (`china_sites_YYYYMMDD.csv`).
//!
//! Layout: header `date,hour,type,<station codes…>`, then per hour one row per type (`AQI`,
//! `PM2.5`, `PM2.5_24h`, …). Times are Beijing time and the hour marks the END of the averaging
//! hour. Missing = empty cell; whole hours may be absent; the station set changes between files;
//! the last line may be cut short; CO is in mg/m³ (the store's unit).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station, Variable};

use super::number::{Cell, NumberFormat, check_range};
use super::reason::{CellError, Reason, Then};
use super::report::{FileReport, Severity};
use super::text::{LineCounter, unreadable_row};

/// China Standard Time, the feed's clock.
const CST: i32 = 8 * 3600;

/// Whether the first line is a CNEMC site-file header.
pub fn looks_like(first_line: &str) -> bool {
    let mut fields = first_line.trim_start_matches('\u{feff}').split(',');
    matches!(
        (fields.next(), fields.next(), fields.next()),
        (Some("date"), Some("hour"), Some("type"))
    )
}

/// Values of one (date, type), hour-major (`hour × stations`, as the rows come), NaN for missing.
struct Block {
    values: Vec<f32>,
}

/// The blocks read so far, by (date, type).
type Blocks = HashMap<(NaiveDate, Variable), Block>;

/// Parse a site file into `batch`: the header's station codes, then each row's values into the
/// block of its date and type, then each block as one chunk per station.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    report.encoding = Some("UTF-8".into());
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let header = match reader.read_byte_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => return report.fatal(Reason::EmptyFile),
        Err(e) => {
            return report.fatal(Reason::UnreadableHeader {
                detail: e.to_string(),
            });
        }
    };
    let codes = station_columns(&header, batch, report);
    let nstations = batch.stations.len();
    let ncols = codes.len();

    let mut blocks: Blocks = HashMap::new();
    let mut unknown_types: HashMap<String, u64> = HashMap::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = lines.line_of(e.position());
                report.problem(
                    Severity::Warning,
                    Some(line),
                    None,
                    unreadable_row(&e),
                    None,
                );
                continue;
            }
        }
        let line_no = lines.line_of(record.position());
        if record.len() == 1 && record.get(0).is_some_and(|f| f.is_empty()) {
            continue; // blank line
        }
        report.rows_read += 1;
        report.cells_seen += ncols as u64;
        let Some((date, hour, variable)) = row_key(&record, line_no, &mut unknown_types, report)
        else {
            continue;
        };
        check_width(record.len().saturating_sub(3), ncols, line_no, report);
        let block = blocks.entry((date, variable)).or_insert_with(|| Block {
            values: vec![f32::NAN; nstations * 24],
        });
        // The hot loop: most cells are plain numbers read by `fast_number`.
        for (col, raw) in record.iter().skip(3).take(ncols).enumerate() {
            if raw.is_empty() {
                continue;
            }
            let Some(station) = codes[col] else { continue };
            let value = match fast_number(raw) {
                Some(v) => v,
                None => match strict_cell(raw, variable, &header, (line_no, col), report) {
                    Some(v) => v,
                    None => continue,
                },
            };
            let slot = &mut block.values[hour as usize * nstations + station];
            if slot.is_nan() {
                *slot = value;
            } else if *slot != value {
                let (first, second) = (*slot, value);
                value_twice(variable, (first, second), &header, (line_no, col), report);
            }
        }
    }
    report_unknown_types(unknown_types, report);
    push_chunks(blocks, nstations, batch);
}

/// The station of each column from the fourth on (`None`: an empty code, reported). A code
/// repeated in the header (3207A in the December 2019 files) maps to the same station; its
/// values are merged, and only values that differ are reported.
fn station_columns(
    header: &csv::ByteRecord,
    batch: &mut Batch,
    report: &mut FileReport,
) -> Vec<Option<usize>> {
    let mut codes: Vec<Option<usize>> = Vec::with_capacity(header.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in header.iter().enumerate().skip(3) {
        let code = String::from_utf8_lossy(raw).trim().to_string();
        if code.is_empty() {
            report.cell(1, i + 1, "", Reason::EmptyHeaderCode);
            codes.push(None);
        } else if let Some(&idx) = seen.get(&code) {
            codes.push(Some(idx));
        } else {
            let idx = batch.station(Station::with_code(&code));
            seen.insert(code, idx);
            codes.push(Some(idx));
        }
    }
    codes
}

/// A row's date, hour and type; `None` (reported) for a bad stamp or a type the feed does not
/// carry (each unknown type reported once here, then counted).
fn row_key(
    record: &csv::ByteRecord,
    line_no: u64,
    unknown_types: &mut HashMap<String, u64>,
    report: &mut FileReport,
) -> Option<(NaiveDate, u32, Variable)> {
    let Some((date, hour)) = parse_stamp(record) else {
        let row_text = String::from_utf8_lossy(record.as_slice());
        report.problem(
            Severity::Warning,
            Some(line_no),
            Some("1-2 (date,hour)".into()),
            Reason::BadDateAndHour,
            Some(&row_text),
        );
        return None;
    };
    let type_raw = String::from_utf8_lossy(record.get(2).unwrap_or_default())
        .trim()
        .to_string();
    if let Some(variable) = Variable::from_code(&type_raw).filter(|v| is_cnemc_type(*v)) {
        return Some((date, hour, variable));
    }
    let count = unknown_types.entry(type_raw.clone()).or_insert(0);
    if *count == 0 {
        report.problem(
            Severity::Warning,
            Some(line_no),
            Some("3 (type)".into()),
            Reason::UnknownType { name: type_raw },
            None,
        );
    }
    *count += 1;
    None
}

/// Report a row with fewer or more values than the header has stations.
fn check_width(fields: usize, header: usize, line_no: u64, report: &mut FileReport) {
    let reason = match fields.cmp(&header) {
        std::cmp::Ordering::Equal => return,
        std::cmp::Ordering::Less => Reason::FewerValues { fields, header },
        std::cmp::Ordering::Greater => Reason::MoreValues { fields, header },
    };
    report.problem(Severity::Warning, Some(line_no), None, reason, None);
}

/// The code in the header above column `col` (0 = the first station column).
fn column_code(header: &csv::ByteRecord, col: usize) -> String {
    String::from_utf8_lossy(header.get(col + 3).unwrap_or_default()).into_owned()
}

/// A cell `fast_number` could not read, through the strict reader: its value, or `None` when
/// it is missing or bad (reported at `(line, col)`).
#[cold]
fn strict_cell(
    raw: &[u8],
    variable: Variable,
    header: &csv::ByteRecord,
    (line_no, col): (u64, usize),
    report: &mut FileReport,
) -> Option<f32> {
    match read_cell(raw, variable) {
        Ok(v) => v,
        Err(error) => {
            let code = column_code(header, col);
            report.cell(line_no, col + 4, &code, Reason::cell(error, Then::Value));
            None
        }
    }
}

/// Report a station hour given twice with different values (the first is kept).
#[cold]
fn value_twice(
    variable: Variable,
    (first, second): (f32, f32),
    header: &csv::ByteRecord,
    (line_no, col): (u64, usize),
    report: &mut FileReport,
) {
    let code = column_code(header, col);
    let reason = Reason::ValueTwice {
        variable,
        first,
        second,
    };
    report.cell(line_no, col + 4, &code, reason);
}

/// One more warning per unknown type that came on several rows, with the count.
fn report_unknown_types(unknown_types: HashMap<String, u64>, report: &mut FileReport) {
    for (t, n) in unknown_types {
        if n > 1 {
            report.problem(
                Severity::Warning,
                None,
                Some("3 (type)".into()),
                Reason::UnknownTypeRows { name: t, count: n },
                None,
            );
        }
    }
}

/// Each block as one day's chunk per station that has a value, in date and type order.
fn push_chunks(mut blocks: Blocks, nstations: usize, batch: &mut Batch) {
    let mut keys: Vec<(NaiveDate, Variable)> = blocks.keys().copied().collect();
    keys.sort();
    for key in keys {
        let Some(block) = blocks.remove(&key) else {
            continue;
        };
        let start = Hour::from_local_date_hour(key.0, 0, CST);
        for station in 0..nstations {
            let values: Vec<f32> = (0..24)
                .map(|h| block.values[h * nstations + station])
                .collect();
            if values.iter().all(|v| v.is_nan()) {
                continue;
            }
            batch.chunks.push(Chunk {
                station,
                variable: key.1,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start,
                values,
            });
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
fn parse_stamp(record: &csv::ByteRecord) -> Option<(NaiveDate, u32)> {
    let date = std::str::from_utf8(record.get(0)?).ok()?.trim();
    let hour: u32 = std::str::from_utf8(record.get(1)?)
        .ok()?
        .trim()
        .parse()
        .ok()?;
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

/// The common cases, fast: a whole number of up to 7 digits (exact in `f32`), or digits with one
/// decimal point (read by the standard library). Anything else goes to the strict reader.
fn fast_number(raw: &[u8]) -> Option<f32> {
    if !raw.is_empty() && raw.len() <= 7 && raw.iter().all(u8::is_ascii_digit) {
        let n = raw.iter().fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'));
        return Some(n as f32);
    }
    let mut dots = 0;
    for &b in raw {
        match b {
            b'0'..=b'9' => {}
            b'.' => dots += 1,
            _ => return None,
        }
    }
    if dots != 1 || raw.first() == Some(&b'.') || raw.last() == Some(&b'.') {
        return None;
    }
    // Only ASCII digits and one dot: valid UTF-8 and a valid float literal (too many digits
    // overflow to infinity: left to the strict reader, which rejects them).
    std::str::from_utf8(raw)
        .ok()?
        .parse::<f32>()
        .ok()
        .filter(|v| v.is_finite())
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

    #[test]
    fn header_detection() {
        assert!(looks_like("date,hour,type,1001A"));
        assert!(!looks_like("No,year,month,day,hour,pm2.5"));
    }
}
