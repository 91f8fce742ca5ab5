//! What the weather page shows for an area, as plain data: which stations supply the weather,
//! the unfavourable-weather windows over a period, the daily outlook for the days ahead, the
//! autumn–winter campaigns a hindcast can be run on, and the warning periods of the response
//! journal. Pure: the store, the settings and "now" come in as arguments.
//!
//! "Now" hides the future of observations: in a drill the observed PM2.5 and weather after the
//! drill moment do not exist for the analysis, exactly as on the day.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::store::{Hour, SeriesKey, SeriesKind, StampConvention, StationId, Store, Variable};

use super::hindcast::{self, DailyPm25};
use super::outlook::{self, DayInputs, DayOutlook, OutlookSettings};
use super::plan::Level;
use super::response::ResponseState;
use super::windows::{
    self, DayWeather, HourConditions, HourlyWeather, WindowAnalysis, WindowSettings,
};

/// Weather variables that make a station a weather source (what the window judgement needs).
pub const WEATHER_VARIABLES: [Variable; 5] = [
    Variable::WindSpeed,
    Variable::RelativeHumidity,
    Variable::DewPoint,
    Variable::Precipitation,
    Variable::BoundaryLayerHeight,
];

/// Where the weather of the analysis comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeatherSource {
    /// Observed weather of the area's stations (or, if they have none, of every station that
    /// has some): for a past period.
    Observed,
    /// The forecast series of one location in the store (an Open-Meteo grid point, a bureau
    /// forecast site).
    Forecast(StationId),
}

/// Whether `station` has any series of `kind` of a weather variable.
fn has_weather(store: &Store, station: StationId, kind: SeriesKind) -> bool {
    WEATHER_VARIABLES.into_iter().any(|variable| {
        store
            .series(SeriesKey {
                station,
                variable,
                kind,
            })
            .is_some_and(|s| s.present_count() > 0)
    })
}

/// Locations with a weather forecast, in station-table order.
pub fn forecast_locations(store: &Store) -> Vec<StationId> {
    store
        .stations()
        .iter()
        .map(|(id, _)| id)
        .filter(|&id| has_weather(store, id, SeriesKind::Forecast))
        .collect()
}

/// How far ahead [`next_window`] looks.
pub const NEXT_WINDOW_HORIZON_HOURS: i64 = 7 * 24;

/// The next unfavourable window over the loaded meteorological forecast.
#[derive(Debug, Clone, PartialEq)]
pub enum NextWindow {
    /// No weather forecast is loaded.
    NoForecast,
    /// The forecast shows none within the horizon (`until`: end of the forecast looked at).
    None {
        /// Last forecast hour looked at.
        until: Hour,
    },
    /// The first window ending after `from`.
    Found(super::windows::Window),
}

/// The first unfavourable window ending after `from` within [`NEXT_WINDOW_HORIZON_HOURS`], over
/// the forecasts of every location with one, judged with the default thresholds (what the
/// Situation board and the daily report state).
pub fn next_window(store: &Store, from: Hour) -> NextWindow {
    let ids = forecast_locations(store);
    if ids.is_empty() {
        return NextWindow::NoForecast;
    }
    let to = from + NEXT_WINDOW_HORIZON_HOURS;
    let weather = HourlyWeather::from_store(store, &ids, SeriesKind::Forecast, from, to);
    let settings = WindowSettings::default();
    let hours = windows::assess_hours(&weather, &settings);
    match windows::find_windows(&hours, &settings)
        .windows
        .into_iter()
        .find(|w| w.end > from)
    {
        Some(w) => NextWindow::Found(w),
        None => NextWindow::None { until: to },
    }
}

/// The stations whose observed weather stands for `stations`: those of them with observed
/// weather, else every station in the store that has some (a nearby airport or met site).
pub fn observed_weather_stations(store: &Store, stations: &[StationId]) -> Vec<StationId> {
    let own: Vec<StationId> = stations
        .iter()
        .copied()
        .filter(|&id| has_weather(store, id, SeriesKind::Observed))
        .collect();
    if !own.is_empty() {
        return own;
    }
    store
        .stations()
        .iter()
        .map(|(id, _)| id)
        .filter(|&id| has_weather(store, id, SeriesKind::Observed))
        .collect()
}

