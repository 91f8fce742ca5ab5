//! CPU cost of the desktop app's frames, tessellation included, and of a cold start.
//!
//! - `situation_frame`: one frame of the situation board (clock, 23 station tiles of Beijing,
//!   72-h area trend, cards) at 1920×1080, desktop and projector look.
//! - `data_page_frame`: the data page with the 2,026-station national table and one series.
//! - `cold_start`: a fresh egui context, the app opening its workspace, fonts and theme installed,
//!   and the first frame laid out and tessellated: what stands between `main` and the first
//!   picture, minus the window system and the GPU upload.
//!
//! - `situation_frame_sample` / `_projector`: the board on the sample scenario (Handan drill,
//!   31 days × 147 stations loaded, journal, roster, forecast windows, budget, alerts).
//! - `cold_start_sample`: the cold start on the sample workspace (what a first start shows).
//!
//! Data: the fixtures under `tests/fixtures/` (the national station list and one day of the CNEMC
//! feed for the Beijing stations) and `sample-data/`, so the benchmark runs on a machine with only
//! the project.

use std::path::{Path, PathBuf};

use airdesk::ui::command::Command;
use airdesk::ui::pages::Page;
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::{Language, Workspace};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn fixed_now() -> chrono::DateTime<chrono::Utc> {
    airdesk::clock::parse_moment("2026-11-20 09:30").unwrap_or_default()
}

struct Env {
    workspace: tempfile::TempDir,
    config: tempfile::TempDir,
}

fn env() -> Env {
    let env = Env {
        workspace: tempfile::tempdir().expect("tempdir"),
        config: tempfile::tempdir().expect("tempdir"),
    };
    let mut ws = Workspace::create(env.workspace.path()).expect("workspace");
    ws.add_data_files(&[
        fixture("stations/NewSiteList.csv"),
        fixture("gui/china_sites_20191210_beijing.csv"),
    ])
    .expect("add");
    ws.update_settings(|s| s.area = "北京".into())
        .expect("area");
    env
}

fn options(env: &Env) -> StartOptions {
    StartOptions {
        workspace: Some(env.workspace.path().to_path_buf()),
        language: Some(Language::Zh),
        drill: airdesk::clock::parse_moment("2019-12-10 14:00"),
        config_dir: Some(env.config.path().to_path_buf()),
        real_time: fixed_now,
        watch_files: false,
        file_dialogs: Some(false),
        ..StartOptions::default()
    }
}

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..RawInput::default()
    }
}

/// One frame: layout plus tessellation; returns the number of primitives so nothing is skipped.
fn frame(ctx: &egui::Context, app: &mut AirDeskApp) -> usize {
    let output = ctx.run_ui(input(), |ui| app.run_frame(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn ready_app(env: &Env, page: Page, projector: bool) -> (egui::Context, AirDeskApp) {
    let ctx = egui::Context::default();
    let mut app = AirDeskApp::new(options(env)).expect("app");
    app.prepare(&ctx);
    app.load_blocking();
    app.send(Command::Navigate(page));
    if projector {
        app.send(Command::ToggleProjector);
    }
    for _ in 0..6 {
        frame(&ctx, &mut app);
    }
    (ctx, app)
}

/// The sample installed into a temporary folder (never run in the source tree), with an officer
/// on shift so no modal covers the board.
fn sample_options(dir: &Path) -> StartOptions {
    let root = dir.join("sample");
    airdesk::workspace::sample::install(&root).expect("install sample");
    StartOptions {
        workspace: Some(root),
        language: Some(Language::Zh),
        config_dir: Some(dir.join("config")),
        real_time: fixed_now,
        watch_files: false,
        file_dialogs: Some(false),
        officer: airdesk::journal::Author::new("赵敏", "desk-1").ok(),
        ..StartOptions::default()
    }
}

fn sample_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = sample_options(dir.path());
    for (name, projector) in [
        ("situation_frame_sample", false),
        ("situation_frame_sample_projector", true),
    ] {
        let ctx = egui::Context::default();
        let mut app = AirDeskApp::new(options.clone()).expect("app");
        app.prepare(&ctx);
        app.load_blocking();
        if projector {
            app.send(Command::ToggleProjector);
        }
        for _ in 0..6 {
            frame(&ctx, &mut app);
        }
        assert!(app.data().store.value_count() > 1_000_000, "sample loaded");
        c.bench_function(name, |b| b.iter(|| frame(&ctx, &mut app)));
    }
    c.bench_function("cold_start_sample", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut app = AirDeskApp::new(options.clone()).expect("app");
            app.prepare(&ctx);
            frame(&ctx, &mut app)
        })
    });
}

fn benches(c: &mut Criterion) {
    sample_benches(c);
    let env = env();
    for (name, projector) in [
        ("situation_frame", false),
        ("situation_frame_projector", true),
    ] {
        let (ctx, mut app) = ready_app(&env, Page::Situation, projector);
        assert!(app.data().store.value_count() > 4000, "fixture data loaded");
        c.bench_function(name, |b| b.iter(|| frame(&ctx, &mut app)));
    }
    let (ctx, mut app) = ready_app(&env, Page::Data, false);
    app.pages_mut().data.selected = Some("1001A".into());
    frame(&ctx, &mut app);
    c.bench_function("data_page_frame", |b| b.iter(|| frame(&ctx, &mut app)));

    c.bench_function("cold_start", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut app = AirDeskApp::new(options(&env)).expect("app");
            app.prepare(&ctx);
            frame(&ctx, &mut app)
        })
    });
}

criterion_group! {
    name = ui;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(ui);
