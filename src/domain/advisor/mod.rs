//! The level advisor.

mod forecast;

pub use forecast::{ForecastDay, PrimaryPollutant};