/// The stations of `source`, given the area's stations.
pub fn source_stations(store: &Store, source: WeatherSource, area: &[StationId]) -> Vec<StationId> {
    match source {
        WeatherSource::Observed => observed_weather_stations(store, area),
        WeatherSource::Forecast(id) => vec![id],
    }
}

/// The stations whose weather the meteogram draws with `source`: the source's own, and with a
/// forecast also the observed weather stations of `area` ([`observed_weather_stations`]), so the
/// past shows what was measured and the forecast goes on after "now".
pub fn chart_weather_stations(
    store: &Store,
    source: WeatherSource,
    area: &[StationId],
) -> Vec<StationId> {
    let mut ids = source_stations(store, source, area);
    if let WeatherSource::Forecast(_) = source {
        for id in observed_weather_stations(store, area) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// The series kind of `source`.
pub fn source_kind(source: WeatherSource) -> SeriesKind {
    match source {
        WeatherSource::Observed => SeriesKind::Observed,
        WeatherSource::Forecast(_) => SeriesKind::Forecast,
    }
}

/// The last hour (start-of-hour grid, exclusive end) with observed PM2.5 at any of `stations`, no
/// later than `now`: the "data as of" of the analysis.
pub fn observed_until(store: &Store, stations: &[StationId], now: Hour) -> Option<Hour> {
    stations
        .iter()
        .filter_map(|&id| store.observed(id, Variable::Pm25))
        .filter_map(|s| match s.stamp() {
            // A value stamped at the end of its hour is complete once the stamp is reached.
            StampConvention::EndOfHour => s.last_present_at_or_before(now).map(|(h, _)| h),
            // A value stamped at the start of its hour is complete an hour later.
            StampConvention::StartOfHour => {
                s.last_present_at_or_before(now - 1).map(|(h, _)| h + 1)
            }
        })
        .max()
}

/// First and last hour (exclusive) of forecast weather at `station`.
pub fn forecast_span(store: &Store, station: StationId) -> Option<(Hour, Hour)> {
    WEATHER_VARIABLES
        .into_iter()
        .filter_map(|variable| {
            store
                .series(SeriesKey {
                    station,
                    variable,
                    kind: SeriesKind::Forecast,
                })
                .and_then(|s| s.present_span())
        })
        .map(|(a, b)| (a, b + 1))
        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)))
}

/// How many days before "now" the analysis looks back unless the user chooses otherwise.
pub const DEFAULT_DAYS_BACK: i64 = 7;
/// A forecast reaching further than this past "now" is cut (days).
pub const MAX_AHEAD_DAYS: i64 = 16;
/// Data ending more than this before "now" is analysed as of its end (hours).
pub const STALE_DATA_HOURS: i64 = 48;

/// The hours an analysis covers and the hour it is made for; one rule for the weather page and
/// the advisor, so both find the same windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalysisPeriod {
    /// First hour analysed.
    pub from: Hour,
    /// Hour after the last one analysed.
    pub to: Hour,
    /// The hour the analysis is made for: "now", or the end of old data.
    pub anchor: Hour,
    /// When the data end long before "now" (historical data): that end, which is the anchor.
    pub data_ends: Option<Hour>,
}

/// The default weather source: the first forecast location in the store, else observed weather.
pub fn default_source(store: &Store) -> WeatherSource {
    forecast_locations(store)
        .first()
        .map_or(WeatherSource::Observed, |&id| WeatherSource::Forecast(id))
}

