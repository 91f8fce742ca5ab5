//! PNG backend: plotters drawing operations rendered anti-aliased by `vello_cpu`, text drawn from
//! the bundled font's outlines (no system font involved).

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use vello_cpu::color::{AlphaColor, Srgb};
use vello_cpu::kurbo::{Affine, BezPath, Cap, Circle, Join, Rect, Shape, Stroke};
use vello_cpu::{Pixmap, RenderContext, Resources};

use super::ChartError;
use super::font;
use super::strip;

/// Largest side accepted, in pixels.
pub const MAX_SIDE: u32 = 16_000;
/// Smallest side accepted, in pixels.
pub const MIN_SIDE: u32 = 64;

/// An RGBA image being drawn: create it, draw through [`PngBackend`], then encode it.
pub struct PngCanvas {
    ctx: RenderContext,
    size: (u32, u32),
}

/// The plotters backend drawing into a [`PngCanvas`] with anti-aliasing.
pub struct PngBackend<'a>(pub &'a mut PngCanvas);

/// Check an export size.
pub fn check_size(w: u32, h: u32) -> Result<(u16, u16), ChartError> {
    if !(MIN_SIDE..=MAX_SIDE).contains(&w) || !(MIN_SIDE..=MAX_SIDE).contains(&h) {
        return Err(ChartError::Size(w, h));
    }
    Ok((w as u16, h as u16))
}

fn paint(c: BackendColor) -> AlphaColor<Srgb> {
    let a = (c.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    AlphaColor::from_rgba8(c.rgb.0, c.rgb.1, c.rgb.2, a)
}

/// Odd stroke widths sit on pixel centres, even ones on pixel edges, so lines stay crisp.
fn centre(width: u32) -> f64 {
    if width % 2 == 1 { 0.5 } else { 0.0 }
}

fn pt(p: BackendCoord, off: f64) -> (f64, f64) {
    (f64::from(p.0) + off, f64::from(p.1) + off)
}

impl PngCanvas {
    /// A white-less (transparent) canvas of `w`×`h` pixels; charts paint their own background.
    pub fn new(w: u32, h: u32) -> Result<Self, ChartError> {
        let (w16, h16) = check_size(w, h)?;
        Ok(PngCanvas {
            ctx: RenderContext::new(w16, h16),
            size: (w, h),
        })
    }

    fn render(&self) -> Pixmap {
        let mut pixmap = Pixmap::new(self.size.0 as u16, self.size.1 as u16);
        let mut resources = Resources::new();
        self.ctx.render(&mut pixmap, &mut resources);
        pixmap
    }

    /// The image as straight-alpha RGBA bytes, row by row.
    pub fn into_rgba(self) -> (u32, u32, Vec<u8>) {
        let (w, h) = self.size;
        let pixels = self.render().take_unpremultiplied();
        let mut out = Vec::with_capacity(pixels.len() * 4);
        for p in pixels {
            out.extend_from_slice(&[p.r, p.g, p.b, p.a]);
        }
        (w, h, out)
    }

    /// The image encoded as PNG.
    pub fn into_png(self) -> Result<Vec<u8>, ChartError> {
        self.render()
            .into_png()
            .map_err(|e| ChartError::Png(e.to_string()))
    }

    fn stroke_path(&mut self, path: &BezPath, c: BackendColor, width: u32) {
        self.ctx.set_paint(paint(c));
        self.ctx.set_stroke(
            Stroke::new(f64::from(width.max(1)))
                .with_join(Join::Round)
                .with_caps(Cap::Butt),
        );
        self.ctx.stroke_path(path);
    }

    fn fill(&mut self, path: &BezPath, c: BackendColor) {
        self.ctx.set_paint(paint(c));
        self.ctx.fill_path(path);
    }
}

impl DrawingBackend for PngBackend<'_> {
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
        let (x, y) = pt(point, 0.0);
        self.0.ctx.set_paint(paint(color));
        self.0.ctx.fill_rect(&Rect::new(x, y, x + 1.0, y + 1.0));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let w = style.stroke_width();
        let off = centre(w);
        let mut path = BezPath::new();
        path.move_to(pt(from, off));
        path.line_to(pt(to, off));
        self.0.stroke_path(&path, style.color(), w);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x0, y0) = pt(upper_left, 0.0);
        let (x1, y1) = pt(bottom_right, 0.0);
        if fill {
            self.0.ctx.set_paint(paint(style.color()));
            self.0.ctx.fill_rect(&Rect::new(x0, y0, x1, y1));
        } else {
            let w = style.stroke_width().max(1);
            let h = f64::from(w) / 2.0;
            let r = Rect::new(x0 + h, y0 + h, x1 - h, y1 - h);
            self.0.stroke_path(&r.to_path(0.1), style.color(), w);
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
            let mut p = BezPath::new();
            for (i, (x, y)) in strip::outline(&cols, w.max(1) as f32 / 2.0)
                .into_iter()
                .enumerate()
            {
                let q = (f64::from(x), f64::from(y));
                if i == 0 {
                    p.move_to(q);
                } else {
                    p.line_to(q);
                }
            }
            p.close_path();
            self.0.fill(&p, style.color());
            return Ok(());
        }
        let off = centre(w);
        let mut p = BezPath::new();
        for (i, c) in pts.into_iter().enumerate() {
            if i == 0 {
                p.move_to(pt(c, off));
            } else {
                p.line_to(pt(c, off));
            }
        }
        self.0.stroke_path(&p, style.color(), w);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = Circle::new(pt(center, 0.5), f64::from(radius));
        let path = c.to_path(0.1);
        if fill {
            self.0.fill(&path, style.color());
        } else {
            self.0
                .stroke_path(&path, style.color(), style.stroke_width());
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mut p = BezPath::new();
        for (i, c) in vert.into_iter().enumerate() {
            if i == 0 {
                p.move_to(pt(c, 0.5));
            } else {
                p.line_to(pt(c, 0.5));
            }
        }
        p.close_path();
        self.0.fill(&p, style.color());
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
            pt(pos, 0.0),
        ) else {
            return Ok(());
        };
        let Some(face) = font::face() else {
            return Ok(());
        };
        self.0.ctx.set_paint(paint(style.color()));
        let scale = f64::from(run.scale);
        for (gid, x) in run.glyphs {
            if let Some(outline) = face.outline(gid) {
                let t = at
                    * Affine::translate((f64::from(x), 0.0))
                    * Affine::scale_non_uniform(scale, -scale);
                self.0.ctx.set_transform(t);
                self.0.ctx.fill_path(&outline);
            }
        }
        self.0.ctx.reset_transform();
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
