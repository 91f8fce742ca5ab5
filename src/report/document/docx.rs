//! A [`Document`] as a Word (.docx) file in GB/T 9704-2012 layout, written as WordprocessingML
//! with `quick-xml` and packed with `zip`: A4, margins 37/35/28/26 mm, a 22 × 28 document grid,
//! styles for every element (so an officer editing in WPS or Word keeps the layout), fonts named
//! as offices have them with their fallbacks (`altName`), a red 版头 and separator, the 版记
//! framed at the foot of each part's last page, and "— 1 —" page numbers on the outer side
//! (odd pages right, even pages left). Each part is its own section, starting a new page with
//! page 1. Nothing is embedded but figures: fonts come from the machine that opens the file.

use std::io::{Cursor, Write as _};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use zip::write::SimpleFileOptions;

use super::standard::{
    self, BODY_PT, Face, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, MARK_PT,
    PAGE_MM, PAGE_NUMBER_GAP_MM, RED, SMALL_PT, TABLE_PT, TITLE_PT,
};
use super::text::attachment_lines;
use super::{Block, Document, DocumentError, Figure, Head, Image, Part, Record, Table};

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const REL_BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;
/// English Metric Units per millimetre (DrawingML sizes).
const EMU_PER_MM: f32 = 36_000.0;

fn twips(mm: f32) -> i64 {
    (mm * TWIPS_PER_MM).round() as i64
}

/// Page geometry in twips, from the standard's millimetres.
struct Geometry {
    page_w: i64,
    page_h: i64,
    top: i64,
    bottom: i64,
    left: i64,
    right: i64,
    /// Distance from the page's bottom edge to the footer's bottom, so that the page number's top
    /// is [`PAGE_NUMBER_GAP_MM`] under the type area.
    footer: i64,
}

impl Geometry {
    fn a4() -> Self {
        let number_mm = SMALL_PT / standard::PT_PER_MM;
        Geometry {
            page_w: twips(PAGE_MM.0),
            page_h: twips(PAGE_MM.1),
            top: twips(MARGIN_TOP_MM),
            bottom: twips(MARGIN_BOTTOM_MM),
            left: twips(MARGIN_LEFT_MM),
            right: twips(MARGIN_RIGHT_MM),
            footer: twips(MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - number_mm),
        }
    }

    fn type_width(&self) -> i64 {
        self.page_w - self.left - self.right
    }

    /// Exact line spacing of body text: the type height over 22 lines, rounded down so 22 fit.
    fn line_pitch(&self) -> i64 {
        (self.page_h - self.top - self.bottom) / i64::from(standard::LINES_PER_PAGE)
    }

    /// Character spacing of body text, twentieths of a point (negative: condensed), so that 28
    /// characters of 16 pt fit the type width. Set on the text rather than as a character grid:
    /// Word, WPS and LibreOffice all honour spacing, while LibreOffice spreads text that is wider
    /// than a grid cell over two cells.
    fn char_spacing(&self) -> i64 {
        let pitch = self.type_width() as f32 / standard::CHARS_PER_LINE as f32;
        (pitch - BODY_PT * 20.0).floor() as i64
    }
}

/// The document as .docx bytes. `record_alone[i]` tells whether part `i`'s 版记 goes on a page
/// of its own (see [`super::pdf::layout::records_alone`]): then it starts a section on the next
/// even page, which Word, WPS and LibreOffice reach by adding a blank page when needed; otherwise
/// it stays at the foot of the body's last page. A part without an entry gets a page of its own.
pub fn write(doc: &Document, record_alone: &[bool]) -> Result<Vec<u8>, DocumentError> {
    let fail = |e: std::io::Error| DocumentError::Docx(e.to_string());
    let geometry = Geometry::a4();
    let mut images: Vec<Vec<u8>> = Vec::new();
    let body = document_xml(doc, record_alone, &geometry, &mut images)?;
    let files: Vec<(String, Vec<u8>)> = [
        (
            "[Content_Types].xml".to_owned(),
            content_types(images.len()),
        ),
        ("_rels/.rels".to_owned(), package_rels()),
        ("docProps/core.xml".to_owned(), core_xml(&doc.title)),
        ("docProps/app.xml".to_owned(), app_xml()),
        ("word/document.xml".to_owned(), body),
        ("word/styles.xml".to_owned(), styles_xml(&geometry)),
        ("word/settings.xml".to_owned(), settings_xml()),
        ("word/fontTable.xml".to_owned(), font_table_xml()),
        ("word/footer1.xml".to_owned(), footer_xml(true)),
        ("word/footer2.xml".to_owned(), footer_xml(false)),
        (
            "word/_rels/document.xml.rels".to_owned(),
            document_rels(images.len()),
        ),
    ]
    .into_iter()
    .chain(
        images
            .into_iter()
            .enumerate()
            .map(|(i, png)| (format!("word/media/image{}.png", i + 1), png)),
    )
    .collect();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name, options)
            .map_err(|e| DocumentError::Docx(e.to_string()))?;
        zip.write_all(&bytes).map_err(fail)?;
    }
    let cursor = zip
        .finish()
        .map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// A small XML writer over quick-xml: elements with attributes, escaped text.
