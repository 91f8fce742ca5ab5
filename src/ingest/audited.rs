//! Audited daily data (审核数据): station daily means as released after the network's data audit.
//!
//! A file is audited because the user says so — it sits in the workspace's `audited/` folder, or
//! is given to `airdesk budget --audited` — never because of its content (a daily table looks the
//! same whether audited or not). Format: a CSV table (comma, UTF-8, UTF-8 with BOM or GBK), one row
//! per station and day:
//!
//! ```text
//! 日期,站点编码,PM2.5,PM10
//! 2019-12-01,1011A,88,130
//! ```
//!
//! - date column: `日期`, `监测日期` or `date` (`2019-12-01`, `2019/12/1`, `20191201`,
//!   `2019年12月1日`); station column: `站点编码`, `监测点编码`, `站点代码` or `station`/`code`
//!   (the CNEMC code, as in the station list);
//! - `PM2.5` (`pm25`, `PM2_5`, `细颗粒物`) and/or `PM10` (`pm10`, `可吸入颗粒物`): daily means in
//!   µg/m³; an empty cell, `—` or `-` is missing;
//! - other columns (station name, city, AQI, the other pollutants) are not used and are named once
//!   in the report's notes.
//!
//! Bad rows are reported with line, column and reason and skipped; a repeated station-day keeps
//! the first row.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::number::{Cell, NumberFormat, check_range};
use super::reason::{CellError, Note, Reason, Then};
use super::report::{FileReport, Severity};
use super::stamp::parse_date;
use super::text::{report_bad_encoding, unreadable_row};
use super::{Format, decode};
use crate::domain::audited::AuditedDays;
use crate::store::Variable;

/// Name of the workspace folder whose files are audited daily data.
pub const AUDITED_DIR: &str = "audited";

/// Missing markers besides the empty cell.
const MISSING: &[&str] = &["—", "-", "--", "NA", "/"];

/// What a header cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Station,
    Value(Variable),
    Other,
}

fn column(header: &str) -> Column {
    let h: String = header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    // A unit in brackets does not change the column: `PM2.5(μg/m³)`.
    let name = h.split(['(', '（']).next().unwrap_or("");
    match name {
        "日期" | "监测日期" | "date" => Column::Date,
        "站点编码" | "监测点编码" | "站点代码" | "station" | "code" | "stationcode" => {
            Column::Station
        }
        "pm2.5" | "pm25" | "pm2_5" | "细颗粒物" => Column::Value(Variable::Pm25),
        "pm10" | "可吸入颗粒物" => Column::Value(Variable::Pm10),
        _ => Column::Other,
    }
}

/// Read audited daily data from a file's bytes.
pub fn parse_audited(path: &Path, bytes: &[u8]) -> (AuditedDays, FileReport) {
    let mut report = FileReport::new(path);
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    report_bad_encoding(&decoded, &mut report);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(decoded.text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            report.fatal(Reason::UnreadableHeader {
                detail: e.to_string(),
            });
            return (AuditedDays::default(), report);
        }
        None => {
            report.fatal(Reason::EmptyFile);
            return (AuditedDays::default(), report);
        }
    };
    let headers: Vec<String> = header.iter().map(str::to_string).collect();
    let kinds: Vec<Column> = headers.iter().map(|h| column(h)).collect();
    let find = |want: Column| kinds.iter().position(|k| *k == want);
    let (Some(date_col), Some(station_col)) = (find(Column::Date), find(Column::Station)) else {
        report.fatal(Reason::NotAudited);
        return (AuditedDays::default(), report);
    };
    let value_cols: Vec<(usize, Variable)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Column::Value(v) => Some((i, *v)),
            _ => None,
        })
        .collect();
    if value_cols.is_empty() {
        report.fatal(Reason::AuditedNoValues);
        return (AuditedDays::default(), report);
    }
    report.format = Some(Format::Table);
    let unused: Vec<String> = kinds
        .iter()
        .zip(&headers)
        .filter(|(k, _)| **k == Column::Other)
        .map(|(_, h)| h.clone())
        .collect();
    if !unused.is_empty() {
        report.note(Note::ColumnsNotUsed { names: unused });
    }
    let mut out = AuditedDays::default();
    let mut first_line: BTreeMap<(NaiveDate, String), u64> = BTreeMap::new();
    let mut variables: Vec<Variable> = Vec::new();
    for result in records {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(csv::Position::line);
                report.problem(Severity::Warning, line, None, unreadable_row(&e), None);
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        report.rows_read += 1;
        let cell = |i: usize| record.get(i).unwrap_or("");
        let Some(date) = parse_date(cell(date_col)) else {
            let text = cell(date_col).to_string();
            let why = Reason::cell(CellError::NotADate { text }, Then::Row);
            report.cell(line, date_col + 1, &headers[date_col], why);
            continue;
        };
        let station = cell(station_col).to_string();
        if station.is_empty() {
            report.cell(
                line,
                station_col + 1,
                &headers[station_col],
                Reason::EmptyStation,
            );
            continue;
        }
        if let Some(first) = first_line.get(&(date, station.clone())) {
            let why = Reason::StationDayAgain {
                station: station.clone(),
                date,
                first_line: *first,
            };
            report.cell(line, station_col + 1, &headers[station_col], why);
            continue;
        }
        first_line.insert((date, station.clone()), line);
        for &(i, variable) in &value_cols {
            report.cells_seen += 1;
            let parsed = match (NumberFormat {
                missing: MISSING,
                decimal_comma: false,
            })
            .parse(cell(i))
            {
                Cell::Missing => continue,
                Cell::Invalid(error) => Err(error),
                Cell::Value(v) => check_range(variable, v).map(|_| v),
            };
            match parsed {
                Ok(v) => {
                    out.insert(date, &station, variable, v);
                    report.values_kept += 1;
                    if !variables.contains(&variable) {
                        variables.push(variable);
                    }
                }
                Err(error) => {
                    report.cell(line, i + 1, &headers[i], Reason::cell(error, Then::Value))
                }
            }
        }
    }
    variables.sort();
    report.variables = variables;
    report.stations = first_line
        .keys()
        .map(|(_, s)| s.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    report.period = first_line
        .keys()
        .next()
        .zip(first_line.keys().next_back())
        .map(|(a, b)| (a.0.to_string(), b.0.to_string()));
    (out, report)
}

