//! The after-action summary (总结评估) of an episode as a 公文: overview, timeline, measures done
//! per unit, problems and their rectification, and PM2.5 during the episode against the forecast
//! (a chart image supplied by the caller — the charts module draws it — and a table of daily
//! values). Written as HTML, .docx or PDF through [`super::document`].

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::plan::{DocumentKind, Plan};
use crate::domain::response::{Episode, Item, ItemStatus, Phase, ResponseState, TimelineEntry};
use crate::i18n::{Render, T, ZH};

use super::daily_report::problems;
use super::document::{Block, Column, Document, Figure, Image, Table};
use super::official::FrameValues;
use super::open_items::anchor_line;

/// One day of the episode: measured and forecast values, for the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct DayComparison {
    /// Local date.
    pub date: NaiveDate,
    /// Measured daily mean PM2.5, µg/m³.
    pub observed_pm25: Option<f32>,
    /// Forecast daily PM2.5, µg/m³: the most the forecast's upper AQI allows (HJ 633).
    pub forecast_pm25: Option<f32>,
    /// Measured daily AQI.
    pub observed_aqi: Option<f32>,
    /// Forecast AQI range.
    pub forecast_aqi: Option<(f32, f32)>,
}

/// What the summary shows besides the journal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AfterActionInput<'a> {
    /// Chart of PM2.5 during the episode against the forecast.
    pub chart: Option<&'a Image>,
    /// Daily values for the table under the chart.
    pub days: &'a [DayComparison],
    /// When the summary is made (an episode not yet lifted is summarised up to here).
    pub now: DateTime<FixedOffset>,
}

/// Why the summary cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AfterActionError {
    /// The journal has no such episode.
    #[error("the journal has no warning episode #{0}")]
    NoSuchEpisode(u32),
    /// The journal has no such campaign run.
    #[error("the journal has no campaign run #{0}")]
    NoSuchCampaignRun(u32),
}

/// Measures done per unit, as the summary counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitOutcome {
    /// Unit name.
    pub unit_name: String,
    /// Items required (not dropped).
    pub required: usize,
    /// Done (implemented or rectified).
    pub done: usize,
    /// Done after the deadline.
    pub done_late: usize,
    /// Not done at the end.
    pub open: usize,
    /// Problems reported.
    pub problems: usize,
    /// Problems rectified.
    pub rectified: usize,
}

/// Per unit, in checklist (plan) order.
pub fn outcomes(episode: &Episode) -> Vec<UnitOutcome> {
    let mut units: Vec<(String, Vec<&Item>)> = Vec::new();
    for item in episode.items.iter().filter(|i| i.status.is_live()) {
        match units.iter_mut().find(|(u, _)| u == &item.key().unit) {
            Some((_, v)) => v.push(item),
            None => units.push((item.key().unit.clone(), vec![item])),
        }
    }
    units
        .into_iter()
        .map(|(_, items)| UnitOutcome {
            unit_name: items
                .first()
                .map_or_else(String::new, |i| i.spec.unit_name.clone()),
            required: items.len(),
            done: items.iter().filter(|i| i.status.is_done()).count(),
            done_late: items.iter().filter(|i| i.done_late()).count(),
            open: items.iter().filter(|i| i.status.is_open()).count(),
            problems: items.iter().map(|i| i.problems().count()).sum(),
            rectified: items
                .iter()
                .map(|i| {
                    i.history
                        .iter()
                        .filter(|c| c.status == ItemStatus::Rectified)
                        .count()
                })
                .sum(),
        })
        .collect()
}

