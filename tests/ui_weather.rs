//! The weather page driven through the real app: with the UCI Beijing excerpt (US Embassy PM2.5
//! and Capital Airport weather, the January 2013 haze) and a drill clock inside it, the page lists
//! windows with their explanations, the daily outlook and the hindcast scores; a change of the
//! thresholds re-runs everything and is saved in `settings.toml`; "restore defaults" undoes it;
//! projector mode shows the same analysis with no edit widget; the meteogram exports to PNG and SVG.

mod common;

use airdesk::domain::weather_view::{self, WeatherSource};
use airdesk::domain::windows::WindowSettings;
use airdesk::report::charts::from_store::Selection;
use airdesk::report::charts::weather::{WeatherChartInput, weather_meteogram};
use airdesk::report::charts::{
    ChartStyle, ChartView, SvgBackend, SvgDocument, TimeChart, draw_time_chart,
};
use airdesk::store::{Hour, Variable};
use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::Page;
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::{Language, Workspace};
use common::{Env, fixture, harness, settle};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use plotters::prelude::IntoDrawingArea;

/// The drill moment: the morning of 14 January 2013, in the haze episode.
const DRILL: &str = "2013-01-14 12:00";

fn options(env: &Env, lang: Language) -> StartOptions {
    StartOptions {
        drill: airdesk::clock::parse_moment(DRILL),
        ..env.options(lang)
    }
}

fn weather_app(env: &Env, lang: Language) -> Harness<'static, AirDeskApp> {
    weather_app_sized(env, lang, (1920.0, 1080.0))
}

fn weather_app_sized(env: &Env, lang: Language, size: (f32, f32)) -> Harness<'static, AirDeskApp> {
    let mut ws = Workspace::open(env.workspace.path()).expect("open");
    ws.add_data_files(&[fixture("prsa/beijing-2012-12_2013-01.csv")])
        .expect("add");
    ws.update_settings(|s| s.area = "北京".into())
        .expect("area");
    let app = AirDeskApp::new(options(env, lang)).expect("app");
    let mut h = harness(app, size);
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Weather));
    h.run();
    h
}

/// Windows of the page's own analysis, computed the same way for comparison.
fn expected_windows(h: &Harness<'static, AirDeskApp>, s: &WindowSettings) -> usize {
    let app = h.state();
    let store = &app.data().store;
    let ids = store.stations().in_area("北京");
    let now = Hour::from_utc(app.now());
    let a = weather_view::analyse(
        store,
        &ids,
        WeatherSource::Observed,
        now - 24 * 7,
        now + 24,
        now,
        8 * 3600,
        s,
        &app.workspace().settings().outlook,
    );
    a.windows.windows.len()
}

fn window_rows(h: &Harness<'static, AirDeskApp>) -> usize {
    h.query_all_by_label_contains("小时不利时段").count()
}

