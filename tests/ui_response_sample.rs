//! The Response page on the sample drill (Handan, 22 Dec 2019 10:00, orange warning in force):
//! the advice names the unfavourable-weather windows of the sample's meteorological forecast, and
//! the after-action summary embeds the episode chart with a row per episode day; the 日报 states the
//! air and is written as .docx and PDF with an edited field, the unit notices as one PDF, the 通报
//! as .docx; the checklist is the plan's unit tree; an item's evidence file comes from the file dialog (or a
//! typed path); the emission-reduction list's check and an enterprise's card, and the
//! enterprises' items.

mod common;

use airdesk::journal::{SqliteStorage, Storage};
use airdesk::ui::command::Command;
use airdesk::ui::file_dialog::{DialogKind, DialogOutcome};
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::{Page, ResponseTab};
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::Language;
use common::{Env, harness, settle};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The sample drill as a first start opens it, with the officer on duty at the drill moment.
fn sample(env: &Env, language: Language) -> Harness<'static, AirDeskApp> {
    sample_with(env, language, None)
}

/// The sample drill; `file_dialogs` as the start option says.
fn sample_with(
    env: &Env,
    language: Language,
    file_dialogs: Option<bool>,
) -> Harness<'static, AirDeskApp> {
    let app = AirDeskApp::new(StartOptions {
        file_dialogs,
        ..env.sample_options(language, Some("赵敏"))
    })
    .expect("app");
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Response));
    h.run();
    h
}

/// The Checklist tab with the reports per township folded away, so that the first node named
/// after a township is its row in the unit tree.
fn show_checklist_tree(h: &mut Harness<'static, AirDeskApp>) {
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Checklist);
    h.run();
    h.get_by_label(Tr(Language::Zh).t(T::RptTownTitle)).click();
    h.run();
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
    h.get_by_label(Tr(Language::Zh).t(T::RespSummary)).click();
    h.run();
    h.get_by_label(Tr(Language::Zh).t(T::RespSaveSummary))
        .click();
    h.run();
    // Saved on a worker thread.
    settle(&mut h);
    let html: Vec<String> = std::fs::read_dir(root.join("exports"))
        .expect("exports")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    let [html] = html.as_slice() else {
        panic!("one summary expected, got {}", html.len());
    };
    assert!(html.contains("src=\"data:image/png;base64,"), "chart");
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

#[test]
fn the_checklist_shows_the_unit_tree_folds_by_keyboard_and_filters_to_a_subtree() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    show_checklist_tree(&mut h);
    let count = |h: &Harness<'static, AirDeskApp>, label: &str| h.query_all_by_label(label).count();
    // Township → community → grids, and the community (no items of its own) only in the tree.
    for unit in [
        "城关镇人民政府",
        "城关镇东关社区",
        "东关社区第一网格",
        "河东镇李集村",
    ] {
        assert!(count(&h, unit) >= 1, "{unit}");
    }
    assert_eq!(count(&h, "县教育体育局"), 2, "tree row and table row");

    // Fold the township by keyboard: its villages and grids leave the tree.
    let collapse = tr.f(T::RespCollapse, &[&"城关镇人民政府"]);
    h.get_by_label(&collapse).focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(count(&h, "城关镇东关社区"), 0);
    let expand = tr.f(T::RespExpand, &[&"城关镇人民政府"]);
    h.get_by_label(&expand).focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(count(&h, "城关镇东关社区"), 1);

    // Selecting the township shows only its subtree's items.
    let tree_row = h
        .query_all_by_label("城关镇人民政府")
        .next()
        .expect("tree row");
    tree_row.scroll_to_me();
    h.run();
    h.query_all_by_label("城关镇人民政府")
        .next()
        .expect("tree row")
        .click();
    h.run();
    assert_eq!(count(&h, "县教育体育局"), 1, "only the tree row");
    assert!(
        count(&h, "东关社区第二网格") >= 2,
        "the grid's item is listed"
    );
    assert_eq!(
        count(&h, "河东镇李集村"),
        1,
        "another township's village: tree only"
    );
}

