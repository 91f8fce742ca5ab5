//! The workspace: one folder holding everything a duty desk works with.
//!
//! ```text
//! <workspace>/
//!   data/            data files the user copies in (loaded automatically, never written)
//!   plan.toml        the local emergency plan (levels, measures, units)
//!   journal.sqlite   the append-only event journal
//!   settings.toml    language, renderer, area, referenced data files, recent files …
//!   profiles/        per-user or per-shift profiles
//! ```
//!
//! Data files opened from elsewhere are *referenced by path* in `settings.toml`, not copied: the
//! national feed or a bureau's export folder is often refreshed in place, and a reference picks up
//! every refresh (the [`watch`] poller reloads on change). To carry a workspace to another
//! computer, put the files into `data/`. The app writes only its own files (`settings.toml` here,
//! `plan.toml` and `journal.sqlite` through their modules) and never a data file.
//!
//! A workspace on a medium that cannot be written (CD, write-protected USB stick, read-only
//! share) opens read-only: everything can be viewed, nothing is saved, and the UI says so.

mod app_state;
mod atomic;
mod evidence;
mod folders;
pub mod sample;
mod settings;
pub mod watch;

/// The interface language the settings keep (the one `Language`, defined with the translation
/// table).
pub use crate::i18n::Language;
pub use app_state::{AppState, MAX_RECENT_WORKSPACES};
pub use atomic::write_atomic;
pub use evidence::{sha256_copy, sha256_file};
pub use folders::{CONFIG_DIR_ENV, FolderMode, Folders, PORTABLE_DATA_DIR, PORTABLE_MARKER};

/// The folder inside a workspace that exports are saved into.
pub const EXPORTS_DIR: &str = "exports";
pub use settings::{
    MAX_RECENT_FILES, PROJECTOR_SCALE_RANGE, Renderer, RendererSetting, Settings, ThemeChoice,
};

use std::path::{Path, PathBuf};

use crate::ingest::input::{FileProblem, InputError, read_text};
use crate::ingest::reason::Reason;

/// File name of the settings inside a workspace.
pub const SETTINGS_FILE: &str = "settings.toml";

/// The largest settings or plan file read: they are a few kilobytes; a FIFO or a device named
/// `settings.toml` is refused instead of hanging the start.
pub const MAX_SETTINGS_BYTES: u64 = 4 << 20;

/// The daily AQI forecast read when the settings name none (`aqi_forecast`), in the folder.
pub const DEFAULT_AQI_FORECAST: &str = "forecast.csv";

/// The contact list read when the settings name none, in the folder (the first present).
pub const DEFAULT_CONTACTS: [&str; 2] = ["contacts.csv", "contacts.xlsx"];

/// File extensions loaded from `data/` and offered by the file dialog (content decides the
/// format, gzip included; this only skips notes, pictures and the like that users keep beside
/// their data).
pub const DATA_EXTENSIONS: [&str; 9] = [
    "csv", "tsv", "txt", "json", "xlsx", "xls", "ods", "dat", "gz",
];

/// Why a workspace could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The path exists but is a file.
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    /// The folder does not exist (and was not to be created).
    #[error("{0} does not exist")]
    Missing(PathBuf),
    /// A file-system operation failed.
    #[error("{path}: {source}")]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Saving was asked of a read-only workspace.
    #[error("the workspace {0} is read-only; nothing was saved")]
    ReadOnly(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WorkspaceError + '_ {
    move |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An open workspace: its folder, whether it can be written, and its settings.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
    read_only: bool,
    settings: Settings,
    settings_problem: Option<FileProblem>,
}

impl Workspace {
    /// Create a workspace at `root` (the folder may exist, may even be a workspace already: then
    /// this is the same as [`Workspace::open`]).
    pub fn create(root: &Path) -> Result<Workspace, WorkspaceError> {
        if root.is_file() {
            return Err(WorkspaceError::NotAFolder(root.to_path_buf()));
        }
        std::fs::create_dir_all(root).map_err(io(root))?;
        Workspace::open(root)
    }

    /// Open the workspace at `root`. A folder that cannot be written opens read-only; missing
    /// sub-folders are created when it can be written; a missing `settings.toml` means defaults;
    /// a broken one also means defaults, with [`Workspace::settings_problem`] saying why (its
    /// content is kept in `settings.toml.bak` before the first save overwrites it).
    pub fn open(root: &Path) -> Result<Workspace, WorkspaceError> {
        Workspace::open_with(root, !probe_writable(root))
    }