#[test]
fn page_lists_windows_outlook_and_hindcast() {
    let env = Env::new();
    let mut h = weather_app(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    let n = expected_windows(&h, &WindowSettings::default());
    assert!(n > 0, "the January 2013 haze has windows");
    assert_eq!(window_rows(&h), n);
    // Column heads of the three tables, and one outlook row (today, 14 January).
    // The windows card title, and the windows in the chart legend.
    assert!(h.query_all_by_label(tr.t(T::WxWindows)).count() >= 2);
    h.get_by_label(tr.t(T::WxOutlook));
    assert!(
        h.query_all_by_label_contains("2013-01-14 重污染风险")
            .next()
            .is_some()
    );
    h.get_by_label(tr.t(T::WxPersistence));
    h.get_by_label(tr.t(T::WxCsi));
    // The default hindcast period is the campaign in the data, up to the day before the drill.
    let period = h.get_by_role_and_label(Role::ComboBox, tr.t(T::WxPeriod));
    assert_eq!(
        period.value().as_deref(),
        Some(
            tr.f(T::WxCampaign, &[&"2012-12-01", &"2013-01-13"])
                .as_str()
        )
    );
    // The chart is there with its accessible name.
    assert!(h.query_all_by_role(Role::Image).next().is_some());

    // English works too (explanations come from the domain in English).
    h.state_mut().send(Command::SetLanguage(Language::En));
    h.run();
    assert_eq!(h.query_all_by_label_contains("h unfavourable").count(), n);
}

#[test]
fn threshold_change_reruns_saves_and_defaults_restore() {
    let env = Env::new();
    let mut h = weather_app(&env, Language::Zh);
    let before = window_rows(&h);
    // Long windows only: fewer of them.
    let strict = WindowSettings {
        min_hours: 48,
        ..WindowSettings::default()
    };
    let expected = expected_windows(&h, &strict);
    assert!(expected < before, "{expected} < {before}");
    // Edit the shortest window length in the page's editor.
    let tr = Tr(Language::Zh);
    let editor = h.get_by_role_and_label(Role::SpinButton, tr.t(T::WxMinHours));
    editor.scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, tr.t(T::WxMinHours))
        .set_value_accesskit(48.0);
    h.run();
    h.run();
    assert_eq!(window_rows(&h), expected);
    assert_eq!(h.state().workspace().settings().windows, strict);
    let saved = std::fs::read_to_string(env.workspace.path().join("settings.toml")).expect("read");
    assert!(
        saved.contains("[windows]") && saved.contains("min_hours = 48"),
        "{saved}"
    );

    // "Restore defaults" brings the defaults back, and the windows with them.
    let button = h.get_by_role_and_label(Role::Button, tr.t(T::WxRestoreDefaults));
    button.scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, tr.t(T::WxRestoreDefaults))
        .click();
    h.run();
    h.run();
    assert_eq!(window_rows(&h), before);
    assert_eq!(
        h.state().workspace().settings().windows,
        WindowSettings::default()
    );
}

#[test]
fn projector_mode_shows_the_analysis_without_edit_widgets() {
    let env = Env::new();
    let mut h = weather_app(&env, Language::Zh);
    let n = window_rows(&h);
    assert!(
        h.query_all_by(|n| matches!(n.role(), Role::ComboBox | Role::SpinButton))
            .next()
            .is_some(),
        "the desktop page has its choosers and editors"
    );
    h.state_mut().send(Command::ToggleProjector);
    h.run();
    assert!(h.state().presenting());
    let edit: Vec<String> = h
        .query_all_by(|n| {
            matches!(
                n.role(),
                Role::TextInput
                    | Role::ComboBox
                    | Role::SpinButton
                    | Role::Slider
                    | Role::CheckBox
                    | Role::NumberInput
                    | Role::RadioButton
            )
        })
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(edit.is_empty(), "edit widgets in projector mode: {edit:?}");
    // The slide is the meteogram with the outlook, not the desk's tables and settings.
    assert!(n > 0);
    assert_eq!(window_rows(&h), 0);
    h.get_by_label(Tr(Language::Zh).t(T::WxOutlook));
    assert!(
        h.query_by_label(Tr(Language::Zh).t(T::WxSettingsReadOnly))
            .is_none()
    );
}

