//! Official documents (公文) as plain data, and the writers that turn one into a file: plain text
//! (for pasting into a WeChat group), HTML, Word (.docx) and PDF.
//!
//! Every notice and report the app writes builds one [`Document`] from its content; the four
//! writers only lay that out, so the words of the .txt, the .docx and the PDF never diverge. The
//! layout follows GB/T 9704-2012 (党政机关公文格式, see [`standard`]): 版头 with the red 发文机关标志
//! and 发文字号, title, 主送机关, body with three levels of headings, 附件说明, 署名 and 成文日期,
//! and the 版记 with 抄送 and 印发机关/印发日期.

pub mod docx;
pub mod format;
pub mod html;
pub mod pdf;
pub mod standard;
pub mod text;

pub use format::{DocumentError, Format, render};

/// What one file holds: one or more 公文, each starting on a new page with its own page numbers
/// (the per-unit task notices are one file with a part per unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file's title (PDF and .docx metadata, and the default file name).
    pub title: String,
    /// The documents, in order.
    pub parts: Vec<Part>,
}

/// One 公文: 版头, 主体 and 版记.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Part {
    /// The 版头.
    pub head: Head,
    /// 标题, centred under the 版头 (may be empty).
    pub title: String,
    /// 主送机关, without the closing colon (empty: none).
    pub to: String,
    /// 正文.
    pub body: Vec<Block>,
    /// 附件说明: the attachments' names, in order.
    pub attachments: Vec<String>,
    /// 发文机关署名 and 成文日期, at the bottom right.
    pub closing: Option<Closing>,
    /// 版记: 抄送 and 印发, at the foot of the last page.
    pub record: Option<Record>,
}

/// The 版头 of a part.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Head {
    /// No 版头 (forms such as the handover record).
    #[default]
    None,
    /// 文件格式: the red 发文机关标志, the 发文字号 (with the 签发人 on the right when given, as
    /// upward documents carry it), then the red separator line.
    Red {
        /// 发文机关标志 (`某某县重污染天气应急指挥部办公室文件`).
        mark: String,
        /// 发文字号 (`某县应急办〔2025〕3号`); empty: none.
        doc_no: String,
        /// 签发人's name; empty: none.
        signer: String,
        /// 份号, 密级 and 紧急程度 at the top left (none unless the officer sets them).
        marks: Marks,
    },
    /// 简报: the red 简报 name, the issue number, the issuing body and the date on one line, then
    /// the red separator line.
    Bulletin {
        /// The bulletin's name (`重污染天气应急工作简报`).
        name: String,
        /// The issue (`第356期`).
        number: String,
        /// Who issues it.
        issuer: String,
        /// The date (`2019年12月22日`).
        date: String,
    },
}

/// 份号, 密级和保密期限 and 紧急程度: the marks a 文件格式 版头 carries at the top left of the type
/// area, one a line in that order (GB/T 9704 §7.2.1–7.2.3). None is set by the plan: the officer
/// fills them in before writing a document that needs them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    /// 份号 (a number of up to six digits is printed as six: `000012`); empty: none.
    pub copy_no: String,
    /// 密级和保密期限 (`机密★1年`); empty: none.
    pub secrecy: String,
    /// 紧急程度; `None`: none.
    pub urgency: Option<Urgency>,
}

impl Marks {
    /// The lines to print, top to bottom, each with its face: 份号 in Arabic numerals (仿宋), 密级
    /// and 紧急程度 in 黑体.
    pub fn lines(&self) -> Vec<(standard::Face, String)> {
        let copy_no = self.copy_no.trim();
        let copy_no = if !copy_no.is_empty()
            && copy_no.len() < 6
            && copy_no.bytes().all(|b| b.is_ascii_digit())
        {
            format!("{copy_no:0>6}")
        } else {
            copy_no.to_owned()
        };
        [
            (standard::Face::FangSong, copy_no),
            (standard::Face::Hei, self.secrecy.trim().to_owned()),
            (
                standard::Face::Hei,
                self.urgency.map(Urgency::zh).unwrap_or_default().to_owned(),
            ),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .collect()
    }
}

/// 紧急程度 of a paper document (GB/T 9704 §7.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Urgency {
    /// 特急.
    #[value(name = "特急", alias = "extra-urgent")]
    Extra,
    /// 加急.
    #[value(name = "加急", alias = "urgent")]
    Urgent,
}

impl Urgency {
    /// Both, most urgent first.
    pub const ALL: [Urgency; 2] = [Urgency::Extra, Urgency::Urgent];

