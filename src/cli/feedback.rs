//! `airdesk feedback`: feedback forms out and in (反馈表).
//!
//! `form DIR (--unit ID… | --all) --out PATH [--at T]` writes each unit's open items of the
//! latest warning episode and of the running campaign runs as an .xlsx to fill: PATH ending in `.xlsx` is one file (the units given, in
//! one sheet); otherwise PATH is a folder and each unit's form is `PATH/<unit id>.xlsx`.
//! `import DIR FILE… --by NAME [--at T] [--dry-run] [--json]` reads filled forms back, says
//! every problem with its file and row, and records the good rows in one journal transaction
//! (none under `--dry-run`). Exit 0; 2 when no file could be read or the journal cannot be used.

use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Subcommand};

use crate::i18n::{Language, Render, Tr};
use crate::ingest::feedback_form::read_form_file;
use crate::journal::{Author, OpenMode};
use crate::report::feedback_form::{form_bytes, units_with_open_items};
use crate::session::{self, ImportPlan, ReadForm, Session};
use crate::workspace::write_atomic;

use super::Failure;
use super::output::errln;
use super::response::{Opened, load_plan, open_at};

/// `airdesk feedback …`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    command: FeedbackCommand,
}

#[derive(Debug, Subcommand)]
enum FeedbackCommand {
    /// Write feedback forms (.xlsx) listing units' open items (the latest warning's and the running
    /// campaigns'), for the units to fill.
    Form {
        /// The workspace folder.
        dir: PathBuf,
        /// The units (plan ids) to write forms for.
        #[arg(long = "unit", num_args = 1.., required_unless_present = "all", conflicts_with = "all")]
        units: Vec<String>,
        /// Every unit with open items.
        #[arg(long)]
        all: bool,
        /// A .xlsx file, or a folder for one file per unit (<unit id>.xlsx).
        #[arg(long)]
        out: PathBuf,
        /// The journal as of this moment (default: now, or the drill's moment).
        #[arg(long)]
        at: Option<String>,
    },
    /// Read filled feedback forms back and record the good rows.
    Import {
        /// The workspace folder.
        dir: PathBuf,
        /// Filled forms (.xlsx, .xls or CSV).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The duty officer recording them.
        #[arg(long)]
        by: String,
        /// The moment of recording (default: now, or the drill's moment).
        #[arg(long)]
        at: Option<String>,
        /// Say what would be recorded; record nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print one JSON object: recorded, skipped, problems.
        #[arg(long)]
        json: bool,
    },
}

/// Run `airdesk feedback`.
pub fn run(args: &Args) -> Result<(), Failure> {
    match &args.command {
        FeedbackCommand::Form {
            dir,
            units,
            all,
            out,
            at,
        } => form(dir, units, *all, out, at.as_deref()),
        FeedbackCommand::Import {
            dir,
            files,
            by,
            at,
            dry_run,
            json,
        } => import(dir, files, by, at.as_deref(), *dry_run, *json),
    }
}

fn form(
    dir: &Path,
    units: &[String],
    all: bool,
    out: &Path,
    at: Option<&str>,
) -> Result<(), Failure> {
    let Opened { session, .. } = open_at(dir, at)?;
    let state = &session.models().response;
    let units = if all {
        units_with_open_items(state)
    } else {
        units.to_vec()
    };
    let one_file = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let write = |path: &Path, units: &[String]| -> Result<(), Failure> {
        let bytes = form_bytes(state, units).map_err(|e| Failure::unusable(e.to_string()))?;
        write_atomic(path, &bytes)
            .map_err(|e| Failure::unusable(format!("cannot write {}: {e}", path.display())))?;
        errln!("{}: form for {}", path.display(), units.join(", "));
        Ok(())
    };
    if one_file {
        return write(out, &units);
    }
    std::fs::create_dir_all(out)
        .map_err(|e| Failure::unusable(format!("cannot create {}: {e}", out.display())))?;
    for unit in &units {
        write(
            &out.join(format!("{unit}.xlsx")),
            std::slice::from_ref(unit),
        )?;
    }
    Ok(())
}

