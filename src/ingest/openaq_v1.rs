//! OpenAQ API v1 measurements as CSV: `location,city,country,utc,local,parameter,value,unit,
//! latitude,longitude,attribution`, with or without that header line; `attribution` is a quoted
//! JSON array (not needed, not parsed). The hour comes from the `local` stamp (whole local hours;
//! with a half-hour offset such as Kabul's +04:30 they fall between UTC hours), its offset is the
//! station's. Stations are coded by coordinates like the OpenDataSoft export.

use crate::store::{Batch, SeriesKind, StampConvention};

use super::long::{At, LongRows};
use super::number::{Cell, NumberFormat};
use super::openaq::{coordinate, coordinate_code, parameter, station};
use super::reason::{CellError, Note, Reason, Then};
use super::report::{FileReport, Severity};
use super::stamp;
use super::text::{LineCounter, decode, unreadable_row};

/// The documented column order.
const HEADER: [&str; 11] = [
    "location",
    "city",
    "country",
    "utc",
    "local",
    "parameter",
    "value",
    "unit",
    "latitude",
    "longitude",
    "attribution",
];

fn is_header(fields: &[&str]) -> bool {
    fields.len() >= 10
        && HEADER
            .iter()
            .zip(fields)
            .all(|(h, f)| f.trim().trim_matches('"').eq_ignore_ascii_case(h))
}

/// Whether the first line is this format: its header, or a data row whose fourth field is a UTC
/// stamp, fifth a stamp with offset and seventh a number.
pub fn looks_like(first_line: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(first_line.trim_start_matches('\u{feff}').as_bytes());
    let Some(Ok(rec)) = reader.records().next() else {
        return false;
    };
    let fields: Vec<&str> = rec.iter().collect();
    if is_header(&fields) {
        return true;
    }
    fields.len() >= 10
        && fields[3].trim().ends_with('Z')
        && stamp::parse(fields[3]).is_some()
        && stamp::parse(fields[4]).is_some_and(|s| s.offset_s.is_some())
        && fields[6].trim().parse::<f64>().is_ok()
}

/// Parse a v1 CSV into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let mut rows = LongRows::new();
    let mut lines = LineCounter::new(decoded.text.as_bytes());
    let mut first = true;
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
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
        };
        let line = lines.line_of(rec.position());
        let fields: Vec<&str> = rec.iter().collect();
        if std::mem::take(&mut first) && is_header(&fields) {
            continue;
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows_read += 1;
        if fields.len() < 10 {
            let reason = Reason::FieldCount {
                fields: fields.len(),
                expected: HEADER.len(),
            };
            report.problem(Severity::Warning, Some(line), None, reason, None);
            continue;
        }
        let get = |i: usize| fields.get(i).copied().unwrap_or("").trim();
        let cell = NumberFormat::PLAIN.parse(get(6));
        if cell == Cell::Missing {
            // Nothing to place: the rest of the row does not matter.
            report.cells_seen += 1;
            continue;
        }
        let raw_local = get(4);
        let st = match stamp::parse(raw_local) {
            Some(s) if s.offset_s.is_some() => s,
            _ => {
                let text = raw_local.to_string();
                let reason = Reason::cell(CellError::NotATimeWithOffset { text }, Then::Row);
                report.cell(line, 5, "local", reason);
                continue;
            }
        };
        let hour = match st.hour(0) {
            Ok(h) => h,
            Err(error) => {
                report.cell(line, 5, "local", Reason::cell(error, Then::Row));
                continue;
            }
        };
        let offset = st.offset_s.unwrap_or(0);
        if let Some(n) = stamp::offset_note(offset) {
            report.note(n);
        }
        let Some((lat, lon)) = coordinate(get(8), 90.0).zip(coordinate(get(9), 180.0)) else {
            report.problem(
                Severity::Warning,
                Some(line),
                Some("9-10 (latitude,longitude)".into()),
                Reason::CoordinatesMissing,
                None,
            );
            continue;
        };
        let param = get(5);
        let Some(variable) = parameter(param) else {
            rows.unknown_parameter(report, line, "6 (parameter)".into(), param);
            continue;
        };
        let code = coordinate_code(lat, lon);
        let (name, city, country) = (get(0), get(1), get(2));
        let s = rows.station(batch, &code, || {
            station(code.clone(), name, city, country, Some((lat, lon)), offset)
        });
        rows.value(
            report,
            At {
                line,
                column: 7,
                header: "value",
            },
            s,
            variable,
            get(7),
            cell,
            hour,
        );
    }
    report.note(Note::OpenAqEndOfHour);
    rows.finish(batch, SeriesKind::Observed, StampConvention::EndOfHour);
}
