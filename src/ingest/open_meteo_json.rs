//! Open-Meteo JSON responses (forecast, historical-forecast and air-quality APIs).
//!
//! `{latitude, longitude, utc_offset_seconds, timezone, elevation, hourly_units:{…},
//! hourly:{time:[…], var:[…]}, daily…}`; several locations → a top-level array; errors →
//! `{"error":true,"reason":…}`; `null` for missing. Multi-model requests suffix every key with
//! the model (`temperature_2m_ecmwf_ifs025`): each model becomes its own station. A model outside
//! its domain has unit `"undefined"` and only nulls. Times are local wall-clock without offset
//! (shift by `utc_offset_seconds`) or Unix seconds (`timeformat=unixtime`). Only `hourly` is
//! loaded. A response saved without its metadata (only `hourly`/`daily`) is loaded with the API's
//! defaults (GMT, default units) and a warning saying so.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::store::{Batch, Hour, SeriesKind, StampConvention};

use super::collect::Collector;
use super::open_meteo::{Column, Stations, Target, classify, default_unit, place, take_value};
use super::reason::{CellError, Note, Reason, Then};
use super::report::{FileReport, Severity};
use super::stamp;
use super::units::{Conversion, conversion};

/// Whether the start of a text looks like an Open-Meteo JSON response.
pub fn looks_like(head: &str) -> bool {
    let t = head.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with('{') || t.starts_with('['))
        && (t.contains("\"hourly\"")
            || t.contains("\"utc_offset_seconds\"")
            || t.contains("\"generationtime_ms\"")
            || (t.contains("\"error\"") && t.contains("\"reason\"")))
}

/// Parse a response into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    report.encoding = Some("UTF-8".into());
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return report.problem(
                Severity::Error,
                Some(e.line() as u64),
                Some(e.column().to_string()),
                Reason::InvalidJson {
                    detail: e.to_string(),
                },
                None,
            );
        }
    };
    let locations: Vec<(String, &Map<String, Value>)> = match &root {
        Value::Object(o) => vec![(String::new(), o)],
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::Object(o) => out.push((format!("[{i}]."), o)),
                    _ => report.problem(
                        Severity::Warning,
                        None,
                        Some(format!("[{i}]")),
                        Reason::NotLocationObject,
                        None,
                    ),
                }
            }
            out
        }
        _ => return report.fatal(Reason::NotLocations),
    };
    let mut collector = Collector::new();
    let mut stations = Stations::default();
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    for (path, obj) in locations {
        if let Some(reason) = api_error(obj) {
            report.problem(Severity::Error, None, location_column(&path), reason, None);
            continue;
        }
        location(
            &path,
            obj,
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
            Some(format!("hourly.{name}")),
            Reason::UnusedVariable { name },
            None,
        );
    }
    collector.finish(batch, SeriesKind::Forecast, StampConvention::StartOfHour);
}

/// The column of a problem about a whole location: its array index, if any.
fn location_column(path: &str) -> Option<String> {
    let p = path.trim_end_matches('.');
    (!p.is_empty()).then(|| p.to_string())
}

/// The error Open-Meteo returned instead of data, if it did.
fn api_error(obj: &Map<String, Value>) -> Option<Reason> {
    match obj.get("error") {
        Some(Value::Bool(true)) => Some(Reason::ApiError {
            reason: obj
                .get("reason")
                .and_then(Value::as_str)
                .map(str::to_string),
        }),
        _ => None,
    }
}

/// Metadata of one location, or what was assumed for it.
struct Meta {
    place: String,
    coords: Option<(f64, f64)>,
    offset_s: i32,
    units: Option<Map<String, Value>>,
}

