//! The first start opens the sample drill: Handan on 22 Dec 2019 at 10:00 mid-way through an
//! orange warning, with the drill banner, coloured station tiles, the cards filled from the
//! journal, roster, forecast and budget, staggered production, and the alert list; nothing after
//! the drill moment is shown; F5 reloads.

mod common;

use airdesk::ui::AirDeskApp;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::projector::{MIN_FIT_ZOOM, Slide};
use airdesk::workspace::Language;
use common::{Env, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// A first start: no workspace given, none opened before, config in a temporary folder.
fn first_start(env: &Env, language: Language) -> AirDeskApp {
    start(env, language, None)
}

fn start(env: &Env, language: Language, officer: Option<&str>) -> AirDeskApp {
    AirDeskApp::new(env.sample_options(language, officer)).expect("app")
}

#[test]
fn first_start_opens_the_sample_drill_mid_episode() {
    let env = Env::new();
    let app = first_start(&env, Language::Zh);
    let root = app.workspace().root().to_path_buf();
    assert!(root.starts_with(env.config.path()), "{}", root.display());
    assert!(
        !root.starts_with(env!("CARGO_MANIFEST_DIR")),
        "the repo's sample-data is never opened in place"
    );
    assert_eq!(
        airdesk::clock::to_cst(app.now())
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        "2019-12-22 10:00"
    );
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    h.get_by_label_contains(&tr.f(T::DrillBanner, &[&"2019-12-22 10:00"]));
    // Data up to the drill moment, not the rest of the month that the files hold.
    h.get_by_label_contains(&tr.f(T::DataAsOf, &[&"2019-12-22 10:00"]));
    // Station tiles of Handan's seven stations.
    for name in ["环保局", "东污水处理厂", "矿院", "丛台公园"] {
        assert!(
            h.query_all_by_label_contains(name).next().is_some(),
            "{name}"
        );
    }
    // The warning from the journal, since 21 Dec 22:00; the late town's overdue items.
    h.get_by_label("橙色预警");
    h.get_by_label_contains(&tr.f(T::WarningSince, &[&"12-21 22:00"]));
    h.get_by_label_contains("项逾期");
    // The roster: the day shift of 22 Dec.
    h.get_by_label("赵敏");
    // Budget and the next window from the sample's settings and forecast.
    h.get_by_label(tr.t(T::BudgetMean));
    h.get_by_label(tr.t(T::NextWindow));
    // The "to do now" strip: the advice, the overdue items and the alerts waiting; the alert
    // list below it.
    h.get_by_label(tr.t(T::TodoNow));
    h.get_by_label_contains(&tr.f(T::AlertsToAcknowledge, &[&3]));
    h.get_by_label_contains(&tr.f(T::AlertsCount, &[&24, &3]));
    // Staggered production of the heating season, in force on 22 Dec: the listed brick kilns,
    // carbon, foundry and cement enterprises.
    h.get_by_label(tr.t(T::StaggeredTitle));
    h.get_by_label(&tr.f(T::StaggeredInForce, &[&"2019-11-15", &"2020-03-15", &24]));
    h.get_by_label_contains("砖瓦窑 8");
    // F5 reloads without losing anything.
    h.key_press_modifiers(Modifiers::NONE, Key::F5);
    settle(&mut h);
    h.get_by_label("橙色预警");
    h.get_by_label_contains(&tr.f(T::DataAsOf, &[&"2019-12-22 10:00"]));
}

#[test]
fn the_sample_reads_in_english_and_in_projector_mode() {
    let env = Env::new();
    let mut h = harness(first_start(&env, Language::En), (1366.0, 768.0));
    settle(&mut h);
    let tr = Tr(Language::En);
    h.get_by_label("orange warning");
    h.key_press_modifiers(Modifiers::NONE, Key::F11);
    h.run();
    assert!(h.state().presenting());
    h.get_by_label_contains(tr.t(T::ProjectorBanner));
    h.get_by_label("orange warning");
}

#[test]
fn a_second_start_reopens_the_installed_sample() {
    let env = Env::new();
    let first = first_start(&env, Language::Zh);
    let root = first.workspace().root().to_path_buf();
    drop(first);
    let again = first_start(&env, Language::Zh);
    assert_eq!(again.workspace().root(), root);
}

/// The `alert.raised` events of the workspace's journal.
fn raised(root: &std::path::Path) -> Vec<airdesk::journal::Event> {
    use airdesk::journal::Storage;
    let journal = airdesk::journal::SqliteStorage::open_read_only(root).expect("journal");
    journal
        .read_since(0)
        .expect("read")
        .into_iter()
        .filter(|e| e.kind == airdesk::domain::alerts::RAISED)
        .collect()
}

#[test]
fn alerts_are_kept_once_with_an_officer_and_only_shown_in_projector_mode() {
    let env = Env::new();
    // Projector mode from the first frame (`--projector`): shown, not kept.
    let mut options = env.sample_options(Language::Zh, Some("赵敏"));
    options.projector = true;
    let mut h = harness(AirDeskApp::new(options).expect("app"), (1366.0, 768.0));
    settle(&mut h);
    assert!(h.state().presenting());
    let root = h.state().workspace().root().to_path_buf();
    assert!(raised(&root).is_empty());
    drop(h);
    // At the desk: every alert on the board is kept, once, with the drill time.
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    h.run();
    let kept = raised(&root);
    assert!(!kept.is_empty(), "the drill morning has alerts");
    assert!(kept.iter().all(|e| e.operator == "赵敏"));
    assert!(
        kept.iter()
            .all(|e| e.recorded_at == airdesk::clock::parse_moment("2019-12-22 10:00").expect("t"))
    );
    assert!(kept.iter().any(|e| e.payload.contains("1049A")));
    h.key_press_modifiers(Modifiers::NONE, Key::F5);
    settle(&mut h);
    drop(h);
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    h.run();
    drop(h);
    assert_eq!(raised(&root).len(), kept.len(), "raised once only");
}

#[test]
fn an_alert_goes_to_supervision_in_one_step() {
    let env = Env::new();
    let app = start(&env, Language::Zh, Some("张伟"));
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    // The sample's morning has two "above neighbours" alerts (矿院, 环保局) and one silence; only
    // the first two point at a reading to follow up.
    let buttons = h
        .query_all_by_role_and_label(egui::accesskit::Role::Button, tr.t(T::AlertToFinding))
        .count();
    assert_eq!(buttons, 2);
    h.get_all_by_label(tr.t(T::AlertToFinding))
        .next()
        .expect("a button")
        .click();
    settle(&mut h);
    assert_eq!(h.state().page(), airdesk::ui::pages::Page::Supervision);
    let description = h
        .get_by_role_and_label(
            egui::accesskit::Role::MultilineTextInput,
            tr.t(T::SvColDescription),
        )
        .value()
        .unwrap_or_default();
    assert!(
        description.contains("高于周边站点中位数 148"),
        "{description}"
    );
    // Assigned with a unit and a deadline, after the preview: back on the board the alert says
    // which finding it became and no longer waits (three waited, two are left).
    let unit = h.get_by_role_and_label(egui::accesskit::Role::TextInput, tr.t(T::SvColUnit));
    unit.focus();
    unit.type_text("丛台区");
    h.run();
    let deadline =
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, tr.t(T::SvColDeadline));
    deadline.focus();
    deadline.type_text("2019-12-23");
    h.run();
    h.get_by_label(tr.t(T::SvAssign)).click();
    settle(&mut h);
    h.get_by_label(tr.t(T::SvAssignConfirm)).click();
    settle(&mut h);
    h.state_mut().send(airdesk::ui::command::Command::Navigate(
        airdesk::ui::pages::Page::Situation,
    ));
    settle(&mut h);
    h.get_by_label(&tr.f(T::AlertHandedOver, &[&"DB0001"]));
    h.get_by_label_contains(&tr.f(T::AlertsToAcknowledge, &[&2]));
    let buttons = h
        .query_all_by_role_and_label(egui::accesskit::Role::Button, tr.t(T::AlertToFinding))
        .count();
    assert_eq!(buttons, 1);
}

