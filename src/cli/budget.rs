//! `airdesk budget FILE… --stations CODE… --season FROM..TO --baseline UGM3 (--target-decrease PCT |
//! --target UGM3) [--heavy-target N] [--as-of DATE] [--audited FILE…] [--dust-days DATE…] [--json]`:
//! the season PM2.5 budget of an area, with the accounting a leader asks for (one computation with
//! the Targets page: `domain::accounting::account`).
//!
//! JSON (one object): `season` {`from`, `to`, `days`}, `as_of`, `stations`, `days_elapsed`,
//! `valid_days`, `missing_days`, `remaining_days`, `mean_so_far` (mean of the counted daily values,
//! unrounded), `mean_so_far_rounded`, `target_mean` (exact T), `target_compared` (T as compared),
//! `remaining_allowed_mean`, `on_track`, `heavy_days`, `heavy_target`, `heavy_days_left`,
//! `heavy_basis`, `baseline`, `change_vs_baseline_percent`, `same_period_last_year` (when the files
//! hold last year's same dates), `rounding` {`daily`, `mean`, `target`, `zh`, `en`},
//! `station_contributions` [{`station`, `name`, `mean`, `contribution`}] (unrounded, largest
//! contribution first), `dust_days` (the marked dates), `mean_so_far_without_dust`,
//! `mean_so_far_without_dust_rounded`, `remaining_allowed_mean_without_dust`, `dust_rule`
//! {`pm10_above`, `ratio_at_most`}, `dust_candidates` [{`date`, `pm10`, `pm25`, `ratio`}],
//! `festival` {`days` [{`date`, `festival`, `day_after`, `value`, `basis`}],
//! `added_to_mean_so_far`, `coming`}, `data_basis` {`realtime_days`, `audited_days`, `zh`, `en`},
//! and on request `forecast` (`--forecast`), `what_if` (`--rest-mean`), `ledger` (`--ledger`).
//! Concentrations in µg/m³ with two decimals at most (contributions unrounded); percentages with
//! one.

use super::output::outln;
use std::path::PathBuf;

use chrono::NaiveDate;

use std::collections::BTreeSet;

use crate::domain::accounting::{self, Accounting, AccountingError, AccountingInput, AsOf};
use crate::domain::area::Area;
use crate::domain::audited::DataBasis;
use crate::domain::budget::{
    self, Budget, BudgetSettings, EpisodeCost, RoundMode, Rounding, SamePeriodChange, Season,
    TargetForm, TargetRounding, WhatIf,
};
use crate::domain::contributions::StationContribution;
use crate::domain::dust::{DustCandidate, DustRule};
use crate::domain::festival_cost::FestivalCost;
use crate::i18n::{Language, Render, Tr};
use crate::ingest;
use crate::store::{Hour, Store, Variable};

use super::{Failure, print_json_line};

