//! The real app driven through egui_kittest: every page renders in both languages and both screen
//! sizes (kittest fails on a missing glyph and on an unnamed input widget), files open by typed path
//! and by drag-and-drop, the load report shows problems with their lines and in the interface's
//! language, the language switches,
//! keyboard shortcuts reach everything, projector mode has no edit widget, a read-only workspace
//! saves nothing and no data file is ever written; the About box opens from F1, Settings and the
//! shortcut list; and the built binary run as a portable copy writes only beside itself.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use airdesk::ui::command::Command;
use airdesk::ui::i18n::{Render, T, Tr};
use airdesk::ui::pages::Page;
use airdesk::ui::projector::Slide;
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::{Language, Workspace};
use common::{Env, app_with, fixture, harness, settle};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn beijing_files() -> Vec<PathBuf> {
    vec![
        fixture("stations/NewSiteList.csv"),
        fixture("gui/china_sites_20191210_beijing.csv"),
    ]
}

#[test]
fn every_page_renders_in_both_languages_and_sizes() {
    for lang in [Language::Zh, Language::En] {
        for size in [(1366.0, 768.0), (1920.0, 1080.0)] {
            let env = Env::new();
            let mut h = harness(app_with(&env, lang, &beijing_files()), size);
            settle(&mut h);
            let tr = Tr(lang);
            assert_eq!(h.state().data().store.stations().len(), 2026);
            for page in Page::ALL {
                h.state_mut().send(Command::Navigate(page));
                h.run();
                assert_eq!(h.state().page(), page);
                // The navigation button carries the page title.
                h.get_by_role_and_label(Role::Button, tr.t(page.title()));
            }
            // The situation board shows the latest published AQI of the area's stations.
            h.state_mut().send(Command::Navigate(Page::Situation));
            h.run();
            h.get_by_label(tr.t(T::LatestAqi));
            h.get_by_label_contains(&tr.f(T::DataAsOf, &[&"2019-12-10 14:00"]));
            // The area AQI and its category come from the AQI module.
            let store = &h.state().data().store;
            let ids = store.stations().in_area("北京");
            let now = airdesk::store::Hour::from_utc(h.state().now());
            let area = airdesk::domain::aqi::area_hourly_series(
                store,
                &ids,
                now - 1,
                now,
                &airdesk::domain::aqi::AqiConfig::default(),
            );
            let r = &area.last().expect("area AQI at 14:00").result;
            let category = tr.category(r.category.expect("category"), r.standard);
            let aqi = r.aqi.expect("aqi").to_string();
            assert!(
                h.query_all_by_label(category).next().is_some(),
                "{category}"
            );
            assert!(h.query_all_by_label(&aqi).next().is_some(), "{aqi}");
        }
    }
}

#[test]
fn typed_path_opens_a_file_and_the_report_names_problem_lines() {
    let env = Env::new();
    let app = app_with(&env, Language::Zh, &[]);
    let mut h = harness(app, (1366.0, 768.0));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(h.state().page(), Page::Data);
    let tr = Tr(Language::Zh);
    let path = fixture("gui/china_sites_20191210_broken.csv");
    let field = h.get_by_label(tr.t(T::PathField));
    field.focus();
    field.type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    settle(&mut h);
    let report = &h.state().data().report;
    assert_eq!(report.files.len(), 1);
    assert_eq!(report.files[0].problem_count(), 3);
    // Each problem is shown with its line.
    for line in [6, 10, 21] {
        h.get_by_label_contains(&tr.f(T::ProblemLine, &[&line]));
    }
    assert!(h.query_all_by_label_contains("PM2.6").next().is_some());
    // … beside the offending line itself.
    let text = std::fs::read_to_string(&path).expect("fixture");
    for line in [6, 10, 21] {
        let offending = text.lines().nth(line - 1).expect("line");
        assert!(
            h.query_all_by_label(offending).next().is_some(),
            "line {line} shown"
        );
    }
    // The file is referenced (not copied) and on the recent list.
    let ws = Workspace::open(env.workspace.path()).expect("open");
    assert_eq!(ws.data_files(), vec![path.clone()]);
    assert_eq!(ws.settings().recent_files.first(), Some(&path));
    assert_eq!(std::fs::read_dir(ws.data_dir()).expect("list").count(), 0);
}

