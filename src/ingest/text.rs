//! Turning file bytes into text: BOM sniffing, UTF-8, UTF-16 and GBK/GB18030 via encoding_rs.

use super::reason::{Reason, Then};
use super::report::{FileReport, Severity};
use std::borrow::Cow;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, BOM removed.
    pub text: Cow<'a, str>,
    /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE` or `GB18030`.
    pub encoding: &'static str,
    /// Whether some bytes could not be decoded and were replaced with U+FFFD.
    pub had_errors: bool,
}

/// Decode file bytes: a BOM decides when present; otherwise valid UTF-8 is UTF-8 and anything
/// else is read as GB18030 (a superset of GBK, the encoding of Chinese Excel and station lists).
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let encoding = match enc.name() {
            "UTF-8" => "UTF-8 (BOM)",
            "UTF-16LE" => "UTF-16LE",
            _ => "UTF-16BE",
        };
        return Decoded {
            text,
            encoding,
            had_errors,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: Cow::Borrowed(s),
            encoding: "UTF-8",
            had_errors: false,
        },
        Err(_) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            Decoded {
                text,
                encoding: "GB18030",
                had_errors,
            }
        }
    }
}

/// The first line of a text, without its line ending.
pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim_end_matches('\r')
}

/// Line numbers of CSV records, counted from their byte offsets in the data the reader reads.
/// The csv crate's own `Position::line` is one short after CRLF line ends and reports a skipped
/// blank line instead of the record after it (BurntSushi/rust-csv#395, #208); the byte offset is
/// right up to those skipped line-end bytes.
pub(crate) struct LineCounter<'a> {
    data: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    /// A counter over the exact bytes given to the csv reader.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        LineCounter {
            data,
            byte: 0,
            line: 1,
        }
    }

    /// The 1-based line on which the record at `pos` starts. Records must be asked in order.
    pub(crate) fn line_of(&mut self, pos: Option<&csv::Position>) -> u64 {
        match pos {
            Some(pos) => self.line_at(pos.byte()),
            None => self.line,
        }
    }

    /// The 1-based line of the first byte at or after `byte` that does not end a line: where a
    /// reader that skips blank lines finds its next record. Asked in order, it counts each byte
    /// once.
    pub(crate) fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).map_or(self.data.len(), |b| b.min(self.data.len()));
        while matches!(self.data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.byte {
            // Out of order: count from the beginning.
            self.byte = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.data[self.byte..start]).count() as u64;
        self.byte = start;
        self.line
    }

    /// One record of a headed CSV table, checked the way every loader checks it: an unreadable
    /// row or a row shorter than the header is reported and skipped, a blank row is skipped
    /// silently; any other row counts as read and comes back with its line number.
    pub(crate) fn accept(
        &mut self,
        record: Result<csv::StringRecord, csv::Error>,
        header_len: usize,
        report: &mut FileReport,
    ) -> Option<(u64, csv::StringRecord)> {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = self.line_of(e.position());
                report.problem(
                    Severity::Warning,
                    Some(line),
                    None,
                    unreadable_row(&e),
                    None,
                );
                return None;
            }
        };
        let line = self.line_of(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            return None;
        }
        report.rows_read += 1;
        if record.len() < header_len {
            let reason = Reason::ShortRow {
                fields: record.len(),
                header: header_len,
                then: Then::Row,
            };
            report.problem(Severity::Warning, Some(line), None, reason, None);
            return None;
        }
        Some((line, record))
    }
}

/// A row the CSV reader could not read, as a problem reason.
pub(crate) fn unreadable_row(e: &csv::Error) -> Reason {
    Reason::UnreadableRow {
        detail: e.to_string(),
    }
}

/// Bytes not valid in the encoding found, as a problem of the whole file.
pub(crate) fn report_bad_encoding(decoded: &Decoded<'_>, report: &mut FileReport) {
    if decoded.had_errors {
        let reason = Reason::BadEncoding {
            encoding: decoded.encoding.to_string(),
        };
        report.problem(Severity::Warning, None, None, reason, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_bom_utf8_and_gbk() {
        let d = decode(b"\xEF\xBB\xBFa,b");
        assert_eq!((d.text.as_ref(), d.encoding), ("a,b", "UTF-8 (BOM)"));
        let (gbk, _, _) = encoding_rs::GBK.encode("监测点编码,城市");
        let d = decode(&gbk);
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("监测点编码,城市", "GB18030")
        );
        let d = decode(b"\xFF\xFEa\x00,\x00b\x00");
        assert_eq!((d.text.as_ref(), d.encoding), ("a,b", "UTF-16LE"));
    }

    #[test]
    fn record_lines_after_crlf_and_blank_lines() {
        for data in [&b"h,x\r\na,1\r\n\r\nb,2\r\n"[..], &b"h,x\na,1\n\nb,2"[..]] {
            let mut reader = csv::Reader::from_reader(data);
            let mut lines = LineCounter::new(data);
            let got: Vec<u64> = reader
                .records()
                .map(|r| lines.line_of(r.expect("record").position()))
                .collect();
            assert_eq!(got, [2, 4], "{:?}", String::from_utf8_lossy(data));
        }
    }
}
