//! The new-finding form (inspection finding, public report 举报, or a board alert pre-filled) and
//! the import of an inspection's findings list with its problems by line.

use chrono::{DateTime, FixedOffset, NaiveDate};
use egui::RichText;

use crate::domain::findings::{FindingCommand, NewFinding, Origin, PublicReportInput};
use crate::ingest::FileReport;
use crate::ui::command::Command;
use crate::ui::i18n::{Render, T};
use crate::ui::pages::PageContext;

/// How the finding being typed came in.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Kind {
    /// An inspection's finding (督查、巡查).
    #[default]
    Inspection,
    /// A public report (举报): 12369, WeChat, letters.
    PublicReport,
    /// An alert of the Situation board, pre-filled.
    Alert(Origin),
}

/// The new-finding form and the import.
#[derive(Debug, Default)]
pub struct FindingForm {
    /// How it came in.
    pub kind: Kind,
    /// Who found it (inspection) or the channel (public report).
    pub source: String,
    /// What is wrong.
    pub description: String,
    /// Where.
    pub place: String,
    /// Responsible unit.
    pub unit: String,
    /// Deadline `YYYY-MM-DD`.
    pub deadline: String,
    /// The officer chose a standing item (长期坚持) on purpose: an empty deadline is refused
    /// otherwise.
    pub standing: bool,
    error: Option<String>,
    /// The finding as it will be recorded, shown for confirmation before it is assigned.
    pending: Option<(FindingCommand, Vec<String>)>,
    /// The findings list to import (path).
    pub import_path: String,
    /// The inspection's name for lists without a source column.
    pub import_source: String,
    preview: Option<(Vec<NewFinding>, FileReport)>,
    /// The list is being read on a worker thread.
    reading: bool,
}

impl FindingForm {
    /// Fill the form from a finding made elsewhere (a board alert): the officer picks the unit
    /// and the deadline and assigns it.
    pub fn prefill(&mut self, f: NewFinding) {
        *self = FindingForm {
            kind: Kind::Alert(f.origin),
            source: f.source,
            description: f.description,
            place: f.place,
            unit: f.unit,
            deadline: f.deadline.map_or(String::new(), |d| d.to_string()),
            import_path: std::mem::take(&mut self.import_path),
            import_source: std::mem::take(&mut self.import_source),
            ..FindingForm::default()
        };
    }

    /// The inspection list asked for was read: preview what it holds before assigning.
    pub fn import_read(&mut self, found: Vec<NewFinding>, report: FileReport) {
        self.reading = false;
        self.preview = Some((found, report));
    }

