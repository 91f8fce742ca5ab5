//! The response's journal events: one kind per decision or report, each with a typed payload.
//!
//! | kind | payload |
//! |---|---|
//! | `consultation.recorded` | [`ConsultationRecorded`] |
//! | `warning.issued` | [`WarningIssued`] (with the derived checklist) |
//! | `warning.upgraded`, `warning.downgraded` | [`LevelChanged`] (with the checklist diff) |
//! | `warning.paused` | [`WarningPaused`] |
//! | `warning.resumed` | [`WarningResumed`] |
//! | `warning.lifted` | [`WarningLifted`] |
//! | `checklist.acknowledged`, `checklist.implemented`, `checklist.problem_reported`, `checklist.rectified` | [`ItemReport`] |
//! | `campaign.started` | [`CampaignStarted`] (with the campaign's checklist) |
//! | `campaign.stopped` | [`CampaignStopped`] |
//! | `checks.sampled` | [`SampleDrawn`] |
//! | `checklist.checked` | [`ItemChecked`] |
//! | `shift.started` | [`ShiftStarted`] |
//! | `shift.handed_over` | [`ShiftHandedOver`] |
//!
//! Who recorded an event and when is in the journal envelope, not in the payload. Times in
//! payloads (start, effective, lifting time) are decisions and may lie before or after the
//! moment of recording; they are RFC 3339 with the operator's offset.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::advisor::{Action, Advice};
use crate::domain::plan::{Level, Plan};
use crate::domain::reduction::ListRef;
use crate::journal::{Author, Draft, Event, JournalError};

use super::checklist::{ChecklistDiff, EvidenceFile, ItemKey, ItemSpec, Transition};
use super::checks::{ItemChecked, SampleDrawn};
use super::feedback::Feedback;

/// Which plan a warning was issued under (the checklist was derived from it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    /// Plan title.
    pub name: String,
    /// Area it covers.
    pub area: String,
    /// Version or revision date.
    pub version: String,
}

impl PlanRef {
    /// The reference of a loaded plan.
    pub fn of(plan: &Plan) -> Self {
        PlanRef {
            name: plan.info.name.clone(),
            area: plan.info.area.clone(),
            version: plan.info.version.clone(),
        }
    }
}

/// A city's or region's warning the county acts on (区域/市级预警联动): who issued it, at what
/// level, and its notice number. The county's level must be at least `level` (DOMAIN.md §2.7),
/// and the county's notices say "根据…" with the notice number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalWarning {
    /// Who issued it, e.g. 邯郸市重污染天气应急指挥部.
    pub source: String,
    /// Its level (a coloured warning level).
    pub level: Level,
    /// Its notice number (文号), e.g. 邯气应急〔2026〕3号.
    pub notice_no: String,
}

/// What a consultation (or the advisor) called for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// No warning needed.
    None,
    /// Temporary measures below the warning levels.
    Temporary,
    /// Health advisory path (O3, dust).
    Advisory,
    /// Issue a warning.
    Issue,
    /// Raise the level.
    Upgrade,
    /// Lower the level.
    Downgrade,
    /// Keep things as they are.
    Keep,
    /// Pause the response.
    Pause,
    /// Resume a paused response.
    Resume,
    /// Lift the warning.
    Lift,
}

impl From<Action> for Decision {
    fn from(a: Action) -> Self {
        match a {
            Action::None => Decision::None,
            Action::Temporary => Decision::Temporary,
            Action::Advisory => Decision::Advisory,
            Action::Issue => Decision::Issue,
            Action::Upgrade => Decision::Upgrade,
            Action::Downgrade => Decision::Downgrade,
            Action::Keep => Decision::Keep,
            Action::Pause => Decision::Pause,
            Action::Resume => Decision::Resume,
            Action::Lift => Decision::Lift,
        }
    }
}

/// The advisor's answer as a consultation keeps it: the forecast basis it was shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdviceBasis {
    /// Level the plan calls for.
    pub level: Level,
    /// What the advisor proposed.
    pub action: Decision,
    /// From when.
    pub start: Option<DateTime<FixedOffset>>,
    /// Expected end.
    pub end: Option<DateTime<FixedOffset>>,
    /// Whether the episode runs past the forecast horizon.
    pub end_open: bool,
    /// Reasons (Chinese), most important first.
    pub reasons: Vec<String>,
}

