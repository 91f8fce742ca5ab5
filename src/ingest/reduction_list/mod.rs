//! Emission-reduction lists (应急减排清单) from CSV or spreadsheets: one row per enterprise or per
//! production line, rows of one enterprise grouped by 统一社会信用代码 (else by name), headers
//! recognised as provincial templates write them ([`columns`]), amounts converted to kg/d.
//!
//! A row continues the enterprise above when its name and code are empty (merged cells in a
//! spreadsheet leave them so); its empty grade, township, industry and department cells take the
//! enterprise's. A row with any problem — unknown or missing grade, an amount that is not a
//! number or negative, a reduction above the base, a level's reduction below the milder
//! level's, a value differing from the enterprise's earlier rows, a repeated line, a bad credit
//! code — is not loaded, and every problem is reported with file, row, column and reason; the
//! other rows load. Total rows (合计, 小计) are skipped.

mod columns;
mod problem;

pub use problem::{Issue, ListProblem};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::plan::Grade;
use crate::domain::reduction::{
    Amounts, Enterprise, LIST_LEVELS, Line, ListFile, Pollutant, ReductionList,
};

use super::number::{Cell, NumberFormat};
use super::reason::{CellError, ListKind, Reason};
use super::report::{FileReport, MAX_PROBLEMS_PER_FILE};
use super::sheet::{Sheet, SheetCell, SheetRow, read_sheet};
use columns::{Field, Unit, classify, combine, fold, is_header, is_sub_header, unit_of};

/// The lists read and what was wrong with them.
#[derive(Debug, Clone, Default)]
pub struct ListLoad {
    /// Enterprises of every file, grouped across files.
    pub list: ReductionList,
    /// Every problem, in file and row order.
    pub problems: Vec<ListProblem>,
}

impl ListLoad {
    /// Whether no file could be used at all (each unreadable or without a header).
    pub fn nothing_usable(&self) -> bool {
        let fatal = self.problems.iter().filter(|p| p.is_fatal()).count();
        fatal >= self.list.files.len()
    }
}

/// Read list files (CSV or spreadsheets) in the order given.
pub fn read_lists(paths: &[PathBuf]) -> ListLoad {
    let mut builder = Builder::default();
    for path in paths {
        match crate::ingest::input::read_file(path, crate::ingest::input::MAX_LIST_BYTES) {
            Ok(bytes) => builder.file(path, &bytes),
            Err(e) => {
                builder.list.files.push(ListFile {
                    name: file_name(path),
                    sha256: String::new(),
                });
                builder.problems.push(ListProblem {
                    file: path.clone(),
                    row: None,
                    column: None,
                    issue: Issue::Reader(e.reason()),
                });
            }
        }
    }
    builder.finish()
}

/// Parse list files given as bytes (for tests, benchmarks and the fuzz target). Never panics.
pub fn parse_lists(files: &[(&Path, &[u8])]) -> ListLoad {
    let mut builder = Builder::default();
    for (path, bytes) in files {
        builder.file(path, bytes);
    }
    builder.finish()
}

/// Cells that mean "nothing" in an amount column.
const NOTHING: NumberFormat<'static> = NumberFormat {
    missing: &["/", "／", "-", "－", "—", "——", "无", "n/a", "N/A"],
    decimal_comma: false,
};

/// A recognised column.
struct Column {
    index: usize,
    header: String,
    field: Field,
    /// kg/d per unit of the cell, for amounts.
    factor: f64,
}

/// Where an enterprise's identity values came from, to name the row on a conflict.
struct Seen {
    enterprise: usize,
    row: u64,
}

#[derive(Default)]
struct Builder {
    list: ReductionList,
    problems: Vec<ListProblem>,
    by_key: HashMap<String, Seen>,
    /// (enterprise, [`line_key`]) → row, for repeated lines.
    lines: HashMap<(usize, String), u64>,
}

