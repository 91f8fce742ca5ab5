//! The quantities the store knows, with their canonical units.
//!
//! Loaders convert to these units on the way in (km/h → m/s, °F → °C, …), so analyses never see
//! another unit.

/// A quantity held in the store. The set is closed on purpose: analyses can only use quantities
/// they understand, and a loader that meets an unknown column reports it instead of guessing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Variable {
    /// Published hourly AQI (CNEMC `AQI` row): kept to check our own computation against.
    Aqi,
    /// PM2.5 1-hour mean, µg/m³.
    Pm25,
    /// PM2.5 24-hour moving mean, µg/m³.
    Pm25Avg24h,
    /// PM10 1-hour mean, µg/m³.
    Pm10,
    /// PM10 24-hour moving mean, µg/m³.
    Pm10Avg24h,
    /// SO2 1-hour mean, µg/m³.
    So2,
    /// SO2 24-hour moving mean, µg/m³.
    So2Avg24h,
    /// NO2 1-hour mean, µg/m³.
    No2,
    /// NO2 24-hour moving mean, µg/m³.
    No2Avg24h,
    /// O3 1-hour mean, µg/m³.
    O3,
    /// O3 maximum 1-hour value of the last 24 h, µg/m³.
    O3Max24h,
    /// O3 8-hour moving mean, µg/m³.
    O3Avg8h,
    /// O3 maximum 8-hour moving mean of the last 24 h, µg/m³.
    O3Avg8hMax24h,
    /// CO 1-hour mean, mg/m³.
    Co,
    /// CO 24-hour moving mean, mg/m³.
    CoAvg24h,
    /// Air temperature at 2 m, °C.
    Temperature,
    /// Dew point at 2 m, °C.
    DewPoint,
    /// Relative humidity at 2 m, %.
    RelativeHumidity,
    /// Air pressure (station or sea level, as the source gives it), hPa.
    Pressure,
    /// Wind speed at 10 m, m/s.
    WindSpeed,
    /// Wind direction at 10 m, degrees from north the wind blows from.
    WindDirection,
    /// Air temperature at 80 m, °C (with 2 m temperature, shows a surface inversion).
    Temperature80m,
    /// Wind speed at 80 m, m/s.
    WindSpeed80m,
    /// Precipitation in the hour, mm.
    Precipitation,
    /// Snowfall in the hour, cm.
    Snowfall,
    /// 1 when it rained in the hour, 0 when not (sources that give only hours of rain).
    RainFlag,
    /// 1 when it snowed in the hour, 0 when not.
    SnowFlag,
    /// Planetary boundary-layer (mixing) height, m.
    BoundaryLayerHeight,
    /// Total cloud cover, %.
    CloudCover,
    /// Horizontal visibility, m.
    Visibility,
    /// Surface-based temperature inversion strength from a sounding, °C per 100 m: the warming
    /// over the inversion layer per 100 m; ≤ 0 means no surface inversion (the value is then the
    /// lowest layer's lapse, showing how far from one the profile is).
    InversionStrength,
}

/// The broad family of a variable, for grouping in tables and choosing chart axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// An air-quality index (dimensionless).
    Index,
    /// A pollutant concentration.
    Concentration,
    /// A meteorological variable.
    Weather,
}

impl Variable {
    /// Every variable, in display order.
    pub const ALL: [Variable; 31] = [
        Variable::Aqi,
        Variable::Pm25,
        Variable::Pm25Avg24h,
        Variable::Pm10,
        Variable::Pm10Avg24h,
        Variable::So2,
        Variable::So2Avg24h,
        Variable::No2,
        Variable::No2Avg24h,
        Variable::O3,
        Variable::O3Max24h,
        Variable::O3Avg8h,
        Variable::O3Avg8hMax24h,
        Variable::Co,
        Variable::CoAvg24h,
        Variable::Temperature,
        Variable::DewPoint,
        Variable::RelativeHumidity,
        Variable::Pressure,
        Variable::WindSpeed,
        Variable::WindDirection,
        Variable::Temperature80m,
        Variable::WindSpeed80m,
        Variable::Precipitation,
        Variable::Snowfall,
        Variable::RainFlag,
        Variable::SnowFlag,
        Variable::BoundaryLayerHeight,
        Variable::CloudCover,
        Variable::Visibility,
        Variable::InversionStrength,
    ];

