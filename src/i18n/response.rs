//! The response workflow in words: the timeline, why a command was refused, why an event could
//! not be folded. The domain returns these as data; this is the one place they become text.

use crate::domain::response::{
    AnomalyReason, CommandError, ItemChange, Numbered, TimelineEntry, TimelineEvent,
};

use super::{Render, T, Tr};
use crate::session::RowProblem;

impl Render for CommandError {
    fn render(&self, tr: Tr) -> String {
        use CommandError as E;
        let level = |l| tr.level(l);
        match self {
            E::NoWarning => tr.t(T::ErrNoWarning).into(),
            E::AlreadyActive { level: l } => tr.f(T::ErrAlreadyActive, &[&level(*l)]),
            E::NotAWarningLevel(l) => tr.f(T::ErrNotAWarningLevel, &[&level(*l)]),
            E::LevelNotInPlan(l) => tr.f(T::ErrLevelNotInPlan, &[&level(*l)]),
            E::BelowRegional {
                level: l,
                regional,
                source,
            } => tr.f(
                T::ErrBelowRegional,
                &[&level(*l), &level(*regional), source],
            ),
            E::NotHigher { from, to } => tr.f(T::ErrNotHigher, &[&level(*to), &level(*from)]),
            E::NotLower { from, to } => tr.f(T::ErrNotLower, &[&level(*to), &level(*from)]),
            E::LevelMismatch { recorded, actual } => {
                tr.f(T::ErrLevelMismatch, &[&level(*recorded), &level(*actual)])
            }
            E::Paused => tr.t(T::ErrPaused).into(),
            E::NotPaused => tr.t(T::ErrNotPaused).into(),
            E::PauseNotAllowed => tr.t(T::ErrPauseNotAllowed).into(),
            E::NotYetInForce { start } => tr.f(T::ErrNotYetInForce, &[&tr.moment(start)]),
            E::TooEarly { earliest } => tr.f(T::ErrTooEarly, &[&tr.moment(earliest)]),
            E::EndBeforeStart => tr.t(T::ErrEndBeforeStart).into(),
            E::Missing(f) => tr.f(T::ErrMissing, &[&tr.field(*f)]),
            E::UnknownConsultation(n) => tr.f(T::ErrUnknownConsultation, &[n]),
            E::UnknownItem(k) => tr.f(T::ErrUnknownItem, &[k]),
            E::ItemDropped(k) => tr.f(T::ErrItemDropped, &[k]),
            E::DuplicateItem(k) => tr.f(T::ErrDuplicateItem, &[k]),
            E::Transition {
                item,
                from,
                transition,
            } => tr.f(
                T::ErrTransition,
                &[item, &tr.item_status(*from), &tr.transition(*transition)],
            ),
            E::ChecklistClosed => tr.t(T::ErrChecklistClosed).into(),
            E::ReportedInFuture => tr.t(T::ErrReportedInFuture).into(),
            E::ReportedBeforeIssued { issued } => {
                tr.f(T::ErrReportedBeforeIssued, &[&tr.moment(issued)])
            }
            E::NoShift => tr.t(T::ErrNoShift).into(),
            E::UnknownCampaign(id) => tr.f(T::ErrUnknownCampaign, &[id]),
            E::CampaignRunning(name) => tr.f(T::ErrCampaignRunning, &[name]),
            E::CampaignNotRunning(name) => tr.f(T::ErrCampaignNotRunning, &[name]),
            E::UnknownRun(n) => tr.f(T::ErrUnknownRun, &[n]),
            E::NotDone { item, status } => tr.f(T::ErrNotDone, &[item, &tr.item_status(*status)]),
            E::NothingToSample => tr.t(T::ErrNothingToSample).into(),
            E::UnknownSample(n) => tr.f(T::ErrUnknownSample, &[n]),
            E::NotInSample { item, sample } => tr.f(T::ErrNotInSample, &[item, sample]),
            E::SampleMismatch(n) => tr.f(T::ErrSampleMismatch, &[n]),
            E::OutOfSequence {
                what,
                found,
                expected,
            } => {
                let what = tr.t(match what {
                    Numbered::Consultation => T::SeqConsultation,
                    Numbered::Episode => T::SeqEpisode,
                    Numbered::CampaignRun => T::SeqCampaignRun,
                    Numbered::Sample => T::SeqSample,
                });
                tr.f(T::ErrOutOfSequence, &[&what, found, expected])
            }
        }
    }
}

