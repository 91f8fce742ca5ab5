//! Reading an input file whole, safely: only regular files (a FIFO, a device such as `/dev/zero`
//! or a folder named as a data file is refused with the reason instead of hanging or filling the
//! memory), never more than a stated number of bytes, and gzip content unpacked up to a cap.
//!
//! The caps keep the peak memory of reading one input within about three times its unpacked
//! size and below 2 GiB: [`MAX_FILE_BYTES`] for a file as read, [`MAX_UNPACKED_BYTES`] for what a
//! gzip file or a workbook's zip entries unpack to.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::reason::{FileKind, Reason};

/// The largest file read (bytes as stored).
pub const MAX_FILE_BYTES: u64 = 680 << 20;

/// The most a compressed input (gzip content, a workbook's zip entries) may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 680 << 20;

/// The largest hand-made list read (roster, contacts, findings, AQI forecast): such files are
/// kilobytes; their rows are all held in memory.
pub const MAX_LIST_BYTES: u64 = 64 << 20;

/// Read a list file (at most [`MAX_LIST_BYTES`]) and `parse` it; a file that cannot be read
/// gives an empty result and a report that says why.
pub fn parse_list_file<T: Default>(
    path: &Path,
    parse: impl FnOnce(&[u8]) -> (T, super::FileReport),
) -> (T, super::FileReport) {
    match read_file(path, MAX_LIST_BYTES) {
        Ok(bytes) => parse(&bytes),
        Err(e) => {
            let mut report = super::FileReport::new(path);
            report.fatal(e.reason());
            (T::default(), report)
        }
    }
}

/// Why a file was not read. The load report words it through [`InputError::reason`]; `Display`
/// gives the same words in English for callers that have no language (settings, plan, logs).
#[derive(Debug)]
pub enum InputError {
    /// A FIFO, device, socket or folder where a file was expected.
    NotRegular {
        /// What it is instead.
        kind: FileKind,
    },
    /// Larger than the cap.
    TooLarge {
        /// Its size in MiB (at least; the read stopped at the cap).
        size: u64,
        /// The cap in MiB.
        limit: u64,
    },
    /// The operating system refused or failed.
    Io(std::io::Error),
}

impl InputError {
    /// The reason for a load report.
    pub fn reason(&self) -> Reason {
        match self {
            InputError::NotRegular { kind } => Reason::NotRegular { kind: *kind },
            InputError::TooLarge { size, limit } => Reason::FileTooLarge {
                size_mib: *size,
                limit_mib: *limit,
            },
            InputError::Io(e) => Reason::CannotRead {
                detail: e.to_string(),
            },
        }
    }
}

impl From<std::io::Error> for InputError {
    fn from(e: std::io::Error) -> Self {
        InputError::Io(e)
    }
}

/// A whole file the app reads for itself (the settings, the plan) that could not be used, and
/// why; the interface and the CLI word it in the user's language through `crate::i18n`.
#[derive(Debug, Clone, PartialEq)]
pub struct FileProblem {
    /// The file.
    pub path: PathBuf,
    /// Why it could not be used.
    pub reason: Reason,
}

impl FileProblem {
    /// `path` could not be read.
    pub fn unreadable(path: &Path, error: &InputError) -> Self {
        FileProblem {
            path: path.to_path_buf(),
            reason: error.reason(),
        }
    }
}

/// In English, for logs; what users see goes through [`InputError::reason`].
impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{Render, Tr};
        f.write_str(&self.reason().render(Tr(crate::i18n::Language::En)))
    }
}

impl std::error::Error for InputError {}

/// Read a regular file whole, at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    // Look before opening: opening a FIFO for reading blocks until someone writes to it.
    check_regular(&std::fs::metadata(path)?)?;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    check_regular(&meta)?;
    if meta.len() > limit {
        return Err(too_large(meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Read a regular text file whole (settings, plans, profiles), at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<String, InputError> {
    let bytes = read_file(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        InputError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text ({e})"),
        ))
    })
}

/// Refuse anything but a regular file, naming what it is.
pub fn check_regular(meta: &std::fs::Metadata) -> Result<(), InputError> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let kind = if t.is_dir() {
        FileKind::Folder
    } else {
        special_kind(&t)
    };
    Err(InputError::NotRegular { kind })
}

#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> FileKind {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        FileKind::Fifo
    } else if t.is_char_device() || t.is_block_device() {
        FileKind::Device
    } else if t.is_socket() {
        FileKind::Socket
    } else {
        FileKind::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> FileKind {
    FileKind::Other
}

fn too_large(size: u64, limit: u64) -> InputError {
    InputError::TooLarge {
        size: size >> 20,
        limit: limit >> 20,
    }
}

/// Unpack gzip bytes (all members), at most `limit` bytes. The buffer is sized once from the
/// size the gzip trailer states (when plausible), so it is not regrown (and briefly doubled) on
/// the way.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, Reason> {
    let stated = bytes
        .len()
        .checked_sub(4)
        .and_then(|i| bytes.get(i..))
        .and_then(|t| t.try_into().ok())
        .map(|t: [u8; 4]| u64::from(u32::from_le_bytes(t)))
        .unwrap_or(0);
    let mut out = Vec::with_capacity(stated.min(limit) as usize + 1);
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| Reason::GzipDamaged {
            detail: e.to_string(),
        })?;
    if out.len() as u64 > limit {
        return Err(Reason::GzipTooLarge {
            limit_mib: limit >> 20,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_and_others_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.csv");
        std::fs::write(&file, b"12345").expect("write");
        assert_eq!(read_file(&file, 5).expect("read"), b"12345");
        assert!(matches!(
            read_file(&file, 4),
            Err(InputError::TooLarge { .. })
        ));
        assert!(matches!(
            read_file(dir.path(), 5),
            Err(InputError::NotRegular {
                kind: FileKind::Folder
            })
        ));
        assert!(matches!(
            read_file(&dir.path().join("none.csv"), 5),
            Err(InputError::Io(_))
        ));
    }

    /// `/dev/zero` grew to 24 GB and a FIFO hung the load forever (#11 item 2).
    #[cfg(unix)]
    #[test]
    fn a_device_and_a_fifo_are_refused_at_once() {
        let err = read_file(Path::new("/dev/zero"), MAX_FILE_BYTES).expect_err("device");
        assert!(err.to_string().contains("a device"), "{err}");
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("data.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let err = read_file(&fifo, MAX_FILE_BYTES).expect_err("fifo");
        assert!(err.to_string().contains("FIFO"), "{err}");
    }

    #[test]
    fn gunzip_stops_at_the_cap() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&[b'a'; 10_000]).expect("gzip");
        let bytes = gz.finish().expect("gzip");
        assert_eq!(gunzip(&bytes, 10_000).expect("unpack").len(), 10_000);
        let err = gunzip(&bytes, 9_999).expect_err("over the cap");
        assert_eq!(err, Reason::GzipTooLarge { limit_mib: 0 });
    }
}
