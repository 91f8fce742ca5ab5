//! The interactive time chart: zoom (Ctrl+wheel, pinch, +/−, or the wheel once clicked into),
//! pan (drag, ←/→, sideways wheel), reset (Home, double-click), hover readout of time and values, clickable legend, keyboard focus and AccessKit
//! labels. The drawing is the same `draw_time_chart` the PNG and SVG exports use.

use egui::{
    Color32, CornerRadius, Id, IdSalt, Key, LayerId, Order, Pos2, Rect, Response, Sense, Stroke,
    StrokeKind, Ui, WidgetInfo, pos2,
};
use plotters::prelude::IntoDrawingArea;

use super::backend::EguiBackend;
use super::canvas::{self, to_px};
use super::readout::readout_box;
use crate::i18n::Language;
use crate::i18n::T;
use crate::i18n::Tr;
use crate::report::charts::time_axis::format_hour;
use crate::report::charts::{
    ChartStyle, ChartView, Mark, TimeChart, TimeChartLayout, draw_time_chart, span_key,
};

/// What the widget remembers between frames: where the last frame drew things.
#[derive(Clone, Default)]
struct Memory {
    layout: TimeChartLayout,
}

/// An interactive time chart over a [`TimeChart`] and the caller's [`ChartView`].
pub struct TimeChartWidget<'a> {
    chart: &'a TimeChart,
    view: &'a mut ChartView,
    style: ChartStyle,
    height: Option<f32>,
    id_salt: IdSalt,
    dense_strips: bool,
}

/// Most visible line traces drawn with anti-aliased (feathered) strips.
const FEATHER_MAX_LINES: usize = 24;

/// Share of the window moved by one arrow-key press.
const KEY_PAN: f64 = 0.15;
/// Zoom factor of one +/− key press.
const KEY_ZOOM: f64 = 0.8;

impl<'a> TimeChartWidget<'a> {
    /// A widget drawing `chart` in `view` (the caller keeps the view, e.g. in page state).
    pub fn new(chart: &'a TimeChart, view: &'a mut ChartView) -> Self {
        TimeChartWidget {
            chart,
            view,
            style: ChartStyle::desktop(),
            height: None,
            id_salt: IdSalt::new("airdesk_time_chart"),
            dense_strips: true,
        }
    }

    /// Desktop or projector style (the widget applies `pixels_per_point` itself).
    pub fn style(mut self, style: ChartStyle) -> Self {
        self.style = style;
        self
    }

    /// Height in points (default: the available height, at least 160).
    pub fn height(mut self, height: f32) -> Self {
        self.height = Some(height);
        self
    }

    /// Distinguish several charts on one page.
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = IdSalt::new(salt);
        self
    }

    /// Turn the backend's dense-line fast path off (benchmark baseline only).
    pub fn dense_strips(mut self, on: bool) -> Self {
        self.dense_strips = on;
        self
    }

    /// Lay out, handle input, draw. The response is the chart's (focus, hover, AccessKit).
    pub fn show(self, ui: &mut Ui) -> Response {
        let TimeChartWidget {
            chart,
            view,
            style,
            height,
            id_salt,
            dense_strips,
        } = self;
        let (id, rect, response) =
            canvas::allocate(ui, id_salt, height, (200.0, 160.0), Sense::click_and_drag());
        let ppp = ui.ctx().pixels_per_point();
        let memory: Option<Memory> = ui.data(|d| d.get_temp(id));

        if let Some(m) = &memory {
            handle_input(ui, &response, rect, ppp, &m.layout, chart, view);
            legend_toggles(ui, id, rect, ppp, &m.layout, view);
        }

        let painter = ui.painter_at(rect);
        // Hundreds of traces: plain strips (feathering doubles the vertices, invisible there).
        let lines = chart
            .panels
            .iter()
            .flat_map(|p| &p.traces)
            .filter(|t| t.mark != Mark::Bars && !view.is_hidden(&t.key))
            .count();
        let backend = EguiBackend::new(&painter, rect)
            .with_memory(id.with("mesh"))
            .with_dense_strips(dense_strips)
            .with_feathering(lines <= FEATHER_MAX_LINES);
        let style = style.with_scale(f64::from(ppp));
        let drawn = {
            let root = backend.into_drawing_area();
            draw_time_chart(&root, chart, view, &style)
        };
        match drawn {
            Ok(layout) => {
                if !response.dragged()
                    && let Some(pointer) = response.hover_pos()
                {
                    let at = (pointer, style.lang);
                    readout(ui, id, rect, ppp, &layout, chart, view, at);
                }
                ui.data_mut(|d| d.insert_temp(id, Memory { layout }));
            }
            Err(e) => canvas::cannot_draw(&painter, rect, style.tr(), &e),
        }
        if response.has_focus() {
            painter.rect_stroke(
                rect.shrink(1.0),
                CornerRadius::same(2),
                ui.visuals().selection.stroke,
                StrokeKind::Inside,
            );
        }
        let label = accessible_label(chart, view, style.lang);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &label));
        response
    }
}

