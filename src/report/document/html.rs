//! A [`Document`] as one self-contained HTML page (figures as `data:` URIs), styled after the 公文
//! layout: red 版头 and separator, centred title, indented paragraphs, 署名 at the right, 版记
//! between rules. Text is always escaped.

use base64::Engine;

use super::text::{attachment_lines, printed_line};
use super::{Block, Document, Figure, Head, Image, Part, Table};

const STYLE: &str = concat!(
    "body{font-family:\"仿宋_GB2312\",\"仿宋\",FangSong,\"Noto Serif CJK SC\",serif;",
    "max-width:46em;margin:2em auto;padding:0 1em;color:#111;line-height:1.8;font-size:16pt}\n",
    "section{margin-bottom:3em}section+section{border-top:1px dashed #999;padding-top:2em}\n",
    ".mark{color:#e60012;text-align:center;font-size:30pt;font-weight:bold;",
    "font-family:\"方正小标宋简体\",\"宋体\",\"Noto Serif CJK SC\",serif;margin:0.5em 0}\n",
    ".marks{margin:0;font-family:\"黑体\",\"Noto Sans CJK SC\",sans-serif}\n",
    ".docno{text-align:center;margin:0}.docno.signed{display:flex;justify-content:space-between}\n",
    ".rule{border:0;border-top:2px solid #e60012;margin:0.3em 0 1.5em}\n",
    "h1{font-size:22pt;text-align:center;font-weight:bold;",
    "font-family:\"方正小标宋简体\",\"宋体\",\"Noto Serif CJK SC\",serif;margin:1em 0}\n",
    "h2{font-size:16pt;font-family:\"黑体\",\"Noto Sans CJK SC\",sans-serif;font-weight:normal;",
    "margin:0.3em 0 0 2em}\n",
    "h3{font-size:16pt;font-family:\"楷体_GB2312\",\"楷体\",KaiTi,serif;font-weight:normal;",
    "margin:0.3em 0 0 2em}\nh4{font-size:16pt;margin:0.3em 0 0 2em}\n",
    "p{margin:0;text-indent:2em}p.to,p.plain{text-indent:0}\n",
    ".closing{text-align:right;margin:1.5em 4em 0 0}\n",
    "table{border-collapse:collapse;width:100%;margin:0.5em 0 1em;font-size:12pt;line-height:1.5}",
    "th,td{border:1px solid #666;padding:0.2em 0.4em;text-align:left;vertical-align:top}\n",
    "th{background:#f0f0f0}td.n{text-align:right}\n",
    "figure{margin:0.5em 0;text-align:center}figure img{max-width:100%}",
    "figcaption{font-size:12pt}\n",
    ".record{margin-top:2em;border-top:2px solid #111;border-bottom:2px solid #111;font-size:14pt}",
    ".record p{text-indent:0;margin:0 1em}.record .printed{border-top:1px solid #111;",
    "display:flex;justify-content:space-between}\n",
);

/// The document as a complete HTML page.
pub fn write(doc: &Document) -> String {
    let mut h = Html::default();
    h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.tag("title", &doc.title);
    h.raw("<style>\n");
    h.raw(STYLE);
    h.raw("</style>\n</head>\n<body>\n");
    for part in &doc.parts {
        h.raw("<section>\n");
        write_part(&mut h, part);
        h.raw("</section>\n");
    }
    h.raw("</body>\n</html>\n");
    h.0
}

