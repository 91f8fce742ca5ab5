//! The response state: `ResponseState` = fold(events). Episodes with their level history, pauses,
//! lifting and checklist; consultations; shifts; a timeline of everything in words.
//!
//! `ResponseState` is a journal [`Fold`] (the [`Replay`](crate::journal::Replay) convention):
//! kinds it does not know are skipped; a payload that does not decode, or an event that does not
//! fit the state (an item that does not exist, a second warning while one is in force), is kept
//! as an [`Anomaly`] and changes nothing else, so one odd event never makes the journal unusable.

use chrono::{DateTime, FixedOffset};

use crate::domain::advisor::WarningState;
use crate::domain::plan::{Level, Rollup, UnitTree};
use crate::journal::{Event, Fold, Hash};
use crate::store::Hour;

use super::checklist::{Item, ItemChange, ItemKey, ItemStatus, Progress, Transition};
use super::checks::{
    Check, CheckResult, CheckSource, ItemChecked, Sample, SampleDrawn, UnitChecks, draw,
};
use super::error::{CommandError, Field, Numbered};
use super::event::{
    CampaignRef, CampaignStarted, CampaignStopped, ConsultationRecorded, EpisodeKind, ItemReport,
    LevelChanged, PlanRef, RegionalWarning, ResponseEvent, ShiftHandedOver, WarningIssued,
    WarningLifted, WarningPaused, WarningResumed,
};
use super::feedback::check_reported_at;
use super::reporting::Reporting;

/// Who recorded an event, when, and where it sits in the journal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// Journal sequence number.
    pub seq: u64,
    /// When it was recorded, in the operator's offset.
    pub at: DateTime<FixedOffset>,
    /// Duty officer.
    pub operator: String,
    /// Desk id.
    pub desk: String,
}

impl Stamp {
    /// The stamp of a journal event.
    pub fn of(event: &Event) -> Self {
        Stamp {
            seq: event.seq,
            at: event.local_time(),
            operator: event.operator.clone(),
            desk: event.desk.clone(),
        }
    }
}

/// The journal position a state includes: the tamper anchor printed on reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// Sequence number of the last event folded.
    pub seq: u64,
    /// Its hash.
    pub hash: Hash,
    /// Where the journal's hash chain breaks, when verifying it on opening found a break:
    /// reports say so beside the anchor.
    pub broken_at: Option<u64>,
}

/// The level set at issue, or a later upgrade or downgrade.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LevelStep {
    /// Level before (`None` for the issue).
    pub from: Option<Level>,
    /// Level after.
    pub to: Level,
    /// When it took effect.
    pub effective: DateTime<FixedOffset>,
    /// Expected end stated with it.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Who signed it.
    pub approver: String,
    /// Notice document number.
    pub doc_no: String,
    /// Reasons given.
    pub reasons: Vec<String>,
    /// Consultation that decided it.
    pub consultation: Option<u32>,
    /// Items added by this step.
    pub added: Vec<ItemKey>,
    /// Items dropped by this step.
    pub dropped: Vec<ItemKey>,
    /// Items kept through this step.
    pub kept: Vec<ItemKey>,
    /// The city or regional warning this step followed, when it named one.
    pub regional: Option<RegionalWarning>,
    /// Who recorded it.
    pub stamp: Stamp,
}

/// A pause of the response and, once it happened, its resumption.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PauseSpan {
    /// The pause as decided.
    pub pause: WarningPaused,
    /// Who recorded the pause.
    pub stamp: Stamp,
    /// The resumption, when it has happened.
    pub resumed: Option<(WarningResumed, Stamp)>,
}

/// Where an episode stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Phase {
    /// Issued and not paused or lifted (it may not have started yet: see [`Episode::start`]).
    Active,
    /// Paused since the given time.
    Paused {
        /// When the pause took effect.
        since: DateTime<FixedOffset>,
    },
    /// Lifted at the given time.
    Lifted {
        /// Lifting time.
        at: DateTime<FixedOffset>,
    },
}

/// One warning from issue to lifting, with its checklist.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Episode {
    /// Episode number (1, 2, …).
    pub number: u32,
    /// The plan the checklist was derived from.
    pub plan: PlanRef,
    /// Who recorded the issue, and when.
    pub issued: Stamp,
    /// When the warning took (or takes) effect.
    pub start: DateTime<FixedOffset>,
    /// Latest expected end stated.
    pub expected_end: Option<DateTime<FixedOffset>>,
    /// Primary pollutant as the notice wrote it.
    pub primary: String,
    /// The issue, then every upgrade and downgrade.
    pub steps: Vec<LevelStep>,
    /// Pauses, in order.
    pub pauses: Vec<PauseSpan>,
    /// The lifting, once it happened.
    pub lifting: Option<(WarningLifted, Stamp)>,
    /// The checklist, in the order items were added.
    pub items: Vec<Item>,
    /// For a campaign run: which campaign (`number` is then the run number, and the one level
    /// step is at level none); `None` for a warning episode.
    pub campaign: Option<CampaignRef>,
    /// Spot-check samples drawn, in order.
    pub samples: Vec<Sample>,
    /// Checks of done items (核查, 抽查, 督导组), in order.
    pub checks: Vec<Check>,
}

/// Counts of a unit's items, for tables by unit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitSummary {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Live (not dropped) items.
    pub total: usize,
    /// Live items the unit confirmed receipt of (acknowledged or done).
    pub acknowledged: usize,
    /// Items done (implemented or rectified).
    pub done: usize,
    /// Items with a problem awaiting rectification.
    pub problems: usize,
    /// Items awaiting implementation past their deadline.
    pub overdue: usize,
    /// Items dropped by level changes.
    pub dropped: usize,
}

