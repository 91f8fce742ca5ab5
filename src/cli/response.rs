//! `airdesk response …`: the response journal of a workspace, headless — its status, the daily
//! report, the shift handover, the after-action summary, the checklist ledger and the notices.
//!
//! Everything reads the journal through a read-only session ([`Session::read_only`]) — the same
//! read models the desktop app shows, so `response status` and the app never disagree, and safe
//! while the app runs on the workspace — except the hidden `drill` helper, which records the drill
//! episode into an empty workspace through a writing session. `--at` looks at the journal as it
//! was then: only events recorded up to that moment count.

use super::output::errln;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

use crate::clock;
use crate::domain::findings::{FindingId, Findings};
use crate::domain::plan::Plan;
use crate::domain::response::{
    Episode, Reporting, ResponseState, StatusFilter, TownshipReporting, UnitSummary,
};
use crate::domain::roster::Roster;
use crate::i18n::{Language, Render, Tr};
use crate::ingest::roster::{RosterOptions, read_roster_file};
use crate::ingest::{self, load_forecast};
use crate::journal::{Author, CHECKPOINT_FILE, JOURNAL_FILE, JournalError, LOCK_FILE, OpenMode};
use crate::report::bulletin::{Span, bulletin};
use crate::report::campaign_summary::campaign_summary_document;
use crate::report::daily_air::workspace_air;
use crate::report::daily_report::{DailyInput, daily_report};
use crate::report::document::{Document, Format, Image};
use crate::report::duty::Duty;
use crate::report::episode_air::{AirSources, desk_stations, summary_document};
use crate::report::handover::handover;
use crate::report::notice::{
    Notice, NoticeError, adjust_notice, campaign_start_notice, campaign_stop_notice, lift_notice,
    notices_document, pause_notice, resume_notice, unit_notices, warning_notice,
};
use crate::report::open_items::WarningStatus;
use crate::report::response_ledger::{campaign_ledger_rows, ledger_rows, write_file};
use crate::report::supervision_order::supervision_order;
use crate::session::{self, Session, record_drill};
use crate::store::{StationId, Store};
use crate::workspace::Workspace;

use super::campaign::{CampaignJson, RunJson};
use super::document_out::DocumentArgs;
use super::{Failure, parse_time};

/// Arguments of `airdesk response`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: ResponseCommand,
}

/// Which report `response report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportKind {
    /// Daily report (日报, a numbered 简报) for the 24 hours up to --at (or from --from).
    Daily,
    /// Shift handover (交接班记录) from the start of the latest shift (or --from).
    Handover,
    /// After-action summary (总结评估) of an episode (HTML to standard output by default).
    Summary,
}

/// Which notice `response notice` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NoticeKind {
    /// The warning notice.
    Warning,
    /// The notification to each unit (of the issue, or of --step).
    Units,
    /// The notice of level change --step (default: the latest).
    Adjust,
    /// The notice of pause --step (1 = the first; default: the latest).
    Pause,
    /// The notice resuming after pause --step (1 = the first; default: the latest).
    Resume,
    /// The lifting notice.
    Lift,
    /// The 督办单 of supervision finding --finding.
    Supervision,
    /// The 通报 naming the units that reported late or not at all, left problems unrectified or
    /// failed checks, over --from/--until (default: the episode's start to now).
    Bulletin,
    /// The notice starting campaign run --campaign (default: the latest run).
    CampaignStart,
    /// The notice ending campaign run --campaign (default: the latest run).
    CampaignStop,
}

