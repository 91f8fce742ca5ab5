//! The drill (演练) episode recorded through the service, so a workspace can open mid-response:
//! a shift started, a consultation held, an orange warning issued, every unit but one
//! acknowledged, the measures due so far implemented — except one town's grid patrols, which are
//! overdue — and one problem reported (a construction site still digging). With an
//! emission-reduction list in the plan, every listed enterprise's item is acknowledged and
//! implemented too, the late town's included.
//!
//! It uses the measure ids of the shipped default plan. Times are relative to the warning's
//! start `s`; at `s + 12 h` exactly one item is overdue and one problem is open.
//!
//! Every event is recorded by the officer on duty at its time: one officer throughout
//! ([`record_drill`]), or whoever the duty roster names ([`record_drill_by_roster`]), the shift
//! handed over at each change of shift as the desk would record it.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

use crate::domain::roster::Roster;
use crate::journal::{Author, Storage};

use super::checklist::{EvidenceFile, ItemKey};
use super::command::{Command, ConsultationInput, IssueInput};
use super::event::Decision;
use super::service::{ResponseService, ServiceError};
use super::state::StatusFilter;

/// The town whose grid patrols are overdue in the drill.
pub const LATE_UNIT: &str = "town-hedong";

/// Who is on duty at a moment, and since when (the start of their shift, when known).
type OnDuty<'a> = dyn Fn(DateTime<FixedOffset>) -> (Author, Option<DateTime<FixedOffset>>) + 'a;

/// Record the drill into `storage` by `author`, the warning starting at `start`. Every event
/// goes through [`ResponseService::execute`], as the response page would record it.
pub fn record_drill<S: Storage + ?Sized>(
    service: &mut ResponseService,
    storage: &mut S,
    author: &Author,
    start: DateTime<FixedOffset>,
) -> Result<(), ServiceError> {
    record(service, storage, &|_| (author.clone(), None), start)
}

/// Record the drill with each event by the officer the `roster` has on duty in `role` (e.g.
/// `值班员`) at its time, at desk `desk`; `fallback` where the roster names nobody. At each change
/// of officer the shift is handed over (`shift.handed_over`, then `shift.started`) at the start
/// of the new officer's shift.
pub fn record_drill_by_roster<S: Storage + ?Sized>(
    service: &mut ResponseService,
    storage: &mut S,
    roster: &Roster,
    role: &str,
    desk: &str,
    fallback: &Author,
    start: DateTime<FixedOffset>,
) -> Result<(), ServiceError> {
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
    record(service, storage, &on_duty, start)
}

fn record<S: Storage + ?Sized>(
    service: &mut ResponseService,
    storage: &mut S,
    on_duty: &OnDuty<'_>,
    start: DateTime<FixedOffset>,
) -> Result<(), ServiceError> {
    let at = |minutes: i64| start + Duration::minutes(minutes);
    // The officer on shift and when the last event was recorded.
    let mut desk: Option<(Author, DateTime<FixedOffset>)> = None;
    let mut run = |service: &mut ResponseService, command: Command, minutes: i64| {
        let t = at(minutes);
        let (author, since) = on_duty(t);
        match desk.take() {
            Some((current, last)) if current.operator() != author.operator() => {
                let handover = since.unwrap_or(t).max(last).min(t);
                let to = author.operator().to_owned();
                let note = "按值班表交接".to_owned();
                service.execute(storage, &Command::HandOver { to, note }, &current, handover)?;
                let take = Command::StartShift {
                    note: String::new(),
                };
                service.execute(storage, &take, &author, handover)?;
            }
            None if !matches!(command, Command::StartShift { .. }) => {
                let take = Command::StartShift {
                    note: String::new(),
                };
                service.execute(storage, &take, &author, t)?;
            }
            _ => {}
        }
        service.execute(storage, &command, &author, t)?;
        desk = Some((author, t));
        Ok::<(), ServiceError>(())
    };
    run(
        service,
        Command::StartShift {
            note: "接班，关注明日污染过程".into(),
        },
        -15 * 60 - 30,
    )?;
    run(
        service,
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
        service,
        Command::Issue(IssueInput {
            level: crate::domain::plan::Level::Orange,
            start,
            expected_end: Some(at(72 * 60)),
            approver: None,
            doc_no: format!("某县应急办〔{}〕3号", start.format("%Y")),
            reasons: vec!["预计未来三天日AQI持续超过200，首要污染物为PM2.5".into()],
            primary: String::new(),
            consultation: Some(1),
        }),
        -8 * 60,
    )?;
    // Every unit but the late town acknowledges all its items in the evening; the late town
    // passes on its listed enterprises' receipts (the enterprises themselves are on time).
    let on_time =
        |i: &super::checklist::Item| i.key().unit != LATE_UNIT || i.spec.enterprise.is_some();
    let keys: Vec<ItemKey> = service
        .state()
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
            service,
            Command::acknowledge(k, ""),
            -8 * 60 + 10 + n as i64,
        )?;
    }
    let key = ItemKey::new;
    // The late town reports only its loose-coal and burning patrols.
    for m in ["O-COAL-1", "O-BURN-1"] {
        run(
            service,
            Command::implement(key(m, LATE_UNIT), "已组织巡查", None),
            90,
        )?;
    }
    run(
        service,
        Command::implement(key("O-SCH-1", "jyj"), "已通知全县47所中小学和幼儿园", None),
        7 * 60 + 30,
    )?;
    run(
        service,
        Command::implement(
            key("O-DUST-1", "zjj"),
            "全县32个工地已停止露天施工，巡查照片已上传",
            Some(EvidenceFile {
                name: "evidence/zjj-dust.jpg".into(),
                sha256: None,
            }),
        ),
        8 * 60,
    )?;
    run(
        service,
        Command::implement(key("O-IND-D", "gxj"), "D级企业5家已全部停产", None),
        9 * 60,
    )?;
    run(
        service,
        Command::report_problem(
            key("O-DUST-1", "zjj"),
            "督导组发现城南某安置房项目仍在进行土方作业",
        ),
        10 * 60,
    )?;
    // Everything else due by noon is reported done at 11:00.
    let due: Vec<ItemKey> = service
        .state()
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
        run(
            service,
            Command::implement(k, "已按要求落实", None),
            11 * 60,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{fresh, t};
    use crate::domain::roster::Shift;
    use crate::journal::Storage;

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
        let (mut service, mut journal) = fresh();
        let fallback = Author::new("值班员", "desk-1").expect("author");
        record_drill_by_roster(
            &mut service,
            &mut journal,
            &roster,
            "值班员",
            "desk-1",
            &fallback,
            t("2025-01-15T00:00:00+08:00"),
        )
        .expect("drill");
        let events = journal.read_since(0).expect("events");
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
        let state = service.state();
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
}
