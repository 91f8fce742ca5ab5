//! A [`Document`] as plain text, for pasting into a WeChat group or a message: the 版头 lines, the
//! title, 主送, the body (a table as one line per row, cells separated by ideographic spaces), 附件,
//! 署名 and 成文日期, and the 版记. Parts are separated by a rule.

use super::{Block, Document, Head, Part};

/// The line between two parts.
const PART_RULE: &str = "——————————————————————————————";

/// The document as text, ending with a newline.
pub fn write(doc: &Document) -> String {
    let parts: Vec<String> = doc.parts.iter().map(part_lines).collect();
    let mut out = parts.join(&format!("\n\n{PART_RULE}\n\n"));
    out.push('\n');
    out
}

/// One part, without a trailing newline.
pub fn part_lines(part: &Part) -> String {
    let mut out: Vec<String> = Vec::new();
    match &part.head {
        Head::None => {}
        Head::Red {
            mark,
            doc_no,
            signer,
            marks,
        } => {
            out.extend(marks.lines().into_iter().map(|(_, line)| line));
            out.push(mark.clone());
            push_nonempty(&mut out, doc_no);
            if !signer.is_empty() {
                out.push(format!("签发人：{signer}"));
            }
            out.push(String::new());
        }
        Head::Bulletin {
            name,
            number,
            issuer,
            date,
        } => {
            out.push(name.clone());
            push_nonempty(&mut out, number);
            out.push(format!("{issuer}　{date}").trim().to_owned());
            out.push(String::new());
        }
    }
    push_nonempty(&mut out, &part.title);
    if !part.to.is_empty() {
        out.push(format!("{}：", part.to));
    }
    for block in &part.body {
        match block {
            Block::Heading(_, t) | Block::Paragraph(t) => out.push(t.clone()),
            Block::Table(table) => {
                let header: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
                out.push(header.join("　"));
                for row in &table.rows {
                    out.push(row.join("　"));
                }
            }
            Block::Figure(f) => out.push(format!("［图］{}", f.caption)),
        }
    }
    if !part.attachments.is_empty() {
        out.push(String::new());
        out.extend(attachment_lines(&part.attachments));
    }
    if let Some(c) = &part.closing {
        out.push(String::new());
        push_nonempty(&mut out, &c.issuer);
        push_nonempty(&mut out, &c.date);
    }
    if let Some(r) = &part.record {
        out.push(String::new());
        for (label, bodies) in r.entries() {
            out.push(format!("{label}{bodies}"));
        }
        if let Some(line) = printed_line(&r.printer, &r.printed) {
            out.push(line);
        }
    }
    out.join("\n")
}

fn push_nonempty(out: &mut Vec<String>, s: &str) {
    if !s.is_empty() {
        out.push(s.to_owned());
    }
}

/// 附件说明 lines: `附件：1. 名称` and the further ones aligned under the first name.
pub fn attachment_lines(names: &[String]) -> Vec<String> {
    match names {
        [] => Vec::new(),
        [one] => vec![format!("附件：{one}")],
        many => many
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let lead = if i == 0 { "附件：" } else { "　　　" };
                format!("{lead}{}. {n}", i + 1)
            })
            .collect(),
    }
}

/// A 版记 list ends with a full stop (GB/T 9704 §8.2).
pub fn with_full_stop(s: &str) -> String {
    let s = s.trim();
    if s.ends_with('。') {
        s.to_owned()
    } else {
        format!("{s}。")
    }
}

/// `某某县重污染天气应急指挥部办公室　　2019年12月21日印发`; `None` when both are empty.
pub fn printed_line(printer: &str, printed: &str) -> Option<String> {
    match (printer.is_empty(), printed.is_empty()) {
        (true, true) => None,
        (false, true) => Some(printer.to_owned()),
        (_, false) => Some(format!("{printer}　　{printed}印发").trim().to_owned()),
    }
}
