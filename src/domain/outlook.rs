//! Daily heavy-pollution outlook (重污染风险研判): tomorrow's risk from today's pollution and
//! tomorrow's weather.
//!
//! A one-box view of the daily mean PM2.5 in log space, each term a physical process:
//!
//! ```text
//! ln Ĉ(D) = ln B + ρ·(ln C(D−1) − ln B)      persistence: what is in the air stays, relaxing to the
//!                                            recent background B (30-day geometric mean)
//!         + γ·(U(D) − U₀)                    stagnation: share of unfavourable hours of day D
//!                                            (calm, humid, shallow, inversion; rain counts 0)
//!         + δ·ΔTd(D) − ε·ΔP(D)               air-mass change against day D−1: moister air (south
//!                                            flow) raises, a cold front (dry air, rising
//!                                            pressure) lowers
//! ```
//!
//! Ĉ is the median; the spread around it is log-normal with σ (the model's day-to-day error), which
//! gives the probability of a heavy day (PM2.5 > 150 µg/m³ ⇔ AQI > 200 in HJ 633-2012 and -2026).
//! Six numbers in [`OutlookSettings`]; they are rounded physical magnitudes (a 2-day e-folding of
//! yesterday's anomaly, ×2.7 between a fully ventilated and a fully stagnant day, +8 % per °C of
//! dew-point rise, −3 % per hPa of pressure rise), checked on the Beijing 2010–14 record year by
//! year (see README), not fitted to single days.

use chrono::NaiveDate;

use super::aqi::{Concentration, Indicator, StandardChoice, iaqi};
use super::windows::{Condition, DayWeather};

/// Daily PM2.5 (µg/m³) above which a day is heavy: AQI > 200 ⇔ PM2.5 IAQI > 200 ⇔ daily mean above
/// 150 µg/m³ in both HJ 633-2012 and HJ 633-2026 (DOMAIN.md §5.1).
pub const HEAVY_PM25: f32 = 150.0;

/// The outlook's parameters (workspace settings, TOML).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutlookSettings {
    /// ρ: share of yesterday's log-anomaly against the background kept today (0.6 ≈ e-folding in
    /// two days, the synoptic turnover in North China winter).
    pub persistence: f32,
    /// Days of history for the background level B (geometric mean of valid daily means).
    pub background_days: u32,
    /// γ: log-change from a fully ventilated (U = 0) to a fully stagnant (U = 1) day.
    pub stagnation_gain: f32,
    /// U₀: the stagnation share at which the weather neither raises nor lowers PM2.5.
    pub stagnation_neutral: f32,
    /// δ: log-change per °C rise of the daily mean dew point against the day before.
    pub dew_point_gain: f32,
    /// ε: log-change per hPa rise of the daily mean pressure against the day before (subtracted).
    pub pressure_gain: f32,
    /// σ: standard deviation of ln(observed / expected), for the probability of a heavy day.
    pub error_sd: f32,
    /// Probabilities of a heavy day where the risk class steps up: elevated, high, very high. A
    /// heavy day is predicted from "high" on (a warning for a 1-in-3 chance, the usual trade of
    /// false alarms for hits in rare-event warnings).
    pub risk_steps: [f32; 3],
    /// Fewest hourly values of yesterday for its mean to stand for "yesterday's level".
    pub min_hours_previous_day: u32,
    /// A cold front is named in the explanation when the daily mean pressure rises at least this
    /// much, hPa …
    pub front_pressure_rise_hpa: f32,
    /// … and the daily mean dew point falls at least this much, °C, or the wind turns north and
    /// strengthens: the share of hours with northerly wind rises by at least
    /// [`OutlookSettings::front_north_share_rise`] and the mean wind speed rises.
    pub front_dew_point_drop_c: f32,
    /// Rise of the share of northerly-wind hours (0–1) that marks a wind turning north.
    pub front_north_share_rise: f32,
}

impl Default for OutlookSettings {
    fn default() -> Self {
        OutlookSettings {
            persistence: 0.6,
            background_days: 30,
            stagnation_gain: 1.0,
            stagnation_neutral: 0.45,
            dew_point_gain: 0.08,
            pressure_gain: 0.03,
            error_sd: 0.42,
            risk_steps: [0.1, 0.33, 0.67],
            min_hours_previous_day: 6,
            front_pressure_rise_hpa: 3.0,
            front_dew_point_drop_c: 3.0,
            front_north_share_rise: 0.3,
        }
    }
}

/// Risk of a heavy-pollution day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Heavy pollution unlikely.
    Low,
    /// Possible; watch.
    Elevated,
    /// Likely enough to prepare a warning (a heavy day is predicted).
    High,
    /// Heavy pollution expected.
    VeryHigh,
}

