//! Long work a page asks for runs on a worker thread, so the window never freezes: saving exports
//! (charts drawn to PNG or SVG, ledgers, notices, reports, 公文 laid out as .docx or PDF and
//! opened with the system's default program when asked), hashing an evidence file, reading an
//! inspection list or filled feedback forms. A page sends a command; the app turns it into a [`Job`] and starts it on the
//! background channel; progress shows in the status bar, and the [`Done`] result comes back as a
//! message that the app applies (a notice, the journal event that waited for a hash, the page's
//! preview). Pages never write a file themselves.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::findings::NewFinding;
use crate::domain::response::{CheckInput, EvidenceFile, ItemInput};
use crate::i18n::T;
use crate::ingest::FileReport;
use crate::ingest::feedback_form::read_form_file;
use crate::ingest::findings::read_findings_file;
use crate::report::charts::{
    Chart, ChartStyle, ChartView, RankingData, ReductionChart, TimeChart, png_bytes, svg_string,
};
use crate::report::document::{Document, DocumentError, Format};
use crate::session::{EvidenceStore, ReadForm};
use crate::workspace::{sha256_file, write_atomic};

/// A file to save into the workspace's exports folder.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    /// Its file name; only the last component counts, so nothing is written outside the folder.
    pub name: String,
    /// What goes into it.
    pub content: ExportContent,
    /// Open it with the system's default program once saved.
    pub open: bool,
}

/// The content of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportContent {
    /// Ready-made bytes (a notice, a report, a ledger).
    Bytes(Vec<u8>),
    /// A chart, drawn when it is saved.
    Chart(Box<ChartFile>),
    /// A 公文, laid out when it is saved (a PDF loads full CJK fonts, which takes a moment).
    Document(Box<Document>, Format),
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
    /// The emission-reduction check.
    Reduction(ReductionChart),
}

impl ExportFile {
    /// A file of ready-made bytes.
    pub fn bytes(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        ExportFile {
            name: name.into(),
            content: ExportContent::Bytes(bytes),
            open: false,
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
            open: false,
        }
    }

    /// A 公文 written as `format` (named after its title), opened once saved when `open` is set.
    pub fn document(document: Document, format: Format, open: bool) -> Self {
        ExportFile {
            name: document.file_name(format),
            content: ExportContent::Document(Box::new(document), format),
            open,
        }
    }

    /// The plain file name it is saved under.
    pub fn file_name(&self) -> String {
        Path::new(&self.name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export.txt".to_owned())
    }

    /// The bytes to save; a PDF looks for full fonts in `font_dirs` first.
    fn render(&self, font_dirs: &[PathBuf]) -> Result<Vec<u8>, WhyNot> {
        let c = match &self.content {
            ExportContent::Bytes(b) => return Ok(b.clone()),
            ExportContent::Document(doc, format) => {
                return crate::report::document::render(doc, *format, font_dirs).map_err(
                    |e| match e {
                        DocumentError::MissingGlyphs { chars, hint } => WhyNot::MissingGlyphs {
                            chars,
                            places: hint,
                        },
                        other => WhyNot::Other(other.to_string()),
                    },
                );
            }
            ExportContent::Chart(c) => c,
        };
        let chart = match &c.chart {
            ChartData::Time(chart, view) => Chart::Time(chart, view),
            ChartData::Ranking(data) => Chart::Ranking(data),
            ChartData::Reduction(data) => Chart::Reduction(data),
        };
        let (w, h) = c.size;
        let drawn = if c.svg {
            svg_string(chart, w, h, &c.style).map(String::into_bytes)
        } else {
            png_bytes(chart, w, h, &c.style)
        };
        drawn.map_err(|e| WhyNot::Other(e.to_string()))
    }
}

/// Why an export was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyNot {
    /// A PDF would show empty boxes: no font available has these characters; where fonts were
    /// looked for.
    MissingGlyphs {
        /// The characters.
        chars: String,
        /// The places looked in.
        places: String,
    },
    /// Anything else, as the system or the writer says it.
    Other(String),
}

