//! Inspection findings lists (问题清单: a ministry or provincial inspection's list, a county's own
//! patrol list) from CSV or spreadsheets, Chinese or English headers, into findings to assign.
//!
//! Columns: description (问题描述) and responsible unit (责任单位) are required; source (来源),
//! reference (编号), place (地点/企业名称), deadline (整改时限) and found date (发现时间) are read
//! when present. Deadlines written as words are understood: `立行立改`/`立即整改` = the day found
//! (or the import day), `长期坚持`/`持续整改` = no deadline.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::findings::{NewFinding, Origin};

use super::reason::{CellError, ListKind, Reason, Then};
use super::report::FileReport;
use super::sheet::{Sheet, has, read_sheet};

const DESCRIPTION: &[&str] = &[
    "问题描述",
    "存在问题",
    "问题内容",
    "主要问题",
    "问题",
    "描述",
    "description",
    "problem",
    "finding",
];
const UNIT: &[&str] = &[
    "责任单位",
    "整改责任单位",
    "责任部门",
    "属地",
    "责任主体",
    "responsibleunit",
    "responsible",
    "unit",
];
const SOURCE: &[&str] = &["来源", "问题来源", "督查组", "检查组", "交办单位", "source"];
const REFERENCE: &[&str] = &["编号", "问题编号", "序号", "no", "no.", "id", "reference"];
const PLACE: &[&str] = &[
    "地点",
    "位置",
    "点位",
    "企业名称",
    "单位名称",
    "项目名称",
    "place",
    "location",
    "site",
];
const DEADLINE: &[&str] = &[
    "整改时限",
    "完成时限",
    "整改期限",
    "时限",
    "deadline",
    "due",
];
const FOUND: &[&str] = &[
    "发现时间",
    "检查时间",
    "发现日期",
    "检查日期",
    "交办时间",
    "date",
    "found",
];

const NOW_WORDS: &[&str] = &["立行立改", "立即整改", "立即", "马上整改", "即知即改"];
const STANDING_WORDS: &[&str] = &["长期坚持", "持续整改", "长期", "持续推进"];

/// Read a findings list file (see [`parse_findings`]).
pub fn read_findings_file(
    path: &Path,
    default_source: &str,
    today: NaiveDate,
) -> (Vec<NewFinding>, FileReport) {
    super::input::parse_list_file(path, |bytes| {
        parse_findings(path, bytes, default_source, today)
    })
}

/// Parse a findings list. `default_source` names the inspection when the list has no source
/// column; `today` (the import day, from the caller's clock) is the deadline of `立行立改` items
/// without a found date. Rows without a description or unit are skipped and reported.
pub fn parse_findings(
    path: &Path,
    bytes: &[u8],
    default_source: &str,
    today: NaiveDate,
) -> (Vec<NewFinding>, FileReport) {
    let mut report = FileReport::new(path);
    let Some(sheet) = read_sheet(
        bytes,
        &mut report,
        |h| has(h, DESCRIPTION) && has(h, UNIT),
        ListKind::Findings,
    ) else {
        return (Vec::new(), report);
    };
    let cols = Columns::find(&sheet);
    let mut out = Vec::new();
    for row in &sheet.rows {
        let missing = |col: Option<usize>, reason: Reason, report: &mut FileReport| {
            report.cell(
                row.line,
                col.map_or(0, |c| c + 1),
                col.map_or("", |c| sheet.header_of(c)),
                reason,
            );
        };
        let Some(description) = row.text(cols.description) else {
            missing(cols.description, Reason::NoDescription, &mut report);
            continue;
        };
        let Some(unit) = row.text(cols.unit) else {
            missing(cols.unit, Reason::NoUnit, &mut report);
            continue;
        };
        let found = row.get(cols.found).as_date();
        if cols.found.is_some() && found.is_none() && row.text(cols.found).is_some() {
            report.cell(
                row.line,
                cols.found.map_or(0, |c| c + 1),
                cols.found.map_or("", |c| sheet.header_of(c)),
                Reason::cell(
                    CellError::NotADate {
                        text: row.text(cols.found).unwrap_or_default(),
                    },
                    Then::Ignored,
                ),
            );
        }
        let deadline_cell = row.get(cols.deadline);
        let deadline = match (deadline_cell.as_date(), deadline_cell.text()) {
            (Some(d), _) => Some(d),
            (None, None) => None,
            (None, Some(t)) if NOW_WORDS.iter().any(|w| t.contains(w)) => {
                Some(found.unwrap_or(today))
            }
            (None, Some(t)) if STANDING_WORDS.iter().any(|w| t.contains(w)) => None,
            (None, Some(t)) => {
                report.cell(
                    row.line,
                    cols.deadline.map_or(0, |c| c + 1),
                    cols.deadline.map_or("", |c| sheet.header_of(c)),
                    Reason::BadDeadline { text: t },
                );
                None
            }
        };
        out.push(NewFinding {
            source: row
                .text(cols.source)
                .unwrap_or_else(|| default_source.to_string()),
            origin: Origin::Inspection,
            reference: row.text(cols.reference),
            description,
            place: row.text(cols.place).unwrap_or_default(),
            unit,
            deadline,
        });
    }
    report.values_kept = out.len() as u64;
    (out, report)
}

