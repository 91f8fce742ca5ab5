//! Unfavourable-weather windows (不利气象条件时段): hours when the weather lets PM2.5 accumulate.
//!
//! Each hour is judged on two physical processes, from whatever the source gives:
//! - **ventilation** — calm 10-m wind, a shallow boundary layer, a surface inversion (80 m warmer
//!   than 2 m): pollutants are not carried away or mixed up;
//! - **moisture** — high relative humidity: secondary sulfate/nitrate form faster and particles
//!   grow by taking up water;
//!
//! and **precipitation** vetoes the hour (wet scavenging, and rain breaks a window). The hourly score
//! is the mean of the judged groups (ventilation = share of its judged conditions that hold), so it
//! stays comparable whether or not a source has boundary-layer height or an 80-m temperature.
//! Unfavourable hours are merged into windows of a minimum length, tolerating short gaps. Whatever
//! could not be judged is carried along and stated — a missing variable never reads as favourable.
//! Thresholds live in [`WindowSettings`] (defaults from DOMAIN.md §4).

use chrono::NaiveDate;

use crate::store::{Hour, SeriesKind, StampConvention, StationId, Store, Variable};

use super::humidity;

/// Thresholds for judging hours and merging them into windows. Held in the workspace settings
/// (TOML); the defaults are literature values (DOMAIN.md §4), not a national standard.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WindowSettings {
    /// 10-m wind below this is calm, m/s. Regional persistent heavy-pollution days in eastern China
    /// have 0.5–3.6 m/s (MDPI Atmosphere 2021, 12, 759); Horton et al. 2014 use a daily mean < 3.2.
    pub calm_wind_ms: f32,
    /// RH at or above this favours secondary formation and hygroscopic growth, %. Heavy days: RH
    /// 55–92 % (MDPI 2021); SOR/NOR rise sharply above 70 % (Chengdu, 环境科学 2018); DOMAIN's
    /// practical reading: > ~60–70 %.
    pub humid_rh_pct: f32,
    /// Hourly precipitation from this amount on is wet (scavenging), mm. Heavy days had hourly
    /// precipitation < 0.8 mm (MDPI 2021); light rain barely cleans (Luan et al. 2019). A rain or
    /// snow flag counts as wet whatever the amount.
    pub wet_hour_mm: f32,
    /// Boundary-layer height below this is shallow, m (heavy days: 200–1200 m, MDPI 2021).
    pub shallow_blh_m: f32,
    /// 80-m minus 2-m temperature above this is a surface inversion, °C.
    pub inversion_delta_c: f32,
    /// An hour is unfavourable when its score reaches this (1 = every judged condition holds;
    /// 0.75 = moist and at least half of the judged ventilation conditions).
    pub hour_score: f32,
    /// Shortest window, hours. DOMAIN.md §4 reads "≥ 24 h" for a flag; 12 h keeps single stagnant
    /// nights, which on the Beijing 2010–14 record already cover 79 % of heavy days.
    pub min_hours: u32,
    /// Longest run of dry, judged, not-unfavourable hours tolerated inside a window (afternoon
    /// mixing), hours. A wet or unjudged hour always ends a window.
    pub max_gap_hours: u32,
}

impl Default for WindowSettings {
    fn default() -> Self {
        WindowSettings {
            calm_wind_ms: 2.0,
            humid_rh_pct: 60.0,
            wet_hour_mm: 0.5,
            shallow_blh_m: 800.0,
            inversion_delta_c: 0.0,
            hour_score: 0.75,
            min_hours: 12,
            max_gap_hours: 3,
        }
    }
}

