//! The reduction check as a bar chart: per level a group of bars, one per pollutant, the height
//! the list's reduction as a percent of the whole-society base, the level's required percent as a
//! dashed line across its group; a bar short of it is outlined red, and the requirement and the
//! shortfalls are written in red under the level's name, where no bar or value label can meet them.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::ChartError;
use super::canvas::{CENTER, Canvas, RIGHT_CENTER, alpha};
use super::colour::warning_colour;
use super::geometry::{PixelRect, dash, format_tick, nice_ticks};
use super::style::ChartStyle;
use crate::domain::plan::Level;
use crate::domain::reduction::{LevelCheck, Pollutant};
use crate::i18n::{T, Tr};

/// One pollutant's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ReductionBar {
    /// The pollutant.
    pub pollutant: Pollutant,
    /// Reduction as a percent of the base; `None` without a base.
    pub percent: Option<f64>,
    /// Reduction, kg/d.
    pub reduction: f64,
    /// Shortfall, kg/d (`None` without a base).
    pub shortfall: Option<f64>,
    /// Whether the required share is reached (`None` without a base).
    pub meets: Option<bool>,
}

/// One level's group of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct ReductionGroup {
    /// The level.
    pub level: Level,
    /// Its required percent, if any.
    pub required: Option<f64>,
    /// SO2, NOx, PM, VOCs.
    pub bars: Vec<ReductionBar>,
}

/// The check to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ReductionChart {
    /// Title.
    pub title: String,
    /// Subtitle (list, base, unit).
    pub subtitle: String,
    /// Groups, one per level, in order.
    pub groups: Vec<ReductionGroup>,
}

impl ReductionChart {
    /// The chart of a check's levels that a list covers (yellow, orange, red).
    pub fn from_checks(checks: &[LevelCheck], title: String, subtitle: String) -> Self {
        let groups = checks
            .iter()
            .filter(|c| crate::domain::reduction::list_level_index(c.level).is_some())
            .map(|c| ReductionGroup {
                level: c.level,
                required: c.required_percent,
                bars: Pollutant::ALL
                    .iter()
                    .map(|&p| ReductionBar {
                        pollutant: p,
                        percent: c.percent.get(p),
                        reduction: c.reduction.get(p),
                        shortfall: c.shortfall.get(p),
                        meets: c.meets.get(p),
                    })
                    .collect(),
            })
            .collect();
        ReductionChart {
            title,
            subtitle,
            groups,
        }
    }
}

/// Where each bar was drawn: group index, bar index, its column (the whole height).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReductionLayout {
    /// Bars in drawing order.
    pub bars: Vec<(usize, usize, PixelRect)>,
}

const SHORT: RGBColor = RGBColor(200, 30, 30);

