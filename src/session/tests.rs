//! Tests of the session: the officer and the shift, read-only and projector refusals, the plan,
//! one fold for every read model, the CLI's read-only view as of a moment.

use super::*;
use crate::domain::alerts::Acknowledged;
use crate::domain::findings::{Evidence, FindingId, NewFinding, Origin, Status};
use crate::domain::plan::DEFAULT_PLAN_TOML;
use crate::i18n::Language;
use crate::i18n::{Render, Tr};
use crate::journal::SqliteStorage;

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2019-12-10T14:00:00+08:00").expect("time")
}

fn at_hour(h: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2019-12-10T{h:02}:00:00+08:00")).expect("time")
}

fn author(name: &str) -> Author {
    Author::new(name, "desk-1").expect("author")
}

fn workspace(dir: &Path) -> Workspace {
    Workspace::open(dir).expect("workspace")
}

fn ack(key: &str) -> Command {
    Command::AcknowledgeAlert(Acknowledged {
        key: key.into(),
        note: String::new(),
    })
}

fn events(dir: &Path) -> Vec<Event> {
    SqliteStorage::open_read_only(dir)
        .and_then(|j| j.read_since(0))
        .expect("events")
}

#[test]
fn writes_need_an_officer_and_are_stamped_with_the_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&workspace(dir.path()));
    assert!(session.mode().is_some_and(OpenMode::is_writable));
    assert!(session.needs_officer());
    assert_eq!(session.why_not(), Some(WhyNot::NoOfficer));
    assert!(matches!(
        session.execute(&ack("burst/1047A/1"), at()),
        Err(SessionError::Refused(WhyNot::NoOfficer))
    ));
    let e = session
        .start_shift(author("张伟"), "", at())
        .expect("start")
        .expect("event");
    assert_eq!(
        (e.kind.as_str(), e.operator.as_str()),
        ("shift.started", "张伟")
    );
    assert!(!session.needs_officer());
    // Another module's command through the same path, stamped with the officer, folded at once.
    let e = session
        .execute(&ack("burst/1047A/1"), at())
        .expect("record");
    assert_eq!((e.seq, e.operator.as_str()), (2, "张伟"));
    assert_eq!(session.last_seq(), 2);
    assert!(
        session
            .models()
            .alerts
            .acknowledgements()
            .contains_key("burst/1047A/1")
    );
    assert_eq!(events(dir.path()).len(), 2);
    assert_eq!(session.last_outcome().and_then(Outcome::seq), Some(2));
}

#[test]
fn the_same_officer_continues_and_a_handover_records_both_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut session = Session::open(&workspace(dir.path()));
        session
            .start_shift(author("张伟"), "", at())
            .expect("start");
    }
    let mut session = Session::open(&workspace(dir.path()));
    assert!(
        session
            .start_shift(author("张伟"), "", at())
            .expect("continue")
            .is_none()
    );
    let e = session
        .hand_over(author("李娜"), "盯住夜间", at())
        .expect("hand over")
        .expect("event");
    assert_eq!(
        (e.kind.as_str(), e.operator.as_str()),
        ("shift.started", "李娜")
    );
    let kinds: Vec<(String, String)> = events(dir.path())
        .into_iter()
        .map(|e| (e.kind, e.operator))
        .collect();
    assert_eq!(
        kinds,
        [
            ("shift.started".into(), "张伟".into()),
            ("shift.handed_over".into(), "张伟".into()),
            ("shift.started".into(), "李娜".into()),
        ]
    );
    assert_eq!(session.officer().map(Author::operator), Some("李娜"));
}

