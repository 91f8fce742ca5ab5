//! Every interactive widget on every page carries a label for screen readers (AccessKit), on the
//! sample drill at the desk (where the most widgets are shown) and in both languages. (Every
//! kittest harness also runs egui_kittest's own name check on each `run()`; this test makes sure
//! every page of the sample is visited with a known set of interactive roles.)

mod common;

use airdesk::ui::AirDeskApp;
use airdesk::ui::command::Command;
use airdesk::ui::pages::Page;
use airdesk::workspace::Language;
use common::{Env, harness, settle};
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT, Queryable};

/// Roles a user operates (as opposed to text and containers).
const INTERACTIVE: &[Role] = &[
    Role::Button,
    Role::CheckBox,
    Role::RadioButton,
    Role::ComboBox,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SpinButton,
    Role::Slider,
    Role::Link,
    Role::Tab,
];

/// The interactive widgets without a label, by role and place.
fn unlabelled<S>(h: &egui_kittest::Harness<'_, S>) -> Vec<String> {
    h.query_all(By::new().predicate(|n| {
        INTERACTIVE.contains(&n.role()) && n.label().is_none_or(|l| l.trim().is_empty())
    }))
    .map(|n| format!("{:?} {:?}", n.accesskit_node().role(), n.rect()))
    .collect()
}

#[test]
fn the_check_notices_an_unlabelled_field() {
    let mut text = String::new();
    // egui_kittest runs its own name check on every `run()`; switched off here so that this
    // test's own check is the one that notices.
    let mut h = egui_kittest::Harness::builder()
        .with_accessibility_check(false)
        .build_ui(|ui| {
            ui.label("a label that is not linked");
            ui.text_edit_singleline(&mut text);
            ui.button("labelled").clicked();
        });
    h.run();
    assert_eq!(unlabelled(&h).len(), 1, "{:?}", unlabelled(&h));
}

#[test]
fn every_interactive_widget_on_every_page_has_a_label() {
    for language in [Language::Zh, Language::En] {
        let env = Env::new();
        let app = AirDeskApp::new(env.sample_options(language, Some("赵敏"))).expect("app");
        let mut h = harness(app, (1920.0, 1080.0));
        settle(&mut h);
        for page in Page::ALL {
            h.state_mut().send(Command::Navigate(page));
            h.run();
            let interactive = h
                .query_all(By::new().predicate(|n| INTERACTIVE.contains(&n.role())))
                .count();
            // The navigation alone has seven buttons: the query sees the page's widgets.
            assert!(interactive > 7, "{page:?}: {interactive}");
            let unlabelled = unlabelled(&h);
            assert!(
                unlabelled.is_empty(),
                "{page:?} ({language:?}): {unlabelled:#?}"
            );
        }
    }
}
