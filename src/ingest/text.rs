//! Turning file bytes into text: BOM sniffing, UTF-8, UTF-16 and GBK/GB18030 via encoding_rs.

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
}
