//! OpenAQ archive CSV (the AWS `openaq-data-archive` bucket, one gzip per location and local day):
//! `location_id,sensors_id,location,datetime,lat,lon,parameter,units,value` (header names may be
//! quoted; `unit`/`sensor_id` spellings accepted). `datetime` is ISO-8601 with the station's local
//! offset; a day's file runs 01:00 … next day 00:00.

use crate::store::{Batch, SeriesKind, StampConvention};

use super::long::{At, LongRows};
use super::number::{Cell, NumberFormat};
use super::openaq::{column, coordinate, parameter, station};
use super::reason::{CellError, Note, Reason, Then};
use super::report::FileReport;
use super::stamp;
use super::text::{LineCounter, decode};

/// Whether the first line is the archive header.
pub fn looks_like(first_line: &str) -> bool {
    let fields: Vec<String> = first_line
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|f| f.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |n: &str| fields.iter().any(|f| f == n);
    has("location_id")
        && (has("sensors_id") || has("sensor_id"))
        && has("datetime")
        && has("parameter")
        && has("value")
}

/// Parse an archive file into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return report.fatal(Reason::UnreadableHeader {
                detail: e.to_string(),
            });
        }
    };
    let col = |names: &[&str]| column(&header, names);
    let (Some(c_id), Some(c_time), Some(c_param), Some(c_value)) = (
        col(&["location_id"]),
        col(&["datetime"]),
        col(&["parameter"]),
        col(&["value"]),
    ) else {
        return report.fatal(Reason::HeaderLacks {
            names: &["location_id", "datetime", "parameter", "value"],
        });
    };
    let (c_name, c_lat, c_lon, c_unit) = (
        col(&["location"]),
        col(&["lat", "latitude"]),
        col(&["lon", "longitude"]),
        col(&["units", "unit"]),
    );
    let mut rows = LongRows::new();
    let mut lines = LineCounter::new(decoded.text.as_bytes());
    for rec in reader.records() {
        let Some((line, rec)) = lines.accept(rec, header.len(), report) else {
            continue;
        };
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let cell = NumberFormat::PLAIN.parse(get(Some(c_value)));
        if cell == Cell::Missing {
            // Nothing to place: the rest of the row does not matter.
            report.cells_seen += 1;
            continue;
        }
        let id = get(Some(c_id));
        if id.is_empty() {
            report.cell(line, c_id + 1, "location_id", Reason::EmptyStation);
            continue;
        }
        let raw_time = get(Some(c_time));
        let Some(st) = stamp::parse(raw_time) else {
            let text = raw_time.to_string();
            let reason = Reason::cell(CellError::NotATime { text }, Then::Row);
            report.cell(line, c_time + 1, "datetime", reason);
            continue;
        };
        if st.offset_s.is_none() {
            report.note(Note::TakenAsUtc);
        }
        let hour = match st.hour(0) {
            Ok(h) => h,
            Err(error) => {
                let reason = Reason::cell(error, Then::Row);
                report.cell(line, c_time + 1, "datetime", reason);
                continue;
            }
        };
        let offset = st.offset_s.unwrap_or(0);
        if let Some(n) = stamp::offset_note(offset) {
            report.note(n);
        }
        let param = get(Some(c_param));
        let Some(variable) = parameter(param) else {
            rows.unknown_parameter(report, line, format!("{} (parameter)", c_param + 1), param);
            continue;
        };
        let code = format!("openaq:{id}");
        let coords = match (coordinate(get(c_lat), 90.0), coordinate(get(c_lon), 180.0)) {
            (Some(a), Some(o)) => Some((a, o)),
            _ => None,
        };
        let name = get(c_name);
        let s = rows.station(batch, &code, || {
            station(code.clone(), name, "", "", coords, offset)
        });
        rows.value(
            report,
            At {
                line,
                column: c_value + 1,
                header: "value",
            },
            s,
            variable,
            get(c_unit),
            cell,
            hour,
        );
    }
    report.note(Note::OpenAqEndOfHour);
    rows.finish(batch, SeriesKind::Observed, StampConvention::EndOfHour);
}
