//! The place a chart widget draws into, shared by the three widgets: allocating it, converting
//! between screen points and the chart's physical pixels (plotters draws in pixels), and saying on
//! it that a chart cannot be drawn.

use egui::{Align2, Color32, FontId, Id, IdSalt, Pos2, Rect, Response, Sense, Ui, vec2};

use crate::i18n::{T, Tr};

/// The widget's id, its rectangle and the response for `sense` on it: the available width (at
/// least `min_width`) by `height`, else the available height (at least `min_height`).
pub fn allocate(
    ui: &mut Ui,
    id_salt: IdSalt,
    height: Option<f32>,
    (min_width, min_height): (f32, f32),
    sense: Sense,
) -> (Id, Rect, Response) {
    let id = ui.make_persistent_id(id_salt);
    let width = ui.available_width().max(min_width);
    let height = height
        .unwrap_or_else(|| ui.available_height())
        .max(min_height);
    let (_, rect) = ui.allocate_space(vec2(width, height));
    let response = ui.interact(rect, id, sense);
    (id, rect, response)
}

/// A screen point as the chart's pixel coordinates (origin at the top left of `rect`).
pub fn to_px(rect: Rect, ppp: f32, p: Pos2) -> (f64, f64) {
    (
        f64::from((p.x - rect.min.x) * ppp),
        f64::from((p.y - rect.min.y) * ppp),
    )
}

/// A chart pixel back on the screen.
pub fn to_point(rect: Rect, ppp: f32, (x, y): (f64, f64)) -> Pos2 {
    egui::pos2(rect.min.x + x as f32 / ppp, rect.min.y + y as f32 / ppp)
}

/// Say in the chart's place why it could not be drawn.
pub fn cannot_draw(painter: &egui::Painter, rect: Rect, tr: Tr, error: &dyn std::fmt::Display) {
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        tr.f(T::ChartCannotDraw, &[error]),
        FontId::proportional(14.0),
        Color32::DARK_RED,
    );
}
