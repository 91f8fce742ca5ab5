//! `airdesk rank FILE… [--by pm25|composite|yoy|yoy-pm25] [--from DATE] [--to DATE]
//! [--area NAME…] [--group NAME=CODE,CODE…] [--highlight NAME] [--json]`: rank areas.
//!
//! Areas are the CNEMC cities of the loaded station list (every city with PM2.5 data, or those
//! named with `--area`), or the user's own groups (`--group`). JSON (one object): `by`, `from`,
//! `to`, `standard`, `rows` [{`rank` (shared by ties, null when unranked), `area`, `value`,
//! `highlighted`, `current` {`area`, `pm25_days`, `concentrations` {`so2`, `no2`, `pm10`, `pm25`,
//! `o3_8h_p90`, `co_p95`}, `composite`}, `previous` (same, one year earlier, for yoy)}]; the
//! highlighted row also has `to_pass_next` and `to_leave_bottom_3` (how far its value must fall,
//! in the unit of `value`; see `domain::ranking::RankGap`).

use super::output::outln;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::area::Area;
use crate::domain::ranking::{LimitStandard, RankBy, RankSettings, rank_areas};
use crate::store::{Hour, Store, Variable};

use super::{Failure, print_json_line};

/// Arguments of `airdesk rank`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data files (CNEMC site files and the station list 站点列表 for city areas).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// What to rank by.
    #[arg(long, value_enum, default_value = "pm25")]
    pub by: ByArg,
    /// First day (default: the first full day of data).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last day (default: the last full day of data).
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only these CNEMC cities.
    #[arg(long, num_args = 1.., value_delimiter = ',', value_name = "NAME")]
    pub area: Vec<String>,
    /// A user-defined area: `NAME=CODE,CODE,…` (repeatable); replaces the cities.
    #[arg(long, value_name = "NAME=CODES")]
    pub group: Vec<String>,
    /// The user's own area, marked in the output.
    #[arg(long, value_name = "NAME")]
    pub highlight: Option<String>,
    /// Limits for the composite index (default: the standard in force on the last day).
    #[arg(long, value_enum)]
    pub standard: Option<StandardArg>,
    /// Show only the first N rows (the highlighted area is always shown).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Language of the load problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
}

/// `--by` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ByArg {
    /// PM2.5 period mean.
    Pm25,
    /// Composite index.
    Composite,
    /// Year-on-year change of the composite index.
    Yoy,
    /// Year-on-year change of PM2.5.
    YoyPm25,
}

/// `--standard` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StandardArg {
    /// GB 3095-2012 grade II.
    Gb3095_2012,
    /// GB 3095-2026 transition grade II.
    Gb3095_2026,
    /// GB 3095-2026 final grade II.
    Gb3095_2026Final,
}

/// Run `rank`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let (store, _) = super::load_files(&args.files, args.lang)?;
    let areas = areas(&store, args)?;
    let (data_from, data_to) = full_days(&store)
        .ok_or_else(|| Failure::unusable("no PM2.5 data in the files (a full day is needed)"))?;
    let from = args.from.unwrap_or(data_from);
    let to = args.to.unwrap_or(data_to);
    if to < from {
        return Err(Failure::unusable(format!(
            "the period ends ({to}) before it starts ({from})"
        )));
    }
    let by = match args.by {
        ByArg::Pm25 => RankBy::Pm25,
        ByArg::Composite => RankBy::Composite,
        ByArg::Yoy => RankBy::Yoy,
        ByArg::YoyPm25 => RankBy::YoyPm25,
    };
    let settings = RankSettings {
        standard: args.standard.map(|s| match s {
            StandardArg::Gb3095_2012 => LimitStandard::Gb3095_2012,
            StandardArg::Gb3095_2026 => LimitStandard::Gb3095_2026Transition,
            StandardArg::Gb3095_2026Final => LimitStandard::Gb3095_2026Final,
        }),
        ..RankSettings::default()
    };
    let mut ranking = rank_areas(
        &store,
        &areas,
        from,
        to,
        by,
        &settings,
        args.highlight.as_deref(),
    );
    if let Some(n) = args.top {
        let mut i = 0;
        ranking.rows.retain(|r| {
            i += 1;
            i <= n || r.highlighted
        });
    }
    if args.json {
        return print_json_line(&ranking);
    }
    let value_label = match by {
        RankBy::Pm25 => "PM2.5 µg/m³",
        RankBy::Composite => "composite",
        RankBy::Yoy => "composite yoy %",
        RankBy::YoyPm25 => "PM2.5 yoy %",
    };
    outln!(
        "Ranking 排名  {from}..{to}  by {value_label}  (limits {}; ties share a rank)",
        ranking.standard.label()
    );
    outln!("  rank  area                value     PM2.5  composite  PM2.5 days");
    for r in &ranking.rows {
        let num = |v: Option<f64>, d: usize| v.map_or("—".to_string(), |v| format!("{v:.d$}"));
        let value_decimals = by.decimals() as usize;
        outln!(
            "  {:>4}  {}  {:>8}  {:>6}  {:>9}  {:>10}{}",
            r.rank.map_or("—".to_string(), |x| x.to_string()),
            pad(&r.area, 18),
            num(r.value, value_decimals),
            num(r.current.concentrations.pm25, 0),
            num(r.current.composite, 2),
            r.current.pm25_days,
            if r.highlighted { "  ◀" } else { "" }
        );
    }
    if let Some((row, gap)) = ranking.rows.iter().find_map(|r| Some((r, r.gap?))) {
        let d = by.decimals() as usize;
        let amount =
            |x: Option<f64>, none: &str| x.map_or(none.to_string(), |v| format!("{v:.d$}"));
        outln!(
            "  {}: to pass the next better area the value must fall by {}; to leave the bottom \
             three by {}",
            row.area,
            amount(gap.to_pass_next, "— (first)"),
            amount(gap.to_leave_bottom_3, "—")
        );
    }
    Ok(())
}