#[test]
fn the_board_opens_on_what_to_do_now_at_1366() {
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    let strip = h.get_by_label(tr.t(T::TodoNow));
    let strip_top = strip.rect().top();
    let screen = h.ctx.content_rect();
    // The advice with its reason, the overdue items and the waiting alerts with their buttons,
    // all on the first screen.
    let on_screen = |node: egui_kittest::Node<'_>| {
        let r = node.rect();
        assert!(r.max.y <= screen.max.y, "{r:?} below {screen:?}");
    };
    on_screen(strip);
    on_screen(h.get_by_label_contains(&tr.f(T::TodoAdvice, &[&""])));
    on_screen(h.get_by_label_contains("项逾期"));
    on_screen(h.get_by_label(tr.t(T::TodoOpenChecklist)));
    for b in h.get_all_by_label(tr.t(T::AlertAcknowledge)) {
        on_screen(b);
    }
    // Above it, on the clock's line, the area's AQI at a glance, however long the strip grows.
    let glance = h.get_by_label("AQI 230").rect();
    assert!(glance.bottom() < strip_top, "{glance:?}");
    // Its buttons lead where the work is done.
    h.get_by_label(tr.t(T::TodoOpenChecklist)).click();
    settle(&mut h);
    assert_eq!(h.state().page(), airdesk::ui::pages::Page::Response);
    h.get_by_label(tr.t(T::RespTabChecklist));
}

