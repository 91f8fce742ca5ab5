//! The after-action summary (总结评估) of an episode as one self-contained Chinese HTML page:
//! overview, timeline, measures done per unit, problems and their rectification, and PM2.5 during
//! the episode against the forecast (a chart image supplied by the caller — the charts module
//! draws it — embedded as a data URI, plus a table of daily values).

use base64::Engine;
use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::response::{Episode, Item, ItemStatus, Phase, ResponseState};
use crate::i18n::{Render, ZH};

use super::daily_report::problems;
use super::open_items::anchor_line;

/// A chart image for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartImage {
    /// PNG bytes.
    Png(Vec<u8>),
    /// SVG text.
    Svg(String),
}

impl ChartImage {
    /// The image as a `data:` URI.
    pub fn data_uri(&self) -> String {
        let b64 = base64::engine::general_purpose::STANDARD;
        match self {
            ChartImage::Png(bytes) => format!("data:image/png;base64,{}", b64.encode(bytes)),
            ChartImage::Svg(text) => {
                format!("data:image/svg+xml;base64,{}", b64.encode(text.as_bytes()))
            }
        }
    }
}

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
    pub chart: Option<&'a ChartImage>,
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

/// The summary of episode `number` as a complete HTML document: overview, timeline, measures
/// per unit, problems, air quality against the forecast, and the journal anchor.
pub fn after_action_html(
    state: &ResponseState,
    number: u32,
    input: &AfterActionInput<'_>,
) -> Result<String, AfterActionError> {
    let e = state
        .episode(number)
        .ok_or(AfterActionError::NoSuchEpisode(number))?;
    let end = match e.phase() {
        Phase::Lifted { at } => at,
        _ => input.now,
    };
    let mut h = Html::default();
    head(&mut h, e, input.now);
    overview(&mut h, e, end);
    timeline(&mut h, state, e, end);
    units(&mut h, e);
    problem_table(&mut h, e);
    air(&mut h, input);
    h.tag("h2", "六、记录核验");
    h.tag("p", &anchor_line(state.anchor()));
    h.raw("<p class=\"note\">");
    h.text(&format!(
        "本总结由AirDesk根据工作日志生成，生成时间{}。",
        ZH.moment(&input.now)
    ));
    h.raw("</p>\n</body>\n</html>\n");
    Ok(h.0)
}

/// The document head, the style sheet and the title (with a note while the response runs).
fn head(h: &mut Html, e: &Episode, now: DateTime<FixedOffset>) {
    let title = format!(
        "{}重污染天气应急响应总结评估（第{}次预警过程）",
        e.plan.area, e.number
    );
    h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.tag("title", &title);
    h.raw(concat!(
        "<style>\n",
        "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;",
        "max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.6}\n",
        "h1{font-size:1.6em;text-align:center}h2{font-size:1.25em;border-bottom:2px solid #ccc}\n",
        "table{border-collapse:collapse;width:100%;margin:0.5em 0 1em}",
        "th,td{border:1px solid #bbb;padding:0.3em 0.5em;text-align:left;vertical-align:top}\n",
        "th{background:#f0f0f0}td.n{text-align:right}.late{color:#c00}.note{color:#666}\n",
        "img{max-width:100%}\n",
        "</style>\n</head>\n<body>\n"
    ));
    h.tag("h1", &title);
    if !matches!(e.phase(), Phase::Lifted { .. }) {
        h.tag(
            "p",
            &format!("（应急响应尚未解除，本总结统计至{}。）", ZH.moment(&now)),
        );
    }
}

