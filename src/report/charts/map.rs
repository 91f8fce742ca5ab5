//! The regional map: every station at its coordinates as a dot in its AQI category colour (or
//! PM2.5 band) with its value, the desk's own area outlined and named, city names at their
//! stations' centroid, wind arrows where weather data have wind, the 爆表 and above-neighbour
//! stations marked, an optional inverse-distance shading between stations (labelled as
//! interpolation), the centre's base layers underneath, and a graticule, distance scale and north
//! arrow — nothing bundled for the national territory.
//!
//! Projection: [`LocalProjection`] (equirectangular about the stations' middle; the scale bar holds
//! at the middle latitude, which the map says). One definition, drawn on screen and to PNG/SVG.

use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::ChartError;
use super::canvas::{CENTER, Canvas, LEFT_BOTTOM, LEFT_CENTER, LEFT_TOP, alpha};
use super::colour::Band;
use super::geometry::PixelRect;
use super::idw::IdwGrid;
use super::projection::{LocalProjection, MapFrame, nice_step};
use super::style::ChartStyle;
use crate::i18n::T;

/// Why a station is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapAlert {
    /// 爆表: AQI at the top of the scale.
    Burst,
    /// Well above its neighbours.
    AboveNeighbours,
}

/// One station on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapStation {
    /// Station code.
    pub code: String,
    /// Name (the code when unknown).
    pub name: String,
    /// City (the station list's city), empty when unknown.
    pub city: String,
    /// Projected position, km.
    pub at: (f64, f64),
    /// The value at the map's hour.
    pub value: Option<f64>,
    /// Whether it belongs to the desk's own area.
    pub own: bool,
    /// Its alert at the map's hour.
    pub alert: Option<MapAlert>,
}

/// Wind at a place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapWind {
    /// Projected position, km.
    pub at: (f64, f64),
    /// Direction the wind blows from, degrees clockwise from north; `None` when variable.
    pub from_deg: Option<f64>,
    /// Speed, m/s (`None`: direction only).
    pub speed: Option<f64>,
}

/// A base layer, projected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapLayer {
    /// Lines and polygon rings, km.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Point features, km.
    pub points: Vec<(f64, f64)>,
    /// Feature names at an interior point, km.
    pub labels: Vec<(String, (f64, f64))>,
}

/// The interpolated shading: the grid and its values at the map's hour.
#[derive(Debug, Clone, PartialEq)]
pub struct Shading {
    /// The grid (weights worked out once for the station layout).
    pub grid: Arc<IdwGrid>,
    /// One value per cell (row-major from the north-west), NaN where empty.
    pub values: Vec<f32>,
}

/// Everything the map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct MapData {
    /// Title (`区域空气质量 2019-12-22 10:00`).
    pub title: String,
    /// Subtitle (what the values are, the data).
    pub subtitle: String,
    /// Colour bands of the values.
    pub bands: Vec<Band>,
    /// The projection the positions are in.
    pub projection: LocalProjection,
    /// The stations.
    pub stations: Vec<MapStation>,
    /// The desk's own area: name and outline (km), when chosen.
    pub own_area: Option<(String, Vec<(f64, f64)>)>,
    /// City names at their stations' centroid (km).
    pub cities: Vec<(String, (f64, f64))>,
    /// Wind arrows.
    pub winds: Vec<MapWind>,
    /// Base layers, drawn under everything else.
    pub layers: Vec<MapLayer>,
    /// Interpolated shading, when switched on.
    pub shading: Option<Shading>,
}

/// A dot drawn: station index, pixel centre and radius.
pub type Dot = (usize, (f64, f64), f64);

/// Where the map landed, to find the station under the pointer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapLayout {
    /// The km ↔ pixel mapping, when a map was drawn.
    pub frame: Option<MapFrame>,
    /// Every dot drawn.
    pub dots: Vec<Dot>,
}

