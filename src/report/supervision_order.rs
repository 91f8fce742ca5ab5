//! The 督办单 for a supervision finding: a 公文 to the responsible unit naming the problem, where
//! and by whom it was found, the deadline and what to report back, with the finding's progress so
//! far. The frame (red 标志, 抄送, 印发) comes from the plan's `supervision` documents table.

use chrono::{DateTime, FixedOffset};

use crate::domain::findings::{Finding, FindingEvent, FindingId, Findings, Origin};
use crate::domain::plan::{DocumentKind, Plan};
use crate::i18n::ZH;

use super::document::{Block, Column, Document, Table};
use super::notice::command_office;
use super::official::FrameValues;

/// Why a 督办单 cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    /// The journal has no such finding.
    #[error("the journal has no supervision finding {0}")]
    NoSuchFinding(FindingId),
}

/// The 督办单 of finding `id`, dated the day it was assigned, in the time zone of `tz`.
pub fn supervision_order(
    findings: &Findings,
    id: FindingId,
    plan: &Plan,
    tz: FixedOffset,
) -> Result<Document, OrderError> {
    let f = findings.get(id).ok_or(OrderError::NoSuchFinding(id))?;
    let assigned = f.assigned_at.with_timezone(&tz);
    let frame = FrameValues::of(plan, DocumentKind::Supervision);
    let c = &f.content;
    let title = if c.place.trim().is_empty() {
        "关于督促整改有关问题的督办单".to_owned()
    } else {
        format!("关于督促整改{}有关问题的督办单", c.place.trim())
    };
    let mut body = vec![Block::Paragraph(found_sentence(f, &assigned))];
    let deadline = c.deadline.map_or_else(
        || "立即整改并长期坚持".to_owned(),
        |d| format!("于{}前完成整改", d.format("%Y年%-m月%-d日")),
    );
    body.push(Block::Paragraph(format!(
        "根据《{}》和重污染天气应急响应要求，请你单位{deadline}，并将整改情况（附整改前后照片等佐证材料）报送{}。逾期未完成整改的，将按有关规定予以通报。",
        plan.info.name,
        command_office(plan)
    )));
    body.push(Block::Table(order_table(f)));
    if f.history.len() > 1 {
        body.push(Block::Heading(1, "办理情况".to_owned()));
        for h in f.history.iter().skip(1) {
            body.push(Block::Paragraph(format!(
                "{}，{}：{}",
                ZH.moment(&h.at.with_timezone(&tz)),
                h.operator,
                progress(&h.event)
            )));
        }
    }
    let signer = frame.signer_or("");
    let part = frame.red_part(
        &format!("督办编号：{id}"),
        signer,
        title,
        c.unit.clone(),
        body,
        ZH.day_of(&assigned),
    );
    Ok(Document::single(part))
}

/// `省第三督查组于2019年12月22日在城南某工地发现……（问题编号：…）。`
fn found_sentence(f: &Finding, assigned: &DateTime<FixedOffset>) -> String {
    let c = &f.content;
    let when = match &c.origin {
        Origin::Alert { at, .. } => ZH.moment(at),
        Origin::PublicReport { received, .. } => ZH.moment(received),
        Origin::Inspection => ZH.day_of(assigned),
    };
    let place = if c.place.trim().is_empty() {
        String::new()
    } else {
        format!("在{}", c.place.trim())
    };
    let reference = c
        .reference
        .as_ref()
        .filter(|r| !r.trim().is_empty())
        .map_or_else(String::new, |r| format!("（问题编号：{}）", r.trim()));
    let description = c.description.trim().trim_end_matches('。');
    format!(
        "{}于{when}{place}发现：{description}{reference}。",
        c.source.trim()
    )
}

/// A step of the finding's history in words.
fn progress(event: &FindingEvent) -> String {
    let with = |s: &str, note: &str| {
        if note.trim().is_empty() {
            s.to_owned()
        } else {
            format!("{s}（{}）", note.trim())
        }
    };
    match event {
        FindingEvent::Assigned { .. } => "交办".to_owned(),
        FindingEvent::Moved { to, note, .. } => with(ZH.finding_status(*to), note),
        FindingEvent::DeadlineChanged { to, reason, .. } => with(
            &format!(
                "整改时限调整为{}",
                to.map_or_else(
                    || "长期坚持".to_owned(),
                    |d| d.format("%Y年%-m月%-d日").to_string()
                )
            ),
            reason,
        ),
    }
}

fn order_table(f: &Finding) -> Table {
    let c = &f.content;
    Table {
        columns: vec![Column::text("项目", 2), Column::text("内容", 8)],
        rows: [
            ("督办编号", f.id.to_string()),
            ("问题来源", c.source.clone()),
            ("问题描述", c.description.clone()),
            ("地点", c.place.clone()),
            ("责任单位", c.unit.clone()),
            (
                "整改时限",
                c.deadline.map_or_else(
                    || "长期坚持".to_owned(),
                    |d| d.format("%Y-%m-%d").to_string(),
                ),
            ),
            ("当前状态", ZH.finding_status(f.status).to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| vec![k.to_owned(), v])
        .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::findings::{FindingCommand, NewFinding, Status};
    use crate::report::document::text;

    #[test]
    fn order_names_the_problem_the_unit_the_deadline_and_progress() {
        let mut findings = Findings::new();
        let at = |s: &str| {
            chrono::DateTime::parse_from_rfc3339(s)
                .expect("time")
                .to_utc()
        };
        let new = NewFinding {
            source: "省第三督查组".into(),
            origin: Origin::Inspection,
            reference: Some("HB-2019-118".into()),
            description: "城南某安置房项目重污染预警期间仍在进行土方作业".into(),
            place: "城南某安置房项目".into(),
            unit: "县住房和城乡建设局".into(),
            deadline: chrono::NaiveDate::from_ymd_opt(2019, 12, 23),
        };
        let e = findings
            .decide(FindingCommand::Assign(new))
            .expect("assign");
        findings
            .apply_typed(at("2019-12-22T02:00:00Z"), "赵敏", &e)
            .expect("apply");
        let id = e.id();
        let e = findings
            .decide(FindingCommand::Move {
                id,
                to: Status::Rectifying,
                note: "已责令停工".into(),
                evidence: None,
            })
            .expect("move");
        findings
            .apply_typed(at("2019-12-22T03:00:00Z"), "赵敏", &e)
            .expect("apply");
        let plan = crate::domain::plan::default_plan().expect("plan");
        let tz = FixedOffset::east_opt(8 * 3600).expect("offset");
        let doc = supervision_order(&findings, id, &plan, tz).expect("order");
        let t = text::write(&doc);
        for s in [
            "某某县重污染天气应急指挥部办公室督办单",
            "督办编号：DB0001",
            "关于督促整改城南某安置房项目有关问题的督办单",
            "县住房和城乡建设局：",
            "省第三督查组于2019年12月22日在城南某安置房项目发现：城南某安置房项目重污染预警期间仍在进行土方作业（问题编号：HB-2019-118）。",
            "请你单位于2019年12月23日前完成整改",
            "2019年12月22日11时，赵敏：整改中（已责令停工）",
            "抄送：县政府办公室。",
        ] {
            assert!(t.contains(s), "{s} not in\n{t}");
        }
        assert!(matches!(
            supervision_order(&findings, FindingId(9), &plan, tz),
            Err(OrderError::NoSuchFinding(FindingId(9)))
        ));
    }
}
