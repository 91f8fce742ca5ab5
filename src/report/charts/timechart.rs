//! The time chart behind the meteogram and every time-series view: stacked panels sharing one
//! time axis, AQI bands behind the values, shaded spans (weather windows, warnings, festivals),
//! point markers and a now-line, drawn against any plotters backend.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::ChartError;
use super::canvas::{CENTER, CENTER_TOP, Canvas, LEFT_CENTER, LEFT_TOP, RIGHT_CENTER, alpha};
use super::colour::{Band, text_on, warning_colour};
use super::decimate::Point;
use super::decimate::{Bar, Decimated, Hourly, decimate, decimate_bars};
use super::geometry::{
    Frame, PixelRect, clip_polyline, clip_segment, dash, format_tick, nice_range, nice_ticks,
    round_px, within,
};
use super::style::ChartStyle;
use super::time_axis::{local, time_ticks};
use super::view::ChartView;
use crate::domain::plan::Level;
use crate::i18n::{T, Tr};
use crate::store::Hour;

/// How a trace is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A solid line (observations).
    Line,
    /// A dashed line (forecasts).
    Dashed,
    /// Bars from zero (precipitation).
    Bars,
}

/// Which value axis a trace uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// The left axis.
    Left,
    /// The right axis (e.g. precipitation beside humidity).
    Right,
}

/// One series in a panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// Unique key (legend toggles and the hover readout use it).
    pub key: String,
    /// Legend and readout label (`北京 PM2.5 实况`).
    pub label: String,
    /// Unit shown in the readout.
    pub unit: String,
    /// Colour.
    pub colour: RGBColor,
    /// Line, dashed line or bars.
    pub mark: Mark,
    /// Left or right axis.
    pub axis: Axis,
    /// Line width as a multiple of the style's line width.
    pub width: f64,
    /// The values.
    pub values: Hourly,
    /// Whether the trace gets its own legend item.
    pub in_legend: bool,
}

impl Trace {
    /// A solid line on the left axis.
    pub fn line(key: &str, label: &str, colour: RGBColor, values: Hourly) -> Self {
        Trace {
            key: key.to_string(),
            label: label.to_string(),
            unit: String::new(),
            colour,
            mark: Mark::Line,
            axis: Axis::Left,
            width: 1.0,
            values,
            in_legend: true,
        }
    }

    /// The same trace with another mark.
    pub fn mark(mut self, mark: Mark) -> Self {
        self.mark = mark;
        self
    }

    /// The same trace on the right axis.
    pub fn right(mut self) -> Self {
        self.axis = Axis::Right;
        self
    }

    /// The same trace with a unit for the readout.
    pub fn unit(mut self, unit: &str) -> Self {
        self.unit = unit.to_string();
        self
    }

    /// The same trace drawn `w` times the normal width.
    pub fn width(mut self, w: f64) -> Self {
        self.width = w;
        self
    }

    /// The same trace without a legend item.
    pub fn no_legend(mut self) -> Self {
        self.in_legend = false;
        self
    }
}

/// A horizontal reference line (a limit, a target) with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    /// Value on the left axis.
    pub value: f64,
    /// Label at the line's right end.
    pub label: String,
    /// Colour.
    pub colour: RGBColor,
}

/// Wind-direction arrows along the top of a panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrows {
    /// Direction the wind blows from, degrees clockwise from north.
    pub direction: Hourly,
    /// Wind speed (m/s); below 0.5 m/s a calm circle is drawn instead of an arrow.
    pub speed: Option<Hourly>,
}

/// One panel of the stack.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Title above the panel, with the unit (`PM2.5（µg/m³）`).
    pub title: String,
    /// Title of the right axis, if any trace uses it.
    pub right_title: Option<String>,
    /// Series.
    pub traces: Vec<Trace>,
    /// Value bands drawn pale behind the data (AQI categories).
    pub bands: Vec<Band>,
    /// Reference lines.
    pub thresholds: Vec<Threshold>,
    /// Wind arrows.
    pub arrows: Option<Arrows>,
    /// Keep zero at the bottom of the left axis (quantities that cannot be negative).
    pub floor_zero: bool,
    /// A fixed left-axis range instead of fitting the visible data.
    pub fixed: Option<(f64, f64)>,
    /// A fixed right-axis range.
    pub fixed_right: Option<(f64, f64)>,
    /// Share of the height relative to the other panels.
    pub weight: f64,
}

impl Panel {
    /// An empty panel with a title, zero-based axis and weight 1.
    pub fn new(title: &str) -> Self {
        Panel {
            title: title.to_string(),
            right_title: None,
            traces: Vec::new(),
            bands: Vec::new(),
            thresholds: Vec::new(),
            arrows: None,
            floor_zero: true,
            fixed: None,
            fixed_right: None,
            weight: 1.0,
        }
    }
}

/// What a shaded time span means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SpanKind {
    /// An unfavourable-weather window.
    Window,
    /// A warning period at a level.
    Warning(Level),
    /// A festival day (fireworks peak).
    Festival,
}

/// A shaded time span.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Start hour.
    pub from: Hour,
    /// End hour (exclusive).
    pub to: Hour,
    /// What it is.
    pub kind: SpanKind,
    /// Label (`除夕`, `橙色预警`, `不利气象窗口`).
    pub label: String,
    /// Its own colour (the plan's colour of a warning level); `None` = the kind's standard one.
    pub tint: Option<RGBColor>,
}

impl Span {
    /// The colour it is shaded in.
    pub fn colour(&self) -> RGBColor {
        self.tint.unwrap_or(match self.kind {
            SpanKind::Window => WINDOW_TINT,
            SpanKind::Warning(level) => warning_colour(level),
            SpanKind::Festival => FESTIVAL_TINT,
        })
    }
}

/// A point in time marked by a vertical line and a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The hour.
    pub at: Hour,
    /// Label above the panels.
    pub label: String,
}

/// A stacked time chart (the meteogram, or a plain time series).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeChart {
    /// Title (`北京市 PM2.5 与气象条件`).
    pub title: String,
    /// Subtitle (period, sources, time zone).
    pub subtitle: String,
    /// UTC offset for displaying times (28800 = Beijing time).
    pub utc_offset_s: i32,
    /// Panels, top to bottom.
    pub panels: Vec<Panel>,
    /// Shaded spans.
    pub spans: Vec<Span>,
    /// Point markers.
    pub markers: Vec<Marker>,
    /// The current moment: a now-line, with the forecast part tinted after it.
    pub now: Option<Hour>,
}

/// Legend key for the span kinds (so they can be switched off like series).
pub fn span_key(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Window => "span:window",
        SpanKind::Warning(_) => "span:warning",
        SpanKind::Festival => "span:festival",
    }
}

impl TimeChart {
    /// First and last hour holding any value (the now-line included).
    pub fn extent(&self) -> Option<(f64, f64)> {
        let mut out: Option<(f64, f64)> = None;
        let mut add = |a: f64, b: f64| {
            out = Some(match out {
                None => (a, b),
                Some((x, y)) => (x.min(a), y.max(b)),
            });
        };
        for p in &self.panels {
            for t in &p.traces {
                if let Some((a, b)) = t.values.span() {
                    add(a, b);
                }
            }
        }
        if let Some(now) = self.now {
            add(now.0 as f64, now.0 as f64);
        }
        out
    }

