//! Feedback forms (反馈表) on the Response page, for the duty officer who does not use a
//! terminal: written for one unit or every unit with open items into the workspace's exports
//! folder (one .xlsx per unit, to send through WeChat), and read back — several filled forms at
//! once, on a worker thread — into a preview of every row that will be recorded and every problem
//! with its file and row. One button records the good rows in one journal transaction through
//! the session: the same check and the same transaction as `airdesk feedback import`.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use egui::RichText;

use super::fmt_time;
use crate::domain::response::{self, ItemInput, ResponseState};
use crate::i18n::Render;
use crate::report::feedback_form::{FormError, form_bytes, form_items, units_with_open_items};
use crate::session::{ImportPlan, ImportProblem, SessionError, WhyNot};
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::jobs::ExportFile;
use crate::ui::pages::PageContext;

/// Longest measure text a preview row shows (the whole text on hover).
const MEASURE_CHARS: usize = 24;

/// View state of the feedback forms.
#[derive(Debug, Default)]
pub struct FeedbackForms {
    /// The unit whose form is written; `None`: every unit with open items.
    unit: Option<String>,
    /// Why the last form could not be written.
    write_error: Option<FormError>,
    /// Paths typed when no system file dialog can be shown, one a line.
    paths: String,
    /// No system file dialog can be shown: the paths are typed.
    no_dialog: bool,
    /// Give the path field the focus next frame.
    focus_paths: bool,
    /// Forms are being read on a worker thread.
    reading: bool,
    /// What the forms read would record, or why no preview could be made.
    preview: Option<Result<ImportPlan, SessionError>>,
    /// Scroll the preview into view next frame (it has just come; it sits below the fold).
    scroll_to_preview: bool,
    /// The last import recorded: reports recorded, rows not recorded.
    recorded: Option<(usize, usize)>,
}

impl FeedbackForms {
    /// No system file dialog can be shown: paths are typed.
    pub fn no_dialog(&mut self) {
        self.no_dialog = true;
        self.focus_paths = true;
    }

    /// Forms are being read.
    pub fn reading(&mut self) {
        self.reading = true;
        self.preview = None;
        self.recorded = None;
    }

    /// The forms are read and checked.
    pub fn read(&mut self, preview: Result<ImportPlan, SessionError>) {
        self.reading = false;
        self.preview = Some(preview);
        self.scroll_to_preview = true;
    }

    /// The previewed import was recorded (the preview closes and the count is said), or refused
    /// (the preview stays; the app says why).
    pub fn recorded(
        &mut self,
        plan: &ImportPlan,
        result: Result<Vec<crate::journal::Event>, SessionError>,
    ) {
        if let Ok(events) = result {
            self.preview = None;
            self.recorded = Some((events.len(), not_recorded(plan).len()));
        }
    }

