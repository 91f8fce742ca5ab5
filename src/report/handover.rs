//! The shift handover (交接班记录) from the journal: what changed during the shift, the warning's
//! status, open and overdue items by unit, problems awaiting rectification, who is on duty next,
//! and the journal's last hash as a tamper anchor.

use chrono::{DateTime, Duration, FixedOffset};

use crate::domain::response::{Anchor, ResponseState, TimelineEntry};
use crate::i18n::ZH;

use super::daily_report::{ProblemLine, change_lines, problem_lines, problems};
use super::document::{Block, Document, Part, text};
use super::duty::Duty;
use super::open_items::{
    UnitOpenItems, WarningStatus, anchor_line, open_items_by_unit, open_items_lines,
};

/// The handover's content; [`Handover::to_text`] writes it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Handover {
    /// The officer handing over (the shift in the journal), if known.
    pub from_officer: Option<String>,
    /// Their desk.
    pub desk: Option<String>,
    /// The officer taking over, when the handover is already recorded.
    pub to_officer: Option<String>,
    /// Handover note, when recorded.
    pub note: String,
    /// Start of the shift (or of the period asked for).
    pub since: DateTime<FixedOffset>,
    /// The handover moment.
    pub at: DateTime<FixedOffset>,
    /// The latest warning, if any.
    pub warning: Option<WarningStatus>,
    /// Everything recorded during the shift.
    pub changes: Vec<TimelineEntry>,
    /// Open items by unit.
    pub open: Vec<UnitOpenItems>,
    /// Problems still awaiting rectification.
    pub problems: Vec<ProblemLine>,
    /// The roster's people on duty, if a roster was given.
    pub duty: Duty,
    /// The journal position the record covers.
    pub anchor: Option<Anchor>,
}

/// Build the handover at `at` from `state` (folded up to `at`). The period starts at `since` if
/// given, else at the start of the latest shift, else 24 hours before `at`.
pub fn handover(
    state: &ResponseState,
    at: DateTime<FixedOffset>,
    since: Option<DateTime<FixedOffset>>,
    duty: &Duty,
) -> Handover {
    let shift = state.shifts().last();
    let since = since
        .or_else(|| shift.map(|s| s.started.at))
        .unwrap_or(at - Duration::hours(24));
    let handoff = shift.and_then(|s| s.handoff.as_ref());
    let episode = state.latest();
    Handover {
        from_officer: shift.map(|s| s.started.operator.clone()),
        desk: shift.map(|s| s.started.desk.clone()),
        to_officer: handoff.map(|h| h.to.clone()),
        note: handoff.map(|h| h.note.clone()).unwrap_or_default(),
        since,
        at,
        warning: WarningStatus::of(state, at),
        changes: state
            .timeline_between(since, at + Duration::microseconds(1))
            .into_iter()
            .cloned()
            .collect(),
        open: episode
            .map(|e| open_items_by_unit(e, at))
            .unwrap_or_default(),
        problems: episode
            .map(|e| {
                problems(e, at)
                    .into_iter()
                    .filter(|p| p.rectified.is_none())
                    .collect()
            })
            .unwrap_or_default(),
        duty: duty.clone(),
        anchor: state.anchor(),
    }
}

impl Handover {
    /// The record as a document (a form: no 版头 or 版记), to print and sign.
    pub fn document(&self) -> Document {
        let dash = || "—".to_owned();
        let mut body = vec![
            Block::Paragraph(format!(
                "交班人：{}{}　接班人：{}　交接时间：{}",
                self.from_officer.clone().unwrap_or_else(dash),
                self.desk
                    .as_ref()
                    .map_or_else(String::new, |d| format!("（{d}）")),
                self.to_officer.clone().unwrap_or_else(dash),
                ZH.moment(&self.at)
            )),
            Block::Paragraph(format!(
                "本班时段：{} 至 {}",
                ZH.moment(&self.since),
                ZH.moment(&self.at)
            )),
        ];
        let lines = |v: Vec<String>, empty: &str| -> Vec<Block> {
            if v.is_empty() {
                vec![Block::Paragraph(empty.to_owned())]
            } else {
                v.into_iter().map(Block::Paragraph).collect()
            }
        };
        let warning = self
            .warning
            .as_ref()
            .map_or_else(|| "当前无预警。".to_owned(), |w| w.text.clone());
        let sections: [(&str, Vec<Block>); 6] = [
            ("一、预警状态", vec![Block::Paragraph(warning)]),
            (
                "二、本班变化",
                lines(change_lines(&self.changes), "本班无新记录。"),
            ),
            (
                "三、未完成及逾期事项（按单位）",
                lines(open_items_lines(&self.open), "无。"),
            ),
            (
                "四、待整改问题",
                lines(problem_lines(&self.problems), "无。"),
            ),
            ("五、值班安排", lines(self.duty.lines(), "（未提供值班表）")),
            (
                "六、交班事项",
                lines(self.note.lines().map(str::to_owned).collect(), "无。"),
            ),
        ];
        for (heading, blocks) in sections {
            body.push(Block::Heading(1, heading.to_owned()));
            body.extend(blocks);
        }
        body.push(Block::Paragraph(anchor_line(self.anchor)));
        body.push(Block::Paragraph(
            "交班人签字：__________　　接班人签字：__________".to_owned(),
        ));
        Document::single(Part {
            title: "重污染天气应急值守交接班记录".to_owned(),
            body,
            ..Part::default()
        })
    }

    /// The record as plain text, to print and sign or to copy.
    pub fn to_text(&self) -> String {
        text::write(&self.document())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::Command;
    use crate::domain::response::tests::{drill, fresh, run, t};
    use crate::report::duty::DutyLine;

    #[test]
    fn handover_of_the_drill_shift() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        run(
            &mut s,
            &mut j,
            Command::HandOver {
                to: "李明".into(),
                note: "督促河东镇上报网格巡查记录；跟进城南工地整改".into(),
            },
            "2025-01-15T12:00:00+08:00",
        );
        let duty = Duty {
            now: vec![],
            next: vec![DutyLine {
                role: "值班员".into(),
                name: "李明".into(),
                phone: String::new(),
                time: String::new(),
            }],
        };
        let h = handover(s.model(), t("2025-01-15T12:00:00+08:00"), None, &duty);
        assert_eq!(h.since, t("2025-01-14T08:30:00+08:00"));
        let text = h.to_text();
        assert!(
            text.contains("交班人：张伟（desk-1）　接班人：李明"),
            "{text}"
        );
        assert!(text.contains("本班时段：2025年1月14日8时30分 至 2025年1月15日12时"));
        assert!(text.contains("张伟接班"));
        assert!(
            text.contains("张伟交班给李明"),
            "the handover itself is listed"
        );
        assert!(text.contains("【逾期】O-SUP-2"));
        assert!(text.contains("O-DUST-1"));
        assert!(text.contains("下一班：值班员 李明"));
        assert!(text.contains("督促河东镇上报网格巡查记录"));
        assert!(text.contains(&s.model().anchor().expect("anchor").hash.to_string()));
        // From a later time only later changes are listed.
        let h = handover(
            s.model(),
            t("2025-01-15T12:00:00+08:00"),
            Some(t("2025-01-15T09:30:00+08:00")),
            &Duty::default(),
        );
        assert!(
            h.changes
                .iter()
                .all(|c| c.stamp.at >= t("2025-01-15T09:30:00+08:00"))
        );
        assert!(h.to_text().contains("（未提供值班表）"));
    }
}