    /// The legend: every trace that wants one, then the span kinds present (named with `tr`).
    pub fn legend_items(&self, tr: Tr) -> Vec<LegendItem> {
        let mut items: Vec<LegendItem> = Vec::new();
        for p in &self.panels {
            for t in p.traces.iter().filter(|t| t.in_legend) {
                items.push(LegendItem {
                    key: t.key.clone(),
                    label: t.label.clone(),
                    swatch: match t.mark {
                        Mark::Line => Swatch::Line(t.colour),
                        Mark::Dashed => Swatch::Dashed(t.colour),
                        Mark::Bars => Swatch::Bar(t.colour),
                    },
                });
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.spans {
            let key = span_key(s.kind);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let (label, swatch) = match s.kind {
                SpanKind::Window => (tr.t(T::ChartWindow), Swatch::Tint(WINDOW_TINT)),
                SpanKind::Warning(_) => (
                    tr.t(T::ChartWarningPeriod),
                    Swatch::Tint(warning_colour(Level::Orange)),
                ),
                SpanKind::Festival => (tr.t(T::ChartFestival), Swatch::Tint(FESTIVAL_TINT)),
            };
            items.push(LegendItem {
                key: key.to_string(),
                label: label.to_string(),
                swatch,
            });
        }
        items
    }
}

/// The sample drawn before a legend label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A solid line.
    Line(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
    /// A bar.
    Bar(RGBColor),
    /// A shaded area.
    Tint(RGBColor),
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// Trace key or span key.
    pub key: String,
    /// Text.
    pub label: String,
    /// Sample.
    pub swatch: Swatch,
}

/// Where a legend item was drawn (the widget makes it clickable).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LegendHit {
    /// The key [`ChartView::toggle`] takes.
    pub key: String,
    /// Its label (for accessibility).
    pub label: String,
    /// Its rectangle in backend pixels.
    pub rect: PixelRect,
    /// Whether it is switched off.
    pub hidden: bool,
}

/// Where a panel was drawn and the value ranges it used.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PanelLayout {
    /// The panel's rectangle in backend pixels.
    pub rect: PixelRect,
    /// Where values are plotted (the panel less the wind-arrow strip).
    pub plot: PixelRect,
    /// Left-axis range (bottom, top).
    pub y: (f64, f64),
    /// Right-axis range, if drawn.
    pub y_right: Option<(f64, f64)>,
}

/// What a drawn time chart looks like, for mapping the pointer back to time and values.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct TimeChartLayout {
    /// The time window drawn.
    pub view: (f64, f64),
    /// Left and right pixel of the time axis.
    pub x_px: (f64, f64),
    /// Panels, top to bottom.
    pub panels: Vec<PanelLayout>,
    /// Legend items.
    pub legend: Vec<LegendHit>,
    /// Points handed to the backend for data lines (after decimation), for tests and benchmarks.
    pub points_drawn: usize,
}

impl TimeChartLayout {
    /// Hour at a pixel x.
    pub fn hour_at(&self, px: f64) -> f64 {
        let (a, b) = self.view;
        let (x0, x1) = self.x_px;
        if x1 <= x0 {
            return a;
        }
        a + (px - x0) / (x1 - x0) * (b - a)
    }

    /// Pixel x of an hour.
    pub fn px_of(&self, hour: f64) -> f64 {
        let (a, b) = self.view;
        let (x0, x1) = self.x_px;
        if b <= a {
            return x0;
        }
        x0 + (hour - a) / (b - a) * (x1 - x0)
    }

    /// The panel under a pixel position.
    pub fn panel_at(&self, x: f64, y: f64) -> Option<usize> {
        self.panels.iter().position(|p| p.rect.contains(x, y))
    }
}

const WINDOW_TINT: RGBColor = RGBColor(70, 100, 150);
const FESTIVAL_TINT: RGBColor = RGBColor(214, 40, 40);
const FORECAST_TINT: RGBColor = RGBColor(110, 110, 120);
const NOW_COLOUR: RGBColor = RGBColor(200, 30, 30);
const MARKER_COLOUR: RGBColor = RGBColor(90, 60, 140);
const ARROW_COLOUR: RGBColor = RGBColor(60, 66, 76);

/// One panel's data prepared for the current view.
struct Prepared {
    lines: Vec<(usize, Decimated)>,
    bars: Vec<(usize, Vec<Bar>)>,
    left: Option<(f64, f64)>,
    right: Option<(f64, f64)>,
}

fn widen(r: Option<(f64, f64)>, lo: f64, hi: f64) -> Option<(f64, f64)> {
    Some(match r {
        None => (lo, hi),
        Some((a, b)) => (a.min(lo), b.max(hi)),
    })
}

fn prepare(
    panel: &Panel,
    view: &ChartView,
    range: (f64, f64),
    columns: usize,
    line_columns: usize,
    decimating: bool,
) -> Prepared {
    let mut out = Prepared {
        lines: Vec::new(),
        bars: Vec::new(),
        left: None,
        right: None,
    };
    // Without decimation every sample is drawn (only to measure what decimation saves).
    let (columns, line_columns) = if decimating {
        (columns, line_columns)
    } else {
        (usize::MAX / 4, usize::MAX / 4)
    };
    for (i, t) in panel.traces.iter().enumerate() {
        if view.is_hidden(&t.key) {
            continue;
        }
        let (lo, hi) = match t.mark {
            Mark::Bars => {
                let bars = decimate_bars(&t.values, range, columns);
                let hi = bars.iter().map(|b| f64::from(b.2)).fold(f64::NAN, f64::max);
                out.bars.push((i, bars));
                (0.0, hi)
            }
            Mark::Line | Mark::Dashed => {
                let d = decimate(&t.values, range, line_columns);
                let r = d
                    .range
                    .map_or((f64::NAN, f64::NAN), |(a, b)| (f64::from(a), f64::from(b)));
                out.lines.push((i, d));
                r
            }
        };
        if lo.is_finite() && hi.is_finite() {
            match t.axis {
                Axis::Left => out.left = widen(out.left, lo, hi),
                Axis::Right => out.right = widen(out.right, lo, hi),
            }
        }
    }
    out
}

/// Smallest plot height of a panel, in label heights (room for a value tick at each end).
const MIN_PLOT_FONTS: f64 = 1.8;

/// How a chart is laid out to fit its area, from the full layout down to the most compact.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Mode {
    /// Text sizes and margins times this (see [`ChartStyle::shrunk`]).
    text_scale: f64,
    /// No title or subtitle, panel titles inside the panels.
    compact: bool,
    /// Most rows of legend items.
    legend_rows: usize,
    /// How many panels are drawn, from the top.
    panels: usize,
}

/// The layouts tried, best first, for a chart of `n` panels: smaller text; then the compact
/// layout (the page around the chart says what it shows) with smaller text; then a one-row
/// legend; then the last (least important) panels left out one by one. The smallest text is
/// 0.54 of the style's, which keeps projector labels twice the desktop size.
fn modes(n: usize) -> Vec<Mode> {
    let mode = |text_scale, compact, legend_rows, panels| Mode {
        text_scale,
        compact,
        legend_rows,
        panels,
    };
    let mut out: Vec<Mode> = [1.0, 0.85, 0.72]
        .into_iter()
        .map(|f| mode(f, false, LEGEND_ROWS, n))
        .collect();
    out.extend(
        [0.85, 0.72, 0.6, 0.54]
            .into_iter()
            .map(|f| mode(f, true, LEGEND_ROWS, n)),
    );
    out.extend([0.6, 0.54].into_iter().map(|f| mode(f, true, 1, n)));
    out.extend((1..n).rev().map(|panels| mode(0.54, true, 1, panels)));
    out
}

/// Vertical layout of everything but the panels: where the title, subtitle, legend and the
/// annotation strip go, and the room the time axis needs below the panels.
struct Chrome {
    subtitle_y: f64,
    legend_y: f64,
    /// The annotation strip (now-line label, markers, festivals): top and bottom.
    strip: (f64, f64),
    /// Height of the time axis under the last panel.
    axis_h: f64,
    /// Height of a panel's title row above it (none in the compact layout).
    title_h: f64,
}

