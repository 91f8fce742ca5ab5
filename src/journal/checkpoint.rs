//! The checkpoint: the head (last sequence number and hash) of the journal as this desk last saw
//! it intact. Every open verifies the chain from the checkpoint on (so a large journal opens fast)
//! and checks that the checkpoint's event is still there with the same hash: a journal replaced by
//! another one, or overlaid by a `-wal` file that does not belong to it, fails that check even when
//! its own chain is intact.
//!
//! The checkpoint must live where the journal's own storage cannot overlay it. The SQLite backend
//! keeps it in a sidecar file ([`CHECKPOINT_FILE`]) written atomically after every append; another
//! backend keeps the same two values wherever suits it and uses the same [`ChainCheck::resume`].
//!
//! [`ChainCheck::resume`]: super::ChainCheck::resume

use std::path::Path;

use super::hash::Hash;

/// File name of the SQLite backend's checkpoint, beside `journal.sqlite`.
pub const CHECKPOINT_FILE: &str = "journal.head";

/// A head the journal had: `seq` and the hash of event `seq` (`0` and [`Hash::GENESIS`] for an
/// empty journal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// Sequence number of the last event seen intact.
    pub seq: u64,
    /// Its hash.
    pub hash: Hash,
}

impl Checkpoint {
    /// The start of every chain.
    pub const GENESIS: Checkpoint = Checkpoint {
        seq: 0,
        hash: Hash::GENESIS,
    };

    /// The checkpoint as one line of text: `seq hash`.
    pub fn to_line(&self) -> String {
        format!("{} {}\n", self.seq, self.hash)
    }

    /// Read a checkpoint line; `None` when it is not one (a damaged file counts as none, and
    /// the journal is then verified from its start).
    pub fn parse(text: &str) -> Option<Checkpoint> {
        let (seq, hash) = text.trim().split_once(' ')?;
        Some(Checkpoint {
            seq: seq.parse().ok()?,
            hash: hash.parse().ok()?,
        })
    }

    /// The checkpoint kept in folder `dir`, if there is a readable one.
    pub fn read(dir: &Path) -> Option<Checkpoint> {
        Checkpoint::read_file(&dir.join(CHECKPOINT_FILE))
    }

    /// Keep this checkpoint in folder `dir`, atomically (readers see the old one or the new one).
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        self.write_file(&dir.join(CHECKPOINT_FILE))
    }

    /// The checkpoint kept in file `path` (a server journal's, named after the journal's id).
    pub fn read_file(path: &Path) -> Option<Checkpoint> {
        let text = crate::ingest::input::read_text(path, 4096).ok()?;
        Checkpoint::parse(&text)
    }

    /// Keep this checkpoint in file `path`, atomically.
    pub fn write_file(&self, path: &Path) -> std::io::Result<()> {
        crate::workspace::write_atomic(path, self.to_line().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_junk() {
        let c = Checkpoint {
            seq: 433,
            hash: Hash([7; 32]),
        };
        assert_eq!(Checkpoint::parse(&c.to_line()), Some(c));
        assert_eq!(Checkpoint::parse(""), None);
        assert_eq!(Checkpoint::parse("12"), None);
        assert_eq!(Checkpoint::parse("x 00"), None);
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(Checkpoint::read(dir.path()), None);
        c.write(dir.path()).expect("write");
        assert_eq!(Checkpoint::read(dir.path()), Some(c));
    }
}
