//! The response page driven through the real app on a temporary workspace: consultation → issue
//! (notice previewed, confirm focused, Enter records) → acknowledge → implemented with evidence →
//! problem → rectified → upgrade (diff shown first) → lift, every journal event stamped with the
//! officer's name; exports land in `exports/`; projector mode shows the state with no edit widget
//! and writes nothing; a second instance shows why it cannot record, without forms.

mod common;

use airdesk::journal::{SqliteStorage, Storage};
use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::{Page, ResponseTab};
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use common::{Env, harness, settle};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn events(env: &Env) -> Vec<(String, String, String)> {
    SqliteStorage::open_read_only(env.workspace.path())
        .expect("journal")
        .read_since(0)
        .expect("read")
        .into_iter()
        .map(|e| (e.kind, e.operator, e.payload))
        .collect()
}

fn kinds(env: &Env) -> Vec<String> {
    events(env).into_iter().map(|e| e.0).collect()
}

fn tab(h: &mut Harness<'static, AirDeskApp>, n: Key) {
    h.key_press_modifiers(Modifiers::ALT, n);
    h.run();
}

fn type_into(h: &mut Harness<'static, AirDeskApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Confirm the pending preview: the confirm button has the focus, Enter records.
fn confirm(h: &mut Harness<'static, AirDeskApp>, tr: Tr) {
    h.run();
    assert!(
        h.get_by_label(tr.t(T::RespConfirm)).is_focused(),
        "the confirm button takes the focus"
    );
    h.key_press(Key::Enter);
    h.run();
}

fn pick_level(h: &mut Harness<'static, AirDeskApp>, tr: Tr, level: &str) {
    h.get_by_role_and_label(Role::ComboBox, tr.t(T::RespLevel))
        .click();
    h.run();
    h.get_by_label(level).click();
    h.run();
}

/// Select the checklist row of the `n`-th item of the latest episode.
fn select_item(h: &mut Harness<'static, AirDeskApp>, n: usize) -> String {
    let (unit, text) = {
        let state = &h.state().session().models().response;
        let spec = &state.latest().expect("episode").items[n].spec;
        (spec.unit_name.clone(), spec.text.clone())
    };
    // The table sorts by urgency, so the item's row is found by its measure's text, and the one
    // whose click opens this unit's item is it.
    let heading = format!("{unit} · {text}");
    let rows = h.query_all_by_label(&text).count();
    for i in 0..rows {
        let row = h.query_all_by_label(&text).nth(i).expect("row");
        row.scroll_to_me();
        h.run();
        h.query_all_by_label(&text).nth(i).expect("row").click();
        h.run();
        if h.query_by_label(&heading).is_some() {
            return unit;
        }
    }
    panic!("no row of the checklist opens {heading}");
}

/// Scroll the page until the widget labelled `label` is in view, as the officer would, then click
/// it (the item panel's buttons sit below a long history and the feedback fields).
fn click_in_view(h: &mut Harness<'static, AirDeskApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn the_workflow_from_consultation_to_lifting_is_journalled_with_the_officer() {
    let env = Env::new();
    let tr = Tr(Language::Zh);
    let mut h = harness(
        AirDeskApp::new(env.options(Language::Zh)).expect("app"),
        (1920.0, 1080.0),
    );
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    assert_eq!(h.state().page(), Page::Response);
    assert_eq!(kinds(&env), ["shift.started"]);

    // Consultation.
    type_into(&mut h, tr.t(T::RespParticipants), "张伟，李娜");
    type_into(&mut h, tr.t(T::RespBasis), "未来三天静稳高湿");
    h.get_by_label(tr.t(T::RespRecordConsultation)).click();
    confirm(&mut h, tr);
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("consultation.recorded")
    );

    // Issue an orange warning: the notice is shown before confirming.
    pick_level(&mut h, tr, "橙色预警");
    type_into(&mut h, tr.t(T::RespApprover), "县长");
    h.get_by_label(tr.t(T::RespPreviewIssue)).click();
    h.run();
    h.get_by_label(tr.t(T::RespNoticePreview));
    assert_eq!(kinds(&env).len(), 2, "nothing recorded before confirming");
    confirm(&mut h, tr);
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("warning.issued")
    );
    let items = h
        .state()
        .session()
        .models()
        .response
        .latest()
        .expect("episode")
        .items
        .len();
    assert!(items >= 2, "{items}");

    // Checklist: acknowledge, implement with evidence, problem, rectify.
    tab(&mut h, Key::Num2);
    let unit = select_item(&mut h, 0);
    click_in_view(&mut h, tr.t(T::RespActAcknowledge));
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("checklist.acknowledged")
    );
    // A plain confirmation: the unit, the measure, what happened, who and when; no codes.
    let confirmation = format!("{unit} ");
    let verb = format!("{} — ", tr.t(T::ItemAcknowledged));
    let said = h
        .get_by_label_contains(&verb)
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(said.starts_with(&confirmation), "{said}");
    assert!(
        !said.contains('#') && !said.contains("checklist."),
        "{said}"
    );
    // It stays with the page that asked: not on the next page, not on coming back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    h.run();
    assert!(h.query_by_label_contains(&said).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    assert!(h.query_by_label_contains(&said).is_none());
    tab(&mut h, Key::Num2);
    select_item(&mut h, 0);
    let evidence = env.workspace.path().join("现场照片.jpg");
    // A JPEG without EXIF (a chat app stripped it; synthetic): stored, and the item says what
    // could not be read.
    let jpeg = [0xFF, 0xD8, 0xFF, 0xD9];
    std::fs::write(&evidence, jpeg).expect("evidence");
    type_into(&mut h, tr.t(T::RespFeedback), "已停工");
    type_into(&mut h, tr.t(T::RespReporter), "王强");
    type_into(
        &mut h,
        tr.t(T::RespEvidence),
        &evidence.display().to_string(),
    );
    click_in_view(&mut h, tr.t(T::RespActImplement));
    // The evidence file is copied into the evidence store on a worker thread; the report is
    // recorded once it is there.
    settle(&mut h);
    let last = events(&env).pop().expect("event");
    assert_eq!(last.0, "checklist.implemented");
    assert!(
        last.2.contains("现场照片.jpg") && last.2.contains("sha256"),
        "{}",
        last.2
    );
    // The feedback record: who reported, when (now, the field left empty) and how.
    assert!(
        last.2.contains("\"reporter\":\"王强\"")
            && last.2.contains("reported_at")
            && last.2.contains("\"channel\":\"wechat\""),
        "{}",
        last.2
    );
    assert_eq!(std::fs::read(&evidence).expect("still there"), jpeg);
    let stored: Vec<_> = std::fs::read_dir(env.workspace.path().join("evidence"))
        .expect("the evidence store")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(stored.len(), 1);
    assert_eq!(std::fs::read(&stored[0]).expect("stored copy"), jpeg);
    h.get_by_label_contains("EXIF");
    h.get_by_label_contains(&tr.f(T::EvidenceOpen, &[&"现场照片.jpg"]));

    // Spot check: draw from the done items, then record 不属实, which reopens the item.
    click_in_view(&mut h, tr.t(T::CheckDraw));
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("checks.sampled")
    );
    select_item(&mut h, 0);
    type_into(&mut h, tr.t(T::FieldCheckNote), "夜查发现仍在施工");
    // Below the item's history, out of the window at first: the keyboard reaches it.
    h.get_by_label(&tr.f(T::CheckRecord, &[&tr.t(T::CheckNotConfirmed)]))
        .focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let last = events(&env).pop().expect("event");
    assert_eq!(last.0, "checklist.checked");
    assert!(
        last.2.contains("not_confirmed") && last.2.contains("\"sample\":1"),
        "{}",
        last.2
    );
    let status = h
        .state()
        .session()
        .models()
        .response
        .latest()
        .expect("episode")
        .items[0]
        .status;
    assert_eq!(
        status,
        airdesk::domain::response::ItemStatus::ProblemReported
    );
    type_into(&mut h, tr.t(T::RespFeedback), "已停工");
    h.get_by_label(tr.t(T::RespActRectify)).focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("checklist.rectified")
    );

    select_item(&mut h, 1);
    type_into(&mut h, tr.t(T::RespFeedback), "未落实到位");
    click_in_view(&mut h, tr.t(T::RespActProblem));
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("checklist.problem_reported")
    );
    type_into(&mut h, tr.t(T::RespFeedback), "已整改");
    click_in_view(&mut h, tr.t(T::RespActRectify));
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("checklist.rectified")
    );

    // Upgrade to red: the diff is shown before confirming.
    tab(&mut h, Key::Num1);
    h.get_by_label(tr.t(T::RespChangeTitle)).click();
    h.run();
    pick_level(&mut h, tr, "红色预警");
    h.get_by_label(tr.t(T::RespPreviewChange)).click();
    h.run();
    for word in ["新增", "撤销", "保留"] {
        assert!(
            h.query_all_by_label_contains(word).next().is_some(),
            "{word}"
        );
    }
    confirm(&mut h, tr);
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("warning.upgraded")
    );

    // Notices and the ledger export.
    // Each export is saved on a worker thread and announced in a banner above the page, which
    // moves the buttons: wait for it before the next click.
    tab(&mut h, Key::Num3);
    h.get_by_label(tr.t(T::RespSaveAllTxt)).click();
    settle(&mut h);
    tab(&mut h, Key::Num4);
    h.get_by_label(tr.t(T::RespLedgerCsv)).click();
    settle(&mut h);
    h.get_by_label(tr.t(T::RespLedgerXlsx)).click();
    settle(&mut h);

    // Lift.
    tab(&mut h, Key::Num1);
    h.get_by_label(tr.t(T::RespLiftTitle)).click();
    h.run();
    eprintln!(
        "DEBUG {:?}",
        h.query_all_by_label_contains("解除")
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
    );
    type_into(&mut h, tr.t(T::RespLiftBasis), "空气质量好转");
    h.get_by_label(tr.t(T::RespPreviewLift)).click();
    confirm(&mut h, tr);
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("warning.lifted")
    );
    tab(&mut h, Key::Num4);
    h.get_by_label(tr.t(T::RespSummary)).click();
    h.run();
    h.get_by_label(tr.t(T::RespSaveSummary)).click();
    h.run();

    settle(&mut h);
    let all = events(&env);
    assert!(all.iter().all(|e| e.1 == "张伟"), "{all:?}");
    let exports: Vec<String> = std::fs::read_dir(env.workspace.path().join("exports"))
        .expect("exports")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for ext in [".txt", ".csv", ".xlsx", ".html"] {
        assert!(
            exports.iter().any(|n| n.ends_with(ext)),
            "{ext}: {exports:?}"
        );
    }
    let csv = exports.iter().find(|n| n.ends_with(".csv")).expect("csv");
    let bytes = std::fs::read(env.workspace.path().join("exports").join(csv)).expect("read");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM");

    // Every tab renders in English too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    for t in [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5] {
        tab(&mut h, t);
    }
    assert!(h.query_all_by_label_contains("lifted").next().is_some());
}

