//! Long work a page asks for runs on a worker thread, so the window never freezes: saving exports
//! (charts drawn to PNG or SVG, ledgers, notices, reports), hashing an evidence file, reading an
//! inspection list. A page sends a command; the app turns it into a [`Job`] and starts it on the
//! background channel; progress shows in the status bar, and the [`Done`] result comes back as a
//! message that the app applies (a notice, the journal event that waited for a hash, the page's
//! preview). Pages never write a file themselves.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::findings::NewFinding;
use crate::domain::response::ItemInput;
use crate::i18n::T;
use crate::ingest::FileReport;
use crate::ingest::findings::read_findings_file;
use crate::report::charts::{
    Chart, ChartStyle, ChartView, RankingData, TimeChart, png_bytes, svg_string,
};
use crate::workspace::{sha256_file, write_atomic};

/// A file to save into the workspace's exports folder.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    /// Its file name; only the last component counts, so nothing is written outside the folder.
    pub name: String,
    /// What goes into it.
    pub content: ExportContent,
}

/// The content of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportContent {
    /// Ready-made bytes (a notice, a report, a ledger).
    Bytes(Vec<u8>),
    /// A chart, drawn when it is saved.
    Chart(Box<ChartFile>),
}

/// A chart to draw into a PNG or SVG file.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartFile {
    /// The chart's data.
    pub chart: ChartData,
    /// Size in pixels.
    pub size: (u32, u32),
    /// How it looks (language, projector sizes).
    pub style: ChartStyle,
    /// SVG rather than PNG.
    pub svg: bool,
}

/// A chart's data, owned (a copy of what the page shows, zoom and hidden series included).
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    /// A time chart (meteogram) in its view.
    Time(TimeChart, ChartView),
    /// A ranking bar chart.
    Ranking(RankingData),
}

impl ExportFile {
    /// A file of ready-made bytes.
    pub fn bytes(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        ExportFile {
            name: name.into(),
            content: ExportContent::Bytes(bytes),
        }
    }

    /// A chart drawn into a PNG (or, with `svg`, an SVG) file.
    pub fn chart(
        name: impl Into<String>,
        chart: ChartData,
        size: (u32, u32),
        style: ChartStyle,
        svg: bool,
    ) -> Self {
        ExportFile {
            name: name.into(),
            content: ExportContent::Chart(Box::new(ChartFile {
                chart,
                size,
                style,
                svg,
            })),
        }
    }

    /// The plain file name it is saved under.
    pub fn file_name(&self) -> String {
        Path::new(&self.name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export.txt".to_owned())
    }

    fn render(&self) -> Result<Vec<u8>, String> {
        let c = match &self.content {
            ExportContent::Bytes(b) => return Ok(b.clone()),
            ExportContent::Chart(c) => c,
        };
        let chart = match &c.chart {
            ChartData::Time(chart, view) => Chart::Time(chart, view),
            ChartData::Ranking(data) => Chart::Ranking(data),
        };
        let (w, h) = c.size;
        let drawn = if c.svg {
            svg_string(chart, w, h, &c.style).map(String::into_bytes)
        } else {
            png_bytes(chart, w, h, &c.style)
        };
        drawn.map_err(|e| e.to_string())
    }
}

/// What happens with an evidence file's hash once it is known.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterHash {
    /// Record this checklist report, the file (named in its evidence) hashed.
    Report(ItemInput),
    /// Add the file to the evidence of the finding's next move (Supervision page).
    FindingEvidence,
}

/// Work for a worker thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Save files into `dir` (created when missing), each atomically.
    Export {
        /// The exports folder.
        dir: PathBuf,
        /// The files.
        files: Vec<ExportFile>,
    },
    /// Hash an evidence file, then go on with `then`.
    Hash {
        /// The file.
        path: PathBuf,
        /// What waits for the hash.
        then: AfterHash,
    },
    /// Read an inspection list (CSV/xlsx) into findings to assign.
    ReadFindings {
        /// The file.
        path: PathBuf,
        /// The source named on findings that name none.
        source: String,
        /// Today, for deadlines given in days.
        today: NaiveDate,
    },
}

