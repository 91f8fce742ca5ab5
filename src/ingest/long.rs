//! The shared tail of long-format loaders (one value per row: station, time, parameter, unit,
//! value): stations created once per code, unknown parameters and unusable units reported once,
//! values converted, range-checked and collected, second values for an hour reported.

use std::collections::{HashMap, HashSet};

use crate::store::{Batch, Hour, SeriesKind, StampConvention, Station, Variable};

use super::collect::{Collector, Put};
use super::number::{Cell, check_range};
use super::reason::{Reason, Then};
use super::report::{FileReport, Severity};
use super::units::{Conversion, conversion};

/// Where a value sits in the file, for problems.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<'a> {
    /// 1-based line.
    pub line: u64,
    /// 1-based column of the value.
    pub column: usize,
    /// The value column's header.
    pub header: &'a str,
}

/// Stations, conversions and values of one long-format file.
#[derive(Default)]
pub(crate) struct LongRows {
    collector: Collector,
    stations: HashMap<String, usize>,
    warned: HashSet<String>,
    conversions: HashMap<(Variable, String), Option<Conversion>>,
}

impl LongRows {
    /// An empty sink.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The batch index of the station with `code`, made by `make` the first time.
    pub(crate) fn station(
        &mut self,
        batch: &mut Batch,
        code: &str,
        make: impl FnOnce() -> Station,
    ) -> usize {
        if let Some(&i) = self.stations.get(code) {
            return i;
        }
        let i = batch.station(make());
        self.stations.insert(code.to_string(), i);
        i
    }

    /// Report a parameter AirDesk does not use, once per name.
    pub(crate) fn unknown_parameter(
        &mut self,
        report: &mut FileReport,
        line: u64,
        column: String,
        name: &str,
    ) {
        if self.warned.insert(format!("parameter {name}")) {
            report.problem(
                Severity::Warning,
                Some(line),
                Some(column),
                Reason::UnknownParameter {
                    name: name.to_string(),
                },
                None,
            );
        }
    }

    /// Take one cell already read by the format's [`super::NumberFormat`].
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn value(
        &mut self,
        report: &mut FileReport,
        at: At<'_>,
        station: usize,
        variable: Variable,
        unit: &str,
        cell: Cell,
        hour: Hour,
    ) {
        report.cells_seen += 1;
        let bad =
            |report: &mut FileReport, reason| report.cell(at.line, at.column, at.header, reason);
        let x = match cell {
            Cell::Missing => return,
            Cell::Value(x) => x,
            Cell::Invalid(error) => return bad(report, Reason::cell(error, Then::Value)),
        };
        let key = (variable, unit.to_string());
        if !self.conversions.contains_key(&key) {
            let conv = match conversion(variable, unit) {
                Ok(c) => {
                    if let Some(n) = &c.note {
                        report.note(n.clone());
                    }
                    Some(c)
                }
                Err(error) => {
                    bad(report, Reason::cell(error, Then::RowsLikeIt));
                    None
                }
            };
            self.conversions.insert(key.clone(), conv);
        }
        let Some(Some(conv)) = self.conversions.get(&key) else {
            return;
        };
        let v = match check_range(variable, conv.apply(x)) {
            Ok(v) => v,
            Err(error) => return bad(report, Reason::cell(error, Then::Value)),
        };
        if let Put::Conflict(first) = self.collector.put(station, variable, hour, v) {
            let reason = Reason::ValueTwice {
                variable,
                first,
                second: v,
            };
            bad(report, reason);
        }
    }

    /// Hand everything to the batch.
    pub(crate) fn finish(self, batch: &mut Batch, kind: SeriesKind, stamp: StampConvention) {
        self.collector.finish(batch, kind, stamp);
    }
}
