//! Why the advisor says what it says, as data with its numbers: the interface words each
//! reason in the user's language (`crate::i18n`), the CLI prints both, a consultation record
//! keeps the Chinese. Times are local (the input's offset); levels are worded by the plan.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::plan::{Level, RangePoint};

use super::{PrimaryPollutant, WeatherWindow};

/// A local moment of a reason.
pub type Local = DateTime<FixedOffset>;

/// What a recommended step is called in the lead-time reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// Issue a warning.
    Issue,
    /// Raise the warning in force.
    Upgrade,
    /// Resume a paused warning.
    Resume,
}

/// Where the daily values of a met trigger come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// All forecast.
    Forecast,
    /// All measured.
    Measured,
    /// Some measured, some forecast.
    Both,
}

/// One condition of a trigger as it was met: its threshold over a run of days.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MetCondition {
    /// The threshold as the plan writes it (`>200`, `≥300`).
    pub threshold: String,
    /// First and last day of the run.
    pub days: (NaiveDate, NaiveDate),
    /// Its length in hours, when it runs over more than one day.
    pub hours: Option<usize>,
}

/// One reason, most important first in [`super::Advice::reasons`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    /// The warning in force follows a city's or region's warning: the level is held at least at
    /// that level (DOMAIN.md §2.7).
    FollowsRegional {
        /// Who issued it.
        source: String,
        /// Its level.
        level: Level,
    },
    /// No forecast for today or later.
    NoForecastAhead,
    /// Forecast days too far ahead were ignored.
    BeyondHorizon {
        /// How many.
        count: usize,
        /// The horizon, days.
        max_days: u64,
    },
    /// The forecast is older than a day.
    StaleForecast {
        /// When it was issued.
        issued: Local,
        /// The age limit, hours.
        hours: i64,
    },
    /// A trigger of the plan met: its conditions, the level, the plan's own wording of it.
    Trigger {
        /// Measured, forecast or both.
        basis: Basis,
        /// The conditions as met, in the plan's order.
        conditions: Vec<MetCondition>,
        /// The level it calls for.
        level: Level,
        /// The plan's text of the trigger (Chinese; may be empty).
        plan_text: String,
    },
    /// The lead time the plan asks for, and whether it can still be met.
    LeadTime {
        /// What is to be done.
        step: Step,
        /// Hours ahead.
        hours: i64,
        /// The latest moment to do it.
        by: Local,
        /// It can no longer be met.
        late: bool,
    },
    /// Measured heavy pollution and no improvement forecast: issue at once.
    Nowcast {
        /// For how many hours.
        hours: u32,
        /// Above which AQI.
        above: f32,
        /// The latest measurement's time and value.
        at: Local,
        /// Its value.
        value: f32,
        /// Hours ahead without a clear improvement.
        no_improvement_hours: u32,
    },
    /// Measured heavy pollution, but not enough to issue at once.
    MeasuredHeavy {
        /// The latest measurement's time.
        at: Local,
        /// Its value.
        value: f32,
        /// A clear improvement is forecast (else: no forecast to tell).
        improving: bool,
    },
    /// A staged plan: the stricter stage to come.
    UpgradeLater {
        /// From when.
        date: NaiveDate,
        /// Its level.
        level: Level,
    },
    /// The plan starts an episode at its strictest level.
    StartsAtStrictest {
        /// The episode's first day.
        date: NaiveDate,
        /// The level.
        level: Level,
    },
    /// Episodes too close to lift between them count as one.
    JoinedEpisodes {
        /// First and last day.
        days: (NaiveDate, NaiveDate),
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// A long episode: forecast ranges read at another point.
    LongEpisodeRange {
        /// First and last day.
        days: (NaiveDate, NaiveDate),
        /// How many days make a long episode.
        min_days: u32,
        /// Above which upper bound.
        above: f32,
        /// The point of the range read.
        point: RangePoint,
    },
    /// How the other forecast ranges were read.
    OtherDaysRange {
        /// The point of the range read.
        point: RangePoint,
    },
    /// Days reaching a warning on AQI alone but O3- or dust-driven.
    AdvisoryDays {
        /// First and last day.
        days: (NaiveDate, NaiveDate),
    },
    /// An O3- or dust-driven episode: health advisories, no coloured warning.
    AdvisoryEpisode {
        /// First and last day.
        days: (NaiveDate, NaiveDate),
        /// Its primary pollutants.
        causes: Vec<PrimaryPollutant>,
        /// The lowest warning level of the plan.
        lowest: Level,
        /// The level the AQI alone would mean.
        level: Level,
    },
    /// An unfavourable-weather window within the period.
    Window {
        /// Its first hour, local.
        from: Local,
        /// The first hour after it, local.
        to: Local,
        /// What held in it.
        window: WeatherWindow,
    },
    /// Another episode later in the forecast, to judge then.
    AnotherEpisodeLater {
        /// From when.
        date: NaiveDate,
        /// Its level.
        level: Level,
    },
    /// The episode runs to the end of the forecast.
    UnendedAtForecastEnd {
        /// The last forecast day.
        last: NaiveDate,
    },
    /// Lifting can be expected when the episode ends.
    LiftExpected {
        /// From when.
        at: Local,
        /// The lowest warning level.
        lowest: Level,
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// The forecast does not reach far enough to say when to lift.
    LiftUndecided {
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// Below the lowest warning: temporary measures possible.
    TemporaryPossible {
        /// The lowest warning level.
        lowest: Level,
    },
    /// Nothing reached over the forecast.
    NothingForecast {
        /// First and last forecast day.
        days: (NaiveDate, NaiveDate),
    },
    /// A stricter level is forecast than the one in force.
    UpgradeForecast {
        /// The level in force.
        from: Level,
        /// The level forecast.
        to: Level,
    },
    /// The level in force is no longer forecast.
    DowngradeTo {
        /// The level in force.
        from: Level,
        /// The level forecast.
        to: Level,
    },
    /// The level in force is still forecast.
    KeepInForce {
        /// The level.
        level: Level,
        /// Since when.
        since: Local,
    },
    /// The latest measurement against the lifting limit.
    Measured {
        /// Its value.
        value: f32,
        /// Its time.
        at: Local,
        /// The limit.
        limit: f32,
    },
    /// No recent measurement.
    NoRecentMeasurement,
    /// The forecast allows lifting.
    LiftPossible {
        /// The level in force.
        level: Level,
        /// The lowest warning level.
        lowest: Level,
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// Warning conditions may return after lifting.
    ReturnsLater {
        /// From when.
        date: NaiveDate,
        /// Their level.
        level: Level,
    },
    /// The forecast is below long enough …
    ForecastBelow {
        /// The lowest warning level.
        lowest: Level,
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// … but measurements have not improved: keep.
    KeepUntilMeasuredImproves {
        /// The level in force.
        level: Level,
    },
    /// The forecast does not confirm a long enough clean spell: keep.
    KeepUnconfirmed {
        /// The level in force.
        level: Level,
        /// The lowest warning level.
        lowest: Level,
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// A clean spell too short to lift: pause and resume.
    PauseSpell {
        /// The lowest warning level.
        lowest: Level,
        /// Its length, hours.
        hours: i64,
        /// When warning conditions return.
        resume: Local,
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// Clean today, but warning conditions return too soon: keep.
    KeepThroughGap {
        /// The level in force.
        level: Level,
        /// The lowest warning level.
        lowest: Level,
        /// When warning conditions return.
        resume: Option<Local>,
        /// The lift duration, hours.
        below_hours: u32,
    },
    /// A clean spell ahead within the episode where the response could be paused.
    FuturePause {
        /// First and last day.
        days: (NaiveDate, NaiveDate),
    },
    /// A paused warning's conditions are forecast again: resume.
    ResumeForecast {
        /// The level paused.
        level: Level,
        /// Since when.
        since: Local,
        /// The level to resume at.
        to: Level,
    },
}
