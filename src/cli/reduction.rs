//! `airdesk reduction LIST… [--plan P] [--base so2=KGD,nox=KGD,pm=KGD,vocs=KGD] [--level L]
//! [--json]`: read emission-reduction lists (应急减排清单) and check them against the plan's
//! required share of the whole-society base, per level and pollutant.
//!
//! JSON (one object): `unit` (`"kg/d"`), `enterprises`, `lines`, `by_grade` (grade label → number
//! of enterprises), `problems` (each `file`, `row`, `column`, `reason`, `reason_en`) and `levels`
//! (yellow, orange, red, then the plan's other levels; only `--level` when given), each `level`,
//! `required_percent`, `base`, `reduction`, `percent`, `meets`, `shortfall` — the last five
//! objects with keys `so2`, `nox`, `pm`, `vocs`.

use std::path::PathBuf;

use serde::Serialize;

use crate::domain::plan::{Grade, Level};
use crate::domain::reduction::{
    LevelCheck, Pollutant, ReductionList, Share, check_all, share_by_grade, share_by_industry,
};
use crate::i18n::{Render, Tr};
use crate::ingest::reduction_list::{ListProblem, read_lists};
use crate::workspace::Language;

use super::output::outln;
use super::{Failure, load_plan, print_json_line};

/// The levels `--level` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListLevel {
    /// 黄色预警.
    Yellow,
    /// 橙色预警.
    Orange,
    /// 红色预警.
    Red,
}

impl From<ListLevel> for Level {
    fn from(l: ListLevel) -> Level {
        match l {
            ListLevel::Yellow => Level::Yellow,
            ListLevel::Orange => Level::Orange,
            ListLevel::Red => Level::Red,
        }
    }
}

/// Arguments of `airdesk reduction`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List files (CSV or .xlsx/.xls), one row per enterprise or production line.
    #[arg(required = true)]
    pub lists: Vec<PathBuf>,
    /// Emergency plan (TOML) with the required percents and the base; the built-in default plan
    /// when absent.
    #[arg(long)]
    pub plan: Option<PathBuf>,
    /// Whole-society emission base in kg/d, overriding the plan's:
    /// `so2=1200,nox=3400,pm=2600,vocs=1900` (any of the four).
    #[arg(long)]
    pub base: Option<String>,
    /// Only this level.
    #[arg(long, value_enum)]
    pub level: Option<ListLevel>,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Language of the plan problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
}

/// Run `reduction`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let plan = load_plan(args.plan.as_deref(), args.lang)?;
    let mut base = plan.reduction.base;
    if let Some(given) = &args.base {
        for (p, v) in parse_base(given).map_err(Failure::unusable)? {
            base.set(p, Some(v));
        }
    }
    let load = read_lists(&args.lists);
    if load.nothing_usable() {
        let reason = load
            .problems
            .first()
            .map(|p| format!("{}: {}", p.file.display(), p.render(Tr(Language::En))))
            .unwrap_or_else(|| "no list could be read".to_owned());
        return Err(Failure::unusable(reason));
    }
    let mut levels = check_all(&load.list, &plan, &base);
    if let Some(only) = args.level {
        levels.retain(|c| c.level == Level::from(only));
    }
    if args.json {
        print_json_line(&Output::new(&load.list, &load.problems, &levels))
    } else {
        print_text(&load.list, &load.problems, &levels);
        Ok(())
    }
}

/// Read `so2=1200,nox=3400`.
fn parse_base(text: &str) -> Result<Vec<(Pollutant, f64)>, String> {
    text.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("--base: 「{part}」 is not KEY=KGD (so2=1200)"))?;
            let p = Pollutant::from_code(key).ok_or_else(|| {
                format!(
                    "--base: unknown pollutant 「{}」; use so2, nox, pm, vocs",
                    key.trim()
                )
            })?;
            let v: f64 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| {
                    format!(
                        "--base: 「{}」 is not an emission in kg/d (0 or more)",
                        value.trim()
                    )
                })?;
            Ok((p, v))
        })
        .collect()
}

#[derive(Serialize)]
struct Output<'a> {
    unit: &'static str,
    enterprises: usize,
    lines: usize,
    by_grade: serde_json::Map<String, serde_json::Value>,
    problems: Vec<ProblemOut>,
    levels: &'a [LevelCheck],
}

#[derive(Serialize)]
struct ProblemOut {
    file: String,
    row: Option<u64>,
    column: Option<String>,
    reason: String,
    reason_en: String,
}

