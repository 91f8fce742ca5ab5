//! What the duty officer asks for: typed commands, validated against the state by
//! [`decide`](super::decide) before anything is written.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::advisor::Advice;
use crate::domain::plan::Level;

use super::checklist::{EvidenceFile, ItemKey, Transition};
use super::checks::{CheckInput, SampleInput};
use super::event::{AdviceBasis, Decision, RegionalWarning};
use super::feedback::Feedback;

/// Record a consultation (会商).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationInput {
    /// When it was held.
    pub held_at: DateTime<FixedOffset>,
    /// Who took part.
    pub participants: Vec<String>,
    /// Forecast basis in words (may be filled from the advisor's reasons).
    pub basis: String,
    /// The advisor's answer, if it was consulted.
    pub advice: Option<AdviceBasis>,
    /// What was decided.
    pub decision: Decision,
    /// The decision in words.
    pub decision_text: String,
}

impl ConsultationInput {
    /// A consultation record pre-filled from the advisor: the forecast basis is its reasons (in
    /// the words of the record, given by the caller), the decision what it proposes, worded
    /// `decision_text` (the officer edits both before recording).
    pub fn from_advice(
        advice: &Advice,
        reasons: Vec<String>,
        decision_text: String,
        held_at: DateTime<FixedOffset>,
        participants: Vec<String>,
    ) -> Self {
        let basis = reasons.join("；");
        let advice_basis =
            AdviceBasis::from_advice(advice, reasons, held_at.offset().local_minus_utc());
        ConsultationInput {
            held_at,
            participants,
            basis,
            decision: advice_basis.action,
            advice: Some(advice_basis),
            decision_text,
        }
    }
}

/// Issue a warning, or start temporary control (level `temporary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueInput {
    /// Warning level (a coloured level the plan defines), or `temporary` for temporary control
    /// when the plan has that level.
    pub level: Level,
    /// When it takes effect.
    pub start: DateTime<FixedOffset>,
    /// Expected end, if known.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signs; `None` takes the plan's approver for the level.
    pub approver: Option<String>,
    /// Notice document number (文号), may be empty.
    pub doc_no: String,
    /// Reasons for the notice (e.g. the advisor's).
    pub reasons: Vec<String>,
    /// Primary pollutant as the notice writes it; empty means PM2.5 (coloured warnings are for
    /// PM2.5-driven episodes under the 2024 rules).
    pub primary: String,
    /// The consultation that decided it.
    pub consultation: Option<u32>,
    /// The city's or region's warning it follows (the level must be at least its level).
    #[serde(default)]
    pub regional: Option<RegionalWarning>,
}

impl IssueInput {
    /// The warning the advisor proposes, in the offset `utc_offset_s`: its level, start, expected
    /// end and `reasons` (its reasons in the words of the notice, given by the caller); `None`
    /// when it proposes no coloured warning with a start.
    pub fn from_advice(
        advice: &Advice,
        reasons: Vec<String>,
        utc_offset_s: i32,
        consultation: Option<u32>,
    ) -> Option<Self> {
        if !advice.level.is_warning() || advice.advisory {
            return None;
        }
        let start = advice.start?.to_local(utc_offset_s);
        Some(IssueInput {
            level: advice.level,
            start,
            expected_end: advice
                .end
                .filter(|_| !advice.end_open)
                .map(|h| h.to_local(utc_offset_s)),
            approver: None,
            doc_no: String::new(),
            reasons,
            primary: String::new(),
            consultation,
            regional: None,
        })
    }
}

/// Upgrade or downgrade the warning in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelChangeInput {
    /// New level.
    pub to: Level,
    /// When it takes effect.
    pub effective: DateTime<FixedOffset>,
    /// New expected end, if stated.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signs; `None` takes the plan's approver for the new level.
    pub approver: Option<String>,
    /// Notice document number, may be empty.
    pub doc_no: String,
    /// Reasons.
    pub reasons: Vec<String>,
    /// The consultation that decided it.
    pub consultation: Option<u32>,
    /// A new city or regional warning it follows (the new level must be at least its level);
    /// `None` keeps the one the episode follows, if any.
    #[serde(default)]
    pub regional: Option<RegionalWarning>,
}

/// Pause the response across a short clean spell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PauseInput {
    /// When the pause takes effect.
    pub at: DateTime<FixedOffset>,
    /// Why.
    pub basis: String,
    /// Who decided (may be empty).
    pub approver: String,
    /// Document number, may be empty.
    pub doc_no: String,
}

/// Resume a paused response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResumeInput {
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

