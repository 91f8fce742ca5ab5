//! Min/max decimation per pixel column, applied before drawing in every backend.
//!
//! A season of hourly data for 200 stations is a million points; a chart is about a thousand
//! pixels wide. Keeping, for each pixel column, only the lowest and the highest value (in time
//! order) draws the same picture — every spike stays visible — from a few thousand points.
//!
//! Each bucket becomes a vertical span at its centre (its extremes in time order), joined to its
//! neighbours. Buckets hold a power-of-two number of hours (the smallest one that is at least the hours per
//! pixel column, so a bucket is 1–2 columns wide) on a grid anchored at the Unix epoch, not at
//! the view's left edge: panning does not move the buckets, so the line does not shimmer, and
//! every series keeps its buckets precomputed in a min/max pyramid (built once, on first use;
//! 8 bytes per value). Panning then only reads the visible buckets instead of every value. A
//! bucket whose hours are all missing breaks the line: gaps at least a column wide stay gaps.

use std::sync::OnceLock;

use super::geometry::positive;
use crate::store::Hour;

/// A point of a drawable run: x in hours on the store's grid, y the value.
pub type Point = (f64, f32);

/// A bar: x from–to and its height (the maximum of the values it stands for).
pub type Bar = (f64, f64, f32);

/// Runs of points to draw as connected lines, and the value range inside the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decimated {
    /// Connected runs; a gap in the data separates two runs.
    pub runs: Vec<Vec<Point>>,
    /// Lowest and highest value of points whose x lies inside the view.
    pub range: Option<(f32, f32)>,
}

/// Hourly values on the store's hour grid (NaN = missing), with their decimation pyramid.
/// The values cannot change after construction, so the pyramid never goes stale.
#[derive(Debug, Clone)]
pub struct Hourly {
    start: Hour,
    values: Vec<f32>,
    pyramid: OnceLock<Pyramid>,
}

impl PartialEq for Hourly {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
            && self.values.len() == other.values.len()
            && self
                .values
                .iter()
                .zip(&other.values)
                .all(|(a, b)| a == b || (a.is_nan() && b.is_nan()))
    }
}

impl Hourly {
    /// Values from `start`, one per hour.
    pub fn new(start: Hour, values: Vec<f32>) -> Self {
        Hourly {
            start,
            values,
            pyramid: OnceLock::new(),
        }
    }

    /// Hour of the first value.
    pub fn start(&self) -> Hour {
        self.start
    }

    /// The values, one per hour from [`Hourly::start`].
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// The value at `hour`, if present.
    pub fn get(&self, hour: i64) -> Option<f32> {
        let i = hour - self.start.0;
        if i < 0 {
            return None;
        }
        self.values.get(i as usize).copied().filter(|v| !v.is_nan())
    }

    /// First and last hour holding a value.
    pub fn span(&self) -> Option<(f64, f64)> {
        let a = self.values.iter().position(|v| !v.is_nan())?;
        let b = self.values.iter().rposition(|v| !v.is_nan())?;
        let s = self.start.0 as f64;
        Some((s + a as f64, s + b as f64))
    }

    fn pyramid(&self) -> &Pyramid {
        self.pyramid
            .get_or_init(|| Pyramid::build(self.start.0, &self.values))
    }
}

/// Minimum and maximum of a bucket with their sample indices (`u32::MAX`: all missing).
#[derive(Debug, Clone, Copy)]
struct MinMax {
    min: f32,
    max: f32,
    at_min: u32,
    at_max: u32,
}

const EMPTY: MinMax = MinMax {
    min: f32::INFINITY,
    max: f32::NEG_INFINITY,
    at_min: u32::MAX,
    at_max: u32::MAX,
};

impl MinMax {
    fn merge(a: MinMax, b: MinMax) -> MinMax {
        let (min, at_min) = if b.min < a.min {
            (b.min, b.at_min)
        } else {
            (a.min, a.at_min)
        };
        let (max, at_max) = if b.max > a.max {
            (b.max, b.at_max)
        } else {
            (a.max, a.at_max)
        };
        MinMax {
            min,
            max,
            at_min,
            at_max,
        }
    }
}

/// One level: buckets of `2^(level+2)` hours; entry 0 is global bucket `first`.
#[derive(Debug, Clone)]
struct Level {
    first: i64,
    buckets: Vec<MinMax>,
}

/// Buckets of 4, 8, 16, … hours.
#[derive(Debug, Clone)]
struct Pyramid {
    levels: Vec<Level>,
}

/// Smallest bucket the pyramid keeps, in hours.
const FIRST_BUCKET: i64 = 4;

