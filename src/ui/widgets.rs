//! Small building blocks shared by pages: cards, banners, key figures, page placeholders.

use egui::{Color32, CornerRadius, Margin, RichText, Stroke};

use super::theme::Look;

/// How serious a banner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    /// Neutral information (projector mode, files reloaded).
    Info,
    /// Something to keep in mind (drill clock, read-only workspace, renderer fallback).
    Warning,
    /// Something failed (a save, opening a workspace).
    Error,
}

/// A full-width banner with wrapped text and optional buttons on the right.
pub fn banner<R>(
    ui: &mut egui::Ui,
    look: &Look,
    kind: BannerKind,
    text: &str,
    buttons: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let (fill, fg) = match kind {
        BannerKind::Info => (look.info_fill(), look.strong_text),
        BannerKind::Warning => (look.warn_fill(), look.strong_text),
        BannerKind::Error => (look.error_fill(), look.strong_text),
    };
    let stroke_color = match kind {
        BannerKind::Info => look.accent,
        BannerKind::Warning => look.warn,
        BannerKind::Error => look.error,
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(Stroke::new(
            if look.projector { 2.0 } else { 1.0 },
            stroke_color,
        ))
        .corner_radius(CornerRadius::same(4))
        .inner_margin(Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let r = buttons(ui);
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(RichText::new(text).color(fg).strong()).wrap());
                    });
                    r
                })
                .inner
            })
            .inner
        })
        .inner
}

/// A titled card: the unit of the situation board and of page sections.
pub fn card<R>(
    ui: &mut egui::Ui,
    look: &Look,
    title: &str,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    untitled_card(ui, look, |ui| {
        ui.label(
            RichText::new(title).strong().color(look.strong_text).size(
                ui.style()
                    .text_styles
                    .get(&egui::TextStyle::Body)
                    .map_or(15.0, |f| f.size + 1.5),
            ),
        );
        ui.add_space(4.0);
        add_contents(ui)
    })
}

/// A card without a title line, for a one-line strip (the board's clock).
pub fn untitled_card<R>(
    ui: &mut egui::Ui,
    look: &Look,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let stroke = if look.projector {
        Stroke::new(2.0, Color32::BLACK)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    egui::Frame::new()
        .fill(look.card_fill)
        .stroke(stroke)
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Not justified, even inside `ui.columns`: justified CJK/Latin text gets gappy.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), add_contents)
                .inner
        })
        .inner
}

/// A big number with its unit, readable from the back of a meeting room in projector mode.
pub fn key_figure(ui: &mut egui::Ui, look: &Look, value: &str, unit: &str, color: Color32) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(
            RichText::new(value)
                .size(look.key_figure)
                .strong()
                .color(color),
        );
        if !unit.is_empty() {
            ui.label(RichText::new(unit).color(look.weak_text));
        }
    });
}

/// A number on a coloured plate (an AQI on its category colour).
pub fn badge(
    ui: &mut egui::Ui,
    text: &str,
    size: f32,
    fill: Color32,
    text_color: Color32,
) -> egui::Response {
    let galley = ui.painter().layout_no_wrap(
        text.to_owned(),
        egui::FontId::proportional(size),
        text_color,
    );
    let pad = egui::vec2(size * 0.3, size * 0.08);
    let (rect, response) = ui.allocate_exact_size(galley.size() + pad * 2.0, egui::Sense::hover());
    ui.painter().rect_filled(rect, size * 0.15, fill);
    ui.painter().galley(rect.min + pad, galley, text_color);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// How a [`tile`] is coloured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TileColour {
    /// The card colours.
    Plain,
    /// The card colours with a coloured bar at the left edge.
    Accent(Color32),
    /// Filled with `fill` (an AQI category colour), all text in `text` (what reads on it).
    Filled {
        /// Background.
        fill: Color32,
        /// Text on it.
        text: Color32,
    },
}

