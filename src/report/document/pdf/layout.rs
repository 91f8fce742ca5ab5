//! Laying a [`Document`] out on A4 pages by GB/T 9704-2012: positions in points from the page's
//! top-left corner, text broken into lines by the Unicode line breaking rules (UAX #14, which keep
//! closing punctuation such as `，。、）》` off the start of a line and opening punctuation off its
//! end), body lines on the 22-line grid with 28 characters per line, justified.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::{FontBook, Resolved};
use crate::report::document::standard::{
    self, BODY_PT, Face, MARK_PT, MARK_TOP_MM, PT_PER_MM, SMALL_PT, TABLE_PT, TITLE_PT,
};
use crate::report::document::text::attachment_lines;
use crate::report::document::{Block, Document, Figure, Head, Image, Part, Record, Table};

/// Table cell padding, points.
const CELL_PAD: f32 = 3.0;

/// A glyph placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id.
    pub glyph: u16,
    /// Advance to the next glyph, points.
    pub advance: f32,
    /// The characters it prints, as a byte range of the run's text.
    pub range: Range<usize>,
}

/// One drawing operation on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A run of glyphs of one font.
    Text {
        /// Start of the baseline.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size, points.
        size: f32,
        /// Font slot in the [`FontBook`].
        slot: usize,
        /// The glyphs.
        glyphs: Vec<PlacedGlyph>,
        /// The text they print.
        text: String,
        /// Red (版头).
        red: bool,
        /// Draw emboldened (a bold style in a font without bold).
        embolden: bool,
        /// Horizontal scale (the 发文机关标志 narrowed to fit).
        scale_x: f32,
    },
    /// A horizontal rule.
    Rule {
        /// From x.
        x1: f32,
        /// To x.
        x2: f32,
        /// At y.
        y: f32,
        /// Thickness, points.
        width: f32,
        /// Red (版头) or black.
        red: bool,
    },
    /// A vertical line (table borders).
    VLine {
        /// At x.
        x: f32,
        /// From y.
        y1: f32,
        /// To y.
        y2: f32,
    },
    /// A light grey box (table header).
    Shade {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// A PNG image.
    Image {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// PNG bytes.
        png: Vec<u8>,
    },
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What to draw.
    pub ops: Vec<Op>,
    /// Page number within its part (page numbers restart with each part).
    pub number: u32,
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    face: Face,
    bold: bool,
    size: f32,
    red: bool,
    /// Height of one line, points.
    line: f32,
    /// Horizontal scale of glyphs.
    scale_x: f32,
    /// Advance multiplier: body text is set on the 28-per-line grid.
    squeeze: f32,
}

impl Style {
    fn body(face: Face) -> Self {
        Style {
            face,
            bold: false,
            size: BODY_PT,
            red: false,
            line: standard::line_pitch_pt(),
            scale_x: 1.0,
            squeeze: standard::char_pitch_pt() / BODY_PT,
        }
    }

    fn sized(face: Face, size: f32, line: f32) -> Self {
        Style {
            size,
            line,
            squeeze: 1.0,
            ..Style::body(face)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Justify,
    Left,
    Center,
    Right,
}

/// A character ready to set.
#[derive(Debug, Clone, Copy)]
struct Cell {
    ch: char,
    /// Byte offset in the source text.
    byte: usize,
    /// Advance, points.
    advance: f32,
    /// Font and glyph; `None` for a character no font has (it takes no room and is reported).
    font: Option<Resolved>,
}

impl Cell {
    fn is_space(&self) -> bool {
        self.ch.is_whitespace()
    }
}

/// The pages of `doc`, fonts taken from `book`.
pub fn lay_out(doc: &Document, book: &mut FontBook) -> Vec<Page> {
    laid_out(doc, book).finish()
}

/// For each part of `doc`, whether its 版记 goes on a page of its own: the body ends on an odd
/// page, or leaves no room for it on an even one. The .docx writer puts such a 版记 into a
/// section that starts on the next even page; the others stay under the body.
pub fn records_alone(doc: &Document, book: &mut FontBook) -> Vec<bool> {
    laid_out(doc, book).record_alone
}

fn laid_out<'b>(doc: &Document, book: &'b mut FontBook) -> Layout<'b> {
    let mut l = Layout::new(book);
    for part in &doc.parts {
        l.record_alone.push(false);
        l.part(part);
    }
    l
}

