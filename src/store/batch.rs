//! What a loader hands to the store: stations seen in one file and runs of hourly values.

use std::path::PathBuf;

use super::{Hour, SeriesKind, StampConvention, Station, Variable};

/// A run of hourly values for one station and variable, starting at `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Index into [`Batch::stations`].
    pub station: usize,
    /// Which quantity, already in its canonical unit.
    pub variable: Variable,
    /// Observed or forecast.
    pub kind: SeriesKind,
    /// What the stamps mark.
    pub stamp: StampConvention,
    /// Hour of the first value.
    pub start: Hour,
    /// Consecutive hourly values, NaN for missing.
    pub values: Vec<f32>,
}

/// Everything one file contributed, ready to merge into the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// The file the values came from (named in merge conflicts).
    pub file: PathBuf,
    /// Stations seen in the file.
    pub stations: Vec<Station>,
    /// Runs of values.
    pub chunks: Vec<Chunk>,
}

impl Batch {
    /// An empty batch for `file`.
    pub fn new(file: PathBuf) -> Self {
        Batch {
            file,
            stations: Vec::new(),
            chunks: Vec::new(),
        }
    }

    /// Add a station and return its index for [`Chunk::station`].
    pub fn station(&mut self, station: Station) -> usize {
        self.stations.push(station);
        self.stations.len() - 1
    }

    /// Number of non-missing values in the batch.
    pub fn value_count(&self) -> usize {
        self.chunks
            .iter()
            .map(|c| c.values.iter().filter(|v| !v.is_nan()).count())
            .sum()
    }
}