#[test]
fn load_problems_read_in_the_interface_language() {
    let env = Env::new();
    let path = fixture("gui/china_sites_20191210_broken.csv");
    let mut h = harness(
        app_with(&env, Language::Zh, std::slice::from_ref(&path)),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(h.state().page(), Page::Data);
    let reason = h.state().data().report.files[0]
        .problems
        .iter()
        .map(|p| p.reason.clone())
        .find(|r| r.code() == "unknown-type")
        .expect("the PM2.6 rows are reported");
    let (zh, en) = (
        reason.render(Tr(Language::Zh)),
        reason.render(Tr(Language::En)),
    );
    assert!(zh.contains("未知类型「PM2.6」"), "{zh}");
    assert!(en.contains("unknown type 「PM2.6」"), "{en}");
    h.get_by_label_contains(&zh);
    assert!(
        h.query_by_label_contains(&en).is_none(),
        "no English on the Chinese page"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert_eq!(h.state().language(), Language::En);
    h.get_by_label_contains(&en);
    assert!(
        h.query_by_label_contains(&zh).is_none(),
        "no Chinese on the English page"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_load_from_any_page() {
    let env = Env::new();
    let mut h = harness(app_with(&env, Language::En, &[]), (1366.0, 768.0));
    settle(&mut h);
    assert_eq!(h.state().page(), Page::Situation);
    for f in beijing_files() {
        h.input_mut().dropped_files.push(Arc::new(Dropped(f)));
    }
    settle(&mut h);
    assert_eq!(h.state().page(), Page::Data);
    assert_eq!(h.state().data().report.files.len(), 2);
    assert!(h.state().data().store.value_count() > 4000);
    h.get_by_label(&Tr(Language::En).f(T::ShownOf, &[&2026, &2026]));
}

#[test]
fn language_switch_translates_and_persists() {
    let env = Env::new();
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            language: None,
            ..env.options(Language::Zh)
        })
        .expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "态势");
    h.get_by_role_and_label(Role::Button, Tr(Language::Zh).t(T::LanguageEn))
        .click();
    h.run();
    assert_eq!(h.state().language(), Language::En);
    h.get_by_role_and_label(Role::Button, "Situation");
    assert!(h.query_by_label("态势").is_none());
    let ws = Workspace::open(env.workspace.path()).expect("open");
    assert_eq!(ws.settings().language, Language::En);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert_eq!(h.state().language(), Language::Zh);
}

/// Roles a user could change something with.
fn is_edit_widget(role: Role) -> bool {
    matches!(
        role,
        Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::PasswordInput
            | Role::NumberInput
            | Role::EditableComboBox
            | Role::ComboBox
            | Role::CheckBox
            | Role::RadioButton
            | Role::Slider
            | Role::SpinButton
            | Role::Switch
            | Role::DateInput
            | Role::DateTimeInput
            | Role::ColorWell
    )
}

#[test]
fn projector_mode_is_read_only_and_steps_like_slides() {
    let env = Env::new();
    let mut h = harness(
        app_with(&env, Language::Zh, &beijing_files()),
        (1920.0, 1080.0),
    );
    settle(&mut h);
    // The desktop has edit widgets (settings page) …
    h.state_mut().send(Command::Navigate(Page::Settings));
    h.run();
    assert!(
        h.query_all_by(|n| is_edit_widget(n.role()))
            .next()
            .is_some()
    );
    // … projector mode has none on any page.
    h.state_mut().send(Command::Navigate(Page::Situation));
    h.run();
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting());
    let scale = h.state().workspace().settings().projector_scale;
    assert_eq!(h.ctx.zoom_factor(), scale);
    let tr = Tr(Language::Zh);
    for slide in Slide::ALL {
        assert_eq!(h.state().page(), slide.page());
        let edit: Vec<String> = h
            .query_all_by(|n| is_edit_widget(n.role()))
            .map(|n| format!("{n:?}"))
            .collect();
        assert!(edit.is_empty(), "{slide:?} shows edit widgets: {edit:?}");
        h.get_by_label_contains(tr.t(T::ProjectorBanner));
        h.key_press(Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().page(), Page::Situation, "wrapped around");
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().page(), Page::Map);
    // The desk's tools are not slides: Ctrl+2 (Data) and Ctrl+8 (Settings) stay on the slide.
    for key in [Key::Num2, Key::Num8] {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run();
        assert_eq!(h.state().page(), Page::Map);
    }
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting());
    assert_eq!(h.ctx.zoom_factor(), 1.0);
}