fn chrome<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    view: &ChartView,
    mode: Mode,
) -> Result<Chrome, ChartError> {
    let style = cv.style;
    let (w, _) = cv.size();
    let s = |u: f64| style.px(u);
    let (font, small, title_font, m) = (
        s(style.font),
        s(style.small_font),
        s(style.title_font),
        s(style.margin),
    );
    let mut y = m;
    if !chart.title.is_empty() {
        y += title_font * 1.4;
    }
    let subtitle_y = y;
    if !chart.subtitle.is_empty() {
        y += small * 1.7;
    }
    let legend_y = y;
    let items = chart.legend_items(style.tr());
    let slots = legend_slots(cv, &items, (m, w - m), font, mode.legend_rows)?;
    y += legend_height(&slots, font) + font * 0.3;
    let festivals_shown = !view.is_hidden(span_key(SpanKind::Festival))
        && chart.spans.iter().any(|s| s.kind == SpanKind::Festival);
    let annotated = chart.now.is_some() || !chart.markers.is_empty() || festivals_shown;
    let strip = (y, y + if annotated { small * 1.9 } else { 0.0 });
    Ok(Chrome {
        subtitle_y,
        legend_y,
        strip,
        axis_h: s(4.0) + font * 2.9,
        title_h: if mode.compact { 0.0 } else { font * 1.55 },
    })
}

/// The smallest panel plot height `chart` gets in the canvas (negative when it does not fit).
fn smallest_plot<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    view: &ChartView,
    mode: Mode,
) -> Result<f64, ChartError> {
    let (_, h) = cv.size();
    let c = chrome(cv, chart, view, mode)?;
    let n = chart.panels.len();
    let bottom = h - cv.style.px(cv.style.margin) - c.axis_h;
    let avail = bottom - c.strip.1 - n as f64 * c.title_h;
    let total: f64 = chart.panels.iter().map(|p| p.weight.max(0.05)).sum();
    Ok(chart
        .panels
        .iter()
        .map(|p| avail * p.weight.max(0.05) / total)
        .fold(f64::INFINITY, f64::min))
}

/// The chart as `mode` draws it: its first panels, without title and subtitle when compact.
fn chart_for(chart: &TimeChart, mode: Mode) -> TimeChart {
    let text = |t: &String| {
        if mode.compact {
            String::new()
        } else {
            t.clone()
        }
    };
    TimeChart {
        title: text(&chart.title),
        subtitle: text(&chart.subtitle),
        utc_offset_s: chart.utc_offset_s,
        panels: chart.panels[..mode.panels.min(chart.panels.len())].to_vec(),
        spans: chart.spans.clone(),
        markers: chart.markers.clone(),
        now: chart.now,
    }
}

/// The first of [`modes`] that leaves every panel a usable plot; else the last one with any
/// room at all; `None` when not even that has room.
fn fit<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TimeChart,
    view: &ChartView,
    style: &ChartStyle,
) -> Result<Option<Mode>, ChartError> {
    let mut last = None;
    for mode in modes(chart.panels.len()) {
        let full = mode.panels == chart.panels.len() && !mode.compact;
        let trimmed;
        let c = if full {
            chart
        } else {
            trimmed = chart_for(chart, mode);
            &trimmed
        };
        let shrunk = style.shrunk(mode.text_scale);
        let cv = Canvas::new(root, &shrunk);
        let plot = smallest_plot(&cv, c, view, mode)?;
        if plot >= shrunk.px(shrunk.font) * MIN_PLOT_FONTS {
            return Ok(Some(mode));
        }
        if plot > 0.0 {
            last = Some(mode);
        }
    }
    Ok(last)
}

/// Draw a time chart into `root`. `style` must already be at the backend's scale. A chart taller
/// than the area degrades rather than failing (see [`modes`]): smaller text, a compact layout,
/// fewer legend rows, then fewer panels, so every panel drawn keeps a usable plot.
pub fn draw_time_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TimeChart,
    view: &ChartView,
    style: &ChartStyle,
) -> Result<TimeChartLayout, ChartError> {
    let n = chart.panels.len();
    let full = Mode {
        text_scale: 1.0,
        compact: false,
        legend_rows: LEGEND_ROWS,
        panels: n,
    };
    if n == 0 {
        return draw_laid_out(root, chart, view, style, full);
    }
    match fit(root, chart, view, style)? {
        Some(mode) if mode == full => draw_laid_out(root, chart, view, style, full),
        Some(mode) => draw_laid_out(
            root,
            &chart_for(chart, mode),
            view,
            &style.shrunk(mode.text_scale),
            mode,
        ),
        None => {
            let cv = Canvas::new(root, style);
            let (w, h) = cv.size();
            cv.clear(style.background)?;
            let font = style.px(style.font).min(h * 0.5);
            let text = style.tr().t(T::ChartTooSmall);
            cv.text(text, w / 2.0, h / 2.0, font, style.muted, CENTER)?;
            Ok(TimeChartLayout {
                view: view.range(chart),
                ..TimeChartLayout::default()
            })
        }
    }
}

/// Draw a chart that fits in `mode` (or has no panels: "no data"): the heading, the panels top
/// to bottom, the spans and markers over them, the time axis under the last.
fn draw_laid_out<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TimeChart,
    view: &ChartView,
    style: &ChartStyle,
    mode: Mode,
) -> Result<TimeChartLayout, ChartError> {
    let cv = Canvas::new(root, style);
    let (w, h) = cv.size();
    let font = style.px(style.font);
    let small = style.px(style.small_font);
    cv.clear(style.background)?;
    let c = chrome(&cv, chart, view, mode)?;
    let legend = draw_heading(&cv, chart, view, mode, &c)?;
    let (left, right) = plot_columns(&cv, chart)?;
    let bottom = h - style.px(style.margin) - c.axis_h;
    let n = chart.panels.len();
    let mut layout = TimeChartLayout {
        view: view.range(chart),
        x_px: (left, right),
        panels: Vec::new(),
        legend,
        points_drawn: 0,
    };
    let avail = bottom - c.strip.1 - n as f64 * c.title_h;
    if n == 0 || avail < n as f64 * 8.0 || right - left < 20.0 {
        let text = if n == 0 {
            T::ChartNoData
        } else {
            T::ChartTooSmall
        };
        cv.centred_note(style.tr().t(text), w, h, font, style.muted)?;
        return Ok(layout);
    }
    let range = layout.view;
    let time = |hour: f64| left + (hour - range.0) / (range.1 - range.0) * (right - left);
    let grid = PanelGrid {
        x: (left, right),
        range,
        columns: (right - left).round().max(1.0) as usize,
        line_columns: line_columns(chart, view, style, right - left),
        total_weight: chart.panels.iter().map(|p| p.weight.max(0.05)).sum(),
        avail,
        title_h: c.title_h,
        compact: mode.compact,
        ticks: axis_ticks(&cv, chart, range, right - left)?,
    };
    let mut y = c.strip.1;
    for (i, panel) in chart.panels.iter().enumerate() {
        let ends = (i == 0, i + 1 == n);
        let (panel_layout, points) =
            draw_panel(&cv, (chart, view), panel, &grid, &time, &mut y, ends)?;
        layout.points_drawn += points;
        layout.panels.push(panel_layout);
    }
    let plot_top = layout.panels.first().map_or(0.0, |p| p.rect.y0);
    let plot_bottom = layout.panels.last().map_or(0.0, |p| p.rect.y1);
    draw_spans_overlay(&cv, chart, view, &layout, &time, c.strip, small)?;
    draw_markers(
        &cv,
        chart,
        (left, right),
        (plot_top, plot_bottom),
        c.strip,
        &time,
        small,
    )?;
    draw_time_axis(&cv, &grid.ticks, &time, (left, right), plot_bottom)?;
    Ok(layout)
}

/// What every panel of a laid-out chart shares: the plot's columns and time window, the level
/// of detail, the height left for panels, and the time ticks.
struct PanelGrid {
    /// Left and right pixel of the plots.
    x: (f64, f64),
    /// The time window drawn.
    range: (f64, f64),
    /// Pixel columns of the plots.
    columns: usize,
    /// Decimation buckets per line.
    line_columns: usize,
    /// Sum of the panels' weights.
    total_weight: f64,
    /// Height shared by the panels (without their title rows).
    avail: f64,
    /// Height of a panel's title row.
    title_h: f64,
    /// Panel titles inside the panels.
    compact: bool,
    /// The time axis's ticks.
    ticks: super::time_axis::TimeTicks,
}