/// A finished job.
#[derive(Debug)]
pub enum Done {
    /// Files saved into `dir` (plain names), and those that failed (with the reason).
    Exported {
        /// The exports folder.
        dir: PathBuf,
        /// Saved file names.
        saved: Vec<String>,
        /// `path: reason` of each file that could not be saved.
        failed: Vec<String>,
    },
    /// An evidence file hashed (lowercase hex), or why it could not be read.
    Hashed {
        /// The file.
        path: PathBuf,
        /// The hash or the reason.
        result: Result<String, String>,
        /// What waited for it.
        then: AfterHash,
    },
    /// An inspection list read: the findings found and the problems met.
    FindingsRead {
        /// Findings to assign.
        found: Vec<NewFinding>,
        /// What was read and what went wrong.
        report: FileReport,
    },
}

impl Job {
    /// What the status bar says while it runs.
    pub fn label(&self) -> T {
        match self {
            Job::Export { .. } => T::JobExporting,
            Job::Hash { .. } => T::JobHashing,
            Job::ReadFindings { .. } => T::JobReading,
        }
    }

    /// Do the work, telling `progress` how far it got (done, total) along the way.
    pub fn run(self, mut progress: impl FnMut(u64, u64)) -> Done {
        match self {
            Job::Export { dir, files } => export(dir, &files, progress),
            Job::Hash { path, then } => {
                let result = sha256_file(&path, progress).map_err(|e| e.to_string());
                Done::Hashed { path, result, then }
            }
            Job::ReadFindings {
                path,
                source,
                today,
            } => {
                progress(0, 1);
                let (found, report) = read_findings_file(&path, &source, today);
                Done::FindingsRead { found, report }
            }
        }
    }
}

fn export(dir: PathBuf, files: &[ExportFile], mut progress: impl FnMut(u64, u64)) -> Done {
    let mut saved = Vec::new();
    let mut failed = Vec::new();
    let total = files.len() as u64;
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name();
        let path = dir.join(&name);
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| e.to_string())
            .and_then(|()| file.render())
            .and_then(|bytes| write_atomic(&path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => saved.push(name),
            Err(e) => failed.push(format!("{}: {e}", path.display())),
        }
        progress(i as u64 + 1, total);
    }
    Done::Exported { dir, saved, failed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_saved_by_plain_name_and_charts_drawn() {
        let dir = tempfile::tempdir().expect("dir");
        let exports = dir.path().join("exports");
        let ranking = RankingData::default();
        let files = vec![
            ExportFile::bytes("../outside/notice.txt", b"text".to_vec()),
            ExportFile::chart(
                "ranking.svg",
                ChartData::Ranking(ranking),
                (600, 400),
                ChartStyle::desktop(),
                true,
            ),
        ];
        let mut steps = Vec::new();
        let done = Job::Export {
            dir: exports.clone(),
            files,
        }
        .run(|d, t| steps.push((d, t)));
        let Done::Exported { saved, failed, .. } = done else {
            panic!("{done:?}");
        };
        assert!(failed.is_empty(), "{failed:?}");
        assert_eq!(saved, ["notice.txt", "ranking.svg"]);
        assert_eq!(steps, [(1, 2), (2, 2)]);
        assert_eq!(
            std::fs::read(exports.join("notice.txt")).expect("txt"),
            b"text"
        );
        let svg = std::fs::read_to_string(exports.join("ranking.svg")).expect("svg");
        assert!(svg.contains("<svg"));
        assert!(!dir.path().join("outside").exists());
    }

    #[test]
    fn a_hash_comes_back_with_what_waited_for_it() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("photo.jpg");
        std::fs::write(&path, b"abc").expect("write");
        let done = Job::Hash {
            path: path.clone(),
            then: AfterHash::FindingEvidence,
        }
        .run(|_, _| ());
        let Done::Hashed { result, then, .. } = done else {
            panic!("{done:?}");
        };
        assert_eq!(then, AfterHash::FindingEvidence);
        assert!(result.expect("hash").starts_with("ba7816bf"));
        let missing = Job::Hash {
            path: dir.path().join("missing.jpg"),
            then: AfterHash::FindingEvidence,
        }
        .run(|_, _| ());
        assert!(matches!(missing, Done::Hashed { result: Err(_), .. }));
    }
}