#[test]
fn projector_mode_shows_the_state_without_edit_widgets_and_writes_nothing() {
    let env = Env::new();
    let tr = Tr(Language::Zh);
    let mut h = harness(
        AirDeskApp::new(env.options(Language::Zh)).expect("app"),
        (1920.0, 1080.0),
    );
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    h.get_by_label(tr.t(T::RespIssueTitle)).click();
    h.run();
    pick_level(&mut h, tr, "黄色预警");
    h.get_by_label(tr.t(T::RespPreviewIssue)).click();
    confirm(&mut h, tr);
    let before = kinds(&env);
    assert_eq!(before.last().map(String::as_str), Some("warning.issued"));
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting());
    let edit: Vec<String> = h
        .query_all_by(|n| {
            matches!(
                n.role(),
                Role::TextInput | Role::MultilineTextInput | Role::ComboBox | Role::CheckBox
            )
        })
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(edit.is_empty(), "{edit:?}");
    h.get_by_label("黄色预警");
    h.get_by_label_contains(&tr.f(T::RespEpisodeChecklist, &[&1]));
    // A command sent anyway is refused.
    h.state_mut().send(Command::Response(
        airdesk::domain::response::Command::StartShift {
            note: String::new(),
        },
    ));
    h.run();
    assert_eq!(kinds(&env), before);
}

