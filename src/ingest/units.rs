//! Source units → the store's canonical units ([`Variable::unit`]).
//!
//! Every loader that meets a unit string asks [`conversion`] how to turn a value into the
//! canonical unit, so `km/h`, `°F`, `ppb` or `µg/m³` for CO are handled the same way everywhere.
//! The Greek mu (`μ`, U+03BC, Open-Meteo) and the micro sign (`µ`, U+00B5, OpenAQ) are the same.

use crate::store::Variable;

use super::reason::{CellError, Note};

/// Molar volume of an ideal gas at 25 °C and 1013.25 hPa, in litres: the reference state of
/// GB 3095-2012 (amended 2018) and of the US EPA, used to turn ppm/ppb into mass concentrations.
pub const MOLAR_VOLUME_L: f64 = 24.45;

/// How to turn a value in a source unit into the canonical unit: `canonical = value × scale +
/// offset`.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// Multiplier.
    pub scale: f64,
    /// Added after multiplying (temperature scales).
    pub offset: f64,
    /// A note for the load report when the conversion rests on an assumption (ppm → µg/m³).
    pub note: Option<Note>,
}

impl Conversion {
    /// No change.
    pub const IDENTITY: Conversion = Conversion {
        scale: 1.0,
        offset: 0.0,
        note: None,
    };

    fn scale(scale: f64) -> Conversion {
        Conversion {
            scale,
            offset: 0.0,
            note: None,
        }
    }

    /// Apply to one value.
    pub fn apply(&self, v: f64) -> f64 {
        v * self.scale + self.offset
    }

    /// Whether the value passes unchanged.
    pub fn is_identity(&self) -> bool {
        self.scale == 1.0 && self.offset == 0.0
    }
}

/// A unit spelled the way we compare it: lower case, no spaces, `µ`/`μ` → `u`, `³` → `3`,
/// `²` → `2`, `℃` → `°c`, full-width slash made ASCII.
pub fn normalise_unit(unit: &str) -> String {
    unit.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'µ' | 'μ' => 'u',
            '³' => '3',
            '²' => '2',
            '／' => '/',
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
        .replace('℃', "°c")
        .replace('℉', "°f")
}

/// Molar mass in g/mol of a gas whose mixing ratio may be given in ppm/ppb.
fn molar_mass(variable: Variable) -> Option<f64> {
    use Variable::*;
    match variable {
        So2 | So2Avg24h => Some(64.066),
        No2 | No2Avg24h => Some(46.0055),
        O3 | O3Max24h | O3Avg8h | O3Avg8hMax24h => Some(47.997),
        Co | CoAvg24h => Some(28.010),
        _ => None,
    }
}

