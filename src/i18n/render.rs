//! Typed values in words: what the domain, the session and the loaders return as data (reasons, refusals,
//! outcomes) is rendered here, in one place, through the translation table — never by the code
//! that decided it.

use crate::domain::dust::{DustError, MAX_TEXT_CHARS};
use crate::journal::ReadOnlyReason;
use crate::session::{Outcome, SessionError, WhyNot};

use super::{T, Tr};

/// A value the interface shows in words, in the language of `tr`.
pub trait Render {
    /// The value in words.
    fn render(&self, tr: Tr) -> String;
}

impl Render for ReadOnlyReason {
    fn render(&self, tr: Tr) -> String {
        match self {
            ReadOnlyReason::Requested => tr.t(T::ReadOnlyRequested).into(),
            ReadOnlyReason::OtherInstance { holder: Some(h) } => {
                tr.f(T::ReadOnlyOtherInstance, &[h])
            }
            ReadOnlyReason::OtherInstance { holder: None } => {
                tr.t(T::ReadOnlyOtherInstanceAnon).into()
            }
            ReadOnlyReason::ReadOnlyMedium { detail } => tr.f(T::ReadOnlyMedium, &[detail]),
            ReadOnlyReason::Broken(b) => tr.f(T::ReadOnlyBroken, &[&b.seq, b]),
            ReadOnlyReason::ForeignWal => tr.t(T::ReadOnlyForeignWal).into(),
            ReadOnlyReason::Viewer { desk: Some(d) } => tr.f(T::ReadOnlyViewerDesk, &[d]),
            ReadOnlyReason::Viewer { desk: None } => tr.t(T::ReadOnlyViewerLogin).into(),
            ReadOnlyReason::Unregistered { login } => tr.f(T::ReadOnlyUnregistered, &[login]),
        }
    }
}

impl Render for WhyNot {
    fn render(&self, tr: Tr) -> String {
        match self {
            WhyNot::Projector => tr.t(T::WhyNotProjector).into(),
            WhyNot::ReadOnly(r) => tr.f(T::WhyNotReadOnly, &[&r.render(tr)]),
            WhyNot::NoJournal(Some(e)) => tr.f(T::WhyNotNoJournal, &[e]),
            WhyNot::NoJournal(None) => tr.t(T::WhyNotNoJournalHere).into(),
            WhyNot::NoOfficer => tr.t(T::WhyNotNoOfficer).into(),
            WhyNot::PlanInvalid => tr.t(T::WhyNotPlanInvalid).into(),
            WhyNot::Offline(reason) => tr.f(T::WhyNotOffline, &[reason]),
        }
    }
}

impl Render for SessionError {
    fn render(&self, tr: Tr) -> String {
        match self {
            SessionError::Refused(w) => w.render(tr),
            SessionError::Response(e) => e.render(tr),
            SessionError::Finding(e) => e.render(tr),
            SessionError::Dust(e) => e.render(tr),
            SessionError::Overtaken { by, reason } => {
                tr.f(T::Overtaken, &[&by.join("、"), &reason.render(tr)])
            }
            SessionError::NotYourUnit {
                unit: Some(unit),
                units,
            } => tr.f(T::NotYourUnit, &[&units.join("、"), unit]),
            SessionError::NotYourUnit { unit: None, units } => {
                tr.f(T::NoUnitNamed, &[&units.join("、")])
            }
            SessionError::Journal(e) => tr.f(T::JournalWriteFailed, &[e]),
        }
    }
}

impl Render for Outcome {
    fn render(&self, tr: Tr) -> String {
        match self {
            Outcome::Recorded {
                seq,
                kind,
                stamped_later,
            } => {
                let mut text = tr.f(T::OutcomeRecorded, &[seq, kind]);
                if let Some(t) = stamped_later {
                    let t = t.format("%Y-%m-%d %H:%M:%S");
                    text.push_str(&tr.f(T::OutcomeStampedLater, &[&t]));
                }
                text
            }
            Outcome::Refused(e) => tr.f(T::OutcomeRefused, &[&e.render(tr)]),
        }
    }
}

impl Render for DustError {
    fn render(&self, tr: Tr) -> String {
        match self {
            DustError::NoEvidence => tr.t(T::DustNoEvidence).into(),
            DustError::NoReason => tr.t(T::DustNoReason).into(),
            DustError::TooLong => tr.f(T::DustTooLong, &[&MAX_TEXT_CHARS]),
            DustError::AlreadyMarked(d) => tr.f(T::DustAlreadyMarked, &[d]),
            DustError::NotMarked(d) => tr.f(T::DustNotMarked, &[d]),
        }
    }
}