#[test]
fn meteogram_exports_to_png_and_svg() {
    let env = Env::new();
    let mut h = weather_app(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    // Each chart is drawn and saved on a worker thread and announced in a banner above the page,
    // which moves the buttons: wait for it before the next click.
    for key in [T::WxExportPng, T::WxExportSvg] {
        h.get_by_role_and_label(Role::Button, tr.t(key)).click();
        settle(&mut h);
    }
    let dir = env.workspace.path().join("exports");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("exports folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].ends_with(".png") && names[1].ends_with(".svg"));
    let png = std::fs::read(dir.join(&names[0])).expect("png");
    assert_eq!(&png[1..4], b"PNG");
    let svg = std::fs::read_to_string(dir.join(&names[1])).expect("svg");
    assert!(svg.contains("<svg"));
    // One notice per export says where it was saved.
    let saved = tr.t(T::ExportSaved);
    let saved = &saved[..saved.find("{0}").unwrap_or(saved.len())];
    assert_eq!(h.query_all_by_label_contains(saved).count(), 2);
}

#[test]
fn switching_to_english_redraws_the_meteogram_in_english() {
    let env = Env::new();
    let mut h = weather_app(&env, Language::Zh);
    let zh = Tr(Language::Zh);
    // The chart's accessible name is its title and visible period; its legend items are buttons.
    h.get_by_role_and_label(Role::Button, zh.t(T::ChartWindow));
    assert!(
        h.query_all_by_role(Role::Image).any(|n| n
            .accesskit_node()
            .label()
            .is_some_and(|l| l.starts_with("北京 PM2.5 与气象条件："))),
        "the Chinese chart"
    );
    h.state_mut().send(Command::SetLanguage(Language::En));
    h.run();
    let en = Tr(Language::En);
    let chart: Vec<String> = h
        .query_all_by_role(Role::Image)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with("北京: PM2.5 and weather: "))
        .collect();
    assert_eq!(chart.len(), 1, "the English chart");
    // The visible period in English (the analysis runs from 7 January, 12:00).
    assert!(
        chart[0].contains("Mon 7 Jan 2013 12:00 to ") && chart[0].ends_with("resets."),
        "{}",
        chart[0]
    );
    for legend in [
        en.t(T::ChartWindow).to_string(),
        en.f(T::ChartAreaMean, &[&"北京"]),
        en.f(T::ChartObserved, &[&en.t(T::ChartWindSpeed)]),
        en.f(T::ChartObserved, &[&en.t(T::ChartRh)]),
    ] {
        h.get_by_role_and_label(Role::Button, &legend);
    }
    assert_eq!(
        h.query_all_by_label_contains("实况").count(),
        0,
        "no Chinese legend left"
    );
}

/// The page's meteogram rebuilt as the page builds it (area 北京, observed weather, PM2.5, seven
/// days back and one ahead of the drill moment).
fn page_chart(h: &Harness<'static, AirDeskApp>) -> (TimeChart, ChartView) {
    let app = h.state();
    let store = &app.data().store;
    let sel = Selection::area(store, "北京").expect("area");
    let now = Hour::from_utc(app.now());
    let (from, to) = (now - 24 * 7, now + 24);
    let settings = app.workspace().settings();
    let analysis = weather_view::analyse(
        store,
        &sel.stations,
        WeatherSource::Observed,
        from,
        to,
        now,
        8 * 3600,
        &settings.windows,
        &settings.outlook,
    );
    let chart = weather_meteogram(
        store,
        &WeatherChartInput {
            selection: &sel,
            variable: Variable::Pm25,
            weather: weather_view::source_stations(store, WeatherSource::Observed, &sel.stations),
            analysis: &analysis,
            warnings: &[],
            level_colours: &[],
            aqi_forecast: &[],
            lang: Language::Zh,
        },
    );
    (chart, ChartView::window(from.0 as f64, to.0 as f64))
}

#[test]
fn projector_meteogram_fits_the_screen_with_every_panel() {
    for size in [(1920.0, 1080.0), (1366.0, 768.0)] {
        let env = Env::new();
        let mut h = weather_app_sized(&env, Language::Zh, size);
        h.state_mut().send(Command::ToggleProjector);
        h.run();
        let ppp = h.ctx.pixels_per_point();
        let screen = h.ctx.content_rect();
        let node = h
            .query_all_by_role(Role::Image)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("北京 PM2.5 与气象条件"))
            })
            .expect("the meteogram");
        let rect = node.rect();
        assert!(
            rect.bottom() <= screen.bottom() && rect.height() > 150.0,
            "{size:?}: the chart {rect:?} on the screen {screen:?}"
        );
        // Drawn at that size with the projector style, every panel is there.
        let (chart, view) = page_chart(&h);
        assert!(chart.panels.len() >= 3, "PM2.5, wind, humidity");
        let (w, ht) = ((rect.width() * ppp) as u32, (rect.height() * ppp) as u32);
        let mut doc = SvgDocument::new(w, ht);
        let root = SvgBackend(&mut doc).into_drawing_area();
        let style = ChartStyle::projector().with_scale(f64::from(ppp));
        let layout = draw_time_chart(&root, &chart, &view, &style).expect("drawn");
        assert_eq!(layout.panels.len(), chart.panels.len(), "{size:?}");
        assert!(layout.panels.iter().all(|p| p.plot.height() > 0.0));
        // The time axis fits under the last panel.
        let last = layout.panels.last().expect("a panel");
        assert!(last.rect.y1 + style.px(style.font) * 0.54 * 2.0 < f64::from(ht));
    }
}
