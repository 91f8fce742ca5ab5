//! The reporting cycle at a moment: for each unit with items in an episode, which of its reports
//! are due, received (on time or late), late or missing — what the desk chases (催报) and what
//! the 通报 names.
//!
//! A unit's cycle is the shortest of its items' cycles (each item carries the cycle the plan
//! gave it when derived, see [`ReportingCycle`]); the items of listed enterprises carry none and
//! their reports do not count here: enterprises are followed item by item, the cycle is about
//! the units' own measures. Reports are due from the warning's start to its
//! lifting, except while paused. Any report the unit makes on any of its items from the start on
//! counts (receipt, implementation, problem, rectification; a receipt before the warning takes
//! effect is not a report on the response), at the time the unit reported it
//! ([`ItemChange::done_at`](super::ItemChange::done_at): the feedback record's time where known,
//! else when recorded).
//!
//! Each report belongs to one period: the first whose due time plus half a period it does not
//! pass. So a daily report by 16:00 made at 17:00 is that day's report, received late; one made
//! the next morning after 04:00 is the next day's, and the day before stays missing. A period is
//! **due** until its due time, **late** from then until half a period later with nothing
//! received, and **missing** after that.

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

use crate::domain::plan::{ReportingCycle, UnitKind, UnitTree};

use super::checklist::{Item, ItemStatus};
use super::state::{Episode, Phase};

/// Where one reporting period of a unit stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    /// The due time has not come and nothing is received yet.
    Due,
    /// Received by the due time.
    OnTime,
    /// Received after the due time (counted late in the unit's counts).
    ReceivedLate,
    /// The due time passed and nothing is received yet.
    Late,
    /// The period ended without a report.
    Missing,
}

/// One report a unit owes: its due time and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// When the report is due.
    pub due_at: DateTime<FixedOffset>,
    /// Where it stands.
    pub state: PeriodState,
    /// When the report counted for it was made, if one was.
    pub received_at: Option<DateTime<FixedOffset>>,
}

/// A unit's reporting over an episode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitReporting {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The cycle the unit reports on.
    pub cycle: ReportingCycle,
    /// Every period from the start up to a day ahead of the moment asked about, oldest first.
    pub periods: Vec<Period>,
}

impl UnitReporting {
    /// How many periods are in `state`.
    pub fn count(&self, state: PeriodState) -> usize {
        self.periods.iter().filter(|p| p.state == state).count()
    }

    /// Reports late over the episode: received late, or late now.
    pub fn late(&self) -> usize {
        self.count(PeriodState::ReceivedLate) + self.count(PeriodState::Late)
    }
}

/// One line of the due, late or missing lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owed {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// When the report is (or was) due.
    pub due_at: DateTime<FixedOffset>,
}

/// The reporting cycle of an episode at a moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reporting {
    /// Reports due within the next 24 hours, not yet received, soonest first.
    pub due: Vec<Owed>,
    /// Reports whose due time passed with nothing received yet (催报), longest late first.
    pub late: Vec<Owed>,
    /// Periods that ended without a report, oldest first.
    pub missing: Vec<Owed>,
    /// Every unit with a cycle, in checklist order.
    #[serde(skip)]
    pub units: Vec<UnitReporting>,
}

/// How far ahead the due list looks.
const DUE_WITHIN_HOURS: i64 = 24;

impl Reporting {
    /// The reporting of `episode` at `now`.
    pub fn of(episode: &Episode, now: DateTime<FixedOffset>) -> Reporting {
        let mut out = Reporting::default();
        for (unit, unit_name, cycle) in unit_cycles(episode) {
            let periods = periods(episode, &unit, cycle, now);
            let owed = |p: &Period| Owed {
                unit: unit.clone(),
                unit_name: unit_name.clone(),
                due_at: p.due_at,
            };
            for p in &periods {
                match p.state {
                    PeriodState::Due if p.due_at - now <= Duration::hours(DUE_WITHIN_HOURS) => {
                        out.due.push(owed(p));
                    }
                    PeriodState::Late => out.late.push(owed(p)),
                    PeriodState::Missing => out.missing.push(owed(p)),
                    _ => {}
                }
            }
            out.units.push(UnitReporting {
                unit,
                unit_name,
                cycle,
                periods,
            });
        }
        out.due.sort_by_key(|o| o.due_at);
        out.late.sort_by_key(|o| o.due_at);
        out.missing.sort_by_key(|o| o.due_at);
        out
    }

