//! A thin drawing helper over a plotters `DrawingArea`: pixel-space primitives with our error
//! type, so chart code reads as layout rather than plotters plumbing.

use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, IntoFont, RGBAColor, RGBColor, ShapeStyle, TextStyle};

use super::ChartError;
use super::font::{self, FONT_FAMILY};
use super::geometry::{PixelRect, to_backend};
use super::style::ChartStyle;

/// Where a text's anchor point sits on the text box.
pub type Anchor = (HPos, VPos);

/// Left-top anchor.
pub const LEFT_TOP: Anchor = (HPos::Left, VPos::Top);
/// Left, vertically centred.
pub const LEFT_CENTER: Anchor = (HPos::Left, VPos::Center);
/// Left, bottom.
pub const LEFT_BOTTOM: Anchor = (HPos::Left, VPos::Bottom);
/// Right, vertically centred.
pub const RIGHT_CENTER: Anchor = (HPos::Right, VPos::Center);
/// Centred horizontally, top.
pub const CENTER_TOP: Anchor = (HPos::Center, VPos::Top);
/// Centred both ways.
pub const CENTER: Anchor = (HPos::Center, VPos::Center);

/// Pixel-space drawing on a plotters area with a chart style.
pub struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    /// The style sizes are taken from (already at the backend's scale).
    pub style: &'a ChartStyle,
}

