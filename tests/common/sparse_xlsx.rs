// A minimal .xlsx written by hand (shared by tests/loaders_prop.rs and the fuzz target
// fuzz/fuzz_targets/xlsx_cells.rs through `include!`/`#[path]`): one worksheet with any
// `<dimension ref>` and sparse cells, so the workbook reader meets far cells and lying
// dimensions that a spreadsheet program would never write. Synthetic content.

/// A cell value of the synthetic workbook.
#[derive(Debug, Clone)]
pub enum SparseValue {
    /// A number cell.
    Number(f64),
    /// An inline string cell.
    Text(String),
}

/// The column letters of 0-based column `c` (0 → A, 16383 → XFD).
pub fn column_letters(mut c: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn escape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            other => other.to_string(),
        })
        .collect()
}

/// The workbook bytes: cells at 0-based (row, column), one value per position (the first given
/// wins), written row by row.
pub fn sparse_xlsx(dimension: &str, cells: &[(u32, u32, SparseValue)]) -> Vec<u8> {
    use std::io::Write;
    let mut sorted: Vec<&(u32, u32, SparseValue)> = cells.iter().collect();
    sorted.sort_by_key(|c| (c.0, c.1));
    sorted.dedup_by_key(|c| (c.0, c.1));
    let mut sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <dimension ref=\"{}\"/><sheetData>",
        escape(dimension)
    );
    let mut row: Option<u32> = None;
    for (r, c, v) in sorted {
        if row != Some(*r) {
            if row.is_some() {
                sheet.push_str("</row>");
            }
            sheet.push_str(&format!("<row r=\"{}\">", r + 1));
            row = Some(*r);
        }
        let at = format!("{}{}", column_letters(*c), r + 1);
        match v {
            SparseValue::Number(n) => sheet.push_str(&format!("<c r=\"{at}\"><v>{n}</v></c>")),
            SparseValue::Text(t) => sheet.push_str(&format!(
                "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                escape(t)
            )),
        }
    }
    if row.is_some() {
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
             </Types>".to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
             </Relationships>".to_string(),
        ),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
             <sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
             </Relationships>".to_string(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}
