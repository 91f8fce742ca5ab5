//! The two looks of the app: the desktop theme (light or dark) and the high-contrast light
//! projector theme for consultation meetings (会商), plus the sizes pages draw with.

use egui::{Color32, FontFamily, FontId, Stroke, Style, TextStyle, Theme};

use crate::workspace::ThemeChoice;

/// Accent blue of the desktop theme (selection, focus ring, links).
const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xbf);
/// Accent on dark backgrounds.
const ACCENT_DARK_MODE: Color32 = Color32::from_rgb(0x6a, 0xa8, 0xff);
/// Deep blue used for selection and focus in projector mode (contrast ≥ 7:1 on white).
const PROJECTOR_ACCENT: Color32 = Color32::from_rgb(0x00, 0x33, 0x99);

/// What pages need to know about the current look to size and colour what they draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Projector mode is on (read-only, large, high contrast).
    pub projector: bool,
    /// Dark desktop theme.
    pub dark: bool,
    /// Size of key figures (AQI, concentrations) in points. In projector mode this times the
    /// projector zoom is at least 64 px on a 1080p screen.
    pub key_figure: f32,
    /// Chart line width in points (thicker in projector mode).
    pub line_width: f32,
    /// Size of chart labels in points.
    pub chart_label: f32,
    /// Accent colour.
    pub accent: Color32,
    /// Background of cards on the page.
    pub card_fill: Color32,
    /// Strong text colour.
    pub strong_text: Color32,
    /// Weak text colour (secondary information).
    pub weak_text: Color32,
    /// Colour of warnings and drill banners.
    pub warn: Color32,
    /// Colour of errors.
    pub error: Color32,
}

impl Look {
    /// The look for the desktop theme `choice`, or for projector mode.
    pub fn new(choice: ThemeChoice, projector: bool) -> Look {
        if projector {
            return Look {
                projector: true,
                dark: false,
                key_figure: 36.0,
                line_width: 2.5,
                chart_label: 13.0,
                accent: PROJECTOR_ACCENT,
                card_fill: Color32::WHITE,
                strong_text: Color32::BLACK,
                weak_text: Color32::from_gray(0x30),
                warn: Color32::from_rgb(0x8a, 0x4b, 0x00),
                error: Color32::from_rgb(0xb0, 0x00, 0x00),
            };
        }
        match choice {
            ThemeChoice::Light => Look {
                projector: false,
                dark: false,
                key_figure: 32.0,
                line_width: 1.5,
                chart_label: 12.0,
                accent: ACCENT,
                card_fill: Color32::WHITE,
                strong_text: Color32::from_gray(0x10),
                weak_text: Color32::from_gray(0x5a),
                warn: Color32::from_rgb(0x9a, 0x5b, 0x00),
                error: Color32::from_rgb(0xc0, 0x1c, 0x1c),
            },
            ThemeChoice::Dark => Look {
                projector: false,
                dark: true,
                key_figure: 32.0,
                line_width: 1.5,
                chart_label: 12.0,
                accent: ACCENT_DARK_MODE,
                card_fill: Color32::from_gray(0x24),
                strong_text: Color32::from_gray(0xf0),
                weak_text: Color32::from_gray(0xa8),
                warn: Color32::from_rgb(0xf0, 0xb0, 0x40),
                error: Color32::from_rgb(0xff, 0x6b, 0x6b),
            },
        }
    }

    /// Background of a warning banner.
    pub fn warn_fill(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0x4a, 0x36, 0x10)
        } else {
            Color32::from_rgb(0xff, 0xf0, 0xc8)
        }
    }

    /// Background of an error banner.
    pub fn error_fill(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0x50, 0x1c, 0x1c)
        } else {
            Color32::from_rgb(0xfd, 0xe2, 0xe2)
        }
    }

    /// Background of an information banner.
    pub fn info_fill(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0x1c, 0x30, 0x4c)
        } else {
            Color32::from_rgb(0xe3, 0xee, 0xfc)
        }
    }
}

/// Apply the look to the context: colours, sizes, spacing, focus ring.
pub fn apply(ctx: &egui::Context, look: &Look) {
    let theme = if look.dark { Theme::Dark } else { Theme::Light };
    let mut style: Style = (*ctx.style_of(theme)).clone();
    style.visuals = if look.dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    text_sizes(&mut style);
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(8.0, 4.0);
    style.spacing.interact_size.y = 24.0;
    let v = &mut style.visuals;
    v.selection.bg_fill = if look.dark {
        Color32::from_rgb(0x2a, 0x4f, 0x86)
    } else {
        Color32::from_rgb(0xc8, 0xdc, 0xf8)
    };
    v.selection.stroke = Stroke::new(1.0, look.strong_text);
    v.hyperlink_color = look.accent;
    // Keyboard focus uses the "active" visuals: make it an unmistakable accent ring.
    v.widgets.active.bg_stroke = Stroke::new(2.0, look.accent);
    v.warn_fg_color = look.warn;
    v.error_fg_color = look.error;
    if look.projector {
        v.override_text_color = Some(Color32::BLACK);
        v.panel_fill = Color32::WHITE;
        v.window_fill = Color32::WHITE;
        v.extreme_bg_color = Color32::WHITE;
        v.faint_bg_color = Color32::from_gray(0xee);
        v.selection.bg_fill = Color32::from_rgb(0xb8, 0xd0, 0xff);
        v.selection.stroke = Stroke::new(2.0, Color32::BLACK);
        for w in [
            &mut v.widgets.noninteractive,
            &mut v.widgets.inactive,
            &mut v.widgets.hovered,
            &mut v.widgets.active,
            &mut v.widgets.open,
        ] {
            w.fg_stroke = Stroke::new(2.0, Color32::BLACK);
        }
        v.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(0x40));
        v.widgets.inactive.bg_stroke = Stroke::new(1.5, Color32::BLACK);
        v.widgets.inactive.weak_bg_fill = Color32::from_gray(0xf0);
        v.widgets.inactive.bg_fill = Color32::from_gray(0xf0);
        v.widgets.hovered.bg_stroke = Stroke::new(2.0, PROJECTOR_ACCENT);
        v.widgets.active.bg_stroke = Stroke::new(3.0, PROJECTOR_ACCENT);
    } else if !look.dark {
        v.panel_fill = Color32::from_gray(0xf4);
        v.faint_bg_color = Color32::from_gray(0xec);
        // Text fields (and buttons) get a visible edge, also on white cards.
        v.text_edit_bg_color = Some(Color32::WHITE);
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(0xb4));
    } else {
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(0x5a));
    }
    ctx.set_style_of(theme, style);
    ctx.set_theme(theme);
}

fn text_sizes(style: &mut Style) {
    style.text_styles = [
        (
            TextStyle::Heading,
            FontId::new(21.0, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(14.5, FontFamily::Proportional),
        ),
        (
            TextStyle::Small,
            FontId::new(12.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(13.0, FontFamily::Monospace),
        ),
    ]
    .into();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projector_key_figures_reach_64_px_at_the_default_scale() {
        let look = Look::new(ThemeChoice::Dark, true);
        let default_scale = crate::workspace::Settings::default().projector_scale;
        assert!(look.key_figure * default_scale >= 64.0);
        assert!(look.line_width > Look::new(ThemeChoice::Light, false).line_width);
        assert!(
            !look.dark,
            "projector is always the light high-contrast theme"
        );
    }
}
