//! `airdesk aqi FILE… [--daily] [--station CODE…] [--standard …] [--json] [--strict]`: the hourly
//! (real-time) or daily AQI of every station in the files, as HJ 633 (or the US EPA AQI) gives it.
//!
//! With `--json`, one JSON object per line (station-hour or station-day), fields:
//! - `station`: station code.
//! - `time` (hourly only): the source's own stamp, ISO-8601 with its UTC offset; for CNEMC files
//!   the file's date and hour, which mark the END of the averaging hour
//!   (`2019-12-30T10:00:00+08:00` = 09:00–10:00 Beijing time).
//! - `date` (`--daily` only): the local calendar day, `YYYY-MM-DD`.
//! - `standard`: `hj633-2012`, `hj633-2026` or `us-epa` (with `--standard auto`, by the date of
//!   the averaging period: HJ 633-2026 from 2026-03-01 Beijing time).
//! - `aqi`: integer, or `null` when nothing could be indexed or HJ 633-2026 §5.3 withholds it.
//! - `category`: `null`, or `{"level": 1–6, "roman": "III", "zh": "轻度污染", "en": "Lightly
//!   polluted", "colour": "#FF7E00"}` (names and colours of the standard; the Chinese level-V
//!   purple is #99004C, the US one #8F3F97).
//! - `primary`: array of pollutant codes (`SO2`, `NO2`, `CO`, `O3`, `PM10`, `PM2.5`); empty when
//!   the AQI is 50 or less under HJ 633.
//! - `iaqi`: object by indicator (pollutant and averaging time) → integer or `null` (missing).
//!   Hourly keys: `SO2_1h`, `NO2_1h`, `CO_1h`, `O3_1h`, `PM10_1h`, `PM2.5_1h` (the particle 1-hour
//!   values are indexed on the 24-hour breakpoints). Daily keys: `SO2_24h`, `NO2_24h`, `CO_24h`,
//!   `O3_1h` (daily maximum 1-hour, HJ 633-2012 only), `O3_8h` (daily maximum 8-hour moving
//!   mean), `PM10_24h`, `PM2.5_24h`. The US option has only the two particle keys.
//! - `concentrations`: the same keys → the 1-hour values or daily statistics used, before the
//!   standard's rounding (µg/m³; CO mg/m³), or `null`.
//! - `notes`: array of codes for special rules and flags (`so2-above-800-set-200`,
//!   `o3-8h-above-800-set-300`, `beyond-table:PM2.5_1h` for a value above the top breakpoint,
//!   `incomplete`, …; see `domain::aqi::Note`).
//!
//! Without `--json` a table. Exit status: 0; 2 when a file cannot be used, no file holds pollutant
//! concentrations, or a `--station` code is unknown; 1 with `--strict` when loading skipped
//! anything.

use super::output::errln;
use std::io::Write;
use std::path::PathBuf;

use crate::domain::aqi::{
    AqiConfig, AqiResult, Category, Concentration, Indicator, Standard, StandardChoice,
    daily_indicators, hourly_indicators, pollutant_days, pollutant_span, station_daily_series,
    station_hourly_series, stations_with_pollutants,
};
use crate::i18n::{Language, Tr, ZH};
use crate::ingest::FileReport;
use crate::store::{StationId, Store};

use super::Failure;

/// Arguments of `airdesk aqi`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data files with pollutant concentrations (any supported format).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Daily AQI per local calendar day instead of the hourly (real-time) AQI.
    #[arg(long)]
    pub daily: bool,
    /// Only these stations (codes, several after one flag or comma-separated).
    #[arg(long = "station", value_name = "CODE", num_args = 1.., value_delimiter = ',')]
    pub stations: Vec<String>,
    /// Which standard: by the data's date (HJ 633-2012 before 2026-03-01, HJ 633-2026 from then
    /// on), or a fixed one.
    #[arg(long, value_enum, default_value_t = StandardArg::Auto)]
    pub standard: StandardArg,
    /// One JSON object per station-hour (or station-day) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when any row or value had to be skipped while loading.
    #[arg(long)]
    pub strict: bool,
    /// Language of the load problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
}

/// The `--standard` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StandardArg {
    /// By the data's date.
    Auto,
    /// HJ 633-2012.
    #[value(name = "hj633-2012")]
    Hj633_2012,
    /// HJ 633-2026.
    #[value(name = "hj633-2026")]
    Hj633_2026,
    /// US EPA AQI (PM2.5 with the 2024 breakpoints, PM10).
    #[value(name = "us-epa")]
    UsEpa,
}

