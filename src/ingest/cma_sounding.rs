//! CMA upper-air soundings (UPAR_GLB_MUL_FTM, 全球高空定时值): space-separated, CRLF, a header of
//! element codes (`Station_Id_C Year_Data Mon_Data Day_Data Hour_Data EVSS … PRS_HWC GPH … TEM
//! DPT DTD`), one row per level; levels are not sorted and may repeat; missing = `999999`,
//! `999998` or `null`. Times are UTC (世界时). EVSS bit 131072 marks the surface level.
//!
//! Per sounding (station × time) the loader derives, with [`crate::domain::sounding`], the
//! surface-inversion strength ([`Variable::InversionStrength`]) and the mixing height
//! ([`Variable::BoundaryLayerHeight`], m above ground), stored as observed values at the
//! sounding hour. Stations are coded `wmo:<区站号>`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::sounding::{Level, analyse};
use crate::store::{Batch, Hour, SeriesKind, StampConvention, Station, Variable};

use super::collect::{Collector, Put};
use super::number::{Cell, NumberFormat, check_range};
use super::reason::{CellError, DatePart, Note, Reason, Then};
use super::report::{FileReport, Severity};
use super::text::decode;

/// Missing-value markers of the CMA files (as text; the numeric sentinels are checked too).
const NUMBERS: NumberFormat<'static> = NumberFormat {
    missing: &[
        "null",
        "NULL",
        "999999",
        "999998",
        "999999.0000",
        "999998.0000",
    ],
    decimal_comma: false,
};

/// EVSS flag of the surface level (vertical sounding significance, bit 1 of 18).
const SURFACE_FLAG: u32 = 131_072;

/// Whether the first line is a CMA upper-air header.
pub fn looks_like(first_line: &str) -> bool {
    let fields: Vec<&str> = first_line.split_whitespace().collect();
    ["Station_Id_C", "Year_Data", "Hour_Data", "PRS_HWC", "TEM"]
        .iter()
        .all(|n| fields.contains(n))
}

/// Column positions.
struct Columns {
    station: usize,
    year: usize,
    month: usize,
    day: usize,
    hour: usize,
    evss: Option<usize>,
    pressure: usize,
    height: Option<usize>,
    temperature: usize,
    dew_point: Option<usize>,
    elapsed: Option<usize>,
}

/// A sounding: station id and UTC hour.
type SoundingKey = (String, i64);

/// A cell that cannot be read: its 0-based column and why.
type BadCell = (usize, CellError);

/// One level as read, with the line it came from.
struct Row {
    line: u64,
    level: Level,
}

fn number(raw: &str) -> Result<Option<f64>, CellError> {
    match NUMBERS.parse(raw) {
        Cell::Missing => Ok(None),
        Cell::Value(v) if v >= 999_998.0 => Ok(None),
        Cell::Value(v) => Ok(Some(v)),
        Cell::Invalid(error) => Err(error),
    }
}

/// The columns a sounding file needs.
const NEEDED: &[&str] = &[
    "Station_Id_C",
    "Year_Data",
    "Mon_Data",
    "Day_Data",
    "Hour_Data",
    "PRS_HWC",
    "TEM",
];

