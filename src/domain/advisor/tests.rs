//! Advisor cases: every level, lead time, the upper-bound rule, nowcast, lifting, pausing,
//! upgrade/downgrade, joined episodes, the advisory path and each ambiguous reading as a plan
//! option. All against the shipped default plan (2024 rules) or a copy edited in one place.

use chrono::NaiveDate;

use super::*;
use crate::domain::plan::{self, DEFAULT_PLAN_TOML, Plan, RangePoint};
use crate::i18n::{Language, Tr};

const CST: i32 = 8 * 3600;

/// The shipped plan, parsed once.
fn default_plan() -> Plan {
    static PLAN: std::sync::LazyLock<Plan> =
        std::sync::LazyLock::new(|| plan::default_plan().expect("default plan is valid"));
    PLAN.clone()
}

/// The default plan with one edit.
fn plan_with(from: &str, to: &str) -> Plan {
    assert!(DEFAULT_PLAN_TOML.contains(from), "{from}");
    plan::parse(&DEFAULT_PLAN_TOML.replacen(from, to, 1)).expect("edited plan is valid")
}

fn date(day: u32) -> NaiveDate {
    // Days past 31 run into January 2020, so cases can cross the month.
    NaiveDate::from_ymd_opt(2019, 12, 1).expect("date") + chrono::Days::new(u64::from(day - 1))
}

/// Local Beijing time, December 2019.
fn at(day: u32, hour: u32) -> Hour {
    Hour::from_local_date_hour(date(day), hour, CST)
}

fn fc(day: u32, min: f32, max: f32) -> ForecastDay {
    ForecastDay {
        date: date(day),
        aqi_min: min,
        aqi_max: max,
        primary: vec![PrimaryPollutant::Pm25],
    }
}

fn fc_p(day: u32, min: f32, max: f32, p: PrimaryPollutant) -> ForecastDay {
    ForecastDay {
        primary: vec![p],
        ..fc(day, min, max)
    }
}

/// One value per day from `first` (single-value forecasts: min = max).
fn flat(first: u32, values: &[f32]) -> Vec<ForecastDay> {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| fc(first + i as u32, v, v))
        .collect()
}

struct Case<'a> {
    forecast: &'a [ForecastDay],
    hourly: &'a [(Hour, f32)],
    daily: &'a [(NaiveDate, f32)],
    windows: &'a [WeatherWindow],
    state: WarningState,
    at: Hour,
}

impl<'a> Case<'a> {
    fn new(forecast: &'a [ForecastDay], at: Hour) -> Self {
        Case {
            forecast,
            hourly: &[],
            daily: &[],
            windows: &[],
            state: WarningState::None,
            at,
        }
    }

    fn run(&self, plan: &Plan) -> Advice {
        advise(
            plan,
            &AdvisorInput {
                forecast: self.forecast,
                issued: None,
                observed_hourly: self.hourly,
                observed_daily: self.daily,
                windows: self.windows,
                state: self.state,
                at: self.at,
                utc_offset_s: CST,
            },
        )
    }
}

/// The reasons in `language`, the default plan's wording of levels.
fn reasons_in(language: Language, a: &Advice) -> Vec<String> {
    Tr(language).reasons(a, &default_plan())
}

fn has_reason(a: &Advice, needle: &str) -> bool {
    reasons_in(Language::Zh, a)
        .iter()
        .any(|r| r.contains(needle))
}

fn reasons(a: &Advice) -> String {
    reasons_in(Language::Zh, a).join(" | ")
}

/// Hourly area AQI `v` for the `n` hours up to and including `last`.
fn hours_at(last: Hour, n: i64, v: f32) -> Vec<(Hour, f32)> {
    (0..n).map(|k| (last - (n - 1 - k), v)).collect()
}

