//! The local emergency plan (应急预案) as data: levels and their triggers, the rules of lead time,
//! forecast ranges, nowcast, lifting and pausing, measures per level by category with responsible
//! units, the unit tree, notice templates and the frame of the documents the centre issues.
//!
//! A plan is a TOML file (`assets/plans/default.toml` is the shipped default, following
//! 环大气〔2024〕6号 as far as it is known); a command centre edits its own copy. Loading checks
//! everything that can be checked and reports each problem with its line, so a mistyped unit or a
//! swapped threshold is found when the plan is loaded, not during an episode.

mod documents;
mod grade;
mod level;
mod load;
mod problem;
mod reporting;
mod template;
mod units;

pub use documents::{DocumentFrames, DocumentKind, Frame};
pub use grade::Grade;
pub use level::{Level, UnknownLevel};
pub use load::parse;
pub use problem::{PlanProblem, PlanReason, RuleProblem};
pub use reporting::{CycleSyntaxError, FIRST_DAILY_REPORT_AFTER_HOURS, ReportingCycle};
pub use template::{TemplateError, TemplateKind, fill, placeholders};
pub use units::{GeoPoint, Rollup, Unit, UnitKind, UnitTree};

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::advisor::PrimaryPollutant;
use crate::domain::reduction::{Base, ReductionList, StaggeredRule};
use crate::domain::roster::UnitContacts;

/// The shipped default plan, embedded so that AirDesk works anywhere without a plan file.
pub const DEFAULT_PLAN_TOML: &str = include_str!("../../../assets/plans/default.toml");

/// The shipped default plan, parsed. The default is validated by a test, so failing here would be
/// a build defect; the `Result` keeps callers honest all the same.
pub fn default_plan() -> Result<Plan, Vec<PlanProblem>> {
    parse(DEFAULT_PLAN_TOML)
}

/// A loaded and checked plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Plan {
    /// Name, area, version, legal basis.
    pub info: PlanInfo,
    /// How forecasts and observations are judged against the triggers.
    pub rules: Rules,
    /// The temporary band (if the plan has one) and the warning levels, mildest first.
    pub levels: Vec<LevelPlan>,
    /// The responsible units.
    pub units: UnitTree,
    /// Notice templates.
    pub templates: Templates,
    /// The emission-reduction base and staggered production (`[reduction]`).
    pub reduction: ReductionPlan,
    /// The emission-reduction list the workspace names, when loaded: warnings derive one
    /// checklist item per listed enterprise from it. Not part of the plan file.
    #[serde(skip)]
    pub list: Option<Arc<ReductionList>>,
    /// The workspace's contact list matched to these units, when it has one: the 催报 list calls
    /// these people first. Not part of the plan file.
    #[serde(skip)]
    pub contacts: Option<Arc<UnitContacts>>,
    /// The 版头 and 版记 fields of the documents the centre issues.
    pub documents: DocumentFrames,
    /// Standing campaigns (专项行动) the desk starts and stops outside the warnings, in file
    /// order.
    pub campaigns: Vec<CampaignPlan>,
}

/// A standing campaign (专项行动: the Spring Festival fireworks ban, 散煤清零, …): weeks of
/// measures on the warnings' checklist engine, with its own units and reporting, started and
/// stopped by the desk and able to run beside a warning (`[campaigns.<id>]` in the plan).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CampaignPlan {
    /// The plan's id of the campaign (`fireworks`), what the desk and the CLI name it by.
    pub id: String,
    /// Its Chinese name, as notices write it.
    pub name: String,
    /// Its English name, when the plan gives one.
    pub name_en: Option<String>,
    /// Who signs its start and stop (审签).
    pub approver: String,
    /// Measures, in plan order; deadlines are hours after the campaign starts and
    /// each measure's `reporting` (or `report_every_hours`) is its units' reporting cycle.
    pub measures: Vec<Measure>,
}

/// The plan's `[reduction]` section.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct ReductionPlan {
    /// The whole-society emission base (应急减排基数) per pollutant, kg/d; `None` where the plan
    /// gives none.
    pub base: Base,
    /// Staggered-production rules (错峰生产).
    pub staggered: Vec<StaggeredRule>,
}

impl Plan {
    /// The plan's entry for `level`, if it defines that level.
    pub fn level(&self, level: Level) -> Option<&LevelPlan> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The campaign with plan id `id`.
    pub fn campaign(&self, id: &str) -> Option<&CampaignPlan> {
        self.campaigns.iter().find(|c| c.id == id)
    }

