//! The checklist of an episode: one item per measure and responsible unit, derived from the plan
//! for a level, its status machine, and its re-derivation when the level changes.
//!
//! An item's identity inside an episode is its [`ItemKey`] (plan measure id + unit id). Everything
//! the item needs to be read later — measure text, unit name, deadline — is copied into its
//! [`ItemSpec`] when it is created, so the journal stays readable after the plan file is edited.

use std::collections::HashSet;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::plan::{Evidence, Grade, Level, Measure, MeasureCategory, Plan, ReportingCycle};

use super::enterprise_items::enterprise_items;
use super::feedback::Feedback;
use super::state::Stamp;

/// One checklist item inside an episode: a measure of the plan and one of its units.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemKey {
    /// Measure id in the plan (`Y-DUST-1`).
    pub measure: String,
    /// Responsible unit id in the plan (`zjj`).
    pub unit: String,
}

impl ItemKey {
    /// Build a key from a measure id and a unit id.
    pub fn new(measure: &str, unit: &str) -> Self {
        ItemKey {
            measure: measure.to_owned(),
            unit: unit.to_owned(),
        }
    }
}

impl std::fmt::Display for ItemKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.measure, self.unit)
    }
}

/// What one unit must do for one measure, as derived from the plan when the item was created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemSpec {
    /// Measure and unit.
    pub key: ItemKey,
    /// The unit's full name, as notices write it.
    pub unit_name: String,
    /// Whether this unit is the measure's lead unit (listed first in the plan).
    pub lead: bool,
    /// The level whose measure this is.
    pub level: Level,
    /// Measure category.
    pub category: MeasureCategory,
    /// Performance grade, for industry measures.
    pub grade: Option<Grade>,
    /// Staggered production / transport measure.
    pub staggered: bool,
    /// What must be done, as the plan words it.
    pub text: String,
    /// The plan's offset: hours after activation.
    pub deadline_hours: u32,
    /// Absolute deadline: activation (warning start or level change) plus the offset.
    pub deadline: DateTime<FixedOffset>,
    /// What the unit must report back.
    pub feedback: String,
    /// Kinds of evidence expected.
    pub evidence: Vec<Evidence>,
    /// How the unit reports on this item during the response (the measure's cycle, else the
    /// unit's at the level, else the level's); `None` when the plan states none. Journals
    /// written before cycles existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting: Option<ReportingCycle>,
    /// For an item of the emission-reduction list: the enterprise it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<EnterpriseRef>,
}

impl ItemSpec {
    /// Whether the item was ordered (and so has a deadline that can pass): everything but an
    /// A-grade or performance-leading enterprise's self-determined reduction, which is tracked
    /// but not ordered.
    pub fn is_ordered(&self) -> bool {
        self.enterprise.as_ref().is_none_or(|e| e.ordered)
    }
}

/// The enterprise of a list item, as the list named it when the item was derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseRef {
    /// The list's key: credit code, else name.
    pub key: String,
    /// Enterprise name.
    pub name: String,
    /// Industry as the list writes it.
    pub industry: String,
    /// Township as the list writes it.
    pub township: String,
    /// Whether the measure is ordered (false for 自主减排).
    pub ordered: bool,
}

/// Where an item stands. Items start `Notified` when the warning (or the level change that added
/// them) is issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// The unit has been sent the notice.
    Notified,
    /// The unit confirmed receipt (签收).
    Acknowledged,
    /// The unit reported the measure in place, with feedback (落实).
    Implemented,
    /// A problem was found or reported (问题); it must be rectified.
    ProblemReported,
    /// The problem was rectified (整改到位).
    Rectified,
    /// No longer required: the level changed and the new level does not call for it (撤销).
    Dropped,
}

impl ItemStatus {
    /// All statuses, in workflow order (for filters).
    pub const ALL: [ItemStatus; 6] = [
        ItemStatus::Notified,
        ItemStatus::Acknowledged,
        ItemStatus::Implemented,
        ItemStatus::ProblemReported,
        ItemStatus::Rectified,
        ItemStatus::Dropped,
    ];

    /// The measure is in place (implemented, or its problem rectified).
    pub fn is_done(self) -> bool {
        matches!(self, ItemStatus::Implemented | ItemStatus::Rectified)
    }

    /// Still part of the checklist (not dropped).
    pub fn is_live(self) -> bool {
        self != ItemStatus::Dropped
    }