#[test]
fn clean_forecast_calls_for_nothing() {
    let f = flat(8, &[80.0, 95.0, 60.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!((a.level, a.action), (Level::None, Action::None));
    assert!(has_reason(&a, "均未达到"), "{}", reasons(&a));
    assert_eq!(
        reasons_in(Language::Zh, &a).len(),
        reasons_in(Language::En, &a).len()
    );
    assert_eq!(a.days.len(), 3, "only days with a value are listed");
}

#[test]
fn below_yellow_band_allows_temporary_measures() {
    // One day > 150.
    let f = flat(8, &[90.0, 160.0, 90.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!((a.level, a.action), (Level::Temporary, Action::Temporary));
    assert_eq!(a.start, Some(at(9, 0)));
    assert_eq!(a.end, Some(at(10, 0)));
    assert!(has_reason(&a, "临时管控措施"), "{}", reasons(&a));
    // > 100 for 48 h.
    let f = flat(8, &[110.0, 120.0, 90.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Temporary);
    assert_eq!(a.start, Some(at(8, 0)));
    // > 100 for only 24 h: nothing.
    let f = flat(8, &[110.0, 90.0, 90.0]);
    assert_eq!(
        Case::new(&f, at(7, 10)).run(&default_plan()).level,
        Level::None
    );
}

#[test]
fn yellow_by_one_day_above_200_or_two_days_above_150() {
    let f = flat(9, &[120.0, 210.0, 100.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!((a.level, a.action), (Level::Yellow, Action::Issue));
    assert_eq!(a.start, Some(at(10, 0)));
    assert_eq!(a.end, Some(at(11, 0)));
    assert_eq!(a.issue_by, Some(at(9, 0)));
    assert!(!a.late);
    assert!(
        has_reason(&a, "预测12月10日日AQI>200 → 黄色预警"),
        "{}",
        reasons(&a)
    );
    assert!(has_reason(&a, "不晚于12月9日0时"), "{}", reasons(&a));
    let f = flat(9, &[160.0, 170.0, 100.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Yellow);
    assert!(
        has_reason(&a, "预测12月9日至10日日AQI>150持续48小时 → 黄色预警"),
        "{}",
        reasons(&a)
    );
}

#[test]
fn orange_by_two_days_above_200_or_three_above_150() {
    let f = flat(9, &[210.0, 220.0, 100.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Orange);
    let f = flat(9, &[160.0, 170.0, 180.0, 100.0]);
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Orange);
    assert_eq!((a.start, a.end), (Some(at(9, 0)), Some(at(12, 0))));
}

#[test]
fn red_needs_72_hours_above_200_with_a_day_above_300() {
    let f = flat(8, &[230.0, 320.0, 250.0, 120.0]);
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!((a.level, a.action), (Level::Red, Action::Issue));
    assert_eq!(a.start, Some(at(8, 0)));
    assert_eq!(a.end, Some(at(11, 0)));
    assert!(
        has_reason(
            &a,
            "预测12月8日至10日日AQI>200持续72小时，且12月9日>300 → 红色预警"
        ),
        "{}",
        reasons(&a)
    );
    assert!(
        reasons_in(Language::En, &a)
            .iter()
            .any(|r| r.contains(">200 on 8–10 Dec (72 h) and >300 on 9 Dec → Red warning")),
        "{:?}",
        reasons_in(Language::En, &a)
    );
    // A day above 300 but only 48 h above 200: orange.
    let f = flat(8, &[230.0, 320.0, 120.0]);
    assert_eq!(
        Case::new(&f, at(6, 10)).run(&default_plan()).level,
        Level::Orange
    );
}

#[test]
fn red_peak_outside_the_run_is_a_plan_option() {
    // > 200 for 72 h on 8–10, > 300 only on 12 after a clean day: the default (same run) says
    // orange for 8–10 … joined with the single heavy day 12 into one episode, still not red.
    let f = flat(8, &[230.0, 240.0, 250.0, 120.0, 320.0, 100.0, 100.0]);
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Orange, "{}", reasons(&a));
    let p = plan_with("]\nsame_run = true", "]\nsame_run = false");
    let a = Case::new(&f, at(6, 10)).run(&p);
    assert_eq!(a.level, Level::Red, "{}", reasons(&a));
}

#[test]
fn yellow_reading_as_48_hours_collides_with_orange() {
    // "预测日AQI>200或日AQI>150持续48小时": reading the first half as "> 200 for 48 h" makes it
    // the orange trigger; the plan check says so instead of silently never calling yellow.
    let text = DEFAULT_PLAN_TOML.replacen(
        "all = [{ above = 200, hours = 24 }]",
        "all = [{ above = 200, hours = 48 }]",
        1,
    );
    let problems = plan::parse(&text).expect_err("overlap");
    assert!(
        matches!(problems[0].reason, plan::PlanReason::Overlap { .. }),
        "{:?}",
        problems[0]
    );
    // The shipped single-day reading: one day > 200 is yellow.
    let f = flat(9, &[120.0, 210.0, 100.0]);
    assert_eq!(
        Case::new(&f, at(7, 10)).run(&default_plan()).level,
        Level::Yellow
    );
}

#[test]
fn upper_bound_rule_applies_to_long_heavy_episodes_only() {
    // Three days whose upper bound is > 200: judged by the upper bound → 72 h > 200 → orange
    // (red needs > 300).
    let f = vec![
        fc(8, 160.0, 210.0),
        fc(9, 170.0, 220.0),
        fc(10, 165.0, 215.0),
    ];
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Orange, "{}", reasons(&a));
    assert!(has_reason(&a, "按预报上限判断"), "{}", reasons(&a));
    let first = a.days.iter().find(|d| d.date == date(8)).expect("8 Dec");
    assert_eq!((first.value, first.basis), (210.0, Some(RangePoint::Upper)));
    // Only two such days: midpoints (185, 195) → > 150 for 48 h → yellow.
    let f = vec![
        fc(8, 160.0, 210.0),
        fc(9, 170.0, 220.0),
        fc(10, 100.0, 140.0),
    ];
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Yellow, "{}", reasons(&a));
    assert!(has_reason(&a, "按预报范围中值判断"), "{}", reasons(&a));
    // The normal point is a plan option too.
    let p = plan_with("normal = \"mid\"", "normal = \"upper\"");
    let a = Case::new(&f, at(6, 10)).run(&p);
    assert_eq!(a.level, Level::Orange, "{}", reasons(&a));
}

#[test]
fn lead_time_gives_the_issue_deadline_and_lateness() {
    let f = flat(8, &[230.0, 240.0, 100.0]);
    // Two days ahead: in time, issue by 7 Dec 00:00.
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.start, Some(at(8, 0)));
    assert_eq!(a.issue_by, Some(at(7, 0)));
    assert!(!a.late);
    // Fourteen hours ahead: late, issue now, still starting at the episode.
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert!(a.late);
    assert_eq!(a.start, Some(at(8, 0)));
    assert!(has_reason(&a, "建议立即会商发布"), "{}", reasons(&a));
    // A plan with 48 h lead time.
    let p = plan_with("lead_time_hours = 24", "lead_time_hours = 48");
    let a = Case::new(&f, at(6, 10)).run(&p);
    assert_eq!(a.issue_by, Some(at(6, 0)));
    assert!(a.late);
    // The episode already began: start at the next hour.
    let a = Case::new(&f, at(8, 10)).run(&default_plan());
    assert_eq!(a.start, Some(at(8, 11)));
}

#[test]
fn nowcast_issues_at_once_when_heavy_pollution_is_measured() {
    // Today measured heavy, no forecast for today, tomorrow forecast > 200; an unfavourable
    // window covers the next 12 h → no improvement → today counts → 48 h > 200 → orange now.
    let f = flat(8, &[230.0, 120.0, 100.0]);
    let hourly = hours_at(at(7, 10), 3, 260.0);
    let windows = [WeatherWindow {
        start: at(6, 20),
        end: at(8, 20),
        held: vec![Condition::CalmWind, Condition::Humid, Condition::Inversion],
        not_judged: Vec::new(),
    }];
    let mut case = Case::new(&f, at(7, 10));
    case.hourly = &hourly;
    case.windows = &windows;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Orange, Action::Issue),
        "{}",
        reasons(&a)
    );
    assert!(a.nowcast && !a.late);
    assert_eq!(a.start, Some(at(7, 11)));
    assert!(
        has_reason(&a, "实测区域小时AQI最近3小时均>200"),
        "{}",
        reasons(&a)
    );
    assert!(has_reason(
        &a,
        "不利气象条件：12月6日20时至12月8日20时，48 小时不利时段：静小风、高湿、逆温"
    ));
    let today = a.days.iter().find(|d| d.date == date(7)).expect("today");
    assert_eq!(today.source, DaySource::Nowcast);
    // Without the window nobody can say the next 12 h stay heavy: tomorrow only, and late.
    case.windows = &[];
    let a = case.run(&default_plan());
    assert_eq!(a.level, Level::Yellow, "{}", reasons(&a));
    assert!(!a.nowcast && a.late);
    // A clear improvement forecast for today: no nowcast.
    let f2 = flat(7, &[150.0, 230.0]);
    let mut case = Case::new(&f2, at(7, 10));
    case.hourly = &hourly;
    let a = case.run(&default_plan());
    assert!(!a.nowcast);
    // Only two of the last three hours heavy: no nowcast.
    let f3 = flat(7, &[230.0, 230.0]);
    let mut uneven = hours_at(at(7, 10), 3, 260.0);
    uneven[0].1 = 190.0;
    let mut case = Case::new(&f3, at(7, 10));
    case.hourly = &uneven;
    let a = case.run(&default_plan());
    assert!(!a.nowcast);
    assert_eq!(a.level, Level::Orange);
    // Stale measurements (older than 3 h) do not count.
    let old = hours_at(at(7, 5), 3, 260.0);
    case.hourly = &old;
    assert!(!case.run(&default_plan()).nowcast);
}

#[test]
fn lift_after_36_hours_below_yellow() {
    let state = WarningState::Active {
        level: Level::Yellow,
        since: at(6, 0),
    };
    let clean_obs = hours_at(at(8, 10), 3, 90.0);
    // Today and tomorrow clean (at + 36 h = 9 Dec 22:00): lift.
    let f = flat(8, &[90.0, 80.0, 70.0]);
    let mut case = Case::new(&f, at(8, 10));
    case.state = state;
    case.hourly = &clean_obs;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::None, Action::Lift),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(8, 11)));
    assert!(has_reason(&a, "满足解除条件"), "{}", reasons(&a));
    // The forecast only covers today: 36 h cannot be confirmed → keep.
    let f = flat(8, &[90.0]);
    case.forecast = &f;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Yellow, Action::Keep),
        "{}",
        reasons(&a)
    );
    // Forecast clean but still heavy measured: keep.
    let f = flat(8, &[90.0, 80.0, 70.0]);
    let dirty = hours_at(at(8, 10), 3, 230.0);
    case.forecast = &f;
    case.hourly = &dirty;
    let a = case.run(&default_plan());
    assert_eq!(a.action, Action::Keep, "{}", reasons(&a));
    assert!(has_reason(&a, "实况尚未改善"), "{}", reasons(&a));
    // A longer lift duration in the plan (60 h: through 10 Dec 22:00) needs the third day.
    let p = plan_with("below_hours = 36", "below_hours = 60");
    case.hourly = &clean_obs;
    let f = flat(8, &[90.0, 80.0]);
    case.forecast = &f;
    assert_eq!(case.run(&p).action, Action::Keep);
    assert_eq!(case.run(&default_plan()).action, Action::Lift);
}