struct Columns {
    description: Option<usize>,
    unit: Option<usize>,
    source: Option<usize>,
    reference: Option<usize>,
    place: Option<usize>,
    deadline: Option<usize>,
    found: Option<usize>,
}

impl Columns {
    fn find(sheet: &Sheet) -> Self {
        Columns {
            description: sheet.find(DESCRIPTION),
            unit: sheet.find(UNIT),
            source: sheet.find(SOURCE),
            reference: sheet.find(REFERENCE),
            place: sheet.find(PLACE),
            deadline: sheet.find(DEADLINE),
            found: sheet.find(FOUND),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn list_with_word_deadlines_and_bad_rows() {
        let text = "序号,发现时间,问题描述,企业名称,责任单位,整改时限\n\
                    1,2019-12-03,物料堆场未苫盖,XX建材,东镇,2019-12-10\n\
                    2,2019-12-03,\"道路扬尘，\n洒水不到位\",XX路,城管局,立行立改\n\
                    3,2019-12-04,燃煤锅炉未淘汰,XX厂,工信局,长期坚持\n\
                    4,2019-12-04,,XX厂,工信局,2019-12-20\n\
                    5,2019-12-04,露天烧烤,夜市,,2019-12-20\n\
                    6,12月4日,施工未停工,XX工地,住建局,尽快\n";
        let today = date(2019, 12, 15);
        let (items, report) = parse_findings(
            Path::new("清单.csv"),
            text.as_bytes(),
            "省第三督查组",
            today,
        );
        let got: Vec<(Option<&str>, &str, Option<NaiveDate>)> = items
            .iter()
            .map(|f| (f.reference.as_deref(), f.unit.as_str(), f.deadline))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("1"), "东镇", Some(date(2019, 12, 10))),
                (Some("2"), "城管局", Some(date(2019, 12, 3))),
                (Some("3"), "工信局", None),
                (Some("6"), "住建局", None),
            ]
        );
        assert_eq!(items[0].source, "省第三督查组");
        assert_eq!(items[0].place, "XX建材");
        assert_eq!(items[1].description, "道路扬尘，\n洒水不到位");
        let problems: Vec<(Option<u64>, Option<&str>)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        // The quoted two-line cell moves the later rows one line down.
        assert_eq!(
            problems,
            vec![
                (Some(6), Some("3 (问题描述)")),
                (Some(7), Some("5 (责任单位)")),
                (Some(8), Some("2 (发现时间)")),
                (Some(8), Some("6 (整改时限)")),
            ],
            "{:?}",
            report.problems
        );
        assert_eq!(report.values_kept, 4);
    }

    #[test]
    fn xlsx_list_with_english_headers_and_source_column() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in ["Source", "Description", "Place", "Unit", "Deadline"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).expect("write");
        }
        for (c, v) in [
            "MEE inspection",
            "Open burning",
            "East village",
            "East town",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(1, c as u16, *v).expect("write");
        }
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 12, 31).expect("date");
        let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(1, 4, &d, &f).expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        let (items, report) =
            parse_findings(Path::new("list.xlsx"), &bytes, "unused", date(2020, 1, 1));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].source, "MEE inspection");
        assert_eq!(items[0].deadline, Some(date(2019, 12, 31)));
        let (_, report) = parse_findings(
            Path::new("x.csv"),
            "name,phone\na,1\n".as_bytes(),
            "s",
            date(2020, 1, 1),
        );
        assert!(report.failed());
    }
}
