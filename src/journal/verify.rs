//! Walking the hash chain: the backend-independent half of `verify`.
//!
//! A backend feeds its rows in sequence order to a [`ChainCheck`], then hands over the head it
//! recorded (last sequence number and hash, updated in the same transaction as every append), so
//! that rows deleted from the end are caught too.

use std::fmt;

use super::event::Event;
use super::hash::Hash;

/// The outcome of verifying a journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Every hash and link checks out.
    Intact {
        /// Number of events (equal to the last sequence number).
        events: u64,
        /// Hash of the last event ([`Hash::GENESIS`] for an empty journal). Printing it in a daily
        /// report anchors the journal outside the file.
        last_hash: Hash,
    },
    /// The first place where the chain breaks.
    Broken(Break),
}

/// Where the chain first breaks and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// Sequence number of the first event that fails (or is missing).
    pub seq: u64,
    /// What is wrong there.
    pub fault: Fault,
}

/// The kinds of breakage `verify` tells apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Events `expected ..= seq - 1` are missing (deleted rows).
    SequenceGap {
        /// The sequence number that should have come next.
        expected: u64,
    },
    /// The event's content no longer matches its own hash (a field was edited).
    ContentChanged {
        /// Hash stored with the event.
        stored: Hash,
        /// Hash its current content calls for.
        computed: Hash,
    },
    /// The event does not point at the hash of the event before it (the one before was replaced,
    /// or events were reordered).
    LinkBroken {
        /// Hash of the event before, as stored.
        expected: Hash,
        /// Previous hash this event records.
        found: Hash,
    },
    /// The stored row cannot even be read as an event.
    Unreadable {
        /// What is wrong with it.
        detail: String,
    },
    /// Events from `seq` to the recorded head are missing (deleted from the end).
    MissingAtEnd {
        /// Last sequence number the journal recorded as written.
        recorded_head: u64,
    },
    /// The last event is not the one the journal recorded as written (added or replaced outside
    /// AirDesk).
    HeadMismatch {
        /// Last sequence number the journal recorded as written.
        recorded_head: u64,
    },
    /// The event is not the one this desk's checkpoint recorded at that place: another journal,
    /// a `-wal` file that does not belong to this one, or a journal rewritten from there on.
    CheckpointMismatch {
        /// Hash the checkpoint recorded for this event.
        recorded: Hash,
    },
}

impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seq = self.seq;
        match &self.fault {
            Fault::SequenceGap { expected } if *expected + 1 == seq => {
                write!(f, "event #{expected} is missing (deleted)")
            }
            Fault::SequenceGap { expected } => {
                write!(
                    f,
                    "events #{expected} to #{} are missing (deleted)",
                    seq - 1
                )
            }
            Fault::ContentChanged { stored, computed } => write!(
                f,
                "event #{seq}: content changed (stored hash {}, content hashes to {})",
                stored.short(16),
                computed.short(16)
            ),
            Fault::LinkBroken { expected, found } => write!(
                f,
                "event #{seq}: link broken (it follows {}, but the event before hashes to {}; \
                 the event before was altered or replaced, or events were reordered)",
                found.short(16),
                expected.short(16)
            ),
            Fault::Unreadable { detail } => write!(f, "event #{seq}: unreadable ({detail})"),
            Fault::MissingAtEnd { recorded_head } if *recorded_head == seq => {
                write!(f, "event #{seq} is missing from the end (deleted)")
            }
            Fault::MissingAtEnd { recorded_head } => write!(
                f,
                "events #{seq} to #{recorded_head} are missing from the end (deleted)"
            ),
            Fault::HeadMismatch { recorded_head } => write!(
                f,
                "event #{seq}: not the event the journal recorded as its last (#{recorded_head}); \
                 added or replaced outside AirDesk"
            ),
            Fault::CheckpointMismatch { recorded } => write!(
                f,
                "event #{seq} is not the event this desk last saw there (hash {}): another \
                 journal, a -wal file that does not belong to it, or the journal was rewritten",
                recorded.short(16)
            ),
        }
    }
}

/// A stored row that could not be turned into an [`Event`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRow {
    /// Its sequence number as stored, if that much could be read.
    pub seq: Option<i64>,
    /// What is wrong with it.
    pub detail: String,
}

/// Incremental chain check: feed rows in ascending sequence order, then [`ChainCheck::finish`].
#[derive(Debug)]
pub struct ChainCheck {
    expected: u64,
    prev: Hash,
    /// Resuming from a checkpoint: the first row fed must be the checkpoint's event, with this
    /// hash.
    anchor: Option<Hash>,
}