/// Plain hourly weather on one hour grid, start-of-hour stamps, NaN for missing; an empty vector
/// means the variable is absent. From a forecast or from observations.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyWeather {
    /// Hour of index 0 (the hour that starts there).
    pub start: Hour,
    /// 10-m wind speed, m/s.
    pub wind_speed: Vec<f32>,
    /// 10-m wind direction, degrees (from).
    pub wind_direction: Vec<f32>,
    /// 2-m temperature, °C.
    pub temperature: Vec<f32>,
    /// 2-m dew point, °C.
    pub dew_point: Vec<f32>,
    /// 2-m relative humidity, %.
    pub relative_humidity: Vec<f32>,
    /// Pressure, hPa.
    pub pressure: Vec<f32>,
    /// Precipitation in the hour, mm.
    pub precipitation: Vec<f32>,
    /// 1 when it rained in the hour.
    pub rain_flag: Vec<f32>,
    /// 1 when it snowed in the hour.
    pub snow_flag: Vec<f32>,
    /// Boundary-layer height, m.
    pub boundary_layer_height: Vec<f32>,
    /// 80-m temperature, °C.
    pub temperature_80m: Vec<f32>,
}

/// Value `i` of a vector, `None` when absent or NaN.
fn at(v: &[f32], i: usize) -> Option<f32> {
    v.get(i).copied().filter(|x| !x.is_nan())
}

impl HourlyWeather {
    /// No variable at all, grid starting at `start`; fill the vectors that the source has.
    pub fn empty(start: Hour) -> Self {
        HourlyWeather {
            start,
            wind_speed: Vec::new(),
            wind_direction: Vec::new(),
            temperature: Vec::new(),
            dew_point: Vec::new(),
            relative_humidity: Vec::new(),
            pressure: Vec::new(),
            precipitation: Vec::new(),
            rain_flag: Vec::new(),
            snow_flag: Vec::new(),
            boundary_layer_height: Vec::new(),
            temperature_80m: Vec::new(),
        }
    }

    /// Number of hours on the grid (the longest vector).
    pub fn len(&self) -> usize {
        self.fields()
            .iter()
            .map(|(_, v)| v.len())
            .max()
            .unwrap_or(0)
    }

