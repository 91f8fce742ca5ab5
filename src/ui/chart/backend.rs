//! A plotters `DrawingBackend` over an `egui::Painter`, so the same chart code that writes PNG and
//! SVG draws on screen.
//!
//! It works in physical pixels (the painter's rectangle × `pixels_per_point`) so lines stay sharp,
//! and batches what it can into one mesh: axis-aligned lines and rectangles become quads, and a
//! dense polyline (what min/max decimation produces for long series, see
//! `report::charts::strip`) becomes a single triangle strip of column spans — two vertices per
//! column (four when feathered) instead of a tessellated path. Sparse lines, polygons and
//! circles go to egui's tessellator for anti-aliasing; text is laid out by egui with the app's
//! fonts.

use std::sync::Arc;

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontFamily, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use crate::report::charts::font;
use crate::report::charts::strip::{self, Column};

/// Draws plotters output into an egui painter; flushes its shapes on `present` or drop.
pub struct EguiBackend {
    painter: Painter,
    origin: Pos2,
    size: (u32, u32),
    ppp: f32,
    /// Shapes in drawing order; `true` marks a mesh of dense strips.
    shapes: Vec<(Shape, bool)>,
    mesh: Mesh,
    /// Whether the current mesh holds dense strips.
    mesh_dense: bool,
    inv_ppp: f32,
    dense_strips: bool,
    feather: bool,
    cols: Vec<Column>,
    path: Vec<BackendCoord>,
    /// Where this frame's meshes are kept until the next frame, which reuses their buffers.
    memory: Option<egui::Id>,
    /// Last frame's meshes, in reverse order of use.
    recycled: Vec<Arc<Mesh>>,
    /// This frame's meshes.
    issued: Vec<Arc<Mesh>>,
}

