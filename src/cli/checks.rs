//! `airdesk response check …` and `airdesk response evidence …`: verification and spot checks of
//! done checklist items, and the journal's evidence store, headless — what a desk scripts.
//!
//! `check draw` and `check record` write to the workspace's journal (its own, or the server its
//! settings name) through a writing session, stamped `--by NAME` without taking over the shift;
//! `check list` and `evidence verify|open` only read.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::response::{
    self, CheckInput, CheckResult, CheckSource, Episode, EvidenceFile, ItemKey, SampleInput,
    UnitChecks,
};
use crate::i18n::{Language, Render, Tr};
use crate::journal::Author;
use crate::session::{self, EvidenceStore, Session};
use crate::workspace::Workspace;

use super::output::{errln, outln};
use super::{Failure, parse_time, print_json_line};

/// `response check` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum CheckCommand {
    /// Draw a random sample of the latest episode's done items for spot checks (抽查); the seed
    /// and the items drawn are recorded, so the draw can be repeated from the journal.
    Draw {
        /// Workspace folder.
        dir: PathBuf,
        /// How many items to draw (all done items when fewer).
        #[arg(long)]
        size: u32,
        /// The seed (default: from the clock); the same seed over the same done items draws the
        /// same sample.
        #[arg(long)]
        seed: Option<u64>,
        /// Who records it (the duty officer's name).
        #[arg(long)]
        by: String,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Record the result of a check of a done item: 属实 (confirmed) or 不属实 (not confirmed,
    /// which reopens the item as a problem to rectify).
    Record {
        /// Workspace folder.
        dir: PathBuf,
        /// The item: MEASURE@UNIT (e.g. O-DUST-1@zjj).
        item: String,
        /// What the check found.
        #[arg(long, value_enum)]
        result: ResultArg,
        /// How the check came about.
        #[arg(long = "how", value_enum, default_value = "verification")]
        how: SourceArg,
        /// The supervision group (督导组) whose report this is (required with --how supervision).
        #[arg(long, default_value = "")]
        group: String,
        /// The spot-check sample that drew the item (default with --how spot-check: the latest
        /// that did).
        #[arg(long)]
        sample: Option<u32>,
        /// What was seen (required for not-confirmed).
        #[arg(long, default_value = "")]
        note: String,
        /// When the check was made on site (default: the moment of recording).
        #[arg(long)]
        checked_at: Option<String>,
        /// A photo or record of the check, copied into the journal's evidence store.
        #[arg(long)]
        evidence: Option<PathBuf>,
        /// Who records it.
        #[arg(long)]
        by: String,
    },
    /// The checks and samples recorded, and per unit the checks and failed checks over a
    /// period (what a 通报 names).
    List {
        /// Workspace folder.
        dir: PathBuf,
        /// Start of the period (default: the journal's start).
        #[arg(long)]
        from: Option<String>,
        /// End of the period (default: now).
        #[arg(long)]
        to: Option<String>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// `response evidence` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum EvidenceCommand {
    /// Check that every evidence file the journal names is in the evidence store and still
    /// hashes to what the journal recorded (exit 1 when one is missing or changed).
    Verify {
        /// Workspace folder.
        dir: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Open an evidence file from the store with the system's program, or copy it to --out.
    Open {
        /// Workspace folder.
        dir: PathBuf,
        /// The file's SHA-256 (as `check list` or the ledger shows it; a unique prefix will do).
        sha256: String,
        /// Write the file here instead of opening it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `--result`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultArg {
    /// 属实.
    #[value(alias = "属实")]
    Confirmed,
    /// 不属实.
    #[value(alias = "不属实")]
    NotConfirmed,
}

/// `--how`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceArg {
    /// 核查.
    #[value(alias = "核查")]
    Verification,
    /// 抽查.
    #[value(alias = "抽查")]
    SpotCheck,
    /// 督导组日报.
    #[value(alias = "督导组")]
    Supervision,
}

/// Run `response check`.
pub fn run_check(command: &CheckCommand) -> Result<(), Failure> {
    match command {
        CheckCommand::Draw {
            dir,
            size,
            seed,
            by,
            json,
        } => {
            let seed = seed.unwrap_or_else(|| super::response::now().timestamp_micros() as u64);
            let (mut session, now) = writer(dir, by)?;
            let command = response::Command::DrawSample(SampleInput { seed, size: *size });
            record(&mut session, command, now)?;
            let episode = latest(&session)?;
            let sample = episode
                .samples
                .last()
                .ok_or_else(|| Failure::unusable("the sample was not recorded"))?;
            let drawn = &sample.drawn;
            if *json {
                print_json_line(&serde_json::json!({
                    "episode": drawn.episode,
                    "sample": drawn.number,
                    "seed": drawn.seed,
                    "pool": drawn.pool.len(),
                    "items": drawn.items.iter().map(ToString::to_string).collect::<Vec<_>>(),
                }))?;
            } else {
                outln!(
                    "sample {} (seed {}): {} of {} done items",
                    drawn.number,
                    drawn.seed,
                    drawn.items.len(),
                    drawn.pool.len()
                );
                for key in &drawn.items {
                    outln!("{key}");
                }
            }
            close(session)
        }
        CheckCommand::Record {
            dir,
            item,
            result,
            how,
            group,
            sample,
            note,
            checked_at,
            evidence,
            by,
        } => {
            let item = parse_item(item)?;
            let checked_at = checked_at.as_deref().map(parse_time).transpose()?;
            let (mut session, now) = writer(dir, by)?;
            let source = match how {
                SourceArg::Verification => CheckSource::Verification,
                SourceArg::SpotCheck => CheckSource::SpotCheck,
                SourceArg::Supervision => CheckSource::Supervision,
            };
            let sample = match (sample, source) {
                (Some(n), _) => Some(*n),
                (None, CheckSource::SpotCheck) => latest(&session)?
                    .samples
                    .iter()
                    .rev()
                    .find(|s| s.drawn.items.contains(&item))
                    .map(|s| s.drawn.number),
                (None, _) => None,
            };
            let mut input = CheckInput {
                item,
                source,
                by: group.clone(),
                sample,
                result: match result {
                    ResultArg::Confirmed => CheckResult::Confirmed,
                    ResultArg::NotConfirmed => CheckResult::NotConfirmed,
                },
                note: note.clone(),
                checked_at,
                evidence: None,
            };
            // Refused before anything is copied into the store.
            preview(&session, &response::Command::Check(input.clone()), now)?;
            if let Some(path) = evidence {
                let stored = store_of(&session)?
                    .put(path, |_, _| ())
                    .map_err(|e| Failure::unusable(e.to_string()))?;
                say_photo(&stored);
                input.evidence = Some(stored);
            }
            let seq = record(&mut session, response::Command::Check(input), now)?;
            errln!("recorded as journal event #{seq}");
            close(session)
        }
        CheckCommand::List {
            dir,
            from,
            to,
            json,
        } => {
            let session = reader(dir)?;
            let from = from.as_deref().map(parse_time).transpose()?;
            let to = to
                .as_deref()
                .map(parse_time)
                .transpose()?
                .unwrap_or_else(super::response::now);
            list(&session, from, to, *json)
        }
    }
}

/// Run `response evidence`.
pub fn run_evidence(command: &EvidenceCommand) -> Result<(), Failure> {
    match command {
        EvidenceCommand::Verify { dir, json } => verify(&reader(dir)?, *json),
        EvidenceCommand::Open { dir, sha256, out } => {
            let session = reader(dir)?;
            let file = named_files(&session)
                .into_iter()
                .find(|f| {
                    f.sha256
                        .as_deref()
                        .is_some_and(|h| h.starts_with(sha256.as_str()))
                })
                .ok_or_else(|| {
                    Failure::unusable(format!("the journal names no evidence file {sha256}"))
                })?;
            let store = store_of(&session)?;
            let temp = std::env::temp_dir().join("airdesk-evidence");
            let local = store
                .local_copy(&file, &temp)
                .map_err(|e| Failure::check(e.to_string()))?;
            match out {
                Some(out) => {
                    std::fs::copy(&local, out)
                        .map_err(|e| Failure::unusable(format!("{}: {e}", out.display())))?;
                    errln!("{}: {} ({})", out.display(), file.name, local.display());
                }
                None => open::that_detached(&local)
                    .map_err(|e| Failure::unusable(format!("{}: {e}", local.display())))?,
            }
            Ok(())
        }
    }
}

/// `MEASURE@UNIT` as an item key.
fn parse_item(text: &str) -> Result<ItemKey, Failure> {
    match text.rsplit_once('@') {
        Some((m, u)) if !m.trim().is_empty() && !u.trim().is_empty() => {
            Ok(ItemKey::new(m.trim(), u.trim()))
        }
        _ => Err(Failure::unusable(format!(
            "「{text}」 is not an item: write MEASURE@UNIT, e.g. O-DUST-1@zjj"
        ))),
    }
}

/// A session writing the workspace's journal as `by`, and the time its entries are recorded at
/// ([`super::response::recording_time`]).
fn writer(dir: &Path, by: &str) -> Result<(Session, DateTime<FixedOffset>), Failure> {
    let ws = Workspace::open(dir).map_err(|e| Failure::unusable(e.to_string()))?;
    let mut session = Session::open(&ws);
    let author =
        Author::new(by, &session.desk_name()).map_err(|e| Failure::unusable(e.to_string()))?;
    session
        .record_as(author)
        .map_err(|e| Failure::unusable(e.render(Tr(Language::En))))?;
    if let Some(why) = session.why_not_respond() {
        return Err(Failure::unusable(format!(
            "nothing recorded: {}",
            why.render(Tr(Language::En))
        )));
    }
    let now = super::response::recording_time(&ws, &session);
    Ok((session, now))
}

/// A session reading the workspace's journal (its own, or its server's).
fn reader(dir: &Path) -> Result<Session, Failure> {
    let ws = Workspace::open_read_only(dir).map_err(|e| Failure::unusable(e.to_string()))?;
    let session = Session::open(&ws);
    if let Some(e) = session.open_error() {
        return Err(Failure::unusable(e.render(Tr(Language::En))));
    }
    Ok(session)
}

fn preview(
    session: &Session,
    command: &response::Command,
    now: DateTime<FixedOffset>,
) -> Result<(), Failure> {
    match session.preview(command, now) {
        Some(Err(e)) => Err(Failure::unusable(format!(
            "nothing recorded: {}",
            e.render(Tr(Language::En))
        ))),
        _ => Ok(()),
    }
}

fn record(
    session: &mut Session,
    command: response::Command,
    now: DateTime<FixedOffset>,
) -> Result<u64, Failure> {
    session
        .execute(&session::Command::Respond(command), now)
        .map(|e| e.seq)
        .map_err(|e| Failure::unusable(format!("nothing recorded: {}", e.render(Tr(Language::En)))))
}

fn close(mut session: Session) -> Result<(), Failure> {
    session
        .close()
        .map_err(|e| Failure::unusable(e.to_string()))
}

fn latest(session: &Session) -> Result<&Episode, Failure> {
    session
        .models()
        .response
        .latest()
        .ok_or_else(|| Failure::unusable("the journal holds no warning yet"))
}

fn store_of(session: &Session) -> Result<EvidenceStore, Failure> {
    session
        .evidence_store()
        .ok_or_else(|| Failure::unusable("this journal has no evidence store"))
}

/// Say on stderr what a stored photo's EXIF could not give.
fn say_photo(file: &EvidenceFile) {
    let Some(photo) = &file.photo else {
        return;
    };
    for unread in &photo.unread {
        let w = response::photo::PhotoWarning::Unread(unread.clone());
        errln!("airdesk: {}: {}", file.name, w.render(Tr(Language::En)));
    }
}

/// One check as `check list --json` writes it.
#[derive(Serialize)]
struct CheckJson {
    episode: u32,
    item: String,
    unit: String,
    source: CheckSource,
    by: String,
    sample: Option<u32>,
    result: CheckResult,
    note: String,
    at: DateTime<FixedOffset>,
    recorded_by: String,
    evidence: Option<EvidenceFile>,
}

fn list(
    session: &Session,
    from: Option<DateTime<FixedOffset>>,
    to: DateTime<FixedOffset>,
    json: bool,
) -> Result<(), Failure> {
    let state = &session.models().response;
    let from = from.unwrap_or(DateTime::<FixedOffset>::MIN_UTC.fixed_offset());
    let checks: Vec<CheckJson> = state
        .episodes()
        .iter()
        .flat_map(|e| e.checks.iter())
        .filter(|c| c.at() >= from && c.at() < to)
        .map(|c| CheckJson {
            episode: c.record.episode,
            item: c.record.item.to_string(),
            unit: c.record.item.unit.clone(),
            source: c.record.source,
            by: c.record.by.clone(),
            sample: c.record.sample,
            result: c.record.result,
            note: c.record.note.clone(),
            at: c.at(),
            recorded_by: c.stamp.operator.clone(),
            evidence: c.record.evidence.clone(),
        })
        .collect();
    let units: Vec<UnitChecks> = state.checks_between(from, to);
    if json {
        let samples: Vec<_> = state
            .episodes()
            .iter()
            .flat_map(|e| e.samples.iter())
            .map(|s| {
                serde_json::json!({
                    "episode": s.drawn.episode,
                    "sample": s.drawn.number,
                    "seed": s.drawn.seed,
                    "pool": s.drawn.pool.len(),
                    "items": s.drawn.items.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "at": s.stamp.at,
                })
            })
            .collect();
        return print_json_line(&serde_json::json!({
            "checks": checks,
            "units": units,
            "samples": samples,
        }));
    }
    let tr = Tr(Language::Zh);
    for c in &checks {
        outln!(
            "{}  {}  {}  {}  {}",
            c.at.format("%Y-%m-%d %H:%M"),
            c.item,
            tr.check_source(c.source),
            tr.check_result(c.result),
            c.note
        );
    }
    for u in &units {
        outln!(
            "{} ({}): {} checks, {} failed",
            u.unit_name,
            u.unit,
            u.checks,
            u.failed
        );
    }
    Ok(())
}

/// Every evidence file the journal names (reports and checks), once each.
fn named_files(session: &Session) -> Vec<EvidenceFile> {
    let mut out: Vec<EvidenceFile> = Vec::new();
    for e in session.models().response.episodes() {
        let reports = e
            .items
            .iter()
            .flat_map(|i| i.history.iter())
            .filter_map(|c| c.evidence.clone());
        let checks = e.checks.iter().filter_map(|c| c.record.evidence.clone());
        for f in reports.chain(checks) {
            if !out.iter().any(|o| o.sha256 == f.sha256 && o.name == f.name) {
                out.push(f);
            }
        }
    }
    out
}

fn verify(session: &Session, json: bool) -> Result<(), Failure> {
    let store = store_of(session)?;
    let temp = tempfile::tempdir().map_err(|e| Failure::unusable(e.to_string()))?;
    let files = named_files(session);
    let mut problems = Vec::new();
    for f in &files {
        if let Err(e) = store.local_copy(f, temp.path()) {
            problems.push(serde_json::json!({
                "name": f.name,
                "sha256": f.sha256,
                "problem": e.to_string(),
            }));
        }
    }
    if json {
        print_json_line(&serde_json::json!({
            "checked": files.len(),
            "problems": problems,
        }))?;
    } else {
        for p in &problems {
            outln!("{}", p["problem"].as_str().unwrap_or_default());
        }
        outln!(
            "{} evidence files, {} problems",
            files.len(),
            problems.len()
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::check(format!(
            "{} of {} evidence files are missing or changed",
            problems.len(),
            files.len()
        )))
    }
}