#[test]
fn short_clean_spell_pauses_instead_of_lifting() {
    let state = WarningState::Active {
        level: Level::Orange,
        since: at(6, 0),
    };
    // Clean today, heavy again tomorrow (gap 24 h ≤ 36 h): one episode; 14 h to go → pause.
    let f = flat(8, &[90.0, 230.0, 240.0, 100.0]);
    let mut case = Case::new(&f, at(8, 10));
    case.state = state;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Orange, Action::Pause),
        "{}",
        reasons(&a)
    );
    assert_eq!((a.start, a.end), (Some(at(8, 11)), Some(at(9, 0))));
    // Late in the day, too short to bother: keep.
    case.at = at(8, 15);
    let a = case.run(&default_plan());
    assert_eq!(a.action, Action::Keep, "{}", reasons(&a));
    assert!(has_reason(&a, "不满足解除条件"), "{}", reasons(&a));
    // Pausing switched off in the plan: keep.
    let off = plan_with(
        "enabled = true\nmin_hours = 12",
        "enabled = false\nmin_hours = 12",
    );
    case.at = at(8, 10);
    assert_eq!(case.run(&off).action, Action::Keep);
    // A two-day gap is longer than 36 h: lift now.
    let f = flat(8, &[90.0, 80.0, 230.0, 240.0]);
    case.forecast = &f;
    let a = case.run(&default_plan());
    assert_eq!(a.action, Action::Lift, "{}", reasons(&a));
    assert!(has_reason(&a, "可能再次达到"), "{}", reasons(&a));
}

