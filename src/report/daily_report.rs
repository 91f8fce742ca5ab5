//! The daily report (日报) as a numbered 简报: the air (from [`super::daily_air`]), the forecast and
//! the next unfavourable window, the warning and the response in numbers, each unit's progress,
//! the station alerts and what was done, what happened in the period, open and overdue items,
//! problems and their rectification, who is on duty, and the journal's last hash as a tamper
//! anchor.

use chrono::{DateTime, Datelike as _, FixedOffset};

use crate::domain::findings::Findings;
use crate::domain::plan::{DocumentKind, Plan};
use crate::domain::response::{
    Anchor, Episode, ItemStatus, Phase, ResponseState, TimelineEntry, UnitSummary,
};
use crate::i18n::{Render, ZH};

use super::daily_air::DailyAir;
use super::document::{Block, Column, Document, Head, Part, Table, ordinal_zh, text};
use super::duty::Duty;
use super::official::FrameValues;
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

/// The response in numbers, as the 日报 states them. Figures AirDesk does not keep (yet) are
/// `None` and left out of the text: 停限产 enterprises when the warning was issued without an
/// emission-reduction list, stopped construction sites, inspections, and units late or missing
/// in the reporting cycle.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseNumbers {
    /// 停限产企业: the list's enterprises the warning in the period orders to stop or limit
    /// production (`None`: issued without a list, or no warning in the period).
    pub enterprises_limited: Option<usize>,
    /// 停工工地 (no site list kept yet).
    pub sites_stopped: Option<usize>,
    /// 检查次数 (inspections are not recorded as such yet).
    pub inspections: Option<usize>,
    /// 发现问题: checklist problems reported and supervision findings assigned in the period.
    pub problems_found: usize,
    /// 已整改: checklist items rectified and findings marked rectified in the period.
    pub problems_rectified: usize,
    /// 迟报/漏报 units of the reporting cycle (not kept yet).
    pub late_units: Option<Vec<String>>,
    /// Units with overdue checklist items.
    pub overdue_units: Vec<String>,
}

impl ResponseNumbers {
    /// The period's numbers from the episode's checklist, the findings and the open items.
    pub fn count(
        episode: Option<&Episode>,
        changes: &[TimelineEntry],
        findings: &Findings,
        open: &[UnitOpenItems],
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> Self {
        let count = |kind: &str| changes.iter().filter(|c| c.kind == kind).count();
        let within = |t: &chrono::DateTime<chrono::Utc>| *t >= from && *t <= to;
        let in_period = |e: &&Episode| {
            e.start.min(e.issued.at) <= to
                && !matches!(e.phase(), Phase::Lifted { at } if at < from)
        };
        ResponseNumbers {
            enterprises_limited: episode
                .filter(in_period)
                .and_then(Episode::enterprises_limited),
            problems_found: count("checklist.problem_reported")
                + findings.iter().filter(|f| within(&f.assigned_at)).count(),
            problems_rectified: count("checklist.rectified")
                + findings
                    .iter()
                    .filter(|f| f.rectified_at.as_ref().is_some_and(within))
                    .count(),
            overdue_units: open
                .iter()
                .filter(|u| u.overdue() > 0)
                .map(|u| u.unit_name.clone())
                .collect(),
            ..ResponseNumbers::default()
        }
    }

    /// `停限产企业X家，停工工地X个，…，发现问题X个，已整改X个`, the known figures only.
    pub fn sentence(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let known = [
            (self.enterprises_limited, "停限产企业", "家"),
            (self.sites_stopped, "停工工地", "个"),
            (self.inspections, "开展检查", "次"),
        ];
        for (n, what, unit) in known {
            if let Some(n) = n {
                parts.push(format!("{what}{n}{unit}"));
            }
        }
        parts.push(format!("发现问题{}个", self.problems_found));
        parts.push(format!("已整改{}个", self.problems_rectified));
        let mut s = format!("本时段{}。", parts.join("，"));
        if let Some(late) = self.late_units.as_ref().filter(|l| !l.is_empty()) {
            s.push_str(&format!("迟报、漏报单位：{}。", late.join("、")));
        }
        if !self.overdue_units.is_empty() {
            s.push_str(&format!(
                "有逾期未落实事项的单位：{}。",
                self.overdue_units.join("、")
            ));
        }
        s
    }
}

/// The daily report's content; [`DailyReport::document`] makes it a numbered 简报.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyReport {
    /// Area name for the title.
    pub area: String,
    /// Start of the period.
    pub from: DateTime<FixedOffset>,
    /// End of the period (the report's moment).
    pub to: DateTime<FixedOffset>,
    /// The 简报's issue number (`第356期`).
    pub number: String,
    /// The frame (简报 name, issuer, 报, 送, 印发) from the plan.
    pub frame: FrameValues,
    /// The air: values, stations, ranking, budget, forecast, alerts (when data are loaded).
    pub air: Option<DailyAir>,
    /// The latest warning, if any.
    pub warning: Option<WarningStatus>,
    /// Everything recorded in the period.
    pub changes: Vec<TimelineEntry>,
    /// Counts per unit for the latest episode.
    pub units: Vec<UnitSummary>,
    /// The response in numbers.
    pub numbers: ResponseNumbers,
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

/// What the daily report is made from.
#[derive(Debug, Clone, Copy)]
pub struct DailyInput<'a> {
    /// The response state, folded up to `to`.
    pub state: &'a ResponseState,
    /// The supervision findings, folded up to `to`.
    pub findings: &'a Findings,
    /// The plan (for the frame).
    pub plan: &'a Plan,
    /// Area name for the title.
    pub area: &'a str,
    /// Start of the period.
    pub from: DateTime<FixedOffset>,
    /// The report's moment.
    pub to: DateTime<FixedOffset>,
    /// Who is on duty by the roster.
    pub duty: &'a Duty,
}

