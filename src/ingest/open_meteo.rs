//! What Open-Meteo's JSON and CSV responses share: variable names (with the per-model suffixes
//! of multi-model requests, `temperature_2m_ecmwf_ifs025`), their default units, and how a
//! location and model become a station of the store.

use std::collections::{BTreeSet, HashMap};

use crate::store::{Hour, Station, Variable};

use super::collect::{Collector, Put};
use super::number::check_range;
use super::reason::{CellError, Reason, Then};
use super::report::{FileReport, Severity};
use super::units::Conversion;

/// Where an Open-Meteo variable lands in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    /// The store variable.
    pub variable: Variable,
    /// The source gives an amount (rain in mm) and the store keeps only whether there was any
    /// (1 when the amount is above zero, else 0).
    pub flag: bool,
}

const fn var(variable: Variable) -> Option<Target> {
    Some(Target {
        variable,
        flag: false,
    })
}

/// Variable names AirDesk loads, with the API's older spellings.
const LOADED: [(&str, Option<Target>); 29] = [
    ("temperature_2m", var(Variable::Temperature)),
    ("dew_point_2m", var(Variable::DewPoint)),
    ("dewpoint_2m", var(Variable::DewPoint)),
    ("relative_humidity_2m", var(Variable::RelativeHumidity)),
    ("relativehumidity_2m", var(Variable::RelativeHumidity)),
    ("pressure_msl", var(Variable::Pressure)),
    ("surface_pressure", var(Variable::Pressure)),
    ("wind_speed_10m", var(Variable::WindSpeed)),
    ("windspeed_10m", var(Variable::WindSpeed)),
    ("wind_direction_10m", var(Variable::WindDirection)),
    ("winddirection_10m", var(Variable::WindDirection)),
    ("wind_speed_80m", var(Variable::WindSpeed80m)),
    ("windspeed_80m", var(Variable::WindSpeed80m)),
    ("temperature_80m", var(Variable::Temperature80m)),
    ("precipitation", var(Variable::Precipitation)),
    (
        "rain",
        Some(Target {
            variable: Variable::RainFlag,
            flag: true,
        }),
    ),
    ("snowfall", var(Variable::Snowfall)),
    ("boundary_layer_height", var(Variable::BoundaryLayerHeight)),
    ("cloud_cover", var(Variable::CloudCover)),
    ("cloudcover", var(Variable::CloudCover)),
    ("visibility", var(Variable::Visibility)),
    ("pm2_5", var(Variable::Pm25)),
    ("pm10", var(Variable::Pm10)),
    ("carbon_monoxide", var(Variable::Co)),
    ("nitrogen_dioxide", var(Variable::No2)),
    ("sulphur_dioxide", var(Variable::So2)),
    ("ozone", var(Variable::O3)),
    ("european_aqi", None),
    ("us_aqi", None),
];

/// Names the API offers that AirDesk does not load. They are listed so that a model suffix is
/// split off correctly (`precipitation_probability_icon_d2` is not `precipitation` of a model
/// `probability_icon_d2`) and the warning names the variable, not variable + model.
const NOT_LOADED: [&str; 64] = [
    "apparent_temperature",
    "precipitation_probability",
    "showers",
    "snow_depth",
    "snow_height",
    "weather_code",
    "weathercode",
    "wind_gusts_10m",
    "windgusts_10m",
    "wind_speed_100m",
    "wind_speed_120m",
    "wind_speed_180m",
    "wind_direction_80m",
    "wind_direction_100m",
    "wind_direction_120m",
    "wind_direction_180m",
    "temperature_120m",
    "temperature_180m",
    "cloud_cover_low",
    "cloud_cover_mid",
    "cloud_cover_high",
    "cloud_cover_2m",
    "cape",
    "lifted_index",
    "convective_inhibition",
    "freezing_level_height",
    "sunshine_duration",
    "is_day",
    "et0_fao_evapotranspiration",
    "evapotranspiration",
    "vapour_pressure_deficit",
    "shortwave_radiation",
    "direct_radiation",
    "diffuse_radiation",
    "direct_normal_irradiance",
    "global_tilted_irradiance",
    "terrestrial_radiation",
    "shortwave_radiation_instant",
    "uv_index",
    "uv_index_clear_sky",
    "total_column_integrated_water_vapour",
    "soil_temperature_0cm",
    "soil_temperature_6cm",
    "soil_temperature_18cm",
    "soil_temperature_54cm",
    "soil_moisture_0_to_1cm",
    "soil_moisture_1_to_3cm",
    "soil_moisture_3_to_9cm",
    "soil_moisture_9_to_27cm",
    "soil_moisture_27_to_81cm",
    "aerosol_optical_depth",
    "dust",
    "ammonia",
    "carbon_dioxide",
    "methane",
    "alder_pollen",
    "birch_pollen",
    "grass_pollen",
    "mugwort_pollen",
    "olive_pollen",
    "ragweed_pollen",
    "european_aqi_pm2_5",
    "us_aqi_pm2_5",
    "pm10_wildfires",
];

