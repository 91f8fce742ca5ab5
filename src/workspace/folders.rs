//! Where AirDesk keeps what belongs to no workspace: `app.toml` (the last and recent workspaces),
//! the window state (`window.ron`, eframe's persistence), the installed sample drill, a first-time
//! user's workspace, and caches. [`Folders::detect`] decides it once for the whole process:
//!
//! 1. `$AIRDESK_CONFIG_DIR` set: app state and sample in that folder (tests, administrators);
//! 2. portable: a marker file `airdesk-portable` beside the executable puts everything in
//!    `airdesk-data/` beside it, the graphics drivers' shader caches included, so a copy on a USB
//!    stick writes nothing into the home folder, AppData or the registry;
//! 3. installed: the operating system's per-user folders (`~/.config/airdesk` and
//!    `~/.local/share/airdesk` on Linux, `%APPDATA%\AirDesk\AirDesk` on Windows).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::sample::SAMPLE_FOLDER;

/// Environment variable that puts the app state and the sample into one folder.
pub const CONFIG_DIR_ENV: &str = "AIRDESK_CONFIG_DIR";

/// A file of this name beside the executable turns on portable mode (its content is ignored).
pub const PORTABLE_MARKER: &str = "airdesk-portable";

/// The same marker as Notepad saves it when the extension is hidden (Windows).
const PORTABLE_MARKER_TXT: &str = "airdesk-portable.txt";

/// The folder beside a portable executable that holds everything it writes.
pub const PORTABLE_DATA_DIR: &str = "airdesk-data";

/// How the folders were chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderMode {
    /// The operating system's per-user folders.
    Installed,
    /// Beside the executable ([`PORTABLE_MARKER`] present).
    Portable,
    /// One folder given by [`CONFIG_DIR_ENV`] or by the caller (tests).
    OneFolder,
}

/// The app-level folders of this process.
#[derive(Debug, Clone, PartialEq)]
pub struct Folders {
    /// How they were chosen.
    pub mode: FolderMode,
    /// `app.toml` and `window.ron`; `None` when the system has no home folder (nothing is kept).
    pub config: Option<PathBuf>,
    /// The installed sample workspace (and, portable, the first-time workspace).
    pub data: Option<PathBuf>,
    /// Where caches go in portable mode; `None`: the system's own cache folders.
    pub cache: Option<PathBuf>,
}