impl MapLayout {
    /// The station whose dot is under (or nearest within `slack` pixels of) `p`.
    pub fn station_at(&self, p: (f64, f64), slack: f64) -> Option<usize> {
        self.dots
            .iter()
            .map(|&(i, c, r)| (i, (c.0 - p.0).hypot(c.1 - p.1) - r))
            .filter(|&(_, d)| d <= slack)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

const WATER_GREY: RGBColor = RGBColor(244, 246, 248);
const GRATICULE: RGBColor = RGBColor(205, 210, 217);
const LAYER_LINE: RGBColor = RGBColor(120, 128, 140);
const MISSING_DOT: RGBColor = RGBColor(190, 194, 200);
const OWN_AREA: RGBColor = RGBColor(20, 70, 160);
const WIND: RGBColor = RGBColor(35, 45, 60);
const BURST_RING: RGBColor = RGBColor(0, 0, 0);
const ABOVE_RING: RGBColor = RGBColor(0, 95, 210);
/// Opacity of the interpolated shading.
const SHADING_ALPHA: f64 = 0.42;

/// Draw the map into `root`. `style` must already be at the backend's scale.
pub fn draw_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &MapData,
    style: &ChartStyle,
) -> Result<MapLayout, ChartError> {
    let cv = Canvas::new(root, style);
    let tr = style.tr();
    let (w, h) = cv.size();
    let s = |u: f64| style.px(u);
    let (font, small, m) = (s(style.font), s(style.small_font), s(style.margin));
    cv.clear(style.background)?;
    let y = cv.heading(&data.title, &data.subtitle)?;
    let mut layout = MapLayout::default();
    if data.stations.is_empty() {
        cv.centred_note(tr.t(T::MapNoStations), w, h, font, style.muted)?;
        return Ok(layout);
    }
    let legend_h = font * (0.5 + 1.25 * LEGEND_ROWS) + small * 1.4;
    let rect = PixelRect::new(m, y, w - m, h - m - legend_h);
    if rect.width() < s(120.0) || rect.height() < s(80.0) {
        cv.centred_note(tr.t(T::ChartTooSmall), w, h, font, style.muted)?;
        return Ok(layout);
    }
    let frame = MapFrame::fit(inset(rect, s(24.0)), extent(data));
    layout.frame = Some(frame);
    cv.fill_rect(rect, alpha(WATER_GREY, 1.0))?;
    if let Some(shading) = &data.shading {
        draw_shading(&cv, &frame, rect, shading, &data.bands)?;
    }
    draw_graticule(&cv, &frame, rect, &data.projection)?;
    for layer in &data.layers {
        draw_layer(&cv, &frame, rect, layer)?;
    }
    if let Some((name, outline)) = &data.own_area {
        let pts: Vec<(f64, f64)> = outline.iter().map(|&p| frame.px(p)).collect();
        cv.polyline(&pts, alpha(OWN_AREA, 0.9), style.stroke(style.line * 1.3))?;
        if let Some(top) = pts.iter().min_by(|a, b| a.1.total_cmp(&b.1)) {
            cv.label_box(
                name,
                (top.0, top.1 - font * 0.9),
                font,
                OWN_AREA,
                alpha(style.background, 0.85),
            )?;
        }
    }
    let own_name = data.own_area.as_ref().map(|(n, _)| n.as_str());
    for (name, at) in &data.cities {
        let p = frame.px(*at);
        if rect.contains(p.0, p.1) && own_name != Some(name.as_str()) {
            cv.text(name, p.0, p.1 - s(14.0), small * 1.05, style.muted, CENTER)?;
        }
    }
    layout.dots = draw_stations(&cv, &frame, rect, data)?;
    for wind in &data.winds {
        draw_wind(&cv, frame.px(wind.at), wind)?;
    }
    draw_scale_and_north(&cv, &frame, rect, &data.projection)?;
    draw_legend(&cv, data, m, rect.y1 + font * 0.5, w - 2.0 * m)?;
    Ok(layout)
}

fn inset(r: PixelRect, by: f64) -> PixelRect {
    PixelRect::new(r.x0 + by, r.y0 + by, r.x1 - by, r.y1 - by)
}

/// The stations' extent in km.
fn extent(data: &MapData) -> (f64, f64, f64, f64) {
    data.stations.iter().fold(
        (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
        |(a, b, c, d), st| {
            (
                a.min(st.at.0),
                b.min(st.at.1),
                c.max(st.at.0),
                d.max(st.at.1),
            )
        },
    )
}

/// The shading as horizontal runs of one band per grid row (a few thousand rectangles rather
/// than 40,000 cells).
fn draw_shading<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    frame: &MapFrame,
    clip: PixelRect,
    shading: &Shading,
    bands: &[Band],
) -> Result<(), ChartError> {
    let g = &shading.grid;
    let band_of = |v: f32| -> Option<usize> {
        if !v.is_finite() {
            return None;
        }
        let v = f64::from(v);
        bands
            .iter()
            .position(|b| v <= b.hi)
            .or_else(|| bands.len().checked_sub(1))
    };
    // Cell edges in whole pixels from one formula, so neighbouring runs neither overlap (a
    // darker seam where two translucent fills meet) nor leave gaps.
    let x_edge = |col: usize| (frame.px((g.x0 + col as f64 * g.cell_km, 0.0)).0).round();
    let y_edge = |row: usize| (frame.px((0.0, g.y1 - row as f64 * g.cell_km)).1).round();
    for row in 0..g.rows {
        let (top, bottom) = (y_edge(row).max(clip.y0), y_edge(row + 1).min(clip.y1));
        if bottom <= top {
            continue;
        }
        let mut col = 0;
        while col < g.cols {
            let band = band_of(shading.values[row * g.cols + col]);
            let start = col;
            while col < g.cols && band_of(shading.values[row * g.cols + col]) == band {
                col += 1;
            }
            let Some(b) = band else { continue };
            let r = PixelRect::new(
                x_edge(start).max(clip.x0),
                top,
                x_edge(col).min(clip.x1),
                bottom,
            );
            cv.fill_rect(r, alpha(bands[b].colour, SHADING_ALPHA))?;
        }
    }
    Ok(())
}

fn draw_graticule<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    frame: &MapFrame,
    rect: PixelRect,
    proj: &LocalProjection,
) -> Result<(), ChartError> {
    let style = cv.style;
    let small = style.px(style.small_font);
    let (west, south) = proj.unproject(
        frame.km((rect.x0, rect.y1)).0,
        frame.km((rect.x0, rect.y1)).1,
    );
    let (east, north) = proj.unproject(
        frame.km((rect.x1, rect.y0)).0,
        frame.km((rect.x1, rect.y0)).1,
    );
    let step = nice_step((east - west).max(north - south) / 6.0);
    let c = alpha(GRATICULE, 1.0);
    let width = style.stroke(style.thin);
    let mut lon = (west / step).ceil() * step;
    while lon <= east {
        let x = frame.px(proj.project(lon, proj.lat0)).0;
        cv.line((x, rect.y0), (x, rect.y1), c, width)?;
        let label = degrees(lon, 'E', 'W', step);
        cv.text(
            &label,
            x + small * 0.3,
            rect.y0 + small * 0.3,
            small,
            style.muted,
            LEFT_TOP,
        )?;
        lon += step;
    }
    let mut lat = (south / step).ceil() * step;
    while lat <= north {
        let yy = frame.px(proj.project(proj.lon0, lat)).1;
        cv.line((rect.x0, yy), (rect.x1, yy), c, width)?;
        let label = degrees(lat, 'N', 'S', step);
        cv.text(
            &label,
            rect.x0 + small * 0.3,
            yy - small * 0.2,
            small,
            style.muted,
            LEFT_BOTTOM,
        )?;
        lat += step;
    }
    cv.stroke_rect(rect, alpha(style.axis, 1.0), style.stroke(style.thin))
}

