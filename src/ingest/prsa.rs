//! UCI Beijing "PRSA" files, both layouts, recognised from the header:
//!
//! - **single site** (UCI "Beijing PM2.5", Liang et al. 2015): `No,year,month,day,hour,pm2.5,DEWP,
//!   TEMP,PRES,cbwd,Iws,Is,Ir` — US Embassy PM2.5 with Beijing Capital Airport weather. `cbwd` is a
//!   combined wind direction (NW/NE/SE, `cv` = calm or variable); `Iws`, `Is`, `Ir` are CUMULATED
//!   wind speed (m/s), hours of snow and hours of rain that restart whenever the condition changes.
//! - **multi site** (UCI "Beijing Multi-Site Air-Quality"): `"No","year","month","day","hour",
//!   "PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"`, quoted
//!   header and strings, CO in µg/m³ (converted to mg/m³), `wd` one of 16 compass points, `RAIN` mm.
//!
//! Missing = `NA`. Times are Beijing wall-clock (UTC+8). **Stamp convention:** the `hour` field is
//! taken as the START of the hour ([`StampConvention::StartOfHour`]), so hours 0–23 of a date make up
//! that date; the source does not document the convention, and the US Embassy (StateAir) files it
//! comes from label an hour by its start.
//!
//! Derived series: hourly wind speed is the increment of `Iws` (the value itself in the first hour
//! after a restart, i.e. when `cbwd` changed); rain/snow flags are 1 while `Ir`/`Is` count hours
//! (> 0); relative humidity comes from temperature and dew point with the Magnus formula.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::humidity::relative_humidity;
use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Station, Variable};

use super::number::{Cell, NumberFormat, check_range};
use super::reason::{CellError, Reason, Then};
use super::report::{FileReport, Severity};
use super::text::unreadable_row;

/// China Standard Time, the files' clock.
const CST: i32 = 8 * 3600;

/// The files' missing marker.
const NUMBERS: NumberFormat<'static> = NumberFormat {
    missing: &["NA"],
    decimal_comma: false,
};

/// Header of the single-site file.
const SINGLE: [&str; 13] = [
    "no", "year", "month", "day", "hour", "pm2.5", "dewp", "temp", "pres", "cbwd", "iws", "is",
    "ir",
];

/// Header of the multi-site files.
const MULTI: [&str; 18] = [
    "no", "year", "month", "day", "hour", "pm2.5", "pm10", "so2", "no2", "co", "o3", "temp",
    "pres", "dewp", "rain", "wd", "wspm", "station",
];

/// Code of the one station of the single-site file (it has no station column).
pub const SINGLE_SITE_CODE: &str = "BJ-US-Embassy";

/// Which of the two layouts a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir`.
    SingleSite,
    /// `No,year,…,RAIN,wd,WSPM,station`.
    MultiSite,
}

/// The layout whose header is `first_line` (case and quotes ignored), if any.
pub fn layout(first_line: &str) -> Option<Layout> {
    let fields: Vec<String> = first_line
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|f| f.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    if fields == SINGLE {
        Some(Layout::SingleSite)
    } else if fields == MULTI {
        Some(Layout::MultiSite)
    } else {
        None
    }
}

/// Degrees (from north, the direction the wind blows from) of a 16-point compass name.
fn compass_degrees(name: &str) -> Option<f32> {
    const POINTS: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    POINTS
        .iter()
        .position(|p| *p == name)
        .map(|i| i as f32 * 22.5)
}

/// Values collected per (station index, variable) before they become dense chunks.
type Collected = HashMap<(usize, Variable), Vec<(Hour, f32)>>;

/// State carried from one single-site row to the next to undo the cumulation of `Iws`.
struct WindRun {
    hour: Hour,
    direction: String,
    cumulated: f64,
}