impl UnitSummary {
    /// Count `item` in, with the episode's deadline clock (see [`Episode::clock`]).
    pub fn count(&mut self, item: &Item, clock: Option<DateTime<FixedOffset>>) {
        if !item.status.is_live() {
            self.dropped += 1;
            return;
        }
        self.total += 1;
        self.acknowledged += usize::from(item.acknowledged().is_some());
        self.done += usize::from(item.status.is_done());
        self.problems += usize::from(item.status == ItemStatus::ProblemReported);
        self.overdue += usize::from(item.is_overdue(clock));
    }

    /// A unit with no items yet (counts start here).
    pub fn empty(unit: &str, unit_name: &str) -> Self {
        UnitSummary {
            unit: unit.to_owned(),
            unit_name: unit_name.to_owned(),
            total: 0,
            acknowledged: 0,
            done: 0,
            problems: 0,
            overdue: 0,
            dropped: 0,
        }
    }
}

/// Which items a checklist view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Every live item.
    Live,
    /// Every item, dropped ones too.
    All,
    /// Items in exactly this status.
    Status(ItemStatus),
    /// Live items not done.
    Open,
    /// Items awaiting implementation past their deadline.
    Overdue,
    /// Implemented or rectified.
    Done,
}

impl Episode {
    /// The level in force (or paused).
    pub fn level(&self) -> Level {
        self.steps.last().map_or(Level::None, |s| s.to)
    }

    /// Since when the current level has been in effect.
    pub fn level_since(&self) -> DateTime<FixedOffset> {
        self.steps.last().map_or(self.start, |s| s.effective)
    }

    /// The city or regional warning the episode follows: the latest one a step named.
    pub fn regional(&self) -> Option<&RegionalWarning> {
        self.steps.iter().rev().find_map(|s| s.regional.as_ref())
    }

    /// Whether this is temporary control (临时管控) rather than a coloured warning.
    pub fn is_temporary(&self) -> bool {
        self.level() == Level::Temporary
    }

    /// How many enterprises of the emission-reduction list this episode orders to stop or limit
    /// production (停限产): those with a live item, 自主减排 ones not counted; `None` when no item
    /// comes from a list (the warning was issued without one).
    pub fn enterprises_limited(&self) -> Option<usize> {
        let mut listed = false;
        let mut ordered: Vec<&str> = Vec::new();
        for item in &self.items {
            let Some(e) = &item.spec.enterprise else {
                continue;
            };
            listed = true;
            if e.ordered && item.status.is_live() && !ordered.contains(&e.key.as_str()) {
                ordered.push(&e.key);
            }
        }
        listed.then_some(ordered.len())
    }

    /// The highest level the episode reached.
    pub fn max_level(&self) -> Level {
        self.steps.iter().map(|s| s.to).max().unwrap_or(Level::None)
    }

    /// The earliest lifting time: the start, or — to call off a warning that has not taken
    /// effect yet — the moment it was issued, whichever is earlier.
    pub fn earliest_lift(&self) -> DateTime<FixedOffset> {
        self.start.min(self.issued.at)
    }

    /// Active, paused or lifted.
    pub fn phase(&self) -> Phase {
        if let Some((l, _)) = &self.lifting {
            return Phase::Lifted { at: l.at };
        }
        match self.pauses.last() {
            Some(p) if p.resumed.is_none() => Phase::Paused { since: p.pause.at },
            _ => Phase::Active,
        }
    }

    /// Whether the warning is in force at `now`: started, not paused, not lifted.
    pub fn in_force(&self, now: DateTime<FixedOffset>) -> bool {
        self.phase() == Phase::Active && self.start <= now
    }

    /// The moment deadlines are measured against at `now`: `now` while active, the pause time
    /// while paused (a pause stops the clock), `None` once lifted (nothing becomes overdue after
    /// the response ended).
    pub fn clock(&self, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        match self.phase() {
            Phase::Active => Some(now),
            Phase::Paused { since } => Some(now.min(since)),
            Phase::Lifted { .. } => None,
        }
    }

    /// The item with `key`.
    pub fn item(&self, key: &ItemKey) -> Option<&Item> {
        self.items.iter().find(|i| i.key() == key)
    }

    /// Which reports are due, received, late or missing at `now` (see [`Reporting`]).
    pub fn reporting(&self, now: DateTime<FixedOffset>) -> Reporting {
        Reporting::of(self, now)
    }

    /// Items awaiting implementation past their deadline at `now`.
    pub fn overdue(&self, now: DateTime<FixedOffset>) -> Vec<&Item> {
        let clock = self.clock(now);
        self.items.iter().filter(|i| i.is_overdue(clock)).collect()
    }

    /// Items of `unit` (all units when `None`) matching `status` at `now`.
    pub fn filter(
        &self,
        unit: Option<&str>,
        status: StatusFilter,
        now: DateTime<FixedOffset>,
    ) -> Vec<&Item> {
        let clock = self.clock(now);
        self.items
            .iter()
            .filter(|i| unit.is_none_or(|u| i.key().unit == u))
            .filter(|i| match status {
                StatusFilter::All => true,
                StatusFilter::Live => i.status.is_live(),
                StatusFilter::Status(s) => i.status == s,
                StatusFilter::Open => i.status.is_open(),
                StatusFilter::Overdue => i.is_overdue(clock),
                StatusFilter::Done => i.status.is_done(),
            })
            .collect()
    }

    /// Counts per unit, units in the order their first item appears (plan order).
    pub fn by_unit(&self, now: DateTime<FixedOffset>) -> Vec<UnitSummary> {
        let clock = self.clock(now);
        let mut out: Vec<UnitSummary> = Vec::new();
        for item in &self.items {
            let pos = match out.iter().position(|u| u.unit == item.key().unit) {
                Some(p) => p,
                None => {
                    out.push(UnitSummary::empty(&item.key().unit, &item.spec.unit_name));
                    out.len() - 1
                }
            };
            out[pos].count(item, clock);
        }
        out
    }

