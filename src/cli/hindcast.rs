//! `airdesk hindcast FILE… [--from DATE] [--to DATE] [--stations CODE…] [--json] [--by-year]`: run
//! the daily heavy-pollution outlook over a past period with only what was knowable the day before,
//! and score it (POD, FAR, CSI) beside persistence.

use super::output::outln;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::hindcast::{self, Contingency, Hindcast};
use crate::domain::outlook::OutlookSettings;
use crate::domain::windows::WindowSettings;
use crate::i18n::{Language, Tr};
use crate::store::{StationId, Store, Variable};

use super::{Failure, print_json_line};

/// Arguments of `airdesk hindcast`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data files with hourly PM2.5 and weather (any supported format).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// First day (YYYY-MM-DD, local); default: the first day with PM2.5.
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD, local); default: the last day with PM2.5.
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Station codes forming the area (their PM2.5 is averaged); default: every station with
    /// PM2.5 that is not a control site. Several codes: `--stations A B` after the files, or
    /// `--stations A,B`.
    #[arg(long, num_args = 1.., value_delimiter = ',')]
    pub stations: Vec<String>,
    /// One JSON object (days and scores) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also print the scores year by year.
    #[arg(long)]
    pub by_year: bool,
    /// TOML file with `[windows]` and/or `[outlook]` tables overriding the default thresholds and
    /// outlook parameters (fields as in `WindowSettings` and `OutlookSettings`).
    #[arg(long)]
    pub settings: Option<PathBuf>,
    /// Language of the load problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
}

/// The settings file: both tables optional, missing fields keep their defaults.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct SettingsFile {
    windows: WindowSettings,
    outlook: OutlookSettings,
}

fn read_settings(path: &std::path::Path) -> Result<SettingsFile, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::unusable(format!("{}: cannot read: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| {
        Failure::unusable(format!(
            "{}: not valid settings: {}",
            path.display(),
            e.to_string().replace('\n', " ")
        ))
    })
}

/// Scores as JSON.
#[derive(serde::Serialize)]
struct ScoreJson {
    pod: Option<f64>,
    far: Option<f64>,
    csi: Option<f64>,
    hits: u32,
    false_alarms: u32,
    misses: u32,
    correct_negatives: u32,
}

impl From<&Contingency> for ScoreJson {
    fn from(c: &Contingency) -> Self {
        ScoreJson {
            pod: c.pod(),
            far: c.far(),
            csi: c.csi(),
            hits: c.hits,
            false_alarms: c.false_alarms,
            misses: c.misses,
            correct_negatives: c.correct_negatives,
        }
    }
}

#[derive(serde::Serialize)]
struct Scores {
    #[serde(flatten)]
    outlook: ScoreJson,
    persistence: ScoreJson,
}

#[derive(serde::Serialize)]
struct DayJson {
    date: NaiveDate,
    risk: Option<crate::domain::outlook::Risk>,
    heavy_probability: Option<f32>,
    expected_pm25: Option<f32>,
    predicted_heavy: Option<bool>,
    observed_pm25: Option<f32>,
    observed_heavy: Option<bool>,
    persistence_heavy: bool,
}

#[derive(serde::Serialize)]
struct Output {
    stations: Vec<String>,
    weather_stations: Vec<String>,
    days: Vec<DayJson>,
    score: Scores,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_year: Option<Vec<YearJson>>,
}

#[derive(serde::Serialize)]
struct YearJson {
    year: i32,
    score: Scores,
}

/// Run `hindcast`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let (store, _) = super::load_files(&args.files, args.lang)?;
    let settings = match &args.settings {
        Some(path) => read_settings(path)?,
        None => SettingsFile::default(),
    };
    let (pm, weather) = select_stations(&store, &args.stations)?;
    let result = hindcast::hindcast_store(
        &store,
        &pm,
        &weather,
        args.from,
        args.to,
        &settings.windows,
        &settings.outlook,
    )
    .map_err(|e| Failure::unusable(e.to_string()))?;
    let codes = |ids: &[StationId]| -> Vec<String> {
        ids.iter()
            .map(|&id| store.stations().get(id).code.clone())
            .collect()
    };
    if args.json {
        let out = Output {
            stations: codes(&pm),
            weather_stations: codes(&weather),
            days: result.days.iter().map(day_json).collect(),
            score: scores(&result.outlook, &result.persistence),
            by_year: args.by_year.then(|| {
                result
                    .by_year()
                    .iter()
                    .map(|(y, (o, p))| YearJson {
                        year: *y,
                        score: scores(o, p),
                    })
                    .collect()
            }),
        };
        print_json_line(&out)?;
    } else {
        print_table(&result, &codes(&pm), &codes(&weather), args.by_year);
    }
    Ok(())
}