/// A day after the drill moment nobody has sent the 23 Dec report due at 09:00: the 催报 list calls
/// the person the sample's contact list (`contacts.csv`) names for each late unit, not the plan's
/// 值班室, and its text is addressed to them.
#[test]
fn the_chase_list_calls_the_contact_list_first() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let at = chrono::DateTime::parse_from_rfc3339("2019-12-23T10:00:00+08:00")
        .expect("time")
        .with_timezone(&chrono::Utc);
    h.state_mut()
        .send(Command::SetClock(airdesk::clock::Clock::Drill {
            at,
            anchor_real: chrono::Utc::now(),
            running: false,
        }));
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Checklist);
    h.run();
    let texts = texts_containing(&h, "【催报】河东镇人民政府");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("【催报】河东镇人民政府何建军（大气办主任）：")),
        "{texts:?}"
    );
    assert!(!texts_containing(&h, "河东镇大气污染防治工作群").is_empty());
}

/// Select the `n`-th table row of `unit` after filtering the checklist to that unit (its tree row
/// is the first node with the name).
fn select_row(h: &mut Harness<'static, AirDeskApp>, unit: &str, n: usize) {
    let tree_row = h.query_all_by_label(unit).next().expect("tree row");
    tree_row.scroll_to_me();
    h.run();
    h.query_all_by_label(unit).next().expect("tree row").click();
    h.run();
    h.query_all_by_label(unit)
        .nth(n + 1)
        .expect("table row")
        .click();
    h.run();
}

#[test]
fn an_evidence_file_from_the_dialog_is_recorded_with_its_sha256() {
    let env = Env::new();
    let mut h = sample_with(&env, Language::Zh, Some(false));
    let tr = Tr(Language::Zh);
    let root = h.state().workspace().root().to_path_buf();
    show_checklist_tree(&mut h);
    // 河东镇's overdue grid-patrol report (O-SUP-2) reads first: the list is by urgency.
    select_row(&mut h, "河东镇人民政府", 0);
    let t = texts_containing(&h, "网格员加密巡查辖区散煤");
    assert!(
        t.iter().any(|x| x.starts_with("河东镇人民政府 · ")),
        "{t:?}"
    );

    // No system dialog on this machine: the button says so and the path field takes the focus.
    h.get_by_label(tr.t(T::RespPickEvidence)).click();
    h.run();
    h.run();
    h.get_by_label(tr.t(T::RespNoDialog));
    assert!(h.get_by_label(tr.t(T::RespEvidence)).is_focused());

    // A dialog that returns a file fills the field.
    let file = env.config.path().join("巡查记录.pdf");
    std::fs::write(&file, b"abc").expect("evidence");
    h.state_mut().dialog_closed(DialogOutcome {
        kind: DialogKind::EvidenceFile,
        paths: vec![file.clone()],
        unavailable: false,
    });
    h.run();
    assert_eq!(
        h.get_by_label(tr.t(T::RespEvidence)).value().as_deref(),
        Some(file.display().to_string().as_str())
    );
    h.get_by_label(tr.t(T::RespFeedback)).focus();
    h.run();
    h.get_by_label(tr.t(T::RespFeedback))
        .type_text("补报网格巡查记录");
    h.run();
    // Below the item's history and the feedback record's fields: scrolled to, as the officer
    // would; the file goes into the evidence store on a worker thread before the report.
    h.get_by_label(tr.t(T::RespActImplement)).scroll_to_me();
    h.run();
    h.get_by_label(tr.t(T::RespActImplement)).click();
    settle(&mut h);
    let last = SqliteStorage::open_read_only(&root)
        .expect("journal")
        .read_since(0)
        .expect("events")
        .pop()
        .expect("event");
    assert_eq!(last.kind, "checklist.implemented");
    assert_eq!(last.operator, "赵敏");
    assert!(last.payload.contains("巡查记录.pdf"), "{}", last.payload);
    // SHA-256 of "abc".
    assert!(
        last.payload
            .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        "{}",
        last.payload
    );
    assert_eq!(std::fs::read(&file).expect("untouched"), b"abc");
}

