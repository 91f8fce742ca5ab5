//! Spreadsheets read row by row, never by the range they declare.
//!
//! A worksheet's `<dimension>` or a single cell at `XFD1048576` made the old reader allocate the
//! whole declared range (hundreds of GB for a 1.6 KB file). Here an .xlsx is checked first: its
//! zip entries' declared sizes (which the zip reader enforces while inflating) must stay within
//! [`MAX_UNPACKED_BYTES`], so a 3 GB shared string is refused before anything is inflated. Then
//! the sheet's cells come one at a time from calamine's streaming cell reader and are handed on
//! one row at a time, each row as wide as its own last cell and at most [`MAX_COLUMNS`] wide.
//! Cells beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] are skipped and reported.
//!
//! .xls, .xlsb and .ods have no streaming reader in calamine (it builds each sheet's used range),
//! so they are read only up to [`MAX_RANGE_WORKBOOK_BYTES`].

use std::io::Cursor;

use calamine::{Data, Reader};

use super::input::MAX_UNPACKED_BYTES;

/// The most rows read from a worksheet (Excel's own limit).
pub const MAX_ROWS: u32 = 1 << 20;

/// The most columns read from a worksheet: far beyond any station table, far below Excel's 16,384.
pub const MAX_COLUMNS: u32 = 1024;

/// The largest .xls, .xlsb or .ods file read (their reader builds the whole used range).
pub const MAX_RANGE_WORKBOOK_BYTES: u64 = 32 << 20;

/// Why a workbook (or a worksheet of it) cannot be read (worded by `crate::i18n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a spreadsheet calamine can open, or damaged.
    Unreadable(String),
    /// The zip entries would unpack to more than the cap.
    TooLargeUnpacked {
        /// Declared unpacked size of all entries, MiB.
        unpacked: u64,
        /// The cap, MiB.
        limit: u64,
    },
    /// An .xls/.xlsb/.ods file over [`MAX_RANGE_WORKBOOK_BYTES`].
    TooLargeFile {
        /// File size, MiB.
        size: u64,
        /// The cap, MiB.
        limit: u64,
    },
    /// The worksheet asked for is not in the workbook.
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The sheets there are, comma-separated.
        sheets: String,
    },
    /// The workbook has no worksheet at all.
    NoSheet,
    /// A worksheet that cannot be read.
    Sheet {
        /// The worksheet.
        name: String,
        /// What failed.
        detail: String,
    },
}

impl WorkbookError {
    /// A stable, machine-readable name (see [`super::Reason::code`]).
    pub fn code(&self) -> &'static str {
        match self {
            WorkbookError::Unreadable(_) => "workbook-unreadable",
            WorkbookError::TooLargeUnpacked { .. } => "workbook-unpacks-too-large",
            WorkbookError::TooLargeFile { .. } => "workbook-too-large",
            WorkbookError::NoSuchSheet { .. } => "no-such-worksheet",
            WorkbookError::NoSheet => "no-worksheet",
            WorkbookError::Sheet { .. } => "worksheet-unreadable",
        }
    }
}

/// One row of a worksheet: its 1-based row number and its cells from column A on.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Row number as the spreadsheet shows it (1-based).
    pub number: u64,
    /// Cells from column A up to the row's last cell (at most [`MAX_COLUMNS`]).
    pub cells: Vec<Data>,
}

/// Whether the caller wants more rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Hand over the next row.
    More,
    /// Stop reading this sheet.
    Stop,
}

/// What reading a worksheet found besides its rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetRead {
    /// The workbook's worksheets, in order.
    pub sheets: Vec<String>,
    /// The worksheet read.
    pub name: String,
    /// Cells skipped because they lie beyond [`MAX_ROWS`] × [`MAX_COLUMNS`], and the farthest
    /// (1-based row, column) seen, for the "sheet too large" problem.
    pub beyond_limits: Option<(u64, (u64, u64))>,
}

/// Report the cells of a worksheet that lay beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] and were not
/// read, when there were any.
pub(crate) fn report_beyond_limits(read: &SheetRead, report: &mut super::FileReport) {
    if let Some((skipped, (row, column))) = read.beyond_limits {
        let reason = super::Reason::SheetTooLarge {
            sheet: read.name.clone(),
            row,
            column,
            skipped,
        };
        report.problem(super::Severity::Warning, None, None, reason, None);
    }
}

/// Whether bytes are a zip (xlsx, xlsb, ods) or OLE2 (xls) container.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The worksheet names of a workbook.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, WorkbookError> {
    if is_xlsx(bytes) {
        check_zip_sizes(bytes)?;
        let book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
        Ok(book.sheet_names())
    } else {
        check_file_size(bytes)?;
        let book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
        Ok(book.sheet_names())
    }
}

