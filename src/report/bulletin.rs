//! The 通报 draft: over a period, the units that reported late or not at all, the units with
//! problems still not rectified and the units whose checks found a measure not as reported (不属实)
//! — named, with counts and times, from the journal's read models — as a 公文 for the desk to edit
//! and issue ("凡不反馈或整改不到位的，要通报批评").
//!
//! A period is any stretch of time, not one warning: the 通报 walks every warning episode and
//! every standing campaign's run that overlaps it. The reporting counts are those of each one's
//! reporting cycle judged at the end of the period, periods due within it, a unit late in several
//! counted once with all its times; the problems are their items still awaiting rectification that
//! were raised before the end; the checks are those made within the period. Units are named by
//! name, never by their internal id.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::{DocumentKind, Plan};
use crate::domain::response::{
    CheckResult, Episode, Item, ItemStatus, PeriodState, ResponseState, UnitReporting,
};
use crate::i18n::ZH;

use super::document::{Block, Document};
use super::notice::command_office;
use super::official::FrameValues;

/// The title of the 通报.
pub const BULLETIN_TITLE: &str = "关于重污染天气应急响应落实情况的通报";

/// The period [from, to) a 通报 covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Start (inclusive).
    pub from: DateTime<FixedOffset>,
    /// End (exclusive); also the 成文日期.
    pub to: DateTime<FixedOffset>,
}

/// The 通报 over `span`: every warning episode and campaign run of `state` overlapping it.
pub fn bulletin(plan: &Plan, state: &ResponseState, span: Span) -> Document {
    let covered = overlapping(state, span);
    let late = late_units(&covered, span);
    let problems = open_problems(&covered, span.to);
    let checks = failed_checks(state, span);
    let named: Vec<&str> = late
        .iter()
        .map(|u| u.name.as_str())
        .chain(problems.iter().map(|i| i.spec.unit_name.as_str()))
        .chain(checks.iter().map(|(name, _)| name.as_str()))
        .collect();
    let frame = FrameValues::of(plan, DocumentKind::Bulletin);
    let to = addressees(plan, &named).unwrap_or_else(|| frame.to.clone());
    let checks = checks.into_iter().map(|(_, line)| line).collect();
    let mut body = vec![
        Block::Heading(1, "一、总体情况".to_owned()),
        Block::Paragraph(overview(plan, &covered, span, &late, &problems, state)),
    ];
    section(
        &mut body,
        "二、迟报漏报情况",
        late.iter().map(late_line).collect(),
    );
    section(
        &mut body,
        "三、问题未整改情况",
        problems.iter().map(|i| problem_line(i)).collect(),
    );
    section(&mut body, "四、核查抽查不属实情况", checks);
    body.push(Block::Heading(1, "五、下一步要求".to_owned()));
    body.extend(requirements(&command_office(plan)).map(Block::Paragraph));
    let part = frame.red_part(
        "",
        frame.signer_or(""),
        BULLETIN_TITLE.to_owned(),
        to,
        body,
        ZH.day_of(&span.to),
    );
    Document::single(part)
}

/// The standard wording of 五、下一步要求, reports going to `office`.
fn requirements(office: &str) -> [String; 3] {
    [
        format!("（一）上述单位要认真进行整改，立即排查反馈，限期整改并报告{office}。"),
        "（二）各责任单位要严格落实日报告制度，按规定时限报送应急措施落实情况，不得迟报、漏报、瞒报。".to_owned(),
        "（三）凡不反馈或整改不到位的，予以通报批评；情节严重的，按有关规定追究相关单位和人员责任。".to_owned(),
    ]
}

/// 主送: the plan's `[documents.bulletin]` `to` if it sets one, else the units the 通报 names
/// (each once, in order); `None` when it names none (the plan's common 主送 then).
fn addressees(plan: &Plan, named: &[&str]) -> Option<String> {
    if let Some(to) = plan
        .documents
        .kinds
        .get(&DocumentKind::Bulletin)
        .and_then(|f| f.to.clone())
    {
        return Some(to);
    }
    let mut units: Vec<&str> = Vec::new();
    for n in named {
        if !units.contains(n) {
            units.push(n);
        }
    }
    (!units.is_empty()).then(|| units.join("、"))
}