/// The `response` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum ResponseCommand {
    /// The warning, checklist counts by unit, overdue items and problems, the shift.
    Status {
        /// Workspace folder (holds journal.sqlite).
        dir: PathBuf,
        /// Look at the journal as it was at this time (default: now).
        #[arg(long)]
        at: Option<String>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Daily report, shift handover or after-action summary (text, HTML, .docx or PDF by --format).
    Report {
        /// Which report.
        kind: ReportKind,
        /// Workspace folder.
        dir: PathBuf,
        /// The report's moment (default: now).
        #[arg(long)]
        at: Option<String>,
        /// Start of the period (daily: default 24 h before --at; handover: default shift start).
        #[arg(long)]
        from: Option<String>,
        /// Episode for the summary (default: the latest).
        #[arg(long)]
        episode: Option<u32>,
        /// Campaign run for the summary instead of a warning episode (see `campaign list`).
        #[arg(long, conflicts_with = "episode")]
        campaign: Option<u32>,
        /// Chart for the summary: a .png or .svg file (e.g. from `airdesk chart`) instead of the
        /// chart drawn from the data.
        #[arg(long)]
        chart: Option<PathBuf>,
        /// Data files for the summary's air during the episode (default: the workspace's data).
        #[arg(long, num_args = 1..)]
        data: Vec<PathBuf>,
        /// Daily AQI forecast for the summary (default: the workspace's, from its settings).
        #[arg(long)]
        forecast: Option<PathBuf>,
        /// Area name in the daily report's title (default: from the plan of the latest warning);
        /// for the summary, the area whose stations count (default: the workspace's area).
        #[arg(long)]
        area: Option<String>,
        /// Duty roster (CSV or .xlsx) for who is on duty now and next (daily, handover); default:
        /// the roster the workspace's settings.toml names.
        #[arg(long)]
        roster: Option<PathBuf>,
        /// Format, output file and the document's fields.
        #[command(flatten)]
        doc: DocumentArgs,
    },
    /// The checklist ledger (台账) as .csv (UTF-8 with BOM) or .xlsx.
    Ledger {
        /// Workspace folder.
        dir: PathBuf,
        /// Output file, .csv or .xlsx.
        #[arg(long)]
        out: PathBuf,
        /// Only this episode (default: all).
        #[arg(long)]
        episode: Option<u32>,
        /// The ledger of campaign runs instead: this run (0: all runs; see `campaign list`).
        #[arg(long, conflicts_with = "episode")]
        campaign: Option<u32>,
        /// Judge "overdue" at this time (default: now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Notices from the plan's templates: warning, unit notifications, adjust, pause, resume,
    /// lift, a campaign run's start and end; the 督办单 and the 通报.
    Notice {
        /// Which notice.
        kind: NoticeKind,
        /// Workspace folder.
        dir: PathBuf,
        /// Plan file (default: DIR/plan.toml if present, else the built-in default plan).
        #[arg(long)]
        plan: Option<PathBuf>,
        /// Episode (default: the latest).
        #[arg(long)]
        episode: Option<u32>,
        /// Campaign run for campaign-start and campaign-stop (default: the latest run; see
        /// `campaign list`); for the 通报, where its period starts by default.
        #[arg(long, conflicts_with = "episode")]
        campaign: Option<u32>,
        /// Level change number for adjust and units (0 = the issue, 1 = the first change); pause
        /// number for pause and resume (1 = the first).
        #[arg(long)]
        step: Option<usize>,
        /// The supervision finding of a 督办单 (DB0003 or 3).
        #[arg(long)]
        finding: Option<String>,
        /// Start of the 通报's period (default: the start of --episode or --campaign, else of the
        /// latest warning, else of the latest campaign run); every warning and campaign run
        /// overlapping the period counts.
        #[arg(long)]
        from: Option<String>,
        /// End of the 通报's period, exclusive (default: now); `--to` is the 主送 as in every
        /// notice.
        #[arg(long)]
        until: Option<String>,
        /// Format, output file and the document's fields.
        #[command(flatten)]
        doc: DocumentArgs,
    },
    /// Issue a warning (or, with --level temporary, start temporary control 临时管控), recorded
    /// in the workspace's journal under its plan; --regional-* names the city or regional
    /// warning followed, whose level the county's must reach.
    Issue(super::response_record::IssueArgs),
    /// Upgrade or downgrade the warning (or temporary control) in force.
    Change(super::response_record::ChangeArgs),
    /// Lift the warning, or stop temporary control.
    Lift(super::response_record::LiftArgs),
    /// Standing campaigns (专项行动): start, stop, list.
    Campaign {
        /// What to do.
        #[command(subcommand)]
        command: super::campaign::CampaignCommand,
    },
    /// Checks of done items: draw a spot-check sample, record a check (属实/不属实), list them.
    Check {
        /// What to do.
        #[command(subcommand)]
        command: super::checks::CheckCommand,
    },
    /// The journal's evidence store: verify every file the journal names, open one.
    Evidence {
        /// What to do.
        #[command(subcommand)]
        command: super::checks::EvidenceCommand,
    },
    /// Record the drill episode into a workspace whose journal is empty (for trying the
    /// response page and the reports).
    #[command(hide = true)]
    Drill {
        /// Workspace folder (the journal is created if absent).
        dir: PathBuf,
        /// Start of the drill's orange warning (default: the next midnight, Beijing time).
        #[arg(long)]
        start: Option<String>,
        /// The duty officer recorded as operator.
        #[arg(long, default_value = "值班员")]
        operator: String,
    },
}

/// Run `response`.
pub fn run(args: &Args) -> Result<(), Failure> {
    match &args.command {
        ResponseCommand::Status { dir, at, json } => status(dir, at.as_deref(), *json),
        ResponseCommand::Report {
            kind,
            dir,
            at,
            from,
            episode,
            campaign,
            chart,
            data,
            forecast,
            area,
            roster,
            doc,
        } => {
            let opened = open_at(dir, at.as_deref())?;
            let from = from.as_deref().map(parse_time).transpose()?;
            let request = ReportRequest {
                dir,
                from,
                episode: *episode,
                campaign: *campaign,
                chart: chart.as_deref(),
                data,
                forecast: forecast.as_deref(),
                area: area.as_deref(),
                roster: roster.as_deref(),
            };
            let (document, default) = report_document(*kind, &opened, &request)?;
            doc.write(document, default, &font_dirs(dir))
        }
        ResponseCommand::Ledger {
            dir,
            out,
            episode,
            campaign,
            at,
        } => {
            let Opened { at, session, .. } = open_at(dir, at.as_deref())?;
            let state = &session.models().response;
            if let Some(n) = episode {
                pick_episode(state, Some(*n))?;
            }
            let rows = match campaign {
                Some(0) => campaign_ledger_rows(state, None, at),
                Some(run) => {
                    pick_run(state, *run)?;
                    campaign_ledger_rows(state, Some(*run), at)
                }
                None => ledger_rows(state, *episode, at),
            };
            write_file(out, &rows).map_err(|e| Failure::unusable(e.to_string()))?;
            errln!("{}: {} rows", out.display(), rows.len());
            Ok(())
        }
        ResponseCommand::Notice {
            kind,
            dir,
            plan,
            episode,
            campaign,
            step,
            finding,
            from,
            until,
            doc,
        } => {
            let plan = load_plan(dir, plan.as_deref())?;
            // A drill workspace's "now" is the drill's moment, as the app shows it.
            let Opened { session, at, .. } = open_at(dir, None)?;
            let models = session.models();
            let document = match kind {
                NoticeKind::Supervision => {
                    let id = finding.as_deref().ok_or_else(|| {
                        Failure::unusable("a 督办单 needs --finding (e.g. --finding DB0003)")
                    })?;
                    supervision(&models.findings, &plan, id)?
                }
                NoticeKind::Bulletin => {
                    let state = &models.response;
                    let from = match from.as_deref() {
                        Some(t) => parse_time(t)?,
                        None => bulletin_start(state, *episode, *campaign)?,
                    };
                    let span = Span {
                        from,
                        to: until.as_deref().map(parse_time).transpose()?.unwrap_or(at),
                    };
                    if span.from >= span.to {
                        return Err(Failure::unusable("--from must be before --until"));
                    }
                    bulletin(&plan, state, span)
                }
                NoticeKind::CampaignStart | NoticeKind::CampaignStop => {
                    let run = pick_run_or_latest(&models.response, *campaign)?;
                    notice_document(*kind, &plan, run, None)?
                }
                _ => notice_document(
                    *kind,
                    &plan,
                    pick_episode(&models.response, *episode)?,
                    *step,
                )?,
            };
            doc.write(document, Format::Txt, &font_dirs(dir))
        }
        ResponseCommand::Campaign { command } => super::campaign::run(command),
        ResponseCommand::Issue(a) => super::response_record::issue(a),
        ResponseCommand::Change(a) => super::response_record::change(a),
        ResponseCommand::Lift(a) => super::response_record::lift(a),
        ResponseCommand::Drill {
            dir,
            start,
            operator,
        } => drill(dir, start.as_deref(), operator),
        ResponseCommand::Check { command } => super::checks::run_check(command),
        ResponseCommand::Evidence { command } => super::checks::run_evidence(command),
    }
}

/// What `response report` was asked for.
struct ReportRequest<'a> {
    dir: &'a Path,
    from: Option<DateTime<FixedOffset>>,
    episode: Option<u32>,
    campaign: Option<u32>,
    chart: Option<&'a Path>,
    data: &'a [PathBuf],
    forecast: Option<&'a Path>,
    area: Option<&'a str>,
    roster: Option<&'a Path>,
}