/// Arguments of `airdesk budget`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["stations", "area"])))]
#[command(group(clap::ArgGroup::new("goal").required(true).args(["target_decrease", "target"])))]
pub struct Args {
    /// Data files (CNEMC site files; add the station list to use --area).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Station codes making up the area (space- or comma-separated).
    #[arg(long, num_args = 1.., value_delimiter = ',', value_name = "CODE")]
    pub stations: Vec<String>,
    /// A CNEMC city as the area (its stations from the station list, control sites excluded).
    #[arg(long, value_name = "NAME")]
    pub area: Option<String>,
    /// Campaign period, both days included.
    #[arg(long, value_name = "FROM..TO", value_parser = parse_season)]
    pub season: Season,
    /// Last season's same-period mean PM2.5, µg/m³.
    #[arg(long, value_name = "UGM3")]
    pub baseline: f64,
    /// Target as a decrease on the baseline, % (e.g. 4).
    #[arg(long, value_name = "PCT")]
    pub target_decrease: Option<f64>,
    /// Target as an absolute season mean, µg/m³.
    #[arg(long, value_name = "UGM3")]
    pub target: Option<f64>,
    /// Heavy-pollution days allowed this season.
    #[arg(long, value_name = "N")]
    pub heavy_target: Option<u32>,
    /// Last day counted (default: the last day in the season with a valid area mean).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Rounding of daily means and of the season mean.
    #[arg(long, value_enum, default_value = "half-even")]
    pub rounding: RoundingArg,
    /// Rounding of the target before comparing.
    #[arg(long, value_enum, default_value = "floor")]
    pub target_rounding: TargetRoundingArg,
    /// Forecast daily means for the days after as-of (a heavy day or an episode), µg/m³.
    #[arg(long, num_args = 1.., value_delimiter = ',', value_name = "UGM3")]
    pub forecast: Vec<f64>,
    /// What-if: mean assumed for the remaining days after the forecast, µg/m³.
    #[arg(long, value_name = "UGM3")]
    pub rest_mean: Option<f64>,
    /// Include the daily ledger.
    #[arg(long)]
    pub ledger: bool,
    /// Audited daily data (files or folders; format in README, "Audited daily data"): used for the
    /// days they cover instead of the real-time feed.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub audited: Vec<PathBuf>,
    /// Days marked as sand-and-dust days (扣沙), left out of the mean "without dust".
    #[arg(long, num_args = 1.., value_delimiter = ',', value_name = "DATE")]
    pub dust_days: Vec<NaiveDate>,
    /// Dust-day candidates: area daily PM10 above this, µg/m³.
    #[arg(long, value_name = "UGM3", default_value_t = DustRule::default().pm10_above)]
    pub dust_pm10_above: f64,
    /// Dust-day candidates: PM2.5/PM10 at most this.
    #[arg(long, value_name = "RATIO", default_value_t = DustRule::default().ratio_at_most)]
    pub dust_ratio_at_most: f64,
    /// PM2.5 assumed for a coming festival (fireworks) day when last year's is not in the files,
    /// µg/m³.
    #[arg(long, value_name = "UGM3")]
    pub festival_value: Option<f64>,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Language of the load problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
}

/// `--rounding` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoundingArg {
    /// GB/T 8170: halves to even.
    HalfEven,
    /// Halves up.
    HalfUp,
    /// No rounding.
    Exact,
}

/// `--target-rounding` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TargetRoundingArg {
    /// Round down.
    Floor,
    /// Round to the nearest whole µg/m³.
    Nearest,
    /// Keep the exact target.
    Exact,
}

fn parse_season(s: &str) -> Result<Season, String> {
    Season::parse(s).map_err(|e| e.to_string())
}

/// The JSON form.
#[derive(serde::Serialize)]
struct Output<'a> {
    season: SeasonJson,
    as_of: NaiveDate,
    stations: &'a [String],
    stations_without_data: Vec<&'a str>,
    days_elapsed: u32,
    valid_days: u32,
    missing_days: u32,
    remaining_days: u32,
    mean_so_far: Option<f64>,
    mean_so_far_rounded: Option<f64>,
    target_mean: f64,
    target_compared: f64,
    remaining_allowed_mean: Option<f64>,
    on_track: Option<bool>,
    heavy_days: u32,
    heavy_target: Option<u32>,
    heavy_days_left: Option<i64>,
    heavy_basis: String,
    baseline: f64,
    change_vs_baseline_percent: Option<f64>,
    same_period_last_year: Option<SamePeriodChange>,
    rounding: RoundingJson,
    station_contributions: &'a [StationContribution],
    dust_days: &'a BTreeSet<NaiveDate>,
    mean_so_far_without_dust: Option<f64>,
    mean_so_far_without_dust_rounded: Option<f64>,
    remaining_allowed_mean_without_dust: Option<f64>,
    dust_rule: DustRule,
    dust_candidates: Vec<DustCandidate>,
    festival: FestivalCost,
    data_basis: BasisJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forecast: Option<EpisodeCost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    what_if: Option<WhatIf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger: Option<Vec<budget::LedgerRow>>,
}

#[derive(serde::Serialize)]
struct SeasonJson {
    from: NaiveDate,
    to: NaiveDate,
    days: u32,
}

#[derive(serde::Serialize)]
struct BasisJson<'a> {
    #[serde(flatten)]
    basis: &'a DataBasis,
    zh: String,
    en: String,
}

#[derive(serde::Serialize)]
struct RoundingJson {
    daily: RoundMode,
    mean: RoundMode,
    target: TargetRounding,
    zh: String,
    en: String,
}

