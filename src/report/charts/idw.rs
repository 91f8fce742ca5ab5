//! Inverse-distance shading between stations, on a coarse grid with the weights worked out once.
//!
//! The map's optional shading is an interpolation, not a measurement, and says so. Each cell of a
//! grid of about 200 × 200 square cells over the stations (projected kilometres) whose centre lies
//! inside the stations' convex hull gets the value Σ wᵢ vᵢ / Σ wᵢ over its [`NEIGHBOURS`] nearest
//! stations, wᵢ = 1 / dᵢ² (Shepard's method with a neighbour limit). The neighbours and weights
//! depend only on where the stations are, so [`IdwGrid::new`] finds them once (a ball tree from
//! `geo`; hull and point-in-polygon from `geo` too) and [`IdwGrid::evaluate`] — once per hour of a
//! replay — is a few multiply-adds per cell. A station without a value at the hour drops out of
//! its cells' sums; a cell whose neighbours all lack a value stays empty.

use geo::{Area, BallTree, Contains, ConvexHull, MultiPoint, Point};

/// Stations each cell takes into account.
pub const NEIGHBOURS: usize = 8;

/// Cells along the longer side of the grid.
pub const GRID_CELLS: usize = 200;

/// Closest distance used in a weight, km (a cell centre on a station must not divide by zero).
const MIN_DISTANCE_KM: f64 = 0.5;

/// The grid, its cells inside the hull and each one's neighbours and weights.
#[derive(Debug, Clone, PartialEq)]
pub struct IdwGrid {
    /// Cells across (west → east).
    pub cols: usize,
    /// Cells down (north → south).
    pub rows: usize,
    /// Projected x of the grid's west edge, km.
    pub x0: f64,
    /// Projected y of the grid's north edge, km.
    pub y1: f64,
    /// Cell side, km.
    pub cell_km: f64,
    /// Index (row-major from the north-west corner) of each cell inside the hull.
    cells: Vec<u32>,
    /// Cell `i`'s neighbours are `neighbours[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    neighbours: Vec<u32>,
    weights: Vec<f32>,
}

impl IdwGrid {
    /// The grid over `points` (projected km; index = station index in the caller's list). `None`
    /// with fewer than three points or when their hull has no area (all on a line).
    pub fn new(points: &[(f64, f64)]) -> Option<IdwGrid> {
        if points.len() < 3 {
            return None;
        }
        let hull = MultiPoint::from(
            points
                .iter()
                .map(|&(x, y)| Point::new(x, y))
                .collect::<Vec<_>>(),
        )
        .convex_hull();
        let area = hull.unsigned_area();
        if area.is_nan() || area <= 0.0 {
            return None;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in points {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        let (w, h) = (x1 - x0, y1 - y0);
        if !(w > 0.0 && h > 0.0) {
            return None;
        }
        let cell_km = w.max(h) / GRID_CELLS as f64;
        let cols = (w / cell_km).ceil().max(1.0) as usize;
        let rows = (h / cell_km).ceil().max(1.0) as usize;
        let tree = BallTree::new(
            points
                .iter()
                .map(|&(x, y)| Point::new(x, y))
                .collect::<Vec<_>>(),
        );
        let k = NEIGHBOURS.min(points.len());
        let mut grid = IdwGrid {
            cols,
            rows,
            x0,
            y1,
            cell_km,
            cells: Vec::new(),
            starts: vec![0],
            neighbours: Vec::new(),
            weights: Vec::new(),
        };
        for row in 0..rows {
            for col in 0..cols {
                let centre = grid.centre(col, row);
                let p = Point::new(centre.0, centre.1);
                if !hull.contains(&p) {
                    continue;
                }
                for n in tree.nearest_neighbours(&p, k) {
                    let d = n.distance.max(MIN_DISTANCE_KM);
                    grid.neighbours.push(n.index as u32);
                    grid.weights.push((1.0 / (d * d)) as f32);
                }
                grid.cells.push((row * cols + col) as u32);
                grid.starts.push(grid.neighbours.len() as u32);
            }
        }
        Some(grid)
    }

    /// Centre of a cell, projected km.
    pub fn centre(&self, col: usize, row: usize) -> (f64, f64) {
        (
            self.x0 + (col as f64 + 0.5) * self.cell_km,
            self.y1 - (row as f64 + 0.5) * self.cell_km,
        )
    }

    /// Cells inside the hull.
    pub fn inside_cells(&self) -> usize {
        self.cells.len()
    }

    /// The interpolated value of every cell (row-major from the north-west corner) into `out`:
    /// NaN outside the hull or where no neighbour has a value. `values[i]` is station `i`'s value,
    /// NaN when missing.
    pub fn evaluate(&self, values: &[f32], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.cols * self.rows, f32::NAN);
        for (i, &cell) in self.cells.iter().enumerate() {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            let (mut sum, mut wsum) = (0.0f32, 0.0f32);
            for (&n, &w) in self.neighbours[a..b].iter().zip(&self.weights[a..b]) {
                let v = values.get(n as usize).copied().unwrap_or(f32::NAN);
                if v.is_finite() {
                    sum += w * v;
                    wsum += w;
                }
            }
            if wsum > 0.0 {
                out[cell as usize] = sum / wsum;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_inside_the_hull_take_the_weighted_mean_of_their_neighbours() {
        // A square 100 km across with a station at each corner: the hull is the square.
        let pts = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)];
        let grid = IdwGrid::new(&pts).expect("grid");
        assert_eq!((grid.cols, grid.rows), (200, 200));
        assert!(grid.inside_cells() > 39_000);
        let mut out = Vec::new();
        grid.evaluate(&[100.0, 100.0, 100.0, 100.0], &mut out);
        assert!(out.iter().all(|v| (v - 100.0).abs() < 1e-3));
        // The middle cell is equidistant: the plain mean.
        grid.evaluate(&[0.0, 100.0, 200.0, 300.0], &mut out);
        let mid = out[100 * 200 + 100];
        assert!((mid - 150.0).abs() < 2.0, "{mid}");
        // Next to a station, its value dominates.
        let corner = out[199 * 200];
        assert!(corner < 5.0, "{corner}");
        // A missing station drops out; all missing leaves the cells empty.
        grid.evaluate(&[f32::NAN, 100.0, 100.0, 100.0], &mut out);
        assert!(out.iter().all(|v| (v - 100.0).abs() < 1e-3));
        grid.evaluate(&[f32::NAN; 4], &mut out);
        assert!(out.iter().all(|v| v.is_nan()));
    }

    #[test]
    fn outside_the_hull_is_empty_and_degenerate_layouts_have_no_grid() {
        // A triangle: the cells beyond its long side stay empty.
        let grid = IdwGrid::new(&[(0.0, 0.0), (100.0, 0.0), (0.0, 100.0)]).expect("grid");
        let mut out = Vec::new();
        grid.evaluate(&[50.0; 3], &mut out);
        assert!(out[100 * 200].is_finite(), "west middle inside");
        assert!(out[199].is_nan(), "north-east corner outside");
        assert!(IdwGrid::new(&[(0.0, 0.0), (1.0, 1.0)]).is_none());
        assert!(IdwGrid::new(&[(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]).is_none());
    }
}
