//! Tests of the response workflow, and the drill scenario other modules' tests reuse.

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::domain::advisor::WarningState;
use crate::domain::plan::{Level, Plan, default_plan};
use crate::i18n::{Language, Render, Tr};
use crate::journal::{Author, SqliteStorage, Storage};
use crate::session::{Service, ServiceError};
use crate::store::Hour;

/// The response read model kept in step with a test journal.
pub(crate) type Responses = Service<ResponseState>;

pub(crate) fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

pub(crate) fn plan() -> Plan {
    default_plan().expect("default plan")
}

/// The default plan, parsed once for all the commands of the tests.
fn shared_plan() -> &'static Plan {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(plan)
}

pub(crate) fn officer() -> Author {
    Author::new("张伟", "desk-1").expect("author")
}

pub(crate) fn key(measure: &str, unit: &str) -> ItemKey {
    ItemKey::new(measure, unit)
}

pub(crate) fn issue_input(level: Level, start: &str) -> IssueInput {
    IssueInput {
        level,
        start: t(start),
        expected_end: Some(t(start) + Duration::hours(72)),
        approver: None,
        doc_no: "某县应急办〔2025〕3号".into(),
        reasons: vec!["预计1月15日至17日AQI持续超过200".into()],
        primary: String::new(),
        consultation: None,
        regional: None,
    }
}

fn change_input(to: Level, effective: &str) -> LevelChangeInput {
    LevelChangeInput {
        to,
        effective: t(effective),
        expected_end: None,
        approver: None,
        doc_no: String::new(),
        reasons: vec!["会商研判污染加重".into()],
        consultation: None,
        regional: None,
    }
}

/// The response read model over an in-memory journal.
pub(crate) fn fresh() -> (Responses, SqliteStorage) {
    let journal = SqliteStorage::open_in_memory().expect("journal");
    let service = Service::load(&journal, ResponseState::new()).expect("load");
    (service, journal)
}

/// Record `command` by the test officer at `at`, as the session does.
pub(crate) fn execute(
    service: &mut Responses,
    journal: &mut SqliteStorage,
    command: &Command,
    at: &str,
) -> Result<crate::journal::Event, ServiceError<CommandError>> {
    service.execute(journal, &officer(), t(at), |s| {
        decide(s, shared_plan(), command, t(at))
    })
}

pub(crate) fn run(
    service: &mut Responses,
    journal: &mut SqliteStorage,
    command: Command,
    at: &str,
) -> crate::journal::Event {
    execute(service, journal, &command, at).unwrap_or_else(|e| panic!("{command:?} at {at}: {e:?}"))
}

fn refused(
    service: &mut Responses,
    journal: &mut SqliteStorage,
    command: Command,
    at: &str,
) -> CommandError {
    match execute(service, journal, &command, at) {
        Err(ServiceError::Rejected(e)) => e,
        other => panic!("{command:?} should be refused, got {other:?}"),
    }
}

/// What `command` would record at `at` by the test officer, and the state after it.
fn preview_at(
    service: &Responses,
    command: &Command,
    at: &str,
) -> Result<(ResponseEvent, ResponseState), CommandError> {
    let stamp = Stamp {
        seq: service.last_seq() + 1,
        at: t(at),
        operator: officer().operator().to_owned(),
        desk: officer().desk().to_owned(),
    };
    preview(service.model(), shared_plan(), command, &stamp)
}

/// Copy every event of `from` into `to` as recorded (operator, desk, time, payload).
pub(crate) fn copy_events(from: &[crate::journal::Event], to: &mut SqliteStorage) {
    for event in from {
        let author = Author::new(&event.operator, &event.desk).expect("author");
        let payload: serde_json::Value = serde_json::from_str(&event.payload).expect("json");
        let draft = author
            .draft(event.local_time(), &event.kind, &payload)
            .expect("draft");
        to.append(&draft).expect("append");
    }
}

/// The drill, warning start 2025-01-15T00:00+08:00, recorded through a session and copied
/// into `journal`; `service` catches up with it.
pub(crate) fn drill(service: &mut Responses, journal: &mut SqliteStorage) {
    drill_under(plan(), service, journal);
}

/// [`drill`] under `plan` (one with an emission-reduction list, say).
pub(crate) fn drill_under(plan: Plan, service: &mut Responses, journal: &mut SqliteStorage) {
    let dir = tempfile::tempdir().expect("dir");
    let mut session = crate::session::Session::with_journal(
        Box::new(SqliteStorage::open(dir.path()).expect("journal")),
        plan,
    )
    .expect("session");
    crate::session::record_drill(&mut session, &officer(), t("2025-01-15T00:00:00+08:00"))
        .expect("drill");
    drop(session);
    let events = SqliteStorage::open_read_only(dir.path())
        .and_then(|j| j.read_since(0))
        .expect("events");
    copy_events(&events, journal);
    service.catch_up(journal).expect("catch up");
}

pub(crate) const NOON: &str = "2025-01-15T12:00:00+08:00";

#[test]
fn issue_derives_the_checklist_with_absolute_deadlines() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let p = plan();
    let expected: usize = p
        .level(Level::Yellow)
        .expect("yellow")
        .measures
        .iter()
        .map(|m| m.units.len())
        .sum();
    let e = s.model().current().expect("episode");
    assert_eq!(e.items.len(), expected);
    assert!(e.items.iter().all(|i| i.status == ItemStatus::Notified));
    let sweep = e.item(&key("Y-DUST-2", "cgj")).expect("item");
    assert_eq!(sweep.deadline, t("2025-01-15T02:00:00+08:00"));
    assert_eq!(sweep.spec.unit_name, "县城市管理局（综合行政执法局）");
    assert!(sweep.spec.lead);
    let burn = e.item(&key("Y-BURN-1", "cgj")).expect("item");
    assert!(!burn.spec.lead);
    assert_eq!(e.level(), Level::Yellow);
    assert_eq!(e.steps[0].approver, "县应急指挥部副总指挥（分管副县长）");
    assert_eq!(e.primary, "PM2.5");
    assert!(!e.in_force(t("2025-01-14T23:59:00+08:00")));
    assert!(e.in_force(t("2025-01-15T00:00:00+08:00")));
    assert_eq!(
        s.model().advisor_state(),
        WarningState::Active {
            level: Level::Yellow,
            since: Hour::from_utc(t("2025-01-15T00:00:00+08:00").to_utc()),
        }
    );
}