/// `114.5°E`, with as many decimals as the step needs.
fn degrees(v: f64, pos: char, neg: char, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    };
    let hemi = if v >= 0.0 { pos } else { neg };
    format!("{:.*}°{hemi}", decimals, v.abs())
}

fn draw_layer<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    frame: &MapFrame,
    rect: PixelRect,
    layer: &MapLayer,
) -> Result<(), ChartError> {
    let style = cv.style;
    let c = alpha(LAYER_LINE, 0.85);
    let width = style.stroke(style.thin);
    for line in &layer.lines {
        let pts: Vec<(f64, f64)> = line.iter().map(|&p| frame.px(p)).collect();
        for piece in super::geometry::clip_polyline(&pts, &rect) {
            cv.polyline(&piece, c, width)?;
        }
    }
    let r = style.px(2.0);
    for &p in &layer.points {
        let q = frame.px(p);
        if rect.contains(q.0, q.1) {
            cv.fill_rect(
                PixelRect::new(q.0 - r, q.1 - r, q.0 + r, q.1 + r),
                alpha(LAYER_LINE, 1.0),
            )?;
        }
    }
    let small = style.px(style.small_font);
    for (name, at) in &layer.labels {
        let q = frame.px(*at);
        if rect.contains(q.0, q.1) {
            cv.text(name, q.0, q.1, small, LAYER_LINE, CENTER)?;
        }
    }
    Ok(())
}