/// Run `budget`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let (store, _) = super::load_files(&args.files, args.lang)?;
    let area = resolve_area(&store, args)?;
    let (ids, unknown) = area.resolve(&store);
    if !unknown.is_empty() {
        return Err(Failure::unusable(format!(
            "station(s) not in the loaded files: {}",
            unknown.join(", ")
        )));
    }
    let mode = match args.rounding {
        RoundingArg::HalfEven => RoundMode::HalfEven,
        RoundingArg::HalfUp => RoundMode::HalfUp,
        RoundingArg::Exact => RoundMode::Exact,
    };
    let season = args.season;
    let settings = BudgetSettings {
        season,
        baseline: Some(args.baseline),
        target: match (args.target, args.target_decrease) {
            (Some(t), _) => TargetForm::Mean(t),
            (None, Some(p)) => TargetForm::DecreasePercent(p),
            (None, None) => return Err(Failure::unusable("give --target or --target-decrease")),
        },
        heavy_target: args.heavy_target,
        rounding: Rounding {
            daily: mode,
            mean: mode,
            target: match args.target_rounding {
                TargetRoundingArg::Floor => TargetRounding::Floor,
                TargetRoundingArg::Nearest => TargetRounding::Nearest,
                TargetRoundingArg::Exact => TargetRounding::Exact,
            },
        },
    };
    let (audited, audited_reports) = ingest::load_audited(&args.audited);
    super::first_failure(&audited_reports, args.lang)?;
    let dust_days: BTreeSet<NaiveDate> = args.dust_days.iter().copied().collect();
    let input = AccountingInput {
        settings,
        as_of: args
            .as_of
            .map_or(AsOf::LastValidUpTo(season.to()), AsOf::Date),
        audited: &audited,
        dust_days: &dust_days,
        dust_rule: DustRule {
            pm10_above: args.dust_pm10_above,
            ratio_at_most: args.dust_ratio_at_most,
        },
        festival_assumed: args.festival_value,
    };
    let acc = accounting::account(&store, &ids, &input).map_err(|e| match e {
        AccountingError::NoValidDay(_) => Failure::unusable(format!(
            "no valid daily PM2.5 mean (≥ 20 hourly values) for {} in {season}",
            area.name
        )),
        other => Failure::unusable(other.to_string()),
    })?;
    let b = &acc.budget;
    let as_of = b.as_of;
    let forecast = (!args.forecast.is_empty())
        .then(|| budget::episode_cost(b, &args.forecast))
        .flatten();
    let what_if = args
        .rest_mean
        .map(|rest| budget::what_if(b, &args.forecast, rest));
    let out = Output {
        season: SeasonJson {
            from: season.from(),
            to: season.to(),
            days: season.days(),
        },
        as_of,
        stations: &area.stations,
        stations_without_data: area
            .stations
            .iter()
            .filter(|code| !has_data(&store, code, season))
            .map(String::as_str)
            .collect(),
        days_elapsed: b.days_elapsed,
        valid_days: b.valid_days,
        missing_days: b.missing_days,
        remaining_days: b.remaining_days,
        mean_so_far: b.mean_so_far.map(r2),
        mean_so_far_rounded: b.mean_so_far_rounded,
        target_mean: r2(b.target_mean),
        target_compared: b.target_compared,
        remaining_allowed_mean: b.remaining_allowed_mean.map(r2),
        on_track: b.on_track,
        heavy_days: b.heavy_days,
        heavy_target: args.heavy_target,
        heavy_days_left: b.heavy_days_left,
        heavy_basis: b.heavy_basis.render(Tr(Language::En)),
        baseline: args.baseline,
        change_vs_baseline_percent: b.change_vs_baseline_percent.map(r1),
        same_period_last_year: acc.same_period.map(|c| SamePeriodChange {
            current_mean: r2(c.current_mean),
            previous_mean: r2(c.previous_mean),
            percent: r1(c.percent),
            ..c
        }),
        rounding: RoundingJson {
            daily: settings.rounding.daily,
            mean: settings.rounding.mean,
            target: settings.rounding.target,
            zh: settings.rounding.render(Tr(Language::Zh)),
            en: settings.rounding.render(Tr(Language::En)),
        },
        forecast: forecast.map(|f| EpisodeCost {
            added_to_season_mean: r2(f.added_to_season_mean),
            remaining_allowed_after: f.remaining_allowed_after.map(r2),
            ..f
        }),
        station_contributions: &acc.contributions,
        dust_days: &dust_days,
        mean_so_far_without_dust: acc.without_dust.mean_so_far.map(r2),
        mean_so_far_without_dust_rounded: acc.without_dust.mean_so_far_rounded,
        remaining_allowed_mean_without_dust: acc.without_dust.remaining_allowed_mean.map(r2),
        dust_rule: input.dust_rule,
        dust_candidates: acc
            .dust_candidates
            .iter()
            .map(|c| DustCandidate {
                pm10: r2(c.pm10),
                pm25: r2(c.pm25),
                ratio: r2(c.ratio),
                ..*c
            })
            .collect(),
        festival: festival_json(&acc.festival),
        data_basis: BasisJson {
            basis: &acc.basis,
            zh: Tr(Language::Zh).data_basis(&acc.basis),
            en: Tr(Language::En).data_basis(&acc.basis),
        },
        what_if: what_if.map(|w| WhatIf {
            projected_mean: r2(w.projected_mean),
            ..w
        }),
        ledger: args.ledger.then(|| {
            b.ledger
                .iter()
                .map(|r| budget::LedgerRow {
                    exact: r.exact.map(r2),
                    mean_so_far: r.mean_so_far.map(r2),
                    remaining_allowed_mean: r.remaining_allowed_mean.map(r2),
                    ..*r
                })
                .collect()
        }),
    };
    if args.json {
        print_json_line(&out)
    } else {
        print_text(&area, b, &acc, &out);
        Ok(())
    }
}