/// Draw the chart into `root`. `style` must already be at the backend's scale.
pub fn draw_reduction<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ReductionChart,
    style: &ChartStyle,
) -> Result<ReductionLayout, ChartError> {
    let cv = Canvas::new(root, style);
    let tr = style.tr();
    let (w, h) = cv.size();
    let s = |u: f64| style.px(u);
    let (font, small, m) = (s(style.font), s(style.small_font), s(style.margin));
    let thin = style.stroke(style.thin);
    cv.clear(style.background)?;
    let top = cv.heading(&data.title, &data.subtitle)?;
    let mut layout = ReductionLayout::default();
    let values = data
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().filter_map(|b| b.percent).chain(g.required));
    let hi = values.fold(0.0f64, f64::max);
    if data.groups.is_empty() {
        cv.centred_note(tr.t(T::ChartNoData), w, h, font, style.muted)?;
        return Ok(layout);
    }
    let axis_w = cv.text_size("100%", font)?.0 + s(10.0);
    let (x0, x1) = (m + axis_w, w - m);
    let group_w = (x1 - x0) / data.groups.len() as f64;
    let mut notes = Vec::new();
    for g in &data.groups {
        notes.push(group_notes(&cv, g, group_w * 0.98, small)?);
    }
    let note_rows = notes.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let (y0, y1) = (
        top + font * 2.4,
        h - m - font * 3.2 - small * 1.3 * note_rows,
    );
    if x1 - x0 < s(120.0) || y1 - y0 < s(60.0) {
        cv.centred_note(tr.t(T::ChartTooSmall), w, h, font, style.muted)?;
        return Ok(layout);
    }
    let ticks = nice_ticks(
        0.0,
        (hi * 1.1).max(10.0),
        ((y1 - y0) / s(40.0)).max(2.0) as usize,
    );
    let top_value = ticks.last().copied().unwrap_or(10.0).max(hi * 1.05);
    let py = |v: f64| y1 - v / top_value * (y1 - y0);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 10.0,
    };
    for t in &ticks {
        cv.line((x0, py(*t)), (x1, py(*t)), alpha(style.grid, 1.0), thin)?;
        let label = format!("{}%", format_tick(*t, step));
        cv.text(&label, x0 - s(6.0), py(*t), font, style.text, RIGHT_CENTER)?;
    }
    for (gi, (g, notes)) in data.groups.iter().zip(&notes).enumerate() {
        let gx = x0 + gi as f64 * group_w;
        let inner = group_w * 0.8;
        let bar_w = inner / g.bars.len().max(1) as f64;
        let colour = warning_colour(g.level);
        for (bi, b) in g.bars.iter().enumerate() {
            let bx = gx + group_w * 0.1 + bi as f64 * bar_w;
            let column = PixelRect::new(bx, y0, bx + bar_w, y1);
            layout.bars.push((gi, bi, column));
            let cx = bx + bar_w / 2.0;
            cv.text(
                b.pollutant.label(),
                cx,
                y1 + font * 0.8,
                small,
                style.text,
                CENTER,
            )?;
            let Some(pct) = b.percent else {
                cv.text(
                    tr.t(T::ReductionNoBase),
                    cx,
                    y1 - font,
                    small,
                    style.muted,
                    CENTER,
                )?;
                continue;
            };
            let r = PixelRect::new(bx + bar_w * 0.12, py(pct), bx + bar_w * 0.88, y1);
            cv.fill_rect(r, alpha(colour, 0.9))?;
            let short = b.meets == Some(false);
            let edge = if short {
                alpha(SHORT, 1.0)
            } else {
                alpha(RGBColor(0, 0, 0), 0.3)
            };
            cv.stroke_rect(r, edge, if short { thin * 2 } else { thin })?;
            let label_y = value_label_y(py(pct), g.required.filter(|_| short).map(py), small);
            let wide = cv.text_size("00.0%", small)?.0 < bar_w * 0.95;
            let value = if wide {
                format!("{pct:.1}%")
            } else {
                format!("{pct:.0}%")
            };
            cv.text(&value, cx, label_y, small, style.text, CENTER)?;
        }
        cv.text(
            Tr(style.lang).level(g.level),
            gx + group_w / 2.0,
            y1 + font * 2.1,
            font,
            style.text,
            CENTER,
        )?;
        if let Some(req) = g.required {
            let y = py(req);
            let line = [(gx + group_w * 0.05, y), (gx + group_w * 0.95, y)];
            for seg in dash(&line, s(6.0), s(4.0)) {
                cv.polyline(&seg, alpha(SHORT, 0.9), style.stroke(style.thin * 1.5))?;
            }
        }
        // The requirement and the shortfalls under the level's name, clear of the bars.
        for (row, note) in notes.iter().enumerate() {
            let y = y1 + font * 2.1 + font * 0.9 + small * (0.65 + 1.3 * row as f64);
            cv.text(note, gx + group_w / 2.0, y, small, SHORT, CENTER)?;
        }
    }
    cv.line((x0, y1), (x1, y1), alpha(style.axis, 1.0), thin)?;
    cv.line((x0, y0), (x0, y1), alpha(style.axis, 1.0), thin)?;
    Ok(layout)
}

/// The red lines under a group: its required percent and each bar's shortfall (`VOCs 缺 167
/// kg/d`), on one line when they fit in `width`, else the shortfalls on a second.
fn group_notes<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    g: &ReductionGroup,
    width: f64,
    small: f64,
) -> Result<Vec<String>, ChartError> {
    let tr = cv.style.tr();
    let required = g
        .required
        .map(|req| tr.f(T::ReductionRequired, &[&format!("{req:.0}")]));
    let shortfalls: Vec<String> = g
        .bars
        .iter()
        .filter(|b| b.meets == Some(false))
        .filter_map(|b| {
            let kg = tr.f(T::ReductionShortKg, &[&format!("{:.0}", b.shortfall?)]);
            Some(format!("{} {kg}", b.pollutant.label()))
        })
        .collect();
    let shortfalls = (!shortfalls.is_empty()).then(|| shortfalls.join(" · "));
    let one: Vec<String> = required.iter().chain(&shortfalls).cloned().collect();
    let joined = one.join(" · ");
    if one.len() < 2 || cv.text_size(&joined, small)?.0 <= width {
        return Ok((!joined.is_empty()).then_some(joined).into_iter().collect());
    }
    Ok(one)
}

