//! What can be wrong in an emission-reduction list, each problem with its file, the sheet's row,
//! the column's header and the reason (worded in both languages by `i18n::Render`).

use std::path::PathBuf;

use crate::domain::plan::Level;
use crate::ingest::reason::Reason;

/// Why a row, a cell or a file was not (wholly) used.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// The reader's own reason (file cannot be opened, unreadable CSV row, spreadsheet error).
    Reader(Reason),
    /// No header row with an enterprise column and at least one list column.
    NoHeader,
    /// No name or credit code, and no enterprise above to continue.
    NoEnterprise,
    /// No performance grade.
    MissingGrade,
    /// A grade that is none of A, 引领性, B, C, D, 非分级, 民生保障.
    UnknownGrade(String),
    /// An amount that is not a number.
    NotANumber(String),
    /// A negative amount.
    Negative(String),
    /// A level's reduction above the line's base (kg/d).
    AboveBase {
        /// The reduction.
        reduction: f64,
        /// The base.
        base: f64,
    },
    /// A level's reduction smaller than the milder level's (kg/d).
    BelowMilderLevel {
        /// The stricter level.
        level: Level,
        /// Its reduction.
        reduction: f64,
        /// The milder level.
        milder: Level,
        /// The milder level's reduction.
        milder_reduction: f64,
    },
    /// An amount column's header names no unit; read as kg/d.
    NoUnit,
    /// An amount column's header names a unit that is not known; the column is not used.
    UnknownUnit(String),
    /// The same enterprise has another value of this column on an earlier row.
    Conflict {
        /// The earlier row.
        first_row: u64,
        /// The value there.
        first: String,
        /// The value here.
        here: String,
    },
    /// The same enterprise and production line on an earlier row.
    DuplicateLine {
        /// The earlier row.
        first_row: u64,
    },
    /// An 18-character unified social credit code whose check character does not match.
    BadCreditCode(String),
    /// More problems in the file than are kept.
    MoreProblems(u64),
}

/// One problem of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListProblem {
    /// The file.
    pub file: PathBuf,
    /// The sheet's 1-based row (the CSV line), when the problem sits on a row.
    pub row: Option<u64>,
    /// The column's header text, when the problem sits in a column.
    pub column: Option<String>,
    /// What is wrong.
    pub issue: Issue,
}

impl ListProblem {
    /// Whether the problem made the whole file unusable.
    pub fn is_fatal(&self) -> bool {
        self.row.is_none() && matches!(self.issue, Issue::Reader(_) | Issue::NoHeader)
    }
}