#[test]
fn paused_warning_resumes_or_lifts() {
    let state = WarningState::Paused {
        level: Level::Orange,
        since: at(8, 11),
    };
    let f = flat(8, &[90.0, 230.0, 240.0, 100.0]);
    let mut case = Case::new(&f, at(8, 20));
    case.state = state;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Orange, Action::Resume),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(9, 0)));
    let f = flat(8, &[90.0, 80.0, 70.0]);
    case.forecast = &f;
    assert_eq!(case.run(&default_plan()).action, Action::Lift);
}

#[test]
fn active_warning_is_upgraded_kept_or_downgraded() {
    // Yellow in force; red conditions now forecast → upgrade at once (the episode has begun).
    let f = flat(8, &[220.0, 230.0, 320.0, 100.0]);
    let mut case = Case::new(&f, at(8, 10));
    case.state = WarningState::Active {
        level: Level::Yellow,
        since: at(7, 20),
    };
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Red, Action::Upgrade),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(8, 11)));
    // Red in force and still forecast: keep, with the expected lifting time.
    case.state = WarningState::Active {
        level: Level::Red,
        since: at(7, 20),
    };
    let f = flat(8, &[220.0, 230.0, 320.0, 100.0, 90.0]);
    case.forecast = &f;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Red, Action::Keep),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(7, 20)));
    assert_eq!(a.end, Some(at(11, 0)));
    assert!(
        has_reason(&a, "预计12月11日0时起低于黄色预警条件"),
        "{}",
        reasons(&a)
    );
    // Later: only 48 h > 200 left → downgrade to orange, although measured days before today
    // make the whole episode red.
    let f = flat(10, &[220.0, 210.0, 100.0, 90.0]);
    let daily = [(date(8), 320.0), (date(9), 310.0)];
    case.forecast = &f;
    case.daily = &daily;
    case.at = at(10, 10);
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Orange, Action::Downgrade),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(10, 11)));
}

