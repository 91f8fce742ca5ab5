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

/// Values per (batch station index, variable), keyed by hour.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    series: BTreeMap<(usize, Variable), BTreeMap<i64, f32>>,
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
        let slot = self.series.entry((station, variable)).or_default();
        match slot.get(&hour.0) {
            None => {
                slot.insert(hour.0, value);
                Put::New
            }
            Some(&old) if old == value => Put::Duplicate,
            Some(&old) => Put::Conflict(old),
        }
    }

    /// Turn everything into chunks of `batch`, in (station, variable, hour) order.
    pub(crate) fn finish(self, batch: &mut Batch, kind: SeriesKind, stamp: StampConvention) {
        for ((station, variable), values) in self.series {
            let mut run: Option<(i64, Vec<f32>)> = None;
            for (hour, value) in values {
                if let Some((start, vals)) = &mut run {
                    let next = *start + vals.len() as i64;
                    if hour - next <= MAX_GAP_HOURS {
                        vals.resize((hour - *start) as usize, f32::NAN);
                        vals.push(value);
                        continue;
                    }
                }
                if let Some((start, vals)) = run.take() {
                    batch
                        .chunks
                        .push(chunk(station, variable, kind, stamp, start, vals));
                }
                run = Some((hour, vec![value]));
            }
            if let Some((start, vals)) = run {
                batch
                    .chunks
                    .push(chunk(station, variable, kind, stamp, start, vals));
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
}