impl Builder {
    fn file(&mut self, path: &Path, bytes: &[u8]) {
        let file = self.list.files.len();
        self.list.files.push(ListFile {
            name: file_name(path),
            sha256: hex(&Sha256::digest(bytes)),
        });
        let before = self.problems.len();
        let mut report = FileReport::new(path);
        let sheet = read_sheet(bytes, &mut report, is_header, ListKind::ReductionList);
        for p in &report.problems {
            let issue = match sheet {
                None if matches!(p.reason, Reason::NoHeaderRow { .. }) => Issue::NoHeader,
                _ => Issue::Reader(p.reason.clone()),
            };
            self.problems.push(ListProblem {
                file: path.to_path_buf(),
                row: p.line,
                column: None,
                issue,
            });
        }
        if let Some(sheet) = sheet {
            let mut reader = FileReader {
                path,
                file,
                problems: Vec::new(),
            };
            let (columns, first_data) = reader.columns(&sheet);
            let mut previous: Option<usize> = None;
            for row in &sheet.rows[first_data..] {
                previous = reader.row(self, &columns, row, previous);
            }
            self.problems.append(&mut reader.problems);
        }
        cap(&mut self.problems, before, path);
    }

    fn finish(self) -> ListLoad {
        ListLoad {
            list: self.list,
            problems: self.problems,
        }
    }
}

/// Keep at most [`MAX_PROBLEMS_PER_FILE`] problems of the file whose problems start at `from`.
fn cap(problems: &mut Vec<ListProblem>, from: usize, path: &Path) {
    let n = problems.len() - from;
    if n > MAX_PROBLEMS_PER_FILE {
        problems.truncate(from + MAX_PROBLEMS_PER_FILE);
        problems.push(ListProblem {
            file: path.to_path_buf(),
            row: None,
            column: None,
            issue: Issue::MoreProblems((n - MAX_PROBLEMS_PER_FILE) as u64),
        });
    }
}

/// The name a list file is recorded under: its file name (the hash tells copies apart).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The values of one row, read and checked.
#[derive(Default)]
struct RowValues {
    name: Option<String>,
    code: Option<String>,
    township: Option<String>,
    industry: Option<String>,
    grade: Option<(String, usize)>,
    department: Option<String>,
    line: String,
    base: Amounts,
    has_base: [bool; 4],
    reduction: [Amounts; 3],
    reduction_column: [[Option<usize>; 4]; 3],
    measures: [String; 3],
    indicators: Vec<(String, String)>,
    contacts: Vec<(String, String)>,
}

struct FileReader<'a> {
    path: &'a Path,
    file: usize,
    problems: Vec<ListProblem>,
}

