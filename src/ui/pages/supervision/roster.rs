//! Duty roster (值班表) and contacts (通讯录): import a CSV/xlsx into the workspace (the file is
//! copied there as `roster.<ext>` / `contacts.<ext>` and named in `settings.toml`), show who is on
//! duty now and next (`report::duty::Duty::from_roster`, the same lines the board and the
//! handover print), the coming shifts and the contact list.

use std::path::PathBuf;

use egui::RichText;

use crate::clock::to_cst;
use crate::domain::roster::{Contact, Roster, phone_for};
use crate::ingest::FileReport;
use crate::ingest::contacts::read_contacts_file;
use crate::ingest::roster::{RosterOptions, read_roster_file};
use crate::report::duty::Duty;
use crate::ui::command::Command;
use crate::ui::i18n::{Render, T};
use crate::ui::pages::PageContext;

/// A file read once per change on disk (the watcher's count of workspace file changes).
#[derive(Debug)]
struct Loaded<T> {
    path: PathBuf,
    generation: u64,
    value: T,
    report: FileReport,
}

/// View state: the typed paths and the files as read.
#[derive(Debug, Default)]
pub struct RosterView {
    roster_path: String,
    contacts_path: String,
    roster: Option<Loaded<Roster>>,
    contacts: Option<Loaded<Vec<Contact>>>,
}

fn problems(ui: &mut egui::Ui, cx: &PageContext<'_>, report: &FileReport) {
    let tr = cx.tr;
    for p in &report.problems {
        let text = match (p.line, &p.column) {
            (Some(l), Some(c)) => tr.f(T::SvProblemLineColumn, &[&l, c, &p.reason.render(tr)]),
            (Some(l), None) => tr.f(T::SvProblemLine, &[&l, &p.reason.render(tr)]),
            _ => p.reason.render(tr),
        };
        ui.label(RichText::new(text).color(cx.look.warn));
    }
}

impl RosterView {
    fn refresh(&mut self, cx: &PageContext<'_>) {
        let settings = cx.workspace.settings();
        match &settings.roster {
            None => self.roster = None,
            Some(stored) => {
                let path = cx.workspace.resolve(stored);
                let m = cx.data.workspace_files;
                if self
                    .roster
                    .as_ref()
                    .is_none_or(|l| l.path != path || l.generation != m)
                {
                    let (shifts, report) = read_roster_file(&path, &RosterOptions::default());
                    self.roster = Some(Loaded {
                        path,
                        generation: m,
                        value: Roster::new(shifts),
                        report,
                    });
                }
            }
        }
        match cx.workspace.contacts_path() {
            None => self.contacts = None,
            Some(path) => {
                let m = cx.data.workspace_files;
                if self
                    .contacts
                    .as_ref()
                    .is_none_or(|l| l.path != path || l.generation != m)
                {
                    let (list, report) = read_contacts_file(&path);
                    self.contacts = Some(Loaded {
                        path,
                        generation: m,
                        value: list,
                        report,
                    });
                }
            }
        }
    }

    /// Draw the section.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        self.refresh(cx);
        let tr = cx.tr;
        let now = to_cst(cx.now);
        let contacts: &[Contact] = self.contacts.as_ref().map_or(&[], |c| &c.value);
        match &self.roster {
            None => {
                ui.label(RichText::new(tr.t(T::SvNoRoster)).color(cx.look.weak_text));
            }
            Some(l) => {
                problems(ui, cx, &l.report);
                let duty = Duty::from_roster(&l.value, now);
                let line = |d: &crate::report::duty::DutyLine| {
                    let phone = if d.phone.is_empty() {
                        l.value
                            .shifts()
                            .iter()
                            .find(|s| s.person == d.name)
                            .and_then(|s| phone_for(s, contacts))
                            .unwrap_or("")
                            .to_string()
                    } else {
                        d.phone.clone()
                    };
                    format!("{} {} {} {}", d.role, d.name, phone, d.time)
                        .trim()
                        .to_string()
                };
                ui.label(RichText::new(tr.t(T::SvOnDutyNow)).strong());
                if duty.now.is_empty() {
                    ui.label(RichText::new(tr.t(T::SvNobody)).color(cx.look.warn));
                }
                for d in &duty.now {
                    ui.label(line(d));
                }
                ui.label(RichText::new(tr.t(T::SvOnDutyNext)).strong());
                for d in &duty.next {
                    ui.label(line(d));
                }
            }
        }
        if let Some(c) = &self.contacts {
            ui.add_space(6.0);
            problems(ui, cx, &c.report);
            ui.label(RichText::new(tr.t(T::SvContacts)).strong());
            // A contact list may name its units by the plan's ids: show their names.
            let plan = cx.session.plan();
            let unit_name = |unit: &str| {
                plan.and_then(|p| p.units.get(unit))
                    .map_or(unit.to_owned(), |u| u.name.clone())
            };
            egui::Grid::new("contacts")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for h in [T::SvName, T::SvColUnit, T::SvPosition, T::SvPhone] {
                        ui.label(RichText::new(tr.t(h)).strong());
                    }
                    ui.end_row();
                    for p in &c.value {
                        ui.label(&p.name);
                        ui.label(unit_name(p.unit.as_deref().unwrap_or("")));
                        ui.label(p.position.as_deref().unwrap_or(""));
                        ui.label(
                            p.phone
                                .as_deref()
                                .or(p.office_phone.as_deref())
                                .unwrap_or(""),
                        );
                        ui.end_row();
                    }
                });
        }
        if cx.read_only() {
            return;
        }
        ui.add_space(6.0);
        for (key, button, value, contacts) in [
            (
                T::SvRosterPath,
                T::SvImportRoster,
                &mut self.roster_path,
                false,
            ),
            (
                T::SvContactsPath,
                T::SvImportContacts,
                &mut self.contacts_path,
                true,
            ),
        ] {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.t(key));
                ui.add(egui::TextEdit::singleline(value).desired_width(420.0))
                    .labelled_by(label.id);
                if ui
                    .add_enabled(!value.trim().is_empty(), egui::Button::new(tr.t(button)))
                    .clicked()
                {
                    let path = PathBuf::from(value.trim());
                    cx.send(if contacts {
                        Command::ImportContacts(path)
                    } else {
                        Command::ImportRoster(path)
                    });
                    value.clear();
                }
            });
        }
    }
}
