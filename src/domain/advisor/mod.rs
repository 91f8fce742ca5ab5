//! The level advisor: from an AQI forecast, measured AQI, unfavourable-weather windows and the
//! current warning state, which level the plan calls for, from when, until when, and why — the
//! reasons as data with their numbers ([`Reason`]), worded by the interface (`crate::i18n`). For
//! an active warning: upgrade, downgrade, keep, pause or lift.
//!
//! Every threshold and duration comes from the [`Plan`]; nothing here knows "200" or "36 h".
//! Pure: the current time is an argument.
//!
//! Days are local calendar days, because AQI forecasts are issued per day; a duration of
//! "72 hours" is three consecutive days. The national wording ("daily" = any 24 consecutive hours,
//! may cross midnight) matters for measured hourly data, which enters through the nowcast
//! trigger. Measured days before today may lengthen a run that continues into today (plan option
//! `count_observed_days`), but a condition met only in the past never raises the level now.

mod days;
mod episodes;
mod forecast;
mod reason;

#[cfg(test)]
mod tests;

pub use days::{DaySource, JudgedDay};
pub use forecast::{ForecastDay, PrimaryPollutant};
pub use reason::{Basis, Local, MetCondition, Reason, Step};

use chrono::NaiveDate;

use crate::domain::plan::{EpisodeLevel, Level, Plan};
use crate::domain::windows::Condition;
use crate::store::Hour;

use days::DaySeries;
use episodes::{Episode, Match, Span, StageSpan};

/// Measured values older than this (hours before `at`) are not "the current situation".
const MAX_OBSERVATION_AGE_HOURS: i64 = 3;

/// A forecast issued longer ago than this is pointed out: forecasts are published daily
/// (HJ 633: before 20:00), so an older one has been superseded.
const STALE_FORECAST_HOURS: i64 = 24;

/// An unfavourable-weather window as the advisor needs it (the windows module's type is mapped
/// into this by the caller).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WeatherWindow {
    /// First hour of the window.
    pub start: Hour,
    /// First hour after the window.
    pub end: Hour,
    /// The conditions that held (静稳、高湿、逆温).
    pub held: Vec<Condition>,
    /// The conditions that could not be judged (no data).
    pub not_judged: Vec<Condition>,
}

impl From<&crate::domain::windows::Window> for WeatherWindow {
    fn from(w: &crate::domain::windows::Window) -> Self {
        WeatherWindow {
            start: w.start,
            end: w.end,
            held: w.dominant(),
            not_judged: w.not_judged.clone(),
        }
    }
}

/// The warning currently in force, from the response journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum WarningState {
    /// No warning in force.
    None,
    /// A warning in force at `level` since `since`.
    Active {
        /// The level in force.
        level: Level,
        /// When it took effect.
        since: Hour,
    },
    /// A warning paused at `level` since `since` (may be resumed or lifted).
    Paused {
        /// The level that was in force.
        level: Level,
        /// When it was paused.
        since: Hour,
    },
}

/// Everything the advisor looks at. Plain data, so the UI, the CLI and tests can all fill it.
#[derive(Debug, Clone)]
pub struct AdvisorInput<'a> {
    /// The daily AQI forecast.
    pub forecast: &'a [ForecastDay],
    /// When the forecast was issued, if known (a stale forecast is pointed out).
    pub issued: Option<Hour>,
    /// Measured hourly area AQI, on the store's hour grid.
    pub observed_hourly: &'a [(Hour, f32)],
    /// Measured daily area AQI by local day.
    pub observed_daily: &'a [(NaiveDate, f32)],
    /// Unfavourable-weather windows.
    pub windows: &'a [WeatherWindow],
    /// The warning in force.
    pub state: WarningState,
    /// Now (the hour containing the present moment).
    pub at: Hour,
    /// The local UTC offset in seconds (Beijing time: 28 800).
    pub utc_offset_s: i32,
}

/// What the duty officer should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Nothing to issue.
    None,
    /// Below the warning levels: temporary measures are possible if deployed from above.
    Temporary,
    /// O3- or dust-driven: health advisories and stronger routine supervision, no coloured warning.
    Advisory,
    /// Issue a warning.
    Issue,
    /// Raise the warning in force.
    Upgrade,
    /// Lower the warning in force.
    Downgrade,
    /// Keep the warning in force (or the pause) as it is.
    Keep,
    /// Pause the warning in force across a short clean spell.
    Pause,
    /// Restart a paused warning.
    Resume,
    /// Lift the warning.
    Lift,
}