#[test]
fn the_checklist_table_fits_a_1366_screen() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.set_size(egui::vec2(1366.0, 768.0));
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Checklist);
    h.run();
    let screen = h.ctx.content_rect();
    // The last columns (deadline, time left) are on screen, not cut off at the right.
    for column in [T::RespColDeadline, T::RespColRemaining] {
        let header = h.get_by_label(tr.t(column)).rect();
        assert!(
            header.right() <= screen.right(),
            "{column:?} {header:?} {screen:?}"
        );
    }
    // Sorted by urgency: the sample's overdue item is the first row, on the first screen of
    // 有效措施; clicking anywhere in its row (here its measure text) selects it.
    let now = airdesk::clock::to_cst(h.state().now());
    let (unit, text) = {
        let overdue = h.state().session().models().response.overdue(now);
        let first = overdue.first().expect("the sample has an overdue item");
        (first.spec.unit_name.clone(), first.spec.text.clone())
    };
    let header = h.get_by_label(tr.t(T::RespColRemaining)).rect();
    // Several units share the measure's text: the first row is the topmost of them.
    fn topmost<'a>(h: &'a Harness<'static, AirDeskApp>, text: &'a str) -> egui_kittest::Node<'a> {
        h.query_all_by_label(text)
            .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
            .expect("the measure's rows")
    }
    let row = topmost(&h, &text).rect();
    assert!(row.bottom() <= screen.bottom(), "{row:?}");
    assert!(
        row.top() - header.bottom() < 30.0,
        "the overdue item is the first row: {row:?} under {header:?}"
    );
    // A pointer click on the measure's text, not on the unit's name.
    topmost(&h, &text).click();
    h.run();
    h.run();
    // The item's panel opens below the table, off the first screen at 1366×768: the page
    // brings its heading into view.
    let heading = h.get_by_label(&format!("{unit} · {text}")).rect();
    assert!(
        screen.contains_rect(heading),
        "the opened item {heading:?} is off the screen {screen:?}"
    );
}

#[test]
fn the_reduction_tab_checks_the_sample_list_and_shows_an_enterprises_card() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Reduction);
    h.run();
    assert!(!texts_containing(&h, "60 家企业，100 条生产线").is_empty());
    // Staggered production in the page's header, as on the board.
    assert!(!texts_containing(&h, "执行中：2019-11-15 至 2020-03-15").is_empty());
    // The sample's orange level: SO2 met at 24 %, VOCs short by 167 kg/d.
    let short = "17.0% 未达标\n缺 167 kg/d";
    assert_eq!(h.query_all_by_label(short).count(), 1);
    assert!(!texts_containing(&h, "24.0% 达标").is_empty());
    // At 1366×768 the check table keeps its last column clear of the chart beside it.
    h.set_size(egui::vec2(1366.0, 768.0));
    h.run();
    let cell = h.get_by_label(short).rect();
    let chart = h.get_by_label(tr.t(T::RedChartTitle)).rect();
    assert!(
        cell.right() <= h.ctx.content_rect().right() && !cell.intersects(chart),
        "{cell:?} {chart:?}"
    );
    // … and the enterprise table stays clear of the card's place (below it at this width).
    let card = h.get_by_label(tr.t(T::RedPickOne)).rect();
    let name = h.get_by_label(tr.t(T::RedColName)).rect();
    let last = h
        .query_all_by_label("VOCs")
        .map(|n| n.rect())
        .find(|r| (r.center().y - name.center().y).abs() < 2.0)
        .expect("the enterprise table's last header");
    assert!(
        last.right() <= card.left() || card.top() >= last.bottom(),
        "{last:?} {card:?}"
    );
    h.set_size(egui::vec2(1920.0, 1080.0));
    h.run();
    assert!(!texts_containing(&h, "reduction-list.csv").is_empty());
    // An enterprise's card: its lines with their measures, and the drill's items for it.
    h.get_by_label("河东宏远钢铁有限公司").click();
    h.run();
    assert!(!texts_containing(&h, "统一社会信用代码 91130400MA0000137W").is_empty());
    assert!(!texts_containing(&h, "烧结机").is_empty());
    assert!(!texts_containing(&h, "自主减排，稳定达标排放").is_empty());
    assert_eq!(
        h.query_all_by_label("第 1 次过程").count(),
        2,
        "township and department"
    );
    h.state_mut().send(Command::SetLanguage(Language::En));
    h.run();
    assert_eq!(h.query_all_by_label("17.0% short\nby 167 kg/d").count(), 1);
    assert!(!texts_containing(&h, "Checklist history").is_empty());
}

