//! CNEMC station list (站点列表): `监测点编码,监测点名称,城市,经度,纬度,对照点,省级行政区,地级行政区`.
//!
//! Quirks: GBK (or UTF-8 with or without BOM); LONGITUDE before latitude; empty coordinates;
//! status text inside names (`市监测中心(停运150702)`, `草堂寺（已停运）`, `定陵(对照点)`).

use crate::store::{Batch, Station};

use super::number::{Cell, NumberFormat};
use super::reason::{Axis, CellError, Reason, Then};
use super::report::{FileReport, Severity};
use super::text::{LineCounter, decode, report_bad_encoding, unreadable_row};

/// Whether the first line is a station-list header (Chinese or English column names).
pub fn looks_like(first_line: &str) -> bool {
    let l = first_line.trim_start_matches('\u{feff}');
    (l.contains("监测点编码") || l.contains("站点编码"))
        && (l.contains("经度") || l.contains("纬度"))
        || l.to_ascii_lowercase().starts_with("code,name,city,lon")
}

/// Column positions found in the header.
struct Columns {
    code: usize,
    name: Option<usize>,
    city: Option<usize>,
    lon: Option<usize>,
    lat: Option<usize>,
    control: Option<usize>,
    province: Option<usize>,
}

fn find_columns(header: &csv::StringRecord) -> Option<Columns> {
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
            names.iter().any(|n| h == *n)
        })
    };
    Some(Columns {
        code: find(&["监测点编码", "站点编码", "code"])?,
        name: find(&["监测点名称", "站点名称", "name"]),
        city: find(&["城市", "city"]),
        lon: find(&["经度", "lon", "longitude"]),
        lat: find(&["纬度", "lat", "latitude"]),
        control: find(&["对照点", "control"]),
        province: find(&["省级行政区", "省份", "province"]),
    })
}

/// Split `市监测中心(停运150702)` into `市监测中心` and the remark `停运150702`.
pub fn split_status(raw: &str) -> (String, Option<String>) {
    let s = raw.trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let (Some(i), true) = (s.rfind(open), s.ends_with(close)) {
            let name = s[..i].trim().to_string();
            let remark = s[i + open.len_utf8()..s.len() - close.len_utf8()]
                .trim()
                .to_string();
            if !name.is_empty() && !remark.is_empty() {
                return (name, Some(remark));
            }
        }
    }
    (s.to_string(), None)
}

/// Parse a station list into `batch.stations` (no values).
pub fn parse(bytes: &[u8], batch: &mut Batch, report: &mut FileReport) {
    let decoded = decode(bytes);
    report.encoding = Some(decoded.encoding.to_string());
    report_bad_encoding(&decoded, report);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
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
    let Some(cols) = find_columns(&header) else {
        return report.fatal(Reason::NoCodeColumn);
    };
    let mut seen = std::collections::HashSet::new();
    let mut lines = LineCounter::new(decoded.text.as_bytes());
    for row in reader.records() {
        let row = match row {
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
        let line = lines.line_of(row.position());
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows_read += 1;
        let get = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(code) = get(Some(cols.code)) else {
            report.problem(
                Severity::Warning,
                Some(line),
                Some(format!("{}", cols.code + 1)),
                Reason::EmptyStation,
                row.as_slice().into(),
            );
            continue;
        };
        if !seen.insert(code.to_string()) {
            report.problem(
                Severity::Warning,
                Some(line),
                Some(format!("{}", cols.code + 1)),
                Reason::StationTwice {
                    code: code.to_string(),
                },
                None,
            );
            continue;
        }
        let mut coord = |idx: Option<usize>, axis: Axis, range: f64| -> Option<f64> {
            let raw = get(idx)?;
            let error = match NumberFormat::PLAIN.parse(raw) {
                Cell::Value(v) if v.abs() <= range => return Some(v),
                Cell::Missing => return None,
                Cell::Value(value) => CellError::CoordinateOutOfRange { axis, value },
                Cell::Invalid(error) => error,
            };
            let col = idx.unwrap_or(0);
            let header = header.get(col).unwrap_or_default().trim();
            report.cell(line, col + 1, header, Reason::cell(error, Then::Ignored));
            None
        };
        let lon = coord(cols.lon, Axis::Longitude, 180.0);
        let lat = coord(cols.lat, Axis::Latitude, 90.0);
        let (name, remark) = match get(cols.name) {
            Some(n) => {
                let (n, r) = split_status(n);
                (Some(n), r)
            }
            None => (None, None),
        };
        let control_site = get(cols.control).is_some_and(|f| f.eq_ignore_ascii_case("Y"));
        batch.station(Station {
            code: code.to_string(),
            name,
            area: get(cols.city).map(str::to_string),
            province: get(cols.province).map(str::to_string),
            lon,
            lat,
            remark,
            control_site,
            utc_offset_s: 8 * 3600,
        });
    }
    report.stations = batch.stations.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn reads_gbk_list_with_status_text_and_empty_coordinates() {
        let text = "监测点编码,监测点名称,城市,经度,纬度,对照点,省级行政区,地级行政区\n\
                    1002A,定陵(对照点),北京,116.2202,40.2915,Y,北京市,北京市\n\
                    1436A,草堂寺（已停运）,成都,104.026,30.6544,N,四川省,成都市\n\
                    1045A,市政府,秦皇岛,,,N,河北省,秦皇岛市\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let path = PathBuf::from("NewSiteList.csv");
        let mut batch = Batch::new(path.clone());
        let mut report = FileReport::new(&path);
        parse(&gbk, &mut batch, &mut report);
        assert_eq!(report.encoding.as_deref(), Some("GB18030"));
        assert_eq!(batch.stations.len(), 3);
        let s = &batch.stations[0];
        assert_eq!(
            (s.name.as_deref(), s.remark.as_deref(), s.control_site),
            (Some("定陵"), Some("对照点"), true)
        );
        assert_eq!((s.lon, s.lat), (Some(116.2202), Some(40.2915)));
        assert_eq!(batch.stations[1].name.as_deref(), Some("草堂寺"));
        assert_eq!(batch.stations[1].remark.as_deref(), Some("已停运"));
        assert_eq!((batch.stations[2].lon, batch.stations[2].lat), (None, None));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    #[test]
    fn problems_name_the_line_after_crlf_and_blank_lines() {
        let text = "监测点编码,监测点名称,城市,经度,纬度\r\n\
                    1001A,万寿西宫,北京,116.366,39.8673\r\n\
                    \r\n\
                    1002A,定陵,北京,116.2202,abc\r\n";
        let path = PathBuf::from("NewSiteList.csv");
        let mut batch = Batch::new(path.clone());
        let mut report = FileReport::new(&path);
        parse(text.as_bytes(), &mut batch, &mut report);
        let reasons: Vec<String> = report
            .problems
            .iter()
            .map(crate::ingest::reason::en_problem)
            .collect();
        assert!(
            reasons.iter().any(|r| r.contains(":4 column 5")),
            "{reasons:?}"
        );
    }
}