/// The area from `--stations` or `--area`.
fn resolve_area(store: &Store, args: &Args) -> Result<Area, Failure> {
    if let Some(name) = &args.area {
        let area = Area::city(store, name);
        if area.stations.is_empty() {
            let hint = if store.stations().areas().is_empty() {
                "; no station list loaded (add NewSiteList.csv / 站点列表 to the files)"
            } else {
                ""
            };
            return Err(Failure::unusable(format!(
                "no stations for the area 「{name}」{hint}"
            )));
        }
        return Ok(area);
    }
    let mut stations: Vec<String> = Vec::new();
    for s in &args.stations {
        let s = s.trim().to_string();
        if !s.is_empty() && !stations.contains(&s) {
            stations.push(s);
        }
    }
    Ok(Area {
        name: stations.join(","),
        stations,
    })
}

/// Whether station `code` has any PM2.5 value in the season.
fn has_data(store: &Store, code: &str, season: Season) -> bool {
    let Some(id) = store.stations().find(code) else {
        return false;
    };
    let Some(series) = store.observed(id, Variable::Pm25) else {
        return false;
    };
    let offset = store.stations().get(id).utc_offset_s;
    let first = Hour::day_range(season.from(), series.stamp(), offset).start;
    let end = Hour::day_range(season.to(), series.stamp(), offset).end;
    series.window(first, end).iter().any(|v| !v.is_nan())
}

