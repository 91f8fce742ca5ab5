//! How `airdesk response notice …` and `airdesk response report …` write a document: the format
//! (`--format`, else the extension of `--out`, else the command's text default), the file or
//! standard output, and the 公文 fields an officer may change (`--doc-no`, `--to`, `--cc`,
//! `--signer`, `--printer`, `--printed`, `--copy-no`, `--secrecy`, `--urgency`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::report::document::{Document, Format, Overrides, Urgency, render};

use super::Failure;

/// The output options every notice and report takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DocumentArgs {
    /// File format (default: from the extension of --out; without --out, text).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file (atomically); without it txt and html go to standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// 发文字号 (for the daily report: the issue number, e.g. 第356期).
    #[arg(long)]
    pub doc_no: Option<String>,
    /// 主送机关 (for the daily report: 报).
    #[arg(long)]
    pub to: Option<String>,
    /// 抄送机关 (for the daily report: 送).
    #[arg(long)]
    pub cc: Option<String>,
    /// 签发人 ("" leaves it out).
    #[arg(long)]
    pub signer: Option<String>,
    /// 印发机关.
    #[arg(long)]
    pub printer: Option<String>,
    /// 印发日期 (e.g. 2019年12月21日).
    #[arg(long)]
    pub printed: Option<String>,
    /// 份号 at the top left of the 版头 (up to six digits, printed as six: 000012).
    #[arg(long)]
    pub copy_no: Option<String>,
    /// 密级和保密期限 under the 份号 (e.g. 机密★1年).
    #[arg(long)]
    pub secrecy: Option<String>,
    /// 紧急程度 under the 密级.
    #[arg(long, value_enum)]
    pub urgency: Option<Urgency>,
}

impl DocumentArgs {
    /// The fields given on the command line.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            doc_no: self.doc_no.clone(),
            to: self.to.clone(),
            cc: self.cc.clone(),
            signer: self.signer.clone(),
            printer: self.printer.clone(),
            printed: self.printed.clone(),
            copy_no: self.copy_no.clone(),
            secrecy: self.secrecy.clone(),
            urgency: self.urgency,
        }
    }

    /// The format to write: `--format`, else the extension of `--out`, else `default`.
    pub fn format(&self, default: Format) -> Result<Format, Failure> {
        match (self.format, &self.out) {
            (Some(f), _) => Ok(f),
            (None, None) => Ok(default),
            (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
                Failure::unusable(format!(
                    "{}: cannot tell the format from the file name; end it in .txt, .html, .docx or .pdf, or give --format",
                    path.display()
                ))
            }),
        }
    }

    /// Apply the overrides to `doc` and write it; PDF fonts are looked for in `font_dirs` first.
    pub fn write(
        &self,
        mut doc: Document,
        default: Format,
        font_dirs: &[PathBuf],
    ) -> Result<(), Failure> {
        let format = self.format(default)?;
        if self.out.is_none() && !format.is_text() {
            return Err(Failure::unusable(format!(
                "a .{} file cannot go to standard output: give --out FILE.{}",
                format.extension(),
                format.extension()
            )));
        }
        self.overrides().apply(&mut doc);
        let bytes =
            render(&doc, format, font_dirs).map_err(|e| Failure::unusable(e.to_string()))?;
        match &self.out {
            Some(path) => write_file(path, &bytes),
            None => to_stdout(&bytes),
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    crate::workspace::write_atomic(path, bytes)
        .map_err(|e| Failure::unusable(format!("cannot write {}: {e}", path.display())))
}

/// Text or HTML on standard output, control characters shown as escapes (see `cli::output`).
fn to_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let text = String::from_utf8_lossy(bytes);
    let text = super::output::printable(&text);
    let mut o = std::io::stdout().lock();
    match o.write_all(text.as_bytes()).and_then(|()| o.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::unusable(format!("cannot write to stdout: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_flag_extension_or_default() {
        let args = |format: Option<Format>, out: Option<&str>| DocumentArgs {
            format,
            out: out.map(PathBuf::from),
            ..DocumentArgs::default()
        };
        assert_eq!(args(None, None).format(Format::Txt).ok(), Some(Format::Txt));
        assert_eq!(
            args(None, Some("a.PDF")).format(Format::Txt).ok(),
            Some(Format::Pdf)
        );
        assert_eq!(
            args(Some(Format::Docx), Some("a.bin"))
                .format(Format::Txt)
                .ok(),
            Some(Format::Docx)
        );
        assert!(args(None, Some("a.bin")).format(Format::Txt).is_err());
        let doc = Document {
            title: "t".into(),
            parts: Vec::new(),
        };
        let refused = args(Some(Format::Pdf), None)
            .write(doc, Format::Txt, &[])
            .expect_err("no PDF to stdout");
        assert!(refused.message.contains("--out"), "{}", refused.message);
    }
}
