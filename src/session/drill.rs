//! The drill (演练) episode recorded through the session, so a workspace can open mid-response:
//! a shift started, a consultation held, an orange warning issued, every unit but one
//! acknowledged, the measures due so far reported implemented on time (the desk entering the
//! units' WeChat reports later, each with the time the unit reported) and one problem reported
//! (a construction site still digging). One town is late: it reports two patrols only at
//! `s + 11½ h`, after their deadlines (and after a daily report due by 09:00 on a plan that asks
//! for one), and its grid patrols stay overdue. With an emission-reduction list in the plan,
//! every listed enterprise's item is acknowledged and implemented on time too, the late town's
//! included (enterprises' items do not count for the units' reporting cycle). A sample generator, not a rule: it lives beside the
//! session it drives, not in the domain.
//!
//! It uses the measure ids of the shipped default plan. Times are relative to the warning's
//! start `s`; at `s + 12 h` the late town's grid patrols are the one overdue item of the plan's
//! own measures and one problem is open.
//!
//! Every event is recorded by the officer on duty at its time: one officer throughout
//! ([`record_drill`]), or whoever the duty roster names ([`record_drill_by_roster`]), the shift
//! handed over at each change of shift as the desk records it ([`Session::hand_over`]).

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

use crate::domain::response::{
    Channel, Command, ConsultationInput, Decision, EvidenceFile, Feedback, IssueInput, Item,
    ItemKey, StatusFilter,
};
use crate::domain::roster::Roster;
use crate::journal::Author;

use super::{Session, SessionError};

/// The town whose grid patrols are overdue in the drill.
pub const LATE_UNIT: &str = "town-hedong";

/// Who is on duty at a moment, and since when (the start of their shift, when known).
type OnDuty<'a> = dyn Fn(DateTime<FixedOffset>) -> (Author, Option<DateTime<FixedOffset>>) + 'a;

/// Record the drill through `session` by `author`, the warning starting at `start`. Every event
/// goes through [`Session::execute`], as the response page records it.
pub fn record_drill(
    session: &mut Session,
    author: &Author,
    start: DateTime<FixedOffset>,
) -> Result<(), SessionError> {
    record(session, &|_| (author.clone(), None), start)
}

/// One block of a synthetic long journal (the read-model snapshot's benchmark and tests): the
/// drill from `start`, lifted two days later, with the desk's routine around it — `acks` station
/// alerts acknowledged, a supervision finding assigned, the day marked as a dust day.
pub fn record_drill_block(
    session: &mut Session,
    author: &Author,
    start: DateTime<FixedOffset>,
    acks: usize,
) -> Result<(), SessionError> {
    record_drill(session, author, start)?;
    let lift = Command::Lift(crate::domain::response::LiftInput {
        at: start + Duration::days(2),
        basis: "空气质量持续改善，解除预警（合成）".into(),
        approver: None,
        doc_no: String::new(),
        consultation: None,
    });
    session.execute(&super::Command::Respond(lift), start + Duration::days(2))?;
    let later = |minutes: usize| start + Duration::days(2) + Duration::minutes(minutes as i64);
    for i in 0..acks {
        let ack = crate::domain::alerts::Acknowledged {
            key: format!("burst/1047A/{}/{i}", start.timestamp()),
            note: "已电话通知运维单位（合成）".into(),
        };
        session.execute(&super::Command::AcknowledgeAlert(ack), later(i))?;
    }
    let finding = crate::domain::findings::NewFinding {
        source: "公众举报（12369，合成）".into(),
        origin: crate::domain::findings::Origin::Inspection,
        reference: None,
        description: "工地夜间未苫盖".into(),
        place: "城关镇".into(),
        unit: "住建局".into(),
        deadline: Some(start.date_naive() + Duration::days(3)),
    };
    let assign = crate::domain::findings::FindingCommand::Assign(finding);
    session.execute(&super::Command::Finding(assign), later(acks))?;
    let dust = crate::domain::dust::DustEvent::Mark(crate::domain::dust::Marked {
        date: start.date_naive(),
        evidence: "卫星云图显示沙尘过境（合成）".into(),
    });
    session.execute(&super::Command::Dust(dust), later(acks + 1))?;
    Ok(())
}

