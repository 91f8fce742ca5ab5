//! The emission-reduction list (应急减排清单) as loaded: enterprises, their production lines, and
//! per line the base emissions, the measure and the reductions at each warning level.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::plan::{Grade, Level};

use super::amounts::{Amounts, Pollutant};

/// The levels a list gives measures and reductions for, mildest first.
pub const LIST_LEVELS: [Level; 3] = [Level::Yellow, Level::Orange, Level::Red];

/// Position of `level` in [`LIST_LEVELS`]; `None` for levels a list does not cover.
pub fn list_level_index(level: Level) -> Option<usize> {
    LIST_LEVELS.iter().position(|l| *l == level)
}

/// One production line (生产线/工序) of an enterprise: one row of the list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// The line or process step as written; empty when the row stands for the whole enterprise.
    pub name: String,
    /// The file (index into [`ReductionList::files`]) and the sheet's 1-based row it came from.
    pub source: (usize, u64),
    /// Base (daily) emissions, kg/d.
    pub base: Amounts,
    /// Reductions at yellow, orange and red, kg/d (index as [`LIST_LEVELS`]).
    pub reduction: [Amounts; 3],
    /// The measure (一厂一策) at yellow, orange and red; empty when the row gives none.
    pub measures: [String; 3],
    /// Key indicators (关键指标) as written: header text and value (用电量 kWh/d, 产量 …).
    pub indicators: Vec<(String, String)>,
}

/// An enterprise of the list with its lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Enterprise {
    /// What rows are grouped by: the unified social credit code, else the name.
    pub key: String,
    /// Name (企业名称).
    pub name: String,
    /// Unified social credit code (统一社会信用代码), when the list gives one.
    pub credit_code: Option<String>,
    /// Township or street (所属乡镇（街道）) as written; empty when not given.
    pub township: String,
    /// Industry (行业) as written.
    pub industry: String,
    /// Performance grade or special category.
    pub grade: Grade,
    /// Supervising department (监管部门) as written; empty when not given.
    pub department: String,
    /// People and numbers: header text and value (驻厂员, 监管人, 联系电话 …).
    pub contacts: Vec<(String, String)>,
    /// Production lines, in list order (at least one).
    pub lines: Vec<Line>,
}

impl Enterprise {
    /// Base emissions of all lines, kg/d.
    pub fn base(&self) -> Amounts {
        let mut total = Amounts::default();
        for l in &self.lines {
            total.add(&l.base);
        }
        total
    }

    /// Reductions of all lines at `level` (zero for levels the list does not cover), kg/d.
    pub fn reduction(&self, level: Level) -> Amounts {
        let mut total = Amounts::default();
        if let Some(i) = list_level_index(level) {
            for l in &self.lines {
                total.add(&l.reduction[i]);
            }
        }
        total
    }

    /// The enterprise's measure at `level`: the lines' measure when they share one, else each
    /// line's measure after its name; empty when the list gives none.
    pub fn measure(&self, level: Level) -> String {
        let Some(i) = list_level_index(level) else {
            return String::new();
        };
        let given: Vec<(&str, &str)> = self
            .lines
            .iter()
            .map(|l| (l.name.as_str(), l.measures[i].trim()))
            .filter(|(_, m)| !m.is_empty())
            .collect();
        let Some(&(_, first)) = given.first() else {
            return String::new();
        };
        if given.iter().all(|(_, m)| *m == first) {
            return first.to_owned();
        }
        let mut parts: Vec<String> = Vec::new();
        for (name, m) in given {
            let part = if name.is_empty() {
                m.to_owned()
            } else {
                format!("{name}：{m}")
            };
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts.join("；")
    }
}

/// A file the list was read from, with the SHA-256 of its bytes, so an issued checklist can name
/// exactly which list it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListFile {
    /// The file's name (without its folder).
    pub name: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

/// Which list a warning's enterprise items were derived from: recorded in the journal event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRef {
    /// The files with their hashes.
    pub files: Vec<ListFile>,
    /// Enterprises in the list.
    pub enterprises: usize,
    /// Lines (rows loaded) in the list.
    pub lines: usize,
}

/// The loaded list: enterprises in list order and the files they came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReductionList {
    /// Enterprises, in the order they first appear.
    pub enterprises: Vec<Enterprise>,
    /// The files read, in the order given.
    pub files: Vec<ListFile>,
}

impl ReductionList {
    /// Number of production lines (rows loaded).
    pub fn line_count(&self) -> usize {
        self.enterprises.iter().map(|e| e.lines.len()).sum()
    }

    /// The reference an event records.
    pub fn reference(&self) -> ListRef {
        ListRef {
            files: self.files.clone(),
            enterprises: self.enterprises.len(),
            lines: self.line_count(),
        }
    }

    /// Enterprises per grade (only grades that occur).
    pub fn by_grade(&self) -> BTreeMap<Grade, usize> {
        let mut out = BTreeMap::new();
        for e in &self.enterprises {
            *out.entry(e.grade).or_insert(0) += 1;
        }
        out
    }

    /// Base emissions of the whole list, kg/d.
    pub fn base(&self) -> Amounts {
        let mut total = Amounts::default();
        for e in &self.enterprises {
            total.add(&e.base());
        }
        total
    }

    /// Reductions of the whole list at `level`, kg/d.
    pub fn reduction(&self, level: Level) -> Amounts {
        let mut total = Amounts::default();
        for e in &self.enterprises {
            total.add(&e.reduction(level));
        }
        total
    }

    /// The enterprise with `key`.
    pub fn enterprise(&self, key: &str) -> Option<&Enterprise> {
        self.enterprises.iter().find(|e| e.key == key)
    }

    /// Distinct townships, industries, in first-seen order (for filters).
    pub fn townships(&self) -> Vec<&str> {
        distinct(self.enterprises.iter().map(|e| e.township.as_str()))
    }

    /// Distinct industries, in first-seen order (for filters).
    pub fn industries(&self) -> Vec<&str> {
        distinct(self.enterprises.iter().map(|e| e.industry.as_str()))
    }

    /// The enterprises that reduce most of `pollutant` at `level`, largest first, at most `n`
    /// (ties by list order); enterprises without a reduction are left out.
    pub fn top_contributors(
        &self,
        level: Level,
        pollutant: Pollutant,
        n: usize,
    ) -> Vec<(&Enterprise, f64)> {
        let mut all: Vec<(&Enterprise, f64)> = self
            .enterprises
            .iter()
            .map(|e| (e, e.reduction(level).get(pollutant)))
            .filter(|(_, r)| *r > 0.0)
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1));
        all.truncate(n);
        all
    }

    /// [`ReductionList::top_contributors`] on one line as the CLI and the app show it
    /// ("name kg/d · name kg/d …"); empty when nobody reduces `pollutant` at `level`.
    pub fn top_contributors_line(&self, level: Level, pollutant: Pollutant, n: usize) -> String {
        let top: Vec<String> = self
            .top_contributors(level, pollutant, n)
            .iter()
            .map(|(e, r)| format!("{} {r:.1}", e.name))
            .collect();
        top.join(" · ")
    }
}

fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in items {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