/// Parse a PRSA file of the given layout into `batch`.
pub fn parse(bytes: &[u8], layout: Layout, batch: &mut Batch, report: &mut FileReport) {
    let decoded = super::decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    // With CRLF input the csv crate's record positions came out one line short (checked on this
    // file's layout); plain LF keeps the line numbers in reports right.
    let text = decoded.text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let expected = match layout {
        Layout::SingleSite => SINGLE.len(),
        Layout::MultiSite => MULTI.len(),
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            return report.fatal(Reason::UnreadableHeader {
                detail: e.to_string(),
            });
        }
    };
    let mut collected: Collected = HashMap::new();
    let mut stations: HashMap<String, usize> = HashMap::new();
    if layout == Layout::SingleSite {
        let mut station = Station::with_code(SINGLE_SITE_CODE);
        station.name = Some("北京美国大使馆 (US Embassy Beijing, UCI PRSA)".into());
        station.area = Some("北京".into());
        stations.insert(SINGLE_SITE_CODE.into(), batch.station(station));
    }
    let mut wind: Option<WindRun> = None;
    let mut wind_gaps = 0u64;
    let mut record = csv::StringRecord::new();
    let mut line: u64 = 1;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                line = e.position().map_or(line + 1, |p| p.line());
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
        line = record.position().map_or(line + 1, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows_read += 1;
        if record.len() != expected {
            report.problem(
                Severity::Warning,
                Some(line),
                None,
                Reason::FieldCount {
                    fields: record.len(),
                    expected,
                },
                Some(&record.iter().collect::<Vec<_>>().join(",")),
            );
            continue;
        }
        let Some(hour) = row_hour(&record) else {
            report.problem(
                Severity::Warning,
                Some(line),
                Some("2-5 (year,month,day,hour)".into()),
                Reason::BadDateParts,
                Some(&record.iter().collect::<Vec<_>>().join(",")),
            );
            continue;
        };
        let mut row = Row {
            record: &record,
            headers: &headers,
            line,
            report: &mut *report,
        };
        let station = match layout {
            Layout::SingleSite => stations.get(SINGLE_SITE_CODE).copied().unwrap_or(0),
            Layout::MultiSite => match multi_site_station(&mut row, batch, &mut stations) {
                Some(s) => s,
                None => continue,
            },
        };
        let mut put = |v: Variable, x: f32| {
            collected.entry((station, v)).or_default().push((hour, x));
        };
        match layout {
            Layout::SingleSite => {
                single_site_row(&mut row, hour, &mut put, &mut wind, &mut wind_gaps);
            }
            Layout::MultiSite => multi_site_row(&mut row, &mut put),
        }
    }
    if wind_gaps > 0 {
        report.problem(
            Severity::Warning,
            None,
            Some("11 (Iws)".into()),
            Reason::WindGaps { count: wind_gaps },
            None,
        );
    }
    // One cell per row for every series the layout yields (derived ones included), so that the
    // missing percentage compares like with like.
    report.cells_seen = report.rows_read
        * match layout {
            Layout::SingleSite => 9,
            Layout::MultiSite => 13,
        };
    into_chunks(collected, batch, report);
}

/// A single-site row: PM2.5, dew point, temperature, pressure and the relative humidity they
/// give; the wind direction class and the hourly speed undone from the cumulated `Iws` (`wind`
/// carries the run from row to row, `wind_gaps` counts hours after a gap); snow and rain flags.
fn single_site_row(
    row: &mut Row<'_>,
    hour: Hour,
    put: &mut impl FnMut(Variable, f32),
    wind: &mut Option<WindRun>,
    wind_gaps: &mut u64,
) {
    let pm = row.value(5, Variable::Pm25);
    let dew = row.value(6, Variable::DewPoint);
    let temp = row.value(7, Variable::Temperature);
    let pres = row.value(8, Variable::Pressure);
    for (v, x) in [
        (Variable::Pm25, pm),
        (Variable::DewPoint, dew),
        (Variable::Temperature, temp),
        (Variable::Pressure, pres),
    ] {
        if let Some(x) = x {
            put(v, x);
        }
    }
    if let (Some(t), Some(d)) = (temp, dew) {
        put(Variable::RelativeHumidity, relative_humidity(t, d));
    }
    let cbwd = row.record.get(9).unwrap_or_default().trim();
    match cbwd {
        "NW" => put(Variable::WindDirection, 315.0),
        "NE" => put(Variable::WindDirection, 45.0),
        "SE" => put(Variable::WindDirection, 135.0),
        "SW" => put(Variable::WindDirection, 225.0),
        "cv" | "CV" | "NA" | "" => {}
        other => row.report.cell(
            row.line,
            10,
            "cbwd",
            Reason::NotWindDirection {
                text: other.to_string(),
            },
        ),
    }
    if let Some(cum) = row.number(10, Variable::WindSpeed) {
        let speed = match &*wind {
            Some(prev) if prev.direction == cbwd && prev.hour + 1 == hour => {
                (cum >= prev.cumulated).then_some(cum - prev.cumulated)
            }
            // Same direction across a gap: the increment cannot be known.
            Some(prev) if prev.direction == cbwd && hour > prev.hour + 1 => {
                *wind_gaps += 1;
                Some(f64::NAN)
            }
            _ => None,
        }
        .unwrap_or(cum);
        if !speed.is_nan() {
            put(Variable::WindSpeed, speed as f32);
        }
        *wind = Some(WindRun {
            hour,
            direction: cbwd.to_string(),
            cumulated: cum,
        });
    } else {
        *wind = None;
    }
    for (col, v) in [(11, Variable::SnowFlag), (12, Variable::RainFlag)] {
        if let Some(hours) = row.number(col, v) {
            put(v, if hours > 0.0 { 1.0 } else { 0.0 });
        }
    }
}