    /// Whether no variable has any hour.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn fields(&self) -> [(Variable, &Vec<f32>); 11] {
        [
            (Variable::WindSpeed, &self.wind_speed),
            (Variable::WindDirection, &self.wind_direction),
            (Variable::Temperature, &self.temperature),
            (Variable::DewPoint, &self.dew_point),
            (Variable::RelativeHumidity, &self.relative_humidity),
            (Variable::Pressure, &self.pressure),
            (Variable::Precipitation, &self.precipitation),
            (Variable::RainFlag, &self.rain_flag),
            (Variable::SnowFlag, &self.snow_flag),
            (Variable::BoundaryLayerHeight, &self.boundary_layer_height),
            (Variable::Temperature80m, &self.temperature_80m),
        ]
    }

    fn field_mut(&mut self, v: Variable) -> Option<&mut Vec<f32>> {
        Some(match v {
            Variable::WindSpeed => &mut self.wind_speed,
            Variable::WindDirection => &mut self.wind_direction,
            Variable::Temperature => &mut self.temperature,
            Variable::DewPoint => &mut self.dew_point,
            Variable::RelativeHumidity => &mut self.relative_humidity,
            Variable::Pressure => &mut self.pressure,
            Variable::Precipitation => &mut self.precipitation,
            Variable::RainFlag => &mut self.rain_flag,
            Variable::SnowFlag => &mut self.snow_flag,
            Variable::BoundaryLayerHeight => &mut self.boundary_layer_height,
            Variable::Temperature80m => &mut self.temperature_80m,
            _ => return None,
        })
    }

    /// The weather of an area for hours `from..to` from the store: per hour the mean over the
    /// given stations that have a value (wind direction as a vector mean), stamps normalised to the
    /// start of the hour. Missing humidity is derived: RH from temperature and dew point, dew point
    /// from temperature and RH.
    pub fn from_store(
        store: &Store,
        stations: &[StationId],
        kind: SeriesKind,
        from: Hour,
        to: Hour,
    ) -> HourlyWeather {
        let n = (to - from).max(0) as usize;
        let mut w = HourlyWeather::empty(from);
        let vars: Vec<Variable> = w.fields().iter().map(|(v, _)| *v).collect();
        for var in vars {
            let mut sum = vec![0.0f64; n];
            let mut sin = vec![0.0f64; n];
            let mut count = vec![0u32; n];
            for &station in stations {
                let key = crate::store::SeriesKey {
                    station,
                    variable: var,
                    kind,
                };
                let Some(series) = store.series(key) else {
                    continue;
                };
                // A value stamped at the end of its hour belongs to the hour before the stamp.
                let shift = match series.stamp() {
                    StampConvention::EndOfHour => 1,
                    StampConvention::StartOfHour => 0,
                };
                for (i, v) in series
                    .window(from + shift, to + shift)
                    .into_iter()
                    .enumerate()
                {
                    if v.is_nan() {
                        continue;
                    }
                    if var == Variable::WindDirection {
                        let r = f64::from(v).to_radians();
                        sum[i] += r.cos();
                        sin[i] += r.sin();
                    } else {
                        sum[i] += f64::from(v);
                    }
                    count[i] += 1;
                }
            }
            if count.iter().all(|&c| c == 0) {
                continue;
            }
            let values: Vec<f32> = (0..n)
                .map(|i| match count[i] {
                    0 => f32::NAN,
                    _ if var == Variable::WindDirection => {
                        sin[i].atan2(sum[i]).to_degrees().rem_euclid(360.0) as f32
                    }
                    c => (sum[i] / f64::from(c)) as f32,
                })
                .collect();
            if let Some(slot) = w.field_mut(var) {
                *slot = values;
            }
        }
        w.derive_humidity();
        w
    }

    /// Fill RH from temperature and dew point (and dew point from temperature and RH) where only
    /// the other one is given.
    pub fn derive_humidity(&mut self) {
        let n = self.len();
        if self.temperature.is_empty() {
            return;
        }
        if !self.dew_point.is_empty() {
            self.relative_humidity.resize(n, f32::NAN);
            for i in 0..n {
                if self.relative_humidity[i].is_nan()
                    && let (Some(t), Some(d)) = (at(&self.temperature, i), at(&self.dew_point, i))
                {
                    self.relative_humidity[i] = humidity::relative_humidity(t, d);
                }
            }
        }
        if !self.relative_humidity.is_empty() {
            self.dew_point.resize(n, f32::NAN);
            for i in 0..n {
                if self.dew_point[i].is_nan()
                    && let (Some(t), Some(rh)) =
                        (at(&self.temperature, i), at(&self.relative_humidity, i))
                {
                    self.dew_point[i] = humidity::dew_point(t, rh);
                }
            }
        }
    }
}

/// One judged condition.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// 10-m wind below the calm threshold.
    CalmWind,
    /// RH at or above the humid threshold.
    Humid,
    /// No precipitation (dry hour); when it fails the hour is wet.
    NoPrecipitation,
    /// Boundary layer below the shallow threshold.
    ShallowMixing,
    /// 80 m warmer than 2 m.
    Inversion,
}

impl Condition {
    /// Every condition, in display order.
    pub const ALL: [Condition; 5] = [
        Condition::CalmWind,
        Condition::Humid,
        Condition::NoPrecipitation,
        Condition::ShallowMixing,
        Condition::Inversion,
    ];

    /// What must be in the data to judge it, for "could not judge" messages.
    pub fn needs(self) -> &'static [Variable] {
        match self {
            Condition::CalmWind => &[Variable::WindSpeed],
            Condition::Humid => &[Variable::RelativeHumidity],
            Condition::NoPrecipitation => &[Variable::Precipitation],
            Condition::ShallowMixing => &[Variable::BoundaryLayerHeight],
            Condition::Inversion => &[Variable::Temperature80m, Variable::Temperature],
        }
    }
}