#[test]
fn item_transitions_valid_and_invalid() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let k = key("Y-DUST-1", "zjj");
    let at = "2025-01-15T01:00:00+08:00";
    // Rectify before any problem; feedback required to implement.
    let e = refused(&mut s, &mut j, Command::rectify(k.clone(), "x", None), at);
    assert!(
        matches!(
            e,
            CommandError::Transition {
                from: ItemStatus::Notified,
                ..
            }
        ),
        "{e:?}"
    );
    let e = refused(
        &mut s,
        &mut j,
        Command::implement(k.clone(), "  ", None),
        at,
    );
    assert_eq!(e, CommandError::Missing(Field::Feedback));
    run(&mut s, &mut j, Command::acknowledge(k.clone(), ""), at);
    let e = refused(&mut s, &mut j, Command::acknowledge(k.clone(), ""), at);
    assert!(matches!(
        e,
        CommandError::Transition {
            from: ItemStatus::Acknowledged,
            ..
        }
    ));
    run(
        &mut s,
        &mut j,
        Command::implement(k.clone(), "已停工", None),
        at,
    );
    let e = refused(&mut s, &mut j, Command::acknowledge(k.clone(), ""), at);
    assert!(matches!(
        e,
        CommandError::Transition {
            from: ItemStatus::Implemented,
            ..
        }
    ));
    let e = refused(&mut s, &mut j, Command::report_problem(k.clone(), ""), at);
    assert_eq!(e, CommandError::Missing(Field::Problem));
    run(
        &mut s,
        &mut j,
        Command::report_problem(k.clone(), "复工"),
        at,
    );
    let e = refused(&mut s, &mut j, Command::implement(k.clone(), "x", None), at);
    assert!(matches!(
        e,
        CommandError::Transition {
            from: ItemStatus::ProblemReported,
            ..
        }
    ));
    run(
        &mut s,
        &mut j,
        Command::rectify(k.clone(), "已停工", None),
        at,
    );
    // A rebound after rectification is a new problem.
    run(
        &mut s,
        &mut j,
        Command::report_problem(k.clone(), "再次复工"),
        at,
    );
    run(
        &mut s,
        &mut j,
        Command::rectify(k.clone(), "已查处", None),
        at,
    );
    // Implementing straight from notified counts as receipt.
    let k2 = key("Y-SCH-1", "jyj");
    run(
        &mut s,
        &mut j,
        Command::implement(k2.clone(), "已通知", None),
        at,
    );
    let e = s.model().current().expect("episode");
    let item = e.item(&k).expect("item");
    let statuses: Vec<ItemStatus> = item.history.iter().map(|c| c.status).collect();
    use ItemStatus::*;
    assert_eq!(
        statuses,
        [
            Notified,
            Acknowledged,
            Implemented,
            ProblemReported,
            Rectified,
            ProblemReported,
            Rectified
        ]
    );
    assert_eq!(item.problems().count(), 2);
    assert!(e.item(&k2).expect("item").acknowledged().is_some());
    // Unknown item.
    let e = refused(
        &mut s,
        &mut j,
        Command::acknowledge(key("Y-DUST-1", "jyj"), ""),
        at,
    );
    assert_eq!(e, CommandError::UnknownItem(key("Y-DUST-1", "jyj")));
    // The transition table itself.
    for t in Transition::ALL {
        assert!(!t.allowed_from(ItemStatus::Dropped), "{t:?}");
    }
}

#[test]
fn warning_commands_are_checked() {
    let (mut s, mut j) = fresh();
    let at = "2025-01-14T16:00:00+08:00";
    let lift = |time: &str| {
        Command::Lift(LiftInput {
            at: t(time),
            basis: "空气质量好转".into(),
            approver: None,
            doc_no: String::new(),
            consultation: None,
        })
    };
    let e = refused(&mut s, &mut j, lift("2025-01-16T12:00:00+08:00"), at);
    assert_eq!(e, CommandError::NoWarning);
    assert!(
        e.render(Tr(Language::Zh)).contains("没有生效的预警")
            && e.render(Tr(Language::En)).contains("no warning")
    );
    let e = refused(
        &mut s,
        &mut j,
        Command::Upgrade(change_input(Level::Red, "2025-01-16T00:00:00+08:00")),
        at,
    );
    assert_eq!(e, CommandError::NoWarning);
    let e = refused(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::None, "2025-01-15T00:00:00+08:00")),
        at,
    );
    assert_eq!(e, CommandError::NotAWarningLevel(Level::None));
    let e = refused(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Blue, "2025-01-15T00:00:00+08:00")),
        at,
    );
    assert_eq!(e, CommandError::LevelNotInPlan(Level::Blue));
    let mut bad = issue_input(Level::Orange, "2025-01-15T00:00:00+08:00");
    bad.expected_end = Some(t("2025-01-14T00:00:00+08:00"));
    assert_eq!(
        refused(&mut s, &mut j, Command::Issue(bad), at),
        CommandError::EndBeforeStart
    );
    let mut bad = issue_input(Level::Orange, "2025-01-15T00:00:00+08:00");
    bad.approver = Some(" ".into());
    assert_eq!(
        refused(&mut s, &mut j, Command::Issue(bad), at),
        CommandError::Missing(Field::Approver)
    );
    let mut bad = issue_input(Level::Orange, "2025-01-15T00:00:00+08:00");
    bad.consultation = Some(1);
    assert_eq!(
        refused(&mut s, &mut j, Command::Issue(bad), at),
        CommandError::UnknownConsultation(1)
    );
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Orange, "2025-01-15T00:00:00+08:00")),
        at,
    );
    let e = refused(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Red, "2025-01-15T00:00:00+08:00")),
        at,
    );
    assert_eq!(
        e,
        CommandError::AlreadyActive {
            level: Level::Orange
        }
    );
    let e = refused(
        &mut s,
        &mut j,
        Command::Upgrade(change_input(Level::Yellow, "2025-01-16T00:00:00+08:00")),
        at,
    );
    assert!(matches!(e, CommandError::NotHigher { .. }));
    let e = refused(
        &mut s,
        &mut j,
        Command::Downgrade(change_input(Level::Red, "2025-01-16T00:00:00+08:00")),
        at,
    );
    assert!(matches!(e, CommandError::NotLower { .. }));
    let e = refused(
        &mut s,
        &mut j,
        Command::Downgrade(change_input(Level::None, "2025-01-16T00:00:00+08:00")),
        at,
    );
    assert_eq!(e, CommandError::NotAWarningLevel(Level::None));
    let e = refused(
        &mut s,
        &mut j,
        Command::Upgrade(change_input(Level::Red, "2025-01-14T20:00:00+08:00")),
        at,
    );
    assert!(matches!(e, CommandError::TooEarly { .. }));
    // Not yet in force: cannot pause, but can be called off.
    let pause = |time: &str| {
        Command::Pause(PauseInput {
            at: t(time),
            basis: "冷空气过境".into(),
            approver: String::new(),
            doc_no: String::new(),
        })
    };
    let e = refused(&mut s, &mut j, pause("2025-01-14T20:00:00+08:00"), at);
    assert!(matches!(e, CommandError::NotYetInForce { .. }));
    let e = refused(&mut s, &mut j, lift("2025-01-14T15:00:00+08:00"), at);
    assert!(matches!(e, CommandError::TooEarly { .. }));
    run(
        &mut s,
        &mut j,
        lift("2025-01-14T20:00:00+08:00"),
        "2025-01-14T20:00:00+08:00",
    );
    let e = s.model().latest().expect("episode");
    assert!(matches!(e.phase(), Phase::Lifted { .. }));
    let last = s.model().timeline().last().expect("timeline");
    let text = last.render(Tr(Language::Zh));
    assert!(text.contains("（生效前撤销）"), "{text}");
    assert!(s.model().current().is_none());
    assert_eq!(s.model().advisor_state(), WarningState::None);
    // After lifting, a new warning starts episode 2.
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-20T00:00:00+08:00")),
        "2025-01-19T16:00:00+08:00",
    );
    assert_eq!(s.model().current().expect("episode").number, 2);
}