impl FileReader<'_> {
    fn problem(&mut self, row: Option<u64>, column: Option<&str>, issue: Issue) {
        self.problems.push(ListProblem {
            file: self.path.to_path_buf(),
            row,
            column: column.map(str::to_owned),
            issue,
        });
    }

    /// The recognised columns, and the index of the first data row (after any header rows
    /// continuing the first).
    fn columns(&mut self, sheet: &Sheet) -> (Vec<Column>, usize) {
        let mut header = sheet.header.clone();
        let mut first_data = 0;
        let mut header_row = sheet.rows.first().map_or(0, |r| r.line.saturating_sub(1));
        while let Some(row) = sheet.rows.get(first_data) {
            let cells: Vec<String> = (0..row.cells.len())
                .map(|c| row.text(Some(c)).unwrap_or_default())
                .collect();
            let identity: Vec<usize> = (0..header.len())
                .filter(|&c| classify(&header[c]).is_some_and(Field::is_identity))
                .collect();
            let combined = combine(&header, &cells);
            if !is_sub_header(&cells, &identity) || specific(&combined) <= specific(&header) {
                break;
            }
            header = combined;
            header_row = row.line;
            first_data += 1;
        }
        let mut columns = Vec::new();
        for (index, text) in header.iter().enumerate() {
            let Some(field) = classify(text) else {
                continue;
            };
            // The first column of a kind counts; indicators and contacts may be many.
            let many = matches!(field, Field::Indicator | Field::Contact);
            if !many && columns.iter().any(|c: &Column| c.field == field) {
                continue;
            }
            let mut factor = 1.0;
            if field.is_amount() {
                match unit_of(&fold(text)) {
                    Unit::Factor(f) => factor = f,
                    Unit::Missing => self.problem(Some(header_row), Some(text), Issue::NoUnit),
                    Unit::Unknown(u) => {
                        self.problem(Some(header_row), Some(text), Issue::UnknownUnit(u));
                        continue;
                    }
                }
            }
            columns.push(Column {
                index,
                header: text.trim().to_owned(),
                field,
                factor,
            });
        }
        (columns, first_data)
    }

    /// Read one data row into the list; returns the enterprise the next row may continue.
    fn row(
        &mut self,
        b: &mut Builder,
        columns: &[Column],
        row: &SheetRow,
        previous: Option<usize>,
    ) -> Option<usize> {
        if is_total_row(row) {
            return previous;
        }
        let before = self.problems.len();
        let v = self.values(columns, row);
        let continues = v.name.is_none() && v.code.is_none();
        let existing = if continues {
            previous
        } else {
            b.by_key.get(&key_of(&v)).map(|s| s.enterprise)
        };
        if continues && previous.is_none() {
            let col = header_of(columns, Field::Name).or(header_of(columns, Field::CreditCode));
            self.problem(Some(row.line), col, Issue::NoEnterprise);
            return previous;
        }
        let grade = self.grade(columns, row, &v, existing.map(|e| &b.list.enterprises[e]));
        if let Some(code) = &v.code
            && !credit_code_ok(code)
        {
            let col = header_of(columns, Field::CreditCode);
            self.problem(Some(row.line), col, Issue::BadCreditCode(code.clone()));
        }
        if self.problems.len() == before {
            self.check_amounts(columns, row, &v);
        }
        let line_key = line_key(&v);
        if let Some(e) = existing {
            self.check_conflicts(columns, row, &v, grade, &b.list.enterprises[e], b);
            if let Some(&first_row) = b.lines.get(&(e, line_key.clone())) {
                let col = header_of(columns, Field::Line).or(header_of(columns, Field::Name));
                self.problem(Some(row.line), col, Issue::DuplicateLine { first_row });
            }
        }
        let Some(grade) = grade.filter(|_| self.problems.len() == before) else {
            // Rows continuing a row not loaded have no enterprise to join.
            return if continues { previous } else { existing };
        };
        let e = match existing {
            Some(e) => e,
            None => {
                let enterprise = Enterprise {
                    key: key_of(&v),
                    name: v.name.clone().or(v.code.clone()).unwrap_or_default(),
                    credit_code: v.code.clone(),
                    township: v.township.clone().unwrap_or_default(),
                    industry: v.industry.clone().unwrap_or_default(),
                    grade,
                    department: v.department.clone().unwrap_or_default(),
                    contacts: Vec::new(),
                    lines: Vec::new(),
                };
                b.by_key.insert(
                    enterprise.key.clone(),
                    Seen {
                        enterprise: b.list.enterprises.len(),
                        row: row.line,
                    },
                );
                b.list.enterprises.push(enterprise);
                b.list.enterprises.len() - 1
            }
        };
        let enterprise = &mut b.list.enterprises[e];
        for c in v.contacts {
            if !enterprise.contacts.contains(&c) {
                enterprise.contacts.push(c);
            }
        }
        b.lines.insert((e, line_key), row.line);
        enterprise.lines.push(Line {
            name: v.line,
            source: (self.file, row.line),
            base: v.base,
            reduction: v.reduction,
            measures: v.measures,
            indicators: v.indicators,
        });
        Some(e)
    }

    fn values(&mut self, columns: &[Column], row: &SheetRow) -> RowValues {
        let mut v = RowValues::default();
        for c in columns {
            let text = row.text(Some(c.index));
            match c.field {
                Field::Name => v.name = text,
                Field::CreditCode => v.code = text.map(|t| t.to_ascii_uppercase()),
                Field::Township => v.township = text,
                Field::Industry => v.industry = text,
                Field::Grade => v.grade = text.map(|t| (t, c.index)),
                Field::Line => v.line = text.unwrap_or_default(),
                Field::Department => v.department = text,
                Field::Measure(l) => v.measures[l] = text.unwrap_or_default(),
                Field::Indicator => {
                    if let Some(t) = text {
                        v.indicators.push((c.header.clone(), t));
                    }
                }
                Field::Contact => {
                    if let Some(t) = text {
                        v.contacts.push((c.header.clone(), t));
                    }
                }
                Field::Base(p) => {
                    if let Some(x) = self.amount(row, c) {
                        v.base.set(p, x);
                    }
                    v.has_base[p as usize] = true;
                }
                Field::Reduction(l, p) => {
                    if let Some(x) = self.amount(row, c) {
                        v.reduction[l].set(p, x);
                    }
                    v.reduction_column[l][p as usize] = Some(c.index);
                }
            }
        }
        v
    }

    /// An amount cell in kg/d: `None` (and a problem) when it is not a number or negative; 0
    /// when empty or a dash.
    fn amount(&mut self, row: &SheetRow, c: &Column) -> Option<f64> {
        let cell = row.get(Some(c.index));
        let value = match cell {
            SheetCell::Empty => Cell::Missing,
            SheetCell::Number(n) => Cell::Value(*n),
            SheetCell::Text(t) => NOTHING.parse(t),
            SheetCell::DateTime(_) | SheetCell::Time(_) => Cell::Invalid(CellError::NotANumber {
                text: cell.text().unwrap_or_default(),
            }),
        };
        let raw = || cell.text().unwrap_or_default();
        match value {
            Cell::Missing => Some(0.0),
            Cell::Value(x) if x.is_finite() && x >= 0.0 => Some(x * c.factor),
            Cell::Value(x) if x.is_finite() => {
                self.problem(Some(row.line), Some(&c.header), Issue::Negative(raw()));
                None
            }
            Cell::Value(_) | Cell::Invalid(_) => {
                self.problem(Some(row.line), Some(&c.header), Issue::NotANumber(raw()));
                None
            }
        }
    }

    /// The row's grade, or the enterprise's when the row leaves it empty.
    fn grade(
        &mut self,
        columns: &[Column],
        row: &SheetRow,
        v: &RowValues,
        existing: Option<&Enterprise>,
    ) -> Option<Grade> {
        match (&v.grade, existing) {
            (Some((text, _)), _) => {
                let g = Grade::parse(text);
                if g.is_none() {
                    let col = header_of(columns, Field::Grade);
                    self.problem(Some(row.line), col, Issue::UnknownGrade(text.clone()));
                }
                g
            }
            (None, Some(e)) => Some(e.grade),
            (None, None) => {
                let col = header_of(columns, Field::Grade);
                self.problem(Some(row.line), col, Issue::MissingGrade);
                None
            }
        }
    }

    /// Reductions within the base, and each level at least the milder level's.
    fn check_amounts(&mut self, columns: &[Column], row: &SheetRow, v: &RowValues) {
        let header = |i: Option<usize>| {
            i.and_then(|i| columns.iter().find(|c| c.index == i))
                .map(|c| c.header.clone())
        };
        for p in Pollutant::ALL {
            let pi = p as usize;
            for (l, &level) in LIST_LEVELS.iter().enumerate() {
                let r = v.reduction[l].get(p);
                let col = header(v.reduction_column[l][pi]);
                if v.has_base[pi] && r > v.base.get(p) * (1.0 + 1e-9) {
                    let base = v.base.get(p);
                    let issue = Issue::AboveBase { reduction: r, base };
                    self.problem(Some(row.line), col.as_deref(), issue);
                }
                let milder = (0..l).rev().find(|&m| v.reduction_column[m][pi].is_some());
                if let Some(m) = milder
                    && v.reduction_column[l][pi].is_some()
                    && r < v.reduction[m].get(p) * (1.0 - 1e-9)
                {
                    let issue = Issue::BelowMilderLevel {
                        level,
                        reduction: r,
                        milder: LIST_LEVELS[m],
                        milder_reduction: v.reduction[m].get(p),
                    };
                    self.problem(Some(row.line), col.as_deref(), issue);
                }
            }
        }
    }

    /// The row's grade, township, industry and department agree with the enterprise's.
    fn check_conflicts(
        &mut self,
        columns: &[Column],
        row: &SheetRow,
        v: &RowValues,
        grade: Option<Grade>,
        e: &Enterprise,
        b: &Builder,
    ) {
        let first_row = b.by_key.get(&e.key).map_or(0, |s| s.row);
        let mut differs = |field: Field, here: Option<String>, first: &str| {
            if let Some(here) = here
                && here != first
            {
                let col = header_of(columns, field);
                let first = first.to_owned();
                self.problem(
                    Some(row.line),
                    col,
                    Issue::Conflict {
                        first_row,
                        first,
                        here,
                    },
                );
            }
        };
        if let (Some(g), Some((text, _))) = (grade, &v.grade)
            && g != e.grade
        {
            differs(Field::Grade, Some(text.clone()), e.grade.label());
        }
        differs(Field::Township, v.township.clone(), &e.township);
        differs(Field::Industry, v.industry.clone(), &e.industry);
        differs(Field::Department, v.department.clone(), &e.department);
    }
}