struct Layout<'b> {
    book: &'b mut FontBook,
    pages: Vec<Page>,
    page: Page,
    /// Top of the next line, points from the page top.
    y: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    /// Per part laid out so far: whether its 版记 went onto a page of its own.
    record_alone: Vec<bool>,
}

impl<'b> Layout<'b> {
    fn new(book: &'b mut FontBook) -> Self {
        let left = standard::MARGIN_LEFT_MM * PT_PER_MM;
        let top = standard::MARGIN_TOP_MM * PT_PER_MM;
        Layout {
            book,
            pages: Vec::new(),
            page: Page::default(),
            y: top,
            left,
            right: left + standard::type_width_mm() * PT_PER_MM,
            top,
            bottom: top + standard::type_height_mm() * PT_PER_MM,
            record_alone: Vec::new(),
        }
    }

    fn width(&self) -> f32 {
        self.right - self.left
    }

    fn finish(mut self) -> Vec<Page> {
        self.close_page();
        self.pages
    }

    /// Close the current page (if anything is on it) and number it.
    fn close_page(&mut self) {
        if self.page.number > 0 {
            let page = std::mem::take(&mut self.page);
            self.pages.push(page);
        }
    }

    fn new_page(&mut self) {
        let number = self.page.number + 1;
        self.close_page();
        self.page = Page {
            ops: Vec::new(),
            number,
        };
        self.page_number(number);
        self.y = self.top;
    }

    /// `— n —` under the type area: right on odd pages, left on even pages, one cell in.
    fn page_number(&mut self, n: u32) {
        let style = Style::sized(Face::Song, SMALL_PT, SMALL_PT);
        let text = format!("— {n} —");
        let cells = self.shape(&text, style);
        let width: f32 = cells.iter().map(|c| c.advance).sum();
        let y = self.bottom + standard::PAGE_NUMBER_GAP_MM * PT_PER_MM + 0.88 * SMALL_PT;
        let x = if n % 2 == 1 {
            self.right - SMALL_PT - width
        } else {
            self.left + SMALL_PT
        };
        self.emit(&text, &cells, x, y, style, 0.0);
    }

    /// Room for `h` more points on this page, else a new page.
    fn need(&mut self, h: f32) {
        if self.y + h > self.bottom + 0.01 {
            self.new_page();
        }
    }

    /// Leave `n` blank body lines (not carried over to a new page).
    fn skip_lines(&mut self, n: f32) {
        let h = n * standard::line_pitch_pt();
        if self.y + h > self.bottom {
            self.new_page();
        } else {
            self.y += h;
        }
    }

    fn part(&mut self, part: &Part) {
        self.page.number = 0;
        self.new_page();
        let title_gap = self.head(&part.head);
        if !part.title.is_empty() {
            self.skip_lines(title_gap);
            let style = Style::sized(Face::XiaoBiaoSong, TITLE_PT, TITLE_PT * 1.6);
            self.paragraph(&part.title, style, Align::Center, 0.0, 0.0, 0.0);
        }
        if !part.to.is_empty() {
            self.skip_lines(1.0);
            let to = format!("{}：", part.to);
            self.paragraph(
                &to,
                Style::body(Face::FangSong),
                Align::Justify,
                0.0,
                0.0,
                0.0,
            );
        }
        for block in &part.body {
            self.block(block);
        }
        self.attachments(&part.attachments);
        if let Some(c) = &part.closing {
            self.closing(&c.issuer, &c.date);
        }
        if let Some(r) = &part.record {
            self.record(r);
        }
    }