    /// Write forms, import forms, the preview of an import (the latest warning episode's items and
    /// the running campaign runs').
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) {
        if state.latest().is_none() && state.running_campaigns().next().is_none() {
            return;
        }
        egui::CollapsingHeader::new(RichText::new(cx.tr.t(T::FbTitle)).strong())
            .id_salt("feedback_forms")
            .default_open(true)
            .show(ui, |ui| {
                self.write_row(ui, cx, state, now);
                self.import_row(ui, cx);
                self.preview(ui, cx, state);
            });
    }

    /// The unit chooser and the write button.
    fn write_row(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let units = units_with_open_items(state);
        if units.is_empty() {
            ui.label(RichText::new(tr.t(T::FbNoOpenItems)).color(cx.look.weak_text));
            return;
        }
        if self.unit.as_ref().is_some_and(|u| !units.contains(u)) {
            self.unit = None;
        }
        let name = |id: &str| unit_name(state, id);
        let all = tr.t(T::FbAllUnits);
        let why = why_no_forms(cx);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(T::FbUnit));
            let shown = self.unit.as_deref().map_or_else(|| all.to_owned(), name);
            egui::ComboBox::from_id_salt("feedback_form_unit")
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.unit, None, all);
                    for u in &units {
                        ui.selectable_value(&mut self.unit, Some(u.clone()), name(u));
                    }
                })
                .response
                .labelled_by(label.id);
            let write = ui
                .add_enabled(why.is_none(), egui::Button::new(tr.t(T::FbWrite)))
                .on_hover_text(tr.t(T::FbWriteTip));
            if write.clicked() {
                let chosen = self.unit.clone().map_or(units.clone(), |u| vec![u]);
                match form_files(state, &chosen, now) {
                    Ok(files) => {
                        self.write_error = None;
                        cx.send(Command::Export(files));
                    }
                    Err(e) => self.write_error = Some(e),
                }
            }
        });
        if let Some(e) = &self.write_error {
            let text = tr.f(T::FbWriteFailed, &[&e]);
            ui.label(RichText::new(text).color(cx.look.error));
        }
    }

    /// The import button (the system dialog, several files at once), or typed paths when no
    /// dialog can be shown; why not, on a desk that cannot record.
    fn import_row(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let why = cx.session.why_not_respond();
        let can = why.is_none() && !self.reading;
        ui.horizontal_wrapped(|ui| {
            let import = ui
                .add_enabled(can, egui::Button::new(tr.t(T::FbImport)))
                .on_hover_text(tr.t(T::FbImportTip));
            if import.clicked() {
                self.recorded = None;
                cx.send(Command::PickFeedbackForms);
            }
            if let Some(why) = &why {
                ui.label(RichText::new(why.render(tr)).color(cx.look.warn));
            }
        });
        if self.no_dialog {
            let label = ui.label(tr.t(T::FbPaths));
            let field = ui
                .add(
                    egui::TextEdit::multiline(&mut self.paths)
                        .desired_rows(2)
                        .desired_width(560.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_paths) {
                field.request_focus();
            }
            let paths: Vec<PathBuf> = self
                .paths
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect();
            let read = egui::Button::new(tr.t(T::FbRead));
            if ui.add_enabled(can && !paths.is_empty(), read).clicked() {
                cx.send(Command::ReadFeedbackForms(paths));
            }
        }
        if self.reading {
            ui.label(RichText::new(tr.t(T::FbReading)).color(cx.look.weak_text));
        }
        if let Some((recorded, not)) = self.recorded {
            ui.label(RichText::new(tr.f(T::FbRecorded, &[&recorded, &not])).strong());
        }
    }

    /// The rows that will be recorded, the problems with file and row, record and cancel.
    fn preview(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, state: &ResponseState) {
        let tr = cx.tr;
        let plan = match &self.preview {
            None => return,
            Some(Err(e)) => {
                ui.label(RichText::new(e.render(tr)).color(cx.look.error));
                return;
            }
            Some(Ok(plan)) => plan,
        };
        let problems = not_recorded(plan);
        let title = tr.f(T::FbPreviewTitle, &[&plan.accepted.len(), &problems.len()]);
        let heading = ui.label(RichText::new(title).strong());
        if std::mem::take(&mut self.scroll_to_preview) {
            heading.scroll_to_me(Some(egui::Align::TOP));
        }
        if !plan.accepted.is_empty() {
            ui.label(tr.t(T::FbRowsTitle));
            accepted_grid(ui, tr, state, plan);
        }
        if !problems.is_empty() {
            ui.label(tr.t(T::FbProblemsTitle));
            problems_grid(ui, cx, &problems);
        }
        let can = !plan.accepted.is_empty() && cx.session.why_not_respond().is_none();
        let mut cancel = false;
        ui.horizontal(|ui| {
            let record = egui::Button::new(tr.f(T::FbRecord, &[&plan.accepted.len()]));
            if ui.add_enabled(can, record).clicked() {
                cx.send(Command::RecordFeedback(plan.clone()));
            }
            cancel = ui.button(tr.t(T::FbCancel)).clicked();
        });
        if cancel {
            self.preview = None;
        }
    }
}

/// Why no form can be written on this desk (a read-only or offline desk, projector mode); the
/// forms need no officer on shift.
fn why_no_forms(cx: &PageContext<'_>) -> Option<WhyNot> {
    cx.session
        .why_not()
        .filter(|w| !matches!(w, WhyNot::NoOfficer))
}

/// Every row not recorded, with its reason: the problems, then the rows recorded before.
fn not_recorded(plan: &ImportPlan) -> Vec<&ImportProblem> {
    plan.problems.iter().chain(&plan.recorded_before).collect()
}

/// The name of unit `id` as the items a form lists give it.
fn unit_name(state: &ResponseState, id: &str) -> String {
    form_items(state)
        .into_iter()
        .find(|(_, i)| i.key().unit == id)
        .map_or_else(|| id.to_owned(), |(_, i)| i.spec.unit_name.clone())
}