/// The summary of episode `number` as a 公文 (red 版头, title, 主送 from the plan's `summary`
/// frame, the sections with their tables and the chart, 署名, 成文日期 and 版记).
pub fn after_action_document(
    state: &ResponseState,
    number: u32,
    plan: &Plan,
    input: &AfterActionInput<'_>,
) -> Result<Document, AfterActionError> {
    let e = state
        .episode(number)
        .ok_or(AfterActionError::NoSuchEpisode(number))?;
    let end = match e.phase() {
        Phase::Lifted { at } => at,
        _ => input.now,
    };
    let lifted = matches!(e.phase(), Phase::Lifted { .. });
    let title = format!(
        "{}重污染天气应急响应总结评估（第{}次预警过程）",
        e.plan.area, e.number
    );
    let mut body: Vec<Block> = Vec::new();
    if !lifted {
        body.push(Block::Paragraph(format!(
            "（应急响应尚未解除，本总结统计至{}。）",
            ZH.moment(&input.now)
        )));
    }
    body.push(Block::Heading(1, "一、过程概况".to_owned()));
    body.push(Block::Table(overview_table(e, end)));
    body.push(Block::Heading(1, "二、过程时间线".to_owned()));
    body.push(Block::Table(timeline_table(state, e, end)));
    units_and_problems(&mut body, e, "过程中未发现问题。");
    body.push(Block::Heading(1, "五、污染过程PM2.5与预报对比".to_owned()));
    match input.chart {
        Some(chart) => body.push(Block::Figure(Figure {
            image: chart.clone(),
            caption: "过程期间PM2.5、AQI实测与预报对比".to_owned(),
        })),
        None => body.push(Block::Paragraph("（未提供对比图。）".to_owned())),
    }
    if !input.days.is_empty() {
        body.push(Block::Table(days_table(input.days)));
        body.push(Block::Paragraph(
            concat!(
                "实测值为本地区各站有效日均值的平均，当日结束后才给出；",
                "预报PM2.5日均上限为预报日AQI上限按HJ 633换算的PM2.5浓度。"
            )
            .to_owned(),
        ));
    }
    body.push(Block::Heading(1, "六、记录核验".to_owned()));
    record_check(&mut body, state, input.now);
    let frame = FrameValues::of(plan, DocumentKind::Summary);
    let signer = frame.signer_or("");
    let part = frame.red_part(
        "",
        signer,
        title,
        frame.to.clone(),
        body,
        ZH.day_of(&input.now),
    );
    Ok(Document::single(part))
}

/// Sections 三 and 四 of a summary: each unit's measures and the items, then the problems and
/// their rectification (`none` when there were none).
pub(super) fn units_and_problems(body: &mut Vec<Block>, e: &Episode, none: &str) {
    body.push(Block::Heading(1, "三、各单位措施落实情况".to_owned()));
    body.push(Block::Table(outcome_table(&outcomes(e))));
    body.push(Block::Heading(2, "（一）措施明细".to_owned()));
    body.push(Block::Table(items_table(e)));
    body.push(Block::Heading(1, "四、问题及整改".to_owned()));
    let found = problems(e, e.start.min(e.issued.at));
    if found.is_empty() {
        body.push(Block::Paragraph(none.to_owned()));
    } else {
        body.push(Block::Table(problems_table(&found)));
    }
}

/// The record check closing a summary: the journal anchor and when it was generated.
pub(super) fn record_check(
    body: &mut Vec<Block>,
    state: &ResponseState,
    now: DateTime<FixedOffset>,
) {
    body.push(Block::Paragraph(anchor_line(state.anchor())));
    body.push(Block::Paragraph(format!(
        "本总结由AirDesk根据工作日志生成，生成时间{}。",
        ZH.moment(&now)
    )));
}

fn overview_table(e: &Episode, end: DateTime<FixedOffset>) -> Table {
    let levels: Vec<String> = e
        .steps
        .iter()
        .map(|s| format!("{}（{}起）", ZH.level(s.to), ZH.moment(&s.effective)))
        .collect();
    let pauses: Vec<String> = e
        .pauses
        .iter()
        .map(|p| match &p.resumed {
            Some((r, _)) => format!("{} 至 {}", ZH.moment(&p.pause.at), ZH.moment(&r.at)),
            None => format!("{} 起", ZH.moment(&p.pause.at)),
        })
        .collect();
    let regional = e.regional().map(|r| {
        let follows = ZH.f(
            T::RespFollowsRegional,
            &[&r.source, &ZH.level(r.level), &r.notice_no],
        );
        ("上级预警", follows)
    });
    let rows = [
        ("依据预案", format!("{}（{}）", e.plan.name, e.plan.version)),
        (
            "预警发布",
            format!(
                "{}，{}",
                ZH.moment(&e.issued.at),
                e.steps.first().map_or("", |s| s.approver.as_str())
            ),
        ),
        ("启动时间", ZH.moment(&e.start)),
        ("级别变化", levels.join(" → ")),
        ("最高级别", ZH.level(e.max_level()).to_owned()),
        (
            "暂停",
            if pauses.is_empty() {
                "无".to_owned()
            } else {
                pauses.join("；")
            },
        ),
        (
            "解除时间",
            match &e.lifting {
                Some((l, _)) => format!("{}（{}）", ZH.moment(&l.at), l.basis),
                None => "尚未解除".to_owned(),
            },
        ),
        ("持续时长", ZH.duration(end.signed_duration_since(e.start))),
        ("首要污染物", e.primary.clone()),
    ];
    Table {
        columns: vec![Column::text("项目", 2), Column::text("情况", 8)],
        rows: regional
            .into_iter()
            .chain(rows)
            .map(|(k, v)| vec![k.to_owned(), v])
            .collect(),
    }
}

