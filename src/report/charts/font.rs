//! The bundled font for every chart backend: AirDeskSans (a Noto Sans CJK SC subset, OFL-1.1).
//!
//! Exports must show Chinese and digits on machines without a CJK system font, so the PNG and SVG
//! backends never ask the system for a font: they lay text out with this face and draw its glyph
//! outlines. The same bytes are registered with plotters (for elements that measure text
//! themselves) and are meant to be registered with egui, so all three backends agree.

use std::sync::{Once, OnceLock};

use plotters::style::FontStyle;
use plotters_backend::FontTransform;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::TableProvider as _;
use skrifa::{FontRef, GlyphId, MetadataProvider as _};
use vello_cpu::kurbo::{Affine, BezPath};

/// The font file, compiled into the binary so exports never depend on installed fonts.
pub static FONT_BYTES: &[u8] = include_bytes!("../../../assets/fonts/AirDeskSans-Regular.otf");

/// The family name chart code asks plotters for; [`register_with_plotters`] maps it to
/// [`FONT_BYTES`].
pub const FONT_FAMILY: &str = "sans-serif";

/// Register the bundled font with plotters under [`FONT_FAMILY`] (normal and bold: there is one
/// weight). Safe to call any number of times; only the first call does work.
pub fn register_with_plotters() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for style in [FontStyle::Normal, FontStyle::Bold] {
            // The bytes are compiled in and parse (tested); a failure would only mean plotters'
            // own text measuring is unavailable, which our backends do not use.
            let _ = plotters::style::register_font(FONT_FAMILY, style, FONT_BYTES);
        }
    });
}

/// The parsed face with the metrics text layout needs, all in font units.
pub struct Face {
    font: FontRef<'static>,
    units_per_em: f32,
    /// Top of the ideographic em box above the baseline (OS/2 typo ascender).
    ascent: f32,
    /// Bottom of the em box below the baseline, positive (OS/2 typo descender).
    descent: f32,
}

/// Where a text's glyphs go: glyph ids with their pen positions, in pixels at the requested size.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Glyphs with the x offset of each glyph's origin from the start of the run.
    pub glyphs: Vec<(GlyphId, f32)>,
    /// Total advance width.
    pub width: f32,
    /// Em-box height above the baseline.
    pub ascent: f32,
    /// Em-box depth below the baseline (positive).
    pub descent: f32,
    /// Pixels per font unit at this size.
    pub scale: f32,
}

/// The bundled face, parsed once. `None` only if the compiled-in file were corrupt (a test
/// guards against that), in which case text is skipped rather than the app crashing.
pub fn face() -> Option<&'static Face> {
    static FACE: OnceLock<Option<Face>> = OnceLock::new();
    FACE.get_or_init(|| Face::parse(FONT_BYTES)).as_ref()
}

impl Face {
    fn parse(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        let units_per_em = f32::from(font.head().ok()?.units_per_em());
        let (ascent, descent) = match font.os2() {
            Ok(os2) => (
                f32::from(os2.s_typo_ascender()),
                -f32::from(os2.s_typo_descender()),
            ),
            Err(_) => (0.88 * units_per_em, 0.12 * units_per_em),
        };
        Some(Face {
            font,
            units_per_em,
            ascent,
            descent,
        })
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some()
    }

    /// Lay out one line of text at `size_px` (the em size in pixels). Characters the font lacks
    /// take the width of the missing-glyph box so measuring never fails.
    pub fn layout(&self, text: &str, size_px: f32) -> TextRun {
        let scale = size_px / self.units_per_em;
        let charmap = self.font.charmap();
        let metrics = self
            .font
            .glyph_metrics(Size::new(size_px), LocationRef::default());
        let mut x = 0.0f32;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            let gid = charmap.map(c).unwrap_or(GlyphId::NOTDEF);
            glyphs.push((gid, x));
            x += metrics.advance_width(gid).unwrap_or(size_px * 0.5);
        }
        TextRun {
            glyphs,
            width: x,
            ascent: self.ascent * scale,
            descent: self.descent * scale,
            scale,
        }
    }

    /// The outline of a glyph in font units (y pointing up), or `None` for blank glyphs.
    pub fn outline(&self, gid: GlyphId) -> Option<BezPath> {
        let glyph = self.font.outline_glyphs().get(gid)?;
        let mut pen = PathPen(BezPath::new());
        glyph
            .draw(
                DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
                &mut pen,
            )
            .ok()?;
        if pen.0.elements().is_empty() {
            None
        } else {
            Some(pen.0)
        }
    }
}

