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
    let tr = style.tr();
    let (w, h) = cv.size();
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let small = s(style.small_font);
    let m = s(style.margin);
    let thin = style.stroke(style.thin);
    cv.clear(style.background)?;
    let mut y = cv.heading(&data.title, &data.subtitle)?;
    let mut layout = RankingLayout::default();
    let all = ranks(&data.items, data.better);
    let order: Vec<(usize, usize)> = match data.top {
        Some(n) => all
            .iter()
            .enumerate()
            .filter(|&(pos, &(i, _))| pos < n || data.items[i].highlight)
            .map(|(_, &r)| r)
            .collect(),
        None => all.clone(),
    };
    let finite: Vec<f64> = order
        .iter()
        .map(|&(i, _)| data.items[i].value)
        .filter(|v| v.is_finite())
        .collect();
    if finite.is_empty() {
        cv.centred_note(tr.t(T::ChartNoData), w, h, font, style.muted)?;
        return Ok(layout);
    }
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
    let bar_x1 = (w - m - value_w).max(bar_x0 + s(20.0));
    let header_y = y + font * 0.7;
    cv.text(
        tr.t(T::ChartRank),
        m,
        header_y,
        small,
        style.muted,
        LEFT_CENTER,
    )?;
    cv.text(
        tr.t(T::ChartName),
        m + rank_w,
        header_y,
        small,
        style.muted,
        LEFT_CENTER,
    )?;
    cv.text(
        &data.value_name,
        bar_x0,
        header_y,
        small,
        style.muted,
        LEFT_CENTER,
    )?;
    y += font * 1.6;
    let axis_h = font * 3.2;
    let avail = h - m - axis_h - y;
    let row_h = (avail / order.len() as f64).min(font * 2.0);
    let shown = if row_h < font * 1.25 {
        ((avail / (font * 1.25)).floor().max(0.0)) as usize
    } else {
        order.len()
    };
    let row_h = if shown < order.len() {
        font * 1.25
    } else {
        row_h
    };
    layout.not_shown = all.len() - shown.min(order.len());
    let lo = finite.iter().copied().fold(0.0f64, f64::min);
    let mut hi = finite.iter().copied().fold(0.0f64, f64::max);
    for (v, _) in &data.references {
        hi = hi.max(*v);
    }
    let ticks = nice_ticks(
        lo,
        hi * 1.02 + 1e-9,
        ((bar_x1 - bar_x0) / s(90.0)).max(2.0) as usize,
    );
    let (lo, hi) = match (ticks.first(), ticks.last()) {
        (Some(&a), Some(&b)) if b > a => (a.min(lo), b.max(hi)),
        _ => (lo, hi.max(lo + 1.0)),
    };
    let px = |v: f64| bar_x0 + (v - lo) / (hi - lo) * (bar_x1 - bar_x0);
    let rows_bottom = y + row_h * shown as f64;
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    for t in &ticks {
        let x = px(*t);
        cv.line((x, y), (x, rows_bottom), alpha(style.grid, 1.0), thin)?;
        cv.text(
            &format_tick(*t, step),
            x,
            rows_bottom + font * 0.8,
            font,
            style.text,
            CENTER,
        )?;
    }
    let cut = data.top.unwrap_or(usize::MAX);
    for (pos, &(i, rank)) in order.iter().take(shown).enumerate() {
        let it = &data.items[i];
        let top = y + pos as f64 * row_h;
        if pos == cut && pos > 0 {
            // A highlighted item beyond the top N: a dotted rule marks the skipped ranks.
            for seg in dash(&[(m, top), (w - m, top)], s(2.0), s(3.0)) {
                cv.polyline(&seg, alpha(style.axis, 0.8), thin)?;
            }
        }
        let row = PixelRect::new(m, top, w - m, top + row_h);
        let cy = top + row_h / 2.0;
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
        cv.text(
            &rank.to_string(),
            m + rank_w - s(10.0),
            cy,
            font,
            style.muted,
            RIGHT_CENTER,
        )?;
        cv.text(&it.label, m + rank_w, cy, font, text_c, LEFT_CENTER)?;
        if it.value.is_finite() {
            let colour = Band::find(&data.bands, it.value).map_or(data.colour, |b| b.colour);
            let bh = (row_h * 0.62).max(1.0);
            let (a, b) = (px(0.0_f64.max(lo)), px(it.value));
            let r = PixelRect::new(a.min(b), cy - bh / 2.0, a.max(b), cy + bh / 2.0);
            cv.fill_rect(r, alpha(colour, 1.0))?;
            // Pale bands (yellow, green) need an edge on white.
            cv.stroke_rect(r, alpha(RGBColor(0, 0, 0), 0.25), thin)?;
            cv.text(
                &value_text(it, data.decimals),
                a.max(b) + s(5.0),
                cy,
                font,
                text_c,
                LEFT_CENTER,
            )?;
        } else {
            cv.text(
                tr.t(T::ChartNoData),
                bar_x0 + s(4.0),
                cy,
                font,
                style.muted,
                LEFT_CENTER,
            )?;
        }
        layout.rows.push((i, rank, row));
    }
    cv.line(
        (px(0.0_f64.max(lo)), y),
        (px(0.0_f64.max(lo)), rows_bottom),
        alpha(style.axis, 1.0),
        thin,
    )?;
    for (v, label) in &data.references {
        let x = px(*v);
        for seg in dash(&[(x, y - font * 0.2), (x, rows_bottom)], s(6.0), s(4.0)) {
            cv.polyline(
                &seg,
                alpha(RGBColor(200, 30, 30), 0.9),
                style.stroke(style.thin * 1.5),
            )?;
        }
        cv.text(
            label,
            x + s(4.0),
            y - font * 0.55,
            small,
            RGBColor(200, 30, 30),
            LEFT_CENTER,
        )?;
    }
    if layout.not_shown > 0 {
        cv.text(
            &tr.f(T::ChartMoreNotShown, &[&layout.not_shown]),
            m,
            rows_bottom + font * 2.2,
            small,
            style.muted,
            LEFT_CENTER,
        )?;
    }
    Ok(layout)
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
