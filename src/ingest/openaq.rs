//! What the OpenAQ-derived exports share: parameter names → variables, station codes, and the
//! column lookup by header name.

use crate::store::{Station, Variable};

/// The store variable for an OpenAQ parameter (`pm25`, `PM2.5`, `no2`, `TEMPERATURE`, …);
/// `None` for parameters AirDesk does not use (`no`, `nox`, `bc`, `pm1`, `um003`, …).
pub(crate) fn parameter(name: &str) -> Option<Variable> {
    let n = name
        .trim()
        .to_ascii_lowercase()
        .replace(['.', '_', ' '], "");
    Some(match n.as_str() {
        "pm25" => Variable::Pm25,
        "pm10" => Variable::Pm10,
        "so2" => Variable::So2,
        "no2" => Variable::No2,
        "o3" => Variable::O3,
        "co" => Variable::Co,
        "temperature" => Variable::Temperature,
        "relativehumidity" | "humidity" => Variable::RelativeHumidity,
        "pressure" => Variable::Pressure,
        "windspeed" => Variable::WindSpeed,
        "winddirection" => Variable::WindDirection,
        _ => return None,
    })
}

/// Code for a location known only by coordinates (OpenDataSoft export, API v1):
/// `openaq:41.9329,12.5069`, so that both exports name the same place alike.
pub(crate) fn coordinate_code(lat: f64, lon: f64) -> String {
    format!("openaq:{lat:.4},{lon:.4}")
}

/// A station from what the exports carry.
pub(crate) fn station(
    code: String,
    name: &str,
    area: &str,
    remark: &str,
    coords: Option<(f64, f64)>,
    utc_offset_s: i32,
) -> Station {
    let keep = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s != "N/A").then(|| s.to_string())
    };
    Station {
        code,
        name: keep(name),
        area: keep(area),
        remark: keep(remark),
        lat: coords.map(|c| c.0),
        lon: coords.map(|c| c.1),
        utc_offset_s,
        ..Default::default()
    }
}

/// Position of the first header equal (case-insensitive, quotes and BOM removed) to one of
/// `names`.
pub(crate) fn column(header: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        let h = h
            .trim()
            .trim_start_matches('\u{feff}')
            .trim_matches('"')
            .to_ascii_lowercase();
        names.iter().any(|n| h == *n)
    })
}

/// A coordinate in range, or `None`.
pub(crate) fn coordinate(raw: &str, limit: f64) -> Option<f64> {
    match super::NumberFormat::PLAIN.parse(raw) {
        super::Cell::Value(v) if v.abs() <= limit => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters() {
        assert_eq!(parameter("pm25"), Some(Variable::Pm25));
        assert_eq!(parameter("PM2.5"), Some(Variable::Pm25));
        assert_eq!(
            parameter("RELATIVEHUMIDITY"),
            Some(Variable::RelativeHumidity)
        );
        assert_eq!(parameter("NOX"), None);
        assert_eq!(parameter("um003"), None);
        assert_eq!(
            coordinate_code(41.932_892_000_253_6, -3.46),
            "openaq:41.9329,-3.4600"
        );
    }
}
