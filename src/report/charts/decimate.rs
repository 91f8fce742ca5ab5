//! Min/max decimation per pixel column, applied before drawing in every backend.
//!
//! A season of hourly data for 200 stations is a million points; a chart is about a thousand
//! pixels wide. Keeping, for each pixel column, only the lowest and the highest value (in time
//! order) draws the same picture — every spike stays visible — from a few thousand points.
//! Columns are aligned to a fixed grid in data space (not to the view's left edge), so panning
//! does not make the decimated line shimmer. A column without any value breaks the line: gaps at
//! least one pixel wide stay gaps.

use super::geometry::positive;

/// A point of a drawable run: x in data units (hours on the store's grid), y the value.
pub type Point = (f64, f32);

/// Runs of points to draw as connected lines, and the value range inside the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decimated {
    /// Connected runs; a gap in the data separates two runs.
    pub runs: Vec<Vec<Point>>,
    /// Lowest and highest value of points whose x lies inside the view.
    pub range: Option<(f32, f32)>,
}

/// A bar: x from–to and its height (the maximum of the values it stands for).
pub type Bar = (f64, f64, f32);

/// The samples of `values` (sample `i` at `x0 + i·dx`) needed to draw `view`, plus one beyond
/// each edge so lines reach the border. Returns the index range.
fn visible(len: usize, x0: f64, dx: f64, view: (f64, f64)) -> Option<(usize, usize)> {
    if len == 0 || !positive(dx) || !positive(view.1 - view.0) || !x0.is_finite() {
        return None;
    }
    let lo = ((view.0 - x0) / dx).floor() - 1.0;
    let hi = ((view.1 - x0) / dx).ceil() + 2.0;
    let lo = lo.clamp(0.0, len as f64) as usize;
    let hi = hi.clamp(0.0, len as f64) as usize;
    (lo < hi).then_some((lo, hi))
}

/// Decimate a dense series for a view `columns` pixels wide. With no more than two samples per
/// column nothing is dropped (every sample is kept and every missing value breaks the line);
/// otherwise each column keeps its minimum and maximum in time order.
pub fn decimate(values: &[f32], x0: f64, dx: f64, view: (f64, f64), columns: usize) -> Decimated {
    let Some((lo, hi)) = visible(values.len(), x0, dx, view) else {
        return Decimated::default();
    };
    let columns = columns.max(1);
    let mut out = Decimated::default();
    let mut run: Vec<Point> = Vec::new();
    let mut range = Range::default();
    let x_of = |i: usize| x0 + i as f64 * dx;
    if hi - lo <= 2 * columns {
        for (i, &v) in values.iter().enumerate().take(hi).skip(lo) {
            if v.is_nan() {
                flush(&mut out.runs, &mut run);
                continue;
            }
            let x = x_of(i);
            range.add(x, v, view);
            run.push((x, v));
        }
        flush(&mut out.runs, &mut run);
        out.range = range.get();
        return out;
    }
    let w = (view.1 - view.0) / columns as f64;
    let k_first = column(x_of(lo), w);
    let k_last = column(x_of(hi - 1), w);
    let mut i = lo;
    for k in k_first..=k_last {
        let mut end = if k == k_last {
            hi
        } else {
            (((k + 1) as f64 * w - x0) / dx)
                .ceil()
                .clamp(i as f64, hi as f64) as usize
        };
        // Settle rounding at the boundary with the same rule a single sample is judged by.
        while end > i && column(x_of(end - 1), w) > k {
            end -= 1;
        }
        while end < hi && column(x_of(end), w) <= k {
            end += 1;
        }
        let slice = &values[i..end];
        let mut min = f32::INFINITY;
        let mut max = f32::NEG_INFINITY;
        let (mut at_min, mut at_max) = (usize::MAX, usize::MAX);
        for (j, &v) in slice.iter().enumerate() {
            if v < min {
                min = v;
                at_min = j;
            }
            if v > max {
                max = v;
                at_max = j;
            }
        }
        if at_min == usize::MAX {
            if !slice.is_empty() {
                flush(&mut out.runs, &mut run);
            }
        } else {
            let (a, b) = if at_min <= at_max {
                ((at_min, min), (at_max, max))
            } else {
                ((at_max, max), (at_min, min))
            };
            let xa = x_of(i + a.0);
            range.add(xa, a.1, view);
            run.push((xa, a.1));
            if a.0 != b.0 {
                let xb = x_of(i + b.0);
                range.add(xb, b.1, view);
                run.push((xb, b.1));
            }
        }
        i = end;
    }
    flush(&mut out.runs, &mut run);
    out.range = range.get();
    out
}

/// Bars for a view `columns` pixels wide: one bar per sample (centred on it, one step wide) when
/// they fit, otherwise one bar per column holding the column's maximum. Missing values and zeros
/// give no bar.
pub fn decimate_bars(
    values: &[f32],
    x0: f64,
    dx: f64,
    view: (f64, f64),
    columns: usize,
) -> Vec<Bar> {
    let Some((lo, hi)) = visible(values.len(), x0, dx, view) else {
        return Vec::new();
    };
    let columns = columns.max(1);
    let x_of = |i: usize| x0 + i as f64 * dx;
    if hi - lo <= columns {
        return (lo..hi)
            .filter(|&i| values[i] > 0.0)
            .map(|i| (x_of(i) - dx / 2.0, x_of(i) + dx / 2.0, values[i]))
            .collect();
    }
    let w = (view.1 - view.0) / columns as f64;
    let mut bars: Vec<Bar> = Vec::new();
    for (i, &v) in values.iter().enumerate().take(hi).skip(lo) {
        if !positive(f64::from(v)) {
            continue;
        }
        let k = column(x_of(i), w) as f64;
        let (from, to) = (k * w, (k + 1.0) * w);
        match bars.last_mut() {
            Some(last) if last.0 == from => last.2 = last.2.max(v),
            _ => bars.push((from, to, v)),
        }
    }
    bars
}

