//! The advisor's current advice at the top of the decision tab: the workspace's AQI forecast
//! ([`Workspace::aqi_forecast_path`](crate::workspace::Workspace::aqi_forecast_path):
//! `aqi_forecast` in the settings, else `forecast.csv` in the workspace folder; any format
//! `ingest::load_forecast` reads), the measured area AQI of the loaded data (the desk's stations:
//! hand-picked, else the area's, else every station with pollutants) and the unfavourable-weather
//! windows of the meteorological forecast in the store — found exactly as the weather page finds
//! them by default (`domain::weather_view`: the first forecast location, the same period, the
//! workspace's `[windows]` thresholds) — against the plan and the warning in force.
//!
//! Computed once per data load, forecast file change, hour, journal change and threshold change,
//! not per frame.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::advisor::{Advice, AdvisorInput, WeatherWindow, advise, follow_regional};
use crate::domain::aqi;
use crate::domain::outlook::{OutlookSettings, Risk};
use crate::domain::plan::Level;
use crate::domain::plan::Plan;
use crate::domain::response::ResponseState;
use crate::domain::weather_view;
use crate::domain::windows::WindowSettings;
use crate::ingest::load_forecast;
use crate::report::episode_air::desk_stations;
use crate::store::{Hour, StampConvention, StationId, Store};
use crate::ui::i18n::{T, Tr};

/// Beijing time, the offset of local days.
const CST: i32 = 8 * 3600;

/// What the advice was computed from.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    generation: u64,
    forecast: PathBuf,
    workspace_files: u64,
    at: Hour,
    journal: Option<u64>,
    area: String,
    stations: Vec<String>,
    windows: WindowSettings,
    outlook: OutlookSettings,
}

/// The riskiest day of the weather outlook from today on (the local weather model on the Weather
/// page), kept beside the advice so a page can say why the two may read differently.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlookPeak {
    /// The day.
    pub date: NaiveDate,
    /// Its risk class.
    pub risk: Risk,
    /// Its expected daily AQI range.
    pub aqi_range: (u32, u32),
}

/// The advice, or why there is none.
#[derive(Debug, Clone)]
pub enum Advised {
    /// The advisor's answer, with the weather outlook's riskiest day.
    Advice(Box<Advice>, Option<OutlookPeak>),
    /// No forecast file in the workspace.
    NoForecast(PathBuf),
    /// The forecast file could not be used: the file, and its first problem (with line and
    /// column) when there is one.
    BadForecast(PathBuf, Option<Box<crate::ingest::Problem>>),
}

/// The cached advice.
#[derive(Debug, Default)]
pub struct AdviceCache {
    key: Option<Key>,
    value: Option<Advised>,
}

/// What the advisor looks at, gathered by the page.
pub struct Sources<'a> {
    /// The AQI forecast file.
    pub forecast: PathBuf,
    /// The watcher's count of changes to the workspace's own files (the forecast among them).
    pub workspace_files: u64,
    /// Loaded data and its load generation.
    pub store: &'a Store,
    /// Load generation of `store`.
    pub generation: u64,
    /// The desk's area ("" = none).
    pub area: &'a str,
    /// Station codes picked by hand for the area (empty = the area's stations).
    pub stations: &'a [String],
    /// Thresholds of the unfavourable-weather windows (workspace `[windows]`).
    pub windows: &'a WindowSettings,
    /// Parameters of the daily outlook (workspace `[outlook]`), which the weather analysis
    /// takes along.
    pub outlook: &'a OutlookSettings,
    /// The plan.
    pub plan: &'a Plan,
    /// The response state (the warning in force).
    pub state: &'a ResponseState,
    /// Now.
    pub now: DateTime<FixedOffset>,
}

impl<'a> Sources<'a> {
    /// What the advisor looks at for this desk as of `now`, from the page context.
    pub fn of(
        cx: &'a crate::ui::pages::PageContext<'_>,
        plan: &'a Plan,
        state: &'a ResponseState,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let settings = cx.workspace.settings();
        Sources {
            forecast: cx.workspace.aqi_forecast_path(),
            workspace_files: cx.data.workspace_files,
            store: cx.store(),
            generation: cx.data.generation,
            area: &settings.area,
            stations: &settings.stations,
            windows: &settings.windows,
            outlook: &settings.outlook,
            plan,
            state,
            now,
        }
    }
}

impl AdviceCache {
    /// The advice for `s`, recomputed when an input changed.
    pub fn get(&mut self, s: &Sources<'_>) -> &Advised {
        let at = Hour::from_utc(s.now.to_utc());
        let key = Key {
            generation: s.generation,
            forecast: s.forecast.clone(),
            workspace_files: s.workspace_files,
            at,
            journal: s.state.anchor().map(|a| a.seq),
            area: s.area.to_owned(),
            stations: s.stations.to_vec(),
            windows: s.windows.clone(),
            outlook: s.outlook.clone(),
        };
        if self.key.as_ref() != Some(&key) || self.value.is_none() {
            self.value = Some(compute(s, &s.forecast, at));
            self.key = Some(key);
        }
        self.value
            .get_or_insert_with(|| Advised::NoForecast(s.forecast.clone()))
    }
}