    /// The mildest coloured warning level the plan defines (yellow in 2024-era plans).
    pub fn lowest_warning(&self) -> Option<&LevelPlan> {
        self.levels.iter().find(|l| l.level.is_warning())
    }

    /// Every measure of a level that names `unit` among its responsible units.
    pub fn measures_of_unit(&self, level: Level, unit: &str) -> Vec<&Measure> {
        self.level(level)
            .map(|l| {
                l.measures
                    .iter()
                    .filter(|m| m.units.iter().any(|u| u == unit))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// What the plan is and where it applies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlanInfo {
    /// Plan title, e.g. "某某县重污染天气应急预案（2024年修订）".
    pub name: String,
    /// Administrative area the plan covers, used in notices.
    pub area: String,
    /// Version or revision date of the plan.
    pub version: String,
    /// Legal/guidance basis, e.g. "环大气〔2024〕6号".
    pub basis: String,
}

/// Which point of a forecast AQI range a day is judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RangePoint {
    /// The upper bound (范围上限).
    Upper,
    /// The midpoint of the range.
    Mid,
    /// The lower bound.
    Lower,
}

impl RangePoint {
    /// The value of a range at this point.
    pub fn pick(self, min: f32, max: f32) -> f32 {
        match self {
            RangePoint::Upper => max,
            RangePoint::Mid => (min + max) / 2.0,
            RangePoint::Lower => min,
        }
    }
}

/// How an episode that passes through several levels is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EpisodeLevel {
    /// The whole episode at its strictest level, from its first day (the reading of the 2017 rule
    /// that merged episodes start "at the stricter level").
    Max,
    /// Each stretch at its own level: issue the first stage, upgrade when the next one begins.
    Staged,
}

/// How a forecast AQI range becomes the one value a day is judged by.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RangeRule {
    /// The point used normally.
    pub normal: RangePoint,
    /// The point used for days of a long heavy episode ("≥ 3 days of heavy pollution may occur
    /// → judge by the upper bound").
    pub long_episode: RangePoint,
    /// Days of possible heavy pollution (upper bound above `long_episode_above`) that make a long
    /// episode.
    pub long_episode_days: u32,
    /// AQI above which a day "may be heavily polluted" (judged on the upper bound).
    pub long_episode_above: f32,
}

/// The measured-AQI trigger: heavy pollution already measured and no clear improvement forecast
/// soon → issue at once, whatever the lead time.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NowcastRule {
    /// Whether the rule applies.
    pub enabled: bool,
    /// Measured hourly area AQI above which pollution counts as heavy.
    pub above: f32,
    /// How many latest hourly values must all be above `above`.
    pub hours: u32,
    /// The forecast horizon (hours from now) that must show no clear improvement.
    pub no_improvement_hours: u32,
    /// A forecast day at or below this value counts as a clear improvement.
    pub improvement_at_most: f32,
}

/// When an active warning may be lifted.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LiftRule {
    /// Forecast below the lowest warning's conditions for more than this many hours → lift.
    /// Also the longest gap that still joins two episodes into one.
    pub below_hours: u32,
    /// The latest measured hourly area AQI must be at most this (air quality has improved).
    pub observed_at_most: f32,
}

/// When an active warning may be paused (and restarted) across a short clean spell.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PauseRule {
    /// Whether pausing is offered.
    pub enabled: bool,
    /// The clean spell must last at least this many hours.
    pub min_hours: u32,
}

/// Which episodes take the health-advisory path instead of a coloured warning.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AdvisoryRule {
    /// Primary pollutants (or causes) whose episodes get health advisories and stronger routine
    /// supervision rather than a coloured warning (2024 rules: O3, sand and dust).
    pub causes: Vec<PrimaryPollutant>,
}

/// The rules that turn forecasts and measurements into a level, a start time and an end.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rules {
    /// Issue at least this many hours before the episode starts.
    pub lead_time_hours: u32,
    /// Whether measured days just before today count towards the durations of an episode that
    /// is still going on.
    pub count_observed_days: bool,
    /// Strictest level for the whole episode, or staged.
    pub episode_level: EpisodeLevel,
    /// Forecast ranges.
    pub forecast_range: RangeRule,
    /// Measured-AQI trigger.
    pub nowcast: NowcastRule,
    /// Lifting (and joining episodes).
    pub lift: LiftRule,
    /// Pausing.
    pub pause: PauseRule,
    /// Advisory path.
    pub advisory: AdvisoryRule,
    /// How far an evidence photo may stray (`[rules.photo]`, optional).
    pub photo: PhotoRules,
}