/// The report as a document, and its default format (text; HTML for the summary).
fn report_document(
    kind: ReportKind,
    opened: &Opened,
    r: &ReportRequest<'_>,
) -> Result<(Document, Format), Failure> {
    let Opened { ws, at, session } = opened;
    let at = *at;
    let models = session.models();
    let state = &models.response;
    let plan = load_plan(r.dir, None)?;
    match kind {
        ReportKind::Daily => {
            let duty = duty(ws, r.roster, at)?;
            let area = r.area.map_or_else(
                || {
                    state
                        .latest()
                        .map_or_else(String::new, |e| e.plan.area.clone())
                },
                str::to_owned,
            );
            let store = read_store(ws, r.data);
            let air = (!store.keys().is_empty())
                .then(|| workspace_air(ws, &store, models.alerts.acknowledgements(), at));
            let input = DailyInput {
                state,
                findings: &models.findings,
                plan: &plan,
                area: &area,
                from: r.from.unwrap_or(at - Duration::hours(24)),
                to: at,
                duty: &duty,
            };
            Ok((daily_report(&input, air).document(), Format::Txt))
        }
        ReportKind::Handover => {
            let duty = duty(ws, r.roster, at)?;
            Ok((handover(state, at, r.from, &duty).document(), Format::Txt))
        }
        ReportKind::Summary if r.campaign.is_some() => {
            let run = pick_run(state, r.campaign.unwrap_or_default())?.number;
            let doc = campaign_summary_document(state, run, &plan, at)
                .map_err(|e| Failure::unusable(e.to_string()))?;
            Ok((doc, Format::Html))
        }
        ReportKind::Summary => {
            let episode = pick_episode(state, r.episode)?.number;
            let chart = r.chart.map(read_chart).transpose()?;
            let air = read_air(ws, r.data, r.forecast, r.area, at)?;
            let sources = air.as_ref().map(Air::sources);
            let doc = summary_document(state, episode, &plan, sources.as_ref(), chart, at)
                .map_err(|e| Failure::unusable(e.to_string()))?;
            Ok((doc, Format::Html))
        }
    }
}