/// One hour judged: each condition held (`Some(true)`), failed (`Some(false)`) or could not be
/// judged (`None`), and the score.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct HourConditions {
    /// The hour (start-of-hour stamp).
    pub hour: Hour,
    /// Per condition, in the order of [`Condition::ALL`].
    pub held: [Option<bool>; 5],
    /// 0–1, `None` when neither ventilation nor moisture could be judged. 0 in a wet hour.
    pub score: Option<f32>,
}

impl HourConditions {
    /// Whether `c` held, failed or could not be judged.
    pub fn get(&self, c: Condition) -> Option<bool> {
        self.held[c as usize]
    }

    /// Whether the hour is wet (precipitation seen).
    pub fn wet(&self) -> bool {
        self.get(Condition::NoPrecipitation) == Some(false)
    }
}

/// Judge every hour of `weather`.
pub fn assess_hours(weather: &HourlyWeather, s: &WindowSettings) -> Vec<HourConditions> {
    (0..weather.len())
        .map(|i| {
            let calm = at(&weather.wind_speed, i).map(|w| w < s.calm_wind_ms);
            let humid = at(&weather.relative_humidity, i).map(|rh| rh >= s.humid_rh_pct);
            let amount = at(&weather.precipitation, i).map(|p| p >= s.wet_hour_mm);
            let flags = [&weather.rain_flag, &weather.snow_flag]
                .iter()
                .filter_map(|v| at(v, i))
                .fold(None, |acc: Option<bool>, f| {
                    Some(acc.unwrap_or(false) || f > 0.0)
                });
            let wet = match (amount, flags) {
                (None, None) => None,
                (a, f) => Some(a.unwrap_or(false) || f.unwrap_or(false)),
            };
            let shallow = at(&weather.boundary_layer_height, i).map(|h| h < s.shallow_blh_m);
            let inversion = match (at(&weather.temperature_80m, i), at(&weather.temperature, i)) {
                (Some(t80), Some(t2)) => Some(t80 - t2 > s.inversion_delta_c),
                _ => None,
            };
            let ventilation: Vec<bool> = [calm, shallow, inversion].into_iter().flatten().collect();
            let groups: Vec<f32> = [
                (!ventilation.is_empty()).then(|| {
                    ventilation.iter().filter(|&&b| b).count() as f32 / ventilation.len() as f32
                }),
                humid.map(|h| if h { 1.0 } else { 0.0 }),
            ]
            .into_iter()
            .flatten()
            .collect();
            let score = (!groups.is_empty()).then(|| {
                if wet == Some(true) {
                    0.0
                } else {
                    groups.iter().sum::<f32>() / groups.len() as f32
                }
            });
            HourConditions {
                hour: weather.start + i as i64,
                held: [calm, humid, wet.map(|w| !w), shallow, inversion],
                score,
            }
        })
        .collect()
}

/// How often one condition held inside a window.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ConditionCount {
    /// The condition.
    pub condition: Condition,
    /// Hours it held.
    pub held: u32,
    /// Hours it could be judged.
    pub judged: u32,
}

/// A stretch of unfavourable weather.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Window {
    /// First hour.
    pub start: Hour,
    /// One past the last hour.
    pub end: Hour,
    /// Hour of the highest score (the first such hour).
    pub peak: Hour,
    /// The highest score.
    pub peak_score: f32,
    /// Per judged condition, how many hours it held.
    pub conditions: Vec<ConditionCount>,
    /// Conditions that could not be judged in any hour of the window (variable absent).
    pub not_judged: Vec<Condition>,
}

impl Window {
    /// Length in hours.
    pub fn hours(&self) -> i64 {
        self.end - self.start
    }

    /// Conditions that held in at least half of their judged hours.
    pub fn dominant(&self) -> Vec<Condition> {
        self.conditions
            .iter()
            .filter(|c| c.judged > 0 && 2 * c.held >= c.judged)
            .map(|c| c.condition)
            .collect()
    }
}