/// A level-1 heading and its lines as paragraphs, numbered; "无。" when there are none.
fn section(body: &mut Vec<Block>, heading: &str, lines: Vec<String>) {
    body.push(Block::Heading(1, heading.to_owned()));
    if lines.is_empty() {
        body.push(Block::Paragraph("无。".to_owned()));
    }
    body.extend(
        lines
            .into_iter()
            .enumerate()
            .map(|(n, l)| Block::Paragraph(format!("{}. {l}", n + 1))),
    );
}

/// One unit's late and missing reports within the span.
struct LateUnit {
    name: String,
    late: Vec<DateTime<FixedOffset>>,
    missing: Vec<DateTime<FixedOffset>>,
}

/// The warning episodes, then the campaign runs, in force at some moment of the span: started
/// before its end and not stopped before its start.
fn overlapping(state: &ResponseState, span: Span) -> Vec<&Episode> {
    state
        .episodes()
        .iter()
        .chain(state.campaigns())
        .filter(|e| e.start < span.to)
        .filter(|e| e.lifting.as_ref().is_none_or(|(l, _)| l.at > span.from))
        .collect()
}

/// Counts of the periods due within the span: (due, on time, late, missing).
fn period_counts(covered: &[&Episode], span: Span) -> (usize, usize, usize, usize) {
    let mut counts = (0, 0, 0, 0);
    let units = covered.iter().flat_map(|e| e.reporting(span.to).units);
    for unit in units {
        for p in in_span(&unit, span) {
            counts.0 += 1;
            match p.state {
                PeriodState::OnTime => counts.1 += 1,
                PeriodState::ReceivedLate | PeriodState::Late => counts.2 += 1,
                PeriodState::Missing => counts.3 += 1,
                PeriodState::Due => {}
            }
        }
    }
    counts
}

/// The periods of `unit` due within the span.
fn in_span(
    unit: &UnitReporting,
    span: Span,
) -> impl Iterator<Item = &crate::domain::response::Period> {
    unit.periods
        .iter()
        .filter(move |p| p.due_at >= span.from && p.due_at < span.to)
}

/// Units with late or missing reports due within the span, in checklist order of the first
/// episode or run they report in; a unit reporting in several is one entry, its times in order.
fn late_units(covered: &[&Episode], span: Span) -> Vec<LateUnit> {
    let times = |u: &UnitReporting, states: &[PeriodState]| {
        in_span(u, span)
            .filter(|p| states.contains(&p.state))
            .map(|p| p.due_at)
            .collect::<Vec<_>>()
    };
    let mut out: Vec<(String, LateUnit)> = Vec::new();
    for u in covered.iter().flat_map(|e| e.reporting(span.to).units) {
        let late = times(&u, &[PeriodState::ReceivedLate, PeriodState::Late]);
        let missing = times(&u, &[PeriodState::Missing]);
        match out.iter_mut().find(|(id, _)| id == &u.unit) {
            Some((_, entry)) => {
                entry.late.extend(late);
                entry.missing.extend(missing);
            }
            None => out.push((
                u.unit.clone(),
                LateUnit {
                    name: u.unit_name.clone(),
                    late,
                    missing,
                },
            )),
        }
    }
    out.into_iter()
        .map(|(_, mut u)| {
            u.late.sort();
            u.missing.sort();
            u
        })
        .filter(|u| !u.late.is_empty() || !u.missing.is_empty())
        .collect()
}

/// How many due times a line lists before it ends in 等.
const LISTED_TIMES: usize = 5;

/// `县交通运输局：迟报1次（应报时间：2025年1月15日16时），漏报0次。`
fn late_line(u: &LateUnit) -> String {
    let times = |ts: &[DateTime<FixedOffset>]| {
        if ts.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = ts.iter().take(LISTED_TIMES).map(|t| ZH.moment(t)).collect();
            let more = if ts.len() > LISTED_TIMES { "等" } else { "" };
            format!("（应报时间：{}{more}）", list.join("、"))
        }
    };
    format!(
        "{}：迟报{}次{}，漏报{}次{}。",
        u.name,
        u.late.len(),
        times(&u.late),
        u.missing.len(),
        times(&u.missing)
    )
}