    /// Open the workspace at `root` without ever writing to it, even if it could be written
    /// (to look at a colleague's workspace on a share, or `--read-only`).
    pub fn open_read_only(root: &Path) -> Result<Workspace, WorkspaceError> {
        Workspace::open_with(root, true)
    }

    fn open_with(root: &Path, read_only: bool) -> Result<Workspace, WorkspaceError> {
        if !root.exists() {
            return Err(WorkspaceError::Missing(root.to_path_buf()));
        }
        if !root.is_dir() {
            return Err(WorkspaceError::NotAFolder(root.to_path_buf()));
        }
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        if !read_only {
            for dir in ["data", "profiles"] {
                let p = root.join(dir);
                std::fs::create_dir_all(&p).map_err(io(&p))?;
            }
        }
        let path = root.join(SETTINGS_FILE);
        let (settings, settings_problem) = match read_text(&path, MAX_SETTINGS_BYTES) {
            Ok(text) => match Settings::from_toml(&text) {
                Ok(s) => (s, None),
                Err(e) => (Settings::default(), Some(settings_syntax(&path, &text, &e))),
            },
            Err(InputError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                (Settings::default(), None)
            }
            Err(e) => (
                Settings::default(),
                Some(FileProblem::unreadable(&path, &e)),
            ),
        };
        let mut ws = Workspace {
            root,
            read_only,
            settings,
            settings_problem,
        };
        if !ws.read_only && !path.exists() {
            ws.save()?;
        }
        Ok(ws)
    }

    /// The workspace folder (absolute).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether nothing may be written (read-only medium, or opened read-only).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The current settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The duty roster named in the settings (`roster`), read from its file: `None` when no
    /// roster is set, `Err` with the reason (or the path) in the settings' language when it yields
    /// no shift.
    pub fn roster(&self) -> Option<Result<crate::domain::roster::Roster, String>> {
        use crate::i18n::{Render, Tr};
        use crate::ingest::roster::{RosterOptions, read_roster_file};
        let path = self.resolve(self.settings.roster.as_ref()?);
        let (shifts, report) = read_roster_file(&path, &RosterOptions::default());
        if shifts.is_empty() {
            return Some(Err(report.problems.first().map_or_else(
                || path.display().to_string(),
                |p| p.reason.render(Tr(self.settings.language)),
            )));
        }
        Some(Ok(crate::domain::roster::Roster::new(shifts)))
    }

    /// Why `settings.toml` could not be read, when it could not (defaults are in use).
    pub fn settings_problem(&self) -> Option<&FileProblem> {
        self.settings_problem.as_ref()
    }

