//! What can be wrong with a plan file, as data: the loader decides, `crate::i18n` words it in the
//! user's language (the file's keys such as `[[levels.blue.triggers]]` stay as written).

use crate::domain::reduction::Pollutant;

use super::{Condition, Level, TemplateError, TemplateKind};

/// One thing wrong with a plan file, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanProblem {
    /// 1-based line, when the problem sits somewhere in the file.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub reason: PlanReason,
}

/// Why a plan file cannot be used, with the ids, numbers and keys the officer needs to fix it.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanReason {
    /// Not valid TOML, or a field of the wrong type or name; the TOML reader's own words.
    Syntax {
        /// What the reader said.
        detail: String,
    },
    /// `[plan] name` is empty.
    NameEmpty,
    /// A `[[units]]` entry with an empty id.
    UnitIdEmpty,
    /// Two units with one id.
    UnitIdTwice {
        /// The id.
        id: String,
        /// Line of its first use.
        first: usize,
    },
    /// A unit's parent that no `[[units]]` entry defines.
    UnknownParent {
        /// The parent named.
        parent: String,
        /// The unit naming it.
        unit: String,
    },
    /// A unit on a cycle of parents.
    OwnAncestor {
        /// The unit.
        unit: String,
    },
    /// A village or grid without a parent.
    NeedsParent {
        /// The unit.
        unit: String,
        /// A grid (else a village).
        grid: bool,
    },
    /// A unit's `location` that is not [latitude, longitude] in degrees.
    UnitLocation {
        /// The unit.
        unit: String,
        /// The first number written.
        lat: f64,
        /// The second number written.
        lon: f64,
    },
    /// A `[rules]` value out of its range.
    Rule(RuleProblem),
    /// A condition with neither or both of `above` and `at_least`.
    ConditionBound,
    /// A threshold that is no daily AQI.
    ThresholdNotAqi {
        /// The threshold written.
        threshold: f64,
    },
    /// `hours` that are not whole days up to 15.
    HoursNotDays {
        /// The hours written.
        hours: u32,
    },
    /// A trigger without conditions.
    TriggerEmpty,
    /// Two conditions of one trigger on the same threshold.
    SameThreshold,
    /// A `[levels.x]` key that names no level.
    UnknownLevel {
        /// The key written.
        key: String,
    },
    /// A colour not written `#RRGGBB`.
    Colour {
        /// The colour written.
        colour: String,
    },
    /// `reduction_percent` above 100.
    ReductionPercent,
    /// A level without triggers.
    NoTriggers(Level),
    /// A warning level without measures.
    NoMeasures(Level),
    /// Two triggers of one level meaning the same.
    DuplicateTrigger(Level),
    /// No blue, yellow, orange or red level.
    NoWarningLevel,
    /// A milder level's trigger always meets a stricter level's, so it can never call the milder.
    Overlap {
        /// The milder level.
        mild: Level,
        /// Its trigger's conditions.
        mild_trigger: Vec<Condition>,
        /// The stricter level.
        strict: Level,
        /// The stricter trigger's conditions.
        strict_trigger: Vec<Condition>,
        /// The stricter trigger's line.
        strict_line: usize,
    },
    /// A measure with an empty id.
    MeasureIdEmpty,
    /// Two measures with one id.
    MeasureIdTwice {
        /// The id.
        id: String,
        /// Line of its first use.
        first: usize,
    },
    /// A measure naming no responsible unit.
    MeasureNoUnit {
        /// The measure.
        measure: String,
    },
    /// A measure naming a unit no `[[units]]` entry defines.
    MeasureUnknownUnit {
        /// The unit named.
        unit: String,
        /// The measure.
        measure: String,
    },
    /// A performance grade on a measure that is not an industry measure.
    GradeOutsideIndustry {
        /// The measure.
        measure: String,
    },
    /// A measure giving both `reporting` and `report_every_hours`.
    ReportingTwice {
        /// The measure.
        measure: String,
    },
    /// A reporting cycle that is not one.
    Cycle {
        /// The text as written.
        text: String,
    },
    /// A unit in `reporting_units` that no `[[units]]` entry defines.
    CycleUnknownUnit {
        /// The unit named.
        unit: String,
    },
    /// A measure without text.
    MeasureNoText {
        /// The measure.
        measure: String,
    },
    /// A measure that does not say what feedback it requires.
    MeasureNoFeedback {
        /// The measure.
        measure: String,
    },
    /// A negative or non-finite `[reduction] base` emission.
    BaseEmission {
        /// The pollutant.
        pollutant: Pollutant,
        /// The value written.
        value: f64,
    },
    /// A `[[reduction.staggered]]` day not written MM-DD.
    StaggeredDay {
        /// The day written.
        day: String,
    },
    /// A `[[reduction.staggered]]` rule naming no industry.
    StaggeredNoIndustry,
    /// A `[[reduction.staggered]]` rule without text.
    StaggeredNoText,
    /// A template still holding the document's frame, now written from `[documents]`.
    TemplateFrame(TemplateKind),
    /// A placeholder the template's notice does not provide.
    Placeholder {
        /// The template.
        kind: TemplateKind,
        /// The placeholder name.
        name: String,
    },
    /// A template that does not parse.
    Template {
        /// The template.
        kind: TemplateKind,
        /// Why.
        error: TemplateError,
    },
    /// A `[campaigns.x]` table without a name.
    CampaignNoName {
        /// The campaign's key.
        campaign: String,
    },
    /// A `[campaigns.x]` table without measures.
    CampaignNoMeasures {
        /// The campaign's key.
        campaign: String,
    },
    /// A `[documents.x]` key that names no document.
    UnknownDocument {
        /// The key written.
        key: String,
    },
}

/// A `[rules]` value out of its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleProblem {
    /// `lead_time_hours` above 240.
    LeadTime,
    /// `forecast_range.long_episode_days` of 0.
    LongEpisodeDays,
    /// `forecast_range.long_episode_above` not an AQI.
    LongEpisodeAbove,
    /// `nowcast.above` or `nowcast.improvement_at_most` not an AQI.
    NowcastAqi,
    /// `nowcast.hours` or `nowcast.no_improvement_hours` of 0.
    NowcastHours,
    /// `lift.below_hours` of 0.
    LiftHours,
    /// `lift.observed_at_most` not an AQI.
    LiftAqi,
    /// `pause.min_hours` of 0.
    PauseHours,
    /// `photo.time_slack_hours` negative, not a number or above [`super::PhotoRules::MAX_SLACK_HOURS`].
    PhotoSlack,
    /// `photo.max_km` not above 0, not a number or above [`super::PhotoRules::MAX_KM`].
    PhotoDistance,
}