impl Default for ChainCheck {
    fn default() -> Self {
        ChainCheck {
            expected: 1,
            prev: Hash::GENESIS,
            anchor: None,
        }
    }
}

impl ChainCheck {
    /// A check at the start of an empty chain.
    pub fn new() -> Self {
        Self::default()
    }

    /// A check that resumes at `checkpoint`: feed rows from the checkpoint's own event on (its
    /// content and hash are checked against the checkpoint, the rest as usual), so a long journal
    /// is verified from where it was last seen intact. A checkpoint at 0 starts from the genesis.
    pub fn resume(checkpoint: &super::Checkpoint) -> Self {
        match checkpoint.seq {
            0 => Self::new(),
            seq => ChainCheck {
                expected: seq,
                prev: checkpoint.hash,
                anchor: Some(checkpoint.hash),
            },
        }
    }

    /// The sequence number the next row must carry.
    pub fn next_seq(&self) -> u64 {
        self.expected
    }

    /// Check the next row; `Some` is the first break (stop feeding then).
    pub fn row(&mut self, row: Result<&Event, UnreadableRow>) -> Option<Break> {
        let event = match row {
            Ok(event) => event,
            Err(bad) => {
                let seq = bad
                    .seq
                    .and_then(|s| u64::try_from(s).ok())
                    .filter(|s| *s >= self.expected)
                    .unwrap_or(self.expected);
                return Some(Break {
                    seq,
                    fault: Fault::Unreadable { detail: bad.detail },
                });
            }
        };
        if event.seq > self.expected {
            return Some(Break {
                seq: event.seq,
                fault: Fault::SequenceGap {
                    expected: self.expected,
                },
            });
        }
        if event.seq < self.expected {
            return Some(Break {
                seq: self.expected,
                fault: Fault::Unreadable {
                    detail: format!("sequence number {} out of order", event.seq),
                },
            });
        }
        let computed = event.computed_hash();
        if let Some(recorded) = self.anchor.take() {
            if computed != recorded || event.hash != recorded {
                return Some(Break {
                    seq: event.seq,
                    fault: Fault::CheckpointMismatch { recorded },
                });
            }
            self.expected += 1;
            return None;
        }
        if computed != event.hash {
            return Some(Break {
                seq: event.seq,
                fault: Fault::ContentChanged {
                    stored: event.hash,
                    computed,
                },
            });
        }
        if event.prev_hash != self.prev {
            return Some(Break {
                seq: event.seq,
                fault: Fault::LinkBroken {
                    expected: self.prev,
                    found: event.prev_hash,
                },
            });
        }
        self.expected += 1;
        self.prev = event.hash;
        None
    }

    /// Compare the end of the chain with the head the backend recorded.
    pub fn finish(self, head_seq: u64, head_hash: Hash) -> Verification {
        if self.anchor.is_some() {
            // The checkpoint's event is not there at all: the journal ends before it.
            return Verification::Broken(Break {
                seq: self.expected,
                fault: Fault::MissingAtEnd {
                    recorded_head: self.expected,
                },
            });
        }
        let last = self.expected - 1;
        let fault = |seq| {
            Verification::Broken(Break {
                seq,
                fault: Fault::HeadMismatch {
                    recorded_head: head_seq,
                },
            })
        };
        if last < head_seq {
            Verification::Broken(Break {
                seq: last + 1,
                fault: Fault::MissingAtEnd {
                    recorded_head: head_seq,
                },
            })
        } else if last > head_seq {
            fault(head_seq + 1)
        } else if self.prev != head_hash {
            fault(last.max(1))
        } else {
            Verification::Intact {
                events: last,
                last_hash: self.prev,
            }
        }
    }
}

/// Verify a journal on opening, from `checkpoint` (the head this desk last saw intact) on, with
/// `verify_from` walking the backend's rows from a given checkpoint to its recorded head. A break
/// found that way is placed exactly by a walk from the start, unless that walk finds the chain
/// intact (then the journal is not the one the checkpoint saw, and the checkpoint's finding
/// stands).
pub(super) fn check_from_checkpoint(
    checkpoint: &super::Checkpoint,
    mut verify_from: impl FnMut(&super::Checkpoint) -> Result<Verification, super::JournalError>,
) -> Result<Verification, super::JournalError> {
    let found = verify_from(checkpoint)?;
    if checkpoint.seq == 0 || matches!(found, Verification::Intact { .. }) {
        return Ok(found);
    }
    Ok(match verify_from(&super::Checkpoint::GENESIS)? {
        Verification::Intact { .. } => found,
        from_start => from_start,
    })
}