/// The title, the subtitle and the legend; the legend's hit boxes.
fn draw_heading<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    view: &ChartView,
    mode: Mode,
    c: &Chrome,
) -> Result<Vec<LegendHit>, ChartError> {
    let style = cv.style;
    let (w, _) = cv.size();
    let m = style.px(style.margin);
    if !chart.title.is_empty() {
        let title_font = style.px(style.title_font);
        cv.text(&chart.title, m, m, title_font, style.text, LEFT_TOP)?;
    }
    if !chart.subtitle.is_empty() {
        let small = style.px(style.small_font);
        cv.text(
            &chart.subtitle,
            m,
            c.subtitle_y,
            small,
            style.muted,
            LEFT_TOP,
        )?;
    }
    let (legend, _) = draw_legend(
        cv,
        &chart.legend_items(style.tr()),
        view,
        (m, c.legend_y, w - m),
        style.px(style.font),
        mode.legend_rows,
    )?;
    Ok(legend)
}

/// Left and right pixel of the plots: room for the value labels on the left, and on the right
/// when a panel has a right axis.
fn plot_columns<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
) -> Result<(f64, f64), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let (w, _) = cv.size();
    let m = s(style.margin);
    let (num_w, _) = cv.text_size("00000", s(style.font))?;
    let tick = s(4.0);
    let left = m + num_w + tick + s(3.0);
    let has_right = chart
        .panels
        .iter()
        .any(|p| p.traces.iter().any(|t| t.axis == Axis::Right));
    let right = w
        - m
        - if has_right {
            num_w + tick + s(3.0)
        } else {
            s(6.0)
        };
    Ok((left, right))
}

/// Level of detail: the visible lines share the frame's bucket budget (never below 1/8 of a
/// bucket per column, never above one per column).
fn line_columns(chart: &TimeChart, view: &ChartView, style: &ChartStyle, width: f64) -> usize {
    let columns = width.round().max(1.0) as usize;
    let lines = chart
        .panels
        .iter()
        .flat_map(|p| &p.traces)
        .filter(|t| t.mark != Mark::Bars && !view.is_hidden(&t.key))
        .count()
        .max(1);
    (style.line_budget / lines)
        .max((columns / 8).max(1))
        .min(columns)
}

/// The time ticks, with room for the widest labels of the language: a two-digit hour, a date
/// with its weekday.
fn axis_ticks<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    range: (f64, f64),
    width: f64,
) -> Result<super::time_axis::TimeTicks, ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let sample = chrono::NaiveDate::from_ymd_opt(2000, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let tr = style.tr();
    let label_px = cv.text_size(&tr.time(T::ChartFmtHourTick, sample), font)?.0 + s(14.0);
    let context_px = cv
        .text_size(&tr.time(T::ChartFmtDayWeekday, sample), font)?
        .0
        + s(18.0);
    Ok(time_ticks(
        range,
        width,
        chart.utc_offset_s,
        label_px,
        context_px,
        style.lang,
    ))
}

/// One panel below `y` (moved on to its bottom): its background, data, wind arrows and axes.
/// `ends` says whether it is the first and the last panel. Returns its layout and the points
/// drawn.
fn draw_panel<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    (chart, view): (&TimeChart, &ChartView),
    panel: &Panel,
    grid: &PanelGrid,
    time: &dyn Fn(f64) -> f64,
    y: &mut f64,
    ends: (bool, bool),
) -> Result<(PanelLayout, usize), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let (left, right) = grid.x;
    let range = grid.range;
    let top = *y + grid.title_h;
    let height = grid.avail * panel.weight.max(0.05) / grid.total_weight;
    let rect = PixelRect::new(left, top, right, top + height);
    *y = top + height;
    let prep = prepare(
        panel,
        view,
        range,
        grid.columns,
        grid.line_columns,
        style.decimate,
    );
    let fit = |fixed: Option<(f64, f64)>, data: Option<(f64, f64)>, floor_zero: bool| {
        fixed.unwrap_or_else(|| match data {
            Some((a, b)) => nice_range(a, b, floor_zero),
            None => (0.0, 1.0),
        })
    };
    let mut left_data = prep.left;
    for t in &panel.thresholds {
        if prep.left.is_some() {
            left_data = widen(left_data, t.value, t.value);
        }
    }
    let yl = fit(panel.fixed, left_data, panel.floor_zero);
    // Wind arrows get a strip of their own at the top, above the values.
    let plot = if panel.arrows.is_some() && height > font * 5.0 {
        PixelRect::new(rect.x0, rect.y0 + font * 1.9, rect.x1, rect.y1)
    } else {
        rect
    };
    let frame = Frame {
        rect: plot,
        x: range,
        y: yl,
    };
    let right_frame = panel
        .traces
        .iter()
        .any(|t| t.axis == Axis::Right)
        .then(|| Frame {
            rect: plot,
            x: range,
            y: fit(panel.fixed_right, prep.right, true),
        });
    draw_panel_background(cv, chart, view, panel, &frame, rect, &grid.ticks, time)?;
    let points = draw_panel_data(cv, panel, &prep, &frame, right_frame.as_ref())?;
    if let Some(arrows) = &panel.arrows {
        // In the compact layout the panel's title sits in the strip's first part. A panel too
        // short for a strip of its own carries the arrows over its values.
        let x0 = if grid.compact {
            rect.x0 + cv.text_size(&panel.title, font)?.0 + s(12.0)
        } else {
            rect.x0
        };
        let bottom = if plot.y0 > rect.y0 { plot.y0 } else { rect.y1 };
        draw_arrows(
            cv,
            arrows,
            &frame,
            PixelRect::new(x0, rect.y0, rect.x1, bottom),
        )?;
    }
    draw_panel_axes(
        cv,
        panel,
        (rect, grid.compact, ends),
        &frame,
        right_frame.as_ref(),
        prep.left.is_none() && prep.right.is_none(),
        s(4.0),
        style.stroke(style.thin),
        font,
    )?;
    let layout = PanelLayout {
        rect,
        plot,
        y: yl,
        y_right: right_frame.map(|f| f.y),
    };
    Ok((layout, points))
}

/// The time axis at `axis_y`: fine ticks with their labels, then the context row (days,
/// months) under them.
fn draw_time_axis<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    ticks: &super::time_axis::TimeTicks,
    time: &dyn Fn(f64) -> f64,
    (left, right): (f64, f64),
    axis_y: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let (w, _) = cv.size();
    let font = s(style.font);
    let tick = s(4.0);
    let thin = style.stroke(style.thin);
    for t in &ticks.fine {
        let x = time(t.at);
        cv.line(
            (x, axis_y),
            (x, axis_y + tick),
            alpha(style.axis, 1.0),
            thin,
        )?;
        let (tw, _) = cv.text_size(&t.label, font)?;
        if x - tw / 2.0 >= left - s(12.0) && x + tw / 2.0 <= right + s(12.0) {
            cv.text(
                &t.label,
                x,
                axis_y + tick + s(2.0),
                font,
                style.text,
                CENTER_TOP,
            )?;
        }
    }
    let context_y = axis_y + tick + s(2.0) + font * 1.45;
    for (i, t) in ticks.context.iter().enumerate() {
        let x = time(t.at);
        if !(i == 0 && ticks.sticky_first) {
            cv.line(
                (x, axis_y),
                (x, context_y + font * 0.9),
                alpha(style.axis, 1.0),
                thin,
            )?;
        }
        let (tw, _) = cv.text_size(&t.label, font)?;
        if x + s(3.0) + tw <= w - s(2.0) {
            cv.text(&t.label, x + s(3.0), context_y, font, style.muted, LEFT_TOP)?;
        }
    }
    Ok(())
}

/// Most rows of legend items.
const LEGEND_ROWS: usize = 3;

