//! The daily report (日报) from the journal: the warning's status, what happened in the period,
//! how far each unit has got, open and overdue items by unit, problems and their rectification,
//! who is on duty, and the journal's last hash as a tamper anchor.

use chrono::{DateTime, FixedOffset};

use crate::domain::response::{Anchor, ItemStatus, ResponseState, TimelineEntry, UnitSummary};
use crate::i18n::{Render, ZH};

use super::duty::Duty;
use super::open_items::{
    UnitOpenItems, WarningStatus, anchor_line, open_items_by_unit, open_items_lines,
};

/// A problem found on a checklist item and what became of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProblemLine {
    /// Unit name.
    pub unit_name: String,
    /// Measure id.
    pub measure: String,
    /// The problem as reported.
    pub problem: String,
    /// When it was reported.
    pub reported_at: DateTime<FixedOffset>,
    /// Rectification time and feedback, once rectified.
    pub rectified: Option<(DateTime<FixedOffset>, String)>,
}

/// The daily report's content; [`DailyReport::to_text`] writes it out.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyReport {
    /// Area name for the title.
    pub area: String,
    /// Start of the period.
    pub from: DateTime<FixedOffset>,
    /// End of the period (the report's moment).
    pub to: DateTime<FixedOffset>,
    /// The latest warning, if any.
    pub warning: Option<WarningStatus>,
    /// Everything recorded in the period.
    pub changes: Vec<TimelineEntry>,
    /// Counts per unit for the latest episode.
    pub units: Vec<UnitSummary>,
    /// Open items by unit.
    pub open: Vec<UnitOpenItems>,
    /// Problems reported in the period or still open.
    pub problems: Vec<ProblemLine>,
    /// The duty officer on shift in the journal.
    pub on_shift: Option<String>,
    /// The roster's people on duty, if a roster was given.
    pub duty: Duty,
    /// The journal position the report covers.
    pub anchor: Option<Anchor>,
}

/// Build the daily report for the period `from`..`to` from `state` (folded up to `to`).
pub fn daily_report(
    state: &ResponseState,
    area: &str,
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
    duty: &Duty,
) -> DailyReport {
    let episode = state.latest();
    DailyReport {
        area: area.to_owned(),
        from,
        to,
        warning: WarningStatus::of(state, to),
        changes: state
            .timeline_between(from, to)
            .into_iter()
            .cloned()
            .collect(),
        units: episode.map(|e| e.by_unit(to)).unwrap_or_default(),
        open: episode
            .map(|e| open_items_by_unit(e, to))
            .unwrap_or_default(),
        problems: episode.map(|e| problems(e, from)).unwrap_or_default(),
        on_shift: state.on_shift().map(|s| s.started.operator.clone()),
        duty: duty.clone(),
        anchor: state.anchor(),
    }
}

/// Problems of `episode` reported since `from`, or still open.
pub(crate) fn problems(
    episode: &crate::domain::response::Episode,
    from: DateTime<FixedOffset>,
) -> Vec<ProblemLine> {
    let mut out = Vec::new();
    for item in &episode.items {
        for (i, change) in item.history.iter().enumerate() {
            if change.status != ItemStatus::ProblemReported {
                continue;
            }
            let rectified = item.history[i + 1..]
                .iter()
                .find(|c| c.status == ItemStatus::Rectified)
                .map(|c| (c.stamp.at, c.text.clone()));
            if change.stamp.at >= from || rectified.is_none() {
                out.push(ProblemLine {
                    unit_name: item.spec.unit_name.clone(),
                    measure: item.key().measure.clone(),
                    problem: change.text.clone(),
                    reported_at: change.stamp.at,
                    rectified,
                });
            }
        }
    }
    out.sort_by_key(|p| p.reported_at);
    out
}

/// Problem lines as report text.
pub(crate) fn problem_lines(problems: &[ProblemLine]) -> Vec<String> {
    problems
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let state = match &p.rectified {
                Some((at, text)) => format!("已于{}整改：{}", ZH.moment(at), text),
                None => "尚未整改".to_owned(),
            };
            format!(
                "{}. {}「{}」：{}（{}报告）；{}",
                n + 1,
                p.unit_name,
                p.measure,
                p.problem,
                ZH.moment(&p.reported_at),
                state
            )
        })
        .collect()
}

/// Timeline entries as report lines: decisions, consultations, shifts, problems and
/// rectifications one by one; receipts and implementations (the bulk) counted per unit.
pub(crate) fn change_lines(changes: &[TimelineEntry]) -> Vec<String> {
    let routine = |kind: &str| kind == "checklist.acknowledged" || kind == "checklist.implemented";
    let mut out: Vec<String> = changes
        .iter()
        .filter(|c| !routine(c.kind))
        .enumerate()
        .map(|(n, c)| {
            format!(
                "{}. {} {}：{}",
                n + 1,
                c.stamp.at.format("%m-%d %H:%M"),
                c.stamp.operator,
                c.render(ZH)
            )
        })
        .collect();
    for (kind, label) in [
        ("checklist.acknowledged", "签收"),
        ("checklist.implemented", "落实"),
    ] {
        let mut by_unit: Vec<(&str, usize)> = Vec::new();
        for c in changes.iter().filter(|c| c.kind == kind) {
            let name = c.unit().map_or("", |(_, name)| name);
            match by_unit.iter_mut().find(|(u, _)| *u == name) {
                Some((_, n)) => *n += 1,
                None => by_unit.push((name, 1)),
            }
        }
        if !by_unit.is_empty() {
            let total: usize = by_unit.iter().map(|(_, n)| n).sum();
            let list: Vec<String> = by_unit.iter().map(|(u, n)| format!("{u}{n}项")).collect();
            out.push(format!("{label}措施{total}项：{}", list.join("、")));
        }
    }
    out
}

