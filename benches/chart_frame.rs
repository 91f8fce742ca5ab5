//! CPU per frame of the interactive time chart with 1,000,000 points (200 stations × 5,000 hours,
//! a season of hourly data) while panning: egui frame + plotters drawing through `EguiBackend` +
//! `Context::tessellate`. Compared, in the same run, with the same frame without min/max
//! decimation (baseline), and without decimation and without the dense-strip path (every line
//! tessellated by egui, as a plotters-to-egui bridge would do).
//!
//! `cargo bench --bench chart_frame` prints criterion's figures and a summary with the ratios.

mod common;

use std::time::Duration;

use airdesk::report::charts::{
    ChartStyle, ChartView, Hourly, Panel, TimeChart, Trace, colour, from_store,
};
use airdesk::store::Hour;
use airdesk::ui::chart::{TimeChartWidget, install_bundled_font};
use airdesk::workspace::Language;
use criterion::{Criterion, criterion_group, criterion_main};

const STATIONS: usize = 200;
const HOURS: usize = 5_000;

/// Deterministic season-like data: diurnal cycle, multi-day episodes, noise, missing hours.
fn synthetic_chart() -> TimeChart {
    let start = Hour(438_000); // 2019-12-19 UTC
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut panel = Panel::new("PM2.5（µg/m³）");
    let date = chrono::NaiveDate::from_ymd_opt(2019, 12, 1).unwrap_or_default();
    panel.bands = colour::pm25_bands(date, Language::Zh);
    for s in 0..STATIONS {
        let phase = next() * 24.0;
        let level = 30.0 + next() * 50.0;
        let values: Vec<f32> = (0..HOURS)
            .map(|h| {
                if next() < 0.03 {
                    return f32::NAN;
                }
                let t = h as f64;
                let episode = (t / 170.0).sin().max(0.0).powi(3) * 180.0;
                let diurnal = ((t + phase) / 24.0 * std::f64::consts::TAU).sin() * 15.0;
                (level + episode + diurnal + next() * 25.0).max(1.0) as f32
            })
            .collect();
        let t = Trace::line(
            &format!("s{s}"),
            &format!("站点{s}"),
            colour::series_colour(s),
            Hourly::new(start, values),
        )
        .width(0.5);
        panel.traces.push(if s < 3 { t } else { t.no_legend() });
    }
    TimeChart {
        title: "200 个站点 PM2.5 逐时（基准测试数据）".to_string(),
        subtitle: "100 万个点".to_string(),
        utc_offset_s: 8 * 3600,
        spans: from_store::festival_spans(start, start + HOURS as i64, 8 * 3600, Language::Zh),
        panels: vec![panel],
        markers: Vec::new(),
        now: None,
    }
}

struct Frame {
    ctx: egui::Context,
    chart: TimeChart,
    view: ChartView,
    step: f64,
}

impl Frame {
    fn new() -> Self {
        let ctx = egui::Context::default();
        let mut defs = egui::FontDefinitions::default();
        install_bundled_font(&mut defs);
        ctx.set_fonts(defs);
        let chart = synthetic_chart();
        let (a, b) = chart.extent().unwrap_or((0.0, 1.0));
        Frame {
            ctx,
            view: ChartView::window(a, b),
            chart,
            step: 1.0,
        }
    }

    fn input() -> egui::RawInput {
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 900.0),
            )),
            ..Default::default()
        }
    }

    /// One frame while panning: move the window a little, draw, tessellate.
    fn run(&mut self, decimate: bool, strips: bool) -> usize {
        self.view.pan(&self.chart, self.step);
        self.step = -self.step;
        let style = ChartStyle {
            decimate,
            ..ChartStyle::desktop()
        };
        let (chart, view) = (&self.chart, &mut self.view);
        let output = self.ctx.run_ui(Self::input(), |ui| {
            TimeChartWidget::new(chart, view)
                .style(style.clone())
                .height(860.0)
                .dense_strips(strips)
                .show(ui);
        });
        common::tessellated_vertices(&self.ctx, output)
    }
}

/// Mean wall and CPU time per frame over at least `min_secs` of frames.
fn mean_time(
    frame: &mut Frame,
    decimate: bool,
    strips: bool,
    min_secs: f64,
) -> (Duration, Option<Duration>, usize) {
    common::mean_frame_time(min_secs, || frame.run(decimate, strips))
}

fn bench(c: &mut Criterion) {
    let mut frame = Frame::new();
    let mut group = c.benchmark_group("chart_frame_1M_points");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("decimated", |b| b.iter(|| frame.run(true, true)));
    group.sample_size(10);
    group.bench_function("no_decimation", |b| b.iter(|| frame.run(false, true)));
    group.bench_function("no_decimation_egui_tessellated", |b| {
        b.iter(|| frame.run(false, false))
    });
    group.finish();
    if std::env::args().any(|a| a == "--profile-time") {
        return;
    }

    let (fast, fast_cpu, v_fast) = mean_time(&mut frame, true, true, 4.0);
    let (slow, slow_cpu, v_slow) = mean_time(&mut frame, false, true, 4.0);
    let (naive, naive_cpu, v_naive) = mean_time(&mut frame, false, false, 4.0);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let cpu = |d: Option<Duration>| d.map_or("n/a".to_string(), |d| format!("{:.2} ms", ms(d)));
    println!(
        "\nchart_frame summary (200 stations × 5,000 hours = 1,000,000 points, 1600×900 at 1 px/pt):"
    );
    println!(
        "  decimated (min/max per column):        CPU {:>9}, wall {:8.2} ms/frame, {v_fast} vertices",
        cpu(fast_cpu),
        ms(fast)
    );
    println!(
        "  no decimation:                         CPU {:>9}, wall {:8.2} ms/frame, {v_slow} vertices",
        cpu(slow_cpu),
        ms(slow)
    );
    println!(
        "  no decimation, egui-tessellated lines: CPU {:>9}, wall {:8.2} ms/frame, {v_naive} vertices",
        cpu(naive_cpu),
        ms(naive)
    );
    let ratio = |a: Option<Duration>, b: Option<Duration>, wa: Duration, wb: Duration| match (a, b)
    {
        (Some(a), Some(b)) if !b.is_zero() => ms(a) / ms(b),
        _ => ms(wa) / ms(wb),
    };
    println!(
        "  ratio no-decimation / decimated:       {:8.1}×",
        ratio(slow_cpu, fast_cpu, slow, fast)
    );
    println!(
        "  ratio egui-tessellated / decimated:    {:8.1}×",
        ratio(naive_cpu, fast_cpu, naive, fast)
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