#[test]
fn projector_and_a_second_instance_never_write_and_the_reader_follows_the_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut first = Session::open(&workspace(dir.path()));
    first.start_shift(author("张伟"), "", at()).expect("start");
    first.set_presenting(true);
    assert_eq!(first.why_not(), Some(WhyNot::Projector));
    assert!(!first.needs_officer());
    let refused = first.execute(
        &Command::Respond(response::Command::StartShift {
            note: String::new(),
        }),
        at(),
    );
    assert!(matches!(
        refused,
        Err(SessionError::Refused(WhyNot::Projector))
    ));

    let mut second = Session::open(&workspace(dir.path()));
    assert!(matches!(
        second.read_only_reason(),
        Some(ReadOnlyReason::OtherInstance { .. })
    ));
    assert!(!second.needs_officer());
    let refused = second.start_shift(author("李娜"), "", at());
    assert!(matches!(
        refused,
        Err(SessionError::Refused(WhyNot::ReadOnly(_)))
    ));
    let why = WhyNot::ReadOnly(ReadOnlyReason::OtherInstance { holder: None });
    assert!(why.render(Tr(Language::Zh)).contains("另一个"));
    assert!(
        why.render(Tr(Language::En))
            .contains("another AirDesk instance")
    );
    // The reader learns of the writer's events pushed to it (as its follower does) — a
    // batch with a gap is filled from the journal — or by catching up.
    first.set_presenting(false);
    first.execute(&ack("silent/1047A/1"), at()).expect("record");
    first.execute(&ack("silent/1047A/2"), at()).expect("record");
    let written = events(dir.path());
    assert_eq!(
        second.receive(&written[2..]),
        2,
        "the gap (#2) is read back"
    );
    assert_eq!(second.last_seq(), 3);
    assert_eq!(second.models(), first.models());
    assert_eq!(second.receive(&written), 0, "nothing twice");
    assert_eq!(second.models().response.shifts().len(), 1);
}

#[test]
fn a_follower_pushes_another_instance_s_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut writer = Session::open(&workspace(dir.path()));
    let reader = Session::open(&workspace(dir.path()));
    let (tx, rx) = std::sync::mpsc::channel();
    let follower = reader
        .follow(Duration::from_millis(20), move |events| {
            let _ = tx.send(events);
        })
        .expect("follows");
    writer.start_shift(author("张伟"), "", at()).expect("start");
    let mut reader = reader;
    let heard = rx.recv_timeout(Duration::from_secs(10)).expect("pushed");
    assert!(matches!(&heard, Heard::Events(batch) if batch.len() == 1));
    reader.hear(heard);
    assert_eq!(reader.last_seq(), 1);
    assert_eq!(
        reader
            .models()
            .response
            .on_shift()
            .map(|s| s.started.operator.as_str()),
        Some("张伟")
    );
    drop(follower);
}

#[test]
fn the_default_plan_is_copied_and_a_broken_plan_refuses_response_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let session = Session::open(&ws);
    assert!(session.plan_status().copied_default && session.plan_status().from_file);
    assert_eq!(
        std::fs::read_to_string(ws.plan_path()).expect("plan"),
        DEFAULT_PLAN_TOML
    );
    drop(session);
    std::fs::write(ws.plan_path(), "[plan]\nname = \"\"\n").expect("write");
    let mut session = Session::open(&ws);
    let status = session.plan_status();
    assert!(!status.usable() && !status.copied_default);
    assert!(
        status.problems.iter().all(|p| p.line.is_some()),
        "{:?}",
        status.problems
    );
    session
        .start_shift(author("张伟"), "", at())
        .expect("shifts need no plan");
    assert_eq!(session.why_not_respond(), Some(WhyNot::PlanInvalid));
    let lift = response::Command::Lift(response::LiftInput {
        at: at(),
        basis: "好转".into(),
        approver: None,
        doc_no: String::new(),
        consultation: None,
    });
    assert!(matches!(
        session.execute(&Command::Respond(lift), at()),
        Err(SessionError::Refused(WhyNot::PlanInvalid))
    ));
    // Fixed on disk: the app's watcher asks for a reload, and commands go through again.
    std::fs::write(ws.plan_path(), DEFAULT_PLAN_TOML).expect("write");
    session.reload_plan();
    assert_eq!(session.why_not_respond(), None);
}

#[test]
fn a_read_only_workspace_without_journal_is_empty_not_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::open_read_only(dir.path()).expect("workspace");
    let session = Session::open(&ws);
    assert!(session.mode().is_none() && session.open_error().is_none());
    assert_eq!(session.why_not(), Some(WhyNot::NoJournal(None)));
    assert!(session.models().response.episodes().is_empty());
    assert!(session.plan().is_some());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
}

