//! The figures of the Situation board's cards — warning level and running campaigns, duty, next unfavourable window,
//! season budget, overdue items, alerts — gathered from the session's read models (response,
//! findings, alerts), the workspace (roster, settings) and the store through the domain modules,
//! as of the app's "now". Recomputed when the data, the hour, the read models (a new event) or
//! the workspace's files change; drawing is in `situation.rs`.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};

use crate::clock::to_cst;
use crate::domain::alerts::{self, Acknowledgement, Alert};
use crate::domain::budget::{self, Budget};
use crate::domain::findings::FindingId;
use crate::domain::plan::Level;
use crate::domain::response::CampaignRef;
use crate::domain::weather_view::{self, NextWindow};
use crate::session::ReadModels;
use crate::store::{Hour, StationId, Store};
use crate::workspace::Workspace;

/// The warning in force (or the last one), from the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct WarningNow {
    /// The level.
    pub level: Level,
    /// Since when the level has been in effect.
    pub since: DateTime<FixedOffset>,
    /// Whether it is in force now (started, not paused).
    pub in_force: bool,
    /// The document number of the issue.
    pub doc_no: String,
    /// When the warning is expected to end, as last stated (issue, extension, level change).
    pub expected_end: Option<DateTime<FixedOffset>>,
}

/// One overdue checklist item.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueItem {
    /// Responsible unit's name.
    pub unit: String,
    /// What is due.
    pub text: String,
    /// Its deadline.
    pub deadline: DateTime<FixedOffset>,
}

/// How many of the units' reports are late, missing and due (see
/// [`Reporting`](crate::domain::response::Reporting)).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportCounts {
    /// Due time passed, nothing received yet (催报).
    pub late: usize,
    /// Periods that ended without a report.
    pub missing: usize,
    /// Due within the next 24 hours.
    pub due: usize,
}

/// Everything the cards show.
#[derive(Debug, Clone, PartialEq)]
pub struct Cards {
    /// Current warning; `None` when the journal holds none.
    pub warning: Option<WarningNow>,
    /// Who is on duty now: (person, role or label).
    pub on_duty: Vec<(String, String)>,
    /// Who comes next.
    pub next_duty: Vec<(String, String, chrono::NaiveDateTime)>,
    /// Why the roster could not be used (missing file, no roster set …).
    pub roster_problem: Option<String>,
    /// The next unfavourable window.
    pub window: NextWindow,
    /// The season budget as of yesterday; `Err` says why not.
    pub budget: Option<Result<Budget, String>>,
    /// Overdue checklist items of the current warning.
    pub overdue: Vec<OverdueItem>,
    /// Names of the standing campaigns running now.
    pub campaigns: Vec<CampaignRef>,
    /// Supervision findings past their deadline.
    pub findings_overdue: usize,
    /// Units' reports of the reporting cycle now: late (due, nothing received), missing
    /// (periods ended without one) and due within 24 hours.
    pub reports: ReportCounts,
    /// Station alerts, newest first.
    pub alerts: Vec<Alert>,
    /// Keys of the alerts already kept in the journal (sorted).
    pub recorded: Vec<String>,
    /// Who acknowledged which of these alerts (by [`Alert::key`]), from the journal.
    pub acknowledged: BTreeMap<String, Acknowledgement>,
    /// The finding each alert was handed over as (转督办, by [`Alert::key`]).
    pub handed: BTreeMap<String, FindingId>,
}

impl Cards {
    /// The alerts still waiting for the desk: neither acknowledged nor handed to supervision.
    pub fn waiting(&self) -> impl Iterator<Item = &Alert> {
        self.alerts.iter().filter(|a| {
            let key = a.key();
            !self.acknowledged.contains_key(&key) && !self.handed.contains_key(&key)
        })
    }
}

/// Gather the cards' figures as of `now` for the area `ids` from the session's read models.
pub fn gather(
    ws: &Workspace,
    models: &ReadModels,
    store: &Store,
    ids: &[StationId],
    now: DateTime<Utc>,
) -> Cards {
    let local = to_cst(now);
    let alerts = alerts::detect(store, ids, &ws.settings().alerts, now);
    let mut cards = Cards {
        warning: None,
        on_duty: Vec::new(),
        next_duty: Vec::new(),
        roster_problem: None,
        window: weather_view::next_window(store, Hour::from_utc(now)),
        budget: None,
        overdue: Vec::new(),
        campaigns: Vec::new(),
        findings_overdue: models.findings.overdue(local).len(),
        reports: ReportCounts::default(),
        recorded: alerts
            .iter()
            .map(Alert::key)
            .filter(|k| models.alerts.is_raised(k))
            .collect(),
        // Only the alerts on show: the journal's acknowledgements grow with every event.
        acknowledged: alerts
            .iter()
            .filter_map(|a| {
                let key = a.key();
                let ack = models.alerts.acknowledgements().get(&key)?.clone();
                Some((key, ack))
            })
            .collect(),
        handed: alerts
            .iter()
            .filter_map(|a| Some((a.key(), models.findings.handed_over(&a.finding_input()?)?)))
            .collect(),
        alerts,
    };
    cards.recorded.sort();
    response_figures(models, local, &mut cards);
    roster_figures(ws, local, &mut cards);
    cards.budget = ws
        .settings()
        .budget
        .map(|settings| budget::season_to_date(store, ids, &settings, local));
    cards
}

fn response_figures(models: &ReadModels, now: DateTime<FixedOffset>, cards: &mut Cards) {
    let state = &models.response;
    if let Some(e) = state.episodes().last() {
        cards.warning = Some(WarningNow {
            level: e.level(),
            since: e.level_since(),
            in_force: e.in_force(now),
            doc_no: e.steps.last().map(|s| s.doc_no.clone()).unwrap_or_default(),
            expected_end: e.expected_end,
        });
    }
    cards.campaigns = state
        .running_campaigns()
        .filter_map(|e| e.campaign.clone())
        .collect();
    if let Some(e) = state.current() {
        let r = e.reporting(now);
        cards.reports = ReportCounts {
            late: r.late.len(),
            missing: r.missing.len(),
            due: r.due.len(),
        };
        cards.overdue = e
            .overdue(now)
            .into_iter()
            .map(|i| OverdueItem {
                unit: i.spec.unit_name.clone(),
                text: i.spec.text.clone(),
                deadline: i.deadline,
            })
            .collect();
    }
}

fn roster_figures(ws: &Workspace, now: DateTime<FixedOffset>, cards: &mut Cards) {
    let roster = match ws.roster() {
        None => return,
        Some(Err(why)) => {
            cards.roster_problem = Some(why);
            return;
        }
        Some(Ok(roster)) => roster,
    };
    let label = |s: &crate::domain::roster::Shift| {
        s.role
            .clone()
            .or_else(|| s.label.clone())
            .unwrap_or_default()
    };
    cards.on_duty = roster
        .on_duty(now)
        .into_iter()
        .map(|s| (s.person.clone(), label(s)))
        .collect();
    cards.next_duty = roster
        .next(now)
        .into_iter()
        .map(|s| (s.person.clone(), label(s), s.start))
        .collect();
}
