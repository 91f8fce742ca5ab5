//! Supervision findings (督办: 交办 → 整改 → 销号): problems found by inspections, alerts of the
//! Situation board (爆表, a station above its neighbours) and public reports (举报), followed until
//! they are closed (DOMAIN.md §3 step 9).
//!
//! Commands are checked against the current state ([`Findings::decide`]) and become events; the
//! state is the fold of the events ([`Findings::apply_typed`], [`Findings::fold`]; as a journal
//! [`Fold`](crate::journal::Fold) it reads `finding.*` events). Events are plain serde
//! data that the journal stores with its own envelope (time, operator), which `apply` takes as
//! arguments — nothing here reads a clock.
//!
//! Status machine ([`Status::can_move_to`]):
//! assigned → rectifying → rectified (with evidence) → verified → closed; assigned → rectified
//! directly (立行立改, fixed on the spot); rectified → rectifying when verification finds it not
//! fixed (核查未通过). Closed is final. A finding is overdue while it is assigned or rectifying after
//! the end of its deadline day (local date of `now`).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// A finding's number, given in order of assignment (shown as `DB0001`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct FindingId(pub u32);

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DB{:04}", self.0)
    }
}

/// Where a finding stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 已交办: handed to the responsible unit.
    Assigned,
    /// 整改中: the unit is working on it.
    Rectifying,
    /// 已整改: the unit reports it fixed, with evidence.
    Rectified,
    /// 已核查: the command office checked the fix.
    Verified,
    /// 已销号: closed.
    Closed,
}

impl Status {
    /// Every status in workflow order.
    pub const ALL: [Status; 5] = [
        Status::Assigned,
        Status::Rectifying,
        Status::Rectified,
        Status::Verified,
        Status::Closed,
    ];

    /// The statuses this one may move to.
    pub fn next_allowed(self) -> &'static [Status] {
        match self {
            Status::Assigned => &[Status::Rectifying, Status::Rectified],
            Status::Rectifying => &[Status::Rectified],
            Status::Rectified => &[Status::Verified, Status::Rectifying],
            Status::Verified => &[Status::Closed],
            Status::Closed => &[],
        }
    }

    /// Whether moving from `self` to `to` is allowed.
    pub fn can_move_to(self, to: Status) -> bool {
        self.next_allowed().contains(&to)
    }

    /// Whether the unit still has to fix it (the deadline applies).
    pub fn awaits_rectification(self) -> bool {
        matches!(self, Status::Assigned | Status::Rectifying)
    }
}

/// What kind of Situation-board alert became a finding.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum AlertKind {
    /// 爆表: a reading far above any plausible level for the station.
    Burst,
    /// The station reads well above its neighbours.
    AboveNeighbours {
        /// The neighbours' median at the same hour (the board's alert rule compares with it).
        #[serde(alias = "neighbours_mean")]
        neighbours_median: f64,
    },
}

/// How a finding came in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum Origin {
    /// An inspection's list (督查, 帮扶, 巡查), imported or typed in.
    Inspection,
    /// An alert of the Situation board.
    Alert {
        /// Station code.
        station: String,
        /// Station name, when known.
        station_name: Option<String>,
        /// Variable code (`PM2.5`).
        variable: String,
        /// The hour as the source stamps it (local time with offset).
        at: DateTime<FixedOffset>,
        /// The reading.
        value: f64,
        /// Burst or above neighbours.
        kind: AlertKind,
    },
    /// A public report (举报: 12369 hotline, WeChat, letters).
    PublicReport {
        /// Channel (`12369`, `微信`).
        channel: String,
        /// When it was received.
        received: DateTime<FixedOffset>,
    },
}

/// A finding's content as assigned (typed in, imported, or made from an alert or report).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NewFinding {
    /// Who found it (`省第三督查组`, `公众举报（12369）`).
    pub source: String,
    /// How it came in.
    pub origin: Origin,
    /// The source's own number for it, if any (问题编号).
    pub reference: Option<String>,
    /// What is wrong.
    pub description: String,
    /// Where (enterprise, site, road, station).
    pub place: String,
    /// The responsible unit (责任单位).
    pub unit: String,
    /// Last day to fix it; `None` for standing items (长期坚持).
    pub deadline: Option<NaiveDate>,
}