/// What is known on the eve of day `today.date`.
#[derive(Debug, Clone, PartialEq)]
pub struct DayInputs {
    /// Yesterday's mean PM2.5 (µg/m³) and how many hours it rests on.
    pub previous_pm25: Option<(f32, u32)>,
    /// Background level B: geometric mean of the valid daily means of the last
    /// [`OutlookSettings::background_days`] days.
    pub background_pm25: Option<f32>,
    /// The day's weather (forecast, or observed standing in for a perfect forecast).
    pub today: DayWeather,
    /// Yesterday's weather, for the air-mass change.
    pub yesterday: Option<DayWeather>,
}

/// One term of the outlook and its effect.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "term")]
pub enum Term {
    /// Yesterday's level against the background.
    Persistence {
        /// Yesterday's mean PM2.5.
        previous_pm25: f32,
        /// Background level.
        background_pm25: f32,
    },
    /// Unfavourable share of the day.
    Stagnation {
        /// U, 0–1.
        share: f32,
    },
    /// Dew-point change against yesterday.
    DewPointChange {
        /// °C.
        change_c: f32,
    },
    /// Pressure change against yesterday.
    PressureChange {
        /// hPa.
        change_hpa: f32,
    },
}

/// A term with its multiplicative effect on the expected PM2.5 (1.2 = +20 %).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Contribution {
    /// The term.
    pub term: Term,
    /// Factor on the expected PM2.5.
    pub factor: f32,
}

/// What the outlook could not use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Yesterday's PM2.5 (too few hours): the background stood in.
    PreviousPm25,
    /// No history for the background: yesterday stood in.
    Background,
    /// The day's weather could not be scored: stagnation taken as neutral.
    Stagnation,
    /// Dew point of today or yesterday.
    DewPoint,
    /// Pressure of today or yesterday.
    Pressure,
    /// A condition that could not be judged in any hour of the day.
    Condition(Condition),
}

/// The outlook for one day.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DayOutlook {
    /// The day.
    pub date: NaiveDate,
    /// Risk class.
    pub risk: Risk,
    /// Probability of a heavy day, 0–1.
    pub heavy_probability: f32,
    /// Whether a heavy day is predicted (risk high or very high).
    pub predicted_heavy: bool,
    /// Expected (median) daily PM2.5, µg/m³.
    pub expected_pm25: f32,
    /// Interquartile range of the daily PM2.5, µg/m³.
    pub pm25_range: (f32, f32),
    /// The same range as daily AQI (PM2.5 sub-index, HJ 633 table in force on the date).
    pub aqi_range: (u32, u32),
    /// Terms and their effects.
    pub contributions: Vec<Contribution>,
    /// Whether a cold front arrives: pressure up, and dew point down or the wind turning north and
    /// strengthening (amounts in [`OutlookSettings`]). Named in the explanation; the expected
    /// PM2.5 already carries it through the dew-point and pressure terms.
    pub cold_front: bool,
    /// Wet hours of the day (washout; rain makes the stagnation share 0 in those hours).
    pub wet_hours: u32,
    /// Inputs that were not available.
    pub missing: Vec<Missing>,
}

/// Lowest level used in logarithms, µg/m³ (a clean day; keeps ln finite for zero readings).
const FLOOR_PM25: f32 = 5.0;

