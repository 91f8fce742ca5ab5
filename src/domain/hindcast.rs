//! Hindcast: run the daily outlook over a past period, day by day, with only what was knowable the
//! evening before (pollution up to the day before; the day's observed weather standing in for a
//! perfect forecast), and score it against what happened, beside a persistence forecast.
//!
//! A heavy day is an area daily AQI > 200. For PM2.5-only sources that is a daily mean PM2.5 above
//! 150 µg/m³ (the PM2.5 IAQI-200 breakpoint in both HJ 633 tables). The area value is the mean
//! over the given stations of each station's valid daily mean (≥ 20 hourly values, HJ 663).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::store::{Hour, Series, SeriesKind, StampConvention, StationId, Store, Variable};

use super::outlook::{self, DayInputs, DayOutlook, HEAVY_PM25, OutlookSettings};
use super::windows::{self, DayWeather, HourlyWeather, WindowSettings};

/// Fewest hourly values for a valid daily mean (HJ 663: at least 20 hours a day).
pub const MIN_VALID_HOURS: u32 = 20;

/// One day of area PM2.5.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct DailyPm25 {
    /// Mean over the stations with a valid day (≥ 20 hours), µg/m³; `None` when none has one.
    pub valid_mean: Option<f32>,
    /// Mean of the area's hourly values, however many (for yesterday's level when not valid).
    pub any_mean: Option<f32>,
    /// Hours with at least one station value.
    pub hours: u32,
}

/// Area daily PM2.5 for the local days `from..=to` (`utc_offset_s` east of UTC), from hourly series
/// of several stations (each with its own stamp convention).
pub fn area_daily_pm25(
    series: &[&Series],
    utc_offset_s: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<NaiveDate, DailyPm25> {
    let mut out = BTreeMap::new();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let mut valid = Vec::new();
        let mut hourly_sum = [0.0f64; 24];
        let mut hourly_n = [0u32; 24];
        for s in series {
            let range = Hour::day_range(date, s.stamp(), utc_offset_s);
            let values = s.window(range.start, range.end);
            let present: Vec<f32> = values.iter().copied().filter(|v| !v.is_nan()).collect();
            if present.len() as u32 >= MIN_VALID_HOURS {
                valid.push(
                    present.iter().map(|&v| f64::from(v)).sum::<f64>() / present.len() as f64,
                );
            }
            for (i, v) in values.iter().enumerate() {
                if !v.is_nan() {
                    hourly_sum[i] += f64::from(*v);
                    hourly_n[i] += 1;
                }
            }
        }
        let hourly: Vec<f64> = (0..24)
            .filter(|&i| hourly_n[i] > 0)
            .map(|i| hourly_sum[i] / f64::from(hourly_n[i]))
            .collect();
        out.insert(
            date,
            DailyPm25 {
                valid_mean: (!valid.is_empty())
                    .then(|| (valid.iter().sum::<f64>() / valid.len() as f64) as f32),
                any_mean: (!hourly.is_empty())
                    .then(|| (hourly.iter().sum::<f64>() / hourly.len() as f64) as f32),
                hours: hourly.len() as u32,
            },
        );
    }
    out
}

/// Hits, false alarms, misses and correct negatives of a yes/no forecast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Contingency {
    /// Predicted and observed.
    pub hits: u32,
    /// Predicted, not observed.
    pub false_alarms: u32,
    /// Observed, not predicted.
    pub misses: u32,
    /// Neither.
    pub correct_negatives: u32,
}

impl Contingency {
    /// Count one day.
    pub fn add(&mut self, predicted: bool, observed: bool) {
        match (predicted, observed) {
            (true, true) => self.hits += 1,
            (true, false) => self.false_alarms += 1,
            (false, true) => self.misses += 1,
            (false, false) => self.correct_negatives += 1,
        }
    }

    /// Probability of detection, hits / (hits + misses).
    pub fn pod(&self) -> Option<f64> {
        ratio(self.hits, self.hits + self.misses)
    }

    /// False-alarm ratio, false alarms / (hits + false alarms).
    pub fn far(&self) -> Option<f64> {
        ratio(self.false_alarms, self.hits + self.false_alarms)
    }

    /// Critical success index (threat score), hits / (hits + misses + false alarms).
    pub fn csi(&self) -> Option<f64> {
        ratio(self.hits, self.hits + self.misses + self.false_alarms)
    }
}

fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| f64::from(a) / f64::from(b))
}

/// One hindcast day.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HindcastDay {
    /// The day.
    pub date: NaiveDate,
    /// The outlook made on the eve (`None` when there was no PM2.5 level to start from).
    pub outlook: Option<DayOutlook>,
    /// What happened: the area's valid daily mean PM2.5.
    pub observed_pm25: Option<f32>,
    /// Whether the day was heavy; `None` when it has no valid data.
    pub observed_heavy: Option<bool>,
    /// Persistence forecast: yesterday was heavy.
    pub persistence_heavy: bool,
}

/// A hindcast over a period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hindcast {
    /// Day by day.
    pub days: Vec<HindcastDay>,
    /// The outlook's scores (a day without an outlook counts as "not predicted").
    pub outlook: Contingency,
    /// The persistence forecast's scores on the same days.
    pub persistence: Contingency,
}

impl Hindcast {
    /// Scores of the days of one calendar year, for year-by-year robustness.
    pub fn by_year(&self) -> BTreeMap<i32, (Contingency, Contingency)> {
        use chrono::Datelike;
        let mut out: BTreeMap<i32, (Contingency, Contingency)> = BTreeMap::new();
        for d in &self.days {
            if let Some(obs) = d.observed_heavy {
                let e = out.entry(d.date.year()).or_default();
                e.0.add(d.outlook.as_ref().is_some_and(|o| o.predicted_heavy), obs);
                e.1.add(d.persistence_heavy, obs);
            }
        }
        out
    }
}

/// Background level for `date`: geometric mean of the valid daily means of the `n` days before
/// (at least five of them). The Weather page's outlook uses the same level as the hindcast.
pub(crate) fn background(
    daily: &BTreeMap<NaiveDate, DailyPm25>,
    date: NaiveDate,
    n: u32,
) -> Option<f32> {
    const MIN_DAYS: usize = 5;
    let first = date - chrono::Days::new(u64::from(n));
    let logs: Vec<f64> = daily
        .range(first..date)
        .filter_map(|(_, d)| d.valid_mean)
        .map(|v| f64::from(v.max(5.0)).ln())
        .collect();
    (logs.len() >= MIN_DAYS).then(|| (logs.iter().sum::<f64>() / logs.len() as f64).exp() as f32)
}

/// Run the outlook for every day of `from..=to`. `daily` must cover the background days before
/// `from`; `weather` holds one [`DayWeather`] per local day (yesterday's too).
pub fn hindcast(
    daily: &BTreeMap<NaiveDate, DailyPm25>,
    weather: &[DayWeather],
    from: NaiveDate,
    to: NaiveDate,
    settings: &OutlookSettings,
) -> Hindcast {
    let by_date: BTreeMap<NaiveDate, &DayWeather> = weather.iter().map(|w| (w.date, w)).collect();
    let mut days = Vec::new();
    let mut score = Contingency::default();
    let mut persistence = Contingency::default();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let Some(yesterday) = date.pred_opt() else {
            continue;
        };
        let prev = daily.get(&yesterday);
        let observed_pm25 = daily.get(&date).and_then(|d| d.valid_mean);
        let observed_heavy = observed_pm25.map(|v| v > HEAVY_PM25);
        let persistence_heavy = prev
            .and_then(|p| p.valid_mean)
            .is_some_and(|v| v > HEAVY_PM25);
        let inputs = DayInputs {
            previous_pm25: prev.and_then(|p| {
                p.valid_mean
                    .map(|v| (v, 24))
                    .or(p.any_mean.map(|v| (v, p.hours)))
            }),
            background_pm25: background(daily, date, settings.background_days),
            today: by_date
                .get(&date)
                .map_or_else(|| DayWeather::unknown(date), |w| (*w).clone()),
            yesterday: by_date.get(&yesterday).map(|w| (*w).clone()),
        };
        let outlook = outlook::outlook_day(&inputs, settings);
        if let Some(obs) = observed_heavy {
            score.add(outlook.as_ref().is_some_and(|o| o.predicted_heavy), obs);
            persistence.add(persistence_heavy, obs);
        }
        days.push(HindcastDay {
            date,
            outlook,
            observed_pm25,
            observed_heavy,
            persistence_heavy,
        });
    }
    Hindcast {
        days,
        outlook: score,
        persistence,
    }
}

