//! CPU per frame of the regional map while an episode replays: 2,000 stations (the coordinates of
//! the national station list, `tests/fixtures/stations/NewSiteList.csv`) with interpolated shading,
//! 1920×1080. Each frame is a new hour: the stations' values change, the interpolation grid
//! (weights worked out once) is evaluated again, and the map is drawn through `EguiBackend` and
//! tessellated by egui — what the Map page does on every step of a replay.
//!
//! `cargo bench --bench map_frame` prints criterion's figures and a summary with CPU per frame.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use airdesk::ingest;
use airdesk::report::charts::colour::aqi_bands;
use airdesk::report::charts::idw::IdwGrid;
use airdesk::report::charts::projection::LocalProjection;
use airdesk::report::charts::{MapData, MapStation, Shading};
use airdesk::store::Store;
use airdesk::ui::chart::{MapWidget, install_bundled_font};
use airdesk::workspace::Language;
use criterion::{Criterion, criterion_group, criterion_main};

const STATIONS: usize = 2_000;

/// 2,000 stations at the station list's real coordinates, with synthetic AQI values.
fn base_map() -> (MapData, Vec<f32>) {
    let list =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stations/NewSiteList.csv");
    let mut store = Store::new();
    ingest::load_paths(&[list], &mut store);
    let table = store.stations();
    let lonlat: Vec<(String, String, f64, f64)> = table
        .iter()
        .filter_map(|(_, s)| Some((s.code.clone(), s.label().to_string(), s.lon?, s.lat?)))
        .take(STATIONS)
        .collect();
    let proj = LocalProjection::centred_on(lonlat.iter().map(|s| (s.2, s.3)))
        .unwrap_or(LocalProjection::new(110.0, 35.0));
    let stations: Vec<MapStation> = lonlat
        .iter()
        .enumerate()
        .map(|(i, (code, name, lon, lat))| MapStation {
            code: code.clone(),
            name: name.clone(),
            city: String::new(),
            at: proj.project(*lon, *lat),
            value: Some(40.0 + (i % 300) as f64),
            own: i < 7,
            alert: None,
        })
        .collect();
    let points: Vec<(f64, f64)> = stations.iter().map(|s| s.at).collect();
    let grid = Arc::new(IdwGrid::new(&points).expect("grid"));
    let base: Vec<f32> = (0..stations.len()).map(|i| (40 + i % 300) as f32).collect();
    let data = MapData {
        title: "区域实时 AQI（基准测试：2000 个站点，数值为合成）".to_string(),
        subtitle: String::new(),
        bands: aqi_bands(Language::Zh),
        projection: proj,
        stations,
        own_area: None,
        cities: Vec::new(),
        winds: Vec::new(),
        layers: Vec::new(),
        shading: Some(Shading {
            grid,
            values: Vec::new(),
        }),
    };
    (data, base)
}

struct Frame {
    ctx: egui::Context,
    data: MapData,
    base: Vec<f32>,
    hour: usize,
    values: Vec<f32>,
}

impl Frame {
    fn new() -> Self {
        let ctx = egui::Context::default();
        let mut defs = egui::FontDefinitions::default();
        install_bundled_font(&mut defs);
        ctx.set_fonts(defs);
        let (data, base) = base_map();
        Frame {
            ctx,
            data,
            base,
            hour: 0,
            values: Vec::new(),
        }
    }

    /// One replay step: the next hour's values, the grid evaluated, the map drawn and tessellated.
    fn run(&mut self) -> usize {
        self.hour += 1;
        let h = self.hour as f32;
        self.values.clear();
        self.values.extend(
            self.base
                .iter()
                .enumerate()
                .map(|(i, v)| v + 60.0 * ((h + i as f32 * 0.01) / 6.0).sin()),
        );
        for (s, v) in self.data.stations.iter_mut().zip(&self.values) {
            s.value = Some(f64::from(*v));
        }
        if let Some(sh) = &mut self.data.shading {
            let grid = Arc::clone(&sh.grid);
            grid.evaluate(&self.values, &mut sh.values);
        }
        let data = &self.data;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1920.0, 1080.0),
            )),
            ..Default::default()
        };
        let output = self.ctx.run_ui(input, |ui| {
            MapWidget::new(data).height(1040.0).show(ui);
        });
        common::tessellated_vertices(&self.ctx, output)
    }
}

fn bench(c: &mut Criterion) {
    let t0 = Instant::now();
    let mut frame = Frame::new();
    let setup = t0.elapsed();
    let mut group = c.benchmark_group("map_frame_2000_stations");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("replay_step_with_shading", |b| b.iter(|| frame.run()));
    group.finish();
    if std::env::args().any(|a| a == "--profile-time") {
        return;
    }
    let (wall, cpu, vertices) = common::mean_frame_time(5.0, || frame.run());
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let cells = frame
        .data
        .shading
        .as_ref()
        .map_or(0, |s| s.grid.inside_cells());
    println!(
        "\nmap_frame summary ({} stations, {} shaded cells, 1920×1080 at 1 px/pt):",
        frame.data.stations.len(),
        cells
    );
    println!(
        "  replay step (values + interpolation + draw + tessellate): CPU {}, wall {:.2} ms/frame, {vertices} vertices",
        cpu.map_or("n/a".to_string(), |d| format!("{:.2} ms", ms(d))),
        ms(wall)
    );
    println!(
        "  one-time set-up (station list, projection, grid weights): {:.0} ms",
        ms(setup)
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