#[test]
fn the_drills_checklist_holds_each_listed_enterprise_under_its_township() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    show_checklist_tree(&mut h);
    let town = "河东镇人民政府";
    h.query_all_by_label(town)
        .next()
        .expect("tree row")
        .scroll_to_me();
    h.run();
    h.query_all_by_label(town).next().expect("tree row").click();
    h.run();
    // The township's own measures, then its enterprises' measures for orange.
    let items = texts_containing(&h, "有限公司：");
    assert!(
        items
            .iter()
            .any(|t| t.starts_with("河东宏远钢铁有限公司：自主减排")),
        "{items:?}"
    );
    assert!(items.iter().any(|t| t.contains("限产50%")), "{items:?}");
    // Township → listed enterprises (folded at first) → one enterprise → its measure.
    let enterprise = "河东宏远钢铁有限公司";
    assert_eq!(h.query_all_by_label(enterprise).count(), 0, "folded");
    let expand = tr.f(T::RespExpand, &[&tr.t(T::RespListedEnterprises)]);
    let labels: Vec<String> = h
        .query_all_by(|_| true)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let after_town = labels.iter().position(|l| l == town).expect("town");
    let nth = labels[..after_town]
        .iter()
        .filter(|l| **l == expand)
        .count();
    h.query_all_by_label(&expand)
        .nth(nth)
        .expect("the township's group")
        .click();
    h.run();
    h.query_all_by_label(enterprise)
        .next()
        .expect("enterprise row")
        .click();
    h.run();
    let items = texts_containing(&h, "有限公司：");
    assert!(
        !items.is_empty() && items.iter().all(|t| t.starts_with(enterprise)),
        "{items:?}"
    );
}

#[test]
fn the_response_slide_shows_the_units_not_the_listed_enterprises() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.key_press_modifiers(egui::Modifiers::NONE, egui::Key::F11);
    h.run();
    assert!(h.state().presenting());
    // The top-level units still at work, their counts rolled up over the enterprises' items; a
    // meeting needs the sums, not sixty rows.
    assert!(h.query_all_by_label(tr.t(T::RespColOverdue)).count() >= 1);
    assert_eq!(
        h.query_all_by_label(tr.t(T::RespListedEnterprises)).count(),
        0
    );
    assert_eq!(h.query_all_by_label("东城鑫源钢铁有限公司").count(), 0);
}