#[test]
fn the_handover_names_who_is_on_duty_from_the_roster() {
    let env = Env::new();
    let app = start(&env, Language::Zh, Some("张伟"));
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(airdesk::ui::command::Command::Navigate(
        airdesk::ui::pages::Page::Response,
    ));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    h.get_by_label(tr.t(T::RespTabReports)).click();
    settle(&mut h);
    h.get_by_label(tr.t(T::RespHandover)).click();
    settle(&mut h);
    // 赵敏 is on duty at 10:00 by the sample roster.
    // Without a roster the section says 未提供值班表; the duty card of the board is not on this page.
    assert!(h.query_by_label_contains("未提供值班表").is_none());
    h.get_by_label_contains("当前值班：");
    h.get_by_label_contains("赵敏");
}

#[test]
fn an_alert_is_acknowledged_with_the_officer_and_a_note() {
    use airdesk::journal::Storage;
    use egui::accesskit::Role;
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1920.0, 1080.0));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    // The sample's morning has three alerts, none acknowledged yet.
    let buttons = |h: &egui_kittest::Harness<'_, AirDeskApp>| {
        h.query_all_by_role_and_label(Role::Button, tr.t(T::AlertAcknowledge))
            .count()
    };
    assert_eq!(buttons(&h), 3);
    h.get_by_label_contains(&tr.f(T::AlertsToAcknowledge, &[&3]));
    h.get_all_by_label(tr.t(T::AlertAcknowledge))
        .next()
        .expect("a button")
        .click();
    settle(&mut h);
    // The note field has the focus as soon as the form opens.
    let field = h.get_by_label(tr.t(T::AlertAckNote));
    assert!(field.is_focused());
    field.type_text("已电话通知运维单位");
    h.run();
    h.get_by_label(tr.t(T::AlertAckConfirm)).click();
    settle(&mut h);
    h.run();

    let root = h.state().workspace().root().to_path_buf();
    let journal = airdesk::journal::SqliteStorage::open_read_only(&root).expect("journal");
    let acks: Vec<_> = journal
        .read_since(0)
        .expect("read")
        .into_iter()
        .filter(|e| e.kind == airdesk::domain::alerts::ACKNOWLEDGED)
        .collect();
    assert_eq!(acks.len(), 1);
    assert_eq!(acks[0].operator, "赵敏");
    assert!(
        acks[0].payload.contains("已电话通知运维单位"),
        "{}",
        acks[0].payload
    );
    // The board shows who acknowledged it and the note; two are left to acknowledge.
    h.get_by_label_contains("已确认：赵敏 12-22 10:00：已电话通知运维单位");
    assert_eq!(buttons(&h), 2);
    h.get_by_label_contains(&tr.f(T::AlertsToAcknowledge, &[&2]));
    // F11 works right after the form closed; projector mode offers no button (the alerts are
    // the desk's, not a slide).
    h.key_press_modifiers(Modifiers::NONE, Key::F11);
    settle(&mut h);
    assert!(h.state().presenting());
    assert_eq!(buttons(&h), 0);
}