/// The period to analyse for `stations` with weather from `source` at `now`, looking back
/// `days_back` days: a forecast that covers "now" keeps "now" and reaches to its end (at most
/// [`MAX_AHEAD_DAYS`] ahead); data that ended more than [`STALE_DATA_HOURS`] before "now" are
/// analysed as of their end.
pub fn analysis_period(
    store: &Store,
    stations: &[StationId],
    source: WeatherSource,
    now: Hour,
    days_back: i64,
) -> AnalysisPeriod {
    let newest = observed_until(store, stations, now);
    let stale = newest.filter(|&h| now - h > STALE_DATA_HOURS);
    let forecast = match source {
        WeatherSource::Forecast(id) => forecast_span(store, id),
        WeatherSource::Observed => None,
    };
    let anchor = match (forecast, stale) {
        (Some((a, b)), _) if a <= now && now < b => now,
        (_, Some(end)) => end,
        _ => now,
    };
    let to = match forecast {
        Some((_, b)) if b > anchor => b.min(anchor + 24 * MAX_AHEAD_DAYS),
        _ => anchor + 24,
    };
    AnalysisPeriod {
        from: anchor - 24 * days_back,
        to,
        anchor,
        data_ends: (anchor != now).then_some(anchor),
    }
}

/// One row of the daily outlook table.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlookRow {
    /// The day.
    pub date: NaiveDate,
    /// The outlook; `None` when there was no PM2.5 level to start from.
    pub outlook: Option<DayOutlook>,
    /// Whether yesterday's level is the previous row's expected value (days beyond tomorrow),
    /// not an observation.
    pub chained: bool,
}

/// Everything the page shows for one area, source and period.
#[derive(Debug, Clone, PartialEq)]
pub struct WeatherAnalysis {
    /// First hour analysed.
    pub from: Hour,
    /// Hour after the last one analysed.
    pub to: Hour,
    /// The moment the analysis was made for (observations after it are ignored).
    pub now: Hour,
    /// The hourly judgement.
    pub hours: Vec<HourConditions>,
    /// Windows, unjudged spans and what could not be judged at all.
    pub windows: WindowAnalysis,
    /// The daily outlook from the day of `now` to the last day of the weather.
    pub outlook: Vec<OutlookRow>,
}

/// Copies of the area's observed PM2.5 series with everything from `now` on removed.
fn pm25_until(store: &Store, stations: &[StationId], now: Hour) -> Vec<crate::store::Series> {
    stations
        .iter()
        .filter_map(|&id| store.observed(id, Variable::Pm25))
        .map(|s| {
            // Keep the hours complete at `now` (see `observed_until`).
            let end = match s.stamp() {
                StampConvention::EndOfHour => now + 1,
                StampConvention::StartOfHour => now,
            }
            .max(s.start());
            crate::store::Series::from_values(s.start(), s.window(s.start(), end), s.stamp())
        })
        .collect()
}

/// Analyse hours `from..to` for the area `pm_stations` with weather from `source`, as known at
/// `now`. Observed weather after `now` is not used.
#[allow(clippy::too_many_arguments)]
pub fn analyse(
    store: &Store,
    pm_stations: &[StationId],
    source: WeatherSource,
    from: Hour,
    to: Hour,
    now: Hour,
    utc_offset_s: i32,
    window_settings: &WindowSettings,
    outlook_settings: &OutlookSettings,
) -> WeatherAnalysis {
    let to = to.max(from);
    let kind = source_kind(source);
    let weather_stations = source_stations(store, source, pm_stations);
    let weather_to = match kind {
        SeriesKind::Observed => to.min(now).max(from),
        SeriesKind::Forecast => to,
    };
    // The day before `from` too, for the outlook's air-mass change.
    let today = now.to_local(utc_offset_s).date_naive();
    let day_start = |d: NaiveDate| Hour::from_local_date_hour(d, 0, utc_offset_s);
    let wx_from = from.min(day_start(today.pred_opt().unwrap_or(today)));
    let weather = HourlyWeather::from_store(store, &weather_stations, kind, wx_from, weather_to);
    let all_hours = windows::assess_hours(&weather, window_settings);
    let skip = (from - wx_from).max(0) as usize;
    let hours: Vec<HourConditions> = all_hours.iter().skip(skip).cloned().collect();
    let found = windows::find_windows(&hours, window_settings);

    let days = windows::daily_weather(&weather, &all_hours, utc_offset_s);
    let series = pm25_until(store, pm_stations, now);
    let refs: Vec<&crate::store::Series> = series.iter().collect();
    let history = today - chrono::Days::new(u64::from(outlook_settings.background_days) + 1);
    let daily = hindcast::area_daily_pm25(&refs, utc_offset_s, history, today);
    let outlook = outlook_rows(&daily, &days, today, outlook_settings);
    WeatherAnalysis {
        from,
        to,
        now,
        hours,
        windows: found,
        outlook,
    }
}

