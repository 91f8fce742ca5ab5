//! The About box (关于): the version and commit exactly as `airdesk --version` prints them, where
//! the app keeps its own files (and whether it runs portable), the open workspace, and the
//! licence of the bundled font. Opened by F1 or from Settings.

use std::path::Path;

use egui::RichText;

use super::i18n::{T, Tr};
use super::theme::Look;
use crate::build_info;
use crate::workspace::{FolderMode, Folders};

/// Draw the About box; returns true when the user closed it.
pub fn show(ctx: &egui::Context, tr: Tr, look: &Look, folders: &Folders, workspace: &Path) -> bool {
    let modal = egui::Modal::new(egui::Id::unique("about_modal")).show(ctx, |ui| {
        ui.set_width(560.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.heading(RichText::new(tr.t(T::AboutTitle)).strong());
        ui.label(tr.f(
            T::AboutVersion,
            &[&build_info::VERSION, &build_info::COMMIT],
        ));
        ui.label(RichText::new(tr.t(T::AboutOffline)).color(look.weak_text));
        ui.add_space(6.0);
        egui::Grid::new("about_grid")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.label(tr.t(T::AboutDataFolder));
                ui.vertical(|ui| {
                    match &folders.data {
                        Some(dir) => path_label(ui, dir),
                        None => {
                            ui.label(tr.t(T::AboutNoFolder));
                        }
                    }
                    ui.label(RichText::new(tr.t(mode_text(folders.mode))).color(look.weak_text));
                });
                ui.end_row();
                ui.label(tr.t(T::WorkspacePath));
                path_label(ui, workspace);
                ui.end_row();
            });
        ui.add_space(6.0);
        ui.label(tr.t(T::AboutFont));
        egui::CollapsingHeader::new(tr.t(T::AboutFontLicence))
            .id_salt("about_font_licence")
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        ui.label(RichText::new(build_info::FONT_LICENCE).monospace().small());
                    });
            });
        ui.add_space(6.0);
        ui.button(tr.t(T::Close)).clicked()
    });
    modal.inner || modal.should_close()
}

/// A path the user may want to copy (selectable, monospace, wrapped).
fn path_label(ui: &mut egui::Ui, path: &Path) {
    ui.add(egui::Label::new(RichText::new(path.display().to_string()).monospace()).wrap());
}

fn mode_text(mode: FolderMode) -> T {
    match mode {
        FolderMode::Installed => T::AboutModeInstalled,
        FolderMode::Portable => T::AboutModePortable,
        FolderMode::OneFolder => T::AboutModeOneFolder,
    }
}