/// `feedback import --json`.
#[derive(serde::Serialize)]
struct ImportJson {
    recorded: usize,
    skipped: usize,
    problems: Vec<ProblemJson>,
}

#[derive(serde::Serialize)]
struct ProblemJson {
    file: String,
    row: Option<u64>,
    reason: String,
    reason_en: String,
}

fn import(
    dir: &Path,
    files: &[PathBuf],
    by: &str,
    at: Option<&str>,
    dry_run: bool,
    json: bool,
) -> Result<(), Failure> {
    let Opened { at, .. } = open_at(dir, at)?;
    let forms: Vec<ReadForm> = files
        .iter()
        .map(|f| (f.display().to_string(), read_form_file(f)))
        .collect();
    let mut session = writable(dir, dry_run)?;
    let desk = session
        .models()
        .response
        .on_shift()
        .filter(|s| s.started.operator == by.trim())
        .map_or_else(|| "cli".to_owned(), |s| s.started.desk.clone());
    let author = Author::new(by, &desk).map_err(|e| Failure::unusable(e.to_string()))?;
    session
        .record_as(author)
        .map_err(|e| Failure::unusable(e.render(Tr(Language::En))))?;
    let preview = session
        .plan_feedback_import(&forms, at)
        .map_err(|e| Failure::unusable(e.render(Tr(Language::En))))?;
    let recorded = if dry_run {
        preview.accepted.len()
    } else {
        session
            .import_feedback(&preview, at)
            .map_err(|e| Failure::unusable(e.render(Tr(Language::En))))?
            .len()
    };
    say(&preview, recorded, dry_run, json)?;
    if preview.forms_read == 0 {
        return Err(Failure::unusable("no form could be read"));
    }
    Ok(())
}

/// The workspace's journal for writing (read-only is enough for a dry run), with its plan.
fn writable(dir: &Path, dry_run: bool) -> Result<Session, Failure> {
    let fail = |e: crate::journal::JournalError| Failure::unusable(e.to_string());
    let plan = load_plan(dir, None)?;
    let journal = if dry_run {
        session::journal::open_read_only(dir)
    } else {
        session::journal::open(dir)
    }
    .map_err(fail)?;
    if let (false, OpenMode::ReadOnly(reason)) = (dry_run, journal.mode()) {
        return Err(Failure::unusable(format!(
            "the journal is read-only ({reason}); nothing was recorded"
        )));
    }
    Session::with_journal(journal, plan).map_err(fail)
}

fn say(preview: &ImportPlan, recorded: usize, dry_run: bool, json: bool) -> Result<(), Failure> {
    let problems: Vec<ProblemJson> = preview
        .problems
        .iter()
        .map(|p| ProblemJson {
            file: p.file.clone(),
            row: p.row,
            reason: p.problem.render(Tr(Language::Zh)),
            reason_en: p.problem.render(Tr(Language::En)),
        })
        .collect();
    if json {
        return super::print_json_line(&ImportJson {
            recorded,
            skipped: preview.skipped,
            problems,
        });
    }
    for a in &preview.accepted {
        errln!("{}:{}: ok", a.file, a.row);
    }
    for r in &preview.recorded_before {
        let row = r.row.map_or_else(String::new, |r| format!("{r}:"));
        errln!("{}:{row} {}", r.file, r.problem.render(Tr(Language::En)));
    }
    for p in &problems {
        let row = p.row.map_or_else(String::new, |r| format!("{r}:"));
        errln!("{}:{row} {} / {}", p.file, p.reason, p.reason_en);
    }
    let verb = if dry_run { "would record" } else { "recorded" };
    errln!(
        "{verb} {recorded}, skipped {}, {} problems",
        preview.skipped,
        problems.len()
    );
    Ok(())
}