impl StandardArg {
    fn choice(self) -> StandardChoice {
        match self {
            StandardArg::Auto => StandardChoice::Auto,
            StandardArg::Hj633_2012 => StandardChoice::Fixed(Standard::Hj633_2012),
            StandardArg::Hj633_2026 => StandardChoice::Fixed(Standard::Hj633_2026),
            StandardArg::UsEpa => StandardChoice::Fixed(Standard::UsEpa),
        }
    }
}

/// One output line.
#[derive(serde::Serialize)]
struct Record<'a> {
    station: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    standard: Standard,
    aqi: Option<u16>,
    category: Option<CategoryJson>,
    primary: Vec<&'static str>,
    iaqi: Ordered<Option<u16>>,
    concentrations: Ordered<Option<f64>>,
    notes: Vec<String>,
}

#[derive(serde::Serialize)]
struct CategoryJson {
    level: u8,
    roman: &'static str,
    zh: &'static str,
    en: &'static str,
    colour: String,
}

/// A JSON object whose keys keep the given order.
struct Ordered<T>(Vec<(&'static str, T)>);

impl<T: serde::Serialize> serde::Serialize for Ordered<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Run `aqi`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let (store, report) = super::load_files(&args.files, args.lang)?;
    let stations = select_stations(&store, &args.stations)?;
    let config = AqiConfig {
        standard: args.standard.choice(),
        ..Default::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write_all(&mut out, &store, &stations, &config, args).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => return Err(Failure::unusable(format!("cannot write the output: {e}"))),
    }
    let problems: u64 = report.files.iter().map(FileReport::problem_count).sum();
    if problems > 0 {
        if args.strict {
            return Err(Failure::check(format!(
                "{problems} problem(s) found while loading (--strict)"
            )));
        }
        errln!(
            "airdesk: {problems} problem(s) while loading were skipped; `airdesk inspect` lists them"
        );
    }
    Ok(())
}

/// The stations to report: the requested codes (each must have pollutant data), or all with
/// pollutant data.
fn select_stations(store: &Store, codes: &[String]) -> Result<Vec<StationId>, Failure> {
    let with_data = stations_with_pollutants(store);
    if with_data.is_empty() {
        return Err(Failure::unusable(
            "no pollutant concentrations in the loaded files",
        ));
    }
    if codes.is_empty() {
        return Ok(with_data);
    }
    let mut ids = Vec::new();
    for code in codes {
        let code = code.trim();
        let Some(id) = store.stations().find(code) else {
            return Err(Failure::unusable(format!(
                "unknown station code 「{code}」: not in the loaded files"
            )));
        };
        if !with_data.contains(&id) {
            return Err(Failure::unusable(format!(
                "station 「{code}」 has no pollutant concentrations in the loaded files"
            )));
        }
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

fn write_all(
    out: &mut impl Write,
    store: &Store,
    stations: &[StationId],
    config: &AqiConfig,
    args: &Args,
) -> std::io::Result<()> {
    if !args.json {
        write_header(out, args.daily)?;
    }
    for &id in stations {
        let station = store.stations().get(id);
        if args.daily {
            let Some((first, last)) = pollutant_days(store, id) else {
                continue;
            };
            for day in station_daily_series(store, id, first, last, config) {
                if day.input.is_empty() {
                    continue;
                }
                let indicators = daily_indicators(day.result.standard);
                let conc = |i: Indicator| day.input.get(i);
                let when = day.date.format("%Y-%m-%d").to_string();
                if args.json {
                    let record = record(
                        &station.code,
                        None,
                        Some(when),
                        &day.result,
                        indicators,
                        conc,
                    );
                    write_json(out, &record)?;
                } else {
                    write_row(out, &station.code, &when, &day.result, &DAILY_COLUMNS)?;
                }
            }
        } else {
            let Some((first, last)) = pollutant_span(store, id) else {
                continue;
            };
            for hour in station_hourly_series(store, id, first, last + 1, config) {
                let stamp = hour.stamp.to_local(station.utc_offset_s);
                let indicators = hourly_indicators(hour.result.standard);
                let conc = |i: Indicator| hour.input.get(i);
                if args.json {
                    let record = record(
                        &station.code,
                        Some(stamp.to_rfc3339()),
                        None,
                        &hour.result,
                        indicators,
                        conc,
                    );
                    write_json(out, &record)?;
                } else {
                    let when = stamp.format("%Y-%m-%d %H:%M").to_string();
                    write_row(out, &station.code, &when, &hour.result, &HOURLY_COLUMNS)?;
                }
            }
        }
    }
    Ok(())
}

fn record<'a>(
    station: &'a str,
    time: Option<String>,
    date: Option<String>,
    result: &AqiResult,
    indicators: &[Indicator],
    concentration: impl Fn(Indicator) -> Option<Concentration>,
) -> Record<'a> {
    let standard = result.standard;
    Record {
        station,
        time,
        date,
        standard,
        aqi: result.aqi,
        category: result.category.map(|c| CategoryJson {
            level: c.number(),
            roman: c.roman(),
            zh: ZH.category(c, standard),
            en: Tr(Language::En).category(c, standard),
            colour: c.hex(standard),
        }),
        primary: result.primary.iter().map(|p| p.code()).collect(),
        iaqi: Ordered(
            indicators
                .iter()
                .map(|i| (i.code(), result.iaqi(*i)))
                .collect(),
        ),
        concentrations: Ordered(
            indicators
                .iter()
                .map(|i| {
                    let v = concentration(*i).map(|c| (c.to_f64() * 1000.0).round() / 1000.0);
                    (i.code(), v)
                })
                .collect(),
        ),
        notes: result.notes.iter().map(|n| n.code()).collect(),
    }
}

fn write_json(out: &mut impl Write, record: &Record<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// Table columns: header and indicator.
const HOURLY_COLUMNS: [(&str, Indicator); 6] = [
    ("SO2", Indicator::So2OneHour),
    ("NO2", Indicator::No2OneHour),
    ("CO", Indicator::CoOneHour),
    ("O3", Indicator::O3OneHour),
    ("PM10", Indicator::Pm10OneHour),
    ("PM2.5", Indicator::Pm25OneHour),
];

const DAILY_COLUMNS: [(&str, Indicator); 7] = [
    ("SO2", Indicator::So2Daily),
    ("NO2", Indicator::No2Daily),
    ("CO", Indicator::CoDaily),
    ("O3_1h", Indicator::O3OneHour),
    ("O3_8h", Indicator::O3EightHour),
    ("PM10", Indicator::Pm10Daily),
    ("PM2.5", Indicator::Pm25Daily),
];

fn write_header(out: &mut impl Write, daily: bool) -> std::io::Result<()> {
    let (when, columns): (&str, &[(&str, Indicator)]) = if daily {
        ("date", &DAILY_COLUMNS)
    } else {
        ("time (end of hour)", &HOURLY_COLUMNS)
    };
    write!(
        out,
        "{:<8} {:<18} {:<6} {:>4}",
        "station", when, "std", "AQI"
    )?;
    for (name, _) in columns {
        write!(out, " {name:>6}")?;
    }
    writeln!(out, "  category / primary / notes   (IAQI per pollutant)")
}

fn write_row(
    out: &mut impl Write,
    code: &str,
    when: &str,
    result: &AqiResult,
    columns: &[(&str, Indicator)],
) -> std::io::Result<()> {
    let std = match result.standard {
        Standard::Hj633_2012 => "2012",
        Standard::Hj633_2026 => "2026",
        Standard::UsEpa => "US",
    };
    let aqi = result.aqi.map_or("NA".to_string(), |a| a.to_string());
    let code = super::output::printable(code);
    write!(out, "{code:<8} {when:<18} {std:<6} {aqi:>4}")?;
    for (_, indicator) in columns {
        let v = result
            .iaqi(*indicator)
            .map_or("-".to_string(), |v| v.to_string());
        write!(out, " {v:>6}")?;
    }
    let category = result
        .category
        .map_or(String::from("-"), |c| category_text(c, result.standard));
    let primary: Vec<&str> = result.primary.iter().map(|p| p.code()).collect();
    let primary = if primary.is_empty() {
        "—".to_string()
    } else {
        primary.join("+")
    };
    write!(out, "  {category} / {primary}")?;
    if !result.notes.is_empty() {
        let notes: Vec<String> = result.notes.iter().map(|n| n.code()).collect();
        write!(out, " / {}", notes.join(", "))?;
    }
    writeln!(out)
}

fn category_text(c: Category, standard: Standard) -> String {
    format!("{} {}", c.roman(), ZH.category(c, standard))
}
