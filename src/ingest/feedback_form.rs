//! Feedback forms in (反馈表): the rows of a form a unit filled and sent back, read through the
//! bounded spreadsheet reader ([`super::sheet::read_sheet`]), by header name, so a form whose
//! visible columns are intact reads whatever else was added, hidden or moved.
//! [`crate::report::feedback_form`] writes them; the session checks and records the rows.

use std::path::Path;

use chrono::NaiveDateTime;

use super::input::parse_list_file;
use super::reason::{ListKind, Reason};
use super::report::FileReport;
use super::sheet::{SheetCell, SheetRow, parse_datetime, read_sheet};

/// The columns a form must have to be read (the app's and the unit's).
const REQUIRED: [&str; 6] = [
    "事项编号",
    "责任单位",
    "反馈状态",
    "反馈时间",
    "反馈人",
    "情况说明",
];

/// One filled row of a form, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    /// The sheet's 1-based row.
    pub row: u64,
    /// 事项编号.
    pub key: String,
    /// 责任单位 as the form names it.
    pub unit_name: String,
    /// 反馈状态; empty when the unit left the row unfilled.
    pub status: String,
    /// 反馈时间: `None` when empty, `Some(Err(text))` when it is not a time.
    pub reported_at: Option<Result<NaiveDateTime, String>>,
    /// 反馈人.
    pub reporter: String,
    /// 反馈渠道; empty when the column is absent or the cell empty.
    pub channel: String,
    /// 情况说明.
    pub text: String,
}

/// The rows of the feedback form in the file at `path` (read whole, within the list files' size
/// cap), or why it cannot be read: what the app's import job and `airdesk feedback import` both
/// read.
pub fn read_form_file(path: &Path) -> Result<Vec<FormRow>, Vec<Reason>> {
    let (rows, report) = parse_list_file(path, |bytes| {
        let mut report = FileReport::new(path);
        (read_form(bytes, &mut report), report)
    });
    rows.ok_or_else(|| report.problems.into_iter().map(|p| p.reason).collect())
}

/// The rows of a feedback form in `bytes` (.xlsx, .xls or CSV), or why the file cannot be read
/// (with the report that says so).
pub fn read_form(bytes: &[u8], report: &mut FileReport) -> Option<Vec<FormRow>> {
    let is_header = |cells: &[String]| {
        REQUIRED
            .iter()
            .all(|h| cells.iter().any(|c| c.trim() == *h))
    };
    let sheet = read_sheet(bytes, report, is_header, ListKind::FeedbackForm)?;
    let col = |name: &str| sheet.find(&[name]);
    let cols = [
        col("事项编号"),
        col("责任单位"),
        col("反馈状态"),
        col("反馈时间"),
        col("反馈人"),
        col("反馈渠道"),
        col("情况说明"),
    ];
    let text = |r: &SheetRow, c: Option<usize>| r.text(c).unwrap_or_default();
    let rows = sheet
        .rows
        .iter()
        .map(|r| FormRow {
            row: r.line,
            key: text(r, cols[0]),
            unit_name: text(r, cols[1]),
            status: text(r, cols[2]),
            reported_at: time(r.get(cols[3])),
            reporter: text(r, cols[4]),
            channel: text(r, cols[5]),
            text: text(r, cols[6]),
        })
        .collect();
    Some(rows)
}

/// A 反馈时间 cell: a spreadsheet date-time, or text such as `2019-12-22 08:30`.
fn time(cell: &SheetCell) -> Option<Result<NaiveDateTime, String>> {
    if let Some(t) = cell.as_datetime() {
        return Some(Ok(t));
    }
    let text = cell.text()?;
    Some(parse_datetime(&text).ok_or(text))
}
