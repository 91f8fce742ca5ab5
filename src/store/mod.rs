//! The one columnar store every loader fills and every analysis reads.
//!
//! Layout: station × variable × kind (observed or forecast) → an hourly [`Series`] of `f32`, NaN for
//! missing, on the UTC hour grid. Station metadata sits beside it in a [`StationTable`]. Loaders
//! never touch the store directly: they hand over a [`Batch`], which [`Store::merge`] folds in,
//! reporting every value that disagrees with one already held.

mod batch;
mod hour;
mod series;
mod station;
mod variable;

pub use batch::{Batch, Chunk};
pub use hour::{Hour, StampConvention};
pub use series::Series;
pub use station::{Station, StationId, StationTable};
pub use variable::{Quantity, Variable};

use std::path::PathBuf;

/// Whether values were measured or predicted; both can exist for the same station and hour.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SeriesKind {
    /// Measured (monitoring station, weather observation, reanalysis used as truth).
    Observed,
    /// Predicted (meteorological or air-quality forecast).
    Forecast,
}

/// Identifies one hourly series in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    /// Which station (or forecast location).
    pub station: StationId,
    /// Which quantity.
    pub variable: Variable,
    /// Observed or forecast.
    pub kind: SeriesKind,
}

/// A value that arrived twice for the same station, variable and hour with different numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeConflict {
    /// The file whose value lost (the store keeps the value it already held).
    pub file: PathBuf,
    /// Station code.
    pub station: String,
    /// Which quantity.
    pub variable: Variable,
    /// The hour, on the UTC grid.
    pub hour: Hour,
    /// The value kept.
    pub kept: f32,
    /// The value from `file` that was not taken.
    pub rejected: f32,
    /// The station's UTC offset, to show the hour as the source stamps it.
    pub utc_offset_s: i32,
}

/// Number of series slots per station: one per variable and kind.
const SLOTS: usize = Variable::ALL.len() * 2;

/// Where a key's series sits in a station's row of slots.
fn slot(variable: Variable, kind: SeriesKind) -> usize {
    variable.index() * 2 + kind as usize
}

/// Station metadata plus every hourly series loaded so far.
///
/// Series are held per station in a row of slots indexed by variable and kind (no hashing on the
/// hot path: loading the national feed merges about 760,000 runs of values).
#[derive(Debug, Default, Clone)]
pub struct Store {
    stations: StationTable,
    rows: Vec<Vec<Option<Series>>>,
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The station table (metadata for every code seen in data or in a station list).
    pub fn stations(&self) -> &StationTable {
        &self.stations
    }

    /// Mutable station table, for loaders of station lists and for user edits of areas.
    pub fn stations_mut(&mut self) -> &mut StationTable {
        &mut self.stations
    }

    /// The series for a key, if any value was ever loaded for it.
    pub fn series(&self, key: SeriesKey) -> Option<&Series> {
        self.rows
            .get(key.station.0 as usize)?
            .get(slot(key.variable, key.kind))?
            .as_ref()
    }

    /// Shorthand for an observed series of a station.
    pub fn observed(&self, station: StationId, variable: Variable) -> Option<&Series> {
        self.series(SeriesKey {
            station,
            variable,
            kind: SeriesKind::Observed,
        })
    }

    /// Every series key, sorted (station, variable, kind) so that iteration order is stable.
    pub fn keys(&self) -> Vec<SeriesKey> {
        let mut keys: Vec<SeriesKey> = self.iter().map(|(k, _)| k).collect();
        keys.sort();
        keys
    }

    /// Every series with its key, by station, then variable, then kind.
    pub fn iter(&self) -> impl Iterator<Item = (SeriesKey, &Series)> {
        self.rows.iter().enumerate().flat_map(|(station, row)| {
            row.iter().enumerate().filter_map(move |(i, s)| {
                let series = s.as_ref()?;
                let kind = if i % 2 == 0 {
                    SeriesKind::Observed
                } else {
                    SeriesKind::Forecast
                };
                let key = SeriesKey {
                    station: StationId(station as u32),
                    variable: Variable::ALL[i / 2],
                    kind,
                };
                Some((key, series))
            })
        })
    }