struct Xml(Writer<Vec<u8>>);

impl Xml {
    fn new() -> Self {
        let mut w = Writer::new(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        Xml(w)
    }

    fn element(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut e = BytesStart::new(name.to_owned());
        for (k, v) in attrs {
            e.push_attribute((*k, *v));
        }
        e
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let _ = self.0.write_event(Event::Start(Self::element(name, attrs)));
    }

    fn end(&mut self, name: &str) {
        let _ = self
            .0
            .write_event(Event::End(BytesEnd::new(name.to_owned())));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let _ = self.0.write_event(Event::Empty(Self::element(name, attrs)));
    }

    fn text(&mut self, s: &str) {
        let _ = self.0.write_event(Event::Text(BytesText::new(s)));
    }

    /// `<name attrs>text</name>`.
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.text(text);
        self.end(name);
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_inner()
    }
}

/// Run formatting beyond the paragraph style.
#[derive(Default, Clone, Copy)]
struct RunStyle {
    face: Option<Face>,
    red: bool,
    /// Half-points.
    size: Option<i64>,
    /// Character width scale, percent.
    scale: Option<i64>,
}

/// Paragraph formatting beyond the style.
#[derive(Default)]
struct Para<'a> {
    style: &'a str,
    /// Alignment: `left`, `center`, `right`, `both`.
    jc: Option<&'a str>,
    /// Space before, in body lines.
    lines_before: i64,
    /// More space before, mm (the 发文机关标志's distance from the top of the type area).
    mm_before: f32,
    /// Right and left indents, twips.
    right: Option<i64>,
    left: Option<i64>,
    /// Right tab stop, twips from the left margin.
    tab_right: Option<i64>,
    /// Red bottom rule at this distance below the text, points.
    red_rule_below: Option<i64>,
    page_break_before: bool,
}

fn run(x: &mut Xml, text: &str, style: RunStyle) {
    x.start("w:r", &[]);
    let formatted =
        style.face.is_some() || style.red || style.size.is_some() || style.scale.is_some();
    if formatted {
        x.start("w:rPr", &[]);
        if let Some(face) = style.face {
            fonts(x, face);
        }
        if style.red {
            x.empty("w:color", &[("w:val", &hex(RED))]);
        }
        if let Some(scale) = style.scale {
            x.empty("w:w", &[("w:val", &scale.to_string())]);
        }
        if let Some(size) = style.size {
            x.empty("w:sz", &[("w:val", &size.to_string())]);
            x.empty("w:szCs", &[("w:val", &size.to_string())]);
        }
        x.end("w:rPr");
    }
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            x.empty("w:tab", &[]);
        }
        if !piece.is_empty() {
            x.leaf("w:t", &[("xml:space", "preserve")], piece);
        }
    }
    x.end("w:r");
}

fn fonts(x: &mut Xml, face: Face) {
    let name = face.office_name();
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", name),
            ("w:hAnsi", name),
            ("w:eastAsia", name),
            ("w:cs", name),
        ],
    );
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("{r:02X}{g:02X}{b:02X}")
}

fn paragraph_properties(x: &mut Xml, p: &Para<'_>, g: &Geometry, section: Option<&[u8]>) {
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", p.style)]);
    if p.page_break_before {
        x.empty("w:pageBreakBefore", &[]);
    }
    if let Some(dist) = p.red_rule_below {
        x.start("w:pBdr", &[]);
        x.empty(
            "w:bottom",
            &[
                ("w:val", "single"),
                (
                    "w:sz",
                    &((standard::HEAD_RULE_PT * 8.0).round() as i64).to_string(),
                ),
                ("w:space", &dist.to_string()),
                ("w:color", &hex(RED)),
            ],
        );
        x.end("w:pBdr");
    }
    if let Some(pos) = p.tab_right {
        x.start("w:tabs", &[]);
        x.empty("w:tab", &[("w:val", "right"), ("w:pos", &pos.to_string())]);
        x.end("w:tabs");
    }
    let before = p.lines_before * g.line_pitch() + twips(p.mm_before);
    if before > 0 {
        x.empty("w:spacing", &[("w:before", &before.to_string())]);
    }
    if p.left.is_some() || p.right.is_some() {
        let mut attrs: Vec<(&str, String)> = vec![
            ("w:firstLineChars", "0".to_owned()),
            ("w:firstLine", "0".to_owned()),
        ];
        if let Some(l) = p.left {
            attrs.push(("w:left", l.to_string()));
        }
        if let Some(r) = p.right {
            attrs.push(("w:right", r.to_string()));
        }
        let refs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        x.empty("w:ind", &refs);
    }
    if let Some(jc) = p.jc {
        x.empty("w:jc", &[("w:val", jc)]);
    }
    if let Some(bytes) = section {
        // A section's properties close its last paragraph; raw, as built by `section_xml`.
        let _ = x.0.get_mut().write_all(bytes);
    }
    x.end("w:pPr");
}