    /// As printed: `特急`, `加急`.
    pub fn zh(self) -> &'static str {
        match self {
            Urgency::Extra => "特急",
            Urgency::Urgent => "加急",
        }
    }
}

/// One piece of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 (`一、`, 黑体), 2 (`（一）`, 楷体) or 3 (`1.`, 仿宋 bold); the text carries
    /// its own number.
    Heading(u8, String),
    /// A paragraph, first line indented two characters.
    Paragraph(String),
    /// A table.
    Table(Table),
    /// A picture (a chart), as wide as the type area at most.
    Figure(Figure),
}

/// A table: a header row and data rows of text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text.
    pub title: String,
    /// Relative width.
    pub width: u16,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

impl Column {
    /// A text column of relative width `width`.
    pub fn text(title: &str, width: u16) -> Self {
        Column {
            title: title.to_owned(),
            width,
            numeric: false,
        }
    }

    /// A right-aligned number column of relative width `width`.
    pub fn number(title: &str, width: u16) -> Self {
        Column {
            title: title.to_owned(),
            width,
            numeric: true,
        }
    }
}

/// A picture with its caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The image.
    pub image: Image,
    /// Caption under it (also the alternative text).
    pub caption: String,
}

/// Image bytes of a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Image {
    /// A PNG image (every writer).
    Png(Vec<u8>),
    /// SVG text (HTML only; .docx and PDF need a PNG).
    Svg(String),
}

impl Image {
    /// Width and height in pixels of a PNG (from its IHDR chunk); `None` for SVG or a damaged PNG.
    pub fn png_size(&self) -> Option<(u32, u32)> {
        let Image::Png(bytes) = self else {
            return None;
        };
        let ihdr = bytes.get(8..24)?;
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") || &ihdr[4..8] != b"IHDR" {
            return None;
        }
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        let (w, h) = (be(&ihdr[8..12]), be(&ihdr[12..16]));
        (w > 0 && h > 0).then_some((w, h))
    }
}

/// 发文机关署名 and 成文日期.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closing {
    /// 发文机关署名.
    pub issuer: String,
    /// 成文日期 in Arabic numerals (`2019年12月21日`).
    pub date: String,
}

/// The 版记: one or more lines such as 抄送 (or 报/送 for a 简报), then 印发机关 and 印发日期.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    /// (label, bodies): `("抄送", "县委办公室，县政府办公室")`; lines with empty bodies are left out.
    pub lines: Vec<(String, String)>,
    /// 印发机关.
    pub printer: String,
    /// 印发日期 (`2019年12月21日`).
    pub printed: String,
}

impl Record {
    /// The lines with something to say, as printed: (`抄送：`, `县委办公室，县政府办公室。`) — the
    /// list ends with a full stop (GB/T 9704 §8.2).
    pub fn entries(&self) -> Vec<(String, String)> {
        self.lines
            .iter()
            .filter(|(_, bodies)| !bodies.trim().is_empty())
            .map(|(label, bodies)| (format!("{label}："), text::with_full_stop(bodies)))
            .collect()
    }
}

/// The fields an officer may change before a notice or report is written; each one that is set
/// replaces what the plan's templates and the journal give.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    /// 发文字号 (for a 简报: the issue number, `第356期`).
    pub doc_no: Option<String>,
    /// 主送机关.
    pub to: Option<String>,
    /// 抄送机关.
    pub cc: Option<String>,
    /// 签发人.
    pub signer: Option<String>,
    /// 印发机关.
    pub printer: Option<String>,
    /// 印发日期.
    pub printed: Option<String>,
    /// 份号.
    pub copy_no: Option<String>,
    /// 密级和保密期限.
    pub secrecy: Option<String>,
    /// 紧急程度 (documents carry none of their own, so there is nothing to clear).
    pub urgency: Option<Urgency>,
}

impl Overrides {
    /// Apply the overrides to every part of `doc`.
    pub fn apply(&self, doc: &mut Document) {
        for part in &mut doc.parts {
            self.apply_to(part);
        }
    }

    fn apply_to(&self, part: &mut Part) {
        match &mut part.head {
            Head::Red {
                doc_no,
                signer,
                marks,
                ..
            } => {
                set(doc_no, &self.doc_no);
                set(signer, &self.signer);
                set(&mut marks.copy_no, &self.copy_no);
                set(&mut marks.secrecy, &self.secrecy);
                if self.urgency.is_some() {
                    marks.urgency = self.urgency;
                }
            }
            Head::Bulletin { number, .. } => set(number, &self.doc_no),
            Head::None => {}
        }
        if let Some(to) = &self.to {
            part.set_to(to.trim());
        }
        if let Some(cc) = &self.cc {
            part.set_cc(cc.trim());
        }
        if let Some(record) = &mut part.record {
            set(&mut record.printer, &self.printer);
            set(&mut record.printed, &self.printed);
        }
    }
}