    /// The 版头; returns the blank lines to leave before the title.
    fn head(&mut self, head: &Head) -> f32 {
        match head {
            Head::None => 0.0,
            Head::Red {
                mark,
                doc_no,
                signer,
                marks,
            } => {
                for (face, line) in marks.lines() {
                    self.paragraph(&line, Style::body(face), Align::Left, 0.0, 0.0, 0.0);
                }
                self.y = self.y.max(self.top + MARK_TOP_MM * PT_PER_MM);
                self.mark(mark);
                self.skip_lines(2.0);
                let body = Style::body(Face::FangSong);
                let cell = standard::char_pitch_pt();
                if signer.is_empty() {
                    self.paragraph(doc_no, body, Align::Center, 0.0, 0.0, 0.0);
                } else {
                    let y = self.y;
                    self.paragraph(doc_no, body, Align::Left, cell, cell, 0.0);
                    if standard::signer_fits(doc_no, signer) {
                        self.y = y;
                    }
                    let y = self.y;
                    let width = self.text_width(signer, Style::body(Face::Kai));
                    self.paragraph("签发人：", body, Align::Right, 0.0, cell + width, 0.0);
                    self.y = y;
                    self.paragraph(signer, Style::body(Face::Kai), Align::Right, 0.0, cell, 0.0);
                }
                self.red_rule();
                2.0
            }
            Head::Bulletin {
                name,
                number,
                issuer,
                date,
            } => {
                self.y = self.top + standard::BULLETIN_TOP_MM * PT_PER_MM;
                self.mark(name);
                self.skip_lines(0.5);
                let body = Style::body(Face::FangSong);
                self.paragraph(number, body, Align::Center, 0.0, 0.0, 0.0);
                let y = self.y;
                self.paragraph(issuer, body, Align::Left, 0.0, 0.0, 0.0);
                self.y = y;
                self.paragraph(date, body, Align::Right, 0.0, 0.0, 0.0);
                self.red_rule();
                1.0
            }
        }
    }

    /// The red 发文机关标志 (or 简报 name), its top at `self.y`, narrowed to the type width.
    fn mark(&mut self, mark: &str) {
        let style = Style {
            red: true,
            scale_x: standard::mark_scale(mark),
            ..Style::sized(Face::XiaoBiaoSong, MARK_PT, MARK_PT * 1.2)
        };
        let cells = self.shape(mark, style);
        let width: f32 = cells.iter().map(|c| c.advance).sum::<f32>() * style.scale_x;
        let x = self.left + (self.width() - width).max(0.0) / 2.0;
        let baseline = self.y + 0.88 * MARK_PT;
        self.emit(mark, &cells, x, baseline, style, 0.0);
        self.y += style.line;
    }

    /// The red separator line 4 mm under the text just set.
    fn red_rule(&mut self) {
        let pitch = standard::line_pitch_pt();
        // The text's bottom: baseline plus descent, within the line just set.
        let text_bottom = self.y - pitch / 2.0 + 0.38 * BODY_PT + 0.12 * BODY_PT;
        let y = text_bottom + standard::RULE_BELOW_DOC_NO_MM * PT_PER_MM;
        self.page.ops.push(Op::Rule {
            x1: self.left,
            x2: self.right,
            y,
            width: standard::HEAD_RULE_PT,
            red: true,
        });
        self.y = self.y.max(y);
    }

    fn block(&mut self, block: &Block) {
        let indent = 2.0 * standard::char_pitch_pt();
        match block {
            Block::Heading(level, text) => {
                let style = match level {
                    1 => Style::body(Face::Hei),
                    2 => Style::body(Face::Kai),
                    _ => Style {
                        bold: true,
                        ..Style::body(Face::FangSong)
                    },
                };
                // Keep a heading with the line after it.
                self.need(2.0 * style.line);
                self.paragraph(text, style, Align::Justify, indent, 0.0, 0.0);
            }
            Block::Paragraph(text) => {
                let style = Style::body(Face::FangSong);
                self.paragraph(text, style, Align::Justify, indent, 0.0, 0.0);
            }
            Block::Table(table) => self.table(table),
            Block::Figure(figure) => self.figure(figure),
        }
    }