/// Run frames until `exports/` holds a file ending in `suffix` (documents are written on a
/// background thread); its path.
fn wait_for_export(
    h: &mut Harness<'static, AirDeskApp>,
    root: &std::path::Path,
    suffix: &str,
) -> std::path::PathBuf {
    for _ in 0..1200 {
        h.run();
        let found = std::fs::read_dir(root.join("exports"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(p) = found {
            return p;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("no {suffix} written");
}

#[test]
fn the_daily_report_and_the_unit_notices_are_written_as_docx_and_pdf() {
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    let root = h.state().workspace().root().to_path_buf();
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Reports);
    h.run();
    // The 日报 states the area's air as of the drill moment.
    assert!(
        !texts_containing(&h, "今日截至10时，邯郸实时AQI为230").is_empty(),
        "the air in the preview"
    );
    // Change the issue number, then write the .docx.
    h.get_by_label(tr.t(T::DocFields)).click();
    h.run();
    let field = h.get_by_label(tr.t(T::DocNo));
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(tr.t(T::DocNo)).type_text("第2期");
    h.run();
    h.get_by_label(tr.t(T::DocWriteDocx)).click();
    let docx = wait_for_export(&mut h, &root, ".docx");
    let xml = common::document_xml(&docx);
    for s in ["重污染天气应急工作简报", "第2期", "邯郸", "日报"] {
        assert!(xml.contains(s), "{s} not in the .docx");
    }
    assert!(
        !xml.contains("第356期"),
        "the edited number replaces the plan's"
    );
    h.get_by_label(tr.t(T::DocWritePdf)).click();
    let pdf = wait_for_export(&mut h, &root, ".pdf");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));

    // The unit notices of the issue as one PDF, a part per unit.
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Notices);
    h.run();
    h.query_all_by_label_contains("县教育体育局重污染天气")
        .next()
        .expect("a unit notice in the list")
        .click();
    h.run();
    h.get_by_label(tr.t(T::DocAllUnits)).click();
    h.run();
    h.get_by_label(tr.t(T::DocWritePdf)).click();
    let all = wait_for_export(&mut h, &root, "（各责任单位）.pdf");
    assert!(std::fs::read(&all).expect("pdf").starts_with(b"%PDF-"));

    // The 通报 is the last entry: previewed with the drill's open problem, written as .docx.
    h.get_by_label("关于重污染天气应急响应落实情况的通报")
        .click();
    h.run();
    assert!(
        !texts_containing(&h, "三、问题未整改情况").is_empty(),
        "the 通报 in the preview"
    );
    h.get_by_label(tr.t(T::DocWriteDocx)).click();
    let docx = wait_for_export(&mut h, &root, "通报.docx");
    let xml = common::document_xml(&docx);
    for s in [
        "关于重污染天气应急响应落实情况的通报",
        "县住房和城乡建设局",
        "予以通报批评",
    ] {
        assert!(xml.contains(s), "{s} not in the 通报 .docx");
    }
}

#[test]
fn chinese_ime_reaches_every_document_field() {
    use egui::{Event, ImeEvent};
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Reports);
    h.run();
    h.get_by_label(tr.t(T::DocFields)).click();
    h.run();
    for key in [
        T::DocNo,
        T::DocTo,
        T::DocCc,
        T::DocSigner,
        T::DocPrinter,
        T::DocPrinted,
        T::DocCopyNo,
        T::DocSecrecy,
    ] {
        let label = tr.t(key);
        h.get_by_label(label).focus();
        h.run();
        // Empty the field, then compose: the preedit shows, the commits land in order.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.key_press(egui::Key::Backspace);
        h.run();
        h.event(Event::Ime(ImeEvent::Preedit {
            text: "baosong".into(),
            active_range_chars: Some(0..7),
        }));
        h.run();
        assert_eq!(
            h.get_by_label(label).value().as_deref(),
            Some("baosong"),
            "{label}"
        );
        h.event(Event::Ime(ImeEvent::Commit("报送".into())));
        h.run();
        h.event(Event::Ime(ImeEvent::Commit("单位".into())));
        h.run();
        assert_eq!(
            h.get_by_label(label).value().as_deref(),
            Some("报送单位"),
            "{label}"
        );
    }
}

