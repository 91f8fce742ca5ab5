//! The supervision page (督办) driving the real app: a finding typed in goes assigned →
//! rectifying → rectified (with evidence) → verified → closed, every step a journal event stamped
//! with the officer; an import with a bad line names it; a board alert fills the form in one step;
//! a roster imported into the workspace shows who is on duty; Chinese IME works in the description.

mod common;

use airdesk::domain::findings::{AlertInput, AlertKind, FindingEvent, Status};
use airdesk::journal::{SqliteStorage, Storage};
use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::Page;
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use common::{Env, harness, settle};
use egui::accesskit::Role;
use egui::{Event, ImeEvent};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app(env: &Env, lang: Language) -> Harness<'static, AirDeskApp> {
    let options: StartOptions = env.options(lang);
    let mut h = harness(AirDeskApp::new(options).expect("app"), (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Supervision));
    h.run();
    h
}

fn type_into(h: &mut Harness<'static, AirDeskApp>, role: Role, label: &str, text: &str) {
    let f = h.get_by_role_and_label(role, label);
    f.focus();
    f.type_text(text);
    h.run();
}

fn click(h: &mut Harness<'static, AirDeskApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
    h.run();
}

fn finding_events(env: &Env) -> Vec<airdesk::journal::Event> {
    let journal = SqliteStorage::open_read_only(env.workspace.path()).expect("journal");
    journal
        .read_since(0)
        .expect("read")
        .into_iter()
        .filter(|e| e.kind.starts_with("finding."))
        .collect()
}

#[test]
fn a_finding_goes_from_assigned_to_closed_with_journal_events() {
    let env = Env::new();
    let mut h = app(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.get_by_label(tr.t(T::SvNone));
    type_into(
        &mut h,
        Role::MultilineTextInput,
        tr.t(T::SvColDescription),
        "工地裸土未苫盖",
    );
    // Assigning without a unit is refused before anything is written.
    click(&mut h, tr.t(T::SvAssign));
    h.get_by_label(tr.t(T::SvNeedUnit));
    assert!(finding_events(&env).is_empty());
    type_into(&mut h, Role::TextInput, tr.t(T::SvColUnit), "住建局");
    type_into(&mut h, Role::TextInput, tr.t(T::SvColPlace), "城关镇");
    // Deadline before the drill day (2019-12-10): overdue at once.
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvColDeadline),
        "2019-12-08",
    );
    // 交办 previews what it will record; nothing is written before the confirmation.
    click(&mut h, tr.t(T::SvAssign));
    h.get_by_label(tr.t(T::SvPreviewTitle));
    h.get_by_label(&format!("{}：住建局", tr.t(T::SvColUnit)));
    assert!(finding_events(&env).is_empty());
    click(&mut h, tr.t(T::SvAssignConfirm));
    let events = finding_events(&env);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "finding.assigned");
    assert_eq!(events[0].operator, "张伟");
    // Shown in the table, overdue in red with its days, and counted.
    h.get_by_label(&tr.f(T::SvDaysOverdue, &[&2]));
    h.get_by_label(&tr.f(T::SvCounts, &[&1, &1, &1]));
    h.get_by_label("DB0001").click();
    h.run();
    h.get_by_label(&tr.f(T::SvDetail, &[&"DB0001"]));
    let move_to = |s: Status| tr.f(T::SvMoveTo, &[&tr.finding_status(s)]);
    click(&mut h, &move_to(Status::Rectifying));
    // Rectified needs evidence: refused without, recorded with.
    click(&mut h, &move_to(Status::Rectified));
    h.get_by_label(tr.t(T::SvNeedEvidence));
    assert_eq!(finding_events(&env).len(), 2);
    let photo = env.workspace.path().join("photo.jpg");
    std::fs::write(&photo, b"jpeg").expect("photo");
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvEvidenceText),
        "已全部苫盖",
    );
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvEvidenceFile),
        &photo.display().to_string(),
    );
    click(&mut h, tr.t(T::SvAddFile));
    // The file is hashed on a worker thread.
    settle(&mut h);
    assert!(
        h.query_all_by_label_contains("photo.jpg sha256:")
            .next()
            .is_some()
    );
    click(&mut h, &move_to(Status::Rectified));
    click(&mut h, &move_to(Status::Verified));
    click(&mut h, &move_to(Status::Closed));
    let events = finding_events(&env);
    let moves: Vec<Status> = events
        .iter()
        .filter_map(|e| match e.decode::<FindingEvent>().expect("payload") {
            FindingEvent::Moved { to, .. } => Some(to),
            _ => None,
        })
        .collect();
    assert_eq!(
        moves,
        vec![
            Status::Rectifying,
            Status::Rectified,
            Status::Verified,
            Status::Closed
        ]
    );
    assert!(events.iter().all(|e| e.operator == "张伟"));
    let rectified = events[2].decode::<FindingEvent>().expect("payload");
    let FindingEvent::Moved {
        evidence: Some(evidence),
        ..
    } = rectified
    else {
        panic!("evidence recorded: {rectified:?}");
    };
    assert_eq!(evidence.text, "已全部苫盖");
    assert_eq!(evidence.files.len(), 1);
    assert!(evidence.files[0].starts_with("photo.jpg sha256:"));
    // Closed: no longer open or overdue.
    h.get_by_label(&tr.f(T::SvCounts, &[&1, &0, &0]));
    // The ledger exports with the finding.
    click(&mut h, &tr.f(T::SvExportLedger, &[&tr.t(T::TgExportCsv)]));
    settle(&mut h);
    let shown: Vec<String> = h
        .query_all_by_label_contains("导出")
        .map(|n| format!("{n:?}"))
        .collect();
    let ledger = std::fs::read_to_string(
        env.workspace
            .path()
            .join("exports/findings-ledger-2019-12-10.csv"),
    )
    .unwrap_or_else(|e| panic!("{e}: {shown:?}"));
    assert!(ledger.contains("工地裸土未苫盖"));
    // The 督办单 of the selected finding, written as .docx beside its detail.
    h.get_by_label(tr.t(T::SvOrder));
    click(&mut h, tr.t(T::DocWriteDocx));
    let docx = env
        .workspace
        .path()
        .join("exports/关于督促整改城关镇有关问题的督办单.docx");
    for _ in 0..600 {
        if docx.is_file() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run();
    }
    let bytes = std::fs::read(&docx).expect("the 督办单 is written");
    assert!(bytes.starts_with(b"PK"), "a .docx package");
}

