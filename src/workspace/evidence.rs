//! Evidence files (a checklist item's, a check's, a supervision rectification's) are named with
//! the SHA-256 of their content: the hash proves later which file was meant. The journal's
//! evidence store (`crate::session::EvidenceStore`) copies them in under that hash.

use std::io::{Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

/// The SHA-256 of a file's content as lowercase hex, read in blocks; `progress` hears the bytes
/// read so far and the file's size after each block (a large scan on a network share takes a
/// while, and runs off the UI thread with its progress shown).
/// Only regular files are read: a FIFO or a device chosen as evidence would block or never end.
pub fn sha256_file(path: &Path, progress: impl FnMut(u64, u64)) -> std::io::Result<String> {
    sha256_copy(path, &mut std::io::sink(), progress)
}

/// [`sha256_file`], writing the content to `sink` as it is read (the evidence store copies a
/// file and hashes it in one pass).
pub fn sha256_copy(
    path: &Path,
    sink: &mut impl Write,
    mut progress: impl FnMut(u64, u64),
) -> std::io::Result<String> {
    crate::ingest::input::check_regular(&std::fs::metadata(path)?)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut file = std::fs::File::open(path)?;
    let total = file.metadata().map_or(0, |m| m.len());
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut done = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        sink.write_all(&buf[..n])?;
        done += n as u64;
        progress(done, total.max(done));
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_in_blocks_and_reports_progress() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("photo.jpg");
        std::fs::write(&path, b"abc").expect("write");
        let mut seen = Vec::new();
        let hex = sha256_file(&path, |done, total| seen.push((done, total))).expect("hash");
        assert_eq!(
            hex,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(seen, [(3, 3)]);
        let big = dir.path().join("scan.tif");
        std::fs::write(&big, vec![7u8; 600 * 1024]).expect("write");
        let mut steps = 0;
        sha256_file(&big, |_, total| {
            steps += 1;
            assert_eq!(total, 600 * 1024);
        })
        .expect("hash");
        assert_eq!(steps, 3);
        assert!(sha256_file(&dir.path().join("missing"), |_, _| ()).is_err());
        // A device, a FIFO or a folder is refused at once instead of hanging the worker (#11
        // item 10).
        #[cfg(unix)]
        assert!(sha256_file(Path::new("/dev/zero"), |_, _| ()).is_err());
        assert!(sha256_file(dir.path(), |_, _| ()).is_err());
    }
}