/// The chart's title and visible period with the keys it takes, for AccessKit (and tests).
pub fn accessible_label(chart: &TimeChart, view: &ChartView, lang: Language) -> String {
    let (a, b) = view.range(chart);
    Tr(lang).f(
        T::ChartAccessible,
        &[
            &chart.title,
            &format_hour(a, chart.utc_offset_s, lang),
            &format_hour(b, chart.utc_offset_s, lang),
        ],
    )
}

fn to_points(rect: Rect, ppp: f32, r: &crate::report::charts::geometry::PixelRect) -> Rect {
    Rect::from_min_max(
        pos2(
            rect.min.x + r.x0 as f32 / ppp,
            rect.min.y + r.y0 as f32 / ppp,
        ),
        pos2(
            rect.min.x + r.x1 as f32 / ppp,
            rect.min.y + r.y1 as f32 / ppp,
        ),
    )
}

fn handle_input(
    ui: &mut Ui,
    response: &Response,
    rect: Rect,
    ppp: f32,
    layout: &TimeChartLayout,
    chart: &TimeChart,
    view: &mut ChartView,
) {
    let span_px = (layout.x_px.1 - layout.x_px.0).max(1.0);
    if response.hovered()
        && let Some(p) = response.hover_pos()
    {
        let anchor = layout.hour_at(to_px(rect, ppp, p).0);
        // The wheel scrolls the page; the chart zooms with Ctrl+wheel or a pinch, or with the
        // plain wheel once clicked into (focused).
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let wheel_zooms = response.has_focus() && scroll.y != 0.0;
        if zoom != 1.0 {
            view.zoom(chart, 1.0 / f64::from(zoom), anchor);
        } else if wheel_zooms {
            view.zoom(chart, (-f64::from(scroll.y) * 0.003).exp(), anchor);
        }
        if scroll.x != 0.0 {
            let (a, b) = view.range(chart);
            view.pan(chart, -f64::from(scroll.x * ppp) / span_px * (b - a));
        }
        // What the chart used does not also scroll the page around it.
        ui.input_mut(|i| {
            if scroll.x != 0.0 {
                i.smooth_scroll_delta.x = 0.0;
            }
            if wheel_zooms {
                i.smooth_scroll_delta.y = 0.0;
            }
        });
    }
    if response.dragged() {
        let dx = f64::from(response.drag_delta().x * ppp);
        if dx != 0.0 {
            let (a, b) = view.range(chart);
            view.pan(chart, -dx / span_px * (b - a));
        }
    }
    if response.double_clicked() {
        view.reset();
    }
    if response.clicked() || response.drag_started() {
        response.request_focus();
    }
    if response.has_focus() {
        let (left, right, zoom_in, zoom_out, home) = ui.input_mut(|i| {
            let m = egui::Modifiers::NONE;
            (
                i.consume_key(m, Key::ArrowLeft),
                i.consume_key(m, Key::ArrowRight),
                i.consume_key(m, Key::Plus) || i.consume_key(m, Key::Equals),
                i.consume_key(m, Key::Minus),
                i.consume_key(m, Key::Home),
            )
        });
        let (a, b) = view.range(chart);
        let centre = (a + b) / 2.0;
        if left {
            view.pan(chart, -(b - a) * KEY_PAN);
        }
        if right {
            view.pan(chart, (b - a) * KEY_PAN);
        }
        if zoom_in {
            view.zoom(chart, KEY_ZOOM, centre);
        }
        if zoom_out {
            view.zoom(chart, 1.0 / KEY_ZOOM, centre);
        }
        if home {
            view.reset();
        }
    }
}