/// Where the percent label of a bar whose top is at `top` goes: above the bar, unless the bar
/// falls short of a required line at `short_of` close enough above it that the
/// label would sit on the line — then just inside the bar's top.
fn value_label_y(top: f64, short_of: Option<f64>, small: f64) -> f64 {
    match short_of {
        Some(line) if top - line < small * 1.4 => top + small * 0.8,
        _ => top - small * 0.8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reduction::{Base, PerPollutant, ReductionList, check_level};
    use crate::report::charts::{Chart, png_bytes, svg_string};

    fn chart() -> ReductionChart {
        let list = ReductionList::default();
        let mut base = Base::splat(Some(100.0));
        base.set(Pollutant::Pm, None);
        let mut checks: Vec<LevelCheck> =
            [Level::Yellow, Level::Orange, Level::Red, Level::Temporary]
                .into_iter()
                .map(|l| check_level(&list, l, Some(20.0), &base))
                .collect();
        checks[1].reduction = PerPollutant([30.0, 10.0, 0.0, 25.0]);
        checks[1].percent = PerPollutant([Some(30.0), Some(10.0), None, Some(25.0)]);
        checks[1].meets = PerPollutant([Some(true), Some(false), None, Some(true)]);
        checks[1].shortfall = PerPollutant([Some(0.0), Some(10.0), None, Some(0.0)]);
        ReductionChart::from_checks(&checks, "减排核算".into(), "kg/d".into())
    }

    #[test]
    fn one_group_per_list_level_and_bars_for_every_pollutant() {
        let c = chart();
        assert_eq!(c.groups.len(), 3, "the temporary level has no list columns");
        assert_eq!(c.groups[1].bars[1].meets, Some(false));
        assert_eq!(c.groups[1].bars[2].percent, None);
        let png = png_bytes(Chart::Reduction(&c), 900, 500, &ChartStyle::desktop()).expect("png");
        assert!(png.starts_with(b"\x89PNG"));
        let svg = svg_string(Chart::Reduction(&c), 900, 500, &ChartStyle::desktop()).expect("svg");
        assert!(svg.contains("<path"), "text as outlines");
    }

    #[test]
    fn requirement_and_shortfalls_are_written_under_the_group_on_one_line_or_two() {
        use crate::report::charts::svg::{SvgBackend, SvgDocument};
        use plotters::prelude::IntoDrawingArea;
        let c = chart();
        let mut doc = SvgDocument::new(900, 500);
        let root = SvgBackend(&mut doc).into_drawing_area();
        let style = ChartStyle::desktop();
        let cv = Canvas::new(&root, &style);
        let orange = &c.groups[1];
        let wide = group_notes(&cv, orange, 400.0, 12.0).expect("notes");
        assert_eq!(wide, ["要求 20% · NOx 缺 10 kg/d"]);
        let narrow = group_notes(&cv, orange, 60.0, 12.0).expect("notes");
        assert_eq!(narrow, ["要求 20%", "NOx 缺 10 kg/d"]);
        let mut none = orange.clone();
        none.required = None;
        none.bars.iter_mut().for_each(|b| b.meets = Some(true));
        assert!(
            group_notes(&cv, &none, 400.0, 12.0)
                .expect("notes")
                .is_empty()
        );
    }

    #[test]
    fn a_bar_just_short_of_its_line_keeps_its_label_clear_of_it() {
        let small = 12.0;
        // Screen y grows downwards: the line at 100, bars ending below it.
        let y = |top, short_of| value_label_y(top, short_of, small);
        let clear = |label: f64, line: f64| (label - line).abs() >= small * 0.5;
        assert!(clear(y(110.0, Some(100.0)), 100.0), "inside the bar");
        assert!(y(110.0, Some(100.0)) > 110.0);
        assert_eq!(
            y(200.0, Some(100.0)),
            200.0 - small * 0.8,
            "far below: above it"
        );
        assert_eq!(y(90.0, None), 90.0 - small * 0.8, "met: above it");
    }
}