/// Build the daily report for the period `from`..`to`; `air` from [`super::daily_air`].
pub fn daily_report(input: &DailyInput<'_>, air: Option<DailyAir>) -> DailyReport {
    let DailyInput {
        state,
        findings,
        plan,
        area,
        from,
        to,
        duty,
    } = *input;
    let episode = state.latest();
    let changes: Vec<TimelineEntry> = state
        .timeline_between(from, to)
        .into_iter()
        .cloned()
        .collect();
    let open = episode
        .map(|e| open_items_by_unit(e, to))
        .unwrap_or_default();
    DailyReport {
        area: area.to_owned(),
        from,
        to,
        number: format!("第{}期", to.ordinal()),
        frame: FrameValues::of(plan, DocumentKind::Daily),
        air,
        warning: WarningStatus::of(state, to),
        numbers: ResponseNumbers::count(episode, &changes, findings, &open, from, to),
        changes,
        units: episode.map(|e| e.by_unit(to)).unwrap_or_default(),
        open,
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
        .filter(|c| !routine(&c.kind))
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
    /// The report as a numbered 简报: red name, 期号, issuer and date, the sections, and the 版记
    /// (报, 送, 印发).
    pub fn document(&self) -> Document {
        let area = if self.area.is_empty() {
            "本地区"
        } else {
            self.area.as_str()
        };
        let title = format!(
            "{area}重污染天气应急工作日报（{}月{}日）",
            self.to.month(),
            self.to.day()
        );
        let mut body = vec![Block::Paragraph(format!(
            "统计时段：{}至{}。",
            ZH.moment(&self.from),
            ZH.moment(&self.to)
        ))];
        let section = |body: &mut Vec<Block>, n: usize, name: &str, blocks: Vec<Block>| {
            body.push(Block::Heading(1, format!("{}、{name}", ordinal_zh(n))));
            body.extend(blocks);
        };
        let none = || vec![Block::Paragraph("无。".to_owned())];
        let lines = |v: Vec<String>| -> Vec<Block> {
            if v.is_empty() {
                none()
            } else {
                v.into_iter().map(Block::Paragraph).collect()
            }
        };
        let (quality, outlook, alerts) = match &self.air {
            Some(air) => (
                air.quality_blocks(),
                air.outlook_blocks(),
                air.alert_blocks(),
            ),
            None => {
                let no_data = || vec![Block::Paragraph("未载入监测数据。".to_owned())];
                (no_data(), no_data(), no_data())
            }
        };
        section(&mut body, 1, "空气质量状况", quality);
        section(&mut body, 2, "预报与研判", outlook);
        let mut response = vec![Block::Paragraph(self.warning.as_ref().map_or_else(
            || "当前无预警。".to_owned(),
            |w| format!("当前预警：{}。", w.text),
        ))];
        response.push(Block::Paragraph(self.numbers.sentence()));
        if !self.units.is_empty() {
            response.push(Block::Table(units_table(&self.units)));
        }
        section(&mut body, 3, "预警及应急响应", response);
        section(&mut body, 4, "站点报警及处置", alerts);
        section(
            &mut body,
            5,
            "本时段工作记录",
            lines(change_lines(&self.changes)),
        );
        section(
            &mut body,
            6,
            "未完成及逾期事项",
            lines(open_items_lines(&self.open)),
        );
        section(
            &mut body,
            7,
            "问题及整改情况",
            lines(problem_lines(&self.problems)),
        );
        let mut duty: Vec<String> = self
            .on_shift
            .iter()
            .map(|o| format!("值班员：{o}"))
            .collect();
        duty.extend(self.duty.lines());
        section(&mut body, 8, "值班情况", lines(duty));
        body.push(Block::Paragraph(anchor_line(self.anchor)));
        let date = ZH.day_of(&self.to);
        let mut record = self.frame.record("报", &self.frame.to, date.clone());
        record.lines.push(("送".to_owned(), self.frame.cc.clone()));
        Document::single(Part {
            head: Head::Bulletin {
                name: self.frame.mark.clone(),
                number: self.number.clone(),
                issuer: self.frame.issuer.clone(),
                date,
            },
            title,
            body,
            record: Some(record),
            ..Part::default()
        })
    }

    /// The report as plain text, ready to copy into a message.
    pub fn to_text(&self) -> String {
        text::write(&self.document())
    }
}

/// 措施落实情况 by unit: items, acknowledged, done, problems, overdue.
fn units_table(units: &[UnitSummary]) -> Table {
    Table {
        columns: vec![
            Column::text("责任单位", 6),
            Column::number("措施", 2),
            Column::number("已签收", 2),
            Column::number("已落实", 2),
            Column::number("存在问题", 2),
            Column::number("逾期", 2),
        ],
        rows: units
            .iter()
            .map(|u| {
                vec![
                    u.unit_name.clone(),
                    u.total.to_string(),
                    u.acknowledged.to_string(),
                    u.done.to_string(),
                    u.problems.to_string(),
                    u.overdue.to_string(),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{drill, fresh, plan, t};
    use crate::report::duty::DutyLine;

    fn report(
        state: &ResponseState,
        from: &str,
        to: &str,
        duty: &Duty,
        air: Option<DailyAir>,
    ) -> DailyReport {
        let plan = plan();
        daily_report(
            &DailyInput {
                state,
                findings: &Findings::new(),
                plan: &plan,
                area: "某某县",
                from: t(from),
                to: t(to),
                duty,
            },
            air,
        )
    }

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
        let r = report(
            s.model(),
            "2025-01-14T12:00:00+08:00",
            "2025-01-15T12:00:00+08:00",
            &duty,
            None,
        );
        let text = r.to_text();
        // A numbered 简报: name, issue (day of the year), issuer and date, then the title.
        assert!(
            text.starts_with(
                "重污染天气应急工作简报\n第15期\n某某县重污染天气应急指挥部办公室　2025年1月15日\n"
            ),
            "{text}"
        );
        assert!(text.contains("某某县重污染天气应急工作日报（1月15日）"));
        assert!(text.contains("一、空气质量状况\n未载入监测数据。"));
        assert!(text.contains(
            "橙色预警（第1次预警过程，自2025年1月15日0时起，生效中，预计持续至2025年1月18日0时）"
        ));
        assert!(
            text.contains("本时段发现问题1个，已整改0个。有逾期未落实事项的单位：河东镇人民政府。"),
            "{text}"
        );
        assert!(text.contains("发布橙色预警"));
        assert!(text.contains("第1次会商"));
        assert!(
            text.contains("河东镇人民政府：未完成1项，其中逾期1项"),
            "{text}"
        );
        assert!(text.contains("【逾期】O-SUP-2"));
        assert!(text.contains("逾期6小时"), "{text}");
        // Units as a table: items, acknowledged, done, problems, overdue.
        assert!(text.contains("县住房和城乡建设局　4　4　3　1　0"), "{text}");
        assert!(text.contains("督导组发现城南某安置房项目仍在进行土方作业"));
        assert!(text.contains("尚未整改"));
        assert!(text.contains("带班领导 王强（0310-1234567）"));
        assert!(text.contains("值班员：张伟"));
        let anchor = s.model().anchor().expect("anchor");
        assert!(text.contains(&anchor.hash.to_string()));
        // 版记: 报, 送, 印发.
        assert!(text.contains("报：市重污染天气应急指挥部办公室，县委、县政府主要领导。"));
        assert!(text.contains("送：县应急指挥部各成员单位"));
        // Only the period's events are listed.
        let late = report(
            s.model(),
            "2025-01-15T09:30:00+08:00",
            "2025-01-15T12:00:00+08:00",
            &Duty::default(),
            None,
        );
        assert!(
            late.changes
                .iter()
                .all(|c| c.stamp.at >= t("2025-01-15T09:30:00+08:00"))
        );
        assert!(!late.to_text().contains("发布橙色预警"));
    }

    #[test]
    fn enterprises_limited_come_from_the_reduction_list() {
        use crate::domain::plan::Grade;
        use crate::domain::reduction::{Enterprise, Line, ReductionList};
        let ent = |name: &str, grade: Grade| Enterprise {
            key: name.into(),
            name: name.into(),
            township: "河东镇".into(),
            grade,
            lines: vec![Line::default()],
            ..Enterprise::default()
        };
        let mut with_list = plan();
        with_list.list = Some(std::sync::Arc::new(ReductionList {
            enterprises: vec![
                ent("甲厂", Grade::C),
                ent("乙厂", Grade::D),
                ent("丙厂", Grade::A),
            ],
            files: Vec::new(),
        }));
        let (mut s, mut j) = fresh();
        crate::domain::response::tests::drill_under(with_list, &mut s, &mut j);
        let r = report(
            s.model(),
            "2025-01-14T12:00:00+08:00",
            "2025-01-15T12:00:00+08:00",
            &Duty::default(),
            None,
        );
        // 丙厂 (A级) reduces on its own (自主减排): not ordered, not counted.
        assert_eq!(r.numbers.enterprises_limited, Some(2));
        assert!(
            r.to_text().contains("本时段停限产企业2家，发现问题1个"),
            "{}",
            r.to_text()
        );
        // Before the warning was issued: no figure.
        let before = report(
            s.model(),
            "2025-01-12T12:00:00+08:00",
            "2025-01-13T12:00:00+08:00",
            &Duty::default(),
            None,
        );
        assert_eq!(before.numbers.enterprises_limited, None);
    }

    #[test]
    fn empty_journal_gives_a_report_saying_so() {
        let (s, _j) = fresh();
        let r = report(
            s.model(),
            "2025-01-14T12:00:00+08:00",
            "2025-01-15T12:00:00+08:00",
            &Duty::default(),
            None,
        );
        let text = r.to_text();
        assert!(text.contains("当前无预警。"));
        assert!(text.contains("日志锚点：工作日志为空"));
    }

    #[test]
    fn numbers_leave_out_what_is_not_kept() {
        let n = ResponseNumbers {
            problems_found: 3,
            problems_rectified: 2,
            ..ResponseNumbers::default()
        };
        assert_eq!(n.sentence(), "本时段发现问题3个，已整改2个。");
        let n = ResponseNumbers {
            enterprises_limited: Some(42),
            sites_stopped: Some(7),
            inspections: Some(15),
            late_units: Some(vec!["河东镇".into()]),
            ..n
        };
        assert_eq!(
            n.sentence(),
            "本时段停限产企业42家，停工工地7个，开展检查15次，发现问题3个，已整改2个。迟报、漏报单位：河东镇。"
        );
    }
}