#[test]
fn measured_days_count_towards_an_ongoing_episode() {
    // Measured 230, 240 on 6–7 Dec; forecast 250 on 8 Dec → 72 h > 200 → orange.
    let f = flat(8, &[250.0, 100.0]);
    let daily = [(date(6), 230.0), (date(7), 240.0)];
    let mut case = Case::new(&f, at(8, 8));
    case.daily = &daily;
    let a = case.run(&default_plan());
    assert_eq!(a.level, Level::Orange, "{}", reasons(&a));
    assert!(
        has_reason(&a, "实测及预测12月6日至8日日AQI>200持续72小时"),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(8, 9)));
    // The plan can switch this off: then only 8 Dec counts → yellow.
    let p = plan_with("count_observed_days = true", "count_observed_days = false");
    assert_eq!(case.run(&p).level, Level::Yellow);
}

#[test]
fn episodes_with_a_short_gap_are_one_episode_at_the_stricter_level() {
    // Yellow on 8 Dec, clean 9 Dec, red 10–12 Dec: one episode from 8 Dec at red.
    let f = flat(8, &[220.0, 120.0, 230.0, 320.0, 240.0, 90.0, 80.0]);
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Red, "{}", reasons(&a));
    assert_eq!((a.start, a.end), (Some(at(8, 0)), Some(at(13, 0))));
    assert!(has_reason(&a, "按一次过程处理"), "{}", reasons(&a));
    assert!(
        has_reason(&a, "以过程最高级别红色预警启动"),
        "{}",
        reasons(&a)
    );
    // Staged reading: yellow first, red from 10 Dec.
    let p = plan_with("episode_level = \"max\"", "episode_level = \"staged\"");
    let a = Case::new(&f, at(6, 10)).run(&p);
    assert_eq!(a.level, Level::Yellow, "{}", reasons(&a));
    let levels: Vec<Level> = a.stages.iter().map(|s| s.level).collect();
    assert_eq!(levels, [Level::Yellow, Level::Red]);
    assert_eq!(a.stages[1].start, at(10, 0));
    assert!(
        has_reason(&a, "预计12月10日起达到红色预警条件"),
        "{}",
        reasons(&a)
    );
    // Two clean days (48 h > 36 h) separate the episodes: yellow for 8 Dec only.
    let f = flat(8, &[220.0, 120.0, 110.0, 230.0, 320.0, 240.0]);
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Yellow, "{}", reasons(&a));
    assert_eq!(a.end, Some(at(9, 0)));
}

#[test]
fn ozone_or_dust_episodes_take_the_advisory_path() {
    use PrimaryPollutant as P;
    let f = vec![fc_p(8, 210.0, 230.0, P::O3), fc_p(9, 160.0, 180.0, P::O3)];
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::None, Action::Advisory),
        "{}",
        reasons(&a)
    );
    assert!(a.advisory);
    assert_eq!(a.advisory_level, Some(Level::Yellow));
    assert!(has_reason(&a, "首要污染物为臭氧"), "{}", reasons(&a));
    let f = vec![fc_p(8, 330.0, 400.0, P::Dust)];
    let a = Case::new(&f, at(7, 10)).run(&default_plan());
    assert_eq!(a.action, Action::Advisory);
    // A PM2.5 day in the same episode still warns; the O3 day is left out.
    let f = vec![fc_p(8, 210.0, 230.0, P::Pm25), fc_p(9, 210.0, 230.0, P::O3)];
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Yellow, Action::Issue),
        "{}",
        reasons(&a)
    );
    assert!(has_reason(&a, "不计入预警条件"), "{}", reasons(&a));
    // The plan decides which causes are advisory.
    let p = plan_with("causes = [\"O3\", \"dust\"]", "causes = [\"dust\"]");
    let f = vec![fc_p(8, 210.0, 230.0, P::O3)];
    assert_eq!(Case::new(&f, at(7, 10)).run(&p).level, Level::Yellow);
}

