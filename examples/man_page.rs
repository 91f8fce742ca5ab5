//! Write the man pages of `airdesk` and of each subcommand (`airdesk.1`, `airdesk-inspect.1`, …)
//! from the command-line definition, for the Debian package (`tools/package deb` runs it):
//! `cargo run --release --example man_page -- OUT_DIR`

use anyhow::{Context, Result};
use clap::CommandFactory;

fn main() -> Result<()> {
    let out = std::env::args_os()
        .nth(1)
        .context("usage: man_page OUT_DIR")?;
    std::fs::create_dir_all(&out).context("creating the output folder")?;
    clap_mangen::generate_to(airdesk::cli::Cli::command(), &out)
        .context("writing the man pages")?;
    Ok(())
}
