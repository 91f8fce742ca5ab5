//! The journal's evidence store: files sent with reports and checks (photos, scanned forms) are
//! copied in under the SHA-256 of their content, so the journal stays the record and any desk
//! opens the very file an event names. A workspace's own journal keeps them in its folder
//! (`evidence/<sha256>.<ext>`); a server journal in its database (`airdesk.evidence`), where every
//! desk reaches them. Photos' EXIF time and position are read as they are stored.
//!
//! The store is plain data (where it is), so the app hands it to a worker thread: hashing and
//! copying a large file never blocks the interface.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::response::EvidenceFile;
use crate::ingest::photo::{photo_facts, read_photo_file};
use crate::journal::postgres::MAX_EVIDENCE_BYTES;
use crate::journal::{EvidenceServer, ServerUrl};
use crate::workspace::{sha256_copy, sha256_file};

/// The folder of a workspace's evidence store.
pub const EVIDENCE_DIR: &str = "evidence";

/// Where a journal keeps its evidence files.
#[derive(Debug, Clone)]
pub enum EvidenceStore {
    /// A workspace's own journal: files in `<workspace>/evidence/`. The workspace folder is kept
    /// to find evidence recorded before the store existed (named relative to it, not copied).
    Folder {
        /// The workspace folder.
        workspace: PathBuf,
    },
    /// A server journal: the database's evidence table.
    Server(Box<ServerUrl>),
}

impl PartialEq for EvidenceStore {
    /// The same folder, or the same server, database and login (passwords are not compared).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Folder { workspace: a }, Self::Folder { workspace: b }) => a == b,
            (Self::Server(a), Self::Server(b)) => a.to_string() == b.to_string(),
            _ => false,
        }
    }
}

/// Why an evidence file could not be stored, read or opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvidenceError {
    /// The file to store could not be read.
    #[error("cannot read {path}: {reason}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's words.
        reason: String,
    },
    /// The store could not be written (a read-only workspace, a full disk, a viewer login).
    #[error("cannot store the evidence file: {0}")]
    Store(String),
    /// Larger than a server journal takes.
    #[error("{name} is {bytes} bytes; a server journal takes evidence files up to {limit} bytes")]
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The store holds no file with this hash.
    #[error("the evidence store holds no file {name} ({sha256})")]
    NotFound {
        /// The name the record gives.
        name: String,
        /// The hash the record gives.
        sha256: String,
    },
    /// Evidence recorded before the store existed (by its path in the workspace, without a
    /// hash) whose file is not there.
    #[error(
        "{name} was recorded by its path only, before the evidence store, and is not in the workspace"
    )]
    Unstored {
        /// The path the record gives.
        name: String,
    },
    /// The stored file no longer hashes to what the record says (changed after it was stored).
    #[error("the stored file {name} no longer hashes to {sha256}: it was changed")]
    Changed {
        /// The name the record gives.
        name: String,
        /// The hash the record gives.
        sha256: String,
    },
}