    /// The reporting of unit `unit`, if it has a cycle.
    pub fn unit(&self, unit: &str) -> Option<&UnitReporting> {
        self.units.iter().find(|u| u.unit == unit)
    }

    /// The reporting rolled up per township (乡镇/街道, the plan's units of kind `township`):
    /// each township's counts over itself and every village and grid below it, in plan order;
    /// townships with no unit on a cycle below them are left out.
    pub fn by_township(&self, tree: &UnitTree) -> Vec<TownshipReporting> {
        tree.units()
            .iter()
            .filter(|u| u.kind == UnitKind::Township)
            .filter_map(|township| {
                let below: Vec<&str> = tree
                    .subtree(&township.id)
                    .iter()
                    .map(|u| u.id.as_str())
                    .collect();
                let units: Vec<&UnitReporting> = self
                    .units
                    .iter()
                    .filter(|u| below.contains(&u.unit.as_str()))
                    .collect();
                if units.is_empty() {
                    return None;
                }
                let owed = |list: &[Owed]| {
                    list.iter()
                        .filter(|o| below.contains(&o.unit.as_str()))
                        .count()
                };
                let periods = |state: PeriodState| units.iter().map(|u| u.count(state)).sum();
                Some(TownshipReporting {
                    unit: township.id.clone(),
                    unit_name: township.name.clone(),
                    units: units.len(),
                    due: owed(&self.due),
                    received: periods(PeriodState::OnTime) + periods(PeriodState::ReceivedLate),
                    received_late: periods(PeriodState::ReceivedLate),
                    late: owed(&self.late),
                    missing: owed(&self.missing),
                })
            })
            .collect()
    }
}

/// A township's (乡镇/街道) reporting with its villages and grids: what the desk reads to see
/// which township is behind, and `response status --json` lists under `reporting.townships`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TownshipReporting {
    /// The township's unit id.
    pub unit: String,
    /// Its name.
    pub unit_name: String,
    /// Units on a cycle in its subtree (itself, villages, grids).
    pub units: usize,
    /// Reports due within the next 24 hours, not yet received.
    pub due: usize,
    /// Reports received, on time or late.
    pub received: usize,
    /// Reports received after their due time.
    pub received_late: usize,
    /// Reports whose due time passed with nothing received yet.
    pub late: usize,
    /// Periods that ended without a report.
    pub missing: usize,
}

/// Each unit with a cycle, in checklist order, with the shortest cycle of its items.
fn unit_cycles(episode: &Episode) -> Vec<(String, String, ReportingCycle)> {
    let mut out: Vec<(String, String, ReportingCycle)> = Vec::new();
    for item in &episode.items {
        let Some(cycle) = item.spec.reporting else {
            continue;
        };
        match out.iter_mut().find(|(u, _, _)| *u == item.key().unit) {
            Some(entry) if cycle.period_hours() < entry.2.period_hours() => entry.2 = cycle,
            Some(_) => {}
            None => out.push((item.key().unit.clone(), item.spec.unit_name.clone(), cycle)),
        }
    }
    out
}

/// The times `unit` reported on any of its own (not enterprise) items from `start` on, oldest
/// first.
fn reports_of(
    items: &[Item],
    unit: &str,
    start: DateTime<FixedOffset>,
) -> Vec<DateTime<FixedOffset>> {
    let mut times: Vec<DateTime<FixedOffset>> = items
        .iter()
        .filter(|i| i.key().unit == unit && i.spec.enterprise.is_none())
        .flat_map(|i| i.history.iter())
        .filter(|c| !matches!(c.status, ItemStatus::Notified | ItemStatus::Dropped))
        .map(|c| c.done_at())
        .filter(|t| *t >= start)
        .collect();
    times.sort();
    times
}

/// Whether the response was paused at `t`.
fn paused_at(episode: &Episode, t: DateTime<FixedOffset>) -> bool {
    episode
        .pauses
        .iter()
        .any(|p| p.pause.at <= t && p.resumed.as_ref().is_none_or(|(r, _)| t < r.at))
}

