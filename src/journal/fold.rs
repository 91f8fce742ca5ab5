//! State = fold(events): the replay helper every journal-backed state (response, supervision,
//! alerts) uses.
//!
//! A state type implements [`Fold`]: `apply` ignores kinds it does not know and records (rather
//! than fails on) payloads it cannot decode, so one odd event never makes the journal unusable.
//! [`Replay`] feeds it every event once, in order, and remembers how far it got, so refreshing
//! after an append — or after another instance's or desk's append — reads only the new events.
//! Events can be pulled ([`Replay::catch_up`]) or handed in by whoever learnt of them
//! ([`Replay::receive`]: a follower thread, a server backend that pushes).

use super::error::JournalError;
use super::event::Event;
use super::storage::Storage;

/// A state that is the fold of journal events (a read model).
pub trait Fold {
    /// Fold one event in: kinds the state does not know are ignored, and an event that does not
    /// decode or fit is recorded as an anomaly rather than failing.
    fn apply(&mut self, event: &Event);
}

/// What [`Replay::receive`] did with the events handed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// How many events were folded in.
    pub applied: usize,
    /// The events handed in did not follow on from the last one folded (some are missing):
    /// read the journal from [`Replay::last_seq`] to fill the gap.
    pub gap: bool,
}

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

    /// Apply every event the storage holds after the last one applied; returns how many were
    /// applied. The storage is the authority here: a gap it holds (rows deleted by hand, which
    /// verification reports) does not stop the fold.
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

    /// Fold events handed in from outside (newest events another desk or instance stored, pushed
    /// by a follower or a server): those already folded are skipped; folding stops before a gap
    /// in the sequence numbers, which the result reports so the caller can
    /// [`catch up`](Replay::catch_up) from the storage instead of skipping events silently.
    pub fn receive(&mut self, events: &[Event], mut apply: impl FnMut(&mut S, &Event)) -> Received {
        let mut applied = 0;
        let folded = self.last_seq;
        for event in events.iter().filter(|e| e.seq > folded) {
            if event.seq != self.last_seq + 1 {
                return Received { applied, gap: true };
            }
            apply(&mut self.state, event);
            self.last_seq = event.seq;
            applied += 1;
        }
        Received {
            applied,
            gap: false,
        }
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
