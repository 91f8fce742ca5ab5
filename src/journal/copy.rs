//! Moving a journal between backends (a desk's folder and a centre's server, either way) with the
//! chain verified on both ends: the events are copied as they are (same numbers, times, desks,
//! hashes), so the last hash printed in old reports still anchors the copy.

use super::error::JournalError;
use super::hash::Hash;
use super::storage::Storage;
use super::verify::{Break, Verification};

/// What a copy did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copied {
    /// Events copied.
    pub events: u64,
    /// The last event's hash, the same on both ends.
    pub last_hash: Hash,
}

/// Why a journal was not copied; the destination is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The source's chain is broken: a broken journal is not spread further.
    #[error("the source journal is not intact ({0}); nothing was copied")]
    SourceBroken(Break),
    /// The destination already holds events (a copy never merges two journals).
    #[error("the destination already holds {0} events; copy into an empty journal")]
    DestinationNotEmpty(u64),
    /// After the copy the destination did not verify to the source's last hash.
    #[error("the copy does not verify like the source: {0}")]
    DestinationDiffers(String),
    /// Opening, reading or writing failed.
    #[error(transparent)]
    Journal(#[from] JournalError),
}

/// Copy every event of `source` into the empty `destination` in one transaction, verifying the
/// source first and the destination after.
pub fn copy(source: &dyn Storage, destination: &mut dyn Storage) -> Result<Copied, CopyError> {
    let (events, last_hash) = match source.verify()? {
        Verification::Intact { events, last_hash } => (events, last_hash),
        Verification::Broken(b) => return Err(CopyError::SourceBroken(b)),
    };
    match destination.verify()? {
        Verification::Intact { events: 0, .. } => {}
        Verification::Intact { events, .. } => return Err(CopyError::DestinationNotEmpty(events)),
        Verification::Broken(b) => return Err(CopyError::DestinationNotEmpty(b.seq)),
    }
    destination.import(&source.read_since(0)?)?;
    match destination.verify()? {
        Verification::Intact {
            events: copied,
            last_hash: copied_hash,
        } if copied == events && copied_hash == last_hash => Ok(Copied { events, last_hash }),
        other => Err(CopyError::DestinationDiffers(format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Author, SqliteStorage};

    #[test]
    fn copies_verbatim_into_an_empty_journal_only() {
        let mut source = SqliteStorage::open_in_memory().expect("source");
        let author = Author::new("张伟", "desk-1").expect("author");
        let at = |h: u32| {
            chrono::DateTime::parse_from_rfc3339(&format!("2019-12-10T{h:02}:00:00+08:00"))
                .expect("t")
        };
        for (i, h) in [9, 11, 10].into_iter().enumerate() {
            source
                .append(&author.draft(at(h), "test.noted", &i).expect("draft"))
                .expect("append");
        }
        let mut destination = SqliteStorage::open_in_memory().expect("destination");
        let copied = copy(&source, &mut destination).expect("copy");
        assert_eq!(copied.events, 3);
        assert_eq!(
            destination.read_since(0).expect("read"),
            source.read_since(0).expect("read")
        );
        assert!(matches!(
            copy(&source, &mut destination),
            Err(CopyError::DestinationNotEmpty(3))
        ));
        let mut tampered = source.read_since(0).expect("read");
        tampered[1].payload = "7".into();
        let mut other = SqliteStorage::open_in_memory().expect("other");
        assert!(other.import(&tampered).is_err());
        assert_eq!(
            other.read_since(0).expect("read").len(),
            0,
            "all or nothing"
        );
    }
}