#[test]
fn projector_board_shows_the_area_aqi_and_the_warning_on_one_card() {
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::NONE, Key::F11);
    settle(&mut h);
    let tr = Tr(Language::Zh);
    // The headline card replaces the clock card (the header keeps the clock) and holds both.
    let headline = h.get_by_label_contains(tr.t(T::Headline));
    let top = headline.rect().top();
    assert!(h.query_by_label("10:00").is_none(), "no clock card");
    let aqi = h.get_by_label(tr.t(T::AreaAqi)).rect();
    let level = h.get_by_label("橙色预警").rect();
    // Both within the first screen of a 1366×768 projector at 2× text.
    let screen = h.ctx.content_rect();
    assert!(
        aqi.bottom() < screen.bottom() && level.bottom() < screen.bottom(),
        "{aqi:?} {level:?} {screen:?}"
    );
    assert!(aqi.top() > top && level.top() > top);
    // In English the row is longer: the warning level moves to a row of its own rather than
    // running off the card.
    drop(h);
    let mut h = harness(start(&env, Language::En, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::NONE, Key::F11);
    settle(&mut h);
    let screen = h.ctx.content_rect();
    let level = h.get_by_label("orange warning").rect();
    assert!(screen.contains_rect(level), "{level:?} {screen:?}");
}

/// The Map page on the sample drill: the latest hour the desk can see is the drill moment; the
/// slider moves back and never past it; the replay runs hour by hour and stops at the drill
/// moment; pointing at a station shows its readout; projector mode keeps the map and the play
/// button and no edit widget.
#[test]
fn map_replays_up_to_the_drill_moment_and_reads_out_a_station() {
    use airdesk::store::Hour;
    use airdesk::ui::command::Command;
    use airdesk::ui::pages::Page;
    use egui::accesskit::Role;
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Map));
    h.run();
    let tr = Tr(Language::Zh);
    let drill = Hour::from_utc(h.state().now());
    h.get_by_label(&tr.f(T::MpAt, &[&"2019-12-22 10:00"]));
    h.get_by_label(tr.t(T::MpDrillLimit));
    assert_eq!(h.state_mut().pages_mut().map.hour(), Some(drill));
    h.get_by_role_and_label(Role::Image, "区域实时 AQI　2019-12-22 10:00");
    // The slider: back three hours, then forward as far as it goes: it stops at the drill moment.
    for _ in 0..3 {
        h.get_by_role(Role::Slider).decrement_accesskit();
        h.run();
    }
    h.get_by_label(&tr.f(T::MpAt, &[&"2019-12-22 07:00"]));
    for _ in 0..6 {
        h.get_by_role(Role::Slider).increment_accesskit();
        h.run();
    }
    h.get_by_label(&tr.f(T::MpAt, &[&"2019-12-22 10:00"]));
    // Replay from 07:00: hour by hour (one every 0.6 s; the harness steps 0.25 s), never past
    // the drill moment, and it stops there.
    for _ in 0..3 {
        h.get_by_role(Role::Slider).decrement_accesskit();
        h.run();
    }
    h.get_by_label(tr.t(T::MpPlay)).click();
    h.step();
    let mut seen = Vec::new();
    for _ in 0..40 {
        h.step();
        let hour = h.state_mut().pages_mut().map.hour().expect("hour");
        assert!(hour <= drill, "the replay went past the drill moment");
        if seen.last() != Some(&hour) {
            seen.push(hour);
        }
    }
    assert_eq!(seen.first().copied(), Some(drill - 3));
    assert_eq!(seen.last().copied(), Some(drill));
    assert!(seen.windows(2).all(|w| w[1] - w[0] == 1), "{seen:?}");
    assert!(!h.state_mut().pages_mut().map.playing());
    h.get_by_label(tr.t(T::MpPlay));
    // Hover readout: before pointing, the hint; the own area's stations are named.
    h.get_by_label(tr.t(T::MpHoverHint));
    // 1047A is one of Handan's stations (环保局).
    let at = h
        .state_mut()
        .pages_mut()
        .map
        .station_on_screen("1047A")
        .expect("1047A on the map");
    h.hover_at(at);
    h.run();
    let found = h
        .query_by_label_contains(&tr.f(T::MpCity, &[&"邯郸"]))
        .is_some();
    assert!(found, "no station readout under the pointer");
    h.get_by_label(tr.t(T::MpLast24));
    assert!(h.query_all_by_label_contains("首要污染物").next().is_some());
    // Projector mode: the map and the play button, no edit widget.
    h.state_mut().send(Command::ToggleProjector);
    h.run();
    let edit: Vec<String> = h
        .query_all_by(|n| {
            matches!(
                n.role(),
                Role::TextInput | Role::ComboBox | Role::CheckBox | Role::Slider
            )
        })
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(edit.is_empty(), "{edit:?}");
    h.get_by_label(tr.t(T::MpPlay));
}