    /// The command the form describes, or what is missing.
    fn command(
        &self,
        cx: &PageContext<'_>,
        now: DateTime<FixedOffset>,
    ) -> Result<FindingCommand, String> {
        let tr = cx.tr;
        let description = self.description.trim().to_string();
        let unit = self.unit.trim().to_string();
        if description.is_empty() {
            return Err(tr.t(T::SvNeedDescription).to_string());
        }
        if unit.is_empty() {
            return Err(tr.t(T::SvNeedUnit).to_string());
        }
        let deadline = match self.deadline.trim() {
            "" if self.standing => None,
            "" => return Err(tr.t(T::SvNeedDeadline).to_string()),
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| tr.f(T::TgBadDate, &[&d]))?,
            ),
        };
        let place = self.place.trim().to_string();
        let source = self.source.trim().to_string();
        Ok(match &self.kind {
            Kind::PublicReport => FindingCommand::AssignFromReport {
                report: PublicReportInput {
                    channel: if source.is_empty() {
                        "12369".to_string()
                    } else {
                        source
                    },
                    reference: None,
                    received: now,
                    description,
                    place,
                },
                unit,
                deadline,
            },
            kind => FindingCommand::Assign(NewFinding {
                source: if source.is_empty() {
                    tr.t(T::SvDefaultSource).to_string()
                } else {
                    source
                },
                origin: match kind {
                    Kind::Alert(o) => o.clone(),
                    _ => Origin::Inspection,
                },
                reference: None,
                description,
                place,
                unit,
                deadline,
            }),
        })
    }

    /// Draw the form (only when findings can be recorded).
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, now: DateTime<FixedOffset>) {
        let tr = cx.tr;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(T::SvKind));
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.kind, Kind::Inspection, tr.t(T::SvKindInspection));
                ui.radio_value(&mut self.kind, Kind::PublicReport, tr.t(T::SvKindReport));
                if let Kind::Alert(_) = self.kind {
                    let _ = ui.radio(true, tr.t(T::SvKindAlert));
                }
            })
            .response
            .labelled_by(label.id);
        });
        let units: Vec<String> = cx
            .session
            .plan()
            .map(|p| p.units.units().iter().map(|u| u.name.clone()).collect())
            .unwrap_or_default();
        egui::Grid::new("finding_form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let source_key = if self.kind == Kind::PublicReport {
                    T::SvChannel
                } else {
                    T::SvColSource
                };
                let label = ui.label(tr.t(source_key));
                ui.add(egui::TextEdit::singleline(&mut self.source).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr.t(T::SvColDescription));
                ui.add(
                    egui::TextEdit::multiline(&mut self.description)
                        .desired_rows(3)
                        .desired_width(520.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr.t(T::SvColPlace));
                ui.add(egui::TextEdit::singleline(&mut self.place).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr.t(T::SvColUnit));
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut self.unit).desired_width(200.0))
                        .labelled_by(label.id);
                    if !units.is_empty() {
                        egui::ComboBox::from_id_salt("finding_unit_pick")
                            .selected_text(tr.t(T::SvPickUnit))
                            .show_ui(ui, |ui| {
                                for u in &units {
                                    if ui.selectable_label(&self.unit == u, u).clicked() {
                                        self.unit = u.clone();
                                    }
                                }
                            })
                            .response
                            .on_hover_text(tr.t(T::SvPickUnit));
                    }
                });
                ui.end_row();
                let label = ui.label(tr.t(T::SvColDeadline));
                ui.horizontal(|ui| {
                    // The example date is three days on, never one already past.
                    let example = now.date_naive() + chrono::Days::new(3);
                    ui.add_enabled(
                        !self.standing,
                        egui::TextEdit::singleline(&mut self.deadline)
                            .desired_width(140.0)
                            .hint_text(example.to_string()),
                    )
                    .labelled_by(label.id);
                    ui.checkbox(&mut self.standing, tr.t(T::SvStandingPick));
                });
                ui.end_row();
            });
        if self.pending.is_some() {
            self.preview_ui(ui, cx);
            return;
        }
        ui.horizontal(|ui| {
            if ui.button(tr.t(T::SvAssign)).clicked() {
                match self.command(cx, now) {
                    Ok(c) => {
                        let lines = preview_lines(cx, &c);
                        self.error = None;
                        self.pending = Some((c, lines));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(cx.look.error));
            }
        });
    }

    /// The finding as it will be recorded, with "confirm" (records it, empties the form) and
    /// "back" (keeps what was typed).
    fn preview_ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let Some((command, lines)) = &self.pending else {
            return;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(tr.t(T::SvPreviewTitle)).strong());
            for line in lines {
                ui.label(line);
            }
        });
        let command = command.clone();
        ui.horizontal(|ui| {
            if ui.button(tr.t(T::SvAssignConfirm)).clicked() {
                cx.send(Command::Findings(vec![command]));
                let import_path = std::mem::take(&mut self.import_path);
                let import_source = std::mem::take(&mut self.import_source);
                *self = FindingForm {
                    import_path,
                    import_source,
                    ..FindingForm::default()
                };
            } else if ui.button(tr.t(T::SvBackToForm)).clicked() {
                self.pending = None;
            }
        });
    }

    /// Draw the import: path, default source, preview with problems by line, then assign all.
    pub fn import_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        egui::Grid::new("finding_import")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(tr.t(T::SvImportPath));
                ui.add(egui::TextEdit::singleline(&mut self.import_path).desired_width(480.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr.t(T::SvImportSource));
                ui.add(egui::TextEdit::singleline(&mut self.import_source).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
        let read = ui.add_enabled(!self.reading, egui::Button::new(tr.t(T::SvImportRead)));
        if read.clicked() {
            let source = match self.import_source.trim() {
                "" => tr.t(T::SvDefaultSource).to_string(),
                s => s.to_string(),
            };
            self.reading = true;
            self.preview = None;
            cx.send(Command::ReadFindings {
                path: cx.workspace.root().join(self.import_path.trim()),
                source,
                today: now.date_naive(),
            });
        }
        if self.reading {
            ui.label(RichText::new(tr.t(T::JobReading)).color(cx.look.weak_text));
        }
        let Some((found, report)) = &self.preview else {
            return;
        };
        ui.label(tr.f(T::SvImportFound, &[&found.len(), &report.problems.len()]));
        for p in &report.problems {
            let text = match (p.line, &p.column) {
                (Some(l), Some(c)) => tr.f(T::SvProblemLineColumn, &[&l, c, &p.reason.render(tr)]),
                (Some(l), None) => tr.f(T::SvProblemLine, &[&l, &p.reason.render(tr)]),
                _ => p.reason.render(tr),
            };
            ui.label(RichText::new(text).color(cx.look.warn));
        }
        if !found.is_empty()
            && ui
                .button(tr.f(T::SvImportAssign, &[&found.len()]))
                .clicked()
        {
            let commands = found.iter().cloned().map(FindingCommand::Assign).collect();
            cx.send(Command::Findings(commands));
            self.preview = None;
        }
    }
}

/// What the preview shows of a finding about to be assigned: description, place, unit, deadline.
fn preview_lines(cx: &PageContext<'_>, command: &FindingCommand) -> Vec<String> {
    let tr = cx.tr;
    let (description, place, unit, deadline) = match command {
        FindingCommand::Assign(f) => (&f.description, &f.place, &f.unit, f.deadline),
        FindingCommand::AssignFromReport {
            report,
            unit,
            deadline,
        } => (&report.description, &report.place, unit, *deadline),
        _ => return Vec::new(),
    };
    let deadline = deadline.map_or_else(|| tr.t(T::SvStanding).to_string(), |d| d.to_string());
    let colon = if tr.0 == crate::i18n::Language::En {
        ": "
    } else {
        "："
    };
    [
        (T::SvColDescription, description.clone()),
        (T::SvColPlace, place.clone()),
        (T::SvColUnit, unit.clone()),
        (T::SvColDeadline, deadline),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{}{colon}{v}", tr.t(k)))
    .collect()
}