/// What a unit shows to prove the fix.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    /// What was done.
    pub text: String,
    /// Photos or documents (file names or workspace paths).
    pub files: Vec<String>,
}

impl Evidence {
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.files.is_empty()
    }
}

/// An alert from the Situation board, as the board hands it over.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AlertInput {
    /// Station code.
    pub station: String,
    /// Station name, when known.
    pub station_name: Option<String>,
    /// Variable code (`PM2.5`).
    pub variable: String,
    /// Unit of the value (`µg/m³`).
    pub unit_of_value: String,
    /// The hour as the source stamps it.
    pub at: DateTime<FixedOffset>,
    /// The reading.
    pub value: f64,
    /// Burst or above neighbours.
    pub kind: AlertKind,
}

/// A public report (举报) as received.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PublicReportInput {
    /// Channel (`12369`, `微信`, `来信`).
    pub channel: String,
    /// The channel's number for it.
    pub reference: Option<String>,
    /// When it was received.
    pub received: DateTime<FixedOffset>,
    /// What was reported.
    pub description: String,
    /// Where.
    pub place: String,
}

/// What a user (or an import) asks for.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case", tag = "command")]
pub enum FindingCommand {
    /// Assign a finding typed in or imported.
    Assign(NewFinding),
    /// Turn a Situation-board alert into an assigned finding in one step.
    AssignFromAlert {
        /// The alert.
        alert: AlertInput,
        /// The responsible unit.
        unit: String,
        /// Deadline.
        deadline: Option<NaiveDate>,
    },
    /// Turn a public report into an assigned finding in one step.
    AssignFromReport {
        /// The report.
        report: PublicReportInput,
        /// The responsible unit.
        unit: String,
        /// Deadline.
        deadline: Option<NaiveDate>,
    },
    /// Move a finding to another status.
    Move {
        /// Which.
        id: FindingId,
        /// New status.
        to: Status,
        /// Remark (what was done, why verification failed…).
        note: String,
        /// Required when moving to rectified.
        evidence: Option<Evidence>,
    },
    /// Change the deadline (延期), with the reason.
    ChangeDeadline {
        /// Which.
        id: FindingId,
        /// New deadline.
        deadline: Option<NaiveDate>,
        /// Why.
        reason: String,
    },
}

/// What happened; stored in the journal.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case", tag = "event")]
pub enum FindingEvent {
    /// A finding was assigned.
    Assigned {
        /// Its number.
        id: FindingId,
        /// Its content.
        finding: NewFinding,
    },
    /// A finding changed status.
    Moved {
        /// Which.
        id: FindingId,
        /// Status before (checked on apply, so a stale desk cannot skip a step).
        from: Status,
        /// Status after.
        to: Status,
        /// Remark.
        note: String,
        /// Evidence (moves to rectified).
        evidence: Option<Evidence>,
    },
    /// A deadline changed.
    DeadlineChanged {
        /// Which.
        id: FindingId,
        /// Deadline before.
        from: Option<NaiveDate>,
        /// Deadline after.
        to: Option<NaiveDate>,
        /// Why.
        reason: String,
    },
}

impl FindingEvent {
    /// The journal's event kind string.
    pub fn kind(&self) -> &'static str {
        match self {
            FindingEvent::Assigned { .. } => "finding.assigned",
            FindingEvent::Moved { .. } => "finding.moved",
            FindingEvent::DeadlineChanged { .. } => "finding.deadline-changed",
        }
    }

    /// The finding concerned.
    pub fn id(&self) -> FindingId {
        match self {
            FindingEvent::Assigned { id, .. }
            | FindingEvent::Moved { id, .. }
            | FindingEvent::DeadlineChanged { id, .. } => *id,
        }
    }
}