    /// Still waiting for something from the unit: live and not done.
    pub fn is_open(self) -> bool {
        self.is_live() && !self.is_done()
    }

    /// Waiting for the measure to be put in place (notified or acknowledged): what a deadline
    /// applies to. An item with a problem is followed as a problem, not as overdue.
    pub fn awaits_implementation(self) -> bool {
        matches!(self, ItemStatus::Notified | ItemStatus::Acknowledged)
    }
}

/// A step an item can take; each is one journal event kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// Notified → acknowledged.
    Acknowledge,
    /// Notified or acknowledged → implemented (reporting implementation counts as receipt).
    Implement,
    /// Any live state but a problem → problem reported (a check may find an implemented measure
    /// broken again).
    ReportProblem,
    /// Problem reported → rectified.
    Rectify,
}

impl Transition {
    /// All transitions.
    pub const ALL: [Transition; 4] = [
        Transition::Acknowledge,
        Transition::Implement,
        Transition::ReportProblem,
        Transition::Rectify,
    ];

    /// The journal event kind recording this step.
    pub fn kind(self) -> &'static str {
        match self {
            Transition::Acknowledge => "checklist.acknowledged",
            Transition::Implement => "checklist.implemented",
            Transition::ReportProblem => "checklist.problem_reported",
            Transition::Rectify => "checklist.rectified",
        }
    }

    /// The transition an event kind records.
    pub fn from_kind(kind: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.kind() == kind)
    }

    /// The status the item has after this step.
    pub fn target(self) -> ItemStatus {
        match self {
            Transition::Acknowledge => ItemStatus::Acknowledged,
            Transition::Implement => ItemStatus::Implemented,
            Transition::ReportProblem => ItemStatus::ProblemReported,
            Transition::Rectify => ItemStatus::Rectified,
        }
    }

    /// Whether an item in status `from` may take this step.
    pub fn allowed_from(self, from: ItemStatus) -> bool {
        use ItemStatus as S;
        match self {
            Transition::Acknowledge => from == S::Notified,
            Transition::Implement => matches!(from, S::Notified | S::Acknowledged),
            Transition::ReportProblem => {
                matches!(
                    from,
                    S::Notified | S::Acknowledged | S::Implemented | S::Rectified
                )
            }
            Transition::Rectify => from == S::ProblemReported,
        }
    }
}

/// How far a unit (or an item) has got, ordered from "needs attention most" to "done": what the
/// roll-up over the unit tree counts, and what a township row shows for its villages and grids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// Awaiting implementation past its deadline.
    Overdue,
    /// A problem waits for rectification.
    Problem,
    /// Notified, not yet acknowledged.
    Notified,
    /// Acknowledged, not yet implemented.
    Acknowledged,
    /// Implemented or rectified.
    Done,
}

/// An evidence file sent with feedback or a check: stored in the journal's evidence store under
/// its SHA-256 (`crate::session::EvidenceStore`), so any desk opens the very file the record
/// names; `name` is the file's original name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceFile {
    /// File name or path relative to the workspace folder.
    pub name: String,
    /// SHA-256 of the content, lowercase hex, when known.
    pub sha256: Option<String>,
    /// For a photo: its EXIF time and position and what could not be read, as read when it was
    /// stored in the evidence store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<super::photo::PhotoFacts>,
}

/// One step in an item's history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ItemChange {
    /// Status after the step.
    pub status: ItemStatus,
    /// Who recorded it and when.
    pub stamp: Stamp,
    /// Feedback, problem description or note (may be empty).
    pub text: String,
    /// Evidence file sent with it.
    pub evidence: Option<EvidenceFile>,
    /// For a drop: the level whose change no longer requires the item.
    pub dropped_for: Option<Level>,
    /// Who reported it, when and how, where the journal knows (apart from `stamp`, who typed it
    /// in and when).
    pub feedback: Option<Feedback>,
}

impl ItemChange {
    /// When the unit did what this step records: the time it reported where known, else the
    /// time the desk recorded it. Lateness is judged on this (see [`Item::is_late`]).
    pub fn done_at(&self) -> DateTime<FixedOffset> {
        self.feedback
            .as_ref()
            .map_or(self.stamp.at, |f| f.reported_at)
    }
}