    fn attachments(&mut self, names: &[String]) {
        if names.is_empty() {
            return;
        }
        self.skip_lines(1.0);
        let cell = standard::char_pitch_pt();
        for line in attachment_lines(names) {
            // Wrapped lines align with the first name, after 「附件：」.
            self.paragraph(
                &line,
                Style::body(Face::FangSong),
                Align::Justify,
                2.0 * cell,
                0.0,
                5.0 * cell,
            );
        }
    }

    fn closing(&mut self, issuer: &str, date: &str) {
        let (issuer_right, date_right) = standard::closing_indents(issuer, date);
        let cell = standard::char_pitch_pt();
        let style = Style::body(Face::FangSong);
        self.need(4.0 * style.line);
        self.skip_lines(2.0);
        if !issuer.is_empty() {
            self.paragraph(issuer, style, Align::Right, 0.0, issuer_right * cell, 0.0);
        }
        if !date.is_empty() {
            self.paragraph(date, style, Align::Right, 0.0, date_right * cell, 0.0);
        }
    }

    /// The 版记 at the foot of the page: thick rule, each line with a thin rule under it, the
    /// 印发 line, and the closing thick rule on the bottom of the type area.
    fn record(&mut self, record: &Record) {
        let style = Style::sized(Face::FangSong, SMALL_PT, SMALL_PT * 1.6);
        let cell = SMALL_PT;
        let lines = record.entries();
        let has_printed = !(record.printer.is_empty() && record.printed.is_empty());
        // Height: wrapped lines of each entry, plus the 印发 line.
        let mut heights: Vec<f32> = Vec::new();
        for (label, bodies) in &lines {
            let label_w = self.text_width(label, style);
            let text = format!("{label}{bodies}");
            let cells = self.shape(&text, style);
            let avail = self.width() - 2.0 * cell;
            let n = break_lines(&cells, avail, avail - label_w).len().max(1);
            heights.push(n as f32 * style.line);
        }
        if has_printed {
            heights.push(style.line);
        }
        let total: f32 = heights.iter().sum();
        if total == 0.0 {
            return;
        }
        self.record_page(self.y + total + standard::line_pitch_pt() <= self.bottom);
        self.y = self.bottom - total;
        self.rule(self.y, standard::RECORD_THICK_PT);
        let n = lines.len();
        for (i, (label, bodies)) in lines.iter().enumerate() {
            let label_w = self.text_width(label, style);
            let text = format!("{label}{bodies}");
            self.paragraph(&text, style, Align::Left, cell, cell, cell + label_w);
            let last = !has_printed && i + 1 == n;
            let width = if last {
                standard::RECORD_THICK_PT
            } else {
                standard::RECORD_THIN_PT
            };
            self.rule(self.y, width);
        }
        if has_printed {
            let y = self.y;
            self.paragraph(&record.printer, style, Align::Left, cell, 0.0, 0.0);
            if !record.printed.is_empty() {
                self.y = y;
                let printed = format!("{}印发", record.printed);
                self.paragraph(&printed, style, Align::Right, 0.0, cell, 0.0);
            }
            self.rule(self.y, standard::RECORD_THICK_PT);
        }
    }

    /// Go to the page the 版记 goes on: the last page of a part, which must be even (GB/T 9704
    /// §7.4). `fits`: whether the 版记 fits under what this page holds. After an odd page it
    /// goes on the back; when an even page is full, a blank page comes first, and neither the
    /// blank page nor the 版记's carries a page number (§7.5).
    fn record_page(&mut self, fits: bool) {
        let even = self.page.number.is_multiple_of(2);
        if fits && even {
            return;
        }
        if let Some(alone) = self.record_alone.last_mut() {
            *alone = true;
        }
        if even {
            for _ in 0..2 {
                self.new_page();
                self.page.ops.clear();
            }
        } else {
            self.new_page();
        }
    }