/// Where legend items go: (x, row, width) of each item that fits in `max_rows` rows between
/// `x0` and `x1`, in order (items after the last slot do not fit), and the "… N more" note with
/// its x on the last row when some do not.
type LegendSlots = (Vec<(f64, usize, f64)>, Option<(String, f64)>);

fn legend_slots<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    items: &[LegendItem],
    (x0, x1): (f64, f64),
    font: f64,
    max_rows: usize,
) -> Result<LegendSlots, ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let swatch_w = s(20.0);
    let gap = s(16.0);
    let (mut x, mut row) = (x0, 0usize);
    let mut slots: Vec<(f64, usize, f64)> = Vec::with_capacity(items.len());
    for item in items {
        let item_w = swatch_w + s(5.0) + cv.text_size(&item.label, font)?.0;
        if x > x0 && x + item_w > x1 {
            row += 1;
            x = x0;
        }
        if row >= max_rows {
            break;
        }
        slots.push((x, row, item_w));
        x += item_w + gap;
    }
    if slots.len() == items.len() {
        return Ok((slots, None));
    }
    // Make room on the last row for the note, giving back items from its end as needed.
    loop {
        let rest = style.tr().f(T::ChartMore, &[&(items.len() - slots.len())]);
        let note_w = cv.text_size(&rest, font)?.0;
        let note_x = slots
            .last()
            .filter(|l| l.1 + 1 == max_rows)
            .map_or(x0, |l| l.0 + l.2 + gap);
        if note_x + note_w <= x1 || slots.is_empty() {
            return Ok((slots, Some((rest, note_x))));
        }
        slots.pop();
    }
}

/// Height of the legend: its rows.
fn legend_height(slots: &LegendSlots, font: f64) -> f64 {
    let rows = slots
        .0
        .last()
        .map_or(0, |l| l.1 + 1)
        .max(usize::from(slots.1.is_some()));
    rows as f64 * font * 1.55
}

fn draw_legend<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    items: &[LegendItem],
    view: &ChartView,
    (x0, y0, x1): (f64, f64, f64),
    font: f64,
    max_rows: usize,
) -> Result<(Vec<LegendHit>, f64), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let row_h = font * 1.55;
    let swatch_w = s(20.0);
    let mut hits = Vec::new();
    let slots = legend_slots(cv, items, (x0, x1), font, max_rows)?;
    if let Some((rest, x)) = &slots.1 {
        let row = slots.0.last().map_or(0, |l| l.1);
        let cy = y0 + (row as f64 + 0.5) * row_h;
        cv.text(rest, *x, cy, font, style.muted, LEFT_CENTER)?;
    }
    for (item, &(x, row, item_w)) in items.iter().zip(&slots.0) {
        let cy = y0 + (row as f64 + 0.5) * row_h;
        let hidden = view.is_hidden(&item.key);
        let grey = RGBColor(185, 188, 194);
        let a = |c: RGBColor| {
            if hidden {
                alpha(grey, 1.0)
            } else {
                alpha(c, 1.0)
            }
        };
        let lw = style.stroke(style.line.max(1.5));
        match item.swatch {
            Swatch::Line(c) => cv.line((x, cy), (x + swatch_w, cy), a(c), lw)?,
            Swatch::Dashed(c) => {
                for seg in dash(&[(x, cy), (x + swatch_w, cy)], s(5.0), s(3.0)) {
                    cv.polyline(&seg, a(c), lw)?;
                }
            }
            Swatch::Bar(c) => cv.fill_rect(
                PixelRect::new(
                    x + s(5.0),
                    cy - font * 0.4,
                    x + swatch_w - s(5.0),
                    cy + font * 0.4,
                ),
                a(c),
            )?,
            Swatch::Tint(c) => cv.fill_rect(
                PixelRect::new(x, cy - font * 0.45, x + swatch_w, cy + font * 0.45),
                if hidden {
                    alpha(grey, 0.4)
                } else {
                    alpha(c, 0.35)
                },
            )?,
        }
        let text_colour = if hidden { grey } else { style.text };
        cv.text(
            &item.label,
            x + swatch_w + s(5.0),
            cy,
            font,
            text_colour,
            LEFT_CENTER,
        )?;
        hits.push(LegendHit {
            key: item.key.clone(),
            label: item.label.clone(),
            rect: PixelRect::new(
                x - s(2.0),
                cy - row_h / 2.0,
                x + item_w + s(2.0),
                cy + row_h / 2.0,
            ),
            hidden,
        });
    }
    Ok((hits, y0 + legend_height(&slots, font)))
}

/// Colour and opacity of a span's shading.
fn span_tint(span: &Span) -> (RGBColor, f64) {
    let opacity = match span.kind {
        SpanKind::Window | SpanKind::Warning(_) => 0.13,
        SpanKind::Festival => 0.07,
    };
    (span.colour(), opacity)
}

#[allow(clippy::too_many_arguments)]
fn draw_panel_background<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    view: &ChartView,
    panel: &Panel,
    frame: &Frame,
    panel_rect: PixelRect,
    ticks: &super::time_axis::TimeTicks,
    time: &dyn Fn(f64) -> f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let r = frame.rect;
    let pr = panel_rect;
    // AQI bands, pale.
    let last = panel.bands.len().saturating_sub(1);
    for (i, b) in panel.bands.iter().enumerate() {
        let hi = if i == last { f64::INFINITY } else { b.hi };
        let y0 = frame.py(hi.min(frame.y.1)).max(r.y0);
        let y1 = frame.py(b.lo.max(frame.y.0)).min(r.y1);
        if y1 > y0 {
            cv.fill_rect(
                PixelRect::new(r.x0, y0, r.x1, y1),
                alpha(b.colour, style.band_alpha),
            )?;
        }
    }
    // Forecast part after the now-line.
    if let Some(now) = chart.now {
        let x = time(now.0 as f64).clamp(pr.x0, pr.x1);
        cv.fill_rect(
            PixelRect::new(x, pr.y0, pr.x1, pr.y1),
            alpha(FORECAST_TINT, 0.07),
        )?;
    }
    // Spans.
    for span in &chart.spans {
        if view.is_hidden(span_key(span.kind)) {
            continue;
        }
        let x0 = time(span.from.0 as f64).max(pr.x0);
        let x1 = time(span.to.0 as f64).min(pr.x1);
        if x1 > x0 {
            let (c, a) = span_tint(span);
            cv.fill_rect(PixelRect::new(x0, pr.y0, x1, pr.y1), alpha(c, a))?;
        }
    }
    // Grid.
    let thin = style.stroke(style.thin);
    for t in &ticks.fine {
        let x = time(t.at);
        cv.line((x, pr.y0), (x, pr.y1), alpha(style.grid, 1.0), thin)?;
    }
    for (i, t) in ticks.context.iter().enumerate() {
        if i == 0 && ticks.sticky_first {
            continue;
        }
        let x = time(t.at);
        cv.line((x, pr.y0), (x, pr.y1), alpha(style.axis, 0.45), thin)?;
    }
    for v in y_ticks(frame, style) {
        let y = frame.py(v);
        cv.line((r.x0, y), (r.x1, y), alpha(style.grid, 1.0), thin)?;
    }
    // Band names at the right edge, where there is room.
    let small = style.px(style.small_font);
    for (i, b) in panel.bands.iter().enumerate() {
        let hi = if i == last {
            frame.y.1
        } else {
            b.hi.min(frame.y.1)
        };
        let lo = b.lo.max(frame.y.0);
        let (y0, y1) = (frame.py(hi), frame.py(lo));
        if y1 - y0 >= small * 1.3 {
            let dark = RGBColor(
                (f64::from(b.colour.0) * 0.55) as u8,
                (f64::from(b.colour.1) * 0.55) as u8,
                (f64::from(b.colour.2) * 0.55) as u8,
            );
            let (tw, th) = cv.text_size(&b.label, small)?;
            let (x1, cy) = (r.x1 - style.px(4.0), (y0 + y1) / 2.0);
            cv.fill_rect(
                PixelRect::new(
                    x1 - tw - style.px(3.0),
                    cy - th / 2.0,
                    x1 + style.px(2.0),
                    cy + th / 2.0,
                ),
                alpha(style.background, 0.55),
            )?;
            cv.text(&b.label, x1, cy, small, dark, RIGHT_CENTER)?;
        }
    }
    Ok(())
}