#[test]
fn thresholds_come_from_the_plan() {
    // A stricter local plan: yellow at > 180 for one day.
    let p = plan_with(
        "text = \"预测日AQI>200\"\nall = [{ above = 200, hours = 24 }]",
        "text = \"预测日AQI>180\"\nall = [{ above = 180, hours = 24 }]",
    );
    let f = flat(9, &[120.0, 190.0, 100.0]);
    assert_eq!(Case::new(&f, at(7, 10)).run(&p).level, Level::Yellow);
    assert_eq!(
        Case::new(&f, at(7, 10)).run(&default_plan()).level,
        Level::Temporary
    );
}

#[test]
fn open_ended_episode_and_missing_forecast_are_said() {
    let f = flat(8, &[230.0, 240.0]);
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert!(a.end_open);
    assert!(has_reason(&a, "至预报期末"), "{}", reasons(&a));
    let f = flat(1, &[230.0]);
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::None);
    assert!(has_reason(&a, "没有今日及以后的AQI预报"), "{}", reasons(&a));
}

#[test]
fn stale_forecast_is_pointed_out() {
    let f = flat(8, &[80.0]);
    let a = advise(
        &default_plan(),
        &AdvisorInput {
            forecast: &f,
            issued: Some(at(5, 16)),
            observed_hourly: &[],
            observed_daily: &[],
            windows: &[],
            state: WarningState::None,
            at: at(7, 10),
            utc_offset_s: CST,
        },
    );
    assert!(has_reason(&a, "已超过24小时"), "{}", reasons(&a));
}

#[test]
fn episodes_crossing_the_new_year_read_naturally() {
    let f = flat(30, &[230.0, 320.0, 250.0, 90.0]);
    let a = Case::new(&f, at(28, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Red);
    assert!(
        has_reason(
            &a,
            "预测12月30日至1月1日日AQI>200持续72小时，且12月31日>300"
        ),
        "{}",
        reasons(&a)
    );
}

#[test]
fn measured_heavy_days_extend_a_long_episode_for_the_upper_bound() {
    // Two measured heavy days, then two forecast days whose upper bound is > 200: four days of
    // heavy pollution, so the forecast is read by its upper bound (midpoints would be 195, 185).
    let f = vec![
        fc(8, 170.0, 220.0),
        fc(9, 150.0, 220.0),
        fc(10, 80.0, 100.0),
    ];
    let daily = [(date(6), 230.0), (date(7), 240.0)];
    let mut case = Case::new(&f, at(8, 8));
    case.daily = &daily;
    let a = case.run(&default_plan());
    let today = a.days.iter().find(|d| d.date == date(8)).expect("today");
    assert_eq!((today.value, today.basis), (220.0, Some(RangePoint::Upper)));
    assert_eq!(a.level, Level::Orange, "{}", reasons(&a));
    // Without measured days: two days only → midpoints → > 150 for 48 h → yellow.
    case.daily = &[];
    assert_eq!(case.run(&default_plan()).level, Level::Yellow);
}

#[test]
fn a_peak_already_past_does_not_upgrade_an_active_warning() {
    // Orange in force; measured 320 yesterday, forecast 230 and 220 for today and tomorrow.
    // The run > 200 goes on for 96 h, but the day > 300 is behind us: keep orange, not red.
    let f = flat(10, &[230.0, 220.0, 90.0, 80.0]);
    let daily = [(date(8), 240.0), (date(9), 320.0)];
    let mut case = Case::new(&f, at(10, 10));
    case.daily = &daily;
    case.state = WarningState::Active {
        level: Level::Orange,
        since: at(8, 12),
    };
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Orange, Action::Keep),
        "{}",
        reasons(&a)
    );
    // With no warning in force the same data calls for orange from now (the episode goes on).
    case.state = WarningState::None;
    let a = case.run(&default_plan());
    assert_eq!(
        (a.level, a.action),
        (Level::Orange, Action::Issue),
        "{}",
        reasons(&a)
    );
    assert_eq!(a.start, Some(at(10, 11)));
}

/// A 2017-style four-level plan (blue to red), as older local plans still have.
const FOUR_LEVELS: &str = r##"
[plan]
name = "旧版四级预案"
area = "某市"

[rules]
lead_time_hours = 24
count_observed_days = true
episode_level = "max"
forecast_range = { normal = "mid", long_episode = "upper", long_episode_days = 3, long_episode_above = 200 }
nowcast = { enabled = true, above = 200, hours = 3, no_improvement_hours = 12, improvement_at_most = 200 }
lift = { below_hours = 36, observed_at_most = 150 }
pause = { enabled = false, min_hours = 12 }
advisory = { causes = [] }