/// One checklist item with its status and history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Item {
    /// What must be done, by whom, by when (as first derived).
    pub spec: ItemSpec,
    /// Current status.
    pub status: ItemStatus,
    /// Current deadline: the spec's, moved on by pauses (a pause stops the clock) or reset when a
    /// dropped item is required again.
    pub deadline: DateTime<FixedOffset>,
    /// Every step, oldest first; the first is the notification.
    pub history: Vec<ItemChange>,
}

impl Item {
    /// A new item, notified at `stamp`.
    pub fn notified(spec: ItemSpec, stamp: &Stamp) -> Self {
        Item {
            deadline: spec.deadline,
            status: ItemStatus::Notified,
            history: vec![ItemChange {
                status: ItemStatus::Notified,
                stamp: stamp.clone(),
                text: String::new(),
                evidence: None,
                dropped_for: None,
                feedback: None,
            }],
            spec,
        }
    }

    /// The item's key.
    pub fn key(&self) -> &ItemKey {
        &self.spec.key
    }

    /// Whether the item still awaits implementation and its deadline lies before `clock` (see
    /// [`Episode::clock`](super::Episode::clock): `None` means the clock is stopped for good).
    pub fn is_overdue(&self, clock: Option<DateTime<FixedOffset>>) -> bool {
        clock.is_some_and(|c| {
            self.spec.is_ordered() && self.status.awaits_implementation() && self.deadline < c
        })
    }

    /// Whether the item is done and was done after its deadline, judged on
    /// [`ItemChange::done_at`] (the unit's reported time where known, else the recorded time).
    pub fn done_late(&self) -> bool {
        self.status.is_done() && self.done().is_some_and(|d| d.done_at() > self.deadline)
    }

    /// 逾期 — the one definition every page, report and ledger uses: overdue now (not done and
    /// the deadline passed at `clock`) or done late ([`Item::done_late`]).
    pub fn is_late(&self, clock: Option<DateTime<FixedOffset>>) -> bool {
        self.is_overdue(clock) || self.done_late()
    }

    /// Time left until the deadline at `clock` (negative when overdue): the countdown. `None`
    /// when the item does not await implementation or the clock is stopped.
    pub fn remaining(&self, clock: Option<DateTime<FixedOffset>>) -> Option<Duration> {
        let c = clock?;
        (self.spec.is_ordered() && self.status.awaits_implementation())
            .then(|| self.deadline.signed_duration_since(c))
    }

    /// Where the item sorts in a list read by urgency at `clock` (smallest first): overdue, then
    /// a problem to rectify, then the rest still awaited by deadline (due soonest first), then
    /// done, then dropped. Items of one rank sort by deadline.
    pub fn urgency(&self, clock: Option<DateTime<FixedOffset>>) -> (u8, DateTime<FixedOffset>) {
        let rank = if self.is_overdue(clock) {
            0
        } else if self.status == ItemStatus::ProblemReported {
            1
        } else if self.status.is_open() {
            2
        } else if self.status.is_done() {
            3
        } else {
            4
        };
        (rank, self.deadline)
    }

    /// The item's progress at `clock`, for roll-ups; `None` for dropped items.
    pub fn progress(&self, clock: Option<DateTime<FixedOffset>>) -> Option<Progress> {
        if !self.status.is_live() {
            return None;
        }
        Some(if self.is_overdue(clock) {
            Progress::Overdue
        } else {
            match self.status {
                ItemStatus::ProblemReported => Progress::Problem,
                ItemStatus::Notified => Progress::Notified,
                ItemStatus::Acknowledged => Progress::Acknowledged,
                _ => Progress::Done,
            }
        })
    }

    /// The latest step that reached `status`, if any.
    pub fn last(&self, status: ItemStatus) -> Option<&ItemChange> {
        self.history.iter().rev().find(|c| c.status == status)
    }

    /// When the unit first confirmed receipt (acknowledging, or reporting it done).
    pub fn acknowledged(&self) -> Option<&ItemChange> {
        self.history
            .iter()
            .find(|c| c.status == ItemStatus::Acknowledged || c.status.is_done())
    }

    /// The latest step that put the measure in place (implemented or rectified).
    pub fn done(&self) -> Option<&ItemChange> {
        self.history.iter().rev().find(|c| c.status.is_done())
    }

    /// Every problem reported, oldest first.
    pub fn problems(&self) -> impl Iterator<Item = &ItemChange> {
        self.history
            .iter()
            .filter(|c| c.status == ItemStatus::ProblemReported)
    }
}

