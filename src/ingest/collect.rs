//! Gathering values that arrive one at a time (long tables, JSON arrays, soundings) into the dense
//! hourly chunks a [`Batch`] carries, catching a value given twice for the same hour.

use std::collections::BTreeMap;

use crate::store::{Batch, Chunk, Hour, SeriesKind, StampConvention, Variable};

/// Values further apart than this start a new chunk, so a file with two distant periods does not
/// produce one chunk full of NaN between them.
const MAX_GAP_HOURS: i64 = 72;

/// What happened to a value handed to [`Collector::put`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Put {
    /// Taken.
    New,
    /// The same value was already there for that hour; nothing changes.
    Duplicate,
    /// A different value was already there; it is kept and the new one is not taken.
    Conflict(f32),
}

/// Values per (batch station index, variable), as runs of consecutive hours keyed by their first
/// hour: 4 bytes a value when the rows come in time order (a map entry per value took about 20,
/// which made a 100 MB table peak at 4.5× its size).
#[derive(Debug, Default)]
pub(crate) struct Collector {
    series: BTreeMap<(usize, Variable), BTreeMap<i64, Vec<f32>>>,
}

impl Collector {
    /// An empty collector.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Offer one value (already in the canonical unit).
    pub(crate) fn put(
        &mut self,
        station: usize,
        variable: Variable,
        hour: Hour,
        value: f32,
    ) -> Put {
        let runs = self.series.entry((station, variable)).or_default();
        // The run starting at or before `hour`: a slot in it, or its end extended to `hour` when
        // that is near (no run starts in between, or it would have been found instead).
        if let Some((&start, run)) = runs.range_mut(..=hour.0).next_back() {
            let at = (hour.0 - start) as usize;
            match run.get(at).copied() {
                Some(old) if old.is_nan() => {
                    run[at] = value;
                    return Put::New;
                }
                Some(old) if old == value => return Put::Duplicate,
                Some(old) => return Put::Conflict(old),
                None if hour.0 - (start + run.len() as i64) <= MAX_GAP_HOURS => {
                    run.resize(at, f32::NAN);
                    run.push(value);
                    return Put::New;
                }
                None => {}
            }
        }
        runs.insert(hour.0, vec![value]);
        Put::New
    }

    /// Turn the collected values into chunks: runs no further apart than [`MAX_GAP_HOURS`] join
    /// into one chunk, missing hours as NaN.
    pub(crate) fn finish(self, batch: &mut Batch, kind: SeriesKind, stamp: StampConvention) {
        for ((station, variable), runs) in self.series {
            let mut joined: Option<(i64, Vec<f32>)> = None;
            for (start, values) in runs {
                if let Some((first, vals)) = &mut joined {
                    let next = *first + vals.len() as i64;
                    if start - next <= MAX_GAP_HOURS {
                        vals.resize((start - *first) as usize, f32::NAN);
                        vals.extend(values);
                        continue;
                    }
                }
                if let Some((first, vals)) = joined.replace((start, values)) {
                    batch
                        .chunks
                        .push(chunk(station, variable, kind, stamp, first, vals));
                }
            }
            if let Some((first, vals)) = joined {
                batch
                    .chunks
                    .push(chunk(station, variable, kind, stamp, first, vals));
            }
        }
    }
}

fn chunk(
    station: usize,
    variable: Variable,
    kind: SeriesKind,
    stamp: StampConvention,
    start: i64,
    values: Vec<f32>,
) -> Chunk {
    Chunk {
        station,
        variable,
        kind,
        stamp,
        start: Hour(start),
        values,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn builds_runs_and_reports_second_values() {
        let mut c = Collector::new();
        assert_eq!(c.put(0, Variable::Pm25, Hour(10), 1.0), Put::New);
        assert_eq!(c.put(0, Variable::Pm25, Hour(12), 3.0), Put::New);
        assert_eq!(c.put(0, Variable::Pm25, Hour(12), 3.0), Put::Duplicate);
        assert_eq!(c.put(0, Variable::Pm25, Hour(12), 4.0), Put::Conflict(3.0));
        assert_eq!(c.put(0, Variable::Pm25, Hour(1000), 5.0), Put::New);
        let mut b = Batch::new(PathBuf::from("x"));
        c.finish(&mut b, SeriesKind::Observed, StampConvention::StartOfHour);
        assert_eq!(b.chunks.len(), 2, "the far value starts its own chunk");
        assert_eq!(b.chunks[0].start, Hour(10));
        assert_eq!(b.chunks[0].values.len(), 3);
        assert!(b.chunks[0].values[1].is_nan());
        assert_eq!(b.chunks[1].values, vec![5.0]);
        assert_eq!(b.value_count(), 3);
    }

    #[test]
    fn any_arrival_order_gives_the_same_chunks() {
        let hours: Vec<i64> = vec![5, 6, 7, 9, 40, 41, 200, 201, 274, 400, 3, 100];
        let chunks = |order: &[i64]| {
            let mut c = Collector::new();
            for &h in order {
                assert_eq!(c.put(1, Variable::O3, Hour(h), h as f32), Put::New, "{h}");
            }
            for &h in order {
                assert_eq!(c.put(1, Variable::O3, Hour(h), h as f32), Put::Duplicate);
            }
            let mut b = Batch::new(PathBuf::from("x"));
            c.finish(&mut b, SeriesKind::Observed, StampConvention::StartOfHour);
            b.chunks
                .iter()
                .map(|c| (c.start.0, format!("{:?}", c.values)))
                .collect::<Vec<_>>()
        };
        let mut sorted = hours.clone();
        sorted.sort();
        let expected = chunks(&sorted);
        // 3..=100 joins (gaps ≤ 72), 200..=274 joins, 400 stands alone.
        assert_eq!(expected.len(), 3, "{expected:?}");
        let mut reversed = sorted.clone();
        reversed.reverse();
        assert_eq!(chunks(&reversed), expected);
        assert_eq!(chunks(&hours), expected);
    }
}
