//! `airdesk response campaign start|stop|list`: the plan's standing campaigns (专项行动) — start
//! and stop a run through the session as the app does, and list the plan's campaigns with the
//! journal's runs (`--json`: one object, see README).

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::Failure;
use super::parse_time;
use super::response_record::{Officer, record};
use crate::domain::response::{CampaignInput, CampaignStopInput, Command, Episode};

/// The `campaign` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum CampaignCommand {
    /// Start a run of a campaign the plan defines ([campaigns.<id>]).
    Start(StartArgs),
    /// Stop the running run of a campaign.
    Stop(StopArgs),
    /// The plan's campaigns and the journal's runs: items, done, overdue.
    List {
        /// Workspace folder.
        dir: PathBuf,
        /// Judge overdue at this time (default: now).
        #[arg(long)]
        at: Option<String>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Arguments of `response campaign start`.
#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// Workspace folder.
    pub dir: PathBuf,
    /// The plan's id of the campaign (e.g. fireworks).
    #[arg(long)]
    pub campaign: String,
    /// When it takes effect (deadlines count from here).
    #[arg(long)]
    pub start: String,
    /// Expected end.
    #[arg(long)]
    pub end: Option<String>,
    /// Who signs (default: the plan's approver for the campaign).
    #[arg(long)]
    pub approver: Option<String>,
    /// Notice document number.
    #[arg(long, default_value = "")]
    pub doc_no: String,
    /// A reason (repeat for several).
    #[arg(long = "reason")]
    pub reasons: Vec<String>,
    /// Who records it.
    #[command(flatten)]
    pub officer: Officer,
}

/// Arguments of `response campaign stop`.
#[derive(Debug, clap::Args)]
pub struct StopArgs {
    /// Workspace folder.
    pub dir: PathBuf,
    /// The plan's id of the campaign.
    #[arg(long)]
    pub campaign: String,
    /// When it ends.
    #[arg(long)]
    pub at: String,
    /// Why.
    #[arg(long)]
    pub basis: String,
    /// Who signs (default: the plan's approver for the campaign).
    #[arg(long)]
    pub approver: Option<String>,
    /// Notice document number.
    #[arg(long, default_value = "")]
    pub doc_no: String,
    /// Who records it.
    #[command(flatten)]
    pub officer: Officer,
}

/// Run `response campaign …`.
pub fn run(command: &CampaignCommand) -> Result<(), Failure> {
    match command {
        CampaignCommand::Start(a) => {
            let start = parse_time(&a.start)?;
            let expected_end = a.end.as_deref().map(parse_time).transpose()?;
            record(&a.dir, &a.officer, |_| {
                Command::StartCampaign(CampaignInput {
                    campaign: a.campaign.clone(),
                    start,
                    expected_end,
                    approver: a.approver.clone(),
                    doc_no: a.doc_no.clone(),
                    reasons: a.reasons.clone(),
                })
            })
        }
        CampaignCommand::Stop(a) => {
            let at = parse_time(&a.at)?;
            record(&a.dir, &a.officer, |_| {
                Command::StopCampaign(CampaignStopInput {
                    campaign: a.campaign.clone(),
                    at,
                    basis: a.basis.clone(),
                    approver: a.approver.clone(),
                    doc_no: a.doc_no.clone(),
                })
            })
        }
        CampaignCommand::List { dir, at, json } => super::response::campaign_list(dir, at, *json),
    }
}

/// One campaign of the plan in `campaign list --json`.
#[derive(serde::Serialize)]
pub(super) struct CampaignJson {
    pub id: String,
    pub name: String,
    /// The run going on, if any.
    pub running: Option<u32>,
}

/// One run in `campaign list --json` and `status --json`.
#[derive(serde::Serialize)]
pub(super) struct RunJson {
    pub run: u32,
    pub campaign: String,
    pub name: String,
    pub start: String,
    pub stopped: Option<String>,
    pub items: usize,
    pub done: usize,
    pub problems: usize,
    pub overdue: usize,
}

impl RunJson {
    /// A run's counts at `at`.
    pub fn of(e: &Episode, at: DateTime<FixedOffset>) -> Self {
        let units = e.by_unit(at);
        let sum = |f: fn(&crate::domain::response::UnitSummary) -> usize| {
            units.iter().map(f).sum::<usize>()
        };
        RunJson {
            run: e.number,
            campaign: e
                .campaign
                .as_ref()
                .map_or_else(String::new, |c| c.id.clone()),
            name: e
                .campaign
                .as_ref()
                .map_or_else(String::new, |c| c.name.clone()),
            start: e.start.to_rfc3339(),
            stopped: e.lifting.as_ref().map(|(l, _)| l.at.to_rfc3339()),
            items: sum(|u| u.total),
            done: sum(|u| u.done),
            problems: sum(|u| u.problems),
            overdue: sum(|u| u.overdue),
        }
    }
}
