//! A plain painter line chart for one hourly series. Stand-in until the interactive chart widget
//! (`ui::chart`) lands; then the data page and the situation trend card switch to it and this file
//! goes.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use super::theme::Look;

/// A horizontal band behind the line: from, to (in data units) and its colour (AQI categories).
pub type Band = (f32, f32, Color32);

/// Draw `values` (hourly, NaN = missing) into a box of `size`, with the value range at the left
/// and the first and last time label under it, over faint `bands`. Long series are reduced to
/// min/max per pixel column, so spikes stay visible and drawing stays cheap.
pub fn sparkline(
    ui: &mut egui::Ui,
    values: &[f32],
    size: Vec2,
    labels: (&str, &str),
    look: &Look,
    color: Color32,
    bands: &[Band],
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let label_font = FontId::proportional(look.chart_label);
    let text_color = look.weak_text;
    let label_h = look.chart_label * 1.5;
    let present = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = present.fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let axis = Stroke::new(1.0, look.weak_text.gamma_multiply(0.5));
    let left_w = painter
        .layout_no_wrap(format!("{hi:.0}"), label_font.clone(), text_color)
        .size()
        .x
        + 6.0;
    let plot = Rect::from_min_max(
        Pos2::new(rect.left() + left_w, rect.top() + 4.0),
        Pos2::new(rect.right() - 4.0, rect.bottom() - label_h),
    );
    painter.line_segment([plot.left_bottom(), plot.right_bottom()], axis);
    painter.line_segment([plot.left_top(), plot.left_bottom()], axis);
    painter.text(
        plot.left_bottom() + Vec2::new(0.0, 2.0),
        Align2::LEFT_TOP,
        labels.0,
        label_font.clone(),
        text_color,
    );
    painter.text(
        plot.right_bottom() + Vec2::new(0.0, 2.0),
        Align2::RIGHT_TOP,
        labels.1,
        label_font.clone(),
        text_color,
    );
    if !lo.is_finite() || values.is_empty() || plot.width() < 2.0 {
        return response;
    }
    let lo = lo.min(0.0);
    let span = (hi - lo).max(1e-3);
    painter.text(
        plot.left_top() - Vec2::new(4.0, 0.0),
        Align2::RIGHT_TOP,
        format!("{hi:.0}"),
        label_font.clone(),
        text_color,
    );
    painter.text(
        plot.left_bottom() - Vec2::new(4.0, 0.0),
        Align2::RIGHT_BOTTOM,
        format!("{lo:.0}"),
        label_font,
        text_color,
    );
    let y = |v: f32| plot.bottom() - (v - lo) / span * plot.height();
    let alpha = if look.projector { 0.30 } else { 0.22 };
    for &(from, to, c) in bands {
        let (a, b) = (from.max(lo), to.min(hi));
        if a < b {
            let band = Rect::from_x_y_ranges(plot.x_range(), y(b)..=y(a));
            painter.rect_filled(band, 0.0, c.gamma_multiply(alpha));
        }
    }
    let stroke = Stroke::new(look.line_width, color);
    let columns = plot.width().floor().max(1.0) as usize;
    let n = values.len();
    let mut run: Vec<Pos2> = Vec::new();
    let mut shapes = Vec::new();
    let flush = |run: &mut Vec<Pos2>, shapes: &mut Vec<Shape>| {
        match run.len() {
            0 => {}
            1 => shapes.push(Shape::circle_filled(run[0], look.line_width, color)),
            _ => shapes.push(Shape::line(std::mem::take(run), stroke)),
        }
        run.clear();
    };
    if n <= columns * 2 {
        let dx = plot.width() / (n.max(2) - 1) as f32;
        for (i, &v) in values.iter().enumerate() {
            if v.is_finite() {
                run.push(Pos2::new(plot.left() + i as f32 * dx, y(v)));
            } else {
                flush(&mut run, &mut shapes);
            }
        }
    } else {
        for c in 0..columns {
            let a = c * n / columns;
            let b = ((c + 1) * n / columns).max(a + 1);
            let (mn, mx) = values[a..b]
                .iter()
                .filter(|v| v.is_finite())
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(p, q), &v| {
                    (p.min(v), q.max(v))
                });
            if mn.is_finite() {
                let x = plot.left() + c as f32 + 0.5;
                run.push(Pos2::new(x, y(mx)));
                run.push(Pos2::new(x, y(mn)));
            } else {
                flush(&mut run, &mut shapes);
            }
        }
    }
    flush(&mut run, &mut shapes);
    painter.extend(shapes);
    response
}
