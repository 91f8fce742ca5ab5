//! The eframe application: state split into small structs, per-frame logic apart from drawing,
//! and every change applied in one place ([`AirDeskApp::apply`]).

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::clock::{Clock, to_cst};
use crate::domain::response;
use crate::i18n::{Render, list_separator};
use crate::session::{self, Follower, Session};
use crate::workspace::{
    AppState, Folders, Language, Renderer, Workspace, WorkspaceError, sample,
    watch::{WatchSet, Watcher},
};

use super::about;
use super::background::{Background, Message, load_now};
use super::command::Command;
use super::file_dialog::{self, DialogKind, DialogOutcome};
use super::fonts;
use super::i18n::{T, Tr};
use super::jobs::{AfterHash, AfterStore, Done, ExportFile, Failed, Job, WhyNot};
use super::pages::{self, Page, PageContext, Pages};
use super::projector::{Projector, Slide};
use super::shift::{ShiftAsk, ShiftModal};
use super::state::{DataStatus, Notices};
use super::theme::{self, Look};
use super::widgets::{BannerKind, banner};

/// How often the watcher looks at the data files.
const WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// How often the journal follower asks for events other writers stored.
const FOLLOW_INTERVAL: Duration = Duration::from_secs(1);

/// A renderer that failed to start, and why (set when the app restarted itself with the other).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RendererFallback {
    /// The renderer that failed.
    pub failed: Renderer,
    /// Its error message.
    pub reason: String,
}

/// How the app starts: from the command line, or from a test.
#[derive(Debug, Clone)]
pub struct StartOptions {
    /// The workspace folder to open (created if missing); `None` = the last one, else the default.
    pub workspace: Option<PathBuf>,
    /// Open the workspace read-only even if it could be written.
    pub read_only: bool,
    /// Interface language for this session, overriding the workspace setting until the user
    /// picks one.
    pub language: Option<Language>,
    /// Start with a drill clock at this moment (running).
    pub drill: Option<DateTime<Utc>>,
    /// The renderer drawing the window (`None` in headless tests).
    pub renderer: Option<Renderer>,
    /// Set when the preferred renderer failed and this process is the restart.
    pub fallback: Option<RendererFallback>,
    /// One folder for app-level state and the sample; `None` = [`Folders::current`]. Tests
    /// point it at a temporary folder.
    pub config_dir: Option<PathBuf>,
    /// The real clock (tests may pass a fixed one).
    pub real_time: fn() -> DateTime<Utc>,
    /// Whether to watch data files for changes.
    pub watch_files: bool,
    /// `Some(false)`: never use the system file dialog (type paths, drop files); `None`: detect.
    pub file_dialogs: Option<bool>,
    /// The duty officer, when known before the start (`--officer`, tests): the shift starts
    /// without asking.
    pub officer: Option<crate::journal::Author>,
    /// Start in projector mode (the meeting-room machine; tests of what the deck shows).
    pub projector: bool,
}

impl Default for StartOptions {
    fn default() -> Self {
        StartOptions {
            workspace: None,
            read_only: false,
            language: None,
            drill: None,
            renderer: None,
            fallback: None,
            config_dir: None,
            real_time: Utc::now,
            watch_files: true,
            file_dialogs: None,
            officer: None,
            projector: false,
        }
    }
}

/// The desktop app.
pub struct AirDeskApp {
    workspace: Workspace,
    app_state: AppState,
    folders: Folders,
    language_override: Option<Language>,
    data: DataStatus,
    loads_started: u64,
    reload_pending: bool,
    page: Page,
    /// Counts page and slide changes: each visit draws the page under fresh ids (scroll at top).
    page_visit: u64,
    pages: Pages,
    projector: Projector,
    clock: Clock,
    real_time: fn() -> DateTime<Utc>,
    notices: Notices,
    background: Background,
    watcher: Option<Watcher>,
    /// Watches the workspace's own files (plan, roster, AQI forecast).
    workspace_watcher: Option<Watcher>,
    watch_files: bool,
    dialog_available: bool,
    renderer: Option<Renderer>,
    commands: Vec<Command>,
    applied_look: Option<Look>,
    applied_title: Option<Language>,
    fonts_installed: bool,
    session: Session,
    shift: ShiftModal,
    about_open: bool,
    /// The journal follower: `None` until started (after the first frame), `Some(None)` when
    /// there is nothing to follow.
    follower: Option<Option<Follower>>,
    /// The pages' jobs running on worker threads, oldest first.
    jobs: Vec<RunningJob>,
    jobs_started: u64,
}

/// A job on a worker thread, as the status bar shows it.
#[derive(Debug, Clone, PartialEq)]
struct RunningJob {
    id: u64,
    label: T,
    /// Done and total (bytes, files), once reported.
    progress: Option<(u64, u64)>,
}

impl AirDeskApp {
    /// Open the workspace and set up the app; no thread is started and no file is loaded until
    /// the first frame. Fails only when no workspace at all can be opened or created (not even a
    /// scratch one in the temporary folder).
    pub fn new(options: StartOptions) -> Result<AirDeskApp, WorkspaceError> {
        let folders = options
            .config_dir
            .as_deref()
            .map_or_else(|| Folders::current().clone(), Folders::one_folder);
        let app_state = folders
            .config
            .as_deref()
            .map(AppState::load)
            .unwrap_or_default();
        let mut notices = Notices::default();
        let workspace = open_first_workspace(&options, &app_state, &folders, &mut notices)?;
        if let Some(problem) = workspace.settings_problem() {
            let tr = Tr(workspace.settings().language);
            notices.push(
                BannerKind::Warning,
                T::SettingsProblem,
                vec![problem.render(tr)],
            );
        }
        let session = Session::open(&workspace);
        let real_now = (options.real_time)();
        let clock = options
            .drill
            .or(workspace.settings().drill_at)
            .map_or(Clock::Real, |at| {
                crate::clock::resume_drill(at, session.last_event_time(), real_now)
            });
        let mut app = AirDeskApp {
            workspace,
            app_state,
            folders,
            language_override: options.language,
            data: DataStatus::default(),
            loads_started: 0,
            reload_pending: true,
            page: Page::Situation,
            page_visit: 0,
            pages: Pages::default(),
            projector: Projector::default(),
            clock,
            real_time: options.real_time,
            notices,
            background: Background::default(),
            watcher: None,
            workspace_watcher: None,
            watch_files: options.watch_files,
            dialog_available: options
                .file_dialogs
                .unwrap_or_else(file_dialog::likely_available),
            renderer: options.renderer,
            commands: Vec::new(),
            applied_look: None,
            applied_title: None,
            fonts_installed: false,
            session,
            shift: ShiftModal::default(),
            about_open: false,
            follower: None,
            jobs: Vec::new(),
            jobs_started: 0,
        };
        app.session_notices();
        if let Some(officer) = options.officer {
            let at = to_cst(app.now());
            if let Err(e) = app.session.start_shift(officer, "", at) {
                log::warn!("starting the shift: {}", e.render(Tr(Language::En)));
            }
        }
        if options.projector {
            // Applied in the first frame, before the data load starts (and with it the alerts).
            app.commands.push(Command::ToggleProjector);
        }
        app.remember_workspace();
        if let Some(renderer) = options.renderer {
            app.started_with(renderer, options.fallback.as_ref());
        }
        Ok(app)
    }