#[test]
fn pause_and_resume_stop_the_deadline_clock() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let k = key("Y-DUST-2", "cgj"); // deadline 02:00
    let overdue_at =
        |s: &Responses, now: &str| s.model().overdue(t(now)).iter().any(|i| i.key() == &k);
    assert!(!overdue_at(&s, "2025-01-15T01:59:00+08:00"));
    assert!(overdue_at(&s, "2025-01-15T02:01:00+08:00"));
    run(
        &mut s,
        &mut j,
        Command::Pause(PauseInput {
            at: t("2025-01-15T01:00:00+08:00"),
            basis: "冷空气过境，预计污染短暂清除".into(),
            approver: String::new(),
            doc_no: String::new(),
        }),
        "2025-01-15T01:00:00+08:00",
    );
    assert!(
        !overdue_at(&s, "2025-01-15T05:00:00+08:00"),
        "the pause stops the clock"
    );
    assert!(matches!(
        s.model().advisor_state(),
        WarningState::Paused {
            level: Level::Yellow,
            ..
        }
    ));
    let e = refused(
        &mut s,
        &mut j,
        Command::Upgrade(change_input(Level::Orange, "2025-01-15T06:00:00+08:00")),
        "2025-01-15T05:00:00+08:00",
    );
    assert_eq!(e, CommandError::Paused);
    run(
        &mut s,
        &mut j,
        Command::Resume(ResumeInput {
            at: t("2025-01-15T06:00:00+08:00"),
            basis: "污染再次累积".into(),
            approver: String::new(),
            doc_no: String::new(),
            expected_end: None,
        }),
        "2025-01-15T06:00:00+08:00",
    );
    let e = s.model().current().expect("episode");
    assert_eq!(
        e.item(&k).expect("item").deadline,
        t("2025-01-15T07:00:00+08:00")
    );
    assert!(!overdue_at(&s, "2025-01-15T06:59:00+08:00"));
    assert!(overdue_at(&s, "2025-01-15T07:01:00+08:00"));
    let e = refused(
        &mut s,
        &mut j,
        Command::Resume(ResumeInput {
            at: t("2025-01-15T07:00:00+08:00"),
            basis: "x".into(),
            approver: String::new(),
            doc_no: String::new(),
            expected_end: None,
        }),
        "2025-01-15T07:00:00+08:00",
    );
    assert_eq!(e, CommandError::NotPaused);
}

#[test]
fn upgrade_keeps_same_and_finished_items_drops_open_ones_adds_the_rest() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let at = "2025-01-15T03:00:00+08:00";
    run(
        &mut s,
        &mut j,
        Command::acknowledge(key("Y-IND-A", "gxj"), ""),
        at,
    );
    run(
        &mut s,
        &mut j,
        Command::implement(key("Y-DUST-1", "zjj"), "已停工", None),
        at,
    );
    run(
        &mut s,
        &mut j,
        Command::report_problem(key("Y-DUST-1", "jtj"), "未停工"),
        at,
    );
    run(
        &mut s,
        &mut j,
        Command::acknowledge(key("Y-DUST-1", "cgj"), ""),
        at,
    );
    let command = Command::Upgrade(change_input(Level::Orange, "2025-01-16T00:00:00+08:00"));
    let (event, _) = preview_at(&s, &command, at).expect("preview");
    let ResponseEvent::WarningUpgraded(change) = &event else {
        panic!("{event:?}")
    };
    let d = &change.diff;
    let added: Vec<String> = d.added.iter().map(|s| s.key.to_string()).collect();
    let has = |v: &[ItemKey], k: &str| v.iter().any(|x| x.to_string() == k);
    // Same obligation at both levels: kept with its status, not added again.
    assert!(has(&d.kept, "Y-IND-A@gxj"));
    assert!(!added.contains(&"O-IND-A@gxj".to_string()));
    assert!(has(&d.kept, "Y-IND-S@gxj"));
    // Finished and problem items kept; open ones dropped.
    assert!(has(&d.kept, "Y-DUST-1@zjj"));
    assert!(has(&d.kept, "Y-DUST-1@jtj"));
    assert!(has(&d.dropped, "Y-DUST-1@cgj"));
    assert!(has(&d.dropped, "Y-SCH-1@jyj"));
    // New obligations added, deadlines from the change's effective time.
    for k in [
        "O-DUST-1@zjj",
        "O-DUST-1@cgj",
        "O-OTH-1@qxj",
        "O-TRA-2@jgswj",
    ] {
        assert!(added.contains(&k.to_string()), "{k} in {added:?}");
    }
    let sup = d
        .added
        .iter()
        .find(|s| s.key.measure == "O-SUP-2")
        .expect("O-SUP-2");
    assert_eq!(sup.deadline, t("2025-01-16T06:00:00+08:00"));
    // Every live item is either kept or dropped, never both.
    let live = s
        .model()
        .current()
        .expect("e")
        .filter(None, StatusFilter::Live, t(at))
        .len();
    assert_eq!(d.kept.len() + d.dropped.len(), live);
    run(&mut s, &mut j, command, at);
    let e = s.model().current().expect("episode");
    assert_eq!(e.level(), Level::Orange);
    assert_eq!(e.level_since(), t("2025-01-16T00:00:00+08:00"));
    assert_eq!(
        e.item(&key("Y-IND-A", "gxj")).expect("kept").status,
        ItemStatus::Acknowledged
    );
    let dropped = e.item(&key("Y-DUST-1", "cgj")).expect("dropped");
    assert_eq!(dropped.status, ItemStatus::Dropped);
    // A dropped item takes no reports.
    let err = refused(
        &mut s,
        &mut j,
        Command::acknowledge(key("Y-DUST-1", "cgj"), ""),
        at,
    );
    assert_eq!(err, CommandError::ItemDropped(key("Y-DUST-1", "cgj")));
    assert!(err.render(Tr(Language::Zh)).contains("已因级别调整撤销"));
    // Downgrading back to yellow requires Y-DUST-1@cgj again: the dropped item is revived with
    // its history, and the orange-only items not done are dropped.
    run(
        &mut s,
        &mut j,
        Command::Downgrade(change_input(Level::Yellow, "2025-01-17T00:00:00+08:00")),
        "2025-01-16T20:00:00+08:00",
    );
    let e = s.model().current().expect("episode");
    let revived = e.item(&key("Y-DUST-1", "cgj")).expect("revived");
    assert_eq!(revived.status, ItemStatus::Notified);
    assert_eq!(revived.deadline, t("2025-01-17T00:00:00+08:00"));
    let steps: Vec<ItemStatus> = revived.history.iter().map(|c| c.status).collect();
    use ItemStatus::*;
    assert_eq!(steps, [Notified, Acknowledged, Dropped, Notified]);
    assert_eq!(e.item(&key("O-OTH-1", "qxj")).expect("o").status, Dropped);
    assert_eq!(e.steps.len(), 3);
    assert_eq!(e.max_level(), Level::Orange);
    let keys: std::collections::HashSet<&ItemKey> = e.items.iter().map(|i| i.key()).collect();
    assert_eq!(keys.len(), e.items.len(), "keys stay unique");
}