/// Items with a problem reported before `to` and no rectification yet, in checklist order.
fn open_problems<'a>(covered: &[&'a Episode], to: DateTime<FixedOffset>) -> Vec<&'a Item> {
    covered
        .iter()
        .flat_map(|e| e.items.iter())
        .filter(|i| i.status == ItemStatus::ProblemReported)
        .filter(|i| i.problems().last().is_some_and(|c| c.done_at() < to))
        .collect()
}

/// `县住房和城乡建设局：“施工工地停止土石方作业”，自2025年1月15日2时报告问题（现场仍在施工），至今未反馈整改情况。`
fn problem_line(item: &Item) -> String {
    let last = item.problems().last();
    let since = last.map(|c| ZH.moment(&c.done_at())).unwrap_or_default();
    let what = last
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .map(|t| format!("（{t}）"))
        .unwrap_or_default();
    format!(
        "{}：“{}”，自{since}报告问题{what}，至今未反馈整改情况。",
        item.spec.unit_name,
        item.spec.text.trim().trim_end_matches('。')
    )
}

/// One line per unit whose checks in the span found a measure not as reported, with each
/// failed check's time, source, measure and note.
fn failed_checks(state: &ResponseState, span: Span) -> Vec<(String, String)> {
    state
        .checks_between(span.from, span.to)
        .into_iter()
        .filter(|u| u.failed > 0)
        .map(|u| {
            let notes: Vec<String> = state
                .episodes()
                .iter()
                .chain(state.campaigns())
                .flat_map(|e| e.checks.iter().map(move |c| (e, c)))
                .filter(|(_, c)| c.record.item.unit == u.unit)
                .filter(|(_, c)| c.record.result == CheckResult::NotConfirmed)
                .filter(|(_, c)| c.at() >= span.from && c.at() < span.to)
                .map(|(e, c)| {
                    let measure = e
                        .item(&c.record.item)
                        .map_or(c.record.item.measure.as_str(), |i| {
                            i.spec.text.trim().trim_end_matches('。')
                        });
                    format!(
                        "{}{}“{}”：{}",
                        ZH.moment(&c.at()),
                        ZH.check_source(c.record.source),
                        measure,
                        c.record.note.trim()
                    )
                })
                .collect();
            let line = format!(
                "{}：核查抽查{}次，不属实{}次。{}。",
                u.unit_name,
                u.checks,
                u.failed,
                notes.join("；")
            );
            (u.unit_name, line)
        })
        .collect()
}

/// The opening paragraph with what the period covered and its counts.
fn overview(
    plan: &Plan,
    covered: &[&Episode],
    span: Span,
    late: &[LateUnit],
    problems: &[&Item],
    state: &ResponseState,
) -> String {
    let (due, on_time, late_reports, missing) = period_counts(covered, span);
    let checks = state.checks_between(span.from, span.to);
    let checked: usize = checks.iter().map(|u| u.checks).sum();
    let failed: usize = checks.iter().map(|u| u.failed).sum();
    let names: Vec<String> = covered.iter().map(|e| covered_name(plan, e)).collect();
    let during = if names.is_empty() {
        "未启动重污染天气应急响应或专项行动".to_owned()
    } else {
        format!("{}期间", names.join("、"))
    };
    format!(
        "{}至{}，{during}，各责任单位应报送落实情况{due}次，按时报送{on_time}次，迟报{late_reports}次，漏报{missing}次，涉及{}个单位；{}项措施反映问题后未反馈整改情况；核查抽查{checked}次，发现不属实{failed}次。现将有关情况通报如下：",
        ZH.moment(&span.from),
        ZH.moment(&span.to),
        late.len(),
        problems.len(),
    )
}

