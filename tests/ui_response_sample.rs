//! The Response page on the sample drill (Handan, 22 Dec 2019 10:00, orange warning in force):
//! the advice names the unfavourable-weather windows of the sample's meteorological forecast, and
//! the after-action summary embeds the episode chart with a row per episode day.

mod common;

use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::{Page, ResponseTab};
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use common::{Env, fixed_now, harness, settle};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The sample drill as a first start opens it, with the officer on duty at the drill moment.
fn sample(env: &Env, language: Language) -> Harness<'static, AirDeskApp> {
    let app = AirDeskApp::new(StartOptions {
        officer: airdesk::journal::Author::new("赵敏", "desk-1").ok(),
        workspace: None,
        language: Some(language),
        config_dir: Some(env.config.path().to_path_buf()),
        real_time: fixed_now,
        watch_files: false,
        ..StartOptions::default()
    })
    .expect("app");
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    h
}

/// The texts (labels and values) of every node containing `part`.
fn texts_containing(h: &Harness<'static, AirDeskApp>, part: &str) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .filter(|t| t.contains(part))
        .collect()
}

#[test]
fn the_advice_on_the_sample_names_the_unfavourable_weather_windows() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Decide);
    h.run();
    let reasons = texts_containing(&h, "不利气象条件：");
    assert!(!reasons.is_empty(), "no window in the advice");
    // The sample forecast's first window starts on 22 Dec.
    assert!(reasons.iter().any(|r| r.contains("12月2")), "{reasons:?}");

    h.state_mut().send(Command::SetLanguage(Language::En));
    h.run();
    assert!(!texts_containing(&h, "Unfavourable weather").is_empty());
}

#[test]
fn the_apps_summary_embeds_the_episode_chart_and_a_row_per_day() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let root = h.state().workspace().root().to_path_buf();
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Reports);
    h.run();
    h.get_by_label(Tr(Language::Zh).t(T::RespSaveSummary))
        .click();
    h.run();
    let html: Vec<String> = std::fs::read_dir(root.join("exports"))
        .expect("exports")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    let [html] = html.as_slice() else {
        panic!("one summary expected, got {}", html.len());
    };
    assert!(html.contains("src=\"data:image/svg+xml;base64,"), "chart");
    // The drill episode: 21 Dec 22:00 to the expected end on 24 Dec; at 22 Dec 10:00 only
    // 21 Dec is over (Handan's mean PM2.5 121 µg/m³), the forecast covers 22 Dec on.
    for (date, cells) in [
        (
            "2019-12-21",
            "<td class=\"n\">121</td><td class=\"n\">—</td>",
        ),
        (
            "2019-12-22",
            "<td class=\"n\">—</td><td class=\"n\">220</td>",
        ),
        ("2019-12-23", "<td class=\"n\">—</td><td class=\"n\">"),
        ("2019-12-24", "<td class=\"n\">—</td><td class=\"n\">"),
    ] {
        assert!(
            html.contains(&format!("<tr><td>{date}</td>{cells}")),
            "{date}"
        );
    }
    assert!(!html.contains("<tr><td>2019-12-25</td>"));
}
