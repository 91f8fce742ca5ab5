//! `airdesk response issue|change|lift`: record a warning decision from the command line, through
//! the same session the desktop app records through (the plan in the workspace's `plan.toml`, the
//! domain's checks, one journal event each). `issue --level temporary` starts temporary control
//! (临时管控) and `lift` stops it; the `--regional-…` options record the city or regional warning
//! the county acts on, whose level the county's must reach.

use std::path::{Path, PathBuf};

use super::output::errln;
use super::{Failure, parse_time};
use crate::domain::plan::Level;
use crate::domain::response::{
    Command, IssueInput, LevelChangeInput, LiftInput, RegionalWarning, ResponseState,
};
use crate::i18n::{Language, Render, Tr};
use crate::journal::Author;
use crate::session::{self, Session};
use crate::workspace::Workspace;

/// The officer recording a decision: a shift is started for them when someone else (or nobody)
/// is on shift in the journal.
#[derive(Debug, clap::Args)]
pub struct Officer {
    /// The duty officer who records it.
    #[arg(long)]
    pub by: String,
}

/// The city or regional warning the county acts on (all three together, or none).
#[derive(Debug, clap::Args)]
pub struct RegionalArgs {
    /// Who issued it, e.g. 邯郸市重污染天气应急指挥部.
    #[arg(long, requires_all = ["regional_level", "regional_notice"])]
    pub regional_source: Option<String>,
    /// Its level (blue, yellow, orange, red or 黄/橙/红).
    #[arg(long, requires = "regional_source", value_parser = parse_level)]
    pub regional_level: Option<Level>,
    /// Its notice number (文号).
    #[arg(long, requires = "regional_source")]
    pub regional_notice: Option<String>,
}

impl RegionalArgs {
    fn warning(&self) -> Option<RegionalWarning> {
        Some(RegionalWarning {
            source: self.regional_source.clone()?,
            level: self.regional_level?,
            notice_no: self.regional_notice.clone().unwrap_or_default(),
        })
    }
}

/// What the notice of an issue or a level change says besides its level and time.
#[derive(Debug, clap::Args)]
pub struct NoticeArgs {
    /// Expected end.
    #[arg(long)]
    pub end: Option<String>,
    /// Who signs (default: the plan's approver for the level).
    #[arg(long)]
    pub approver: Option<String>,
    /// Notice document number (文号).
    #[arg(long, default_value = "")]
    pub doc_no: String,
    /// A reason for the notice (repeat for several).
    #[arg(long = "reason")]
    pub reasons: Vec<String>,
    /// The consultation that decided it (default: the latest one recorded).
    #[arg(long)]
    pub consultation: Option<u32>,
}

/// Arguments of `response issue`.
#[derive(Debug, clap::Args)]
pub struct IssueArgs {
    /// Workspace folder.
    pub dir: PathBuf,
    /// Level: yellow, orange, red (blue in four-level plans), or temporary for temporary control.
    #[arg(long, value_parser = parse_level)]
    pub level: Level,
    /// When it takes effect.
    #[arg(long)]
    pub start: String,
    /// Primary pollutant as the notice writes it (default PM2.5).
    #[arg(long, default_value = "")]
    pub primary: String,
    /// The notice's fields.
    #[command(flatten)]
    pub notice: NoticeArgs,
    /// The city or regional warning followed.
    #[command(flatten)]
    pub regional: RegionalArgs,
    /// Who records it.
    #[command(flatten)]
    pub officer: Officer,
}

/// Arguments of `response change`.
#[derive(Debug, clap::Args)]
pub struct ChangeArgs {
    /// Workspace folder.
    pub dir: PathBuf,
    /// The new level (above the one in force: upgrade; below: downgrade).
    #[arg(long, value_parser = parse_level)]
    pub level: Level,
    /// When it takes effect.
    #[arg(long)]
    pub effective: String,
    /// The notice's fields.
    #[command(flatten)]
    pub notice: NoticeArgs,
    /// A new city or regional warning followed (default: the one the episode follows).
    #[command(flatten)]
    pub regional: RegionalArgs,
    /// Who records it.
    #[command(flatten)]
    pub officer: Officer,
}