#[test]
fn drill_has_one_overdue_item_and_one_problem() {
    let (mut s, mut j) = fresh();
    drill(&mut s, &mut j);
    let state = s.model();
    assert!(state.anomalies().is_empty(), "{:?}", state.anomalies());
    let overdue: Vec<String> = state
        .overdue(t(NOON))
        .iter()
        .map(|i| i.key().to_string())
        .collect();
    assert_eq!(overdue, ["O-SUP-2@town-hedong"]);
    let e = state.current().expect("episode");
    let problems = e.filter(
        None,
        StatusFilter::Status(ItemStatus::ProblemReported),
        t(NOON),
    );
    assert_eq!(problems.len(), 1);
    let hedong = e.filter(Some("town-hedong"), StatusFilter::Open, t(NOON));
    assert_eq!(hedong.len(), 1);
    let by_unit = e.by_unit(t(NOON));
    let zjj = by_unit.iter().find(|u| u.unit == "zjj").expect("zjj");
    assert_eq!((zjj.problems, zjj.overdue), (1, 0));
    let hd = by_unit
        .iter()
        .find(|u| u.unit == "town-hedong")
        .expect("hedong");
    assert_eq!(
        (hd.total, hd.done, hd.acknowledged, hd.overdue),
        (3, 2, 2, 1)
    );
    assert_eq!(state.on_shift().expect("shift").started.operator, "张伟");
    assert_eq!(state.consultations().len(), 1);
    // Read by urgency: the overdue item, then the problem, then the rest.
    let clock = e.clock(t(NOON));
    let mut items: Vec<&Item> = e.items.iter().collect();
    items.sort_by_key(|i| i.urgency(clock));
    assert_eq!(items[0].key().to_string(), "O-SUP-2@town-hedong");
    assert_eq!(items[1].status, ItemStatus::ProblemReported);
    assert!(items.iter().skip(2).all(|i| !i.is_overdue(clock)));
}

#[test]
fn progress_rolls_up_the_unit_tree() {
    let (mut s, mut j) = fresh();
    drill(&mut s, &mut j);
    let p = plan();
    let e = s.model().current().expect("episode");
    let r = e.roll_up(&p.units, t(NOON));
    // 河东镇 has one overdue item: the township and nothing below it reports.
    let hd = &r["town-hedong"];
    assert_eq!(hd.least(), Some(Progress::Overdue));
    assert_eq!(
        hd.without_status, 0,
        "its two villages have their grid patrols"
    );
    assert_eq!(
        hd.counts.get(&Progress::Done),
        Some(&2),
        "both villages done"
    );
    // 公安局 (open burning) and its traffic police brigade (transport) roll up together.
    let gaj = &r["gaj"];
    assert_eq!(gaj.total(), 2);
    assert_eq!(gaj.counts.values().sum::<usize>(), 2);
    assert_eq!(r["jj"].total(), 1);
    // 住建局's open problem is the least advanced state there.
    assert_eq!(r["zjj"].least(), Some(Progress::Problem));
    assert_eq!(e.unit_progress("power", t(NOON)), None);
    // Everything at 城关镇 was due before noon and is done.
    assert_eq!(
        e.unit_progress("town-chengguan", t(NOON)),
        Some(Progress::Done)
    );
    // So is every grid patrol below it: the town, 西关村 and 东关社区's two grids (the
    // community itself has no items).
    assert_eq!(r["town-chengguan"].counts.get(&Progress::Done), Some(&4));
    assert_eq!(r["town-chengguan"].without_status, 1);
}

#[test]
fn fold_of_the_journal_equals_the_state_built_step_by_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut journal = SqliteStorage::open(dir.path()).expect("journal");
    let mut s = Service::load(&journal, ResponseState::new()).expect("load");
    let mut stepwise = Vec::new();
    {
        let (mut s2, mut j2) = fresh();
        drill(&mut s2, &mut j2);
        // Replay the same events into the on-disk journal one by one, checking each step.
        for event in j2.read_since(0).expect("events") {
            copy_events(std::slice::from_ref(&event), &mut journal);
            s.catch_up(&journal).expect("refresh");
            stepwise.push(s.model().clone());
        }
        assert_eq!(s.model(), s2.model());
    }
    drop(journal);
    let reopened = SqliteStorage::open_read_only(dir.path()).expect("reopen");
    let folded = ResponseState::fold(&reopened.read_since(0).expect("fold"));
    assert_eq!(&folded, stepwise.last().expect("events"));
    assert_eq!(
        ResponseState::fold(&reopened.read_since(0).expect("fold again")),
        folded,
        "deterministic"
    );
    assert_eq!(folded.anchor().expect("anchor").seq, stepwise.len() as u64);
}

#[test]
fn read_only_journal_refuses_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let journal = SqliteStorage::open(dir.path()).expect("create");
        journal.close().expect("close");
    }
    let mut ro = SqliteStorage::open_read_only(dir.path()).expect("read-only");
    let mut s = Service::load(&ro, ResponseState::new()).expect("load");
    let command = Command::StartShift {
        note: String::new(),
    };
    let err = execute(&mut s, &mut ro, &command, NOON).expect_err("read-only");
    assert!(matches!(err, ServiceError::ReadOnly(_)), "{err:?}");
    assert!(ro.read_since(0).expect("read").is_empty());
}

#[test]
fn odd_events_become_anomalies_and_change_nothing_else() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let before = s.model().clone();
    let a = officer();
    let at = t(NOON);
    let bad_item = event::ItemReport {
        episode: 1,
        of: EpisodeKind::Warning,
        item: key("NOPE", "zjj"),
        text: String::new(),
        evidence: None,
        feedback: None,
    };
    j.append(&a.draft(at, "checklist.acknowledged", &bad_item).expect("d"))
        .expect("append");
    j.append(&a.draft(at, "warning.lifted", &[1, 2]).expect("d"))
        .expect("append");
    j.append(&a.draft(at, "finding.assigned", &"other module").expect("d"))
        .expect("append");
    s.catch_up(&j).expect("refresh");
    let after = s.model();
    assert_eq!(after.anomalies().len(), 2);
    assert_eq!(after.anomalies()[0].seq, 2);
    assert!(matches!(
        after.anomalies()[1].reason,
        AnomalyReason::Undecodable(_)
    ));
    assert_eq!(after.episodes(), before.episodes());
    assert_eq!(after.timeline(), before.timeline());
    assert_eq!(after.anchor().expect("anchor").seq, 4);
}

#[test]
fn shifts_and_handover() {
    let (mut s, mut j) = fresh();
    let e = refused(
        &mut s,
        &mut j,
        Command::HandOver {
            to: "李明".into(),
            note: String::new(),
        },
        NOON,
    );
    assert_eq!(e, CommandError::NoShift);
    run(
        &mut s,
        &mut j,
        Command::StartShift {
            note: String::new(),
        },
        NOON,
    );
    let e = refused(
        &mut s,
        &mut j,
        Command::HandOver {
            to: " ".into(),
            note: String::new(),
        },
        NOON,
    );
    assert_eq!(e, CommandError::Missing(Field::Successor));
    run(
        &mut s,
        &mut j,
        Command::HandOver {
            to: "李明".into(),
            note: "注意河东镇网格巡查".into(),
        },
        "2025-01-15T17:30:00+08:00",
    );
    assert!(s.model().on_shift().is_none());
    let last = s.model().shifts().last().expect("shift");
    assert_eq!(last.handoff.as_ref().expect("handoff").to, "李明");
    let next = Author::new("李明", "desk-1").expect("author");
    let start = Command::StartShift {
        note: String::new(),
    };
    s.execute(&mut j, &next, t("2025-01-15T17:35:00+08:00"), |m| {
        decide(m, shared_plan(), &start, t("2025-01-15T17:35:00+08:00"))
    })
    .expect("start");
    assert_eq!(s.model().on_shift().expect("on").started.operator, "李明");
}