#[test]
fn findings_go_through_the_same_path_and_their_refusals_write_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut session = Session::open(&workspace(dir.path()));
    session
        .start_shift(author("张伟"), "", at_hour(8))
        .expect("start");
    let new = NewFinding {
        source: "公众举报（12369）".into(),
        origin: Origin::Inspection,
        reference: None,
        description: "工地夜间未苫盖".into(),
        place: "城关镇".into(),
        unit: "住建局".into(),
        deadline: Some(chrono::NaiveDate::from_ymd_opt(2019, 12, 12).expect("date")),
    };
    let e = session
        .execute(&Command::Finding(FindingCommand::Assign(new)), at_hour(9))
        .expect("assign");
    assert_eq!(
        (e.kind.as_str(), e.operator.as_str()),
        ("finding.assigned", "张伟")
    );
    let id = FindingId(1);
    let mv = |to, evidence| {
        Command::Finding(FindingCommand::Move {
            id,
            to,
            note: String::new(),
            evidence,
        })
    };
    // Skipping to verified is refused and writes nothing.
    let before = session.last_seq();
    let refused = session.execute(&mv(Status::Verified, None), at_hour(10));
    assert!(matches!(refused, Err(SessionError::Finding(_))));
    assert_eq!(events(dir.path()).len() as u64, before);
    for (h, to) in [
        (11, Status::Rectifying),
        (12, Status::Rectified),
        (13, Status::Verified),
        (14, Status::Closed),
    ] {
        let evidence = (to == Status::Rectified).then(|| Evidence {
            text: "已苫盖".into(),
            files: vec!["photo.jpg sha256:00".into()],
        });
        session
            .execute(&mv(to, evidence), at_hour(h))
            .expect("move");
    }
    let findings = &session.models().findings;
    assert_eq!(findings.get(id).map(|f| f.status), Some(Status::Closed));
    // A fresh session folds the journal into the same read models.
    drop(session);
    let again = Session::open(&workspace(dir.path()));
    assert_eq!(
        again.models().findings.get(id).map(|f| f.history.len()),
        Some(5)
    );
}

#[test]
fn the_cli_view_as_of_a_moment_sees_only_what_was_recorded_by_then() {
    let dir = tempfile::tempdir().expect("dir");
    let mut session = Session::open(&workspace(dir.path()));
    session
        .start_shift(author("张伟"), "", at_hour(8))
        .expect("start");
    session
        .hand_over(author("李娜"), "", at_hour(16))
        .expect("hand over");
    drop(session);
    let then = Session::read_only(dir.path(), Some(at_hour(12))).expect("read");
    assert_eq!(
        then.models()
            .response
            .on_shift()
            .map(|s| s.started.operator.as_str()),
        Some("张伟")
    );
    assert_eq!(
        then.why_not(),
        Some(WhyNot::ReadOnly(ReadOnlyReason::Requested))
    );
    let now = Session::read_only(dir.path(), None).expect("read");
    assert_eq!(now.models().response.shifts().len(), 2);
    assert!(matches!(
        Session::read_only(&dir.path().join("none"), None),
        Err(JournalError::NoJournal { .. })
    ));
}

#[test]
fn the_plan_carries_the_list_the_settings_name_and_follows_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = workspace(dir.path());
    let list = dir.path().join("list.csv");
    let header = "企业名称,绩效分级,SO2排放量(kg/d),橙色预警SO2减排量(kg/d)\n";
    std::fs::write(&list, format!("{header}甲,C,100,20\n乙,Z,100,20\n")).expect("list");
    ws.update_settings(|s| s.reduction_lists = vec!["list.csv".into()])
        .expect("settings");
    let mut session = Session::open(&ws);
    let enterprises = |s: &Session| {
        s.plan()
            .and_then(|p| p.list.as_ref())
            .map(|l| l.enterprises.len())
    };
    assert_eq!(enterprises(&session), Some(1));
    assert_eq!(
        session.plan_status().list_problems.len(),
        1,
        "乙's unknown grade"
    );
    // The file is edited: the watcher's reload reads it again.
    std::fs::write(&list, format!("{header}甲,C,100,20\n乙,D,100,20\n")).expect("list");
    session.reload_plan();
    assert_eq!(enterprises(&session), Some(2));
    assert!(session.plan_status().list_problems.is_empty());
    // The settings name no list any more.
    session.use_lists(Vec::new());
    assert_eq!(enterprises(&session), None);
}