/// Whether `text` shows something only the software should see: a journal sequence number
/// ("#124"), an event kind ("checklist.implemented"), a measure code (「O-SUP-2」) or an
/// officer's login after a title ("… · gxj").
fn internal_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let seq = chars
        .windows(2)
        .any(|w| w[0] == '#' && w[1].is_ascii_digit());
    let code = chars
        .windows(2)
        .any(|w| w[0] == '「' && w[1].is_ascii_uppercase());
    let kind = text
        .split(|c: char| !(c.is_ascii_lowercase() || c == '.' || c == '_'))
        .any(|t| {
            let parts: Vec<&str> = t.split('.').collect();
            parts.len() == 2 && parts.iter().all(|p| p.len() > 1)
        });
    let login = text.rsplit_once('·').is_some_and(|(_, tail)| {
        let tail = tail.trim();
        (2..=6).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_lowercase())
    });
    seq || code || kind || login
}

#[test]
fn internal_codes_are_recognised() {
    for code in [
        "已记录 #124（checklist.implemented）",
        "措施「O-SUP-2」已落实",
        "关于启动橙色预警的通知 · gxj",
    ] {
        assert!(internal_code(code), "{code}");
    }
    for plain in [
        "橙色预警 · 自 12-21 22:00 起",
        "PM2.5 180 μg/m³",
        "HJ 633-2012",
    ] {
        assert!(!internal_code(plain), "{plain}");
    }
}

/// Step the deck once (→) and let the slide settle (it is fitted over a few frames).
fn next_slide(h: &mut egui_kittest::Harness<'static, AirDeskApp>) {
    h.key_press(Key::ArrowRight);
    settle(h);
}

/// The projector is a deck of seven slides, not the desk's eight pages; each slide fits one screen
/// at 1366×768 and 1920×1080 (zoomed down from the projector scale when it must, never below the
/// desktop's size), and no slide shows an internal code or a status line.
#[test]
fn every_slide_fits_one_screen_and_shows_no_internal_code() {
    for (lang, size) in [
        (Language::Zh, (1366.0, 768.0)),
        (Language::Zh, (1920.0, 1080.0)),
        (Language::En, (1366.0, 768.0)),
        (Language::En, (1920.0, 1080.0)),
    ] {
        let env = Env::new();
        let mut h = harness(start(&env, lang, Some("赵敏")), size);
        settle(&mut h);
        h.key_press(Key::F11);
        settle(&mut h);
        for slide in Slide::ALL {
            let screen = h.ctx.content_rect().expand(1.0);
            assert_eq!(h.state().presenting_slide(), Some(slide));
            assert!(h.ctx.zoom_factor() >= MIN_FIT_ZOOM, "{slide:?}");
            for node in h.query_all_by(|n| n.bounding_box().is_some()) {
                let text = format!(
                    "{} {}",
                    node.accesskit_node().label().unwrap_or_default(),
                    node.accesskit_node().value().unwrap_or_default()
                );
                assert!(!internal_code(&text), "{slide:?} {lang:?}: {text}");
                assert!(
                    screen.contains_rect(node.rect()),
                    "{slide:?} {lang:?} {size:?}: {text:?} at {:?} is off the screen {screen:?} (zoom {})",
                    node.rect(),
                    h.ctx.zoom_factor()
                );
            }
            next_slide(&mut h);
        }
        assert_eq!(h.state().presenting_slide(), Some(Slide::Headline));
    }
}

