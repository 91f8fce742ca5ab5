//! The supervision ledger (督办台账): every finding with its status, deadline and dates, as CSV
//! (UTF-8 with BOM, so Excel on Chinese Windows opens it correctly) or .xlsx (overdue rows in red).

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};

use crate::domain::findings::{Finding, Findings};
use crate::i18n::{Language, Tr};

use super::spreadsheet::xlsx_text;

/// What the ledger needs besides the findings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LedgerOptions {
    /// The moment the ledger is made (decides "overdue"); its offset is used for all times.
    pub now: DateTime<FixedOffset>,
    /// Header language.
    pub language: Language,
}

/// Why a ledger could not be written.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// Writing the file failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The spreadsheet writer failed.
    #[error("cannot write the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The file name has no `.csv` or `.xlsx` extension.
    #[error("{0}: the ledger is written as .csv or .xlsx")]
    Extension(String),
}

const HEADERS_ZH: [&str; 16] = [
    "编号",
    "来源",
    "来源编号",
    "问题描述",
    "地点",
    "责任单位",
    "交办时间",
    "整改时限",
    "状态",
    "是否超期",
    "超期天数",
    "整改情况",
    "佐证材料",
    "整改完成时间",
    "核查时间",
    "销号时间",
];

const HEADERS_EN: [&str; 16] = [
    "No.",
    "Source",
    "Source ref.",
    "Description",
    "Place",
    "Responsible unit",
    "Assigned",
    "Deadline",
    "Status",
    "Overdue",
    "Days overdue",
    "Rectification",
    "Evidence files",
    "Rectified",
    "Verified",
    "Closed",
];

/// Column of "是否超期" (for highlighting).
const OVERDUE_COLUMN: usize = 9;

/// The ledger as a header and rows of text, in finding-number order.
pub fn ledger_table(
    findings: &Findings,
    options: &LedgerOptions,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let headers = match options.language {
        Language::Zh => HEADERS_ZH.to_vec(),
        Language::En => HEADERS_EN.to_vec(),
    };
    let rows = findings.iter().map(|f| row(f, options)).collect();
    (headers, rows)
}

