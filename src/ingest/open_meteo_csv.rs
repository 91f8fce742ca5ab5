//! Open-Meteo CSV responses (`format=csv`).
//!
//! A metadata header and value line(s) (`[location_id,]latitude,longitude,elevation,
//! utc_offset_seconds,timezone,timezone_abbreviation`), then, each after a blank line, sections
//! `[location_id,]time,var (unit),…`. Missing = `NaN` (this format's declared marker). Only the
//! hourly section is loaded: daily (date-only stamps), 15-minutely and current sections are
//! named in a note and skipped. Times are local without offset (shift by `utc_offset_seconds`)
//! or Unix seconds.

use std::collections::{BTreeSet, HashMap};

use crate::store::{Batch, Hour, SeriesKind, StampConvention};

use super::collect::Collector;
use super::number::{Cell, NumberFormat};
use super::open_meteo::{Column, Stations, classify, place, take_value};
use super::reason::{CellError, Note, Reason, Then};
use super::report::{FileReport, Severity};
use super::stamp;
use super::text::{decode, unreadable_row};
use super::units::conversion;

/// Values of this format: `NaN` marks a missing value.
const NUMBERS: NumberFormat<'static> = NumberFormat {
    missing: &["NaN"],
    decimal_comma: false,
};

/// Whether the first line is the metadata header of an Open-Meteo CSV.
pub fn looks_like(first_line: &str) -> bool {
    let l = first_line.trim_start_matches('\u{feff}');
    (l.starts_with("latitude,longitude,") || l.starts_with("location_id,latitude,longitude,"))
        && l.contains("utc_offset_seconds")
}

/// A run of non-blank lines: the 1-based number of its first line and its text.
struct Block<'a> {
    first_line: u64,
    lines: Vec<&'a str>,
}

fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        current
            .get_or_insert_with(|| Block {
                first_line: i as u64 + 1,
                lines: Vec::new(),
            })
            .lines
            .push(line);
    }
    out.extend(current);
    out
}

