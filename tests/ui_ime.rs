//! Chinese input through the system IME reaches every text field: a preedit (composition) shows in
//! the field, a commit replaces it, and two commits in a row both land, in order. The events are the
//! ones egui-winit produces from the platform IME (fcitx/ibus on Linux, TSF on Windows, macOS IMK).

mod common;

use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::Page;
use airdesk::workspace::Language;
use common::{Env, app_with, fixture, harness, settle};
use egui::{Event, ImeEvent};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn preedit(text: &str) -> Event {
    Event::Ime(ImeEvent::Preedit {
        text: text.to_string(),
        active_range_chars: Some(0..text.chars().count()),
    })
}

fn commit(text: &str) -> Event {
    Event::Ime(ImeEvent::Commit(text.to_string()))
}

/// Focus the field labelled `label`, clear it, and run the IME sequences on it.
fn ime_sequences(h: &mut Harness<'static, airdesk::ui::AirDeskApp>, label: &str) {
    let field = h.get_by_label(label);
    field.focus();
    h.run();
    // Select everything and delete it, so the test starts from an empty field.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some(""),
        "{label}"
    );

    // Preedit: the composition shows in the field while the user picks a candidate.
    h.event(preedit("bei"));
    h.run();
    assert_eq!(h.get_by_label(label).value().as_deref(), Some("bei"));
    h.event(preedit("beijing"));
    h.run();
    assert_eq!(h.get_by_label(label).value().as_deref(), Some("beijing"));

    // Commit replaces the composition with the chosen characters.
    h.event(commit("北京"));
    h.run();
    assert_eq!(h.get_by_label(label).value().as_deref(), Some("北京"));

    // Two commits in a row (an IME that commits phrase by phrase) both land, in order.
    h.event(commit("市"));
    h.event(commit("朝阳区"));
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("北京市朝阳区")
    );

    // A new composition after commits, then an empty preedit cancels it.
    h.event(preedit("dong"));
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("北京市朝阳区dong")
    );
    h.event(preedit(""));
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("北京市朝阳区")
    );
    assert!(
        h.get_by_label(label).is_focused(),
        "{label} keeps the focus"
    );
}

#[test]
fn ime_works_in_the_data_page_fields() {
    let env = Env::new();
    let files = vec![fixture("stations/NewSiteList.csv")];
    let mut h = harness(app_with(&env, Language::Zh, &files), (1366.0, 768.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Data));
    h.run();
    let tr = Tr(Language::Zh);
    ime_sequences(&mut h, tr.t(T::PathField));
    ime_sequences(&mut h, tr.t(T::Filter));
    // The filter really filters by what the IME committed.
    assert_eq!(h.state_mut().pages_mut().data.filter, "北京市朝阳区");
    h.get_by_label(&tr.f(T::ShownOf, &[&0, &2026]));
    let field = h.get_by_label(tr.t(T::Filter));
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(commit("东四"));
    h.run();
    h.get_by_label(&tr.f(T::ShownOf, &[&1, &2026]));
}

#[test]
fn ime_works_in_the_settings_fields() {
    let env = Env::new();
    let mut h = harness(app_with(&env, Language::En, &[]), (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Settings));
    h.run();
    let tr = Tr(Language::En);
    ime_sequences(&mut h, tr.t(T::ClockDrillAt));
    ime_sequences(&mut h, tr.t(T::WorkspaceFolder));
}

