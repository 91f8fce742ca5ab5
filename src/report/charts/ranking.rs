//! Ranking bar chart: areas or stations sorted best first, ties sharing a rank, the user's own
//! area highlighted, bars in category colours, reference lines for targets.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::ChartError;
use super::canvas::{CENTER, Canvas, LEFT_CENTER, RIGHT_CENTER, alpha};
use super::colour::Band;
use super::geometry::{PixelRect, dash, format_tick, nice_ticks};
use super::style::ChartStyle;
use crate::i18n::T;

/// Which end of the scale is better (rank 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Better {
    /// Lower values rank first (concentrations, composite index).
    #[default]
    Lower,
    /// Higher values rank first (good-day ratio).
    Higher,
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RankItem {
    /// Area or station name.
    pub label: String,
    /// The value ranked.
    pub value: f64,
    /// The user's own area: highlighted.
    pub highlight: bool,
    /// Text after the value (`同比 −4.2%`).
    pub note: String,
}

/// A ranking to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingData {
    /// Title.
    pub title: String,
    /// Subtitle (period, method, rounding).
    pub subtitle: String,
    /// Column header for the value (`PM2.5（µg/m³）`).
    pub value_name: String,
    /// Items in any order; they are sorted for drawing.
    pub items: Vec<RankItem>,
    /// Which end ranks first.
    pub better: Better,
    /// Colour bars by these bands; empty = one colour.
    pub bands: Vec<Band>,
    /// Bar colour when there are no bands.
    pub colour: RGBColor,
    /// Vertical reference lines (value, label), e.g. a target.
    pub references: Vec<(f64, String)>,
    /// Decimals shown for values.
    pub decimals: usize,
    /// Show only the best N (highlighted items are always shown, with their true rank).
    pub top: Option<usize>,
    /// With `top`: also show this many places either side of each highlighted item (its
    /// neighbourhood in the ranking).
    pub around_highlight: usize,
}

impl Default for RankingData {
    fn default() -> Self {
        RankingData {
            title: String::new(),
            subtitle: String::new(),
            value_name: String::new(),
            items: Vec::new(),
            better: Better::Lower,
            bands: Vec::new(),
            colour: RGBColor(31, 60, 136),
            references: Vec::new(),
            decimals: 0,
            top: None,
            around_highlight: 0,
        }
    }
}

/// Where each row was drawn: item index, its rank, its rectangle.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RankingLayout {
    /// Rows in drawing order.
    pub rows: Vec<(usize, usize, PixelRect)>,
    /// Items that did not fit.
    pub not_shown: usize,
}

/// Item indices best first with competition ranks (1, 2, 2, 4): equal values share a rank.
/// Non-finite values go last without a rank change between them.
pub fn ranks(items: &[RankItem], better: Better) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let (va, vb) = (items[a].value, items[b].value);
        match (va.is_finite(), vb.is_finite()) {
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
            (false, false) => std::cmp::Ordering::Equal,
            (true, true) => match better {
                Better::Lower => va.total_cmp(&vb),
                Better::Higher => vb.total_cmp(&va),
            },
        }
        .then_with(|| items[a].label.cmp(&items[b].label))
    });
    let mut out = Vec::with_capacity(order.len());
    let mut rank = 0;
    for (pos, &i) in order.iter().enumerate() {
        let tie = pos > 0 && items[order[pos - 1]].value == items[i].value;
        if !tie {
            rank = pos + 1;
        }
        out.push((i, rank));
    }
    out
}

/// Draw a ranking into `root`. `style` must already be at the backend's scale.
pub fn draw_ranking<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &RankingData,
    style: &ChartStyle,
) -> Result<RankingLayout, ChartError> {
    let cv = Canvas::new(root, style);
    cv.clear(style.background)?;
    let y = cv.heading(&data.title, &data.subtitle)?;
    let all = ranks(&data.items, data.better);
    let order = shown_ranks(data, &all);
    let finite: Vec<f64> = order
        .iter()
        .map(|&(_, (i, _))| data.items[i].value)
        .filter(|v| v.is_finite())
        .collect();
    if finite.is_empty() {
        let (w, h) = cv.size();
        let font = style.px(style.font);
        cv.centred_note(style.tr().t(T::ChartNoData), w, h, font, style.muted)?;
        return Ok(RankingLayout::default());
    }
    let cols = Columns::measure(&cv, data)?;
    draw_header(&cv, data, &cols, y)?;
    let rows = Rows::fit(&cv, y + style.px(style.font) * 1.6, order.len());
    let scale = Scale::new(&finite, data, &cols, style);
    draw_grid(&cv, &scale, &rows)?;
    let mut layout = RankingLayout {
        rows: Vec::new(),
        not_shown: all.len() - rows.shown.min(order.len()),
    };
    for (pos, &(place, (i, rank))) in order.iter().take(rows.shown).enumerate() {
        if pos > 0 && order[pos - 1].0 + 1 != place {
            draw_skip_rule(&cv, rows.top_of(pos))?;
        }
        let row = draw_row(&cv, data, &cols, &scale, &rows, pos, (i, rank))?;
        layout.rows.push((i, rank, row));
    }
    draw_zero_line(&cv, &scale, &rows)?;
    draw_references(&cv, data, &scale, &rows)?;
    if layout.not_shown > 0 {
        let text = style.tr().f(T::ChartMoreNotShown, &[&layout.not_shown]);
        let font = style.px(style.font);
        let (small, m) = (style.px(style.small_font), style.px(style.margin));
        cv.text(
            &text,
            m,
            rows.bottom() + font * 2.2,
            small,
            style.muted,
            LEFT_CENTER,
        )?;
    }
    Ok(layout)
}

