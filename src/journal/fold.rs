//! State = fold(events): the replay helper every journal-backed state (response, supervision) uses.
//!
//! A state type offers `fn apply(&mut self, event: &Event)` that ignores kinds it does not know and
//! records (rather than fails on) payloads it cannot decode, so one odd event never makes the
//! journal unusable. [`Replay`] feeds it every event once, in order, and remembers how far it got,
//! so refreshing after an append — or, in a read-only instance, after another instance's append —
//! reads only the new events.

use super::error::JournalError;
use super::event::Event;
use super::storage::Storage;

/// A state rebuilt from the journal and the sequence number it includes events up to.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay<S> {
    state: S,
    last_seq: u64,
}

impl<S> Replay<S> {
    /// Start from the initial (empty) state, before event 1.
    pub fn new(initial: S) -> Self {
        Replay {
            state: initial,
            last_seq: 0,
        }
    }

    /// Resume from a saved snapshot that already includes events up to `last_seq`.
    pub fn from_snapshot(state: S, last_seq: u64) -> Self {
        Replay { state, last_seq }
    }

    /// Apply every event after the last one applied; returns how many were applied.
    pub fn catch_up<St: Storage + ?Sized>(
        &mut self,
        storage: &St,
        mut apply: impl FnMut(&mut S, &Event),
    ) -> Result<usize, JournalError> {
        let events = storage.read_since(self.last_seq)?;
        for event in &events {
            apply(&mut self.state, event);
            self.last_seq = event.seq;
        }
        Ok(events.len())
    }

    /// The state as of [`Replay::last_seq`].
    pub fn state(&self) -> &S {
        &self.state
    }

    /// Sequence number of the last event applied (0 before any).
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// The state and the sequence number it includes, e.g. to save a snapshot.
    pub fn into_parts(self) -> (S, u64) {
        (self.state, self.last_seq)
    }
}
