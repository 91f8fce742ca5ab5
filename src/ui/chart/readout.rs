//! The hover readout box shared by the chart widgets: a title line and coloured rows, kept inside
//! the chart and flipped to the pointer's left near the right edge.

use egui::{Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, pos2, vec2};

/// Paint a readout near `pointer`, inside `bounds`.
pub fn readout_box(
    painter: &Painter,
    bounds: Rect,
    pointer: Pos2,
    title: String,
    rows: Vec<(Option<Color32>, String)>,
) {
    let font = FontId::proportional(13.0);
    let text_colour = Color32::from_rgb(30, 30, 30);
    let galleys: Vec<_> = std::iter::once((
        None,
        painter.layout_no_wrap(title, font.clone(), text_colour),
    ))
    .chain(
        rows.into_iter()
            .map(|(c, t)| (c, painter.layout_no_wrap(t, font.clone(), text_colour))),
    )
    .collect();
    let pad = 6.0;
    let swatch = 10.0;
    let w = galleys
        .iter()
        .map(|(c, g)| g.size().x + if c.is_some() { swatch + 6.0 } else { 0.0 })
        .fold(0.0, f32::max)
        + 2.0 * pad;
    let line_h = galleys.iter().map(|(_, g)| g.size().y).fold(0.0, f32::max) + 2.0;
    let h = line_h * galleys.len() as f32 + 2.0 * pad;
    let mut at = pointer + vec2(16.0, 12.0);
    if at.x + w > bounds.max.x {
        at.x = (pointer.x - 16.0 - w).max(bounds.min.x);
    }
    if at.y + h > bounds.max.y {
        at.y = (bounds.max.y - h).max(bounds.min.y);
    }
    let bg = Rect::from_min_size(at, vec2(w, h));
    painter.rect(
        bg,
        CornerRadius::same(4),
        Color32::from_rgba_unmultiplied(255, 255, 255, 240),
        Stroke::new(1.0, Color32::from_gray(170)),
        StrokeKind::Inside,
    );
    let mut y = at.y + pad;
    for (c, g) in galleys {
        let mut x = at.x + pad;
        if let Some(c) = c {
            painter.rect_filled(
                Rect::from_center_size(pos2(x + swatch / 2.0, y + line_h / 2.0), vec2(swatch, 6.0)),
                CornerRadius::ZERO,
                c,
            );
            x += swatch + 6.0;
        }
        painter.galley(pos2(x, y), g, text_colour);
        y += line_h;
    }
}
