//! `airdesk advise --forecast F [--plan P] [--obs FILE…] [--stations CODE…] [--weather FILE…]
//! [--at TIME] [--active LEVEL --since TIME [--paused]] [--json]`: which warning level the plan
//! calls for, from when, and why.
//!
//! JSON (one object): `level` (`none`, `temporary`, `blue`, `yellow`, `orange`, `red`), `action`
//! (`none`, `temporary`, `advisory`, `issue`, `upgrade`, `downgrade`, `keep`, `pause`, `resume`,
//! `lift`), `start`, `end`, `issue_by` (ISO-8601 with offset, or null), `end_open`, `late`,
//! `nowcast`, `advisory`, `advisory_level`, `level_name`, `reasons` and `reasons_en` (arrays of
//! strings), `stages`, `days` (the days as judged), `plan`, `at`, `observed` (how the measured
//! area AQI was obtained, or null) and `problems` (of the forecast and observation files).
//!
//! Measured area AQI: computed per HJ 633 (standard by date) from the chosen stations' mean
//! concentrations — hourly from the 1-hour means, daily from the daily means (each station's
//! daily mean valid with ≥ 20 hourly values). An hourly value counts as known at the end of its
//! averaging hour.

use super::output::outln;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::advisor::{
    self, Advice, AdvisorInput, ForecastDay, JudgedDay, WarningState, WeatherWindow,
};
use crate::domain::aqi;
use crate::domain::plan::{Level, Plan};
use crate::domain::windows::{self, HourlyWeather, WindowSettings};
use crate::i18n::{Language, Tr, ZH};
use crate::ingest::{self, FileReport};
use crate::store::{Hour, SeriesKind, StampConvention, StationId, Store};

use super::{Failure, ProblemJson, print_json_line};

/// Beijing time: the clock of Chinese plans, forecasts and the CNEMC feed.
const CST: i32 = 8 * 3600;

/// Arguments of `airdesk advise`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// AQI forecast CSV: date,aqi_min,aqi_max[,primary] (or 日期,AQI下限,AQI上限,首要污染物).
    #[arg(long)]
    pub forecast: PathBuf,
    /// Emergency plan (TOML); the built-in default plan (2024 national guidance) when absent.
    #[arg(long)]
    pub plan: Option<PathBuf>,
    /// Station data files (e.g. CNEMC site files) for the measured AQI.
    #[arg(long, num_args = 1..)]
    pub obs: Vec<PathBuf>,
    /// Station codes that make up the area (default: every station in the --obs files);
    /// `--stations A B` or `--stations A,B`.
    #[arg(long, num_args = 1.., value_delimiter = ',')]
    pub stations: Vec<String>,
    /// Hourly weather files (forecast, or observations standing in for one) for the
    /// unfavourable-weather windows named in the reasons; every location in them is averaged.
    #[arg(long, num_args = 1..)]
    pub weather: Vec<PathBuf>,
    /// Time of the advice: 2019-12-07T10:00 (Beijing time unless an offset is given); default now.
    #[arg(long)]
    pub at: Option<String>,
    /// When the forecast was issued (a forecast older than 24 h is pointed out).
    #[arg(long)]
    pub issued: Option<String>,
    /// The warning in force: blue, yellow, orange or red (needs --since).
    #[arg(long, value_enum)]
    pub active: Option<Level>,
    /// When the warning in force took effect (or was paused, with --paused).
    #[arg(long)]
    pub since: Option<String>,
    /// The warning in force is paused.
    #[arg(long)]
    pub paused: bool,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when any row or value of the input files had to be skipped.
    #[arg(long)]
    pub strict: bool,
    /// Language of the load problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
}

/// A time option as an hour on the grid (see [`super::parse_time`]).
fn parse_hour(s: &str) -> Result<Hour, Failure> {
    super::parse_time(s).map(|t| Hour::from_utc(t.to_utc()))
}

fn iso(h: Hour) -> String {
    h.to_local(CST).to_rfc3339()
}

/// The measured area AQI and how it was obtained.
#[derive(Default)]
struct Observed {
    hourly: Vec<(Hour, f32)>,
    daily: Vec<(NaiveDate, f32)>,
    stations: Vec<String>,
}

