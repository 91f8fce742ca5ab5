//! The bundled font: a subset of Noto Sans CJK SC (SIL OFL 1.1, licence in `assets/fonts/OFL.txt`)
//! covering the UI, GB2312 and every station name, so the app looks the same on every computer and
//! never shows tofu, whatever fonts the system has.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The bundled font file (CFF outlines), for egui here and for plotters' PNG/SVG exports.
pub const BUNDLED_FONT: &[u8] = include_bytes!("../../assets/fonts/AirDeskSans-Regular.otf");

/// The name the bundled font is registered under in egui.
pub const FONT_NAME: &str = "AirDesk Sans";

/// The font definitions: the bundled font first for proportional text (its Latin letters and
/// digits included, so mixed Chinese and English text shares one design), and as the fallback of
/// egui's monospace font. egui's own fonts follow as fallbacks: Ubuntu-Light for the few
/// characters Noto Sans CJK lacks (sub- and superscript digits such as the ₂ of a `PM₂.₅` header
/// shown in a load report), then the emoji fonts for symbols.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(BUNDLED_FONT)),
    );
    // The bundled font goes before Ubuntu-Light, which then only fills its gaps.
    for (family, position) in [(FontFamily::Proportional, 0), (FontFamily::Monospace, 1)] {
        let list = fonts.families.entry(family).or_default();
        let at = position.min(list.len());
        list.insert(at, FONT_NAME.to_owned());
    }
    fonts
}

/// Install the fonts into a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_leads_proportional_and_backs_monospace() {
        let defs = definitions();
        assert_eq!(
            defs.families[&FontFamily::Proportional]
                .first()
                .map(String::as_str),
            Some(FONT_NAME)
        );
        assert!(defs.families[&FontFamily::Monospace].contains(&FONT_NAME.to_owned()));
        assert!(BUNDLED_FONT.len() > 1_000_000, "the real font, not a stub");
    }
}
