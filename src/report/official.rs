//! How a notice or report becomes a 公文: the frame (版头, 主送, 署名, 版记) from the plan's
//! `[documents]` table with its defaults, and the body from the lines of a filled template.

use crate::domain::plan::{DocumentKind, Plan};

use super::document::{Block, Closing, Head, Part, Record};
use super::notice::command_office;

/// The frame fields of one kind of document, the plan's defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameValues {
    /// 发文机关标志 (for a 简报: its name).
    pub mark: String,
    /// 发文机关署名.
    pub issuer: String,
    /// 主送机关 (for a 简报: 报).
    pub to: String,
    /// 抄送机关 (for a 简报: 送).
    pub cc: String,
    /// 印发机关.
    pub printer: String,
    /// 签发人 as the plan sets it; `None`: whoever the journal recorded as approving.
    pub signer: Option<String>,
}

impl FrameValues {
    /// The frame of `kind` documents by `plan`: a field the plan leaves out is the command
    /// office's name (标志, 署名, 印发机关) or empty (主送, 抄送).
    pub fn of(plan: &Plan, kind: DocumentKind) -> Self {
        let office = command_office(plan);
        let get = |pick: fn(&crate::domain::plan::Frame) -> &Option<String>| {
            plan.documents
                .field(kind, pick)
                .map(|s| s.trim().to_owned())
        };
        let issuer = get(|f| &f.issuer).unwrap_or_else(|| office.clone());
        FrameValues {
            mark: get(|f| &f.mark).unwrap_or(office),
            to: get(|f| &f.to).unwrap_or_default(),
            cc: get(|f| &f.cc).unwrap_or_default(),
            printer: get(|f| &f.printer).unwrap_or_else(|| issuer.clone()),
            signer: get(|f| &f.signer),
            issuer,
        }
    }

    /// The 签发人: the plan's, else the one recorded with the decision.
    pub fn signer_or(&self, recorded: &str) -> String {
        self.signer
            .clone()
            .unwrap_or_else(|| recorded.trim().to_owned())
    }

    /// A 文件格式 part: red 版头 with `doc_no` and `signer`, `title`, 主送 `to`, the body, 署名 and
    /// `date` as 成文日期, and the 版记 with 抄送 and 印发 on the same date.
    pub fn red_part(
        &self,
        doc_no: &str,
        signer: String,
        title: String,
        to: String,
        body: Vec<Block>,
        date: String,
    ) -> Part {
        Part {
            head: Head::Red {
                mark: self.mark.clone(),
                doc_no: doc_no.trim().to_owned(),
                signer,
                marks: Default::default(),
            },
            title,
            to,
            body,
            attachments: Vec::new(),
            closing: Some(Closing {
                issuer: self.issuer.clone(),
                date: date.clone(),
            }),
            record: Some(self.record("抄送", &self.cc, date)),
        }
    }

    /// A 版记 with one line (`label`: `bodies`) and 印发 on `date`.
    pub fn record(&self, label: &str, bodies: &str, date: String) -> Record {
        Record {
            lines: vec![(label.to_owned(), bodies.to_owned())],
            printer: self.printer.clone(),
            printed: date,
        }
    }
}

/// The lines of a filled template as body blocks: a line starting `一、` is a level-1 heading,
/// `（一）` a level-2 heading, anything else a paragraph; blank lines are left out.
pub fn body_blocks(text: &str) -> Vec<Block> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| match heading_level(line) {
            Some(level) => Block::Heading(level, line.to_owned()),
            None => Block::Paragraph(line.to_owned()),
        })
        .collect()
}

/// `一、…` → 1, `（一）…` → 2 (Chinese numerals up to 九十九).
fn heading_level(line: &str) -> Option<u8> {
    let numeral = |s: &str| !s.is_empty() && s.chars().all(|c| "一二三四五六七八九十".contains(c));
    if let Some((n, _)) = line.split_once('、')
        && numeral(n)
    {
        return Some(1);
    }
    let inner = line.strip_prefix('（')?.split_once('）')?.0;
    numeral(inner).then_some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_lines_become_headings_and_paragraphs() {
        let blocks = body_blocks(
            "经会商研判，决定启动。\n\n（一）工业源减排\n1. 停产（责任单位：县工信局）\n二、工作要求\n十一、其他",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph("经会商研判，决定启动。".into()),
                Block::Heading(2, "（一）工业源减排".into()),
                Block::Paragraph("1. 停产（责任单位：县工信局）".into()),
                Block::Heading(1, "二、工作要求".into()),
                Block::Heading(1, "十一、其他".into()),
            ]
        );
        // Not headings: a list in the text, a parenthesis that is not a numeral.
        assert_eq!(
            body_blocks("各单位、各部门：\n（注）无"),
            vec![
                Block::Paragraph("各单位、各部门：".into()),
                Block::Paragraph("（注）无".into())
            ]
        );
    }

    #[test]
    fn frames_default_to_the_command_office() {
        let plan = crate::domain::plan::default_plan().expect("plan");
        let f = FrameValues::of(&plan, DocumentKind::Warning);
        assert_eq!(f.mark, command_office(&plan));
        assert_eq!(f.printer, f.issuer);
        assert!(f.cc.contains("县委办公室"));
        assert_eq!(f.signer_or("县长"), "县长");
        let d = FrameValues::of(&plan, DocumentKind::Daily);
        assert_eq!(d.mark, "重污染天气应急工作简报");
    }
}