    /// A unit's own progress: the least advanced of its live items (`None` without items).
    pub fn unit_progress(&self, unit: &str, now: DateTime<FixedOffset>) -> Option<Progress> {
        let clock = self.clock(now);
        self.items
            .iter()
            .filter(|i| i.key().unit == unit)
            .filter_map(|i| i.progress(clock))
            .min()
    }

    /// The checks made on `key`, oldest first.
    pub fn checks_of<'a>(&'a self, key: &'a ItemKey) -> impl Iterator<Item = &'a Check> + 'a {
        self.checks.iter().filter(move |c| &c.record.item == key)
    }

    /// Roll the units' progress up the plan's unit tree: for each unit, how many units in its
    /// subtree are at each progress (a township sees its villages and grids).
    pub fn roll_up(
        &self,
        tree: &UnitTree,
        now: DateTime<FixedOffset>,
    ) -> std::collections::BTreeMap<String, Rollup<Progress>> {
        tree.roll_up(|unit| self.unit_progress(unit, now))
    }
}

/// A consultation as recorded.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Consultation {
    /// What was recorded.
    pub record: ConsultationRecorded,
    /// Who recorded it.
    pub stamp: Stamp,
}

/// One duty shift.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Shift {
    /// The shift start (its operator is the officer on duty).
    pub started: Stamp,
    /// Note on taking over.
    pub note: String,
    /// The handover that ended it, if it was handed over.
    pub handoff: Option<Handoff>,
}

/// A shift handed over to the next officer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Handoff {
    /// Who takes over.
    pub to: String,
    /// Handover note.
    pub note: String,
    /// Who recorded it and when.
    pub stamp: Stamp,
}

/// One line of the response's history: who recorded what, when; the interface words it
/// (`crate::i18n`), in Chinese for the reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimelineEntry {
    /// Who recorded it and when.
    pub stamp: Stamp,
    /// Event kind (`warning.issued`, `checklist.implemented`, …).
    pub kind: String,
    /// Warning episode it belongs to.
    pub episode: Option<u32>,
    /// Campaign run it belongs to.
    pub campaign: Option<u32>,
    /// When it takes effect, for decisions (start, effective, lifting time).
    pub effective: Option<DateTime<FixedOffset>>,
    /// What happened, with its numbers.
    pub what: TimelineEvent,
}

/// What a timeline line says, as data.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum TimelineEvent {
    /// A consultation as recorded.
    Consultation(ConsultationRecorded),
    /// A warning issued.
    Issued {
        /// Its level.
        level: Level,
        /// When it takes effect.
        start: DateTime<FixedOffset>,
        /// Expected end, when stated.
        expected_end: Option<DateTime<FixedOffset>>,
        /// Who signed it.
        approver: String,
        /// How many checklist items it sets.
        items: usize,
    },
    /// The level raised or lowered.
    LevelChanged {
        /// Raised (else lowered).
        up: bool,
        /// Level before.
        from: Level,
        /// Level after.
        to: Level,
        /// When it takes effect.
        effective: DateTime<FixedOffset>,
        /// Who signed it.
        approver: String,
        /// Items added.
        added: usize,
        /// Items dropped.
        dropped: usize,
        /// Items kept.
        kept: usize,
    },
    /// The response paused.
    Paused {
        /// From when.
        at: DateTime<FixedOffset>,
        /// Why.
        basis: String,
    },
    /// The response resumed.
    Resumed {
        /// From when.
        at: DateTime<FixedOffset>,
        /// Why.
        basis: String,
    },
    /// The warning lifted.
    Lifted {
        /// The level it had.
        level: Level,
        /// When.
        at: DateTime<FixedOffset>,
        /// How long it was in force (`None`: called off before it took effect).
        lasted: Option<chrono::Duration>,
        /// Why.
        basis: String,
    },
    /// A unit reported on a checklist item.
    Item {
        /// The unit's name.
        unit_name: String,
        /// Which item (measure and unit id).
        item: ItemKey,
        /// Its status after the report.
        status: ItemStatus,
        /// Feedback or problem text.
        text: String,
    },
    /// A campaign run started.
    CampaignStarted {
        /// The campaign, with its names.
        campaign: CampaignRef,
        /// When it takes effect.
        start: DateTime<FixedOffset>,
        /// Who signed it.
        approver: String,
        /// How many checklist items it sets.
        items: usize,
    },
    /// A campaign run stopped.
    CampaignStopped {
        /// The campaign, with its names.
        campaign: CampaignRef,
        /// When.
        at: DateTime<FixedOffset>,
        /// Why.
        basis: String,
    },
    /// A spot-check sample drawn.
    Sampled {
        /// Sample number in the episode.
        number: u32,
        /// Items drawn.
        drawn: usize,
        /// Done items it was drawn from.
        pool: usize,
    },
    /// A done item checked.
    Checked {
        /// The unit's name.
        unit_name: String,
        /// Which item.
        item: ItemKey,
        /// How the check came about.
        source: CheckSource,
        /// What it found.
        result: CheckResult,
        /// What was seen.
        note: String,
    },
    /// The stamp's officer took over the desk.
    ShiftStarted,
    /// The stamp's officer handed over.
    HandedOver {
        /// Who takes over.
        to: String,
    },
}

impl TimelineEntry {
    /// Whether this is a warning decision (issue, change, pause, resume, lift).
    pub fn is_warning(&self) -> bool {
        self.kind.starts_with("warning.")
    }

    /// The unit concerned (checklist reports): id and name.
    pub fn unit(&self) -> Option<(&str, &str)> {
        match &self.what {
            TimelineEvent::Item {
                unit_name, item, ..
            }
            | TimelineEvent::Checked {
                unit_name, item, ..
            } => Some((item.unit.as_str(), unit_name.as_str())),
            _ => None,
        }
    }
}

