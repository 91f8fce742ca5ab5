//! Reports: charts (plotters) for the screen and for PNG/SVG exports; notices and exports later.

pub mod charts;