/// The outlook for one day, or `None` when there is no PM2.5 level at all to start from (neither
/// yesterday nor a background).
pub fn outlook_day(inputs: &DayInputs, s: &OutlookSettings) -> Option<DayOutlook> {
    let mut missing = Vec::new();
    let previous = inputs
        .previous_pm25
        .filter(|(_, n)| *n >= s.min_hours_previous_day)
        .map(|(v, _)| v.max(FLOOR_PM25));
    let background = inputs.background_pm25.map(|v| v.max(FLOOR_PM25));
    let (prev, bg) = match (previous, background) {
        (Some(p), Some(b)) => (p, b),
        (Some(p), None) => {
            missing.push(Missing::Background);
            (p, p)
        }
        (None, Some(b)) => {
            missing.push(Missing::PreviousPm25);
            (b, b)
        }
        (None, None) => return None,
    };
    let mut contributions = Vec::new();
    let mut ln = bg.ln();
    let persistence = s.persistence * (prev.ln() - bg.ln());
    ln += persistence;
    contributions.push(Contribution {
        term: Term::Persistence {
            previous_pm25: prev,
            background_pm25: bg,
        },
        factor: persistence.exp(),
    });
    match inputs.today.stagnation {
        Some(u) => {
            let x = s.stagnation_gain * (u - s.stagnation_neutral);
            ln += x;
            contributions.push(Contribution {
                term: Term::Stagnation { share: u },
                factor: x.exp(),
            });
        }
        None => missing.push(Missing::Stagnation),
    }
    let yesterday = inputs.yesterday.as_ref();
    let dew = inputs
        .today
        .dew_point
        .zip(yesterday.and_then(|y| y.dew_point))
        .map(|(t, y)| t - y);
    match dew {
        Some(d) => {
            let x = s.dew_point_gain * d;
            ln += x;
            contributions.push(Contribution {
                term: Term::DewPointChange { change_c: d },
                factor: x.exp(),
            });
        }
        None => missing.push(Missing::DewPoint),
    }
    let pressure = inputs
        .today
        .pressure
        .zip(yesterday.and_then(|y| y.pressure))
        .map(|(t, y)| t - y);
    match pressure {
        Some(p) => {
            let x = -s.pressure_gain * p;
            ln += x;
            contributions.push(Contribution {
                term: Term::PressureChange { change_hpa: p },
                factor: x.exp(),
            });
        }
        None => missing.push(Missing::Pressure),
    }
    missing.extend(
        inputs
            .today
            .not_judged
            .iter()
            .map(|c| Missing::Condition(*c)),
    );
    let expected = ln.exp();
    let sd = s.error_sd.max(1e-3);
    let heavy_probability = 1.0 - normal_cdf((HEAVY_PM25.ln() - ln) / sd);
    let risk = match heavy_probability {
        p if p >= s.risk_steps[2] => Risk::VeryHigh,
        p if p >= s.risk_steps[1] => Risk::High,
        p if p >= s.risk_steps[0] => Risk::Elevated,
        _ => Risk::Low,
    };
    // Quartiles of a log-normal: median × exp(±0.674 σ).
    let q = (0.674 * sd).exp();
    let pm25_range = (expected / q, expected * q);
    let date = inputs.today.date;
    Some(DayOutlook {
        date,
        risk,
        heavy_probability,
        predicted_heavy: risk >= Risk::High,
        expected_pm25: expected,
        pm25_range,
        aqi_range: (pm25_iaqi(pm25_range.0, date), pm25_iaqi(pm25_range.1, date)),
        contributions,
        cold_front: pressure.is_some_and(|p| p >= s.front_pressure_rise_hpa)
            && (dew.is_some_and(|d| d <= -s.front_dew_point_drop_c)
                || turns_north(&inputs.today, yesterday, s)),
        wet_hours: inputs.today.wet_hours,
        missing,
    })
}

/// Whether the wind turns north and strengthens from yesterday to today.
fn turns_north(today: &DayWeather, yesterday: Option<&DayWeather>, s: &OutlookSettings) -> bool {
    let Some(y) = yesterday else {
        return false;
    };
    let north = today
        .north_wind_share
        .zip(y.north_wind_share)
        .is_some_and(|(t, y)| t - y >= s.front_north_share_rise);
    let stronger = today
        .wind_speed
        .zip(y.wind_speed)
        .is_some_and(|(t, y)| t > y);
    north && stronger
}

/// Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26 for erf, |error| < 1.5e-7).
fn normal_cdf(z: f32) -> f32 {
    let x = f64::from(z) / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    let erf = if x >= 0.0 { erf } else { -erf };
    (0.5 * (1.0 + erf)) as f32
}

/// PM2.5 daily sub-index (IAQI) by the HJ 633 table in force on `date` (2012 table before
/// 2026-03-01, 2026 table from then on), computed by `domain::aqi`; 500 beyond the table.
impl DayOutlook {
    /// The expected daily PM2.5 as a daily AQI (its PM2.5 sub-index on the day's standard).
    pub fn expected_aqi(&self) -> u32 {
        pm25_iaqi(self.expected_pm25, self.date)
    }
}

