//! Standard output the way command-line tools are expected to write it: when the reader goes
//! away (`airdesk inspect … | head`), stop quietly with status 0 instead of panicking as
//! `println!` does; any other write failure ends with status 1 and a message on stderr.
//!
//! Every subcommand that only reads (no journal writes happen while printing) prints through
//! [`outln!`], so a closed pipe never leaves anything half-done.

use std::io::Write;

/// Write one line to standard output, ending the process when that is impossible (see the
/// module doc).
pub(crate) fn line(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
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
