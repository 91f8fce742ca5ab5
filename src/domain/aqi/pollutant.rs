//! The six pollutants of the AQI and the indicators (pollutant × averaging time) that get an IAQI.

/// A pollutant of the AQI. Primary pollutants are named at this level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Pollutant {
    /// Sulphur dioxide, µg/m³.
    So2,
    /// Nitrogen dioxide, µg/m³.
    No2,
    /// Carbon monoxide, mg/m³.
    Co,
    /// Ozone, µg/m³.
    O3,
    /// PM10, µg/m³.
    Pm10,
    /// PM2.5, µg/m³.
    Pm25,
}

impl Pollutant {
    /// All six, in the order of the standards' tables.
    pub const ALL: [Pollutant; 6] = [
        Pollutant::So2,
        Pollutant::No2,
        Pollutant::Co,
        Pollutant::O3,
        Pollutant::Pm10,
        Pollutant::Pm25,
    ];

    /// Code as in CNEMC data and JSON (`SO2`, `PM2.5`).
    pub fn code(self) -> &'static str {
        match self {
            Pollutant::So2 => "SO2",
            Pollutant::No2 => "NO2",
            Pollutant::Co => "CO",
            Pollutant::O3 => "O3",
            Pollutant::Pm10 => "PM10",
            Pollutant::Pm25 => "PM2.5",
        }
    }

    /// Unit of its concentrations.
    pub fn unit(self) -> &'static str {
        match self {
            Pollutant::Co => "mg/m³",
            _ => "µg/m³",
        }
    }
}

/// A pollutant at one averaging time: what gets an IAQI (a column of the breakpoint table, or a
/// 1-hour particle value indexed on the 24-hour column as the real-time report does).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Indicator {
    /// SO2 1-hour mean (real-time).
    So2OneHour,
    /// SO2 24-hour or daily mean.
    So2Daily,
    /// NO2 1-hour mean (real-time).
    No2OneHour,
    /// NO2 24-hour or daily mean.
    No2Daily,
    /// CO 1-hour mean (real-time).
    CoOneHour,
    /// CO 24-hour or daily mean.
    CoDaily,
    /// O3 1-hour mean (real-time), or the daily maximum 1-hour mean (daily report, 2012 only).
    O3OneHour,
    /// O3 daily maximum 8-hour moving mean (daily report).
    O3EightHour,
    /// PM10 1-hour mean, indexed on the 24-hour column (real-time).
    Pm10OneHour,
    /// PM10 daily mean.
    Pm10Daily,
    /// PM2.5 1-hour mean, indexed on the 24-hour column (real-time).
    Pm25OneHour,
    /// PM2.5 daily mean.
    Pm25Daily,
}

impl Indicator {
    /// The indicators of the real-time (hourly) AQI, in table order.
    pub const HOURLY: [Indicator; 6] = [
        Indicator::So2OneHour,
        Indicator::No2OneHour,
        Indicator::CoOneHour,
        Indicator::O3OneHour,
        Indicator::Pm10OneHour,
        Indicator::Pm25OneHour,
    ];

    /// Code used as the key of IAQI objects in JSON: pollutant and averaging time
    /// (`PM2.5_1h`, `PM2.5_24h`, `O3_8h`).
    pub fn code(self) -> &'static str {
        match self {
            Indicator::So2OneHour => "SO2_1h",
            Indicator::So2Daily => "SO2_24h",
            Indicator::No2OneHour => "NO2_1h",
            Indicator::No2Daily => "NO2_24h",
            Indicator::CoOneHour => "CO_1h",
            Indicator::CoDaily => "CO_24h",
            Indicator::O3OneHour => "O3_1h",
            Indicator::O3EightHour => "O3_8h",
            Indicator::Pm10OneHour => "PM10_1h",
            Indicator::Pm10Daily => "PM10_24h",
            Indicator::Pm25OneHour => "PM2.5_1h",
            Indicator::Pm25Daily => "PM2.5_24h",
        }
    }

    /// The pollutant measured.
    pub fn pollutant(self) -> Pollutant {
        use Indicator::*;
        match self {
            So2OneHour | So2Daily => Pollutant::So2,
            No2OneHour | No2Daily => Pollutant::No2,
            CoOneHour | CoDaily => Pollutant::Co,
            O3OneHour | O3EightHour => Pollutant::O3,
            Pm10OneHour | Pm10Daily => Pollutant::Pm10,
            Pm25OneHour | Pm25Daily => Pollutant::Pm25,
        }
    }
}

/// The indicators of the daily AQI under `standard`: HJ 633-2012 has seven (with the O3 daily
/// maximum 1-hour mean), HJ 633-2026 six; the US option has the two particle indicators.
pub fn daily_indicators(standard: super::Standard) -> &'static [Indicator] {
    use Indicator::*;
    match standard {
        super::Standard::Hj633_2012 => &[
            So2Daily,
            No2Daily,
            CoDaily,
            O3OneHour,
            O3EightHour,
            Pm10Daily,
            Pm25Daily,
        ],
        super::Standard::Hj633_2026 => &[
            So2Daily,
            No2Daily,
            CoDaily,
            O3EightHour,
            Pm10Daily,
            Pm25Daily,
        ],
        super::Standard::UsEpa => &[Pm10Daily, Pm25Daily],
    }
}

/// The indicators of the hourly AQI under `standard` (the US option: the two particle ones).
pub fn hourly_indicators(standard: super::Standard) -> &'static [Indicator] {
    match standard {
        super::Standard::UsEpa => &[Indicator::Pm10OneHour, Indicator::Pm25OneHour],
        _ => &Indicator::HOURLY,
    }
}