    /// Number of series held.
    pub fn series_count(&self) -> usize {
        self.iter().count()
    }

    /// Total number of non-missing values held.
    pub fn value_count(&self) -> usize {
        self.iter().map(|(_, s)| s.present_count()).sum()
    }

    /// Variables present for a station (observed or forecast), in display order.
    pub fn variables_of(&self, station: StationId) -> Vec<Variable> {
        let mut vars: Vec<Variable> = self
            .iter()
            .filter(|(k, _)| k.station == station)
            .map(|(k, _)| k.variable)
            .collect();
        vars.dedup();
        vars
    }

    /// First and last hour holding any value, over all series.
    pub fn period(&self) -> Option<(Hour, Hour)> {
        self.iter()
            .filter_map(|(_, s)| s.present_span())
            .fold(None, |acc, (a, b)| match acc {
                None => Some((a, b)),
                Some((lo, hi)) => Some((lo.min(a), hi.max(b))),
            })
    }

    /// Fold a loader's batch into the store. Station metadata in the batch fills gaps in the table
    /// (it never overwrites a non-empty field). A value for an hour that already holds a different
    /// value is not taken and comes back as a conflict; identical duplicates are silently deduplicated.
    pub fn merge(&mut self, batch: Batch) -> Vec<MergeConflict> {
        let mut conflicts = Vec::new();
        let ids: Vec<StationId> = batch
            .stations
            .into_iter()
            .map(|s| self.stations.upsert(s))
            .collect();
        for chunk in batch.chunks {
            let Some(&station) = ids.get(chunk.station) else {
                continue;
            };
            let i = station.0 as usize;
            if self.rows.len() <= i {
                self.rows.resize_with(i + 1, Vec::new);
            }
            let row = &mut self.rows[i];
            if row.is_empty() {
                row.resize_with(SLOTS, || None);
            }
            let series = row[slot(chunk.variable, chunk.kind)]
                .get_or_insert_with(|| Series::empty(chunk.stamp));
            for (hour, kept, rejected) in series.merge_values(chunk.start, &chunk.values) {
                let meta = self.stations.get(station);
                conflicts.push(MergeConflict {
                    file: batch.file.clone(),
                    station: meta.code.clone(),
                    utc_offset_s: meta.utc_offset_s,
                    variable: chunk.variable,
                    hour,
                    kept,
                    rejected,
                });
            }
        }
        conflicts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(file: &str, code: &str, start: i64, values: Vec<f32>) -> Batch {
        let mut b = Batch::new(PathBuf::from(file));
        let s = b.station(Station::with_code(code));
        b.chunks.push(Chunk {
            station: s,
            variable: Variable::Pm25,
            kind: SeriesKind::Observed,
            stamp: StampConvention::EndOfHour,
            start: Hour(start),
            values,
        });
        b
    }

    #[test]
    fn merge_deduplicates_equal_values_and_reports_different_ones() {
        let mut store = Store::new();
        assert!(
            store
                .merge(batch("a.csv", "1001A", 10, vec![1.0, 2.0, f32::NAN]))
                .is_empty()
        );
        let conflicts = store.merge(batch("b.csv", "1001A", 11, vec![2.0, 3.0, 4.0]));
        assert!(
            conflicts.is_empty(),
            "NaN is filled, equal value deduplicated"
        );
        let conflicts = store.merge(batch("c.csv", "1001A", 9, vec![0.5, 9.0]));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].hour, Hour(10));
        assert_eq!(conflicts[0].kept, 1.0);
        assert_eq!(conflicts[0].rejected, 9.0);
        let id = store.stations().find("1001A").expect("station");
        let s = store.observed(id, Variable::Pm25).expect("series");
        assert_eq!(s.start(), Hour(9));
        assert_eq!(s.get(Hour(9)), Some(0.5));
        assert_eq!(s.get(Hour(13)), Some(4.0));
        assert_eq!(s.get(Hour(14)), None);
        assert_eq!(store.value_count(), 5);
        assert_eq!(store.period(), Some((Hour(9), Hour(13))));
    }
}