/// The festival cost with its figures to two decimals.
fn festival_json(f: &FestivalCost) -> FestivalCost {
    FestivalCost {
        added_to_mean_so_far: f.added_to_mean_so_far.map(r2),
        coming: f.coming.clone().map(|c| EpisodeCost {
            added_to_season_mean: r2(c.added_to_season_mean),
            remaining_allowed_after: c.remaining_allowed_after.map(r2),
            ..c
        }),
        days: f.days.clone(),
    }
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn opt(x: Option<f64>, decimals: usize) -> String {
    x.map_or("—".to_string(), |v| format!("{v:.decimals$}"))
}

fn print_text(area: &Area, b: &Budget, acc: &Accounting, o: &Output<'_>) {
    outln!(
        "Season budget 目标核算  {}  ({} days)",
        b.settings.season,
        b.season_days
    );
    outln!(
        "  area               {} ({} stations)",
        area.name,
        area.stations.len()
    );
    if !o.stations_without_data.is_empty() {
        outln!(
            "  no data in season  {}",
            o.stations_without_data.join(", ")
        );
    }
    outln!("  as of              {}", b.as_of);
    outln!(
        "  days elapsed       {}  (valid {}, missing {}), remaining {}",
        b.days_elapsed,
        b.valid_days,
        b.missing_days,
        b.remaining_days
    );
    outln!(
        "  mean so far        {} µg/m³ (exact {})",
        opt(b.mean_so_far_rounded, 0),
        opt(b.mean_so_far, 2)
    );
    outln!(
        "  target             {} µg/m³ (exact {:.2}), baseline {} µg/m³",
        b.target_compared,
        b.target_mean,
        o.baseline
    );
    outln!(
        "  remaining allowed  {} µg/m³ per day",
        opt(b.remaining_allowed_mean, 1)
    );
    if let Some(on) = b.on_track {
        outln!(
            "  on track           {}",
            if on { "yes" } else { "no — above target" }
        );
    }
    let left = b.heavy_days_left.map_or(String::new(), |l| {
        format!(", left {l} of {}", o.heavy_target.unwrap_or(0))
    });
    outln!("  heavy days         {}{left}", b.heavy_days);
    outln!(
        "                     ({})",
        b.heavy_basis.render(Tr(Language::En))
    );
    if let Some(c) = b.change_vs_baseline_percent {
        outln!("  vs baseline        {c:+.1} %");
    }
    if let Some(s) = &o.same_period_last_year {
        outln!(
            "  same dates 1 y ago {:.1} → {:.1} µg/m³ ({:+.1} %)",
            s.previous_mean,
            s.current_mean,
            s.percent
        );
    }
    if let Some(f) = &o.forecast {
        outln!(
            "  forecast {} day(s)  heavy {}, lifts the season mean {:+.2} µg/m³ above the path; \
             remaining allowed after: {} µg/m³",
            f.days,
            f.heavy_days,
            f.added_to_season_mean,
            opt(f.remaining_allowed_after, 1)
        );
    }
    if let Some(w) = &o.what_if {
        outln!(
            "  what-if            season mean {:.2} → {} µg/m³, {}",
            w.projected_mean,
            w.projected_rounded,
            if w.meets_target {
                "meets the target"
            } else {
                "misses the target"
            }
        );
    }
    if !o.dust_days.is_empty() {
        let dates: Vec<String> = o.dust_days.iter().map(ToString::to_string).collect();
        outln!("  dust days (扣沙)   {}", dates.join(", "));
        outln!(
            "  without dust       mean so far {} µg/m³ (exact {}), remaining allowed {} µg/m³",
            opt(acc.without_dust.mean_so_far_rounded, 0),
            opt(acc.without_dust.mean_so_far, 2),
            opt(acc.without_dust.remaining_allowed_mean, 1)
        );
    }
    for c in &o.dust_candidates {
        outln!(
            "  dust candidate     {}  PM10 {:.0}, PM2.5/PM10 {:.2}",
            c.date,
            c.pm10,
            c.ratio
        );
    }
    print_festival(&o.festival);
    if !acc.contributions.is_empty() {
        outln!(
            "  station contributions (µg/m³ on the mean so far; mean without the station subtracted)"
        );
        for c in &acc.contributions {
            outln!(
                "    {:<8} {}  mean {:>6}  contribution {:>6}",
                c.station,
                c.name,
                opt(c.mean, 1),
                c.contribution
                    .map_or("—".to_string(), |x| format!("{x:+.2}"))
            );
        }
    }
    outln!("  data               {}", o.data_basis.en);
    outln!("  rounding           {}", o.rounding.zh);
    outln!("                     {}", o.rounding.en);
    if let Some(rows) = &o.ledger {
        outln!(
            "  date        day  stations  exact    counted  AQI  heavy  mean so far  allowed after"
        );
        for r in rows {
            outln!(
                "  {}  {:>3}  {:>3}/{:<3}  {:>7}  {:>7}  {:>3}  {:>5}  {:>11}  {:>13}",
                r.date,
                r.day,
                r.stations_valid,
                r.stations_total,
                opt(r.exact, 2),
                opt(r.value, 0),
                r.aqi.map_or("—".to_string(), |a| a.to_string()),
                if r.heavy { "yes" } else { "" },
                opt(r.mean_so_far, 2),
                opt(r.remaining_allowed_mean, 1)
            );
        }
    }
}

fn print_festival(f: &FestivalCost) {
    let Some(first) = f.days.first() else {
        return;
    };
    let last = f.days.last().unwrap_or(first);
    outln!(
        "  festival days      {} … {} (除夕, 春节, 初五, 元宵 and the day after)",
        first.day.date,
        last.day.date
    );
    if let Some(lift) = f.added_to_mean_so_far {
        outln!("                     counted so far: lift the mean so far {lift:+.2} µg/m³");
    }
    if let Some(c) = &f.coming {
        outln!(
            "                     to come ({} day(s), heavy {}): lift the season mean {:+.2} µg/m³ above the path",
            c.days,
            c.heavy_days,
            c.added_to_season_mean
        );
    }
}
