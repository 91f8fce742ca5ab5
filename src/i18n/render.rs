//! Typed values in words: what the domain and the session return as data (reasons, refusals,
//! outcomes) is rendered here, in one place, through the translation table — never by the code
//! that decided it.

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
        }
    }
}

impl Render for SessionError {
    fn render(&self, tr: Tr) -> String {
        match self {
            SessionError::Refused(w) => w.render(tr),
            SessionError::Response(e) => e.render(tr),
            SessionError::Finding(e) => e.render(tr),
            SessionError::Journal(e) => tr.f(T::JournalWriteFailed, &[e]),
        }
    }
}

impl Render for Outcome {
    fn render(&self, tr: Tr) -> String {
        match self {
            Outcome::Recorded { seq, kind } => tr.f(T::OutcomeRecorded, &[seq, kind]),
            Outcome::Refused(e) => tr.f(T::OutcomeRefused, &[&e.render(tr)]),
        }
    }
}
