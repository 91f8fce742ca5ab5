//! The response ledger (应急措施台账): every checklist item of every episode — who was told to do
//! what, when they acknowledged and implemented it, feedback, evidence, problems and their
//! rectification — as CSV (UTF-8 with BOM, so Excel on Chinese Windows opens it correctly) or
//! .xlsx (overdue rows in red). Column headers are Chinese.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook};

use crate::domain::response::{Episode, Item, ItemStatus, ResponseState};
use crate::i18n::ZH;

use super::ledger::{LedgerError, save_as};
use super::spreadsheet::xlsx_text;

/// Column headers, in order.
pub const HEADERS: [&str; 20] = [
    "序号",
    "预警过程",
    "预警级别",
    "措施编号",
    "措施类别",
    "措施内容",
    "责任单位",
    "牵头/配合",
    "下达时间",
    "完成时限",
    "当前状态",
    "签收时间",
    "落实时间",
    "落实情况",
    "佐证材料",
    "问题情况",
    "整改时间",
    "整改情况",
    "是否逾期",
    "最后记录人",
];

/// Column widths in the spreadsheet (characters).
const WIDTHS: [f64; 20] = [
    6.0, 10.0, 10.0, 11.0, 14.0, 48.0, 24.0, 9.0, 17.0, 17.0, 10.0, 17.0, 17.0, 30.0, 22.0, 30.0,
    17.0, 30.0, 12.0, 10.0,
];

/// One ledger row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    /// Cell texts, one per [`HEADERS`] column.
    pub cells: Vec<String>,
    /// Whether the item is overdue (shown in red).
    pub overdue: bool,
}

/// The ledger rows of episode `episode` (all episodes when `None`), overdue judged at `now`.
pub fn ledger_rows(
    state: &ResponseState,
    episode: Option<u32>,
    now: DateTime<FixedOffset>,
) -> Vec<LedgerRow> {
    let episodes = state.episodes().iter();
    rows_of(
        episodes.filter(|e| episode.is_none_or(|n| e.number == n)),
        now,
    )
}

/// The ledger rows of campaign run `run` (all runs when `None`): the same columns, the campaign
/// named where a warning's episode and level go.
pub fn campaign_ledger_rows(
    state: &ResponseState,
    run: Option<u32>,
    now: DateTime<FixedOffset>,
) -> Vec<LedgerRow> {
    let runs = state.campaigns().iter();
    rows_of(runs.filter(|e| run.is_none_or(|n| e.number == n)), now)
}

fn rows_of<'a>(
    episodes: impl Iterator<Item = &'a Episode>,
    now: DateTime<FixedOffset>,
) -> Vec<LedgerRow> {
    let mut rows = Vec::new();
    for e in episodes {
        for item in &e.items {
            rows.push(row(rows.len() + 1, e, item, now));
        }
    }
    rows
}

fn row(n: usize, e: &Episode, item: &Item, now: DateTime<FixedOffset>) -> LedgerRow {
    let clock = e.clock(now);
    let overdue = item.is_late(clock);
    let t = |c: Option<&crate::domain::response::ItemChange>| {
        c.map_or_else(String::new, |c| crate::report::table_time(&c.stamp.at))
    };
    let done = item.done();
    let evidence: Vec<&str> = item
        .history
        .iter()
        .filter_map(|c| c.evidence.as_ref().map(|f| f.name.as_str()))
        .collect();
    let problems: Vec<String> = item
        .problems()
        .map(|c| format!("{} {}", crate::report::table_time(&c.stamp.at), c.text))
        .collect();
    let rectified = item.last(ItemStatus::Rectified);
    let overdue_text = if !item.status.is_live() {
        "—".to_owned()
    } else if item.done_late() {
        "是（逾期落实）".to_owned()
    } else if overdue {
        "是".to_owned()
    } else if clock.is_none() && item.status.awaits_implementation() {
        "解除时未落实".to_owned()
    } else {
        "否".to_owned()
    };
    let (episode, level) = match &e.campaign {
        Some(c) => (
            format!("{}（第{}次）", c.name, e.number),
            "专项行动".to_owned(),
        ),
        None => (
            format!("第{}次", e.number),
            ZH.level(item.spec.level).to_owned(),
        ),
    };
    let cells = vec![
        n.to_string(),
        episode,
        level,
        item.key().measure.clone(),
        ZH.measure_category(item.spec.category).to_owned(),
        item.spec.text.clone(),
        item.spec.unit_name.clone(),
        if item.spec.lead { "牵头" } else { "配合" }.to_owned(),
        t(item.history.first()),
        crate::report::table_time(&item.deadline),
        ZH.item_status(item.status).to_owned(),
        t(item.acknowledged()),
        t(done),
        done.map_or_else(String::new, |c| c.text.clone()),
        evidence.join("；"),
        problems.join("；"),
        t(rectified),
        rectified.map_or_else(String::new, |c| c.text.clone()),
        overdue_text,
        item.history
            .last()
            .map_or_else(String::new, |c| c.stamp.operator.clone()),
    ];
    LedgerRow { cells, overdue }
}

