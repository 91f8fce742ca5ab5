//! Every read model the session keeps: each the fold of the same journal, each event applied to
//! all of them once, whoever wrote it.
//!
//! To add one (the reduction-list tracking, the reporting cycle and units' feedback, the desks
//! sharing a server journal): a pure fold in `src/domain` implementing [`Fold`], a field here,
//! a line in [`ReadModels::apply`]. Pages then find it in `cx.session.models()`, the CLI in
//! [`Session::models`](super::Session::models); nobody else reads the journal for it.

use crate::domain::alerts::AlertLog;
use crate::domain::dust::DustDays;
use crate::domain::findings::Findings;
use crate::domain::response::ResponseState;
use crate::journal::{Event, Fold, Hash, Verification};

/// The folds of the journal the pages, reports and CLI read.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReadModels {
    /// The response workflow: warnings, checklists, consultations, shifts, timeline.
    pub response: ResponseState,
    /// Supervision findings (督办).
    pub findings: Findings,
    /// Station alerts kept and acknowledged.
    pub alerts: AlertLog,
    /// Sand-and-dust days the desk marked (扣沙).
    pub dust: DustDays,
}

impl ReadModels {
    /// The read models of a journal whose chain was verified as `chain` when it was opened,
    /// before any event is folded: a break is carried into the anchor every report prints.
    pub fn of_journal(chain: &Verification) -> Self {
        ReadModels {
            response: ResponseState::new().with_chain(chain),
            ..ReadModels::default()
        }
    }

    /// The last event folded in (sequence number and hash): where a snapshot of these read
    /// models stands; `None` before any.
    pub fn head(&self) -> Option<(u64, Hash)> {
        self.response.anchor().map(|a| (a.seq, a.hash))
    }
}

impl Fold for ReadModels {
    fn apply(&mut self, event: &Event) {
        self.response.apply(event);
        self.findings.apply(event);
        self.alerts.apply(event);
        self.dust.apply(event);
    }
}