#[test]
fn import_reports_the_bad_line_and_assigns_the_rest() {
    let env = Env::new();
    let mut h = app(&env, Language::En);
    let tr = Tr(Language::En);
    let list = env.workspace.path().join("list.csv");
    std::fs::write(
        &list,
        "编号,问题描述,地点,责任单位,整改时限\n1,道路扬尘,北环路,交通局,2019-12-20\n2,渣土车未密闭,东关,,2019-12-20\n3,餐饮油烟,西街,市场监管局,长期坚持\n",
    )
    .expect("list");
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvImportPath),
        &list.display().to_string(),
    );
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvImportSource),
        "省第三督查组",
    );
    click(&mut h, tr.t(T::SvImportRead));
    // The list is read on a worker thread.
    settle(&mut h);
    h.get_by_label(&tr.f(T::SvImportFound, &[&2, &1]));
    // Line 3 has no responsible unit.
    assert!(
        h.query_all_by_label_contains("Line 3, column 4")
            .next()
            .is_some()
    );
    assert!(
        finding_events(&env).is_empty(),
        "nothing written on preview"
    );
    click(&mut h, &tr.f(T::SvImportAssign, &[&2]));
    let events = finding_events(&env);
    assert_eq!(events.len(), 2);
    h.get_by_label("DB0002");
    h.get_by_label(tr.t(T::SvStanding));
}

#[test]
fn a_board_alert_fills_the_form_in_one_step() {
    let env = Env::new();
    let mut h = app(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.state_mut().send(Command::Navigate(Page::Situation));
    h.run();
    let at = chrono::DateTime::parse_from_rfc3339("2019-12-05T03:00:00+08:00").expect("time");
    h.state_mut().send(Command::FindingFromAlert(AlertInput {
        station: "1034A".into(),
        station_name: Some("人民会堂".into()),
        variable: "PM2.5".into(),
        unit_of_value: "µg/m³".into(),
        at,
        value: 612.0,
        kind: AlertKind::Burst,
    }));
    h.run();
    assert_eq!(h.state().page(), Page::Supervision);
    let description = h
        .get_by_role_and_label(Role::MultilineTextInput, tr.t(T::SvColDescription))
        .value()
        .unwrap_or_default();
    assert!(description.contains("人民会堂（1034A）"), "{description}");
    assert!(description.contains("612"), "{description}");
    type_into(&mut h, Role::TextInput, tr.t(T::SvColUnit), "生态环境分局");
    // No silent standing item: an empty deadline is refused until one is typed or standing is
    // ticked; the example date is not before today.
    let deadline = h.get_by_role_and_label(Role::TextInput, tr.t(T::SvColDeadline));
    assert!(deadline.value().unwrap_or_default().is_empty());
    click(&mut h, tr.t(T::SvAssign));
    h.get_by_label(tr.t(T::SvNeedDeadline));
    assert!(finding_events(&env).is_empty());
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvColDeadline),
        "2019-12-06",
    );
    click(&mut h, tr.t(T::SvAssign));
    h.get_by_label(&format!("{}：2019-12-06", tr.t(T::SvColDeadline)));
    click(&mut h, tr.t(T::SvAssignConfirm));
    let events = finding_events(&env);
    assert_eq!(events.len(), 1);
    let FindingEvent::Assigned { finding, .. } =
        events[0].decode::<FindingEvent>().expect("payload")
    else {
        panic!("assigned");
    };
    assert!(matches!(
        finding.origin,
        airdesk::domain::findings::Origin::Alert { .. }
    ));
    assert_eq!(finding.place, "人民会堂");
}