fn paragraph(x: &mut Xml, p: &Para<'_>, g: &Geometry, runs: &[(&str, RunStyle)]) {
    x.start("w:p", &[]);
    paragraph_properties(x, p, g, None);
    for (text, style) in runs {
        run(x, text, *style);
    }
    x.end("w:p");
}

fn document_xml(
    doc: &Document,
    record_alone: &[bool],
    g: &Geometry,
    images: &mut Vec<Vec<u8>>,
) -> Result<Vec<u8>, DocumentError> {
    let mut x = Xml::new();
    x.start(
        "w:document",
        &[
            ("xmlns:w", NS_W),
            ("xmlns:r", NS_R),
            ("xmlns:wp", NS_WP),
            ("xmlns:a", NS_A),
            ("xmlns:pic", NS_PIC),
        ],
    );
    x.start("w:body", &[]);
    let count = doc.parts.len();
    for (i, part) in doc.parts.iter().enumerate() {
        write_part(&mut x, part, g, images)?;
        let mut start = SectionStart::Part;
        if let Some(record) = &part.record {
            if record_alone.get(i).copied().unwrap_or(true) {
                end_section(&mut x, g, start);
                start = SectionStart::EvenPage;
            }
            write_record(&mut x, g, record);
        }
        if i + 1 < count {
            end_section(&mut x, g, start);
        } else {
            let _ = x.0.get_mut().write_all(&section_xml(g, start));
        }
    }
    x.end("w:body");
    x.end("w:document");
    Ok(x.finish())
}

/// How a section starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SectionStart {
    /// A part: a new page numbered from 1.
    Part,
    /// A part's 版记 on a page of its own: the next even page, numbers going on.
    EvenPage,
}

/// Close the section that began with `start`: an empty paragraph carrying its properties.
fn end_section(x: &mut Xml, g: &Geometry, start: SectionStart) {
    x.start("w:p", &[]);
    paragraph_properties(
        x,
        &Para {
            style: "GwEmpty",
            ..Para::default()
        },
        g,
        Some(&section_xml(g, start)),
    );
    x.end("w:p");
}

/// `w:sectPr`: A4, the margins, footers (odd/even), how it starts, the grid.
fn section_xml(g: &Geometry, start: SectionStart) -> Vec<u8> {
    let mut x = Xml(Writer::new(Vec::new()));
    x.start("w:sectPr", &[]);
    x.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooterOdd")],
    );
    x.empty(
        "w:footerReference",
        &[("w:type", "even"), ("r:id", "rIdFooterEven")],
    );
    let kind = match start {
        SectionStart::Part => "nextPage",
        SectionStart::EvenPage => "evenPage",
    };
    x.empty("w:type", &[("w:val", kind)]);
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &g.page_w.to_string()),
            ("w:h", &g.page_h.to_string()),
        ],
    );
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &g.top.to_string()),
            ("w:right", &g.right.to_string()),
            ("w:bottom", &g.bottom.to_string()),
            ("w:left", &g.left.to_string()),
            ("w:header", "851"),
            ("w:footer", &g.footer.to_string()),
            ("w:gutter", "0"),
        ],
    );
    if start == SectionStart::Part {
        x.empty("w:pgNumType", &[("w:start", "1")]);
    }
    x.empty("w:cols", &[("w:space", "425")]);
    x.empty(
        "w:docGrid",
        &[
            ("w:type", "lines"),
            ("w:linePitch", &g.line_pitch().to_string()),
        ],
    );
    x.end("w:sectPr");
    x.finish()
}

/// One body character cell at `pt` points, in twips.
fn cells(n: f32, pt: f32) -> i64 {
    (n * pt * 20.0).round() as i64
}