    /// Note which renderer draws the window; after a fallback, say which one failed and why, and
    /// offer to keep the working one.
    pub fn started_with(&mut self, renderer: Renderer, fallback: Option<&RendererFallback>) {
        self.renderer = Some(renderer);
        let Some(fb) = fallback else {
            return;
        };
        let setting = match renderer {
            Renderer::Glow => crate::workspace::RendererSetting::Glow,
            Renderer::Wgpu => crate::workspace::RendererSetting::Wgpu,
        };
        self.notices.push_with_action(
            BannerKind::Warning,
            T::RendererFellBack,
            vec![
                fb.failed.name().into(),
                renderer.name().into(),
                fb.reason.clone(),
            ],
            Some((
                T::UseThisRenderer,
                vec![renderer.name().into()],
                Command::SetRenderer(setting),
            )),
        );
    }

    /// The page on show.
    pub fn page(&self) -> Page {
        self.page
    }

    /// The folders app state, the sample and caches are kept in.
    pub fn folders(&self) -> &Folders {
        &self.folders
    }

    /// The open workspace.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The loaded data and load status.
    pub fn data(&self) -> &DataStatus {
        &self.data
    }

    /// Whether a load is running or about to start.
    pub fn is_loading(&self) -> bool {
        self.data.loading || self.reload_pending
    }

    /// Whether a load or a page's job (export, hash, import) is running.
    pub fn is_busy(&self) -> bool {
        self.is_loading() || !self.jobs.is_empty()
    }

    /// Whether projector mode is on.
    pub fn presenting(&self) -> bool {
        self.projector.active()
    }

    /// The slide shown, in projector mode.
    pub fn presenting_slide(&self) -> Option<Slide> {
        self.projector.active().then(|| self.projector.slide())
    }

    /// The interface language in use.
    pub fn language(&self) -> Language {
        self.language_override
            .unwrap_or(self.workspace.settings().language)
    }