/// The outlook for `today` and every later day with weather. Yesterday's level is observed where
/// it has enough hours, else the previous row's expected median (marked as chained).
fn outlook_rows(
    daily: &BTreeMap<NaiveDate, DailyPm25>,
    weather: &[DayWeather],
    today: NaiveDate,
    s: &OutlookSettings,
) -> Vec<OutlookRow> {
    let by_date: BTreeMap<NaiveDate, &DayWeather> = weather.iter().map(|w| (w.date, w)).collect();
    let Some(last) = by_date.keys().next_back().copied() else {
        return Vec::new();
    };
    let background = hindcast::background(daily, today, s.background_days);
    let mut rows: Vec<OutlookRow> = Vec::new();
    for date in today.iter_days().take_while(|d| *d <= last.max(today)) {
        let Some(yesterday) = date.pred_opt() else {
            continue;
        };
        let observed = daily.get(&yesterday).and_then(|p| {
            p.valid_mean
                .map(|v| (v, 24))
                .or(p.any_mean.map(|v| (v, p.hours)))
                .filter(|(_, h)| *h >= s.min_hours_previous_day)
        });
        let chained_prev = rows
            .last()
            .and_then(|r| r.outlook.as_ref())
            .map(|o| (o.expected_pm25, 24));
        let chained = observed.is_none() && chained_prev.is_some();
        let inputs = DayInputs {
            previous_pm25: observed.or(chained_prev),
            background_pm25: background,
            today: by_date
                .get(&date)
                .map_or_else(|| DayWeather::unknown(date), |w| (*w).clone()),
            yesterday: by_date.get(&yesterday).map(|w| (*w).clone()),
        };
        rows.push(OutlookRow {
            date,
            outlook: outlook::outlook_day(&inputs, s),
            chained,
        });
    }
    rows
}

/// A past period to run a hindcast on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Whether this is an autumn–winter campaign (1 Oct – 31 Mar), or the whole loaded period.
    pub campaign: bool,
}

/// The local days with observed PM2.5 at any of `stations`, first and last.
pub fn pm25_days(
    store: &Store,
    stations: &[StationId],
    utc_offset_s: i32,
) -> Option<(NaiveDate, NaiveDate)> {
    stations
        .iter()
        .filter_map(|&id| store.observed(id, Variable::Pm25))
        .filter_map(|s| {
            s.present_span().map(|(a, b)| {
                (
                    a.day(s.stamp(), utc_offset_s),
                    b.day(s.stamp(), utc_offset_s),
                )
            })
        })
        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)))
}

/// Periods a hindcast can run on for data covering `first..=last` days: each autumn–winter
/// campaign (1 Oct – 31 Mar) it overlaps, clipped to the data, newest first, then the whole
/// period. The first entry is the default ("how these settings would have done last winter").
pub fn hindcast_periods(first: NaiveDate, last: NaiveDate) -> Vec<Period> {
    let mut out = Vec::new();
    if first > last {
        return out;
    }
    // A campaign is named by the year it starts in.
    let start_year = if first.month() <= 3 {
        first.year() - 1
    } else {
        first.year()
    };
    for year in (start_year..=last.year()).rev() {
        let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(year, 10, 1),
            NaiveDate::from_ymd_opt(year + 1, 3, 31),
        ) else {
            continue;
        };
        let (a, b) = (a.max(first), b.min(last));
        if a <= b {
            out.push(Period {
                from: a,
                to: b,
                campaign: true,
            });
        }
    }
    out.push(Period {
        from: first,
        to: last,
        campaign: false,
    });
    out
}

