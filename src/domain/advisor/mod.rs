//! The level advisor: from an AQI forecast, measured AQI, unfavourable-weather windows and the
//! current warning state, which level the plan calls for, from when, until when, and why — in
//! plain Chinese (and English). For an active warning: upgrade, downgrade, keep, pause or lift.
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
mod text;

#[cfg(test)]
mod tests;

pub use days::{DaySource, JudgedDay};
pub use forecast::{ForecastDay, PrimaryPollutant};

use chrono::NaiveDate;

use crate::domain::plan::{EpisodeLevel, Level, Plan, RangePoint};
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
    /// Short explanation in Chinese ("静稳、高湿、逆温").
    pub summary: String,
    /// The same in English.
    pub summary_en: String,
}

impl From<&crate::domain::windows::Window> for WeatherWindow {
    fn from(w: &crate::domain::windows::Window) -> Self {
        WeatherWindow {
            start: w.start,
            end: w.end,
            summary: w.explain_zh(),
            summary_en: w.explain_en(),
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
    /// Reasons in Chinese, most important first.
    pub reasons: Vec<String>,
    /// The same reasons in English.
    pub reasons_en: Vec<String>,
}

/// Reasons in both languages, kept in step.
#[derive(Default)]
struct Reasons {
    zh: Vec<String>,
    en: Vec<String>,
}

impl Reasons {
    fn add(&mut self, zh: impl Into<String>, en: impl Into<String>) {
        self.zh.push(zh.into());
        self.en.push(en.into());
    }
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
    reasons: Reasons,
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
    let mut reasons = Reasons::default();
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
    advice.reasons = ctx.reasons.zh;
    advice.reasons_en = ctx.reasons.en;
    advice
}

/// Point out a forecast that is old or does not reach today.
fn stale_forecast(input: &AdvisorInput<'_>, series: &DaySeries, today: usize, r: &mut Reasons) {
    let tz = input.utc_offset_s;
    if series.days[today..].iter().all(Option::is_none) {
        r.add(
            "没有今日及以后的AQI预报，无法按预报研判，请导入最新预报",
            "No AQI forecast for today or later: load the latest forecast",
        );
    }
    if series.beyond_horizon > 0 {
        r.add(
            format!(
                "{}个预报日期晚于今日{}天以上，已忽略，请检查日期",
                series.beyond_horizon,
                days::MAX_HORIZON_DAYS
            ),
            format!(
                "{} forecast date(s) more than {} days ahead were ignored: check the dates",
                series.beyond_horizon,
                days::MAX_HORIZON_DAYS
            ),
        );
    }
    if let Some(issued) = input.issued
        && input.at - issued > STALE_FORECAST_HOURS
    {
        r.add(
            format!(
                "预报发布于{}，已超过{STALE_FORECAST_HOURS}小时，请核实是否为最新预报",
                text::time_zh(issued, tz)
            ),
            format!(
                "The forecast was issued {}, more than {STALE_FORECAST_HOURS} h ago: check it is the latest",
                text::time_en(issued, tz)
            ),
        );
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

    fn name(&self, level: Level) -> &str {
        self.plan.level_name(level)
    }

    fn name_en(&self, level: Level) -> &str {
        self.plan.level_name_en(level)
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
            reasons_en: Vec::new(),
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
            let d = self.series.date(first);
            self.reasons.add(
                format!(
                    "另：预测{}起可能再次出现达到{}条件的过程，届时另行研判",
                    text::date_zh(d),
                    self.name(level)
                ),
                format!(
                    "Note: another episode reaching {} conditions may begin on {}; judge it then",
                    self.name_en(level),
                    text::span_en(d, d)
                ),
            );
        }
    }

    /// Start, issue-by and lateness for something that should take effect at `s`.
    fn set_timing(&mut self, advice: &mut Advice, s: Hour, action: Action) {
        let tz = self.tz();
        let lead = i64::from(self.plan.rules.lead_time_hours);
        let issue_by = s - lead;
        advice.start = Some(if s <= self.input.at { self.now() } else { s });
        advice.issue_by = Some(issue_by);
        let verb = match action {
            Action::Upgrade => ("升级", "upgrade"),
            Action::Resume => ("恢复", "resume"),
            _ => ("发布", "issue"),
        };
        if self.nowcast.triggered
            && s <= self.input.at + i64::from(self.plan.rules.nowcast.no_improvement_hours)
        {
            advice.nowcast = true;
            advice.start = Some(self.now());
            self.explain_nowcast();
        } else if self.input.at > issue_by {
            advice.late = true;
            self.reasons.add(
                format!(
                    "按预案应提前{lead}小时{}，即不晚于{}；现已不能满足提前量要求，建议立即会商{}",
                    verb.0,
                    text::time_zh(issue_by, tz),
                    verb.0
                ),
                format!(
                    "The plan asks to {} {lead} h ahead, i.e. by {}; that is no longer possible: consult and {} now",
                    verb.1,
                    text::time_en(issue_by, tz),
                    verb.1
                ),
            );
        } else {
            self.reasons.add(
                format!(
                    "按预案应提前{lead}小时{}，即不晚于{}",
                    verb.0,
                    text::time_zh(issue_by, tz)
                ),
                format!(
                    "The plan asks to {} {lead} h ahead, i.e. by {}",
                    verb.1,
                    text::time_en(issue_by, tz)
                ),
            );
        }
    }

    fn explain_nowcast(&mut self) {
        let tz = self.tz();
        let rule = &self.plan.rules.nowcast;
        let (Some((h, v)), Some(_)) = (self.nowcast.latest, self.nowcast.heavy_min) else {
            return;
        };
        self.reasons.add(
            format!(
                "实测区域小时AQI最近{}小时均>{}（{}为{}），且预测未来{}小时内无明显改善 → 应尽早发布，不受提前量限制",
                rule.hours,
                text::aqi(rule.above),
                text::time_zh(h, tz),
                text::aqi(v),
                rule.no_improvement_hours
            ),
            format!(
                "Measured hourly area AQI > {} for the last {} h ({} at {}), and no clear improvement forecast within {} h → issue as early as possible, lead time notwithstanding",
                text::aqi(rule.above),
                rule.hours,
                text::aqi(v),
                text::time_en(h, tz),
                rule.no_improvement_hours
            ),
        );
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
            let (zh, en) = self.describe_match(m);
            self.reasons.add(zh, en);
        }
        if self.plan.rules.episode_level == EpisodeLevel::Staged {
            if let Some(s) = ep.stages.iter().find(|s| s.level > level) {
                let first = self.series.date(s.span.first);
                self.reasons.add(
                    format!(
                        "预计{}起达到{}条件，届时升级",
                        text::date_zh(first),
                        self.name(s.level)
                    ),
                    format!(
                        "Expected to reach {} conditions from {}: upgrade then",
                        self.name_en(s.level),
                        text::span_en(first, first)
                    ),
                );
            }
        } else if ep.stages.first().is_some_and(|s| s.level < ep.level) {
            let first = self.series.date(ep.span.first);
            self.reasons.add(
                format!(
                    "过程自{}开始，按预案以过程最高级别{}启动",
                    text::date_zh(first),
                    self.name(ep.level)
                ),
                format!(
                    "The episode begins on {}; the plan starts it at its strictest level, {}",
                    text::span_en(first, first),
                    self.name_en(ep.level)
                ),
            );
        }
        if ep.pieces > 1 {
            self.reasons.add(
                format!(
                    "{}期间的污染过程间隔不超过{}小时，未达到解除条件，按一次过程处理",
                    text::span_zh(self.series.date(ep.span.first), self.series.date(ep.span.last)),
                    self.plan.rules.lift.below_hours
                ),
                format!(
                    "The episodes within {} are separated by no more than {} h, too short to lift: treated as one episode",
                    text::span_en(self.series.date(ep.span.first), self.series.date(ep.span.last)),
                    self.plan.rules.lift.below_hours
                ),
            );
        }
        self.explain_ranges(ep.span);
        self.explain_advisory_days();
        self.explain_windows(
            self.midnight(ep.span.first),
            self.midnight(ep.span.last + 1),
        );
    }

    /// "预测12月8日至10日日AQI>200持续72小时，且12月9日>300 → 红色预警".
    fn describe_match(&self, m: &Match) -> (String, String) {
        let trigger = self
            .plan
            .level(m.level)
            .and_then(|l| l.triggers.get(m.trigger));
        let Some(trigger) = trigger else {
            return (String::new(), String::new());
        };
        let sources: Vec<DaySource> = (m.span.first..=m.span.last)
            .filter_map(|i| self.series.days[i].as_ref().map(|d| d.source))
            .collect();
        let (pre_zh, pre_en) = if sources.iter().all(|s| *s == DaySource::Forecast) {
            ("预测", "Forecast")
        } else if sources.iter().all(|s| *s == DaySource::Observed) {
            ("实测", "Measured")
        } else {
            ("实测及预测", "Measured and forecast")
        };
        let mut zh = String::from(pre_zh);
        let mut en = format!("{pre_en} daily AQI");
        for (k, (c, part)) in trigger.conditions.iter().zip(&m.parts).enumerate() {
            let (a, b) = (self.series.date(part.first), self.series.date(part.last));
            let hours = part.len() * 24;
            if k == 0 {
                zh.push_str(&format!(
                    "{}日AQI{}",
                    text::span_zh(a, b),
                    c.threshold_text()
                ));
                en.push_str(&format!(
                    " {} on {}",
                    c.threshold_text(),
                    text::span_en(a, b)
                ));
            } else {
                zh.push_str(&format!(
                    "，且{}{}",
                    text::span_zh(a, b),
                    c.threshold_text()
                ));
                en.push_str(&format!(
                    " and {} on {}",
                    c.threshold_text(),
                    text::span_en(a, b)
                ));
            }
            if part.len() > 1 {
                zh.push_str(&format!("持续{hours}小时"));
                en.push_str(&format!(" ({hours} h)"));
            }
        }
        zh.push_str(&format!(" → {}", self.name(m.level)));
        en.push_str(&format!(" → {}", self.name_en(m.level)));
        if !trigger.text.is_empty() {
            zh.push_str(&format!("（预案：{}）", trigger.text));
        }
        (zh, en)
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
            self.reasons.add(
                format!(
                    "{}可能连续{}天及以上重污染（预报上限>{}），按预报{}判断",
                    text::span_zh(a.date, b.date),
                    rule.long_episode_days,
                    text::aqi(rule.long_episode_above),
                    point_zh(rule.long_episode)
                ),
                format!(
                    "{} may bring {} or more days of heavy pollution (upper bound > {}): judged by the {}",
                    text::span_en(a.date, b.date),
                    rule.long_episode_days,
                    text::aqi(rule.long_episode_above),
                    point_en(rule.long_episode)
                ),
            );
        }
        if days.iter().any(|d| d.basis == Some(rule.normal)) {
            self.reasons.add(
                format!("其余预报日按预报范围{}判断", point_zh(rule.normal)),
                format!(
                    "Other forecast days judged by the {}",
                    point_en(rule.normal)
                ),
            );
        }
    }

