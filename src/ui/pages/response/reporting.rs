//! The reporting view above the checklist: the reports of each township (乡镇/街道) with its
//! villages and grids — due, received, received late, late, missing — and the 催报 list, each
//! late unit with its contact and a ready-to-send text.

use chrono::{DateTime, FixedOffset};
use egui::RichText;

use crate::domain::plan::Plan;
use crate::domain::response::{Episode, Reporting};
use crate::i18n::Render;
use crate::report::chase::chase_list;
use crate::ui::i18n::T;
use crate::ui::pages::PageContext;

/// The township roll-up and the 催报 list of `episode` at `now` (nothing without a plan).
pub fn show(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    episode: &Episode,
    now: DateTime<FixedOffset>,
) {
    let Some(plan) = cx.session.plan() else {
        return;
    };
    let reporting = episode.reporting(now);
    townships(ui, cx, plan, &reporting);
    chase(ui, cx, plan, &reporting, now);
}

/// One row per township with a unit on a reporting cycle; late and missing counts stand out.
fn townships(ui: &mut egui::Ui, cx: &PageContext<'_>, plan: &Plan, reporting: &Reporting) {
    let tr = cx.tr;
    let rows = reporting.by_township(&plan.units);
    egui::CollapsingHeader::new(RichText::new(tr.t(T::RptTownTitle)).strong())
        .id_salt("township_reporting")
        .default_open(true)
        .show(ui, |ui| {
            if rows.is_empty() {
                ui.label(RichText::new(tr.t(T::RptTownNone)).color(cx.look.weak_text));
                return;
            }
            egui::Grid::new("township_reporting_grid")
                .striped(true)
                .num_columns(7)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for key in [
                        T::RptColTownship,
                        T::RptColUnits,
                        T::RptColDue,
                        T::RptColReceived,
                        T::RptColReceivedLate,
                        T::RptColLate,
                        T::RptColMissing,
                    ] {
                        ui.label(RichText::new(tr.t(key)).strong());
                    }
                    ui.end_row();
                    for t in &rows {
                        ui.label(&t.unit_name).on_hover_text(tr.t(T::RptTownTip));
                        ui.label(t.units.to_string());
                        ui.label(t.due.to_string());
                        ui.label(t.received.to_string());
                        ui.label(t.received_late.to_string());
                        let count = |n: usize, colour| {
                            let text = RichText::new(n.to_string());
                            if n > 0 {
                                text.strong().color(colour)
                            } else {
                                text
                            }
                        };
                        ui.label(count(t.late, cx.look.warn));
                        ui.label(count(t.missing, cx.look.error));
                        ui.end_row();
                    }
                });
        });
}

/// 催报: each unit whose report is late, its contact (the workspace's contact list first) and a
/// ready-to-send text with a copy button (a line saying so when none is late); what is wrong in
/// the contact list, each with its line and column.
fn chase(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    plan: &Plan,
    reporting: &Reporting,
    now: DateTime<FixedOffset>,
) {
    let tr = cx.tr;
    contact_list_problems(ui, cx);
    let list = chase_list(reporting, plan, now, tr);
    if list.is_empty() {
        ui.label(RichText::new(tr.t(T::ChaseNone)).color(cx.look.weak_text));
        return;
    }
    egui::CollapsingHeader::new(
        RichText::new(tr.f(T::ChaseTitle, &[&list.len()])).color(cx.look.warn),
    )
    .id_salt("chase")
    .default_open(true)
    .show(ui, |ui| {
        for c in &list {
            ui.horizontal_wrapped(|ui| {
                ui.strong(&c.unit_name);
                ui.label(tr.f(T::ChaseContact, &[&c.contact, &c.phone]));
                if !c.wechat_group.is_empty() {
                    ui.label(tr.f(T::ChaseWechat, &[&c.wechat_group]));
                }
                if ui.button(tr.t(T::ChaseCopy)).clicked() {
                    ui.ctx().copy_text(c.text.clone());
                }
            });
            ui.label(RichText::new(&c.text).color(cx.look.weak_text));
        }
    });
}

/// What is wrong in the workspace's contact list (rows skipped, units the plan does not know).
fn contact_list_problems(ui: &mut egui::Ui, cx: &PageContext<'_>) {
    for p in &cx.session.plan_status().contacts_problems {
        let said = cx.tr.f(T::ChaseContactsProblem, &[&p.render(cx.tr)]);
        ui.label(RichText::new(said).color(cx.look.warn));
    }
}