/// The ranks drawn with their place in `all`: all, or the best `top`, the highlighted items
/// (with their true rank) and the `around_highlight` places either side of them.
fn shown_ranks(data: &RankingData, all: &[(usize, usize)]) -> Vec<(usize, (usize, usize))> {
    let highlighted: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, (i, _))| data.items[*i].highlight)
        .map(|(place, _)| place)
        .collect();
    let near = |place: usize| {
        highlighted
            .iter()
            .any(|&h| place.abs_diff(h) <= data.around_highlight)
    };
    all.iter()
        .copied()
        .enumerate()
        .filter(|&(place, _)| data.top.is_none_or(|n| place < n || near(place)))
        .collect()
}

/// The columns across: rank, name, then the bars from `bar_x0` to `bar_x1`, the values after.
struct Columns {
    rank_w: f64,
    bar_x0: f64,
    bar_x1: f64,
}

impl Columns {
    /// Widths from the widest rank, label (at most 35 % of the width) and value text.
    fn measure<DB: DrawingBackend>(
        cv: &Canvas<'_, DB>,
        data: &RankingData,
    ) -> Result<Self, ChartError> {
        let style = cv.style;
        let s = |u: f64| style.px(u);
        let (font, m) = (s(style.font), s(style.margin));
        let w = cv.size().0;
        let rank_w = cv.text_size("000", font)?.0 + s(8.0);
        let mut label_w: f64 = 0.0;
        for it in &data.items {
            label_w = label_w.max(cv.text_size(&it.label, font)?.0);
        }
        let label_w = label_w.min(w * 0.35) + s(10.0);
        let mut value_w: f64 = 0.0;
        for it in &data.items {
            let t = value_text(it, data.decimals);
            value_w = value_w.max(cv.text_size(&t, font)?.0);
        }
        let value_w = value_w + s(10.0);
        let bar_x0 = m + rank_w + label_w;
        Ok(Columns {
            rank_w,
            bar_x0,
            bar_x1: (w - m - value_w).max(bar_x0 + s(20.0)),
        })
    }
}

/// The column headers (排名, 名称, the value's name) above the rows.
fn draw_header<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    data: &RankingData,
    cols: &Columns,
    y: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let tr = style.tr();
    let (small, m) = (style.px(style.small_font), style.px(style.margin));
    let header_y = y + style.px(style.font) * 0.7;
    for (text, x) in [
        (tr.t(T::ChartRank), m),
        (tr.t(T::ChartName), m + cols.rank_w),
        (data.value_name.as_str(), cols.bar_x0),
    ] {
        cv.text(text, x, header_y, small, style.muted, LEFT_CENTER)?;
    }
    Ok(())
}

/// The rows down: from `top`, `shown` rows of `height` (two lines of text at most; when not all
/// fit at 1.25 lines, as many as fit at 1.25).
struct Rows {
    top: f64,
    height: f64,
    shown: usize,
}

impl Rows {
    fn fit<DB: DrawingBackend>(cv: &Canvas<'_, DB>, top: f64, count: usize) -> Self {
        let style = cv.style;
        let font = style.px(style.font);
        let h = cv.size().1;
        let axis_h = font * 3.2;
        let avail = h - style.px(style.margin) - axis_h - top;
        let height = (avail / count as f64).min(font * 2.0);
        if height < font * 1.25 {
            Rows {
                top,
                height: font * 1.25,
                shown: (avail / (font * 1.25)).floor().max(0.0) as usize,
            }
        } else {
            Rows {
                top,
                height,
                shown: count,
            }
        }
    }