    /// Days from today that reach a warning level on AQI alone but are O3- or dust-driven.
    fn explain_advisory_days(&mut self) {
        let adv: Vec<NaiveDate> = (self.today..self.series.days.len())
            .filter(|&i| self.adv.levels[i] >= self.min_warning)
            .map(|i| self.series.date(i))
            .collect();
        if let (Some(a), Some(b)) = (adv.first(), adv.last()) {
            self.reasons.add(
                format!(
                    "{}首要污染物为臭氧或沙尘等，不计入预警条件，按健康提示处理",
                    text::span_zh(*a, *b)
                ),
                format!(
                    "{}: primary pollutant O3 or dust, not counted towards the warning; health advisories instead",
                    text::span_en(*a, *b)
                ),
            );
        }
    }

    fn explain_windows(&mut self, from: Hour, to: Hour) {
        let tz = self.tz();
        let windows: Vec<&WeatherWindow> = self
            .input
            .windows
            .iter()
            .filter(|w| w.start < to && w.end > from)
            .collect();
        for w in windows.into_iter().take(3) {
            self.reasons.add(
                format!(
                    "不利气象条件：{}至{}，{}",
                    text::time_zh(w.start, tz),
                    text::time_zh(w.end, tz),
                    w.summary
                ),
                format!(
                    "Unfavourable weather {} to {}: {}",
                    text::time_en(w.start, tz),
                    text::time_en(w.end, tz),
                    w.summary_en
                ),
            );
        }
    }