fn row(f: &Finding, o: &LedgerOptions) -> Vec<String> {
    let zh = o.language == Language::Zh;
    let offset = *o.now.offset();
    let time = |t: Option<DateTime<Utc>>| {
        t.map_or(String::new(), |t| {
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
    };
    let overdue = f.days_overdue(o.now);
    vec![
        f.id.to_string(),
        f.content.source.clone(),
        f.content.reference.clone().unwrap_or_default(),
        f.content.description.clone(),
        f.content.place.clone(),
        f.content.unit.clone(),
        time(Some(f.assigned_at)),
        f.deadline.map_or_else(
            || if zh { "长期" } else { "standing" }.to_string(),
            |d| d.to_string(),
        ),
        Tr(o.language).finding_status(f.status).to_string(),
        match (overdue > 0, zh) {
            (true, true) => "是",
            (false, true) => "否",
            (true, false) => "yes",
            (false, false) => "no",
        }
        .to_string(),
        if overdue > 0 {
            overdue.to_string()
        } else {
            String::new()
        },
        f.evidence
            .as_ref()
            .map_or(String::new(), |e| e.text.clone()),
        f.evidence
            .as_ref()
            .map_or(String::new(), |e| e.files.join("; ")),
        time(f.rectified_at),
        time(f.verified_at),
        time(f.closed_at),
    ]
}

/// Write the ledger as CSV, UTF-8 with BOM.
pub fn write_csv(
    findings: &Findings,
    options: &LedgerOptions,
    out: impl Write,
) -> std::io::Result<()> {
    let (headers, rows) = ledger_table(findings, options);
    super::spreadsheet::write_csv(out, &headers, rows)
}

/// The ledger as .xlsx bytes: bold header, frozen header row, overdue rows in red.
pub fn xlsx_bytes(findings: &Findings, options: &LedgerOptions) -> Result<Vec<u8>, LedgerError> {
    use rust_xlsxwriter::{Color, Format, Workbook};
    let (headers, rows) = ledger_table(findings, options);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(match options.language {
        Language::Zh => "督办台账",
        Language::En => "Findings ledger",
    })?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let red = Format::new()
        .set_font_color(Color::RGB(0xC00000))
        .set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let overdue_word = match options.language {
        Language::Zh => "是",
        Language::En => "yes",
    };
    for (r, cells) in rows.iter().enumerate() {
        let fmt = if cells.get(OVERDUE_COLUMN).map(String::as_str) == Some(overdue_word) {
            &red
        } else {
            &wrap
        };
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(r as u32 + 1, c as u16, xlsx_text(v), fmt)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    for (c, width) in [(3u16, 40.0), (1, 16.0), (4, 16.0), (5, 14.0), (11, 30.0)] {
        ws.set_column_width(c, width)?;
    }
    Ok(book.save_to_buffer()?)
}

/// Write a ledger to `path` as CSV (`csv` fills the bytes) or .xlsx (`xlsx` makes them), chosen
/// by the file's extension: the one place every kind of ledger is saved through, atomically and
/// never through a symbolic link placed at `path`.
pub fn save_as(
    path: &Path,
    csv: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    xlsx: impl FnOnce() -> Result<Vec<u8>, LedgerError>,
) -> Result<(), LedgerError> {
    let io = |source| LedgerError::Io {
        path: path.display().to_string(),
        source,
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match ext.as_deref() {
        Some("csv") => {
            let mut buf = Vec::new();
            csv(&mut buf).map_err(io)?;
            buf
        }
        Some("xlsx") => xlsx()?,
        _ => return Err(LedgerError::Extension(path.display().to_string())),
    };
    crate::workspace::write_atomic(path, &bytes).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::findings::{Evidence, FindingCommand, NewFinding, Origin, Status};
    use crate::ingest::sheet::read_sheet;
    use chrono::{NaiveDate, TimeZone};

    fn cst(d: u32, h: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(8 * 3600)
            .expect("offset")
            .with_ymd_and_hms(2019, 12, d, h, 0, 0)
            .single()
            .expect("time")
    }

    fn sample() -> Findings {
        let mut s = Findings::new();
        for (desc, deadline) in [("堆场未苫盖, \"A\"区", Some(10)), ("道路扬尘", None)] {
            let e = s
                .decide(FindingCommand::Assign(NewFinding {
                    source: "省督查组".into(),
                    origin: Origin::Inspection,
                    reference: None,
                    description: desc.into(),
                    place: "东镇".into(),
                    unit: "东镇政府".into(),
                    deadline: deadline.and_then(|d| NaiveDate::from_ymd_opt(2019, 12, d)),
                }))
                .expect("ok");
            s.apply_typed(cst(5, 9).with_timezone(&Utc), "张三", &e)
                .expect("apply");
        }
        let e = s
            .decide(FindingCommand::Move {
                id: crate::domain::findings::FindingId(2),
                to: Status::Rectified,
                note: String::new(),
                evidence: Some(Evidence {
                    text: "已洒水".into(),
                    files: vec!["a.jpg".into(), "b.jpg".into()],
                }),
            })
            .expect("ok");
        s.apply_typed(cst(6, 15).with_timezone(&Utc), "李四", &e)
            .expect("apply");
        s
    }

    #[test]
    fn csv_ledger_has_bom_quotes_and_overdue_marks() {
        let options = LedgerOptions {
            now: cst(12, 9),
            language: Language::Zh,
        };
        let mut buf = Vec::new();
        write_csv(&sample(), &options, &mut buf).expect("csv");
        assert!(buf.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(buf[3..].to_vec()).expect("utf8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], HEADERS_ZH.join(","));
        assert_eq!(
            lines[1],
            "DB0001,省督查组,,\"堆场未苫盖, \"\"A\"\"区\",东镇,东镇政府,2019-12-05 09:00,2019-12-10,已交办,是,2,,,,,"
        );
        assert_eq!(
            lines[2],
            "DB0002,省督查组,,道路扬尘,东镇,东镇政府,2019-12-05 09:00,长期,已整改,否,,已洒水,a.jpg; b.jpg,2019-12-06 15:00,,"
        );
    }

    #[test]
    fn xlsx_ledger_reads_back() {
        let options = LedgerOptions {
            now: cst(12, 9),
            language: Language::En,
        };
        let bytes = xlsx_bytes(&sample(), &options).expect("xlsx");
        let mut report = crate::ingest::FileReport::new(std::path::Path::new("ledger.xlsx"));
        let sheet = read_sheet(
            &bytes,
            &mut report,
            |h| h.iter().any(|c| c == "No."),
            crate::ingest::reason::ListKind::Ledger,
        )
        .expect("sheet");
        assert_eq!(sheet.header, HEADERS_EN.to_vec());
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(
            sheet.rows[0].text(Some(OVERDUE_COLUMN)).as_deref(),
            Some("yes")
        );
        assert_eq!(sheet.rows[1].text(Some(7)).as_deref(), Some("standing"));
    }
}