/// Why a command or event was refused (the interface words it, `crate::i18n`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FindingError {
    /// No finding with this number.
    Unknown(FindingId),
    /// A number already used.
    Duplicate(FindingId),
    /// A status change the workflow does not allow.
    NotAllowed {
        /// Which.
        id: FindingId,
        /// Current status.
        from: Status,
        /// Requested status.
        to: Status,
    },
    /// The event was decided on a status the finding no longer has.
    Stale {
        /// Which.
        id: FindingId,
        /// The status the event expected.
        expected: Status,
        /// The status it has.
        actual: Status,
    },
    /// Moving to rectified without evidence.
    NoEvidence(FindingId),
    /// A required field is empty.
    Empty(FindingField),
}

/// A field a finding, or a change of it, cannot do without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FindingField {
    /// What is wrong.
    Description,
    /// Who fixes it.
    Unit,
    /// Why a deadline moves.
    Reason,
}

/// Why a journal event of supervision was passed over.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Skipped {
    /// The payload does not decode (the journal's message).
    Undecodable(String),
    /// The payload is another kind of event than the envelope says.
    KindMismatch {
        /// The envelope's kind.
        kind: String,
        /// The payload's kind.
        payload: String,
    },
    /// It does not fit the findings as they stand.
    Misfit(FindingError),
}

/// One entry of a finding's history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HistoryEntry {
    /// When (journal time).
    pub at: DateTime<Utc>,
    /// Who.
    pub operator: String,
    /// The event.
    pub event: FindingEvent,
}

/// A finding with its current state.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// Its number.
    pub id: FindingId,
    /// Content as assigned.
    pub content: NewFinding,
    /// Current deadline (may differ from the assigned one after 延期).
    pub deadline: Option<NaiveDate>,
    /// Current status.
    pub status: Status,
    /// When it was assigned.
    pub assigned_at: DateTime<Utc>,
    /// Last reported rectification evidence.
    pub evidence: Option<Evidence>,
    /// When it was last marked rectified.
    pub rectified_at: Option<DateTime<Utc>>,
    /// When it was verified.
    pub verified_at: Option<DateTime<Utc>>,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// Every event, oldest first.
    pub history: Vec<HistoryEntry>,
}

impl Finding {
    /// Whether it is past its deadline and not yet rectified, at local time `now`.
    pub fn is_overdue(&self, now: DateTime<FixedOffset>) -> bool {
        self.days_overdue(now) > 0
    }

    /// Whole days past the deadline day (0 when not overdue).
    pub fn days_overdue(&self, now: DateTime<FixedOffset>) -> i64 {
        match self.deadline {
            Some(d) if self.status.awaits_rectification() => {
                (now.date_naive() - d).num_days().max(0)
            }
            _ => 0,
        }
    }
}

/// Counts for the Situation board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct FindingCounts {
    /// Not closed.
    pub open: usize,
    /// Overdue.
    pub overdue: usize,
    /// Per status, in [`Status::ALL`] order.
    pub by_status: [usize; 5],
}

/// The current state of all findings: the fold of the events.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Findings {
    items: BTreeMap<FindingId, Finding>,
    skipped: Vec<(u64, Skipped)>,
}

impl crate::journal::Fold for Findings {
    /// Apply one journal event: kinds other than `finding.*` are ignored; a payload that cannot
    /// be decoded or applied is skipped and recorded in [`Findings::skipped`], so one odd event
    /// never hides the rest.
    fn apply(&mut self, event: &crate::journal::Event) {
        if !event.kind.starts_with("finding.") {
            return;
        }
        let result = event
            .decode::<FindingEvent>()
            .map_err(|e| Skipped::Undecodable(e.to_string()))
            .and_then(|e| {
                if e.kind() != event.kind {
                    return Err(Skipped::KindMismatch {
                        kind: event.kind.clone(),
                        payload: e.kind().to_owned(),
                    });
                }
                self.apply_typed(event.recorded_at, &event.operator, &e)
                    .map_err(Skipped::Misfit)
            });
        if let Err(reason) = result {
            self.skipped.push((event.seq, reason));
        }
    }
}