impl Folders {
    /// The folders of this process, decided on first use from the environment and the
    /// executable's location.
    pub fn current() -> &'static Folders {
        static CURRENT: OnceLock<Folders> = OnceLock::new();
        CURRENT.get_or_init(|| {
            Folders::detect(
                std::env::var_os(CONFIG_DIR_ENV),
                std::env::current_exe().ok().as_deref(),
            )
        })
    }

    /// The one rule: `$AIRDESK_CONFIG_DIR` (`config_env`), else portable beside `exe` when the
    /// marker is there, else installed.
    pub fn detect(config_env: Option<OsString>, exe: Option<&Path>) -> Folders {
        if let Some(dir) = config_env.filter(|d| !d.is_empty()) {
            return Folders::one_folder(Path::new(&dir));
        }
        if let Some(dir) = exe.and_then(Path::parent).filter(|d| is_portable(d)) {
            return Folders::portable(dir);
        }
        Folders::installed()
    }

    /// App state and sample in one folder (tests, `$AIRDESK_CONFIG_DIR`); caches stay the
    /// system's.
    pub fn one_folder(dir: &Path) -> Folders {
        Folders {
            mode: FolderMode::OneFolder,
            config: Some(dir.to_path_buf()),
            data: Some(dir.to_path_buf()),
            cache: None,
        }
    }

    /// Everything in `airdesk-data/` inside `exe_dir`.
    pub fn portable(exe_dir: &Path) -> Folders {
        let root = std::path::absolute(exe_dir)
            .unwrap_or_else(|_| exe_dir.to_path_buf())
            .join(PORTABLE_DATA_DIR);
        Folders {
            mode: FolderMode::Portable,
            config: Some(root.clone()),
            data: Some(root.clone()),
            cache: Some(root.join("cache")),
        }
    }

    /// The operating system's per-user folders.
    pub fn installed() -> Folders {
        let dirs = project_dirs();
        Folders {
            mode: FolderMode::Installed,
            config: dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
            data: dirs.as_ref().map(|d| d.data_dir().to_path_buf()),
            cache: None,
        }
    }

    /// Where the bundled sample drill is installed on a first start.
    pub fn sample_dir(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join(SAMPLE_FOLDER))
    }

    /// Where a first-time user's workspace goes: portable, `airdesk-data/workspace`; else
    /// `Documents/AirDesk`, else the per-user data folder, else `./AirDesk`.
    pub fn default_workspace(&self) -> PathBuf {
        if self.mode == FolderMode::Portable
            && let Some(data) = &self.data
        {
            return data.join("workspace");
        }
        if let Some(docs) =
            directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
        {
            return docs.join("AirDesk");
        }
        if let Some(p) = project_dirs() {
            return p.data_dir().join("workspace");
        }
        PathBuf::from("AirDesk")
    }

    /// eframe's persistence file (window size and position).
    pub fn window_state_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join("window.ron"))
    }

    /// The environment variables that send caches into [`Folders::cache`] (portable mode):
    /// `XDG_CACHE_HOME` for anything that follows the XDG rules, Mesa's shader cache (OpenGL
    /// and Vulkan on Linux), and NVIDIA's driver cache. Empty when caches stay the system's.
    pub fn cache_env(&self) -> Vec<(&'static str, PathBuf)> {
        let Some(cache) = &self.cache else {
            return Vec::new();
        };
        vec![
            ("XDG_CACHE_HOME", cache.clone()),
            ("MESA_SHADER_CACHE_DIR", cache.join("mesa_shader_cache")),
            ("__GL_SHADER_DISK_CACHE_PATH", cache.join("nvidia")),
        ]
    }

    /// Set [`Folders::cache_env`] in this process's environment (creating the folder), so the
    /// graphics drivers loaded later write their caches there. Must run before the GL or Vulkan
    /// context exists.
    ///
    /// # Safety
    /// Changes the process environment: call it before any other thread is started (first thing
    /// in `main`), as `std::env::set_var` requires.
    pub unsafe fn redirect_caches(&self) {
        let vars = self.cache_env();
        if let Some(cache) = &self.cache
            && let Err(e) = std::fs::create_dir_all(cache)
        {
            // A read-only stick: the drivers then skip their cache, which costs only speed.
            eprintln!(
                "airdesk: cannot create the cache folder {}: {e}",
                cache.display()
            );
        }
        for (name, value) in vars {
            // SAFETY: the caller guarantees no other thread runs yet.
            unsafe { std::env::set_var(name, value) };
        }
    }
}

/// Whether `dir` holds the portable marker.
fn is_portable(dir: &Path) -> bool {
    [PORTABLE_MARKER, PORTABLE_MARKER_TXT]
        .iter()
        .any(|m| dir.join(m).is_file())
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn", "AirDesk", "AirDesk")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_then_the_marker_then_the_system_decide() {
        let dir = tempfile::tempdir().expect("tempdir");
        let exe = dir.path().join("airdesk");
        let installed = Folders::detect(None, Some(&exe));
        assert_eq!(installed.mode, FolderMode::Installed);
        assert_eq!(installed.cache, None);
        assert!(installed.cache_env().is_empty());

        std::fs::write(dir.path().join(PORTABLE_MARKER), "").expect("marker");
        let portable = Folders::detect(None, Some(&exe));
        let root = dir.path().join(PORTABLE_DATA_DIR);
        assert_eq!(portable.mode, FolderMode::Portable);
        assert_eq!(portable.config.as_deref(), Some(root.as_path()));
        assert_eq!(portable.sample_dir(), Some(root.join(SAMPLE_FOLDER)));
        assert_eq!(portable.default_workspace(), root.join("workspace"));
        assert_eq!(portable.window_state_file(), Some(root.join("window.ron")));
        for (name, path) in portable.cache_env() {
            assert!(path.starts_with(root.join("cache")), "{name}");
        }

        let env = Folders::detect(Some("/etc/airdesk".into()), Some(&exe));
        assert_eq!(env, Folders::one_folder(Path::new("/etc/airdesk")));
        assert_eq!(Folders::detect(Some("".into()), Some(&exe)), portable);
    }

    #[test]
    fn a_marker_saved_by_notepad_counts_and_a_folder_does_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let exe = dir.path().join("airdesk.exe");
        std::fs::create_dir(dir.path().join(PORTABLE_MARKER)).expect("mkdir");
        assert_eq!(
            Folders::detect(None, Some(&exe)).mode,
            FolderMode::Installed
        );
        std::fs::write(dir.path().join(PORTABLE_MARKER_TXT), "").expect("marker");
        assert_eq!(Folders::detect(None, Some(&exe)).mode, FolderMode::Portable);
        assert_eq!(Folders::detect(None, None).mode, FolderMode::Installed);
    }
}
