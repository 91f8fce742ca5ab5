//! The headless command line: the same library the desktop app uses, for analysts and scripts.
//!
//! Each subcommand lives in its own file with its clap `Args` and a `run` that returns an exit
//! status. Exit status: 0 success; 2 with a one-line reason on stderr when an input cannot be used
//! at all; 1 when `--strict` turns skipped rows into a failure (or a check such as `journal verify`
//! finds a fault).

mod advise;
mod aqi;
mod budget;
mod campaign;
mod chart;
mod checks;
mod document_out;
mod feedback;
mod gui;
mod hindcast;
mod inspect;
mod journal;
mod output;
mod rank;
mod reduction;
mod response;
mod response_record;

use output::errln;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::{Language, Render, T, Tr};

/// `airdesk` with no subcommand opens the desktop app.
#[derive(Debug, Parser)]
#[command(
    name = "airdesk",
    version = crate::build_info::VERSION_LINE,
    about = "AirDesk 重污染天气应急值守台 — duty desk for air-pollution command centres"
)]
pub struct Cli {
    /// A subcommand runs headless; none opens the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the desktop app.
    #[command(flatten)]
    pub gui: gui::GuiArgs,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Per file: detected format, stations, variables, period, values, missing %, problems.
    Inspect(inspect::Args),
    /// Run the daily heavy-pollution outlook over a past period and score it (POD, FAR, CSI).
    Hindcast(hindcast::Args),
    /// The event journal of a workspace: verify its hash chain, export its events.
    Journal(journal::Args),
    /// Season PM2.5 budget of an area: mean so far, remaining allowed mean, heavy days (目标核算).
    Budget(budget::Args),
    /// Rank areas by PM2.5, composite index or year-on-year change (排名).
    Rank(rank::Args),
    /// Hourly (real-time) or daily AQI per station: HJ 633-2012/2026 or the US EPA AQI.
    Aqi(aqi::Args),
    /// Which warning level the emergency plan calls for, from when, and why.
    Advise(advise::Args),
    /// The response journal: status, daily report, handover, summary, ledger, notices.
    Response(response::Args),
    /// Draw a meteogram, calendar heat map, ranking or station map as PNG or SVG.
    Chart(Box<chart::Args>),
    /// Check emission-reduction lists (应急减排清单) against the plan's required reductions.
    Reduction(reduction::Args),
    /// Feedback forms (反馈表): write units' forms, read filled ones back into the journal.
    Feedback(feedback::Args),
}

/// A failure that ends a subcommand: the exit status and the one-line reason for stderr.
#[derive(Debug)]
pub struct Failure {
    /// Exit status (2: an input cannot be used; 1: a check failed).
    pub status: u8,
    /// One line saying what is wrong and, where possible, what to do.
    pub message: String,
}

impl Failure {
    /// An input that cannot be used at all (exit status 2).
    pub fn unusable(message: impl Into<String>) -> Self {
        Failure {
            status: 2,
            message: message.into(),
        }
    }

    /// A check that failed, or `--strict` meeting problems (exit status 1).
    pub fn check(message: impl Into<String>) -> Self {
        Failure {
            status: 1,
            message: message.into(),
        }
    }
}

pub use gui::GuiArgs;

/// Start the desktop app with the top-level options.
pub fn run_gui(args: &GuiArgs) -> ExitCode {
    gui::run(args)
}

/// Run a subcommand and turn its outcome into the process exit status.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Hindcast(args) => hindcast::run(&args),
        Command::Journal(args) => journal::run(&args),
        Command::Budget(args) => budget::run(&args),
        Command::Rank(args) => rank::run(&args),
        Command::Aqi(args) => aqi::run(&args),
        Command::Advise(args) => advise::run(&args),
        Command::Response(args) => response::run(&args),
        Command::Chart(args) => chart::run(&args),
        Command::Reduction(args) => reduction::run(&args),
        Command::Feedback(args) => feedback::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            errln!("airdesk: {}", f.message);
            ExitCode::from(f.status)
        }
    }
}

/// One load problem in the JSON outputs: its place, a stable kind (`code`), the reason in English
/// (`reason`, as scripts have always read it) and in the language asked for (`text`).
#[derive(Debug, serde::Serialize)]
pub(crate) struct ProblemJson {
    file: String,
    severity: crate::ingest::Severity,
    line: Option<u64>,
    column: Option<String>,
    code: &'static str,
    reason: String,
    text: String,
}