fn timeline_table(state: &ResponseState, e: &Episode, end: DateTime<FixedOffset>) -> Table {
    let in_episode = |t: &&TimelineEntry| {
        t.episode == Some(e.number)
            || (t.kind == "consultation.recorded"
                && t.stamp.at <= end
                && t.stamp.at >= first_consultation_bound(state, e))
    };
    let shown = |t: &&TimelineEntry| {
        t.is_warning()
            || t.kind == "consultation.recorded"
            || t.kind == "checklist.problem_reported"
            || t.kind == "checklist.rectified"
    };
    timeline_rows(state.timeline().iter().filter(in_episode).filter(shown))
}

/// The timeline table of a summary: recorded, effective, by whom, what.
pub(super) fn timeline_rows<'a>(entries: impl Iterator<Item = &'a TimelineEntry>) -> Table {
    Table {
        columns: vec![
            Column::text("记录时间", 3),
            Column::text("生效时间", 3),
            Column::text("记录人", 2),
            Column::text("事项", 8),
        ],
        rows: entries
            .map(|t| {
                vec![
                    time_cell(&t.stamp.at),
                    t.effective.as_ref().map_or_else(String::new, time_cell),
                    t.stamp.operator.clone(),
                    t.render(ZH),
                ]
            })
            .collect(),
    }
}

fn outcome_table(outcome: &[UnitOutcome]) -> Table {
    let total = |f: fn(&UnitOutcome) -> usize| outcome.iter().map(f).sum::<usize>().to_string();
    let mut rows: Vec<Vec<String>> = outcome
        .iter()
        .map(|u| {
            let mut row = vec![u.unit_name.clone()];
            row.extend(
                [
                    u.required,
                    u.done,
                    u.done_late,
                    u.open,
                    u.problems,
                    u.rectified,
                ]
                .map(|n| n.to_string()),
            );
            row
        })
        .collect();
    rows.push(vec![
        "合计".to_owned(),
        total(|u| u.required),
        total(|u| u.done),
        total(|u| u.done_late),
        total(|u| u.open),
        total(|u| u.problems),
        total(|u| u.rectified),
    ]);
    Table {
        columns: vec![
            Column::text("责任单位", 6),
            Column::number("措施数", 2),
            Column::number("已落实", 2),
            Column::number("其中逾期落实", 3),
            Column::number("未落实", 2),
            Column::number("发现问题", 2),
            Column::number("已整改", 2),
        ],
        rows,
    }
}

/// A time in a table cell: `12-22 04:00`.
fn time_cell(t: &DateTime<FixedOffset>) -> String {
    t.format("%m-%d %H:%M").to_string()
}

/// The measure table's columns, widths in tenths of a 五号 character (the type width holds 42):
/// the longest status (`存在问题（逾期）`) fits on one line with the cell padding; the level
/// (`橙色/预警`) and the times (`12-21/22:00`) take two lines, as a measure's text takes at least
/// that many; the unit, the measure as the plan words it and the feedback share the rest.
fn items_columns() -> Vec<Column> {
    vec![
        Column::text("责任单位", 62),
        Column::text("措施", 126),
        Column::text("级别", 26),
        Column::text("时限", 36),
        Column::text("状态", 86),
        Column::text("落实时间", 36),
        Column::text("落实情况", 48),
    ]
}

fn items_table(e: &Episode) -> Table {
    Table {
        columns: items_columns(),
        rows: e
            .items
            .iter()
            .filter(|i| i.status.is_live())
            .map(|item| {
                let done = item.done();
                let late = item.done_late();
                let status = if late {
                    format!("{}（逾期）", ZH.item_status(item.status))
                } else {
                    ZH.item_status(item.status).to_owned()
                };
                vec![
                    item.spec.unit_name.clone(),
                    item.spec.text.clone(),
                    ZH.level(item.spec.level).to_owned(),
                    time_cell(&item.deadline),
                    status,
                    done.map_or_else(String::new, |d| time_cell(&d.stamp.at)),
                    done.map_or_else(String::new, |d| d.text.clone()),
                ]
            })
            .collect(),
    }
}

