//! How every backend draws a dense polyline: as vertical spans per pixel column.
//!
//! After min/max decimation a long series arrives as pairs of points per column (the bucket's
//! extremes at its centre). Stroking that zigzag draws spikes and, with coarse level-of-detail
//! buckets, a sawtooth that is not in the data; a rasteriser at pixel resolution would instead
//! fill each column between its lowest and highest value. So all three backends (egui, PNG, SVG)
//! turn such a polyline into a strip of columns — each covering its points and half of the
//! segments to its neighbours, widened by the line width — and draw the strip as one shape.
//! Sparse polylines (raw samples a few pixels apart) are stroked as lines.

use plotters_backend::BackendCoord;

/// One distinct x of a dense polyline: its first and last y and the span it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// Pixel x.
    pub x: i32,
    /// y of the first point at this x.
    pub first: f32,
    /// y of the last point at this x.
    pub last: f32,
    /// Top of the span (smallest y).
    pub lo: f32,
    /// Bottom of the span (largest y).
    pub hi: f32,
}

/// Raw samples closer than this (average pixels between distinct x) are drawn as a strip too:
/// at that density it looks the same as a stroke and costs far less.
pub const RAW_STRIP_SPACING: f32 = 1.5;

/// Fill `cols` with the strip of `pts` and return true when the polyline is dense: x never
/// decreases and it either carries decimated pairs (at least 1.5 points per distinct x) or its
/// distinct x are at most [`RAW_STRIP_SPACING`] pixels apart. Otherwise return false.
pub fn columns(pts: &[BackendCoord], cols: &mut Vec<Column>) -> bool {
    cols.clear();
    let n = pts.len();
    if n < 3 || pts[n - 1].0 <= pts[0].0 {
        return false;
    }
    for p in pts {
        let y = p.1 as f32;
        match cols.last_mut() {
            Some(c) if c.x == p.0 => {
                c.lo = c.lo.min(y);
                c.hi = c.hi.max(y);
                c.last = y;
            }
            Some(c) if p.0 < c.x => return false,
            _ => cols.push(Column {
                x: p.0,
                first: y,
                last: y,
                lo: y,
                hi: y,
            }),
        }
    }
    let m = cols.len();
    let spacing = (pts[n - 1].0 - pts[0].0) as f32 / (m.max(2) - 1) as f32;
    let decimated = n as f32 >= 1.5 * m as f32;
    if m < 2 || !(decimated || spacing <= RAW_STRIP_SPACING) {
        return false;
    }
    // Half of each joining segment belongs to each end.
    for j in 1..m {
        let mid = (cols[j - 1].last + cols[j].first) / 2.0;
        let (a, b) = cols.split_at_mut(j);
        let (prev, cur) = (&mut a[j - 1], &mut b[0]);
        prev.lo = prev.lo.min(mid);
        prev.hi = prev.hi.max(mid);
        cur.lo = cur.lo.min(mid);
        cur.hi = cur.hi.max(mid);
    }
    true
}

/// The strip's outline in pixel coordinates (pixel centres), widened by half the stroke width
/// `hw`: the top edge left to right, then the bottom edge back.
pub fn outline(cols: &[Column], hw: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::with_capacity(2 * cols.len());
    out.extend(cols.iter().map(|c| (c.x as f32 + 0.5, c.lo + 0.5 - hw)));
    out.extend(
        cols.iter()
            .rev()
            .map(|c| (c.x as f32 + 0.5, c.hi + 0.5 + hw)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimated_pairs_become_connected_spans_and_sparse_lines_do_not() {
        let mut cols = Vec::new();
        // Bucket extremes at x = 0, 5, 10: a decimated line, even 5 px apart.
        let pts = [(0, 10), (0, 20), (5, 30), (5, 12), (10, 15), (10, 16)];
        assert!(columns(&pts, &mut cols));
        assert_eq!(cols.len(), 3);
        // x = 0 spans 10..20 and half of the segment to (5, 30): 25.
        assert_eq!((cols[0].lo, cols[0].hi), (10.0, 25.0));
        assert_eq!((cols[1].lo, cols[1].hi), (12.0, 30.0));
        let o = outline(&cols, 0.5);
        assert_eq!(o.len(), 6);
        assert_eq!(o[0], (0.5, 10.0));
        assert_eq!(o[5], (0.5, 26.0));
        // Raw samples 5 px apart: stroked.
        assert!(!columns(&[(0, 10), (5, 30), (10, 15), (15, 2)], &mut cols));
        // Raw samples a pixel apart: a strip.
        assert!(columns(&[(0, 10), (1, 30), (2, 15), (3, 2)], &mut cols));
        // Going back in x: not a time series, stroked.
        assert!(!columns(&[(0, 10), (3, 30), (2, 15), (4, 2)], &mut cols));
    }
}