/// An arrow through the place pointing where the wind goes, longer for stronger wind, with the
/// speed beside it; a circle for calm.
fn draw_wind<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    at: (f64, f64),
    wind: &MapWind,
) -> Result<(), ChartError> {
    let style = cv.style;
    let unit = style.px(style.font);
    let colour = alpha(WIND, 0.9);
    let speed = wind.speed.unwrap_or(2.0);
    let Some(from_deg) = wind.from_deg.filter(|_| speed >= 0.5) else {
        // Calm or variable.
        return cv.circle(at, unit * 0.35, colour, false);
    };
    let half = unit * (0.6 + 0.12 * speed.min(12.0));
    let head = unit * 0.45;
    let to = (from_deg + 180.0).to_radians();
    let (ux, uy) = (to.sin(), -to.cos());
    let tail = (at.0 - ux * half, at.1 - uy * half);
    let tip = (at.0 + ux * half, at.1 + uy * half);
    let base = (tip.0 - ux * head, tip.1 - uy * head);
    let (nx, ny) = (-uy, ux);
    cv.line(tail, base, colour, style.stroke(style.line))?;
    cv.polygon(
        &[
            tip,
            (base.0 + nx * head * 0.5, base.1 + ny * head * 0.5),
            (base.0 - nx * head * 0.5, base.1 - ny * head * 0.5),
        ],
        colour,
    )?;
    if let Some(v) = wind.speed {
        let small = style.px(style.small_font) * 0.9;
        cv.text(&format!("{v:.1}"), tail.0, tail.1, small, WIND, CENTER)?;
    }
    Ok(())
}

