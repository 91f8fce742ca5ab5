//! PNG and SVG exports of any chart, for reports and the `airdesk chart` command.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};

use super::ChartError;
use super::calendar::{CalendarData, draw_calendar};
use super::map::{MapData, draw_map};
use super::png::{PngBackend, PngCanvas, check_size};
use super::ranking::{RankingData, draw_ranking};
use super::reduction::{ReductionChart, draw_reduction};
use super::style::ChartStyle;
use super::svg::{SvgBackend, SvgDocument};
use super::timechart::{TimeChart, draw_time_chart};
use super::view::ChartView;

/// Any chart, ready to draw.
#[derive(Debug, Clone, Copy)]
pub enum Chart<'a> {
    /// A time chart (meteogram) in a view.
    Time(&'a TimeChart, &'a ChartView),
    /// A calendar heat map.
    Calendar(&'a CalendarData),
    /// A ranking bar chart.
    Ranking(&'a RankingData),
    /// The emission-reduction check.
    Reduction(&'a ReductionChart),
    /// The regional map.
    Map(&'a MapData),
}

/// Draw any chart into a plotters area.
pub fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: Chart<'_>,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    match chart {
        Chart::Time(c, v) => draw_time_chart(root, c, v, style).map(|_| ()),
        Chart::Calendar(c) => draw_calendar(root, c, style).map(|_| ()),
        Chart::Ranking(c) => draw_ranking(root, c, style).map(|_| ()),
        Chart::Reduction(c) => draw_reduction(root, c, style).map(|_| ()),
        Chart::Map(c) => draw_map(root, c, style).map(|_| ()),
    }
}

fn present<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
    root.present().map_err(|e| ChartError::Draw(e.to_string()))
}

/// The chart as a `width`×`height` PNG image (anti-aliased, bundled font).
pub fn png_bytes(
    chart: Chart<'_>,
    width: u32,
    height: u32,
    style: &ChartStyle,
) -> Result<Vec<u8>, ChartError> {
    let mut canvas = PngCanvas::new(width, height)?;
    {
        let root = PngBackend(&mut canvas).into_drawing_area();
        draw_chart(&root, chart, style)?;
        present(&root)?;
    }
    canvas.into_png()
}

/// Write the chart as a PNG file.
pub fn render_png(
    path: &Path,
    width: u32,
    height: u32,
    chart: Chart<'_>,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let bytes = png_bytes(chart, width, height, style)?;
    write(path, bytes.as_slice())
}

/// The chart as an SVG document whose text is glyph outlines (renders without any CJK font).
pub fn svg_string(
    chart: Chart<'_>,
    width: u32,
    height: u32,
    style: &ChartStyle,
) -> Result<String, ChartError> {
    check_size(width, height)?;
    let mut doc = SvgDocument::new(width, height);
    {
        let root = SvgBackend(&mut doc).into_drawing_area();
        draw_chart(&root, chart, style)?;
        present(&root)?;
    }
    Ok(doc.finish())
}

/// Write the chart as an SVG file.
pub fn render_svg(
    path: &Path,
    width: u32,
    height: u32,
    chart: Chart<'_>,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let svg = svg_string(chart, width, height, style)?;
    write(path, svg.as_bytes())
}

/// Save a chart file atomically, never through a symbolic link at `path`.
fn write(path: &Path, bytes: &[u8]) -> Result<(), ChartError> {
    crate::workspace::write_atomic(path, bytes).map_err(|source| ChartError::Io {
        path: path.to_path_buf(),
        source,
    })
}