fn compute(s: &Sources<'_>, path: &Path, at: Hour) -> Advised {
    if !path.exists() {
        return Advised::NoForecast(path.to_path_buf());
    }
    let today = s.now.date_naive();
    let (forecast, report) = load_forecast(path, Some(today));
    if forecast.is_empty() {
        let problem = report.problems.into_iter().next().map(Box::new);
        return Advised::BadForecast(path.to_path_buf(), problem);
    }
    let ids = desk_stations(s.store, s.area, s.stations);
    let (hourly, daily) = observed(s.store, &ids);
    let analysis = weather_analysis(s, &ids, at);
    let windows: Vec<WeatherWindow> = analysis
        .windows
        .windows
        .iter()
        .map(WeatherWindow::from)
        .collect();
    let peak = outlook_peak(&analysis.outlook, today);
    let input = AdvisorInput {
        forecast: &forecast,
        issued: None,
        observed_hourly: &hourly,
        observed_daily: &daily,
        windows: &windows,
        state: s.state.advisor_state(),
        at,
        utc_offset_s: CST,
    };
    let mut advice = advise(s.plan, &input);
    if let Some(r) = s.state.current().and_then(|e| e.regional()) {
        follow_regional(&mut advice, input.state, r.level, &r.source);
    }
    Advised::Advice(Box::new(advice), peak)
}

/// The riskiest outlook day from `today` on (the first of equals).
fn outlook_peak(rows: &[weather_view::OutlookRow], today: NaiveDate) -> Option<OutlookPeak> {
    rows.iter()
        .filter(|r| r.date >= today)
        .filter_map(|r| {
            let o = r.outlook.as_ref()?;
            Some(OutlookPeak {
                date: r.date,
                risk: o.risk,
                aqi_range: o.aqi_range,
            })
        })
        .rev()
        .max_by_key(|p| p.risk)
}

/// Why the outlook and the advice may read differently, when the outlook rates a day high or
/// very high and the advice stops short of red: they come from different sources (the weather
/// model vs the AQI forecast file through the plan).
pub fn outlook_note(
    tr: Tr,
    advice: &Advice,
    peak: Option<&OutlookPeak>,
    file: &Path,
) -> Option<String> {
    let peak = peak.filter(|p| p.risk >= Risk::High && advice.level < Level::Red)?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Some(tr.f(
        T::AdviceOutlookDiffers,
        &[
            &peak.date.format("%m-%d"),
            &tr.risk(peak.risk),
            &peak.aqi_range.0,
            &peak.aqi_range.1,
            &name,
        ],
    ))
}

/// The weather analysis the weather page shows by default for these stations at `at`: weather
/// from the first forecast location (else observed), the default look-back, the workspace
/// thresholds — its unfavourable-weather windows and its daily outlook.
fn weather_analysis(s: &Sources<'_>, ids: &[StationId], at: Hour) -> weather_view::WeatherAnalysis {
    let source = weather_view::default_source(s.store);
    let period =
        weather_view::analysis_period(s.store, ids, source, at, weather_view::DEFAULT_DAYS_BACK);
    let offset = ids
        .first()
        .map_or(CST, |&id| s.store.stations().get(id).utc_offset_s);
    weather_view::analyse(
        s.store,
        ids,
        source,
        period.from,
        period.to,
        period.anchor,
        offset,
        s.windows,
        s.outlook,
    )
}

/// Measured hourly and daily area AQI (HJ 633) of the area's stations.
#[allow(clippy::type_complexity)]
fn observed(store: &Store, ids: &[StationId]) -> (Vec<(Hour, f32)>, Vec<(NaiveDate, f32)>) {
    let spans: Vec<(Hour, Hour)> = ids
        .iter()
        .filter_map(|id| aqi::pollutant_span(store, *id))
        .collect();
    let (Some(from), Some(to)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let config = aqi::AqiConfig::default();
    // Spans are stamps; averaging hours start up to one hour earlier.
    let hourly = aqi::area_hourly_series(store, ids, from - 1, to + 1, &config)
        .into_iter()
        .filter_map(|h| Some((h.period_start + 1, f32::from(h.result.aqi?))))
        .collect();
    let first_day = from.day(StampConvention::EndOfHour, CST);
    let last_day = to.day(StampConvention::StartOfHour, CST);
    let daily = aqi::area_daily_series(store, ids, first_day, last_day, &config)
        .into_iter()
        .filter_map(|d| Some((d.day.date, f32::from(d.day.result.aqi?))))
        .collect();
    (hourly, daily)
}