impl Render for RowProblem {
    fn render(&self, tr: Tr) -> String {
        use RowProblem as P;
        match self {
            P::Unreadable(reasons) => {
                let sep = if tr.0 == super::Language::Zh {
                    "；"
                } else {
                    "; "
                };
                let why: Vec<String> = reasons.iter().map(|r| r.render(tr)).collect();
                tr.f(T::FormUnreadable, &[&why.join(sep)])
            }
            P::AlreadyRecorded => tr.t(T::FormAlreadyRecorded).into(),
            P::BadKey(k) => tr.f(T::FormBadKey, &[k]),
            P::OtherJournal => tr.t(T::FormOtherJournal).into(),
            P::OlderEpisode(n) => tr.f(T::FormOlderEpisode, &[n]),
            P::UnknownRun(n) => tr.f(T::FormUnknownRun, &[n]),
            P::UnknownItem(k) => tr.f(T::FormUnknownItem, &[k]),
            P::OtherUnit {
                row_unit,
                item_unit,
            } => tr.f(T::FormOtherUnit, &[row_unit, item_unit]),
            P::BadStatus(s) => tr.f(T::FormBadStatus, &[s]),
            P::BadTime(s) => tr.f(T::FormBadTime, &[s]),
            P::BadChannel(s) => tr.f(T::FormBadChannel, &[s]),
            P::Duplicate { first_row } => tr.f(T::FormDuplicate, &[first_row]),
            P::RepeatedIn { file, row } => tr.f(T::FormRepeatedIn, &[file, row]),
            P::Refused(e) => e.render(tr),
        }
    }
}

impl Render for AnomalyReason {
    fn render(&self, tr: Tr) -> String {
        match self {
            AnomalyReason::Undecodable(detail) => tr.f(T::AnomalyUndecodable, &[detail]),
            AnomalyReason::Misfit(e) => e.render(tr),
        }
    }
}