/// How far an evidence photo may stray from its item before the item warns (`[rules.photo]`):
/// centres differ in how strict they are, so both bounds are the plan's.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PhotoRules {
    /// Slack around the item's window, hours (cameras' clocks drift, a report comes after the
    /// photo): `time_slack_hours`.
    pub slack_hours: f64,
    /// Farthest a photo may be taken from the unit's or enterprise's location, km: `max_km`.
    pub max_km: f64,
}

impl PhotoRules {
    /// The largest `time_slack_hours` a plan may set: three days, beyond which the window says
    /// nothing.
    pub const MAX_SLACK_HOURS: f64 = 72.0;
    /// The largest `max_km` a plan may set: a county is rarely 100 km across.
    pub const MAX_KM: f64 = 100.0;

    /// The slack as a duration (to the second).
    pub fn slack(&self) -> chrono::Duration {
        chrono::Duration::seconds((self.slack_hours * 3600.0).round() as i64)
    }
}

impl Default for PhotoRules {
    /// One hour of slack and 3 km: a county's enterprises and sites lie kilometres apart, and a
    /// phone's GPS is good to tens of metres outdoors.
    fn default() -> Self {
        PhotoRules {
            slack_hours: 1.0,
            max_km: 3.0,
        }
    }
}

/// One condition of a trigger: daily AQI above a threshold for at least so many hours.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Condition {
    /// The AQI threshold.
    pub threshold: f32,
    /// `true` for "at least" (≥), `false` for "above" (>).
    pub inclusive: bool,
    /// Required duration in hours (a multiple of 24: forecasts are daily).
    pub hours: u32,
}

impl Condition {
    /// Whether a daily value meets the threshold.
    pub fn holds(&self, value: f32) -> bool {
        if self.inclusive {
            value >= self.threshold
        } else {
            value > self.threshold
        }
    }

    /// Required consecutive days.
    pub fn days(&self) -> usize {
        (self.hours / 24) as usize
    }

    /// The threshold as people write it: `>200` or `≥500`.
    pub fn threshold_text(&self) -> String {
        let op = if self.inclusive { "≥" } else { ">" };
        format!("{op}{}", self.threshold)
    }

    /// Whether meeting `self` always means meeting `other` too (stricter or equal threshold and
    /// at least as long).
    pub fn implies(&self, other: &Condition) -> bool {
        let stricter = self.threshold > other.threshold
            || (self.threshold == other.threshold && (other.inclusive || !self.inclusive));
        stricter && self.hours >= other.hours
    }
}

/// One way a level can be reached: all its conditions together.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Trigger {
    /// The plan's own wording of the trigger, shown with the reasons (may be empty).
    pub text: String,
    /// All must hold. The first is the base: the one with the lowest threshold.
    pub conditions: Vec<Condition>,
    /// Whether the stricter conditions must lie inside the base condition's run (the natural
    /// reading of "> 200 for 72 h and > 300 for 24 h"); otherwise anywhere in the horizon.
    pub same_run: bool,
    /// Line of the trigger in the plan file, for messages.
    pub line: usize,
}

impl Trigger {
    /// The condition with the lowest threshold, whose run is the episode (`None` only for a
    /// trigger built by hand without conditions; loaded plans always have one).
    pub fn base(&self) -> Option<&Condition> {
        self.conditions.first()
    }

    /// Whether this trigger holding always means `other` holds too.
    pub fn implies(&self, other: &Trigger) -> bool {
        let (Some(own_base), Some(other_base)) = (self.base(), other.base()) else {
            return false;
        };
        let each_implied = other
            .conditions
            .iter()
            .all(|c2| self.conditions.iter().any(|c1| c1.implies(c2)));
        // With `same_run`, `other` needs its conditions inside one run of its base; ours lie
        // inside one run of our base, which sits inside a run of `other`'s base only when ours
        // has the stricter threshold and we keep our conditions together.
        let runs_nest = !other.same_run
            || (self.same_run
                && own_base.implies(&Condition {
                    hours: 0,
                    ..other_base.clone()
                }));
        each_implied && runs_nest
    }
}