/// A notice of the episode or campaign run as a document; `units` is one document with a part
/// per unit.
fn notice_document(
    kind: NoticeKind,
    plan: &Plan,
    e: &Episode,
    step: Option<usize>,
) -> Result<Document, Failure> {
    let fail = |e: NoticeError| Failure::unusable(e.to_string());
    let latest_pause = e.pauses.len();
    let one = |n: Result<Notice, NoticeError>| n.map(|n| n.document()).map_err(fail);
    match kind {
        NoticeKind::Warning => one(warning_notice(plan, e)),
        NoticeKind::Units => {
            let notices = unit_notices(plan, e, step.unwrap_or(0)).map_err(fail)?;
            if notices.is_empty() {
                return Err(Failure::unusable(
                    "that decision gave no unit any new measure: there is no unit notice",
                ));
            }
            let title = format!("{}（各责任单位）", notices[0].part.title);
            Ok(notices_document(&title, &notices))
        }
        NoticeKind::Adjust => {
            let latest = e.steps.len().saturating_sub(1);
            one(adjust_notice(plan, e, step.unwrap_or(latest)))
        }
        NoticeKind::Pause => one(pause_notice(plan, e, step.unwrap_or(latest_pause))),
        NoticeKind::Resume => one(resume_notice(plan, e, step.unwrap_or(latest_pause))),
        NoticeKind::Lift => one(lift_notice(plan, e)),
        NoticeKind::CampaignStart => one(campaign_start_notice(plan, e)),
        NoticeKind::CampaignStop => one(campaign_stop_notice(plan, e)),
        NoticeKind::Supervision => Err(Failure::unusable("a 督办单 needs --finding")),
        NoticeKind::Bulletin => Err(Failure::unusable("a 通报 is not a notice of one decision")),
    }
}

/// The 督办单 of finding `id` (`DB0003` or `3`).
fn supervision(findings: &Findings, plan: &Plan, id: &str) -> Result<Document, Failure> {
    let digits = id.trim().trim_start_matches(['D', 'B', 'd', 'b']);
    let n: u32 = digits.parse().map_err(|_| {
        Failure::unusable(format!(
            "「{id}」 is not a finding number: write DB0003 or 3"
        ))
    })?;
    supervision_order(findings, FindingId(n), plan, clock::cst())
        .map_err(|e| Failure::unusable(e.to_string()))
}

/// Where the PDF looks for fonts first: the workspace's `fonts/` folder.
fn font_dirs(dir: &Path) -> Vec<PathBuf> {
    vec![dir.join("fonts")]
}

/// Who is on duty by `--roster`, else by the roster the workspace's settings name (nobody when
/// there is none; a named roster that cannot be read is reported and skipped).
fn duty(ws: &Workspace, roster: Option<&Path>, at: DateTime<FixedOffset>) -> Result<Duty, Failure> {
    if let Some(p) = roster {
        return Ok(Duty::from_roster(
            &read_roster(p, ws.settings().language)?,
            at,
        ));
    }
    match ws.roster() {
        Some(Ok(roster)) => Ok(Duty::from_roster(&roster, at)),
        Some(Err(why)) => {
            errln!("airdesk: warning: the workspace roster: {why}");
            Ok(Duty::default())
        }
        None => Ok(Duty::default()),
    }
}

/// The data of the given files, else the workspace's. Unusable files are reported on stderr.
fn read_store(ws: &Workspace, data: &[PathBuf]) -> Store {
    let files = if data.is_empty() {
        ws.data_files()
    } else {
        data.to_vec()
    };
    let mut store = Store::new();
    let report = ingest::load_paths(&files, &mut store);
    let lang = ws.settings().language;
    for f in report.files.iter().filter(|f| f.failed()) {
        errln!("airdesk: warning: {}", super::unusable_file(f, lang));
    }
    store
}

pub(super) fn now() -> DateTime<FixedOffset> {
    clock::to_cst(chrono::Utc::now())
}

