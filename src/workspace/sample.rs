//! The sample scenario (`sample-data/` in the source tree), built into the binary so that a first
//! start opens a realistic drill from any clone or installed copy: Handan (邯郸) in the
//! Beijing–Tianjin–Hebei "2+26" corridor on 22 Dec 2019 at 10:00, mid-way through an orange
//! warning, on the real CNEMC December 2019 feed. `sample-data/README.md` says what is real,
//! derived or synthesised; `examples/build_sample.rs` builds it.
//!
//! The app never writes into the source tree: the sample is copied into the user's data folder
//! ([`super::Folders::sample_dir`]) and opened there like any workspace.

use std::path::Path;

/// Embed the files of `sample-data/` under their workspace-relative paths.
macro_rules! sample_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/", $path)) as &[u8])),*]
    };
}

/// Every file of the sample workspace: path inside the workspace, and content.
pub const FILES: &[(&str, &[u8])] = sample_files!(
    "settings.toml",
    "plan.toml",
    "journal.sqlite",
    "roster.csv",
    "contacts.csv",
    "reduction-list.csv",
    "README.md",
    "forecast/aqi-forecast-20191222.csv",
    "data/stations-2plus26.csv",
    "data/open-meteo-handan-20191222.json",
    "data/weather-observed-handan-20191215.csv",
    "data/china_sites_20191201.csv.gz",
    "data/china_sites_20191202.csv.gz",
    "data/china_sites_20191203.csv.gz",
    "data/china_sites_20191204.csv.gz",
    "data/china_sites_20191205.csv.gz",
    "data/china_sites_20191206.csv.gz",
    "data/china_sites_20191207.csv.gz",
    "data/china_sites_20191208.csv.gz",
    "data/china_sites_20191209.csv.gz",
    "data/china_sites_20191210.csv.gz",
    "data/china_sites_20191211.csv.gz",
    "data/china_sites_20191212.csv.gz",
    "data/china_sites_20191213.csv.gz",
    "data/china_sites_20191214.csv.gz",
    "data/china_sites_20191215.csv.gz",
    "data/china_sites_20191216.csv.gz",
    "data/china_sites_20191217.csv.gz",
    "data/china_sites_20191218.csv.gz",
    "data/china_sites_20191219.csv.gz",
    "data/china_sites_20191220.csv.gz",
    "data/china_sites_20191221.csv.gz",
    "data/china_sites_20191222.csv.gz",
    "data/china_sites_20191223.csv.gz",
    "data/china_sites_20191224.csv.gz",
    "data/china_sites_20191225.csv.gz",
    "data/china_sites_20191226.csv.gz",
    "data/china_sites_20191227.csv.gz",
    "data/china_sites_20191228.csv.gz",
    "data/china_sites_20191229.csv.gz",
    "data/china_sites_20191230.csv.gz",
    "data/china_sites_20191231.csv.gz",
);

/// Folder name of the installed sample inside the data (or configuration) folder.
pub const SAMPLE_FOLDER: &str = "sample-workspace";

/// Copy the sample into `dest` unless a workspace is already there (then the user's journal of
/// an earlier drill is kept). The files are written into a sibling folder first and moved into
/// place, so an interrupted copy never leaves half a sample.
pub fn install(dest: &Path) -> std::io::Result<()> {
    if dest.join("settings.toml").is_file() {
        return Ok(());
    }
    let parent = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let partial = parent.join(format!(".{SAMPLE_FOLDER}.partial"));
    if partial.exists() {
        std::fs::remove_dir_all(&partial)?;
    }
    for (path, bytes) in FILES {
        let target = partial.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&target, bytes)?;
    }
    if dest.exists() {
        // An empty or broken leftover without settings: replace it.
        std::fs::remove_dir_all(dest)?;
    }
    std::fs::rename(&partial, dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_once_and_keeps_the_users_journal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dest = dir.path().join(SAMPLE_FOLDER);
        install(&dest).expect("install");
        for (path, bytes) in FILES {
            assert_eq!(
                &std::fs::read(dest.join(path)).expect("read"),
                bytes,
                "{path}"
            );
        }
        std::fs::write(dest.join("journal.sqlite"), b"changed").expect("write");
        install(&dest).expect("again");
        assert_eq!(
            std::fs::read(dest.join("journal.sqlite")).expect("read"),
            b"changed"
        );
        let ws = crate::workspace::Workspace::open(&dest).expect("open");
        assert_eq!(ws.settings().area, "邯郸");
        assert!(ws.settings().drill_at.is_some() && ws.settings().budget.is_some());
        assert_eq!(ws.data_files().len(), 34);
    }
}