/// A stretch of the episode at one level (staged plans issue the first and upgrade later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Stage {
    /// Level of the stretch.
    pub level: Level,
    /// First hour.
    pub start: Hour,
    /// First hour after.
    pub end: Hour,
}

/// The advisor's answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Advice {
    /// The level the plan calls for.
    pub level: Level,
    /// What to do about it.
    pub action: Action,
    /// Whether the episode takes the advisory path (O3, dust).
    pub advisory: bool,
    /// For the advisory path: the level the AQI alone would call for.
    pub advisory_level: Option<Level>,
    /// When the level (or the action) takes effect.
    pub start: Option<Hour>,
    /// Expected end of the episode (first hour after it).
    pub end: Option<Hour>,
    /// Whether the episode runs to the end of the forecast, so the end is not known.
    pub end_open: bool,
    /// Latest time to issue so that the lead time is respected.
    pub issue_by: Option<Hour>,
    /// Whether the lead time can no longer be met.
    pub late: bool,
    /// Whether the measured-AQI trigger fired.
    pub nowcast: bool,
    /// Levels over the episode.
    pub stages: Vec<Stage>,
    /// The days as judged.
    pub days: Vec<JudgedDay>,
    /// Why, most important first.
    pub reasons: Vec<Reason>,
}

/// The result of evaluating one set of daily values against the plan.
struct Eval {
    matches: Vec<Match>,
    levels: Vec<Level>,
    episodes: Vec<Episode>,
}

/// What the measured values say about now.
struct NowcastCheck {
    /// The latest fresh measurement.
    latest: Option<(Hour, f32)>,
    /// The lowest of the last `hours` values, when all were above the nowcast threshold.
    heavy_min: Option<f32>,
    /// Whether the forecast shows a clear improvement within the horizon (`None`: cannot tell).
    improvement: Option<bool>,
    triggered: bool,
}

/// The working context of one run.
struct Ctx<'a> {
    plan: &'a Plan,
    input: &'a AdvisorInput<'a>,
    series: DaySeries,
    today: usize,
    min_warning: Level,
    gap_days: usize,
    full: Eval,
    fwd: Eval,
    adv: Eval,
    nowcast: NowcastCheck,
    reasons: Vec<Reason>,
}

/// Advise on the level the plan calls for.
pub fn advise(plan: &Plan, input: &AdvisorInput<'_>) -> Advice {
    let tz = input.utc_offset_s;
    let today = input.at.to_local(tz).date_naive();
    let lookback = plan
        .levels
        .iter()
        .flat_map(|l| &l.triggers)
        .flat_map(|t| &t.conditions)
        .map(|c| c.days())
        .max()
        .unwrap_or(1)
        .saturating_sub(1) as u64;
    let mut series = days::build(plan, input.forecast, input.observed_daily, today, lookback);
    let today_idx = series.index(today).unwrap_or(0);
    let mut reasons = Vec::new();
    stale_forecast(input, &series, today_idx, &mut reasons);
    let nowcast = check_nowcast(plan, input, &series, today);
    if nowcast.triggered
        && let Some(v) = nowcast.heavy_min
    {
        raise_today(&mut series, today_idx, v);
    }
    let min_warning = plan.lowest_warning().map_or(Level::Yellow, |l| l.level);
    let gap_days = (plan.rules.lift.below_hours / 24) as usize;
    let full_values = series.warning_values();
    let mut fwd_values = full_values.clone();
    for v in &mut fwd_values[..today_idx] {
        *v = None;
    }
    let evaluate = |values: &[Option<f32>]| {
        let matches = episodes::find_matches(plan, values, today_idx);
        let levels = episodes::day_levels(&matches, values.len());
        let episodes = episodes::episodes(&levels, min_warning, gap_days);
        Eval {
            matches,
            levels,
            episodes,
        }
    };
    let full = evaluate(&full_values);
    let fwd = evaluate(&fwd_values);
    let adv = evaluate(&series.advisory_values());
    for (i, day) in series.days.iter_mut().enumerate() {
        if let Some(d) = day {
            d.level = if d.advisory {
                adv.levels[i]
            } else {
                full.levels[i]
            };
        }
    }
    let mut ctx = Ctx {
        plan,
        input,
        series,
        today: today_idx,
        min_warning,
        gap_days,
        full,
        fwd,
        adv,
        nowcast,
        reasons,
    };
    let mut advice = match input.state {
        WarningState::None => ctx.no_warning(),
        WarningState::Active { level, since } => ctx.active(level, since),
        WarningState::Paused { level, since } => ctx.paused(level, since),
    };
    advice.days = ctx.series.days.iter().flatten().cloned().collect();
    advice.reasons = ctx.reasons;
    advice
}

