//! One hourly series: a start hour and a dense run of `f32` values, NaN for missing.

use super::{Hour, StampConvention};

/// A dense hourly series. Values are 4 bytes each; NaN marks a missing hour. The series grows at
/// either end as more data arrives.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    start: Hour,
    values: Vec<f32>,
    stamp: StampConvention,
}

impl Series {
    /// An empty series whose stamps follow `stamp`.
    pub fn empty(stamp: StampConvention) -> Self {
        Series {
            start: Hour(0),
            values: Vec::new(),
            stamp,
        }
    }

    /// A series from a start hour and values (NaN = missing).
    pub fn from_values(start: Hour, values: Vec<f32>, stamp: StampConvention) -> Self {
        Series {
            start,
            values,
            stamp,
        }
    }

    /// The first hour on the series' grid (may be a missing value).
    pub fn start(&self) -> Hour {
        self.start
    }

    /// One past the last hour on the grid.
    pub fn end(&self) -> Hour {
        self.start + self.values.len() as i64
    }

    /// What the stamps mark (end or start of the averaging hour).
    pub fn stamp(&self) -> StampConvention {
        self.stamp
    }

    /// The dense values from [`Series::start`], NaN for missing.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// The value at `hour`, `None` when outside the series or missing.
    pub fn get(&self, hour: Hour) -> Option<f32> {
        let i = hour - self.start;
        if i < 0 {
            return None;
        }
        self.values.get(i as usize).copied().filter(|v| !v.is_nan())
    }

    /// Values for `from..to`, NaN where missing or outside the series.
    pub fn window(&self, from: Hour, to: Hour) -> Vec<f32> {
        (from.0..to.0)
            .map(|h| self.get(Hour(h)).unwrap_or(f32::NAN))
            .collect()
    }

    /// Number of non-missing values.
    pub fn present_count(&self) -> usize {
        self.values.iter().filter(|v| !v.is_nan()).count()
    }

    /// First and last hour that hold a value.
    pub fn present_span(&self) -> Option<(Hour, Hour)> {
        let first = self.values.iter().position(|v| !v.is_nan())?;
        let last = self.values.iter().rposition(|v| !v.is_nan())?;
        Some((self.start + first as i64, self.start + last as i64))
    }

    /// The last hour holding a value at or before `at`.
    pub fn last_present_at_or_before(&self, at: Hour) -> Option<(Hour, f32)> {
        let end = ((at - self.start) + 1).clamp(0, self.values.len() as i64) as usize;
        let i = self.values[..end].iter().rposition(|v| !v.is_nan())?;
        Some((self.start + i as i64, self.values[i]))
    }

    /// Make room for `from..to`, filling new hours with NaN.
    fn cover(&mut self, from: Hour, to: Hour) {
        if self.values.is_empty() {
            self.start = from;
            self.values = vec![f32::NAN; (to - from).max(0) as usize];
            return;
        }
        if from < self.start {
            let extra = (self.start - from) as usize;
            let mut grown = vec![f32::NAN; extra + self.values.len()];
            grown[extra..].copy_from_slice(&self.values);
            self.values = grown;
            self.start = from;
        }
        if to > self.end() {
            let new_len = (to - self.start) as usize;
            self.values.resize(new_len, f32::NAN);
        }
    }

    /// Merge `values` starting at `start`. Missing (NaN) incoming values are ignored; a value landing
    /// on a missing hour is taken; one landing on an equal value is a duplicate; one landing on a
    /// different value is rejected and returned as `(hour, kept, rejected)`.
    pub fn merge_values(&mut self, start: Hour, values: &[f32]) -> Vec<(Hour, f32, f32)> {
        let Some(first) = values.iter().position(|v| !v.is_nan()) else {
            return Vec::new();
        };
        let last = values.iter().rposition(|v| !v.is_nan()).unwrap_or(first);
        let from = start + first as i64;
        let to = start + last as i64 + 1;
        let incoming = &values[first..=last];
        if !self.values.is_empty() && from >= self.end() {
            // Appending after the end (files merged in time order): no slot to compare.
            let gap = (from - self.end()) as usize;
            self.values.reserve(gap + incoming.len());
            self.values.resize(self.values.len() + gap, f32::NAN);
            self.values.extend_from_slice(incoming);
            return Vec::new();
        }
        self.cover(from, to);
        let offset = (from - self.start) as usize;
        let mut conflicts = Vec::new();
        for (i, &v) in incoming.iter().enumerate() {
            if v.is_nan() {
                continue;
            }
            let slot = &mut self.values[offset + i];
            if slot.is_nan() {
                *slot = v;
            } else if *slot != v {
                conflicts.push((from + i as i64, *slot, v));
            }
        }
        conflicts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_both_ways_and_finds_last_value() {
        let mut s = Series::empty(StampConvention::StartOfHour);
        s.merge_values(Hour(5), &[f32::NAN, 1.0, f32::NAN]);
        assert_eq!((s.start(), s.end()), (Hour(6), Hour(7)));
        s.merge_values(Hour(2), &[3.0]);
        s.merge_values(Hour(9), &[4.0]);
        assert_eq!((s.start(), s.end()), (Hour(2), Hour(10)));
        assert_eq!(
            s.window(Hour(1), Hour(4))
                .iter()
                .filter(|v| v.is_nan())
                .count(),
            2
        );
        assert_eq!(s.last_present_at_or_before(Hour(8)), Some((Hour(6), 1.0)));
        assert_eq!(s.last_present_at_or_before(Hour(1)), None);
        assert_eq!(s.last_present_at_or_before(Hour(100)), Some((Hour(9), 4.0)));
    }
}
