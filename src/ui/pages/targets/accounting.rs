//! The accounting a leader asks for, on the Targets page: where the figures come from (real-time or
//! audited), the figures without the marked dust days, the fireworks days' cost, each station's
//! contribution, and the dust days — candidates the rule proposes, the days the desk marked with
//! their evidence, marking and unmarking through the app's command path (recorded in the journal).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{RichText, vec2};
use egui_extras::{Column, TableBuilder};

use crate::domain::accounting::Accounting;
use crate::domain::dust::{DustDays, DustEvent, DustRule, Marked, Unmarked};
use crate::domain::festival_cost::FestivalBasis;
use crate::i18n::{T, Tr};
use crate::ui::command::Command;
use crate::ui::pages::PageContext;
use crate::ui::theme::Look;

use super::num;

/// The real-time/audited label every figure carries.
pub fn basis_label(ui: &mut egui::Ui, look: &Look, tr: Tr, acc: &Accounting) {
    ui.label(RichText::new(tr.data_basis(&acc.basis)).color(look.warn));
}

/// Both figures: with every day, and without the marked dust days.
pub fn without_dust_line(ui: &mut egui::Ui, look: &Look, tr: Tr, acc: &Accounting) {
    let w = &acc.without_dust;
    let note = if w.excluded_days == 0 {
        tr.t(T::TgWithoutDustSame).to_string()
    } else {
        tr.f(
            T::TgWithoutDustNote,
            &[&w.excluded_days, &num(w.remaining_allowed_mean, 1)],
        )
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.t(T::TgWithoutDust)).strong());
        ui.label(
            RichText::new(format!("{} µg/m³", num(w.mean_so_far_rounded, 0)))
                .strong()
                .size(look.chart_label * 1.5)
                .color(look.accent),
        );
        ui.label(RichText::new(note).color(look.weak_text));
    });
}

/// The fireworks days' cost, like the forecast-episode line.
pub fn festival_line(ui: &mut egui::Ui, look: &Look, tr: Tr, acc: &Accounting, assumed: f64) {
    let f = &acc.festival;
    if f.days.is_empty() {
        return;
    }
    let mut parts: Vec<String> = Vec::new();
    let counted = f
        .days
        .iter()
        .filter(|d| d.basis == Some(FestivalBasis::Observed))
        .count();
    if let Some(lift) = f.added_to_mean_so_far {
        parts.push(tr.f(T::TgFestivalCounted, &[&counted, &format!("{lift:+.2}")]));
    }
    if let Some(c) = &f.coming {
        parts.push(tr.f(
            T::TgFestivalComing,
            &[
                &c.days,
                &c.heavy_days,
                &format!("{:+.2}", c.added_to_season_mean),
            ],
        ));
        let assumed_used = f
            .days
            .iter()
            .any(|d| d.basis == Some(FestivalBasis::Assumed));
        parts.push(if assumed_used {
            tr.f(T::TgFestivalBasisAssumed, &[&format!("{assumed:.0}")])
        } else {
            tr.t(T::TgFestivalBasisLastYear).to_string()
        });
    }
    if parts.is_empty() {
        parts.push(tr.t(T::TgFestivalNone).to_string());
    }
    let dates: Vec<String> = f
        .days
        .iter()
        .map(|d| d.day.date.format("%m-%d").to_string())
        .collect();
    ui.label(
        RichText::new(format!(
            "{}{} — {}",
            tr.t(T::TgFestival),
            dates.join(", "),
            parts.join("；")
        ))
        .color(look.strong_text),
    );
}