fn meta(path: &str, obj: &Map<String, Value>, report: &mut FileReport) -> Meta {
    let lat = obj.get("latitude").and_then(Value::as_f64);
    let lon = obj.get("longitude").and_then(Value::as_f64);
    let coords = match (lat, lon) {
        (Some(a), Some(o)) if a.abs() <= 90.0 && o.abs() <= 180.0 => Some((a, o)),
        _ => None,
    };
    let units = obj.get("hourly_units").and_then(Value::as_object).cloned();
    let offset = obj.get("utc_offset_seconds").and_then(Value::as_i64);
    let offset_s = match offset {
        Some(o) if o.abs() <= 18 * 3600 => o as i32,
        Some(_) => {
            report.problem(
                Severity::Warning,
                None,
                Some(format!("{path}utc_offset_seconds")),
                Reason::OffsetAssumedGmt,
                None,
            );
            0
        }
        None => 0,
    };
    if coords.is_none() || offset.is_none() || units.is_none() {
        let stem = report
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let reason = Reason::MetadataMissing {
            coords: coords.is_none(),
            offset: offset.is_none(),
            units: units.is_none(),
            stem,
        };
        report.problem(Severity::Warning, None, location_column(path), reason, None);
    }
    let place = match coords {
        Some((a, o)) => place(a, o),
        None => {
            let stem = report
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{stem}{}", path.trim_end_matches('.'))
        }
    };
    Meta {
        place,
        coords,
        offset_s,
        units,
    }
}

fn location(
    path: &str,
    obj: &Map<String, Value>,
    batch: &mut Batch,
    report: &mut FileReport,
    collector: &mut Collector,
    stations: &mut Stations,
    unknown: &mut BTreeSet<String>,
) {
    for section in ["daily", "current", "current_weather", "minutely_15"] {
        if obj.contains_key(section) {
            report.note(Note::SectionNotLoaded { section });
        }
    }
    let Some(hourly) = obj.get("hourly").and_then(Value::as_object) else {
        report.problem(
            Severity::Error,
            None,
            location_column(path),
            Reason::NoHourly,
            None,
        );
        return;
    };
    let meta = meta(path, obj, report);
    let Some(times) = hourly.get("time").and_then(Value::as_array) else {
        report.problem(
            Severity::Error,
            None,
            Some(format!("{path}hourly.time")),
            Reason::NoHourlyTime,
            None,
        );
        return;
    };
    let hours = read_times(path, times, meta.offset_s, report);
    report.rows_read += times.len() as u64;

    let columns = classify(hourly.keys().map(String::as_str).filter(|k| *k != "time"));
    // Both pressures map to one variable: keep mean-sea-level pressure when both are there.
    let has_msl = |model: &Option<String>| {
        columns
            .iter()
            .any(|c| c.base == "pressure_msl" && &c.model == model)
    };
    let mut empty_models: BTreeSet<String> = BTreeSet::new();
    let mut models_with_data: BTreeSet<String> = BTreeSet::new();
    for col in &columns {
        let Some(target) = col.target else {
            unknown.insert(col.base.clone());
            continue;
        };
        if col.base == "surface_pressure" && has_msl(&col.model) {
            report.note(Note::SurfacePressureNotUsed {
                key: col.key.clone(),
            });
            continue;
        }
        let Some(values) = hourly.get(&col.key).and_then(Value::as_array) else {
            report.problem(
                Severity::Warning,
                None,
                Some(format!("{path}hourly.{}", col.key)),
                Reason::NotAnArray,
                None,
            );
            continue;
        };
        if values.iter().all(Value::is_null) {
            if let Some(m) = &col.model {
                empty_models.insert(m.clone());
            }
            continue;
        }
        if let Some(m) = &col.model {
            models_with_data.insert(m.clone());
        }
        let Some(conv) = unit_of(path, col, target, meta.units.as_ref(), report) else {
            continue;
        };
        if let Some(n) = &conv.note {
            report.note(n.clone());
        }
        if values.len() != times.len() {
            report.problem(
                Severity::Warning,
                None,
                Some(format!("{path}hourly.{}", col.key)),
                Reason::LengthMismatch {
                    values: values.len(),
                    times: times.len(),
                },
                None,
            );
        }
        let station = stations.get(
            batch,
            &meta.place,
            meta.coords,
            col.model.as_deref(),
            meta.offset_s,
        );
        for (i, (v, hour)) in values.iter().zip(&hours).enumerate() {
            report.cells_seen += 1;
            let Some(hour) = hour else { continue };
            let at = || format!("{path}hourly.{}[{i}]", col.key);
            let bad = |error| Reason::cell(error, Then::Value);
            match v {
                Value::Null => {}
                Value::Number(n) => match n.as_f64() {
                    Some(x) => take_value(
                        collector,
                        report,
                        station,
                        target,
                        &conv,
                        *hour,
                        x,
                        None,
                        &at(),
                    ),
                    None => report.problem(
                        Severity::Warning,
                        None,
                        Some(at()),
                        bad(CellError::OutOfRange {
                            text: n.to_string(),
                        }),
                        None,
                    ),
                },
                other => report.problem(
                    Severity::Warning,
                    None,
                    Some(at()),
                    bad(CellError::NotANumber {
                        text: other.to_string(),
                    }),
                    None,
                ),
            }
        }
    }
    for m in empty_models.difference(&models_with_data) {
        report.note(Note::ModelNoData {
            model: m.clone(),
            place: meta.place.clone(),
        });
    }
}