/// A warning level in force over a span of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WarningPeriod {
    /// Start.
    pub from: DateTime<FixedOffset>,
    /// End (lifting, pause, next level step, or `now` while in force).
    pub to: DateTime<FixedOffset>,
    /// The level.
    pub level: Level,
}

/// The warning periods of every episode up to `now`, split at level changes, pauses left out.
/// Steps that take effect after `now` (issued ahead) are not shown: the chart shows what was in
/// force.
pub fn warning_periods(state: &ResponseState, now: DateTime<FixedOffset>) -> Vec<WarningPeriod> {
    let mut out = Vec::new();
    for episode in state.episodes() {
        let end = episode.lifting.as_ref().map_or(now, |(l, _)| l.at.min(now));
        let mut steps: Vec<_> = episode.steps.iter().collect();
        steps.sort_by_key(|s| s.effective);
        for (i, step) in steps.iter().enumerate() {
            let from = step.effective.max(episode.start);
            let to = steps.get(i + 1).map_or(end, |n| n.effective.min(end));
            if from >= to || !Level::WARNINGS.contains(&step.to) {
                continue;
            }
            // Cut the pauses out.
            let mut pieces = vec![(from, to)];
            for p in &episode.pauses {
                let (ps, pe) = (p.pause.at, p.resumed.as_ref().map_or(end, |(r, _)| r.at));
                pieces = pieces
                    .into_iter()
                    .flat_map(|(a, b)| {
                        let mut v = Vec::new();
                        if ps > a {
                            v.push((a, b.min(ps)));
                        }
                        if pe < b {
                            v.push((a.max(pe), b));
                        }
                        if ps >= b || pe <= a {
                            v = vec![(a, b)];
                        }
                        v
                    })
                    .filter(|(a, b)| a < b)
                    .collect();
            }
            out.extend(pieces.into_iter().map(|(a, b)| WarningPeriod {
                from: a,
                to: b,
                level: step.to,
            }));
        }
    }
    out
}

/// Allowed range of a numeric setting: what the page's editors offer and what a hand-edited
/// `settings.toml` is clamped to, so no value can make the analysis meaningless (a wet threshold
/// of 0 mm would make every hour wet).
pub type Limits = std::ops::RangeInclusive<f64>;

/// Limits of the window settings, field by field.
pub mod window_limits {
    use super::Limits;
    /// `calm_wind_ms`.
    pub const CALM_WIND_MS: Limits = 0.1..=10.0;
    /// `humid_rh_pct`.
    pub const HUMID_RH_PCT: Limits = 10.0..=100.0;
    /// `wet_hour_mm`.
    pub const WET_HOUR_MM: Limits = 0.1..=20.0;
    /// `shallow_blh_m`.
    pub const SHALLOW_BLH_M: Limits = 50.0..=3000.0;
    /// `inversion_delta_c`.
    pub const INVERSION_DELTA_C: Limits = -5.0..=10.0;
    /// `hour_score`.
    pub const HOUR_SCORE: Limits = 0.05..=1.0;
    /// `min_hours`.
    pub const MIN_HOURS: Limits = 1.0..=72.0;
    /// `max_gap_hours`.
    pub const MAX_GAP_HOURS: Limits = 0.0..=12.0;
}