/// The periods of `unit` at `now`: due times from the start to a day past `now` (or to the
/// lifting), skipping pauses, each with the report it got.
fn periods(
    episode: &Episode,
    unit: &str,
    cycle: ReportingCycle,
    now: DateTime<FixedOffset>,
) -> Vec<Period> {
    let horizon = now + Duration::hours(DUE_WITHIN_HOURS);
    let until = match episode.phase() {
        Phase::Lifted { at } => at.min(horizon),
        _ => horizon,
    };
    let grace = Duration::minutes(i64::from(cycle.period_hours()) * 30);
    let reports = reports_of(&episode.items, unit, episode.start);
    let mut next_report = reports.iter().filter(|r| **r <= now).peekable();
    let mut out = Vec::new();
    for due_at in cycle.due_times(episode.start, until) {
        if paused_at(episode, due_at) {
            continue;
        }
        let close = due_at + grace;
        // Reports before this period's window belong to periods skipped (paused): pass them.
        let mut received_at = None;
        while let Some(r) = next_report.next_if(|r| **r <= close) {
            received_at.get_or_insert(*r);
        }
        let state = match received_at {
            Some(r) if r <= due_at => PeriodState::OnTime,
            Some(_) => PeriodState::ReceivedLate,
            None if now <= due_at => PeriodState::Due,
            None if now <= close => PeriodState::Late,
            None => PeriodState::Missing,
        };
        out.push(Period {
            due_at,
            state,
            received_at,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Unit;

    fn unit(id: &str, kind: UnitKind, parent: Option<&str>) -> Unit {
        Unit {
            id: id.into(),
            name: format!("{id}-name"),
            kind,
            parent: parent.map(Into::into),
            contact: String::new(),
            phone: String::new(),
            location: None,
        }
    }

    fn at(h: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2025-01-15T{h:02}:00:00+08:00")).expect("time")
    }

    fn unit_reporting(id: &str, states: &[PeriodState]) -> UnitReporting {
        UnitReporting {
            unit: id.into(),
            unit_name: format!("{id}-name"),
            cycle: ReportingCycle::Every { hours: 4 },
            periods: states
                .iter()
                .enumerate()
                .map(|(i, s)| Period {
                    due_at: at(4 * i as u32),
                    state: *s,
                    received_at: None,
                })
                .collect(),
        }
    }

    fn owed(id: &str) -> Owed {
        Owed {
            unit: id.into(),
            unit_name: format!("{id}-name"),
            due_at: at(8),
        }
    }

    /// A township counts its own reports and those of its villages and grids; a department or
    /// another township's grid does not count; a township with nobody on a cycle is left out.
    #[test]
    fn reporting_rolls_up_from_grids_to_their_township() {
        use PeriodState::*;
        let tree = UnitTree::from_checked(vec![
            unit("ee", UnitKind::Department, None),
            unit("town-a", UnitKind::Township, None),
            unit("a-v1", UnitKind::Village, Some("town-a")),
            unit("a-v1-g1", UnitKind::Grid, Some("a-v1")),
            unit("street-b", UnitKind::Township, None),
            unit("b-v1", UnitKind::Village, Some("street-b")),
            unit("town-c", UnitKind::Township, None),
        ]);
        let reporting = Reporting {
            due: vec![owed("a-v1-g1"), owed("b-v1"), owed("ee")],
            late: vec![owed("town-a"), owed("a-v1-g1"), owed("ee")],
            missing: vec![owed("a-v1"), owed("ee")],
            units: vec![
                unit_reporting("ee", &[Missing, Late, Due]),
                unit_reporting("town-a", &[OnTime, Late]),
                unit_reporting("a-v1", &[Missing, ReceivedLate]),
                unit_reporting("a-v1-g1", &[ReceivedLate, Late, Due]),
                unit_reporting("b-v1", &[OnTime, OnTime, Due]),
            ],
        };
        let rolled = reporting.by_township(&tree);
        let a = TownshipReporting {
            unit: "town-a".into(),
            unit_name: "town-a-name".into(),
            units: 3,
            due: 1,
            received: 3,
            received_late: 2,
            late: 2,
            missing: 1,
        };
        let b = TownshipReporting {
            unit: "street-b".into(),
            unit_name: "street-b-name".into(),
            units: 1,
            due: 1,
            received: 2,
            received_late: 0,
            late: 0,
            missing: 0,
        };
        assert_eq!(rolled, [a, b]);
        assert!(Reporting::default().by_township(&tree).is_empty());
    }
}