/// The chosen stations' area AQI (all stations with pollutant data when none are chosen).
fn observed_aqi(store: &Store, codes: &[String]) -> Result<Observed, Failure> {
    let table = store.stations();
    let ids: Vec<StationId> = if codes.is_empty() {
        aqi::stations_with_pollutants(store)
    } else {
        codes
            .iter()
            .map(|c| {
                table.find(c).ok_or_else(|| {
                    Failure::unusable(format!("station {c} is not in the --obs files"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let spans: Vec<(Hour, Hour)> = ids
        .iter()
        .filter_map(|id| aqi::pollutant_span(store, *id))
        .collect();
    let (Some(from), Some(to)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return Ok(Observed::default());
    };
    let config = aqi::AqiConfig::default();
    // Spans are stamps; averaging hours start up to one hour earlier.
    let hourly = aqi::area_hourly_series(store, &ids, from - 1, to + 1, &config)
        .into_iter()
        .filter_map(|h| Some((h.period_start + 1, f32::from(h.result.aqi?))))
        .collect();
    let first_day = from.day(StampConvention::EndOfHour, CST);
    let last_day = to.day(StampConvention::StartOfHour, CST);
    let daily = aqi::area_daily_series(store, &ids, first_day, last_day, &config)
        .into_iter()
        .filter_map(|d| Some((d.day.date, f32::from(d.day.result.aqi?))))
        .collect();
    let stations = ids.iter().map(|id| table.get(*id).code.clone()).collect();
    Ok(Observed {
        hourly,
        daily,
        stations,
    })
}

/// Unfavourable-weather windows from a day before `at` to the day after the last forecast day,
/// with the default window settings. Forecast series are used when the files hold any, else the
/// observations.
fn weather_windows(
    paths: &[PathBuf],
    at: Hour,
    forecast: &[ForecastDay],
    reports: &mut Vec<FileReport>,
    lang: Language,
) -> Result<Vec<WeatherWindow>, Failure> {
    let (store, load) = super::load_files(paths, lang)?;
    reports.extend(load.files);
    let kind = if store.keys().iter().any(|k| k.kind == SeriesKind::Forecast) {
        SeriesKind::Forecast
    } else {
        SeriesKind::Observed
    };
    let stations: Vec<StationId> = store.stations().iter().map(|(id, _)| id).collect();
    let last_day = forecast
        .iter()
        .map(|f| f.date)
        .max()
        .unwrap_or_else(|| at.to_local(CST).date_naive());
    let to = Hour::from_local_date_hour(last_day, 48, CST).max(at);
    let weather = HourlyWeather::from_store(&store, &stations, kind, at - 24, to);
    let settings = WindowSettings::default();
    let hours = windows::assess_hours(&weather, &settings);
    Ok(windows::find_windows(&hours, &settings)
        .windows
        .iter()
        .map(WeatherWindow::from)
        .collect())
}

fn warning_state(args: &Args) -> Result<WarningState, Failure> {
    let Some(level) = args.active else {
        if args.paused || args.since.is_some() {
            return Err(Failure::unusable(
                "--paused and --since need --active LEVEL (the warning in force)",
            ));
        }
        return Ok(WarningState::None);
    };
    if !level.is_warning() {
        return Err(Failure::unusable(format!(
            "--active {level}: expected blue, yellow, orange or red"
        )));
    }
    let since = args
        .since
        .as_deref()
        .ok_or_else(|| Failure::unusable("--active needs --since TIME (when it took effect)"))
        .and_then(parse_hour)?;
    Ok(if args.paused {
        WarningState::Paused { level, since }
    } else {
        WarningState::Active { level, since }
    })
}

#[derive(serde::Serialize)]
struct StageJson {
    level: Level,
    start: String,
    end: String,
}

#[derive(serde::Serialize)]
struct LatestJson {
    time: String,
    aqi: f32,
}

#[derive(serde::Serialize)]
struct ObservedJson {
    method: &'static str,
    stations: Vec<String>,
    hours: usize,
    days: usize,
    latest: Option<LatestJson>,
}

#[derive(serde::Serialize)]
struct AdviceJson<'a> {
    level: Level,
    level_name: &'a str,
    action: advisor::Action,
    start: Option<String>,
    end: Option<String>,
    end_open: bool,
    issue_by: Option<String>,
    late: bool,
    nowcast: bool,
    advisory: bool,
    advisory_level: Option<Level>,
    reasons: Vec<String>,
    reasons_en: Vec<String>,
    stages: Vec<StageJson>,
    days: &'a [JudgedDay],
    plan: &'a str,
    at: String,
    observed: Option<ObservedJson>,
    problems: Vec<ProblemJson>,
}

/// Run `advise`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let at = match &args.at {
        Some(s) => parse_hour(s)?,
        None => Hour::from_utc(chrono::Utc::now()),
    };
    let issued = args.issued.as_deref().map(parse_hour).transpose()?;
    let state = warning_state(args)?;
    let plan = super::load_plan(args.plan.as_deref(), args.lang)?;
    let today = at.to_local(CST).date_naive();
    let (forecast, forecast_report) = ingest::load_forecast(&args.forecast, Some(today));
    if forecast_report.failed() {
        return Err(Failure::unusable(super::unusable_file(
            &forecast_report,
            args.lang,
        )));
    }
    if forecast.is_empty() {
        return Err(Failure::unusable(format!(
            "{}: no forecast day could be read",
            args.forecast.display()
        )));
    }
    let mut reports: Vec<FileReport> = vec![forecast_report];
    let observed = if args.obs.is_empty() {
        if !args.stations.is_empty() {
            return Err(Failure::unusable("--stations needs --obs FILE…"));
        }
        None
    } else {
        let (store, load) = super::load_files(&args.obs, args.lang)?;
        reports.extend(load.files);
        let obs = observed_aqi(&store, &args.stations)?;
        if obs.stations.is_empty() {
            return Err(Failure::unusable(
                "the --obs files hold no pollutant concentrations for the chosen stations",
            ));
        }
        Some(obs)
    };
    let weather = if args.weather.is_empty() {
        Vec::new()
    } else {
        weather_windows(&args.weather, at, &forecast, &mut reports, args.lang)?
    };
    let empty = Observed::default();
    let obs = observed.as_ref().unwrap_or(&empty);
    let input = AdvisorInput {
        forecast: &forecast,
        issued,
        observed_hourly: &obs.hourly,
        observed_daily: &obs.daily,
        windows: &weather,
        state,
        at,
        utc_offset_s: CST,
    };
    let advice = advisor::advise(&plan, &input);
    let problems: Vec<ProblemJson> = reports
        .iter()
        .flat_map(|r| r.problems.iter())
        .map(|p| ProblemJson::new(p, args.lang))
        .collect();
    let skipped: u64 = reports.iter().map(FileReport::problem_count).sum();
    let observed_json = observed.as_ref().map(|o| ObservedJson {
        method: "HJ 633 AQI of the stations' mean concentrations (hourly: 1-h means; daily: daily means, each valid with >= 20 hours)",
        stations: o.stations.clone(),
        hours: o.hourly.len(),
        days: o.daily.len(),
        latest: o
            .hourly
            .iter()
            .rev()
            .find(|(h, _)| *h <= at)
            .map(|&(h, v)| LatestJson {
                time: iso(h),
                aqi: v.round(),
            }),
    });
    if args.json {
        print_json_line(&AdviceJson {
            level: advice.level,
            level_name: ZH.plan_level(&plan, advice.level),
            action: advice.action,
            start: advice.start.map(iso),
            end: advice.end.map(iso),
            end_open: advice.end_open,
            issue_by: advice.issue_by.map(iso),
            late: advice.late,
            nowcast: advice.nowcast,
            advisory: advice.advisory,
            advisory_level: advice.advisory_level,
            reasons: ZH.reasons(&advice, &plan),
            reasons_en: Tr(Language::En).reasons(&advice, &plan),
            stages: advice
                .stages
                .iter()
                .map(|s| StageJson {
                    level: s.level,
                    start: iso(s.start),
                    end: iso(s.end),
                })
                .collect(),
            days: &advice.days,
            plan: &plan.info.name,
            at: iso(at),
            observed: observed_json,
            problems,
        })?;
    } else {
        print_text(&plan, &advice, at, observed_json.as_ref(), &problems);
    }
    if args.strict && skipped > 0 {
        return Err(Failure::check(format!(
            "{skipped} problem(s) found (--strict)"
        )));
    }
    Ok(())
}

fn local(h: Hour) -> DateTime<FixedOffset> {
    h.to_local(CST)
}

fn action_zh(a: advisor::Action) -> &'static str {
    use advisor::Action::*;
    match a {
        None => "无需行动",
        Temporary => "可采取临时管控措施",
        Advisory => "发布健康提示，加强日常监管",
        Issue => "发布预警",
        Upgrade => "升级预警",
        Downgrade => "降级预警",
        Keep => "维持现状",
        Pause => "暂停响应",
        Resume => "恢复响应",
        Lift => "解除预警",
    }
}

fn print_text(
    plan: &Plan,
    advice: &Advice,
    at: Hour,
    observed: Option<&ObservedJson>,
    problems: &[ProblemJson],
) {
    let fmt = |h: Hour| local(h).format("%Y-%m-%d %H:%M").to_string();
    outln!("{}", plan.info.name);
    outln!("研判时间 at        {} (UTC+8)", fmt(at));
    outln!(
        "建议 advice        {} ({}) — {} ({:?})",
        ZH.plan_level(plan, advice.level),
        advice.level.code(),
        action_zh(advice.action),
        advice.action
    );
    if let Some(l) = advice.advisory_level {
        outln!(
            "按AQI相当于        {} ({})",
            ZH.plan_level(plan, l),
            l.code()
        );
    }
    if let Some(s) = advice.start {
        outln!("开始 start         {}", fmt(s));
    }
    if let Some(e) = advice.end {
        let open = if advice.end_open {
            "（预报期末仍未结束 still going at the end of the forecast）"
        } else {
            ""
        };
        outln!("结束 end           {}{open}", fmt(e));
    }
    if let Some(b) = advice.issue_by {
        let late = if advice.late {
            "（已不能满足提前量 late）"
        } else {
            ""
        };
        outln!("发布期限 issue by  {}{late}", fmt(b));
    }
    if advice.stages.len() > 1 {
        for s in &advice.stages {
            outln!(
                "  阶段 stage       {} – {}  {}",
                fmt(s.start),
                fmt(s.end),
                ZH.plan_level(plan, s.level)
            );
        }
    }
    outln!("理由 reasons");
    let en = Tr(Language::En).reasons(advice, plan);
    for (zh, en) in ZH.reasons(advice, plan).iter().zip(&en) {
        outln!("  - {zh}");
        outln!("    {en}");
    }
    outln!("逐日 days");
    for d in &advice.days {
        let range = d
            .range
            .map_or(String::new(), |(a, b)| format!("  预报 {a}–{b}"));
        let primary: Vec<&str> = d.primary.iter().map(|p| p.code()).collect();
        outln!(
            "  {}  {:>5.0}  {:<8}{range}  {}  {}",
            d.date,
            d.value,
            format!("{:?}", d.source).to_lowercase(),
            primary.join("、"),
            d.level.code()
        );
    }
    if let Some(o) = observed {
        outln!(
            "实测 observed      {} station(s), {} hour(s), {} day(s): {}",
            o.stations.len(),
            o.hours,
            o.days,
            o.method
        );
        if let Some(l) = &o.latest {
            outln!("  latest           {}  AQI {}", l.time, l.aqi);
        }
    }
    if !problems.is_empty() {
        outln!("问题 problems      {}", problems.len());
        for p in problems {
            outln!("  {}", p.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_beijing_unless_an_offset_is_given() {
        let d = NaiveDate::from_ymd_opt(2019, 12, 7).expect("date");
        let ten = Hour::from_local_date_hour(d, 10, CST);
        assert_eq!(parse_hour("2019-12-07T10:00").ok(), Some(ten));
        assert_eq!(parse_hour("2019-12-07 10:30").ok(), Some(ten));
        assert_eq!(parse_hour("2019-12-07T02:00:00Z").ok(), Some(ten));
        assert_eq!(parse_hour("2019-12-07T10:00:00+08:00").ok(), Some(ten));
        assert_eq!(
            parse_hour("2019-12-07").ok(),
            Some(Hour::from_local_date_hour(d, 0, CST))
        );
        assert!(parse_hour("7 Dec").is_err());
    }
}
