//! The time chart behind the meteogram and every time-series view: stacked panels sharing one
//! time axis, AQI bands behind the values, shaded spans (weather windows, warnings, festivals),
//! point markers and a now-line, drawn against any plotters backend.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::ChartError;
use super::canvas::{CENTER, CENTER_TOP, Canvas, LEFT_CENTER, LEFT_TOP, RIGHT_CENTER, alpha};
use super::colour::{Band, WarningLevel, text_on};
use super::decimate::Point;
use super::decimate::{Bar, Decimated, Hourly, decimate, decimate_bars};
use super::geometry::{
    Frame, PixelRect, clip_polyline, clip_segment, dash, format_tick, nice_range, nice_ticks,
    round_px,
};
use super::style::ChartStyle;
use super::time_axis::{local, time_ticks};
use super::view::ChartView;
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
    Warning(WarningLevel),
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
            SpanKind::Warning(level) => level.colour(),
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
                    Swatch::Tint(WarningLevel::Orange.colour()),
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

/// Draw a time chart into `root`. `style` must already be at the backend's scale.
pub fn draw_time_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TimeChart,
    view: &ChartView,
    style: &ChartStyle,
) -> Result<TimeChartLayout, ChartError> {
    let cv = Canvas::new(root, style);
    let (w, h) = cv.size();
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let small = s(style.small_font);
    let title_font = s(style.title_font);
    let thin = style.stroke(style.thin);
    let m = s(style.margin);
    cv.clear(style.background)?;

    let mut y = m;
    if !chart.title.is_empty() {
        cv.text(&chart.title, m, y, title_font, style.text, LEFT_TOP)?;
        y += title_font * 1.4;
    }
    if !chart.subtitle.is_empty() {
        cv.text(&chart.subtitle, m, y, small, style.muted, LEFT_TOP)?;
        y += small * 1.7;
    }
    let (legend, legend_bottom) = draw_legend(
        &cv,
        &chart.legend_items(style.tr()),
        view,
        m,
        y,
        w - m,
        font,
    )?;
    y = legend_bottom + font * 0.3;

    let festivals_shown = !view.is_hidden(span_key(SpanKind::Festival))
        && chart.spans.iter().any(|s| s.kind == SpanKind::Festival);
    let annotated = chart.now.is_some() || !chart.markers.is_empty() || festivals_shown;
    let strip = (y, y + if annotated { small * 1.9 } else { 0.0 });
    y = strip.1;

    let (num_w, _) = cv.text_size("00000", font)?;
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
    let axis_h = tick + font * 2.9;
    let bottom = h - m - axis_h;
    let title_h = font * 1.55;
    let n = chart.panels.len();
    let mut layout = TimeChartLayout {
        view: view.range(chart),
        x_px: (left, right),
        panels: Vec::new(),
        legend,
        points_drawn: 0,
    };
    let avail = bottom - y - n as f64 * title_h;
    if n == 0 || avail < n as f64 * 8.0 || right - left < 20.0 {
        cv.text(
            style.tr().t(T::ChartNoData),
            w / 2.0,
            h / 2.0,
            font,
            style.muted,
            CENTER,
        )?;
        return Ok(layout);
    }
    let range = layout.view;
    let columns = (right - left).round().max(1.0) as usize;
    // Level of detail: many traces share the frame's bucket budget (never below 1/8 of a bucket
    // per column, never above one per column).
    let lines = chart
        .panels
        .iter()
        .flat_map(|p| &p.traces)
        .filter(|t| t.mark != Mark::Bars && !view.is_hidden(&t.key))
        .count()
        .max(1);
    let line_columns = (style.line_budget / lines).clamp((columns / 8).max(1), columns);
    let total_weight: f64 = chart.panels.iter().map(|p| p.weight.max(0.05)).sum();
    let time = |hour: f64| left + (hour - range.0) / (range.1 - range.0) * (right - left);

    // Room for the widest labels of the language: a two-digit hour, a date with its weekday.
    let sample = chrono::NaiveDate::from_ymd_opt(2000, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let tr = style.tr();
    let label_px = cv.text_size(&tr.time(T::ChartFmtHourTick, sample), font)?.0 + s(14.0);
    let context_px = cv
        .text_size(&tr.time(T::ChartFmtDayWeekday, sample), font)?
        .0
        + s(18.0);
    let ticks = time_ticks(
        range,
        right - left,
        chart.utc_offset_s,
        label_px,
        context_px,
        style.lang,
    );

    let mut frames: Vec<(Frame, Option<Frame>)> = Vec::with_capacity(n);
    for panel in &chart.panels {
        let top = y + title_h;
        let height = avail * panel.weight.max(0.05) / total_weight;
        let rect = PixelRect::new(left, top, right, top + height);
        y = top + height;
        let prep = prepare(panel, view, range, columns, line_columns, style.decimate);
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
        draw_panel_background(&cv, chart, view, panel, &frame, rect, &ticks, &time)?;
        layout.points_drawn += draw_panel_data(&cv, panel, &prep, &frame, right_frame.as_ref())?;
        if let Some(arrows) = &panel.arrows {
            draw_arrows(
                &cv,
                arrows,
                &frame,
                PixelRect::new(rect.x0, rect.y0, rect.x1, plot.y0),
            )?;
        }
        draw_panel_axes(
            &cv,
            panel,
            rect,
            &frame,
            right_frame.as_ref(),
            prep.left.is_none() && prep.right.is_none(),
            tick,
            thin,
            font,
        )?;
        layout.panels.push(PanelLayout {
            rect,
            plot,
            y: yl,
            y_right: right_frame.map(|f| f.y),
        });
        frames.push((frame, right_frame));
    }

    let plot_top = layout.panels.first().map_or(0.0, |p| p.rect.y0);
    let plot_bottom = layout.panels.last().map_or(0.0, |p| p.rect.y1);
    draw_spans_overlay(&cv, chart, view, &layout, &time, strip, small)?;
    draw_markers(
        &cv,
        chart,
        (left, right),
        (plot_top, plot_bottom),
        strip,
        &time,
        small,
    )?;

    // Time axis under the last panel.
    let axis_y = plot_bottom;
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
    Ok(layout)
}

fn draw_legend<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    items: &[LegendItem],
    view: &ChartView,
    x0: f64,
    y0: f64,
    x1: f64,
    font: f64,
) -> Result<(Vec<LegendHit>, f64), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let row_h = font * 1.55;
    let swatch_w = s(20.0);
    let max_rows = 3;
    let mut hits = Vec::new();
    let (mut x, mut row) = (x0, 0usize);
    if items.is_empty() {
        return Ok((hits, y0));
    }
    for (i, item) in items.iter().enumerate() {
        let (tw, _) = cv.text_size(&item.label, font)?;
        let item_w = swatch_w + s(5.0) + tw;
        if x > x0 && x + item_w > x1 {
            row += 1;
            x = x0;
        }
        if row >= max_rows {
            let rest = style.tr().f(T::ChartMore, &[&(items.len() - i)]);
            cv.text(
                &rest,
                x0,
                y0 + (max_rows as f64 - 0.5) * row_h,
                font,
                style.muted,
                LEFT_CENTER,
            )?;
            break;
        }
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
        x += item_w + s(16.0);
    }
    Ok((hits, y0 + (row.min(max_rows - 1) + 1) as f64 * row_h))
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
    panel_rect: PixelRect,
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
    let ticks = y_ticks(frame, style);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    for v in &ticks {
        let y = frame.py(*v);
        cv.line((r.x0 - tick, y), (r.x0, y), alpha(style.axis, 1.0), thin)?;
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
    let title_y = r.y0 - font * 0.8;
    cv.text(&panel.title, r.x0, title_y, font, style.text, LEFT_CENTER)?;
    if let Some(rt) = &panel.right_title {
        cv.text(rt, r.x1, title_y, font, style.muted, RIGHT_CENTER)?;
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
            let cx = ((a + b) / 2.0).clamp(r.x0 + w / 2.0, r.x1 - w / 2.0);
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