/// Split a block into CSV records with their file line numbers.
fn records(block: &Block<'_>, report: &mut FileReport) -> Vec<(u64, csv::StringRecord)> {
    let joined = block.lines.join("\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(joined.as_bytes());
    let mut out = Vec::new();
    for rec in reader.records() {
        match rec {
            Ok(r) => {
                let rel = r.position().map_or(1, |p| p.line());
                out.push((block.first_line + rel - 1, r));
            }
            Err(e) => {
                let rel = e.position().map_or(1, |p| p.line());
                let line = block.first_line + rel - 1;
                report.problem(
                    Severity::Warning,
                    Some(line),
                    None,
                    unreadable_row(&e),
                    None,
                );
            }
        }
    }
    out
}

/// Location metadata by `location_id` (`""` for a single-location response).
struct Meta {
    place: String,
    coords: Option<(f64, f64)>,
    offset_s: i32,
}

fn read_meta(block: &Block<'_>, report: &mut FileReport) -> HashMap<String, Meta> {
    let mut out = HashMap::new();
    let recs = records(block, report);
    let Some((_, header)) = recs.first() else {
        return out;
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (id, lat, lon, off) = (
        col("location_id"),
        col("latitude"),
        col("longitude"),
        col("utc_offset_seconds"),
    );
    for (line, rec) in recs.iter().skip(1) {
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(str::trim);
        let num = |i: Option<usize>| get(i).and_then(|s| s.parse::<f64>().ok());
        let key = get(id).unwrap_or("").to_string();
        let coords = match (num(lat), num(lon)) {
            (Some(a), Some(o)) if a.abs() <= 90.0 && o.abs() <= 180.0 => Some((a, o)),
            _ => {
                report.problem(
                    Severity::Warning,
                    Some(*line),
                    None,
                    Reason::LocationUnknown,
                    Some(&rec.iter().collect::<Vec<_>>().join(",")),
                );
                None
            }
        };
        let offset_s = match get(off).map(str::parse::<i32>) {
            Some(Ok(o)) if o.abs() <= 18 * 3600 => o,
            _ => {
                report.problem(
                    Severity::Warning,
                    Some(*line),
                    off.map(|i| format!("{} (utc_offset_seconds)", i + 1)),
                    Reason::OffsetAssumedGmt,
                    None,
                );
                0
            }
        };
        let place = match coords {
            Some((a, o)) => place(a, o),
            None => {
                let stem = report
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if key.is_empty() {
                    stem
                } else {
                    format!("{stem}#{key}")
                }
            }
        };
        out.insert(
            key,
            Meta {
                place,
                coords,
                offset_s,
            },
        );
    }
    out
}

/// `temperature_2m (°C)` → (`temperature_2m`, `°C`).
fn split_header(h: &str) -> (&str, &str) {
    let h = h.trim();
    match (h.rfind(" ("), h.ends_with(')')) {
        (Some(i), true) => (&h[..i], &h[i + 2..h.len() - 1]),
        _ => (h, ""),
    }
}

/// Parse a CSV response into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    let blocks = blocks(&decoded.text);
    let Some(first) = blocks.first() else {
        return report.fatal(Reason::EmptyFile);
    };
    let metas = read_meta(first, report);
    if metas.is_empty() {
        return report.fatal(Reason::NoMetadataLine);
    }
    let mut collector = Collector::new();
    let mut stations = Stations::default();
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    let data_blocks = &blocks[1..];
    for block in data_blocks {
        section(
            block,
            data_blocks.len(),
            &metas,
            batch,
            report,
            &mut collector,
            &mut stations,
            &mut unknown,
        );
    }
    for name in unknown {
        report.problem(
            Severity::Warning,
            None,
            Some(name.clone()),
            Reason::UnusedVariable { name },
            None,
        );
    }
    collector.finish(batch, SeriesKind::Forecast, StampConvention::StartOfHour);
}

#[allow(clippy::too_many_arguments)]
fn section(
    block: &Block<'_>,
    sections: usize,
    metas: &HashMap<String, Meta>,
    batch: &mut Batch,
    report: &mut FileReport,
    collector: &mut Collector,
    stations: &mut Stations,
    unknown: &mut BTreeSet<String>,
) {
    let recs = records(block, report);
    let Some((header_line, header)) = recs.first() else {
        return;
    };
    let first = header.get(0).unwrap_or("").trim();
    let (id_col, time_col) = match first {
        "time" => (None, 0),
        "location_id" if header.get(1).map(str::trim) == Some("time") => (Some(0), 1),
        "current_weather_time" => return report.note(Note::CurrentWeatherNotLoaded),
        _ => {
            let reason = Reason::BadSectionHeader {
                first: first.to_string(),
            };
            report.problem(
                Severity::Warning,
                Some(*header_line),
                Some("1".into()),
                reason,
                None,
            );
            return;
        }
    };
    let rows = &recs[1..];
    let stamps: Vec<&str> = rows
        .iter()
        .filter_map(|(_, r)| r.get(time_col))
        .map(str::trim)
        .collect();
    let unix_daily = stamps.len() > 1
        && stamps
            .windows(2)
            .all(|w| match (w[0].parse::<i64>(), w[1].parse::<i64>()) {
                (Ok(a), Ok(b)) => b - a == 86_400,
                _ => false,
            });
    if unix_daily
        || stamps
            .iter()
            .any(|s| stamp::parse(s).is_none() && stamp::parse_date(s).is_some())
    {
        return report.note(Note::DailySectionNotLoaded { line: *header_line });
    }
    let sub_hourly = stamps.iter().filter_map(|s| stamp::parse(s)).any(|s| {
        use chrono::Timelike;
        s.local.minute() != 0
    });
    if sub_hourly || (rows.len() == 1 && sections > 1) {
        return report.note(Note::SubHourlyNotLoaded { line: *header_line });
    }

    let names: Vec<(usize, &str, &str)> = header
        .iter()
        .enumerate()
        .skip(time_col + 1)
        .map(|(i, h)| {
            let (name, unit) = split_header(h);
            (i, name, unit)
        })
        .collect();
    let columns: Vec<Column> = classify(names.iter().map(|(_, n, _)| *n));
    let mut loaded = Vec::new();
    for ((i, _, unit), col) in names.iter().zip(columns) {
        let Some(target) = col.target else {
            unknown.insert(col.base.clone());
            continue;
        };
        if unit.trim() == "undefined" {
            // A model outside its domain: only NaN below. Nothing to load.
            report.note(match &col.model {
                Some(m) => Note::ModelUndefined { model: m.clone() },
                None => Note::KeyUndefined {
                    key: col.key.clone(),
                },
            });
            continue;
        }
        let conv = if target.flag {
            super::units::Conversion::IDENTITY
        } else {
            match conversion(target.variable, unit) {
                Ok(c) => c,
                Err(error) => {
                    let reason = Reason::cell(error, Then::Column);
                    report.cell(*header_line, i + 1, &col.key, reason);
                    continue;
                }
            }
        };
        if let Some(n) = &conv.note {
            report.note(n.clone());
        }
        loaded.push((*i, col, target, conv));
    }

    for (line, rec) in rows {
        report.rows_read += 1;
        let key = id_col.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let Some(meta) = metas.get(key).or_else(|| metas.get("")) else {
            report.problem(
                Severity::Warning,
                Some(*line),
                Some("1 (location_id)".into()),
                Reason::UnknownLocationId {
                    key: key.to_string(),
                },
                None,
            );
            continue;
        };
        let raw_time = rec.get(time_col).unwrap_or("").trim();
        let hour = match read_time(raw_time, meta.offset_s) {
            Ok(h) => h,
            Err(error) => {
                report.cell(*line, time_col + 1, "time", Reason::cell(error, Then::Row));
                continue;
            }
        };
        for (i, col, target, conv) in &loaded {
            report.cells_seen += 1;
            let raw = rec.get(*i).unwrap_or("");
            let x = match NUMBERS.parse(raw) {
                Cell::Missing => continue,
                Cell::Value(x) => x,
                Cell::Invalid(error) => {
                    report.cell(*line, i + 1, &col.key, Reason::cell(error, Then::Value));
                    continue;
                }
            };
            let station = stations.get(
                batch,
                &meta.place,
                meta.coords,
                col.model.as_deref(),
                meta.offset_s,
            );
            let column = format!("{} ({})", i + 1, col.key);
            take_value(
                collector,
                report,
                station,
                *target,
                conv,
                hour,
                x,
                Some(*line),
                &column,
            );
        }
    }
}

/// A local ISO stamp (shifted by the offset) or Unix seconds.
fn read_time(raw: &str, offset_s: i32) -> Result<Hour, CellError> {
    let not_a_time = || CellError::NotATime {
        text: raw.to_string(),
    };
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        let secs: i64 = raw.parse().map_err(|_| not_a_time())?;
        let t = chrono::DateTime::<chrono::Utc>::from_timestamp(secs, 0).ok_or_else(|| {
            CellError::UnixOutside {
                text: raw.to_string(),
            }
        })?;
        return stamp::Stamp {
            local: t.naive_utc(),
            offset_s: Some(0),
        }
        .hour(0);
    }
    match stamp::parse(raw) {
        Some(s) => s.hour(offset_s),
        None => Err(not_a_time()),
    }
}