/// Windows plus what stops the analysis from being complete.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WindowAnalysis {
    /// Unfavourable windows, in time order.
    pub windows: Vec<Window>,
    /// Runs of hours that could not be scored at all (`start..end`): neither wind nor humidity.
    pub unjudged: Vec<(Hour, Hour)>,
    /// Conditions that could not be judged in any hour of the period.
    pub not_judged: Vec<Condition>,
}

/// Merge judged hours into windows.
pub fn find_windows(hours: &[HourConditions], s: &WindowSettings) -> WindowAnalysis {
    let mut runs: Vec<(usize, usize)> = Vec::new(); // index ranges start..=last
    let mut current: Option<(usize, usize)> = None;
    for (i, h) in hours.iter().enumerate() {
        let unfavourable = h.score.is_some_and(|x| x >= s.hour_score) && !h.wet();
        let breaks = h.score.is_none() || h.wet();
        if unfavourable {
            current = match current {
                Some((a, last)) if i - last - 1 <= s.max_gap_hours as usize => Some((a, i)),
                Some(run) => {
                    runs.push(run);
                    Some((i, i))
                }
                None => Some((i, i)),
            };
        } else if breaks && let Some(run) = current.take() {
            runs.push(run);
        }
    }
    runs.extend(current);
    let windows = runs
        .into_iter()
        .filter(|(a, last)| last - a + 1 >= s.min_hours as usize)
        .map(|(a, last)| window(&hours[a..=last]))
        .collect();
    let mut unjudged = Vec::new();
    let mut run: Option<Hour> = None;
    for h in hours {
        match (h.score.is_none(), run) {
            (true, None) => run = Some(h.hour),
            (false, Some(start)) => {
                unjudged.push((start, h.hour));
                run = None;
            }
            _ => {}
        }
    }
    if let (Some(start), Some(last)) = (run, hours.last()) {
        unjudged.push((start, last.hour + 1));
    }
    let not_judged = Condition::ALL
        .into_iter()
        .filter(|&c| hours.iter().all(|h| h.get(c).is_none()))
        .collect();
    WindowAnalysis {
        windows,
        unjudged,
        not_judged,
    }
}

fn window(hours: &[HourConditions]) -> Window {
    let (peak, peak_score) = hours
        .iter()
        .filter_map(|h| h.score.map(|s| (h.hour, s)))
        .fold((hours[0].hour, f32::MIN), |best, (h, s)| {
            if s > best.1 { (h, s) } else { best }
        });
    let mut conditions = Vec::new();
    let mut not_judged = Vec::new();
    for c in Condition::ALL {
        let judged = hours.iter().filter(|h| h.get(c).is_some()).count() as u32;
        let held = hours.iter().filter(|h| h.get(c) == Some(true)).count() as u32;
        if judged == 0 {
            not_judged.push(c);
        } else {
            conditions.push(ConditionCount {
                condition: c,
                held,
                judged,
            });
        }
    }
    Window {
        start: hours[0].hour,
        end: hours[hours.len() - 1].hour + 1,
        peak,
        peak_score,
        conditions,
        not_judged,
    }
}

/// One local day of weather, reduced to what the daily outlook needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DayWeather {
    /// Local date.
    pub date: NaiveDate,
    /// Mean hourly score over the scored hours (wet hours count 0): the share of the day that was
    /// unfavourable. `None` when no hour could be scored.
    pub stagnation: Option<f32>,
    /// Hours that could be scored.
    pub scored_hours: u32,
    /// Wet hours.
    pub wet_hours: u32,
    /// Mean dew point, °C.
    pub dew_point: Option<f32>,
    /// Mean pressure, hPa.
    pub pressure: Option<f32>,
    /// Mean temperature, °C.
    pub temperature: Option<f32>,
    /// Mean 10-m wind speed, m/s.
    pub wind_speed: Option<f32>,
    /// Share of hours with wind from the northern sector (NW through NE, 292.5°–67.5°).
    pub north_wind_share: Option<f32>,
    /// Conditions that could not be judged in any hour of the day.
    pub not_judged: Vec<Condition>,
}

