//! Command validation: from the state, the plan and a command, the one event to record — or why
//! not. Pure; the same checks the fold applies, plus those that need the plan.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::{Level, Plan};

use super::checklist::{Transition, derive, rederive};
use super::checks::{ItemChecked, SampleDrawn, draw};
use super::command::{Command, ConsultationInput, IssueInput, LevelChangeInput};
use super::error::{CommandError, Field};
use super::event::{
    ConsultationRecorded, ItemReport, LevelChanged, PlanRef, ResponseEvent, ShiftHandedOver,
    ShiftStarted, WarningIssued, WarningLifted, WarningPaused, WarningResumed,
};
use super::state::{Episode, Phase, ResponseState, Stamp, check_check, check_item, sample_pool};

/// What `command` would record and the state after it, without writing anything: for showing
/// the checklist diff or a notice before the officer confirms. `stamp` is how the event would be
/// recorded (the next sequence number, the officer, the moment).
pub fn preview(
    state: &ResponseState,
    plan: &Plan,
    command: &Command,
    stamp: &Stamp,
) -> Result<(ResponseEvent, ResponseState), CommandError> {
    let event = decide(state, plan, command)?;
    let mut next = state.clone();
    next.apply_typed(stamp, &event)?;
    Ok((event, next))
}

/// The event `command` calls for in `state` under `plan`, or why it cannot be carried out.
pub fn decide(
    state: &ResponseState,
    plan: &Plan,
    command: &Command,
) -> Result<ResponseEvent, CommandError> {
    match command {
        Command::RecordConsultation(c) => consultation(state, c),
        Command::Issue(i) => issue(state, plan, i),
        Command::Upgrade(c) => change(state, plan, c, true),
        Command::Downgrade(c) => change(state, plan, c, false),
        Command::Pause(p) => {
            let e = current(state)?;
            if !plan.rules.pause.enabled {
                return Err(CommandError::PauseNotAllowed);
            }
            if e.phase() != Phase::Active {
                return Err(CommandError::Paused);
            }
            if p.at < e.start {
                return Err(CommandError::NotYetInForce { start: e.start });
            }
            not_before(p.at, e.level_since())?;
            Ok(ResponseEvent::WarningPaused(WarningPaused {
                episode: e.number,
                at: p.at,
                basis: required(&p.basis, Field::Basis)?,
                approver: p.approver.trim().to_owned(),
                doc_no: p.doc_no.trim().to_owned(),
            }))
        }
        Command::Resume(r) => {
            let e = current(state)?;
            let Phase::Paused { since } = e.phase() else {
                return Err(CommandError::NotPaused);
            };
            not_before(r.at, since)?;
            end_after(r.expected_end, r.at)?;
            Ok(ResponseEvent::WarningResumed(WarningResumed {
                episode: e.number,
                at: r.at,
                basis: required(&r.basis, Field::Basis)?,
                approver: r.approver.trim().to_owned(),
                doc_no: r.doc_no.trim().to_owned(),
                expected_end: r.expected_end,
            }))
        }
        Command::Lift(l) => {
            let e = current(state)?;
            not_before(l.at, e.earliest_lift())?;
            known_consultation(state, l.consultation)?;
            Ok(ResponseEvent::WarningLifted(WarningLifted {
                episode: e.number,
                at: l.at,
                basis: required(&l.basis, Field::Basis)?,
                approver: approver(plan, e.level(), l.approver.as_deref())?,
                doc_no: l.doc_no.trim().to_owned(),
                consultation: l.consultation,
            }))
        }
        Command::Item(input) => {
            let e = state.latest().ok_or(CommandError::NoWarning)?;
            check_item(e, input.transition, &input.item)?;
            let text = match input.transition {
                Transition::Acknowledge => input.text.trim().to_owned(),
                Transition::Implement | Transition::Rectify => {
                    required(&input.text, Field::Feedback)?
                }
                Transition::ReportProblem => required(&input.text, Field::Problem)?,
            };
            Ok(ResponseEvent::Item(
                input.transition,
                ItemReport {
                    episode: e.number,
                    item: input.item.clone(),
                    text,
                    evidence: input.evidence.clone(),
                },
            ))
        }
        Command::DrawSample(s) => {
            let e = state.latest().ok_or(CommandError::NoWarning)?;
            if s.size == 0 {
                return Err(CommandError::Missing(Field::SampleSize));
            }
            let pool = sample_pool(e);
            if pool.is_empty() {
                return Err(CommandError::NothingToSample);
            }
            Ok(ResponseEvent::SampleDrawn(SampleDrawn {
                episode: e.number,
                number: e.samples.len() as u32 + 1,
                seed: s.seed,
                items: draw(&pool, s.size, s.seed),
                pool,
            }))
        }
        Command::Check(c) => {
            let e = state.latest().ok_or(CommandError::NoWarning)?;
            let checked = ItemChecked {
                episode: e.number,
                item: c.item.clone(),
                source: c.source,
                by: c.by.trim().to_owned(),
                sample: c.sample,
                result: c.result,
                note: c.note.trim().to_owned(),
                checked_at: c.checked_at,
                evidence: c.evidence.clone(),
            };
            check_check(e, &checked)?;
            Ok(ResponseEvent::ItemChecked(checked))
        }
        Command::StartShift { note } => Ok(ResponseEvent::ShiftStarted(ShiftStarted {
            note: note.trim().to_owned(),
        })),
        Command::HandOver { to, note } => {
            if state.on_shift().is_none() {
                return Err(CommandError::NoShift);
            }
            Ok(ResponseEvent::ShiftHandedOver(ShiftHandedOver {
                to: required(to, Field::Successor)?,
                note: note.trim().to_owned(),
            }))
        }
    }
}

