//! The four file formats a [`Document`] is written in, and the one function that writes it.

use std::path::{Path, PathBuf};

use super::Document;

/// A document file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Plain text (UTF-8), for pasting into a message.
    Txt,
    /// One self-contained HTML page.
    Html,
    /// Word / WPS document in 公文 layout.
    Docx,
    /// PDF in 公文 layout with the fonts embedded.
    Pdf,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Txt, Format::Html, Format::Docx, Format::Pdf];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file name's extension names (`.txt`, `.htm`/`.html`, `.docx`, `.pdf`, any
    /// case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Txt),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// Whether the format is text that can go to standard output.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Txt | Format::Html)
    }
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Characters no available font can print: the PDF would show empty boxes.
    #[error(
        "no font available has these characters: {chars} — put a font that has them (for example Noto Serif CJK SC) into {hint}"
    )]
    MissingGlyphs {
        /// The characters, each once, in order of first appearance.
        chars: String,
        /// Where fonts are looked for.
        hint: String,
    },
    /// A figure's image cannot go into this format.
    #[error("figure 「{caption}」: {reason}")]
    Figure {
        /// The figure's caption.
        caption: String,
        /// Why.
        reason: String,
    },
    /// The PDF library refused the document.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    /// Writing the .docx package failed.
    #[error("the .docx could not be written: {0}")]
    Docx(String),
}

/// The document written in `format`, with fonts for the PDF (and for counting the .docx's pages)
/// looked for in `font_dirs` first.
pub fn render(
    doc: &Document,
    format: Format,
    font_dirs: &[PathBuf],
) -> Result<Vec<u8>, DocumentError> {
    match format {
        Format::Txt => Ok(super::text::write(doc).into_bytes()),
        Format::Html => Ok(super::html::write(doc).into_bytes()),
        Format::Docx => {
            // Where the PDF puts each 版记 (the .docx follows the same 22-line grid).
            let mut book = super::pdf::fonts::FontBook::new(font_dirs);
            super::docx::write(doc, &super::pdf::layout::records_alone(doc, &mut book))
        }
        Format::Pdf => super::pdf::write(doc, font_dirs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_the_extension() {
        assert_eq!(
            Format::from_path(Path::new("a/通知.DOCX")),
            Some(Format::Docx)
        );
        assert_eq!(Format::from_path(Path::new("x.pdf")), Some(Format::Pdf));
        assert_eq!(Format::from_path(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.txt")), Some(Format::Txt));
        assert_eq!(Format::from_path(Path::new("x.doc")), None);
        assert_eq!(Format::from_path(Path::new("x")), None);
    }
}