impl Findings {
    /// No findings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rebuild the state from journal events `(time, operator, event)` in order. Events that do not
    /// apply are skipped and returned with their position, so a damaged journal still shows the rest.
    pub fn fold<'a>(
        events: impl IntoIterator<Item = (DateTime<Utc>, &'a str, &'a FindingEvent)>,
    ) -> (Findings, Vec<(usize, FindingError)>) {
        let mut state = Findings::new();
        let mut errors = Vec::new();
        for (i, (at, operator, event)) in events.into_iter().enumerate() {
            if let Err(e) = state.apply_typed(at, operator, event) {
                errors.push((i, e));
            }
        }
        (state, errors)
    }

    /// Journal events that were skipped: sequence number and reason.
    pub fn skipped(&self) -> &[(u64, Skipped)] {
        &self.skipped
    }

    /// The number the next assigned finding gets.
    pub fn next_id(&self) -> FindingId {
        FindingId(self.items.keys().next_back().map_or(1, |id| id.0 + 1))
    }

    /// A finding by number.
    pub fn get(&self, id: FindingId) -> Option<&Finding> {
        self.items.get(&id)
    }

    /// All findings by number.
    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.items.values()
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The finding a board alert was handed over as (转督办), matched on what the alert names:
    /// station, variable, hour and rule. `None` while it has not been handed over.
    pub fn handed_over(&self, alert: &AlertInput) -> Option<FindingId> {
        self.iter()
            .find(|f| match &f.content.origin {
                Origin::Alert {
                    station,
                    variable,
                    at,
                    kind,
                    ..
                } => {
                    *station == alert.station
                        && *variable == alert.variable
                        && *at == alert.at
                        && std::mem::discriminant(kind) == std::mem::discriminant(&alert.kind)
                }
                _ => false,
            })
            .map(|f| f.id)
    }

    /// Overdue findings at `now`, most overdue first.
    pub fn overdue(&self, now: DateTime<FixedOffset>) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.iter().filter(|f| f.is_overdue(now)).collect();
        v.sort_by_key(|f| (-f.days_overdue(now), f.id));
        v
    }

    /// Counts for the Situation board.
    pub fn counts(&self, now: DateTime<FixedOffset>) -> FindingCounts {
        let mut c = FindingCounts::default();
        for f in self.iter() {
            c.open += usize::from(f.status != Status::Closed);
            c.overdue += usize::from(f.is_overdue(now));
            if let Some(i) = Status::ALL.iter().position(|s| *s == f.status) {
                c.by_status[i] += 1;
            }
        }
        c
    }

    /// Check a command against the current state and turn it into the event to store.
    pub fn decide(&self, command: FindingCommand) -> Result<FindingEvent, FindingError> {
        match command {
            FindingCommand::Assign(finding) => self.assign(finding),
            FindingCommand::AssignFromAlert {
                alert,
                unit,
                deadline,
            } => self.assign(from_alert(alert, unit, deadline)),
            FindingCommand::AssignFromReport {
                report,
                unit,
                deadline,
            } => self.assign(from_report(report, unit, deadline)),
            FindingCommand::Move {
                id,
                to,
                note,
                evidence,
            } => {
                let f = self.items.get(&id).ok_or(FindingError::Unknown(id))?;
                let event = FindingEvent::Moved {
                    id,
                    from: f.status,
                    to,
                    note,
                    evidence,
                };
                check_move(f, &event)?;
                Ok(event)
            }
            FindingCommand::ChangeDeadline {
                id,
                deadline,
                reason,
            } => {
                let f = self.items.get(&id).ok_or(FindingError::Unknown(id))?;
                if reason.trim().is_empty() {
                    return Err(FindingError::Empty(FindingField::Reason));
                }
                Ok(FindingEvent::DeadlineChanged {
                    id,
                    from: f.deadline,
                    to: deadline,
                    reason,
                })
            }
        }
    }

    fn assign(&self, finding: NewFinding) -> Result<FindingEvent, FindingError> {
        check_new(&finding)?;
        Ok(FindingEvent::Assigned {
            id: self.next_id(),
            finding,
        })
    }

    /// Apply one event recorded at `at` by `operator`. Invalid events change nothing.
    pub fn apply_typed(
        &mut self,
        at: DateTime<Utc>,
        operator: &str,
        event: &FindingEvent,
    ) -> Result<(), FindingError> {
        let entry = HistoryEntry {
            at,
            operator: operator.to_string(),
            event: event.clone(),
        };
        match event {
            FindingEvent::Assigned { id, finding } => {
                if self.items.contains_key(id) {
                    return Err(FindingError::Duplicate(*id));
                }
                check_new(finding)?;
                self.items.insert(
                    *id,
                    Finding {
                        id: *id,
                        content: finding.clone(),
                        deadline: finding.deadline,
                        status: Status::Assigned,
                        assigned_at: at,
                        evidence: None,
                        rectified_at: None,
                        verified_at: None,
                        closed_at: None,
                        history: vec![entry],
                    },
                );
            }
            FindingEvent::Moved {
                id, to, evidence, ..
            } => {
                let f = self.items.get_mut(id).ok_or(FindingError::Unknown(*id))?;
                check_move(f, event)?;
                f.status = *to;
                match to {
                    Status::Rectified => {
                        f.evidence = evidence.clone();
                        f.rectified_at = Some(at);
                    }
                    Status::Verified => f.verified_at = Some(at),
                    Status::Closed => f.closed_at = Some(at),
                    Status::Rectifying | Status::Assigned => {}
                }
                f.history.push(entry);
            }
            FindingEvent::DeadlineChanged { id, to, .. } => {
                let f = self.items.get_mut(id).ok_or(FindingError::Unknown(*id))?;
                f.deadline = *to;
                f.history.push(entry);
            }
        }
        Ok(())
    }
}