impl AdviceBasis {
    /// Keep what the advisor said (its `reasons` in the record's words), times in the local
    /// offset `utc_offset_s`.
    pub fn from_advice(advice: &Advice, reasons: Vec<String>, utc_offset_s: i32) -> Self {
        AdviceBasis {
            level: advice.level,
            action: advice.action.into(),
            start: advice.start.map(|h| h.to_local(utc_offset_s)),
            end: advice.end.map(|h| h.to_local(utc_offset_s)),
            end_open: advice.end_open,
            reasons,
        }
    }
}

/// `consultation.recorded`: a consultation (会商) held and what it decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationRecorded {
    /// Consultation number in the journal (1, 2, …).
    pub number: u32,
    /// When it was held.
    pub held_at: DateTime<FixedOffset>,
    /// Who took part (names and units).
    pub participants: Vec<String>,
    /// Forecast basis in words (预报依据).
    pub basis: String,
    /// The advisor's answer it looked at, if any.
    pub advice: Option<AdviceBasis>,
    /// What it decided.
    pub decision: Decision,
    /// The decision in words (会商意见).
    pub decision_text: String,
}

/// `warning.issued`: a warning issued, starting episode `episode`, with its checklist. Its level
/// may also be `temporary`: temporary control (临时管控) below the coloured warnings, started and
/// stopped (`warning.lifted`) like a warning, with the plan's T-level checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningIssued {
    /// Episode number (1, 2, …).
    pub episode: u32,
    /// Warning level.
    pub level: Level,
    /// When the warning (and the response) takes effect.
    pub start: DateTime<FixedOffset>,
    /// Expected end, if stated.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signed it (审签).
    pub approver: String,
    /// Document number of the notice (文号), may be empty.
    pub doc_no: String,
    /// Reasons given in the notice.
    pub reasons: Vec<String>,
    /// Primary pollutant as the notice writes it.
    pub primary: String,
    /// The consultation that decided it.
    pub consultation: Option<u32>,
    /// The plan the checklist comes from.
    pub plan: PlanRef,
    /// The emission-reduction list the enterprise items come from (files and hashes), when the
    /// plan had one: a later edit of the list file never changes this checklist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListRef>,
    /// The checklist: one item per measure and unit.
    pub items: Vec<ItemSpec>,
    /// The city's or region's warning this one follows, when it follows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<RegionalWarning>,
}

/// `warning.upgraded` / `warning.downgraded`: the level of an active warning changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelChanged {
    /// Episode number.
    pub episode: u32,
    /// Level before.
    pub from: Level,
    /// Level after.
    pub to: Level,
    /// When the new level takes effect.
    pub effective: DateTime<FixedOffset>,
    /// Expected end, if stated.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signed it.
    pub approver: String,
    /// Document number of the adjust notice.
    pub doc_no: String,
    /// Reasons given.
    pub reasons: Vec<String>,
    /// The consultation that decided it.
    pub consultation: Option<u32>,
    /// What happens to the checklist.
    pub diff: ChecklistDiff,
    /// The emission-reduction list the added enterprise items come from, when the plan had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListRef>,
    /// The city's or region's warning this change follows, when it follows a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<RegionalWarning>,
}

/// `warning.paused`: the response paused across a short clean spell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningPaused {
    /// Episode number.
    pub episode: u32,
    /// When the pause takes effect.
    pub at: DateTime<FixedOffset>,
    /// Why (e.g. a cold front).
    pub basis: String,
    /// Who decided (may be empty).
    pub approver: String,
    /// Document number, may be empty.
    pub doc_no: String,
}

/// `warning.resumed`: a paused response restarted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningResumed {
    /// Episode number.
    pub episode: u32,
    /// When the response is in force again.
    pub at: DateTime<FixedOffset>,
    /// Why.
    pub basis: String,
    /// Who decided (may be empty).
    pub approver: String,
    /// Document number, may be empty.
    pub doc_no: String,
    /// New expected end, if stated.
    pub expected_end: Option<DateTime<FixedOffset>>,
}

/// `warning.lifted`: the warning lifted; the episode ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningLifted {
    /// Episode number.
    pub episode: u32,
    /// Lifting time (measures continue until then).
    pub at: DateTime<FixedOffset>,
    /// Basis (解除依据).
    pub basis: String,
    /// Who signed it.
    pub approver: String,
    /// Document number of the lifting notice.
    pub doc_no: String,
    /// The consultation that decided it.
    pub consultation: Option<u32>,
}

