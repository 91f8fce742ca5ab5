//! Every interactive widget on every page carries a label for screen readers (AccessKit), on the
//! sample drill at the desk (where the most widgets are shown) and in both languages.

mod common;

use airdesk::ui::command::Command;
use airdesk::ui::pages::Page;
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use common::{Env, fixed_now, harness, settle};
use egui::accesskit::Role;
use egui_kittest::kittest::{By, Queryable};

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

#[test]
fn every_interactive_widget_on_every_page_has_a_label() {
    for language in [Language::Zh, Language::En] {
        let env = Env::new();
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
        for page in Page::ALL {
            h.state_mut().send(Command::Navigate(page));
            h.run();
            let unlabelled: Vec<String> = h
                .query_all(By::new().predicate(|n| {
                    INTERACTIVE.contains(&n.role())
                        && n.label().is_none_or(|l| l.trim().is_empty())
                }))
                .map(|n| format!("{:?} {:?}", n.accesskit_node().role(), n.rect()))
                .collect();
            assert!(
                unlabelled.is_empty(),
                "{page:?} ({language:?}): {unlabelled:#?}"
            );
        }
    }
}