/// Dots in draw order (missing first, then by value, own area and alerts last so they stay on
/// top) and value labels where they do not collide.
fn draw_stations<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    frame: &MapFrame,
    rect: PixelRect,
    data: &MapData,
) -> Result<Vec<Dot>, ChartError> {
    let style = cv.style;
    let small = style.px(style.small_font);
    let visible: Vec<usize> = (0..data.stations.len())
        .filter(|&i| {
            let p = frame.px(data.stations[i].at);
            rect.contains(p.0, p.1)
        })
        .collect();
    let dense = visible.len() > 300;
    let r = if dense { style.px(3.5) } else { style.px(5.5) };
    let mut order = visible;
    let rank = |st: &MapStation| (st.own || st.alert.is_some(), st.value.unwrap_or(f64::MIN));
    order.sort_by(|&a, &b| {
        let (ra, rb) = (rank(&data.stations[a]), rank(&data.stations[b]));
        ra.0.cmp(&rb.0).then(ra.1.total_cmp(&rb.1))
    });
    let mut dots = Vec::with_capacity(order.len());
    for &i in &order {
        let st = &data.stations[i];
        let p = frame.px(st.at);
        let fill = st
            .value
            .and_then(|v| Band::find(&data.bands, v))
            .map_or(MISSING_DOT, |b| b.colour);
        cv.circle(p, r, alpha(fill, 1.0), true)?;
        // A dense map (hundreds of dots) outlines only the own area's: half the shapes.
        if st.own {
            cv.circle(p, r, alpha(OWN_AREA, 0.9), false)?;
        } else if !dense {
            cv.circle(p, r, alpha(RGBColor(90, 95, 105), 0.9), false)?;
        }
        match st.alert {
            Some(MapAlert::Burst) => {
                cv.circle(p, r + style.px(3.0), alpha(BURST_RING, 1.0), false)?
            }
            Some(MapAlert::AboveNeighbours) => {
                cv.circle(p, r + style.px(3.0), alpha(ABOVE_RING, 1.0), false)?
            }
            None => {}
        }
        dots.push((i, p, r));
    }
    // Labels: own area and alerts first, then the highest values, where there is room.
    let mut taken = Occupancy::new(style.px(12.0));
    for &i in order.iter().rev() {
        let st = &data.stations[i];
        let Some(v) = st.value else { continue };
        let p = frame.px(st.at);
        let text = format!("{v:.0}");
        let (tw, th) = cv.text_size(&text, small)?;
        let b = PixelRect::new(
            p.0 + r + 1.0,
            p.1 - th / 2.0,
            p.0 + r + 3.0 + tw,
            p.1 + th / 2.0,
        );
        if taken.is_taken(&b) || !rect.contains(b.x1, b.y1) {
            continue;
        }
        let fill = Band::find(&data.bands, v).map_or(MISSING_DOT, |bd| bd.colour);
        cv.fill_rect(b, alpha(style.background, 0.75))?;
        cv.text(
            &text,
            b.x0 + 1.0,
            p.1,
            small,
            label_colour(fill),
            LEFT_CENTER,
        )?;
        taken.take(&b);
        if taken.count > MAX_LABELS {
            break;
        }
    }
    Ok(dots)
}

/// Most value labels written on one map.
const MAX_LABELS: usize = 400;

/// Which cells of a coarse pixel grid labels already cover, so a label is placed only where it
/// meets none (cheap for thousands of stations).
struct Occupancy {
    cell: f64,
    cells: std::collections::HashSet<(i64, i64)>,
    count: usize,
}

impl Occupancy {
    fn new(cell: f64) -> Self {
        Occupancy {
            cell: cell.max(1.0),
            cells: std::collections::HashSet::new(),
            count: 0,
        }
    }