#[test]
fn lifted_checklist_takes_only_rectifications() {
    let (mut s, mut j) = fresh();
    drill(&mut s, &mut j);
    run(
        &mut s,
        &mut j,
        Command::Lift(LiftInput {
            at: t("2025-01-17T12:00:00+08:00"),
            basis: "冷空气影响，预计未来36小时以上AQI低于150".into(),
            approver: None,
            doc_no: String::new(),
            consultation: None,
        }),
        "2025-01-17T11:00:00+08:00",
    );
    assert!(s.model().overdue(t("2025-01-18T00:00:00+08:00")).is_empty());
    let e = refused(
        &mut s,
        &mut j,
        Command::implement(key("O-SUP-2", "town-hedong"), "补报", None),
        "2025-01-17T13:00:00+08:00",
    );
    assert_eq!(e, CommandError::ChecklistClosed);
    run(
        &mut s,
        &mut j,
        Command::rectify(key("O-DUST-1", "zjj"), "已立案查处并停工", None),
        "2025-01-17T13:00:00+08:00",
    );
    let lifted = s.model().latest().expect("episode");
    assert_eq!(
        lifted.steps.last().map(|s| s.approver.as_str()),
        Some("县应急指挥部总指挥（县长）")
    );
    assert_eq!(
        lifted.lifting.as_ref().expect("lifted").0.approver,
        "县应急指挥部总指挥（县长）"
    );
}

#[test]
fn commands_and_events_round_trip_through_json() {
    let c = Command::implement(key("O-DUST-1", "zjj"), "已停工", None);
    let text = serde_json::to_string(&c).expect("json");
    assert!(text.contains("\"command\":\"item\""), "{text}");
    assert_eq!(serde_json::from_str::<Command>(&text).expect("back"), c);
    let (mut s, mut j) = fresh();
    drill(&mut s, &mut j);
    for e in j.read_since(0).expect("events") {
        let typed = ResponseEvent::decode(&e)
            .expect("response kind")
            .expect("decodes");
        assert_eq!(typed.kind(), e.kind);
        assert!(event::KINDS.contains(&e.kind.as_str()));
    }
}

#[test]
fn consultation_and_warning_filled_from_the_advisor() {
    use crate::domain::advisor::{Action, AdvisorInput, ForecastDay, PrimaryPollutant, advise};
    let p = plan();
    let day = |d: u32, min: f32, max: f32| ForecastDay {
        date: chrono::NaiveDate::from_ymd_opt(2025, 1, d).expect("date"),
        aqi_min: min,
        aqi_max: max,
        primary: vec![PrimaryPollutant::Pm25],
    };
    let forecast = [
        day(14, 120.0, 150.0),
        day(15, 210.0, 240.0),
        day(16, 230.0, 260.0),
        day(17, 215.0, 245.0),
        day(18, 80.0, 110.0),
        day(19, 60.0, 90.0),
    ];
    let now = t("2025-01-14T15:00:00+08:00");
    let input = |state| AdvisorInput {
        forecast: &forecast,
        issued: None,
        observed_hourly: &[],
        observed_daily: &[],
        windows: &[],
        state,
        at: Hour::from_utc(now.to_utc()),
        utc_offset_s: 8 * 3600,
    };
    let advice = advise(&p, &input(WarningState::None));
    assert_eq!(
        (advice.level, advice.action),
        (Level::Orange, Action::Issue)
    );
    let reasons = Tr(Language::Zh).reasons(&advice, &p);
    let c = ConsultationInput::from_advice(
        &advice,
        reasons.clone(),
        "发布预警（橙色预警）".into(),
        now,
        vec!["县气象局 王敏".into()],
    );
    assert_eq!(c.decision, Decision::Issue);
    assert!(c.basis.contains("橙色预警"), "{}", c.basis);
    assert_eq!(c.advice.as_ref().map(|a| a.level), Some(Level::Orange));
    let issue = IssueInput::from_advice(&advice, reasons, 8 * 3600, Some(1)).expect("a warning");
    assert_eq!(issue.start, t("2025-01-15T00:00:00+08:00"));
    assert_eq!(issue.expected_end, Some(t("2025-01-18T00:00:00+08:00")));
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::RecordConsultation(c),
        "2025-01-14T15:30:00+08:00",
    );
    run(
        &mut s,
        &mut j,
        Command::Issue(issue),
        "2025-01-14T16:00:00+08:00",
    );
    // Fed back into the advisor, the warning in force is kept.
    let again = advise(&p, &input(s.model().advisor_state()));
    assert_eq!(again.action, Action::Keep, "{:?}", again.reasons);
    let below = advise(
        &p,
        &AdvisorInput {
            forecast: &forecast[4..],
            ..input(WarningState::None)
        },
    );
    assert!(IssueInput::from_advice(&below, Vec::new(), 8 * 3600, None).is_none());
}

#[test]
fn the_issued_checklist_keeps_the_list_it_was_derived_from() {
    use crate::domain::plan::Grade;
    use crate::domain::reduction::{Enterprise, Line, ListFile, ReductionList};
    use std::sync::Arc;
    let list = |measure: &str, sha: &str| {
        Arc::new(ReductionList {
            enterprises: vec![Enterprise {
                key: "91130400MA0000001X".into(),
                name: "甲钢铁".into(),
                township: "河东镇".into(),
                grade: Grade::C,
                lines: vec![Line {
                    measures: [measure, measure, measure].map(str::to_owned),
                    ..Line::default()
                }],
                ..Enterprise::default()
            }],
            files: vec![ListFile {
                name: "reduction-list.csv".into(),
                sha256: sha.into(),
            }],
        })
    };
    let (mut s, mut j) = fresh();
    let mut with_list = plan();
    with_list.list = Some(list("停产烧结", "aa"));
    let issue = Command::Issue(issue_input(Level::Orange, "2025-01-15T00:00:00+08:00"));
    let event = s
        .execute(&mut j, &officer(), t("2025-01-14T16:00:00+08:00"), |m| {
            decide(m, &with_list, &issue, t("2025-01-14T16:00:00+08:00"))
        })
        .expect("issued");
    let payload: event::WarningIssued = event.decode().expect("payload");
    let reference = payload.list.expect("list recorded");
    let issued = s.model().current().expect("episode");
    assert_eq!(
        issued.enterprises_limited(),
        Some(1),
        "one C-grade enterprise"
    );
    assert_eq!(reference.files[0].sha256, "aa");
    assert_eq!((reference.enterprises, reference.lines), (1, 1));
    let item = key("O-ENT-91130400MA0000001X", "town-hedong");
    // The list file is edited afterwards: the journal, folded again, still says what was issued.
    with_list.list = Some(list("限产50%", "bb"));
    let again = Responses::load(&j, ResponseState::new()).expect("reload");
    let e = again.model().current().expect("episode");
    assert_eq!(
        e.item(&item).expect("enterprise item").spec.text,
        "甲钢铁：停产烧结"
    );
    // Old events without a list still decode.
    let old = serde_json::json!({"episode": 1, "level": "yellow", "start": "2025-01-15T00:00:00+08:00",
        "expected_end": null, "approver": "a", "doc_no": "", "reasons": [], "primary": "PM2.5",
        "consultation": null, "plan": {"name": "p", "area": "a", "version": "v"}, "items": []});
    let old: event::WarningIssued = serde_json::from_value(old).expect("old payload");
    assert_eq!(old.list, None);
}