/// How to convert `unit` into the canonical unit of `variable`. An empty unit means the source
/// did not say: the value is taken as already canonical (the caller reports that assumption when
/// it matters). `Err` says why the unit cannot be used for this variable.
pub fn conversion(variable: Variable, unit: &str) -> Result<Conversion, CellError> {
    use Variable::*;
    let u = normalise_unit(unit);
    if u.is_empty() {
        return Ok(Conversion::IDENTITY);
    }
    let unknown = || {
        Err(CellError::Unit {
            unit: unit.to_string(),
            variable,
        })
    };
    let ratio = |per_million: f64| -> Result<Conversion, CellError> {
        let Some(mass) = molar_mass(variable) else {
            return unknown();
        };
        // µg/m³ = ppm × M × 1000 / Vm; mg/m³ = ppm × M / Vm.
        let to_ug = per_million * mass * 1000.0 / MOLAR_VOLUME_L;
        let scale = if matches!(variable, Co | CoAvg24h) {
            to_ug / 1000.0
        } else {
            to_ug
        };
        Ok(Conversion {
            scale,
            offset: 0.0,
            note: Some(Note::Converted {
                variable,
                from: unit.to_string(),
            }),
        })
    };
    match variable {
        Pm25 | Pm25Avg24h | Pm10 | Pm10Avg24h | So2 | So2Avg24h | No2 | No2Avg24h | O3
        | O3Max24h | O3Avg8h | O3Avg8hMax24h => match u.as_str() {
            "ug/m3" | "ugm-3" | "ug/m^3" => Ok(Conversion::IDENTITY),
            "mg/m3" | "mgm-3" | "mg/m^3" => Ok(Conversion::scale(1000.0)),
            "ppm" => ratio(1.0),
            "ppb" => ratio(1e-3),
            _ => unknown(),
        },
        Co | CoAvg24h => match u.as_str() {
            "mg/m3" | "mgm-3" | "mg/m^3" => Ok(Conversion::IDENTITY),
            "ug/m3" | "ugm-3" | "ug/m^3" => Ok(Conversion::scale(1e-3)),
            "ppm" => ratio(1.0),
            "ppb" => ratio(1e-3),
            _ => unknown(),
        },
        Temperature | DewPoint | Temperature80m => match u.as_str() {
            "°c" | "c" | "degc" | "celsius" => Ok(Conversion::IDENTITY),
            "°f" | "f" | "degf" | "fahrenheit" => Ok(Conversion {
                scale: 5.0 / 9.0,
                offset: -32.0 * 5.0 / 9.0,
                note: None,
            }),
            "k" | "kelvin" => Ok(Conversion {
                scale: 1.0,
                offset: -273.15,
                note: None,
            }),
            _ => unknown(),
        },
        RelativeHumidity | CloudCover => match u.as_str() {
            "%" | "percent" => Ok(Conversion::IDENTITY),
            _ => unknown(),
        },
        Pressure => match u.as_str() {
            "hpa" | "mbar" | "mb" => Ok(Conversion::IDENTITY),
            "pa" => Ok(Conversion::scale(0.01)),
            "kpa" => Ok(Conversion::scale(10.0)),
            _ => unknown(),
        },
        WindSpeed | WindSpeed80m => match u.as_str() {
            "m/s" | "ms" | "ms-1" | "mps" => Ok(Conversion::IDENTITY),
            "km/h" | "kmh" | "kph" => Ok(Conversion::scale(1.0 / 3.6)),
            "mp/h" | "mph" => Ok(Conversion::scale(0.44704)),
            "kn" | "kt" | "kts" | "knots" | "knot" => Ok(Conversion::scale(1852.0 / 3600.0)),
            _ => unknown(),
        },
        WindDirection => match u.as_str() {
            "°" | "deg" | "degree" | "degrees" => Ok(Conversion::IDENTITY),
            _ => unknown(),
        },
        Precipitation => match u.as_str() {
            "mm" => Ok(Conversion::IDENTITY),
            "cm" => Ok(Conversion::scale(10.0)),
            "inch" | "in" | "inches" => Ok(Conversion::scale(25.4)),
            _ => unknown(),
        },
        Snowfall => match u.as_str() {
            "cm" => Ok(Conversion::IDENTITY),
            "mm" => Ok(Conversion::scale(0.1)),
            "inch" | "in" | "inches" => Ok(Conversion::scale(2.54)),
            _ => unknown(),
        },
        BoundaryLayerHeight | Visibility => match u.as_str() {
            "m" => Ok(Conversion::IDENTITY),
            "km" => Ok(Conversion::scale(1000.0)),
            "ft" | "feet" => Ok(Conversion::scale(0.3048)),
            _ => unknown(),
        },
        InversionStrength => match u.as_str() {
            "°c/100m" | "c/100m" | "k/100m" => Ok(Conversion::IDENTITY),
            "k/km" | "°c/km" | "c/km" => Ok(Conversion::scale(0.1)),
            _ => unknown(),
        },
        Aqi | RainFlag | SnowFlag => unknown(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(v: Variable, unit: &str, x: f64) -> f64 {
        conversion(v, unit).expect(unit).apply(x)
    }

    #[test]
    fn converts_the_units_sources_use() {
        assert!((conv(Variable::WindSpeed, "km/h", 36.0) - 10.0).abs() < 1e-9);
        assert!((conv(Variable::WindSpeed, "mp/h", 1.0) - 0.44704).abs() < 1e-9);
        assert!((conv(Variable::WindSpeed, "kn", 1.0) - 0.514_444).abs() < 1e-6);
        assert!((conv(Variable::Temperature, "°F", 212.0) - 100.0).abs() < 1e-9);
        assert!((conv(Variable::Temperature, "°C", -3.5) + 3.5).abs() < 1e-9);
        assert!((conv(Variable::Co, "μg/m³", 584.9) - 0.5849).abs() < 1e-9);
        assert!((conv(Variable::Co, "µg/m³", 584.9) - 0.5849).abs() < 1e-9);
        assert_eq!(conv(Variable::Pm25, "μg/m³", 12.0), 12.0);
        assert_eq!(conv(Variable::Pm25, "µg/m³", 12.0), 12.0);
        // 1 ppm NO2 = 46.0055 × 1000 / 24.45 µg/m³ ≈ 1881.6
        assert!((conv(Variable::No2, "ppm", 1.0) - 1881.615).abs() < 0.01);
        assert!((conv(Variable::Co, "ppm", 1.0) - 1.1456).abs() < 1e-3);
        assert!(
            conversion(Variable::No2, "ppm")
                .expect("ppm")
                .note
                .is_some()
        );
        assert_eq!(conv(Variable::WindDirection, "°", 270.0), 270.0);
        assert_eq!(conv(Variable::Pressure, "Pa", 101_325.0), 1013.25);
    }

    #[test]
    fn refuses_units_that_do_not_fit() {
        assert!(
            conversion(Variable::Pm25, "ppm").is_err(),
            "PM has no molar mass"
        );
        assert!(conversion(Variable::WindSpeed, "undefined").is_err());
        assert!(conversion(Variable::Temperature, "%").is_err());
        assert!(conversion(Variable::Pm10, "particles/cm³").is_err());
    }
}