/// The station a multi-site row names (added to `batch` the first time); `None` (reported) when
/// the name is empty.
fn multi_site_station(
    row: &mut Row<'_>,
    batch: &mut Batch,
    stations: &mut HashMap<String, usize>,
) -> Option<usize> {
    let name = row.record.get(17).unwrap_or_default().trim();
    if name.is_empty() {
        row.report
            .cell(row.line, 18, "station", Reason::EmptyStation);
        return None;
    }
    let station = match stations.get(name) {
        Some(&s) => s,
        None => {
            let mut st = Station::with_code(name);
            st.area = Some("北京".into());
            let s = batch.station(st);
            stations.insert(name.to_string(), s);
            s
        }
    };
    Some(station)
}

/// A multi-site row's values: the six pollutants (CO in mg/m³), the weather, the relative
/// humidity from temperature and dew point, and the wind direction of a compass point.
fn multi_site_row(row: &mut Row<'_>, put: &mut impl FnMut(Variable, f32)) {
    for (col, v) in [
        (5, Variable::Pm25),
        (6, Variable::Pm10),
        (7, Variable::So2),
        (8, Variable::No2),
        (10, Variable::O3),
        (12, Variable::Pressure),
        (14, Variable::Precipitation),
        (16, Variable::WindSpeed),
    ] {
        if let Some(x) = row.value(col, v) {
            put(v, x);
        }
    }
    if let Some(co) = row.value(9, Variable::Co) {
        put(Variable::Co, co / 1000.0);
    }
    let temp = row.value(11, Variable::Temperature);
    let dew = row.value(13, Variable::DewPoint);
    if let Some(t) = temp {
        put(Variable::Temperature, t);
    }
    if let Some(d) = dew {
        put(Variable::DewPoint, d);
    }
    if let (Some(t), Some(d)) = (temp, dew) {
        put(Variable::RelativeHumidity, relative_humidity(t, d));
    }
    let wd = row.record.get(15).unwrap_or_default().trim();
    if !(wd.is_empty() || wd == "NA") {
        match compass_degrees(wd) {
            Some(deg) => put(Variable::WindDirection, deg),
            None => row.report.cell(
                row.line,
                16,
                "wd",
                Reason::NotCompassPoint {
                    text: wd.to_string(),
                },
            ),
        }
    }
}

/// One data row being read, with what is needed to report a bad cell.
struct Row<'a> {
    record: &'a csv::StringRecord,
    headers: &'a [String],
    line: u64,
    report: &'a mut FileReport,
}

impl Row<'_> {
    /// The number in column `col` (0-based), `None` when missing or invalid (invalid is reported).
    fn number(&mut self, col: usize, variable: Variable) -> Option<f64> {
        let raw = self.record.get(col).unwrap_or_default();
        match NUMBERS.parse(raw) {
            Cell::Missing => None,
            Cell::Value(v) => match check_range(variable, v) {
                Ok(_) => Some(v),
                Err(error) => {
                    self.reject(col, error);
                    None
                }
            },
            Cell::Invalid(error) => {
                self.reject(col, error);
                None
            }
        }
    }

    /// Like [`Row::number`], as the store's `f32`.
    fn value(&mut self, col: usize, variable: Variable) -> Option<f32> {
        self.number(col, variable).map(|v| v as f32)
    }

    fn reject(&mut self, col: usize, error: CellError) {
        let header = self.headers.get(col).map_or("", String::as_str);
        let reason = Reason::cell(error, Then::Value);
        self.report.cell(self.line, col + 1, header, reason);
    }
}