/// The conversion for a column, from `hourly_units` or the API default; `None` (with a warning)
/// when the unit cannot be used.
fn unit_of(
    path: &str,
    col: &Column,
    target: Target,
    units: Option<&Map<String, Value>>,
    report: &mut FileReport,
) -> Option<Conversion> {
    if target.flag {
        return Some(Conversion::IDENTITY);
    }
    let unit = match units {
        Some(u) => match u.get(&col.key).and_then(Value::as_str) {
            Some(s) => s.to_string(),
            None => {
                report.problem(
                    Severity::Warning,
                    None,
                    Some(format!("{path}hourly_units.{}", col.key)),
                    Reason::UnitAssumedDefault {
                        key: col.key.clone(),
                        unit: default_unit(target.variable),
                    },
                    None,
                );
                default_unit(target.variable).to_string()
            }
        },
        None => default_unit(target.variable).to_string(),
    };
    match conversion(target.variable, &unit) {
        Ok(c) => Some(c),
        Err(error) => {
            report.problem(
                Severity::Warning,
                None,
                Some(format!("{path}hourly_units.{}", col.key)),
                Reason::cell(error, Then::Column),
                None,
            );
            None
        }
    }
}

/// Hours of the `time` array; `None` (with a warning) for a stamp that cannot be used.
fn read_times(
    path: &str,
    times: &[Value],
    offset_s: i32,
    report: &mut FileReport,
) -> Vec<Option<Hour>> {
    times
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let not_a_time = |text: String| CellError::NotATime { text };
            let result = match t {
                Value::String(s) => match stamp::parse(s) {
                    Some(st) => st.hour(offset_s),
                    None => Err(not_a_time(s.clone())),
                },
                Value::Number(n) => match n.as_i64() {
                    Some(secs) if secs % 3600 == 0 => {
                        use chrono::Datelike;
                        let h = Hour(secs.div_euclid(3600));
                        if (stamp::FIRST_YEAR..=stamp::LAST_YEAR).contains(&h.to_utc().year()) {
                            Ok(h)
                        } else {
                            Err(CellError::UnixOutside {
                                text: secs.to_string(),
                            })
                        }
                    }
                    _ => Err(CellError::NotWholeUnixHour {
                        text: n.to_string(),
                    }),
                },
                other => Err(not_a_time(other.to_string())),
            };
            match result {
                Ok(h) => Some(h),
                Err(error) => {
                    report.problem(
                        Severity::Warning,
                        None,
                        Some(format!("{path}hourly.time[{i}]")),
                        Reason::cell(error, Then::Hour),
                        None,
                    );
                    None
                }
            }
        })
        .collect()
}