/// How many columns a header row says precisely what they hold (amounts and measures).
fn specific(header: &[String]) -> usize {
    header
        .iter()
        .filter_map(|h| classify(h))
        .filter(|f| f.is_amount() || matches!(f, Field::Measure(_)))
        .count()
}

fn header_of(columns: &[Column], field: Field) -> Option<&str> {
    columns
        .iter()
        .find(|c| c.field == field)
        .map(|c| c.header.as_str())
}

/// What makes a line of an enterprise distinct: its name, or for unnamed lines its figures (a
/// row repeated whole is a duplicate; unnamed lines with other figures are other lines).
fn line_key(v: &RowValues) -> String {
    if v.line.is_empty() {
        format!("{:?}{:?}", v.base, v.reduction)
    } else {
        v.line.clone()
    }
}

fn key_of(v: &RowValues) -> String {
    v.code.clone().or(v.name.clone()).unwrap_or_default()
}

/// A 合计/总计/小计 row at the foot of a list: its first cell with content says so.
fn is_total_row(row: &SheetRow) -> bool {
    let first = row.cells.iter().find_map(|c| match c {
        SheetCell::Empty => None,
        SheetCell::Text(t) if t.trim().is_empty() => None,
        SheetCell::Text(t) => Some(t.as_str()),
        _ => Some(""),
    });
    first.is_some_and(|t| {
        t.len() <= 16 && {
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            matches!(
                t.trim_end_matches([':', '：']),
                "合计" | "总计" | "小计" | "总合计" | "total"
            )
        }
    })
}

const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The check character of the first 17 characters of a unified social credit code
/// (GB 32100-2015); `None` when they are not 17 characters of the code alphabet.
fn check_character(first17: &[u8]) -> Option<u8> {
    const WEIGHTS: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (b, w) in first17.iter().zip(WEIGHTS) {
        sum += CODE_ALPHABET.iter().position(|a| a == b)? * w;
    }
    Some(CODE_ALPHABET[(31 - sum % 31) % 31])
}

/// A unified social credit code: the 17 characters given and their check character (for
/// synthetic lists: the sample, tests, benchmarks).
pub fn credit_code(first17: &str) -> Option<String> {
    let c = check_character(first17.as_bytes())?;
    Some(format!("{first17}{}", c as char))
}

/// Whether a credit code is well-formed: codes of 18 characters from the code alphabet must
/// carry the right check character; other codes (old registration numbers) are taken as written.
fn credit_code_ok(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 18 || !b.iter().all(|c| CODE_ALPHABET.contains(c)) {
        return true;
    }
    check_character(&b[..17]) == Some(b[17])
}

#[cfg(test)]
mod tests;