/// Lift the warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiftInput {
    /// Lifting time.
    pub at: DateTime<FixedOffset>,
    /// Basis.
    pub basis: String,
    /// Who signs; `None` takes the plan's approver for the level in force.
    pub approver: Option<String>,
    /// Document number of the lifting notice, may be empty.
    pub doc_no: String,
    /// The consultation that decided it.
    pub consultation: Option<u32>,
}

/// Start a run of a standing campaign the plan defines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignInput {
    /// The plan's id of the campaign (`fireworks`).
    pub campaign: String,
    /// When it takes effect.
    pub start: DateTime<FixedOffset>,
    /// Expected end, if known.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signs; `None` takes the plan's approver for the campaign.
    pub approver: Option<String>,
    /// Notice document number, may be empty.
    pub doc_no: String,
    /// Reasons.
    pub reasons: Vec<String>,
}

/// Stop the running campaign `campaign`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignStopInput {
    /// The plan's id of the campaign.
    pub campaign: String,
    /// When it ends.
    pub at: DateTime<FixedOffset>,
    /// Why.
    pub basis: String,
    /// Who signs; `None` takes the plan's approver for the campaign.
    pub approver: Option<String>,
    /// Document number, may be empty.
    pub doc_no: String,
}

/// A report on one checklist item of the latest episode, or of a campaign run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemInput {
    /// The step.
    pub transition: Transition,
    /// Which item.
    pub item: ItemKey,
    /// Feedback (required to implement or rectify), problem description (required to report a
    /// problem), or an optional note on receipt.
    pub text: String,
    /// Evidence file, if any.
    pub evidence: Option<EvidenceFile>,
    /// Who reported it, when and how; `None` when the desk records without (then it counts as
    /// reported when recorded).
    pub feedback: Option<Feedback>,
    /// The campaign run the item belongs to; `None`: the latest warning episode.
    #[serde(default)]
    pub campaign: Option<u32>,
}

/// Everything the response page (or the sample builder) can ask for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// Record a consultation.
    RecordConsultation(ConsultationInput),
    /// Issue a warning.
    Issue(IssueInput),
    /// Raise the level in force.
    Upgrade(LevelChangeInput),
    /// Lower the level in force.
    Downgrade(LevelChangeInput),
    /// Pause the response.
    Pause(PauseInput),
    /// Resume the response.
    Resume(ResumeInput),
    /// Lift the warning.
    Lift(LiftInput),
    /// Report on a checklist item.
    Item(ItemInput),
    /// Start a standing campaign.
    StartCampaign(CampaignInput),
    /// Stop a running campaign.
    StopCampaign(CampaignStopInput),
    /// Draw a spot-check sample of done items.
    DrawSample(SampleInput),
    /// Record a check of a done item.
    Check(CheckInput),
    /// Start a shift (the author is the officer taking over).
    StartShift {
        /// Note on taking over.
        note: String,
    },
    /// Hand the shift over.
    HandOver {
        /// Who takes over.
        to: String,
        /// What to watch.
        note: String,
    },
}

impl Command {
    /// A unit acknowledged receipt of an item.
    pub fn acknowledge(item: ItemKey, note: &str) -> Self {
        Command::item(Transition::Acknowledge, item, note, None)
    }

    /// A unit reported an item implemented.
    pub fn implement(item: ItemKey, feedback: &str, evidence: Option<EvidenceFile>) -> Self {
        Command::item(Transition::Implement, item, feedback, evidence)
    }

    /// A problem found with an item.
    pub fn report_problem(item: ItemKey, problem: &str) -> Self {
        Command::item(Transition::ReportProblem, item, problem, None)
    }

    /// A problem rectified.
    pub fn rectify(item: ItemKey, feedback: &str, evidence: Option<EvidenceFile>) -> Self {
        Command::item(Transition::Rectify, item, feedback, evidence)
    }

    /// The same report, with the unit's feedback record.
    pub fn with_feedback(self, feedback: Feedback) -> Self {
        match self {
            Command::Item(input) => Command::Item(ItemInput {
                feedback: Some(feedback),
                ..input
            }),
            other => other,
        }
    }

    fn item(
        transition: Transition,
        item: ItemKey,
        text: &str,
        evidence: Option<EvidenceFile>,
    ) -> Self {
        Command::Item(ItemInput {
            transition,
            item,
            text: text.to_owned(),
            evidence,
            feedback: None,
            campaign: None,
        })
    }

    /// The same report on an item of campaign run `run` (other commands stay as they are).
    pub fn in_campaign(self, run: u32) -> Self {
        match self {
            Command::Item(input) => Command::Item(ItemInput {
                campaign: Some(run),
                ..input
            }),
            other => other,
        }
    }
}