/// 一、过程概况: plan, issue, start, levels, pauses, lifting, duration, primary pollutant.
fn overview(h: &mut Html, e: &Episode, end: DateTime<FixedOffset>) {
    h.tag("h2", "一、过程概况");
    h.raw("<table>\n");
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
    let rows = [
        ("依据预案", format!("{}（{}）", e.plan.name, e.plan.version)),
        (
            "预警发布",
            format!("{}，{}", ZH.moment(&e.issued.at), e.steps[0].approver),
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
    for (k, v) in rows {
        h.raw("<tr>");
        h.tag("th", k);
        h.tag("td", &v);
        h.raw("</tr>\n");
    }
    h.raw("</table>\n");
}

/// 二、过程时间线: the decisions, consultations, problems and rectifications of the episode.
fn timeline(h: &mut Html, state: &ResponseState, e: &Episode, end: DateTime<FixedOffset>) {
    h.tag("h2", "二、过程时间线");
    h.raw("<table>\n<tr><th>记录时间</th><th>生效时间</th><th>记录人</th><th>事项</th></tr>\n");
    let in_episode = |t: &&crate::domain::response::TimelineEntry| {
        t.episode == Some(e.number)
            || (t.kind == "consultation.recorded"
                && t.stamp.at <= end
                && t.stamp.at >= first_consultation_bound(state, e))
    };
    for t in state.timeline().iter().filter(in_episode) {
        let shown = t.is_warning()
            || t.kind == "consultation.recorded"
            || t.kind == "checklist.problem_reported"
            || t.kind == "checklist.rectified";
        if !shown {
            continue;
        }
        h.raw("<tr>");
        h.tag("td", &crate::report::table_time(&t.stamp.at));
        h.tag(
            "td",
            &t.effective
                .as_ref()
                .map_or_else(String::new, crate::report::table_time),
        );
        h.tag("td", &t.stamp.operator);
        h.tag("td", &t.render(ZH));
        h.raw("</tr>\n");
    }
    h.raw("</table>\n");
}

/// 三、各单位措施落实情况: counts per unit with totals, then every live item.
fn units(h: &mut Html, e: &Episode) {
    h.tag("h2", "三、各单位措施落实情况");
    h.raw(concat!(
        "<table>\n<tr><th>责任单位</th><th>措施数</th><th>已落实</th><th>其中逾期落实</th>",
        "<th>未落实</th><th>发现问题</th><th>已整改</th></tr>\n"
    ));
    let outcome = outcomes(e);
    for u in &outcome {
        h.raw("<tr>");
        h.tag("td", &u.unit_name);
        for n in [
            u.required,
            u.done,
            u.done_late,
            u.open,
            u.problems,
            u.rectified,
        ] {
            h.raw(&format!("<td class=\"n\">{n}</td>"));
        }
        h.raw("</tr>\n");
    }
    let total = |f: fn(&UnitOutcome) -> usize| outcome.iter().map(f).sum::<usize>();
    h.raw("<tr><th>合计</th>");
    for n in [
        total(|u| u.required),
        total(|u| u.done),
        total(|u| u.done_late),
        total(|u| u.open),
        total(|u| u.problems),
        total(|u| u.rectified),
    ] {
        h.raw(&format!("<th class=\"n\">{n}</th>"));
    }
    h.raw("</tr>\n</table>\n");
    h.tag("h3", "措施明细");
    h.raw(concat!(
        "<table>\n<tr><th>责任单位</th><th>措施</th><th>级别</th><th>时限</th><th>状态</th>",
        "<th>落实时间</th><th>落实情况</th></tr>\n"
    ));
    for item in e.items.iter().filter(|i| i.status.is_live()) {
        let done = item.done();
        let late = item.done_late();
        h.raw(if late || item.status.is_open() {
            "<tr class=\"late\">"
        } else {
            "<tr>"
        });
        h.tag("td", &item.spec.unit_name);
        h.tag("td", &format!("{} {}", item.key().measure, item.spec.text));
        h.tag("td", ZH.level(item.spec.level));
        h.tag("td", &crate::report::table_time(&item.deadline));
        h.tag("td", ZH.item_status(item.status));
        h.tag(
            "td",
            &done.map_or_else(String::new, |d| crate::report::table_time(&d.stamp.at)),
        );
        h.tag("td", &done.map_or_else(String::new, |d| d.text.clone()));
        h.raw("</tr>\n");
    }
    h.raw("</table>\n");
}

/// 四、问题及整改: every problem reported and whether it was rectified.
fn problem_table(h: &mut Html, e: &Episode) {
    h.tag("h2", "四、问题及整改");
    let found = problems(e, e.start.min(e.issued.at));
    if found.is_empty() {
        h.tag("p", "过程中未发现问题。");
    } else {
        h.raw("<table>\n<tr><th>责任单位</th><th>措施</th><th>问题</th><th>发现时间</th><th>整改情况</th></tr>\n");
        for p in &found {
            h.raw("<tr>");
            h.tag("td", &p.unit_name);
            h.tag("td", &p.measure);
            h.tag("td", &p.problem);
            h.tag("td", &crate::report::table_time(&p.reported_at));
            h.tag(
                "td",
                &p.rectified.as_ref().map_or_else(
                    || "尚未整改".to_owned(),
                    |(at, text)| format!("{}：{}", crate::report::table_time(at), text),
                ),
            );
            h.raw("</tr>\n");
        }
        h.raw("</table>\n");
    }
}

/// 五、污染过程PM2.5与预报对比: the chart and a row per day, observed against forecast.
fn air(h: &mut Html, input: &AfterActionInput<'_>) {
    h.tag("h2", "五、污染过程PM2.5与预报对比");
    match input.chart {
        Some(chart) => h.raw(&format!(
            "<p><img alt=\"过程期间PM2.5实测与预报对比图\" src=\"{}\"></p>\n",
            chart.data_uri()
        )),
        None => h.tag("p", "（未提供对比图。）"),
    }
    if !input.days.is_empty() {
        h.raw(concat!(
            "<table>\n<tr><th>日期</th><th>实测PM2.5日均（µg/m³）</th>",
            "<th>预报PM2.5日均上限（µg/m³）</th><th>实测日AQI</th><th>预报日AQI</th></tr>\n"
        ));
        let num = |v: Option<f32>| v.map_or_else(|| "—".to_owned(), |x| format!("{x:.0}"));
        for d in input.days {
            h.raw("<tr>");
            h.tag("td", &d.date.format("%Y-%m-%d").to_string());
            h.raw(&format!("<td class=\"n\">{}</td>", num(d.observed_pm25)));
            h.raw(&format!("<td class=\"n\">{}</td>", num(d.forecast_pm25)));
            h.raw(&format!("<td class=\"n\">{}</td>", num(d.observed_aqi)));
            h.raw(&format!(
                "<td class=\"n\">{}</td>",
                d.forecast_aqi
                    .map_or_else(|| "—".to_owned(), |(a, b)| format!("{a:.0}–{b:.0}"))
            ));
            h.raw("</tr>\n");
        }
        h.raw("</table>\n");
        h.raw("<p class=\"note\">");
        h.text(concat!(
            "实测值为本地区各站有效日均值的平均，当日结束后才给出；",
            "预报PM2.5日均上限为预报日AQI上限按HJ 633换算的PM2.5浓度。"
        ));
        h.raw("</p>\n");
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
        self.0.push('<');
        self.0.push_str(name);
        self.0.push('>');
        self.text(text);
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        if matches!(name, "h1" | "h2" | "h3" | "p" | "title") {
            self.0.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{drill, fresh, key, run, t};
    use crate::domain::response::{Command, LiftInput};

    /// Tags open and close in order (void elements aside); attribute values hold no `<` or `>`.
    fn balanced(html: &str) -> Result<(), String> {
        const VOID: [&str; 4] = ["meta", "img", "br", "!DOCTYPE"];
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
        let chart = ChartImage::Svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into());
        let days = [DayComparison {
            date: NaiveDate::from_ymd_opt(2025, 1, 15).expect("date"),
            observed_pm25: Some(182.4),
            forecast_pm25: None,
            observed_aqi: Some(232.0),
            forecast_aqi: Some((210.0, 260.0)),
        }];
        let html = after_action_html(
            s.model(),
            1,
            &AfterActionInput {
                chart: Some(&chart),
                days: &days,
                now: t("2025-01-18T09:00:00+08:00"),
            },
        )
        .expect("html");
        balanced(&html).expect("balanced tags");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("某某县重污染天气应急响应总结评估（第1次预警过程）"));
        assert!(html.contains("二、过程时间线"));
        assert!(html.contains("发布橙色预警"));
        assert!(html.contains("第1次会商"));
        assert!(html.contains("解除橙色预警"));
        assert!(
            html.contains("<th>持续时长</th><td>2天12小时</td>"),
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
        let png = ChartImage::Png(vec![0x89, b'P', b'N', b'G']);
        assert_eq!(png.data_uri(), "data:image/png;base64,iVBORw==");
        let o = outcomes(s.model().episode(1).expect("episode"));
        let hedong = o
            .iter()
            .find(|u| u.unit_name == "河东镇人民政府")
            .expect("town");
        assert_eq!((hedong.required, hedong.done, hedong.open), (3, 2, 1));
        assert!(matches!(
            after_action_html(
                s.model(),
                2,
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
        let html = after_action_html(
            s.model(),
            1,
            &AfterActionInput {
                chart: None,
                days: &[],
                now: t("2025-01-15T14:00:00+08:00"),
            },
        )
        .expect("html");
        balanced(&html).expect("balanced");
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(html.contains("应急响应尚未解除"));
    }
}