/// The 版记 line a 简报 names its readers on (报) instead of a 主送机关.
const BULLETIN_TO: &str = "报";
/// The 版记 line of the copies: 抄送, or 送 for a 简报.
const CC: &str = "抄送";
const BULLETIN_CC: &str = "送";

impl Part {
    fn is_bulletin(&self) -> bool {
        matches!(self.head, Head::Bulletin { .. })
    }

    fn record_line(&self, label: &str) -> &str {
        self.record
            .as_ref()
            .and_then(|r| r.lines.iter().find(|(l, _)| l == label))
            .map_or("", |(_, b)| b.as_str())
    }

    fn set_record_line(&mut self, label: &str, bodies: &str) {
        let record = self.record.get_or_insert_with(Record::default);
        match record.lines.iter_mut().find(|(l, _)| l == label) {
            Some((_, b)) => bodies.clone_into(b),
            None => record.lines.push((label.to_owned(), bodies.to_owned())),
        }
    }

    /// 主送 as the officer sees it: the 主送机关, or a 简报's 报 line.
    pub fn to_field(&self) -> &str {
        if self.is_bulletin() {
            self.record_line(BULLETIN_TO)
        } else {
            &self.to
        }
    }

    /// 抄送 as the officer sees it: the 版记's 抄送 line, or a 简报's 送 line.
    pub fn cc_field(&self) -> &str {
        self.record_line(if self.is_bulletin() { BULLETIN_CC } else { CC })
    }

    fn set_to(&mut self, to: &str) {
        if self.is_bulletin() {
            self.set_record_line(BULLETIN_TO, to);
        } else {
            to.clone_into(&mut self.to);
        }
    }

    fn set_cc(&mut self, cc: &str) {
        let label = if self.is_bulletin() { BULLETIN_CC } else { CC };
        self.set_record_line(label, cc);
    }
}

fn set(field: &mut String, value: &Option<String>) {
    if let Some(v) = value {
        v.trim().clone_into(field);
    }
}

impl Document {
    /// A document of one part.
    pub fn single(part: Part) -> Self {
        Document {
            title: part.title.clone(),
            parts: vec![part],
        }
    }

    /// Every character the document prints, for font coverage checks.
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        let mut push = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        for part in &self.parts {
            match &part.head {
                Head::None => {}
                Head::Red {
                    mark,
                    doc_no,
                    signer,
                    marks,
                } => {
                    for (_, line) in marks.lines() {
                        push(&line);
                    }
                    push(mark);
                    push(doc_no);
                    push(signer);
                }
                Head::Bulletin {
                    name,
                    number,
                    issuer,
                    date,
                } => {
                    push(name);
                    push(number);
                    push(issuer);
                    push(date);
                }
            }
            push(&part.title);
            push(&part.to);
            for block in &part.body {
                match block {
                    Block::Heading(_, t) | Block::Paragraph(t) => push(t),
                    Block::Table(t) => {
                        for c in &t.columns {
                            push(&c.title);
                        }
                        for cell in t.rows.iter().flatten() {
                            push(cell);
                        }
                    }
                    Block::Figure(f) => push(&f.caption),
                }
            }
            for a in &part.attachments {
                push(a);
            }
            if let Some(c) = &part.closing {
                push(&c.issuer);
                push(&c.date);
            }
            if let Some(r) = &part.record {
                for (label, bodies) in &r.lines {
                    push(label);
                    push(bodies);
                }
                push(&r.printer);
                push(&r.printed);
            }
        }
        out
    }

    /// A file name for the document in `format`: its title with characters that file systems
    /// refuse replaced, and the format's extension.
    pub fn file_name(&self, format: Format) -> String {
        format!("{}.{}", safe_file_stem(&self.title), format.extension())
    }
}

/// `name` with the characters Windows, macOS and Linux refuse in file names replaced by `_`.
pub fn safe_file_stem(name: &str) -> String {
    let stem: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    if stem.is_empty() {
        "document".to_owned()
    } else {
        stem
    }
}

/// Chinese ordinal for headings and lists: 一, 二, … 九十九.
pub fn ordinal_zh(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
