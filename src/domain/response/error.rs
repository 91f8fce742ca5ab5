//! Why a command is refused, as data: the interface renders it (`crate::i18n`) so the duty
//! officer sees what to do instead, in the interface language.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::Level;

use super::checklist::{ItemKey, ItemStatus, Transition};

/// A required text left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    /// Who signs the notice (审签).
    Approver,
    /// Consultation participants.
    Participants,
    /// Consultation decision text.
    Decision,
    /// Basis (依据) of a pause, resumption or lifting, or the consultation's forecast basis.
    Basis,
    /// Feedback on implementation or rectification.
    Feedback,
    /// Description of a problem.
    Problem,
    /// Name of the officer taking over.
    Successor,
    /// Who issued the city or regional warning followed.
    RegionalSource,
    /// The notice number of the city or regional warning followed.
    RegionalNotice,
    /// What a failed check saw (不属实 needs a note).
    CheckNote,
    /// The supervision group (督导组) whose report is entered.
    CheckedBy,
    /// How many items a spot-check sample draws.
    SampleSize,
}

/// What carries a running number in the response journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Numbered {
    /// Consultations (第n次会商).
    Consultation,
    /// Warning episodes.
    Episode,
    /// Campaign runs.
    CampaignRun,
    /// Spot-check samples of an episode.
    Sample,
}

/// A command that cannot be carried out, or an event that does not fit the state (the interface
/// says it in words through `crate::i18n`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CommandError {
    /// No warning is in force (nothing to change, pause or lift).
    NoWarning,
    /// A warning is already in force; change its level instead of issuing another.
    AlreadyActive {
        /// Its level.
        level: Level,
    },
    /// The level is not a coloured warning level (nor temporary control, where that is allowed).
    NotAWarningLevel(Level),
    /// The level asked for is below the city or regional warning followed.
    BelowRegional {
        /// Level asked for.
        level: Level,
        /// The level of the warning followed.
        regional: Level,
        /// Who issued it.
        source: String,
    },
    /// The plan does not define this level.
    LevelNotInPlan(Level),
    /// An upgrade to a level that is not higher.
    NotHigher {
        /// Level in force.
        from: Level,
        /// Level asked for.
        to: Level,
    },
    /// A downgrade to a level that is not lower.
    NotLower {
        /// Level in force.
        from: Level,
        /// Level asked for.
        to: Level,
    },
    /// An event says the level was `recorded` but it is `actual`.
    LevelMismatch {
        /// Level the event was decided from.
        recorded: Level,
        /// Level in the state.
        actual: Level,
    },
    /// The response is paused; resume it first.
    Paused,
    /// The response is not paused.
    NotPaused,
    /// The plan does not allow pausing.
    PauseNotAllowed,
    /// The warning has not taken effect yet, so it cannot be paused.
    NotYetInForce {
        /// When it starts.
        start: DateTime<FixedOffset>,
    },
    /// A time before the level in force took effect (or before the pause began).
    TooEarly {
        /// The earliest time allowed.
        earliest: DateTime<FixedOffset>,
    },
    /// An expected end not after the start.
    EndBeforeStart,
    /// A required text is empty.
    Missing(Field),
    /// No consultation with this number.
    UnknownConsultation(u32),
    /// The current episode has no such checklist item.
    UnknownItem(ItemKey),
    /// The item was dropped by a level change; it takes no reports.
    ItemDropped(ItemKey),
    /// The same item twice in one checklist.
    DuplicateItem(ItemKey),
    /// The step is not allowed from the item's status.
    Transition {
        /// The item.
        item: ItemKey,
        /// Its status.
        from: ItemStatus,
        /// The step asked for.
        transition: Transition,
    },
    /// The warning was lifted: the checklist only takes rectifications of problems.
    ChecklistClosed,
    /// A unit's reported time after the moment the desk records it.
    ReportedInFuture,
    /// A unit's reported time before the item was issued to it.
    ReportedBeforeIssued {
        /// When the item was issued (notified).
        issued: DateTime<FixedOffset>,
    },
    /// No shift is in progress to hand over.
    NoShift,
    /// The plan defines no campaign with this id.
    UnknownCampaign(String),
    /// A run of this campaign is already going on.
    CampaignRunning(String),
    /// No run of this campaign is going on.
    CampaignNotRunning(String),
    /// No campaign run with this number.
    UnknownRun(u32),
    /// A check (核查, 抽查) is made on a done item (implemented or rectified) only.
    NotDone {
        /// The item.
        item: ItemKey,
        /// Its status.
        status: ItemStatus,
    },
    /// No done item to draw a spot-check sample from.
    NothingToSample,
    /// No sample with this number in the episode.
    UnknownSample(u32),
    /// The item was not drawn in the sample named.
    NotInSample {
        /// The item.
        item: ItemKey,
        /// The sample.
        sample: u32,
    },
    /// A recorded sample is not what its seed draws from its pool (a damaged or edited event),
    /// or its pool is not the done items.
    SampleMismatch(u32),
    /// An event number that does not follow the ones before (a damaged or foreign journal).
    OutOfSequence {
        /// What is numbered.
        what: Numbered,
        /// Number found.
        found: u32,
        /// Number expected.
        expected: u32,
    },
}