/// The pixel column (on the fixed data-space grid of width `w`) that x falls in.
pub fn column(x: f64, w: f64) -> i64 {
    (x / w).floor() as i64
}

fn flush(runs: &mut Vec<Vec<Point>>, run: &mut Vec<Point>) {
    if !run.is_empty() {
        runs.push(std::mem::take(run));
    }
}

/// Running min/max of the values inside the view.
#[derive(Default)]
struct Range(Option<(f32, f32)>);

impl Range {
    fn add(&mut self, x: f64, v: f32, view: (f64, f64)) {
        if x < view.0 || x > view.1 {
            return;
        }
        self.0 = Some(match self.0 {
            None => (v, v),
            Some((a, b)) => (a.min(v), b.max(v)),
        });
    }
    fn get(&self) -> Option<(f32, f32)> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keeps_spikes_and_shrinks_to_two_points_per_column() {
        let mut values: Vec<f32> = (0..10_000).map(|i| (i % 7) as f32).collect();
        values[5_003] = 900.0;
        values[7_777] = -50.0;
        let d = decimate(&values, 0.0, 1.0, (0.0, 10_000.0), 100);
        assert_eq!(d.runs.len(), 1);
        let pts = &d.runs[0];
        assert!(pts.len() <= 2 * 100 + 4, "{}", pts.len());
        assert!(pts.contains(&(5_003.0, 900.0)), "spike kept");
        assert!(pts.contains(&(7_777.0, -50.0)), "dip kept");
        assert_eq!(d.range, Some((-50.0, 900.0)));
        assert!(pts.windows(2).all(|w| w[0].0 < w[1].0), "time order");
    }

    #[test]
    fn gaps_of_a_column_or_more_break_the_line() {
        let mut values = vec![1.0f32; 1_000];
        for v in &mut values[400..450] {
            *v = f32::NAN;
        }
        // 10 columns of 100 samples: the 50-hour gap is inside one column, so the line goes on.
        let d = decimate(&values, 0.0, 1.0, (0.0, 1_000.0), 10);
        assert_eq!(d.runs.len(), 1);
        // 100 columns of 10 samples: the gap covers whole columns and must show.
        let d = decimate(&values, 0.0, 1.0, (0.0, 1_000.0), 100);
        assert_eq!(d.runs.len(), 2);
        assert!(d.runs[0].iter().all(|p| p.0 < 400.0));
        assert!(d.runs[1].iter().all(|p| p.0 >= 450.0));
        // Without decimation every missing value breaks the line.
        let mut few = vec![2.0f32; 20];
        few[10] = f32::NAN;
        let d = decimate(&few, 100.0, 1.0, (100.0, 120.0), 500);
        assert_eq!(d.runs.len(), 2);
        assert_eq!(d.runs[0].len() + d.runs[1].len(), 19);
        assert_eq!(d.runs[1][0], (111.0, 2.0));
    }

    #[test]
    fn view_outside_data_or_degenerate_gives_nothing() {
        let values = vec![1.0f32; 10];
        assert!(
            decimate(&values, 0.0, 1.0, (50.0, 60.0), 10)
                .runs
                .is_empty()
        );
        assert!(decimate(&values, 0.0, 1.0, (5.0, 5.0), 10).runs.is_empty());
        assert!(decimate(&[], 0.0, 1.0, (0.0, 5.0), 10).runs.is_empty());
        assert!(
            decimate(&[f32::NAN; 50], 0.0, 1.0, (0.0, 50.0), 5)
                .range
                .is_none()
        );
    }

    #[test]
    fn bars_keep_the_column_maximum() {
        let mut rain = vec![0.0f32; 1_000];
        rain[10] = 0.5;
        rain[12] = 3.0;
        rain[500] = 1.0;
        let bars = decimate_bars(&rain, 0.0, 1.0, (0.0, 1_000.0), 50);
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[0].2, 3.0);
        let bars = decimate_bars(&rain, 0.0, 1.0, (0.0, 100.0), 500);
        assert_eq!(bars, vec![(9.5, 10.5, 0.5), (11.5, 12.5, 3.0)]);
    }

    proptest! {
        #[test]
        fn every_column_keeps_its_extremes(
            values in proptest::collection::vec(
                prop_oneof![Just(f32::NAN), -100.0f32..100.0], 50..3_000),
            columns in 5usize..200,
        ) {
            let n = values.len() as f64;
            let d = decimate(&values, 0.0, 1.0, (0.0, n), columns);
            let kept: Vec<Point> = d.runs.concat();
            // Every kept point is a real sample.
            for &(x, v) in &kept {
                prop_assert_eq!(values[x as usize], v);
            }
            if values.len() > 2 * columns {
                let w = n / columns as f64;
                let mut extremes: std::collections::HashMap<i64, (f32, f32)> = Default::default();
                for (i, &v) in values.iter().enumerate() {
                    if v.is_nan() { continue; }
                    let e = extremes.entry(column(i as f64, w)).or_insert((v, v));
                    e.0 = e.0.min(v);
                    e.1 = e.1.max(v);
                }
                for (k, (lo, hi)) in extremes {
                    let in_col: Vec<f32> = kept.iter()
                        .filter(|p| column(p.0, w) == k).map(|p| p.1).collect();
                    prop_assert!(in_col.contains(&lo) && in_col.contains(&hi));
                    prop_assert!(in_col.len() <= 2);
                }
            } else {
                prop_assert_eq!(kept.len(), values.iter().filter(|v| !v.is_nan()).count());
            }
        }
    }
}