fn write_part(
    x: &mut Xml,
    part: &Part,
    g: &Geometry,
    images: &mut Vec<Vec<u8>>,
) -> Result<(), DocumentError> {
    let plain = RunStyle::default();
    let mut before_title = 0;
    match &part.head {
        Head::None => {}
        Head::Red {
            mark,
            doc_no,
            signer,
            marks,
        } => {
            let marks = marks.lines();
            for (face, line) in &marks {
                let style = RunStyle {
                    face: Some(*face),
                    ..plain
                };
                paragraph(
                    x,
                    &Para {
                        style: "GwTo",
                        ..Para::default()
                    },
                    g,
                    &[(line, style)],
                );
            }
            write_mark(x, g, mark, standard::MARK_TOP_MM, marks.len());
            let rule_pt = (standard::RULE_BELOW_DOC_NO_MM * standard::PT_PER_MM).round() as i64;
            if signer.is_empty() {
                paragraph(
                    x,
                    &Para {
                        style: "GwDocNo",
                        lines_before: 2,
                        red_rule_below: Some(rule_pt),
                        ..Para::default()
                    },
                    g,
                    &[(doc_no, plain)],
                );
            } else {
                // Upward documents: 发文字号 left, 签发人 right, one cell in from each side; on
                // two lines when they do not fit on one.
                let kai = RunStyle {
                    face: Some(Face::Kai),
                    ..plain
                };
                let one_line = standard::signer_fits(doc_no, signer);
                let para = |rule: bool, before: i64| Para {
                    style: "GwDocNo",
                    jc: Some("left"),
                    lines_before: before,
                    left: Some(cells(1.0, BODY_PT)),
                    right: Some(cells(1.0, BODY_PT)),
                    tab_right: Some(g.type_width() - cells(1.0, BODY_PT)),
                    red_rule_below: rule.then_some(rule_pt),
                    ..Para::default()
                };
                if one_line {
                    let first = format!("{doc_no}\t签发人：");
                    paragraph(x, &para(true, 2), g, &[(&first, plain), (signer, kai)]);
                } else {
                    paragraph(x, &para(false, 2), g, &[(doc_no, plain)]);
                    paragraph(
                        x,
                        &para(true, 0),
                        g,
                        &[("\t签发人：", plain), (signer, kai)],
                    );
                }
            }
            before_title = 2;
        }
        Head::Bulletin {
            name,
            number,
            issuer,
            date,
        } => {
            write_mark(x, g, name, standard::BULLETIN_TOP_MM, 0);
            paragraph(
                x,
                &Para {
                    style: "GwDocNo",
                    lines_before: 1,
                    ..Para::default()
                },
                g,
                &[(number, plain)],
            );
            let rule = (standard::RULE_BELOW_DOC_NO_MM * standard::PT_PER_MM).round() as i64;
            paragraph(
                x,
                &Para {
                    style: "GwDocNo",
                    jc: Some("left"),
                    tab_right: Some(g.type_width()),
                    red_rule_below: Some(rule),
                    ..Para::default()
                },
                g,
                &[(&format!("{issuer}\t{date}"), plain)],
            );
            before_title = 1;
        }
    }
    if !part.title.is_empty() {
        paragraph(
            x,
            &Para {
                style: "GwTitle",
                lines_before: before_title,
                ..Para::default()
            },
            g,
            &[(&part.title, plain)],
        );
    }
    if !part.to.is_empty() {
        paragraph(
            x,
            &Para {
                style: "GwTo",
                lines_before: 1,
                ..Para::default()
            },
            g,
            &[(&format!("{}：", part.to), plain)],
        );
    }
    for block in &part.body {
        match block {
            Block::Heading(level, text) => {
                let style = match level {
                    1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                paragraph(
                    x,
                    &Para {
                        style,
                        ..Para::default()
                    },
                    g,
                    &[(text, plain)],
                );
            }
            Block::Paragraph(text) => paragraph(
                x,
                &Para {
                    style: "Normal",
                    ..Para::default()
                },
                g,
                &[(text, plain)],
            ),
            Block::Table(table) => write_table(x, g, table),
            Block::Figure(figure) => write_figure(x, figure, images)?,
        }
    }
    for (i, line) in attachment_lines(&part.attachments).iter().enumerate() {
        paragraph(
            x,
            &Para {
                style: "Normal",
                lines_before: i64::from(i == 0),
                ..Para::default()
            },
            g,
            &[(line, plain)],
        );
    }
    if let Some(c) = &part.closing {
        let (issuer_right, date_right) = standard::closing_indents(&c.issuer, &c.date);
        for (i, (text, right)) in [(&c.issuer, issuer_right), (&c.date, date_right)]
            .into_iter()
            .enumerate()
        {
            if text.is_empty() {
                continue;
            }
            paragraph(
                x,
                &Para {
                    style: "GwClosing",
                    lines_before: if i == 0 { 2 } else { 0 },
                    right: Some(cells(right, BODY_PT)),
                    ..Para::default()
                },
                g,
                &[(text, plain)],
            );
        }
    }
    Ok(())
}

/// The red 发文机关标志 (or 简报 name), `top_mm` below the top of the type area, less
/// `lines_above` body lines already set above it (份号, 密级, 紧急程度).
fn write_mark(x: &mut Xml, g: &Geometry, mark: &str, top_mm: f32, lines_above: usize) {
    let scale = (standard::mark_scale(mark) * 100.0).floor() as i64;
    paragraph(
        x,
        &Para {
            style: "GwMark",
            mm_before: top_mm,
            lines_before: -(lines_above as i64),
            ..Para::default()
        },
        g,
        &[(
            mark,
            RunStyle {
                scale: (scale < 100).then_some(scale.max(1)),
                ..RunStyle::default()
            },
        )],
    );
}

/// The 版记 as a table floating at the foot of the page: a thick rule above and below, a thin
/// rule between its rows (抄送…, then 印发机关 left and 印发日期 right), no side borders.
fn write_record(x: &mut Xml, g: &Geometry, record: &Record) {
    let lines: Vec<String> = record
        .entries()
        .into_iter()
        .map(|(label, bodies)| format!("{label}{bodies}"))
        .collect();
    let printed = match (record.printer.is_empty(), record.printed.is_empty()) {
        (true, true) => None,
        (_, true) => Some(record.printer.clone()),
        (_, false) => Some(format!("{}\t{}印发", record.printer, record.printed)),
    };
    let rows: Vec<String> = lines.into_iter().chain(printed).collect();
    if rows.is_empty() {
        return;
    }
    let thick = ((standard::RECORD_THICK_PT * 8.0).round() as i64).to_string();
    let thin = ((standard::RECORD_THIN_PT * 8.0).round() as i64).to_string();
    let width = g.type_width().to_string();
    let one = cells(1.0, SMALL_PT);
    x.start("w:tbl", &[]);
    x.start("w:tblPr", &[]);
    x.empty(
        "w:tblpPr",
        &[
            ("w:leftFromText", "0"),
            ("w:rightFromText", "0"),
            ("w:vertAnchor", "margin"),
            ("w:horzAnchor", "margin"),
            ("w:tblpXSpec", "center"),
            ("w:tblpYSpec", "bottom"),
        ],
    );
    x.empty("w:tblW", &[("w:w", &width), ("w:type", "dxa")]);
    x.start("w:tblBorders", &[]);
    for (side, sz) in [
        ("w:top", &thick),
        ("w:bottom", &thick),
        ("w:insideH", &thin),
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", sz),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        );
    }
    for side in ["w:left", "w:right", "w:insideV"] {
        x.empty(side, &[("w:val", "nil")]);
    }
    x.end("w:tblBorders");
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    x.end("w:tblPr");
    x.start("w:tblGrid", &[]);
    x.empty("w:gridCol", &[("w:w", &width)]);
    x.end("w:tblGrid");
    let printed_row = record.printer.is_empty() && record.printed.is_empty();
    let n = rows.len();
    for (i, text) in rows.iter().enumerate() {
        let is_printed = !printed_row && i + 1 == n;
        x.start("w:tr", &[]);
        x.start("w:tc", &[]);
        x.start("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &width), ("w:type", "dxa")]);
        x.end("w:tcPr");
        x.start("w:p", &[]);
        x.start("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", "GwRecord")]);
        if is_printed {
            x.start("w:tabs", &[]);
            x.empty(
                "w:tab",
                &[
                    ("w:val", "right"),
                    ("w:pos", &(g.type_width() - 2 * one).to_string()),
                ],
            );
            x.end("w:tabs");
        }
        x.empty(
            "w:ind",
            &[
                ("w:left", &one.to_string()),
                ("w:right", &one.to_string()),
                ("w:firstLineChars", "0"),
                ("w:firstLine", "0"),
            ],
        );
        x.end("w:pPr");
        run(x, text, RunStyle::default());
        x.end("w:p");
        x.end("w:tc");
        x.end("w:tr");
    }
    x.end("w:tbl");
    // A floating table is anchored to the paragraph after it (and a table may not end a body).
    x.start("w:p", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "GwEmpty")]);
    x.end("w:pPr");
    x.end("w:p");
}

