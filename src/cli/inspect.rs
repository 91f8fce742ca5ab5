//! `airdesk inspect FILE… [--json]`: what is in each file and what is wrong with it.

use super::output::outln;
use std::path::PathBuf;

use crate::ingest::{self, FileReport};
use crate::store::Store;

use super::{Failure, print_json_line};

/// Arguments of `airdesk inspect`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data files (any supported format, detected from the content).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// One JSON object per file instead of text.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when any row or value had to be skipped.
    #[arg(long)]
    pub strict: bool,
}

/// The JSON form of one file's inspection.
#[derive(serde::Serialize)]
struct Inspection<'a> {
    file: String,
    format: Option<ingest::Format>,
    encoding: Option<&'a str>,
    stations: usize,
    variables: Vec<&'static str>,
    period: Option<[&'a str; 2]>,
    rows: u64,
    values: u64,
    missing_percent: f64,
    notes: &'a [String],
    problems: Vec<ProblemJson>,
    problems_not_shown: u64,
}

#[derive(serde::Serialize)]
struct ProblemJson {
    severity: ingest::Severity,
    line: Option<u64>,
    column: Option<String>,
    reason: String,
}

/// Run `inspect`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let mut store = Store::new();
    let report = ingest::load_paths(&args.files, &mut store);
    for file in &report.files {
        if args.json {
            print_json_line(&to_json(file))?;
        } else {
            print_text(file);
        }
    }
    super::first_failure(&report)?;
    let skipped: u64 = report.files.iter().map(FileReport::problem_count).sum();
    if args.strict && skipped > 0 {
        return Err(Failure::check(format!(
            "{skipped} problem(s) found (--strict)"
        )));
    }
    Ok(())
}

fn to_json(f: &FileReport) -> Inspection<'_> {
    Inspection {
        file: f.path.display().to_string(),
        format: f.format,
        encoding: f.encoding.as_deref(),
        stations: f.stations,
        variables: f.variables.iter().map(|v| v.code()).collect(),
        period: f.period.as_ref().map(|(a, b)| [a.as_str(), b.as_str()]),
        rows: f.rows_read,
        values: f.values_kept,
        missing_percent: (f.missing_percent() * 10.0).round() / 10.0,
        notes: &f.notes,
        problems: f
            .problems
            .iter()
            .map(|p| ProblemJson {
                severity: p.severity,
                line: p.line,
                column: p.column.clone(),
                reason: p.reason.clone(),
            })
            .collect(),
        problems_not_shown: f.problems_not_shown,
    }
}

fn print_text(f: &FileReport) {
    outln!("{}", f.path.display());
    match f.format {
        Some(format) => outln!("  format     {}", format.label()),
        None => outln!("  format     not recognised"),
    }
    if let Some(enc) = &f.encoding {
        outln!("  encoding   {enc}");
    }
    outln!("  stations   {}", f.stations);
    let vars: Vec<&str> = f.variables.iter().map(|v| v.code()).collect();
    outln!("  variables  {}", vars.join(", "));
    if let Some((a, b)) = &f.period {
        outln!("  period     {a} … {b}");
    }
    outln!(
        "  rows       {}   values {}   missing {:.1} %",
        f.rows_read,
        f.values_kept,
        f.missing_percent()
    );
    for note in &f.notes {
        outln!("  note       {note}");
    }
    if f.problem_count() == 0 {
        outln!("  problems   none");
    } else {
        outln!("  problems   {}", f.problem_count());
        for p in &f.problems {
            let place: Vec<String> = p
                .line
                .map(|l| format!("line {l}"))
                .into_iter()
                .chain(p.column.as_ref().map(|c| format!("column {c}")))
                .collect();
            if place.is_empty() {
                outln!("    {}", p.reason);
            } else {
                outln!("    {}: {}", place.join(" "), p.reason);
            }
            if let Some(ex) = &p.excerpt {
                outln!("      | {ex}");
            }
        }
        if f.problems_not_shown > 0 {
            outln!("    … and {} more", f.problems_not_shown);
        }
    }
}