/// The city's orange warning of the regional tests.
fn city_orange() -> RegionalWarning {
    RegionalWarning {
        source: "邯郸市重污染天气应急指挥部".into(),
        level: Level::Orange,
        notice_no: "邯气应急〔2025〕3号".into(),
    }
}

#[test]
fn temporary_control_starts_with_the_plans_t_measures_and_stops_or_becomes_a_warning() {
    let (mut s, mut j) = fresh();
    let at = "2025-01-14T18:00:00+08:00";
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Temporary, "2025-01-14T20:00:00+08:00")),
        at,
    );
    let e = s.model().current().expect("temporary control in force");
    assert!(e.is_temporary());
    let plan = plan();
    let t_units = &plan.level(Level::Temporary).expect("T level").measures[0].units;
    assert_eq!(e.items.len(), t_units.len());
    assert!(e.items.iter().all(|i| i.key().measure == "T-SUP-1"));
    assert_eq!(
        e.steps[0].approver,
        plan.level(Level::Temporary).expect("T level").approver
    );
    // Acting on its checklist is like a warning's.
    let first = e.items[0].key().clone();
    run(
        &mut s,
        &mut j,
        Command::acknowledge(first, ""),
        "2025-01-14T21:00:00+08:00",
    );
    // A coloured warning cannot be issued beside it: it is raised into one …
    let e = refused(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        at,
    );
    assert_eq!(
        e,
        CommandError::AlreadyActive {
            level: Level::Temporary
        }
    );
    run(
        &mut s,
        &mut j,
        Command::Upgrade(change_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T22:00:00+08:00",
    );
    assert!(!s.model().current().expect("warning").is_temporary());
    // … lowered back to temporary control, and stopped by lifting.
    run(
        &mut s,
        &mut j,
        Command::Downgrade(change_input(Level::Temporary, "2025-01-16T00:00:00+08:00")),
        "2025-01-15T22:00:00+08:00",
    );
    run(
        &mut s,
        &mut j,
        Command::Lift(LiftInput {
            at: t("2025-01-17T00:00:00+08:00"),
            basis: "空气质量好转".into(),
            approver: None,
            doc_no: String::new(),
            consultation: None,
        }),
        "2025-01-16T22:00:00+08:00",
    );
    let e = s.model().latest().expect("episode");
    assert!(e.lifting.is_some() && e.is_temporary());
    assert_eq!(e.max_level(), Level::Yellow);
    assert!(s.model().anomalies().is_empty());
}

#[test]
fn temporary_control_needs_the_level_in_the_plan() {
    let mut without = plan();
    without.levels.retain(|l| l.level != Level::Temporary);
    let e = decide(
        &ResponseState::new(),
        &without,
        &Command::Issue(issue_input(Level::Temporary, "2025-01-15T00:00:00+08:00")),
        t("2025-01-14T16:00:00+08:00"),
    );
    assert_eq!(e, Err(CommandError::LevelNotInPlan(Level::Temporary)));
}

#[test]
fn acting_on_a_regional_warning_needs_at_least_its_level() {
    let (mut s, mut j) = fresh();
    let at = "2025-01-14T18:00:00+08:00";
    let start = "2025-01-15T00:00:00+08:00";
    let mut below = issue_input(Level::Yellow, start);
    below.regional = Some(city_orange());
    let e = refused(&mut s, &mut j, Command::Issue(below), at);
    assert_eq!(
        e,
        CommandError::BelowRegional {
            level: Level::Yellow,
            regional: Level::Orange,
            source: "邯郸市重污染天气应急指挥部".into(),
        }
    );
    assert!(e.render(Tr(Language::Zh)).contains("不得低于上级预警级别"));
    assert!(e.render(Tr(Language::En)).contains("at least"));
    let mut no_number = issue_input(Level::Orange, start);
    no_number.regional = Some(RegionalWarning {
        notice_no: " ".into(),
        ..city_orange()
    });
    assert_eq!(
        refused(&mut s, &mut j, Command::Issue(no_number), at),
        CommandError::Missing(Field::RegionalNotice)
    );
    let mut not_a_warning = issue_input(Level::Orange, start);
    not_a_warning.regional = Some(RegionalWarning {
        level: Level::Temporary,
        ..city_orange()
    });
    assert_eq!(
        refused(&mut s, &mut j, Command::Issue(not_a_warning), at),
        CommandError::NotAWarningLevel(Level::Temporary)
    );
    let mut follows = issue_input(Level::Orange, start);
    follows.regional = Some(city_orange());
    run(&mut s, &mut j, Command::Issue(follows), at);
    assert_eq!(
        s.model().current().and_then(|e| e.regional()),
        Some(&city_orange())
    );
    // The county stays at least at the city's level until the city lowers its own.
    let e = refused(
        &mut s,
        &mut j,
        Command::Downgrade(change_input(Level::Yellow, "2025-01-16T00:00:00+08:00")),
        at,
    );
    assert!(matches!(e, CommandError::BelowRegional { .. }));
    let mut city_lowered = change_input(Level::Yellow, "2025-01-16T00:00:00+08:00");
    city_lowered.regional = Some(RegionalWarning {
        level: Level::Yellow,
        notice_no: "邯气应急〔2025〕4号".into(),
        ..city_orange()
    });
    run(&mut s, &mut j, Command::Downgrade(city_lowered), at);
    let e = s.model().current().expect("warning");
    assert_eq!(e.level(), Level::Yellow);
    assert_eq!(
        e.regional().map(|r| r.notice_no.as_str()),
        Some("邯气应急〔2025〕4号")
    );
    assert!(s.model().anomalies().is_empty());
}

#[test]
fn a_warning_without_a_regional_one_is_recorded_as_before() {
    let (mut s, mut j) = fresh();
    let event = run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Orange, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T18:00:00+08:00",
    );
    // No new field in the payload: journals written before still read the same, and this one
    // reads in older versions.
    assert!(!event.payload.contains("regional"));
    assert_eq!(s.model().current().and_then(|e| e.regional()), None);
}

pub(crate) fn start_campaign(id: &str, start: &str) -> Command {
    Command::StartCampaign(CampaignInput {
        campaign: id.into(),
        start: t(start),
        expected_end: None,
        approver: None,
        doc_no: "某县应急办〔2025〕9号".into(),
        reasons: vec!["春节临近".into()],
    })
}

pub(crate) fn stop_campaign(id: &str, at: &str) -> Command {
    Command::StopCampaign(CampaignStopInput {
        campaign: id.into(),
        at: t(at),
        basis: "元宵节后专项行动结束".into(),
        approver: None,
        doc_no: String::new(),
    })
}