/// `text` padded with spaces to `width` terminal columns (CJK characters take two).
fn pad(text: &str, width: usize) -> String {
    let used: usize = text
        .chars()
        .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
        .sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// Areas from `--group`, `--area` or every city with PM2.5 data.
fn areas(store: &Store, args: &Args) -> Result<Vec<Area>, Failure> {
    if !args.group.is_empty() {
        return args
            .group
            .iter()
            .map(|g| {
                let (name, codes) = g.split_once('=').ok_or_else(|| {
                    Failure::unusable(format!("--group {g:?}: expected NAME=CODE,CODE"))
                })?;
                let area = Area {
                    name: name.trim().to_string(),
                    stations: codes
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                };
                let (_, unknown) = area.resolve(store);
                if unknown.is_empty() {
                    Ok(area)
                } else {
                    Err(Failure::unusable(format!(
                        "--group {}: station(s) not in the loaded files: {}",
                        area.name,
                        unknown.join(", ")
                    )))
                }
            })
            .collect();
    }
    if store.stations().areas().is_empty() {
        return Err(Failure::unusable(
            "the stations have no city: add the station list (站点列表, NewSiteList.csv) to the \
             files, or define areas with --group",
        ));
    }
    if args.area.is_empty() {
        return Ok(Area::cities_with(store, Variable::Pm25));
    }
    args.area
        .iter()
        .map(|name| {
            let a = Area::city(store, name);
            if a.stations.is_empty() {
                Err(Failure::unusable(format!(
                    "no stations for the city 「{name}」"
                )))
            } else {
                Ok(a)
            }
        })
        .collect()
}

/// First and last local day with at least 20 hours of the PM2.5 grid inside the data's span.
fn full_days(store: &Store) -> Option<(NaiveDate, NaiveDate)> {
    let mut span: Option<(Hour, Hour)> = None;
    let mut stamp_and_offset = None;
    for (key, series) in store.iter() {
        if key.variable != Variable::Pm25 {
            continue;
        }
        let Some((a, b)) = series.present_span() else {
            continue;
        };
        stamp_and_offset.get_or_insert((
            series.stamp(),
            store.stations().get(key.station).utc_offset_s,
        ));
        span = Some(span.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
    }
    let (a, b) = span?;
    let (stamp, offset) = stamp_and_offset?;
    let covered = |d: NaiveDate| {
        let r = Hour::day_range(d, stamp, offset);
        (r.end.min(b + 1) - r.start.max(a)) >= 20
    };
    let mut first = a.day(stamp, offset);
    let mut last = b.day(stamp, offset);
    if !covered(first) {
        first = first.succ_opt()?;
    }
    if !covered(last) {
        last = last.pred_opt()?;
    }
    (first <= last).then_some((first, last))
}
