//! AirDesk binary: the headless CLI (`airdesk inspect …`) and, with no subcommand, the desktop app.
//!
//! A Windows release build is a windowed program, so the Start-menu entry opens no console
//! window beside the app; the subcommands' output then shows when redirected or piped
//! (`airdesk inspect … > report.txt`, `airdesk --version | more`). Debug builds keep the console.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    airdesk::ui::launch::mark_process_start();
    let cli = airdesk::cli::Cli::parse();
    match cli.command {
        Some(command) => airdesk::cli::run(command),
        None => {
            // SAFETY: no other thread has been started yet (argument parsing starts none); the
            // graphics drivers read these variables when the window's context is made.
            unsafe { airdesk::workspace::Folders::current().redirect_caches() };
            airdesk::cli::run_gui(&cli.gui)
        }
    }
}