/// What an event adds to the timeline: its episode, when it takes effect, what it says.
type Line = (Option<u32>, Option<DateTime<FixedOffset>>, TimelineEvent);

/// Which episode a timeline line belongs to: a warning episode or a campaign run.
fn belongs(of: EpisodeKind, n: Option<u32>) -> (Option<u32>, Option<u32>) {
    match of {
        EpisodeKind::Warning => (n, None),
        EpisodeKind::Campaign => (None, n),
    }
}

/// An event that could not be folded, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Anomaly {
    /// Its sequence number.
    pub seq: u64,
    /// Its kind.
    pub kind: String,
    /// What was wrong.
    pub reason: AnomalyReason,
}

/// Why an event could not be folded.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum AnomalyReason {
    /// The payload does not decode (the journal's message, which names the field).
    Undecodable(String),
    /// It does not fit the state (an item that does not exist, a second warning in force …).
    Misfit(CommandError),
}

/// Everything the response journal says, folded.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ResponseState {
    episodes: Vec<Episode>,
    campaigns: Vec<Episode>,
    consultations: Vec<Consultation>,
    shifts: Vec<Shift>,
    timeline: Vec<TimelineEntry>,
    anomalies: Vec<Anomaly>,
    anchor: Option<Anchor>,
    chain_broken_at: Option<u64>,
    /// The hash of the journal's first event: names the journal on feedback forms.
    first_hash: Option<Hash>,
}

impl Fold for ResponseState {
    /// Fold one journal event in (see the module docs for what happens to odd events).
    fn apply(&mut self, event: &Event) {
        if event.seq == 1 {
            self.first_hash = Some(event.hash);
        }
        self.anchor = Some(Anchor {
            seq: event.seq,
            hash: event.hash,
            broken_at: self.chain_broken_at,
        });
        let Some(decoded) = ResponseEvent::decode(event) else {
            return;
        };
        let result = decoded
            .map_err(|e| AnomalyReason::Undecodable(e.to_string()))
            .and_then(|r| {
                self.apply_typed(&Stamp::of(event), &r)
                    .map_err(AnomalyReason::Misfit)
            });
        if let Err(reason) = result {
            self.anomalies.push(Anomaly {
                seq: event.seq,
                kind: event.kind.clone(),
                reason,
            });
        }
    }
}

impl ResponseState {
    /// The state before any event.
    pub fn new() -> Self {
        ResponseState::default()
    }

    /// The state of a journal whose chain was verified as `chain` when it was opened: a break is
    /// carried into the anchor every report prints.
    pub fn with_chain(mut self, chain: &crate::journal::Verification) -> Self {
        self.chain_broken_at = match chain {
            crate::journal::Verification::Broken(b) => Some(b.seq),
            crate::journal::Verification::Intact { .. } => None,
        };
        self.anchor = self.anchor.map(|a| Anchor {
            broken_at: self.chain_broken_at,
            ..a
        });
        self
    }