    /// Position in [`Variable::ALL`] (the enum's declaration order).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable code used in the CLI, JSON and CNEMC's `type` column (`PM2.5`, `O3_8h`, `wind_speed`).
    pub fn code(self) -> &'static str {
        use Variable::*;
        match self {
            Aqi => "AQI",
            Pm25 => "PM2.5",
            Pm25Avg24h => "PM2.5_24h",
            Pm10 => "PM10",
            Pm10Avg24h => "PM10_24h",
            So2 => "SO2",
            So2Avg24h => "SO2_24h",
            No2 => "NO2",
            No2Avg24h => "NO2_24h",
            O3 => "O3",
            O3Max24h => "O3_24h",
            O3Avg8h => "O3_8h",
            O3Avg8hMax24h => "O3_8h_24h",
            Co => "CO",
            CoAvg24h => "CO_24h",
            Temperature => "temperature",
            DewPoint => "dew_point",
            RelativeHumidity => "relative_humidity",
            Pressure => "pressure",
            WindSpeed => "wind_speed",
            WindDirection => "wind_direction",
            Temperature80m => "temperature_80m",
            WindSpeed80m => "wind_speed_80m",
            Precipitation => "precipitation",
            Snowfall => "snowfall",
            RainFlag => "rain_flag",
            SnowFlag => "snow_flag",
            BoundaryLayerHeight => "boundary_layer_height",
            CloudCover => "cloud_cover",
            Visibility => "visibility",
            InversionStrength => "inversion_strength",
        }
    }

    /// The variable with this code (case-insensitive; `PM25` and `pm2_5` are accepted for PM2.5).
    pub fn from_code(code: &str) -> Option<Variable> {
        let norm = code
            .trim()
            .to_ascii_lowercase()
            .replace(['.', '_', ' ', '-'], "");
        Variable::ALL.into_iter().find(|v| {
            v.code()
                .to_ascii_lowercase()
                .replace(['.', '_', ' ', '-'], "")
                == norm
        })
    }

    /// Canonical unit.
    pub fn unit(self) -> &'static str {
        use Variable::*;
        match self {
            Aqi | RainFlag | SnowFlag => "",
            Co | CoAvg24h => "mg/m³",
            Pm25 | Pm25Avg24h | Pm10 | Pm10Avg24h | So2 | So2Avg24h | No2 | No2Avg24h | O3
            | O3Max24h | O3Avg8h | O3Avg8hMax24h => "µg/m³",
            Temperature | DewPoint | Temperature80m => "°C",
            RelativeHumidity | CloudCover => "%",
            Pressure => "hPa",
            WindSpeed | WindSpeed80m => "m/s",
            WindDirection => "°",
            Precipitation => "mm",
            Snowfall => "cm",
            BoundaryLayerHeight | Visibility => "m",
            InversionStrength => "°C/100 m",
        }
    }

    /// Chinese display name.
    pub fn name_zh(self) -> &'static str {
        use Variable::*;
        match self {
            Aqi => "AQI（发布值）",
            Pm25 => "PM2.5",
            Pm25Avg24h => "PM2.5 24小时滑动平均",
            Pm10 => "PM10",
            Pm10Avg24h => "PM10 24小时滑动平均",
            So2 => "SO2",
            So2Avg24h => "SO2 24小时滑动平均",
            No2 => "NO2",
            No2Avg24h => "NO2 24小时滑动平均",
            O3 => "O3",
            O3Max24h => "O3 24小时最大1小时",
            O3Avg8h => "O3 8小时滑动平均",
            O3Avg8hMax24h => "O3 24小时最大8小时滑动平均",
            Co => "CO",
            CoAvg24h => "CO 24小时滑动平均",
            Temperature => "气温",
            DewPoint => "露点",
            RelativeHumidity => "相对湿度",
            Pressure => "气压",
            WindSpeed => "10米风速",
            WindDirection => "10米风向",
            Temperature80m => "80米气温",
            WindSpeed80m => "80米风速",
            Precipitation => "降水量",
            Snowfall => "降雪量",
            RainFlag => "降雨（有/无）",
            SnowFlag => "降雪（有/无）",
            BoundaryLayerHeight => "边界层高度",
            CloudCover => "总云量",
            Visibility => "能见度",
            InversionStrength => "逆温强度",
        }
    }

    /// English display name.
    pub fn name_en(self) -> &'static str {
        use Variable::*;
        match self {
            Aqi => "AQI (published)",
            Pm25 => "PM2.5",
            Pm25Avg24h => "PM2.5 24-h moving mean",
            Pm10 => "PM10",
            Pm10Avg24h => "PM10 24-h moving mean",
            So2 => "SO2",
            So2Avg24h => "SO2 24-h moving mean",
            No2 => "NO2",
            No2Avg24h => "NO2 24-h moving mean",
            O3 => "O3",
            O3Max24h => "O3 24-h max 1-h",
            O3Avg8h => "O3 8-h moving mean",
            O3Avg8hMax24h => "O3 24-h max 8-h mean",
            Co => "CO",
            CoAvg24h => "CO 24-h moving mean",
            Temperature => "Temperature",
            DewPoint => "Dew point",
            RelativeHumidity => "Relative humidity",
            Pressure => "Pressure",
            WindSpeed => "Wind speed (10 m)",
            WindDirection => "Wind direction (10 m)",
            Temperature80m => "Temperature (80 m)",
            WindSpeed80m => "Wind speed (80 m)",
            Precipitation => "Precipitation",
            Snowfall => "Snowfall",
            RainFlag => "Rain (yes/no)",
            SnowFlag => "Snow (yes/no)",
            BoundaryLayerHeight => "Boundary-layer height",
            CloudCover => "Cloud cover",
            Visibility => "Visibility",
            InversionStrength => "Inversion strength",
        }
    }

    /// The family of the variable.
    pub fn quantity(self) -> Quantity {
        use Variable::*;
        match self {
            Aqi => Quantity::Index,
            Pm25 | Pm25Avg24h | Pm10 | Pm10Avg24h | So2 | So2Avg24h | No2 | No2Avg24h | O3
            | O3Max24h | O3Avg8h | O3Avg8hMax24h | Co | CoAvg24h => Quantity::Concentration,
            _ => Quantity::Weather,
        }
    }

    /// Whether a negative value is physically impossible (concentrations, humidity, heights…).
    /// Loaders reject such values per cell.
    pub fn must_be_non_negative(self) -> bool {
        !matches!(
            self,
            Variable::Temperature
                | Variable::DewPoint
                | Variable::Temperature80m
                | Variable::InversionStrength
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_aliases_resolve() {
        for (i, v) in Variable::ALL.into_iter().enumerate() {
            assert_eq!(v.index(), i, "ALL must list variables in declaration order");
            assert_eq!(Variable::from_code(v.code()), Some(v), "{v:?}");
        }
        assert_eq!(Variable::from_code("pm2_5"), Some(Variable::Pm25));
        assert_eq!(Variable::from_code("PM25"), Some(Variable::Pm25));
        assert_eq!(
            Variable::from_code("o3_8h_24h"),
            Some(Variable::O3Avg8hMax24h)
        );
        assert_eq!(Variable::from_code("benzene"), None);
    }
}
