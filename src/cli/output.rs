//! Standard output the way command-line tools are expected to write it: when the reader goes
//! away (`airdesk inspect … | head`), stop quietly with status 0 instead of panicking as
//! `println!` does; any other write failure ends with status 1 and a message on stderr.
//!
//! Every subcommand that only reads (no journal writes happen while printing) prints through
//! [`outln!`], so a closed pipe never leaves anything half-done.
//!
//! Text from files (station codes, roster names, feedback) may hold terminal escape sequences
//! that would recolour, retitle or rewrite the user's terminal: every line printed, to standard
//! output ([`outln!`]) or standard error ([`errln!`]), shows control characters as visible
//! escapes instead (`\u{1b}`); tabs and line ends stay.

use std::borrow::Cow;
use std::io::Write;

/// `text` with every control character but tab and line feed written as a visible escape.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if unsafe_char(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Write one line to standard output, ending the process when that is impossible (see the
/// module doc).
pub(crate) fn line(args: std::fmt::Arguments<'_>) {
    let text = args.to_string();
    let mut out = std::io::stdout().lock();
    if let Err(e) = out
        .write_all(printable(&text).as_bytes())
        .and_then(|()| out.write_all(b"\n"))
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("airdesk: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// `println!` for the CLI: same arguments, quiet end on a closed pipe.
macro_rules! outln {
    () => {
        $crate::cli::output::line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::line(format_args!($($arg)*))
    };
}
pub(crate) use outln;

/// `eprintln!` for the CLI: the line with control characters made visible.
macro_rules! errln {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::cli::output::printable(&format!($($arg)*)))
    };
}
pub(crate) use errln;

#[cfg(test)]
mod tests {
    use super::*;

    /// A station code or roster name holding ESC sequences is printed as visible text (#11 item 7).
    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(
            printable("1001A\u{1b}]0;pwned\u{7}\u{1b}[2J\r站"),
            "1001A\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{d}站"
        );
        assert_eq!(printable("a\tb\nc"), "a\tb\nc");
        assert!(matches!(printable("张伟 1001A"), Cow::Borrowed(_)));
    }
}
