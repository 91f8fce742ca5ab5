//! 设置 Settings: language, area, theme, projector scale, renderer, clock (real or drill),
//! workspace, keyboard shortcuts. In projector mode only a read-only summary is shown.

use std::path::PathBuf;

use egui::RichText;

use super::{Page, PageContext};
use crate::clock::{Clock, parse_moment, to_cst};
use crate::i18n::Language;
use crate::ui::command::Command;
use crate::ui::i18n::T;
use crate::ui::widgets::card;
use crate::workspace::{PROJECTOR_SCALE_RANGE, Renderer, RendererSetting, ThemeChoice};

/// View state of the settings page: what is being typed.
#[derive(Debug, Default)]
pub struct SettingsPage {
    /// The drill moment being typed.
    pub drill_input: String,
    /// Whether a started drill clock runs.
    pub drill_running: bool,
    drill_error: bool,
    drill_prefilled: bool,
    /// The workspace folder being typed.
    pub workspace_input: String,
    projector_scale: Option<f32>,
}

impl SettingsPage {
    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        egui::ScrollArea::vertical()
            .id_salt("settings")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(900.0_f32.min(ui.available_width()));
                if cx.presenting {
                    self.summary(ui, cx);
                    return;
                }
                let look = cx.look;
                card(ui, &look, tr.t(T::SettingsGeneral), |ui| {
                    self.general(ui, cx)
                });
                ui.add_space(8.0);
                let look = cx.look;
                card(ui, &look, tr.t(T::SettingsDisplay), |ui| {
                    self.display(ui, cx)
                });
                ui.add_space(8.0);
                let look = cx.look;
                card(ui, &look, tr.t(T::ClockSection), |ui| self.clock(ui, cx));
                ui.add_space(8.0);
                let look = cx.look;
                card(ui, &look, tr.t(T::Workspace), |ui| self.workspace(ui, cx));
                ui.add_space(8.0);
                let look = cx.look;
                card(ui, &look, tr.t(T::Shortcuts), |ui| shortcuts(ui, cx));
                ui.add_space(8.0);
                card(ui, &look, tr.t(T::About), |ui| {
                    ui.label(tr.f(
                        T::AboutVersion,
                        &[&crate::build_info::VERSION, &crate::build_info::COMMIT],
                    ));
                    if ui.button(tr.t(T::AboutOpen)).clicked() {
                        cx.send(Command::ShowAbout);
                    }
                });
            });
    }

    fn general(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let settings = cx.workspace.settings();
        egui::Grid::new("general")
            .num_columns(2)
            .spacing([16.0, 10.0])
            .show(ui, |ui| {
                ui.label(tr.t(T::Language));
                ui.horizontal(|ui| {
                    for (lang, key) in
                        [(Language::Zh, T::LanguageZh), (Language::En, T::LanguageEn)]
                    {
                        // The language in use (a --lang for this session included).
                        if ui.radio(tr.0 == lang, tr.t(key)).clicked() {
                            cx.send(Command::SetLanguage(lang));
                        }
                    }
                });
                ui.end_row();

                let label = ui.label(tr.t(T::AreaLabel));
                ui.vertical(|ui| {
                    let areas = cx.store().stations().areas();
                    let current = if settings.area.is_empty() {
                        tr.t(T::AreaNone).to_string()
                    } else {
                        settings.area.clone()
                    };
                    egui::ComboBox::from_id_salt("area")
                        .selected_text(current)
                        .height(400.0)
                        .show_ui(ui, |ui| {
                            if ui
                                .selectable_label(settings.area.is_empty(), tr.t(T::AreaNone))
                                .clicked()
                            {
                                cx.send(Command::SetArea(String::new()));
                            }
                            for a in &areas {
                                if ui.selectable_label(&settings.area == a, a).clicked() {
                                    cx.send(Command::SetArea(a.clone()));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if areas.is_empty() {
                        ui.label(RichText::new(tr.t(T::AreaNeedsList)).color(cx.look.weak_text));
                    } else if !settings.area.is_empty() {
                        let n = cx.store().stations().in_area(&settings.area).len();
                        ui.label(
                            RichText::new(tr.f(T::AreaStations, &[&n])).color(cx.look.weak_text),
                        );
                    }
                });
                ui.end_row();
            });
    }

    fn display(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let settings = cx.workspace.settings();
        egui::Grid::new("display")
            .num_columns(2)
            .spacing([16.0, 10.0])
            .show(ui, |ui| {
                ui.label(tr.t(T::Theme));
                ui.horizontal(|ui| {
                    for (t, key) in [
                        (ThemeChoice::Light, T::ThemeLight),
                        (ThemeChoice::Dark, T::ThemeDark),
                    ] {
                        if ui.radio(settings.theme == t, tr.t(key)).clicked() {
                            cx.send(Command::SetTheme(t));
                        }
                    }
                });
                ui.end_row();

                let label = ui.label(tr.t(T::ProjectorScale));
                let scale = self.projector_scale.get_or_insert(settings.projector_scale);
                let r = ui
                    .add(
                        egui::Slider::new(scale, PROJECTOR_SCALE_RANGE)
                            .step_by(0.25)
                            .suffix("×"),
                    )
                    .labelled_by(label.id);
                if r.drag_stopped() || (r.changed() && !r.dragged()) {
                    cx.send(Command::SetProjectorScale(*scale));
                }
                if !r.dragged() && !r.changed() {
                    self.projector_scale = Some(settings.projector_scale);
                }
                ui.end_row();

                ui.label(tr.t(T::RendererLabel));
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        let auto = tr.f(T::RendererAuto, &[&Renderer::platform_default().name()]);
                        for (r, text) in [
                            (RendererSetting::Auto, auto),
                            (RendererSetting::Glow, "glow (OpenGL)".to_string()),
                            (RendererSetting::Wgpu, "wgpu".to_string()),
                        ] {
                            if ui.radio(settings.renderer == r, text).clicked() {
                                cx.send(Command::SetRenderer(r));
                            }
                        }
                    });
                    if let Some(r) = cx.renderer {
                        ui.label(
                            RichText::new(tr.f(T::RendererNow, &[&r.name()]))
                                .color(cx.look.weak_text),
                        );
                    }
                });
                ui.end_row();
            });
    }

    fn clock(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        if !std::mem::replace(&mut self.drill_prefilled, true) {
            self.drill_input = to_cst(cx.now).format("%Y-%m-%d %H:%M").to_string();
            self.drill_running = match cx.clock {
                Clock::Drill { running, .. } => running,
                Clock::Real => true,
            };
        }
        if ui.radio(!cx.clock.is_drill(), tr.t(T::ClockReal)).clicked() {
            cx.send(Command::SetClock(Clock::Real));
        }
        let mut start = false;
        ui.horizontal(|ui| {
            start |= ui.radio(cx.clock.is_drill(), tr.t(T::ClockDrill)).clicked()
                && !cx.clock.is_drill();
            let label = ui.label(tr.t(T::ClockDrillAt));
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.drill_input)
                        .hint_text(tr.t(T::ClockDrillHint))
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            if edit.changed() {
                self.drill_error = false;
            }
            if ui
                .checkbox(&mut self.drill_running, tr.t(T::DrillRunningLabel))
                .changed()
                && cx.clock.is_drill()
            {
                // Freeze or run on from the moment shown now, without a jump.
                cx.send(Command::SetClock(Clock::drill(
                    cx.now,
                    cx.now,
                    self.drill_running,
                )));
            }
            start |= ui.button(tr.t(T::StartDrill)).clicked();
        });
        if start {
            match parse_moment(&self.drill_input) {
                Some(at) => {
                    // The app re-anchors the drill on the real clock when it applies this.
                    cx.send(Command::SetClock(Clock::drill(
                        at,
                        cx.now,
                        self.drill_running,
                    )));
                    self.drill_error = false;
                }
                None => self.drill_error = true,
            }
        }
        if self.drill_error {
            ui.label(RichText::new(tr.t(T::BadMoment)).color(cx.look.error));
        }
    }

    fn workspace(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let ws = cx.workspace;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr.t(T::WorkspacePath)).color(cx.look.weak_text));
            ui.label(RichText::new(ws.root().display().to_string()).monospace());
        });
        if ws.read_only() {
            ui.label(RichText::new(tr.t(T::ReadOnlyBanner)).color(cx.look.warn));
        }
        ui.add_space(6.0);
        ui.label(RichText::new(tr.t(T::WorkspaceOpen)).strong());
        ui.horizontal(|ui| {
            let label = ui.label(tr.t(T::WorkspaceFolder));
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.workspace_input)
                        .hint_text(tr.t(T::WorkspaceFolder))
                        .desired_width((ui.available_width() - 240.0).max(160.0)),
                )
                .labelled_by(label.id);
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let open = ui.add_enabled(
                !self.workspace_input.trim().is_empty(),
                egui::Button::new(tr.t(T::OpenWorkspace)),
            );
            if (entered || open.clicked()) && !self.workspace_input.trim().is_empty() {
                cx.send(Command::OpenWorkspace(PathBuf::from(
                    self.workspace_input.trim(),
                )));
                self.workspace_input.clear();
            }
            if ui
                .add_enabled(
                    cx.dialog_available,
                    egui::Button::new(tr.t(T::ChooseFolder)),
                )
                .on_disabled_hover_text(tr.t(T::NoDialog))
                .clicked()
            {
                cx.send(Command::PickWorkspaceFolder);
            }
        });
        let recent: Vec<PathBuf> = cx
            .app_state
            .recent_workspaces
            .iter()
            .filter(|p| p.as_path() != ws.root())
            .cloned()
            .collect();
        if !recent.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(tr.t(T::RecentWorkspaces)).strong());
            for p in recent {
                if ui.link(p.display().to_string()).clicked() {
                    cx.send(Command::OpenWorkspace(p));
                }
            }
        }
    }

    fn summary(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let s = cx.workspace.settings();
        card(ui, &cx.look, tr.t(T::PageSettings), |ui| {
            egui::Grid::new("summary")
                .num_columns(2)
                .spacing([24.0, 8.0])
                .show(ui, |ui| {
                    let lang = match s.language {
                        Language::Zh => T::LanguageZh,
                        Language::En => T::LanguageEn,
                    };
                    ui.label(tr.t(T::Language));
                    ui.label(tr.t(lang));
                    ui.end_row();
                    ui.label(tr.t(T::AreaLabel));
                    ui.label(if s.area.is_empty() {
                        tr.t(T::AreaNone)
                    } else {
                        &s.area
                    });
                    ui.end_row();
                    ui.label(tr.t(T::ProjectorScale));
                    ui.label(format!("{}×", s.projector_scale));
                    ui.end_row();
                    ui.label(tr.t(T::WorkspacePath));
                    ui.label(cx.workspace.root().display().to_string());
                    ui.end_row();
                });
        });
        ui.add_space(8.0);
        let look = cx.look;
        card(ui, &look, tr.t(T::Shortcuts), |ui| shortcuts(ui, cx));
    }
}