fn consultation(
    state: &ResponseState,
    c: &ConsultationInput,
) -> Result<ResponseEvent, CommandError> {
    let participants: Vec<String> = c
        .participants
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if participants.is_empty() {
        return Err(CommandError::Missing(Field::Participants));
    }
    Ok(ResponseEvent::ConsultationRecorded(ConsultationRecorded {
        number: state.consultations().len() as u32 + 1,
        held_at: c.held_at,
        participants,
        basis: c.basis.trim().to_owned(),
        advice: c.advice.clone(),
        decision: c.decision,
        decision_text: required(&c.decision_text, Field::Decision)?,
    }))
}

fn issue(
    state: &ResponseState,
    plan: &Plan,
    i: &IssueInput,
) -> Result<ResponseEvent, CommandError> {
    if let Some(e) = state.current() {
        return Err(CommandError::AlreadyActive { level: e.level() });
    }
    warning_level(plan, i.level)?;
    end_after(i.expected_end, i.start)?;
    known_consultation(state, i.consultation)?;
    let primary = match i.primary.trim() {
        "" => "PM2.5".to_owned(),
        p => p.to_owned(),
    };
    Ok(ResponseEvent::WarningIssued(WarningIssued {
        episode: state.episodes().len() as u32 + 1,
        level: i.level,
        start: i.start,
        expected_end: i.expected_end,
        approver: approver(plan, i.level, i.approver.as_deref())?,
        doc_no: i.doc_no.trim().to_owned(),
        reasons: texts(&i.reasons),
        primary,
        consultation: i.consultation,
        plan: PlanRef::of(plan),
        list: plan.list.as_ref().map(|l| l.reference()),
        items: derive(plan, i.level, i.start),
    }))
}

fn change(
    state: &ResponseState,
    plan: &Plan,
    c: &LevelChangeInput,
    up: bool,
) -> Result<ResponseEvent, CommandError> {
    let e = current(state)?;
    if e.phase() != Phase::Active {
        return Err(CommandError::Paused);
    }
    let from = e.level();
    if up && c.to <= from {
        return Err(CommandError::NotHigher { from, to: c.to });
    }
    if !up && c.to >= from {
        return Err(CommandError::NotLower { from, to: c.to });
    }
    warning_level(plan, c.to)?;
    not_before(c.effective, e.level_since())?;
    end_after(c.expected_end, c.effective)?;
    known_consultation(state, c.consultation)?;
    let change = LevelChanged {
        episode: e.number,
        from,
        to: c.to,
        effective: c.effective,
        expected_end: c.expected_end,
        approver: approver(plan, c.to, c.approver.as_deref())?,
        doc_no: c.doc_no.trim().to_owned(),
        reasons: texts(&c.reasons),
        consultation: c.consultation,
        diff: rederive(&e.items, derive(plan, c.to, c.effective)),
        list: plan.list.as_ref().map(|l| l.reference()),
    };
    Ok(if up {
        ResponseEvent::WarningUpgraded(change)
    } else {
        ResponseEvent::WarningDowngraded(change)
    })
}

fn current(state: &ResponseState) -> Result<&Episode, CommandError> {
    state.current().ok_or(CommandError::NoWarning)
}

fn warning_level(plan: &Plan, level: Level) -> Result<(), CommandError> {
    if !level.is_warning() {
        return Err(CommandError::NotAWarningLevel(level));
    }
    if plan.level(level).is_none() {
        return Err(CommandError::LevelNotInPlan(level));
    }
    Ok(())
}

/// The approver given, or the plan's for the level; an empty one is refused.
fn approver(plan: &Plan, level: Level, given: Option<&str>) -> Result<String, CommandError> {
    let name = match given {
        Some(g) => g,
        None => plan.level(level).map_or("", |l| l.approver.as_str()),
    };
    required(name, Field::Approver)
}

fn required(text: &str, field: Field) -> Result<String, CommandError> {
    match text.trim() {
        "" => Err(CommandError::Missing(field)),
        t => Ok(t.to_owned()),
    }
}

fn texts(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn not_before(
    t: DateTime<FixedOffset>,
    earliest: DateTime<FixedOffset>,
) -> Result<(), CommandError> {
    if t < earliest {
        return Err(CommandError::TooEarly { earliest });
    }
    Ok(())
}

fn end_after(
    end: Option<DateTime<FixedOffset>>,
    start: DateTime<FixedOffset>,
) -> Result<(), CommandError> {
    match end {
        Some(e) if e <= start => Err(CommandError::EndBeforeStart),
        _ => Ok(()),
    }
}

fn known_consultation(state: &ResponseState, n: Option<u32>) -> Result<(), CommandError> {
    match n {
        Some(n) if n == 0 || n as usize > state.consultations().len() => {
            Err(CommandError::UnknownConsultation(n))
        }
        _ => Ok(()),
    }
}
