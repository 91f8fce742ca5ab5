//! Pure domain logic: AQI, weather windows, the advisor, the plan, the season budget, the response
//! state. No egui, no file or clock access — time always comes in as an argument.

pub mod festivals;