/// The item a report names: in its campaign run, else in the latest warning episode.
fn reported_item<'a>(state: &'a ResponseState, input: &ItemInput) -> Option<&'a response::Item> {
    input
        .campaign
        .map_or_else(|| state.latest(), |run| state.campaign_run(run))
        .and_then(|e| e.item(&input.item))
}

/// One export per unit: `反馈表-<unit name>-<date-time>.xlsx`.
fn form_files(
    state: &ResponseState,
    units: &[String],
    now: DateTime<FixedOffset>,
) -> Result<Vec<ExportFile>, FormError> {
    let stamp = now.format("%Y%m%d-%H%M");
    units
        .iter()
        .map(|u| {
            let name = unit_name(state, u).replace(['/', '\\'], "_");
            let bytes = form_bytes(state, std::slice::from_ref(u))?;
            Ok(ExportFile::bytes(
                format!("反馈表-{name}-{stamp}.xlsx"),
                bytes,
            ))
        })
        .collect()
}

/// The file's own name (the preview has no room for the folder).
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Each row that will be recorded: file and row, unit, measure, status change, when, who, how.
fn accepted_grid(ui: &mut egui::Ui, tr: Tr, state: &ResponseState, plan: &ImportPlan) {
    egui::Grid::new("feedback_preview_rows")
        .striped(true)
        .num_columns(8)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for key in [
                T::FbColFile,
                T::FbColRow,
                T::FbColUnit,
                T::FbColMeasure,
                T::FbColChange,
                T::FbColReportedAt,
                T::FbColReporter,
                T::FbColChannel,
            ] {
                ui.label(RichText::new(tr.t(key)).strong());
            }
            ui.end_row();
            for a in &plan.accepted {
                let response::Command::Item(input) = &a.command else {
                    continue;
                };
                let item = reported_item(state, input);
                ui.label(file_name(&a.file));
                ui.label(a.row.to_string());
                ui.label(item.map_or("", |i| i.spec.unit_name.as_str()));
                let measure = item.map_or("", |i| i.spec.text.as_str());
                ui.label(clip(measure)).on_hover_text(measure);
                let to = tr.item_status(input.transition.target());
                match item {
                    Some(i) => ui.label(format!("{} → {to}", tr.item_status(i.status))),
                    None => ui.label(to),
                };
                match &input.feedback {
                    Some(f) => {
                        ui.label(fmt_time(&f.reported_at));
                        ui.label(&f.reporter);
                        ui.label(tr.channel(f.channel));
                    }
                    None => {
                        for _ in 0..3 {
                            ui.label("");
                        }
                    }
                }
                ui.end_row();
            }
        });
}

/// Each row not recorded: file, row (or the whole file) and why, in the interface language.
fn problems_grid(ui: &mut egui::Ui, cx: &PageContext<'_>, problems: &[&ImportProblem]) {
    let tr = cx.tr;
    egui::Grid::new("feedback_preview_problems")
        .striped(true)
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for key in [T::FbColFile, T::FbColRow, T::FbColReason] {
                ui.label(RichText::new(tr.t(key)).strong());
            }
            ui.end_row();
            for p in problems {
                ui.label(file_name(&p.file));
                let row = p
                    .row
                    .map_or_else(|| tr.t(T::FbWholeFile).to_owned(), |r| r.to_string());
                ui.label(row);
                ui.label(RichText::new(p.problem.render(tr)).color(cx.look.warn));
                ui.end_row();
            }
        });
}

/// A measure's text cut to [`MEASURE_CHARS`] characters.
fn clip(text: &str) -> String {
    match text.char_indices().nth(MEASURE_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_measures_are_clipped_and_paths_shown_by_file_name() {
        assert_eq!(clip("短"), "短");
        let long = "网格员按网格巡查散煤复烧、露天焚烧、工地和道路扬尘，发现问题当场劝阻";
        let clipped = clip(long);
        assert_eq!(clipped.chars().count(), MEASURE_CHARS + 1);
        assert!(clipped.ends_with('…') && long.starts_with(clipped.trim_end_matches('…')));
        assert_eq!(file_name("/tmp/forms/河东镇.xlsx"), "河东镇.xlsx");
    }
}
