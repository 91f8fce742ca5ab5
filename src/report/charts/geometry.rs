//! Pixel rectangles, data↔pixel mapping, clipping and dashing: the arithmetic every chart shares.

/// A rectangle in backend pixels; edges are continuous coordinates (`x1` is the right edge, so
/// adjacent rectangles share an edge and tile without gaps).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct PixelRect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl PixelRect {
    /// A rectangle from its edges.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        PixelRect { x0, y0, x1, y1 }
    }

    /// Width in pixels.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in pixels.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether a point lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// Maps data coordinates (x: hours or categories, y: values) into a pixel rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The plotting rectangle.
    pub rect: PixelRect,
    /// Data x at the left and right edges.
    pub x: (f64, f64),
    /// Data y at the bottom and top edges.
    pub y: (f64, f64),
}

impl Frame {
    /// Pixel x of data x.
    pub fn px(&self, x: f64) -> f64 {
        self.rect.x0 + (x - self.x.0) / (self.x.1 - self.x.0) * self.rect.width()
    }

    /// Pixel y of data y.
    pub fn py(&self, y: f64) -> f64 {
        self.rect.y1 - (y - self.y.0) / (self.y.1 - self.y.0) * self.rect.height()
    }

    /// Data x at pixel x.
    pub fn data_x(&self, px: f64) -> f64 {
        self.x.0 + (px - self.rect.x0) / self.rect.width() * (self.x.1 - self.x.0)
    }

    /// Data y at pixel y.
    pub fn data_y(&self, py: f64) -> f64 {
        self.y.0 + (self.rect.y1 - py) / self.rect.height() * (self.y.1 - self.y.0)
    }
}