/// Limits of the outlook settings, field by field.
pub mod outlook_limits {
    use super::Limits;
    /// `persistence`.
    pub const PERSISTENCE: Limits = 0.0..=1.0;
    /// `background_days` (the background needs at least 5 valid days).
    pub const BACKGROUND_DAYS: Limits = 5.0..=120.0;
    /// `stagnation_gain`.
    pub const STAGNATION_GAIN: Limits = 0.0..=5.0;
    /// `stagnation_neutral`.
    pub const STAGNATION_NEUTRAL: Limits = 0.0..=1.0;
    /// `dew_point_gain`.
    pub const DEW_POINT_GAIN: Limits = 0.0..=0.5;
    /// `pressure_gain`.
    pub const PRESSURE_GAIN: Limits = 0.0..=0.5;
    /// `error_sd`.
    pub const ERROR_SD: Limits = 0.05..=2.0;
    /// Each of `risk_steps` (which must also rise).
    pub const RISK_STEP: Limits = 0.01..=0.99;
    /// `min_hours_previous_day`.
    pub const MIN_HOURS_PREVIOUS_DAY: Limits = 1.0..=24.0;
    /// `front_pressure_rise_hpa`.
    pub const FRONT_PRESSURE_RISE_HPA: Limits = 0.0..=20.0;
    /// `front_dew_point_drop_c`.
    pub const FRONT_DEW_POINT_DROP_C: Limits = 0.0..=20.0;
    /// `front_north_share_rise`.
    pub const FRONT_NORTH_SHARE_RISE: Limits = 0.0..=1.0;
}

fn clamp_f32(v: &mut f32, l: &Limits, default: f32) {
    *v = if v.is_finite() {
        (f64::from(*v)).clamp(*l.start(), *l.end()) as f32
    } else {
        default
    };
}

fn clamp_u32(v: &mut u32, l: &Limits) {
    *v = (f64::from(*v)).clamp(*l.start(), *l.end()) as u32;
}

/// Put every window setting into its limits (NaN takes the default).
pub fn clamp_window_settings(s: &mut WindowSettings) {
    use window_limits::*;
    let d = WindowSettings::default();
    clamp_f32(&mut s.calm_wind_ms, &CALM_WIND_MS, d.calm_wind_ms);
    clamp_f32(&mut s.humid_rh_pct, &HUMID_RH_PCT, d.humid_rh_pct);
    clamp_f32(&mut s.wet_hour_mm, &WET_HOUR_MM, d.wet_hour_mm);
    clamp_f32(&mut s.shallow_blh_m, &SHALLOW_BLH_M, d.shallow_blh_m);
    clamp_f32(
        &mut s.inversion_delta_c,
        &INVERSION_DELTA_C,
        d.inversion_delta_c,
    );
    clamp_f32(&mut s.hour_score, &HOUR_SCORE, d.hour_score);
    clamp_u32(&mut s.min_hours, &MIN_HOURS);
    clamp_u32(&mut s.max_gap_hours, &MAX_GAP_HOURS);
}

/// Put every outlook setting into its limits (NaN takes the default); risk steps that do not
/// rise are put back to their defaults.
pub fn clamp_outlook_settings(s: &mut OutlookSettings) {
    use outlook_limits::*;
    let d = OutlookSettings::default();
    clamp_f32(&mut s.persistence, &PERSISTENCE, d.persistence);
    clamp_u32(&mut s.background_days, &BACKGROUND_DAYS);
    clamp_f32(&mut s.stagnation_gain, &STAGNATION_GAIN, d.stagnation_gain);
    clamp_f32(
        &mut s.stagnation_neutral,
        &STAGNATION_NEUTRAL,
        d.stagnation_neutral,
    );
    clamp_f32(&mut s.dew_point_gain, &DEW_POINT_GAIN, d.dew_point_gain);
    clamp_f32(&mut s.pressure_gain, &PRESSURE_GAIN, d.pressure_gain);
    clamp_f32(&mut s.error_sd, &ERROR_SD, d.error_sd);
    for (v, dv) in s.risk_steps.iter_mut().zip(d.risk_steps) {
        clamp_f32(v, &RISK_STEP, dv);
    }
    if !risk_steps_rise(&s.risk_steps) {
        s.risk_steps = d.risk_steps;
    }
    clamp_u32(&mut s.min_hours_previous_day, &MIN_HOURS_PREVIOUS_DAY);
    clamp_f32(
        &mut s.front_pressure_rise_hpa,
        &FRONT_PRESSURE_RISE_HPA,
        d.front_pressure_rise_hpa,
    );
    clamp_f32(
        &mut s.front_dew_point_drop_c,
        &FRONT_DEW_POINT_DROP_C,
        d.front_dew_point_drop_c,
    );
    clamp_f32(
        &mut s.front_north_share_rise,
        &FRONT_NORTH_SHARE_RISE,
        d.front_north_share_rise,
    );
}