impl ProblemJson {
    /// `p` with its reason rendered in English and in `lang`.
    pub(crate) fn new(p: &crate::ingest::Problem, lang: Language) -> Self {
        ProblemJson {
            file: p.file.display().to_string(),
            severity: p.severity,
            line: p.line,
            column: p.column.clone(),
            code: p.reason.code(),
            reason: p.reason.render(Tr(Language::En)),
            text: p.reason.render(Tr(lang)),
        }
    }

    /// `file:line column c: text`, for text outputs.
    pub(crate) fn line(&self) -> String {
        let line = self.line.map_or(String::new(), |l| format!(":{l}"));
        let col = self
            .column
            .as_ref()
            .map_or(String::new(), |c| format!(" column {c}"));
        format!("{}{line}{col}: {}", self.file, self.text)
    }
}

/// Load `files` into a new store, or fail on the first file that could not be used at all, its
/// reason in `lang`. Files that only skipped rows or values load; their problems are in the
/// report.
pub(crate) fn load_files(
    files: &[std::path::PathBuf],
    lang: Language,
) -> Result<(crate::store::Store, crate::ingest::LoadReport), Failure> {
    let mut store = crate::store::Store::new();
    let report = crate::ingest::load_paths(files, &mut store);
    first_failure(&report.files, lang)?;
    Ok((store, report))
}

/// The first file of `files` that could not be used at all, as a failure naming it and its
/// first error in `lang` (exit status 2). Files that only skipped rows or values pass.
pub(crate) fn first_failure(
    files: &[crate::ingest::FileReport],
    lang: Language,
) -> Result<(), Failure> {
    match files.iter().find(|f| f.failed()) {
        Some(failed) => Err(Failure::unusable(unusable_file(failed, lang))),
        None => Ok(()),
    }
}

/// Why a file could not be used, in `lang`: its first error with file, line and column.
pub(crate) fn unusable_file(failed: &crate::ingest::FileReport, lang: Language) -> String {
    failed
        .problems
        .iter()
        .find(|p| p.severity == crate::ingest::Severity::Error)
        .map_or_else(|| failed.path.display().to_string(), |p| p.render(Tr(lang)))
}

/// The plan at `path`, or the built-in default plan; exit status 2 when it cannot be used, with
/// every problem and its line in `lang`.
pub(crate) fn load_plan(
    path: Option<&std::path::Path>,
    lang: Language,
) -> Result<crate::domain::plan::Plan, Failure> {
    use crate::domain::plan;
    let (name, result) = match path {
        Some(p) => {
            let text = crate::ingest::input::read_text(p, crate::workspace::MAX_SETTINGS_BYTES)
                .map_err(|e| {
                    let problem = crate::ingest::input::FileProblem::unreadable(p, &e);
                    Failure::unusable(problem.render(Tr(lang)))
                })?;
            (p.display().to_string(), plan::parse(&text))
        }
        None => ("built-in default plan".to_owned(), plan::default_plan()),
    };
    result.map_err(|problems| {
        let all = crate::i18n::plan_problems(Tr(lang), &problems);
        Failure::unusable(Tr(lang).f(T::LdFileProblem, &[&name, &all]))
    })
}

/// A time option (`--at`, `--since`, `--from` …), read by [`crate::clock::parse_instant`]: with
/// an offset, or Beijing time; a date alone is its midnight.
pub(crate) fn parse_time(s: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, Failure> {
    crate::clock::parse_instant(s).ok_or_else(|| {
        Failure::unusable(format!(
            "「{s}」 is not a time: write 2025-01-15T10:00 (Beijing time) or 2025-01-15T10:00:00+08:00"
        ))
    })
}

/// Print one JSON value on its own line (JSON Lines).
pub(crate) fn print_json_line(value: &impl serde::Serialize) -> Result<(), Failure> {
    let line = serde_json::to_string(value)
        .map_err(|e| Failure::unusable(format!("cannot write JSON: {e}")))?;
    output::outln!("{line}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_on_the_command_line() {
        let t = parse_time("2025-01-15T10:00").expect("local");
        assert_eq!(t.to_rfc3339(), "2025-01-15T10:00:00+08:00");
        let t = parse_time("2025-01-15").expect("date");
        assert_eq!(t.to_rfc3339(), "2025-01-15T00:00:00+08:00");
        let t = parse_time("2025-01-15T02:00:00Z").expect("utc");
        assert_eq!(t.to_rfc3339(), "2025-01-15T02:00:00+00:00");
        assert!(parse_time("tomorrow").is_err());
    }
}