[levels.blue]
colour = "#0000FF"
triggers = [{ all = [{ above = 200, hours = 24 }] }]
measures = [{ id = "B1", category = "health", text = "减少户外活动", units = ["wjj"], deadline_hours = 0, feedback = "发布情况" }]

[levels.yellow]
colour = "#FFFF00"
triggers = [{ all = [{ above = 200, hours = 48 }] }]
measures = [{ id = "Y1", category = "health", text = "减少户外活动", units = ["wjj"], deadline_hours = 0, feedback = "发布情况" }]

[levels.orange]
colour = "#FF7E00"
triggers = [{ all = [{ above = 200, hours = 72 }, { above = 300, hours = 24 }] }]
measures = [{ id = "O1", category = "health", text = "避免户外活动", units = ["wjj"], deadline_hours = 0, feedback = "发布情况" }]

[levels.red]
colour = "#FF0000"
triggers = [
  { all = [{ above = 200, hours = 96 }, { above = 300, hours = 48 }] },
  { text = "日AQI达到500", all = [{ at_least = 500, hours = 24 }] },
]
measures = [{ id = "R1", category = "schools", text = "停课", units = ["jyj"], deadline_hours = 0, feedback = "名单" }]

[[units]]
id = "wjj"
name = "市卫生健康委"
kind = "department"

[[units]]
id = "jyj"
name = "市教育局"
kind = "department"

[templates]
warning = "{level_name}"
unit = "{unit}"
adjust = "{from_level_name}"
lift = "{lift_time}"
"##;

#[test]
fn older_four_level_plans_with_blue_work() {
    let p = plan::parse(FOUR_LEVELS).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(p.lowest_warning().map(|l| l.level), Some(Level::Blue));
    let cases: [(&[f32], Level); 5] = [
        (&[210.0, 100.0], Level::Blue),
        (&[210.0, 220.0, 100.0], Level::Yellow),
        (&[210.0, 320.0, 220.0, 100.0], Level::Orange),
        (&[210.0, 320.0, 330.0, 220.0, 100.0], Level::Red),
        (&[500.0, 100.0], Level::Red),
    ];
    for (values, level) in cases {
        let f = flat(8, values);
        let a = Case::new(&f, at(6, 10)).run(&p);
        assert_eq!(a.level, level, "{values:?}: {}", reasons(&a));
    }
    let f = flat(8, &[500.0, 100.0]);
    let a = Case::new(&f, at(6, 10)).run(&p);
    assert!(
        has_reason(&a, "预测12月8日日AQI≥500 → 红色预警（预案：日AQI达到500）"),
        "{}",
        reasons(&a)
    );
    // Below blue there is no temporary band in this plan.
    let f = flat(8, &[160.0, 170.0]);
    assert_eq!(Case::new(&f, at(6, 10)).run(&p).level, Level::None);
}