/// Hold `advice` at least at the level of the city or regional warning the warning in force
/// follows (`level`, issued by `source`): a downgrade, lift or pause below it becomes a change to
/// that level or keeping the level, an issue below it is raised, with the reason first.
pub fn follow_regional(advice: &mut Advice, state: WarningState, level: Level, source: &str) {
    let held = advice.level < level
        || (matches!(
            advice.action,
            Action::Lift | Action::Pause | Action::Downgrade
        ) && current_level(state).is_some_and(|l| l <= level));
    if !held {
        return;
    }
    advice.level = advice.level.max(level);
    advice.action = match current_level(state) {
        None => Action::Issue,
        Some(l) if advice.level > l => Action::Upgrade,
        Some(l) if advice.level < l => Action::Downgrade,
        Some(_) => Action::Keep,
    };
    advice.reasons.insert(
        0,
        Reason::FollowsRegional {
            source: source.to_owned(),
            level,
        },
    );
}

fn current_level(state: WarningState) -> Option<Level> {
    match state {
        WarningState::None => None,
        WarningState::Active { level, .. } | WarningState::Paused { level, .. } => Some(level),
    }
}

/// Point out a forecast that is old or does not reach today.
fn stale_forecast(input: &AdvisorInput<'_>, series: &DaySeries, today: usize, r: &mut Vec<Reason>) {
    if series.days[today..].iter().all(Option::is_none) {
        r.push(Reason::NoForecastAhead);
    }
    if series.beyond_horizon > 0 {
        r.push(Reason::BeyondHorizon {
            count: series.beyond_horizon,
            max_days: days::MAX_HORIZON_DAYS,
        });
    }
    if let Some(issued) = input.issued
        && input.at - issued > STALE_FORECAST_HOURS
    {
        r.push(Reason::StaleForecast {
            issued: issued.to_local(input.utc_offset_s),
            hours: STALE_FORECAST_HOURS,
        });
    }
}

/// Today's value raised to what is being measured (nowcast trigger).
fn raise_today(series: &mut DaySeries, today: usize, measured: f32) {
    let date = series.date(today);
    match &mut series.days[today] {
        Some(d) if d.value >= measured => {}
        Some(d) => {
            d.value = measured;
            d.source = DaySource::Nowcast;
        }
        slot => {
            *slot = Some(JudgedDay {
                date,
                value: measured,
                source: DaySource::Nowcast,
                range: None,
                basis: None,
                primary: Vec::new(),
                advisory: false,
                level: Level::None,
            });
        }
    }
}

/// Measured heavy pollution and no clear improvement forecast soon?
fn check_nowcast(
    plan: &Plan,
    input: &AdvisorInput<'_>,
    series: &DaySeries,
    today: NaiveDate,
) -> NowcastCheck {
    let rule = &plan.rules.nowcast;
    let mut obs: Vec<(Hour, f32)> = input
        .observed_hourly
        .iter()
        .copied()
        .filter(|(h, v)| *h <= input.at && v.is_finite())
        .collect();
    obs.sort_by_key(|(h, _)| *h);
    let latest = obs
        .last()
        .copied()
        .filter(|(h, _)| input.at - *h <= MAX_OBSERVATION_AGE_HOURS);
    let heavy_min = latest.and_then(|(last, _)| {
        let from = last - (i64::from(rule.hours) - 1);
        let recent: Vec<f32> = obs
            .iter()
            .filter(|(h, _)| *h >= from)
            .map(|(_, v)| *v)
            .collect();
        (recent.len() == rule.hours as usize && recent.iter().all(|&v| v > rule.above))
            .then(|| recent.iter().copied().fold(f32::INFINITY, f32::min))
    });
    let tz = input.utc_offset_s;
    let horizon_end = input.at + i64::from(rule.no_improvement_hours);
    let last_date = horizon_end.to_local(tz).date_naive();
    let mut improvement = Some(false);
    for date in today.iter_days().take_while(|d| *d <= last_date) {
        let day = series
            .index(date)
            .and_then(|i| series.days[i].as_ref())
            .filter(|d| d.source == DaySource::Forecast);
        match day {
            Some(d) if d.value <= rule.improvement_at_most => improvement = Some(true),
            Some(_) => {}
            None => {
                // No forecast for part of the horizon: an unfavourable-weather window covering
                // the whole horizon still says "no improvement".
                let covered = input
                    .windows
                    .iter()
                    .any(|w| w.start <= input.at && w.end >= horizon_end);
                if !covered && improvement == Some(false) {
                    improvement = None;
                }
            }
        }
    }
    let triggered = rule.enabled && heavy_min.is_some() && improvement == Some(false);
    NowcastCheck {
        latest,
        heavy_min,
        improvement,
        triggered,
    }
}