/// The left axis's ticks, denser than [`y_ticks`] where that leaves fewer than two labels
/// `inside` the panel (a short panel of the compact layout), while labels keep a line apart.
fn labelled_y_ticks(frame: &Frame, style: &ChartStyle, inside: &dyn Fn(f64) -> bool) -> Vec<f64> {
    let mut ticks = y_ticks(frame, style);
    let labelled = |ticks: &[f64]| ticks.iter().filter(|v| inside(frame.py(**v))).count();
    let min_gap = style.px(style.font) * 1.2;
    for target in ticks.len() + 1..=12 {
        if labelled(&ticks) >= 2 {
            break;
        }
        let denser = nice_ticks(frame.y.0, frame.y.1, target);
        let gap = match denser.as_slice() {
            [a, b, ..] => (frame.py(*a) - frame.py(*b)).abs(),
            _ => continue,
        };
        if gap < min_gap {
            break;
        }
        if labelled(&denser) > labelled(&ticks) {
            ticks = denser;
        }
    }
    ticks
}

fn y_ticks(frame: &Frame, style: &ChartStyle) -> Vec<f64> {
    let target = (frame.rect.height() / (style.px(style.font) * 3.6))
        .floor()
        .max(2.0) as usize;
    nice_ticks(frame.y.0, frame.y.1, target)
}

fn draw_panel_data<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    panel: &Panel,
    prep: &Prepared,
    frame: &Frame,
    right: Option<&Frame>,
) -> Result<usize, ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let r = frame.rect;
    for t in &panel.thresholds {
        if t.value < frame.y.0 || t.value > frame.y.1 {
            continue;
        }
        let y = frame.py(t.value);
        for seg in dash(&[(r.x0, y), (r.x1, y)], s(7.0), s(4.0)) {
            cv.polyline(&seg, alpha(t.colour, 0.9), style.stroke(style.thin * 1.3))?;
        }
        let small = s(style.small_font);
        cv.text(
            &t.label,
            r.x0 + s(4.0),
            y - small * 0.75,
            small,
            t.colour,
            LEFT_CENTER,
        )?;
    }
    for (i, bars) in &prep.bars {
        let t = &panel.traces[*i];
        let f = if t.axis == Axis::Right {
            right.unwrap_or(frame)
        } else {
            frame
        };
        let base = f.py(0.0_f64.max(f.y.0)).min(r.y1);
        for &(a, b, v) in bars {
            let mut x0 = f.px(a).max(r.x0);
            let mut x1 = f.px(b).min(r.x1);
            if x1 - x0 > s(3.0) {
                x0 += s(0.5);
                x1 -= s(0.5);
            }
            if x1 - x0 < 1.0 {
                let c = (x0 + x1) / 2.0;
                x0 = c - 0.5;
                x1 = c + 0.5;
            }
            let top = f.py(f64::from(v)).max(r.y0);
            cv.fill_rect(PixelRect::new(x0, top, x1, base), alpha(t.colour, 0.8))?;
        }
    }
    let mut points = 0;
    for (i, d) in &prep.lines {
        let t = &panel.traces[*i];
        let f = if t.axis == Axis::Right {
            right.unwrap_or(frame)
        } else {
            frame
        };
        let width = style.stroke(style.line * t.width);
        let colour = alpha(t.colour, 1.0);
        // Data → pixels as one multiply-add per coordinate (the hot loop for long series).
        let sx = f.rect.width() / (f.x.1 - f.x.0);
        let ox = f.rect.x0 - f.x.0 * sx;
        let sy = -f.rect.height() / (f.y.1 - f.y.0);
        let oy = f.rect.y1 - f.y.0 * sy;
        let project = Projection { sx, ox, sy, oy };
        for run in &d.runs {
            // Solid lines inside the panel (all but the samples beyond each edge): one pass from
            // data to rounded pixels, no intermediate copies.
            if t.mark != Mark::Dashed
                && let Some(pts) = project_inside(run, &project, &r)
            {
                points += cv.polyline_px(pts, colour, width)?;
                continue;
            }
            let px: Vec<(f64, f64)> = run.iter().map(|&(x, v)| project.apply(x, v)).collect();
            for piece in clip_polyline(&px, &r) {
                if t.mark == Mark::Dashed {
                    for seg in dash(&piece, s(6.0), s(4.0)) {
                        points += cv.polyline(&seg, colour, width)?;
                    }
                } else {
                    points += cv.polyline(&piece, colour, width)?;
                }
            }
        }
    }
    Ok(points)
}

/// Data → pixel coordinates as a multiply-add per coordinate.
struct Projection {
    sx: f64,
    ox: f64,
    sy: f64,
    oy: f64,
}

impl Projection {
    fn apply(&self, x: f64, v: f32) -> (f64, f64) {
        (self.ox + x * self.sx, self.oy + f64::from(v) * self.sy)
    }
}

/// A run as rounded pixels when it lies inside `r` apart from points beyond its left and right
/// edges (the buckets reaching past the view), which are cut at the border; `None` when the run
/// needs general clipping.
fn project_inside(run: &[Point], p: &Projection, r: &PixelRect) -> Option<Vec<(i32, i32)>> {
    let at = |j: usize| p.apply(run[j].0, run[j].1);
    let inside = |q: (f64, f64)| r.contains(q.0, q.1);
    let n = run.len();
    let i0 = (0..n).find(|&j| inside(at(j)))?;
    let i1 = (i0..n).rev().find(|&j| inside(at(j)))?;
    if (0..i0).any(|j| at(j).0 >= r.x0) || (i1 + 1..n).any(|j| at(j).0 <= r.x1) {
        return None;
    }
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(i1 - i0 + 3);
    let mut push = |q: (f64, f64)| {
        let c = (round_px(q.0), round_px(q.1));
        if out.last() != Some(&c) {
            out.push(c);
        }
    };
    if i0 > 0 {
        push(clip_segment(at(i0 - 1), at(i0), r)?.0);
    }
    for j in i0..=i1 {
        let q = at(j);
        if !inside(q) {
            return None;
        }
        push(q);
    }
    if i1 + 1 < n {
        push(clip_segment(at(i1), at(i1 + 1), r)?.1);
    }
    Some(out)
}