    fn rule(&mut self, y: f32, width: f32) {
        self.page.ops.push(Op::Rule {
            x1: self.left,
            x2: self.right,
            y,
            width,
            red: false,
        });
    }

    fn table(&mut self, table: &Table) {
        if table.columns.is_empty() {
            return;
        }
        let total: f32 = table
            .columns
            .iter()
            .map(|c| f32::from(c.width.max(1)))
            .sum();
        let mut xs = vec![self.left];
        for c in &table.columns {
            let last = *xs.last().unwrap_or(&self.left);
            xs.push(last + self.width() * f32::from(c.width.max(1)) / total);
        }
        let header: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let head_style = Style::sized(Face::Hei, TABLE_PT, TABLE_PT * 1.45);
        let cell_style = Style::sized(Face::FangSong, TABLE_PT, TABLE_PT * 1.45);
        let header_row = self.row_lines(&header, &xs, head_style);
        self.skip_small(4.0);
        self.need(header_row.height() + cell_style.line + 2.0 * CELL_PAD);
        self.draw_row(&header_row, &xs, table, head_style, true);
        let page_room = self.bottom - self.top - header_row.height();
        for row in &table.rows {
            let lines = self.row_lines(row, &xs, cell_style);
            // A row that fits on a page is not split.
            if lines.height() <= page_room && self.y + lines.height() > self.bottom {
                self.new_page();
                self.draw_row(&header_row, &xs, table, head_style, true);
            }
            let total = lines.max_lines();
            let mut from = 0;
            while from < total {
                let room = ((self.bottom - self.y - 2.0 * CELL_PAD) / cell_style.line).floor();
                if room < 1.0 {
                    self.new_page();
                    self.draw_row(&header_row, &xs, table, head_style, true);
                    continue;
                }
                let take = (total - from).min(room as usize);
                self.draw_row_part(&lines, &xs, table, cell_style, false, from..from + take);
                from += take;
            }
        }
        self.skip_small(4.0);
    }

    /// Space of `pt` points unless at the top of a page.
    fn skip_small(&mut self, pt: f32) {
        if self.y > self.top + 0.01 && self.y + pt <= self.bottom {
            self.y += pt;
        }
    }

    fn row_lines(&mut self, cells: &[String], xs: &[f32], style: Style) -> RowLines {
        let mut out = Vec::new();
        for (i, text) in cells.iter().enumerate() {
            let avail = (xs[i + 1] - xs[i] - 2.0 * CELL_PAD).max(style.size);
            let shaped = self.shape(text, style);
            let ranges = break_lines(&shaped, avail, avail);
            out.push((text.clone(), shaped, ranges));
        }
        RowLines {
            cells: out,
            line: style.line,
        }
    }

    fn draw_row(&mut self, row: &RowLines, xs: &[f32], table: &Table, style: Style, header: bool) {
        self.draw_row_part(row, xs, table, style, header, 0..row.max_lines());
    }

    fn draw_row_part(
        &mut self,
        row: &RowLines,
        xs: &[f32],
        table: &Table,
        style: Style,
        header: bool,
        lines: Range<usize>,
    ) {
        let h = lines.len() as f32 * row.line + 2.0 * CELL_PAD;
        let top = self.y;
        if header {
            self.page.ops.push(Op::Shade {
                x: self.left,
                y: top,
                w: self.width(),
                h,
            });
        }
        for (i, (text, cells, ranges)) in row.cells.iter().enumerate() {
            let align = if header {
                Align::Center
            } else if table.columns.get(i).is_some_and(|c| c.numeric) {
                Align::Right
            } else {
                Align::Left
            };
            let (x0, x1) = (xs[i] + CELL_PAD, xs[i + 1] - CELL_PAD);
            for (k, r) in ranges
                .iter()
                .enumerate()
                .skip(lines.start)
                .take(lines.len())
            {
                let line_top = top + CELL_PAD + (k - lines.start) as f32 * row.line;
                let baseline = line_top + row.line / 2.0 + 0.38 * style.size;
                self.set_line(
                    text,
                    &cells[r.clone()],
                    x0,
                    x1,
                    baseline,
                    style,
                    align,
                    false,
                );
            }
        }
        self.page.ops.push(Op::Rule {
            x1: self.left,
            x2: self.right,
            y: top,
            width: 0.5,
            red: false,
        });
        self.page.ops.push(Op::Rule {
            x1: self.left,
            x2: self.right,
            y: top + h,
            width: 0.5,
            red: false,
        });
        for &x in xs {
            self.page.ops.push(Op::VLine {
                x,
                y1: top,
                y2: top + h,
            });
        }
        self.y = top + h;
    }