impl Ctx<'_> {
    fn tz(&self) -> i32 {
        self.input.utc_offset_s
    }

    /// Local midnight starting day `i`.
    fn midnight(&self, i: usize) -> Hour {
        Hour::from_local_date_hour(self.series.date(i), 0, self.tz())
    }

    /// An hour in the input's local offset.
    fn local(&self, h: Hour) -> Local {
        h.to_local(self.tz())
    }

    /// The next whole hour: when something decided now takes effect.
    fn now(&self) -> Hour {
        self.input.at + 1
    }

    fn empty(&self, level: Level, action: Action) -> Advice {
        Advice {
            level,
            action,
            advisory: false,
            advisory_level: None,
            start: None,
            end: None,
            end_open: false,
            issue_by: None,
            late: false,
            nowcast: false,
            stages: Vec::new(),
            days: Vec::new(),
            reasons: Vec::new(),
        }
    }

    /// The stages the plan's episode rule makes of an episode.
    fn target_stages(&self, ep: &Episode) -> Vec<StageSpan> {
        match self.plan.rules.episode_level {
            EpisodeLevel::Max => vec![StageSpan {
                level: ep.level,
                span: ep.span,
            }],
            EpisodeLevel::Staged => ep.stages.clone(),
        }
    }

    /// The level in force on day `i` of an episode, under the plan's episode rule.
    fn level_at(&self, ep: &Episode, i: usize) -> Level {
        match self.plan.rules.episode_level {
            EpisodeLevel::Max => ep.level,
            EpisodeLevel::Staged => ep.stage_level_at(i),
        }
    }

    fn stages_out(&self, ep: &Episode) -> Vec<Stage> {
        self.target_stages(ep)
            .iter()
            .map(|s| Stage {
                level: s.level,
                start: self.midnight(s.span.first),
                end: self.midnight(s.span.last + 1),
            })
            .collect()
    }

    /// The episode that is going on or still to come.
    fn upcoming(eval: &Eval, today: usize) -> Option<&Episode> {
        eval.episodes.iter().find(|e| e.span.last >= today)
    }

    /// The episode that continues the warning in force: going on, or starting after a gap too
    /// short to lift.
    fn continuing(&self, eval_fwd: bool) -> Option<Episode> {
        let eval = if eval_fwd { &self.fwd } else { &self.full };
        eval.episodes
            .iter()
            .find(|e| e.span.last >= self.today && e.span.first <= self.today + self.gap_days)
            .cloned()
    }

    // ----- No warning in force -----------------------------------------------------------

    fn no_warning(&mut self) -> Advice {
        if let Some(ep) = Self::upcoming(&self.full, self.today).cloned() {
            return self.issue(&ep, Action::Issue);
        }
        if let Some(ep) = Self::upcoming(&self.adv, self.today).cloned() {
            return self.advisory(&ep);
        }
        if let Some(span) = self.temporary_span() {
            return self.temporary(span);
        }
        self.nothing()
    }

    /// Issue (or upgrade to, or resume at) the level an episode calls for.
    fn issue(&mut self, ep: &Episode, action: Action) -> Advice {
        let first_stage = ep.span.first.max(self.today);
        let level = self.level_at(ep, first_stage);
        let mut advice = self.empty(level, action);
        self.explain_episode(ep, level);
        let s = self.midnight(ep.span.first);
        self.set_timing(&mut advice, s, action);
        advice.end = Some(self.midnight(ep.span.last + 1));
        advice.end_open = ep.span.last + 1 == self.series.days.len();
        advice.stages = self.stages_out(ep);
        self.explain_end(ep);
        self.explain_later(ep);
        advice
    }

    /// Another warning episode after this one (separated by more than the lift duration).
    fn explain_later(&mut self, ep: &Episode) {
        let later = self
            .full
            .episodes
            .iter()
            .find(|e| e.span.first > ep.span.last)
            .map(|e| (e.span.first, e.level));
        if let Some((first, level)) = later {
            let date = self.series.date(first);
            self.reasons
                .push(Reason::AnotherEpisodeLater { date, level });
        }
    }

    /// Start, issue-by and lateness for something that should take effect at `s`.
    fn set_timing(&mut self, advice: &mut Advice, s: Hour, action: Action) {
        let lead = i64::from(self.plan.rules.lead_time_hours);
        let issue_by = s - lead;
        advice.start = Some(if s <= self.input.at { self.now() } else { s });
        advice.issue_by = Some(issue_by);
        let step = match action {
            Action::Upgrade => Step::Upgrade,
            Action::Resume => Step::Resume,
            _ => Step::Issue,
        };
        if self.nowcast.triggered
            && s <= self.input.at + i64::from(self.plan.rules.nowcast.no_improvement_hours)
        {
            advice.nowcast = true;
            advice.start = Some(self.now());
            self.explain_nowcast();
        } else {
            let late = self.input.at > issue_by;
            advice.late = late;
            self.reasons.push(Reason::LeadTime {
                step,
                hours: lead,
                by: self.local(issue_by),
                late,
            });
        }
    }

    fn explain_nowcast(&mut self) {
        let rule = &self.plan.rules.nowcast;
        let (Some((h, v)), Some(_)) = (self.nowcast.latest, self.nowcast.heavy_min) else {
            return;
        };
        let reason = Reason::Nowcast {
            hours: rule.hours,
            above: rule.above,
            at: self.local(h),
            value: v,
            no_improvement_hours: rule.no_improvement_hours,
        };
        self.reasons.push(reason);
    }

    /// Why the episode is at `level`: the triggers met, the range rule, joined episodes,
    /// advisory days left out, weather windows.
    fn explain_episode(&mut self, ep: &Episode, level: Level) {
        // At most three triggers met, so the reasons stay readable.
        let matches: Vec<Match> = self
            .full
            .matches
            .iter()
            .filter(|m| m.level == level && ep.span.contains(m.span.first))
            .take(3)
            .cloned()
            .collect();
        for m in &matches {
            self.reasons.extend(self.describe_match(m));
        }
        if self.plan.rules.episode_level == EpisodeLevel::Staged {
            if let Some(s) = ep.stages.iter().find(|s| s.level > level) {
                let date = self.series.date(s.span.first);
                self.reasons.push(Reason::UpgradeLater {
                    date,
                    level: s.level,
                });
            }
        } else if ep.stages.first().is_some_and(|s| s.level < ep.level) {
            let date = self.series.date(ep.span.first);
            self.reasons.push(Reason::StartsAtStrictest {
                date,
                level: ep.level,
            });
        }
        if ep.pieces > 1 {
            self.reasons.push(Reason::JoinedEpisodes {
                days: self.days(ep.span),
                below_hours: self.plan.rules.lift.below_hours,
            });
        }
        self.explain_ranges(ep.span);
        self.explain_advisory_days();
        self.explain_windows(
            self.midnight(ep.span.first),
            self.midnight(ep.span.last + 1),
        );
    }

    /// The first and last day of a span.
    fn days(&self, span: Span) -> (NaiveDate, NaiveDate) {
        (self.series.date(span.first), self.series.date(span.last))
    }

    /// A trigger met: "预测12月8日至10日日AQI>200持续72小时，且12月9日>300 → 红色预警".
    fn describe_match(&self, m: &Match) -> Option<Reason> {
        let trigger = self
            .plan
            .level(m.level)
            .and_then(|l| l.triggers.get(m.trigger))?;
        let sources: Vec<DaySource> = (m.span.first..=m.span.last)
            .filter_map(|i| self.series.days[i].as_ref().map(|d| d.source))
            .collect();
        let basis = if sources.iter().all(|s| *s == DaySource::Forecast) {
            Basis::Forecast
        } else if sources.iter().all(|s| *s == DaySource::Observed) {
            Basis::Measured
        } else {
            Basis::Both
        };
        let conditions = trigger
            .conditions
            .iter()
            .zip(&m.parts)
            .map(|(c, part)| MetCondition {
                threshold: c.threshold_text(),
                days: self.days(*part),
                hours: (part.len() > 1).then_some(part.len() * 24),
            })
            .collect();
        Some(Reason::Trigger {
            basis,
            conditions,
            level: m.level,
            plan_text: trigger.text.clone(),
        })
    }

    /// Say how forecast ranges were read inside `span`.
    fn explain_ranges(&mut self, span: Span) {
        let rule = &self.plan.rules.forecast_range;
        let days: Vec<&JudgedDay> = (span.first..=span.last)
            .filter_map(|i| self.series.days[i].as_ref())
            .filter(|d| d.range.is_some_and(|(a, b)| a != b))
            .collect();
        let long: Vec<&&JudgedDay> = days
            .iter()
            .filter(|d| d.basis == Some(rule.long_episode) && rule.long_episode != rule.normal)
            .collect();
        if let (Some(a), Some(b)) = (long.first(), long.last()) {
            let reason = Reason::LongEpisodeRange {
                days: (a.date, b.date),
                min_days: rule.long_episode_days,
                above: rule.long_episode_above,
                point: rule.long_episode,
            };
            self.reasons.push(reason);
        }
        if days.iter().any(|d| d.basis == Some(rule.normal)) {
            let point = rule.normal;
            self.reasons.push(Reason::OtherDaysRange { point });
        }
    }

    /// Days from today that reach a warning level on AQI alone but are O3- or dust-driven.
    fn explain_advisory_days(&mut self) {
        let adv: Vec<NaiveDate> = (self.today..self.series.days.len())
            .filter(|&i| self.adv.levels[i] >= self.min_warning)
            .map(|i| self.series.date(i))
            .collect();
        if let (Some(a), Some(b)) = (adv.first(), adv.last()) {
            self.reasons.push(Reason::AdvisoryDays { days: (*a, *b) });
        }
    }

    fn explain_windows(&mut self, from: Hour, to: Hour) {
        let windows = self
            .input
            .windows
            .iter()
            .filter(|w| w.start < to && w.end > from)
            .take(3)
            .map(|w| Reason::Window {
                from: self.local(w.start),
                to: self.local(w.end),
                window: w.clone(),
            })
            .collect::<Vec<_>>();
        self.reasons.extend(windows);
    }

    /// When the episode ends and whether lifting can be expected then.
    fn explain_end(&mut self, ep: &Episode) {
        let end = self.midnight(ep.span.last + 1);
        let below_hours = self.plan.rules.lift.below_hours;
        let reason = if ep.span.last + 1 == self.series.days.len() {
            Reason::UnendedAtForecastEnd {
                last: self.series.date(ep.span.last),
            }
        } else if self.clean_from(ep.span.last + 1, end) {
            Reason::LiftExpected {
                at: self.local(end),
                lowest: self.min_warning,
                below_hours,
            }
        } else {
            Reason::LiftUndecided { below_hours }
        };
        self.reasons.push(reason);
    }

    /// Whether, from hour `from` (within day `i`), the forecast stays below the lowest warning
    /// for more than the lift duration (every day touched known and below).
    fn clean_from(&self, i: usize, from: Hour) -> bool {
        let until = from + i64::from(self.plan.rules.lift.below_hours);
        let last = until.to_local(self.tz()).date_naive();
        let Some(last_i) = self.series.index(last) else {
            return false;
        };
        (i..=last_i).all(|k| self.series.days[k].is_some() && self.fwd.levels[k] < self.min_warning)
    }

    fn advisory(&mut self, ep: &Episode) -> Advice {
        let level = ep.level;
        let mut advice = self.empty(Level::None, Action::Advisory);
        advice.advisory = true;
        advice.advisory_level = Some(level);
        let first = self.series.date(ep.span.first);
        let last = self.series.date(ep.span.last);
        let causes: Vec<PrimaryPollutant> = (ep.span.first..=ep.span.last)
            .filter_map(|i| self.series.days[i].as_ref())
            .flat_map(|d| d.primary.iter().copied())
            .fold(Vec::new(), |mut v, p| {
                if !v.contains(&p) {
                    v.push(p);
                }
                v
            });
        let first_match = self
            .adv
            .matches
            .iter()
            .find(|m| m.level == level && ep.span.contains(m.span.first))
            .and_then(|m| self.describe_match(m));
        self.reasons.extend(first_match);
        self.reasons.push(Reason::AdvisoryEpisode {
            days: (first, last),
            causes,
            lowest: self.min_warning,
            level,
        });
        let s = self.midnight(ep.span.first);
        advice.start = Some(if s <= self.input.at { self.now() } else { s });
        advice.end = Some(self.midnight(ep.span.last + 1));
        advice.end_open = ep.span.last + 1 == self.series.days.len();
        advice
    }

    /// The first run of temporary-band days still to come.
    fn temporary_span(&self) -> Option<Span> {
        let levels = &self.full.levels;
        let first = (self.today..levels.len()).find(|&i| levels[i] == Level::Temporary)?;
        let last = (first..levels.len())
            .take_while(|&i| levels[i] == Level::Temporary)
            .last()
            .unwrap_or(first);
        Some(Span { first, last })
    }

    fn temporary(&mut self, span: Span) -> Advice {
        let mut advice = self.empty(Level::Temporary, Action::Temporary);
        let matches: Vec<Match> = self
            .full
            .matches
            .iter()
            .filter(|m| m.level == Level::Temporary && span.contains(m.span.first))
            .take(2)
            .cloned()
            .collect();
        for m in &matches {
            self.reasons.extend(self.describe_match(m));
        }
        self.reasons.push(Reason::TemporaryPossible {
            lowest: self.min_warning,
        });
        self.explain_ranges(span);
        let s = self.midnight(span.first);
        advice.start = Some(if s <= self.input.at { self.now() } else { s });
        advice.end = Some(self.midnight(span.last + 1));
        advice.end_open = span.last + 1 == self.series.days.len();
        advice
    }

    fn nothing(&mut self) -> Advice {
        let known: Vec<NaiveDate> = self.series.days[self.today..]
            .iter()
            .flatten()
            .map(|d| d.date)
            .collect();
        if let (Some(a), Some(b)) = (known.first(), known.last()) {
            self.reasons
                .push(Reason::NothingForecast { days: (*a, *b) });
        }
        if let Some((h, v)) = self.nowcast.latest
            && self.nowcast.heavy_min.is_some()
            && !self.nowcast.triggered
        {
            self.reasons.push(Reason::MeasuredHeavy {
                at: self.local(h),
                value: v,
                improving: self.nowcast.improvement == Some(true),
            });
        }
        self.empty(Level::None, Action::None)
    }

    // ----- A warning in force ------------------------------------------------------------

    fn active(&mut self, level: Level, since: Hour) -> Advice {
        // Upgrade: the episode (measured days included) reaches a stricter level.
        if let Some(ep) = self.continuing(false) {
            let stages = self.target_stages(&ep);
            if let Some(up) = stages
                .iter()
                .find(|s| s.level > level && s.span.last >= self.today)
                .copied()
            {
                let mut advice = self.empty(up.level, Action::Upgrade);
                self.reasons.push(Reason::UpgradeForecast {
                    from: level,
                    to: up.level,
                });
                self.explain_episode(&ep, up.level);
                let s = self.midnight(up.span.first);
                self.set_timing(&mut advice, s, Action::Upgrade);
                advice.end = Some(self.midnight(ep.span.last + 1));
                advice.end_open = ep.span.last + 1 == self.series.days.len();
                advice.stages = self.stages_out(&ep);
                self.explain_end(&ep);
                return advice;
            }
        }
        let Some(ep) = self.continuing(true) else {
            return self.lift_or_keep(level, since);
        };
        let today_level = self
            .fwd
            .levels
            .get(self.today)
            .copied()
            .unwrap_or(Level::None);
        if today_level < self.min_warning {
            return self.pause_or_keep(level, since, &ep);
        }
        let now_level = self.level_at(&ep, self.today);
        if now_level < level {
            let mut advice = self.empty(now_level, Action::Downgrade);
            self.reasons.push(Reason::DowngradeTo {
                from: level,
                to: now_level,
            });
            self.explain_episode(&ep, now_level);
            advice.start = Some(self.now());
            advice.end = Some(self.midnight(ep.span.last + 1));
            advice.end_open = ep.span.last + 1 == self.series.days.len();
            advice.stages = self.stages_out(&ep);
            self.explain_end(&ep);
            return advice;
        }
        let mut advice = self.empty(level, Action::Keep);
        self.reasons.push(Reason::KeepInForce {
            level,
            since: self.local(since),
        });
        self.explain_episode(&ep, now_level);
        advice.start = Some(since);
        advice.end = Some(self.midnight(ep.span.last + 1));
        advice.end_open = ep.span.last + 1 == self.series.days.len();
        advice.stages = self.stages_out(&ep);
        self.explain_future_pause(&ep);
        self.explain_end(&ep);
        advice
    }

    /// Whether measured air quality is good enough to lift or pause (`None`: no measurement).
    fn measured_ok(&self) -> Option<bool> {
        self.nowcast
            .latest
            .map(|(_, v)| v <= self.plan.rules.lift.observed_at_most)
    }

    fn explain_measured(&mut self) {
        let limit = self.plan.rules.lift.observed_at_most;
        let reason = match self.nowcast.latest {
            Some((h, value)) => Reason::Measured {
                value,
                at: self.local(h),
                limit,
            },
            None => Reason::NoRecentMeasurement,
        };
        self.reasons.push(reason);
    }

    /// No episode continues the warning: lift if the forecast stays below the lowest warning
    /// long enough and measurements agree; otherwise keep.
    fn lift_or_keep(&mut self, level: Level, since: Hour) -> Advice {
        let below_hours = self.plan.rules.lift.below_hours;
        let lowest = self.min_warning;
        let clean = self.clean_from(self.today, self.input.at);
        if clean && self.measured_ok() != Some(false) {
            let mut advice = self.empty(Level::None, Action::Lift);
            self.reasons.push(Reason::LiftPossible {
                level,
                lowest,
                below_hours,
            });
            self.explain_measured();
            self.explain_windows(self.input.at, self.input.at + i64::from(below_hours));
            if let Some(ep) = Self::upcoming(&self.fwd, self.today).cloned() {
                let date = self.series.date(ep.span.first);
                self.reasons.push(Reason::ReturnsLater {
                    date,
                    level: ep.level,
                });
            }
            advice.start = Some(self.now());
            return advice;
        }
        let mut advice = self.empty(level, Action::Keep);
        advice.start = Some(since);
        if clean {
            self.reasons.push(Reason::ForecastBelow {
                lowest,
                below_hours,
            });
            self.explain_measured();
            self.reasons
                .push(Reason::KeepUntilMeasuredImproves { level });
        } else {
            self.reasons.push(Reason::KeepUnconfirmed {
                level,
                lowest,
                below_hours,
            });
        }
        advice
    }

    /// Today is clean but the episode returns within the lift duration: pause if the plan
    /// allows and the clean spell is long enough, else keep.
    fn pause_or_keep(&mut self, level: Level, since: Hour, ep: &Episode) -> Advice {
        let rule = &self.plan.rules.pause;
        let next = (self.today..=ep.span.last).find(|&i| self.fwd.levels[i] >= self.min_warning);
        let resume = next.map(|i| self.midnight(i));
        let spell = resume.map_or(0, |r| r - self.input.at);
        if rule.enabled && spell >= i64::from(rule.min_hours) && self.measured_ok() != Some(false) {
            let mut advice = self.empty(level, Action::Pause);
            let resume_at = resume.unwrap_or(self.input.at);
            self.reasons.push(Reason::PauseSpell {
                lowest: self.min_warning,
                hours: spell,
                resume: self.local(resume_at),
                below_hours: self.plan.rules.lift.below_hours,
            });
            self.explain_measured();
            advice.start = Some(self.now());
            advice.end = Some(resume_at);
            advice.stages = self.stages_out(ep);
            return advice;
        }
        let mut advice = self.empty(level, Action::Keep);
        advice.start = Some(since);
        advice.end = Some(self.midnight(ep.span.last + 1));
        advice.stages = self.stages_out(ep);
        self.reasons.push(Reason::KeepThroughGap {
            level,
            lowest: self.min_warning,
            resume: resume.map(|r| self.local(r)),
            below_hours: self.plan.rules.lift.below_hours,
        });
        if rule.enabled && self.measured_ok() == Some(false) {
            self.explain_measured();
        }
        advice
    }

    /// Within a kept episode, a clean spell ahead where the response could be paused.
    fn explain_future_pause(&mut self, ep: &Episode) {
        if !self.plan.rules.pause.enabled {
            return;
        }
        let min_days = (self.plan.rules.pause.min_hours as usize).div_ceil(24);
        let mut i = self.today + 1;
        while i <= ep.span.last {
            if self.fwd.levels[i] >= self.min_warning {
                i += 1;
                continue;
            }
            let start = i;
            while i <= ep.span.last && self.fwd.levels[i] < self.min_warning {
                i += 1;
            }
            if i - start >= min_days {
                let days = (self.series.date(start), self.series.date(i - 1));
                self.reasons.push(Reason::FuturePause { days });
                return;
            }
        }
    }

    // ----- A paused warning --------------------------------------------------------------

    fn paused(&mut self, level: Level, since: Hour) -> Advice {
        if let Some(ep) = self.continuing(true) {
            let first = ep.span.first.max(self.today);
            let new_level = self.level_at(&ep, first);
            let mut advice = self.empty(new_level, Action::Resume);
            self.reasons.push(Reason::ResumeForecast {
                level,
                since: self.local(since),
                to: new_level,
            });
            self.explain_episode(&ep, new_level);
            let s = self.midnight(ep.span.first);
            self.set_timing(&mut advice, s, Action::Resume);
            advice.end = Some(self.midnight(ep.span.last + 1));
            advice.end_open = ep.span.last + 1 == self.series.days.len();
            advice.stages = self.stages_out(&ep);
            self.explain_end(&ep);
            return advice;
        }
        self.lift_or_keep(level, since)
    }
}