fn err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// An opaque colour with an alpha.
pub fn alpha(c: RGBColor, a: f64) -> RGBAColor {
    c.mix(a)
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    /// A canvas over `area`; registers the bundled font with plotters on first use.
    pub fn new(area: &'a DrawingArea<DB, Shift>, style: &'a ChartStyle) -> Self {
        font::register_with_plotters();
        Canvas { area, style }
    }

    /// Size of the area in backend pixels.
    pub fn size(&self) -> (f64, f64) {
        let (w, h) = self.area.dim_in_pixel();
        (f64::from(w), f64::from(h))
    }

    /// Fill the whole area.
    pub fn clear(&self, c: RGBColor) -> Result<(), ChartError> {
        self.area.fill(&c).map_err(err)
    }

    /// Fill a rectangle (continuous edges).
    pub fn fill_rect(&self, r: PixelRect, c: RGBAColor) -> Result<(), ChartError> {
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return Ok(());
        }
        let style = ShapeStyle {
            color: c,
            filled: true,
            stroke_width: 0,
        };
        let a = (r.x0.round() as i32, r.y0.round() as i32);
        let b = (r.x1.round() as i32, r.y1.round() as i32);
        if a.0 == b.0 || a.1 == b.1 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([a, b], style)).map_err(err)
    }

    /// Outline a rectangle with a stroke `width` backend pixels wide.
    pub fn stroke_rect(&self, r: PixelRect, c: RGBAColor, width: u32) -> Result<(), ChartError> {
        let style = ShapeStyle {
            color: c,
            filled: false,
            stroke_width: width,
        };
        let a = (r.x0.round() as i32, r.y0.round() as i32);
        let b = (r.x1.round() as i32, r.y1.round() as i32);
        self.area.draw(&Rectangle::new([a, b], style)).map_err(err)
    }

    /// A polyline in pixel coordinates.
    pub fn polyline(
        &self,
        pts: &[(f64, f64)],
        c: RGBAColor,
        width: u32,
    ) -> Result<usize, ChartError> {
        let pts = to_backend(pts);
        if pts.len() < 2 {
            if let Some(&p) = pts.first() {
                return self
                    .dot((f64::from(p.0), f64::from(p.1)), c, width)
                    .map(|()| 1);
            }
            return Ok(0);
        }
        let n = pts.len();
        let style = ShapeStyle {
            color: c,
            filled: false,
            stroke_width: width,
        };
        self.area.draw(&PathElement::new(pts, style)).map_err(err)?;
        Ok(n)
    }

    /// A polyline already in rounded backend pixels (the hot path for long series).
    pub fn polyline_px(
        &self,
        pts: Vec<(i32, i32)>,
        c: RGBAColor,
        width: u32,
    ) -> Result<usize, ChartError> {
        match pts.len() {
            0 => Ok(0),
            1 => self
                .dot((f64::from(pts[0].0), f64::from(pts[0].1)), c, width)
                .map(|()| 1),
            n => {
                let style = ShapeStyle {
                    color: c,
                    filled: false,
                    stroke_width: width,
                };
                self.area.draw(&PathElement::new(pts, style)).map_err(err)?;
                Ok(n)
            }
        }
    }

    /// A single data point that has no neighbour to join: a small square dot.
    fn dot(&self, p: (f64, f64), c: RGBAColor, width: u32) -> Result<(), ChartError> {
        let h = (f64::from(width) / 2.0).max(1.0);
        self.fill_rect(PixelRect::new(p.0 - h, p.1 - h, p.0 + h, p.1 + h), c)
    }

    /// A straight line.
    pub fn line(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        c: RGBAColor,
        width: u32,
    ) -> Result<(), ChartError> {
        self.polyline(&[a, b], c, width).map(|_| ())
    }

    /// A filled convex polygon.
    pub fn polygon(&self, pts: &[(f64, f64)], c: RGBAColor) -> Result<(), ChartError> {
        let pts = to_backend(pts);
        if pts.len() < 3 {
            return Ok(());
        }
        self.area.draw(&Polygon::new(pts, c.filled())).map_err(err)
    }

    /// A circle, filled or outlined.
    pub fn circle(
        &self,
        c: (f64, f64),
        r: f64,
        colour: RGBAColor,
        fill: bool,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle {
            color: colour,
            filled: fill,
            stroke_width: self.style.stroke(self.style.thin),
        };
        self.area
            .draw(&Circle::new(
                (c.0.round() as i32, c.1.round() as i32),
                r.round().max(1.0) as u32,
                style,
            ))
            .map_err(err)
    }

    fn text_style(size: f64, c: RGBColor, anchor: Anchor) -> TextStyle<'static> {
        (FONT_FAMILY, size)
            .into_font()
            .color(&c)
            .pos(Pos::new(anchor.0, anchor.1))
    }

    /// Text of em size `size` (backend pixels) anchored at `(x, y)`.
    pub fn text(
        &self,
        s: &str,
        x: f64,
        y: f64,
        size: f64,
        c: RGBColor,
        anchor: Anchor,
    ) -> Result<(), ChartError> {
        if s.is_empty() {
            return Ok(());
        }
        let style = Self::text_style(size, c, anchor);
        self.area
            .draw(&Text::new(
                s.to_string(),
                (x.round() as i32, y.round() as i32),
                style,
            ))
            .map_err(err)
    }

    /// The chart's title and subtitle at the top left, each left out when empty; the height
    /// below which the chart goes on.
    pub fn heading(&self, title: &str, subtitle: &str) -> Result<f64, ChartError> {
        let style = self.style;
        let (m, big, small) = (
            style.px(style.margin),
            style.px(style.title_font),
            style.px(style.small_font),
        );
        let mut y = m;
        if !title.is_empty() {
            self.text(title, m, y, big, style.text, LEFT_TOP)?;
            y += big * 1.4;
        }
        if !subtitle.is_empty() {
            self.text(subtitle, m, y, small, style.muted, LEFT_TOP)?;
            y += small * 1.8;
        }
        Ok(y)
    }

    /// A one-line note in the middle of a `w`×`h` chart ("无数据", "图幅太小…"), drawn in place of
    /// the chart.
    pub fn centred_note(
        &self,
        s: &str,
        w: f64,
        h: f64,
        size: f64,
        c: RGBColor,
    ) -> Result<(), ChartError> {
        self.text(s, w / 2.0, h / 2.0, size, c, CENTER)
    }

    /// Width and height of a text at em size `size`, as the backend will draw it.
    pub fn text_size(&self, s: &str, size: f64) -> Result<(f64, f64), ChartError> {
        if s.is_empty() {
            return Ok((0.0, size));
        }
        let style = Self::text_style(size, RGBColor(0, 0, 0), LEFT_TOP);
        let (w, h) = self.area.estimate_text_size(s, &style).map_err(err)?;
        Ok((f64::from(w), f64::from(h)))
    }

    /// Text centred on `centre` over a filled box, for labels that sit over data.
    pub fn label_box(
        &self,
        s: &str,
        centre: (f64, f64),
        size: f64,
        fg: RGBColor,
        bg: RGBAColor,
    ) -> Result<PixelRect, ChartError> {
        let (w, h) = self.text_size(s, size)?;
        let pad = size * 0.3;
        let (x0, y0) = (centre.0 - w / 2.0, centre.1 - h / 2.0);
        let r = PixelRect::new(x0 - pad, y0 - pad * 0.5, x0 + w + pad, y0 + h + pad * 0.5);
        self.fill_rect(r, bg)?;
        self.text(s, x0, y0, size, fg, LEFT_TOP)?;
        Ok(r)
    }
}