/// Record the drill with each event by the officer the `roster` has on duty in `role` (e.g.
/// `值班员`) at its time, at desk `desk`; `fallback` where the roster names nobody. At each change
/// of officer the shift is handed over (`shift.handed_over`, then `shift.started`) at the start
/// of the new officer's shift.
pub fn record_drill_by_roster(
    session: &mut Session,
    roster: &Roster,
    role: &str,
    desk: &str,
    fallback: &Author,
    start: DateTime<FixedOffset>,
) -> Result<(), SessionError> {
    let on_duty = |t: DateTime<FixedOffset>| {
        roster
            .on_duty(t)
            .into_iter()
            .find(|s| s.role.as_deref() == Some(role))
            .and_then(|s| {
                let author = Author::new(&s.person, desk).ok()?;
                let since = t.timezone().from_local_datetime(&s.start).single();
                Some((author, since))
            })
            .unwrap_or_else(|| (fallback.clone(), None))
    };
    record(session, &on_duty, start)
}

/// Record `command` at `t` by whoever is on duty then: the shift is handed over first when the
/// officer changes (at the start of the new officer's shift, not before the last event), or
/// started when nobody is on shift yet.
fn run(
    session: &mut Session,
    on_duty: &OnDuty<'_>,
    last: &mut Option<DateTime<FixedOffset>>,
    command: Command,
    t: DateTime<FixedOffset>,
) -> Result<(), SessionError> {
    let (author, since) = on_duty(t);
    match session.officer().cloned() {
        Some(current) if current.operator() != author.operator() => {
            let handover = since.unwrap_or(t).max(last.unwrap_or(t)).min(t);
            session.hand_over(author, "按值班表交接", handover)?;
        }
        Some(_) => {}
        None => {
            let note = match &command {
                Command::StartShift { note } => note.as_str(),
                _ => "",
            };
            session.start_shift(author, note, t)?;
            if matches!(command, Command::StartShift { .. }) {
                *last = Some(t);
                return Ok(());
            }
        }
    }
    session.execute(&super::Command::Respond(command), t)?;
    *last = Some(t);
    Ok(())
}

