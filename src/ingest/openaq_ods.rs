//! The OpenAQ "latest measurements" export of OpenDataSoft: semicolon-separated, UTF-8 with BOM,
//! CRLF, `Country Code;City;Location;Coordinates;Pollutant;Source Name;Unit;Value;Last Updated;
//! Country Label`. `-9999` marks a missing value; coordinates are one `"lat, lon"` field; times
//! carry the exporter's (Paris) offset, not the station's. Locations have no id, so stations are
//! coded by their coordinates (`openaq:41.9329,12.5069`).

use crate::store::{Batch, SeriesKind, StampConvention};

use super::long::{At, LongRows};
use super::number::{Cell, NumberFormat};
use super::openaq::{column, coordinate, coordinate_code, parameter, station};
use super::reason::{CellError, Note, Reason, Then};
use super::report::FileReport;
use super::stamp;
use super::text::{LineCounter, decode};

/// Values of this export: `-9999` marks a missing value.
const NUMBERS: NumberFormat<'static> = NumberFormat {
    missing: &["-9999", "-9999.0"],
    decimal_comma: false,
};

/// Whether the first line is the export's header.
pub fn looks_like(first_line: &str) -> bool {
    let l = first_line.trim_start_matches('\u{feff}');
    l.contains(';')
        && ["Coordinates", "Pollutant", "Value", "Last Updated"]
            .iter()
            .all(|n| l.split(';').any(|f| f.trim().trim_matches('"') == *n))
}

/// Parse an export into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
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
    let col = |n: &str| column(&header, &[&n.to_ascii_lowercase()]);
    let (Some(c_coord), Some(c_param), Some(c_value), Some(c_time)) = (
        col("Coordinates"),
        col("Pollutant"),
        col("Value"),
        col("Last Updated"),
    ) else {
        return report.fatal(Reason::HeaderLacks {
            names: &["Coordinates", "Pollutant", "Value", "Last Updated"],
        });
    };
    let (c_name, c_city, c_unit, c_country, c_source) = (
        col("Location"),
        col("City"),
        col("Unit"),
        col("Country Label"),
        col("Source Name"),
    );
    report.note(Note::ExporterOffset);
    let mut rows = LongRows::new();
    let mut lines = LineCounter::new(decoded.text.as_bytes());
    for rec in reader.records() {
        let Some((line, rec)) = lines.accept(rec, header.len(), report) else {
            continue;
        };
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let cell = NUMBERS.parse(get(Some(c_value)));
        if cell == Cell::Missing {
            // Nothing to place: the rest of the row does not matter.
            report.cells_seen += 1;
            continue;
        }
        let raw_coord = get(Some(c_coord));
        let coords = raw_coord
            .split_once(',')
            .and_then(|(a, o)| Some((coordinate(a, 90.0)?, coordinate(o, 180.0)?)));
        let Some((lat, lon)) = coords else {
            let reason = Reason::NotCoordinates {
                text: raw_coord.to_string(),
            };
            report.cell(line, c_coord + 1, "Coordinates", reason);
            continue;
        };
        let raw_time = get(Some(c_time));
        let st = stamp::parse(raw_time);
        let hour = match st.map(|s| s.hour(0)) {
            Some(Ok(h)) => h,
            Some(Err(error)) => {
                let reason = Reason::cell(error, Then::Row);
                report.cell(line, c_time + 1, "Last Updated", reason);
                continue;
            }
            None => {
                let text = raw_time.to_string();
                let reason = Reason::cell(CellError::NotATime { text }, Then::Row);
                report.cell(line, c_time + 1, "Last Updated", reason);
                continue;
            }
        };
        let offset = st.and_then(|s| s.offset_s).unwrap_or(0);
        let param = get(Some(c_param));
        let Some(variable) = parameter(param) else {
            rows.unknown_parameter(report, line, format!("{} (Pollutant)", c_param + 1), param);
            continue;
        };
        let code = coordinate_code(lat, lon);
        let remark = [get(c_country), get(c_source)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let (name, city) = (get(c_name), get(c_city));
        let s = rows.station(batch, &code, || {
            station(code.clone(), name, city, &remark, Some((lat, lon)), offset)
        });
        rows.value(
            report,
            At {
                line,
                column: c_value + 1,
                header: "Value",
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
