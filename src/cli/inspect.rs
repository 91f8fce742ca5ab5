//! `airdesk inspect FILE… [--json]`: what is in each file and what is wrong with it.

use super::output::outln;
use std::path::PathBuf;

use crate::i18n::Language;
use crate::i18n::{Render, T, Tr};
use crate::ingest::{self, FileReport};
use crate::store::Store;

use super::{Failure, ProblemJson, print_json_line};

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
    /// Language of the load problems printed: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: crate::i18n::Language,
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
    /// The notes in English, as scripts have always read them.
    notes: Vec<String>,
    /// The notes in the language asked for.
    notes_text: Vec<String>,
    problems: Vec<ProblemJson>,
    problems_not_shown: u64,
}

/// Run `inspect`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let mut store = Store::new();
    let report = ingest::load_paths(&args.files, &mut store);
    for file in &report.files {
        if args.json {
            print_json_line(&to_json(file, args.lang))?;
        } else {
            print_text(file, Tr(args.lang));
        }
    }
    super::first_failure(&report.files, args.lang)?;
    let skipped: u64 = report.files.iter().map(FileReport::problem_count).sum();
    if args.strict && skipped > 0 {
        return Err(Failure::check(format!(
            "{skipped} problem(s) found (--strict)"
        )));
    }
    Ok(())
}

fn to_json(f: &FileReport, lang: Language) -> Inspection<'_> {
    let notes = |tr: Tr| f.notes.iter().map(|n| n.render(tr)).collect();
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
        notes: notes(Tr(Language::En)),
        notes_text: notes(Tr(lang)),
        problems: f
            .problems
            .iter()
            .map(|p| ProblemJson::new(p, lang))
            .collect(),
        problems_not_shown: f.problems_not_shown,
    }
}

/// One file's inspection as text; the labels stay English (scripts grep them), the format,
/// notes and problems are in the language asked for.
fn print_text(f: &FileReport, tr: Tr) {
    outln!("{}", f.path.display());
    match f.format {
        Some(format) => outln!("  format     {}", format.render(tr)),
        None => outln!("  format     {}", tr.t(T::ReportUnknownFormat)),
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
        outln!("  note       {}", note.render(tr));
    }
    if f.problem_count() == 0 {
        outln!("  problems   none");
        return;
    }
    outln!("  problems   {}", f.problem_count());
    for p in &f.problems {
        let place: Vec<String> = p
            .line
            .map(|l| tr.f(T::ProblemLine, &[&l]))
            .into_iter()
            .chain(p.column.as_ref().map(|c| tr.f(T::ProblemColumn, &[c])))
            .collect();
        let reason = p.reason.render(tr);
        if place.is_empty() {
            outln!("    {reason}");
        } else {
            outln!("    {}{}{reason}", place.join(" "), tr.t(T::LdPlaceSep));
        }
        if let Some(ex) = &p.excerpt {
            outln!("      | {ex}");
        }
    }
    if f.problems_not_shown > 0 {
        outln!("    {}", tr.f(T::ProblemsMore, &[&f.problems_not_shown]));
    }
}