fn check_new(f: &NewFinding) -> Result<(), FindingError> {
    if f.description.trim().is_empty() {
        return Err(FindingError::Empty(FindingField::Description));
    }
    if f.unit.trim().is_empty() {
        return Err(FindingError::Empty(FindingField::Unit));
    }
    Ok(())
}

fn check_move(f: &Finding, event: &FindingEvent) -> Result<(), FindingError> {
    let FindingEvent::Moved {
        id,
        from,
        to,
        evidence,
        ..
    } = event
    else {
        return Ok(());
    };
    if f.status != *from {
        return Err(FindingError::Stale {
            id: *id,
            expected: *from,
            actual: f.status,
        });
    }
    if !from.can_move_to(*to) {
        return Err(FindingError::NotAllowed {
            id: *id,
            from: *from,
            to: *to,
        });
    }
    if *to == Status::Rectified && evidence.as_ref().is_none_or(Evidence::is_empty) {
        return Err(FindingError::NoEvidence(*id));
    }
    Ok(())
}

/// The finding an alert becomes: `站点 人民会堂（1034A）2019-12-05 03:00 PM2.5 612 µg/m³ 爆表`.
pub fn from_alert(alert: AlertInput, unit: String, deadline: Option<NaiveDate>) -> NewFinding {
    let name = alert.station_name.as_deref().unwrap_or(&alert.station);
    // An index (AQI) has no unit: no stray space before the comma.
    let value_unit = if alert.unit_of_value.is_empty() {
        String::new()
    } else {
        format!(" {}", alert.unit_of_value)
    };
    let what = match &alert.kind {
        AlertKind::Burst => "爆表".to_string(),
        AlertKind::AboveNeighbours { neighbours_median } => {
            format!(
                "高于周边站点中位数 {}{value_unit}",
                fmt_value(*neighbours_median)
            )
        }
    };
    let description = format!(
        "站点 {name}（{}）{} {} {}{value_unit}，{what}，请核查周边污染源并反馈",
        alert.station,
        alert.at.format("%Y-%m-%d %H:%M"),
        alert.variable,
        fmt_value(alert.value),
    );
    NewFinding {
        source: "值守台告警".to_string(),
        origin: Origin::Alert {
            station: alert.station.clone(),
            station_name: alert.station_name.clone(),
            variable: alert.variable,
            at: alert.at,
            value: alert.value,
            kind: alert.kind,
        },
        reference: None,
        description,
        place: name.to_string(),
        unit,
        deadline,
    }
}