/// Read audited daily data from the files `paths` (a folder stands for the files in it, not
/// recursively); later files replace earlier values for the same station, day and pollutant.
pub fn load_audited(paths: &[std::path::PathBuf]) -> (AuditedDays, Vec<FileReport>) {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for p in paths {
        match std::fs::read_dir(p) {
            Ok(entries) => {
                let mut inside: Vec<_> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|f| f.is_file())
                    .collect();
                inside.sort();
                files.extend(inside);
            }
            Err(_) => files.push(p.clone()),
        }
    }
    let mut all = AuditedDays::default();
    let mut reports = Vec::new();
    for path in files {
        match super::input::read_file(&path, super::input::MAX_FILE_BYTES) {
            Ok(bytes) => {
                let (days, report) = parse_audited(&path, &bytes);
                all.extend(days);
                reports.push(report);
            }
            Err(e) => {
                let mut report = FileReport::new(&path);
                report.fatal(e.reason());
                reports.push(report);
            }
        }
    }
    (all, reports)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::{en, en_note};

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 12, day).expect("date")
    }

    #[test]
    fn chinese_headers_gbk_and_units_in_brackets() {
        let text = "日期,站点编码,站点名称,PM2.5(μg/m³),PM10(μg/m³)\r\n2019/12/1,1011A,职工医院,88,130\r\n2019/12/1,1012A,高新区,—,140\r\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let (days, report) = parse_audited(Path::new("a.csv"), &gbk);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(days.get(d(1), "1011A", Variable::Pm25), Some(88.0));
        assert_eq!(days.get(d(1), "1012A", Variable::Pm25), None);
        assert_eq!(days.get(d(1), "1012A", Variable::Pm10), Some(140.0));
        assert_eq!(report.values_kept, 3);
        assert_eq!(report.stations, 2);
        assert!(en_note(&report.notes[0]).contains("站点名称"));
    }

    #[test]
    fn bad_rows_name_line_and_column_and_the_rest_loads() {
        let text = "date,station,pm25\n\
                    2019-12-01,1011A,80\n\
                    2019-13-01,1011A,80\n\
                    2019-12-02,,80\n\
                    2019-12-02,1011A,abc\n\
                    2019-12-03,1011A,-5\n\
                    2019-12-01,1011A,81\n\
                    2019-12-04,1011A,70\n";
        let (days, report) = parse_audited(Path::new("a.csv"), text.as_bytes());
        let got: Vec<(Option<u64>, Option<String>)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.column.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(3), Some("1 (date)".to_string())),
                (Some(4), Some("2 (station)".to_string())),
                (Some(5), Some("3 (pm25)".to_string())),
                (Some(6), Some("3 (pm25)".to_string())),
                (Some(7), Some("2 (station)".to_string())),
            ]
        );
        assert!(en(&report.problems[2].reason).contains("「abc」"));
        assert!(en(&report.problems[4].reason).contains("first on line 2"));
        assert_eq!(days.get(d(1), "1011A", Variable::Pm25), Some(80.0));
        assert_eq!(days.get(d(4), "1011A", Variable::Pm25), Some(70.0));
        assert_eq!(days.len(), 2);
    }

    #[test]
    fn a_table_without_the_needed_columns_is_refused() {
        let (_, report) = parse_audited(Path::new("a.csv"), b"date,hour,type,1001A\n");
        assert!(report.failed());
        let (_, report) = parse_audited(
            Path::new("a.csv"),
            b"date,station,so2\n2019-12-01,1011A,5\n",
        );
        assert!(report.failed());
        assert!(en(&report.problems[0].reason).contains("PM2.5"));
        let (_, report) = parse_audited(Path::new("a.csv"), b"");
        assert!(report.failed());
    }

    proptest::proptest! {
        /// Any bytes, and any cut of a good file with noise after it: a report, never a panic,
        /// and never more values kept than cells seen.
        #[test]
        fn any_bytes_give_a_report(
            cut in 0usize..120,
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256),
        ) {
            let good = "日期,站点编码,PM2.5,PM10\n2019-12-01,1011A,88,130\n2019-12-02,1011A,—,90\n";
            let mut bytes = good.as_bytes()[..cut.min(good.len())].to_vec();
            bytes.extend_from_slice(&noise);
            let (days, report) = parse_audited(Path::new("p.csv"), &bytes);
            proptest::prop_assert!(report.values_kept <= report.cells_seen);
            proptest::prop_assert_eq!(days.len() as u64, report.values_kept);
        }
    }
}