/// Clip a polyline (pixel coordinates) to a rectangle. Pieces that leave and re-enter become
/// separate polylines; each returned polyline has at least two points.
pub fn clip_polyline(points: &[(f64, f64)], r: &PixelRect) -> Vec<Vec<(f64, f64)>> {
    // Common case for time series: everything inside except the one sample beyond each edge.
    let inside = |p: &(f64, f64)| r.contains(p.0, p.1);
    if let (Some(i0), Some(i1)) = (
        points.iter().position(inside),
        points.iter().rposition(inside),
    ) && i1 > i0
        && i0 <= 1
        && i1 + 2 >= points.len()
        && points[i0..=i1].iter().all(inside)
    {
        let mut piece = Vec::with_capacity(i1 - i0 + 3);
        if i0 > 0
            && let Some((a, _)) = clip_segment(points[i0 - 1], points[i0], r)
            && a != points[i0]
        {
            piece.push(a);
        }
        piece.extend_from_slice(&points[i0..=i1]);
        if let Some(&next) = points.get(i1 + 1)
            && let Some((_, b)) = clip_segment(points[i1], next, r)
            && b != points[i1]
        {
            piece.push(b);
        }
        return vec![piece];
    }
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    if points.len() == 1 {
        if r.contains(points[0].0, points[0].1) {
            out.push(vec![points[0], points[0]]);
        }
        return out;
    }
    for w in points.windows(2) {
        let inside = r.contains(w[0].0, w[0].1) && r.contains(w[1].0, w[1].1);
        let clipped = if inside {
            Some((w[0], w[1]))
        } else {
            clip_segment(w[0], w[1], r)
        };
        match clipped {
            Some((a, b)) => {
                let continues = current.last().is_some_and(|&last| last == a);
                if !continues {
                    if current.len() >= 2 {
                        out.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
                if b != w[1] {
                    out.push(std::mem::take(&mut current));
                }
            }
            None => {
                if current.len() >= 2 {
                    out.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// Liang–Barsky clipping of one segment; `None` when it lies outside.
pub fn clip_segment(
    a: (f64, f64),
    b: (f64, f64),
    r: &PixelRect,
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let mut t0 = 0.0f64;
    let mut t1 = 1.0f64;
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            (a.0 + t * dx, a.1 + t * dy)
        }
    };
    Some((at(t0), at(t1)))
}

/// Cut a polyline into dashes of `on` pixels separated by `off` pixels.
pub fn dash(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    if points.len() < 2 || !positive(on) || off.is_nan() || off < 0.0 {
        return out;
    }
    let mut drawing = true;
    let mut left = on;
    let mut current = vec![points[0]];
    for w in points.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        while len > left {
            let t = left / len;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if drawing {
                current.push(p);
                out.push(std::mem::take(&mut current));
            } else {
                current = vec![p];
            }
            drawing = !drawing;
            len -= left;
            left = if drawing { on } else { off };
            a = p;
        }
        left -= len;
        if drawing {
            current.push(b);
        }
    }
    if drawing && current.len() >= 2 {
        out.push(current);
    }
    out
}

/// `v` kept between `lo` and `hi`. Unlike `f64::clamp` it never panics: when the bounds cross (a
/// label wider than its plot, a chart drawn 100 px wide) `hi` wins, and NaN bounds are ignored.
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// `v > 0`, false for NaN: the guard for sizes and spans that arrive as floats.
pub fn positive(v: f64) -> bool {
    v > 0.0
}

/// Round half up to an integer pixel without a libm call (hot in line drawing).
pub fn round_px(v: f64) -> i32 {
    let v = v + 0.5;
    let t = v as i32;
    if f64::from(t) > v { t - 1 } else { t }
}

/// Round pixel coordinates for the backend, dropping repeated points.
pub fn to_backend(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        let p = (round_px(x), round_px(y));
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// "Nice" tick values (1, 2, 2.5, 5 × 10ⁿ) covering `lo..hi` with about `target` steps.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !positive(hi - lo) || !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut v = first;
    while v <= hi + step * 1e-9 {
        ticks.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    ticks
}

/// A y range that includes `lo..hi` and ends on nice values; `floor_zero` keeps 0 at the bottom
/// for quantities that cannot be negative.
pub fn nice_range(lo: f64, hi: f64, floor_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    if floor_zero {
        lo = lo.min(0.0);
    }
    if hi - lo < 1e-9 {
        hi = lo + if lo.abs() > 1.0 { lo.abs() * 0.1 } else { 1.0 };
    }
    let pad = (hi - lo) * 0.05;
    if !(floor_zero && lo == 0.0) {
        lo -= pad;
    }
    hi += pad;
    let ticks = nice_ticks(lo, hi, 5);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => return (lo, hi),
    };
    let nlo = (lo / step).floor() * step;
    let nhi = (hi / step).ceil() * step;
    (
        if floor_zero && lo >= 0.0 {
            nlo.max(0.0)
        } else {
            nlo
        },
        nhi,
    )
}

/// Format a tick value with no more decimals than its step needs.
pub fn format_tick(v: f64, step: f64) -> String {
    let decimals = (0..4)
        .find(|&d| {
            let s = step * 10f64.powi(d);
            (s - s.round()).abs() < 1e-6
        })
        .unwrap_or(4) as usize;
    format!("{v:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_splits_lines_that_leave_and_return() {
        let r = PixelRect::new(0.0, 0.0, 10.0, 10.0);
        let line = [(-5.0, 5.0), (5.0, 5.0), (5.0, 20.0), (8.0, 5.0), (9.0, 5.0)];
        let parts = clip_polyline(&line, &r);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![(0.0, 5.0), (5.0, 5.0), (5.0, 10.0)]);
        assert_eq!(parts[1].last(), Some(&(9.0, 5.0)));
        assert!(clip_polyline(&[(20.0, 20.0), (30.0, 30.0)], &r).is_empty());
        // One point beyond each edge (the usual time-series case).
        let parts = clip_polyline(&[(-2.0, 4.0), (2.0, 4.0), (8.0, 6.0), (12.0, 6.0)], &r);
        assert_eq!(
            parts,
            vec![vec![(0.0, 4.0), (2.0, 4.0), (8.0, 6.0), (10.0, 6.0)]]
        );
    }

    #[test]
    fn dashes_alternate() {
        let d = dash(&[(0.0, 0.0), (20.0, 0.0)], 4.0, 2.0);
        assert_eq!(d.len(), 4);
        assert_eq!(d[0], vec![(0.0, 0.0), (4.0, 0.0)]);
        assert_eq!(d[1], vec![(6.0, 0.0), (10.0, 0.0)]);
    }

    #[test]
    fn nice_ranges_and_ticks() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_range(3.0, 287.0, true), (0.0, 400.0));
        let (lo, hi) = nice_range(-3.2, 11.0, false);
        assert!(lo <= -3.2 && hi >= 11.0);
        assert_eq!(format_tick(2.5, 0.5), "2.5");
        assert_eq!(format_tick(250.0, 50.0), "250");
        assert_eq!(format_tick(0.25, 0.25), "0.25");
    }
}