/// The officer's round trip of feedback forms on the drill: 写出反馈表 (every unit with open
/// items, one file each into `exports/`), a unit fills its form (here with rust_xlsxwriter: one
/// good row, one with a status no form offers), 导入反馈表 reads it on a worker thread into a
/// preview of the row to record and the problem with its row; one click records the good row in
/// the journal with who reported it, when and how; the same form again records nothing and says
/// why for each row.
#[test]
fn feedback_forms_go_out_and_come_back_through_a_preview() {
    use airdesk::domain::response::{FormKey, ItemStatus};
    use airdesk::ingest::FileReport;
    use airdesk::ingest::feedback_form::read_form;

    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    let root = h.state().workspace().root().to_path_buf();
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Checklist);
    h.run();
    // The reports rolled up per township sit above the tree.
    h.get_by_label(tr.t(T::RptTownTitle));
    assert!(h.query_all_by_label(tr.t(T::RptColMissing)).count() >= 1);

    h.get_by_label(tr.t(T::FbWrite)).scroll_to_me();
    h.run();
    h.get_by_label(tr.t(T::FbWrite)).click();
    h.run();
    let town = "河东镇人民政府";
    let written = wait_for_export(&mut h, &root, &format!("{town}-20191222-1000.xlsx"));
    let bytes = std::fs::read(&written).expect("form");
    let rows = read_form(&bytes, &mut FileReport::new(&written)).expect("a form");
    let (key, status) = {
        let episode = h
            .state()
            .session()
            .models()
            .response
            .latest()
            .expect("episode");
        rows.iter()
            .find_map(|r| {
                let key = FormKey::parse(&r.key)?;
                let item = episode.item(&key.item)?;
                matches!(item.status, ItemStatus::Notified | ItemStatus::Acknowledged)
                    .then(|| (r.key.clone(), item.status))
            })
            .expect("an item of 河东镇 to report implemented")
    };

    let filled = root.join("河东镇-已填.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let table = [
        [
            "事项编号",
            "责任单位",
            "反馈状态",
            "反馈时间",
            "反馈人",
            "反馈渠道",
            "情况说明",
        ],
        [
            &key,
            town,
            "已落实",
            "2019-12-22 09:30",
            "李四",
            "微信",
            "网格巡查已完成",
        ],
        [
            &key,
            town,
            "已完成",
            "2019-12-22 09:40",
            "李四",
            "微信",
            "重复",
        ],
    ];
    for (r, row) in table.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    book.save(&filled).expect("save");
    let import = |h: &mut Harness<'static, AirDeskApp>| {
        h.state_mut().dialog_closed(DialogOutcome {
            kind: DialogKind::FeedbackForms,
            paths: vec![filled.clone()],
            unavailable: false,
        });
        settle(h);
    };
    import(&mut h);
    // The preview: the row to record (status change, time, person, channel) and the problem
    // with its row.
    h.get_by_label(&tr.f(T::FbPreviewTitle, &[&1, &1]));
    let change = format!("{} → 已落实", tr.item_status(status));
    h.get_by_label(&change);
    h.get_by_label("2019-12-22 09:30");
    h.get_by_label("李四");
    assert!(!texts_containing(&h, "反馈状态「已完成」无法识别").is_empty());
    assert_eq!(
        h.query_all_by_label("河东镇-已填.xlsx").count(),
        2,
        "the file on the row to record and on the problem"
    );
    let before = SqliteStorage::open_read_only(&root)
        .expect("journal")
        .read_since(0)
        .expect("events")
        .len();
    let record = tr.f(T::FbRecord, &[&1]);
    h.get_by_label(&record).scroll_to_me();
    h.run();
    h.get_by_label(&record).click();
    h.run();
    h.get_by_label(&tr.f(T::FbRecorded, &[&1, &1]));
    let events = SqliteStorage::open_read_only(&root)
        .expect("journal")
        .read_since(0)
        .expect("events");
    assert_eq!(events.len(), before + 1, "one transaction, one row");
    let last = events.last().expect("event");
    assert_eq!(last.operator, "赵敏");
    for part in ["李四", "网格巡查已完成", "2019-12-22T09:30:00+08:00"] {
        assert!(last.payload.contains(part), "{part}: {}", last.payload);
    }

    // The same form again: nothing to record, each row says why.
    import(&mut h);
    h.get_by_label(&tr.f(T::FbPreviewTitle, &[&0, &2]));
    h.get_by_label(tr.t(T::FormAlreadyRecorded));
    assert!(
        h.get_by_label(&tr.f(T::FbRecord, &[&0]))
            .accesskit_node()
            .is_disabled()
    );
}

/// A desk whose journal another instance holds cannot import: the button is disabled and the
/// reason is beside it.
#[test]
fn a_read_only_desk_cannot_import_feedback_forms() {
    let env = Env::new();
    let _first = sample(&env, Language::Zh);
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Checklist);
    h.run();
    let import = h.get_by_label(tr.t(T::FbImport));
    assert!(import.accesskit_node().is_disabled());
    assert!(!texts_containing(&h, "值班日志只读").is_empty());
}