    fn figure(&mut self, figure: &Figure) {
        let Image::Png(png) = &figure.image else {
            return;
        };
        let Some((w_px, h_px)) = figure.image.png_size() else {
            return;
        };
        let caption = Style::sized(Face::FangSong, SMALL_PT, SMALL_PT * 1.6);
        let max_h = (standard::FIGURE_MAX_HEIGHT_MM * PT_PER_MM)
            .min(self.bottom - self.top - 2.0 * caption.line);
        let mut w = self.width();
        let mut h = w * h_px as f32 / w_px as f32;
        if h > max_h {
            w *= max_h / h;
            h = max_h;
        }
        self.need(h + caption.line);
        let x = self.left + (self.width() - w) / 2.0;
        self.page.ops.push(Op::Image {
            x,
            y: self.y,
            w,
            h,
            png: png.clone(),
        });
        self.y += h;
        self.paragraph(&figure.caption, caption, Align::Center, 0.0, 0.0, 0.0);
    }

    fn text_width(&mut self, text: &str, style: Style) -> f32 {
        self.shape(text, style).iter().map(|c| c.advance).sum()
    }

    /// Characters of `text` with their fonts and advances in `style`.
    fn shape(&mut self, text: &str, style: Style) -> Vec<Cell> {
        text.char_indices()
            .map(|(byte, ch)| {
                let ch = if ch.is_control() { ' ' } else { ch };
                let font = self.book.resolve(style.face, style.bold, ch);
                let em = match font {
                    Some(r) => r.advance,
                    None if ch.is_whitespace() => 0.5,
                    None => 0.0,
                };
                Cell {
                    ch,
                    byte,
                    advance: em * style.size * style.squeeze,
                    font,
                }
            })
            .collect()
    }

    /// Set `text` as a paragraph from `self.y`: the first line indented by `first` from the left,
    /// the others by `hang`; `right` kept free at the right. Moves `self.y` past it.
    fn paragraph(
        &mut self,
        text: &str,
        style: Style,
        align: Align,
        first: f32,
        right: f32,
        hang: f32,
    ) {
        let cells = self.shape(text, style);
        let width = self.width() - right;
        let ranges = if align == Align::Center {
            balanced_lines(&cells, width)
        } else {
            break_lines(&cells, width - first, width - hang)
        };
        let n = ranges.len();
        for (i, r) in ranges.into_iter().enumerate() {
            self.need(style.line);
            let x0 = self.left + if i == 0 { first } else { hang };
            let baseline = self.y + style.line / 2.0 + 0.38 * style.size;
            let last = i + 1 == n;
            let x1 = self.left + width;
            self.set_line(text, &cells[r], x0, x1, baseline, style, align, !last);
            self.y += style.line;
        }
    }