#[allow(clippy::too_many_arguments)]
fn draw_panel_axes<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    panel: &Panel,
    (panel_rect, inline_titles, (first, last)): (PixelRect, bool, (bool, bool)),
    frame: &Frame,
    right: Option<&Frame>,
    empty: bool,
    tick: f64,
    thin: u32,
    font: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let r = panel_rect;
    cv.stroke_rect(r, alpha(style.axis, 0.8), thin)?;
    // Compact layout: panels touch, and a label on the line between two would seem to belong to
    // either and meet the other's; only labels wholly inside their panel are written (the tick
    // marks stay), apart from the top of the first panel and the bottom of the last.
    let inside = |y: f64| {
        !inline_titles || ((first || y >= r.y0 + font * 0.5) && (last || y <= r.y1 - font * 0.5))
    };
    let ticks = labelled_y_ticks(frame, style, &inside);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    for v in &ticks {
        let y = frame.py(*v);
        cv.line((r.x0 - tick, y), (r.x0, y), alpha(style.axis, 1.0), thin)?;
        if !inside(y) {
            continue;
        }
        cv.text(
            &format_tick(*v, step),
            r.x0 - tick - s(3.0),
            y,
            font,
            style.text,
            RIGHT_CENTER,
        )?;
    }
    if let Some(rf) = right {
        let ticks = y_ticks(rf, style);
        let step = match ticks.as_slice() {
            [a, b, ..] => b - a,
            _ => 1.0,
        };
        for v in &ticks {
            let y = rf.py(*v);
            cv.line((r.x1, y), (r.x1 + tick, y), alpha(style.axis, 1.0), thin)?;
            if !inside(y) {
                continue;
            }
            cv.text(
                &format_tick(*v, step),
                r.x1 + tick + s(3.0),
                y,
                font,
                style.text,
                LEFT_CENTER,
            )?;
        }
    }
    if inline_titles {
        // Compact layout: titles inside the panel's top corners, over a veil.
        let y = r.y0 + font * 0.7;
        let veil = alpha(style.background, 0.75);
        let (tw, _) = cv.text_size(&panel.title, font)?;
        cv.fill_rect(
            PixelRect::new(
                r.x0 + s(1.0),
                r.y0 + s(1.0),
                r.x0 + tw + s(8.0),
                y + font * 0.6,
            ),
            veil,
        )?;
        cv.text(
            &panel.title,
            r.x0 + s(4.0),
            y,
            font,
            style.text,
            LEFT_CENTER,
        )?;
        if let Some(rt) = &panel.right_title {
            let (rw, _) = cv.text_size(rt, font)?;
            cv.fill_rect(
                PixelRect::new(
                    r.x1 - rw - s(8.0),
                    r.y0 + s(1.0),
                    r.x1 - s(1.0),
                    y + font * 0.6,
                ),
                veil,
            )?;
            cv.text(rt, r.x1 - s(4.0), y, font, style.muted, RIGHT_CENTER)?;
        }
    } else {
        let title_y = r.y0 - font * 0.8;
        cv.text(&panel.title, r.x0, title_y, font, style.text, LEFT_CENTER)?;
        if let Some(rt) = &panel.right_title {
            cv.text(rt, r.x1, title_y, font, style.muted, RIGHT_CENTER)?;
        }
    }
    if empty {
        cv.text(
            style.tr().t(T::ChartNoDataPeriod),
            (r.x0 + r.x1) / 2.0,
            (r.y0 + r.y1) / 2.0,
            font,
            style.muted,
            CENTER,
        )?;
    }
    Ok(())
}

fn draw_arrows<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    arrows: &Arrows,
    frame: &Frame,
    strip: PixelRect,
) -> Result<(), ChartError> {
    let style = cv.style;
    let font = style.px(style.font);
    if strip.height() < font {
        return Ok(());
    }
    // Sized from the label font so projector mode scales them too.
    let slot = font * 2.3;
    let half = (strip.height() * 0.38).min(font * 0.7);
    let head = half * 0.6;
    let cy = (strip.y0 + strip.y1) / 2.0;
    let colour = alpha(ARROW_COLOUR, 0.95);
    let width = style.stroke(style.thin * 1.4);
    let mut x = strip.x0 + slot / 2.0;
    while x < strip.x1 - slot / 4.0 {
        let cx = x;
        x += slot;
        let hour = frame.data_x(cx).round() as i64;
        let Some(dir) = arrows.direction.get(hour) else {
            continue;
        };
        let calm = arrows
            .speed
            .as_ref()
            .and_then(|sp| sp.get(hour))
            .is_some_and(|v| v < 0.5);
        if calm {
            cv.circle((cx, cy), half * 0.45, colour, false)?;
            continue;
        }
        // The arrow points where the wind goes: from + 180°.
        let to = (f64::from(dir) + 180.0).to_radians();
        let (ux, uy) = (to.sin(), -to.cos());
        let tail = (cx - ux * half, cy - uy * half);
        let tip = (cx + ux * half, cy + uy * half);
        let base = (tip.0 - ux * head, tip.1 - uy * head);
        let (nx, ny) = (-uy, ux);
        cv.line(tail, base, colour, width)?;
        cv.polygon(
            &[
                tip,
                (base.0 + nx * head * 0.55, base.1 + ny * head * 0.55),
                (base.0 - nx * head * 0.55, base.1 - ny * head * 0.55),
            ],
            colour,
        )?;
    }
    Ok(())
}

fn draw_spans_overlay<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    view: &ChartView,
    layout: &TimeChartLayout,
    time: &dyn Fn(f64) -> f64,
    strip: (f64, f64),
    small: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let Some(first) = layout.panels.first() else {
        return Ok(());
    };
    let r = first.rect;
    let ribbon_h = small * 1.5;
    let mut festivals: Vec<(f64, &str)> = Vec::new();
    for span in &chart.spans {
        if view.is_hidden(span_key(span.kind)) {
            continue;
        }
        let x0 = time(span.from.0 as f64).max(r.x0);
        let x1 = time(span.to.0 as f64).min(r.x1);
        if x1 <= x0 {
            continue;
        }
        match span.kind {
            SpanKind::Warning(_) => {
                let c = span.colour();
                cv.fill_rect(
                    PixelRect::new(x0, r.y0, x1, r.y0 + ribbon_h),
                    alpha(c, 0.92),
                )?;
                if cv.text_size(&span.label, small)?.0 + style.px(6.0) <= x1 - x0 {
                    cv.text(
                        &span.label,
                        (x0 + x1) / 2.0,
                        r.y0 + ribbon_h / 2.0,
                        small,
                        text_on(c),
                        CENTER,
                    )?;
                }
            }
            SpanKind::Window => {
                let y = r.y1 - small * 0.9;
                if cv.text_size(&span.label, small)?.0 + style.px(8.0) <= x1 - x0 {
                    cv.text(
                        &span.label,
                        x0 + style.px(4.0),
                        y,
                        small,
                        RGBColor(45, 65, 110),
                        LEFT_CENTER,
                    )?;
                }
            }
            SpanKind::Festival => festivals.push(((x0 + x1) / 2.0, span.label.as_str())),
        }
    }
    // Festival names above the panels; neighbours that would overlap (除夕 and 春节 are a day
    // apart) share one label.
    if strip.1 > strip.0 && !festivals.is_empty() {
        festivals.sort_by(|a, b| a.0.total_cmp(&b.0));
        let gap = style.px(6.0);
        let mut groups: Vec<(f64, f64, String)> = Vec::new();
        for (x, label) in festivals {
            let w = cv.text_size(label, small)?.0;
            match groups.last_mut() {
                Some(g) if x - w / 2.0 < g.1 + gap => {
                    g.2 = format!("{}·{label}", g.2);
                    g.1 = g.1.max(x + w / 2.0);
                }
                _ => groups.push((x - w / 2.0, x + w / 2.0, label.to_string())),
            }
        }
        for (a, b, label) in groups {
            let w = cv.text_size(&label, small)?.0;
            let cx = within((a + b) / 2.0, r.x0 + w / 2.0, r.x1 - w / 2.0);
            cv.text(
                &label,
                cx,
                (strip.0 + strip.1) / 2.0,
                small,
                FESTIVAL_TINT,
                CENTER,
            )?;
        }
    }
    Ok(())
}