/// A small painted tile: a caption, a big value and a note under it, in a box of `width`. Painted
/// rather than nested layouts so that a row of tiles wraps like words in a sentence.
pub fn tile(
    ui: &mut egui::Ui,
    look: &Look,
    width: f32,
    caption: &str,
    value: &str,
    note: &str,
    colour: TileColour,
) -> egui::Response {
    let TileText {
        body,
        small,
        big,
        pad,
    } = TileText::of(ui, look);
    let height = tile_height(ui, look);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let stroke = if look.projector {
        Stroke::new(1.5, Color32::BLACK)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let (fill, weak, strong) = match colour {
        TileColour::Filled { fill, text } => (fill, text, text),
        _ => (look.card_fill, look.weak_text, look.strong_text),
    };
    painter.rect(
        rect.shrink(0.5),
        4.0,
        fill,
        stroke,
        egui::StrokeKind::Inside,
    );
    let accent = match colour {
        TileColour::Accent(c) => Some(c),
        _ => None,
    };
    if let Some(c) = accent {
        let bar = egui::Rect::from_min_size(rect.min, egui::vec2(5.0, rect.height()));
        painter.rect_filled(
            bar,
            CornerRadius {
                nw: 4,
                sw: 4,
                ne: 0,
                se: 0,
            },
            c,
        );
    }
    let x = rect.left() + pad + if accent.is_some() { 5.0 } else { 0.0 };
    let mut y = rect.top() + pad;
    let line = |text: &str, size: f32, color: Color32, y: &mut f32, step: f32| {
        painter.text(
            egui::pos2(x, *y),
            egui::Align2::LEFT_TOP,
            text,
            egui::FontId::proportional(size),
            color,
        );
        *y += size * step;
    };
    line(caption, body, weak, &mut y, 1.3);
    line(value, big, strong, &mut y, 1.25);
    line(note, small, weak, &mut y, 1.3);
    // Painted text is invisible to screen readers: name the tile after what it shows.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{caption} {value} {note}"))
    });
    response
}

/// The text sizes and padding of a [`tile`].
struct TileText {
    body: f32,
    small: f32,
    big: f32,
    pad: f32,
}

impl TileText {
    fn of(ui: &egui::Ui, look: &Look) -> TileText {
        let body = ui
            .style()
            .text_styles
            .get(&egui::TextStyle::Body)
            .map_or(14.5, |f| f.size);
        TileText {
            body,
            small: body * 0.85,
            big: look.key_figure * 0.62,
            pad: 6.0,
        }
    }
}

/// The height every [`tile`] takes (to plan how many rows of tiles fit).
pub fn tile_height(ui: &egui::Ui, look: &Look) -> f32 {
    let t = TileText::of(ui, look);
    t.pad * 2.0 + t.body * 1.3 + t.big * 1.25 + t.small * 1.3
}

/// Width a tile needs to show `caption` (at least `min`).
pub fn tile_width(ui: &egui::Ui, caption: &str, min: f32) -> f32 {
    let font = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .cloned()
        .unwrap_or_else(|| egui::FontId::proportional(14.5));
    let w = ui
        .painter()
        .layout_no_wrap(caption.to_owned(), font, Color32::WHITE)
        .size()
        .x;
    (w + 16.0).max(min)
}

/// Lay out `count` cards in as many equal columns as fit (each at least `min_width` wide), row by
/// row.
pub fn card_grid(
    ui: &mut egui::Ui,
    count: usize,
    min_width: f32,
    mut add_card: impl FnMut(&mut egui::Ui, usize),
) {
    let gap = ui.spacing().item_spacing.x;
    let width = ui.available_width();
    let columns = (((width + gap) / (min_width + gap)).floor() as usize).clamp(1, count.max(1));
    for row in 0..count.div_ceil(columns) {
        ui.columns(columns, |cols| {
            for (c, col) in cols.iter_mut().enumerate() {
                let i = row * columns + c;
                if i < count {
                    add_card(col, i);
                }
            }
        });
        ui.add_space(gap);
    }
}