fn shortcuts(ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
    let tr = cx.tr;
    let first = Page::ALL[0].shortcut_text();
    let last = Page::ALL[Page::ALL.len() - 1].shortcut_text();
    let rows: [(String, String); 9] = [
        (
            format!("{first} … {last}"),
            tr.t(T::ShortcutPages).to_string(),
        ),
        ("F11".into(), tr.t(T::ShortcutProjector).to_string()),
        ("← →".into(), tr.t(T::ShortcutSlides).to_string()),
        ("Esc".into(), tr.t(T::LeaveProjector).to_string()),
        ("Ctrl+O".into(), tr.t(T::OpenFilesTip).to_string()),
        ("F5".into(), tr.t(T::ReloadTip).to_string()),
        ("Ctrl+F".into(), tr.t(T::FilterHint).to_string()),
        ("Ctrl+L".into(), tr.t(T::SwitchLanguage).to_string()),
        ("Ctrl + / − / 0".into(), tr.t(T::ShortcutZoom).to_string()),
    ];
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in rows {
                ui.label(RichText::new(keys).monospace().strong());
                ui.label(what);
                ui.end_row();
            }
            ui.label(RichText::new("Tab / Shift+Tab").monospace().strong());
            ui.label(tr.t(T::ShortcutFocus));
            ui.end_row();
            ui.label(RichText::new("F1").monospace().strong());
            if ui.link(tr.t(T::ShortcutAbout)).clicked() {
                cx.send(Command::ShowAbout);
            }
            ui.end_row();
        });
}