#[test]
fn keyboard_reaches_pages_and_the_station_table() {
    let env = Env::new();
    let mut h = harness(
        app_with(&env, Language::Zh, &beijing_files()),
        (1366.0, 768.0),
    );
    settle(&mut h);
    for page in Page::ALL {
        h.key_press_modifiers(Modifiers::COMMAND, page.shortcut_key());
        h.run();
        assert_eq!(h.state().page(), page);
    }
    // Ctrl+F: the station filter, on the data page.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert_eq!(h.state().page(), Page::Data);
    let tr = Tr(Language::Zh);
    let filter = h.get_by_label(tr.t(T::Filter));
    assert!(filter.is_focused());
    filter.type_text("东四");
    h.run();
    h.get_by_label(&tr.f(T::ShownOf, &[&1, &2026]));
    // Leave the field, then ↓ selects the first row and the series view shows it.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state_mut().pages_mut().data.selected.as_deref(),
        Some("1003A")
    );
    h.get_by_label_contains("1003A 东四");
}

#[test]
fn station_table_row_click_selects_and_shows_the_series() {
    let env = Env::new();
    let mut h = harness(
        app_with(&env, Language::En, &beijing_files()),
        (1920.0, 1080.0),
    );
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Data));
    h.run();
    h.get_by_label("万寿西宫").click();
    h.run();
    assert_eq!(
        h.state_mut().pages_mut().data.selected.as_deref(),
        Some("1001A")
    );
    h.get_by_label_contains("1001A 万寿西宫");
    // The drill clock stands at 14:00: the file's later hours are not shown (stamps 00–14).
    h.get_by_label_contains(&Tr(Language::En).f(T::ValuesCount, &[&15]));
}

#[test]
fn without_a_file_dialog_the_path_field_takes_over() {
    let env = Env::new();
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            file_dialogs: Some(false),
            ..env.options(Language::Zh)
        })
        .expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().page(), Page::Data);
    let tr = Tr(Language::Zh);
    h.get_by_label(tr.t(T::NoDialog));
    assert!(h.get_by_label(tr.t(T::PathField)).is_focused());
}

#[test]
fn read_only_workspace_says_so_and_saves_nothing() {
    let env = Env::new();
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            read_only: true,
            ..env.options(Language::Zh)
        })
        .expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    let tr = Tr(Language::Zh);
    h.get_by_label_contains(tr.t(T::ReadOnlyBanner));
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert_eq!(h.state().language(), Language::En, "holds for the session");
    assert_eq!(
        std::fs::read_dir(env.workspace.path())
            .expect("list")
            .count(),
        0,
        "nothing written into a read-only workspace"
    );
}

#[test]
fn data_files_are_never_written() {
    let env = Env::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::new();
    for f in beijing_files() {
        let copy = outside.path().join(f.file_name().expect("name"));
        std::fs::copy(&f, &copy).expect("copy");
        files.push(copy);
    }
    let before: Vec<(Vec<u8>, std::time::SystemTime)> = files
        .iter()
        .map(|f| {
            (
                std::fs::read(f).expect("read"),
                std::fs::metadata(f)
                    .and_then(|m| m.modified())
                    .expect("mtime"),
            )
        })
        .collect();
    let mut h = harness(app_with(&env, Language::Zh, &files), (1366.0, 768.0));
    settle(&mut h);
    for c in [
        Command::Reload,
        Command::SetArea("天津".into()),
        Command::ToggleLanguage,
        Command::RemoveDataFile(files[1].clone()),
        Command::AddDataFiles(vec![files[1].clone()]),
    ] {
        h.state_mut().send(c);
        settle(&mut h);
    }
    for (f, (bytes, mtime)) in files.iter().zip(before) {
        assert_eq!(std::fs::read(f).expect("read"), bytes);
        assert_eq!(
            std::fs::metadata(f)
                .and_then(|m| m.modified())
                .expect("mtime"),
            mtime
        );
    }
    let ws = Workspace::open(env.workspace.path()).expect("open");
    assert_eq!(ws.settings().area, "天津");
}