fn write_part(h: &mut Html, part: &Part) {
    match &part.head {
        Head::None => {}
        Head::Red {
            mark,
            doc_no,
            signer,
            marks,
        } => {
            for (_, line) in marks.lines() {
                h.tag_class("p", "marks", &line);
            }
            h.tag_class("div", "mark", mark);
            if signer.is_empty() {
                h.tag_class("p", "docno", doc_no);
            } else {
                h.raw("<p class=\"docno signed\">");
                h.tag("span", doc_no);
                h.tag("span", &format!("签发人：{signer}"));
                h.raw("</p>\n");
            }
            h.raw("<hr class=\"rule\">\n");
        }
        Head::Bulletin {
            name,
            number,
            issuer,
            date,
        } => {
            h.tag_class("div", "mark", name);
            h.tag_class("p", "docno", number);
            h.raw("<p class=\"docno signed\">");
            h.tag("span", issuer);
            h.tag("span", date);
            h.raw("</p>\n<hr class=\"rule\">\n");
        }
    }
    if !part.title.is_empty() {
        h.tag("h1", &part.title);
    }
    if !part.to.is_empty() {
        h.tag_class("p", "to", &format!("{}：", part.to));
    }
    for block in &part.body {
        match block {
            Block::Heading(level, text) => {
                let tag = match level {
                    1 => "h2",
                    2 => "h3",
                    _ => "h4",
                };
                h.tag(tag, text);
            }
            Block::Paragraph(text) => h.tag("p", text),
            Block::Table(table) => write_table(h, table),
            Block::Figure(figure) => write_figure(h, figure),
        }
    }
    if !part.attachments.is_empty() {
        h.raw("<div class=\"attachments\">\n");
        for line in attachment_lines(&part.attachments) {
            h.tag("p", &line);
        }
        h.raw("</div>\n");
    }
    if let Some(c) = &part.closing {
        h.raw("<div class=\"closing\">");
        h.text(&c.issuer);
        h.raw("<br>");
        h.text(&c.date);
        h.raw("</div>\n");
    }
    if let Some(r) = &part.record {
        h.raw("<div class=\"record\">\n");
        for (label, bodies) in r.entries() {
            h.tag("p", &format!("{label}{bodies}"));
        }
        if printed_line(&r.printer, &r.printed).is_some() {
            h.raw("<p class=\"printed\">");
            h.tag("span", &r.printer);
            if !r.printed.is_empty() {
                h.tag("span", &format!("{}印发", r.printed));
            }
            h.raw("</p>\n");
        }
        h.raw("</div>\n");
    }
}

fn write_table(h: &mut Html, table: &Table) {
    h.raw("<table>\n<tr>");
    for c in &table.columns {
        h.tag("th", &c.title);
    }
    h.raw("</tr>\n");
    for row in &table.rows {
        h.raw("<tr>");
        for (cell, column) in row.iter().zip(&table.columns) {
            if column.numeric {
                h.tag_class("td", "n", cell);
            } else {
                h.tag("td", cell);
            }
        }
        h.raw("</tr>\n");
    }
    h.raw("</table>\n");
}

fn write_figure(h: &mut Html, figure: &Figure) {
    h.raw("<figure><img alt=\"");
    h.text(&figure.caption);
    h.raw("\" src=\"");
    h.raw(&data_uri(&figure.image));
    h.raw("\">");
    h.tag("figcaption", &figure.caption);
    h.raw("</figure>\n");
}

/// The image as a `data:` URI.
pub fn data_uri(image: &Image) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    match image {
        Image::Png(bytes) => format!("data:image/png;base64,{}", b64.encode(bytes)),
        Image::Svg(text) => format!("data:image/svg+xml;base64,{}", b64.encode(text.as_bytes())),
    }
}

/// A tiny HTML writer: text is always escaped; markup goes through `raw`.
#[derive(Default)]
struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
    }

    fn tag(&mut self, name: &str, text: &str) {
        self.open(name, None, text);
    }

    fn tag_class(&mut self, name: &str, class: &str, text: &str) {
        self.open(name, Some(class), text);
    }

    fn open(&mut self, name: &str, class: Option<&str>, text: &str) {
        self.0.push('<');
        self.0.push_str(name);
        if let Some(c) = class {
            self.0.push_str(" class=\"");
            self.0.push_str(c);
            self.0.push('"');
        }
        self.0.push('>');
        self.text(text);
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        if !matches!(name, "th" | "td" | "span" | "figcaption") {
            self.0.push('\n');
        }
    }
}