/// The response slide says how the units' reports stand (late, missing, due), and the reduction
/// slide's chart gets the height its projector fonts need at 1920×1080 (at 300 pt it drew only
/// "图幅太小，无法绘制"): the slide is zoomed down to fit instead.
#[test]
fn the_response_slide_counts_reports_and_the_reduction_chart_has_room() {
    use egui::accesskit::Role;
    for lang in [Language::Zh, Language::En] {
        let env = Env::new();
        let mut h = harness(start(&env, lang, Some("赵敏")), (1920.0, 1080.0));
        settle(&mut h);
        h.key_press(Key::F11);
        settle(&mut h);
        next_slide(&mut h);
        assert_eq!(h.state().presenting_slide(), Some(Slide::Response));
        let tr = Tr(lang);
        let expected = tr.f(T::ReportsDueCount, &[&0, &0, &27]);
        // A label's text is its node's value.
        let said = h
            .query_all_by(|n| n.bounding_box().is_some())
            .filter_map(|n| n.accesskit_node().value())
            .any(|v| v == expected);
        assert!(said, "{lang:?}: no 「{expected}」 on the response slide");
        next_slide(&mut h);
        assert_eq!(h.state().presenting_slide(), Some(Slide::Reduction));
        let chart = h
            .query_all_by_role(Role::Image)
            .map(|n| n.rect())
            .max_by(|a, b| a.height().total_cmp(&b.height()))
            .expect("the reduction chart");
        assert!(
            chart.height() >= 370.0,
            "{lang:?}: the chart {chart:?} is too low to draw"
        );
    }
}

/// The headline slide is laid out for a meeting room at 1920×1080 and at 1366×768: the big
/// figures (area AQI and PM2.5, the warning level, since when and until when, the notice number),
/// the day's trend chart filling the screen's height down to its bottom, and the stations as
/// tiles beside it (AQI, category, primary pollutant).
#[test]
fn the_headline_slide_fills_the_screen_with_figures_trend_and_stations() {
    use egui::accesskit::Role;
    for (lang, size) in [
        (Language::Zh, (1920.0, 1080.0)),
        (Language::Zh, (1366.0, 768.0)),
        (Language::En, (1920.0, 1080.0)),
    ] {
        let env = Env::new();
        let mut h = harness(start(&env, lang, Some("赵敏")), size);
        settle(&mut h);
        h.key_press(Key::F11);
        settle(&mut h);
        let tr = Tr(lang);
        let screen = h.ctx.content_rect();
        for figure in [tr.t(T::AreaAqi), tr.t(T::AreaPm25), "230", "180"] {
            h.get_by_label(figure);
        }
        h.get_by_label(&tr.f(T::WarningSince, &[&"12-21 22:00"]));
        h.get_by_label(&tr.f(T::WarningExpectedEnd, &[&"12-24 22:00"]));
        h.get_by_label("某县应急办〔2019〕3号");
        // The trend chart takes the rest of the screen's height.
        let chart = h
            .query_all_by_role(Role::Image)
            .map(|n| n.rect())
            .max_by(|a, b| a.height().total_cmp(&b.height()))
            .expect("the trend chart");
        assert!(
            chart.height() > screen.height() * 0.25 && chart.bottom() > screen.bottom() * 0.85,
            "{lang:?} {size:?}: the chart {chart:?} leaves the screen {screen:?} empty"
        );
        // The stations beside it, each a tile with its AQI and primary pollutant.
        if lang == Language::Zh {
            let stations = h.get_by_label(tr.t(T::SlideStations)).rect();
            assert!(stations.left() > chart.right(), "{stations:?} {chart:?}");
            for tile in ["环保局 227", "东污水处理厂 236", "矿院 232", "丛台公园 226"]
            {
                let r = h.get_by_label(&format!("{tile} 重度污染 · PM2.5")).rect();
                assert!(screen.contains_rect(r), "{tile} {r:?}");
            }
        }
    }
}