#[test]
fn last_workspace_reopens() {
    let env = Env::new();
    let other = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_with(&env, Language::Zh, &[]), (1366.0, 768.0));
    settle(&mut h);
    h.state_mut()
        .send(Command::OpenWorkspace(other.path().join("新工作区")));
    settle(&mut h);
    assert!(h.state().workspace().root().ends_with("新工作区"));
    // A new start without --workspace opens the last one.
    let app = AirDeskApp::new(StartOptions {
        workspace: None,
        ..env.options(Language::Zh)
    })
    .expect("app");
    assert!(app.workspace().root().ends_with("新工作区"));
}

#[test]
fn renderer_fallback_is_explained_and_can_be_kept() {
    use airdesk::ui::RendererFallback;
    use airdesk::workspace::{Renderer, RendererSetting};
    let env = Env::new();
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            renderer: Some(Renderer::Glow),
            fallback: Some(RendererFallback {
                failed: Renderer::Wgpu,
                reason: "Failed to create surface for any enabled backend".into(),
            }),
            ..env.options(Language::En)
        })
        .expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.get_by_label_contains("Failed to create surface");
    let tr = Tr(Language::En);
    h.get_by_role_and_label(Role::Button, &tr.f(T::UseThisRenderer, &[&"glow"]))
        .click();
    h.run();
    assert_eq!(
        h.state().workspace().settings().renderer,
        RendererSetting::Glow
    );
    assert!(
        h.query_by_label_contains("Failed to create surface")
            .is_none()
    );
}

#[test]
fn a_file_put_into_data_is_noticed_and_loaded() {
    let env = Env::new();
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            watch_files: true,
            ..env.options(Language::Zh)
        })
        .expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    assert!(h.state().data().report.files.is_empty());
    let target = env.workspace.path().join("data").join("beijing.csv");
    std::fs::copy(fixture("gui/china_sites_20191210_beijing.csv"), &target).expect("copy");
    // The watcher polls every 2 s and waits until the file has settled.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while h.state().data().report.files.is_empty() {
        assert!(std::time::Instant::now() < deadline, "change not noticed");
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    settle(&mut h);
    assert_eq!(h.state().data().files, vec![target]);
    h.get_by_label_contains(Tr(Language::Zh).t(T::FilesChanged));
}

#[test]
fn f1_and_settings_open_the_about_box_with_version_commit_and_data_folder() {
    let env = Env::new();
    let mut h = harness(app_with(&env, Language::En, &[]), (1366.0, 768.0));
    settle(&mut h);
    let tr = Tr(Language::En);
    let version = tr.f(
        T::AboutVersion,
        &[&airdesk::build_info::VERSION, &airdesk::build_info::COMMIT],
    );
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().about_open());
    h.get_by_label(&version);
    // The data folder is the test's config folder (StartOptions::config_dir).
    h.get_by_label(&env.config.path().display().to_string());
    h.get_by_label(tr.t(T::AboutModeOneFolder));
    h.get_by_label(tr.t(T::AboutFont));
    h.get_by_role_and_label(Role::Button, tr.t(T::Close))
        .click();
    h.run();
    assert!(!h.state().about_open());

    h.state_mut().send(Command::Navigate(Page::Settings));
    h.run();
    // Both are at the foot of the page: scroll there first.
    h.get_by_role_and_label(Role::Button, tr.t(T::AboutOpen))
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, tr.t(T::AboutOpen))
        .click();
    h.run();
    assert!(h.state().about_open());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().about_open(), "Esc closes it");
    h.get_by_label(tr.t(T::ShortcutAbout)).scroll_to_me();
    h.run();
    h.get_by_label(tr.t(T::ShortcutAbout)).click();
    h.run();
    assert!(
        h.state().about_open(),
        "the shortcut list's F1 row opens it"
    );
}

/// The built binary as a portable copy (Linux: Xvfb, file permissions).
#[cfg(target_os = "linux")]
mod portable {
    use std::path::{Path, PathBuf};

    /// An X server for one test: Xvfb on a free display, stopped when dropped.
    struct Xvfb {
        child: std::process::Child,
        display: String,
    }