impl DailyReport {
    /// The report as plain text, ready to copy into a message or a document.
    pub fn to_text(&self) -> String {
        let mut out = Vec::new();
        out.push(format!("{}重污染天气应急响应日报", self.area));
        out.push(format!(
            "统计时段：{} 至 {}",
            ZH.moment(&self.from),
            ZH.moment(&self.to)
        ));
        out.push(String::new());
        out.push("一、预警状态".to_owned());
        out.push(
            self.warning
                .as_ref()
                .map_or_else(|| "当前无预警。".to_owned(), |w| w.text.clone()),
        );
        out.push(String::new());
        out.push("二、本时段工作情况".to_owned());
        let count = |kind: &str| self.changes.iter().filter(|c| c.kind == kind).count();
        out.push(format!(
            "本时段共记录{}条，其中签收{}项、落实{}项、报告问题{}项、整改{}项。",
            self.changes.len(),
            count("checklist.acknowledged"),
            count("checklist.implemented"),
            count("checklist.problem_reported"),
            count("checklist.rectified")
        ));
        out.extend(change_lines(&self.changes));
        out.push(String::new());
        out.push("三、措施落实情况（按责任单位）".to_owned());
        if self.units.is_empty() {
            out.push("无。".to_owned());
        }
        for u in &self.units {
            out.push(format!(
                "{}：措施{}项，已签收{}项，已落实{}项，存在问题{}项，逾期{}项",
                u.unit_name, u.total, u.acknowledged, u.done, u.problems, u.overdue
            ));
        }
        out.push(String::new());
        out.push("四、未完成及逾期事项".to_owned());
        if self.open.is_empty() {
            out.push("无。".to_owned());
        }
        out.extend(open_items_lines(&self.open));
        out.push(String::new());
        out.push("五、问题及整改情况".to_owned());
        if self.problems.is_empty() {
            out.push("无。".to_owned());
        }
        out.extend(problem_lines(&self.problems));
        out.push(String::new());
        out.push("六、值班情况".to_owned());
        if let Some(o) = &self.on_shift {
            out.push(format!("值班员：{o}"));
        }
        out.extend(self.duty.lines());
        out.push(String::new());
        out.push(anchor_line(self.anchor));
        out.join("\n") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{drill, fresh, t};
    use crate::report::duty::DutyLine;

    #[test]
    fn daily_report_of_the_drill() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let duty = Duty {
            now: vec![DutyLine {
                role: "带班领导".into(),
                name: "王强".into(),
                phone: "0310-1234567".into(),
                time: String::new(),
            }],
            next: vec![],
        };
        let r = daily_report(
            s.model(),
            "某某县",
            t("2025-01-14T12:00:00+08:00"),
            t("2025-01-15T12:00:00+08:00"),
            &duty,
        );
        let text = r.to_text();
        assert!(text.starts_with("某某县重污染天气应急响应日报\n"), "{text}");
        assert!(text.contains(
            "橙色预警（第1次预警过程，自2025年1月15日0时起，生效中，预计持续至2025年1月18日0时）"
        ));
        assert!(text.contains("发布橙色预警"));
        assert!(text.contains("第1次会商"));
        assert!(
            text.contains("河东镇人民政府：未完成1项，其中逾期1项"),
            "{text}"
        );
        assert!(text.contains("【逾期】O-SUP-2"));
        assert!(text.contains("逾期6小时"), "{text}");
        assert!(
            text.contains(
                "县住房和城乡建设局：措施4项，已签收4项，已落实3项，存在问题1项，逾期0项"
            ),
            "{text}"
        );
        assert!(text.contains("督导组发现城南某安置房项目仍在进行土方作业"));
        assert!(text.contains("尚未整改"));
        assert!(text.contains("带班领导 王强（0310-1234567）"));
        assert!(text.contains("值班员：张伟"));
        let anchor = s.model().anchor().expect("anchor");
        assert!(text.contains(&anchor.hash.to_string()));
        // Only the period's events are listed.
        let late = daily_report(
            s.model(),
            "某某县",
            t("2025-01-15T09:30:00+08:00"),
            t("2025-01-15T12:00:00+08:00"),
            &Duty::default(),
        );
        assert!(
            late.changes
                .iter()
                .all(|c| c.stamp.at >= t("2025-01-15T09:30:00+08:00"))
        );
        assert!(!late.to_text().contains("发布橙色预警"));
    }

    #[test]
    fn empty_journal_gives_a_report_saying_so() {
        let (s, _j) = fresh();
        let r = daily_report(
            s.model(),
            "某某县",
            t("2025-01-14T12:00:00+08:00"),
            t("2025-01-15T12:00:00+08:00"),
            &Duty::default(),
        );
        let text = r.to_text();
        assert!(text.contains("当前无预警。"));
        assert!(text.contains("日志锚点：工作日志为空"));
    }
}