    /// Fold a sequence of journal events, e.g. those recorded up to a past moment to see the
    /// state as it was then.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut state = ResponseState::new();
        for e in events {
            state.apply(e);
        }
        state
    }

    /// The tag that names this journal on feedback forms ([`super::FormKey`]); `None` before
    /// the first event.
    pub fn journal_tag(&self) -> Option<String> {
        self.first_hash.map(|h| super::journal_tag(&h.to_string()))
    }

    /// All episodes, oldest first.
    pub fn episodes(&self) -> &[Episode] {
        &self.episodes
    }

    /// Episode number `n`.
    pub fn episode(&self, n: u32) -> Option<&Episode> {
        self.episodes.iter().find(|e| e.number == n)
    }

    /// The latest episode, lifted or not.
    pub fn latest(&self) -> Option<&Episode> {
        self.episodes.last()
    }

    /// The episode not yet lifted (active or paused), if any.
    pub fn current(&self) -> Option<&Episode> {
        self.episodes.last().filter(|e| e.lifting.is_none())
    }

    /// Campaign runs, oldest first.
    pub fn campaigns(&self) -> &[Episode] {
        &self.campaigns
    }

    /// Campaign run number `n`.
    pub fn campaign_run(&self, n: u32) -> Option<&Episode> {
        self.campaigns.iter().find(|e| e.number == n)
    }

    /// Campaign runs not yet stopped, oldest first.
    pub fn running_campaigns(&self) -> impl Iterator<Item = &Episode> {
        self.campaigns.iter().filter(|e| e.lifting.is_none())
    }

    /// The running run of the plan's campaign `id`, if any.
    pub fn running_campaign(&self, id: &str) -> Option<&Episode> {
        self.running_campaigns()
            .find(|e| e.campaign.as_ref().is_some_and(|c| c.id == id))
    }

    /// Consultations, oldest first.
    pub fn consultations(&self) -> &[Consultation] {
        &self.consultations
    }

    /// Checks per unit made at or after `from` and before `to` (by [`Check::at`]), over every
    /// warning episode and campaign run, units in the order of their first check: what the 通报
    /// names for 不属实.
    pub fn checks_between(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> Vec<UnitChecks> {
        let mut out: Vec<UnitChecks> = Vec::new();
        for e in self.episodes.iter().chain(&self.campaigns) {
            for c in e.checks.iter().filter(|c| c.at() >= from && c.at() < to) {
                let unit = &c.record.item.unit;
                let pos = match out.iter().position(|u| &u.unit == unit) {
                    Some(p) => p,
                    None => {
                        let name = e
                            .item(&c.record.item)
                            .map_or(unit.as_str(), |i| i.spec.unit_name.as_str());
                        out.push(UnitChecks {
                            unit: unit.clone(),
                            unit_name: name.to_owned(),
                            checks: 0,
                            failed: 0,
                        });
                        out.len() - 1
                    }
                };
                out[pos].checks += 1;
                out[pos].failed += usize::from(c.record.result == CheckResult::NotConfirmed);
            }
        }
        out
    }

    /// Shifts, oldest first.
    pub fn shifts(&self) -> &[Shift] {
        &self.shifts
    }

    /// The shift in progress: the latest one, unless it was handed over.
    pub fn on_shift(&self) -> Option<&Shift> {
        self.shifts.last().filter(|s| s.handoff.is_none())
    }

    /// The whole history in words, oldest first.
    pub fn timeline(&self) -> &[TimelineEntry] {
        &self.timeline
    }

    /// Timeline entries recorded at or after `from` and before `to`.
    pub fn timeline_between(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> Vec<&TimelineEntry> {
        self.timeline
            .iter()
            .filter(|t| t.stamp.at >= from && t.stamp.at < to)
            .collect()
    }

    /// Events that could not be folded.
    pub fn anomalies(&self) -> &[Anomaly] {
        &self.anomalies
    }

    /// The last journal event folded (any kind): the tamper anchor for reports.
    pub fn anchor(&self) -> Option<Anchor> {
        self.anchor
    }

    /// Items of the current episode awaiting implementation past their deadline at `now` (for
    /// the Situation board).
    pub fn overdue(&self, now: DateTime<FixedOffset>) -> Vec<&Item> {
        self.current().map(|e| e.overdue(now)).unwrap_or_default()
    }

    /// The warning state as the level advisor takes it.
    pub fn advisor_state(&self) -> WarningState {
        let Some(e) = self.current() else {
            return WarningState::None;
        };
        let hour = |t: DateTime<FixedOffset>| Hour::from_utc(t.to_utc());
        match e.phase() {
            Phase::Paused { since } => WarningState::Paused {
                level: e.level(),
                since: hour(since),
            },
            _ => WarningState::Active {
                level: e.level(),
                since: hour(e.level_since()),
            },
        }
    }

    /// Fold one typed event recorded with `stamp`. Checks that it fits first; on error nothing
    /// changed. Each kind changes the state in its own step, which also says what the timeline
    /// records of it.
    pub(crate) fn apply_typed(
        &mut self,
        stamp: &Stamp,
        event: &ResponseEvent,
    ) -> Result<(), CommandError> {
        let line = match event {
            ResponseEvent::ConsultationRecorded(c) => self.consult(stamp, c)?,
            ResponseEvent::WarningIssued(w) => {
                let episode = self.issue(stamp, w)?;
                let what = TimelineEvent::Issued {
                    level: w.level,
                    start: w.start,
                    expected_end: w.expected_end,
                    approver: w.approver.clone(),
                    items: w.items.len(),
                };
                (Some(episode), Some(w.start), what)
            }
            ResponseEvent::WarningUpgraded(c) | ResponseEvent::WarningDowngraded(c) => {
                let up = matches!(event, ResponseEvent::WarningUpgraded(_));
                self.change_level(stamp, c, up)?;
                let what = TimelineEvent::LevelChanged {
                    up,
                    from: c.from,
                    to: c.to,
                    effective: c.effective,
                    approver: c.approver.clone(),
                    added: c.diff.added.len(),
                    dropped: c.diff.dropped.len(),
                    kept: c.diff.kept.len(),
                };
                (Some(c.episode), Some(c.effective), what)
            }
            ResponseEvent::WarningPaused(p) => self.pause(stamp, p)?,
            ResponseEvent::WarningResumed(r) => {
                self.resume(stamp, r)?;
                let what = TimelineEvent::Resumed {
                    at: r.at,
                    basis: r.basis.clone(),
                };
                (Some(r.episode), Some(r.at), what)
            }
            ResponseEvent::WarningLifted(l) => self.lift(stamp, l)?,
            ResponseEvent::Item(t, r) => self.report_item(stamp, *t, r)?,
            ResponseEvent::CampaignStarted(c) => {
                self.start_campaign(stamp, c)?;
                let what = TimelineEvent::CampaignStarted {
                    campaign: c.campaign.clone(),
                    start: c.start,
                    approver: c.approver.clone(),
                    items: c.items.len(),
                };
                (Some(c.run), Some(c.start), what)
            }
            ResponseEvent::CampaignStopped(c) => self.stop_campaign(stamp, c)?,
            ResponseEvent::ShiftStarted(s) => {
                self.shifts.push(Shift {
                    started: stamp.clone(),
                    note: s.note.clone(),
                    handoff: None,
                });
                (None, None, TimelineEvent::ShiftStarted)
            }
            ResponseEvent::ShiftHandedOver(h) => self.hand_over(stamp, h)?,
            ResponseEvent::SampleDrawn(s) => self.sampled(stamp, s)?,
            ResponseEvent::ItemChecked(c) => self.checked(stamp, c)?,
        };
        let (n, effective, what) = line;
        let of = match event {
            ResponseEvent::CampaignStarted(_) | ResponseEvent::CampaignStopped(_) => {
                EpisodeKind::Campaign
            }
            ResponseEvent::Item(_, r) => r.of,
            _ => EpisodeKind::Warning,
        };
        let (episode, campaign) = belongs(of, n);
        self.timeline.push(TimelineEntry {
            stamp: stamp.clone(),
            kind: event.kind().to_owned(),
            episode,
            campaign,
            effective,
            what,
        });
        Ok(())
    }

    fn consult(&mut self, stamp: &Stamp, c: &ConsultationRecorded) -> Result<Line, CommandError> {
        let expected = self.consultations.len() as u32 + 1;
        if c.number != expected {
            return Err(CommandError::OutOfSequence {
                what: Numbered::Consultation,
                found: c.number,
                expected,
            });
        }
        self.consultations.push(Consultation {
            record: c.clone(),
            stamp: stamp.clone(),
        });
        Ok((
            None,
            Some(c.held_at),
            TimelineEvent::Consultation(c.clone()),
        ))
    }

    fn pause(&mut self, stamp: &Stamp, p: &WarningPaused) -> Result<Line, CommandError> {
        let e = self.open_episode(p.episode)?;
        if e.phase() != Phase::Active {
            return Err(CommandError::Paused);
        }
        if p.at < e.level_since() {
            return Err(CommandError::TooEarly {
                earliest: e.level_since(),
            });
        }
        e.pauses.push(PauseSpan {
            pause: p.clone(),
            stamp: stamp.clone(),
            resumed: None,
        });
        let what = TimelineEvent::Paused {
            at: p.at,
            basis: p.basis.clone(),
        };
        Ok((Some(p.episode), Some(p.at), what))
    }

    fn lift(&mut self, stamp: &Stamp, l: &WarningLifted) -> Result<Line, CommandError> {
        let e = self.open_episode(l.episode)?;
        if l.at < e.earliest_lift() {
            return Err(CommandError::TooEarly {
                earliest: e.earliest_lift(),
            });
        }
        let lasted = l.at.signed_duration_since(e.start);
        let what = TimelineEvent::Lifted {
            level: e.level(),
            at: l.at,
            lasted: (lasted >= chrono::Duration::zero()).then_some(lasted),
            basis: l.basis.clone(),
        };
        e.lifting = Some((l.clone(), stamp.clone()));
        Ok((Some(l.episode), Some(l.at), what))
    }

    fn report_item(
        &mut self,
        stamp: &Stamp,
        t: Transition,
        r: &ItemReport,
    ) -> Result<Line, CommandError> {
        let e = match r.of {
            EpisodeKind::Warning => self.latest_episode_mut(r.episode)?,
            EpisodeKind::Campaign => self
                .campaigns
                .iter_mut()
                .find(|e| e.number == r.episode)
                .ok_or(CommandError::UnknownRun(r.episode))?,
        };
        check_item(e, t, &r.item)?;
        let Some(item) = e.items.iter_mut().find(|i| i.key() == &r.item) else {
            return Err(CommandError::UnknownItem(r.item.clone()));
        };
        if let Some(f) = &r.feedback {
            check_reported_at(item, f, stamp.at)?;
        }
        item.status = t.target();
        item.history.push(ItemChange {
            status: t.target(),
            stamp: stamp.clone(),
            text: r.text.clone(),
            evidence: r.evidence.clone(),
            dropped_for: None,
            feedback: r.feedback.clone(),
        });
        let what = TimelineEvent::Item {
            unit_name: item.spec.unit_name.clone(),
            item: r.item.clone(),
            status: t.target(),
            text: r.text.clone(),
        };
        Ok((Some(r.episode), None, what))
    }

    fn start_campaign(&mut self, stamp: &Stamp, c: &CampaignStarted) -> Result<(), CommandError> {
        if self.running_campaign(&c.campaign.id).is_some() {
            return Err(CommandError::CampaignRunning(c.campaign.name.clone()));
        }
        let expected = self.campaigns.len() as u32 + 1;
        if c.run != expected {
            return Err(CommandError::OutOfSequence {
                what: Numbered::CampaignRun,
                found: c.run,
                expected,
            });
        }
        if let Some(key) = first_duplicate(c.items.iter().map(|s| &s.key)) {
            return Err(CommandError::DuplicateItem(key.clone()));
        }
        self.campaigns.push(Episode {
            number: c.run,
            plan: c.plan.clone(),
            issued: stamp.clone(),
            start: c.start,
            expected_end: c.expected_end,
            primary: String::new(),
            steps: vec![LevelStep {
                from: None,
                to: Level::None,
                effective: c.start,
                expected_end: c.expected_end,
                approver: c.approver.clone(),
                doc_no: c.doc_no.clone(),
                reasons: c.reasons.clone(),
                consultation: None,
                added: c.items.iter().map(|s| s.key.clone()).collect(),
                dropped: Vec::new(),
                kept: Vec::new(),
                regional: None,
                stamp: stamp.clone(),
            }],
            pauses: Vec::new(),
            lifting: None,
            items: c
                .items
                .iter()
                .map(|s| Item::notified(s.clone(), stamp))
                .collect(),
            campaign: Some(c.campaign.clone()),
            samples: Vec::new(),
            checks: Vec::new(),
        });
        Ok(())
    }

    fn stop_campaign(&mut self, stamp: &Stamp, c: &CampaignStopped) -> Result<Line, CommandError> {
        let e = self
            .campaigns
            .iter_mut()
            .find(|e| e.number == c.run)
            .ok_or(CommandError::UnknownRun(c.run))?;
        let campaign = e.campaign.clone().unwrap_or_default();
        if e.lifting.is_some() {
            return Err(CommandError::CampaignNotRunning(campaign.name));
        }
        if c.at < e.earliest_lift() {
            return Err(CommandError::TooEarly {
                earliest: e.earliest_lift(),
            });
        }
        let stopped = WarningLifted {
            episode: c.run,
            at: c.at,
            basis: c.basis.clone(),
            approver: c.approver.clone(),
            doc_no: c.doc_no.clone(),
            consultation: None,
        };
        e.lifting = Some((stopped, stamp.clone()));
        let what = TimelineEvent::CampaignStopped {
            campaign,
            at: c.at,
            basis: c.basis.clone(),
        };
        Ok((Some(c.run), Some(c.at), what))
    }

    fn sampled(&mut self, stamp: &Stamp, s: &SampleDrawn) -> Result<Line, CommandError> {
        let e = self.latest_episode_mut(s.episode)?;
        let expected = e.samples.len() as u32 + 1;
        if s.number != expected {
            return Err(CommandError::OutOfSequence {
                what: Numbered::Sample,
                found: s.number,
                expected,
            });
        }
        // Reproducible from the journal: the pool is the done items, and the items are what the
        // seed draws from it.
        let size = s.items.len() as u32;
        if s.pool != sample_pool(e) || s.items != draw(&s.pool, size, s.seed) || size == 0 {
            return Err(CommandError::SampleMismatch(s.number));
        }
        e.samples.push(Sample {
            drawn: s.clone(),
            stamp: stamp.clone(),
        });
        let what = TimelineEvent::Sampled {
            number: s.number,
            drawn: s.items.len(),
            pool: s.pool.len(),
        };
        Ok((Some(s.episode), None, what))
    }

    fn checked(&mut self, stamp: &Stamp, c: &ItemChecked) -> Result<Line, CommandError> {
        let e = self.latest_episode_mut(c.episode)?;
        check_check(e, c)?;
        let Some(item) = e.items.iter_mut().find(|i| i.key() == &c.item) else {
            return Err(CommandError::UnknownItem(c.item.clone()));
        };
        if c.result == CheckResult::NotConfirmed {
            // 不属实 reopens the item: a problem the unit must rectify.
            item.status = ItemStatus::ProblemReported;
            item.history.push(ItemChange {
                status: ItemStatus::ProblemReported,
                stamp: stamp.clone(),
                text: c.note.clone(),
                evidence: c.evidence.clone(),
                dropped_for: None,
                // A check is the centre's act, not a unit's report: no feedback record.
                feedback: None,
            });
        }
        let what = TimelineEvent::Checked {
            unit_name: item.spec.unit_name.clone(),
            item: c.item.clone(),
            source: c.source,
            result: c.result,
            note: c.note.clone(),
        };
        e.checks.push(Check {
            record: c.clone(),
            stamp: stamp.clone(),
        });
        Ok((Some(c.episode), c.checked_at, what))
    }

    fn hand_over(&mut self, stamp: &Stamp, h: &ShiftHandedOver) -> Result<Line, CommandError> {
        let Some(shift) = self.shifts.last_mut().filter(|s| s.handoff.is_none()) else {
            return Err(CommandError::NoShift);
        };
        shift.handoff = Some(Handoff {
            to: h.to.clone(),
            note: h.note.clone(),
            stamp: stamp.clone(),
        });
        Ok((None, None, TimelineEvent::HandedOver { to: h.to.clone() }))
    }

    fn issue(&mut self, stamp: &Stamp, w: &WarningIssued) -> Result<u32, CommandError> {
        if let Some(e) = self.current() {
            return Err(CommandError::AlreadyActive { level: e.level() });
        }
        let expected = self.episodes.len() as u32 + 1;
        if w.episode != expected {
            return Err(CommandError::OutOfSequence {
                what: Numbered::Episode,
                found: w.episode,
                expected,
            });
        }
        if let Some(key) = first_duplicate(w.items.iter().map(|s| &s.key)) {
            return Err(CommandError::DuplicateItem(key.clone()));
        }
        self.episodes.push(Episode {
            number: w.episode,
            plan: w.plan.clone(),
            issued: stamp.clone(),
            start: w.start,
            expected_end: w.expected_end,
            primary: w.primary.clone(),
            steps: vec![LevelStep {
                from: None,
                to: w.level,
                effective: w.start,
                expected_end: w.expected_end,
                approver: w.approver.clone(),
                doc_no: w.doc_no.clone(),
                reasons: w.reasons.clone(),
                consultation: w.consultation,
                added: w.items.iter().map(|s| s.key.clone()).collect(),
                dropped: Vec::new(),
                kept: Vec::new(),
                regional: w.regional.clone(),
                stamp: stamp.clone(),
            }],
            pauses: Vec::new(),
            lifting: None,
            samples: Vec::new(),
            checks: Vec::new(),
            items: w
                .items
                .iter()
                .map(|s| Item::notified(s.clone(), stamp))
                .collect(),
            campaign: None,
        });
        Ok(w.episode)
    }

    fn change_level(
        &mut self,
        stamp: &Stamp,
        c: &LevelChanged,
        up: bool,
    ) -> Result<(), CommandError> {
        let e = self.open_episode(c.episode)?;
        if e.phase() != Phase::Active {
            return Err(CommandError::Paused);
        }
        if e.level() != c.from {
            return Err(CommandError::LevelMismatch {
                recorded: c.from,
                actual: e.level(),
            });
        }
        if up && c.to <= c.from {
            return Err(CommandError::NotHigher {
                from: c.from,
                to: c.to,
            });
        }
        if !up && c.to >= c.from {
            return Err(CommandError::NotLower {
                from: c.from,
                to: c.to,
            });
        }
        if c.effective < e.level_since() {
            return Err(CommandError::TooEarly {
                earliest: e.level_since(),
            });
        }
        // Work on a copy so that a misfit leaves the episode untouched.
        let mut items = e.items.clone();
        for key in &c.diff.dropped {
            let Some(item) = items.iter_mut().find(|i| i.key() == key) else {
                return Err(CommandError::UnknownItem(key.clone()));
            };
            if !item.status.is_live() {
                return Err(CommandError::ItemDropped(key.clone()));
            }
            item.status = ItemStatus::Dropped;
            item.history.push(ItemChange {
                status: ItemStatus::Dropped,
                stamp: stamp.clone(),
                text: String::new(),
                evidence: None,
                dropped_for: Some(c.to),
                feedback: None,
            });
        }
        for spec in &c.diff.added {
            match items.iter_mut().find(|i| i.key() == &spec.key) {
                Some(item) if item.status.is_live() => {
                    return Err(CommandError::DuplicateItem(spec.key.clone()));
                }
                Some(item) => {
                    // Required again after being dropped: a fresh notification.
                    let history = std::mem::take(&mut item.history);
                    *item = Item::notified(spec.clone(), stamp);
                    item.history.splice(0..0, history);
                }
                None => items.push(Item::notified(spec.clone(), stamp)),
            }
        }
        e.items = items;
        if c.expected_end.is_some() {
            e.expected_end = c.expected_end;
        }
        e.steps.push(LevelStep {
            from: Some(c.from),
            to: c.to,
            effective: c.effective,
            expected_end: c.expected_end,
            approver: c.approver.clone(),
            doc_no: c.doc_no.clone(),
            reasons: c.reasons.clone(),
            consultation: c.consultation,
            added: c.diff.added.iter().map(|s| s.key.clone()).collect(),
            dropped: c.diff.dropped.clone(),
            kept: c.diff.kept.clone(),
            regional: c.regional.clone(),
            stamp: stamp.clone(),
        });
        Ok(())
    }

    fn resume(&mut self, stamp: &Stamp, r: &WarningResumed) -> Result<(), CommandError> {
        let e = self.open_episode(r.episode)?;
        let Phase::Paused { since } = e.phase() else {
            return Err(CommandError::NotPaused);
        };
        if r.at < since {
            return Err(CommandError::TooEarly { earliest: since });
        }
        // The pause stopped the clock: deadlines still running at the pause move on by its
        // length.
        let paused_for = r.at.signed_duration_since(since);
        for item in e.items.iter_mut().filter(|i| i.status.is_open()) {
            if item.deadline > since {
                item.deadline = item
                    .deadline
                    .checked_add_signed(paused_for)
                    .unwrap_or(item.deadline);
            }
        }
        if r.expected_end.is_some() {
            e.expected_end = r.expected_end;
        }
        if let Some(p) = e.pauses.last_mut() {
            p.resumed = Some((r.clone(), stamp.clone()));
        }
        Ok(())
    }

    /// The episode `n` if it is the current (not lifted) one.
    fn open_episode(&mut self, n: u32) -> Result<&mut Episode, CommandError> {
        match self.episodes.last_mut() {
            Some(e) if e.lifting.is_none() && e.number == n => Ok(e),
            Some(e) if e.lifting.is_none() => Err(CommandError::OutOfSequence {
                what: Numbered::Episode,
                found: n,
                expected: e.number,
            }),
            _ => Err(CommandError::NoWarning),
        }
    }

    /// The latest episode if it is number `n` (its checklist takes reports, even after lifting).
    fn latest_episode_mut(&mut self, n: u32) -> Result<&mut Episode, CommandError> {
        match self.episodes.last_mut() {
            Some(e) if e.number == n => Ok(e),
            Some(e) => Err(CommandError::OutOfSequence {
                what: Numbered::Episode,
                found: n,
                expected: e.number,
            }),
            None => Err(CommandError::NoWarning),
        }
    }
}

/// Whether `transition` may be recorded on item `key` of episode `e`: the item exists, is not
/// dropped, the step is allowed from its status, and — after lifting — only rectification of a
/// problem is still taken (the 交办-整改-销号 loop outlives the response).
pub(crate) fn check_item(
    e: &Episode,
    transition: Transition,
    key: &ItemKey,
) -> Result<(), CommandError> {
    let item = e
        .item(key)
        .ok_or_else(|| CommandError::UnknownItem(key.clone()))?;
    if item.status == ItemStatus::Dropped {
        return Err(CommandError::ItemDropped(key.clone()));
    }
    if e.lifting.is_some() && transition != Transition::Rectify {
        return Err(CommandError::ChecklistClosed);
    }
    if !transition.allowed_from(item.status) {
        return Err(CommandError::Transition {
            item: key.clone(),
            from: item.status,
            transition,
        });
    }
    Ok(())
}

/// Whether check `c` may be recorded in episode `e`: the item exists and is done (a check follows
/// "implemented" or "rectified"), a spot check names a sample that drew the item, a failed check
/// says what was seen and a supervision report names its group.
pub(crate) fn check_check(e: &Episode, c: &ItemChecked) -> Result<(), CommandError> {
    let item = e
        .item(&c.item)
        .ok_or_else(|| CommandError::UnknownItem(c.item.clone()))?;
    if !item.status.is_done() {
        return Err(CommandError::NotDone {
            item: c.item.clone(),
            status: item.status,
        });
    }
    if let Some(n) = c.sample {
        let sample = e
            .samples
            .iter()
            .find(|s| s.drawn.number == n)
            .ok_or(CommandError::UnknownSample(n))?;
        if !sample.drawn.items.contains(&c.item) {
            return Err(CommandError::NotInSample {
                item: c.item.clone(),
                sample: n,
            });
        }
    }
    if c.result == CheckResult::NotConfirmed && c.note.trim().is_empty() {
        return Err(CommandError::Missing(Field::CheckNote));
    }
    if c.source == CheckSource::Supervision && c.by.trim().is_empty() {
        return Err(CommandError::Missing(Field::CheckedBy));
    }
    Ok(())
}

/// The items a spot-check sample is drawn from: the episode's done items, in checklist order.
pub(crate) fn sample_pool(e: &Episode) -> Vec<ItemKey> {
    e.items
        .iter()
        .filter(|i| i.status.is_done())
        .map(|i| i.key().clone())
        .collect()
}

fn first_duplicate<'a>(keys: impl Iterator<Item = &'a ItemKey>) -> Option<&'a ItemKey> {
    let mut seen = std::collections::HashSet::new();
    keys.into_iter().find(|k| !seen.insert(*k))
}