/// One data column of a response, split into variable and model.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    /// The key as written (`temperature_2m_ecmwf_ifs025`).
    pub key: String,
    /// The variable part (`temperature_2m`).
    pub base: String,
    /// The model part of a multi-model request (`ecmwf_ifs025`).
    pub model: Option<String>,
    /// Where it goes, `None` when AirDesk does not use the variable.
    pub target: Option<Target>,
}

fn known(base: &str) -> Option<Option<Target>> {
    LOADED
        .iter()
        .find(|(n, _)| *n == base)
        .map(|(_, t)| *t)
        .or_else(|| NOT_LOADED.contains(&base).then_some(None))
}

/// Split every key into variable and model. Keys whose start is a known variable name followed
/// by `_` carry a model suffix; the models found that way also split unknown keys.
pub(crate) fn classify<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<Column> {
    let keys: Vec<&str> = keys.into_iter().collect();
    let names: Vec<&str> = LOADED.iter().map(|(n, _)| *n).chain(NOT_LOADED).collect();
    let split_known = |key: &str| -> Option<(String, Option<String>)> {
        if known(key).is_some() {
            return Some((key.to_string(), None));
        }
        names
            .iter()
            .filter(|n| key.len() > n.len() + 1 && key.starts_with(*n))
            .filter(|n| key.as_bytes()[n.len()] == b'_')
            .max_by_key(|n| n.len())
            .map(|n| (n.to_string(), Some(key[n.len() + 1..].to_string())))
    };
    let models: BTreeSet<String> = keys
        .iter()
        .filter_map(|k| split_known(k).and_then(|(_, m)| m))
        .collect();
    keys.iter()
        .map(|&key| {
            let (base, model) = split_known(key).unwrap_or_else(|| {
                models
                    .iter()
                    .filter(|m| key.len() > m.len() + 1 && key.ends_with(m.as_str()))
                    .filter(|m| key.as_bytes()[key.len() - m.len() - 1] == b'_')
                    .max_by_key(|m| m.len())
                    .map_or((key.to_string(), None), |m| {
                        (key[..key.len() - m.len() - 1].to_string(), Some(m.clone()))
                    })
            });
            let target = known(&base).flatten();
            Column {
                key: key.to_string(),
                base,
                model,
                target,
            }
        })
        .collect()
}

/// The unit the API uses when the request does not ask for another one; assumed when a saved
/// response lost its `hourly_units`.
pub(crate) fn default_unit(variable: Variable) -> &'static str {
    use Variable::*;
    match variable {
        Temperature | DewPoint | Temperature80m => "°C",
        WindSpeed | WindSpeed80m => "km/h",
        Pm25 | Pm10 | So2 | No2 | O3 | Co => "μg/m³",
        other => other.unit(),
    }
}

/// `45.750N,12.750E`.
pub(crate) fn place(lat: f64, lon: f64) -> String {
    format!(
        "{:.3}{},{:.3}{}",
        lat.abs(),
        if lat < 0.0 { 'S' } else { 'N' },
        lon.abs(),
        if lon < 0.0 { 'W' } else { 'E' }
    )
}