#[test]
fn a_campaign_runs_beside_a_warning_with_its_own_checklist_and_numbering() {
    let (mut s, mut j) = fresh();
    let at = "2025-01-20T09:00:00+08:00";
    run(
        &mut s,
        &mut j,
        start_campaign("fireworks", "2025-01-20T12:00:00+08:00"),
        at,
    );
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Orange, "2025-01-21T00:00:00+08:00")),
        at,
    );
    let state = s.model();
    let fw = state.running_campaign("fireworks").expect("running");
    assert_eq!(fw.number, 1);
    assert_eq!(
        fw.campaign.as_ref().map(|c| c.id.as_str()),
        Some("fireworks")
    );
    // The seven supervision groups report daily on their own item each.
    let groups: Vec<&Item> = fw
        .items
        .iter()
        .filter(|i| i.key().measure == "C-FW-SUP")
        .collect();
    assert_eq!(groups.len(), 7);
    assert_eq!(state.current().map(|e| e.number), Some(1));
    // A report on the campaign's item goes to the campaign, not to the warning.
    let item = key("C-FW-1", "gaj");
    let event = run(
        &mut s,
        &mut j,
        Command::implement(item.clone(), "查处违法燃放2起", None).in_campaign(1),
        "2025-01-21T10:00:00+08:00",
    );
    assert!(
        event.payload.contains("\"of\":\"campaign\""),
        "{}",
        event.payload
    );
    let state = s.model();
    let fw = state.campaign_run(1).expect("run");
    assert_eq!(
        fw.item(&item).map(|i| i.status),
        Some(ItemStatus::Implemented)
    );
    assert!(state.current().expect("warning").item(&item).is_none());
    let line = state.timeline().last().expect("line");
    assert_eq!((line.episode, line.campaign), (None, Some(1)));
    // The same key asked of the warning is unknown there.
    let e = refused(
        &mut s,
        &mut j,
        Command::implement(item, "x", None),
        "2025-01-21T10:00:00+08:00",
    );
    assert!(matches!(e, CommandError::UnknownItem(_)));
    // One run of a campaign at a time; others start beside it.
    let e = refused(
        &mut s,
        &mut j,
        start_campaign("fireworks", "2025-01-22T00:00:00+08:00"),
        at,
    );
    assert!(matches!(e, CommandError::CampaignRunning(_)));
    run(
        &mut s,
        &mut j,
        start_campaign("coal", "2025-01-22T00:00:00+08:00"),
        at,
    );
    assert_eq!(s.model().running_campaigns().count(), 2);
    let e = refused(
        &mut s,
        &mut j,
        start_campaign("nope", "2025-01-22T00:00:00+08:00"),
        at,
    );
    assert_eq!(e, CommandError::UnknownCampaign("nope".into()));
    assert!(e.render(Tr(Language::Zh)).contains("专项行动"));
    // Stopping one leaves the other and the warning running.
    run(
        &mut s,
        &mut j,
        stop_campaign("fireworks", "2025-02-13T00:00:00+08:00"),
        "2025-02-13T09:00:00+08:00",
    );
    let state = s.model();
    assert!(state.campaign_run(1).is_some_and(|e| e.lifting.is_some()));
    assert!(state.running_campaign("coal").is_some() && state.current().is_some());
    let e = refused(
        &mut s,
        &mut j,
        stop_campaign("fireworks", "2025-02-14T00:00:00+08:00"),
        "2025-02-14T09:00:00+08:00",
    );
    assert!(matches!(e, CommandError::CampaignNotRunning(_)));
    // After it stopped, only rectification is taken.
    let e = refused(
        &mut s,
        &mut j,
        Command::acknowledge(key("C-FW-2", "yjj"), "").in_campaign(1),
        "2025-02-14T09:00:00+08:00",
    );
    assert_eq!(e, CommandError::ChecklistClosed);
    assert!(s.model().anomalies().is_empty());
    // The journal folds to the same state from scratch.
    let events = j.read_since(0).expect("read");
    assert_eq!(&ResponseState::fold(&events), s.model());
}

pub(crate) fn feedback(reported_at: &str) -> Feedback {
    Feedback {
        reporter: "王强".into(),
        reporter_unit: "县住建局".into(),
        reported_at: t(reported_at),
        channel: Channel::Wechat,
    }
}

/// Lateness is judged on when the unit reported, not when the desk typed it in; a reported time
/// in the future or before the item was issued is refused.
#[test]
fn feedback_record_carries_the_reported_time_that_lateness_is_judged_on() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let k = key("Y-DUST-1", "zjj");
    let deadline = s
        .model()
        .latest()
        .and_then(|e| e.item(&k))
        .expect("item")
        .deadline;
    let before = (deadline - Duration::hours(1)).to_rfc3339();
    let typed_late = (deadline + Duration::hours(3)).to_rfc3339();
    let e = refused(
        &mut s,
        &mut j,
        Command::implement(k.clone(), "已停工", None).with_feedback(feedback(&typed_late)),
        &before,
    );
    assert_eq!(e, CommandError::ReportedInFuture);
    let e = refused(
        &mut s,
        &mut j,
        Command::implement(k.clone(), "已停工", None)
            .with_feedback(feedback("2025-01-14T15:00:00+08:00")),
        &typed_late,
    );
    assert!(
        matches!(e, CommandError::ReportedBeforeIssued { .. }),
        "{e:?}"
    );
    run(
        &mut s,
        &mut j,
        Command::implement(k.clone(), "已停工", None).with_feedback(feedback(&before)),
        &typed_late,
    );
    let item = s.model().latest().and_then(|e| e.item(&k)).expect("item");
    let done = item.done().expect("done");
    assert_eq!(done.stamp.at, t(&typed_late));
    assert_eq!(done.done_at(), t(&before));
    assert!(!item.is_late(Some(t(&typed_late))), "reported on time");
    assert_eq!(
        done.feedback.as_ref().map(|f| f.channel),
        Some(Channel::Wechat)
    );
    // The journal keeps the record: a fresh fold sees the same.
    let again = ResponseState::fold(&j.read_since(0).expect("events"));
    assert_eq!(again.latest().and_then(|e| e.item(&k)), Some(item));
}

/// Daily by 16:00 from a warning in force at 00:00: a report by 16:00 is on time, one at 17:00
/// is that day's report received late, nothing by 16:00 is late until 04:00 and missing after;
/// the next day's report is due.
#[test]
fn reporting_cycle_sorts_reports_into_due_received_late_and_missing() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let report = |unit: &str, at: &str| {
        Command::acknowledge(key("Y-DUST-1", unit), "").with_feedback(Feedback {
            reported_at: t(at),
            ..feedback(at)
        })
    };
    run(
        &mut s,
        &mut j,
        report("zjj", "2025-01-15T15:00:00+08:00"),
        "2025-01-15T18:00:00+08:00",
    );
    run(
        &mut s,
        &mut j,
        report("jtj", "2025-01-15T17:00:00+08:00"),
        "2025-01-15T18:00:00+08:00",
    );
    let episode = s.model().latest().expect("episode");
    let due = t("2025-01-15T16:00:00+08:00");

    let at_six = episode.reporting(t("2025-01-15T18:00:00+08:00"));
    let state = |r: &Reporting, unit: &str| r.unit(unit).map(|u| u.periods[0].state).expect("unit");
    assert_eq!(state(&at_six, "zjj"), PeriodState::OnTime);
    assert_eq!(state(&at_six, "jtj"), PeriodState::ReceivedLate);
    assert_eq!(state(&at_six, "slj"), PeriodState::Late);
    assert!(
        at_six
            .late
            .iter()
            .any(|o| o.unit == "slj" && o.due_at == due)
    );
    assert!(
        !at_six
            .late
            .iter()
            .any(|o| o.unit == "zjj" || o.unit == "jtj")
    );
    assert!(at_six.missing.is_empty());
    // Per township with its villages and grids: nobody there reported, every unit is late.
    let towns: Vec<(String, usize, usize, usize)> = at_six
        .by_township(&plan().units)
        .into_iter()
        .map(|t| (t.unit, t.units, t.late, t.received))
        .collect();
    assert_eq!(
        towns,
        [
            ("town-chengguan".to_owned(), 4, 4, 0),
            ("town-hedong".to_owned(), 3, 3, 0),
            ("street-dongcheng".to_owned(), 2, 2, 0)
        ]
    );
    assert!(
        at_six
            .due
            .iter()
            .all(|o| o.due_at == due + Duration::hours(24)),
        "{:?}",
        at_six.due
    );
    assert!(at_six.due.iter().any(|o| o.unit == "zjj"));

    let next_morning = episode.reporting(t("2025-01-16T05:00:00+08:00"));
    assert_eq!(state(&next_morning, "slj"), PeriodState::Missing);
    assert!(
        next_morning
            .missing
            .iter()
            .any(|o| o.unit == "slj" && o.due_at == due)
    );
    let jtj = next_morning.unit("jtj").expect("jtj");
    assert_eq!((jtj.late(), jtj.count(PeriodState::Missing)), (1, 0));

    // Before 16:00 nothing is late yet; every unit's first report is due.
    let morning = episode.reporting(t("2025-01-15T10:00:00+08:00"));
    assert!(morning.late.is_empty() && morning.missing.is_empty());
    assert!(
        morning
            .due
            .iter()
            .any(|o| o.unit == "slj" && o.due_at == due)
    );
}