fn problems_table(found: &[super::daily_report::ProblemLine]) -> Table {
    Table {
        columns: vec![
            Column::text("责任单位", 4),
            Column::text("措施", 3),
            Column::text("问题", 6),
            Column::text("发现时间", 3),
            Column::text("整改情况", 6),
        ],
        rows: found
            .iter()
            .map(|p| {
                vec![
                    p.unit_name.clone(),
                    p.measure.clone(),
                    p.problem.clone(),
                    time_cell(&p.reported_at),
                    p.rectified.as_ref().map_or_else(
                        || "尚未整改".to_owned(),
                        |(at, text)| format!("{}：{}", time_cell(at), text),
                    ),
                ]
            })
            .collect(),
    }
}

fn days_table(days: &[DayComparison]) -> Table {
    let num = |v: Option<f32>| v.map_or_else(|| "—".to_owned(), |x| format!("{x:.0}"));
    Table {
        columns: vec![
            Column::text("日期", 3),
            Column::number("实测PM2.5日均（µg/m³）", 3),
            Column::number("预报PM2.5日均上限（µg/m³）", 3),
            Column::number("实测日AQI", 2),
            Column::number("预报日AQI", 2),
        ],
        rows: days
            .iter()
            .map(|d| {
                vec![
                    d.date.format("%Y-%m-%d").to_string(),
                    num(d.observed_pm25),
                    num(d.forecast_pm25),
                    num(d.observed_aqi),
                    d.forecast_aqi
                        .map_or_else(|| "—".to_owned(), |(a, b)| format!("{a:.0}–{b:.0}")),
                ]
            })
            .collect(),
    }
}