/// When a command run now on `ws` is recorded: on a drill workspace the drill's current time as
/// the app shows it on opening (the later of the drill moment and the journal's last event), so a
/// command line entry neither jumps the drill to today nor lands before the journal's head; else
/// now.
pub(super) fn recording_time(ws: &Workspace, session: &Session) -> DateTime<FixedOffset> {
    match ws.settings().drill_at {
        Some(drill) => clock::to_cst(clock::drill_resumes_at(drill, session.last_event_time())),
        None => now(),
    }
}

/// The session over the journal of `dir` as it was at `until` (all of it: `None`), read-only;
/// a broken chain and skipped events are said on stderr.
fn session_at(dir: &Path, until: Option<DateTime<FixedOffset>>) -> Result<Session, Failure> {
    let session = Session::read_only(dir, until).map_err(|e| match e {
        JournalError::NoJournal { .. } => Failure::unusable(format!(
            "no journal in {}: {JOURNAL_FILE} not found",
            dir.display()
        )),
        other => Failure::unusable(other.to_string()),
    })?;
    if let Some(b) = session.chain_break() {
        errln!("airdesk: warning: the journal's hash chain is broken: {b}");
    }
    for a in session.models().response.anomalies() {
        errln!(
            "airdesk: warning: journal event #{} ({}) was skipped: {}",
            a.seq,
            a.kind,
            a.reason.render(Tr(Language::En))
        );
    }
    Ok(session)
}

/// A workspace opened for a command: the workspace (read-only), the moment the command works
/// at and the session over its journal as it was then.
pub(super) struct Opened {
    pub(super) ws: Workspace,
    pub(super) at: DateTime<FixedOffset>,
    pub(super) session: Session,
}

/// Open the workspace and its journal. The moment is `--at` when given; on a drill workspace the
/// drill's current time as the app shows it on opening (the later of the drill moment and the
/// journal's last event, [`clock::drill_resumes_at`], so every event counts); else now. Settings
/// that cannot be used are said on stderr.
pub(super) fn open_at(dir: &Path, at: Option<&str>) -> Result<Opened, Failure> {
    let ws = open_workspace(dir)?;
    let (at, session) = match (at, ws.settings().drill_at) {
        (Some(s), _) => {
            let at = parse_time(s)?;
            (at, session_at(dir, Some(at))?)
        }
        (None, Some(drill)) => {
            let session = session_at(dir, None)?;
            let at = clock::drill_resumes_at(drill, session.last_event_time());
            (clock::to_cst(at), session)
        }
        (None, None) => {
            let at = now();
            (at, session_at(dir, Some(at))?)
        }
    };
    Ok(Opened { ws, at, session })
}

/// The workspace, read-only; settings that cannot be used are said, not silently replaced.
fn open_workspace(dir: &Path) -> Result<Workspace, Failure> {
    let ws = Workspace::open_read_only(dir).map_err(|e| Failure::unusable(e.to_string()))?;
    if let Some(problem) = ws.settings_problem() {
        let problem = problem.render(Tr(ws.settings().language));
        errln!(
            "airdesk: warning: the workspace settings could not be used ({problem}); the \
             defaults are in use instead (no area, no drill moment, default thresholds)"
        );
    }
    Ok(ws)
}

fn pick_episode(state: &ResponseState, n: Option<u32>) -> Result<&Episode, Failure> {
    match n {
        Some(n) => state
            .episode(n)
            .ok_or_else(|| Failure::unusable(format!("the journal has no warning episode #{n}"))),
        None => state
            .latest()
            .ok_or_else(|| Failure::unusable("the journal holds no warning yet")),
    }
}

fn pick_run(state: &ResponseState, n: u32) -> Result<&Episode, Failure> {
    state
        .campaign_run(n)
        .ok_or_else(|| Failure::unusable(format!("the journal has no campaign run #{n}")))
}

/// Where a 通报 without --from starts: the start of --episode or --campaign, else of the latest
/// warning episode, else of the latest campaign run.
fn bulletin_start(
    state: &ResponseState,
    episode: Option<u32>,
    campaign: Option<u32>,
) -> Result<DateTime<FixedOffset>, Failure> {
    let chosen = match (episode, campaign) {
        (_, Some(run)) => pick_run(state, run)?,
        (Some(n), None) => pick_episode(state, Some(n))?,
        (None, None) => state
            .latest()
            .or_else(|| state.campaigns().last())
            .ok_or_else(|| Failure::unusable("the journal holds no warning or campaign yet"))?,
    };
    Ok(chosen.start)
}

/// Campaign run `n`, else the latest run.
fn pick_run_or_latest(state: &ResponseState, n: Option<u32>) -> Result<&Episode, Failure> {
    match n {
        Some(n) => pick_run(state, n),
        None => state
            .campaigns()
            .last()
            .ok_or_else(|| Failure::unusable("the journal holds no campaign run yet")),
    }
}