    /// Change the settings and save them at once. In a read-only workspace the change holds for
    /// this session and [`WorkspaceError::ReadOnly`] says it was not saved.
    pub fn update_settings(
        &mut self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<(), WorkspaceError> {
        let before = self.settings.clone();
        change(&mut self.settings);
        self.settings.normalise();
        if self.settings == before {
            return Ok(());
        }
        self.save()
    }

    /// Write `settings.toml` atomically (a broken previous file is kept as `settings.toml.bak`).
    pub fn save(&mut self) -> Result<(), WorkspaceError> {
        if self.read_only {
            return Err(WorkspaceError::ReadOnly(self.root.clone()));
        }
        let path = self.settings_path();
        if self.settings_problem.take().is_some() && path.exists() {
            let bak = self.root.join(format!("{SETTINGS_FILE}.bak"));
            std::fs::copy(&path, &bak).map_err(io(&bak))?;
        }
        let text = self.settings.to_toml().map_err(|e| WorkspaceError::Io {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        write_atomic(&path, text.as_bytes()).map_err(io(&path))
    }

    /// `settings.toml`.
    pub fn settings_path(&self) -> PathBuf {
        self.root.join(SETTINGS_FILE)
    }

    /// `data/`: files put here are loaded automatically.
    pub fn data_dir(&self) -> PathBuf {
        self.root.join("data")
    }

    /// `plan.toml`: the local emergency plan (written by the plan module).
    pub fn plan_path(&self) -> PathBuf {
        self.root.join("plan.toml")
    }

    /// `journal.sqlite`: the event journal (written by the journal module).
    pub fn journal_path(&self) -> PathBuf {
        self.root.join("journal.sqlite")
    }

    /// The daily AQI forecast file: the one the settings name, else [`DEFAULT_AQI_FORECAST`].
    pub fn aqi_forecast_path(&self) -> PathBuf {
        self.settings
            .aqi_forecast
            .as_ref()
            .map_or_else(|| self.root.join(DEFAULT_AQI_FORECAST), |p| self.resolve(p))
    }

    /// The contact list (通讯录): the one the settings name (`contacts`, set when one is imported
    /// on the Supervision page), else [`DEFAULT_CONTACTS`] in the folder when present.
    pub fn contacts_path(&self) -> Option<PathBuf> {
        match &self.settings.contacts {
            Some(p) => Some(self.resolve(p)),
            None => DEFAULT_CONTACTS
                .iter()
                .map(|name| self.root.join(name))
                .find(|p| p.is_file()),
        }
    }

    /// The emission-reduction list files the settings name, resolved.
    pub fn reduction_list_paths(&self) -> Vec<PathBuf> {
        self.settings
            .reduction_lists
            .iter()
            .map(|p| self.resolve(p))
            .collect()
    }

    /// The workspace's own files other than data and settings — the plan, the emission-reduction
    /// list, the duty roster and contacts, the AQI forecast, the map's base layers and the
    /// audited daily files — for the app's watcher (the plan and the list are re-read, pages
    /// showing the others rebuild).
    pub fn own_files(&self) -> watch::WatchSet {
        let mut files = vec![self.plan_path(), self.aqi_forecast_path()];
        files.extend(self.reduction_list_paths());
        files.extend(self.settings.roster.as_ref().map(|p| self.resolve(p)));
        match &self.settings.contacts {
            Some(p) => files.push(self.resolve(p)),
            None => files.extend(DEFAULT_CONTACTS.iter().map(|n| self.root.join(n))),
        }
        files.extend(self.settings.map_layers.iter().map(|p| self.resolve(p)));
        watch::WatchSet {
            files,
            folders: vec![self.root.join(crate::ingest::AUDITED_DIR)],
        }
    }

    /// `exports/`: where notices, reports, ledgers and charts are saved (never over a data file).
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join(EXPORTS_DIR)
    }

    /// `profiles/`: per-user or per-shift profiles.
    pub fn profiles_dir(&self) -> PathBuf {
        self.root.join("profiles")
    }

    /// A referenced path as stored (relative when inside the workspace) turned into a real path.
    pub fn resolve(&self, stored: &Path) -> PathBuf {
        if stored.is_absolute() {
            stored.to_path_buf()
        } else {
            self.root.join(stored)
        }
    }

    /// How a path is stored in the settings: relative when inside the workspace, so the folder
    /// can move; absolute otherwise.
    pub fn to_stored(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        abs.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }

    /// Every data file to load: the referenced files and every data file under `data/`, sorted
    /// and without duplicates. Referenced files that have gone missing are still listed, so the
    /// load report says so.
    pub fn data_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = self
            .settings
            .data_files
            .iter()
            .map(|p| self.resolve(p))
            .collect();
        collect_data_files(&self.data_dir(), 0, &mut files);
        files.sort();
        files.dedup();
        files
    }

    /// Reference `paths` as data files of this workspace and put them on the recent list.
    /// Folders are referenced as their data files. Nothing is copied or written but the settings.
    pub fn add_data_files(&mut self, paths: &[PathBuf]) -> Result<(), WorkspaceError> {
        let mut files = Vec::new();
        for p in paths {
            if p.is_dir() {
                collect_data_files(p, 0, &mut files);
            } else {
                files.push(p.clone());
            }
        }
        let data_dir = self.data_dir();
        let stored: Vec<PathBuf> = files
            .iter()
            .filter(|p| !p.starts_with(&data_dir))
            .map(|p| self.to_stored(p))
            .collect();
        let recent: Vec<PathBuf> = paths
            .iter()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
            .collect();
        self.update_settings(|s| {
            for p in stored {
                if !s.data_files.contains(&p) {
                    s.data_files.push(p);
                }
            }
            for p in recent.into_iter().rev() {
                s.remember_recent(p);
            }
        })
    }

    /// Stop loading a referenced file (the file itself is left alone).
    pub fn remove_data_file(&mut self, path: &Path) -> Result<(), WorkspaceError> {
        let stored = self.to_stored(path);
        self.update_settings(|s| s.data_files.retain(|p| p != &stored && p != path))
    }
}

/// Whether a file can be created in `dir` (tries to create and remove a probe file).
pub fn probe_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".airdesk-write-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(e) => e.kind() == std::io::ErrorKind::AlreadyExists,
    }
}

/// Whether `path` looks like a data file by its extension (hidden files never do).
pub fn is_data_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    !hidden && DATA_EXTENSIONS.contains(&ext.as_str())
}

/// Data files under `dir`, four levels deep at most (enough for year/month/day folders).
fn collect_data_files(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if depth < 4 {
                collect_data_files(&path, depth + 1, out);
            }
        } else if is_data_file(&path) {
            out.push(path);
        }
    }
}