/// Write the ledger as CSV: a UTF-8 byte-order mark, the header row, the rows (formula-like
/// cells marked, see [`super::spreadsheet`]).
pub fn write_csv<W: Write>(out: W, rows: &[LedgerRow]) -> std::io::Result<()> {
    super::spreadsheet::write_csv(out, &HEADERS, rows.iter().map(|r| &r.cells))
}

/// The ledger as an .xlsx workbook in memory.
pub fn xlsx_bytes(rows: &[LedgerRow]) -> Result<Vec<u8>, LedgerError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("应急措施台账")?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let normal = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let late = normal.clone().set_font_color(Color::RGB(0xC00000));
    for (c, (name, width)) in HEADERS.iter().zip(WIDTHS).enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, *name, &header)?;
        sheet.set_column_width(c, width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        let format = if row.overdue { &late } else { &normal };
        for (c, cell) in row.cells.iter().enumerate() {
            let c = c as u16;
            if c == 0 {
                let n: f64 = cell.parse().unwrap_or(f64::from(r));
                sheet.write_number_with_format(r, c, n, format)?;
            } else {
                sheet.write_string_with_format(r, c, xlsx_text(cell), format)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, (HEADERS.len() - 1) as u16)?;
    Ok(book.save_to_buffer()?)
}

/// Write the ledger to `path`, as CSV or .xlsx by its extension.
pub fn write_file(path: &Path, rows: &[LedgerRow]) -> Result<(), LedgerError> {
    save_as(path, |buf| write_csv(buf, rows), || xlsx_bytes(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{drill, fresh, t};
    use calamine::{Data, Reader, Xlsx};

    const NOON: &str = "2025-01-15T12:00:00+08:00";

    #[test]
    fn csv_starts_with_a_bom_and_reads_back() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let rows = ledger_rows(s.model(), None, t(NOON));
        let items = s.model().latest().expect("episode").items.len();
        assert_eq!(rows.len(), items);
        let mut buf = Vec::new();
        write_csv(&mut buf, &rows).expect("csv");
        assert!(buf.starts_with(&[0xEF, 0xBB, 0xBF]));
        let mut r = csv::Reader::from_reader(&buf[3..]);
        let headers = r.headers().expect("headers").clone();
        assert_eq!(headers.iter().collect::<Vec<_>>(), HEADERS);
        let records: Vec<csv::StringRecord> = r.records().map(|x| x.expect("record")).collect();
        assert_eq!(records.len(), rows.len());
        let overdue: Vec<&csv::StringRecord> = records.iter().filter(|r| &r[18] == "是").collect();
        assert_eq!(overdue.len(), 1);
        assert_eq!(&overdue[0][3], "O-SUP-2");
        assert_eq!(&overdue[0][6], "河东镇人民政府");
        let dust = records
            .iter()
            .find(|r| &r[3] == "O-DUST-1" && &r[6] == "县住房和城乡建设局")
            .expect("row");
        assert_eq!(&dust[10], "存在问题");
        assert_eq!(&dust[11], "2025-01-14 16:21");
        assert_eq!(&dust[12], "2025-01-15 08:00");
        assert!(dust[13].contains("全县32个工地已停止露天施工"));
        assert_eq!(&dust[14], "evidence/zjj-dust.jpg");
        assert!(dust[15].contains("土方作业"));
        assert_eq!(&dust[19], "张伟");
    }

    #[test]
    fn xlsx_reads_back_with_calamine() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let rows = ledger_rows(s.model(), Some(1), t(NOON));
        let bytes = xlsx_bytes(&rows).expect("xlsx");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("open");
        let range = book.worksheet_range("应急措施台账").expect("sheet");
        assert_eq!(range.height(), rows.len() + 1);
        assert_eq!(range.width(), HEADERS.len());
        let get = |r: usize, c: usize| range.get((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(get(0, 5), Data::String("措施内容".into()));
        assert_eq!(get(1, 0), Data::Float(1.0));
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(get(i + 1, 3), Data::String(row.cells[3].clone()));
            assert_eq!(get(i + 1, 18), Data::String(row.cells[18].clone()));
        }
        assert!(ledger_rows(s.model(), Some(2), t(NOON)).is_empty());
    }

    /// One definition of 逾期 (#11 item 14): the items the after-action summary counts as
    /// implemented late are exactly the ledger's rows marked late-implemented; before, the summary
    /// counted them by recorded time and the ledger said 否 for the same rows.
    #[test]
    fn the_ledger_and_the_summary_agree_on_late_items() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let episode = s.model().episode(1).expect("episode");
        let summary_late: usize = crate::report::after_action::outcomes(episode)
            .iter()
            .map(|u| u.done_late)
            .sum();
        let rows = ledger_rows(s.model(), Some(1), t(NOON));
        let ledger_late = rows
            .iter()
            .filter(|r| r.cells[18] == "是（逾期落实）")
            .count();
        assert!(summary_late > 0, "the drill implements some items late");
        assert_eq!(ledger_late, summary_late);
        assert!(
            rows.iter()
                .filter(|r| r.cells[18].starts_with('是'))
                .all(|r| r.overdue)
        );
    }

    /// Feedback typed as a formula stays text in the CSV, and a feedback longer than an .xlsx
    /// cell holds is cut instead of failing the whole export (#11 item 5).
    #[test]
    fn hostile_feedback_is_neutralised_and_long_text_fits() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let mut rows = ledger_rows(s.model(), Some(1), t(NOON));
        rows[0].cells[13] = "=HYPERLINK(\"http://example.invalid\",\"点此\")".into();
        rows[1].cells[13] = "长".repeat(40_000);
        let mut csv = Vec::new();
        write_csv(&mut csv, &rows).expect("csv");
        let text = String::from_utf8(csv).expect("utf-8");
        assert!(text.contains("\"'=HYPERLINK("), "{}", &text[..300]);
        let bytes = xlsx_bytes(&rows).expect("an over-long cell does not fail the export");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("open");
        let range = book.worksheet_range("应急措施台账").expect("sheet");
        match range.get((2, 13)) {
            Some(Data::String(cut)) => assert_eq!(cut.chars().count(), 32_767),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn files_by_extension() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let rows = ledger_rows(s.model(), None, t(NOON));
        let dir = tempfile::tempdir().expect("dir");
        write_file(&dir.path().join("台账.CSV"), &rows).expect("csv");
        write_file(&dir.path().join("台账.xlsx"), &rows).expect("xlsx");
        let csv = std::fs::read(dir.path().join("台账.CSV")).expect("read");
        assert!(csv.starts_with("\u{FEFF}".as_bytes()));
        let xlsx = std::fs::read(dir.path().join("台账.xlsx")).expect("read");
        assert!(xlsx.starts_with(b"PK"));
        let err = write_file(&dir.path().join("台账.txt"), &rows).expect_err("extension");
        assert!(matches!(err, LedgerError::Extension(_)), "{err}");
    }
}