fn colour(c: BackendColor) -> Color32 {
    let a = (c.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(c.rgb.0, c.rgb.1, c.rgb.2, a)
}

fn centre(width: u32) -> f32 {
    if width % 2 == 1 { 0.5 } else { 0.0 }
}

impl EguiBackend {
    /// A backend covering `rect` of `painter` (in points).
    pub fn new(painter: &Painter, rect: Rect) -> Self {
        let ppp = painter.pixels_per_point().max(0.1);
        let size = (
            (rect.width() * ppp).round().max(1.0) as u32,
            (rect.height() * ppp).round().max(1.0) as u32,
        );
        EguiBackend {
            painter: painter.clone(),
            origin: rect.min,
            size,
            ppp,
            shapes: Vec::new(),
            mesh: Mesh::default(),
            mesh_dense: false,
            inv_ppp: 1.0 / ppp,
            dense_strips: true,
            feather: true,
            cols: Vec::new(),
            path: Vec::new(),
            memory: None,
            recycled: Vec::new(),
            issued: Vec::new(),
        }
    }

    /// Turn the triangle-strip path for dense polylines off (every line goes through egui's
    /// tessellator) — only to measure what it saves.
    pub fn with_dense_strips(mut self, on: bool) -> Self {
        self.dense_strips = on;
        self
    }

    /// Anti-alias dense strips with feathered edges (on by default; with hundreds of traces the
    /// widget turns it off: twice the vertices for no visible gain).
    pub fn with_feathering(mut self, on: bool) -> Self {
        self.feather = on;
        self
    }

    /// Keep this frame's meshes under `id` and reuse last frame's buffers: a long series makes
    /// a mesh of megabytes, and allocating it afresh every frame costs more (page faults) than
    /// filling it. A buffer is reused only once egui has finished with it.
    pub fn with_memory(mut self, id: egui::Id) -> Self {
        let mut old: Vec<Arc<Mesh>> = self
            .painter
            .ctx()
            .data_mut(|d| d.remove_temp::<Vec<Arc<Mesh>>>(id))
            .unwrap_or_default();
        old.reverse();
        self.recycled = old;
        self.memory = Some(id);
        self.mesh = self.fresh_mesh();
        self
    }

    /// An empty mesh, on a recycled buffer when one is free.
    fn fresh_mesh(&mut self) -> Mesh {
        while let Some(arc) = self.recycled.pop() {
            if let Ok(mut mesh) = Arc::try_unwrap(arc) {
                // Not `Mesh::clear`: in epaint 0.37 it drops the vertex buffer.
                mesh.vertices.clear();
                mesh.indices.clear();
                mesh.texture_id = egui::TextureId::default();
                return mesh;
            }
        }
        Mesh::default()
    }

    /// Backend pixels per egui point.
    pub fn pixels_per_point(&self) -> f32 {
        self.ppp
    }

    fn pos(&self, x: f32, y: f32) -> Pos2 {
        pos2(
            self.origin.x + x * self.inv_ppp,
            self.origin.y + y * self.inv_ppp,
        )
    }

    fn vertex(&mut self, x: f32, y: f32, color: Color32) {
        let pos = self.pos(x, y);
        self.mesh.vertices.push(Vertex {
            pos,
            uv: WHITE_UV,
            color,
        });
    }

    /// A pixel-space rectangle into the batched mesh.
    fn quad(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, color: Color32) {
        if x1 <= x0 || y1 <= y0 || color.a() == 0 {
            return;
        }
        self.mesh_kind(false);
        let i = self.mesh.vertices.len() as u32;
        self.vertex(x0, y0, color);
        self.vertex(x1, y0, color);
        self.vertex(x1, y1, color);
        self.vertex(x0, y1, color);
        self.mesh
            .indices
            .extend_from_slice(&[i, i + 1, i + 2, i, i + 2, i + 3]);
    }

    fn flush_mesh(&mut self) {
        if !self.mesh.indices.is_empty() {
            let next = self.fresh_mesh();
            let mesh = Arc::new(std::mem::replace(&mut self.mesh, next));
            if self.memory.is_some() {
                self.issued.push(Arc::clone(&mesh));
            }
            self.shapes.push((Shape::Mesh(mesh), self.mesh_dense));
        } else {
            self.mesh.vertices.clear();
        }
        self.mesh_dense = false;
    }

    /// Make the current mesh the right kind (dense strips or the rest), starting a new one when
    /// the kind changes so draw order is kept.
    fn mesh_kind(&mut self, dense: bool) {
        if self.mesh_dense != dense {
            self.flush_mesh();
            self.mesh_dense = dense;
        }
    }

    /// Push a shape that egui tessellates, keeping draw order.
    fn shape(&mut self, shape: Shape) {
        self.flush_mesh();
        self.shapes.push((shape, false));
    }

    /// Hand everything drawn so far to the painter.
    pub fn flush(&mut self) {
        self.flush_mesh();
        if !self.shapes.is_empty() {
            // Dense strips get a clip rectangle of their own (one point inside the chart's), so
            // egui's tessellator starts a fresh mesh for them and copies them once, instead of
            // appending megabytes to the chart's mesh and reallocating it as text follows.
            let clip = self.painter.clip_rect();
            let dense = self.painter.with_clip_rect(clip.shrink(1.0));
            for (shape, is_dense) in std::mem::take(&mut self.shapes) {
                if is_dense {
                    dense.add(shape);
                } else {
                    self.painter.add(shape);
                }
            }
        }
        if let Some(id) = self.memory
            && !self.issued.is_empty()
        {
            let issued = std::mem::take(&mut self.issued);
            self.painter.ctx().data_mut(|d| d.insert_temp(id, issued));
        }
    }

    /// Make room for `vertices` and `indices` more.
    fn reserve(&mut self, vertices: usize, indices: usize) {
        self.mesh.vertices.reserve(vertices);
        self.mesh.indices.reserve(indices);
    }

    /// A horizontal or vertical line as a crisp quad (on pixel centres for odd widths, like the
    /// PNG and SVG backends).
    fn axis_line(&mut self, a: BackendCoord, b: BackendCoord, width: u32, color: Color32) {
        let w = width.max(1) as f32;
        let c = centre(width);
        if a.1 == b.1 {
            let (x0, x1) = (a.0.min(b.0) as f32, a.0.max(b.0) as f32);
            let y = a.1 as f32 + c;
            self.quad(x0 + c, y - w / 2.0, x1 + c, y + w / 2.0, color);
        } else {
            let (y0, y1) = (a.1.min(b.1) as f32, a.1.max(b.1) as f32);
            let x = a.0 as f32 + c;
            self.quad(x - w / 2.0, y0 + c, x + w / 2.0, y1 + c, color);
        }
    }

    /// Draw a dense polyline (see [`strip`]) as one triangle strip of column spans. Returns
    /// false, drawing nothing, for other paths.
    fn dense_strip(&mut self, pts: &[BackendCoord], width: u32, color: Color32) -> bool {
        let mut cols = std::mem::take(&mut self.cols);
        if !strip::columns(pts, &mut cols) {
            self.cols = cols;
            return false;
        }
        let hw = width.max(1) as f32 / 2.0;
        let m = cols.len() as u32;
        self.mesh_kind(true);
        let base = self.mesh.vertices.len() as u32;
        if self.feather {
            // Four vertices per column: transparent outer edges one pixel wide anti-alias the strip.
            let clear = Color32::TRANSPARENT;
            self.reserve(4 * cols.len(), 18 * cols.len());
            for c in &cols {
                let x = c.x as f32 + 0.5;
                let (top, bottom) = (c.lo + 0.5 - hw, c.hi + 0.5 + hw);
                self.vertex(x, top - 0.5, clear);
                self.vertex(x, top + 0.5, color);
                self.vertex(x, bottom - 0.5, color);
                self.vertex(x, bottom + 0.5, clear);
            }
            for i in 1..m {
                let (a, b) = (base + 4 * (i - 1), base + 4 * i);
                for k in 0..3 {
                    let (a0, a1, b0, b1) = (a + k, a + k + 1, b + k, b + k + 1);
                    self.mesh
                        .indices
                        .extend_from_slice(&[a0, a1, b0, a1, b1, b0]);
                }
            }
        } else {
            self.reserve(2 * cols.len(), 6 * cols.len());
            for c in &cols {
                let x = c.x as f32 + 0.5;
                self.vertex(x, c.lo + 0.5 - hw, color);
                self.vertex(x, c.hi + 0.5 + hw, color);
            }
            for i in 1..m {
                let (a, b) = (base + 2 * (i - 1), base + 2 * i);
                self.mesh
                    .indices
                    .extend_from_slice(&[a, a + 1, b, a + 1, b + 1, b]);
            }
        }
        self.cols = cols;
        true
    }

    fn stroke(&self, width: u32, color: Color32) -> Stroke {
        Stroke::new(width.max(1) as f32 / self.ppp, color)
    }

    fn galley(&self, text: &str, size: f64, color: Color32) -> std::sync::Arc<egui::Galley> {
        let font = FontId::new((size as f32 / self.ppp).max(1.0), FontFamily::Proportional);
        self.painter.layout_no_wrap(text.to_string(), font, color)
    }
}

impl Drop for EguiBackend {
    fn drop(&mut self) {
        self.flush();
    }
}

impl DrawingBackend for EguiBackend {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x, y) = (point.0 as f32, point.1 as f32);
        self.quad(x, y, x + 1.0, y + 1.0, colour(color));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = colour(style.color());
        let w = style.stroke_width();
        if from.0 == to.0 || from.1 == to.1 {
            self.axis_line(from, to, w, c);
        } else {
            let off = centre(w);
            let a = self.pos(from.0 as f32 + off, from.1 as f32 + off);
            let b = self.pos(to.0 as f32 + off, to.1 as f32 + off);
            let stroke = self.stroke(w, c);
            self.shape(Shape::line_segment([a, b], stroke));
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = colour(style.color());
        let (x0, y0) = (upper_left.0 as f32, upper_left.1 as f32);
        let (x1, y1) = (bottom_right.0 as f32, bottom_right.1 as f32);
        if fill {
            self.quad(x0, y0, x1, y1, c);
        } else {
            let w = style.stroke_width().max(1) as f32;
            self.quad(x0, y0, x1, y0 + w, c);
            self.quad(x0, y1 - w, x1, y1, c);
            self.quad(x0, y0 + w, x0 + w, y1 - w, c);
            self.quad(x1 - w, y0 + w, x1, y1 - w, c);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mut pts = std::mem::take(&mut self.path);
        pts.clear();
        pts.extend(path);
        let c = colour(style.color());
        let w = style.stroke_width();
        let done = if pts.len() < 2 || c.a() == 0 {
            true
        } else if pts.len() == 2 && (pts[0].0 == pts[1].0 || pts[0].1 == pts[1].1) {
            self.axis_line(pts[0], pts[1], w, c);
            true
        } else {
            self.dense_strips && self.dense_strip(&pts, w, c)
        };
        if done {
            self.path = pts;
            return Ok(());
        }
        let off = centre(w);
        let points: Vec<Pos2> = pts
            .iter()
            .map(|p| self.pos(p.0 as f32 + off, p.1 as f32 + off))
            .collect();
        let stroke = self.stroke(w, c);
        self.shape(Shape::line(points, stroke));
        self.path = pts;
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = colour(style.color());
        let p = self.pos(center.0 as f32 + 0.5, center.1 as f32 + 0.5);
        let r = radius as f32 / self.ppp;
        let shape = if fill {
            Shape::circle_filled(p, r, c)
        } else {
            Shape::circle_stroke(p, r, self.stroke(style.stroke_width(), c))
        };
        self.shape(shape);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let points: Vec<Pos2> = vert
            .into_iter()
            .map(|p| self.pos(p.0 as f32 + 0.5, p.1 as f32 + 0.5))
            .collect();
        if points.len() >= 3 {
            let c = colour(style.color());
            self.shape(Shape::convex_polygon(points, c, Stroke::NONE));
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = colour(style.color());
        if text.is_empty() || c.a() == 0 {
            return Ok(());
        }
        let size = style.size();
        let galley = self.galley(text, size, c);
        let width = galley.size().x;
        let baseline_in_galley = galley.rows.first().map_or(0.0, |r| {
            r.pos.y + r.glyphs.first().map_or(r.size.y * 0.8, |g| g.pos.y)
        });
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let dy = font::baseline_offset(anchor.v_pos, size) as f32 / self.ppp - baseline_in_galley;
        let angle = font::angle(&style.transform()) as f32;
        let rotated = egui::emath::Rot2::from_angle(angle) * vec2(dx, dy);
        let at = self.pos(pos.0 as f32, pos.1 as f32) + rotated;
        let shape = egui::epaint::TextShape::new(at, galley, c).with_angle(angle);
        self.shape(Shape::Text(shape));
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = style.size();
        let (a, d) = font::em_box(size);
        if text.is_empty() {
            return Ok((0, (a + d).ceil() as u32));
        }
        let galley = self.galley(text, size, Color32::BLACK);
        Ok((
            (galley.size().x * self.ppp).ceil() as u32,
            (a + d).ceil() as u32,
        ))
    }
}