fn pm25_iaqi(c: f32, date: NaiveDate) -> u32 {
    let standard = StandardChoice::Auto.resolve(date);
    Concentration::from_f32(c.max(0.0))
        .and_then(|c| iaqi(standard, Indicator::Pm25Daily, c).ok())
        .map_or(500, |index| u32::from(index.value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Render, Tr};

    fn day(date: (i32, u32, u32), u: Option<f32>, dew: f32, p: f32) -> DayWeather {
        DayWeather {
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("date"),
            stagnation: u,
            scored_hours: 24,
            wet_hours: 0,
            dew_point: Some(dew),
            pressure: Some(p),
            temperature: Some(0.0),
            wind_speed: Some(1.5),
            north_wind_share: Some(0.2),
            not_judged: vec![Condition::ShallowMixing],
        }
    }

    #[test]
    fn stagnant_moist_day_after_a_polluted_one_is_very_high() {
        let s = OutlookSettings::default();
        let inputs = DayInputs {
            previous_pm25: Some((180.0, 24)),
            background_pm25: Some(80.0),
            today: day((2013, 1, 12), Some(0.9), -2.0, 1020.0),
            yesterday: Some(day((2013, 1, 11), Some(0.8), -5.0, 1022.0)),
        };
        let o = outlook_day(&inputs, &s).expect("outlook");
        // ln Ĉ = ln 80 + 0.6 ln(180/80) + 1.0·0.45 + 0.08·3 + 0.03·2
        let want = (80f32.ln() + 0.6 * (180f32 / 80.0).ln() + 0.45 + 0.24 + 0.06).exp();
        assert!(
            (o.expected_pm25 - want).abs() < 0.5,
            "{} vs {want}",
            o.expected_pm25
        );
        assert_eq!(o.risk, Risk::VeryHigh);
        assert!(o.predicted_heavy);
        assert!(!o.cold_front);
        assert!(
            o.missing
                .contains(&Missing::Condition(Condition::ShallowMixing))
        );
        assert!(
            o.render(Tr(Language::Zh)).contains("边界层低"),
            "{}",
            o.render(Tr(Language::Zh))
        );
        assert!(
            o.aqi_range.0 > 150 && o.aqi_range.1 > 300,
            "{:?}",
            o.aqi_range
        );
    }

    #[test]
    fn cold_front_brings_low_risk_and_is_named() {
        let s = OutlookSettings::default();
        let inputs = DayInputs {
            previous_pm25: Some((200.0, 24)),
            background_pm25: Some(80.0),
            today: day((2013, 1, 15), Some(0.2), -15.0, 1030.0),
            yesterday: Some(day((2013, 1, 14), Some(0.9), -4.0, 1018.0)),
        };
        let o = outlook_day(&inputs, &s).expect("outlook");
        assert!(o.cold_front);
        assert_eq!(o.risk, Risk::Low, "{}", o.render(Tr(Language::En)));
        assert!(o.render(Tr(Language::En)).contains("cold front"));
    }

    #[test]
    fn wind_turning_north_with_rising_pressure_is_a_front() {
        let s = OutlookSettings::default();
        let mut today = day((2013, 1, 15), Some(0.3), -6.0, 1026.0);
        today.north_wind_share = Some(0.8);
        today.wind_speed = Some(4.0);
        let inputs = DayInputs {
            previous_pm25: Some((120.0, 24)),
            background_pm25: Some(80.0),
            today,
            yesterday: Some(day((2013, 1, 14), Some(0.9), -5.0, 1020.0)),
        };
        let o = outlook_day(&inputs, &s).expect("outlook");
        assert!(
            o.cold_front,
            "north share 0.2 → 0.8, wind 1.5 → 4 m/s, +6 hPa"
        );
        let mut calm = inputs.clone();
        calm.today.wind_speed = Some(1.0);
        assert!(!outlook_day(&calm, &s).expect("outlook").cold_front);
    }

    #[test]
    fn missing_weather_is_stated_and_no_level_means_no_outlook() {
        let s = OutlookSettings::default();
        let mut today = day((2013, 1, 15), None, -15.0, 1030.0);
        today.dew_point = None;
        let inputs = DayInputs {
            previous_pm25: Some((100.0, 3)),
            background_pm25: Some(90.0),
            today,
            yesterday: None,
        };
        let o = outlook_day(&inputs, &s).expect("outlook");
        for m in [
            Missing::PreviousPm25,
            Missing::Stagnation,
            Missing::DewPoint,
            Missing::Pressure,
        ] {
            assert!(o.missing.contains(&m), "{m:?}");
        }
        assert!((o.expected_pm25 - 90.0).abs() < 0.01);
        let none = DayInputs {
            previous_pm25: None,
            background_pm25: None,
            ..inputs
        };
        assert!(outlook_day(&none, &s).is_none());
    }

    #[test]
    fn normal_cdf_and_iaqi_are_right() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158_655).abs() < 1e-4);
        let d2025 = NaiveDate::from_ymd_opt(2025, 12, 1).expect("date");
        let d2026 = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        assert_eq!(pm25_iaqi(75.0, d2025), 100);
        assert_eq!(pm25_iaqi(75.0, d2026), 114);
        assert_eq!(pm25_iaqi(150.0, d2026), 200);
        assert_eq!(pm25_iaqi(151.0, d2025), 201);
        assert_eq!(pm25_iaqi(600.0, d2025), 500);
    }
}
