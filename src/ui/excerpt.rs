//! The offending lines of a data file, read back for the load report when a loader kept only the
//! line number: the report shows every problem beside the line it is about.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Files larger than this are not read back (the report then shows line numbers only), so that
/// opening a report never stalls the window on a huge file.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Longest excerpt shown, in characters.
const MAX_CHARS: usize = 160;

/// The text of the 1-based lines `wanted` of `path`, decoded like the loaders decode (UTF-8, GBK
/// …) and cut to a report row. Lines that are not there (or a file that cannot be read) are left
/// out.
pub fn read_lines(path: &Path, wanted: &BTreeSet<u64>) -> HashMap<u64, String> {
    let Some(&last) = wanted.last() else {
        return HashMap::new();
    };
    let Ok(bytes) = crate::ingest::input::read_file(path, MAX_FILE_BYTES) else {
        return HashMap::new();
    };
    let text = crate::ingest::decode(&bytes).text;
    text.lines()
        .enumerate()
        .map(|(i, line)| (i as u64 + 1, line))
        .take_while(|(n, _)| *n <= last)
        .filter(|(n, _)| wanted.contains(n))
        .map(|(n, line)| (n, shorten(line.trim_end_matches('\r'))))
        .collect()
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_CHARS {
        return line.to_string();
    }
    let mut s: String = line.chars().take(MAX_CHARS).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_wanted_lines_in_the_file_encoding() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gbk.csv");
        let (gbk, _, _) = encoding_rs::GBK.encode("编码,名称\r\n1001A,万寿西宫\r\n1002A,定陵\r\n");
        std::fs::write(&path, &gbk).expect("write");
        let lines = read_lines(&path, &BTreeSet::from([2, 3, 9]));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[&2], "1001A,万寿西宫");
        assert_eq!(lines[&3], "1002A,定陵");
        assert!(read_lines(&dir.path().join("missing"), &BTreeSet::from([1])).is_empty());
        let long = "x".repeat(500);
        std::fs::write(&path, &long).expect("write");
        assert_eq!(
            read_lines(&path, &BTreeSet::from([1]))[&1].chars().count(),
            MAX_CHARS + 1
        );
    }
}
