//! The single-writer rule: an advisory lock on `journal.lock` in the workspace folder.
//!
//! The first instance to take the lock writes; later ones open read-only and show who holds it.
//! The operating system drops the lock when the holder exits or is killed, so a crash never leaves
//! a workspace stuck. The file itself is never deleted (deleting lock files races).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::Path;

use super::LOCK_FILE;
use super::error::JournalError;
use super::storage::ReadOnlyReason;

/// The writer lock, held until dropped.
#[derive(Debug)]
pub(super) struct WorkspaceLock {
    _file: File,
}

/// What trying to become the writer gave.
#[derive(Debug)]
pub(super) enum LockOutcome {
    /// This process is the writer.
    Acquired(WorkspaceLock),
    /// Someone else is, or nobody can be.
    ReadOnly(ReadOnlyReason),
}

/// Try to take the workspace's writer lock without waiting.
pub(super) fn acquire(dir: &Path) -> Result<LockOutcome, JournalError> {
    let path = dir.join(LOCK_FILE);
    let mut file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if is_read_only(&e) => {
            return Ok(LockOutcome::ReadOnly(ReadOnlyReason::ReadOnlyMedium {
                detail: format!("cannot create {}: {e}", path.display()),
            }));
        }
        Err(source) => return Err(JournalError::Io { path, source }),
    };
    match file.try_lock() {
        Ok(()) => {
            // Who holds the lock, for the other instance's banner. Cosmetic: the lock itself is
            // what matters, so a failure to write this is not an error.
            let _ = file
                .set_len(0)
                .and_then(|()| write!(file, "pid {}", std::process::id()));
            Ok(LockOutcome::Acquired(WorkspaceLock { _file: file }))
        }
        Err(TryLockError::WouldBlock) => {
            // On Windows the holder's lock also blocks reading, so the holder may stay unknown.
            let holder = std::fs::read_to_string(&path)
                .ok()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            Ok(LockOutcome::ReadOnly(ReadOnlyReason::OtherInstance {
                holder,
            }))
        }
        Err(TryLockError::Error(e)) => Ok(LockOutcome::ReadOnly(ReadOnlyReason::ReadOnlyMedium {
            detail: format!(
                "cannot lock {} (file locking unavailable): {e}",
                path.display()
            ),
        })),
    }
}

/// Whether another process holds the writer lock of `dir` right now. Looks without creating or
/// writing anything: no lock file means no writer.
pub(super) fn held_elsewhere(dir: &Path) -> bool {
    let Ok(file) = File::open(dir.join(LOCK_FILE)) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

/// Errors that mean "this medium or folder cannot be written", as opposed to real failures.
pub(super) fn is_read_only(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_in_the_same_process_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path()).unwrap();
        assert!(matches!(first, LockOutcome::Acquired(_)));
        match acquire(dir.path()).unwrap() {
            LockOutcome::ReadOnly(ReadOnlyReason::OtherInstance { holder }) => {
                #[cfg(unix)]
                assert_eq!(holder, Some(format!("pid {}", std::process::id())));
                let _ = holder;
            }
            other => panic!("expected read-only, got {other:?}"),
        }
        drop(first);
        assert!(matches!(
            acquire(dir.path()).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }

    #[test]
    fn read_only_media_errors_are_recognised() {
        assert!(is_read_only(&io::Error::from(
            io::ErrorKind::ReadOnlyFilesystem
        )));
        assert!(is_read_only(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
        assert!(!is_read_only(&io::Error::from(io::ErrorKind::NotFound)));
    }

    #[test]
    fn missing_folder_is_an_error_not_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        assert!(matches!(acquire(&missing), Err(JournalError::Io { .. })));
    }
}