fn draw_markers<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    chart: &TimeChart,
    xr: (f64, f64),
    yr: (f64, f64),
    strip: (f64, f64),
    time: &dyn Fn(f64) -> f64,
    small: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let width = style.stroke(style.thin * 1.3);
    let mid = (strip.0 + strip.1) / 2.0;
    for m in &chart.markers {
        let x = time(m.at.0 as f64);
        if x < xr.0 || x > xr.1 {
            continue;
        }
        for seg in dash(&[(x, yr.0), (x, yr.1)], s(4.0), s(3.0)) {
            cv.polyline(&seg, alpha(MARKER_COLOUR, 0.8), width)?;
        }
        cv.text(&m.label, x, mid, small, MARKER_COLOUR, CENTER)?;
    }
    if let Some(now) = chart.now {
        let x = time(now.0 as f64);
        if x >= xr.0 && x <= xr.1 {
            cv.line(
                (x, strip.1),
                (x, yr.1),
                alpha(NOW_COLOUR, 0.95),
                style.stroke(style.line * 1.1),
            )?;
            let t = local(now.0 as f64, chart.utc_offset_s);
            let tr = style.tr();
            let label = tr.f(T::ChartNow, &[&tr.time(T::ChartFmtNow, t)]);
            let forecast = tr.t(T::ChartForecastArrow);
            cv.label_box(
                &label,
                (x, mid),
                small,
                RGBColor(255, 255, 255),
                alpha(NOW_COLOUR, 0.95),
            )?;
            let (lw, _) = cv.text_size(&label, small)?;
            if x + lw / 2.0 + s(8.0) + cv.text_size(forecast, small)?.0 < xr.1 {
                cv.text(
                    forecast,
                    x + lw / 2.0 + s(8.0),
                    mid,
                    small,
                    style.muted,
                    LEFT_CENTER,
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::report::charts::svg::{SvgBackend, SvgDocument};
    use plotters::prelude::IntoDrawingArea;

    /// A meteogram-like chart: four panels, a legend of six items, spans and a now-line.
    fn four_panels() -> TimeChart {
        let values = |base: f32| {
            Hourly::new(
                Hour(0),
                (0..240).map(|i| base + (i % 24) as f32).collect::<Vec<_>>(),
            )
        };
        let mut panels = Vec::new();
        for (i, title) in ["PM2.5", "wind", "rh", "blh"].into_iter().enumerate() {
            let mut p = Panel::new(title);
            p.traces.push(Trace::line(
                &format!("obs:{title}"),
                &format!("{title} observed"),
                RGBColor(0, 0, 0),
                values(10.0 * i as f32),
            ));
            p.traces.push(
                Trace::line(
                    &format!("fc:{title}"),
                    &format!("{title} forecast"),
                    RGBColor(0, 0, 0),
                    values(5.0),
                )
                .mark(Mark::Dashed),
            );
            if i == 0 {
                p.weight = 2.2;
            }
            if i == 1 {
                p.arrows = Some(Arrows {
                    direction: values(300.0),
                    speed: None,
                });
            }
            panels.push(p);
        }
        TimeChart {
            title: "北京 PM2.5 与气象条件".into(),
            subtitle: "2013年1月7日 – 1月15日 · 北京时间".into(),
            utc_offset_s: 8 * 3600,
            panels,
            spans: vec![Span {
                from: Hour(30),
                to: Hour(80),
                kind: SpanKind::Warning(Level::Orange),
                label: "橙色预警".into(),
                tint: None,
            }],
            markers: Vec::new(),
            now: Some(Hour(150)),
        }
    }

    fn layout_at(chart: &TimeChart, style: &ChartStyle, w: u32, h: u32) -> TimeChartLayout {
        let mut doc = SvgDocument::new(w, h);
        let root = SvgBackend(&mut doc).into_drawing_area();
        draw_time_chart(&root, chart, &ChartView::default(), style).expect("drawn")
    }

    #[test]
    fn every_panel_drawn_gets_a_plot_at_any_height() {
        let chart = four_panels();
        for lang in [Language::Zh, Language::En] {
            // The projector style at 2× zoom (pixels), and the desktop style.
            for style in [
                ChartStyle::projector().with_scale(2.0).with_lang(lang),
                ChartStyle::desktop().with_lang(lang),
            ] {
                for (w, h) in [
                    (1920, 1800),
                    (1920, 900),
                    (1366, 700),
                    (1366, 500),
                    (900, 300),
                ] {
                    let layout = layout_at(&chart, &style, w, h);
                    assert!(!layout.panels.is_empty(), "{w}×{h}: no panel at all");
                    for p in &layout.panels {
                        assert!(
                            p.plot.height() >= style.px(style.font) * 0.54 * MIN_PLOT_FONTS,
                            "{w}×{h}: plot {:?}",
                            p.plot
                        );
                        assert!(p.rect.y1 <= f64::from(h), "{w}×{h}: below the area");
                    }
                    assert_eq!(layout.panels[0].rect.x0, layout.x_px.0);
                }
            }
        }
        // Room enough: every panel, and the air-quality panel always first.
        let big = layout_at(&chart, &ChartStyle::projector().with_scale(2.0), 1920, 2600);
        assert_eq!(big.panels.len(), 4);
        let style = ChartStyle::projector().with_scale(2.0);
        assert_eq!(
            layout_at(&chart, &style, 1366, 500).panels.len(),
            4,
            "compact"
        );
        let short = layout_at(&chart, &style, 1366, 300);
        assert!(
            (1..4).contains(&short.panels.len()),
            "the last panels left out when short"
        );
    }

    #[test]
    fn a_short_panel_labels_its_axis_at_two_ticks_or_more() {
        let style = ChartStyle::desktop();
        let font = style.px(style.font);
        let frame = Frame {
            rect: PixelRect::new(60.0, 100.0, 1300.0, 170.0),
            x: (0.0, 240.0),
            y: (0.0, 600.0),
        };
        // The first panel of the compact layout: no label on its bottom line.
        let inside = |y: f64| y <= frame.rect.y1 - font * 0.5;
        let count = |t: &[f64]| t.iter().filter(|v| inside(frame.py(**v))).count();
        assert!(count(&y_ticks(&frame, &style)) < 2, "the case being mended");
        let ticks = labelled_y_ticks(&frame, &style, &inside);
        assert!(count(&ticks) >= 2, "{ticks:?}");
        let gap = (frame.py(ticks[0]) - frame.py(ticks[1])).abs();
        assert!(gap >= font * 1.2, "labels a line apart: {gap}");
    }

    #[test]
    fn wind_arrows_are_drawn_in_a_panel_too_short_for_their_strip() {
        let polygons = |chart: &TimeChart| {
            let mut doc = SvgDocument::new(1366, 420);
            let root = SvgBackend(&mut doc).into_drawing_area();
            let layout =
                draw_time_chart(&root, chart, &ChartView::default(), &ChartStyle::desktop())
                    .expect("drawn");
            drop(root);
            let wind = &layout.panels[1];
            let short = wind.plot.y0 <= wind.rect.y0;
            (doc.finish().matches("<polygon").count(), short)
        };
        let chart = four_panels();
        let mut without = chart.clone();
        without.panels[1].arrows = None;
        let (with_arrows, short) = polygons(&chart);
        assert!(short, "the wind panel has no strip of its own at this size");
        assert!(
            with_arrows > polygons(&without).0 + 10,
            "arrows over the values"
        );
    }

    #[test]
    fn fit_prefers_smaller_text_then_compact_layout_to_dropping_panels() {
        let chart = four_panels();
        let style = ChartStyle::desktop();
        let view = ChartView::default();
        let fit_at = |h: u32| {
            let mut doc = SvgDocument::new(1400, h);
            let root = SvgBackend(&mut doc).into_drawing_area();
            fit(&root, &chart, &view, &style).expect("fit")
        };
        let all = modes(4);
        assert_eq!(fit_at(2000), Some(all[0]), "room: the full layout");
        // Going down in height walks the modes in order: smaller text, compact, fewer rows,
        // then fewer panels; never back up.
        let mut seen = Vec::new();
        for h in (60..2000).rev().step_by(10) {
            if let Some(m) = fit_at(h)
                && seen.last() != Some(&m)
            {
                seen.push(m);
            }
        }
        let order: Vec<usize> = seen
            .iter()
            .filter_map(|m| all.iter().position(|a| a == m))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
        assert!(
            seen.iter()
                .any(|m| m.text_scale == 0.85 && !m.compact && m.panels == 4)
        );
        assert!(seen.iter().any(|m| m.compact && m.panels == 4));
        assert_eq!(
            seen.last().map(|m| m.panels),
            Some(1),
            "at last the first panel alone"
        );
        // Far too small for anything: no fit, and the chart says so rather than "no data".
        assert_eq!(fit_at(40), None);
    }
}