/// What a level change does to the checklist.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChecklistDiff {
    /// Items the new level requires that the checklist does not yet hold.
    pub added: Vec<ItemSpec>,
    /// Open items the new level no longer requires (acknowledged or not).
    pub dropped: Vec<ItemKey>,
    /// Items that stay: the same obligation at the new level (status carried over), finished
    /// items, and items with a problem still to be rectified.
    pub kept: Vec<ItemKey>,
}

/// Add `hours` to `t`, saturating at the largest time chrono represents.
pub(crate) fn add_hours(t: DateTime<FixedOffset>, hours: i64) -> DateTime<FixedOffset> {
    t.checked_add_signed(Duration::hours(hours))
        .unwrap_or_else(|| DateTime::<Utc>::MAX_UTC.with_timezone(t.offset()))
}

/// The checklist a level calls for, activated at `activation`: for every measure of the level
/// (plan order) one item per responsible unit (lead unit first), then one item per enterprise of
/// the plan's emission-reduction list (see [`enterprise_items`]). Empty when the plan does not
/// define the level.
pub fn derive(plan: &Plan, level: Level, activation: DateTime<FixedOffset>) -> Vec<ItemSpec> {
    let Some(level_plan) = plan.level(level) else {
        return Vec::new();
    };
    let mut out = derive_measures(plan, &level_plan.measures, level, activation);
    if let Some(list) = &plan.list {
        out.extend(enterprise_items(plan, list, level, activation));
    }
    out
}

/// One item per measure of `measures` (plan order) and responsible unit (lead unit first),
/// activated at `activation`: a level's own measures, or a campaign's (at level none).
pub fn derive_measures(
    plan: &Plan,
    measures: &[Measure],
    level: Level,
    activation: DateTime<FixedOffset>,
) -> Vec<ItemSpec> {
    let mut out = Vec::new();
    for m in measures {
        for (i, unit) in m.units.iter().enumerate() {
            out.push(ItemSpec {
                key: ItemKey::new(&m.id, unit),
                unit_name: plan
                    .units
                    .get(unit)
                    .map_or_else(|| unit.clone(), |u| u.name.clone()),
                lead: i == 0,
                level,
                category: m.category,
                grade: m.grade,
                staggered: m.staggered,
                text: m.text.clone(),
                deadline_hours: m.deadline_hours,
                deadline: add_hours(activation, i64::from(m.deadline_hours)),
                feedback: m.feedback.clone(),
                evidence: m.evidence.clone(),
                reporting: plan
                    .level(level)
                    .map_or(m.reporting, |l| l.cycle(Some(m), unit)),
                enterprise: None,
            });
        }
    }
    out
}

/// Whether a new-level item asks of the same unit what an existing item already asks: the same
/// measure, or a measure of another level worded identically in the same category and grade
/// (plans repeat e.g. "A级企业自主减排" at every level).
fn same_obligation(old: &ItemSpec, new: &ItemSpec) -> bool {
    fn norm(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }
    old.key.unit == new.key.unit
        && (old.key.measure == new.key.measure
            || (old.category == new.category
                && old.grade == new.grade
                && old.staggered == new.staggered
                && norm(&old.text) == norm(&new.text)))
}

/// Re-derive the checklist for a new level. Each live item is kept when the new level asks the
/// same of its unit (status carried over), kept when it is finished or has a problem awaiting
/// rectification (nothing done or found is lost), and dropped otherwise. Every required item not
/// covered by a kept one is added.
pub fn rederive(current: &[Item], required: Vec<ItemSpec>) -> ChecklistDiff {
    let mut covered = vec![false; required.len()];
    let mut diff = ChecklistDiff::default();
    for item in current.iter().filter(|i| i.status.is_live()) {
        let hit = required
            .iter()
            .enumerate()
            .position(|(j, n)| !covered[j] && same_obligation(&item.spec, n));
        if let Some(j) = hit {
            covered[j] = true;
            diff.kept.push(item.key().clone());
        } else if item.status.is_done() || item.status == ItemStatus::ProblemReported {
            diff.kept.push(item.key().clone());
        } else {
            diff.dropped.push(item.key().clone());
        }
    }
    let kept: HashSet<&ItemKey> = diff.kept.iter().collect();
    let added: Vec<ItemSpec> = required
        .into_iter()
        .zip(covered)
        .filter(|(spec, c)| !c && !kept.contains(&spec.key))
        .map(|(spec, _)| spec)
        .collect();
    diff.added = added;
    diff
}
