//! What a load tells the user: per file, what was read, what was kept, and every problem with
//! file, line, column and reason.

use std::path::{Path, PathBuf};

use crate::store::{Hour, Variable};

use super::Format;
use super::reason::{Note, Reason};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file (or its rest) could not be used at all.
    Error,
    /// A row, cell or value was skipped or not taken; the rest loaded.
    Warning,
}

/// One thing that went wrong, precise enough to find and fix in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// 1-based line number, when the problem sits on a line.
    pub line: Option<u64>,
    /// The column: 1-based number and, when known, its header (`"5 (1003A)"`).
    pub column: Option<String>,
    /// What is wrong, worded for the user by `crate::i18n`.
    pub reason: Reason,
    /// The offending line (shortened), to show beside the reason.
    pub excerpt: Option<String>,
    /// Error or warning.
    pub severity: Severity,
}

/// Most problems kept per file; further ones are only counted, so a systematically broken file of
/// millions of rows does not exhaust memory.
pub const MAX_PROBLEMS_PER_FILE: usize = 2000;

/// The outcome of loading one file.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// The detected format, `None` when it was not recognised.
    pub format: Option<Format>,
    /// The text encoding found (`UTF-8`, `GBK`, …), for text formats.
    pub encoding: Option<String>,
    /// Data rows read (header and blank lines not counted).
    pub rows_read: u64,
    /// Values taken into the store.
    pub values_kept: u64,
    /// Value cells seen, missing ones included (for the missing percentage).
    pub cells_seen: u64,
    /// Distinct stations (or locations) in the file.
    pub stations: usize,
    /// Variables found, by code.
    pub variables: Vec<Variable>,
    /// First and last hour holding a value, as local ISO-8601 stamps of the source.
    pub period: Option<(String, String)>,
    /// What the loader assumed or decided that the user should know but that is not a fault
    /// (the UTC offset taken for local times, a station code taken from the file name, a unit
    /// conversion, a section not loaded). Each is kept once.
    pub notes: Vec<Note>,
    /// Problems kept (at most [`MAX_PROBLEMS_PER_FILE`]).
    pub problems: Vec<Problem>,
    /// Problems beyond the kept ones, only counted.
    pub problems_not_shown: u64,
}

impl FileReport {
    /// An empty report for `path`.
    pub fn new(path: &Path) -> Self {
        FileReport {
            path: path.to_path_buf(),
            ..Default::default()
        }
    }

    /// Record a problem (kept up to the cap, counted beyond it).
    pub fn problem(
        &mut self,
        severity: Severity,
        line: Option<u64>,
        column: Option<String>,
        reason: Reason,
        excerpt: Option<&str>,
    ) {
        if self.problems.len() >= MAX_PROBLEMS_PER_FILE {
            self.problems_not_shown += 1;
            return;
        }
        self.problems.push(Problem {
            file: self.path.clone(),
            line,
            column,
            reason,
            excerpt: excerpt.map(shorten),
            severity,
        });
    }

    /// A warning about one cell.
    pub fn cell(&mut self, line: u64, column: usize, header: &str, reason: Reason) {
        let col = if header.is_empty() {
            format!("{column}")
        } else {
            format!("{column} ({header})")
        };
        self.problem(Severity::Warning, Some(line), Some(col), reason, None);
    }

    /// Record an assumption or decision (not a fault); the same note is kept once.
    pub fn note(&mut self, note: Note) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// A fatal problem for the whole file.
    pub fn fatal(&mut self, reason: Reason) {
        self.problem(Severity::Error, None, None, reason, None);
    }

    /// Whether the file could not be used at all.
    pub fn failed(&self) -> bool {
        self.values_kept == 0 && self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Total problems, shown and not shown.
    pub fn problem_count(&self) -> u64 {
        self.problems.len() as u64 + self.problems_not_shown
    }

    /// Share of value cells that were empty or rejected, in percent.
    pub fn missing_percent(&self) -> f64 {
        if self.cells_seen == 0 {
            return 0.0;
        }
        100.0 * (self.cells_seen.saturating_sub(self.values_kept)) as f64 / self.cells_seen as f64
    }

    /// Fill `stations`, `variables`, `values_kept` and `period` from a batch, and `cells_seen` when
    /// the loader did not count the cells itself.
    pub fn summarise(&mut self, batch: &super::Batch) {
        let mut codes: Vec<&str> = batch.stations.iter().map(|s| s.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        self.stations = codes.len();
        // One pass over the chunks (a national file hands over 25,000 of them).
        let mut seen = [false; Variable::ALL.len()];
        let mut cells = 0u64;
        let mut kept = 0u64;
        let mut span: Option<(Hour, Hour, i32)> = None;
        for c in &batch.chunks {
            seen[c.variable.index()] = true;
            cells += c.values.len() as u64;
            let Some(first) = c.values.iter().position(|v| !v.is_nan()) else {
                continue;
            };
            let last = c.values.iter().rposition(|v| !v.is_nan()).unwrap_or(first);
            kept += c.values[first..=last]
                .iter()
                .filter(|v| !v.is_nan())
                .count() as u64;
            let (a, b) = (c.start + first as i64, c.start + last as i64);
            let offset = batch.stations.get(c.station).map_or(0, |s| s.utc_offset_s);
            span = Some(match span {
                None => (a, b, offset),
                Some((lo, hi, o)) => (lo.min(a), hi.max(b), o),
            });
        }
        self.variables = Variable::ALL
            .into_iter()
            .filter(|v| seen[v.index()])
            .collect();
        if self.cells_seen == 0 {
            self.cells_seen = cells;
        }
        self.values_kept = kept;
        self.period =
            span.map(|(a, b, o)| (a.to_local(o).to_rfc3339(), b.to_local(o).to_rfc3339()));
    }
}

/// The outcome of loading several files.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// One report per file, in the order the files were merged (sorted by path).
    pub files: Vec<FileReport>,
}

impl LoadReport {
    /// All problems of all files.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.files.iter().flat_map(|f| f.problems.iter())
    }

    /// Total values taken into the store.
    pub fn values_kept(&self) -> u64 {
        self.files.iter().map(|f| f.values_kept).sum()
    }
}

/// Cut a line to a length that fits a report row, on a character boundary.
fn shorten(line: &str) -> String {
    const MAX: usize = 160;
    if line.chars().count() <= MAX {
        return line.to_string();
    }
    let mut s: String = line.chars().take(MAX).collect();
    s.push('…');
    s
}
