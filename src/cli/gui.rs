//! The top-level options that start the desktop app (`airdesk` with no subcommand).

use super::output::errln;
use std::path::PathBuf;

use crate::clock::parse_moment;
use crate::i18n::Language;
use crate::ui::{Launch, RendererFallback, StartOptions};
use crate::workspace::Renderer;

use super::Failure;

/// Options of the desktop app.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GuiArgs {
    /// Workspace folder to open (created if missing); default: the last one used.
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Open the workspace read-only (nothing is saved).
    #[arg(long)]
    pub read_only: bool,
    /// Graphics back end; default: the workspace setting (wgpu on Windows, glow elsewhere).
    #[arg(long, value_enum)]
    pub renderer: Option<Renderer>,
    /// Interface language for this session.
    #[arg(long, value_enum)]
    pub lang: Option<Language>,
    /// Start a drill (演练) with the clock at this moment, China Standard Time
    /// ("2019-12-10 14:00").
    #[arg(long, value_name = "TIME")]
    pub drill: Option<String>,
    /// Never use the system file dialog: type paths, drop files or use the recent list (for
    /// systems where the desktop portal hangs).
    #[arg(long)]
    pub no_file_dialog: bool,
    /// The duty officer's name (and desk id as NAME@DESK): the shift starts without asking
    /// (a fixed desk, screenshots).
    #[arg(long, value_name = "NAME[@DESK]")]
    pub officer: Option<String>,
    /// Print the time to the first frame and quit (start-up measurement).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    /// Set by the app itself when it restarts after a renderer failed to start.
    #[arg(long, hide = true, value_enum)]
    pub renderer_failed: Option<Renderer>,
    /// The failed renderer's error, for the message in the app.
    #[arg(long, hide = true)]
    pub renderer_error: Option<String>,
}

impl GuiArgs {
    /// Turn the options into what the app starts with.
    pub fn to_launch(&self) -> Result<Launch, Failure> {
        let drill = match &self.drill {
            Some(text) => Some(parse_moment(text).ok_or_else(|| {
                Failure::unusable(format!(
                    "--drill {text:?}: not a time; use the form \"2019-12-10 14:00\" (China Standard Time)"
                ))
            })?),
            None => None,
        };
        let officer = match &self.officer {
            Some(text) => {
                let (name, desk) = text.split_once('@').unwrap_or((text.as_str(), "desk-1"));
                Some(
                    crate::journal::Author::new(name, desk)
                        .map_err(|e| Failure::unusable(format!("--officer {text:?}: {e}")))?,
                )
            }
            None => None,
        };
        Ok(Launch {
            start: StartOptions {
                workspace: self.workspace.clone(),
                read_only: self.read_only,
                language: self.lang,
                drill,
                fallback: self.renderer_failed.map(|failed| RendererFallback {
                    failed,
                    reason: self.renderer_error.clone().unwrap_or_default(),
                }),
                file_dialogs: self.no_file_dialog.then_some(false),
                officer,
                ..StartOptions::default()
            },
            renderer: self.renderer,
            exit_after_first_frame: self.exit_after_first_frame,
        })
    }
}

/// Start the desktop app.
pub fn run(args: &GuiArgs) -> std::process::ExitCode {
    match args.to_launch() {
        Ok(launch) => crate::ui::run(launch),
        Err(f) => {
            errln!("airdesk: {}", f.message);
            std::process::ExitCode::from(f.status)
        }
    }
}