/// The hour of a row from its year, month, day and hour fields (Beijing time, start of hour).
fn row_hour(record: &csv::StringRecord) -> Option<Hour> {
    let field = |i: usize| record.get(i)?.trim().parse::<u32>().ok();
    let year = i32::try_from(field(1)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, field(2)?, field(3)?)?;
    let hour = field(4)?;
    (hour < 24).then(|| Hour::from_local_date_hour(date, hour, CST))
}

/// Turn the collected values into dense chunks per (station, variable), a new chunk after a gap
/// of more than a month so that a stray date cannot inflate one chunk to decades of NaN.
fn into_chunks(collected: Collected, batch: &mut Batch, report: &mut FileReport) {
    const MAX_GAP_HOURS: i64 = 31 * 24;
    let mut keys: Vec<(usize, Variable)> = collected.keys().copied().collect();
    keys.sort();
    for key in keys {
        let Some(values) = collected.get(&key) else {
            continue;
        };
        let mut values = values.clone();
        values.sort_by_key(|(h, _)| *h);
        let mut runs: Vec<&[(Hour, f32)]> = Vec::new();
        let mut begin = 0;
        for i in 1..values.len() {
            if values[i].0 - values[i - 1].0 > MAX_GAP_HOURS {
                runs.push(&values[begin..i]);
                begin = i;
            }
        }
        runs.push(&values[begin..]);
        for run in runs {
            let (Some(&(first, _)), Some(&(last, _))) = (run.first(), run.last()) else {
                continue;
            };
            let mut dense = vec![f32::NAN; (last - first + 1) as usize];
            let mut differing = 0u64;
            for &(h, v) in run {
                let slot = &mut dense[(h - first) as usize];
                if slot.is_nan() {
                    *slot = v;
                } else if *slot != v {
                    differing += 1;
                }
            }
            if differing > 0 {
                let station = batch.stations.get(key.0).map_or("", |s| s.code.as_str());
                let reason = Reason::HoursTwice {
                    count: differing,
                    station: station.to_string(),
                    variable: key.1,
                };
                report.problem(Severity::Warning, None, None, reason, None);
            }
            batch.chunks.push(Chunk {
                station: key.0,
                variable: key.1,
                kind: SeriesKind::Observed,
                stamp: StampConvention::StartOfHour,
                start: first,
                values: dense,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::{en, en_problem};
    use std::path::PathBuf;

    fn run(text: &str) -> (Batch, FileReport) {
        let path = PathBuf::from("prsa.csv");
        let mut batch = Batch::new(path.clone());
        let mut report = FileReport::new(&path);
        let layout = layout(text.lines().next().unwrap_or("")).expect("layout");
        parse(text.as_bytes(), layout, &mut batch, &mut report);
        (batch, report)
    }

    fn values(batch: &Batch, station: usize, v: Variable) -> Vec<f32> {
        batch
            .chunks
            .iter()
            .find(|c| c.station == station && c.variable == v)
            .map(|c| c.values.clone())
            .unwrap_or_default()
    }

    #[test]
    fn detects_both_layouts() {
        assert_eq!(
            layout("No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir\r"),
            Some(Layout::SingleSite)
        );
        assert_eq!(
            layout(
                "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\
                 \"CO\",\"O3\",\"TEMP\",\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\""
            ),
            Some(Layout::MultiSite)
        );
        assert_eq!(layout("date,hour,type,1001A"), None);
    }

    #[test]
    fn undoes_cumulated_wind_snow_and_rain() {
        let text = "No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir\r\n\
                    1,2010,1,1,0,NA,-21,-11,1021,NW,1.79,0,0\r\n\
                    2,2010,1,1,1,129,-21,-12,1020,NW,4.92,0,0\r\n\
                    3,2010,1,1,2,148,-21,-11,1019,cv,0.89,1,0\r\n\
                    4,2010,1,1,3,x,-21,-14,1019,cv,1.78,2,3\r\n\
                    5,2010,1,1,4,150,-21,-14,1019,cv,0.89,0,0\r\n\
                    7,2010,1,1,6,150,-21,-14,1019,cv,2.67,0,0\r\n\
                    8,2010,2,30,7,150,-21,-14,1019,cv,3.56,0,0\r\n";
        let (batch, report) = run(text);
        let ws = values(&batch, 0, Variable::WindSpeed);
        let expect = [1.79, 3.13, 0.89, 0.89, 0.89];
        for (got, want) in ws.iter().zip(expect) {
            assert!((got - want).abs() < 1e-4, "{ws:?}");
        }
        assert_eq!(ws.len(), 5, "the increment across a gap is unknown: {ws:?}");
        assert_eq!(
            values(&batch, 0, Variable::SnowFlag)[..5],
            [0.0, 0.0, 1.0, 1.0, 0.0]
        );
        assert_eq!(
            values(&batch, 0, Variable::RainFlag)[..5],
            [0.0, 0.0, 0.0, 1.0, 0.0]
        );
        let dir = values(&batch, 0, Variable::WindDirection);
        assert_eq!(dir[..2], [315.0, 315.0]);
        assert_eq!(dir.len(), 2, "cv is no direction");
        let pm = values(&batch, 0, Variable::Pm25);
        assert_eq!(pm[0], 129.0);
        assert!(pm[2].is_nan());
        let rh = values(&batch, 0, Variable::RelativeHumidity);
        assert!((rh[0] - 43.5).abs() < 0.2, "{rh:?}");
        let problems: Vec<String> = report.problems.iter().map(en_problem).collect();
        assert!(
            problems.iter().any(|p| p.contains(":5 column 6 (pm2.5)")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains(":8") && p.contains("date or hour")),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains("gap")), "{problems:?}");
        let first = batch
            .chunks
            .iter()
            .find(|c| c.variable == Variable::DewPoint)
            .expect("dew point")
            .start;
        assert_eq!(
            first.to_local(CST).to_rfc3339(),
            "2010-01-01T00:00:00+08:00"
        );
    }

    #[test]
    fn multi_site_converts_co_and_compass_points() {
        let text = "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\",\"TEMP\",\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\n\
                    1,2013,3,1,0,4,4,4,7,300,77,-0.7,1023,-18.8,0,\"NNW\",4.4,\"Aotizhongxin\"\n\
                    2,2013,3,1,1,NA,8,4,7,NA,77,-1.1,1023.2,-18.2,0.3,\"XX\",4.7,\"Aotizhongxin\"\n\
                    1,2013,3,1,0,6,4,4,7,400,77,-0.7,1023,-18.8,0,\"SW\",1.2,\"Changping\"\n";
        let (batch, report) = run(&format!(
            "{text}9,2013,3,1,0,5,4,4,7,400,77,-0.7,1023,-18.8,0,\"SW\",1.2,\"Changping\"\n"
        ));
        assert!(
            report
                .problems
                .iter()
                .any(|p| en(&p.reason).contains("1 hour(s) of Changping PM2.5 appear twice")),
            "{:?}",
            report.problems
        );
        assert_eq!(batch.stations.len(), 2);
        assert_eq!(values(&batch, 0, Variable::Co), vec![0.3]);
        assert_eq!(values(&batch, 0, Variable::WindDirection), vec![337.5]);
        assert_eq!(values(&batch, 1, Variable::WindDirection), vec![225.0]);
        assert_eq!(values(&batch, 0, Variable::Precipitation), vec![0.0, 0.3]);
        assert_eq!(values(&batch, 0, Variable::WindSpeed), vec![4.4, 4.7]);
        assert!(
            report
                .problems
                .iter()
                .any(|p| en_problem(p).contains(":3 column 16 (wd)")),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn real_excerpt_and_multi_site_fixture_load_cleanly() {
        let single = include_bytes!("../../tests/fixtures/prsa/beijing-2012-12_2013-01.csv");
        let (batch, report) = crate::ingest::parse_bytes(&PathBuf::from("bj.csv"), single);
        assert_eq!(report.format, Some(crate::ingest::Format::PrsaSingleSite));
        assert_eq!(report.rows_read, 62 * 24);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let pm = values(&batch, 0, Variable::Pm25);
        assert_eq!(pm.len(), 62 * 24);
        let multi = include_bytes!("../../tests/fixtures/prsa/multi-site-sample.csv");
        let (batch, report) = crate::ingest::parse_bytes(&PathBuf::from("ms.csv"), multi);
        assert_eq!(report.format, Some(crate::ingest::Format::PrsaMultiSite));
        assert_eq!(batch.stations.len(), 2);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}
