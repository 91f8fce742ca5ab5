//! What every ledger export shares: CSV that a spreadsheet program opens as data, never as
//! formulas, and text cut to what an .xlsx cell holds.
//!
//! A unit name, an operator's note or feedback text such as `=HYPERLINK("http://…","点此")`
//! becomes a live formula when Excel or WPS opens a CSV. Following OWASP's advice on CSV
//! injection, a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading apostrophe, which the spreadsheet shows as text; a plain number (`-12.5`) stays a
//! number. Cells in .xlsx files are written as typed strings, so they need no such mark, but
//! Excel refuses a cell of more than 32,767 characters and the writer would fail the whole file.

use std::borrow::Cow;
use std::io::Write;

/// The most characters an .xlsx cell holds.
pub const XLSX_MAX_CHARS: usize = 32_767;

/// Characters that make a spreadsheet read a CSV cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as it goes into a CSV file: formula-like text marked with a leading apostrophe.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `-12.5`, `+3`: a sign, then digits with at most one decimal point.
fn is_plain_number(text: &str) -> bool {
    let digits = text.trim_start_matches(['-', '+']);
    digits.len() + 1 == text.len()
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
}

/// Text as an .xlsx cell holds it: at most [`XLSX_MAX_CHARS`] characters, a cut marked with `…`.
pub fn xlsx_text(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(XLSX_MAX_CHARS) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let mut cut: String = text.chars().take(XLSX_MAX_CHARS - 1).collect();
            cut.push('…');
            Cow::Owned(cut)
        }
    }
}

/// Write a CSV ledger: a UTF-8 byte-order mark (so Excel reads the Chinese), the header row and
/// the rows, every cell through [`csv_cell`].
pub fn write_csv<W: Write, R: AsRef<[String]>>(
    mut out: W,
    headers: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> std::io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    let mut record = |cells: Vec<Cow<'_, str>>| {
        w.write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(std::io::Error::from)
    };
    record(headers.iter().map(|h| csv_cell(h)).collect())?;
    for row in rows {
        record(row.as_ref().iter().map(|c| csv_cell(c)).collect())?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_marked_and_numbers_stay_numbers() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x\",\"点此\")",
                "'=HYPERLINK(\"http://x\",\"点此\")",
            ),
            ("+86 138 0000 0000", "'+86 138 0000 0000"),
            ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("-inf", "'-inf"),
            ("-12.5", "-12.5"),
            ("+3", "+3"),
            ("12", "12"),
            ("县住建局", "县住建局"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(text), written, "{text:?}");
        }
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["单位", "数值"],
            [vec!["=1+1".to_string(), "-3".to_string()]],
        )
        .expect("csv");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "\u{FEFF}单位,数值\n'=1+1,-3\n"
        );
    }

    #[test]
    fn xlsx_text_is_cut_to_what_a_cell_holds() {
        let long = "反".repeat(40_000);
        let cut = xlsx_text(&long);
        assert_eq!(cut.chars().count(), XLSX_MAX_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(xlsx_text("短"), "短");
        let exact = "a".repeat(XLSX_MAX_CHARS);
        assert_eq!(xlsx_text(&exact), exact);
    }
}
