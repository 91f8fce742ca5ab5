//! System file dialogs (rfd), run off the UI thread, and detection of their absence.
//!
//! On Linux rfd talks to the desktop portal (xdg-desktop-portal) and falls back to `zenity`; with
//! neither it returns nothing, exactly as if the user had cancelled. The app must not fail
//! silently there, so it (1) guesses up front whether a dialog can work at all and (2) learns from
//! rfd's own error log (see `logging.rs`) whether a dialog that returned nothing actually failed.
//! Either way the data page then offers a path field, drag-and-drop and the recent list instead
//! (for an evidence file or feedback forms, the response checklist's path fields).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// Data files to load.
    DataFiles,
    /// A workspace folder.
    WorkspaceFolder,
    /// One evidence file for a checklist item (any type; only hashed, never copied).
    EvidenceFile,
    /// Filled feedback forms to import (several at once).
    FeedbackForms,
}

/// What a dialog returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogOutcome {
    /// What it was for.
    pub kind: DialogKind,
    /// The chosen paths (empty when cancelled or failed).
    pub paths: Vec<PathBuf>,
    /// The dialog could not be shown at all (no portal, no zenity).
    pub unavailable: bool,
}

static BACKEND_FAILED: AtomicBool = AtomicBool::new(false);

/// Called by the logger when rfd reports an error: the dialog in flight did not really show.
pub fn note_backend_error() {
    BACKEND_FAILED.store(true, Ordering::SeqCst);
}

/// Whether a system dialog can plausibly be shown: always on Windows and macOS; on other Unixes
/// when `zenity` is installed or a D-Bus session bus (which the portal needs) is reachable.
pub fn likely_available() -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        return true;
    }
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|d| PathBuf::from(d).join("bus").exists());
    zenity || bus
}

/// Show the dialog and hand its outcome to `done`. On macOS the dialog must run on the main
/// thread, so it blocks the UI while open (it is modal anyway); elsewhere it runs on a thread of
/// its own and the UI keeps drawing.
pub fn open(
    kind: DialogKind,
    title: String,
    start_dir: Option<PathBuf>,
    done: impl FnOnce(DialogOutcome) + Send + 'static,
) {
    let run = move || {
        BACKEND_FAILED.store(false, Ordering::SeqCst);
        let mut dialog = rfd::FileDialog::new().set_title(title);
        if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        let paths = match kind {
            DialogKind::DataFiles => dialog
                .add_filter(
                    "CSV / Excel / JSON / TXT / GZ",
                    &crate::workspace::DATA_EXTENSIONS,
                )
                .add_filter("*", &["*"])
                .pick_files()
                .unwrap_or_default(),
            DialogKind::WorkspaceFolder => dialog.pick_folder().into_iter().collect(),
            DialogKind::EvidenceFile => dialog.pick_file().into_iter().collect(),
            DialogKind::FeedbackForms => dialog
                .add_filter("Excel / CSV", &["xlsx", "xls", "csv"])
                .add_filter("*", &["*"])
                .pick_files()
                .unwrap_or_default(),
        };
        let unavailable = paths.is_empty() && BACKEND_FAILED.load(Ordering::SeqCst);
        done(DialogOutcome {
            kind,
            paths,
            unavailable,
        });
    };
    if cfg!(target_os = "macos") {
        run();
    } else if let Err(e) = std::thread::Builder::new()
        .name("airdesk-dialog".into())
        .spawn(run)
    {
        log::error!("cannot start the file dialog thread: {e}");
    }
}
