//! Calendar heat map of daily values (like openair's `calendarPlot`): one block per month, a cell
//! per day in the official category colour with its value, heavy days framed, festivals named.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::ChartError;
use super::canvas::{CENTER, Canvas, LEFT_CENTER, LEFT_TOP, alpha};
use super::colour::{Band, text_on};
use super::geometry::{PixelRect, within};
use super::style::ChartStyle;
use crate::i18n::T;

/// Daily values to show as a calendar.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CalendarData {
    /// Title (`北京市 日AQI 日历`).
    pub title: String,
    /// Subtitle (source, standard, period).
    pub subtitle: String,
    /// First day shown.
    pub from: Option<NaiveDate>,
    /// Last day shown.
    pub to: Option<NaiveDate>,
    /// Value per day; days without an entry are shown as missing.
    pub values: BTreeMap<NaiveDate, f64>,
    /// Colour bands (AQI categories or the PM2.5 bands).
    pub bands: Vec<Band>,
    /// Days above this value get a heavy frame (AQI 200: 重污染).
    pub heavy_above: Option<f64>,
    /// Legend text for the heavy frame.
    pub heavy_label: String,
    /// Short notes under the value (festival names).
    pub notes: BTreeMap<NaiveDate, String>,
}

/// Where each day's cell was drawn.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CalendarLayout {
    /// Day and its cell in backend pixels.
    pub cells: Vec<(NaiveDate, PixelRect)>,
}

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
const MISSING: RGBColor = RGBColor(232, 234, 238);
const OUTSIDE: RGBColor = RGBColor(247, 248, 250);

fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(from.year(), from.month(), 1);
    while let Some(d) = m {
        if d > to || out.len() >= 240 {
            break;
        }
        out.push(d);
        m = d.checked_add_months(chrono::Months::new(1));
    }
    out
}

fn days_in_month(first: NaiveDate) -> u32 {
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|n| n.pred_opt())
        .map_or(28, |d| d.day())
}