/// Consultations that belong to an episode: those after the previous episode was lifted.
fn first_consultation_bound(state: &ResponseState, e: &Episode) -> DateTime<FixedOffset> {
    state
        .episodes()
        .iter()
        .filter(|p| p.number < e.number)
        .filter_map(|p| p.lifting.as_ref().map(|(l, s)| l.at.max(s.at)))
        .max()
        .unwrap_or(DateTime::<chrono::Utc>::MIN_UTC.fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{drill, fresh, key, plan, run, t};
    use crate::domain::response::{Command, LiftInput};
    use crate::report::document::html;

    /// Tags open and close in order (void elements aside); attribute values hold no `<` or `>`.
    fn balanced(html: &str) -> Result<(), String> {
        const VOID: [&str; 5] = ["meta", "img", "br", "hr", "!DOCTYPE"];
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            let close = rest[open..].find('>').ok_or("unclosed <")? + open;
            let inner = &rest[open + 1..close];
            let name: String = inner
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect();
            if let Some(stripped) = inner.strip_prefix('/') {
                let n: String = stripped
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                match stack.pop() {
                    Some(top) if top == n => {}
                    other => return Err(format!("</{n}> closes {other:?}")),
                }
            } else if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
            rest = &rest[close + 1..];
        }
        if stack.is_empty() {
            Ok(())
        } else {
            Err(format!("left open: {stack:?}"))
        }
    }

    #[test]
    fn measure_table_keeps_the_status_on_one_line() {
        use crate::report::document::standard::{self, PT_PER_MM, TABLE_PT, width_cells};
        let columns = items_columns();
        let total: f32 = columns.iter().map(|c| f32::from(c.width)).sum();
        // Characters a column holds: its share of the type width, less 3 pt of padding a side
        // (the PDF's; the .docx's 57 twips are a little less).
        let holds = |i: usize| {
            f32::from(columns[i].width) / total * standard::type_width_mm() * PT_PER_MM / TABLE_PT
                - 6.0 / TABLE_PT
        };
        let longest_status = crate::domain::response::ItemStatus::ALL
            .iter()
            .map(|s| width_cells(&format!("{}（逾期）", ZH.item_status(*s))))
            .fold(0.0, f32::max);
        assert_eq!(columns[4].title, "状态");
        assert!(
            holds(4) >= longest_status,
            "{} < {longest_status}",
            holds(4)
        );
        // Two lines: 橙色 / 预警, 12-21 / 22:00 (Latin digits a little over half a character).
        assert!(holds(2) >= 2.0, "{}", holds(2));
        for time in [3, 5] {
            assert!(holds(time) >= width_cells("12-21") * 1.2, "{}", holds(time));
        }
    }

    #[test]
    fn summary_is_well_formed_and_has_the_timeline_units_problems_and_chart() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        run(
            &mut s,
            &mut j,
            Command::rectify(key("O-DUST-1", "zjj"), "已责令停工并立案", None),
            "2025-01-15T15:00:00+08:00",
        );
        run(
            &mut s,
            &mut j,
            Command::Lift(LiftInput {
                at: t("2025-01-17T12:00:00+08:00"),
                basis: "预计未来36小时以上AQI低于150".into(),
                approver: None,
                doc_no: String::new(),
                consultation: None,
            }),
            "2025-01-17T10:00:00+08:00",
        );
        let chart = Image::Svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into());
        let days = [DayComparison {
            date: NaiveDate::from_ymd_opt(2025, 1, 15).expect("date"),
            observed_pm25: Some(182.4),
            forecast_pm25: None,
            observed_aqi: Some(232.0),
            forecast_aqi: Some((210.0, 260.0)),
        }];
        let p = plan();
        let doc = after_action_document(
            s.model(),
            1,
            &p,
            &AfterActionInput {
                chart: Some(&chart),
                days: &days,
                now: t("2025-01-18T09:00:00+08:00"),
            },
        )
        .expect("summary");
        let html = html::write(&doc);
        balanced(&html).expect("balanced tags");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("某某县重污染天气应急响应总结评估（第1次预警过程）"));
        assert!(html.contains("二、过程时间线"));
        assert!(html.contains("发布橙色预警"));
        assert!(html.contains("第1次会商"));
        assert!(html.contains("解除橙色预警"));
        assert!(
            html.contains("<td>持续时长</td><td>2天12小时</td>"),
            "duration"
        );
        assert!(html.contains("<td>县住房和城乡建设局</td>"));
        assert!(html.contains("已责令停工并立案"));
        assert!(html.contains("src=\"data:image/svg+xml;base64,"));
        assert!(html.contains("<td class=\"n\">182</td>"));
        assert!(html.contains("210–260"));
        assert!(!html.contains("尚未解除"));
        // Text is escaped.
        assert!(
            !html.contains("<svg"),
            "the chart is embedded as data, not markup"
        );
        // The measure table names each measure as the plan words it, not by its code.
        let measures = doc.parts[0]
            .body
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.columns[1].title == "措施" => Some(t),
                _ => None,
            })
            .expect("measure table");
        let dust = &s.model().episode(1).expect("episode").items;
        let dust = dust
            .iter()
            .find(|i| i.key().measure == "O-DUST-1")
            .expect("dust item");
        assert!(measures.rows.iter().any(|r| r[1] == dust.spec.text));
        assert!(measures.rows.iter().all(|r| !r[1].contains("O-")));
        let png = Image::Png(vec![0x89, b'P', b'N', b'G']);
        assert_eq!(html::data_uri(&png), "data:image/png;base64,iVBORw==");
        // The same content as a 公文: red 版头 of the summary frame, 主送 from the plan.
        let text = crate::report::document::text::write(&doc);
        assert!(
            text.contains("市重污染天气应急指挥部办公室，县人民政府："),
            "{text}"
        );
        let o = outcomes(s.model().episode(1).expect("episode"));
        let hedong = o
            .iter()
            .find(|u| u.unit_name == "河东镇人民政府")
            .expect("town");
        assert_eq!((hedong.required, hedong.done, hedong.open), (3, 2, 1));
        assert!(matches!(
            after_action_document(
                s.model(),
                2,
                &p,
                &AfterActionInput {
                    chart: None,
                    days: &[],
                    now: t("2025-01-18T09:00:00+08:00")
                }
            ),
            Err(AfterActionError::NoSuchEpisode(2))
        ));
    }

    #[test]
    fn markup_in_journal_text_is_escaped() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        run(
            &mut s,
            &mut j,
            Command::report_problem(key("O-SCH-1", "jyj"), "<script>alert(1)</script> & \"x\""),
            "2025-01-15T13:00:00+08:00",
        );
        let doc = after_action_document(
            s.model(),
            1,
            &plan(),
            &AfterActionInput {
                chart: None,
                days: &[],
                now: t("2025-01-15T14:00:00+08:00"),
            },
        )
        .expect("summary");
        let html = html::write(&doc);
        balanced(&html).expect("balanced");
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(html.contains("应急响应尚未解除"));
    }
}