fn legend_toggles(
    ui: &mut Ui,
    id: Id,
    rect: Rect,
    ppp: f32,
    layout: &TimeChartLayout,
    view: &mut ChartView,
) {
    for hit in &layout.legend {
        let r = to_points(rect, ppp, &hit.rect);
        let item = ui.interact(r, id.with(("legend", &hit.key)), Sense::click());
        let shown = !view.is_hidden(&hit.key);
        // A toggle button (pressed = shown), not a check box: it changes the view, not data, so it
        // stays available in projector mode, where no edit widget may appear.
        item.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, shown, &hit.label));
        if item.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if item.has_focus() {
            ui.painter().rect_stroke(
                r,
                CornerRadius::same(2),
                ui.visuals().selection.stroke,
                StrokeKind::Outside,
            );
        }
        if item.clicked() {
            view.toggle(&hit.key);
        }
    }
}

fn format_value(v: f32) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Crosshair, value dots and the readout box (in `lang`) at the hovered hour.
#[allow(clippy::too_many_arguments)]
fn readout(
    ui: &Ui,
    id: Id,
    rect: Rect,
    ppp: f32,
    layout: &TimeChartLayout,
    chart: &TimeChart,
    view: &ChartView,
    (pointer, lang): (Pos2, Language),
) {
    let (px, py) = to_px(rect, ppp, pointer);
    let (Some(first), Some(last)) = (layout.panels.first(), layout.panels.last()) else {
        return;
    };
    if px < layout.x_px.0 || px > layout.x_px.1 || py < first.rect.y0 || py > last.rect.y1 {
        return;
    }
    let hour = layout.hour_at(px).round();
    let x = rect.min.x + layout.px_of(hour) as f32 / ppp;
    let painter = ui
        .ctx()
        .layer_painter(LayerId::new(Order::Foreground, id.with("readout")));
    let painter = painter.with_clip_rect(rect);
    let top = rect.min.y + first.rect.y0 as f32 / ppp;
    let bottom = rect.min.y + last.rect.y1 as f32 / ppp;
    painter.line_segment(
        [pos2(x, top), pos2(x, bottom)],
        Stroke::new(1.0, Color32::from_rgba_unmultiplied(40, 40, 40, 150)),
    );
    let mut rows: Vec<(Option<Color32>, String)> = Vec::new();
    let h = hour as i64;
    for (panel, pl) in chart.panels.iter().zip(&layout.panels) {
        for t in &panel.traces {
            if view.is_hidden(&t.key) {
                continue;
            }
            let Some(v) = t.values.get(h) else { continue };
            let c = Color32::from_rgb(t.colour.0, t.colour.1, t.colour.2);
            let (y0, y1) = match (t.axis, pl.y_right) {
                (crate::report::charts::Axis::Right, Some(r)) => r,
                _ => pl.y,
            };
            if t.mark != Mark::Bars && f64::from(v) >= y0 && f64::from(v) <= y1 {
                let py = pl.plot.y1 - (f64::from(v) - y0) / (y1 - y0) * pl.plot.height();
                painter.circle_filled(pos2(x, rect.min.y + py as f32 / ppp), 3.0, c);
            }
            if t.in_legend && rows.len() < 14 {
                rows.push((
                    Some(c),
                    format!("{}  {} {}", t.label, format_value(v), t.unit),
                ));
            }
        }
    }
    for s in &chart.spans {
        if (s.from.0 as f64) <= hour && hour < s.to.0 as f64 && !view.is_hidden(span_key(s.kind)) {
            let c = s.colour();
            rows.push((Some(Color32::from_rgb(c.0, c.1, c.2)), s.label.clone()));
        }
    }
    let title = format_hour(hour, chart.utc_offset_s, lang);
    readout_box(&painter, rect, pointer, title, rows);
}