fn write_table(x: &mut Xml, g: &Geometry, table: &Table) {
    let total: u32 = table
        .columns
        .iter()
        .map(|c| u32::from(c.width.max(1)))
        .sum();
    let widths: Vec<i64> = table
        .columns
        .iter()
        .map(|c| g.type_width() * i64::from(c.width.max(1)) / i64::from(total.max(1)))
        .collect();
    x.start("w:tbl", &[]);
    x.start("w:tblPr", &[]);
    x.empty(
        "w:tblW",
        &[("w:w", &g.type_width().to_string()), ("w:type", "dxa")],
    );
    x.empty("w:jc", &[("w:val", "center")]);
    x.start("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        );
    }
    x.end("w:tblBorders");
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    x.start("w:tblCellMar", &[]);
    x.empty("w:left", &[("w:w", "57"), ("w:type", "dxa")]);
    x.empty("w:right", &[("w:w", "57"), ("w:type", "dxa")]);
    x.end("w:tblCellMar");
    x.end("w:tblPr");
    x.start("w:tblGrid", &[]);
    for w in &widths {
        x.empty("w:gridCol", &[("w:w", &w.to_string())]);
    }
    x.end("w:tblGrid");
    let header: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    table_row(x, g, &widths, &header, table, true);
    for row in &table.rows {
        table_row(x, g, &widths, row, table, false);
    }
    x.end("w:tbl");
}

fn table_row(
    x: &mut Xml,
    g: &Geometry,
    widths: &[i64],
    cells_text: &[String],
    table: &Table,
    header: bool,
) {
    x.start("w:tr", &[]);
    x.start("w:trPr", &[]);
    x.empty("w:cantSplit", &[]);
    if header {
        x.empty("w:tblHeader", &[]);
    }
    x.end("w:trPr");
    for ((text, width), column) in cells_text.iter().zip(widths).zip(&table.columns) {
        x.start("w:tc", &[]);
        x.start("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        if header {
            x.empty(
                "w:shd",
                &[
                    ("w:val", "clear"),
                    ("w:color", "auto"),
                    ("w:fill", "F0F0F0"),
                ],
            );
        }
        x.empty("w:vAlign", &[("w:val", "center")]);
        x.end("w:tcPr");
        let jc = if header {
            "center"
        } else if column.numeric {
            "right"
        } else {
            "left"
        };
        let face = if header { Some(Face::Hei) } else { None };
        paragraph(
            x,
            &Para {
                style: "GwTable",
                jc: Some(jc),
                ..Para::default()
            },
            g,
            &[(
                text,
                RunStyle {
                    face,
                    ..RunStyle::default()
                },
            )],
        );
        x.end("w:tc");
    }
    x.end("w:tr");
}