    /// Emit one line of `cells` between `x0` and `x1`.
    #[allow(clippy::too_many_arguments)]
    fn set_line(
        &mut self,
        text: &str,
        cells: &[Cell],
        x0: f32,
        x1: f32,
        baseline: f32,
        style: Style,
        align: Align,
        stretch: bool,
    ) {
        let end = cells
            .iter()
            .rposition(|c| !c.is_space())
            .map_or(0, |p| p + 1);
        let cells = &cells[..end];
        let width: f32 = cells.iter().map(|c| c.advance).sum::<f32>() * style.scale_x;
        let room = x1 - x0;
        let (x, gap) = match align {
            Align::Justify if stretch && cells.len() > 1 && room > width => {
                (x0, (room - width) / (cells.len() - 1) as f32)
            }
            Align::Justify | Align::Left => (x0, 0.0),
            Align::Center => (x0 + (room - width) / 2.0, 0.0),
            Align::Right => (x1 - width, 0.0),
        };
        // A gap wider than half a character means a line cut short by a long word: leave it.
        let gap = if gap > style.size * 0.5 { 0.0 } else { gap };
        self.emit(text, cells, x, baseline, style, gap);
    }

    /// Runs of one font each, placed from `x` along `baseline`, `gap` added after each glyph.
    fn emit(&mut self, text: &str, cells: &[Cell], x: f32, baseline: f32, style: Style, gap: f32) {
        let mut x = x;
        let mut i = 0;
        while i < cells.len() {
            let Some(font) = cells[i].font else {
                x += cells[i].advance + gap;
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < cells.len()
                && cells[j]
                    .font
                    .is_some_and(|f| f.slot == font.slot && f.embolden == font.embolden)
            {
                j += 1;
            }
            let run = &cells[i..j];
            let start = run[0].byte;
            let stop = cells
                .get(j)
                .map_or_else(|| end_of(text, run), |c| c.byte.min(end_of(text, run)));
            let run_text = text.get(start..stop).unwrap_or("").to_owned();
            let glyphs: Vec<PlacedGlyph> = run
                .iter()
                .map(|c| {
                    let from = c.byte - start;
                    PlacedGlyph {
                        glyph: c.font.map_or(0, |f| f.glyph),
                        advance: c.advance * style.scale_x + gap,
                        range: from..from + c.ch.len_utf8(),
                    }
                })
                .collect();
            let width: f32 = glyphs.iter().map(|g| g.advance).sum();
            self.page.ops.push(Op::Text {
                x,
                y: baseline,
                size: style.size,
                slot: font.slot,
                glyphs,
                text: run_text,
                red: style.red,
                embolden: font.embolden,
                scale_x: style.scale_x,
            });
            x += width;
            i = j;
        }
    }
}

/// The byte after the last character of `run` in `text`.
fn end_of(text: &str, run: &[Cell]) -> usize {
    run.last()
        .map_or(0, |c| (c.byte + c.ch.len_utf8()).min(text.len()))
}

/// The lines of a table row: per cell its text, characters and line ranges.
struct RowLines {
    cells: Vec<(String, Vec<Cell>, Vec<Range<usize>>)>,
    line: f32,
}

impl RowLines {
    fn max_lines(&self) -> usize {
        self.cells
            .iter()
            .map(|(_, _, r)| r.len())
            .max()
            .unwrap_or(1)
            .max(1)
    }

