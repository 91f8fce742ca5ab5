//! Pure domain logic: AQI, weather windows, the advisor, the plan, the season budget, the response
//! state. No egui, no file or clock access — time always comes in as an argument.

pub mod accounting;
pub mod advisor;
pub mod alerts;
pub mod aqi;
pub mod area;
pub mod audited;
pub mod budget;
pub mod contributions;
pub mod dust;
pub mod festival_cost;
pub mod festivals;
pub mod findings;
pub mod hindcast;
pub mod humidity;
pub mod outlook;
pub mod plan;
pub mod ranking;
pub mod reduction;
pub mod response;
pub mod roster;
pub mod sounding;
pub mod station_days;
pub mod weather_view;
pub mod windows;