/// Arguments of `response lift`.
#[derive(Debug, clap::Args)]
pub struct LiftArgs {
    /// Workspace folder.
    pub dir: PathBuf,
    /// Lifting time.
    #[arg(long)]
    pub at: String,
    /// Basis (解除依据).
    #[arg(long)]
    pub basis: String,
    /// Who signs (default: the plan's approver for the level in force).
    #[arg(long)]
    pub approver: Option<String>,
    /// Notice document number.
    #[arg(long, default_value = "")]
    pub doc_no: String,
    /// The consultation that decided it (default: the latest one recorded).
    #[arg(long)]
    pub consultation: Option<u32>,
    /// Who records it.
    #[command(flatten)]
    pub officer: Officer,
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse::<Level>().map_err(|e| e.to_string())
}

/// Run `response issue`.
pub fn issue(a: &IssueArgs) -> Result<(), Failure> {
    let start = parse_time(&a.start)?;
    let expected_end = a.notice.end.as_deref().map(parse_time).transpose()?;
    record(&a.dir, &a.officer, |state| {
        Command::Issue(IssueInput {
            level: a.level,
            start,
            expected_end,
            approver: a.notice.approver.clone(),
            doc_no: a.notice.doc_no.clone(),
            reasons: a.notice.reasons.clone(),
            primary: a.primary.clone(),
            consultation: consultation(state, a.notice.consultation),
            regional: a.regional.warning(),
        })
    })
}

/// Run `response change`.
pub fn change(a: &ChangeArgs) -> Result<(), Failure> {
    let effective = parse_time(&a.effective)?;
    let expected_end = a.notice.end.as_deref().map(parse_time).transpose()?;
    record(&a.dir, &a.officer, |state| {
        let input = LevelChangeInput {
            to: a.level,
            effective,
            expected_end,
            approver: a.notice.approver.clone(),
            doc_no: a.notice.doc_no.clone(),
            reasons: a.notice.reasons.clone(),
            consultation: consultation(state, a.notice.consultation),
            regional: a.regional.warning(),
        };
        match state.current() {
            Some(e) if a.level < e.level() => Command::Downgrade(input),
            _ => Command::Upgrade(input),
        }
    })
}

/// Run `response lift`.
pub fn lift(a: &LiftArgs) -> Result<(), Failure> {
    let at = parse_time(&a.at)?;
    record(&a.dir, &a.officer, |state| {
        Command::Lift(LiftInput {
            at,
            basis: a.basis.clone(),
            approver: a.approver.clone(),
            doc_no: a.doc_no.clone(),
            consultation: consultation(state, a.consultation),
        })
    })
}

/// The consultation given, else the latest one recorded.
pub(super) fn consultation(state: &ResponseState, given: Option<u32>) -> Option<u32> {
    given.or_else(|| state.consultations().last().map(|c| c.record.number))
}

/// Open the workspace `dir` for writing, start `officer`'s shift when needed, and record the
/// command built from the journal's state; the timeline line it adds is said on stderr.
pub(super) fn record(
    dir: &Path,
    officer: &Officer,
    command: impl FnOnce(&ResponseState) -> Command,
) -> Result<(), Failure> {
    let en = Tr(Language::En);
    let ws = Workspace::open(dir).map_err(|e| Failure::unusable(e.to_string()))?;
    let mut s = Session::open(&ws);
    let plan = s.plan_status();
    if !plan.usable() {
        let why = plan.read_error.as_ref().map_or_else(
            || crate::i18n::plan_problems(en, &plan.problems),
            |e| e.render(en),
        );
        return Err(Failure::unusable(format!(
            "{}: the plan cannot be used, nothing was recorded: {why}",
            plan.path.display()
        )));
    }
    let author = Author::new(&officer.by, &session::default_desk_id(dir))
        .map_err(|e| Failure::unusable(e.to_string()))?;
    let now = super::response::recording_time(&ws, &s);
    let refused = |e: session::SessionError| Failure::unusable(e.render(en));
    s.start_shift(author, "", now).map_err(refused)?;
    let command = session::Command::Respond(command(&s.models().response));
    let event = s.execute(&command, now).map_err(refused)?;
    let said = s
        .models()
        .response
        .timeline()
        .last()
        .map_or_else(String::new, |t| t.render(en));
    s.close().map_err(|e| Failure::unusable(e.to_string()))?;
    errln!("{}: recorded #{}: {said}", dir.display(), event.seq);
    Ok(())
}