/// Parse a sounding file into `batch`.
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    let mut lines = decoded.text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return report.fatal(Reason::EmptyFile);
    };
    let names: Vec<&str> = header.split_whitespace().collect();
    let col = |n: &str| names.iter().position(|h| *h == n);
    let (
        Some(station),
        Some(year),
        Some(month),
        Some(day),
        Some(hour),
        Some(pressure),
        Some(temperature),
    ) = (
        col("Station_Id_C"),
        col("Year_Data"),
        col("Mon_Data"),
        col("Day_Data"),
        col("Hour_Data"),
        col("PRS_HWC"),
        col("TEM"),
    )
    else {
        return report.fatal(Reason::HeaderLacks { names: NEEDED });
    };
    let cols = Columns {
        station,
        year,
        month,
        day,
        hour,
        evss: col("EVSS"),
        pressure,
        height: col("GPH"),
        temperature,
        dew_point: col("DPT"),
        elapsed: col("Time_Dev_WQ"),
    };

    let mut soundings: BTreeMap<SoundingKey, Vec<Row>> = BTreeMap::new();
    for (i, text) in lines {
        let line = i as u64 + 1;
        let fields: Vec<&str> = text.split_whitespace().collect();
        if fields.is_empty() {
            continue;
        }
        report.rows_read += 1;
        if fields.len() < names.len() {
            let reason = Reason::ShortRow {
                fields: fields.len(),
                header: names.len(),
                then: Then::Level,
            };
            report.problem(Severity::Warning, Some(line), None, reason, None);
            continue;
        }
        match read_row(&fields, &cols, line) {
            Ok(Some((key, row))) => soundings.entry(key).or_default().push(row),
            Ok(None) => {}
            Err((column, error)) => {
                let name = names.get(column).copied().unwrap_or("");
                report.cell(line, column + 1, name, Reason::cell(error, Then::Level));
            }
        }
    }

    let mut collector = Collector::new();
    let mut stations: BTreeMap<String, usize> = BTreeMap::new();
    let (mut descent, mut conflicting) = (0, 0);
    for ((code, hour), rows) in soundings {
        report.cells_seen += 2;
        let first_line = rows.first().map_or(0, |r| r.line);
        let levels: Vec<Level> = rows.iter().map(|r| r.level).collect();
        let when = Hour(hour).to_utc().format("%Y-%m-%d %H:00 UTC").to_string();
        let analysis = match analyse(&levels) {
            Ok(a) => a,
            Err(why) => {
                let reason = Reason::SoundingUnusable {
                    station: code.clone(),
                    when: when.clone(),
                    why,
                };
                report.problem(Severity::Warning, Some(first_line), None, reason, None);
                continue;
            }
        };
        descent += analysis.descent_levels;
        conflicting += analysis.conflicting_levels;
        let s = *stations.entry(code.clone()).or_insert_with(|| {
            batch.station(Station {
                remark: Some("CMA 高空探测 upper-air sounding".into()),
                ..Station::with_code(&format!("wmo:{code}"))
            })
        });
        let values = [
            (
                Variable::InversionStrength,
                Some((analysis.inversion_strength * 100.0).round() / 100.0),
            ),
            (
                Variable::BoundaryLayerHeight,
                analysis.mixing_height_m.map(f64::round),
            ),
        ];
        for (variable, value) in values {
            let station = code.clone();
            let when = when.clone();
            let reason = match value.map(|v| check_range(variable, v)) {
                None => Reason::NoMixingHeight { station, when },
                Some(Err(error)) => Reason::SoundingValue {
                    station,
                    when,
                    error: Box::new(error),
                },
                Some(Ok(v)) => match collector.put(s, variable, Hour(hour), v) {
                    Put::Conflict(first) => Reason::SoundingsDiffer {
                        station,
                        when,
                        variable,
                        first,
                        second: v,
                    },
                    Put::New | Put::Duplicate => continue,
                },
            };
            report.problem(Severity::Warning, Some(first_line), None, reason, None);
        }
    }
    if descent > 0 {
        report.note(Note::SoundingDescent {
            count: descent as u64,
        });
    }
    if conflicting > 0 {
        report.note(Note::SoundingRepeats {
            count: conflicting as u64,
        });
    }
    collector.finish(batch, SeriesKind::Observed, StampConvention::StartOfHour);
}

/// The sounding key (station, UTC hour) and the level of one row; `Ok(None)` for a level without
/// pressure or temperature (a wind-only level); `Err((column, reason))` for a broken cell.
fn read_row(
    fields: &[&str],
    cols: &Columns,
    line: u64,
) -> Result<Option<(SoundingKey, Row)>, BadCell> {
    let int = |c: usize, part: DatePart| -> Result<u32, BadCell> {
        match number(fields[c]) {
            Ok(Some(v)) if v >= 0.0 && v.fract() == 0.0 && v < 10_000.0 => Ok(v as u32),
            Ok(_) => {
                let text = fields[c].to_string();
                Err((c, CellError::NotAPart { text, part }))
            }
            Err(error) => Err((c, error)),
        }
    };
    let value = |c: usize| number(fields[c]).map_err(|error| (c, error));
    let (y, m, d, h) = (
        int(cols.year, DatePart::Year)?,
        int(cols.month, DatePart::Month)?,
        int(cols.day, DatePart::Day)?,
        int(cols.hour, DatePart::Hour)?,
    );
    let no_such_date = CellError::NoSuchDate {
        year: y,
        month: m,
        day: d,
    };
    let date = NaiveDate::from_ymd_opt(y as i32, m, d)
        .filter(|_| (super::stamp::FIRST_YEAR as u32..=super::stamp::LAST_YEAR as u32).contains(&y))
        .ok_or((cols.year, no_such_date))?;
    if h > 23 {
        return Err((cols.hour, CellError::HourOutside { hour: h, last: 23 }));
    }
    let hour = Hour::from_local_date_hour(date, h, 0);
    let station = fields[cols.station].trim().to_string();
    let (Some(p), Some(t)) = (value(cols.pressure)?, value(cols.temperature)?) else {
        return Ok(None);
    };
    let height = match cols.height {
        Some(c) => value(c)?,
        None => None,
    };
    let dew_point = match cols.dew_point {
        Some(c) => value(c)?,
        None => None,
    };
    let elapsed_s = match cols.elapsed {
        Some(c) => value(c)?,
        None => None,
    };
    let surface = match cols.evss {
        Some(c) => value(c)?.is_some_and(|f| (f as u32) & SURFACE_FLAG != 0),
        None => false,
    };
    Ok(Some((
        (station, hour.0),
        Row {
            line,
            level: Level {
                pressure_hpa: p,
                height_m: height,
                temperature_c: t,
                dew_point_c: dew_point,
                surface,
                elapsed_s,
            },
        },
    )))
}