/// Categories of measures, as plans group them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MeasureCategory {
    /// Listed industrial enterprises by performance grade, and staggered production.
    Industry,
    /// Construction and road dust.
    ConstructionDust,
    /// Vehicles, trucks, non-road machinery, staggered transport.
    Transport,
    /// Loose coal burning (散煤).
    LooseCoal,
    /// Fireworks, open burning, open-air barbecue.
    OpenBurning,
    /// Kindergartens and schools.
    Schools,
    /// Health advice to the public.
    Health,
    /// Publicity and information release.
    Publicity,
    /// Supervision and inspection.
    Supervision,
    /// Anything else (weather modification, street washing, …).
    Other,
}

/// The kinds of evidence a unit sends back for a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// A written report (落实情况报告).
    Report,
    /// A list of the enterprises, sites or vehicles concerned (清单).
    List,
    /// Photographs.
    Photo,
    /// Ledger records (台账).
    Ledger,
    /// Monitoring data: online monitoring, electricity use, gate records (在线监测、用电、门禁).
    Monitoring,
    /// Inspection records (检查记录).
    Inspection,
}

/// One measure of one level.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Measure {
    /// Stable id (unique in the plan), referenced by checklists and the journal.
    pub id: String,
    /// Category the plan groups it under.
    pub category: MeasureCategory,
    /// For industry measures: the performance grade it applies to.
    pub grade: Option<Grade>,
    /// Whether this is a staggered production / staggered transport measure.
    pub staggered: bool,
    /// What must be done, as written in the plan.
    pub text: String,
    /// Responsible units (ids in the unit tree), the lead unit first.
    pub units: Vec<String>,
    /// Hours after activation by which it must be in place (0 = at activation).
    pub deadline_hours: u32,
    /// What the unit must report back.
    pub feedback: String,
    /// Kinds of evidence expected.
    pub evidence: Vec<Evidence>,
    /// The measure's own reporting cycle (`reporting`, or the older `report_every_hours`),
    /// before the level's unit overrides and default.
    pub reporting: Option<ReportingCycle>,
}

/// A level as the plan defines it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LevelPlan {
    /// Which level.
    pub level: Level,
    /// The plan's own Chinese name of the level (黄色预警), when it words it (else the standard
    /// name, from the translation table).
    pub name: Option<String>,
    /// The plan's own English name, when it words it.
    pub name_en: Option<String>,
    /// The response it starts (Ⅲ级应急响应); empty for the temporary band.
    pub response: String,
    /// Display colour, `#RRGGBB`.
    pub colour: String,
    /// Who signs the notice (审签).
    pub approver: String,
    /// Required reduction of whole-society emissions, percent, if the plan states one.
    pub reduction_percent: Option<u32>,
    /// Any one of these reaches the level.
    pub triggers: Vec<Trigger>,
    /// Measures, in plan order.
    pub measures: Vec<Measure>,
    /// How units report during this level unless a unit or measure says otherwise
    /// (`reporting`); `None` when the plan states no cycle.
    pub reporting: Option<ReportingCycle>,
    /// Units whose cycle at this level differs from the level's (`reporting_units`).
    pub reporting_units: BTreeMap<String, ReportingCycle>,
}

impl LevelPlan {
    /// The reporting cycle of `unit` for `measure` at this level: the measure's own, else the
    /// unit's at this level, else the level's.
    pub fn cycle(&self, measure: Option<&Measure>, unit: &str) -> Option<ReportingCycle> {
        measure
            .and_then(|m| m.reporting)
            .or_else(|| self.reporting_units.get(unit).copied())
            .or(self.reporting)
    }
}

/// Notice templates (see [`TemplateKind`] for the placeholders each may use).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Templates {
    /// 预警通知.
    pub warning: String,
    /// Per-unit notification.
    pub unit: String,
    /// Upgrade/downgrade notice.
    pub adjust: String,
    /// Pause notice.
    pub pause: String,
    /// Resume notice.
    pub resume: String,
    /// Lifting notice.
    pub lift: String,
    /// Campaign start notice.
    pub campaign_start: String,
    /// Campaign end notice.
    pub campaign_stop: String,
}

impl Templates {
    /// The template of one kind.
    pub fn get(&self, kind: TemplateKind) -> &str {
        match kind {
            TemplateKind::Warning => &self.warning,
            TemplateKind::Unit => &self.unit,
            TemplateKind::Adjust => &self.adjust,
            TemplateKind::Pause => &self.pause,
            TemplateKind::Resume => &self.resume,
            TemplateKind::Lift => &self.lift,
            TemplateKind::CampaignStart => &self.campaign_start,
            TemplateKind::CampaignStop => &self.campaign_stop,
        }
    }
}