/// Each slide opens at its top: the desk's scroll position is not carried into the deck, and
/// stepping round the deck comes back to the headline at the top.
#[test]
fn each_slide_opens_at_its_top() {
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    let tr = Tr(Language::Zh);
    // The clock card's title (the header says 演练时间 too, above the page).
    let card_title = |h: &egui_kittest::Harness<'static, AirDeskApp>| {
        h.get_all_by_label(tr.t(T::DrillClock))
            .map(|n| n.rect())
            .max_by(|a, b| a.top().total_cmp(&b.top()))
            .expect("the clock card")
    };
    let clock = card_title(&h);
    h.hover_at(clock.center());
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -600.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    settle(&mut h);
    let scrolled = card_title(&h);
    assert!(scrolled.top() < clock.top() - 100.0, "the board scrolled");
    h.key_press(Key::F11);
    settle(&mut h);
    let top = h.get_by_label_contains(tr.t(T::Headline)).rect().top();
    assert!(top > 0.0 && top < 200.0, "{top}");
    for _ in Slide::ALL {
        next_slide(&mut h);
    }
    let again = h.get_by_label_contains(tr.t(T::Headline)).rect().top();
    assert!((again - top).abs() < 1.0, "{again} {top}");
}

/// The mouse wheel over a chart scrolls the page, Ctrl+wheel zooms the chart, and the zoom is
/// gone when the officer comes back to the page.
#[test]
fn the_wheel_scrolls_the_page_and_ctrl_wheel_zooms_the_chart() {
    use egui::accesskit::Role;
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    let chart = |h: &egui_kittest::Harness<'static, AirDeskApp>| {
        let node = h
            .query_all_by_role(Role::Image)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.contains("Home"))
            })
            .expect("the trend chart (the board's only time chart)");
        (
            node.accesskit_node().label().unwrap_or_default(),
            node.rect(),
        )
    };
    let wheel = |h: &mut egui_kittest::Harness<'static, AirDeskApp>, modifiers| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers,
        });
        settle(h);
    };
    // The chart starts below the "to do now" strip: the wheel over the page brings it up.
    let screen = h.ctx.content_rect();
    h.hover_at(screen.center());
    wheel(&mut h, Modifiers::NONE);
    wheel(&mut h, Modifiers::NONE);
    let (label, rect) = chart(&h);
    let at = egui::pos2(
        rect.center().x,
        (rect.top() + 30.0).min(screen.bottom() - 60.0),
    );
    assert!(
        rect.contains(at),
        "the chart starts on the first screen: {rect:?}"
    );
    h.hover_at(at);
    wheel(&mut h, Modifiers::NONE);
    let (after, moved) = chart(&h);
    assert_eq!(after, label, "the plain wheel does not zoom");
    assert!(
        moved.top() < rect.top() - 20.0,
        "the page scrolled: {rect:?} → {moved:?} (pointer {at:?}, screen {screen:?})"
    );
    h.hover_at(moved.center());
    wheel(&mut h, Modifiers::COMMAND);
    let (zoomed, _) = chart(&h);
    assert_ne!(zoomed, label, "Ctrl+wheel zooms");
    // Away and back: the whole extent again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    settle(&mut h);
    assert_eq!(chart(&h).0, label);
}

#[test]
fn the_data_pages_station_table_starts_with_the_desks_area() {
    let env = Env::new();
    let mut h = harness(start(&env, Language::Zh, Some("赵敏")), (1366.0, 768.0));
    settle(&mut h);
    h.state_mut().send(airdesk::ui::command::Command::Navigate(
        airdesk::ui::pages::Page::Data,
    ));
    settle(&mut h);
    let table = h.state().data().store.stations();
    let mut own: Vec<String> = table
        .in_area("邯郸")
        .into_iter()
        .map(|id| table.get(id).code.clone())
        .collect();
    own.sort();
    assert!(!own.is_empty());
    // Beijing's 1001A sorts before Handan's codes, yet Handan's stations come first.
    let first = h.get_by_label(&own[0]).rect();
    if let Some(beijing) = h.query_by_label("1001A") {
        assert!(first.top() < beijing.rect().top(), "{first:?}");
    }
    let last_own = h.get_by_label(own.last().expect("own")).rect();
    if let Some(beijing) = h.query_by_label("1001A") {
        assert!(last_own.top() < beijing.rect().top(), "{last_own:?}");
    }
}
