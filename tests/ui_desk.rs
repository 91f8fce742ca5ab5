//! The desk plumbing in the real app: the shift modal asks for the duty officer on a writable
//! workspace and stamps the name on the journal; a second instance on the same workspace is
//! read-only with a banner and never asks; projector mode never writes.

mod common;

use airdesk::journal::{SqliteStorage, Storage};
use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use common::{Env, harness, settle};
use egui::Key;
use egui_kittest::kittest::Queryable;

fn no_officer(env: &Env, lang: Language) -> StartOptions {
    StartOptions {
        officer: None,
        ..env.options(lang)
    }
}

fn journal_kinds(env: &Env) -> Vec<(String, String, String)> {
    let journal = SqliteStorage::open_read_only(env.workspace.path()).expect("journal");
    journal
        .read_since(0)
        .expect("read")
        .into_iter()
        .map(|e| (e.kind, e.operator, e.desk))
        .collect()
}

#[test]
fn the_shift_modal_asks_for_the_officer_and_stamps_the_name() {
    for lang in [Language::Zh, Language::En] {
        let env = Env::new();
        let tr = Tr(lang);
        let mut h = harness(
            AirDeskApp::new(no_officer(&env, lang)).expect("app"),
            (1366.0, 768.0),
        );
        settle(&mut h);
        assert!(h.state().shift_modal_open());
        h.get_by_label(tr.t(T::ShiftStartTitle));
        // The name field has the focus: type and press Enter.
        let field = h.get_by_label(tr.t(T::ShiftOfficer));
        assert!(field.is_focused());
        field.type_text("王芳");
        h.run();
        h.get_by_label(tr.t(T::ShiftDesk)).focus();
        h.run();
        h.key_press(Key::Enter);
        h.run();
        assert!(!h.state().shift_modal_open());
        assert_eq!(
            h.state()
                .session()
                .officer()
                .map(|a| a.operator().to_owned()),
            Some("王芳".to_owned())
        );
        let kinds = journal_kinds(&env);
        assert_eq!(kinds.len(), 1);
        assert_eq!(
            (kinds[0].0.as_str(), kinds[0].1.as_str()),
            ("shift.started", "王芳")
        );
        // The top bar shows the officer; Ctrl+Shift+H opens the handover.
        h.get_by_label(&tr.f(T::ShiftButton, &[&"王芳"]));
        h.state_mut().send(Command::AskOfficer);
        h.run();
        h.get_by_label(tr.t(T::ShiftHandOverTitle));
        // The successor's name has the focus.
        h.get_by_label(tr.t(T::ShiftSuccessor)).type_text("李娜");
        h.run();
        h.get_by_label(tr.t(T::ShiftNote)).focus();
        h.run();
        h.get_by_label(tr.t(T::ShiftNote)).type_text("夜间盯防");
        h.run();
        h.get_by_label(tr.t(T::ShiftHandOverConfirm)).click();
        h.run();
        let kinds = journal_kinds(&env);
        let tail: Vec<(&str, &str)> = kinds
            .iter()
            .skip(1)
            .map(|(k, o, _)| (k.as_str(), o.as_str()))
            .collect();
        assert_eq!(
            tail,
            [("shift.handed_over", "王芳"), ("shift.started", "李娜")]
        );
    }
}

#[test]
fn looking_only_closes_the_modal_and_nothing_is_written() {
    let env = Env::new();
    let tr = Tr(Language::Zh);
    let mut h = harness(
        AirDeskApp::new(no_officer(&env, Language::Zh)).expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.get_by_label(tr.t(T::ShiftLater)).click();
    h.run();
    assert!(!h.state().shift_modal_open());
    h.run();
    assert!(!h.state().shift_modal_open(), "does not reopen by itself");
    assert!(journal_kinds(&env).is_empty());
    h.get_by_label(tr.t(T::ShiftNone));
}

#[test]
fn a_second_instance_is_read_only_with_a_banner_and_never_asks() {
    let env = Env::new();
    let first = AirDeskApp::new(env.options(Language::Zh)).expect("first");
    assert_eq!(journal_kinds(&env).len(), 1);
    for lang in [Language::Zh, Language::En] {
        let tr = Tr(lang);
        let mut h = harness(
            AirDeskApp::new(no_officer(&env, lang)).expect("second"),
            (1366.0, 768.0),
        );
        settle(&mut h);
        assert!(!h.state().shift_modal_open());
        let start = tr.t(T::JournalReadOnlyBanner);
        let start = &start[..start.find("{0}").unwrap_or(start.len())];
        h.get_by_label_contains(start);
        h.state_mut().send(Command::StartShift {
            operator: "李娜".into(),
            desk: "desk-2".into(),
        });
        h.run();
        assert_eq!(
            journal_kinds(&env).len(),
            1,
            "the second instance wrote nothing"
        );
    }
    drop(first);
}

#[test]
fn projector_mode_never_asks_and_never_writes() {
    let env = Env::new();
    let mut h = harness(
        AirDeskApp::new(no_officer(&env, Language::Zh)).expect("app"),
        (1366.0, 768.0),
    );
    h.state_mut().send(Command::ToggleProjector);
    settle(&mut h);
    assert!(h.state().presenting());
    assert!(!h.state().shift_modal_open());
    h.state_mut().send(Command::StartShift {
        operator: "王芳".into(),
        desk: "desk-1".into(),
    });
    h.run();
    assert!(journal_kinds(&env).is_empty());
}

/// Enter starts the shift every time the dialog asks: after a restart (the name is filled in
/// from the journal) and after the dialog was put off and reopened; F11 works at once after.
#[test]
fn enter_starts_the_shift_after_a_restart_and_after_reopening() {
    let env = Env::new();
    let tr = Tr(Language::Zh);
    let started = |h: &egui_kittest::Harness<'static, AirDeskApp>| {
        h.state()
            .session()
            .officer()
            .map(|a| a.operator().to_owned())
    };
    let mut h = harness(
        AirDeskApp::new(no_officer(&env, Language::Zh)).expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.get_by_label(tr.t(T::ShiftOfficer)).type_text("王芳");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(started(&h), Some("王芳".to_owned()));
    drop(h);
    // A restart: the same officer is one Enter away.
    let mut h = harness(
        AirDeskApp::new(no_officer(&env, Language::Zh)).expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    assert!(h.state().shift_modal_open());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(started(&h), Some("王芳".to_owned()), "after a restart");
    drop(h);
    // Put off, then reopened from the top bar.
    let mut h = harness(
        AirDeskApp::new(no_officer(&env, Language::Zh)).expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.get_by_label(tr.t(T::ShiftLater)).click();
    h.run();
    assert!(!h.state().shift_modal_open());
    h.state_mut().send(Command::AskOfficer);
    h.run();
    assert!(h.state().shift_modal_open());
    // Wherever the focus is in the dialog (here: nowhere, after a click on its title).
    h.get_by_label(tr.t(T::ShiftStartTitle)).click();
    h.run();
    assert!(!h.get_by_label(tr.t(T::ShiftOfficer)).is_focused());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(started(&h), Some("王芳".to_owned()), "after reopening");
    assert!(!h.state().shift_modal_open());
    // F11 right after the dialog closed.
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting());
}