#[test]
fn a_second_instance_shows_why_and_offers_no_forms() {
    let env = Env::new();
    let _first = AirDeskApp::new(env.options(Language::Zh)).expect("first");
    let tr = Tr(Language::Zh);
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            officer: None,
            ..env.options(Language::Zh)
        })
        .expect("second"),
        (1366.0, 768.0),
    );
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    // The banner and the page both say why.
    assert!(h.query_all_by_label_contains("值班日志只读").count() >= 2);
    assert!(h.query_by_label(tr.t(T::RespPreviewIssue)).is_none());
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Timeline);
    h.run();
    // The first instance's shift is in the timeline.
    h.get_by_label("张伟");
}

#[test]
fn the_advice_fills_the_consultation_and_the_warning() {
    let env = Env::new();
    std::fs::copy(
        common::fixture("advise/anyang_forecast_20191221.csv"),
        env.workspace.path().join("forecast.csv"),
    )
    .expect("forecast");
    let tr = Tr(Language::Zh);
    let mut h = harness(
        AirDeskApp::new(StartOptions {
            drill: airdesk::clock::parse_moment("2019-12-21 20:00"),
            ..env.options(Language::Zh)
        })
        .expect("app"),
        (1920.0, 1080.0),
    );
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    h.get_by_label(tr.t(T::RespAdviceTitle));
    h.get_by_label(tr.t(T::RespFillFromAdvice)).click();
    h.run();
    let basis = h
        .get_by_label(tr.t(T::RespBasis))
        .value()
        .unwrap_or_default();
    assert!(!basis.is_empty());
    h.get_by_label(tr.t(T::RespRecordConsultation)).click();
    // Participants are required: the domain's message says so.
    h.run();
    h.get_by_label("请填写参会人员");
    type_into(&mut h, tr.t(T::RespParticipants), "张伟，李娜，气象台王工");
    h.get_by_label(tr.t(T::RespRecordConsultation)).click();
    confirm(&mut h, tr);
    let last = events(&env).pop().expect("event");
    assert_eq!(last.0, "consultation.recorded");
    assert!(last.2.contains("\"advice\":{"), "{}", last.2);
    // The issue form holds the advised level and start.
    let start = h
        .get_by_label(tr.t(T::RespStart))
        .value()
        .unwrap_or_default();
    assert!(start.starts_with("2019-12-2"), "{start}");
    h.get_by_label(tr.t(T::RespPreviewIssue)).click();
    h.run();
    confirm(&mut h, tr);
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("warning.issued")
    );
}