/// Draw a calendar heat map into `root`. `style` must already be at the backend's scale.
pub fn draw_calendar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &CalendarData,
    style: &ChartStyle,
) -> Result<CalendarLayout, ChartError> {
    let cv = Canvas::new(root, style);
    let tr = style.tr();
    let (w, h) = cv.size();
    let s = |u: f64| style.px(u);
    let font = s(style.font);
    let small = s(style.small_font);
    let m = s(style.margin);
    cv.clear(style.background)?;
    let y = cv.heading(&data.title, &data.subtitle)?;
    let mut layout = CalendarLayout::default();
    let first = data.from.or_else(|| data.values.keys().next().copied());
    let last = data.to.or_else(|| data.values.keys().next_back().copied());
    let (Some(from), Some(to)) = (first, last) else {
        cv.centred_note(tr.t(T::ChartNoData), w, h, font, style.muted)?;
        return Ok(layout);
    };
    let (from, to) = (from.min(to), from.max(to));
    let months = months(from, to);
    let entries = legend_entries(data, style);
    let (placed, legend_rows_n) = legend_rows(&cv, &entries, w - 2.0 * m, font)?;
    let legend_h = font * (0.7 + 1.7 * legend_rows_n as f64);
    let avail_w = w - 2.0 * m;
    let avail_h = h - y - m - legend_h;
    let gap = s(18.0);
    // Month block: 7 cells wide; title, weekday header and 6 week rows (header rows ≈ 0.9 cell).
    let rows_units = 6.0 + 1.5;
    let mut best = (1usize, 0.0f64);
    for ncols in 1..=months.len().max(1) {
        let nrows = months.len().div_ceil(ncols);
        let cw = (avail_w - gap * (ncols as f64 - 1.0)) / (ncols as f64 * 7.0);
        let ch = (avail_h - gap * (nrows as f64 - 1.0)) / (nrows as f64 * rows_units);
        let cell = cw.min(ch);
        if cell > best.1 {
            best = (ncols, cell);
        }
    }
    let (ncols, cell) = best;
    if cell < s(6.0) {
        cv.centred_note(tr.t(T::ChartTooSmall), w, h, font, style.muted)?;
        return Ok(layout);
    }
    let cell = cell.min(s(90.0));
    let block_w = cell * 7.0;
    let block_h = cell * rows_units;
    let total_w = ncols as f64 * block_w + (ncols as f64 - 1.0) * gap;
    let x_start = m + (avail_w - total_w).max(0.0) / 2.0;
    let month_font = within(cell * 0.42, small, s(style.title_font));
    let value_font = within(cell * 0.32, s(7.0), s(style.title_font) * 1.2);
    let day_font = within(cell * 0.22, s(6.0), small);
    let inset = s(1.5).max(1.0);
    let mut heavy: Vec<PixelRect> = Vec::new();
    for (i, month) in months.iter().enumerate() {
        let bx = x_start + (i % ncols) as f64 * (block_w + gap);
        let by = y + (i / ncols) as f64 * (block_h + gap);
        cv.text(
            &tr.time(
                T::ChartFmtMonthYear,
                month.and_hms_opt(0, 0, 0).unwrap_or_default(),
            ),
            bx,
            by + cell * 0.35,
            month_font,
            style.text,
            LEFT_CENTER,
        )?;
        let header_y = by + cell * 0.75 + cell * 0.3;
        for (k, &day) in WEEK.iter().enumerate() {
            let d = tr.weekday_initial(day);
            let cx = bx + (k as f64 + 0.5) * cell;
            let c = if k >= 5 {
                RGBColor(180, 60, 60)
            } else {
                style.muted
            };
            cv.text(d, cx, header_y, day_font.max(small * 0.9), c, CENTER)?;
        }
        let grid_y = by + cell * 1.5;
        let offset = month.weekday().num_days_from_monday();
        for day in 1..=days_in_month(*month) {
            let Some(date) = month.with_day(day) else {
                continue;
            };
            let slot = offset + day - 1;
            let (col, row) = (f64::from(slot % 7), f64::from(slot / 7));
            let r = PixelRect::new(
                bx + col * cell + inset,
                grid_y + row * cell + inset,
                bx + (col + 1.0) * cell - inset,
                grid_y + (row + 1.0) * cell - inset,
            );
            let inside = date >= from && date <= to;
            let value = data.values.get(&date).copied().filter(|v| v.is_finite());
            let bg = match (inside, value) {
                (false, _) => OUTSIDE,
                (true, None) => MISSING,
                (true, Some(v)) => Band::find(&data.bands, v).map_or(MISSING, |b| b.colour),
            };
            cv.fill_rect(r, alpha(bg, 1.0))?;
            let fg = text_on(bg);
            let day_colour = if inside { fg } else { RGBColor(190, 193, 198) };
            cv.text(
                &day.to_string(),
                r.x0 + s(2.0),
                r.y0 + s(1.0),
                day_font,
                day_colour,
                LEFT_TOP,
            )?;
            if inside {
                let cy = (r.y0 + r.y1) / 2.0 + cell * 0.06;
                match value {
                    Some(v) => cv.text(
                        &format!("{v:.0}"),
                        (r.x0 + r.x1) / 2.0,
                        cy,
                        value_font,
                        fg,
                        CENTER,
                    )?,
                    None => cv.text(
                        "—",
                        (r.x0 + r.x1) / 2.0,
                        cy,
                        value_font * 0.8,
                        RGBColor(150, 154, 160),
                        CENTER,
                    )?,
                }
                if let (Some(v), Some(limit)) = (value, data.heavy_above)
                    && v > limit
                {
                    heavy.push(r);
                }
                if let Some(note) = data.notes.get(&date)
                    && cell >= s(30.0)
                {
                    let nf = within(cell * 0.2, s(6.0), small);
                    if cv.text_size(note, nf)?.0 <= r.width() - s(2.0) {
                        cv.text(note, (r.x0 + r.x1) / 2.0, r.y1 - nf * 0.75, nf, fg, CENTER)?;
                    }
                }
                layout.cells.push((date, r));
            }
        }
    }
    // Heavy days: a dark frame around the cell, over the white gap, drawn after every cell.
    let bw = style.stroke(2.5).max(2);
    let out = f64::from(bw) - inset * 0.5;
    for r in heavy {
        let f = PixelRect::new(r.x0 - out, r.y0 - out, r.x1 + out, r.y1 + out);
        cv.stroke_rect(f, alpha(RGBColor(15, 15, 15), 1.0), bw)?;
    }
    draw_calendar_legend(
        &cv,
        &entries,
        &placed,
        m,
        h - m - legend_h + font * 0.7,
        font,
    )?;
    Ok(layout)
}