    fn span(&self, r: &PixelRect) -> impl Iterator<Item = (i64, i64)> + use<> {
        let c = self.cell;
        let (x0, x1) = ((r.x0 / c).floor() as i64, (r.x1 / c).floor() as i64);
        let (y0, y1) = ((r.y0 / c).floor() as i64, (r.y1 / c).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn is_taken(&self, r: &PixelRect) -> bool {
        self.span(r).any(|k| self.cells.contains(&k))
    }

    fn take(&mut self, r: &PixelRect) {
        let keys: Vec<(i64, i64)> = self.span(r).collect();
        self.cells.extend(keys);
        self.count += 1;
    }
}

/// A readable text colour for a value of band colour `c`: yellow and green are too pale on white.
fn label_colour(c: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = c;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma > 150.0 {
        RGBColor(
            (f64::from(r) * 0.45) as u8,
            (f64::from(g) * 0.45) as u8,
            (f64::from(b) * 0.45) as u8,
        )
    } else {
        c
    }
}

fn draw_scale_and_north<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    frame: &MapFrame,
    rect: PixelRect,
    proj: &LocalProjection,
) -> Result<(), ChartError> {
    let style = cv.style;
    let tr = style.tr();
    let (font, small) = (style.px(style.font), style.px(style.small_font));
    let km = nice_step(rect.width() / frame.scale / 5.0);
    let len = km * frame.scale;
    let (x0, y0) = (rect.x0 + font, rect.y1 - font * 1.2);
    let c = alpha(style.text, 1.0);
    let width = style.stroke(style.line);
    cv.fill_rect(
        PixelRect::new(
            x0 - small * 0.4,
            y0 - font * 1.5,
            x0 + len + font * 3.0,
            y0 + small * 0.6,
        ),
        alpha(style.background, 0.8),
    )?;
    cv.line((x0, y0), (x0 + len, y0), c, width)?;
    for x in [x0, x0 + len / 2.0, x0 + len] {
        cv.line((x, y0), (x, y0 - small * 0.5), c, width)?;
    }
    cv.text(
        &format!("{km:.0} km"),
        x0 + len + small * 0.5,
        y0,
        small,
        style.text,
        LEFT_CENTER,
    )?;
    cv.text(
        &tr.f(T::MapScaleAt, &[&format!("{:.1}", proj.lat0)]),
        x0,
        y0 - font * 1.2,
        small * 0.85,
        style.muted,
        LEFT_TOP,
    )?;
    // North arrow, top right.
    let (nx, ny) = (rect.x1 - font * 1.6, rect.y0 + font * 1.2);
    let size = font * 1.1;
    cv.polygon(
        &[
            (nx, ny),
            (nx - size * 0.45, ny + size * 1.3),
            (nx, ny + size),
            (nx + size * 0.45, ny + size * 1.3),
        ],
        c,
    )?;
    cv.text(
        tr.t(T::MapNorth),
        nx,
        ny + size * 1.9,
        font,
        style.text,
        CENTER,
    )
}

/// Rows the legend may take: its swatches flow into a second row on a narrow map.
const LEGEND_ROWS: f64 = 2.0;

/// The legend: a swatch per band, no data, the two alert rings and the wind arrow, flowing into
/// rows within `width`; then the notes (interpolation, projection).
fn draw_legend<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    data: &MapData,
    x0: f64,
    y0: f64,
    width: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let tr = style.tr();
    let (font, small) = (style.px(style.font), style.px(style.small_font));
    let r = font * 0.4;
    let row_h = font * 1.25;
    let mut items: Vec<(Option<RGBColor>, Option<RGBColor>, String)> = data
        .bands
        .iter()
        .map(|b| (Some(b.colour), None, b.label.clone()))
        .collect();
    items.push((Some(MISSING_DOT), None, tr.t(T::ChartNoData).to_string()));
    items.push((
        Some(MISSING_DOT),
        Some(BURST_RING),
        tr.t(T::MapBurst).to_string(),
    ));
    items.push((
        Some(MISSING_DOT),
        Some(ABOVE_RING),
        tr.t(T::MapAboveNeighbours).to_string(),
    ));
    if !data.winds.is_empty() {
        items.push((None, None, tr.t(T::MapWindLegend).to_string()));
    }
    let (mut x, mut y) = (x0, y0);
    for (fill, ring, label) in &items {
        let w = r * 2.0 + small * 0.8 + cv.text_size(label, small)?.0 + font * 0.6;
        if x + w > x0 + width && x > x0 && y + row_h < y0 + row_h * LEGEND_ROWS {
            (x, y) = (x0, y + row_h);
        }
        let c = (x + r, y + font * 0.5);
        if let Some(colour) = fill {
            cv.circle(c, r, alpha(*colour, 1.0), true)?;
        }
        if let Some(ring) = ring {
            cv.circle(c, r + style.px(2.5), alpha(*ring, 1.0), false)?;
        }
        let (tx, colour) = if fill.is_some() {
            (x + r * 2.0 + small * 0.4, style.text)
        } else {
            (x, WIND)
        };
        cv.text(label, tx, c.1, small, colour, LEFT_CENTER)?;
        x += w;
    }
    let mut notes = vec![tr.f(
        T::MapProjection,
        &[
            &format!("{:.1}", data.projection.lon0),
            &format!("{:.1}", data.projection.lat0),
        ],
    )];
    if data.shading.is_some() {
        notes.insert(0, tr.t(T::MapShadingNote).to_string());
    }
    cv.text(
        &notes.join("  ·  "),
        x0,
        y + row_h,
        small * 0.9,
        style.muted,
        LEFT_TOP,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts::colour::aqi_bands;
    use crate::report::charts::{Chart, png_bytes, svg_string};
    use crate::workspace::Language;
    use plotters::prelude::IntoDrawingArea;

    /// Synthetic: a 3 × 3 lattice of stations 50 km apart, values rising to the east.
    fn data(shading: bool) -> MapData {
        let mut stations = Vec::new();
        for i in 0..3 {
            for j in 0..3 {
                stations.push(MapStation {
                    code: format!("S{i}{j}"),
                    name: format!("站{i}{j}"),
                    city: if i == 0 { "甲" } else { "乙" }.to_string(),
                    at: (f64::from(i) * 50.0, f64::from(j) * 50.0),
                    value: (i + j != 4).then(|| f64::from(60 + 80 * i)),
                    own: i == 0,
                    alert: (i == 2 && j == 0).then_some(MapAlert::Burst),
                });
            }
        }
        let points: Vec<(f64, f64)> = stations.iter().map(|s| s.at).collect();
        let values: Vec<f32> = stations
            .iter()
            .map(|s| s.value.map_or(f32::NAN, |v| v as f32))
            .collect();
        let grid = Arc::new(IdwGrid::new(&points).expect("grid"));
        let mut out = Vec::new();
        grid.evaluate(&values, &mut out);
        MapData {
            title: "测试".into(),
            subtitle: String::new(),
            bands: aqi_bands(Language::Zh),
            projection: LocalProjection::new(114.0, 37.0),
            stations,
            own_area: Some((
                "甲".into(),
                vec![(-10.0, -10.0), (10.0, -10.0), (10.0, 110.0)],
            )),
            cities: vec![("乙".into(), (75.0, 50.0))],
            winds: vec![MapWind {
                at: (25.0, 25.0),
                from_deg: Some(315.0),
                speed: Some(3.0),
            }],
            layers: vec![MapLayer {
                lines: vec![vec![(-20.0, -20.0), (120.0, 120.0)]],
                points: vec![(30.0, 30.0)],
                labels: vec![("区".into(), (60.0, 60.0))],
            }],
            shading: shading.then_some(Shading { grid, values: out }),
        }
    }

    #[test]
    fn draws_every_station_and_finds_the_one_under_the_pointer() {
        let d = data(true);
        let mut svg = crate::report::charts::SvgDocument::new(900, 700);
        let layout = {
            let root = crate::report::charts::SvgBackend(&mut svg).into_drawing_area();
            draw_map(&root, &d, &ChartStyle::desktop()).expect("draw")
        };
        assert_eq!(layout.dots.len(), 9);
        let frame = layout.frame.expect("frame");
        // North up: the station at y = 100 km is above the one at y = 0.
        assert!(frame.px((0.0, 100.0)).1 < frame.px((0.0, 0.0)).1);
        let p = frame.px(d.stations[4].at);
        assert_eq!(layout.station_at(p, 2.0), Some(4));
        assert_eq!(layout.station_at((p.0 + 200.0, p.1 + 200.0), 2.0), None);
        let text = svg.finish();
        assert!(text.contains("插值"), "the shading says it is interpolated");
        assert!(png_bytes(Chart::Map(&d), 640, 480, &ChartStyle::projector()).is_ok());
        let plain =
            svg_string(Chart::Map(&data(false)), 900, 700, &ChartStyle::desktop()).expect("svg");
        assert!(!plain.contains("插值"), "no shading, no shading note");
    }

    #[test]
    fn no_stations_or_no_room_is_a_note_not_a_panic() {
        let mut d = data(false);
        d.stations.clear();
        let svg = svg_string(Chart::Map(&d), 400, 300, &ChartStyle::desktop()).expect("svg");
        assert!(svg.contains("没有带坐标的站点"));
        let svg = svg_string(Chart::Map(&data(true)), 100, 80, &ChartStyle::desktop());
        assert!(svg.is_ok());
    }
}