#[test]
fn the_workspace_contact_list_is_read_with_the_plan_and_follows_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let contact = |s: &Session, unit: &str| {
        s.plan()
            .and_then(|p| p.contacts.as_ref())
            .and_then(|c| c.get(unit))
            .map(|c| c.name.clone())
    };
    let session = Session::open(&ws);
    assert_eq!(ws.contacts_path(), None);
    assert!(session.plan().is_some_and(|p| p.contacts.is_none()));
    // contacts.csv dropped into the folder: found without a setting, read with the plan.
    let file = dir.path().join("contacts.csv");
    let header = "单位,联系人,职务,电话,微信群\n";
    std::fs::write(
        &file,
        format!("{header}jtj,赵交通,科长,13900000002,交通群\n县外局,某,,1,\n"),
    )
    .expect("contacts");
    let mut session = Session::open(&ws);
    assert_eq!(contact(&session, "jtj").as_deref(), Some("赵交通"));
    let problems = &session.plan_status().contacts_problems;
    assert_eq!(
        problems.len(),
        2,
        "an unknown unit and a bad phone: {problems:?}"
    );
    assert!(problems.iter().all(|p| p.line == Some(3)), "{problems:?}");
    // The file is edited: the watcher's reload reads it again.
    std::fs::write(
        &file,
        format!("{header}jtj,钱交通,科长,13900000003,交通群\n"),
    )
    .expect("contacts");
    session.use_contacts(ws.contacts_path());
    assert_eq!(contact(&session, "jtj").as_deref(), Some("钱交通"));
    assert!(session.plan_status().contacts_problems.is_empty());
}

#[test]
fn a_server_journal_setting_that_cannot_be_used_is_said_and_nothing_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join(crate::workspace::SETTINGS_FILE),
        "journal = \"postgres://zhiban1:secret@10.0.0.5\"\n",
    )
    .expect("settings");
    let session = Session::open(&workspace(dir.path()));
    let trouble = session.open_error().expect("said");
    let error = trouble.render(Tr(Language::En));
    assert!(error.contains("no database"), "{error}");
    assert!(!error.contains("secret"), "never the password: {error}");
    assert!(matches!(session.why_not(), Some(WhyNot::NoJournal(_))));
    assert!(
        !dir.path().join(crate::journal::JOURNAL_FILE).exists(),
        "no journal.sqlite in its place"
    );
    assert_eq!(session.desk(), None);
}

#[test]
fn a_journal_that_cannot_be_opened_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join(crate::journal::JOURNAL_FILE),
        "not a database, just text",
    )
    .expect("write");
    let session = Session::open(&workspace(dir.path()));
    let trouble = session.open_error().expect("said").clone();
    assert!(
        matches!(trouble, JournalTrouble::NotAJournal { .. }),
        "{trouble:?}"
    );
    let zh = trouble.render(Tr(Language::Zh));
    assert!(zh.contains("不是 AirDesk 值班日志"), "{zh}");
    let why = session.why_not().expect("nothing recorded");
    assert_eq!(why, WhyNot::NoJournal(Some(trouble)));
    assert!(
        why.render(Tr(Language::Zh))
            .starts_with("无法打开值班日志：")
    );
    assert!(
        why.render(Tr(Language::En))
            .contains("is not an AirDesk journal")
    );
}

#[test]
fn the_confirmation_of_a_report_names_the_measure_of_its_own_run_or_episode() {
    use crate::domain::plan::Level;
    use crate::domain::response::Command as Respond;
    use crate::domain::response::tests::{fresh, issue_input, key, run, start_campaign};
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
        Respond::Issue(issue_input(Level::Orange, "2025-01-21T00:00:00+08:00")),
        at,
    );
    let in_run = key("C-FW-1", "gaj");
    let event = run(
        &mut s,
        &mut j,
        Respond::implement(in_run.clone(), "查处违法燃放2起", None).in_campaign(1),
        "2025-01-21T10:00:00+08:00",
    );
    let text_of = |state: &crate::domain::response::ResponseState, seq| match said(state, seq) {
        Some(Said::Item { text, .. }) => text,
        other => panic!("{other:?}"),
    };
    let state = s.model();
    let run_item = state
        .campaign_run(1)
        .and_then(|r| r.item(&in_run))
        .expect("the run's item");
    assert_eq!(text_of(state, event.seq), run_item.spec.text);
    assert_ne!(text_of(state, event.seq), "C-FW-1");
    let warning_item = state
        .latest()
        .and_then(|e| e.items.first())
        .expect("a warning item")
        .clone();
    let event = run(
        &mut s,
        &mut j,
        Respond::acknowledge(warning_item.key().clone(), ""),
        "2025-01-21T10:05:00+08:00",
    );
    assert_eq!(text_of(s.model(), event.seq), warning_item.spec.text);
}