fn record(
    session: &mut Session,
    on_duty: &OnDuty<'_>,
    start: DateTime<FixedOffset>,
) -> Result<(), SessionError> {
    let at = |minutes: i64| start + Duration::minutes(minutes);
    // When the last event was recorded (a handover is never before it).
    let mut last: Option<DateTime<FixedOffset>> = None;
    let mut run = |session: &mut Session, command: Command, minutes: i64| {
        run(session, on_duty, &mut last, command, at(minutes))
    };
    run(
        session,
        Command::StartShift {
            note: "接班，关注明日污染过程".into(),
        },
        -15 * 60 - 30,
    )?;
    run(
        session,
        Command::RecordConsultation(ConsultationInput {
            held_at: at(-9 * 60),
            participants: vec![
                "县生态环境分局 李强".into(),
                "县气象局 王敏".into(),
                format!("县应急指挥部办公室 {}", on_duty(at(-9 * 60)).0.operator()),
            ],
            basis: "预计未来三天AQI 210–260，静稳、高湿、逆温，不利于污染物扩散".into(),
            advice: None,
            decision: Decision::Issue,
            decision_text: "达到橙色预警条件，建议按时启动橙色预警".into(),
        }),
        -8 * 60 - 20,
    )?;
    run(
        session,
        Command::Issue(IssueInput {
            level: crate::domain::plan::Level::Orange,
            start,
            expected_end: Some(at(72 * 60)),
            approver: None,
            doc_no: format!("某县应急办〔{}〕3号", start.format("%Y")),
            reasons: vec!["预计未来三天日AQI持续超过200，首要污染物为PM2.5".into()],
            primary: String::new(),
            consultation: Some(1),
            regional: None,
        }),
        -8 * 60,
    )?;
    // Every unit but the late town acknowledges all its items in the evening; the late town
    // passes on its listed enterprises' receipts (the enterprises themselves are on time).
    let on_time = |i: &Item| i.key().unit != LATE_UNIT || i.spec.enterprise.is_some();
    let keys: Vec<ItemKey> = session
        .models()
        .response
        .current()
        .map(|e| {
            e.filter(None, StatusFilter::Open, start)
                .into_iter()
                .filter(|i| on_time(i))
                .map(|i| i.key().clone())
                .collect()
        })
        .unwrap_or_default();
    for (n, k) in keys.into_iter().enumerate() {
        run(
            session,
            Command::acknowledge(k, ""),
            -8 * 60 + 10 + n as i64,
        )?;
    }
    // The units report in the WeChat group as their measures take effect; the desk enters the
    // reports when it gets to them, each with the time the unit reported (its deadline at the
    // latest): late entry is not late implementation.
    let reported = |session: &Session, k: &ItemKey, minutes: i64| {
        let deadline = session
            .models()
            .response
            .current()
            .and_then(|e| e.item(k))
            .map_or(at(minutes), |i| i.deadline);
        Feedback {
            reporter: String::new(),
            reporter_unit: String::new(),
            reported_at: deadline.min(at(minutes)),
            channel: Channel::Wechat,
        }
    };
    let key = ItemKey::new;
    let k = key("O-SCH-1", "jyj");
    let feedback = reported(session, &k, 7 * 60 + 30);
    run(
        session,
        Command::implement(k.clone(), "已通知全县47所中小学和幼儿园", None).with_feedback(feedback),
        7 * 60 + 30,
    )?;
    let k = key("O-DUST-1", "zjj");
    let feedback = reported(session, &k, 8 * 60);
    run(
        session,
        Command::implement(
            k.clone(),
            "全县32个工地已停止露天施工，巡查照片已上传",
            Some(EvidenceFile {
                name: "evidence/zjj-dust.jpg".into(),
                sha256: None,
                photo: None,
            }),
        )
        .with_feedback(feedback),
        8 * 60,
    )?;
    let k = key("O-IND-D", "gxj");
    let feedback = reported(session, &k, 9 * 60);
    run(
        session,
        Command::implement(k.clone(), "D级企业5家已全部停产", None).with_feedback(feedback),
        9 * 60,
    )?;
    run(
        session,
        Command::report_problem(
            key("O-DUST-1", "zjj"),
            "督导组发现城南某安置房项目仍在进行土方作业",
        ),
        10 * 60,
    )?;
    // Everything else due by noon was reported done in time; the desk enters it at 09:00.
    let due: Vec<ItemKey> = session
        .models()
        .response
        .current()
        .map(|e| {
            e.items
                .iter()
                .filter(|i| {
                    i.status.awaits_implementation() && on_time(i) && i.deadline <= at(12 * 60)
                })
                .map(|i| i.key().clone())
                .collect()
        })
        .unwrap_or_default();
    for k in due {
        let feedback = reported(session, &k, 11 * 60);
        run(
            session,
            Command::implement(k.clone(), "已按要求落实", None).with_feedback(feedback),
            11 * 60,
        )?;
    }
    // The late town reports its loose-coal and burning patrols only at 09:30: after the day's
    // report was due, and after the measures' deadlines. Its grid patrols stay overdue.
    for m in ["O-COAL-1", "O-BURN-1"] {
        let feedback = Feedback {
            reporter: String::new(),
            reporter_unit: String::new(),
            reported_at: at(11 * 60 + 30),
            channel: Channel::Phone,
        };
        run(
            session,
            Command::implement(key(m, LATE_UNIT), "已组织巡查", None).with_feedback(feedback),
            11 * 60 + 30,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::PeriodState;
    use crate::domain::response::tests::{plan, t};
    use crate::domain::roster::Shift;
    use crate::journal::{SqliteStorage, Storage};

    fn shift(start: &str, end: &str, person: &str, role: &str) -> Shift {
        let time = |s: &str| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("roster time")
        };
        Shift {
            start: time(start),
            end: time(end),
            label: None,
            person: person.into(),
            role: Some(role.into()),
            phone: None,
        }
    }

    #[test]
    fn each_event_is_recorded_by_the_officer_on_duty_and_shifts_are_handed_over() {
        // Warning from 2025-01-15 00:00: the drill's events run from 14 Jan 08:30 to 15 Jan 11:00.
        let roster = Roster::new(vec![
            shift("2025-01-14 08:00", "2025-01-14 17:30", "王磊", "值班员"),
            shift("2025-01-14 17:30", "2025-01-15 08:30", "刘洋", "值班员"),
            shift("2025-01-15 08:30", "2025-01-15 17:30", "赵敏", "值班员"),
            shift("2025-01-14 08:00", "2025-01-16 08:00", "周建国", "带班领导"),
        ]);
        let dir = tempfile::tempdir().expect("dir");
        let journal = SqliteStorage::open(dir.path()).expect("journal");
        let mut session = Session::with_journal(Box::new(journal), plan()).expect("session");
        let fallback = Author::new("值班员", "desk-1").expect("author");
        record_drill_by_roster(
            &mut session,
            &roster,
            "值班员",
            "desk-1",
            &fallback,
            t("2025-01-15T00:00:00+08:00"),
        )
        .expect("drill");
        let events = SqliteStorage::open_read_only(dir.path())
            .and_then(|j| j.read_since(0))
            .expect("events");
        for e in &events {
            // The outgoing officer hands over at the end of their shift.
            let when = if e.kind == "shift.handed_over" {
                e.recorded_at - Duration::minutes(1)
            } else {
                e.recorded_at
            };
            let on_duty: Vec<&str> = roster
                .on_duty(when.with_timezone(&crate::clock::cst()))
                .into_iter()
                .filter(|s| s.role.as_deref() == Some("值班员"))
                .map(|s| s.person.as_str())
                .collect();
            assert_eq!(
                on_duty,
                [e.operator.as_str()],
                "{} at {}",
                e.kind,
                e.recorded_at
            );
        }
        let shifts: Vec<(String, String)> = events
            .iter()
            .filter(|e| e.kind.starts_with("shift."))
            .map(|e| (e.kind.clone(), e.operator.clone()))
            .collect();
        let expect = |k: &str, o: &str| (k.to_owned(), o.to_owned());
        assert_eq!(
            shifts,
            [
                expect("shift.started", "王磊"),
                expect("shift.handed_over", "王磊"),
                expect("shift.started", "刘洋"),
                expect("shift.handed_over", "刘洋"),
                expect("shift.started", "赵敏"),
            ]
        );
        // The handovers are at the roster's change of shift.
        let handovers: Vec<String> = events
            .iter()
            .filter(|e| e.kind == "shift.handed_over")
            .map(|e| {
                let local = e.recorded_at.with_timezone(&crate::clock::cst());
                local.format("%m-%d %H:%M").to_string()
            })
            .collect();
        assert_eq!(handovers, ["01-14 17:30", "01-15 08:30"]);
        let state = &session.models().response;
        assert_eq!(
            state.on_shift().map(|s| s.started.operator.as_str()),
            Some("赵敏")
        );
        assert_eq!(
            state
                .current()
                .map(|e| e.overdue(t("2025-01-15T12:00:00+08:00")).len()),
            Some(1)
        );
    }

    /// Under a plan asking for reports by 09:00, the drill moment shows the late town's report
    /// received late and every other unit's on time.
    #[test]
    fn the_drill_moment_shows_one_unit_reporting_late() {
        let text = crate::domain::plan::DEFAULT_PLAN_TOML.replace("daily 16:00", "daily 09:00");
        let plan = crate::domain::plan::parse(&text).expect("plan");
        let dir = tempfile::tempdir().expect("dir");
        let journal = SqliteStorage::open(dir.path()).expect("journal");
        let mut session = Session::with_journal(Box::new(journal), plan).expect("session");
        let officer = Author::new("张伟", "desk-1").expect("author");
        record_drill(&mut session, &officer, t("2025-01-15T00:00:00+08:00")).expect("drill");
        let episode = session.models().response.current().expect("episode");
        let reporting = episode.reporting(t("2025-01-15T12:00:00+08:00"));
        let first = |u: &crate::domain::response::UnitReporting| u.periods[0].state;
        for u in &reporting.units {
            let expected = if u.unit == LATE_UNIT {
                PeriodState::ReceivedLate
            } else {
                PeriodState::OnTime
            };
            assert_eq!(first(u), expected, "{}", u.unit);
        }
        assert!(reporting.late.is_empty() && reporting.missing.is_empty());
        let overdue = episode.overdue(t("2025-01-15T12:00:00+08:00"));
        assert!(overdue.iter().all(|i| i.key().unit == LATE_UNIT));
        assert!(
            episode
                .items
                .iter()
                .filter(|i| i.key().unit != LATE_UNIT)
                .all(|i| !i.done_late()),
            "the other units reported on time"
        );
    }
}