    fn height(&self) -> f32 {
        self.max_lines() as f32 * self.line + 2.0 * CELL_PAD
    }
}

/// Lines of a centred text (a title) of about equal length, as few as fit in `width`: no line
/// left with a character or two.
fn balanced_lines(cells: &[Cell], width: f32) -> Vec<Range<usize>> {
    let greedy = break_lines(cells, width, width);
    if greedy.len() < 2 {
        return greedy;
    }
    let total: f32 = cells.iter().map(|c| c.advance).sum();
    let step = cells.iter().map(|c| c.advance).fold(1.0_f32, f32::max);
    let mut w = total / greedy.len() as f32;
    while w < width {
        let lines = break_lines(cells, w, w);
        if lines.len() <= greedy.len() {
            return lines;
        }
        w += step / 2.0;
    }
    greedy
}

/// Break `cells` into lines no wider than `first` (the first line) and `rest` (the others), at
/// the opportunities UAX #14 allows; a piece wider than a whole line is cut between characters.
/// Returns ranges of `cells`; an empty text gives one empty line.
fn break_lines(cells: &[Cell], first: f32, rest: f32) -> Vec<Range<usize>> {
    if cells.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let text: String = cells.iter().map(|c| c.ch).collect();
    // Byte offsets of our (possibly replaced) characters, for mapping break positions.
    let mut starts: Vec<usize> = Vec::with_capacity(cells.len() + 1);
    let mut b = 0;
    for c in cells {
        starts.push(b);
        b += c.ch.len_utf8();
    }
    starts.push(b);
    let index_of = |byte: usize| starts.partition_point(|&s| s < byte);
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut width = 0.0_f32;
    let mut seg_start = 0;
    let avail = |lines: &Vec<Range<usize>>| if lines.is_empty() { first } else { rest };
    let seg_width = |a: usize, b: usize, trim: bool| -> f32 {
        let end = if trim {
            (a..b)
                .rev()
                .find(|&k| !cells[k].is_space())
                .map_or(a, |k| k + 1)
        } else {
            b
        };
        cells[a..end].iter().map(|c| c.advance).sum()
    };
    for (byte, kind) in linebreaks(&text) {
        let seg_end = index_of(byte);
        let mut a = seg_start;
        // Does the segment fit on the current line?
        if width + seg_width(a, seg_end, true) > avail(&lines) + 0.01 && a > start {
            lines.push(start..a);
            start = a;
            width = 0.0;
        }
        // A segment wider than a whole line is cut between characters.
        while seg_width(a, seg_end, true) > avail(&lines) + 0.01 {
            let room = avail(&lines);
            let mut w = 0.0;
            let mut k = a;
            while k < seg_end && (w + cells[k].advance <= room + 0.01 || k == a) {
                w += cells[k].advance;
                k += 1;
            }
            lines.push(start..k);
            start = k;
            a = k;
            width = 0.0;
        }
        width += seg_width(a, seg_end, false);
        seg_start = seg_end;
        if kind == BreakOpportunity::Mandatory && seg_end < cells.len() {
            lines.push(start..seg_end);
            start = seg_end;
            width = 0.0;
        }
    }
    if start < cells.len() || lines.is_empty() {
        lines.push(start..cells.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &str) -> Vec<Cell> {
        s.char_indices()
            .map(|(byte, ch)| Cell {
                ch,
                byte,
                advance: if ch.is_ascii() { 8.0 } else { 16.0 },
                font: None,
            })
            .collect()
    }

    fn lines(s: &str, width: f32) -> Vec<String> {
        let c = cells(s);
        break_lines(&c, width, width)
            .into_iter()
            .map(|r| c[r].iter().map(|x| x.ch).collect())
            .collect()
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Five characters per line: the comma after the fifth character takes it along.
        let out = lines("一二三四五，六七八九十。", 80.0);
        for l in &out {
            assert!(!l.starts_with('，') && !l.starts_with('。'), "{out:?}");
        }
        assert_eq!(out.concat(), "一二三四五，六七八九十。");
        // Opening brackets stay with what follows.
        let out = lines("一二三四（五六）七八", 80.0);
        for l in &out {
            assert!(!l.ends_with('（'), "{out:?}");
        }
    }

    #[test]
    fn titles_break_into_even_lines() {
        let c = cells("某某县重污染天气应急工作日报（十二月二十二日）");
        let lines = balanced_lines(&c, 16.0 * 20.0);
        assert_eq!(lines.len(), 2);
        let (a, b) = (lines[0].len(), lines[1].len());
        assert!(a.abs_diff(b) <= 2, "{a} and {b}");
    }

    #[test]
    fn latin_words_and_long_strings() {
        let out = lines("首要污染物PM2.5浓度", 80.0);
        assert!(out.iter().any(|l| l.contains("PM2.5")), "{out:?}");
        // A 64-character hash is cut to fit.
        let hash = "a".repeat(64);
        let out = lines(&hash, 80.0);
        assert!(out.iter().all(|l| l.len() <= 10), "{out:?}");
        assert_eq!(out.concat(), hash);
        assert_eq!(lines("", 80.0), vec![String::new()]);
    }
}