/// The campaign a run belongs to, as the plan named it when the run started.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CampaignRef {
    /// The plan's id of the campaign (`fireworks`).
    pub id: String,
    /// Its name (春节期间烟花爆竹禁燃禁售专项行动).
    pub name: String,
    /// Its English name, when the plan gave one (runs recorded before had none: the Chinese
    /// name is shown in English too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// `campaign.started`: a run of a standing campaign started, with its checklist. Runs are
/// numbered 1, 2, … across all campaigns, apart from the warning episodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignStarted {
    /// Run number.
    pub run: u32,
    /// Which campaign.
    pub campaign: CampaignRef,
    /// When it takes effect (deadlines count from here).
    pub start: DateTime<FixedOffset>,
    /// Expected end, if stated.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signed it.
    pub approver: String,
    /// Document number of the notice, may be empty.
    pub doc_no: String,
    /// Reasons given.
    pub reasons: Vec<String>,
    /// The plan the checklist comes from.
    pub plan: PlanRef,
    /// The checklist: one item per measure and unit.
    pub items: Vec<ItemSpec>,
}

/// `campaign.stopped`: a campaign run ended (its checklist then takes only rectifications).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignStopped {
    /// Run number.
    pub run: u32,
    /// When it ends.
    pub at: DateTime<FixedOffset>,
    /// Why.
    pub basis: String,
    /// Who signed it.
    pub approver: String,
    /// Document number, may be empty.
    pub doc_no: String,
}

/// Which kind of episode an item report's number names: a warning episode (also temporary
/// control) or a campaign run — a campaign is an episode of its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EpisodeKind {
    /// A warning episode (what every report recorded before campaigns names).
    #[default]
    Warning,
    /// A campaign run.
    Campaign,
}

impl EpisodeKind {
    /// Whether this is a warning episode (the field is then left out of the payload).
    pub fn is_warning(&self) -> bool {
        *self == EpisodeKind::Warning
    }
}

/// `checklist.*`: a unit's report on one item (receipt, implementation, problem, rectification).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemReport {
    /// Episode number (of the kind `of`).
    pub episode: u32,
    /// Whether `episode` numbers a warning episode or a campaign run.
    #[serde(default, skip_serializing_if = "EpisodeKind::is_warning")]
    pub of: EpisodeKind,
    /// Which item.
    pub item: ItemKey,
    /// Feedback, problem description or note.
    pub text: String,
    /// Evidence file, if any.
    pub evidence: Option<EvidenceFile>,
    /// Who reported it, when and how (journals before feedback records have none: their
    /// reports count as made when recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

/// `shift.started`: a duty officer takes over the desk (their name is the event's operator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftStarted {
    /// Note on taking over, may be empty.
    pub note: String,
}

/// `shift.handed_over`: the officer on duty hands over to the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftHandedOver {
    /// Who takes over.
    pub to: String,
    /// Handover note (what to watch), may be empty.
    pub note: String,
}

/// One response event, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseEvent {
    /// `consultation.recorded`.
    ConsultationRecorded(ConsultationRecorded),
    /// `warning.issued`.
    WarningIssued(WarningIssued),
    /// `warning.upgraded`.
    WarningUpgraded(LevelChanged),
    /// `warning.downgraded`.
    WarningDowngraded(LevelChanged),
    /// `warning.paused`.
    WarningPaused(WarningPaused),
    /// `warning.resumed`.
    WarningResumed(WarningResumed),
    /// `warning.lifted`.
    WarningLifted(WarningLifted),
    /// `checklist.acknowledged` / `implemented` / `problem_reported` / `rectified`.
    Item(Transition, ItemReport),
    /// `shift.started`.
    ShiftStarted(ShiftStarted),
    /// `shift.handed_over`.
    ShiftHandedOver(ShiftHandedOver),
    /// `campaign.started`.
    CampaignStarted(CampaignStarted),
    /// `campaign.stopped`.
    CampaignStopped(CampaignStopped),
    /// `checks.sampled`.
    SampleDrawn(SampleDrawn),
    /// `checklist.checked`.
    ItemChecked(ItemChecked),
}