/// Temporary control is offered in the issue form; a warning that follows the city's orange
/// warning is refused below orange with the reason, and its notice says "根据…"; a campaign is
/// started from its tab beside the warning, its checklist chosen above the checklist, and the
/// board names it.
#[test]
fn regional_warning_temporary_control_and_a_campaign_from_the_page() {
    let env = Env::new();
    let tr = Tr(Language::Zh);
    let mut h = harness(
        AirDeskApp::new(env.options(Language::Zh)).expect("app"),
        (1920.0, 1080.0),
    );
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    h.get_by_label(tr.t(T::RespIssueTitle)).click();
    h.run();
    pick_level(&mut h, tr, "临时管控");
    type_into(
        &mut h,
        tr.t(T::RespRegionalSource),
        "邯郸市重污染天气应急指挥部",
    );
    type_into(&mut h, tr.t(T::RespRegionalNotice), "邯气应急〔2025〕3号");
    h.get_by_role_and_label(Role::ComboBox, tr.t(T::RespRegionalLevel))
        .click();
    h.run();
    h.query_all_by_label("橙色预警")
        .last()
        .expect("option")
        .click();
    h.run();
    h.get_by_label(tr.t(T::RespPreviewIssue)).click();
    h.run();
    h.get_by_label_contains("不得低于上级预警级别");
    pick_level(&mut h, tr, "橙色预警");
    h.get_by_label(tr.t(T::RespPreviewIssue)).click();
    h.run();
    h.get_by_label_contains(
        "根据邯郸市重污染天气应急指挥部发布的重污染天气橙色预警（邯气应急〔2025〕3号）",
    );
    confirm(&mut h, tr);
    let (kind, _, payload) = events(&env).pop().expect("event");
    assert_eq!(kind, "warning.issued");
    assert!(payload.contains("邯气应急〔2025〕3号"), "{payload}");

    h.get_by_label(tr.t(T::RespCampaignTitle)).click();
    h.run();
    h.get_by_label(tr.t(T::RespPreviewCampaignStart)).click();
    h.run();
    h.get_by_label_contains("禁燃禁售第七专项督查组");
    confirm(&mut h, tr);
    assert_eq!(
        kinds(&env).last().map(String::as_str),
        Some("campaign.started")
    );
    // The tab now offers to end it.
    h.get_by_label(tr.t(T::RespPreviewCampaignStop));

    tab(&mut h, Key::Num2);
    h.get_by_role_and_label(Role::ComboBox, tr.t(T::RespChecklistOf))
        .click();
    h.run();
    let running = tr.f(
        T::RespCampaignRunning,
        &[&"春节期间烟花爆竹禁燃禁售专项行动"],
    );
    h.query_all_by_label(&running)
        .last()
        .expect("option")
        .click();
    h.run();
    assert!(
        h.query_all_by_label_contains("禁燃禁售第一专项督查组")
            .next()
            .is_some()
    );

    h.state_mut().send(Command::Navigate(Page::Situation));
    h.run();
    h.get_by_label_contains(&tr.f(T::CampaignsRunning, &[&"春节期间烟花爆竹禁燃禁售专项行动"]));
    // In English the campaign goes by the plan's English name.
    h.state_mut().send(Command::SetLanguage(Language::En));
    h.run();
    let en = Tr(Language::En);
    h.get_by_label_contains(&en.f(T::CampaignsRunning, &[&"Spring Festival fireworks ban"]));

    // The 通知 tab lists the campaign's start notice (a 公文, in Chinese) and previews it.
    h.state_mut().send(Command::Navigate(Page::Response));
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Notices);
    h.run();
    h.get_by_label("关于开展春节期间烟花爆竹禁燃禁售专项行动的通知")
        .click();
    h.run();
    let previewed = h.query_all_by(|_| true).any(|n| {
        let node = n.accesskit_node();
        let said = node.label().or_else(|| node.value()).unwrap_or_default();
        said.contains("起开展春节期间烟花爆竹禁燃禁售专项行动")
    });
    assert!(previewed, "the campaign notice in the preview");
}