/// Legend entries: colour, text, framed (the heavy-day frame sample).
fn legend_entries(data: &CalendarData, style: &ChartStyle) -> Vec<(RGBColor, String, bool)> {
    let tr = style.tr();
    let mut entries: Vec<(RGBColor, String, bool)> = data
        .bands
        .iter()
        .map(|b| {
            (
                b.colour,
                format!("{} {:.0}–{:.0}", b.label, b.lo, b.hi),
                false,
            )
        })
        .collect();
    if let (Some(last), Some(e)) = (data.bands.last(), entries.last_mut()) {
        e.1 = format!("{} >{:.0}", last.label, last.lo);
    }
    entries.push((MISSING, tr.t(T::ChartNoData).to_string(), false));
    if let Some(limit) = data.heavy_above {
        let label = if data.heavy_label.is_empty() {
            tr.f(T::ChartFrameAbove, &[&format!("{limit:.0}")])
        } else {
            data.heavy_label.clone()
        };
        entries.push((RGBColor(255, 255, 255), label, true));
    }
    entries
}

/// A legend entry placed: entry index, x offset, row.
type Placed = (usize, f64, usize);

/// Lay the legend out in rows no wider than `width`: (entry index, x offset, row) per entry.
fn legend_rows<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    entries: &[(RGBColor, String, bool)],
    width: f64,
    font: f64,
) -> Result<(Vec<Placed>, usize), ChartError> {
    let s = |u: f64| cv.style.px(u);
    let sw = font * 1.1;
    let (mut x, mut row) = (0.0, 0usize);
    let mut out = Vec::new();
    for (i, (_, label, _)) in entries.iter().enumerate() {
        let item = sw + s(4.0) + cv.text_size(label, font)?.0;
        if x > 0.0 && x + item > width {
            row += 1;
            x = 0.0;
        }
        out.push((i, x, row));
        x += item + s(14.0);
    }
    Ok((out, row + 1))
}

fn draw_calendar_legend<DB: DrawingBackend>(
    cv: &Canvas<'_, DB>,
    entries: &[(RGBColor, String, bool)],
    placed: &[Placed],
    x0: f64,
    y0: f64,
    font: f64,
) -> Result<(), ChartError> {
    let style = cv.style;
    let s = |u: f64| style.px(u);
    let sw = font * 1.1;
    for &(i, dx, row) in placed {
        let (c, label, framed) = &entries[i];
        let cy = y0 + (row as f64 + 0.5) * font * 1.7;
        let x = x0 + dx;
        let r = PixelRect::new(x, cy - sw / 2.0, x + sw, cy + sw / 2.0);
        cv.fill_rect(r, alpha(*c, 1.0))?;
        if *framed {
            cv.stroke_rect(
                r,
                alpha(RGBColor(15, 15, 15), 1.0),
                style.stroke(2.5).max(2),
            )?;
        }
        cv.text(label, x + sw + s(4.0), cy, font, style.text, LEFT_CENTER)?;
    }
    Ok(())
}