/// Every event kind the response state folds.
pub const KINDS: [&str; 17] = [
    "consultation.recorded",
    "warning.issued",
    "warning.upgraded",
    "warning.downgraded",
    "warning.paused",
    "warning.resumed",
    "warning.lifted",
    "checklist.acknowledged",
    "checklist.implemented",
    "checklist.problem_reported",
    "checklist.rectified",
    "shift.started",
    "shift.handed_over",
    "campaign.started",
    "campaign.stopped",
    "checks.sampled",
    "checklist.checked",
];

impl ResponseEvent {
    /// The journal event kind.
    pub fn kind(&self) -> &'static str {
        match self {
            ResponseEvent::ConsultationRecorded(_) => KINDS[0],
            ResponseEvent::WarningIssued(_) => KINDS[1],
            ResponseEvent::WarningUpgraded(_) => KINDS[2],
            ResponseEvent::WarningDowngraded(_) => KINDS[3],
            ResponseEvent::WarningPaused(_) => KINDS[4],
            ResponseEvent::WarningResumed(_) => KINDS[5],
            ResponseEvent::WarningLifted(_) => KINDS[6],
            ResponseEvent::Item(t, _) => t.kind(),
            ResponseEvent::ShiftStarted(_) => KINDS[11],
            ResponseEvent::ShiftHandedOver(_) => KINDS[12],
            ResponseEvent::CampaignStarted(_) => KINDS[13],
            ResponseEvent::CampaignStopped(_) => KINDS[14],
            ResponseEvent::SampleDrawn(_) => KINDS[15],
            ResponseEvent::ItemChecked(_) => KINDS[16],
        }
    }

    /// Prepare the journal draft: this event recorded by `author` at `at`.
    pub fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError> {
        let kind = self.kind();
        match self {
            ResponseEvent::ConsultationRecorded(p) => author.draft(at, kind, p),
            ResponseEvent::WarningIssued(p) => author.draft(at, kind, p),
            ResponseEvent::WarningUpgraded(p) | ResponseEvent::WarningDowngraded(p) => {
                author.draft(at, kind, p)
            }
            ResponseEvent::WarningPaused(p) => author.draft(at, kind, p),
            ResponseEvent::WarningResumed(p) => author.draft(at, kind, p),
            ResponseEvent::WarningLifted(p) => author.draft(at, kind, p),
            ResponseEvent::Item(_, p) => author.draft(at, kind, p),
            ResponseEvent::ShiftStarted(p) => author.draft(at, kind, p),
            ResponseEvent::ShiftHandedOver(p) => author.draft(at, kind, p),
            ResponseEvent::CampaignStarted(p) => author.draft(at, kind, p),
            ResponseEvent::CampaignStopped(p) => author.draft(at, kind, p),
            ResponseEvent::SampleDrawn(p) => author.draft(at, kind, p),
            ResponseEvent::ItemChecked(p) => author.draft(at, kind, p),
        }
    }

    /// Decode a journal event: `None` when its kind is not a response kind (other modules'
    /// events), `Some(Err)` when the payload does not decode.
    pub fn decode(event: &Event) -> Option<Result<ResponseEvent, JournalError>> {
        let e = event;
        Some(match e.kind.as_str() {
            "consultation.recorded" => e.decode().map(ResponseEvent::ConsultationRecorded),
            "warning.issued" => e.decode().map(ResponseEvent::WarningIssued),
            "warning.upgraded" => e.decode().map(ResponseEvent::WarningUpgraded),
            "warning.downgraded" => e.decode().map(ResponseEvent::WarningDowngraded),
            "warning.paused" => e.decode().map(ResponseEvent::WarningPaused),
            "warning.resumed" => e.decode().map(ResponseEvent::WarningResumed),
            "warning.lifted" => e.decode().map(ResponseEvent::WarningLifted),
            "shift.started" => e.decode().map(ResponseEvent::ShiftStarted),
            "shift.handed_over" => e.decode().map(ResponseEvent::ShiftHandedOver),
            "campaign.started" => e.decode().map(ResponseEvent::CampaignStarted),
            "campaign.stopped" => e.decode().map(ResponseEvent::CampaignStopped),
            "checks.sampled" => e.decode().map(ResponseEvent::SampleDrawn),
            "checklist.checked" => e.decode().map(ResponseEvent::ItemChecked),
            other => {
                let t = Transition::from_kind(other)?;
                e.decode().map(|p| ResponseEvent::Item(t, p))
            }
        })
    }
}
