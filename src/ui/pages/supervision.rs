//! 督办 Supervision (交办 → 整改 → 销号): the findings table (filters, overdue in red with days
//! overdue), the detail of the selected finding with its status history and the moves the
//! workflow allows, a new-finding form (inspection, public report 举报, or an alert of the board),
//! import of inspection lists (CSV/xlsx, problems by line), the ledger export, and the duty roster
//! and contacts.
//!
//! The findings are the session's read model (the fold of the journal's `finding.*` events,
//! `cx.session.models().findings`); every change is a [`Command::Findings`] that the app records
//! for the officer on shift through the session. When nothing can be recorded (projector mode, read-only journal, no officer) the page
//! shows why instead of edit widgets.

mod detail;
mod form;
mod roster;

use crate::i18n::Render;

use egui::RichText;

use super::PageContext;
use crate::clock::to_cst;
use crate::domain::findings::{FindingId, Findings, Status};
use crate::report::ledger::{self, LedgerOptions};
use crate::report::supervision_order::supervision_order;
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::jobs::ExportFile;
use crate::ui::widgets::card;

pub use form::FindingForm;
use roster::RosterView;

/// View state of the supervision page.
#[derive(Debug, Default)]
pub struct SupervisionPage {
    /// Filters: status, unit, source (`None` = all).
    filter_status: Option<Status>,
    filter_unit: Option<String>,
    filter_source: Option<String>,
    /// The finding shown in the detail panel.
    pub selected: Option<FindingId>,
    detail: detail::DetailState,
    /// The 督办单 of the selected finding as .docx or PDF.
    order: crate::ui::document_panel::DocumentPanel,
    /// The new-finding form and the import.
    pub form: FindingForm,
    roster: RosterView,
    message: Option<(bool, String)>,
}

/// A status in the interface language.
pub fn status_label(tr: Tr, s: Status) -> &'static str {
    tr.finding_status(s)
}

impl SupervisionPage {
    /// The evidence file the detail asked to hash is hashed (or could not be read).
    pub fn evidence_hashed(
        &mut self,
        tr: Tr,
        path: &std::path::Path,
        result: Result<String, String>,
    ) {
        self.detail.evidence_hashed(tr, path, result);
    }

    /// Open the new-finding form pre-filled from a board alert (one step to assign it).
    pub fn prefill(&mut self, finding: crate::domain::findings::NewFinding) {
        self.form.prefill(finding);
    }

    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let now = to_cst(cx.now);
        let why_not = cx.session.why_not();
        let session = cx.session;
        let findings = &session.models().findings;
        egui::ScrollArea::vertical()
            .id_salt("supervision")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some((ok, text)) = &self.message {
                    let color = if *ok { cx.look.accent } else { cx.look.error };
                    ui.label(RichText::new(text).color(color));
                }
                if let Some(outcome) = cx.session.last_outcome() {
                    ui.label(RichText::new(outcome.render(tr)).color(cx.look.weak_text));
                }
                let counts = findings.counts(now);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(tr.f(
                            T::SvCounts,
                            &[&findings.len(), &counts.open, &counts.overdue],
                        ))
                        .strong()
                        .color(if counts.overdue > 0 {
                            cx.look.error
                        } else {
                            cx.look.strong_text
                        }),
                    );
                    if !cx.read_only() {
                        for (label, ext) in [(T::TgExportCsv, "csv"), (T::TgExportXlsx, "xlsx")] {
                            if ui
                                .button(tr.f(T::SvExportLedger, &[&tr.t(label)]))
                                .clicked()
                            {
                                match export_ledger(cx, findings, ext) {
                                    Ok(file) => cx.send(Command::Export(vec![file])),
                                    Err(e) => self.message = Some((false, e)),
                                }
                            }
                        }
                    }
                });
                if let Some(why) = &why_not
                    && !cx.presenting
                {
                    ui.label(
                        RichText::new(tr.f(T::SvNotRecorded, &[&why.render(tr)]))
                            .color(cx.look.warn),
                    );
                }
                ui.add_space(4.0);
                let look = cx.look;
                card(ui, &look, tr.t(T::SvFindings), |ui| {
                    self.filters(ui, cx, findings);
                    table::show(self, ui, cx, findings, now);
                });
                ui.add_space(8.0);
                if let Some(f) = self.selected.and_then(|id| findings.get(id)) {
                    let f = f.clone();
                    card(ui, &look, &tr.f(T::SvDetail, &[&f.id]), |ui| {
                        self.detail.ui(ui, cx, &f, now, why_not.is_none());
                        if let Some(order) = cx.session.plan().and_then(|plan| {
                            supervision_order(findings, f.id, plan, *now.offset()).ok()
                        }) {
                            ui.separator();
                            ui.label(RichText::new(tr.t(T::SvOrder)).strong());
                            self.order.ui(ui, cx, &order);
                        }
                    });
                    ui.add_space(8.0);
                }
                if why_not.is_none() {
                    card(ui, &look, tr.t(T::SvNew), |ui| self.form.ui(ui, cx, now));
                    ui.add_space(8.0);
                    card(ui, &look, tr.t(T::SvImport), |ui| {
                        self.form.import_ui(ui, cx, now)
                    });
                    ui.add_space(8.0);
                }
                card(ui, &look, tr.t(T::SvRoster), |ui| self.roster.ui(ui, cx));
            });
    }

    fn filters(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, findings: &Findings) {
        if cx.presenting {
            return;
        }
        let tr = cx.tr;
        let mut units: Vec<String> = findings.iter().map(|f| f.content.unit.clone()).collect();
        units.sort();
        units.dedup();
        let mut sources: Vec<String> = findings.iter().map(|f| f.content.source.clone()).collect();
        sources.sort();
        sources.dedup();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(T::SvFilterStatus));
            let current = self
                .filter_status
                .map_or(tr.t(T::SvAll), |s| status_label(tr, s));
            egui::ComboBox::from_id_salt("sv_status")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter_status, None, tr.t(T::SvAll));
                    for s in Status::ALL {
                        ui.selectable_value(&mut self.filter_status, Some(s), status_label(tr, s));
                    }
                })
                .response
                .labelled_by(label.id);
            for (key, salt, options, value) in [
                (T::SvFilterUnit, "sv_unit", &units, &mut self.filter_unit),
                (
                    T::SvFilterSource,
                    "sv_source",
                    &sources,
                    &mut self.filter_source,
                ),
            ] {
                let label = ui.label(tr.t(key));
                let current = value.clone().unwrap_or_else(|| tr.t(T::SvAll).to_string());
                egui::ComboBox::from_id_salt(salt)
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(value, None, tr.t(T::SvAll));
                        for o in options {
                            ui.selectable_value(value, Some(o.clone()), o);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        });
    }

    fn shown(&self, f: &crate::domain::findings::Finding) -> bool {
        self.filter_status.is_none_or(|s| f.status == s)
            && self
                .filter_unit
                .as_ref()
                .is_none_or(|u| &f.content.unit == u)
            && self
                .filter_source
                .as_ref()
                .is_none_or(|s| &f.content.source == s)
    }
}