/// Lay out `text` for drawing at `pos` with a plotters anchor and rotation. Returns the run and the
/// transform from run space (pixels, y down, origin on the baseline at the start of the text) to
/// backend pixels. `None` when the text is empty or the face is unavailable.
pub fn place_text(
    text: &str,
    size_px: f64,
    anchor: Pos,
    transform: &FontTransform,
    pos: (f64, f64),
) -> Option<(TextRun, Affine)> {
    if text.is_empty() || size_px.is_nan() || size_px <= 0.0 {
        return None;
    }
    let run = face()?.layout(text, size_px as f32);
    let w = f64::from(run.width);
    let dx = match anchor.h_pos {
        HPos::Left => 0.0,
        HPos::Center => -w / 2.0,
        HPos::Right => -w,
    };
    let dy = baseline_offset(anchor.v_pos, size_px);
    let affine =
        Affine::translate(pos) * Affine::rotate(angle(transform)) * Affine::translate((dx, dy));
    Some((run, affine))
}

/// The em box above and below the baseline at `size_px` (typo metrics of the bundled face), which
/// every backend uses to anchor text vertically.
pub fn em_box(size_px: f64) -> (f64, f64) {
    match face() {
        Some(f) => (
            size_px * f64::from(f.ascent / f.units_per_em),
            size_px * f64::from(f.descent / f.units_per_em),
        ),
        None => (size_px * 0.88, size_px * 0.12),
    }
}

/// Where the baseline sits below (positive) the anchor point for a vertical anchor position.
pub fn baseline_offset(v: VPos, size_px: f64) -> f64 {
    let (a, d) = em_box(size_px);
    match v {
        VPos::Top => a,
        VPos::Center => (a - d) / 2.0,
        VPos::Bottom => -d,
    }
}

/// The rotation plotters asks for, in radians (screen coordinates, y down).
pub fn angle(t: &FontTransform) -> f64 {
    match t {
        FontTransform::None => 0.0,
        FontTransform::Rotate90 => std::f64::consts::FRAC_PI_2,
        FontTransform::Rotate180 => std::f64::consts::PI,
        FontTransform::Rotate270 => -std::f64::consts::FRAC_PI_2,
    }
}

/// Width and height of `text` at `size_px` as every export backend lays it out.
pub fn text_box(text: &str, size_px: f64) -> (u32, u32) {
    match face() {
        Some(f) if !text.is_empty() => {
            let run = f.layout(text, size_px as f32);
            (
                run.width.ceil() as u32,
                (run.ascent + run.descent).ceil() as u32,
            )
        }
        _ => (0, size_px.ceil() as u32),
    }
}

/// Collects a glyph outline into a kurbo path in font units.
struct PathPen(BezPath);

impl OutlinePen for PathPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to((f64::from(x), f64::from(y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to((f64::from(x), f64::from(y)));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(x), f64::from(y)),
        );
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.curve_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(cx1), f64::from(cy1)),
            (f64::from(x), f64::from(y)),
        );
    }
    fn close(&mut self) {
        self.0.close_path();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_face_parses_and_covers_chart_text() {
        let face = face().expect("bundled font parses");
        for c in "除夕春节初五元宵优良轻度中重严污染现在预报年月日时周一二三四五六0123456789µ³°%–·"
            .chars()
        {
            assert!(face.has_glyph(c), "no glyph for {c:?}");
        }
        let run = face.layout("12月", 20.0);
        assert_eq!(run.glyphs.len(), 3);
        assert!(run.width > 25.0 && run.width < 45.0, "{}", run.width);
        assert!((run.ascent + run.descent - 20.0).abs() < 0.01, "em box");
        let (gid, _) = run.glyphs[2];
        let outline = face.outline(gid).expect("月 has an outline");
        assert!(outline.elements().len() > 5);
    }
}