/// `response campaign list`: the plan's campaigns (which run of each is going on) and every run
/// in the journal with its counts at `--at`.
pub(super) fn campaign_list(dir: &Path, at: &Option<String>, json: bool) -> Result<(), Failure> {
    let plan = load_plan(dir, None)?;
    let Opened { at, session, .. } = open_at(dir, at.as_deref())?;
    let state = &session.models().response;
    let campaigns: Vec<CampaignJson> = plan
        .campaigns
        .iter()
        .map(|c| CampaignJson {
            id: c.id.clone(),
            name: c.name.clone(),
            running: state.running_campaign(&c.id).map(|e| e.number),
        })
        .collect();
    let runs: Vec<RunJson> = state
        .campaigns()
        .iter()
        .map(|e| RunJson::of(e, at))
        .collect();
    if json {
        return super::print_json_line(&serde_json::json!({
            "at": at.to_rfc3339(),
            "campaigns": campaigns,
            "runs": runs,
        }));
    }
    let mut out = Vec::new();
    for c in &campaigns {
        let running = c
            .running
            .map_or_else(|| "not running".to_owned(), |n| format!("running: run {n}"));
        out.push(format!("{:<12} {} ({running})", c.id, c.name));
    }
    for r in &runs {
        out.push(format!(
            "run {:>3} {} from {}{}: {} items, {} done, {} problems, {} overdue",
            r.run,
            r.name,
            r.start,
            r.stopped
                .as_ref()
                .map_or_else(String::new, |t| format!(" to {t}")),
            r.items,
            r.done,
            r.problems,
            r.overdue
        ));
    }
    emit(None, &(out.join("\n") + "\n"))
}

/// The plan given, else the workspace's `plan.toml`, else the built-in default; its problems in
/// the workspace's language.
pub(super) fn load_plan(dir: &Path, path: Option<&Path>) -> Result<Plan, Failure> {
    let workspace_plan = dir.join("plan.toml");
    let path = path.or_else(|| workspace_plan.is_file().then_some(workspace_plan.as_path()));
    let lang = Workspace::open_read_only(dir).map_or(Language::Zh, |ws| ws.settings().language);
    super::load_plan(path, lang)
}

/// A duty roster file; unusable rows are reported on stderr (in the workspace's language) and
/// skipped.
fn read_roster(path: &Path, lang: Language) -> Result<Roster, Failure> {
    let (shifts, report) = read_roster_file(path, &RosterOptions::default());
    for p in &report.problems {
        errln!("airdesk: warning: {}", p.render(Tr(lang)));
    }
    if report.failed() {
        return Err(Failure::unusable(format!(
            "{}: no usable duty roster",
            path.display()
        )));
    }
    Ok(Roster::new(shifts))
}

/// The data the summary's air comes from.
struct Air {
    store: Store,
    stations: Vec<StationId>,
    area: String,
    forecast: Vec<crate::domain::advisor::ForecastDay>,
}

impl Air {
    fn sources(&self) -> AirSources<'_> {
        AirSources {
            store: &self.store,
            stations: &self.stations,
            area: &self.area,
            forecast: &self.forecast,
        }
    }
}

/// The data and AQI forecast for the summary: the given files, else the workspace's (read-only);
/// `None` when there is neither data nor forecast. Problems in the files are reported on stderr.
fn read_air(
    ws: &Workspace,
    data: &[PathBuf],
    forecast: Option<&Path>,
    area: Option<&str>,
    at: DateTime<FixedOffset>,
) -> Result<Option<Air>, Failure> {
    let store = read_store(ws, data);
    let settings = ws.settings();
    let tr = Tr(settings.language);
    let forecast_path = forecast.map(Path::to_path_buf).or_else(|| {
        let p = ws.aqi_forecast_path();
        p.is_file().then_some(p)
    });
    let forecast = match &forecast_path {
        Some(p) => {
            let (days, report) = load_forecast(p, Some(at.date_naive()));
            for problem in &report.problems {
                errln!("airdesk: warning: {}", problem.render(tr));
            }
            days
        }
        None => Vec::new(),
    };
    if store.keys().is_empty() && forecast.is_empty() {
        return Ok(None);
    }
    let area = area.map_or_else(|| settings.area.clone(), str::to_owned);
    let stations = desk_stations(&store, &area, &settings.stations);
    Ok(Some(Air {
        store,
        stations,
        area,
        forecast,
    }))
}

fn read_chart(path: &Path) -> Result<Image, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure::unusable(format!("{}: {e}", path.display())))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("png") if bytes.starts_with(b"\x89PNG") => Ok(Image::Png(bytes)),
        Some("png") => Err(Failure::unusable(format!(
            "{}: not a PNG file",
            path.display()
        ))),
        Some("svg") => String::from_utf8(bytes)
            .map(Image::Svg)
            .map_err(|_| Failure::unusable(format!("{}: not UTF-8 SVG text", path.display()))),
        _ => Err(Failure::unusable(format!(
            "{}: the chart must be a .png or .svg file",
            path.display()
        ))),
    }
}

