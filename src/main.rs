//! AirDesk binary: the headless CLI (`airdesk inspect …`) and, with no subcommand, the desktop app.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = airdesk::cli::Cli::parse();
    match cli.command {
        Some(command) => airdesk::cli::run(command),
        None => {
            eprintln!("airdesk: the desktop app is not built yet; use a subcommand (see --help)");
            ExitCode::from(2)
        }
    }
}
