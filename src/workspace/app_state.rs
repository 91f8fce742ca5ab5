//! App-level state kept outside any workspace: which workspace to reopen, and the recent ones.
//!
//! Stored as `app.toml` in the OS configuration folder (`~/.config/airdesk` on Linux,
//! `%APPDATA%\AirDesk\AirDesk\config` on Windows, `~/Library/Application Support/cn.AirDesk.AirDesk`
//! on macOS), or in `$AIRDESK_CONFIG_DIR` when set (portable installs on a USB stick).

use std::path::{Path, PathBuf};

use super::write_atomic;

/// Most workspaces kept in the recent list.
pub const MAX_RECENT_WORKSPACES: usize = 8;

/// Environment variable that moves the configuration folder (portable installs).
pub const CONFIG_DIR_ENV: &str = "AIRDESK_CONFIG_DIR";

/// What the app remembers between runs, whatever the workspace.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The workspace to reopen at start.
    pub last_workspace: Option<PathBuf>,
    /// Workspaces opened lately, newest first.
    pub recent_workspaces: Vec<PathBuf>,
}

impl AppState {
    /// The configuration folder: `$AIRDESK_CONFIG_DIR`, else the OS's per-user config folder.
    pub fn config_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("cn", "AirDesk", "AirDesk")
            .map(|d| d.config_dir().to_path_buf())
    }

    /// Where a first-time user's workspace goes: `Documents/AirDesk`, else the per-user data
    /// folder, else `./AirDesk`.
    pub fn default_workspace_dir() -> PathBuf {
        if let Some(docs) =
            directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
        {
            return docs.join("AirDesk");
        }
        if let Some(p) = directories::ProjectDirs::from("cn", "AirDesk", "AirDesk") {
            return p.data_dir().join("workspace");
        }
        PathBuf::from("AirDesk")
    }

    /// Read `app.toml` from `dir`; a missing or unreadable file gives the empty state (the app
    /// must start even when its configuration is damaged).
    pub fn load(dir: &Path) -> AppState {
        std::fs::read_to_string(dir.join("app.toml"))
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Write `app.toml` into `dir` (created if needed), atomically.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let text = toml::to_string_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(&dir.join("app.toml"), text.as_bytes())
    }

    /// Note that `root` was opened: it becomes the last workspace and tops the recent list.
    pub fn opened(&mut self, root: &Path) {
        let root = root.to_path_buf();
        self.recent_workspaces.retain(|p| p != &root);
        self.recent_workspaces.insert(0, root.clone());
        self.recent_workspaces.truncate(MAX_RECENT_WORKSPACES);
        self.last_workspace = Some(root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_last_and_recent() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(AppState::load(dir.path()), AppState::default());
        let mut s = AppState::default();
        for i in 0..10 {
            s.opened(Path::new(&format!("/ws{i}")));
        }
        s.opened(Path::new("/ws3"));
        assert_eq!(s.last_workspace.as_deref(), Some(Path::new("/ws3")));
        assert_eq!(s.recent_workspaces.len(), MAX_RECENT_WORKSPACES);
        assert_eq!(s.recent_workspaces[1], PathBuf::from("/ws9"));
        let cfg = dir.path().join("cfg");
        s.save(&cfg).expect("save");
        assert_eq!(AppState::load(&cfg), s);
        std::fs::write(cfg.join("app.toml"), "last_workspace = 5").expect("write");
        assert_eq!(AppState::load(&cfg), AppState::default());
    }
}
