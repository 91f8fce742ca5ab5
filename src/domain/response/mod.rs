//! The response workflow (应急响应) as pure logic: consultations, issuing, upgrading,
//! downgrading, pausing, resuming and lifting a warning; the checklist of measures per unit with
//! its status machine (notified → acknowledged → implemented, or problem reported → rectified),
//! deadlines and roll-up over the unit tree; shifts and handovers.
//!
//! Every action is a journal event (kinds and payloads in [`event`]); [`ResponseState`] is the
//! fold of those events. [`decide`] checks a [`Command`] against the state and the plan and gives
//! the one event to record ([`preview`] shows the state after it); the session
//! ([`crate::session`]) appends it and folds — the UI, the CLI and the sample builder go through
//! the session. Time always comes in as an argument; nothing here reads or writes the journal.
//!
//! Rules worth knowing:
//! - A checklist is derived from the plan when the warning is issued: one item per measure of the
//!   level and responsible unit, its deadline absolute (warning start + the plan's offset), and
//!   one per enterprise of the plan's emission-reduction list under its township and supervising
//!   department (the event names the list's files and their SHA-256).
//! - On upgrade or downgrade the checklist is re-derived ([`rederive`]): an item is kept when the
//!   new level asks the same of its unit, or when it is finished or has an open problem; other
//!   open items are dropped; what the new level asks beyond that is added (deadlines from the
//!   change's effective time).
//! - Temporary control (临时管控) is an episode at level `temporary`: started (issued), stopped
//!   (lifted) and upgraded into a coloured warning like one, with the plan's T-level checklist.
//! - A warning (or a change) that follows a city's or region's warning records it
//!   ([`RegionalWarning`]) and must be at least its level; a later change without a new one keeps
//!   the episode's.
//! - A standing campaign (专项行动, the plan's `[campaigns.<id>]`) runs as an episode of its own
//!   kind: `campaign.started` / `campaign.stopped`, runs numbered apart from the warnings, one
//!   run of a campaign at a time, beside any warning; its items take the same `checklist.*`
//!   reports, whose `of: campaign` says the number is a run's.
//! - After an item is done, the desk may check it (核查, or 抽查 in a sample drawn from a recorded
//!   seed, or a 督导组 report): a check that finds it not as reported (不属实) reopens it as a
//!   problem to rectify and counts against the unit ([`checks`]).
//! - A pause stops the deadline clock; on resuming, running deadlines move on by the pause's
//!   length. After lifting nothing becomes overdue, and the checklist takes only rectifications.

mod checklist;
pub mod checks;
mod command;
mod decide;
mod enterprise_items;
mod error;
pub mod event;
mod feedback;
mod form_key;
pub mod photo;
mod reporting;
mod state;
mod unit_tree;

#[cfg(test)]
pub(crate) mod tests;

pub use checklist::{
    ChecklistDiff, EnterpriseRef, EvidenceFile, Item, ItemChange, ItemKey, ItemSpec, ItemStatus,
    Progress, Transition, derive, derive_measures, rederive,
};
pub use checks::{
    Check, CheckInput, CheckResult, CheckSource, ItemChecked, Sample, SampleDrawn, SampleInput,
    UnitChecks, draw,
};
pub use command::{
    CampaignInput, CampaignStopInput, Command, ConsultationInput, IssueInput, ItemInput,
    LevelChangeInput, LiftInput, PauseInput, ResumeInput,
};
pub use decide::{decide, preview};
pub use enterprise_items::enterprise_measure_id;
pub use error::{CommandError, Field, Numbered};
pub use event::{
    AdviceBasis, CampaignRef, Decision, EpisodeKind, PlanRef, RegionalWarning, ResponseEvent,
};
pub use feedback::{Channel, Feedback, check_reported_at};
pub use form_key::{FormKey, journal_tag};
pub use reporting::{Owed, Period, PeriodState, Reporting, TownshipReporting, UnitReporting};
pub use state::{
    Anchor, Anomaly, AnomalyReason, Consultation, Episode, Handoff, LevelStep, PauseSpan, Phase,
    ResponseState, Shift, Stamp, StatusFilter, TimelineEntry, TimelineEvent, UnitSummary,
};
pub use unit_tree::{RowKind, UnitRow, hidden_by, row_of, subtree_of, unit_rows};