pub(crate) fn check_input(item: &ItemKey, result: CheckResult, note: &str) -> CheckInput {
    CheckInput {
        item: item.clone(),
        source: CheckSource::Verification,
        by: String::new(),
        sample: None,
        result,
        note: note.into(),
        checked_at: None,
        evidence: None,
    }
}

#[test]
fn spot_checks_draw_from_done_items_and_a_failed_check_reopens_the_item() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let at = "2025-01-15T01:00:00+08:00";
    let draw_cmd = |size| Command::DrawSample(SampleInput { seed: 42, size });
    assert_eq!(
        refused(&mut s, &mut j, draw_cmd(2), at),
        CommandError::NothingToSample
    );
    let keys: Vec<ItemKey> = s.model().episodes()[0].items[..4]
        .iter()
        .map(|i| i.key().clone())
        .collect();
    for k in &keys[..3] {
        run(
            &mut s,
            &mut j,
            Command::implement(k.clone(), "已落实", None),
            at,
        );
    }
    // Not done yet: no check.
    let e = refused(
        &mut s,
        &mut j,
        Command::Check(check_input(&keys[3], CheckResult::Confirmed, "")),
        at,
    );
    assert!(matches!(e, CommandError::NotDone { .. }), "{e:?}");
    assert_eq!(
        refused(&mut s, &mut j, draw_cmd(0), at),
        CommandError::Missing(Field::SampleSize)
    );
    run(&mut s, &mut j, draw_cmd(2), "2025-01-15T02:00:00+08:00");
    let episode = &s.model().episodes()[0];
    let sample = &episode.samples[0].drawn;
    assert_eq!(sample.pool, keys[..3].to_vec());
    assert_eq!(
        sample.items,
        draw(&keys[..3], 2, 42),
        "reproducible from the seed"
    );
    let drawn = sample.items.clone();
    let left_out = keys[..3].iter().find(|k| !drawn.contains(k)).expect("one");
    let spot = |k: &ItemKey, result, note: &str| {
        Command::Check(CheckInput {
            source: CheckSource::SpotCheck,
            sample: Some(1),
            ..check_input(k, result, note)
        })
    };
    assert!(matches!(
        refused(
            &mut s,
            &mut j,
            spot(left_out, CheckResult::Confirmed, ""),
            at
        ),
        CommandError::NotInSample { sample: 1, .. }
    ));
    assert_eq!(
        refused(
            &mut s,
            &mut j,
            spot(&drawn[0], CheckResult::NotConfirmed, " "),
            at
        ),
        CommandError::Missing(Field::CheckNote)
    );
    let supervision = Command::Check(CheckInput {
        source: CheckSource::Supervision,
        ..check_input(&drawn[1], CheckResult::Confirmed, "")
    });
    assert_eq!(
        refused(&mut s, &mut j, supervision, at),
        CommandError::Missing(Field::CheckedBy)
    );
    let check_time = "2025-01-15T03:00:00+08:00";
    run(
        &mut s,
        &mut j,
        spot(&drawn[1], CheckResult::Confirmed, ""),
        check_time,
    );
    run(
        &mut s,
        &mut j,
        spot(&drawn[0], CheckResult::NotConfirmed, "现场仍在施工"),
        check_time,
    );
    let episode = &s.model().episodes()[0];
    let failed = episode.item(&drawn[0]).expect("item");
    assert_eq!(failed.status, ItemStatus::ProblemReported);
    assert_eq!(failed.history.last().expect("step").text, "现场仍在施工");
    assert_eq!(
        episode.item(&drawn[1]).expect("item").status,
        ItemStatus::Implemented
    );
    assert_eq!(episode.checks_of(&drawn[0]).count(), 1);
    // The reopened item is rectified the usual way, and then may be checked again.
    run(
        &mut s,
        &mut j,
        Command::rectify(drawn[0].clone(), "已停工", None),
        "2025-01-15T04:00:00+08:00",
    );
    let counts = s.model().checks_between(
        t("2025-01-15T00:00:00+08:00"),
        t("2025-01-16T00:00:00+08:00"),
    );
    let failed_unit = counts
        .iter()
        .find(|u| u.unit == drawn[0].unit)
        .expect("the unit of the failed check");
    assert!(failed_unit.failed >= 1 && failed_unit.checks >= failed_unit.failed);
    assert_eq!(counts.iter().map(|u| u.checks).sum::<usize>(), 2);
    assert_eq!(counts.iter().map(|u| u.failed).sum::<usize>(), 1);
    assert!(
        s.model()
            .checks_between(
                t("2025-01-16T00:00:00+08:00"),
                t("2025-01-17T00:00:00+08:00")
            )
            .is_empty()
    );
    let tr = Tr(Language::Zh);
    let lines: Vec<String> = s.model().timeline().iter().map(|l| l.render(tr)).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("不属实") && l.contains("现场仍在施工")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("第 1 次抽查")), "{lines:?}");
}

#[test]
fn a_sample_event_whose_items_are_not_its_seeds_draw_is_an_anomaly() {
    let (mut s, mut j) = fresh();
    run(
        &mut s,
        &mut j,
        Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00")),
        "2025-01-14T16:00:00+08:00",
    );
    let keys: Vec<ItemKey> = s.model().episodes()[0].items[..3]
        .iter()
        .map(|i| i.key().clone())
        .collect();
    for k in &keys {
        run(
            &mut s,
            &mut j,
            Command::implement(k.clone(), "已落实", None),
            NOON,
        );
    }
    let honest = draw(&keys, 1, 9);
    let forged = keys.iter().find(|k| **k != honest[0]).expect("another");
    let event = checks::SampleDrawn {
        episode: 1,
        number: 1,
        seed: 9,
        pool: keys.clone(),
        items: vec![forged.clone()],
    };
    j.append(
        &officer()
            .draft(t(NOON), "checks.sampled", &event)
            .expect("d"),
    )
    .expect("append");
    s.catch_up(&j).expect("fold");
    assert_eq!(
        s.model().anomalies()[0].reason,
        AnomalyReason::Misfit(CommandError::SampleMismatch(1))
    );
    assert!(s.model().episodes()[0].samples.is_empty());
}