impl Pyramid {
    fn build(start: i64, values: &[f32]) -> Pyramid {
        let n = values.len() as i64;
        let mut levels = Vec::new();
        if n == 0 || n > i64::from(u32::MAX) {
            return Pyramid { levels };
        }
        let m = FIRST_BUCKET;
        let first = start.div_euclid(m);
        let last = (start + n - 1).div_euclid(m);
        let mut buckets = Vec::with_capacity((last - first + 1) as usize);
        for k in first..=last {
            let a = (k * m - start).max(0) as usize;
            let b = ((k + 1) * m - start).min(n) as usize;
            let mut mm = EMPTY;
            for (j, &v) in values[a..b].iter().enumerate() {
                if v < mm.min {
                    mm.min = v;
                    mm.at_min = (a + j) as u32;
                }
                if v > mm.max {
                    mm.max = v;
                    mm.at_max = (a + j) as u32;
                }
            }
            buckets.push(mm);
        }
        levels.push(Level { first, buckets });
        // Up to buckets longer than the series (a level of two buckets can straddle a boundary
        // of the next one forever, so count hours rather than buckets).
        let mut m = FIRST_BUCKET;
        while let Some(prev) = levels.last()
            && m < 2 * n
        {
            m *= 2;
            let first = prev.first.div_euclid(2);
            let last = (prev.first + prev.buckets.len() as i64 - 1).div_euclid(2);
            let at = |g: i64| {
                let i = g - prev.first;
                if i < 0 {
                    EMPTY
                } else {
                    prev.buckets.get(i as usize).copied().unwrap_or(EMPTY)
                }
            };
            let buckets = (first..=last)
                .map(|k| MinMax::merge(at(2 * k), at(2 * k + 1)))
                .collect();
            levels.push(Level { first, buckets });
        }
        Pyramid { levels }
    }
}

/// The samples of a series (sample `i` at hour `start + i`) needed to draw `view`, plus one
/// beyond each edge so lines reach the border. Returns the index range.
fn visible(len: usize, start: f64, view: (f64, f64)) -> Option<(usize, usize)> {
    if len == 0 || !positive(view.1 - view.0) || !start.is_finite() {
        return None;
    }
    let lo = (view.0 - start).floor() - 1.0;
    let hi = (view.1 - start).ceil() + 2.0;
    let lo = lo.clamp(0.0, len as f64) as usize;
    let hi = hi.clamp(0.0, len as f64) as usize;
    (lo < hi).then_some((lo, hi))
}

/// Hours per bucket for a view `columns` pixels wide: 1 (no decimation) while there are at most
/// two hours per column, otherwise the smallest of 4, 8, 12, 16, 24, 32, 48, … (a power of two,
/// or three pyramid buckets of half that) that is at least the hours per column.
pub fn bucket_size(view: (f64, f64), columns: usize) -> i64 {
    let per_column = (view.1 - view.0) / columns.max(1) as f64;
    if !per_column.is_finite() || per_column <= 2.0 {
        return 1;
    }
    let mut p = FIRST_BUCKET;
    loop {
        if p as f64 >= per_column || p > 1 << 40 {
            return p;
        }
        if p >= 2 * FIRST_BUCKET && (3 * p / 2) as f64 >= per_column {
            return 3 * p / 2;
        }
        p *= 2;
    }
}