impl<'a> Output<'a> {
    fn new(list: &ReductionList, problems: &[ListProblem], levels: &'a [LevelCheck]) -> Self {
        let counts = list.by_grade();
        Output {
            unit: "kg/d",
            enterprises: list.enterprises.len(),
            lines: list.line_count(),
            by_grade: Grade::ALL
                .iter()
                .map(|g| {
                    (
                        g.label().to_owned(),
                        counts.get(g).copied().unwrap_or(0).into(),
                    )
                })
                .collect(),
            problems: problems
                .iter()
                .map(|p| ProblemOut {
                    file: p.file.display().to_string(),
                    row: p.row,
                    column: p.column.clone(),
                    reason: p.render(Tr(Language::Zh)),
                    reason_en: p.render(Tr(Language::En)),
                })
                .collect(),
            levels,
        }
    }
}

fn opt(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.decimals$}"))
}

fn print_text(list: &ReductionList, problems: &[ListProblem], levels: &[LevelCheck]) {
    let grades: Vec<String> = list
        .by_grade()
        .iter()
        .map(|(g, n)| format!("{} {n}", g.label()))
        .collect();
    outln!(
        "应急减排清单 · emission-reduction list: {} 家企业 enterprises, {} 条生产线 lines ({})",
        list.enterprises.len(),
        list.line_count(),
        grades.join(" · ")
    );
    outln!("单位 unit: kg/d");
    outln!();
    outln!(
        "{:<8} {:>6}  {:<5} {:>12} {:>12} {:>8}  {:<5} {:>12}",
        "级别",
        "要求%",
        "污染物",
        "基数 base",
        "减排 reduced",
        "比例 %",
        "达标",
        "缺口 short"
    );
    for c in levels {
        for p in Pollutant::ALL {
            let meets = match c.meets.get(p) {
                Some(true) => "是 yes",
                Some(false) => "否 NO",
                None => "—",
            };
            outln!(
                "{:<8} {:>6}  {:<5} {:>12} {:>12.1} {:>8}  {:<5} {:>12}",
                c.level.code(),
                opt(c.required_percent, 0),
                p.label(),
                opt(c.base.get(p), 1),
                c.reduction.get(p),
                opt(c.percent.get(p), 2),
                meets,
                opt(c.shortfall.get(p), 1)
            );
        }
    }
    for c in levels
        .iter()
        .filter(|c| c.reduction.0.iter().any(|r| *r > 0.0))
    {
        print_breakdown(list, c.level);
    }
    if !problems.is_empty() {
        outln!();
        outln!("问题 problems ({}):", problems.len());
        for p in problems {
            let row = p.row.map_or_else(String::new, |r| format!(":{r}"));
            let col = p
                .column
                .as_deref()
                .map_or_else(String::new, |c| format!(" 「{c}」"));
            outln!(
                "{}{row}{col}: {}",
                p.file.display(),
                p.render(Tr(Language::Zh))
            );
        }
    }
}

fn print_breakdown(list: &ReductionList, level: Level) {
    outln!();
    outln!("{} — 按绩效分级 by grade:", Tr(Language::Zh).level(level));
    print_shares(&share_by_grade(list, level));
    outln!("{} — 按行业 by industry:", Tr(Language::Zh).level(level));
    print_shares(&share_by_industry(list, level));
    outln!(
        "{} — 减排量最大的企业 largest contributors:",
        Tr(Language::Zh).level(level)
    );
    for p in Pollutant::ALL {
        let top = list.top_contributors_line(level, p, 5);
        if !top.is_empty() {
            outln!("  {:<5} {top}", p.label());
        }
    }
}

fn print_shares(shares: &[Share]) {
    for s in shares {
        let parts: Vec<String> = Pollutant::ALL
            .iter()
            .map(|&p| {
                format!(
                    "{} {:.1} ({}%)",
                    p.label(),
                    s.reduction.get(p),
                    opt(s.percent.get(p), 1)
                )
            })
            .collect();
        let label = if s.label.is_empty() { "—" } else { &s.label };
        outln!("  {label} ({}): {}", s.enterprises, parts.join(" · "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_on_the_command_line() {
        let b = parse_base("so2=1200, NOx = 3400.5,").expect("base");
        assert_eq!(b, [(Pollutant::So2, 1200.0), (Pollutant::Nox, 3400.5)]);
        for bad in ["so2", "co=1", "pm=-1", "pm=abc", "vocs=inf"] {
            assert!(parse_base(bad).is_err(), "{bad}");
        }
    }
}
