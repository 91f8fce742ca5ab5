//! Shared set-up of the app tests: a temporary workspace, a temporary config folder, a fixed drill
//! clock, and a harness that drives the real app.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use egui_kittest::Harness;

/// The fixtures folder.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A fixed real time, so every run sees the same clock.
pub fn fixed_now() -> chrono::DateTime<chrono::Utc> {
    airdesk::clock::parse_moment("2026-11-20 09:30").unwrap_or_default()
}

/// A temporary workspace and config folder, kept alive with the harness.
pub struct Env {
    pub workspace: tempfile::TempDir,
    pub config: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            workspace: tempfile::tempdir().expect("tempdir"),
            config: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// Start options for this environment: drill clock at 2019-12-10 14:00 CST (the fixtures' day).
    pub fn options(&self, language: Language) -> StartOptions {
        StartOptions {
            workspace: Some(self.workspace.path().to_path_buf()),
            language: Some(language),
            drill: airdesk::clock::parse_moment("2019-12-10 14:00"),
            config_dir: Some(self.config.path().to_path_buf()),
            real_time: fixed_now,
            watch_files: false,
            // The shift modal has its own tests (ui_desk.rs); elsewhere the officer is known.
            officer: airdesk::journal::Author::new("张伟", "desk-1").ok(),
            ..StartOptions::default()
        }
    }
}

impl Env {
    /// Start options for a first start on the bundled sample drill (no workspace given, none
    /// opened before), with `officer` at the desk when given.
    pub fn sample_options(&self, language: Language, officer: Option<&str>) -> StartOptions {
        StartOptions {
            officer: officer.and_then(|o| airdesk::journal::Author::new(o, "desk-1").ok()),
            workspace: None,
            language: Some(language),
            config_dir: Some(self.config.path().to_path_buf()),
            real_time: fixed_now,
            watch_files: false,
            ..StartOptions::default()
        }
    }
}

/// A harness driving the whole app at `size`.
pub fn harness(app: AirDeskApp, size: (f32, f32)) -> Harness<'static, AirDeskApp> {
    Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut AirDeskApp| app.run_frame(ui), app)
}

/// Step until the background load and the pages' jobs (exports, hashing, imports) have finished
/// (30 s at most), then settle.
pub fn settle(h: &mut Harness<'static, AirDeskApp>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    h.step();
    while h.state().is_busy() {
        assert!(Instant::now() < deadline, "background work did not finish");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
}

/// An app on a fresh workspace that references `files`.
pub fn app_with(env: &Env, language: Language, files: &[PathBuf]) -> AirDeskApp {
    let mut app = AirDeskApp::new(env.options(language)).expect("app");
    if !files.is_empty() {
        let mut ws = airdesk::workspace::Workspace::open(env.workspace.path()).expect("open");
        ws.add_data_files(files).expect("add");
        ws.update_settings(|s| s.area = "北京".into())
            .expect("area");
        app = AirDeskApp::new(env.options(language)).expect("app");
    }
    app
}

/// `word/document.xml` of a written .docx.
pub fn document_xml(path: &Path) -> String {
    use std::io::Read as _;
    let file = std::fs::File::open(path).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("read");
    xml
}