/// `重污染天气橙色预警（第2次）` or the campaign's name.
fn covered_name(plan: &Plan, e: &Episode) -> String {
    match &e.campaign {
        Some(c) => c.name.clone(),
        None => format!(
            "重污染天气{}（第{}次）",
            ZH.plan_level(plan, e.max_level()),
            e.number
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Level;
    use crate::domain::response::tests::{
        Responses, check_input, feedback, fresh, issue_input, key, plan, run, t,
    };
    use crate::domain::response::{Command, Feedback};
    use crate::report::document::text;

    /// Yellow from 00:00 on 15 Jan, daily reports by 16:00: every unit reports on time but 县交通
    /// 运输局 (17:00); 县住建局 reports a problem at 10:00 and never rectifies; 县水利局's dust
    /// measure is checked 不属实 at 12:00 and rectified.
    #[test]
    fn bulletin_names_late_units_open_problems_and_failed_checks_by_name() {
        let (mut s, mut j) = fresh();
        let issue = Command::Issue(issue_input(Level::Yellow, "2025-01-15T00:00:00+08:00"));
        run(&mut s, &mut j, issue, "2025-01-14T16:00:00+08:00");
        let at_end = t("2025-01-15T18:00:00+08:00");
        let units: Vec<String> = s
            .model()
            .latest()
            .expect("episode")
            .reporting(at_end)
            .units
            .iter()
            .map(|u| u.unit.clone())
            .collect();
        let first_item = |s: &Responses, unit: &str| {
            let e = s.model().latest().expect("episode");
            e.items
                .iter()
                .find(|i| i.key().unit == unit)
                .map(|i| i.key().clone())
                .expect("item")
        };
        for unit in &units {
            let at = if unit == "jtj" {
                "2025-01-15T17:00:00+08:00"
            } else {
                "2025-01-15T09:00:00+08:00"
            };
            let report = Command::acknowledge(first_item(&s, unit), "").with_feedback(Feedback {
                reported_at: t(at),
                ..feedback(at)
            });
            run(&mut s, &mut j, report, "2025-01-15T17:30:00+08:00");
        }
        let problem = Command::report_problem(key("Y-DUST-1", "zjj"), "工地未停止土石方作业");
        run(&mut s, &mut j, problem, "2025-01-15T10:00:00+08:00");
        let checked = key("Y-DUST-1", "slj");
        run(
            &mut s,
            &mut j,
            Command::implement(checked.clone(), "已停工", None),
            "2025-01-15T11:00:00+08:00",
        );
        let failed = Command::Check(check_input(
            &checked,
            CheckResult::NotConfirmed,
            "现场仍在施工",
        ));
        run(&mut s, &mut j, failed, "2025-01-15T12:00:00+08:00");
        run(
            &mut s,
            &mut j,
            Command::rectify(checked, "已整改", None),
            "2025-01-15T13:00:00+08:00",
        );

        let state = s.model();
        let episode = state.latest().expect("episode");
        let span = Span {
            from: episode.start,
            to: at_end,
        };
        let doc = bulletin(&plan(), state, span);
        let txt = text::part_lines(&doc.parts[0]);
        assert!(txt.contains(BULLETIN_TITLE), "{txt}");
        let name = |unit: &str| plan().units.get(unit).expect("unit").name.clone();
        let section = |from: &str, to: &str| {
            let start = txt.find(from).expect(from);
            let end = txt.find(to).expect(to);
            txt[start..end].to_owned()
        };
        let late = section("二、", "三、");
        assert!(
            late.contains(&format!(
                "{}：迟报1次（应报时间：{}）",
                name("jtj"),
                ZH.moment(&t("2025-01-15T16:00:00+08:00"))
            )),
            "{late}"
        );
        assert_eq!(late.matches("迟报").count(), 2, "one late unit: {late}");
        let open = section("三、", "四、");
        assert!(
            open.contains(&name("zjj")) && open.contains("工地未停止土石方作业"),
            "{open}"
        );
        assert!(
            !open.contains(&name("slj")),
            "rectified after the check: {open}"
        );
        let checks = section("四、", "五、");
        assert!(
            checks.contains(&name("slj"))
                && checks.contains("现场仍在施工")
                && checks.contains("不属实1次"),
            "{checks}"
        );
        assert!(
            txt.contains("凡不反馈或整改不到位的，予以通报批评"),
            "{txt}"
        );
        for code in ["jtj", "zjj", "slj", "Y-DUST-1"] {
            assert!(!txt.contains(code), "{code} in {txt}");
        }

        // Before anything was due, found or checked: every section says 无.
        let early = Span {
            from: episode.start,
            to: t("2025-01-15T08:00:00+08:00"),
        };
        let txt = text::part_lines(&bulletin(&plan(), state, early).parts[0]);
        assert_eq!(txt.matches("无。").count(), 3, "{txt}");
    }

    /// Two yellow episodes (15 Jan, lifted at 20:00; 20 Jan) and the fireworks campaign from 18
    /// Jan: 县交通运输局 reports late in the first episode and not at all in the second, 禁燃禁售
    /// 第三专项督查组 never reports in the campaign. A 通报 over 15–20 Jan names both, 县交通
    /// 运输局 once with both times; one over the first episode alone names neither the second's
    /// nor the campaign's.
    #[test]
    fn a_bulletin_walks_every_episode_and_campaign_in_its_period() {
        use crate::domain::response::LiftInput;
        use crate::domain::response::tests::start_campaign;
        use crate::journal::SqliteStorage;
        let (mut s, mut j) = fresh();
        let report = |s: &mut Responses, j: &mut SqliteStorage, unit: &str, at: &str| {
            let e = s.model().latest().expect("episode");
            let item = e.items.iter().find(|i| i.key().unit == unit).expect("item");
            let cmd = Command::acknowledge(item.key().clone(), "").with_feedback(feedback(at));
            run(s, j, cmd, at);
        };
        let issue = |day: &str| Command::Issue(issue_input(Level::Yellow, day));
        run(
            &mut s,
            &mut j,
            issue("2025-01-15T00:00:00+08:00"),
            "2025-01-14T16:00:00+08:00",
        );
        report(&mut s, &mut j, "jtj", "2025-01-15T17:00:00+08:00");
        let lift = Command::Lift(LiftInput {
            at: t("2025-01-15T20:00:00+08:00"),
            basis: "空气质量好转".into(),
            approver: None,
            doc_no: String::new(),
            consultation: None,
        });
        run(&mut s, &mut j, lift, "2025-01-15T20:00:00+08:00");
        let campaign = start_campaign("fireworks", "2025-01-18T00:00:00+08:00");
        run(&mut s, &mut j, campaign, "2025-01-17T09:00:00+08:00");
        run(
            &mut s,
            &mut j,
            issue("2025-01-20T00:00:00+08:00"),
            "2025-01-19T16:00:00+08:00",
        );
        let state = s.model();
        assert_eq!((state.episodes().len(), state.campaigns().len()), (2, 1));
        let name = |unit: &str| plan().units.get(unit).expect("unit").name.clone();
        let late_section = |span: Span| {
            let txt = text::part_lines(&bulletin(&plan(), state, span).parts[0]);
            let start = txt.find("二、").expect("二");
            let end = txt.find("三、").expect("三");
            (txt[start..end].to_owned(), txt)
        };
        let whole = Span {
            from: t("2025-01-15T00:00:00+08:00"),
            to: t("2025-01-20T18:00:00+08:00"),
        };
        let (late, txt) = late_section(whole);
        let jtj = format!(
            "{}：迟报2次（应报时间：{}、{}），漏报0次。",
            name("jtj"),
            ZH.moment(&t("2025-01-15T16:00:00+08:00")),
            ZH.moment(&t("2025-01-20T16:00:00+08:00"))
        );
        assert!(late.contains(&jtj), "{late}");
        assert_eq!(late.matches(&name("jtj")).count(), 1, "{late}");
        let group = late
            .lines()
            .find(|l| l.contains(&name("dd-3")))
            .unwrap_or_else(|| panic!("the campaign's group: {late}"));
        assert!(group.contains("漏报2次"), "{group}");
        assert!(
            txt.contains("重污染天气黄色预警（第1次）")
                && txt.contains("重污染天气黄色预警（第2次）")
                && txt.contains("春节期间烟花爆竹禁燃禁售专项行动期间"),
            "{txt}"
        );
        // The first episode alone: the second episode and the campaign had not begun.
        let first = Span {
            from: t("2025-01-15T00:00:00+08:00"),
            to: t("2025-01-16T00:00:00+08:00"),
        };
        let (late, txt) = late_section(first);
        assert!(
            late.contains(&format!(
                "{}：迟报1次（应报时间：{}），漏报0次。",
                name("jtj"),
                ZH.moment(&t("2025-01-15T16:00:00+08:00"))
            )),
            "{late}"
        );
        assert!(!late.contains(&name("dd-3")), "{late}");
        assert!(
            !txt.contains("第2次") && !txt.contains("专项行动期间"),
            "{txt}"
        );
    }
}
