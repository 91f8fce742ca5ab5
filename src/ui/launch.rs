//! Starting the window: renderer choice, native options, and the restart with the other renderer
//! when the chosen one fails (a winit event loop cannot be created twice in one process, so the
//! fallback is a new process).

use std::ffi::OsString;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::workspace::Renderer;

use super::app::{AirDeskApp, RendererFallback, StartOptions};
use super::i18n::{T, Tr};
use super::logging;

/// The application id: window class on X11/Wayland, name of the persistence folder.
pub const APP_ID: &str = "airdesk";

/// Set once the first frame has been drawn: failures after it are not renderer failures.
static FIRST_FRAME: AtomicBool = AtomicBool::new(false);
static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// What the command line says about the desktop app.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Start options for the app.
    pub start: StartOptions,
    /// `--renderer`: overrides the workspace setting.
    pub renderer: Option<Renderer>,
    /// Print the time from process start to the first frame, then quit (start-up measurement).
    pub exit_after_first_frame: bool,
}

/// Note the process start (call first thing in `main`) for the start-up measurement.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Open the window and run until it closes.
pub fn run(mut launch: Launch) -> ExitCode {
    mark_process_start();
    logging::init();
    let mut app = match AirDeskApp::new(launch.start.clone()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("airdesk: cannot open or create any workspace: {e}");
            return ExitCode::from(2);
        }
    };
    let renderer = launch
        .renderer
        .unwrap_or_else(|| app.workspace().settings().renderer.resolve());
    launch.start.renderer = Some(renderer);
    app.started_with(renderer, launch.start.fallback.as_ref());
    let title = Tr(app.language()).t(T::AppTitle).to_string();
    let mut app = AppWithProbe {
        app,
        exit_after_first_frame: launch.exit_after_first_frame,
        renderer,
        fallback: launch.start.fallback.clone(),
    };
    let options = native_options(renderer, &title, app.app.folders().window_state_file());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        eframe::run_native(
            APP_ID,
            options,
            Box::new(move |cc| {
                app.app.prepare(&cc.egui_ctx);
                Ok(Box::new(app))
            }),
        )
    }));
    let failure = match result {
        Ok(Ok(())) => return ExitCode::SUCCESS,
        Ok(Err(e)) => e.to_string(),
        Err(panic) => {
            if FIRST_FRAME.load(Ordering::SeqCst) {
                std::panic::resume_unwind(panic);
            }
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic while starting".into())
        }
    };
    if FIRST_FRAME.load(Ordering::SeqCst) {
        eprintln!("airdesk: the window failed: {failure}");
        return ExitCode::from(1);
    }
    if launch.start.fallback.is_some() {
        eprintln!(
            "airdesk: neither renderer could start. {} failed: {failure}. See docs/gui.md (graphics drivers).",
            renderer.name()
        );
        return ExitCode::from(2);
    }
    eprintln!(
        "airdesk: the {} renderer could not start ({failure}); restarting with {}",
        renderer.name(),
        renderer.other().name()
    );
    restart_with(renderer.other(), renderer, &failure)
}

/// Re-run this executable with the same arguments but the other renderer, and flags that make the
/// new process say why.
fn restart_with(next: Renderer, failed: Renderer, reason: &str) -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("airdesk: cannot restart with {}: {e}", next.name());
            return ExitCode::from(2);
        }
    };
    let mut args = strip_renderer_args(std::env::args_os().skip(1));
    args.extend([
        OsString::from("--renderer"),
        OsString::from(next.name()),
        OsString::from("--renderer-failed"),
        OsString::from(failed.name()),
        OsString::from("--renderer-error"),
        OsString::from(one_line(reason)),
    ]);
    let mut command = std::process::Command::new(exe);
    command.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = command.exec();
        eprintln!("airdesk: cannot restart with {}: {e}", next.name());
        ExitCode::from(2)
    }
    #[cfg(not(unix))]
    {
        match command.status() {
            Ok(status) => ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8),
            Err(e) => {
                eprintln!("airdesk: cannot restart with {}: {e}", next.name());
                ExitCode::from(2)
            }
        }
    }
}

/// The arguments without any renderer choice or earlier fallback note.
pub fn strip_renderer_args(args: impl Iterator<Item = OsString>) -> Vec<OsString> {
    const WITH_VALUE: [&str; 3] = ["--renderer", "--renderer-failed", "--renderer-error"];
    let mut out = Vec::new();
    let mut skip_next = false;
    for a in args {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let s = a.to_string_lossy();
        if WITH_VALUE.contains(&s.as_ref()) {
            skip_next = true;
            continue;
        }
        if WITH_VALUE.iter().any(|w| s.starts_with(&format!("{w}="))) {
            continue;
        }
        out.push(a);
    }
    out
}

fn one_line(s: &str) -> String {
    let line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars().take(300).collect()
}

fn native_options(
    renderer: Renderer,
    title: &str,
    persistence_path: Option<std::path::PathBuf>,
) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id(APP_ID)
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([960.0, 600.0])
            .with_maximized(true)
            .with_icon(window_icon()),
        renderer: match renderer {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu => eframe::Renderer::Wgpu,
        },
        system_font_fallback: false,
        persist_window: true,
        persistence_path,
        ..Default::default()
    }
}

/// The window's icon: the 128 px rendering of `assets/icons/airdesk.svg` (on X11 it becomes the
/// window's `_NET_WM_ICON`; Wayland desktops take it from the desktop entry named by [`APP_ID`]).
fn window_icon() -> egui::IconData {
    const PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/128x128/apps/airdesk.png");
    // The PNG is built in and decoded by a test; an empty icon is the window system's default.
    eframe::icon_data::from_png_bytes(PNG).unwrap_or_default()
}

/// The app plus the start-up bookkeeping of this process (first frame seen, measurement).
struct AppWithProbe {
    app: AirDeskApp,
    exit_after_first_frame: bool,
    renderer: Renderer,
    fallback: Option<RendererFallback>,
}

impl eframe::App for AppWithProbe {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        eframe::App::logic(&mut self.app, ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        let first = !FIRST_FRAME.swap(true, Ordering::SeqCst);
        if first && self.exit_after_first_frame {
            let since = PROCESS_START
                .get()
                .map_or(0.0, |t| t.elapsed().as_secs_f64());
            let note = if self.fallback.is_some() {
                ", after fallback"
            } else {
                ""
            };
            println!(
                "first frame after {since:.3} s (renderer {}{note})",
                self.renderer.name()
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        eframe::App::persist_egui_memory(&self.app)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restart_arguments_replace_the_renderer_choice() {
        let args = [
            "--workspace",
            "/w",
            "--renderer",
            "glow",
            "--renderer-error=x",
            "--lang",
            "en",
        ]
        .map(OsString::from);
        let out = strip_renderer_args(args.into_iter());
        assert_eq!(
            out,
            ["--workspace", "/w", "--lang", "en"].map(OsString::from)
        );
        assert_eq!(one_line("a\n  b\tc"), "a b c");
    }

    #[test]
    fn the_window_icon_is_the_128_px_rendering() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // The tile is opaque in the middle: the image really decoded.
        let centre = (64 * 128 + 64) * 4;
        assert_eq!(icon.rgba[centre + 3], 255);
    }
}