/// A settings file the TOML reader refused, with the line it stopped at.
fn settings_syntax(path: &Path, text: &str, e: &toml::de::Error) -> FileProblem {
    let at = e.span().map_or(0, |s| s.start.min(text.len()));
    let line = text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    FileProblem {
        path: path.to_path_buf(),
        reason: Reason::SettingsSyntax {
            line,
            detail: e.message().trim().to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_open_and_persist() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("县指挥中心");
        let mut ws = Workspace::create(&root).expect("create");
        assert!(!ws.read_only());
        assert!(ws.data_dir().is_dir() && ws.profiles_dir().is_dir());
        assert!(ws.settings_path().is_file());
        ws.update_settings(|s| s.area = "北京".into())
            .expect("save");
        let again = Workspace::open(&root).expect("open");
        assert_eq!(again.settings().area, "北京");
        assert!(Workspace::open(&dir.path().join("nope")).is_err());
        let file = dir.path().join("f.txt");
        std::fs::write(&file, "x").expect("write");
        assert!(matches!(
            Workspace::create(&file),
            Err(WorkspaceError::NotAFolder(_))
        ));
    }

    #[test]
    fn broken_settings_fall_back_and_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(SETTINGS_FILE), "language = [").expect("write");
        let mut ws = Workspace::open(dir.path()).expect("open");
        let problem = ws.settings_problem().expect("a problem");
        assert!(
            matches!(problem.reason, Reason::SettingsSyntax { line: 1, .. }),
            "{problem:?}"
        );
        let zh = crate::i18n::Render::render(problem, crate::i18n::Tr(Language::Zh));
        assert!(zh.contains("settings.toml：第1行有误"), "{zh}");
        assert_eq!(ws.settings(), &Settings::default());
        ws.update_settings(|s| s.language = Language::En)
            .expect("save");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("settings.toml.bak")).expect("bak"),
            "language = ["
        );
        assert!(
            Workspace::open(dir.path())
                .expect("open")
                .settings_problem()
                .is_none()
        );
    }

    #[test]
    fn the_watcher_follows_every_file_a_page_shows() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = Workspace::open(dir.path()).expect("open");
        ws.update_settings(|s| {
            s.roster = Some("roster.csv".into());
            s.contacts = Some("contacts.csv".into());
            s.map_layers = vec!["county.geojson".into()];
        })
        .expect("settings");
        let set = ws.own_files();
        for name in ["plan.toml", "roster.csv", "contacts.csv", "county.geojson"] {
            assert!(set.files.contains(&ws.root().join(name)), "{name}");
        }
        assert!(
            set.folders
                .contains(&ws.root().join(crate::ingest::AUDITED_DIR))
        );
    }

    #[test]
    fn data_files_are_referenced_not_copied() {
        let dir = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        let ext = outside.path().join("china_sites_20191210.csv");
        std::fs::write(&ext, "date,hour,type\n").expect("write");
        let mut ws = Workspace::create(dir.path()).expect("create");
        let inside = ws.data_dir().join("sub").join("a.csv");
        std::fs::create_dir_all(inside.parent().expect("parent")).expect("mkdir");
        std::fs::write(&inside, "x").expect("write");
        std::fs::write(ws.data_dir().join("notes.md"), "x").expect("write");
        std::fs::write(ws.data_dir().join(".hidden.csv"), "x").expect("write");
        ws.add_data_files(std::slice::from_ref(&ext)).expect("add");
        let files = ws.data_files();
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files.contains(&ext) && files.contains(&inside));
        assert_eq!(ws.settings().recent_files.first(), Some(&ext));
        let reopened = Workspace::open(dir.path()).expect("open");
        assert_eq!(reopened.data_files(), files);
        ws.remove_data_file(&ext).expect("remove");
        assert_eq!(ws.data_files(), vec![inside]);
        assert!(ext.exists(), "the data file itself is left alone");
    }

    #[test]
    fn read_only_workspace_never_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = Workspace::open_read_only(dir.path()).expect("open");
        assert!(ws.read_only());
        assert!(matches!(
            ws.update_settings(|s| s.area = "x".into()),
            Err(WorkspaceError::ReadOnly(_))
        ));
        assert_eq!(ws.settings().area, "x", "holds for the session");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn unwritable_folder_is_detected() {
        // /proc refuses new files even to root, so this holds on any Linux test machine.
        assert!(!probe_writable(Path::new("/proc")));
        let ws = Workspace::open(Path::new("/proc")).expect("open");
        assert!(ws.read_only());
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(probe_writable(dir.path()));
    }
}