    fn top_of(&self, pos: usize) -> f64 {
        self.top + pos as f64 * self.height
    }

    fn bottom(&self) -> f64 {
        self.top_of(self.shown)
    }

    /// Row `pos` across the chart between the margins.
    fn rect<DB: DrawingBackend>(&self, cv: &Canvas<'_, DB>, pos: usize) -> PixelRect {
        let m = cv.style.px(cv.style.margin);
        let top = self.top_of(pos);
        PixelRect::new(m, top, cv.size().0 - m, top + self.height)
    }
}

/// The value axis: from `lo` to `hi` (zero and the references included, stretched to the
/// ticks) over the bar columns.
struct Scale {
    lo: f64,
    hi: f64,
    x0: f64,
    x1: f64,
    ticks: Vec<f64>,
}

impl Scale {
    fn new(finite: &[f64], data: &RankingData, cols: &Columns, style: &ChartStyle) -> Self {
        let lo = finite.iter().copied().fold(0.0f64, f64::min);
        let mut hi = finite.iter().copied().fold(0.0f64, f64::max);
        for (v, _) in &data.references {
            hi = hi.max(*v);
        }
        let (x0, x1) = (cols.bar_x0, cols.bar_x1);
        let ticks = nice_ticks(
            lo,
            hi * 1.02 + 1e-9,
            ((x1 - x0) / style.px(90.0)).max(2.0) as usize,
        );
        let (lo, hi) = match (ticks.first(), ticks.last()) {
            (Some(&a), Some(&b)) if b > a => (a.min(lo), b.max(hi)),
            _ => (lo, hi.max(lo + 1.0)),
        };
        Scale {
            lo,
            hi,
            x0,
            x1,
            ticks,
        }
    }

    /// The x of value `v`.
    fn px(&self, v: f64) -> f64 {
        self.x0 + (v - self.lo) / (self.hi - self.lo) * (self.x1 - self.x0)
    }

    /// The x bars start from: zero, or the axis's low end when it is above zero.
    fn base(&self) -> f64 {
        self.px(0.0_f64.max(self.lo))
    }
}

/// Vertical grid lines at the ticks, labelled under the rows.
fn draw_grid<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    scale: &Scale,
    rows: &Rows,
) -> Result<(), ChartError> {
    let style = cv.style;
    let font = style.px(style.font);
    let thin = style.stroke(style.thin);
    let step = match scale.ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    for t in &scale.ticks {
        let x = scale.px(*t);
        cv.line(
            (x, rows.top),
            (x, rows.bottom()),
            alpha(style.grid, 1.0),
            thin,
        )?;
        let label = format_tick(*t, step);
        cv.text(
            &label,
            x,
            rows.bottom() + font * 0.8,
            font,
            style.text,
            CENTER,
        )?;
    }
    Ok(())
}

/// A dotted rule above a row whose place does not follow the row above: ranks were skipped.
fn draw_skip_rule<DB: DrawingBackend>(cv: &Canvas<'_, DB>, y: f64) -> Result<(), ChartError> {
    let style = cv.style;
    let m = style.px(style.margin);
    let w = cv.size().0;
    for seg in dash(&[(m, y), (w - m, y)], style.px(2.0), style.px(3.0)) {
        cv.polyline(&seg, alpha(style.axis, 0.8), style.stroke(style.thin))?;
    }
    Ok(())
}

/// Row `pos`: its shading, rank, name and bar with the value (or "no data"); returns its place.
fn draw_row<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    data: &RankingData,
    cols: &Columns,
    scale: &Scale,
    rows: &Rows,
    pos: usize,
    (i, rank): (usize, usize),
) -> Result<PixelRect, ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let m = s(style.margin);
    let it = &data.items[i];
    let row = rows.rect(cv, pos);
    let cy = rows.top_of(pos) + rows.height / 2.0;
    if it.highlight {
        cv.fill_rect(row, alpha(RGBColor(255, 236, 153), 0.65))?;
    } else if pos % 2 == 1 {
        cv.fill_rect(row, alpha(RGBColor(244, 246, 249), 1.0))?;
    }
    let text_c = if it.highlight {
        RGBColor(0, 0, 0)
    } else {
        style.text
    };
    let rank_x = m + cols.rank_w - s(10.0);
    cv.text(
        &rank.to_string(),
        rank_x,
        cy,
        font,
        style.muted,
        RIGHT_CENTER,
    )?;
    cv.text(&it.label, m + cols.rank_w, cy, font, text_c, LEFT_CENTER)?;
    if !it.value.is_finite() {
        let x = cols.bar_x0 + s(4.0);
        cv.text(
            style.tr().t(T::ChartNoData),
            x,
            cy,
            font,
            style.muted,
            LEFT_CENTER,
        )?;
        return Ok(row);
    }
    let colour = Band::find(&data.bands, it.value).map_or(data.colour, |b| b.colour);
    let bh = (rows.height * 0.62).max(1.0);
    let (a, b) = (scale.base(), scale.px(it.value));
    let r = PixelRect::new(a.min(b), cy - bh / 2.0, a.max(b), cy + bh / 2.0);
    cv.fill_rect(r, alpha(colour, 1.0))?;
    // Pale bands (yellow, green) need an edge on white.
    cv.stroke_rect(r, alpha(RGBColor(0, 0, 0), 0.25), style.stroke(style.thin))?;
    let value = value_text(it, data.decimals);
    cv.text(&value, a.max(b) + s(5.0), cy, font, text_c, LEFT_CENTER)?;
    Ok(row)
}