impl Render for TimelineEntry {
    fn render(&self, tr: Tr) -> String {
        let operator = &self.stamp.operator;
        match &self.what {
            TimelineEvent::Consultation(c) => {
                let sep = list_separator(tr);
                tr.f(
                    T::TlConsultation,
                    &[
                        &c.number,
                        &tr.moment(&c.held_at),
                        &c.decision_text,
                        &tr.decision(c.decision),
                        &c.participants.join(sep),
                    ],
                )
            }
            TimelineEvent::Issued {
                level,
                start,
                expected_end,
                approver,
                items,
            } => {
                let end = expected_end
                    .map_or_else(String::new, |t| tr.f(T::TlExpectedEnd, &[&tr.moment(&t)]));
                tr.f(
                    T::TlIssued,
                    &[
                        &tr.level(*level),
                        &tr.moment(start),
                        &tr.level_response(*level),
                        &end,
                        approver,
                        items,
                    ],
                )
            }
            TimelineEvent::LevelChanged {
                up,
                from,
                to,
                effective,
                approver,
                added,
                dropped,
                kept,
            } => {
                let verb = tr.t(if *up { T::TlUpgraded } else { T::TlDowngraded });
                tr.f(
                    T::TlLevelChanged,
                    &[
                        &tr.moment(effective),
                        &tr.level(*from),
                        &verb,
                        &tr.level(*to),
                        approver,
                        added,
                        dropped,
                        kept,
                    ],
                )
            }
            TimelineEvent::Paused { at, basis } => tr.f(T::TlPaused, &[&tr.moment(at), basis]),
            TimelineEvent::Resumed { at, basis } => tr.f(T::TlResumed, &[&tr.moment(at), basis]),
            TimelineEvent::Lifted {
                level,
                at,
                lasted,
                basis,
            } => {
                let lasted = lasted.map_or_else(
                    || tr.t(T::TlCalledOff).to_owned(),
                    |d| tr.f(T::TlLasted, &[&tr.duration(d)]),
                );
                tr.f(
                    T::TlLifted,
                    &[&tr.moment(at), &tr.level(*level), &lasted, basis],
                )
            }
            TimelineEvent::Item {
                unit_name,
                item,
                status,
                text,
            } => {
                let detail = if text.is_empty() {
                    String::new()
                } else {
                    tr.f(T::TlDetail, &[text])
                };
                tr.f(
                    T::TlItem,
                    &[unit_name, &item.measure, &tr.item_status(*status), &detail],
                )
            }
            TimelineEvent::CampaignStarted {
                campaign,
                start,
                approver,
                items,
            } => tr.f(
                T::TlCampaignStarted,
                &[&tr.campaign(campaign), &tr.moment(start), approver, items],
            ),
            TimelineEvent::CampaignStopped {
                campaign,
                at,
                basis,
            } => tr.f(
                T::TlCampaignStopped,
                &[&tr.campaign(campaign), &tr.moment(at), basis],
            ),
            TimelineEvent::Sampled {
                number,
                drawn,
                pool,
            } => tr.f(T::TlSampled, &[number, drawn, pool]),
            TimelineEvent::Checked {
                unit_name,
                item,
                source,
                result,
                note,
            } => {
                let detail = if note.is_empty() {
                    String::new()
                } else {
                    tr.f(T::TlDetail, &[note])
                };
                tr.f(
                    T::TlChecked,
                    &[
                        unit_name,
                        &item.measure,
                        &tr.check_source(*source),
                        &tr.check_result(*result),
                        &detail,
                    ],
                )
            }
            TimelineEvent::ShiftStarted => tr.f(T::TlShiftStarted, &[operator]),
            TimelineEvent::HandedOver { to } => tr.f(T::TlHandedOver, &[operator, to]),
        }
    }
}

impl Render for ItemChange {
    /// The note of a step: what the unit wrote, or why the item was dropped.
    fn render(&self, tr: Tr) -> String {
        match self.dropped_for {
            Some(level) => tr.f(T::ItemDroppedFor, &[&tr.level(level)]),
            None => self.text.clone(),
        }
    }
}

/// How a list of names is joined: `、` in Chinese, `, ` in English.
pub fn list_separator(tr: Tr) -> &'static str {
    tr.t(T::ListSep)
}

impl Render for crate::domain::response::photo::PhotoWarning {
    fn render(&self, tr: Tr) -> String {
        use crate::domain::response::photo::{PhotoUnread as U, PhotoWarning as W};
        match self {
            W::Unread(U::NoExif) => tr.t(T::PhotoNoExif).into(),
            W::Unread(U::Damaged { reason }) => tr.f(T::PhotoDamaged, &[reason]),
            W::Unread(U::TooLarge { bytes }) => tr.f(T::PhotoTooLarge, &[bytes]),
            W::Unread(U::NoTime) => tr.t(T::PhotoNoTime).into(),
            W::Unread(U::BadTime { text }) => tr.f(T::PhotoBadTime, &[text]),
            W::Unread(U::NoPosition) => tr.t(T::PhotoNoPosition).into(),
            W::Unread(U::BadPosition { text }) => tr.f(T::PhotoBadPosition, &[text]),
            W::OutsideWindow { taken, from, to } => tr.f(
                T::PhotoOutsideWindow,
                &[&tr.moment(taken), &tr.moment(from), &tr.moment(to)],
            ),
            W::FarAway { km, place } => tr.f(T::PhotoFarAway, &[&format!("{km:.1}"), place]),
        }
    }
}
