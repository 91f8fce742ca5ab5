//! Air Quality Index: HJ 633-2012, HJ 633-2026 and the US EPA AQI (for comparison).
//!
//! Layers, lowest first:
//! - [`Concentration`]: exact fractions, so that an IAQI on a breakpoint is never rounded up past
//!   it; [`iaqi`] indexes one indicator on the standard's breakpoints.
//! - [`hourly_aqi`] and [`daily_aqi`] turn plain concentration structs into an [`AqiResult`]
//!   (sub-indices, AQI, primary pollutants, [`Category`], notes on special rules).
//! - [`daily`] computes daily statistics (means, O3 maximum 8-hour mean) with the validity rules.
//! - The `station_*`, [`latest_hourly`] and [`area_daily_series`] functions read the [`Store`]
//!   directly.
//!
//! The hourly (real-time) AQI is computed as the national platform publishes it: the largest IAQI
//! of the SO2, NO2, CO and O3 1-hour means (1-hour columns) and the PM10 and PM2.5 1-hour means on
//! the 24-hour columns; the O3 8-hour mean does not enter. Checked against every published AQI of
//! the CNEMC files of December 2019 (`tests/aqi_oracle.rs`). For HJ 633-2026 the real-time method
//! is the one the standard writes down: the same six 1-hour values and columns, with the 2026
//! breakpoints, the SO2 > 800 → 200 rule, concentrations rounded first, and AQI range 1–500.
//!
//! Rounding: both Chinese versions index concentrations rounded by GB/T 8170 (half to even) to
//! whole µg/m³, CO to 0.1 mg/m³. HJ 633-2026 requires it; for HJ 633-2012 it is what CNEMC
//! publishes (its 24-hour PM2.5 means are the exact means rounded half to even, checked on the
//! December 2019 files) and it changes nothing for 1-hour data, which come at that precision.
//!
//! [`Store`]: crate::store::Store

mod category;
mod concentration;
pub mod daily;
mod from_store;
mod iaqi;
mod index;
mod pollutant;
mod standard;

pub use category::{Category, Rgb};
pub use concentration::Concentration;
pub use daily::Validity;
pub use from_store::{
    AqiConfig, AreaDailyAqi, AreaHourlyAqi, DailyAqi, HourlyAqi, area_daily_series,
    area_hourly_series, hourly_variable, latest_hourly, pollutant_days, pollutant_span,
    station_daily, station_daily_concentrations, station_daily_series, station_hourly,
    station_hourly_series, stations_with_pollutants,
};
pub use iaqi::{IndexValue, NoIndex, concentration_at, iaqi, prepared};
pub use index::{
    AqiResult, DailyConcentrations, HourlyConcentrations, Note, So2Above800, SubIndex, daily_aqi,
    hourly_aqi,
};
pub use pollutant::{Indicator, Pollutant, daily_indicators, hourly_indicators};
pub use standard::{HJ633_2026_IN_FORCE, Standard, StandardChoice};