/// The line bars start from.
fn draw_zero_line<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    scale: &Scale,
    rows: &Rows,
) -> Result<(), ChartError> {
    let style = cv.style;
    let x = scale.base();
    cv.line(
        (x, rows.top),
        (x, rows.bottom()),
        alpha(style.axis, 1.0),
        style.stroke(style.thin),
    )
}

/// Dashed red reference lines (a target) with their labels above the rows.
fn draw_references<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    data: &RankingData,
    scale: &Scale,
    rows: &Rows,
) -> Result<(), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let red = RGBColor(200, 30, 30);
    for (v, label) in &data.references {
        let x = scale.px(*v);
        let line = [(x, rows.top - font * 0.2), (x, rows.bottom())];
        for seg in dash(&line, s(6.0), s(4.0)) {
            cv.polyline(&seg, alpha(red, 0.9), style.stroke(style.thin * 1.5))?;
        }
        let y = rows.top - font * 0.55;
        cv.text(label, x + s(4.0), y, s(style.small_font), red, LEFT_CENTER)?;
    }
    Ok(())
}

fn value_text(it: &RankItem, decimals: usize) -> String {
    if !it.value.is_finite() {
        return String::new();
    }
    if it.note.is_empty() {
        format!("{:.*}", decimals, it.value)
    } else {
        format!("{:.*}  {}", decimals, it.value, it.note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, value: f64) -> RankItem {
        RankItem {
            label: label.to_string(),
            value,
            ..RankItem::default()
        }
    }

    #[test]
    fn the_best_few_then_the_highlighted_item_and_its_neighbours() {
        let mut items: Vec<RankItem> = (0..20)
            .map(|k| item(&format!("区{k}"), f64::from(k)))
            .collect();
        items[12].highlight = true;
        let data = RankingData {
            items,
            top: Some(3),
            around_highlight: 2,
            ..RankingData::default()
        };
        let all = ranks(&data.items, Better::Lower);
        let places: Vec<usize> = shown_ranks(&data, &all).iter().map(|r| r.0).collect();
        assert_eq!(places, [0, 1, 2, 10, 11, 12, 13, 14]);
        // Without a neighbourhood: the best three and the highlighted item alone.
        let alone = RankingData {
            around_highlight: 0,
            ..data.clone()
        };
        let places: Vec<usize> = shown_ranks(&alone, &all).iter().map(|r| r.0).collect();
        assert_eq!(places, [0, 1, 2, 12]);
        // Drawn: eight rows, and the sixth is the highlighted item with its true rank.
        let mut doc = crate::report::charts::svg::SvgDocument::new(1366, 700);
        let root = plotters::prelude::IntoDrawingArea::into_drawing_area(
            crate::report::charts::svg::SvgBackend(&mut doc),
        );
        let layout = draw_ranking(&root, &data, &ChartStyle::desktop()).expect("drawn");
        assert_eq!(layout.rows.len(), 8);
        assert_eq!((layout.rows[5].0, layout.rows[5].1), (12, 13));
    }

    #[test]
    fn ties_share_a_rank_and_missing_values_go_last() {
        let items = vec![
            item("甲", 50.0),
            item("乙", 40.0),
            item("丙", 50.0),
            item("丁", f64::NAN),
            item("戊", 70.0),
        ];
        let r = ranks(&items, Better::Lower);
        let got: Vec<(&str, usize)> = r
            .iter()
            .map(|&(i, k)| (items[i].label.as_str(), k))
            .collect();
        assert_eq!(got, [("乙", 1), ("丙", 2), ("甲", 2), ("戊", 4), ("丁", 5)]);
        let r = ranks(&items, Better::Higher);
        assert_eq!(items[r[0].0].label, "戊");
    }
}