fn write_figure(
    x: &mut Xml,
    figure: &Figure,
    images: &mut Vec<Vec<u8>>,
) -> Result<(), DocumentError> {
    let refuse = |reason: &str| DocumentError::Figure {
        caption: figure.caption.clone(),
        reason: reason.to_owned(),
    };
    let Image::Png(png) = &figure.image else {
        return Err(refuse("a .docx needs the chart as PNG, not SVG"));
    };
    let (w_px, h_px) = figure
        .image
        .png_size()
        .ok_or_else(|| refuse("not a readable PNG image"))?;
    let mut w_mm = standard::type_width_mm();
    let mut h_mm = w_mm * h_px as f32 / w_px as f32;
    if h_mm > standard::FIGURE_MAX_HEIGHT_MM {
        w_mm *= standard::FIGURE_MAX_HEIGHT_MM / h_mm;
        h_mm = standard::FIGURE_MAX_HEIGHT_MM;
    }
    images.push(png.clone());
    let n = images.len();
    let id = n.to_string();
    let cx = ((w_mm * EMU_PER_MM).round() as i64).to_string();
    let cy = ((h_mm * EMU_PER_MM).round() as i64).to_string();
    x.start("w:p", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "GwFigure")]);
    x.end("w:pPr");
    x.start("w:r", &[]);
    x.start("w:drawing", &[]);
    x.start(
        "wp:inline",
        &[
            ("distT", "0"),
            ("distB", "0"),
            ("distL", "0"),
            ("distR", "0"),
        ],
    );
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty(
        "wp:docPr",
        &[
            ("id", &id),
            ("name", &format!("图{n}")),
            ("descr", &figure.caption),
        ],
    );
    x.start("wp:cNvGraphicFramePr", &[]);
    x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
    x.end("wp:cNvGraphicFramePr");
    x.start("a:graphic", &[]);
    x.start("a:graphicData", &[("uri", NS_PIC)]);
    x.start("pic:pic", &[]);
    x.start("pic:nvPicPr", &[]);
    x.empty(
        "pic:cNvPr",
        &[("id", &id), ("name", &format!("image{n}.png"))],
    );
    x.empty("pic:cNvPicPr", &[]);
    x.end("pic:nvPicPr");
    x.start("pic:blipFill", &[]);
    x.empty("a:blip", &[("r:embed", &format!("rIdImage{n}"))]);
    x.start("a:stretch", &[]);
    x.empty("a:fillRect", &[]);
    x.end("a:stretch");
    x.end("pic:blipFill");
    x.start("pic:spPr", &[]);
    x.start("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    x.end("a:xfrm");
    x.start("a:prstGeom", &[("prst", "rect")]);
    x.empty("a:avLst", &[]);
    x.end("a:prstGeom");
    x.end("pic:spPr");
    x.end("pic:pic");
    x.end("a:graphicData");
    x.end("a:graphic");
    x.end("wp:inline");
    x.end("w:drawing");
    x.end("w:r");
    x.end("w:p");
    x.start("w:p", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "GwCaption")]);
    x.end("w:pPr");
    run(x, &figure.caption, RunStyle::default());
    x.end("w:p");
    Ok(())
}

/// One paragraph style: id, display name, base, outline level, run and paragraph settings.
struct Style<'a> {
    id: &'a str,
    name: &'a str,
    face: Face,
    size_pt: f32,
    bold: bool,
    red: bool,
    jc: &'a str,
    /// First-line indent in body cells (2 for body text).
    first_line_cells: f32,
    /// Exact line height, twips; `None`: single spacing, not snapped to the grid.
    line: Option<i64>,
    outline: Option<u8>,
}