/// The station for one location (and model): code `open-meteo:45.750N,12.750E:ecmwf_ifs025`.
pub(crate) fn station(
    place: &str,
    lat: Option<f64>,
    lon: Option<f64>,
    model: Option<&str>,
    utc_offset_s: i32,
) -> Station {
    let (code, name) = match model {
        Some(m) => (
            format!("open-meteo:{place}:{m}"),
            format!("Open-Meteo {m} 预报 @ {place}"),
        ),
        None => (
            format!("open-meteo:{place}"),
            format!("Open-Meteo 预报 @ {place}"),
        ),
    };
    Station {
        code,
        name: Some(name),
        lat,
        lon,
        utc_offset_s,
        remark: model.map(|m| format!("model {m}")),
        ..Default::default()
    }
}

/// Stations of one file by (location key, model), created on first use.
#[derive(Default)]
pub(crate) struct Stations {
    index: HashMap<(String, Option<String>), usize>,
}

impl Stations {
    /// The batch index of the station for `place` and `model`.
    pub(crate) fn get(
        &mut self,
        batch: &mut crate::store::Batch,
        place: &str,
        coords: Option<(f64, f64)>,
        model: Option<&str>,
        utc_offset_s: i32,
    ) -> usize {
        let key = (place.to_string(), model.map(str::to_string));
        *self.index.entry(key).or_insert_with(|| {
            batch.station(station(
                place,
                coords.map(|c| c.0),
                coords.map(|c| c.1),
                model,
                utc_offset_s,
            ))
        })
    }
}

/// Convert, range-check and collect one value; problems go to `report` at `line`/`column`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn take_value(
    collector: &mut Collector,
    report: &mut FileReport,
    station: usize,
    target: Target,
    conversion: &Conversion,
    hour: Hour,
    raw: f64,
    line: Option<u64>,
    column: &str,
) {
    let problem = |report: &mut FileReport, reason: Reason| {
        report.problem(
            Severity::Warning,
            line,
            Some(column.to_string()),
            reason,
            None,
        );
    };
    let value = if target.flag {
        if raw < 0.0 {
            let error = CellError::NegativeAmount { value: raw };
            return problem(report, Reason::cell(error, Then::Value));
        }
        if raw > 0.0 { 1.0 } else { 0.0 }
    } else {
        match check_range(target.variable, conversion.apply(raw)) {
            Ok(v) => v,
            Err(error) => return problem(report, Reason::cell(error, Then::Value)),
        }
    };
    if let Put::Conflict(first) = collector.put(station, target.variable, hour, value) {
        let reason = Reason::ValueTwice {
            variable: target.variable,
            first,
            second: value,
        };
        problem(report, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_model_suffixes() {
        let cols = classify([
            "temperature_2m_ecmwf_ifs025",
            "precipitation_probability_icon_d2",
            "precipitation_icon_d2",
            "some_new_thing_ecmwf_ifs025",
            "pm2_5",
            "mystery",
            "cloud_cover_low",
        ]);
        let t = |i: usize| {
            (
                cols[i].base.as_str(),
                cols[i].model.as_deref(),
                cols[i].target,
            )
        };
        assert_eq!(
            t(0),
            (
                "temperature_2m",
                Some("ecmwf_ifs025"),
                var(Variable::Temperature)
            )
        );
        assert_eq!(t(1), ("precipitation_probability", Some("icon_d2"), None));
        assert_eq!(
            t(2),
            (
                "precipitation",
                Some("icon_d2"),
                var(Variable::Precipitation)
            )
        );
        assert_eq!(t(3), ("some_new_thing", Some("ecmwf_ifs025"), None));
        assert_eq!(t(4), ("pm2_5", None, var(Variable::Pm25)));
        assert_eq!(t(5), ("mystery", None, None));
        assert_eq!(t(6), ("cloud_cover_low", None, None));
    }

    #[test]
    fn place_and_code() {
        assert_eq!(place(45.75, 12.75), "45.750N,12.750E");
        assert_eq!(place(-33.9, -60.6), "33.900S,60.600W");
        let s = station(
            "45.750N,12.750E",
            Some(45.75),
            Some(12.75),
            Some("icon_d2"),
            0,
        );
        assert_eq!(s.code, "open-meteo:45.750N,12.750E:icon_d2");
        assert!(s.label().contains("icon_d2") && s.label().contains("45.750N"));
    }
}
