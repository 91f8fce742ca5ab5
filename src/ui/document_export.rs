//! Writing a 公文 (.docx or PDF) from the app: laid out, written atomically into the workspace's
//! `exports/` folder and, when asked, opened with the system's default program — all on a
//! background thread (a PDF loads full CJK fonts and takes a moment), the outcome reported back as
//! a [`Message`](super::background::Message).

use std::path::PathBuf;

use crate::report::document::{Document, DocumentError, Format, render};

/// One document to write.
#[derive(Debug, Clone)]
pub struct DocumentJob {
    /// The document, the officer's fields applied.
    pub document: Document,
    /// .docx or PDF (any format works).
    pub format: Format,
    /// The folder to write into (the workspace's `exports/`).
    pub dir: PathBuf,
    /// Where the PDF looks for fonts first (the workspace's `fonts/`).
    pub font_dirs: Vec<PathBuf>,
    /// Open the file with the system's default program once written.
    pub open: bool,
}

/// What became of a [`DocumentJob`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written (and opened, if asked).
    Done(PathBuf),
    /// Written, but the system would not open it.
    NotOpened(PathBuf, String),
    /// Not written: the file name and why.
    Failed(String, WhyNot),
}

/// Why a document was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyNot {
    /// No font available has these characters (the PDF would show empty boxes); where fonts
    /// were looked for.
    MissingGlyphs(String, String),
    /// Anything else, as the system or the writer says it.
    Other(String),
}

impl DocumentJob {
    /// Lay the document out, write it and open it if asked (on the calling thread).
    pub fn run(&self) -> Written {
        let name = self.document.file_name(self.format);
        let path = self.dir.join(&name);
        let written = render(&self.document, self.format, &self.font_dirs)
            .map_err(|e| match e {
                DocumentError::MissingGlyphs { chars, hint } => WhyNot::MissingGlyphs(chars, hint),
                other => WhyNot::Other(other.to_string()),
            })
            .and_then(|bytes| {
                std::fs::create_dir_all(&self.dir)
                    .and_then(|()| crate::workspace::write_atomic(&path, &bytes))
                    .map_err(|e| WhyNot::Other(e.to_string()))
            });
        match written {
            Err(why) => Written::Failed(name, why),
            Ok(()) if !self.open => Written::Done(path),
            Ok(()) => match open::that_detached(&path) {
                Ok(()) => Written::Done(path),
                Err(e) => Written::NotOpened(path, e.to_string()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::{Block, Part};

    #[test]
    fn writes_into_the_folder_and_reports_failures() {
        let dir = tempfile::tempdir().expect("tempdir");
        let document = Document::single(Part {
            title: "测试/通知".into(),
            body: vec![Block::Paragraph("正文".into())],
            ..Part::default()
        });
        let job = DocumentJob {
            document: document.clone(),
            format: Format::Docx,
            dir: dir.path().join("exports"),
            font_dirs: Vec::new(),
            open: false,
        };
        let path = dir.path().join("exports").join("测试_通知.docx");
        assert_eq!(job.run(), Written::Done(path.clone()));
        assert!(std::fs::read(&path).expect("written").starts_with(b"PK"));
        // A folder that cannot be made: the name and the reason come back.
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, b"x").expect("file");
        let job = DocumentJob {
            dir: blocked.join("exports"),
            ..job
        };
        assert!(matches!(job.run(), Written::Failed(name, _) if name == "测试_通知.docx"));
    }
}