fn styles_xml(g: &Geometry) -> Vec<u8> {
    let body_line = Some(g.line_pitch());
    let base = Style {
        id: "Normal",
        name: "Normal",
        face: Face::FangSong,
        size_pt: BODY_PT,
        bold: false,
        red: false,
        jc: "both",
        first_line_cells: 2.0,
        line: body_line,
        outline: None,
    };
    let styles = [
        Style { ..base },
        Style {
            id: "Heading1",
            name: "heading 1",
            face: Face::Hei,
            outline: Some(0),
            ..base
        },
        Style {
            id: "Heading2",
            name: "heading 2",
            face: Face::Kai,
            outline: Some(1),
            ..base
        },
        Style {
            id: "Heading3",
            name: "heading 3",
            bold: true,
            outline: Some(2),
            ..base
        },
        Style {
            id: "GwMark",
            name: "发文机关标志",
            face: Face::XiaoBiaoSong,
            size_pt: MARK_PT,
            red: true,
            jc: "center",
            first_line_cells: 0.0,
            line: Some(cells(1.25, MARK_PT)),
            ..base
        },
        Style {
            id: "GwDocNo",
            name: "发文字号",
            jc: "center",
            first_line_cells: 0.0,
            ..base
        },
        Style {
            id: "GwTitle",
            name: "公文标题",
            face: Face::XiaoBiaoSong,
            size_pt: TITLE_PT,
            jc: "center",
            first_line_cells: 0.0,
            line: Some(cells(1.6, TITLE_PT)),
            ..base
        },
        Style {
            id: "GwTo",
            name: "主送机关",
            first_line_cells: 0.0,
            ..base
        },
        Style {
            id: "GwClosing",
            name: "署名和成文日期",
            jc: "right",
            first_line_cells: 0.0,
            ..base
        },
        Style {
            id: "GwRecord",
            name: "版记",
            size_pt: SMALL_PT,
            jc: "left",
            first_line_cells: 0.0,
            line: Some(cells(1.5, SMALL_PT)),
            ..base
        },
        Style {
            id: "GwTable",
            name: "表格文字",
            size_pt: TABLE_PT,
            jc: "left",
            first_line_cells: 0.0,
            line: None,
            ..base
        },
        Style {
            id: "GwFigure",
            name: "图",
            jc: "center",
            first_line_cells: 0.0,
            line: None,
            ..base
        },
        Style {
            id: "GwCaption",
            name: "图题",
            size_pt: SMALL_PT,
            jc: "center",
            first_line_cells: 0.0,
            ..base
        },
        Style {
            id: "GwEmpty",
            name: "分节",
            first_line_cells: 0.0,
            line: None,
            size_pt: 2.0,
            ..base
        },
        Style {
            id: "GwPageNumber",
            name: "页码",
            face: Face::Song,
            size_pt: SMALL_PT,
            jc: "right",
            first_line_cells: 0.0,
            line: None,
            ..base
        },
    ];
    let mut x = Xml::new();
    x.start("w:styles", &[("xmlns:w", NS_W)]);
    x.start("w:docDefaults", &[]);
    x.start("w:rPrDefault", &[]);
    x.start("w:rPr", &[]);
    fonts(&mut x, Face::FangSong);
    let body_size = ((BODY_PT * 2.0) as i64).to_string();
    x.empty("w:kern", &[("w:val", "2")]);
    x.empty("w:sz", &[("w:val", &body_size)]);
    x.empty("w:szCs", &[("w:val", &body_size)]);
    x.empty(
        "w:lang",
        &[
            ("w:val", "en-US"),
            ("w:eastAsia", "zh-CN"),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.end("w:rPr");
    x.end("w:rPrDefault");
    x.start("w:pPrDefault", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:spacing", &[("w:before", "0"), ("w:after", "0")]);
    x.end("w:pPr");
    x.end("w:pPrDefault");
    x.end("w:docDefaults");
    for s in &styles {
        // Body-size text is condensed to 28 per line; other sizes are set as they come.
        let spacing = if (s.size_pt - BODY_PT).abs() < 0.01 {
            g.char_spacing()
        } else {
            0
        };
        write_style(&mut x, s, spacing);
    }
    x.end("w:styles");
    x.finish()
}

fn write_style(x: &mut Xml, s: &Style<'_>, char_spacing: i64) {
    let mut attrs = vec![("w:type", "paragraph"), ("w:styleId", s.id)];
    if s.id == "Normal" {
        attrs.push(("w:default", "1"));
    }
    x.start("w:style", &attrs);
    x.empty("w:name", &[("w:val", s.name)]);
    if s.id != "Normal" {
        x.empty("w:basedOn", &[("w:val", "Normal")]);
        x.empty("w:qFormat", &[]);
    }
    x.start("w:pPr", &[]);
    if s.line.is_none() {
        x.empty("w:snapToGrid", &[("w:val", "0")]);
    }
    match s.line {
        Some(line) => x.empty(
            "w:spacing",
            &[("w:line", &line.to_string()), ("w:lineRule", "exact")],
        ),
        None => x.empty("w:spacing", &[("w:line", "240"), ("w:lineRule", "auto")]),
    }
    let first = cells(s.first_line_cells, BODY_PT).to_string();
    let chars = ((s.first_line_cells * 100.0).round() as i64).to_string();
    x.empty(
        "w:ind",
        &[("w:firstLineChars", &chars), ("w:firstLine", &first)],
    );
    x.empty("w:jc", &[("w:val", s.jc)]);
    if let Some(level) = s.outline {
        x.empty("w:outlineLvl", &[("w:val", &level.to_string())]);
    }
    x.end("w:pPr");
    x.start("w:rPr", &[]);
    fonts(x, s.face);
    if s.bold {
        x.empty("w:b", &[]);
        x.empty("w:bCs", &[]);
    }
    if s.red {
        x.empty("w:color", &[("w:val", &hex(RED))]);
    }
    x.empty("w:spacing", &[("w:val", &char_spacing.to_string())]);
    let size = ((s.size_pt * 2.0).round() as i64).to_string();
    x.empty("w:sz", &[("w:val", &size)]);
    x.empty("w:szCs", &[("w:val", &size)]);
    x.end("w:rPr");
    x.end("w:style");
}

fn settings_xml() -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:settings", &[("xmlns:w", NS_W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    x.empty("w:defaultTabStop", &[("w:val", "420")]);
    // Odd and even pages have their own footers: page numbers on the outer side.
    x.empty("w:evenAndOddHeaders", &[]);
    x.empty(
        "w:characterSpacingControl",
        &[("w:val", "compressPunctuation")],
    );
    x.start("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.end("w:compat");
    x.end("w:settings");
    x.finish()
}

fn font_table_xml() -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:fonts", &[("xmlns:w", NS_W)]);
    for face in Face::ALL {
        x.start("w:font", &[("w:name", face.office_name())]);
        if let Some(alt) = face.office_fallback() {
            x.empty("w:altName", &[("w:val", alt)]);
        }
        // 86: GB2312 character set.
        x.empty("w:charset", &[("w:val", "86")]);
        x.empty("w:family", &[("w:val", "modern")]);
        x.empty("w:pitch", &[("w:val", "fixed")]);
        x.end("w:font");
    }
    x.end("w:fonts");
    x.finish()
}

/// Page number footer: `— PAGE —`, right with one cell in on odd pages, left on even pages.
fn footer_xml(odd: bool) -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:ftr", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    x.start("w:p", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "GwPageNumber")]);
    let one = cells(1.0, SMALL_PT).to_string();
    if odd {
        x.empty(
            "w:ind",
            &[
                ("w:right", &one),
                ("w:firstLineChars", "0"),
                ("w:firstLine", "0"),
            ],
        );
        x.empty("w:jc", &[("w:val", "right")]);
    } else {
        x.empty(
            "w:ind",
            &[
                ("w:left", &one),
                ("w:firstLineChars", "0"),
                ("w:firstLine", "0"),
            ],
        );
        x.empty("w:jc", &[("w:val", "left")]);
    }
    x.end("w:pPr");
    run(&mut x, "— ", RunStyle::default());
    x.start("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "begin")]);
    x.end("w:r");
    x.start("w:r", &[]);
    x.leaf("w:instrText", &[("xml:space", "preserve")], " PAGE ");
    x.end("w:r");
    x.start("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
    x.end("w:r");
    run(&mut x, "1", RunStyle::default());
    x.start("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "end")]);
    x.end("w:r");
    run(&mut x, " —", RunStyle::default());
    x.end("w:p");
    x.end("w:ftr");
    x.finish()
}

fn content_types(images: usize) -> Vec<u8> {
    const MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut x = Xml::new();
    x.start(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    if images > 0 {
        x.empty(
            "Default",
            &[("Extension", "png"), ("ContentType", "image/png")],
        );
    }
    let parts = [
        ("/word/document.xml", format!("{MAIN}.document.main+xml")),
        ("/word/styles.xml", format!("{MAIN}.styles+xml")),
        ("/word/settings.xml", format!("{MAIN}.settings+xml")),
        ("/word/fontTable.xml", format!("{MAIN}.fontTable+xml")),
        ("/word/footer1.xml", format!("{MAIN}.footer+xml")),
        ("/word/footer2.xml", format!("{MAIN}.footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_owned(),
        ),
    ];
    for (name, kind) in &parts {
        x.empty("Override", &[("PartName", name), ("ContentType", kind)]);
    }
    x.end("Types");
    x.finish()
}

fn relationships(rels: &[(String, String, String)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.end("Relationships");
    x.finish()
}

fn package_rels() -> Vec<u8> {
    relationships(&[
        (
            "rId1".into(),
            format!("{REL_BASE}/officeDocument"),
            "word/document.xml".into(),
        ),
        (
            "rId2".into(),
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .into(),
            "docProps/core.xml".into(),
        ),
        (
            "rId3".into(),
            format!("{REL_BASE}/extended-properties"),
            "docProps/app.xml".into(),
        ),
    ])
}

fn document_rels(images: usize) -> Vec<u8> {
    let mut rels: Vec<(String, String, String)> = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFontTable", "fontTable", "fontTable.xml"),
        ("rIdFooterOdd", "footer", "footer1.xml"),
        ("rIdFooterEven", "footer", "footer2.xml"),
    ]
    .iter()
    .map(|(id, kind, target)| {
        (
            (*id).to_owned(),
            format!("{REL_BASE}/{kind}"),
            (*target).to_owned(),
        )
    })
    .collect();
    for n in 1..=images {
        rels.push((
            format!("rIdImage{n}"),
            format!("{REL_BASE}/image"),
            format!("media/image{n}.png"),
        ));
    }
    relationships(&rels)
}

fn core_xml(title: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
    );
    x.leaf("dc:title", &[], title);
    x.leaf("dc:creator", &[], "AirDesk");
    x.end("cp:coreProperties");
    x.finish()
}

fn app_xml() -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.leaf("Application", &[], "AirDesk");
    x.end("Properties");
    x.finish()
}