    /// When the episode ends and whether lifting can be expected then.
    fn explain_end(&mut self, ep: &Episode) {
        let tz = self.tz();
        let end = self.midnight(ep.span.last + 1);
        let below = self.plan.rules.lift.below_hours;
        let name = self.name(self.min_warning).to_string();
        let name_en = self.name_en(self.min_warning).to_string();
        if ep.span.last + 1 == self.series.days.len() {
            let last = self.series.date(ep.span.last);
            self.reasons.add(
                format!("至预报期末（{}）污染过程仍未结束", text::date_zh(last)),
                format!(
                    "The episode is still going on at the end of the forecast ({})",
                    text::span_en(last, last)
                ),
            );
        } else if self.clean_from(ep.span.last + 1, end) {
            self.reasons.add(
                format!(
                    "预计{}起低于{}条件并持续{below}小时以上，届时可解除",
                    text::time_zh(end, tz),
                    name
                ),
                format!(
                    "Expected below {} conditions from {} for more than {below} h: it can be lifted then",
                    name_en,
                    text::time_en(end, tz)
                ),
            );
        } else {
            self.reasons.add(
                format!(
                    "预报未覆盖过程结束后{below}小时，解除时间待后续会商确定"
                ),
                format!(
                    "The forecast does not cover {below} h after the episode: lifting time to be decided later"
                ),
            );
        }
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
        let cause_zh: Vec<&str> = causes.iter().map(|p| p.name_zh()).collect();
        let cause_en: Vec<&str> = causes.iter().map(|p| p.code()).collect();
        for m in self
            .adv
            .matches
            .iter()
            .filter(|m| m.level == level && ep.span.contains(m.span.first))
            .take(1)
        {
            let (zh, en) = self.describe_match(m);
            self.reasons.add(zh, en);
        }
        self.reasons.add(
            format!(
                "{}首要污染物为{}，按预案采取健康提示和加强日常监管，不启动{}（按AQI相当于{}）",
                text::span_zh(first, last),
                cause_zh.join("、"),
                self.name(self.min_warning),
                self.name(level)
            ),
            format!(
                "{}: primary pollutant {}; the plan calls for health advisories and stronger routine supervision, not a coloured warning (AQI alone would mean {})",
                text::span_en(first, last),
                cause_en.join(", "),
                self.name_en(level)
            ),
        );
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
            let (zh, en) = self.describe_match(m);
            self.reasons.add(zh, en);
        }
        self.reasons.add(
            format!(
                "未达到{}条件，可根据上级生态环境部门部署采取临时管控措施",
                self.name(self.min_warning)
            ),
            format!(
                "{} conditions not reached: temporary control measures are possible if the higher-level ecology-environment department deploys them",
                self.name_en(self.min_warning)
            ),
        );
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
            self.reasons.add(
                format!("预测{}均未达到预警或临时管控条件", text::span_zh(*a, *b)),
                format!(
                    "Forecast for {}: no warning or temporary-measure conditions reached",
                    text::span_en(*a, *b)
                ),
            );
        }
        if let Some((h, v)) = self.nowcast.latest
            && self.nowcast.heavy_min.is_some()
            && !self.nowcast.triggered
        {
            let tz = self.tz();
            let why = match self.nowcast.improvement {
                Some(true) => (
                    "但预测未来将明显改善",
                    "but a clear improvement is forecast",
                ),
                _ => (
                    "但缺少未来的预报，无法判断是否改善，请会商研判",
                    "but without a forecast for the coming hours improvement cannot be judged: consult",
                ),
            };
            self.reasons.add(
                format!(
                    "实测区域小时AQI已达重污染（{}为{}），{}",
                    text::time_zh(h, tz),
                    text::aqi(v),
                    why.0
                ),
                format!(
                    "Measured hourly area AQI is heavy ({} at {}), {}",
                    text::aqi(v),
                    text::time_en(h, tz),
                    why.1
                ),
            );
        }
        self.empty(Level::None, Action::None)
    }

    // ----- A warning in force ------------------------------------------------------------

    fn active(&mut self, level: Level, since: Hour) -> Advice {
        let tz = self.tz();
        // Upgrade: the episode (measured days included) reaches a stricter level.
        if let Some(ep) = self.continuing(false) {
            let stages = self.target_stages(&ep);
            if let Some(up) = stages
                .iter()
                .find(|s| s.level > level && s.span.last >= self.today)
                .copied()
            {
                let mut advice = self.empty(up.level, Action::Upgrade);
                self.reasons.add(
                    format!(
                        "当前{}，预测达到{}条件",
                        self.name(level),
                        self.name(up.level)
                    ),
                    format!(
                        "{} in force; {} conditions forecast",
                        self.name_en(level),
                        self.name_en(up.level)
                    ),
                );
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
            self.reasons.add(
                format!(
                    "预测今后不再满足{}条件，可降为{}",
                    self.name(level),
                    self.name(now_level)
                ),
                format!(
                    "{} conditions no longer forecast: downgrade to {}",
                    self.name_en(level),
                    self.name_en(now_level)
                ),
            );
            self.explain_episode(&ep, now_level);
            advice.start = Some(self.now());
            advice.end = Some(self.midnight(ep.span.last + 1));
            advice.end_open = ep.span.last + 1 == self.series.days.len();
            advice.stages = self.stages_out(&ep);
            self.explain_end(&ep);
            return advice;
        }
        let mut advice = self.empty(level, Action::Keep);
        self.reasons.add(
            format!(
                "{}自{}起实施，预测仍满足条件，维持",
                self.name(level),
                text::time_zh(since, tz)
            ),
            format!(
                "{} in force since {}; conditions still forecast: keep",
                self.name_en(level),
                text::time_en(since, tz)
            ),
        );
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
        let tz = self.tz();
        let limit = self.plan.rules.lift.observed_at_most;
        match self.nowcast.latest {
            Some((h, v)) if v > limit => self.reasons.add(
                format!(
                    "但实测区域小时AQI仍为{}（{}），高于{}，实况尚未改善",
                    text::aqi(v),
                    text::time_zh(h, tz),
                    text::aqi(limit)
                ),
                format!(
                    "but the measured hourly area AQI is still {} ({}), above {}: not improved yet",
                    text::aqi(v),
                    text::time_en(h, tz),
                    text::aqi(limit)
                ),
            ),
            Some((h, v)) => self.reasons.add(
                format!(
                    "实测区域小时AQI为{}（{}），已降至{}及以下",
                    text::aqi(v),
                    text::time_zh(h, tz),
                    text::aqi(limit)
                ),
                format!(
                    "Measured hourly area AQI {} ({}), at or below {}",
                    text::aqi(v),
                    text::time_en(h, tz),
                    text::aqi(limit)
                ),
            ),
            None => self.reasons.add(
                "无最新实测数据，仅依据预报判断",
                "No recent measurements: judged on the forecast alone",
            ),
        }
    }

    /// No episode continues the warning: lift if the forecast stays below the lowest warning
    /// long enough and measurements agree; otherwise keep.
    fn lift_or_keep(&mut self, level: Level, since: Hour) -> Advice {
        let below = self.plan.rules.lift.below_hours;
        let name = self.name(self.min_warning).to_string();
        let name_en = self.name_en(self.min_warning).to_string();
        let clean = self.clean_from(self.today, self.input.at);
        if clean && self.measured_ok() != Some(false) {
            let mut advice = self.empty(Level::None, Action::Lift);
            self.reasons.add(
                format!(
                    "预测未来{below}小时以上低于{name}条件，满足解除条件，可解除{}",
                    self.name(level)
                ),
                format!(
                    "Forecast below {name_en} conditions for more than {below} h: {} can be lifted",
                    self.name_en(level)
                ),
            );
            self.explain_measured();
            self.explain_windows(self.input.at, self.input.at + i64::from(below));
            if let Some(ep) = Self::upcoming(&self.fwd, self.today).cloned() {
                let first = self.series.date(ep.span.first);
                self.reasons.add(
                    format!(
                        "另：预测{}起可能再次达到{}条件，届时另行发布",
                        text::date_zh(first),
                        self.name(ep.level)
                    ),
                    format!(
                        "Note: {} conditions may return from {}; issue again then",
                        self.name_en(ep.level),
                        text::span_en(first, first)
                    ),
                );
            }
            advice.start = Some(self.now());
            return advice;
        }
        let mut advice = self.empty(level, Action::Keep);
        advice.start = Some(since);
        if clean {
            self.reasons.add(
                format!("预测已低于{name}条件并持续{below}小时以上"),
                format!("Forecast below {name_en} conditions for more than {below} h"),
            );
            self.explain_measured();
            self.reasons.add(
                format!("暂不解除，待实况改善后解除{}", self.name(level)),
                format!(
                    "Keep {} until measured air quality improves",
                    self.name_en(level)
                ),
            );
        } else {
            self.reasons.add(
                format!(
                    "预报未能确认未来{below}小时以上低于{name}条件，暂不满足解除条件，维持{}",
                    self.name(level)
                ),
                format!(
                    "The forecast does not confirm more than {below} h below {name_en} conditions: keep {}",
                    self.name_en(level)
                ),
            );
        }
        advice
    }

    /// Today is clean but the episode returns within the lift duration: pause if the plan
    /// allows and the clean spell is long enough, else keep.
    fn pause_or_keep(&mut self, level: Level, since: Hour, ep: &Episode) -> Advice {
        let tz = self.tz();
        let rule = &self.plan.rules.pause;
        let next = (self.today..=ep.span.last).find(|&i| self.fwd.levels[i] >= self.min_warning);
        let resume = next.map(|i| self.midnight(i));
        let spell = resume.map_or(0, |r| r - self.input.at);
        if rule.enabled && spell >= i64::from(rule.min_hours) && self.measured_ok() != Some(false) {
            let mut advice = self.empty(level, Action::Pause);
            let resume_at = resume.unwrap_or(self.input.at);
            self.reasons.add(
                format!(
                    "预测今日起低于{}条件约{}小时，{}起再次达到预警条件；间隔不足{}小时，不解除，可暂停响应、到时恢复",
                    self.name(self.min_warning),
                    spell,
                    text::time_zh(resume_at, tz),
                    self.plan.rules.lift.below_hours
                ),
                format!(
                    "Forecast below {} conditions for about {} h, warning conditions again from {}; the gap is shorter than {} h, so do not lift: pause and resume then",
                    self.name_en(self.min_warning),
                    spell,
                    text::time_en(resume_at, tz),
                    self.plan.rules.lift.below_hours
                ),
            );
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
        let resume_text = resume.map_or((String::new(), String::new()), |r| {
            (text::time_zh(r, tz), text::time_en(r, tz))
        });
        self.reasons.add(
            format!(
                "今日预测低于{}条件，但{}起将再次达到预警条件，间隔不足{}小时，不满足解除条件，维持{}",
                self.name(self.min_warning),
                resume_text.0,
                self.plan.rules.lift.below_hours,
                self.name(level)
            ),
            format!(
                "Below {} conditions today, but warning conditions return from {}; the gap is shorter than {} h: keep {}",
                self.name_en(self.min_warning),
                resume_text.1,
                self.plan.rules.lift.below_hours,
                self.name_en(level)
            ),
        );
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
                let (a, b) = (self.series.date(start), self.series.date(i - 1));
                self.reasons.add(
                    format!("{}预测短暂低于预警条件，届时可暂停响应", text::span_zh(a, b)),
                    format!(
                        "{}: forecast briefly below warning conditions; the response can be paused then",
                        text::span_en(a, b)
                    ),
                );
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
            self.reasons.add(
                format!(
                    "{}自{}起暂停，预测再次达到预警条件，应恢复{}",
                    self.name(level),
                    text::time_zh(since, self.tz()),
                    if new_level == level {
                        self.name(level).to_string()
                    } else {
                        format!("并调整为{}", self.name(new_level))
                    }
                ),
                format!(
                    "{} paused since {}; warning conditions forecast again: resume{}",
                    self.name_en(level),
                    text::time_en(since, self.tz()),
                    if new_level == level {
                        String::new()
                    } else {
                        format!(" at {}", self.name_en(new_level))
                    }
                ),
            );
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

fn point_zh(p: RangePoint) -> &'static str {
    match p {
        RangePoint::Upper => "上限",
        RangePoint::Mid => "中值",
        RangePoint::Lower => "下限",
    }
}

fn point_en(p: RangePoint) -> &'static str {
    match p {
        RangePoint::Upper => "upper bound",
        RangePoint::Mid => "midpoint of the range",
        RangePoint::Lower => "lower bound",
    }
}