/// Hand the rows of worksheet `sheet` (the first one when `None`) to `each`, in file order,
/// until it says [`Flow::Stop`]. Rows without cells are left out.
pub fn read_rows(
    bytes: &[u8],
    sheet: Option<&str>,
    each: &mut dyn FnMut(Row) -> Flow,
) -> Result<SheetRead, WorkbookError> {
    // calamine subtracts unchecked on some hostile input (a reversed `<dimension ref="B5:A1">`
    // overflows in a debug build); such a workbook is unreadable, not a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_rows_unguarded(bytes, sheet, each)
    }))
    .unwrap_or_else(|_| {
        Err(WorkbookError::Unreadable(
            "the spreadsheet reader failed on its structure".into(),
        ))
    })
}

fn read_rows_unguarded(
    bytes: &[u8],
    sheet: Option<&str>,
    each: &mut dyn FnMut(Row) -> Flow,
) -> Result<SheetRead, WorkbookError> {
    if is_xlsx(bytes) {
        check_zip_sizes(bytes)?;
        let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
        let (sheets, name) = pick(book.sheet_names(), sheet)?;
        let sheet_error = |e: calamine::XlsxError| WorkbookError::Sheet {
            name: name.clone(),
            detail: e.to_string(),
        };
        let mut cells = book.worksheet_cells_reader(&name).map_err(sheet_error)?;
        let mut rows = RowAssembler::default();
        while let Some(cell) = cells.next_cell().map_err(sheet_error)? {
            let (r, c) = cell.get_position();
            if rows.put(r, c, Data::from(cell.get_value().clone()), each) == Flow::Stop {
                return Ok(rows.finish_read(sheets, name));
            }
        }
        rows.flush(each);
        Ok(rows.finish_read(sheets, name))
    } else {
        check_file_size(bytes)?;
        let mut book =
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
        let (sheets, name) = pick(book.sheet_names(), sheet)?;
        let range = book
            .worksheet_range(&name)
            .map_err(|e| WorkbookError::Sheet {
                name: name.clone(),
                detail: e.to_string(),
            })?;
        let mut rows = RowAssembler::default();
        for cell in range.used_cells() {
            let (r, c, value) = cell;
            let (row0, col0) = range.start().unwrap_or((0, 0));
            let (r, c) = (row0 + r as u32, col0 + c as u32);
            if rows.put(r, c, value.clone(), each) == Flow::Stop {
                return Ok(rows.finish_read(sheets, name));
            }
        }
        rows.flush(each);
        Ok(rows.finish_read(sheets, name))
    }
}

/// The sheet to read: the one named, else the first.
fn pick(sheets: Vec<String>, wanted: Option<&str>) -> Result<(Vec<String>, String), WorkbookError> {
    let name = match wanted {
        Some(s) if sheets.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(WorkbookError::NoSuchSheet {
                name: s.to_string(),
                sheets: sheets.join(", "),
            });
        }
        None => sheets.first().cloned().ok_or(WorkbookError::NoSheet)?,
    };
    Ok((sheets, name))
}

fn unreadable(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(e.to_string())
}

/// An .xlsx (or .xlsm): a zip whose workbook part is `xl/workbook.xml`.
fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && zip::ZipArchive::new(Cursor::new(bytes))
            .is_ok_and(|z| z.file_names().flatten().any(|n| n == "xl/workbook.xml"))
}

/// Refuse a zip whose entries would unpack to more than [`MAX_UNPACKED_BYTES`] in all. The
/// declared sizes are what the zip reader enforces while inflating, so they cannot be exceeded.
fn check_zip_sizes(bytes: &[u8]) -> Result<(), WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(WorkbookError::TooLargeUnpacked {
            unpacked: total >> 20,
            limit: MAX_UNPACKED_BYTES >> 20,
        });
    }
    Ok(())
}

fn check_file_size(bytes: &[u8]) -> Result<(), WorkbookError> {
    let size = bytes.len() as u64;
    if size > MAX_RANGE_WORKBOOK_BYTES {
        return Err(WorkbookError::TooLargeFile {
            size: size.div_ceil(1 << 20),
            limit: MAX_RANGE_WORKBOOK_BYTES >> 20,
        });
    }
    Ok(())
}

/// Collects cells into rows, capped at [`MAX_ROWS`] × [`MAX_COLUMNS`].
#[derive(Default)]
struct RowAssembler {
    row: Option<u32>,
    cells: Vec<Data>,
    skipped: u64,
    farthest: (u64, u64),
}

