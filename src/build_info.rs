//! What this binary is: its version and the commit it was built from (recorded by `build.rs`),
//! shown by `airdesk --version` and the About box so a duty desk can say exactly which build it
//! runs.

/// The crate version (`Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The 12-digit commit, with `+modified` when built from changed sources; `unknown` for debug
/// builds and builds without git (see `build.rs`).
pub const COMMIT: &str = env!("AIRDESK_COMMIT");

/// `0.1.0 (commit 2b3bd22a1c3f)`: what `airdesk --version` prints after the name.
pub const VERSION_LINE: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("AIRDESK_COMMIT"),
    ")"
);

/// The licence of the bundled font, shown in the About box.
pub const FONT_LICENCE: &str = include_str!("../assets/fonts/OFL.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_names_version_and_commit() {
        assert!(VERSION_LINE.starts_with(VERSION));
        assert!(VERSION_LINE.ends_with(&format!("(commit {COMMIT})")));
        assert!(
            COMMIT == "unknown"
                || COMMIT.trim_end_matches("+modified").len() >= 7
                    && COMMIT
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '+'),
            "{COMMIT}"
        );
        assert!(FONT_LICENCE.contains("SIL OPEN FONT LICENSE"));
    }
}