/// An export that was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    /// Where it was to go.
    pub path: PathBuf,
    /// Why not.
    pub why: WhyNot,
}

/// What happens with an evidence file's hash once it is known.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterHash {
    /// Add the file to the evidence of the finding's next move (Supervision page).
    FindingEvidence,
}

/// What waits for an evidence file to be stored in the journal's evidence store.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterStore {
    /// Record this checklist report with the stored file as its evidence.
    Report(ItemInput),
    /// Record this check with the stored file as its evidence.
    Check(CheckInput),
}

/// Work for a worker thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Save files into `dir` (created when missing), each atomically.
    Export {
        /// The exports folder.
        dir: PathBuf,
        /// Where a PDF looks for full fonts first (the workspace's `fonts/`).
        font_dirs: Vec<PathBuf>,
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
    /// Copy an evidence file into the journal's evidence store, then go on with `then`.
    Store {
        /// The store.
        store: EvidenceStore,
        /// The file.
        path: PathBuf,
        /// What waits for it.
        then: AfterStore,
    },
    /// Fetch an evidence file from the store (a temporary copy for a server's) and open it with
    /// the system's program.
    OpenEvidence {
        /// The store.
        store: EvidenceStore,
        /// The file as the journal names it.
        file: EvidenceFile,
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
    /// Read filled feedback forms (反馈表), each whole; the rows are checked afterwards.
    ReadFeedbackForms(Vec<PathBuf>),
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
        /// The files that could not be saved.
        failed: Vec<Failed>,
        /// Saved files the system would not open (asked to): the path and why.
        not_opened: Vec<(PathBuf, String)>,
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
    /// An evidence file stored (or why not).
    Stored {
        /// The file.
        path: PathBuf,
        /// The record of the stored file, or why it could not be stored.
        result: Result<EvidenceFile, String>,
        /// What waited for it.
        then: AfterStore,
    },
    /// An evidence file opened, or why not.
    Opened(Result<(), String>),
    /// An inspection list read: the findings found and the problems met.
    FindingsRead {
        /// Findings to assign.
        found: Vec<NewFinding>,
        /// What was read and what went wrong.
        report: FileReport,
    },
    /// Feedback forms read: each file's rows, or why it could not be read.
    FeedbackFormsRead(Vec<ReadForm>),
}

impl Job {
    /// What the status bar says while it runs.
    pub fn label(&self) -> T {
        match self {
            Job::Export { .. } => T::JobExporting,
            Job::Hash { .. } => T::JobHashing,
            Job::Store { .. } => T::JobStoring,
            Job::OpenEvidence { .. } => T::JobOpening,
            Job::ReadFindings { .. } | Job::ReadFeedbackForms(_) => T::JobReading,
        }
    }

    /// Do the work, telling `progress` how far it got (done, total) along the way.
    pub fn run(self, mut progress: impl FnMut(u64, u64)) -> Done {
        match self {
            Job::Export {
                dir,
                font_dirs,
                files,
            } => export(dir, &font_dirs, &files, progress),
            Job::Hash { path, then } => {
                let result = sha256_file(&path, progress).map_err(|e| e.to_string());
                Done::Hashed { path, result, then }
            }
            Job::Store { store, path, then } => {
                let result = store.put(&path, progress).map_err(|e| e.to_string());
                Done::Stored { path, result, then }
            }
            Job::OpenEvidence { store, file } => {
                progress(0, 1);
                let temp = std::env::temp_dir().join("airdesk-evidence");
                let opened = store
                    .local_copy(&file, &temp)
                    .map_err(|e| e.to_string())
                    .and_then(|p| open::that_detached(&p).map_err(|e| e.to_string()));
                Done::Opened(opened)
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
            Job::ReadFeedbackForms(paths) => {
                let total = paths.len() as u64;
                let mut forms = Vec::new();
                for (i, path) in paths.iter().enumerate() {
                    forms.push((path.display().to_string(), read_form_file(path)));
                    progress(i as u64 + 1, total);
                }
                Done::FeedbackFormsRead(forms)
            }
        }
    }
}

fn export(
    dir: PathBuf,
    font_dirs: &[PathBuf],
    files: &[ExportFile],
    mut progress: impl FnMut(u64, u64),
) -> Done {
    let mut saved = Vec::new();
    let mut failed = Vec::new();
    let mut not_opened = Vec::new();
    let total = files.len() as u64;
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name();
        let path = dir.join(&name);
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| WhyNot::Other(e.to_string()))
            .and_then(|()| file.render(font_dirs))
            .and_then(|bytes| {
                write_atomic(&path, &bytes).map_err(|e| WhyNot::Other(e.to_string()))
            });
        match written {
            Ok(()) => {
                saved.push(name);
                if file.open
                    && let Err(e) = open::that_detached(&path)
                {
                    not_opened.push((path, e.to_string()));
                }
            }
            Err(why) => failed.push(Failed { path, why }),
        }
        progress(i as u64 + 1, total);
    }
    Done::Exported {
        dir,
        saved,
        failed,
        not_opened,
    }
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
            font_dirs: Vec::new(),
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
    fn documents_are_laid_out_when_saved_and_failures_keep_the_path() {
        use crate::report::document::{Block, Part};
        let dir = tempfile::tempdir().expect("dir");
        let document = Document::single(Part {
            title: "测试/通知".into(),
            body: vec![Block::Paragraph("正文".into())],
            ..Part::default()
        });
        let file = ExportFile::document(document, Format::Docx, false);
        assert_eq!(file.file_name(), "测试_通知.docx");
        let run = |dir: PathBuf| {
            Job::Export {
                dir,
                font_dirs: Vec::new(),
                files: vec![file.clone()],
            }
            .run(|_, _| ())
        };
        let exports = dir.path().join("exports");
        let Done::Exported { saved, failed, .. } = run(exports.clone()) else {
            panic!("not an export");
        };
        assert!(failed.is_empty(), "{failed:?}");
        assert_eq!(saved, ["测试_通知.docx"]);
        let bytes = std::fs::read(exports.join("测试_通知.docx")).expect("written");
        assert!(bytes.starts_with(b"PK"), "a zip package");
        // A folder that cannot be made: the path and the reason come back.
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, b"x").expect("file");
        let Done::Exported { saved, failed, .. } = run(blocked.join("exports")) else {
            panic!("not an export");
        };
        assert!(saved.is_empty());
        assert_eq!(failed.len(), 1);
        assert_eq!(
            failed[0].path,
            blocked.join("exports").join("测试_通知.docx")
        );
        assert!(matches!(failed[0].why, WhyNot::Other(_)));
    }

    /// A PDF holding a character no font has is not written, and the characters come back typed
    /// (the app words them through `T::DocMissingGlyphs`), never as empty boxes in the file.
    #[test]
    fn a_pdf_with_characters_no_font_has_comes_back_as_missing_glyphs() {
        use crate::report::document::{Block, Part};
        let dir = tempfile::tempdir().expect("dir");
        let document = Document::single(Part {
            title: "通知".into(),
            // A plane-15 private-use character: no font has it.
            body: vec![Block::Paragraph("值班员\u{F0001}".into())],
            ..Part::default()
        });
        let done = Job::Export {
            dir: dir.path().to_path_buf(),
            font_dirs: Vec::new(),
            files: vec![ExportFile::document(document, Format::Pdf, true)],
        }
        .run(|_, _| ());
        let Done::Exported {
            saved,
            failed,
            not_opened,
            ..
        } = done
        else {
            panic!("not an export");
        };
        assert!(saved.is_empty() && not_opened.is_empty());
        match &failed[..] {
            [
                Failed {
                    why: WhyNot::MissingGlyphs { chars, .. },
                    ..
                },
            ] => assert!(chars.contains('\u{F0001}'), "{chars}"),
            other => panic!("expected missing glyphs, got {other:?}"),
        }
        assert!(!dir.path().join("通知.pdf").exists());
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