fn scores(o: &Contingency, p: &Contingency) -> Scores {
    Scores {
        outlook: o.into(),
        persistence: p.into(),
    }
}

fn day_json(d: &hindcast::HindcastDay) -> DayJson {
    DayJson {
        date: d.date,
        risk: d.outlook.as_ref().map(|o| o.risk),
        heavy_probability: d
            .outlook
            .as_ref()
            .map(|o| (o.heavy_probability * 1000.0).round() / 1000.0),
        expected_pm25: d
            .outlook
            .as_ref()
            .map(|o| (o.expected_pm25 * 10.0).round() / 10.0),
        predicted_heavy: d.outlook.as_ref().map(|o| o.predicted_heavy),
        observed_pm25: d.observed_pm25.map(|v| (v * 10.0).round() / 10.0),
        observed_heavy: d.observed_heavy,
        persistence_heavy: d.persistence_heavy,
    }
}

/// The area's PM2.5 stations and the stations whose weather stands for it.
fn select_stations(
    store: &Store,
    codes: &[String],
) -> Result<(Vec<StationId>, Vec<StationId>), Failure> {
    let table = store.stations();
    let chosen: Vec<StationId> = if codes.is_empty() {
        table
            .iter()
            .filter(|(id, s)| !s.control_site && store.observed(*id, Variable::Pm25).is_some())
            .map(|(id, _)| id)
            .collect()
    } else {
        codes
            .iter()
            .map(|c| {
                table.find(c).ok_or_else(|| {
                    Failure::unusable(format!("station {c} is not in the loaded files"))
                })
            })
            .collect::<Result<_, _>>()?
    };
    let pm: Vec<StationId> = chosen
        .iter()
        .copied()
        .filter(|&id| store.observed(id, Variable::Pm25).is_some())
        .collect();
    if pm.is_empty() {
        return Err(Failure::unusable(
            "no observed PM2.5 for the chosen stations; load a file with hourly PM2.5",
        ));
    }
    let has_weather = |id: StationId| {
        [
            Variable::WindSpeed,
            Variable::RelativeHumidity,
            Variable::DewPoint,
        ]
        .into_iter()
        .any(|v| store.observed(id, v).is_some())
    };
    let mut weather: Vec<StationId> = chosen
        .iter()
        .copied()
        .filter(|&id| has_weather(id))
        .collect();
    if weather.is_empty() {
        weather = table
            .iter()
            .map(|(id, _)| id)
            .filter(|&id| has_weather(id))
            .collect();
    }
    Ok((pm, weather))
}

fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{v:.3}"))
}

fn print_table(h: &Hindcast, pm: &[String], weather: &[String], by_year: bool) {
    outln!("area PM2.5 stations: {}", pm.join(" "));
    if weather.is_empty() {
        outln!("weather: none loaded — the outlook rests on pollution persistence alone");
    } else {
        outln!("weather stations: {}", weather.join(" "));
    }
    outln!(
        "{:<10}  {:<9}  {:>6}  {:>8}  {:>5}  {:>8}  {:>5}  {:>5}",
        "date",
        "risk",
        "p",
        "expected",
        "pred",
        "observed",
        "heavy",
        "pers"
    );
    let yn = |b: bool| if b { "yes" } else { "no" };
    for d in &h.days {
        let (risk, p, exp, pred) = match &d.outlook {
            Some(o) => (
                Tr(Language::En).risk(o.risk).to_string(),
                format!("{:.2}", o.heavy_probability),
                format!("{:.0}", o.expected_pm25),
                yn(o.predicted_heavy).to_string(),
            ),
            None => ("—".into(), "—".into(), "—".into(), "—".into()),
        };
        outln!(
            "{:<10}  {:<9}  {:>6}  {:>8}  {:>5}  {:>8}  {:>5}  {:>5}",
            d.date,
            risk,
            p,
            exp,
            pred,
            d.observed_pm25.map_or("—".into(), |v| format!("{v:.0}")),
            d.observed_heavy.map_or("—", yn),
            yn(d.persistence_heavy)
        );
    }
    let line = |label: &str, c: &Contingency| {
        outln!(
            "{label:<12} POD {}  FAR {}  CSI {}   (hits {}, false alarms {}, misses {}, correct negatives {})",
            pct(c.pod()),
            pct(c.far()),
            pct(c.csi()),
            c.hits,
            c.false_alarms,
            c.misses,
            c.correct_negatives
        );
    };
    outln!();
    outln!("heavy day = area daily PM2.5 > 150 µg/m³ (AQI > 200)");
    line("outlook", &h.outlook);
    line("persistence", &h.persistence);
    if by_year {
        for (year, (o, p)) in h.by_year() {
            line(&format!("{year} outlook"), &o);
            line(&format!("{year} persist."), &p);
        }
    }
}