/// The finding a public report becomes.
pub fn from_report(
    report: PublicReportInput,
    unit: String,
    deadline: Option<NaiveDate>,
) -> NewFinding {
    NewFinding {
        source: format!("公众举报（{}）", report.channel),
        origin: Origin::PublicReport {
            channel: report.channel,
            received: report.received,
        },
        reference: report.reference,
        description: report.description,
        place: report.place,
        unit,
        deadline,
    }
}

/// A reading without needless decimals (612, 48.5).
fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cst(y: i32, m: u32, d: u32, h: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(8 * 3600)
            .expect("offset")
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("time")
    }

    fn utc(t: DateTime<FixedOffset>) -> DateTime<Utc> {
        t.with_timezone(&Utc)
    }

    fn new_finding(deadline: Option<NaiveDate>) -> NewFinding {
        NewFinding {
            source: "省第三督查组".into(),
            origin: Origin::Inspection,
            reference: Some("HB-12".into()),
            description: "工地未苫盖裸土".into(),
            place: "XX路工地".into(),
            unit: "住建局".into(),
            deadline,
        }
    }

    /// Decide a command and apply its event at `t`.
    fn run(state: &mut Findings, t: DateTime<FixedOffset>, cmd: FindingCommand) -> FindingEvent {
        let e = state.decide(cmd).expect("allowed");
        state.apply_typed(utc(t), "张三", &e).expect("applies");
        e
    }

    fn mv(id: FindingId, to: Status, evidence: Option<Evidence>) -> FindingCommand {
        FindingCommand::Move {
            id,
            to,
            note: String::new(),
            evidence,
        }
    }

    #[test]
    fn transitions_follow_the_table() {
        use Status::*;
        let allowed: Vec<(Status, Status)> = Status::ALL
            .iter()
            .flat_map(|&a| Status::ALL.iter().map(move |&b| (a, b)))
            .filter(|(a, b)| a.can_move_to(*b))
            .collect();
        assert_eq!(
            allowed,
            vec![
                (Assigned, Rectifying),
                (Assigned, Rectified),
                (Rectifying, Rectified),
                (Rectified, Rectifying),
                (Rectified, Verified),
                (Verified, Closed),
            ]
        );
    }

    #[test]
    fn full_cycle_with_evidence_and_rejection() {
        let mut s = Findings::new();
        let d = NaiveDate::from_ymd_opt(2019, 12, 10);
        let e = run(
            &mut s,
            cst(2019, 12, 5, 9),
            FindingCommand::Assign(new_finding(d)),
        );
        let id = e.id();
        assert_eq!((id, e.kind()), (FindingId(1), "finding.assigned"));
        assert_eq!(id.to_string(), "DB0001");
        // Skipping to verified is refused; rectified without evidence too.
        assert_eq!(
            s.decide(mv(id, Status::Verified, None)),
            Err(FindingError::NotAllowed {
                id,
                from: Status::Assigned,
                to: Status::Verified
            })
        );
        assert_eq!(
            s.decide(mv(id, Status::Rectified, Some(Evidence::default()))),
            Err(FindingError::NoEvidence(id))
        );
        run(
            &mut s,
            cst(2019, 12, 6, 9),
            mv(id, Status::Rectifying, None),
        );
        let ev = Evidence {
            text: "已苫盖".into(),
            files: vec!["photo1.jpg".into()],
        };
        run(
            &mut s,
            cst(2019, 12, 8, 9),
            mv(id, Status::Rectified, Some(ev.clone())),
        );
        // Verification fails: back to rectifying, then fixed again, verified, closed.
        run(
            &mut s,
            cst(2019, 12, 9, 9),
            mv(id, Status::Rectifying, None),
        );
        run(
            &mut s,
            cst(2019, 12, 9, 15),
            mv(id, Status::Rectified, Some(ev)),
        );
        run(&mut s, cst(2019, 12, 10, 9), mv(id, Status::Verified, None));
        run(&mut s, cst(2019, 12, 10, 10), mv(id, Status::Closed, None));
        let f = s.get(id).expect("finding");
        assert_eq!(f.status, Status::Closed);
        assert_eq!(f.history.len(), 7);
        assert_eq!(f.rectified_at, Some(utc(cst(2019, 12, 9, 15))));
        assert_eq!(f.closed_at, Some(utc(cst(2019, 12, 10, 10))));
        assert!(
            s.decide(mv(id, Status::Rectifying, None)).is_err(),
            "closed is final"
        );
        assert_eq!(s.counts(cst(2020, 1, 1, 0)).open, 0);
    }

    #[test]
    fn overdue_after_the_deadline_day_until_rectified() {
        let mut s = Findings::new();
        let d = NaiveDate::from_ymd_opt(2019, 12, 10);
        let id = run(
            &mut s,
            cst(2019, 12, 5, 9),
            FindingCommand::Assign(new_finding(d)),
        )
        .id();
        run(
            &mut s,
            cst(2019, 12, 5, 10),
            FindingCommand::Assign(new_finding(None)),
        );
        let f = s.get(id).expect("finding");
        assert!(
            !f.is_overdue(cst(2019, 12, 10, 23)),
            "the deadline day itself"
        );
        assert!(f.is_overdue(cst(2019, 12, 11, 0)));
        assert_eq!(f.days_overdue(cst(2019, 12, 13, 8)), 3);
        // 16:30 UTC on the 10th is already 00:30 on the 11th in Beijing.
        let late = Utc
            .with_ymd_and_hms(2019, 12, 10, 16, 30, 0)
            .single()
            .expect("t")
            .with_timezone(&FixedOffset::east_opt(8 * 3600).expect("o"));
        assert!(f.is_overdue(late));
        let c = s.counts(cst(2019, 12, 12, 0));
        assert_eq!((c.open, c.overdue, c.by_status[0]), (2, 1, 2));
        assert_eq!(s.overdue(cst(2019, 12, 12, 0)).len(), 1);
        // Extending the deadline or rectifying ends it.
        let e = s
            .decide(FindingCommand::ChangeDeadline {
                id,
                deadline: NaiveDate::from_ymd_opt(2019, 12, 20),
                reason: "设备采购".into(),
            })
            .expect("ok");
        let mut extended = s.clone();
        extended
            .apply_typed(utc(cst(2019, 12, 11, 9)), "李四", &e)
            .expect("applies");
        assert_eq!(extended.counts(cst(2019, 12, 12, 0)).overdue, 0);
        run(
            &mut s,
            cst(2019, 12, 12, 9),
            mv(
                id,
                Status::Rectified,
                Some(Evidence {
                    text: "done".into(),
                    files: vec![],
                }),
            ),
        );
        assert_eq!(s.counts(cst(2019, 12, 12, 10)).overdue, 0);
    }

    #[test]
    fn alert_and_report_become_assigned_findings() {
        let mut s = Findings::new();
        let alert = AlertInput {
            station: "1034A".into(),
            station_name: Some("人民会堂".into()),
            variable: "PM2.5".into(),
            unit_of_value: "µg/m³".into(),
            at: cst(2019, 12, 5, 3),
            value: 612.0,
            kind: AlertKind::AboveNeighbours {
                neighbours_median: 180.5,
            },
        };
        assert_eq!(s.handed_over(&alert), None);
        let e = run(
            &mut s,
            cst(2019, 12, 5, 4),
            FindingCommand::AssignFromAlert {
                alert: alert.clone(),
                unit: "长安区".into(),
                deadline: NaiveDate::from_ymd_opt(2019, 12, 6),
            },
        );
        let f = s.get(e.id()).expect("finding");
        assert_eq!(f.status, Status::Assigned);
        // The alert now names its finding; the same station an hour later does not.
        assert_eq!(s.handed_over(&alert), Some(e.id()));
        let later = AlertInput {
            at: cst(2019, 12, 5, 4),
            ..alert.clone()
        };
        assert_eq!(s.handed_over(&later), None);
        assert_eq!(f.content.place, "人民会堂");
        assert_eq!(
            f.content.description,
            "站点 人民会堂（1034A）2019-12-05 03:00 PM2.5 612 µg/m³，高于周边站点中位数 180.5 µg/m³，请核查周边污染源并反馈"
        );
        let report = PublicReportInput {
            channel: "12369".into(),
            reference: Some("JB2019-0031".into()),
            received: cst(2019, 12, 5, 20),
            description: "夜间露天焚烧垃圾".into(),
            place: "东村".into(),
        };
        let e = run(
            &mut s,
            cst(2019, 12, 5, 21),
            FindingCommand::AssignFromReport {
                report,
                unit: "东镇".into(),
                deadline: None,
            },
        );
        assert_eq!(e.id(), FindingId(2));
        let f = s.get(e.id()).expect("finding");
        assert_eq!(f.content.source, "公众举报（12369）");
        assert_eq!(f.content.reference.as_deref(), Some("JB2019-0031"));
        assert!(
            !f.is_overdue(cst(2030, 1, 1, 0)),
            "no deadline, never overdue"
        );
    }

    #[test]
    fn replays_from_the_journal() {
        use crate::journal::{Author, Fold, Replay, SqliteStorage, Storage};
        let mut journal = SqliteStorage::open_in_memory().expect("journal");
        let author = Author::new("张三", "desk-1").expect("author");
        let mut direct = Findings::new();
        let steps = [
            (
                cst(2019, 12, 5, 9),
                FindingCommand::Assign(new_finding(None)),
            ),
            (
                cst(2019, 12, 6, 9),
                mv(FindingId(1), Status::Rectifying, None),
            ),
        ];
        for (t, cmd) in steps {
            let e = direct.decide(cmd).expect("allowed");
            direct.apply_typed(utc(t), "张三", &e).expect("applies");
            journal
                .append(&author.draft(t, e.kind(), &e).expect("draft"))
                .expect("append");
        }
        // Another module's event and a payload under the wrong kind are passed over.
        journal
            .append(
                &author
                    .draft(cst(2019, 12, 6, 10), "warning.issued", &1)
                    .expect("draft"),
            )
            .expect("append");
        let wrong = FindingEvent::DeadlineChanged {
            id: FindingId(1),
            from: None,
            to: None,
            reason: "x".into(),
        };
        journal
            .append(
                &author
                    .draft(cst(2019, 12, 6, 11), "finding.moved", &wrong)
                    .expect("draft"),
            )
            .expect("append");
        let mut replay = Replay::new(Findings::new());
        replay.catch_up(&journal, Fold::apply).expect("replay");
        let state = replay.state();
        assert_eq!(state.get(FindingId(1)), direct.get(FindingId(1)));
        assert_eq!(state.skipped().len(), 1);
        assert_eq!(state.skipped()[0].0, 4);
    }

    #[test]
    fn fold_rebuilds_state_from_serialised_events_and_skips_bad_ones() {
        let mut s = Findings::new();
        let t1 = cst(2019, 12, 5, 9);
        let a = run(&mut s, t1, FindingCommand::Assign(new_finding(None)));
        let b = run(
            &mut s,
            cst(2019, 12, 6, 9),
            mv(a.id(), Status::Rectifying, None),
        );
        // Round-trip through JSON, as the journal stores them.
        let stored: Vec<String> = [&a, &b]
            .iter()
            .map(|e| serde_json::to_string(e).expect("json"))
            .collect();
        assert!(stored[1].contains("\"event\":\"moved\""), "{}", stored[1]);
        let mut events: Vec<FindingEvent> = stored
            .iter()
            .map(|j| serde_json::from_str(j).expect("parse"))
            .collect();
        // A stale duplicate of the move (decided on "assigned") must not apply twice.
        events.push(events[1].clone());
        let times = [utc(t1), utc(cst(2019, 12, 6, 9)), utc(cst(2019, 12, 6, 10))];
        let (state, errors) = Findings::fold(events.iter().zip(times).map(|(e, t)| (t, "张三", e)));
        assert_eq!(state, s);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, 2);
        assert!(matches!(errors[0].1, FindingError::Stale { .. }));
        // Unknown ids and empty descriptions are refused.
        let mut bad = new_finding(None);
        bad.description = "  ".into();
        assert_eq!(
            s.decide(FindingCommand::Assign(bad)),
            Err(FindingError::Empty(FindingField::Description))
        );
        assert_eq!(
            s.decide(mv(FindingId(9), Status::Rectifying, None)),
            Err(FindingError::Unknown(FindingId(9)))
        );
    }
}