/// Why a hindcast on the store could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HindcastError {
    /// None of the given stations has observed PM2.5.
    NoPm25,
    /// The period is empty (`from` after `to`, or outside the data).
    EmptyPeriod,
}

impl std::fmt::Display for HindcastError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HindcastError::NoPm25 => write!(f, "none of the stations has observed PM2.5"),
            HindcastError::EmptyPeriod => write!(f, "the period holds no day with data"),
        }
    }
}

/// Run a hindcast on the store: the area is `pm_stations` (their PM2.5 averaged), its weather
/// the mean of `weather_stations`; the period defaults to the span of the PM2.5 data.
pub fn hindcast_store(
    store: &Store,
    pm_stations: &[StationId],
    weather_stations: &[StationId],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    window_settings: &WindowSettings,
    settings: &OutlookSettings,
) -> Result<Hindcast, HindcastError> {
    let series: Vec<&Series> = pm_stations
        .iter()
        .filter_map(|&s| store.observed(s, Variable::Pm25))
        .collect();
    let offset = pm_stations
        .first()
        .map_or(8 * 3600, |&s| store.stations().get(s).utc_offset_s);
    let span = series
        .iter()
        .filter_map(|s| s.present_span().map(|(a, b)| (s.stamp(), a, b)))
        .map(|(stamp, a, b)| (a.day(stamp, offset), b.day(stamp, offset)))
        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)));
    let Some((first, last)) = span else {
        return Err(HindcastError::NoPm25);
    };
    let from = from.unwrap_or(first).max(first);
    let to = to.unwrap_or(last).min(last);
    if from > to {
        return Err(HindcastError::EmptyPeriod);
    }
    let history = from - chrono::Days::new(u64::from(settings.background_days) + 1);
    let daily = area_daily_pm25(&series, offset, history, to);
    let wx_from = Hour::day_range(
        from.pred_opt().unwrap_or(from),
        StampConvention::StartOfHour,
        offset,
    )
    .start;
    let wx_to = Hour::day_range(to, StampConvention::StartOfHour, offset).end;
    let weather = HourlyWeather::from_store(
        store,
        weather_stations,
        SeriesKind::Observed,
        wx_from,
        wx_to,
    );
    let hours = windows::assess_hours(&weather, window_settings);
    let days = windows::daily_weather(&weather, &hours, offset);
    Ok(hindcast(&daily, &days, from, to, settings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StampConvention;

    #[test]
    fn contingency_scores() {
        let mut c = Contingency::default();
        for (p, o) in [
            (true, true),
            (true, true),
            (true, false),
            (false, true),
            (false, false),
        ] {
            c.add(p, o);
        }
        assert_eq!(c.pod(), Some(2.0 / 3.0));
        assert_eq!(c.far(), Some(1.0 / 3.0));
        assert_eq!(c.csi(), Some(0.5));
        assert_eq!(Contingency::default().csi(), None);
    }

    #[test]
    fn area_mean_uses_valid_station_days_only() {
        const CST: i32 = 8 * 3600;
        let d = NaiveDate::from_ymd_opt(2013, 1, 1).expect("date");
        let start = Hour::from_local_date_hour(d, 0, CST);
        let full = Series::from_values(start, vec![100.0; 24], StampConvention::StartOfHour);
        let mut part = vec![f32::NAN; 24];
        part[..10].fill(300.0);
        let partial = Series::from_values(start, part, StampConvention::StartOfHour);
        let daily = area_daily_pm25(&[&full, &partial], CST, d, d);
        let day = daily[&d];
        assert_eq!(day.valid_mean, Some(100.0));
        assert_eq!(day.hours, 24);
        let any = day.any_mean.expect("any");
        assert!((any - (10.0 * 200.0 + 14.0 * 100.0) / 24.0).abs() < 1e-3);
        // End-of-hour stamps: the value stamped 00:00 belongs to the day before.
        let eoh = Series::from_values(start, vec![50.0; 25], StampConvention::EndOfHour);
        let daily = area_daily_pm25(&[&eoh], CST, d, d);
        assert_eq!(daily[&d].valid_mean, Some(50.0));
        assert_eq!(daily[&d].hours, 24);
    }
}
