//! Charts, each written once against plotters' `DrawingBackend` and drawn by three backends: the
//! interactive egui widget (`ui::chart`), PNG ([`render_png`]) and SVG ([`render_svg`]).
//!
//! A chart is a plain data struct ([`TimeChart`], [`CalendarData`], [`RankingData`],
//! [`MapData`]), a
//! [`ChartStyle`] (desktop or projector, at any pixel density) and, for time charts, a
//! [`ChartView`] (the visible time window and hidden series). The draw functions return a layout
//! (where panels, legend items and cells landed) so the widget can map the pointer back to data.
//! Long series are decimated to a minimum and a maximum per pixel column before drawing
//! ([`decimate`]), in every backend.

mod calendar;
mod canvas;
pub mod colour;
pub mod decimate;
mod export;
pub mod font;
pub mod from_store;
pub mod geometry;
pub mod idw;
mod map;
pub mod map_data;
mod png;
pub mod projection;
mod ranking;
pub mod strip;
mod style;
mod svg;
pub mod time_axis;
mod timechart;
mod view;
pub mod weather;

pub use calendar::{CalendarData, CalendarLayout, draw_calendar};
pub use colour::{Band, warning_colour, warning_name};
pub use decimate::Hourly;
pub use export::{Chart, draw_chart, png_bytes, render_png, render_svg, svg_string};
pub use map::{MapAlert, MapData, MapLayer, MapLayout, MapStation, MapWind, Shading, draw_map};
pub use png::{PngBackend, PngCanvas};
pub use ranking::{Better, RankItem, RankingData, RankingLayout, draw_ranking, ranks};
pub use style::ChartStyle;
pub use svg::{SvgBackend, SvgDocument};
pub use timechart::{
    Arrows, Axis, LegendHit, LegendItem, Mark, Marker, Panel, PanelLayout, Span, SpanKind, Swatch,
    Threshold, TimeChart, TimeChartLayout, Trace, draw_time_chart, span_key,
};
pub use view::ChartView;

use std::path::PathBuf;

/// Why a chart could not be drawn or written.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The backend refused a drawing operation.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The requested image size cannot be drawn.
    #[error("image size {0}×{1} is outside 64…16000 pixels per side")]
    Size(u32, u32),
    /// Encoding the PNG failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
    /// Writing the file failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}