    impl Xvfb {
        /// Start Xvfb, or `None` when it is not installed (`.ci/run` installs it and sets
        /// `AIRDESK_TEST_REQUIRE_XVFB`, so CI never runs without it).
        fn start() -> Option<Xvfb> {
            let found = std::env::var_os("PATH")
                .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("Xvfb").is_file()));
            if !found {
                assert!(
                    std::env::var_os("AIRDESK_TEST_REQUIRE_XVFB").is_none(),
                    "Xvfb is not installed (Debian: apt-get install xvfb)"
                );
                return None;
            }
            let n = (200 + std::process::id() % 500..800)
                .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
                .expect("a free X display number");
            let display = format!(":{n}");
            let child = std::process::Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1366x768x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("Xvfb starts");
            let xvfb = Xvfb { child, display };
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
            while !socket.exists() {
                assert!(std::time::Instant::now() < deadline, "Xvfb did not come up");
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Some(xvfb)
        }
    }

    impl Drop for Xvfb {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// Every file under `dir`, relative to it.
    fn files_under(dir: &Path) -> Vec<PathBuf> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("list").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(root, &path, out);
                }
                out.push(path.strip_prefix(root).expect("inside").to_path_buf());
            }
        }
        let mut out = Vec::new();
        walk(dir, dir, &mut out);
        out.sort();
        out
    }

    /// The built binary run from a folder with the portable marker, HOME a read-only empty folder:
    /// the sample opens (first frame drawn under Xvfb), and app state, window state, the sample and
    /// the driver's shader cache end up in `airdesk-data/` beside the binary, nothing in HOME or the
    /// temporary folder. Without Xvfb (developer machines) the window cannot open; the folders are
    /// still chosen and written before that, so the same checks run on what was written.
    #[test]
    fn a_portable_copy_writes_only_beside_itself() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
        let stick = root.path().join("usb-stick");
        let (home, tmp) = (root.path().join("home"), root.path().join("tmp"));
        for d in [&stick, &home, &tmp] {
            std::fs::create_dir(d).expect("mkdir");
        }
        let exe = stick.join("airdesk");
        // A hard link (same file system as target/) is instant; a copy where that fails.
        if std::fs::hard_link(env!("CARGO_BIN_EXE_airdesk"), &exe).is_err() {
            std::fs::copy(env!("CARGO_BIN_EXE_airdesk"), &exe).expect("copy the binary");
        }
        std::fs::write(stick.join(airdesk::workspace::PORTABLE_MARKER), "").expect("marker");
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o555)).expect("chmod");

        let xvfb = Xvfb::start();
        let mut command = std::process::Command::new(&exe);
        command
            .arg("--exit-after-first-frame")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("TMPDIR", &tmp)
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        if let Some(x) = &xvfb {
            command.env("DISPLAY", &x.display);
        }
        let mut child = command.spawn().expect("the binary starts");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
        while child.try_wait().expect("wait").is_none() {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("the app did not draw its first frame within 180 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let out = child.wait_with_output().expect("output");
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if xvfb.is_some() {
            assert!(out.status.success(), "{said}");
            assert!(said.contains("first frame after"), "{said}");
        } else {
            assert_eq!(out.status.code(), Some(2), "no window system: {said}");
        }

        assert_eq!(files_under(&home), Vec::<PathBuf>::new(), "HOME untouched");
        assert_eq!(files_under(&tmp), Vec::<PathBuf>::new(), "TMPDIR untouched");
        let mut top: Vec<_> = std::fs::read_dir(&stick)
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        top.sort();
        assert_eq!(top, ["airdesk", "airdesk-data", "airdesk-portable"]);
        let data = stick.join(airdesk::workspace::PORTABLE_DATA_DIR);
        let app_state = std::fs::read_to_string(data.join("app.toml")).expect("app.toml");
        let sample = data.join("sample-workspace");
        assert!(
            app_state.contains(&*sample.to_string_lossy()),
            "{app_state}"
        );
        assert!(sample.join("settings.toml").is_file());
        assert!(sample.join("journal.sqlite").is_file());
        if xvfb.is_some() {
            let written = files_under(&data);
            assert!(data.join("window.ron").is_file(), "{written:?}");
            assert!(
                written
                    .iter()
                    .any(|p| p.starts_with("cache/mesa_shader_cache")),
                "Mesa's shader cache is beside the binary: {written:?}"
            );
        }
    }
}