impl EvidenceStore {
    /// Copy the file at `path` into the store, hashing it on the way (`progress` hears bytes
    /// done and the total), and read a photo's EXIF facts: the record an event keeps.
    pub fn put(
        &self,
        path: &Path,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<EvidenceFile, EvidenceError> {
        let read_error = |e: std::io::Error| EvidenceError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match self {
            EvidenceStore::Folder { workspace } => {
                let dir = workspace.join(EVIDENCE_DIR);
                std::fs::create_dir_all(&dir).map_err(store_error)?;
                let mut incoming = tempfile::NamedTempFile::new_in(&dir).map_err(store_error)?;
                let sha256 = sha256_copy(path, incoming.as_file_mut(), &mut progress).map_err(
                    |e| match e.kind() {
                        std::io::ErrorKind::StorageFull => store_error(e),
                        _ => read_error(e),
                    },
                )?;
                incoming.as_file_mut().sync_all().map_err(store_error)?;
                let stored = dir.join(stored_name(&sha256, &name));
                if !stored.exists() {
                    incoming
                        .persist(&stored)
                        .map_err(|e| store_error(e.error))?;
                }
                Ok(EvidenceFile {
                    photo: read_photo_file(&stored),
                    name,
                    sha256: Some(sha256),
                })
            }
            EvidenceStore::Server(server) => {
                let bytes = std::fs::metadata(path).map_err(read_error)?.len();
                if bytes > MAX_EVIDENCE_BYTES as u64 {
                    return Err(EvidenceError::TooLarge {
                        name,
                        bytes,
                        limit: MAX_EVIDENCE_BYTES as u64,
                    });
                }
                let mut content = Vec::with_capacity(bytes as usize);
                sha256_copy(path, &mut content, &mut progress).map_err(read_error)?;
                let sha256 = EvidenceServer::connect(server)
                    .and_then(|mut s| s.put(&name, &content))
                    .map_err(|e| EvidenceError::Store(e.to_string()))?;
                Ok(EvidenceFile {
                    photo: photo_facts(&content, bytes),
                    name,
                    sha256: Some(sha256),
                })
            }
        }
    }

    /// A local file with the content `file` names, checked against its hash, for the system
    /// program to open: the stored file itself in a workspace's store; for a server's, a
    /// temporary copy written into `temp_dir`. Evidence recorded before the store (no hash, a
    /// name relative to the workspace) is the workspace's file.
    pub fn local_copy(
        &self,
        file: &EvidenceFile,
        temp_dir: &Path,
    ) -> Result<PathBuf, EvidenceError> {
        let Some(sha256) = &file.sha256 else {
            return match self {
                EvidenceStore::Folder { workspace } if workspace.join(&file.name).is_file() => {
                    Ok(workspace.join(&file.name))
                }
                _ => Err(EvidenceError::Unstored {
                    name: file.name.clone(),
                }),
            };
        };
        match self {
            EvidenceStore::Folder { workspace } => {
                let stored = workspace
                    .join(EVIDENCE_DIR)
                    .join(stored_name(sha256, &file.name));
                match sha256_file(&stored, |_, _| ()) {
                    Ok(actual) if &actual == sha256 => Ok(stored),
                    Ok(_) => Err(EvidenceError::Changed {
                        name: file.name.clone(),
                        sha256: sha256.clone(),
                    }),
                    Err(_) => Err(not_found(file, sha256)),
                }
            }
            EvidenceStore::Server(server) => {
                let (_, content) = EvidenceServer::connect(server)
                    .and_then(|mut s| s.get(sha256))
                    .map_err(|e| EvidenceError::Store(e.to_string()))?
                    .ok_or_else(|| not_found(file, sha256))?;
                let copy = temp_dir.join(stored_name(sha256, &file.name));
                std::fs::create_dir_all(temp_dir)
                    .and_then(|()| std::fs::File::create(&copy))
                    .and_then(|mut f| f.write_all(&content))
                    .map_err(store_error)?;
                Ok(copy)
            }
        }
    }
}

/// The name a file is stored under: its hash and the original's extension (so the system knows
/// which program opens it), e.g. `3a7b…e1.jpg`.
pub fn stored_name(sha256: &str, original: &str) -> String {
    let ext: String = Path::new(original)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    match ext.as_str() {
        "" => sha256.to_owned(),
        ext => format!("{sha256}.{ext}"),
    }
}

fn store_error(e: std::io::Error) -> EvidenceError {
    EvidenceError::Store(e.to_string())
}

fn not_found(file: &EvidenceFile, sha256: &str) -> EvidenceError {
    EvidenceError::NotFound {
        name: file.name.clone(),
        sha256: sha256.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_store_keeps_one_copy_under_the_hash_and_finds_a_change() {
        let ws = tempfile::tempdir().expect("workspace");
        let outside = tempfile::tempdir().expect("outside");
        let photo = outside.path().join("现场照片.JPG");
        std::fs::write(&photo, crate::ingest::photo::tests::site_photo()).expect("write");
        let store = EvidenceStore::Folder {
            workspace: ws.path().to_path_buf(),
        };
        let mut steps = 0;
        let file = store.put(&photo, |_, _| steps += 1).expect("stored");
        assert!(steps >= 1);
        assert_eq!(file.name, "现场照片.JPG");
        let sha = file.sha256.clone().expect("hash");
        assert!(file.photo.as_ref().expect("a photo").position.is_some());
        // Stored once, under its hash; storing it again changes nothing.
        let again = store.put(&photo, |_, _| ()).expect("again");
        assert_eq!(again, file);
        let stored: Vec<_> = std::fs::read_dir(ws.path().join(EVIDENCE_DIR))
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(stored, [std::ffi::OsString::from(format!("{sha}.jpg"))]);
        // The original may go: the store has its own copy.
        std::fs::remove_file(&photo).expect("remove");
        let local = store.local_copy(&file, outside.path()).expect("open");
        assert!(local.starts_with(ws.path()));
        std::fs::write(&local, b"edited").expect("tamper");
        assert!(matches!(
            store.local_copy(&file, outside.path()),
            Err(EvidenceError::Changed { .. })
        ));
        let missing = EvidenceFile {
            sha256: Some("0".repeat(64)),
            ..file
        };
        assert!(matches!(
            store.local_copy(&missing, outside.path()),
            Err(EvidenceError::NotFound { .. })
        ));
        // A file that cannot be read is said, not a panic; a PDF is no photo.
        assert!(matches!(
            store.put(&outside.path().join("gone.jpg"), |_, _| ()),
            Err(EvidenceError::Read { .. })
        ));
        let pdf = outside.path().join("form.pdf");
        std::fs::write(&pdf, b"%PDF-1.7\n").expect("write");
        assert_eq!(store.put(&pdf, |_, _| ()).expect("stored").photo, None);
    }
}
