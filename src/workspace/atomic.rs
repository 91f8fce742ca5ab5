//! Atomic file replacement: a crash or a full disk never leaves a half-written settings file or
//! export, and nothing is ever written through a symbolic link someone placed where the file goes.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Write `bytes` to `path` by writing a temporary file beside it, flushing it to disk and renaming
/// it over `path`. Readers see either the old or the new content, never a mix. The temporary file
/// is created new (never opened if something, a symbolic link included, already has its name),
/// and the rename replaces a link at `path` instead of writing to where it points.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (mut f, tmp) = create_temp(path)?;
    let result = (|| {
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A new, empty temporary file beside `path`; names already taken are skipped.
fn create_temp(path: &Path) -> std::io::Result<(File, PathBuf)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut last = None;
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = path.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((f, tmp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.toml");
        write_atomic(&path, b"a = 1\n").expect("write");
        write_atomic(&path, b"a = 2\n").expect("rewrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"a = 2\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(write_atomic(&dir.path().join("missing/x.toml"), b"").is_err());
    }

    /// An export never writes through a symbolic link already placed at its name (#11 item 10):
    /// the link is replaced by the file and its target is untouched.
    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_destination_is_replaced_not_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("elsewhere.txt");
        std::fs::write(&target, b"keep").expect("write");
        let link = dir.path().join("台账.csv");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        write_atomic(&link, b"ledger").expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"keep");
        assert!(!std::fs::symlink_metadata(&link).expect("meta").is_symlink());
        assert_eq!(std::fs::read(&link).expect("read"), b"ledger");
    }
}