/// Whether the risk steps (elevated, high, very high) strictly rise: the one check a range per
/// field cannot make.
pub fn risk_steps_rise(steps: &[f32; 3]) -> bool {
    steps[0] < steps[1] && steps[1] < steps[2]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn settings_are_clamped_into_their_limits() {
        let mut w = WindowSettings {
            wet_hour_mm: 0.0,
            humid_rh_pct: f32::NAN,
            min_hours: 500,
            ..WindowSettings::default()
        };
        clamp_window_settings(&mut w);
        assert_eq!(w.wet_hour_mm, 0.1);
        assert_eq!(w.humid_rh_pct, 60.0);
        assert_eq!(w.min_hours, 72);
        let mut o = OutlookSettings {
            risk_steps: [0.5, 0.4, 0.9],
            background_days: 1,
            ..OutlookSettings::default()
        };
        clamp_outlook_settings(&mut o);
        assert_eq!(o.risk_steps, OutlookSettings::default().risk_steps);
        assert_eq!(o.background_days, 5);
        assert!(risk_steps_rise(&o.risk_steps));
        let mut fine = OutlookSettings::default();
        clamp_outlook_settings(&mut fine);
        assert_eq!(fine, OutlookSettings::default());
    }

    #[test]
    fn drill_warning_shows_from_its_start_until_now_and_not_before_it() {
        use crate::domain::response::tests::{drill, fresh};
        let t = |s: &str| DateTime::parse_from_rfc3339(s).expect("time");
        let (mut service, mut journal) = fresh();
        drill(&mut service, &mut journal);
        let start = t("2025-01-15T00:00:00+08:00");
        let state = service.model();
        let now = t("2025-01-15T10:30:00+08:00");
        let periods = warning_periods(state, now);
        assert_eq!(periods.len(), 1, "{periods:?}");
        assert_eq!(periods[0].level, Level::Orange);
        assert_eq!(periods[0].from, start);
        assert_eq!(periods[0].to, now);
        // Before the warning took effect nothing is shaded.
        assert!(warning_periods(state, t("2025-01-14T20:00:00+08:00")).is_empty());
    }

    #[test]
    fn campaigns_newest_first_clipped_then_whole_period() {
        let p = hindcast_periods(d(2012, 12, 1), d(2014, 1, 31));
        assert_eq!(p.len(), 3);
        assert_eq!(
            (p[0].from, p[0].to, p[0].campaign),
            (d(2013, 10, 1), d(2014, 1, 31), true)
        );
        assert_eq!((p[1].from, p[1].to), (d(2012, 12, 1), d(2013, 3, 31)));
        assert!(!p[2].campaign);
        // A summer-only period has no campaign.
        let p = hindcast_periods(d(2013, 5, 1), d(2013, 8, 31));
        assert_eq!(p.len(), 1);
        assert!(hindcast_periods(d(2013, 5, 2), d(2013, 5, 1)).is_empty());
    }

    fn store_with(pm: Vec<f32>, wind: Vec<f32>, rh: Vec<f32>, start: Hour) -> (Store, StationId) {
        use crate::store::{Batch, Chunk, Station};
        let mut batch = Batch::new("test.csv".into());
        let mut st = Station::with_code("X1");
        st.area = Some("测试".into());
        let station = batch.station(st);
        for (variable, values) in [
            (Variable::Pm25, pm),
            (Variable::WindSpeed, wind),
            (Variable::RelativeHumidity, rh),
        ] {
            batch.chunks.push(Chunk {
                station,
                variable,
                kind: SeriesKind::Observed,
                stamp: StampConvention::StartOfHour,
                start,
                values,
            });
        }
        let mut store = Store::new();
        store.merge(batch);
        let sid = store.stations().find("X1").expect("station");
        (store, sid)
    }

    #[test]
    fn analysis_hides_observations_after_now_and_finds_the_window() {
        const CST: i32 = 8 * 3600;
        let start = Hour::from_local_date_hour(d(2013, 1, 1), 0, CST);
        let n = 24 * 10;
        // Calm and humid from day 5 on; polluted days.
        let wind: Vec<f32> = (0..n).map(|i| if i >= 96 { 1.0 } else { 4.0 }).collect();
        let rh: Vec<f32> = (0..n).map(|i| if i >= 96 { 85.0 } else { 40.0 }).collect();
        let pm = vec![120.0; n];
        let (store, id) = store_with(pm, wind, rh, start);
        let now = start + 24 * 7 + 12;
        let ws = WindowSettings::default();
        let os = OutlookSettings::default();
        let a = analyse(
            &store,
            &[id],
            WeatherSource::Observed,
            start,
            start + n as i64,
            now,
            CST,
            &ws,
            &os,
        );
        assert_eq!(a.windows.windows.len(), 1);
        let w = &a.windows.windows[0];
        assert_eq!(w.start, start + 96);
        // Observed weather ends at now: the window ends there, not at the end of the data.
        assert_eq!(w.end, now);
        // Today's outlook rests on yesterday's observed 120 µg/m³.
        let today = &a.outlook[0];
        assert_eq!(today.date, d(2013, 1, 8));
        assert!(!today.chained);
        assert!(today.outlook.is_some());
        assert_eq!(observed_until(&store, &[id], now), Some(now));
    }

    #[test]
    fn a_forecast_meteogram_draws_the_observed_weather_of_the_past_too() {
        use crate::store::{Batch, Chunk, Station};
        let start = Hour(400_000);
        let (mut store, area) = store_with(vec![80.0; 48], vec![2.0; 48], vec![70.0; 48], start);
        let mut batch = Batch::new("forecast.json".into());
        let location = batch.station(Station::with_code("F1"));
        batch.chunks.push(Chunk {
            station: location,
            variable: Variable::WindSpeed,
            kind: SeriesKind::Forecast,
            stamp: StampConvention::StartOfHour,
            start: start + 24,
            values: vec![3.0; 72],
        });
        store.merge(batch);
        let f1 = store.stations().find("F1").expect("forecast location");
        assert_eq!(default_source(&store), WeatherSource::Forecast(f1));
        assert_eq!(
            chart_weather_stations(&store, WeatherSource::Forecast(f1), &[area]),
            vec![f1, area]
        );
        // Observed weather alone: only the observing stations.
        assert_eq!(
            chart_weather_stations(&store, WeatherSource::Observed, &[area]),
            vec![area]
        );
    }

    #[test]
    fn forecast_rows_chain_the_expected_level() {
        let s = OutlookSettings::default();
        let mut daily = BTreeMap::new();
        for i in 0..9u64 {
            daily.insert(
                d(2013, 1, 1) + chrono::Days::new(i),
                DailyPm25 {
                    valid_mean: Some(100.0),
                    any_mean: Some(100.0),
                    hours: 24,
                },
            );
        }
        let weather: Vec<DayWeather> = (9..13)
            .map(|day| DayWeather {
                stagnation: Some(0.9),
                scored_hours: 24,
                ..DayWeather::unknown(d(2013, 1, day))
            })
            .collect();
        let rows = outlook_rows(&daily, &weather, d(2013, 1, 10), &s);
        assert_eq!(rows.len(), 3);
        assert!(!rows[0].chained);
        assert!(rows[1].chained && rows[2].chained);
        let e: Vec<f32> = rows
            .iter()
            .map(|r| r.outlook.as_ref().expect("outlook").expected_pm25)
            .collect();
        // Stagnant days build up: each expected level above the one before.
        assert!(e[0] < e[1] && e[1] < e[2], "{e:?}");
    }
}