fn emit(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    match out {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| Failure::unusable(format!("cannot write {}: {e}", p.display()))),
        None => {
            let mut o = std::io::stdout().lock();
            let text = super::output::printable(text);
            match o.write_all(text.as_bytes()).and_then(|()| o.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::unusable(format!("cannot write to stdout: {e}"))),
            }
        }
    }
}

/// `response status --json`.
#[derive(serde::Serialize)]
struct StatusJson {
    at: String,
    events: u64,
    last_hash: Option<String>,
    warning: Option<WarningJson>,
    units: Vec<UnitSummary>,
    overdue: Vec<ItemJson>,
    problems: Vec<ItemJson>,
    reporting: ReportingJson,
    on_shift: Option<String>,
    anomalies: usize,
    /// Campaign runs going on.
    campaigns: Vec<RunJson>,
}

/// `reporting` of `response status --json`: the due, late and missing lists, and the roll-up
/// per township beside them.
#[derive(serde::Serialize, Default)]
struct ReportingJson {
    #[serde(flatten)]
    lists: Reporting,
    townships: Vec<TownshipReporting>,
}

#[derive(serde::Serialize)]
struct WarningJson {
    episode: u32,
    level: crate::domain::plan::Level,
    phase: String,
    text: String,
    start: String,
    level_since: String,
    expected_end: Option<String>,
    /// The city or regional warning followed, if any.
    regional: Option<crate::domain::response::RegionalWarning>,
}

#[derive(serde::Serialize)]
struct ItemJson {
    measure: String,
    unit: String,
    unit_name: String,
    status: &'static str,
    deadline: String,
    text: String,
}

fn status(dir: &Path, at: Option<&str>, json: bool) -> Result<(), Failure> {
    let Opened { at, session, .. } = open_at(dir, at)?;
    let state = &session.models().response;
    let episode = state.latest();
    let item_json = |i: &crate::domain::response::Item| ItemJson {
        measure: i.key().measure.clone(),
        unit: i.key().unit.clone(),
        unit_name: i.spec.unit_name.clone(),
        status: Tr(Language::En).item_status(i.status),
        deadline: i.deadline.to_rfc3339(),
        text: i
            .history
            .last()
            .map_or_else(String::new, |c| c.text.clone()),
    };
    let overdue: Vec<ItemJson> = episode
        .map(|e| e.overdue(at).into_iter().map(item_json).collect())
        .unwrap_or_default();
    let problems: Vec<ItemJson> = episode
        .map(|e| {
            e.filter(
                None,
                StatusFilter::Status(crate::domain::response::ItemStatus::ProblemReported),
                at,
            )
            .into_iter()
            .map(item_json)
            .collect()
        })
        .unwrap_or_default();
    let report = StatusJson {
        at: at.to_rfc3339(),
        events: state.anchor().map_or(0, |a| a.seq),
        last_hash: state.anchor().map(|a| a.hash.to_string()),
        warning: episode.map(|e| {
            let w = WarningStatus::of_episode(e, at);
            WarningJson {
                episode: e.number,
                level: e.level(),
                phase: w.phase,
                text: w.text,
                start: e.start.to_rfc3339(),
                level_since: e.level_since().to_rfc3339(),
                expected_end: e.expected_end.map(|t| t.to_rfc3339()),
                regional: e.regional().cloned(),
            }
        }),
        units: episode.map(|e| e.by_unit(at)).unwrap_or_default(),
        overdue,
        problems,
        reporting: episode
            .map(|e| {
                let lists = e.reporting(at);
                let townships = match load_plan(dir, None) {
                    Ok(plan) => lists.by_township(&plan.units),
                    Err(_) => {
                        errln!(
                            "airdesk: warning: the plan cannot be used: no roll-up per township"
                        );
                        Vec::new()
                    }
                };
                ReportingJson { lists, townships }
            })
            .unwrap_or_default(),
        on_shift: state.on_shift().map(|s| s.started.operator.clone()),
        anomalies: state.anomalies().len(),
        campaigns: state
            .running_campaigns()
            .map(|e| RunJson::of(e, at))
            .collect(),
    };
    if json {
        return super::print_json_line(&report);
    }
    let mut out = Vec::new();
    out.push(format!(
        "{}: {} events{}",
        dir.join(JOURNAL_FILE).display(),
        report.events,
        report
            .last_hash
            .as_ref()
            .map_or_else(String::new, |h| format!(", last hash {h}"))
    ));
    out.push(format!(
        "预警 warning: {}",
        report
            .warning
            .as_ref()
            .map_or("无 none", |w| w.text.as_str())
    ));
    if let Some(s) = &report.on_shift {
        out.push(format!("值班 on shift: {s}"));
    }
    for r in &report.campaigns {
        out.push(format!(
            "专项行动 campaign: {} (run {}, from {}): {} items, {} done, {} overdue",
            r.name, r.run, r.start, r.items, r.done, r.overdue
        ));
    }
    if !report.units.is_empty() {
        let sum = |f: fn(&UnitSummary) -> usize| report.units.iter().map(f).sum::<usize>();
        out.push(format!(
            "措施 checklist: {} items, {} acknowledged, {} done, {} problems, {} overdue",
            sum(|u| u.total),
            sum(|u| u.acknowledged),
            sum(|u| u.done),
            sum(|u| u.problems),
            sum(|u| u.overdue)
        ));
        for u in &report.units {
            out.push(format!(
                "  {:>3} items {:>3} ack {:>3} done {:>3} problem {:>3} overdue  {} ({})",
                u.total, u.acknowledged, u.done, u.problems, u.overdue, u.unit_name, u.unit
            ));
        }
    }
    for (title, items) in [
        ("逾期 overdue", &report.overdue),
        ("问题 problems", &report.problems),
    ] {
        if !items.is_empty() {
            out.push(format!("{title}:"));
            for i in items {
                out.push(format!(
                    "  {} {} (deadline {}) {}",
                    i.measure, i.unit_name, i.deadline, i.text
                ));
            }
        }
    }
    for (title, owed) in [
        ("迟报 late reports", &report.reporting.lists.late),
        ("缺报 missing reports", &report.reporting.lists.missing),
    ] {
        if !owed.is_empty() {
            out.push(format!("{title}:"));
            for o in owed {
                out.push(format!(
                    "  {} ({}) due {}",
                    o.unit_name,
                    o.unit,
                    o.due_at.to_rfc3339()
                ));
            }
        }
    }
    if !report.reporting.townships.is_empty() {
        out.push("乡镇（街道）报送 reports per township:".to_owned());
        for t in &report.reporting.townships {
            out.push(format!(
                "  {:>3} due {:>3} received ({} late) {:>3} late {:>3} missing  {} ({})",
                t.due, t.received, t.received_late, t.late, t.missing, t.unit_name, t.unit
            ));
        }
    }
    if report.anomalies > 0 {
        out.push(format!(
            "{} journal events skipped (see above)",
            report.anomalies
        ));
    }
    emit(None, &(out.join("\n") + "\n"))
}