#[test]
fn roster_imported_into_the_workspace_shows_who_is_on_duty() {
    let env = Env::new();
    let mut h = app(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.get_by_label(tr.t(T::SvNoRoster));
    let src = tempfile::tempdir().expect("dir");
    let file = src.path().join("值班表.csv");
    std::fs::write(
        &file,
        "日期,开始时间,结束时间,姓名,岗位,电话\n2019-12-10,08:30,次日08:30,王强,带班领导,13800000001\n2019-12-11,08:30,次日08:30,李娜,带班领导,13800000002\n",
    )
    .expect("roster");
    type_into(
        &mut h,
        Role::TextInput,
        tr.t(T::SvRosterPath),
        &file.display().to_string(),
    );
    h.get_by_role_and_label(Role::Button, tr.t(T::SvImportRoster))
        .click();
    h.run();
    h.run();
    assert!(env.workspace.path().join("roster.csv").is_file());
    assert_eq!(
        h.state().workspace().settings().roster.as_deref(),
        Some(std::path::Path::new("roster.csv"))
    );
    // Drill clock 2019-12-10 14:00: 王强 now, 李娜 next.
    assert!(
        h.query_all_by_label_contains("带班领导 王强 13800000001")
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("带班领导 李娜 13800000002")
            .next()
            .is_some()
    );
}

/// The sample's contact list names its units by the plan's ids; the 通讯录 shows their names.
#[test]
fn the_contact_list_names_units_by_their_plan_names() {
    let env = Env::new();
    let options = env.sample_options(Language::Zh, Some("赵敏"));
    let mut h = harness(AirDeskApp::new(options).expect("app"), (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Supervision));
    h.run();
    h.run();
    assert!(
        h.query_all_by_label_contains("河东镇人民政府")
            .next()
            .is_some(),
        "the township's name"
    );
    assert!(
        h.query_all_by_label_contains("town-hedong")
            .next()
            .is_none(),
        "no plan id in the contact list"
    );
}

/// Preedit shows in the field, commits replace it and land in order.
fn ime_into(h: &mut Harness<'static, AirDeskApp>, role: Role, label: &str) {
    let field = h.get_by_role_and_label(role, label);
    field.focus();
    h.run();
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "yangchen".into(),
        active_range_chars: Some(0..8),
    }));
    h.run();
    assert_eq!(
        h.get_by_role_and_label(role, label).value().as_deref(),
        Some("yangchen"),
        "{label}"
    );
    h.event(Event::Ime(ImeEvent::Commit("扬尘".into())));
    h.run();
    h.event(Event::Ime(ImeEvent::Commit("污染".into())));
    h.run();
    assert_eq!(
        h.get_by_role_and_label(role, label).value().as_deref(),
        Some("扬尘污染"),
        "{label}"
    );
}

#[test]
fn chinese_ime_reaches_every_text_field_of_the_form() {
    let env = Env::new();
    let mut h = app(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    ime_into(&mut h, Role::MultilineTextInput, tr.t(T::SvColDescription));
    for key in [
        T::SvColSource,
        T::SvColPlace,
        T::SvColUnit,
        T::SvImportSource,
    ] {
        ime_into(&mut h, Role::TextInput, tr.t(key));
    }
    // The remark and evidence fields of a finding's next move.
    type_into(&mut h, Role::TextInput, tr.t(T::SvColUnit), "住建局");
    h.get_by_label(tr.t(T::SvStandingPick)).click();
    h.run();
    click(&mut h, tr.t(T::SvAssign));
    h.get_by_label(&format!(
        "{}：{}",
        tr.t(T::SvColDeadline),
        tr.t(T::SvStanding)
    ));
    click(&mut h, tr.t(T::SvAssignConfirm));
    h.get_by_label("DB0001").click();
    h.run();
    ime_into(&mut h, Role::TextInput, tr.t(T::SvNote));
    ime_into(&mut h, Role::TextInput, tr.t(T::SvEvidenceText));
}
