//! The season budget's daily ledger (目标核算逐日台账) as CSV (UTF-8 with BOM, so Excel on Chinese
//! Windows opens it) or .xlsx (heavy days in red): one row per elapsed season day, the same rows
//! the target page shows and `airdesk budget --ledger` prints.

use std::io::Write;

use crate::domain::budget::Budget;

use super::ledger::LedgerError;
use super::spreadsheet::xlsx_text;
use crate::i18n::Language;

const HEADERS_ZH: [&str; 11] = [
    "日期",
    "第几天",
    "有效站点",
    "站点总数",
    "PM2.5日均值（未修约）",
    "计入值",
    "AQI",
    "重污染日",
    "累计均值",
    "剩余允许均值",
    "累计重污染天数",
];

const HEADERS_EN: [&str; 11] = [
    "Date",
    "Day",
    "Valid stations",
    "Stations",
    "PM2.5 daily mean (exact)",
    "Counted",
    "AQI",
    "Heavy day",
    "Mean so far",
    "Remaining allowed mean",
    "Heavy days so far",
];

/// Column of "重污染日" (for highlighting).
const HEAVY_COLUMN: usize = 7;

fn num(x: Option<f64>, decimals: usize) -> String {
    x.map_or(String::new(), |v| format!("{v:.decimals$}"))
}

/// The ledger as a header and rows of text, oldest day first. Exact values with two decimals,
/// counted values as rounded by the budget's convention.
pub fn ledger_table(budget: &Budget, language: Language) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let headers = match language {
        Language::Zh => HEADERS_ZH.to_vec(),
        Language::En => HEADERS_EN.to_vec(),
    };
    let yes = match language {
        Language::Zh => "是",
        Language::En => "yes",
    };
    let rows = budget
        .ledger
        .iter()
        .map(|r| {
            vec![
                r.date.to_string(),
                r.day.to_string(),
                r.stations_valid.to_string(),
                r.stations_total.to_string(),
                num(r.exact, 2),
                num(r.value, 0),
                r.aqi.map_or(String::new(), |a| a.to_string()),
                if r.heavy {
                    yes.to_string()
                } else {
                    String::new()
                },
                num(r.mean_so_far, 2),
                num(r.remaining_allowed_mean, 1),
                r.heavy_days.to_string(),
            ]
        })
        .collect();
    (headers, rows)
}

/// Write the ledger as CSV, UTF-8 with BOM.
pub fn write_csv(budget: &Budget, language: Language, out: impl Write) -> std::io::Result<()> {
    let (headers, rows) = ledger_table(budget, language);
    super::spreadsheet::write_csv(out, &headers, rows)
}

/// The ledger as .xlsx bytes: bold frozen header, heavy days in red.
pub fn xlsx_bytes(budget: &Budget, language: Language) -> Result<Vec<u8>, LedgerError> {
    use rust_xlsxwriter::{Color, Format, Workbook};
    let (headers, rows) = ledger_table(budget, language);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(match language {
        Language::Zh => "目标核算台账",
        Language::En => "Budget ledger",
    })?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let red = Format::new().set_font_color(Color::RGB(0xC00000));
    let plain = Format::new();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
        ws.set_column_width(c as u16, 14.0)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        let heavy = cells.get(HEAVY_COLUMN).is_some_and(|c| !c.is_empty());
        let fmt = if heavy { &red } else { &plain };
        for (c, v) in cells.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(x) if c > 0 => ws.write_number_with_format(r as u32 + 1, c as u16, x, fmt)?,
                _ => ws.write_string_with_format(r as u32 + 1, c as u16, xlsx_text(v), fmt)?,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::area::AreaDay;
    use crate::domain::budget::{self, BudgetSettings, Rounding, Season, TargetForm};
    use crate::ingest::sheet::read_sheet;
    use chrono::NaiveDate;

    fn sample() -> Budget {
        let season = Season::campaign(2019).expect("season");
        let days: Vec<AreaDay> = [Some(162.4), None, Some(80.5)]
            .into_iter()
            .enumerate()
            .map(|(i, value)| AreaDay {
                date: season.from() + chrono::Days::new(i as u64),
                value,
                stations_valid: usize::from(value.is_some()) * 3,
                stations_total: 3,
                source: Default::default(),
            })
            .collect();
        let settings = BudgetSettings {
            season,
            baseline: Some(70.0),
            target: TargetForm::Mean(60.0),
            heavy_target: Some(5),
            rounding: Rounding::default(),
        };
        let as_of = NaiveDate::from_ymd_opt(2019, 10, 3).expect("date");
        budget::compute(&settings, &days, &[], as_of, &Default::default()).expect("budget")
    }

    #[test]
    fn csv_has_bom_and_reads_back_with_heavy_marked() {
        let b = sample();
        let mut buf = Vec::new();
        write_csv(&b, Language::Zh, &mut buf).expect("csv");
        assert!(buf.starts_with(b"\xEF\xBB\xBF"));
        let mut report = crate::ingest::FileReport::new(std::path::Path::new("l.csv"));
        let sheet = read_sheet(
            &buf,
            &mut report,
            |h| h.contains(&"日期".to_string()),
            crate::ingest::reason::ListKind::Ledger,
        )
        .expect("sheet");
        assert_eq!(sheet.rows.len(), 3);
        let first = &sheet.rows[0];
        assert_eq!(first.text(Some(5)).as_deref(), Some("162"));
        assert_eq!(first.text(Some(7)).as_deref(), Some("是"));
        // The missing day has no counted value and is not heavy.
        assert_eq!(sheet.rows[1].text(Some(5)), None);
        assert_eq!(sheet.rows[1].text(Some(7)), None);
        // 80.5 rounds half to even: 80; mean so far (162 + 80) / 2 = 121.
        assert_eq!(sheet.rows[2].text(Some(5)).as_deref(), Some("80"));
        assert_eq!(sheet.rows[2].text(Some(8)).as_deref(), Some("121.00"));
    }

    #[test]
    fn xlsx_bytes_are_a_zip_workbook() {
        let bytes = xlsx_bytes(&sample(), Language::En).expect("xlsx");
        assert!(bytes.starts_with(b"PK"));
    }
}