mod table {
    //! The findings table.

    use chrono::{DateTime, FixedOffset};
    use egui::RichText;
    use egui_extras::{Column, TableBuilder};

    use super::{SupervisionPage, status_label};
    use crate::domain::findings::{Finding, Findings};
    use crate::ui::i18n::T;
    use crate::ui::pages::PageContext;

    /// Draw the table of the findings the filters let through; clicking a number selects it.
    pub fn show(
        page: &mut SupervisionPage,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        findings: &Findings,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let rows: Vec<&Finding> = findings.iter().filter(|f| page.shown(f)).collect();
        if rows.is_empty() {
            ui.label(RichText::new(tr.t(T::SvNone)).color(cx.look.weak_text));
            return;
        }
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let headers = [
            T::SvColNo,
            T::SvColStatus,
            T::SvColSource,
            T::SvColDescription,
            T::SvColPlace,
            T::SvColUnit,
            T::SvColDeadline,
            T::SvColOverdue,
        ];
        let error = cx.look.error;
        TableBuilder::new(ui)
            .id_salt("findings")
            .striped(true)
            .max_scroll_height(420.0)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(60.0))
            .column(Column::initial(140.0).clip(true))
            .column(Column::initial(320.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(110.0).clip(true))
            .column(Column::auto().at_least(90.0))
            .column(Column::remainder().at_least(80.0))
            .header(row_h, |mut header| {
                for h in headers {
                    header.col(|ui| {
                        ui.label(RichText::new(tr.t(h)).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, rows.len(), |mut row| {
                    let f = rows[row.index()];
                    let overdue = f.days_overdue(now);
                    row.set_selected(page.selected == Some(f.id));
                    let paint = |s: String| {
                        if overdue > 0 {
                            RichText::new(s).color(error)
                        } else {
                            RichText::new(s)
                        }
                    };
                    row.col(|ui| {
                        if ui
                            .selectable_label(page.selected == Some(f.id), paint(f.id.to_string()))
                            .clicked()
                        {
                            page.selected = Some(f.id);
                        }
                    });
                    let cells = [
                        status_label(tr, f.status).to_string(),
                        f.content.source.clone(),
                        f.content.description.clone(),
                        f.content.place.clone(),
                        f.content.unit.clone(),
                        f.deadline
                            .map_or_else(|| tr.t(T::SvStanding).to_string(), |d| d.to_string()),
                        if overdue > 0 {
                            tr.f(T::SvDaysOverdue, &[&overdue])
                        } else {
                            String::new()
                        },
                    ];
                    for c in cells {
                        row.col(|ui| {
                            ui.label(paint(c));
                        });
                    }
                });
            });
    }
}

/// The supervision ledger as a file for the exports folder, or why it could not be made.
fn export_ledger(
    cx: &PageContext<'_>,
    findings: &Findings,
    ext: &str,
) -> Result<ExportFile, String> {
    let now = to_cst(cx.now);
    let name = format!("findings-ledger-{}.{ext}", now.format("%Y-%m-%d"));
    let options = LedgerOptions {
        now,
        language: cx.tr.0,
    };
    let bytes = if ext == "xlsx" {
        ledger::xlsx_bytes(findings, &options).map_err(|e| e.to_string())?
    } else {
        let mut buf = Vec::new();
        ledger::write_csv(findings, &options, &mut buf).map_err(|e| e.to_string())?;
        buf
    };
    Ok(ExportFile::bytes(name, bytes))
}