/// Each station's contribution, largest first, with a bar.
pub fn contributions_table(ui: &mut egui::Ui, look: &Look, tr: Tr, acc: &Accounting) {
    ui.label(RichText::new(tr.t(T::TgContributionsNote)).color(look.weak_text));
    let rows = &acc.contributions;
    let largest = rows
        .iter()
        .filter_map(|c| c.contribution)
        .fold(0.0f64, |m, c| m.max(c.abs()))
        .max(1e-9);
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .id_salt("contributions")
        .striped(true)
        .column(Column::auto().at_least(70.0))
        .column(Column::auto().at_least(120.0))
        .column(Column::auto().at_least(90.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::remainder().at_least(120.0))
        .header(row_h, |mut h| {
            for c in [
                T::ColStation,
                T::ColArea,
                T::ColStationMean,
                T::ColContribution,
            ] {
                h.col(|ui| {
                    ui.label(RichText::new(tr.t(c)).strong());
                });
            }
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(row_h, rows.len(), |mut row| {
                let c = &rows[row.index()];
                row.col(|ui| {
                    ui.label(&c.station);
                });
                row.col(|ui| {
                    ui.label(&c.name);
                });
                row.col(|ui| {
                    ui.label(num(c.mean, 1));
                });
                row.col(|ui| {
                    let text = c.contribution.map_or("—".into(), |x| format!("{x:+.2}"));
                    let colour = match c.contribution {
                        Some(x) if x > 0.0 => look.error,
                        _ => look.strong_text,
                    };
                    ui.label(RichText::new(text).color(colour));
                });
                row.col(|ui| {
                    if let Some(x) = c.contribution {
                        let w = (x.abs() / largest) as f32 * 120.0;
                        let (rect, _) = ui.allocate_exact_size(
                            vec2(w.max(1.0), row_h * 0.5),
                            egui::Sense::hover(),
                        );
                        let colour = if x > 0.0 { look.error } else { look.accent };
                        ui.painter().rect_filled(rect, 2.0, colour);
                    }
                });
            });
        });
}

/// The dust-day panel's view state: the evidence or reason being typed, per date.
#[derive(Debug, Default)]
pub struct DustPanel {
    evidence: BTreeMap<NaiveDate, String>,
    reason: BTreeMap<NaiveDate, String>,
    /// Another day to mark (not proposed by the rule) and its evidence.
    other_date: String,
    other_evidence: String,
}

impl DustPanel {
    /// Candidates with a field and a button to mark each, the marked days with their evidence and
    /// a button to take the mark back (no edit widgets when read-only).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        acc: &Accounting,
        marked: &DustDays,
        rule: &DustRule,
    ) {
        let (tr, look) = (cx.tr, cx.look);
        ui.label(
            RichText::new(tr.f(
                T::TgDustNote,
                &[
                    &format!("{:.0}", rule.pm10_above),
                    &format!("{:.2}", rule.ratio_at_most),
                ],
            ))
            .color(look.weak_text),
        );
        let editable = !cx.read_only() && cx.session.why_not().is_none();
        let mut send: Option<DustEvent> = None;
        if acc.dust_candidates.is_empty() {
            ui.label(RichText::new(tr.t(T::TgDustNoCandidate)).color(look.weak_text));
        }
        for c in &acc.dust_candidates {
            ui.horizontal_wrapped(|ui| {
                ui.label(tr.f(
                    T::TgDustCandidate,
                    &[
                        &c.date,
                        &format!("{:.0}", c.pm10),
                        &format!("{:.2}", c.ratio),
                    ],
                ));
                if editable && !marked.days().contains_key(&c.date) {
                    let text = self.evidence.entry(c.date).or_default();
                    let label = ui.label(tr.t(T::TgDustEvidence));
                    ui.add(egui::TextEdit::singleline(text).desired_width(260.0))
                        .labelled_by(label.id);
                    if ui
                        .add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(tr.t(T::TgDustMark)),
                        )
                        .clicked()
                    {
                        send = Some(DustEvent::Mark(Marked {
                            date: c.date,
                            evidence: text.trim().to_string(),
                        }));
                    }
                }
            });
        }
        if editable {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.t(T::TgDustDate));
                ui.add(egui::TextEdit::singleline(&mut self.other_date).desired_width(100.0))
                    .labelled_by(label.id);
                let label = ui.label(tr.t(T::TgDustEvidence));
                ui.add(egui::TextEdit::singleline(&mut self.other_evidence).desired_width(260.0))
                    .labelled_by(label.id);
                let date = NaiveDate::parse_from_str(self.other_date.trim(), "%Y-%m-%d").ok();
                let ok = date.is_some() && !self.other_evidence.trim().is_empty();
                if ui
                    .add_enabled(ok, egui::Button::new(tr.t(T::TgDustMark)))
                    .clicked()
                    && let Some(date) = date
                {
                    send = Some(DustEvent::Mark(Marked {
                        date,
                        evidence: self.other_evidence.trim().to_string(),
                    }));
                    self.other_date.clear();
                    self.other_evidence.clear();
                }
            });
        }
        if marked.days().is_empty() {
            ui.label(RichText::new(tr.t(T::TgDustNone)).color(look.weak_text));
        }
        for (date, d) in marked.days() {
            ui.horizontal_wrapped(|ui| {
                let at = d.at.format("%Y-%m-%d %H:%M").to_string();
                ui.label(
                    RichText::new(tr.f(T::TgDustMarked, &[date, &d.operator, &at, &d.evidence]))
                        .strong(),
                );
                if editable {
                    let text = self.reason.entry(*date).or_default();
                    let label = ui.label(tr.t(T::TgDustReason));
                    ui.add(egui::TextEdit::singleline(text).desired_width(200.0))
                        .labelled_by(label.id);
                    if ui
                        .add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(tr.t(T::TgDustUnmark)),
                        )
                        .clicked()
                    {
                        send = Some(DustEvent::Unmark(Unmarked {
                            date: *date,
                            reason: text.trim().to_string(),
                        }));
                    }
                }
            });
        }
        if let Some(event) = send {
            let date = match &event {
                DustEvent::Mark(m) => m.date,
                DustEvent::Unmark(u) => u.date,
            };
            self.evidence.remove(&date);
            self.reason.remove(&date);
            cx.send(Command::Dust(event));
        }
    }
}