/// Open the item of `unit` whose measure reads `text`: the table sorts by urgency, so each row
/// with the text is clicked until the item panel's heading names the unit.
fn open_item(h: &mut Harness<'static, AirDeskApp>, unit: &str, text: &str) {
    let heading = format!("{unit} · {text}");
    for i in 0..h.query_all_by_label(text).count() {
        let row = h.query_all_by_label(text).nth(i).expect("row");
        row.scroll_to_me();
        h.run();
        h.query_all_by_label(text).nth(i).expect("row").click();
        h.run();
        if h.query_by_label(&heading).is_some() {
            return;
        }
    }
    panic!("no row of the checklist opens {heading}");
}

/// With the fireworks campaign running beside the drill's warning and its checklist shown (with
/// the feedback forms, which carry the run's items too), the spot-check draw and a 不属实 check
/// are the campaign run's: the item reopens in the run and
/// the warning episode is left as it was.
#[test]
fn a_failed_check_on_a_campaign_item_reopens_it_in_the_campaign_run() {
    use airdesk::domain::response::{self, CampaignInput, ItemKey, ItemStatus};
    let env = Env::new();
    let mut h = sample(&env, Language::Zh);
    let tr = Tr(Language::Zh);
    let root = h.state().workspace().root().to_path_buf();
    let now = airdesk::clock::to_cst(h.state().now());
    h.state_mut()
        .send(Command::Response(response::Command::StartCampaign(
            CampaignInput {
                campaign: "fireworks".into(),
                start: now,
                expected_end: None,
                approver: None,
                doc_no: String::new(),
                reasons: Vec::new(),
            },
        )));
    h.run();
    let item = ItemKey::new("C-FW-1", "gaj");
    let done = response::Command::implement(item.clone(), "查处违法燃放2起", None);
    h.state_mut().send(Command::Response(done.in_campaign(1)));
    h.run();
    let warning =
        |h: &Harness<'static, AirDeskApp>| h.state().session().models().response.latest().cloned();
    let before = warning(&h);
    assert!(before.is_some(), "the drill's warning");

    h.state_mut()
        .pages_mut()
        .response
        .show_tab(ResponseTab::Checklist);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, tr.t(T::RespChecklistOf))
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
    // Under the run's checklist the feedback forms are offered too (they carry its items).
    assert!(h.query_by_label(tr.t(T::FbWrite)).is_some());
    h.get_by_label(tr.t(T::CheckDraw)).click();
    h.run();
    let journal = || {
        SqliteStorage::open_read_only(&root)
            .expect("journal")
            .read_since(0)
            .expect("events")
            .pop()
            .expect("event")
    };
    let drawn = journal();
    assert_eq!(drawn.kind, "checks.sampled");
    assert!(
        drawn.payload.contains("\"of\":\"campaign\""),
        "{}",
        drawn.payload
    );

    open_item(
        &mut h,
        "县公安局",
        "城区及禁放区域内全面禁止燃放烟花爆竹，依法查处违法燃放行为。",
    );
    h.get_by_label(tr.t(T::FieldCheckNote)).focus();
    h.run();
    h.get_by_label(tr.t(T::FieldCheckNote))
        .type_text("夜查发现城区仍有燃放");
    h.run();
    h.get_by_label(&tr.f(T::CheckRecord, &[&tr.t(T::CheckNotConfirmed)]))
        .focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let checked = journal();
    assert_eq!(checked.kind, "checklist.checked");
    assert_eq!(checked.operator, "赵敏");
    assert!(
        checked.payload.contains("\"of\":\"campaign\"")
            && checked.payload.contains("not_confirmed")
            && checked.payload.contains("\"sample\":1"),
        "{}",
        checked.payload
    );
    let state = &h.state().session().models().response;
    let run = state.campaign_run(1).expect("the run");
    assert_eq!(
        run.item(&item).map(|i| i.status),
        Some(ItemStatus::ProblemReported)
    );
    assert_eq!(run.checks.len(), 1);
    assert_eq!(warning(&h), before, "the warning episode untouched");
}
