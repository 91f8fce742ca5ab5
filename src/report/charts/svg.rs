//! SVG backend. Text is written as glyph outlines from the bundled font (each glyph defined once
//! and reused), with the words kept in `<title>` elements for search and screen readers. So the
//! file shows Chinese correctly on machines with no CJK font, unlike plotters' own SVG backend,
//! which emits `<text font-family="sans-serif">` and leaves the glyphs to the viewer's fonts.

use std::collections::HashSet;
use std::fmt::Write as _;

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use vello_cpu::kurbo::Affine;

use super::font;
use super::strip;

/// An SVG document being drawn: create it, draw through [`SvgBackend`], then [`finish`] it.
///
/// [`finish`]: SvgDocument::finish
pub struct SvgDocument {
    size: (u32, u32),
    body: String,
    defs: String,
    defined: HashSet<u32>,
}

fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn colour(c: BackendColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.rgb.0, c.rgb.1, c.rgb.2)
}

fn opacity(attr: &str, c: BackendColor) -> String {
    if c.alpha >= 1.0 {
        String::new()
    } else {
        format!(" {attr}=\"{}\"", num(c.alpha.clamp(0.0, 1.0)))
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn centre(width: u32) -> f64 {
    if width % 2 == 1 { 0.5 } else { 0.0 }
}

fn stroke_attrs(c: BackendColor, width: u32) -> String {
    format!(
        "fill=\"none\" stroke=\"{}\"{} stroke-width=\"{}\" stroke-linejoin=\"round\"",
        colour(c),
        opacity("stroke-opacity", c),
        width.max(1)
    )
}

fn fill_attrs(c: BackendColor) -> String {
    format!("fill=\"{}\"{}", colour(c), opacity("fill-opacity", c))
}

impl SvgDocument {
    /// An empty document of `w`×`h` pixels.
    pub fn new(w: u32, h: u32) -> Self {
        SvgDocument {
            size: (w, h),
            body: String::new(),
            defs: String::new(),
            defined: HashSet::new(),
        }
    }

    /// The finished document.
    pub fn finish(self) -> String {
        let (w, h) = self.size;
        let mut out = String::with_capacity(self.body.len() + self.defs.len() + 400);
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\">\n<defs>\n{}</defs>\n{}</svg>\n",
            self.defs, self.body
        );
        out
    }

    fn points(coords: impl IntoIterator<Item = BackendCoord>, off: f64) -> String {
        let mut s = String::new();
        for (i, (x, y)) in coords.into_iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            let _ = write!(s, "{},{}", num(f64::from(x) + off), num(f64::from(y) + off));
        }
        s
    }
}

/// The plotters backend writing into an [`SvgDocument`].
pub struct SvgBackend<'a>(pub &'a mut SvgDocument);

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.0.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let _ = writeln!(
            self.0.body,
            "<rect x=\"{}\" y=\"{}\" width=\"1\" height=\"1\" {}/>",
            point.0,
            point.1,
            fill_attrs(color)
        );
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let w = style.stroke_width();
        let o = centre(w);
        let _ = writeln!(
            self.0.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>",
            num(f64::from(from.0) + o),
            num(f64::from(from.1) + o),
            num(f64::from(to.0) + o),
            num(f64::from(to.1) + o),
            stroke_attrs(style.color(), w)
        );
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x0, y0) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (x1, y1) = (f64::from(bottom_right.0), f64::from(bottom_right.1));
        if fill {
            let _ = writeln!(
                self.0.body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>",
                num(x0),
                num(y0),
                num(x1 - x0),
                num(y1 - y0),
                fill_attrs(style.color())
            );
        } else {
            let w = style.stroke_width().max(1);
            let h = f64::from(w) / 2.0;
            let _ = writeln!(
                self.0.body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>",
                num(x0 + h),
                num(y0 + h),
                num(x1 - x0 - 2.0 * h),
                num(y1 - y0 - 2.0 * h),
                stroke_attrs(style.color(), w)
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let w = style.stroke_width();
        let pts: Vec<BackendCoord> = path.into_iter().collect();
        let mut cols = Vec::new();
        if strip::columns(&pts, &mut cols) {
            let mut points = String::new();
            for (i, (x, y)) in strip::outline(&cols, w.max(1) as f32 / 2.0)
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    points.push(' ');
                }
                let _ = write!(points, "{},{}", num(f64::from(x)), num(f64::from(y)));
            }
            let _ = writeln!(
                self.0.body,
                "<polygon points=\"{points}\" {}/>",
                fill_attrs(style.color())
            );
            return Ok(());
        }
        let _ = writeln!(
            self.0.body,
            "<polyline points=\"{}\" {}/>",
            SvgDocument::points(pts, centre(w)),
            stroke_attrs(style.color(), w)
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let attrs = if fill {
            fill_attrs(style.color())
        } else {
            stroke_attrs(style.color(), style.stroke_width())
        };
        let _ = writeln!(
            self.0.body,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {attrs}/>",
            num(f64::from(center.0) + 0.5),
            num(f64::from(center.1) + 0.5),
            radius
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let _ = writeln!(
            self.0.body,
            "<polygon points=\"{}\" {}/>",
            SvgDocument::points(vert, 0.5),
            fill_attrs(style.color())
        );
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let Some((run, at)) = font::place_text(
            text,
            style.size(),
            style.anchor(),
            &style.transform(),
            (f64::from(pos.0), f64::from(pos.1)),
        ) else {
            return Ok(());
        };
        let Some(face) = font::face() else {
            return Ok(());
        };
        let _ = write!(
            self.0.body,
            "<g {}><title>{}</title>",
            fill_attrs(style.color()),
            escape(text)
        );
        let scale = f64::from(run.scale);
        for (gid, x) in run.glyphs {
            let id = gid.to_u32();
            if !self.0.defined.contains(&id) {
                let Some(outline) = face.outline(gid) else {
                    continue;
                };
                self.0.defined.insert(id);
                let _ = writeln!(
                    self.0.defs,
                    "<path id=\"g{id}\" d=\"{}\"/>",
                    outline.to_svg()
                );
            }
            let t = at
                * Affine::translate((f64::from(x), 0.0))
                * Affine::scale_non_uniform(scale, -scale);
            let c = t.as_coeffs();
            let _ = write!(
                self.0.body,
                "<use xlink:href=\"#g{id}\" transform=\"matrix({} {} {} {} {} {})\"/>",
                num_fine(c[0]),
                num_fine(c[1]),
                num_fine(c[2]),
                num_fine(c[3]),
                num(c[4]),
                num(c[5])
            );
        }
        self.0.body.push_str("</g>\n");
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(font::text_box(text, style.size()))
    }
}

/// Scale factors need more digits than coordinates (font units are ~1/1000 of a pixel).
fn num_fine(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}