    /// The app's "now".
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now((self.real_time)())
    }

    /// The session: the workspace journal, the duty officer, the plan and the read models.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Whether the About box is on show.
    pub fn about_open(&self) -> bool {
        self.about_open
    }

    /// Whether the shift modal is on show.
    pub fn shift_modal_open(&self) -> bool {
        self.shift.is_open()
    }

    /// The pages' view state (for tests and benchmarks that drive them).
    pub fn pages_mut(&mut self) -> &mut Pages {
        &mut self.pages
    }

    /// Queue a command as if a page had sent it.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Load the workspace's data now, on this thread (benchmarks and tests; the app itself loads
    /// in the background).
    pub fn load_blocking(&mut self) {
        self.loads_started += 1;
        let loaded = load_now(&self.workspace.data_files(), self.loads_started);
        self.reload_pending = false;
        self.finish_load(
            loaded.store,
            loaded.report,
            loaded.elapsed,
            loaded.generation,
        );
    }

    /// Install the fonts and the theme before the first frame, so that frame already shows Chinese
    /// text (fonts given to egui take effect at the start of the next pass).
    pub fn prepare(&mut self, ctx: &egui::Context) {
        fonts::install(ctx);
        self.fonts_installed = true;
        let look = self.look();
        theme::apply(ctx, &look);
        self.applied_look = Some(look);
    }

    /// One whole frame for hosts without eframe (tests, benchmarks): logic, drawing, commands.
    pub fn run_frame(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.draw(ui);
    }

    /// Per-frame logic before drawing: fonts and theme, background messages, file drops,
    /// keyboard shortcuts, and starting pending work.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            fonts::install(ctx);
            self.fonts_installed = true;
        }
        self.background.set_context(ctx);
        let look = self.look();
        if self.applied_look != Some(look) {
            theme::apply(ctx, &look);
            self.applied_look = Some(look);
        }
        let lang = self.language();
        if self.applied_title != Some(lang) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(
                Tr(lang).t(T::AppTitle).to_string(),
            ));
            self.applied_title = Some(lang);
        }
        for message in self.background.poll() {
            self.receive(message);
        }
        self.take_dropped_files(ctx);
        self.session_logic();
        self.shortcuts(ctx);
        self.apply_all(ctx);
        // Not before the first frame is out: on two cores the loader would slow down the start.
        if self.reload_pending && ctx.cumulative_frame_nr() > 0 {
            self.start_load();
        } else if self.reload_pending {
            ctx.request_repaint();
        }
        if self.watch_files && self.watcher.is_none() {
            self.start_watcher();
        }
        if self.follower.is_none() && ctx.cumulative_frame_nr() > 0 {
            self.start_follower();
        }
        // The clock on screen shows minutes; waking every few seconds keeps it current.
        ctx.request_repaint_after(Duration::from_secs(5));
    }

    /// Draw the frame, then apply what the pages asked for.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let tr = Tr(self.language());
        let look = self.look();
        let now = self.now();
        self.top_bar(ui, tr, &look, now);
        self.banners(ui, tr, &look, now);
        if !self.projector.active() {
            self.navigation(ui, tr, &look);
        }
        if !self.projector.active() {
            self.status_bar(ui, tr, &look);
        }
        let presenting = self.projector.active();
        let page = self.page;
        let mut commands = std::mem::take(&mut self.commands);
        let slide = presenting.then(|| self.projector.slide());
        let visit = self.page_visit;
        egui::CentralPanel::default().show(ui, |ui| {
            let mut cx = PageContext::new(
                tr,
                look,
                now,
                self.clock,
                &self.data,
                &self.workspace,
                &self.app_state,
                presenting,
                self.dialog_available,
                self.renderer,
                &self.session,
                &mut commands,
            );
            cx.slide = slide;
            // Every visit gets fresh ids, so the page's scroll areas start at the top.
            ui.push_id(("page_visit", visit), |ui| {
                let room = ui.available_rect_before_wrap().height().max(1.0);
                self.pages.show(page, ui, &mut cx);
                pages::note_overflow(ui.ctx(), ui.min_rect().height() / room);
            });
        });
        let overflow = pages::slide_overflow(&ctx);
        self.projector.fit(&ctx, overflow);
        self.commands.extend(commands);
        if !presenting {
            let asked = self.shift.show(&ctx, tr, &look, &self.session);
            self.commands.extend(asked);
        }
        if self.about_open && about::show(&ctx, tr, &look, &self.folders, self.workspace.root()) {
            self.commands.push(Command::CloseAbout);
        }
        self.drop_overlay(&ctx, tr, &look);
        self.apply_all(&ctx);
    }

    /// Open `page` at its top: a page (or slide) shown anew starts unscrolled.
    fn show_page(&mut self, page: Page) {
        if page != self.page {
            self.page = page;
            self.page_visit += 1;
            self.session.forget_outcome();
            self.pages.reset_chart_zoom();
        }
    }

    /// Show `slide` at its top and at the projector scale.
    fn show_slide(&mut self, ctx: &egui::Context, slide: Slide) {
        if slide != self.projector.slide() {
            self.page_visit += 1;
        }
        self.projector.show_slide(ctx, slide);
        self.show_page(slide.page());
    }

    fn look(&self) -> Look {
        Look::new(self.workspace.settings().theme, self.projector.active())
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, tr: Tr, look: &Look, now: DateTime<Utc>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                if self.projector.active() {
                    let n = Slide::ALL.len();
                    let slide = self.projector.slide();
                    if ui.button("◀").on_hover_text(tr.t(T::PrevPage)).clicked() {
                        self.commands.push(Command::StepPage(-1));
                    }
                    ui.label(
                        RichText::new(format!(
                            "{}  {}/{n}",
                            tr.t(slide.title()),
                            slide.index() + 1
                        ))
                        .heading()
                        .strong(),
                    );
                    if ui.button("▶").on_hover_text(tr.t(T::NextPage)).clicked() {
                        self.commands.push(Command::StepPage(1));
                    }
                } else {
                    ui.label(
                        RichText::new(tr.t(T::AppTitle))
                            .heading()
                            .strong()
                            .color(look.strong_text),
                    );
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if self.projector.active() {
                        if ui.button(tr.t(T::LeaveProjector)).clicked() {
                            self.commands.push(Command::LeaveProjector);
                        }
                    } else {
                        if ui
                            .button(tr.t(T::Projector))
                            .on_hover_text(tr.t(T::ProjectorTip))
                            .clicked()
                        {
                            self.commands.push(Command::ToggleProjector);
                        }
                        let other = match self.language() {
                            Language::Zh => T::LanguageEn,
                            Language::En => T::LanguageZh,
                        };
                        self.officer_button(ui, tr);
                        if ui
                            .button(tr.t(other))
                            .on_hover_text(tr.t(T::SwitchLanguage))
                            .clicked()
                        {
                            self.commands.push(Command::ToggleLanguage);
                        }
                    }
                    let t = to_cst(now);
                    let label = if self.clock.is_drill() {
                        T::DrillClock
                    } else {
                        T::Clock
                    };
                    let color = if self.clock.is_drill() {
                        look.warn
                    } else {
                        look.strong_text
                    };
                    ui.label(
                        RichText::new(t.format("%Y-%m-%d %H:%M").to_string())
                            .strong()
                            .monospace()
                            .color(color),
                    );
                    ui.label(RichText::new(tr.t(label)).color(look.weak_text));
                });
            });
            ui.add_space(2.0);
        });
    }

    fn banners(&mut self, ui: &mut egui::Ui, tr: Tr, look: &Look, now: DateTime<Utc>) {
        let presenting = self.projector.active();
        let any = presenting
            || self.clock.is_drill()
            || self.workspace.read_only()
            || self.journal_banner(tr).is_some()
            || self.notices.iter().next().is_some();
        if !any {
            return;
        }
        egui::Panel::top("banners")
            .frame(
                egui::Frame::new()
                    .fill(ui.visuals().panel_fill)
                    .inner_margin(egui::Margin::symmetric(8, 4)),
            )
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 4.0;
                let drill = match self.clock {
                    Clock::Drill { running, .. } => {
                        let state = if running {
                            T::DrillRunning
                        } else {
                            T::DrillFrozen
                        };
                        let when = to_cst(now).format("%Y-%m-%d %H:%M").to_string();
                        Some(format!(
                            "{} {}",
                            tr.f(T::DrillBanner, &[&when]),
                            tr.t(state)
                        ))
                    }
                    Clock::Real => None,
                };
                if presenting {
                    // One line only: the screen is small at projector zoom.
                    let (kind, text) = match &drill {
                        Some(d) => (
                            BannerKind::Warning,
                            format!("{}  ·  {d}", tr.t(T::ProjectorBanner)),
                        ),
                        None => (BannerKind::Info, tr.t(T::ProjectorBanner).to_string()),
                    };
                    banner(ui, look, kind, &text, |_| ());
                    return;
                }
                if let Some(text) = &drill {
                    banner(ui, look, BannerKind::Warning, text, |ui| {
                        if ui.button(tr.t(T::EndDrill)).clicked() {
                            self.commands.push(Command::SetClock(Clock::Real));
                        }
                    });
                }
                if self.workspace.read_only() {
                    let text = format!("{} {}", tr.t(T::ReadOnlyBanner), tr.t(T::ReadOnlyWhy));
                    banner(ui, look, BannerKind::Warning, &text, |_| ());
                }
                if let Some(text) = self.journal_banner(tr) {
                    banner(ui, look, BannerKind::Warning, &text, |_| ());
                }
                for n in self.notices.iter() {
                    let text = n.render(tr);
                    banner(ui, look, n.kind, &text, |ui| {
                        if ui.button(tr.t(T::Dismiss)).clicked() {
                            self.commands.push(Command::DismissNotice(n.id));
                        }
                        if let Some((label, args, cmd)) = &n.action {
                            let args: Vec<&dyn std::fmt::Display> =
                                args.iter().map(|a| a as &dyn std::fmt::Display).collect();
                            if ui.button(tr.f(*label, &args)).clicked() {
                                self.commands.push(cmd.clone());
                                self.commands.push(Command::DismissNotice(n.id));
                            }
                        }
                    });
                }
            });
    }

    fn navigation(&mut self, ui: &mut egui::Ui, tr: Tr, look: &Look) {
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(if self.language() == Language::En {
                176.0
            } else {
                148.0
            })
            .show(ui, |ui| {
                ui.add_space(8.0);
                for page in Page::ALL {
                    let selected = self.page == page;
                    let text = RichText::new(tr.t(page.title())).size(16.0);
                    let text = if selected {
                        text.strong().color(look.accent)
                    } else {
                        text
                    };
                    let r = ui
                        .add_sized(
                            [ui.available_width(), 34.0],
                            egui::Button::selectable(selected, text),
                        )
                        .on_hover_text(tr.f(T::ShortcutTip, &[&page.shortcut_text()]));
                    if r.clicked() {
                        self.commands.push(Command::Navigate(page));
                    }
                }
            });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui, tr: Tr, look: &Look) {
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                for job in &self.jobs {
                    // No animation: a running job must not keep the window repainting.
                    let fraction = job
                        .progress
                        .map_or(0.0, |(d, t)| d as f32 / t.max(1) as f32);
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(120.0)
                            .text(tr.t(job.label)),
                    );
                }
                if self.is_loading() {
                    ui.spinner();
                    ui.label(tr.t(T::Loading));
                } else {
                    let problems: u64 = self
                        .data
                        .report
                        .files
                        .iter()
                        .map(|f| f.problem_count())
                        .sum();
                    let mut text = tr.f(
                        T::LoadedSummary,
                        &[
                            &self.data.files.len(),
                            &self.data.store.stations().len(),
                            &self.data.store.value_count(),
                            &problems,
                        ],
                    );
                    if let Some(e) = self.data.elapsed {
                        text.push_str(&format!(" · {:.1} s", e.as_secs_f32()));
                    }
                    ui.label(RichText::new(text).color(look.weak_text));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!(
                                "{}: {}",
                                tr.t(T::Workspace),
                                self.workspace.root().display()
                            ))
                            .color(look.weak_text),
                        )
                        .truncate(),
                    );
                });
            });
        });
    }

    fn drop_overlay(&self, ctx: &egui::Context, tr: Tr, look: &Look) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop_overlay"),
        ));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            tr.t(T::DropHere),
            egui::FontId::proportional(look.key_figure * 0.8),
            egui::Color32::WHITE,
        );
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !paths.is_empty() {
            self.commands.push(Command::AddDataFiles(paths));
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let presenting = self.projector.active();
        let typing = ctx.egui_wants_keyboard_input();
        let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let mut out = Vec::new();
        let mut focus_filter = false;
        let mut move_selection = 0;
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::F11) {
                out.push(Command::ToggleProjector);
            }
            if presenting && i.consume_key(Modifiers::NONE, Key::Escape) {
                out.push(Command::LeaveProjector);
            }
            if presenting && !typing {
                if i.consume_key(Modifiers::NONE, Key::ArrowRight)
                    || i.consume_key(Modifiers::NONE, Key::PageDown)
                {
                    out.push(Command::StepPage(1));
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowLeft)
                    || i.consume_key(Modifiers::NONE, Key::PageUp)
                {
                    out.push(Command::StepPage(-1));
                }
            }
            for page in Page::ALL {
                if i.consume_shortcut(&cmd(page.shortcut_key())) {
                    out.push(Command::Navigate(page));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::F5) {
                out.push(Command::Reload);
            }
            if i.consume_key(Modifiers::NONE, Key::F1) {
                out.push(Command::ShowAbout);
            }
            if i.consume_shortcut(&cmd(Key::L)) {
                out.push(Command::ToggleLanguage);
            }
            if !presenting
                && i.consume_shortcut(&KeyboardShortcut::new(
                    Modifiers::COMMAND | Modifiers::SHIFT,
                    Key::H,
                ))
            {
                out.push(Command::AskOfficer);
            }
            if !presenting && i.consume_shortcut(&cmd(Key::O)) {
                out.push(Command::OpenFileDialog);
            }
            if !presenting && i.consume_shortcut(&cmd(Key::F)) {
                out.push(Command::Navigate(Page::Data));
                focus_filter = true;
            }
            if self.page == Page::Data && !typing {
                if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    move_selection += 1;
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    move_selection -= 1;
                }
            }
        });
        if focus_filter {
            self.pages.data.focus_filter();
        }
        if move_selection != 0 && ctx.memory(|m| m.focused().is_none()) {
            let look = self.look();
            let now = self.now();
            let mut sink = Vec::new();
            let cx = PageContext::new(
                Tr(self.language()),
                look,
                now,
                self.clock,
                &self.data,
                &self.workspace,
                &self.app_state,
                presenting,
                self.dialog_available,
                self.renderer,
                &self.session,
                &mut sink,
            );
            self.pages.data.move_selection(&cx, move_selection);
        }
        self.commands.extend(out);
    }

    fn apply_all(&mut self, ctx: &egui::Context) {
        // A command may queue further commands; bound the rounds so a cycle cannot hang a frame.
        for _ in 0..4 {
            if self.commands.is_empty() {
                break;
            }
            for command in std::mem::take(&mut self.commands) {
                self.apply(ctx, command);
            }
            // Draw the result at once (theme, zoom and page changes show on the next frame).
            ctx.request_repaint();
        }
    }

    /// Apply one command: the only place where app state changes.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let real_now = (self.real_time)();
        match command {
            Command::Navigate(page) if self.projector.active() => {
                if let Some(slide) = Slide::of_page(page) {
                    self.show_slide(ctx, slide);
                }
            }
            Command::Navigate(page) => self.show_page(page),
            Command::StepPage(step) if self.projector.active() => {
                self.show_slide(ctx, self.projector.slide().step(step));
            }
            Command::StepPage(step) => self.show_page(self.page.step(step)),
            Command::SetLanguage(lang) => {
                self.language_override = None;
                self.save_settings(|s| s.language = lang);
            }
            Command::ToggleLanguage => {
                let next = match self.language() {
                    Language::Zh => Language::En,
                    Language::En => Language::Zh,
                };
                self.language_override = None;
                self.save_settings(|s| s.language = next);
            }
            Command::ToggleProjector => {
                if self.projector.active() {
                    self.projector.leave(ctx);
                } else {
                    ctx.memory_mut(|m| {
                        if let Some(id) = m.focused() {
                            m.surrender_focus(id);
                        }
                    });
                    let scale = self.workspace.settings().projector_scale;
                    self.projector.enter(ctx, scale, self.page);
                    self.show_slide(ctx, self.projector.slide());
                }
                // At once, not at the next frame: a write asked for earlier in this frame (an
                // alert seen for the first time) must already be refused.
                self.session.set_presenting(self.projector.active());
            }
            Command::LeaveProjector => self.projector.leave(ctx),
            Command::SetProjectorScale(scale) => {
                self.save_settings(|s| s.projector_scale = scale);
                self.projector
                    .rescale(ctx, self.workspace.settings().projector_scale);
            }
            Command::SetTheme(theme) => self.save_settings(|s| s.theme = theme),
            Command::SetRenderer(r) => self.save_settings(|s| s.renderer = r),
            Command::OpenFileDialog => self.open_dialog(DialogKind::DataFiles),
            Command::PickWorkspaceFolder => self.open_dialog(DialogKind::WorkspaceFolder),
            Command::PickEvidenceFile => self.open_dialog(DialogKind::EvidenceFile),
            Command::PickFeedbackForms => self.open_dialog(DialogKind::FeedbackForms),
            Command::ReadFeedbackForms(paths) => {
                let paths = paths
                    .iter()
                    .map(|p| self.workspace.root().join(p))
                    .collect();
                self.pages.response.feedback_forms_reading();
                self.start_job(Job::ReadFeedbackForms(paths));
            }
            Command::RecordFeedback(plan) => {
                let at = to_cst(self.clock.now(real_now));
                let result = self.session.import_feedback(&plan, at);
                if let Err(e) = &result {
                    self.refused(e);
                }
                self.pages.response.feedback_recorded(&plan, result);
            }
            Command::AddDataFiles(paths) => {
                let result = self.workspace.add_data_files(&paths);
                self.report_save(result);
                self.page = Page::Data;
                self.reload();
            }
            Command::RemoveDataFile(path) => {
                let result = self.workspace.remove_data_file(&path);
                self.report_save(result);
                self.reload();
            }
            Command::Reload => self.reload(),
            Command::SetArea(area) => self.save_settings(|s| {
                s.area = area;
                s.stations.clear();
            }),
            Command::OpenWorkspace(path) => self.open_workspace(&path),
            Command::SetClock(clock) => {
                self.clock = match clock {
                    Clock::Real => Clock::Real,
                    Clock::Drill { at, running, .. } => Clock::drill(at, real_now, running),
                };
            }
            Command::DismissNotice(id) => self.notices.dismiss(id),
            Command::ShowAbout => self.about_open = true,
            Command::CloseAbout => self.about_open = false,
            // Weather page
            Command::SetWindowSettings(w) => self.save_settings(|s| s.windows = w),
            Command::SetOutlookSettings(o) => self.save_settings(|s| s.outlook = o),
            Command::SetBudget(budget) => self.save_settings(|s| s.budget = Some(budget)),
            Command::SetMapLayers(paths) => self.save_settings(|s| s.map_layers = paths),
            Command::Dust(event) => {
                let at = to_cst(self.clock.now(real_now));
                if let Err(e) = self.session.execute(&session::Command::Dust(event), at) {
                    self.refused(&e);
                }
            }
            Command::Findings(commands) => {
                let at = to_cst(self.clock.now(real_now));
                // In order; the first one refused stops the rest.
                for command in commands {
                    if let Err(e) = self
                        .session
                        .execute(&session::Command::Finding(command), at)
                    {
                        self.refused(&e);
                        break;
                    }
                }
            }
            Command::FindingFromAlert(alert) => {
                let finding = crate::domain::findings::from_alert(alert, String::new(), None);
                self.pages.supervision.prefill(finding);
                self.page = Page::Supervision;
            }
            Command::OpenResponseTab(tab) => {
                self.pages.response.show_tab(tab);
                self.show_page(Page::Response);
            }
            Command::ImportRoster(path) => self.import_list(&path, "roster"),
            Command::ImportContacts(path) => {
                self.import_list(&path, "contacts");
                self.session.use_contacts(self.workspace.contacts_path());
            }
            Command::ImportReductionList(path) => {
                self.import_list(&path, "reduction-list");
                self.session
                    .use_lists(self.workspace.reduction_list_paths());
            }
            Command::StartShift { operator, desk } => {
                let at = to_cst(self.clock.now(real_now));
                let started = crate::journal::Author::new(&operator, &desk)
                    .map_err(session::SessionError::from)
                    .and_then(|author| self.session.start_shift(author, "", at));
                self.shift_outcome(started);
            }
            Command::HandOver { to, desk, note } => {
                let at = to_cst(self.clock.now(real_now));
                let handed = crate::journal::Author::new(&to, &desk)
                    .map_err(session::SessionError::from)
                    .and_then(|next| self.session.hand_over(next, &note, at));
                self.shift_outcome(handed);
            }
            Command::AskOfficer => {
                let ask = if self.session.officer().is_some() {
                    ShiftAsk::HandOver
                } else {
                    ShiftAsk::Start
                };
                self.shift
                    .open(ask, &self.session, self.session.desk_name());
            }
            Command::CloseShiftModal => {
                if self.shift.ask == ShiftAsk::Start {
                    self.shift.declined = true;
                }
                self.shift.ask = ShiftAsk::Closed;
            }
            Command::Export(files) => self.export(files),
            Command::HashEvidence { path, then } => {
                let path = self.workspace.root().join(path);
                self.start_job(Job::Hash { path, then });
            }
            Command::StoreEvidence { path, then } => {
                // Nothing is copied for a report the session would refuse anyway.
                if let Some(why) = self.session.why_not_respond() {
                    self.refused(&why.into());
                    return;
                }
                let path = self.workspace.root().join(path);
                match self.session.evidence_store() {
                    Some(store) => self.start_job(Job::Store { store, path, then }),
                    None => self.refused(&session::WhyNot::NoJournal(None).into()),
                }
            }
            Command::OpenEvidence(file) => match self.session.evidence_store() {
                Some(store) => self.start_job(Job::OpenEvidence { store, file }),
                None => self.refused(&session::WhyNot::NoJournal(None).into()),
            },
            Command::ReadFindings {
                path,
                source,
                today,
            } => self.start_job(Job::ReadFindings {
                path,
                source,
                today,
            }),
            Command::Response(command) => {
                let at = to_cst(self.clock.now(real_now));
                if let Err(e) = self
                    .session
                    .execute(&session::Command::Respond(command), at)
                {
                    self.refused(&e);
                }
            }
            Command::RecordAlerts(alerts) => {
                // Situation board: alerts are kept when first seen; when the journal cannot take
                // them (projector, read-only, no officer yet) they are shown, not stored.
                let at = to_cst(self.clock.now(real_now));
                for alert in alerts {
                    let raise = session::Command::RaiseAlert(alert);
                    if let Err(e) = self.session.execute(&raise, at) {
                        log::warn!("alert not recorded: {}", e.render(Tr(Language::En)));
                        break;
                    }
                }
            }
            Command::AcknowledgeAlert(ack) => {
                let at = to_cst(self.clock.now(real_now));
                let ack = session::Command::AcknowledgeAlert(ack);
                if let Err(e) = self.session.execute(&ack, at) {
                    self.refused(&e);
                }
            }
        }
    }

    // Jobs: the pages' long work on worker threads.

    /// Start `job` on a worker thread; the status bar shows it until it is done.
    fn start_job(&mut self, job: Job) {
        self.jobs_started += 1;
        let id = self.jobs_started;
        self.jobs.push(RunningJob {
            id,
            label: job.label(),
            progress: None,
        });
        self.background.run(id, job);
    }

    /// Save exports into the workspace's exports folder (not on a read-only workspace).
    fn export(&mut self, files: Vec<ExportFile>) {
        if self.workspace.read_only() {
            let names: Vec<String> = files.iter().map(ExportFile::file_name).collect();
            self.notices.push(
                BannerKind::Warning,
                T::ExportReadOnly,
                vec![names.join(list_separator(Tr(self.language())))],
            );
            return;
        }
        let dir = self.workspace.exports_dir();
        let font_dirs = vec![self.workspace.root().join("fonts")];
        self.start_job(Job::Export {
            dir,
            font_dirs,
            files,
        });
    }

    /// A job finished: say so, or go on with what waited for it.
    fn job_done(&mut self, id: u64, done: Done) {
        self.jobs.retain(|j| j.id != id);
        match done {
            Done::Exported {
                dir,
                saved,
                failed,
                not_opened,
            } => {
                for f in failed {
                    self.export_failed(f);
                }
                for (path, why) in not_opened {
                    self.notices.push(
                        BannerKind::Warning,
                        T::DocOpenFailed,
                        vec![path.display().to_string(), why],
                    );
                }
                if !saved.is_empty() {
                    self.notices.push(
                        BannerKind::Info,
                        T::ExportSaved,
                        vec![
                            dir.display().to_string(),
                            saved.join(list_separator(Tr(self.language()))),
                        ],
                    );
                }
            }
            Done::Hashed { path, result, then } => self.hashed(&path, result, then),
            Done::Stored { path, result, then } => self.stored(&path, result, then),
            Done::Opened(Err(e)) => {
                self.notices
                    .push(BannerKind::Error, T::EvidenceNotOpened, vec![e]);
            }
            Done::Opened(Ok(())) => {}
            Done::FindingsRead { found, report } => {
                self.pages.supervision.form.import_read(found, report);
            }
            Done::FeedbackFormsRead(forms) => {
                let at = to_cst(self.clock.now((self.real_time)()));
                let preview = self.session.plan_feedback_import(&forms, at);
                self.pages.response.feedback_forms_read(preview);
            }
        }
    }

    /// Say why an export was not saved: the characters no font has, for a PDF (with where fonts
    /// were looked for), else the system's or the writer's reason.
    fn export_failed(&mut self, failed: Failed) {
        let path = failed.path.display().to_string();
        match failed.why {
            WhyNot::MissingGlyphs { chars, places } => {
                self.notices.push(
                    BannerKind::Error,
                    T::DocMissingGlyphs,
                    vec![path, chars, places],
                );
            }
            WhyNot::Other(why) => {
                self.notices.push(
                    BannerKind::Error,
                    T::SaveFailed,
                    vec![format!("{path}: {why}")],
                );
            }
        }
    }

    /// An evidence file's hash is known (or it could not be read).
    fn hashed(&mut self, path: &std::path::Path, result: Result<String, String>, then: AfterHash) {
        match then {
            AfterHash::FindingEvidence => {
                let tr = Tr(self.language());
                self.pages.supervision.evidence_hashed(tr, path, result);
            }
        }
    }

    /// An evidence file is in the store (or could not be stored): record what waited for it.
    fn stored(
        &mut self,
        path: &std::path::Path,
        result: Result<response::EvidenceFile, String>,
        then: AfterStore,
    ) {
        let file = match result {
            Ok(file) => file,
            Err(e) => {
                let text = format!("{}: {e}", path.display());
                self.notices
                    .push(BannerKind::Error, T::ActionRefused, vec![text]);
                return;
            }
        };
        let command = match then {
            AfterStore::Report(mut input) => {
                input.evidence = Some(file);
                response::Command::Item(input)
            }
            AfterStore::Check(mut input) => {
                input.evidence = Some(file);
                response::Command::Check(input)
            }
        };
        let at = to_cst(self.now());
        if let Err(e) = self
            .session
            .execute(&session::Command::Respond(command), at)
        {
            self.refused(&e);
        }
    }

    // Session: the journal, the duty officer and the shift modal.

    fn session_logic(&mut self) {
        self.session.set_presenting(self.projector.active());
        if self.projector.active() {
            // Projector mode has no edit widgets; the modal comes back after it.
            self.shift.ask = ShiftAsk::Closed;
        }
        if self.session.needs_officer() && !self.shift.declined && !self.shift.is_open() {
            self.shift
                .open(ShiftAsk::Start, &self.session, self.session.desk_name());
        }
    }

    /// Follow the journal for events another instance stores; they arrive as messages.
    fn start_follower(&mut self) {
        let notifier = self.background.notifier();
        self.follower = Some(self.session.follow(FOLLOW_INTERVAL, move |heard| {
            notifier.send(Message::Journal(heard));
        }));
    }

    /// A command the session refused: say why, in the interface language.
    fn refused(&mut self, e: &session::SessionError) {
        let text = e.render(Tr(self.language()));
        self.notices
            .push(BannerKind::Error, T::ActionRefused, vec![text]);
    }

    fn shift_outcome(
        &mut self,
        result: Result<Option<crate::journal::Event>, session::SessionError>,
    ) {
        match result {
            Ok(_) => {
                self.shift.ask = ShiftAsk::Closed;
                self.shift.declined = false;
            }
            Err(e) => self.refused(&e),
        }
    }

    fn session_notices(&mut self) {
        if let Some(e) = self.session.open_error() {
            let text = e.render(Tr(self.language()));
            self.notices
                .push(BannerKind::Error, T::JournalFailed, vec![text]);
        }
        if let Some(b) = self.session.chain_break() {
            self.notices.push(
                BannerKind::Error,
                T::JournalBroken,
                vec![b.seq.to_string(), b.to_string()],
            );
        }
        let plan = self.session.plan_status();
        if !plan.usable() {
            let tr = Tr(self.language());
            let problems = match &plan.read_error {
                Some(e) => e.render(tr),
                None => crate::i18n::plan_problems(tr, &plan.problems),
            };
            self.notices.push(
                BannerKind::Error,
                T::PlanProblemsBanner,
                vec![plan.path.display().to_string(), problems],
            );
        }
    }

    /// The banner for a journal server that cannot be reached, or for a journal that is
    /// read-only for a reason the workspace banner does not already give (another instance, a
    /// write-protected journal file, a viewer desk).
    fn journal_banner(&self, tr: Tr) -> Option<String> {
        // A lost server is said everywhere, the projector too: what it shows may be behind.
        if let Some(reason) = self.session.offline() {
            return Some(tr.f(T::JournalOffline, &[&reason]));
        }
        if self.projector.active() || self.workspace.read_only() {
            return None;
        }
        // A broken chain has its own banner (JournalBroken).
        let reason = self
            .session
            .read_only_reason()
            .filter(|r| !matches!(r, crate::journal::ReadOnlyReason::Broken(_)))?;
        Some(tr.f(T::JournalReadOnlyBanner, &[&reason.render(tr)]))
    }

    fn officer_button(&mut self, ui: &mut egui::Ui, tr: Tr) {
        if !self.session.mode().is_some_and(|m| m.is_writable()) {
            return;
        }
        let text = match self.session.officer() {
            Some(a) => tr.f(T::ShiftButton, &[&a.operator()]),
            None => tr.t(T::ShiftNone).to_owned(),
        };
        if ui
            .button(text)
            .on_hover_text(tr.t(T::ShiftButtonTip))
            .clicked()
        {
            self.commands.push(Command::AskOfficer);
        }
    }

    // Supervision page: roster and contacts into the workspace.

    /// Copy a roster, contact list or emission-reduction list into the workspace as
    /// `<stem>.<ext>` and name it in the settings (the original is not touched).
    fn import_list(&mut self, path: &std::path::Path, stem: &str) {
        if self.workspace.read_only() {
            return;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map_or("csv".to_string(), str::to_ascii_lowercase);
        let name = PathBuf::from(format!("{stem}.{ext}"));
        let target = self.workspace.root().join(&name);
        match std::fs::copy(path, &target) {
            Ok(_) => {
                self.save_settings(|s| match stem {
                    "roster" => s.roster = Some(name),
                    "contacts" => s.contacts = Some(name),
                    _ => s.reduction_lists = vec![name],
                });
                // The watcher follows the workspace's own files, which now include this one.
                if let Some(w) = &self.workspace_watcher {
                    w.set(self.workspace.own_files());
                }
            }
            Err(e) => {
                self.notices.push(
                    BannerKind::Error,
                    T::SaveFailed,
                    vec![format!("{}: {e}", path.display())],
                );
            }
        }
    }

    fn save_settings(&mut self, change: impl FnOnce(&mut crate::workspace::Settings)) {
        let result = self.workspace.update_settings(change);
        self.report_save(result);
    }

    fn report_save(&mut self, result: Result<(), WorkspaceError>) {
        match result {
            Ok(()) | Err(WorkspaceError::ReadOnly(_)) => {}
            Err(e) => {
                self.notices
                    .push(BannerKind::Error, T::SaveFailed, vec![e.to_string()]);
            }
        }
    }

    fn reload(&mut self) {
        self.reload_pending = true;
    }

    fn start_load(&mut self) {
        self.reload_pending = false;
        self.loads_started += 1;
        self.data.loading = true;
        self.background
            .load(self.workspace.data_files(), self.loads_started);
    }

    fn finish_load(
        &mut self,
        store: crate::store::Store,
        report: crate::ingest::LoadReport,
        elapsed: Duration,
        generation: u64,
    ) {
        self.data.files = report.files.iter().map(|f| f.path.clone()).collect();
        self.data.store = store;
        self.data.report = report;
        self.data.elapsed = Some(elapsed);
        self.data.generation = generation;
        self.data.loading = false;
        if let Some(w) = &self.watcher {
            w.set(self.watch_set());
        }
        if let Some(w) = &self.workspace_watcher {
            w.set(self.workspace.own_files());
        }
    }

    fn receive(&mut self, message: Message) {
        match message {
            Message::Loaded(loaded) => {
                if loaded.generation == self.loads_started {
                    let l = *loaded;
                    self.finish_load(l.store, l.report, l.elapsed, l.generation);
                }
            }
            Message::Dialog(outcome) => self.dialog_closed(outcome),
            Message::FilesChanged => {
                self.notices
                    .push(BannerKind::Info, T::FilesChanged, Vec::new());
                self.reload();
            }
            Message::WorkspaceFilesChanged => {
                // A contact list may have appeared (contacts.csv dropped into the folder).
                self.session.use_contacts(self.workspace.contacts_path());
                self.data.workspace_files += 1;
            }
            Message::Journal(heard) => self.session.hear(heard),
            Message::Progress { id, done, total } => {
                if let Some(j) = self.jobs.iter_mut().find(|j| j.id == id) {
                    j.progress = Some((done, total));
                }
            }
            Message::Done { id, done } => self.job_done(id, *done),
        }
    }

    fn open_dialog(&mut self, kind: DialogKind) {
        if !self.dialog_available {
            match kind {
                DialogKind::DataFiles => self.page = Page::Data,
                DialogKind::WorkspaceFolder => self.page = Page::Settings,
                DialogKind::EvidenceFile => {
                    self.pages.response.no_evidence_dialog();
                    return;
                }
                DialogKind::FeedbackForms => {
                    self.pages.response.no_forms_dialog();
                    return;
                }
            }
            self.pages.data.focus_path();
            return;
        }
        let tr = Tr(self.language());
        let (title, start) = match kind {
            DialogKind::DataFiles => (
                tr.t(T::OpenFiles),
                self.workspace
                    .settings()
                    .recent_files
                    .first()
                    .and_then(|p| p.parent().map(PathBuf::from)),
            ),
            DialogKind::WorkspaceFolder => (
                tr.t(T::WorkspaceOpen),
                self.workspace.root().parent().map(PathBuf::from),
            ),
            DialogKind::EvidenceFile => (
                tr.t(T::RespPickEvidenceTitle),
                Some(self.workspace.root().to_path_buf()),
            ),
            DialogKind::FeedbackForms => (
                tr.t(T::FbPickTitle),
                Some(self.workspace.root().to_path_buf()),
            ),
        };
        let notifier = self.background.notifier();
        file_dialog::open(kind, title.to_string(), start, move |outcome| {
            notifier.send(Message::Dialog(outcome));
        });
    }

    /// A system file dialog returned `outcome` (normally from its thread, through the
    /// background messages; tests hand one in directly).
    pub fn dialog_closed(&mut self, outcome: DialogOutcome) {
        if outcome.unavailable && outcome.kind == DialogKind::EvidenceFile {
            self.dialog_available = false;
            self.pages.response.no_evidence_dialog();
            return;
        }
        if outcome.unavailable && outcome.kind == DialogKind::FeedbackForms {
            self.dialog_available = false;
            self.pages.response.no_forms_dialog();
            return;
        }
        if outcome.unavailable {
            self.dialog_available = false;
            self.page = Page::Data;
            self.pages.data.focus_path();
            return;
        }
        if outcome.paths.is_empty() {
            return;
        }
        match outcome.kind {
            DialogKind::DataFiles => self.commands.push(Command::AddDataFiles(outcome.paths)),
            DialogKind::WorkspaceFolder => {
                if let Some(p) = outcome.paths.into_iter().next() {
                    self.commands.push(Command::OpenWorkspace(p));
                }
            }
            DialogKind::EvidenceFile => {
                if let Some(p) = outcome.paths.into_iter().next() {
                    self.pages.response.set_evidence(&p);
                }
            }
            DialogKind::FeedbackForms => {
                self.commands
                    .push(Command::ReadFeedbackForms(outcome.paths));
            }
        }
    }

    fn open_workspace(&mut self, path: &std::path::Path) {
        // Release the journal first: reopening the same workspace must find its lock free.
        let officer = self.session.officer().cloned();
        self.follower = None;
        if let Err(e) = self.session.close() {
            log::warn!("closing the journal: {e}");
        }
        let opened = if path.exists() {
            Workspace::open(path)
        } else {
            Workspace::create(path)
        };
        match opened {
            Ok(ws) => {
                if let Some(problem) = ws.settings_problem() {
                    let tr = Tr(ws.settings().language);
                    self.notices.push(
                        BannerKind::Warning,
                        T::SettingsProblem,
                        vec![problem.render(tr)],
                    );
                }
                self.workspace = ws;
                self.language_override = None;
                self.data = DataStatus::default();
                self.watcher = None;
                self.workspace_watcher = None;
                self.pages = Pages::default();
                self.reload();
                self.remember_workspace();
            }
            Err(e) => {
                self.notices
                    .push(BannerKind::Error, T::WorkspaceFailed, vec![e.to_string()]);
            }
        }
        self.session = Session::open(&self.workspace);
        // A training workspace brings its drill moment (resumed after its journal's last event);
        // any other runs on real time.
        let real_now = (self.real_time)();
        self.clock = self
            .workspace
            .settings()
            .drill_at
            .map_or(Clock::Real, |at| {
                crate::clock::resume_drill(at, self.session.last_event_time(), real_now)
            });
        self.session_notices();
        if let Some(officer) = officer {
            let at = to_cst(self.now());
            if let Err(e) = self.session.start_shift(officer, "", at) {
                log::warn!("starting the shift: {}", e.render(Tr(Language::En)));
            }
        }
    }

    fn remember_workspace(&mut self) {
        self.app_state.opened(self.workspace.root());
        if let Some(dir) = &self.folders.config
            && let Err(e) = self.app_state.save(dir)
        {
            log::warn!("cannot save the app state in {}: {e}", dir.display());
        }
    }

    fn watch_set(&self) -> WatchSet {
        WatchSet {
            files: self
                .workspace
                .settings()
                .data_files
                .iter()
                .map(|p| self.workspace.resolve(p))
                .collect(),
            folders: vec![self.workspace.data_dir()],
        }
    }

    fn start_watcher(&mut self) {
        let notifier = self.background.notifier();
        self.watcher = Some(Watcher::spawn(
            self.watch_set(),
            WATCH_INTERVAL,
            move || notifier.send(Message::FilesChanged),
        ));
        let notifier = self.background.notifier();
        self.workspace_watcher = Some(Watcher::spawn(
            self.workspace.own_files(),
            WATCH_INTERVAL,
            move || notifier.send(Message::WorkspaceFilesChanged),
        ));
    }
}

