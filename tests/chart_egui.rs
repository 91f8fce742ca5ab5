//! The egui side of the charts: the backend produces shapes in a headless context, and the widget
//! zooms, pans, resets and toggles legend items from mouse and keyboard input.

use airdesk::report::charts::{
    ChartStyle, ChartView, Hourly, Mark, Panel, Span, SpanKind, TimeChart, Trace, colour,
    draw_time_chart,
};
use airdesk::store::Hour;
use airdesk::ui::chart::{EguiBackend, TimeChartWidget, install_bundled_font};
use airdesk::workspace::Language;
use egui::epaint::Primitive;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plotters::prelude::IntoDrawingArea;

fn tiny_chart() -> TimeChart {
    let start = Hour(438_000);
    let obs: Vec<f32> = (0..72)
        .map(|h| 40.0 + (h as f32 * 0.3).sin() * 30.0)
        .collect();
    let fc: Vec<f32> = (0..48).map(|h| 60.0 + h as f32).collect();
    let mut panel = Panel::new("PM2.5（µg/m³）");
    panel.bands = colour::aqi_bands(Language::Zh);
    panel.traces.push(
        Trace::line(
            "obs",
            "实况",
            colour::series_colour(0),
            Hourly::new(start, obs),
        )
        .unit("µg/m³"),
    );
    panel.traces.push(
        Trace::line(
            "fc",
            "预报",
            colour::series_colour(1),
            Hourly::new(start + 60, fc),
        )
        .mark(Mark::Dashed)
        .unit("µg/m³"),
    );
    TimeChart {
        title: "测试站 PM2.5".to_string(),
        subtitle: "2019年12月".to_string(),
        utc_offset_s: 8 * 3600,
        panels: vec![panel],
        spans: vec![Span {
            from: start + 30,
            to: start + 50,
            kind: SpanKind::Warning(airdesk::domain::plan::Level::Orange),
            label: "橙色预警".to_string(),
            tint: None,
        }],
        markers: Vec::new(),
        now: Some(start + 66),
    }
}

fn context_with_font() -> egui::Context {
    let ctx = egui::Context::default();
    let mut defs = egui::FontDefinitions::default();
    install_bundled_font(&mut defs);
    ctx.set_fonts(defs);
    ctx
}

#[test]
fn backend_produces_meshes_and_text_in_a_headless_context() {
    let ctx = context_with_font();
    let chart = tiny_chart();
    let view = ChartView::default();
    let mut layout = None;
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(800.0, 500.0),
        )),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| {
        let rect = ui.max_rect();
        let painter = ui.painter_at(rect);
        let root = EguiBackend::new(&painter, rect).into_drawing_area();
        layout = draw_time_chart(&root, &chart, &view, &ChartStyle::desktop()).ok();
    });
    let layout = layout.expect("chart drawn");
    assert_eq!(layout.panels.len(), 1);
    assert_eq!(layout.legend.len(), 3, "two traces and the warning span");
    assert!(layout.points_drawn > 50);
    let texts = out
        .shapes
        .iter()
        .filter(|s| matches!(s.shape, egui::Shape::Text(_)))
        .count();
    assert!(texts > 10, "title, ticks and labels: {texts}");
    out.textures_delta.clear();
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    let vertices: usize = prims
        .iter()
        .map(|p| match &p.primitive {
            Primitive::Mesh(m) => m.vertices.len(),
            Primitive::Callback(_) => 0,
        })
        .sum();
    assert!(vertices > 1_000, "{vertices} vertices");
}

struct State {
    chart: TimeChart,
    view: ChartView,
}

fn harness() -> Harness<'static, State> {
    let chart = tiny_chart();
    let (a, b) = chart.extent().expect("extent");
    let state = State {
        chart,
        view: ChartView::window(a, b),
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 520.0))
        .with_context_setup(|ctx| {
            let mut defs = egui::FontDefinitions::default();
            install_bundled_font(&mut defs);
            ctx.set_fonts(defs);
        })
        .build_ui_state(
            |ui, s: &mut State| {
                TimeChartWidget::new(&s.chart, &mut s.view).show(ui);
            },
            state,
        );
    h.run();
    h
}

#[test]
fn keyboard_zooms_pans_and_resets() {
    let mut h = harness();
    let full = h.state().view.range(&h.state().chart);
    let chart_node = h.get_by_role(egui::accesskit::Role::Image);
    chart_node.click();
    h.run();
    h.key_press(egui::Key::Plus);
    h.run();
    let zoomed = h.state().view.range(&h.state().chart);
    assert!(
        zoomed.1 - zoomed.0 < (full.1 - full.0) * 0.9,
        "{zoomed:?} vs {full:?}"
    );
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let panned = h.state().view.range(&h.state().chart);
    assert!(panned.0 > zoomed.0, "{panned:?} vs {zoomed:?}");
    assert!(((panned.1 - panned.0) - (zoomed.1 - zoomed.0)).abs() < 1e-6);
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().view.x, None);
}

#[test]
fn legend_items_are_checkboxes_that_toggle_series() {
    let mut h = harness();
    h.run();
    let item = h.get_by_label("预报");
    item.click();
    h.run();
    assert!(h.state().view.is_hidden("fc"));
    h.get_by_label("预报").click();
    h.run();
    assert!(!h.state().view.is_hidden("fc"));
}