#[test]
fn a_later_separate_episode_is_mentioned_and_far_dates_are_ignored() {
    let mut f = flat(8, &[220.0, 100.0, 90.0, 230.0, 320.0, 250.0]);
    f.push(fc(2000, 300.0, 400.0));
    let a = Case::new(&f, at(6, 10)).run(&default_plan());
    assert_eq!(a.level, Level::Yellow, "{}", reasons(&a));
    assert!(
        has_reason(&a, "另：预测12月11日起可能再次出现达到红色预警条件的过程"),
        "{}",
        reasons(&a)
    );
    assert!(has_reason(&a, "已忽略"), "{}", reasons(&a));
    assert!(a.days.len() < 20);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn state() -> impl Strategy<Value = WarningState> {
        let level = prop_oneof![Just(Level::Yellow), Just(Level::Orange), Just(Level::Red)];
        prop_oneof![
            Just(WarningState::None),
            (level.clone(), 0i64..72).prop_map(|(level, h)| WarningState::Active {
                level,
                since: at(5, 0) + h
            }),
            (level, 0i64..72).prop_map(|(level, h)| WarningState::Paused {
                level,
                since: at(5, 0) + h
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever comes in, the advice is coherent and nothing panics.
        #[test]
        fn advice_is_coherent(
            ranges in prop::collection::vec((0f32..500.0, 0f32..120.0, 0usize..4), 0..10),
            first in 3u32..12,
            hourly in prop::collection::vec(0f32..500.0, 0..8),
            daily in prop::collection::vec(0f32..500.0, 0..3),
            state in state(),
            hour in 0i64..96,
        ) {
            let causes = [PrimaryPollutant::Pm25, PrimaryPollutant::O3, PrimaryPollutant::Dust, PrimaryPollutant::Pm10];
            let forecast: Vec<ForecastDay> = ranges
                .iter()
                .enumerate()
                .map(|(i, &(min, width, p))| fc_p(first + i as u32, min, (min + width).min(500.0), causes[p]))
                .collect();
            let now = at(7, 0) + hour;
            let hourly: Vec<(Hour, f32)> = hourly
                .iter()
                .enumerate()
                .map(|(k, &v)| (now - k as i64, v))
                .collect();
            let today = now.to_local(CST).date_naive();
            let daily: Vec<(NaiveDate, f32)> = daily
                .iter()
                .enumerate()
                .map(|(k, &v)| (today - chrono::Days::new(k as u64 + 1), v))
                .collect();
            let mut case = Case::new(&forecast, now);
            case.hourly = &hourly;
            case.daily = &daily;
            case.state = state;
            let a = case.run(&default_plan());
            prop_assert_eq!(reasons_in(Language::Zh, &a).len(), reasons_in(Language::En, &a).len());
            prop_assert!(!a.reasons.is_empty() || a.action == Action::None);
            match a.action {
                Action::Issue | Action::Upgrade | Action::Resume => {
                    prop_assert!(a.level.is_warning());
                    prop_assert!(a.start.is_some() && a.issue_by.is_some() && a.end.is_some());
                    prop_assert!(a.start.unwrap_or(now) > now);
                    prop_assert!(a.start <= a.end);
                }
                Action::Downgrade | Action::Pause => {
                    prop_assert!(a.level.is_warning());
                    prop_assert!(a.start <= a.end);
                }
                Action::Keep => prop_assert!(a.level.is_warning()),
                Action::Temporary => prop_assert_eq!(a.level, Level::Temporary),
                Action::Advisory => {
                    prop_assert!(a.advisory && a.level == Level::None);
                    prop_assert!(a.advisory_level.is_some_and(Level::is_warning));
                }
                Action::Lift | Action::None => prop_assert_eq!(a.level, Level::None),
            }
            if let WarningState::Active { level, .. } = state {
                match a.action {
                    Action::Upgrade => prop_assert!(a.level > level),
                    Action::Downgrade => prop_assert!(a.level < level),
                    Action::Keep | Action::Pause => prop_assert_eq!(a.level, level),
                    Action::Lift => {}
                    other => prop_assert!(false, "{other:?} for an active warning"),
                }
            }
            if matches!(state, WarningState::None) {
                prop_assert!(!matches!(
                    a.action,
                    Action::Upgrade | Action::Downgrade | Action::Keep | Action::Pause | Action::Resume | Action::Lift
                ));
            }
        }
    }
}

#[test]
fn a_warning_that_follows_the_citys_is_not_lifted_or_lowered_below_it() {
    let state = WarningState::Active {
        level: Level::Orange,
        since: at(6, 0),
    };
    let clean_obs = hours_at(at(8, 10), 3, 90.0);
    let f = flat(8, &[90.0, 80.0, 70.0]);
    let mut case = Case::new(&f, at(8, 10));
    case.state = state;
    case.hourly = &clean_obs;
    let mut a = case.run(&default_plan());
    assert_eq!(a.action, Action::Lift, "{}", reasons(&a));
    // The city's orange warning still stands: keep orange, saying why.
    follow_regional(&mut a, state, Level::Orange, "邯郸市重污染天气应急指挥部");
    assert_eq!((a.level, a.action), (Level::Orange, Action::Keep));
    assert!(
        reasons_in(Language::Zh, &a)[0].contains("依据邯郸市重污染天气应急指挥部发布的橙色预警"),
        "{}",
        reasons(&a)
    );
    // The city at yellow: lower to yellow, not lift.
    let mut a = case.run(&default_plan());
    follow_regional(&mut a, state, Level::Yellow, "邯郸市重污染天气应急指挥部");
    assert_eq!((a.level, a.action), (Level::Yellow, Action::Downgrade));
    // Advice already at or above the city's level is left alone.
    let heavy = flat(8, &[320.0, 330.0, 340.0, 350.0]);
    let mut case = Case::new(&heavy, at(8, 10));
    case.state = state;
    let before = case.run(&default_plan());
    let mut a = before.clone();
    follow_regional(&mut a, state, Level::Yellow, "邯郸市重污染天气应急指挥部");
    assert_eq!(a, before);
}
