//! The desktop user interface (egui).

pub mod chart;
