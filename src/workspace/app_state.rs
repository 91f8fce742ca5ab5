//! App-level state kept outside any workspace: which workspace to reopen, and the recent ones.
//!
//! Stored as `app.toml` in the configuration folder that [`super::Folders`] chooses (the OS's
//! per-user one, `$AIRDESK_CONFIG_DIR`, or `airdesk-data/` beside a portable executable).

use std::path::{Path, PathBuf};

use super::write_atomic;

/// Most workspaces kept in the recent list.
pub const MAX_RECENT_WORKSPACES: usize = 8;

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