impl RowAssembler {
    /// Add the cell at 0-based (`r`, `c`); hands the previous row on when a new one starts.
    fn put(&mut self, r: u32, c: u32, value: Data, each: &mut dyn FnMut(Row) -> Flow) -> Flow {
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            if value != Data::Empty {
                self.skipped += 1;
                self.farthest = (
                    self.farthest.0.max(u64::from(r) + 1),
                    self.farthest.1.max(u64::from(c) + 1),
                );
            }
            return Flow::More;
        }
        if self.row != Some(r) {
            if self.flush(each) == Flow::Stop {
                return Flow::Stop;
            }
            self.row = Some(r);
        }
        if value == Data::Empty {
            return Flow::More;
        }
        let c = c as usize;
        if self.cells.len() <= c {
            self.cells.resize(c + 1, Data::Empty);
        }
        self.cells[c] = value;
        Flow::More
    }

    /// Hand on the row being collected, if it has any cell.
    fn flush(&mut self, each: &mut dyn FnMut(Row) -> Flow) -> Flow {
        let Some(r) = self.row.take() else {
            return Flow::More;
        };
        if self.cells.is_empty() {
            return Flow::More;
        }
        each(Row {
            number: u64::from(r) + 1,
            cells: std::mem::take(&mut self.cells),
        })
    }

    fn finish_read(self, sheets: Vec<String>, name: String) -> SheetRead {
        SheetRead {
            sheets,
            name,
            beyond_limits: (self.skipped > 0).then_some((self.skipped, self.farthest)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An .xlsx with the given cells (0-based row, column, text) on one sheet.
    pub(crate) fn xlsx(cells: &[(u32, u16, &str)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for &(r, c, text) in cells {
            ws.write_string(r, c, text).expect("write");
        }
        book.save_to_buffer().expect("xlsx")
    }

    fn rows(bytes: &[u8]) -> (Vec<Row>, SheetRead) {
        let mut out = Vec::new();
        let read = read_rows(bytes, None, &mut |r| {
            out.push(r);
            Flow::More
        })
        .expect("read");
        (out, read)
    }

    #[test]
    fn a_far_cell_is_skipped_and_reported_not_allocated() {
        // XFD1048576: Excel's last cell. The old reader allocated 2^34 cells for this file.
        let bytes = xlsx(&[(0, 0, "时间"), (1_048_575, 16_383, "far")]);
        assert!(bytes.len() < 10_000);
        let (got, read) = rows(&bytes);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].cells, [Data::String("时间".into())]);
        assert_eq!(read.beyond_limits, Some((1, (1_048_576, 16_384))));
    }

    /// The 1.6 KB workbook with one far cell, as a station table: the rows load, the far
    /// cell is a warning naming the limit, nothing aborts (#11 item 1).
    #[test]
    fn a_table_with_a_far_cell_loads_its_rows() {
        let mut cells = vec![(0, 0, "时间"), (0, 1, "PM2.5")];
        let stamps: Vec<String> = (0..24).map(|h| format!("2019-12-01 {h:02}:00")).collect();
        for (i, t) in stamps.iter().enumerate() {
            cells.push((i as u32 + 1, 0, t.as_str()));
            cells.push((i as u32 + 1, 1, "35"));
        }
        cells.push((1_048_575, 16_383, "x"));
        let bytes = xlsx(&cells);
        let (batch, report) =
            crate::ingest::parse_bytes(std::path::Path::new("1410A.xlsx"), &bytes);
        assert_eq!(report.values_kept, 24, "{:?}", report.problems);
        assert_eq!(batch.value_count(), 24);
        assert!(
            report
                .problems
                .iter()
                .map(|p| crate::ingest::reason::en(&p.reason))
                .any(|r| r.contains("too large") && r.contains("1024 columns")),
            "{:?}",
            report.problems
        );
    }

    /// A workbook whose shared strings would unpack to 3 GB is refused from the sizes its zip
    /// declares, before anything is inflated (the zip reader enforces the declared sizes).
    #[test]
    fn a_huge_declared_entry_is_refused_before_inflating() {
        let mut bytes = xlsx(&[(0, 0, "时间")]);
        let name = b"xl/sharedStrings.xml";
        let mut patched = 0;
        for at in 0..bytes.len().saturating_sub(46 + name.len()) {
            // Central directory file header: signature, ..., uncompressed size at +24, name at +46.
            if bytes[at..at + 4] == [0x50, 0x4B, 0x01, 0x02] && bytes[at + 46..].starts_with(name) {
                bytes[at + 24..at + 28].copy_from_slice(&3_000_000_000u32.to_le_bytes());
                patched += 1;
            }
        }
        assert_eq!(patched, 1);
        let err = read_rows(&bytes, None, &mut |_| Flow::More).expect_err("too large");
        assert!(
            matches!(err, WorkbookError::TooLargeUnpacked { limit: 680, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn rows_keep_their_numbers_and_columns_and_stop_when_asked() {
        let bytes = xlsx(&[(2, 1, "b3"), (2, 3, "d3"), (5, 0, "a6"), (9, 2, "c10")]);
        let (got, read) = rows(&bytes);
        assert_eq!(read.sheets, ["Sheet1"]);
        let shape: Vec<(u64, usize)> = got.iter().map(|r| (r.number, r.cells.len())).collect();
        assert_eq!(shape, [(3, 4), (6, 1), (10, 3)]);
        assert_eq!(got[0].cells[0], Data::Empty);
        let mut n = 0;
        read_rows(&bytes, None, &mut |_| {
            n += 1;
            Flow::Stop
        })
        .expect("read");
        assert_eq!(n, 1);
        assert!(matches!(
            read_rows(&bytes, Some("nope"), &mut |_| Flow::More),
            Err(WorkbookError::NoSuchSheet { .. })
        ));
    }
}