#[test]
fn a_broken_plan_is_said_in_the_users_language_with_its_lines() {
    let plan = airdesk::domain::plan::DEFAULT_PLAN_TOML
        .replacen("units = [\"jyj\"]", "units = [\"jyjj\"]", 1)
        .replacen(
            "{ above = 200, hours = 72 }",
            "{ above = 600, hours = 72 }",
            1,
        );
    let line = |needle: &str| {
        plan[..plan.find(needle).expect("edited")]
            .matches('\n')
            .count()
            + 1
    };
    let (unit, aqi) = (line("\"jyjj\""), line("above = 600"));
    for (language, said) in [
        (
            Language::Zh,
            [
                format!("第{unit}行第"),
                "单位「jyjj」未定义".to_owned(),
                format!("第{aqi}行第"),
                "阈值 600 不是可能的日 AQI".to_owned(),
            ],
        ),
        (
            Language::En,
            [
                format!("line {unit}, column"),
                "unknown unit 「jyjj」".to_owned(),
                format!("line {aqi}, column"),
                "threshold 600 is not a possible daily AQI".to_owned(),
            ],
        ),
    ] {
        let env = Env::new();
        std::fs::write(env.workspace.path().join("plan.toml"), &plan).expect("plan");
        let mut h = harness(
            AirDeskApp::new(env.options(language)).expect("app"),
            (1920.0, 1080.0),
        );
        settle(&mut h);
        h.state_mut().send(Command::Navigate(Page::Response));
        h.run();
        // The banner (both problems on one line) and the page (one line each) say it.
        for words in &said {
            assert!(
                h.query_all_by_label_contains(words).count() >= 2,
                "{language:?}: {words}"
            );
        }
    }
}