/// Decimate a series for a view `columns` pixels wide. With no more than two hours per column
/// nothing is dropped (every value is kept and every missing value breaks the line); otherwise
/// each bucket of [`bucket_size`] hours keeps its minimum and maximum in time order.
pub fn decimate(series: &Hourly, view: (f64, f64), columns: usize) -> Decimated {
    let start = series.start.0 as f64;
    let values = &series.values;
    let Some((lo, hi)) = visible(values.len(), start, view) else {
        return Decimated::default();
    };
    let mut out = Decimated::default();
    let mut range = Range::default();
    let x_of = |i: usize| start + i as f64;
    let m = bucket_size(view, columns);
    if m <= 1 {
        let mut run: Vec<Point> = Vec::with_capacity(hi - lo);
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
    // A bucket of m hours is `c` buckets of the pyramid level of `base` hours.
    let (base, c) = if m.count_ones() == 1 {
        (m, 1)
    } else {
        (m / 3, 3)
    };
    let pyramid = series.pyramid();
    let level_index = (base.trailing_zeros() - FIRST_BUCKET.trailing_zeros()) as usize;
    let Some(level) = pyramid.levels.get(level_index) else {
        // Shorter than one bucket: there is nothing to thin out.
        return decimate(series, view, usize::MAX / 4);
    };
    let g = series.start.0;
    let k0 = (g + lo as i64).div_euclid(m);
    let k1 = (g + hi as i64 - 1).div_euclid(m);
    let at = |j: i64| {
        let i = j - level.first;
        if i < 0 {
            EMPTY
        } else {
            level.buckets.get(i as usize).copied().unwrap_or(EMPTY)
        }
    };
    let mut run: Vec<Point> = Vec::with_capacity(2 * (k1 - k0 + 1).max(0) as usize);
    for k in k0..=k1 {
        let mut b = at(k * c);
        for j in 1..c {
            b = MinMax::merge(b, at(k * c + j));
        }
        if b.at_min == u32::MAX {
            flush(&mut out.runs, &mut run);
            continue;
        }
        // Both extremes at the bucket's centre, the earlier one first: one vertical span per
        // bucket, joined to its neighbours from the right ends.
        let (first, second) = if b.at_min <= b.at_max {
            (b.min, b.max)
        } else {
            (b.max, b.min)
        };
        let x = (k * m) as f64 + (m - 1) as f64 / 2.0;
        range.add(x, first, view);
        run.push((x, first));
        if b.at_min != b.at_max {
            range.add(x, second, view);
            run.push((x, second));
        }
    }
    flush(&mut out.runs, &mut run);
    out.range = range.get();
    out
}

/// Bars for a view `columns` pixels wide: one bar per hour (centred on it, an hour wide) when
/// they fit, otherwise one bar per bucket of [`bucket_size`] hours holding its maximum. Missing
/// values and zeros give no bar.
pub fn decimate_bars(series: &Hourly, view: (f64, f64), columns: usize) -> Vec<Bar> {
    let start = series.start.0 as f64;
    let values = &series.values;
    let Some((lo, hi)) = visible(values.len(), start, view) else {
        return Vec::new();
    };
    let x_of = |i: usize| start + i as f64;
    let m = bucket_size(view, columns);
    if m <= 1 {
        return (lo..hi)
            .filter(|&i| positive(f64::from(values[i])))
            .map(|i| (x_of(i) - 0.5, x_of(i) + 0.5, values[i]))
            .collect();
    }
    let g = series.start.0;
    let mut bars: Vec<Bar> = Vec::new();
    let mut edge = ((g + lo as i64).div_euclid(m) + 1) * m - g;
    let mut i = lo;
    while i < hi {
        let end = (edge.max(i as i64 + 1) as usize).min(hi);
        let top = values[i..end].iter().copied().fold(f32::NAN, f32::max);
        if positive(f64::from(top)) {
            let first = edge - m;
            bars.push((
                start + first as f64 - 0.5,
                start + (edge - 1) as f64 + 0.5,
                top,
            ));
        }
        i = end;
        edge += m;
    }
    bars
}

fn flush(runs: &mut Vec<Vec<Point>>, run: &mut Vec<Point>) {
    if !run.is_empty() {
        runs.push(std::mem::take(run));
    }
}

/// Running min/max of the values inside the view.
struct Range(f32, f32);

impl Default for Range {
    fn default() -> Self {
        Range(f32::INFINITY, f32::NEG_INFINITY)
    }
}

impl Range {
    #[inline]
    fn add(&mut self, x: f64, v: f32, view: (f64, f64)) {
        if x >= view.0 && x <= view.1 {
            self.0 = self.0.min(v);
            self.1 = self.1.max(v);
        }
    }
    fn get(&self) -> Option<(f32, f32)> {
        (self.0 <= self.1).then_some((self.0, self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hourly(start: i64, values: Vec<f32>) -> Hourly {
        Hourly::new(Hour(start), values)
    }

    #[test]
    fn keeps_spikes_and_shrinks_to_two_points_per_column() {
        let mut values: Vec<f32> = (0..10_000).map(|i| (i % 7) as f32).collect();
        values[5_003] = 900.0;
        values[7_777] = -50.0;
        let d = decimate(&hourly(0, values), (0.0, 10_000.0), 100);
        assert_eq!(d.runs.len(), 1);
        let pts = &d.runs[0];
        assert!(pts.len() <= 2 * 100 + 4, "{}", pts.len());
        // 100 hours per column: buckets of 128 hours, drawn at their centres.
        assert!(pts.contains(&(39.0 * 128.0 + 63.5, 900.0)), "spike kept");
        assert!(pts.contains(&(60.0 * 128.0 + 63.5, -50.0)), "dip kept");
        assert_eq!(d.range, Some((-50.0, 900.0)));
        assert!(pts.windows(2).all(|w| w[0].0 <= w[1].0), "time order");
    }

    #[test]
    fn gaps_of_a_column_or_more_break_the_line() {
        let mut values = vec![1.0f32; 1_000];
        for v in &mut values[400..450] {
            *v = f32::NAN;
        }
        let series = hourly(0, values);
        // 100 hours per column: the 50-hour gap is inside one bucket, so the line goes on.
        let d = decimate(&series, (0.0, 1_000.0), 10);
        assert_eq!(d.runs.len(), 1);
        // 10 hours per column: the gap covers whole buckets and must show.
        let d = decimate(&series, (0.0, 1_000.0), 100);
        assert_eq!(d.runs.len(), 2);
        // Buckets of 12 hours drawn at their centres: the line stops in the last bucket with
        // values (396–407) and resumes in the first one after the gap (444–455).
        assert_eq!(d.runs[0].last().map(|p| p.0), Some(401.5));
        assert_eq!(d.runs[1].first().map(|p| p.0), Some(449.5));
        // Without decimation every missing value breaks the line.
        let mut few = vec![2.0f32; 20];
        few[10] = f32::NAN;
        let d = decimate(&hourly(100, few), (100.0, 120.0), 500);
        assert_eq!(d.runs.len(), 2);
        assert_eq!(d.runs[0].len() + d.runs[1].len(), 19);
        assert_eq!(d.runs[1][0], (111.0, 2.0));
    }

    #[test]
    fn view_outside_data_or_degenerate_gives_nothing() {
        let s = hourly(0, vec![1.0f32; 10]);
        assert!(decimate(&s, (50.0, 60.0), 10).runs.is_empty());
        assert!(decimate(&s, (5.0, 5.0), 10).runs.is_empty());
        assert!(decimate(&hourly(0, vec![]), (0.0, 5.0), 10).runs.is_empty());
        let missing = hourly(0, vec![f32::NAN; 50]);
        assert!(decimate(&missing, (0.0, 50.0), 5).range.is_none());
    }

    #[test]
    fn bars_keep_the_bucket_maximum() {
        let mut rain = vec![0.0f32; 1_000];
        rain[10] = 0.5;
        rain[12] = 3.0;
        rain[500] = 1.0;
        let rain = hourly(0, rain);
        let bars = decimate_bars(&rain, (0.0, 1_000.0), 50);
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[0].2, 3.0);
        let bars = decimate_bars(&rain, (0.0, 100.0), 500);
        assert_eq!(bars, vec![(9.5, 10.5, 0.5), (11.5, 12.5, 3.0)]);
    }

    proptest! {
        #[test]
        fn every_bucket_keeps_its_extremes(
            values in proptest::collection::vec(
                prop_oneof![Just(f32::NAN), -100.0f32..100.0], 50..3_000),
            columns in 5usize..200,
            start in -5_000i64..500_000,
            pan in 0.0f64..0.3,
        ) {
            let n = values.len() as f64;
            let series = hourly(start, values.clone());
            let s = start as f64;
            let view = (s + pan * n, s + n);
            let d = decimate(&series, view, columns);
            let kept: Vec<Point> = d.runs.concat();
            let m = bucket_size(view, columns);
            // Every kept point is a real sample of its bucket (or the sample itself, undecimated).
            let samples: std::collections::HashSet<(i64, u32)> = values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_nan())
                .map(|(i, v)| ((start + i as i64).div_euclid(m), v.to_bits()))
                .collect();
            for &(x, v) in &kept {
                if m == 1 {
                    prop_assert_eq!(values[(x - s) as usize], v);
                } else {
                    prop_assert!(samples.contains(&((x as i64).div_euclid(m), v.to_bits())));
                }
            }
            let first = ((view.0 - s).floor() as i64 - 1).max(0);
            let mut extremes: std::collections::BTreeMap<i64, (f32, f32)> = Default::default();
            // The decimator keeps whole buckets: the one holding the first visible sample counts.
            let first_bucket = (start + first).div_euclid(m);
            for (i, &v) in values.iter().enumerate() {
                let k = (start + i as i64).div_euclid(m);
                if v.is_nan() || k < first_bucket || (m == 1 && (i as i64) < first) { continue; }
                let e = extremes.entry(k).or_insert((v, v));
                e.0 = e.0.min(v);
                e.1 = e.1.max(v);
            }
            if m > 1 {
                // Buckets are at least a column wide: no more of them than columns (+ edges).
                prop_assert!(extremes.len() <= columns + 2);
                for (k, (lo, hi)) in extremes {
                    let in_bucket: Vec<f32> = kept.iter()
                        .filter(|p| (p.0 as i64).div_euclid(m) == k).map(|p| p.1).collect();
                    prop_assert!(in_bucket.contains(&lo) && in_bucket.contains(&hi));
                    prop_assert!(in_bucket.len() <= 2);
                }
            } else {
                let present = values.iter().skip(first as usize).filter(|v| !v.is_nan()).count();
                prop_assert_eq!(kept.len(), present);
            }
        }
    }
}
