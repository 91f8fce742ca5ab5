//! Notice when data files change on disk: a background thread polls their size and modification
//! time.
//!
//! Polling rather than OS notifications (`notify`/inotify) on purpose: data often lives on SMB/NFS
//! shares and USB sticks, where inotify and ReadDirectoryChangesW miss changes made by other
//! computers; a few hundred `stat` calls every two seconds cost nothing and behave the same
//! everywhere. A change is reported only once the files have stopped changing for one interval, so
//! a file still being copied is not loaded half-written.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// What the poller looks at: single files and folders (listed recursively for data files).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchSet {
    /// Files to watch (a file that appears or disappears counts as a change).
    pub files: Vec<PathBuf>,
    /// Folders whose data files are watched, new files included.
    pub folders: Vec<PathBuf>,
}

/// A snapshot of the watched files: path, size and modification time of each.
pub type Fingerprint = Vec<(PathBuf, Option<(u64, SystemTime)>)>;

impl WatchSet {
    /// The current state of every watched file.
    pub fn fingerprint(&self) -> Fingerprint {
        let mut paths = self.files.clone();
        for folder in &self.folders {
            list(folder, 0, &mut paths);
        }
        paths.sort();
        paths.dedup();
        paths
            .into_iter()
            .map(|p| {
                let meta = std::fs::metadata(&p)
                    .ok()
                    .and_then(|m| Some((m.len(), m.modified().ok()?)));
                (p, meta)
            })
            .collect()
    }
}

fn list(dir: &std::path::Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if depth < 4 {
                list(&path, depth + 1, out);
            }
        } else if super::is_data_file(&path) {
            out.push(path);
        }
    }
}

/// A running poller. Dropping it stops the thread (within one interval).
pub struct Watcher {
    set: Arc<Mutex<WatchSet>>,
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// Start polling `set` every `interval`; `on_change` runs on the poller's thread after the
    /// files changed and then stayed unchanged for one interval.
    pub fn spawn(
        set: WatchSet,
        interval: Duration,
        on_change: impl Fn() + Send + 'static,
    ) -> Watcher {
        // The state at the call is the baseline: every change after it is reported.
        let baseline = set.fingerprint();
        let set = Arc::new(Mutex::new(set));
        let stop = Arc::new(AtomicBool::new(false));
        let (thread_set, thread_stop) = (Arc::clone(&set), Arc::clone(&stop));
        let spawned = std::thread::Builder::new()
            .name("airdesk-watch".into())
            .spawn(move || {
                let current = |s: &Mutex<WatchSet>| {
                    s.lock()
                        .map(|g| g.clone())
                        .unwrap_or_default()
                        .fingerprint()
                };
                let mut last = baseline;
                let mut pending = false;
                while !thread_stop.load(Ordering::Relaxed) {
                    std::thread::sleep(interval);
                    if thread_stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let now = current(&thread_set);
                    if now != last {
                        last = now;
                        pending = true;
                    } else if pending {
                        pending = false;
                        on_change();
                    }
                }
            });
        if spawned.is_err() {
            // Without a thread there is no watching; F5 still reloads by hand.
            stop.store(true, Ordering::Relaxed);
        }
        Watcher { set, stop }
    }

    /// Replace what is watched (after files were added or removed). The new set's current state
    /// is not reported as a change.
    pub fn set(&self, set: WatchSet) {
        if let Ok(mut guard) = self.set.lock() {
            *guard = set;
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn fingerprint_sees_new_and_changed_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let set = WatchSet {
            files: vec![dir.path().join("missing.csv")],
            folders: vec![dir.path().to_path_buf()],
        };
        let a = set.fingerprint();
        assert_eq!(a.len(), 1);
        assert!(a[0].1.is_none());
        std::fs::write(dir.path().join("new.csv"), "1").expect("write");
        std::fs::write(dir.path().join("notes.md"), "1").expect("write");
        let b = set.fingerprint();
        assert_eq!(b.len(), 2);
        std::fs::write(dir.path().join("new.csv"), "12").expect("write");
        assert_ne!(set.fingerprint(), b);
    }

    #[test]
    fn reports_a_change_once_it_settles() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (tx, rx) = mpsc::channel();
        let watcher = Watcher::spawn(
            WatchSet {
                files: Vec::new(),
                folders: vec![dir.path().to_path_buf()],
            },
            Duration::from_millis(20),
            move || {
                let _ = tx.send(());
            },
        );
        std::fs::write(dir.path().join("a.csv"), "1").expect("write");
        assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok());
        drop(watcher);
    }
}