#[test]
fn ime_works_in_the_shift_modal() {
    let env = Env::new();
    let mut h = harness(
        airdesk::ui::AirDeskApp::new(airdesk::ui::StartOptions {
            officer: None,
            ..env.options(Language::Zh)
        })
        .expect("app"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    let tr = Tr(Language::Zh);
    ime_sequences(&mut h, tr.t(T::ShiftOfficer));
    ime_sequences(&mut h, tr.t(T::ShiftDesk));
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .session()
            .officer()
            .map(|a| a.operator().to_owned()),
        Some("北京市朝阳区".to_owned())
    );
    h.state_mut().send(Command::AskOfficer);
    h.run();
    ime_sequences(&mut h, tr.t(T::ShiftSuccessor));
    ime_sequences(&mut h, tr.t(T::ShiftNote));
}

#[test]
fn ime_works_in_the_response_fields() {
    let env = Env::new();
    let mut h = harness(app_with(&env, Language::Zh, &[]), (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    let tr = Tr(Language::Zh);
    for label in [T::RespParticipants, T::RespBasis, T::RespDecisionText] {
        ime_sequences(&mut h, tr.t(label));
    }
    h.get_by_label(tr.t(T::RespIssueTitle)).click();
    h.run();
    for label in [T::RespApprover, T::RespDocNo, T::RespReasons] {
        ime_sequences(&mut h, tr.t(label));
    }
}

#[test]
fn ime_works_in_the_alert_acknowledgement_note() {
    let env = Env::new();
    // The bundled sample (no workspace given: the first start installs it) has alerts.
    let app = airdesk::ui::AirDeskApp::new(airdesk::ui::StartOptions {
        workspace: None,
        drill: None,
        ..env.options(Language::Zh)
    })
    .expect("app");
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    h.get_all_by_label(tr.t(T::AlertAcknowledge))
        .next()
        .expect("an alert to acknowledge")
        .click();
    h.run();
    ime_sequences(&mut h, tr.t(T::AlertAckNote));
}

/// The sample drill (an orange warning in force, its checklist filled) with the officer on duty.
fn sample_drill(env: &Env) -> Harness<'static, airdesk::ui::AirDeskApp> {
    let app = airdesk::ui::AirDeskApp::new(airdesk::ui::StartOptions {
        officer: airdesk::journal::Author::new("赵敏", "desk-1").ok(),
        workspace: None,
        language: Some(Language::Zh),
        config_dir: Some(env.config.path().to_path_buf()),
        real_time: common::fixed_now,
        watch_files: false,
        file_dialogs: Some(false),
        ..airdesk::ui::StartOptions::default()
    })
    .expect("app");
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    h
}

#[test]
fn ime_works_in_the_response_pause_lift_and_checklist_fields() {
    let env = Env::new();
    let mut h = sample_drill(&env);
    let tr = Tr(Language::Zh);
    // Pause form: basis and approver.
    h.get_by_label(tr.t(T::RespPauseTitle)).click();
    h.run();
    for label in [T::RespBasis, T::RespApprover] {
        ime_sequences(&mut h, tr.t(label));
    }
    // Lift form: basis, approver, document number.
    h.get_by_label(tr.t(T::RespLiftTitle)).click();
    h.run();
    for label in [T::RespLiftBasis, T::RespApprover, T::RespDocNo] {
        ime_sequences(&mut h, tr.t(label));
    }
    // Change-of-level form: reasons.
    h.get_by_label(tr.t(T::RespChangeTitle)).click();
    h.run();
    ime_sequences(&mut h, tr.t(T::RespReasons));

    // Checklist: the feedback (or problem) text and the evidence path of the selected item.
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(airdesk::ui::pages::ResponseTab::Checklist);
    h.run();
    // The unit's tree row filters the table to it; then its one item.
    for n in [0, 1] {
        h.get_all_by_label("县教育体育局")
            .nth(n)
            .expect("tree row, table row")
            .click();
        h.run();
    }
    for label in [T::RespFeedback, T::RespEvidence] {
        ime_sequences(&mut h, tr.t(label));
    }
    // What the IME committed is what a problem report records (without the typed path, which
    // names no file).
    h.get_by_label(tr.t(T::RespEvidence)).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_label(tr.t(T::RespActProblem)).click();
    h.run();
    let last = airdesk::journal::SqliteStorage::open_read_only(h.state().workspace().root())
        .expect("journal");
    let last = airdesk::journal::Storage::read_since(&last, 0)
        .expect("events")
        .pop()
        .expect("event");
    assert_eq!(last.kind, "checklist.problem_reported");
    assert!(last.payload.contains("北京市朝阳区"), "{}", last.payload);
}