/// Open the requested workspace, else the last one; on the very first start (no workspace ever
/// opened) the sample drill scenario, copied into the user's data folder; else the default one,
/// else a scratch one in the temporary folder; each failure becomes a notice.
fn open_first_workspace(
    options: &StartOptions,
    app_state: &AppState,
    folders: &Folders,
    notices: &mut Notices,
) -> Result<Workspace, WorkspaceError> {
    let open = |p: &std::path::Path| {
        if options.read_only {
            Workspace::open_read_only(p)
        } else if p.exists() {
            Workspace::open(p)
        } else {
            Workspace::create(p)
        }
    };
    let mut candidates: Vec<PathBuf> = Vec::new();
    candidates.extend(options.workspace.clone());
    if options.workspace.is_none() {
        candidates.extend(app_state.last_workspace.clone().filter(|p| p.is_dir()));
        if app_state.last_workspace.is_none()
            && let Some(dir) = folders.sample_dir()
        {
            match sample::install(&dir) {
                Ok(()) => candidates.push(dir),
                Err(e) => {
                    notices.push(
                        BannerKind::Error,
                        T::WorkspaceFailed,
                        vec![format!("{}: {e}", dir.display())],
                    );
                }
            }
        }
        candidates.push(folders.default_workspace());
    }
    candidates.push(std::env::temp_dir().join("airdesk-scratch-workspace"));
    let mut last_error = None;
    for c in candidates {
        match open(&c) {
            Ok(ws) => return Ok(ws),
            Err(e) => {
                notices.push(BannerKind::Error, T::WorkspaceFailed, vec![e.to_string()]);
                last_error = Some(e);
            }
        }
    }
    Err(last_error.unwrap_or_else(|| WorkspaceError::Missing(PathBuf::new())))
}

impl eframe::App for AirDeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        AirDeskApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Closing keeps the read-model snapshot, so the next start folds only what follows.
        self.follower = None;
        if let Err(e) = self.session.close() {
            log::warn!("closing the journal: {e}");
        }
    }

    fn persist_egui_memory(&self) -> bool {
        // egui's memory holds the zoom factor, which projector mode changes; the desktop zoom is
        // not worth the risk of restarting at projector size.
        false
    }
}