fn drill(dir: &Path, start: Option<&str>, operator: &str) -> Result<(), Failure> {
    let fail = |e: JournalError| Failure::unusable(e.to_string());
    let start = match start {
        Some(s) => parse_time(s)?,
        None => {
            let n = now();
            let midnight = n
                .date_naive()
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .ok_or_else(|| Failure::unusable("cannot work out the next midnight"))?;
            n.timezone()
                .from_local_datetime(&midnight)
                .single()
                .ok_or_else(|| Failure::unusable("cannot work out the next midnight"))?
        }
    };
    // Everything that can be checked is checked before anything is created.
    let author = Author::new(operator, "drill").map_err(fail)?;
    let plan = load_plan(dir, None)?;
    if !dir.is_dir() {
        return Err(Failure::unusable(format!(
            "{} is not a folder",
            dir.display()
        )));
    }
    let created: Vec<PathBuf> = [JOURNAL_FILE, LOCK_FILE, CHECKPOINT_FILE]
        .iter()
        .map(|name| dir.join(name))
        .filter(|p| !p.exists())
        .collect();
    let recorded = (|| {
        let journal = session::journal::open(dir).map_err(fail)?;
        if let OpenMode::ReadOnly(reason) = journal.mode() {
            return Err(Failure::unusable(format!(
                "the journal is read-only ({reason}); nothing was recorded"
            )));
        }
        let mut session = Session::with_journal(journal, plan).map_err(fail)?;
        if session.last_seq() > 0 {
            return Err(Failure::unusable(format!(
                "{} already holds events; the drill is recorded only into an empty journal",
                dir.join(JOURNAL_FILE).display()
            )));
        }
        record_drill(&mut session, &author, start)
            .map_err(|e| Failure::unusable(e.render(Tr(Language::En))))?;
        let seq = session.last_seq();
        session.close().map_err(fail)?;
        Ok(seq)
    })();
    let seq = match recorded {
        Ok(seq) => seq,
        Err(failure) => {
            // Leave nothing behind that was not there before: no empty journal, no side files.
            for path in &created {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut name = path.as_os_str().to_owned();
                    name.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(name));
                }
            }
            return Err(failure);
        }
    };
    errln!(
        "{}: drill recorded, {seq} events; the orange warning starts {}",
        dir.join(JOURNAL_FILE).display(),
        start.to_rfc3339()
    );
    Ok(())
}
