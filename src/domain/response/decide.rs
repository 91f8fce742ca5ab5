//! Command validation: from the state, the plan and a command, the one event to record — or why
//! not. Pure; the same checks the fold applies, plus those that need the plan.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::{Level, Plan};

use super::checklist::{Transition, derive, derive_measures, rederive};
use super::checks::{ItemChecked, SampleDrawn, draw};
use super::command::{
    CampaignInput, CampaignStopInput, Command, ConsultationInput, IssueInput, LevelChangeInput,
};
use super::error::{CommandError, Field};
use super::event::{
    CampaignRef, CampaignStarted, CampaignStopped, ConsultationRecorded, EpisodeKind, ItemReport,
    LevelChanged, PlanRef, RegionalWarning, ResponseEvent, ShiftHandedOver, ShiftStarted,
    WarningIssued, WarningLifted, WarningPaused, WarningResumed,
};
use super::feedback::check_reported_at;
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
    let event = decide(state, plan, command, stamp.at)?;
    let mut next = state.clone();
    next.apply_typed(stamp, &event)?;
    Ok((event, next))
}

/// The event `command` calls for in `state` under `plan`, recorded at `now`, or why it cannot be
/// carried out.
pub fn decide(
    state: &ResponseState,
    plan: &Plan,
    command: &Command,
    now: DateTime<FixedOffset>,
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
            let (e, of) = match input.campaign {
                None => (
                    state.latest().ok_or(CommandError::NoWarning)?,
                    EpisodeKind::Warning,
                ),
                Some(run) => (
                    state
                        .campaign_run(run)
                        .ok_or(CommandError::UnknownRun(run))?,
                    EpisodeKind::Campaign,
                ),
            };
            check_item(e, input.transition, &input.item)?;
            if let (Some(item), Some(f)) = (e.item(&input.item), &input.feedback) {
                check_reported_at(item, f, now)?;
            }
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
                    of,
                    item: input.item.clone(),
                    text,
                    evidence: input.evidence.clone(),
                    feedback: input.feedback.clone(),
                },
            ))
        }
        Command::StartCampaign(c) => start_campaign(state, plan, c),
        Command::StopCampaign(c) => stop_campaign(state, plan, c),
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
    response_level(plan, i.level)?;
    let regional = regional(i.regional.as_ref())?;
    at_least_regional(i.level, regional.as_ref())?;
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
        regional,
    }))
}

fn start_campaign(
    state: &ResponseState,
    plan: &Plan,
    c: &CampaignInput,
) -> Result<ResponseEvent, CommandError> {
    let campaign = plan
        .campaign(&c.campaign)
        .ok_or_else(|| CommandError::UnknownCampaign(c.campaign.clone()))?;
    if state.running_campaign(&campaign.id).is_some() {
        return Err(CommandError::CampaignRunning(campaign.name.clone()));
    }
    end_after(c.expected_end, c.start)?;
    let approver = c.approver.as_deref().unwrap_or(&campaign.approver);
    Ok(ResponseEvent::CampaignStarted(CampaignStarted {
        run: state.campaigns().len() as u32 + 1,
        campaign: CampaignRef {
            id: campaign.id.clone(),
            name: campaign.name.clone(),
            name_en: campaign.name_en.clone(),
        },
        start: c.start,
        expected_end: c.expected_end,
        approver: required(approver, Field::Approver)?,
        doc_no: c.doc_no.trim().to_owned(),
        reasons: texts(&c.reasons),
        plan: PlanRef::of(plan),
        items: derive_measures(plan, &campaign.measures, Level::None, c.start),
    }))
}

fn stop_campaign(
    state: &ResponseState,
    plan: &Plan,
    c: &CampaignStopInput,
) -> Result<ResponseEvent, CommandError> {
    let Some(run) = state.running_campaign(&c.campaign) else {
        let name = plan
            .campaign(&c.campaign)
            .ok_or_else(|| CommandError::UnknownCampaign(c.campaign.clone()))?
            .name
            .clone();
        return Err(CommandError::CampaignNotRunning(name));
    };
    not_before(c.at, run.earliest_lift())?;
    let approver = match c.approver.as_deref() {
        Some(a) => a,
        None => plan
            .campaign(&c.campaign)
            .map_or("", |p| p.approver.as_str()),
    };
    Ok(ResponseEvent::CampaignStopped(CampaignStopped {
        run: run.number,
        at: c.at,
        basis: required(&c.basis, Field::Basis)?,
        approver: required(approver, Field::Approver)?,
        doc_no: c.doc_no.trim().to_owned(),
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
    response_level(plan, c.to)?;
    let regional = regional(c.regional.as_ref())?;
    at_least_regional(c.to, regional.as_ref().or(e.regional()))?;
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
        regional,
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

/// A level a response can run at: a coloured warning, or temporary control; the plan must
/// define it.
fn response_level(plan: &Plan, level: Level) -> Result<(), CommandError> {
    if level < Level::Temporary {
        return Err(CommandError::NotAWarningLevel(level));
    }
    if plan.level(level).is_none() {
        return Err(CommandError::LevelNotInPlan(level));
    }
    Ok(())
}

/// The city or regional warning as recorded (texts trimmed), or why it cannot be: it must be a
/// coloured warning with its issuer and notice number.
fn regional(given: Option<&RegionalWarning>) -> Result<Option<RegionalWarning>, CommandError> {
    let Some(r) = given else {
        return Ok(None);
    };
    if !r.level.is_warning() {
        return Err(CommandError::NotAWarningLevel(r.level));
    }
    Ok(Some(RegionalWarning {
        source: required(&r.source, Field::RegionalSource)?,
        level: r.level,
        notice_no: required(&r.notice_no, Field::RegionalNotice)?,
    }))
}

/// The county's level must be at least that of the city or regional warning it follows.
fn at_least_regional(level: Level, regional: Option<&RegionalWarning>) -> Result<(), CommandError> {
    match regional {
        Some(r) if level < r.level => Err(CommandError::BelowRegional {
            level,
            regional: r.level,
            source: r.source.clone(),
        }),
        _ => Ok(()),
    }
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