impl DayWeather {
    /// A day with no weather at all: nothing judged, every condition stated as not judged.
    pub fn unknown(date: NaiveDate) -> Self {
        DayWeather {
            date,
            stagnation: None,
            scored_hours: 0,
            wet_hours: 0,
            dew_point: None,
            pressure: None,
            temperature: None,
            wind_speed: None,
            north_wind_share: None,
            not_judged: Condition::ALL.to_vec(),
        }
    }
}

/// Mean of the present values (at least `min` of them).
fn mean_of(values: impl Iterator<Item = Option<f32>>, min: usize) -> Option<f32> {
    let (sum, n) = values
        .flatten()
        .fold((0.0f64, 0usize), |(s, n), v| (s + f64::from(v), n + 1));
    (n >= min.max(1)).then(|| (sum / n as f64) as f32)
}

/// Reduce judged hours to local days (`utc_offset_s` seconds east of UTC). A day's means need at
/// least 12 hours of the variable, so that a half day does not stand for the whole.
pub fn daily_weather(
    weather: &HourlyWeather,
    hours: &[HourConditions],
    utc_offset_s: i32,
) -> Vec<DayWeather> {
    const MIN_HOURS: usize = 12;
    let mut days: Vec<(NaiveDate, Vec<usize>)> = Vec::new();
    for (i, h) in hours.iter().enumerate() {
        let date = h.hour.day(StampConvention::StartOfHour, utc_offset_s);
        match days.last_mut() {
            Some((d, idx)) if *d == date => idx.push(i),
            _ => days.push((date, vec![i])),
        }
    }
    days.into_iter()
        .map(|(date, idx)| {
            let scored: Vec<f32> = idx.iter().filter_map(|&i| hours[i].score).collect();
            let dirs: Vec<f32> = idx
                .iter()
                .filter_map(|&i| at(&weather.wind_direction, i))
                .collect();
            DayWeather {
                date,
                stagnation: (scored.len() >= MIN_HOURS)
                    .then(|| scored.iter().sum::<f32>() / scored.len() as f32),
                scored_hours: scored.len() as u32,
                wet_hours: idx.iter().filter(|&&i| hours[i].wet()).count() as u32,
                dew_point: mean_of(idx.iter().map(|&i| at(&weather.dew_point, i)), MIN_HOURS),
                pressure: mean_of(idx.iter().map(|&i| at(&weather.pressure, i)), MIN_HOURS),
                temperature: mean_of(idx.iter().map(|&i| at(&weather.temperature, i)), MIN_HOURS),
                wind_speed: mean_of(idx.iter().map(|&i| at(&weather.wind_speed, i)), MIN_HOURS),
                north_wind_share: (dirs.len() >= MIN_HOURS).then(|| {
                    dirs.iter()
                        .filter(|&&d| !(67.5..=292.5).contains(&d))
                        .count() as f32
                        / dirs.len() as f32
                }),
                not_judged: Condition::ALL
                    .into_iter()
                    .filter(|&c| idx.iter().all(|&i| hours[i].get(c).is_none()))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Render, Tr};

    /// `n` hours of a calm humid night: wind 1 m/s, RH 85 %, no rain.
    fn calm_humid(n: usize) -> HourlyWeather {
        HourlyWeather {
            wind_speed: vec![1.0; n],
            relative_humidity: vec![85.0; n],
            precipitation: vec![0.0; n],
            ..HourlyWeather::empty(Hour(1000))
        }
    }

    #[test]
    fn calm_humid_night_gives_one_window() {
        let s = WindowSettings::default();
        let w = calm_humid(16);
        let a = find_windows(&assess_hours(&w, &s), &s);
        assert_eq!(a.windows.len(), 1);
        let win = &a.windows[0];
        assert_eq!(
            (win.start, win.end, win.peak),
            (Hour(1000), Hour(1016), Hour(1000))
        );
        assert_eq!(
            win.dominant(),
            vec![
                Condition::CalmWind,
                Condition::Humid,
                Condition::NoPrecipitation
            ]
        );
        assert!(a.unjudged.is_empty());
    }

    #[test]
    fn rain_breaks_the_window_and_short_gaps_do_not() {
        let s = WindowSettings::default();
        let mut w = calm_humid(30);
        w.precipitation[14] = 2.0;
        let a = find_windows(&assess_hours(&w, &s), &s);
        assert_eq!(a.windows.len(), 2, "14 h before the rain, 15 h after");
        assert_eq!(a.windows[0].start, Hour(1000));
        assert_eq!(a.windows[0].end, Hour(1014));
        assert_eq!(a.windows[1].start, Hour(1015));
        let mut w = calm_humid(30);
        w.precipitation[14] = 0.2; // drizzle below the wet threshold
        w.wind_speed[10] = 5.0; // one windy hour: a tolerated gap
        w.wind_speed[11] = 5.0;
        w.relative_humidity[10] = 30.0;
        w.relative_humidity[11] = 30.0;
        let a = find_windows(&assess_hours(&w, &s), &s);
        assert_eq!(a.windows.len(), 1);
        assert_eq!(a.windows[0].hours(), 30);
        w.rain_flag = vec![0.0; 30];
        w.rain_flag[20] = 1.0;
        let a = find_windows(&assess_hours(&w, &s), &s);
        assert_eq!(
            a.windows.len(),
            1,
            "rain flag at hour 20 leaves 9 h after it"
        );
        assert_eq!(a.windows[0].end, Hour(1020));
    }

    #[test]
    fn missing_boundary_layer_is_stated_not_assumed() {
        let s = WindowSettings::default();
        let w = calm_humid(24);
        let a = find_windows(&assess_hours(&w, &s), &s);
        assert!(a.not_judged.contains(&Condition::ShallowMixing));
        assert!(a.windows[0].not_judged.contains(&Condition::ShallowMixing));
        assert!(
            a.windows[0]
                .render(Tr(Language::En))
                .contains("could not judge"),
            "{}",
            a.windows[0].render(Tr(Language::En))
        );
        assert!(a.windows[0].render(Tr(Language::Zh)).contains("边界层低"));
        // With a deep boundary layer the same hours score lower and no window remains.
        let mut deep = w.clone();
        deep.boundary_layer_height = vec![1500.0; 24];
        deep.temperature = vec![0.0; 24];
        deep.temperature_80m = vec![-1.0; 24];
        let a = find_windows(&assess_hours(&deep, &s), &s);
        assert!(a.windows.is_empty());
        assert_eq!(a.not_judged, vec![]);
    }

    #[test]
    fn hours_without_wind_or_humidity_are_unjudged_not_favourable() {
        let s = WindowSettings::default();
        let mut w = calm_humid(24);
        for i in 5..9 {
            w.wind_speed[i] = f32::NAN;
            w.relative_humidity[i] = f32::NAN;
        }
        let hours = assess_hours(&w, &s);
        assert_eq!(hours[6].score, None);
        let a = find_windows(&hours, &s);
        assert_eq!(a.unjudged, vec![(Hour(1005), Hour(1009))]);
        assert_eq!(a.windows.len(), 1, "15 h after the gap, 5 h before it");
        assert_eq!(a.windows[0].start, Hour(1009));
    }

    #[test]
    fn humidity_is_derived_from_dew_point() {
        let mut w = HourlyWeather {
            temperature: vec![10.0, 10.0],
            dew_point: vec![5.0, f32::NAN],
            ..HourlyWeather::empty(Hour(0))
        };
        w.derive_humidity();
        assert!((w.relative_humidity[0] - 71.1).abs() < 0.5);
        assert!(w.relative_humidity[1].is_nan());
    }
}
