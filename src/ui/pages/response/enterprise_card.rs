//! The card of one enterprise of the emission-reduction list: who and where it is, its lines with
//! base emissions, measures and reductions per level, key indicators, contacts, and its checklist
//! history — every item the journal holds for it, episode by episode.

use egui::RichText;

use super::fmt_time;
use crate::domain::reduction::{Enterprise, LIST_LEVELS, Pollutant, ReductionList};
use crate::domain::response::ResponseState;
use crate::ui::i18n::T;
use crate::ui::pages::PageContext;
use crate::ui::widgets::card;

/// Draw the card of `e`.
pub fn show(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    list: &ReductionList,
    e: &Enterprise,
    state: &ResponseState,
) {
    let tr = cx.tr;
    card(ui, &cx.look, &e.name, |ui| {
        ui.horizontal_wrapped(|ui| {
            let code = e.credit_code.as_deref().unwrap_or("—");
            ui.label(tr.f(T::RedCardCode, &[&code]));
            ui.label(tr.f(T::RedCardWhere, &[&e.township, &e.industry]));
            ui.label(tr.f(T::RedCardGrade, &[&tr.grade(e.grade)]));
            if !e.department.is_empty() {
                ui.label(tr.f(T::RedCardDepartment, &[&e.department]));
            }
        });
        if !e.contacts.is_empty() {
            let contacts: Vec<String> = e
                .contacts
                .iter()
                .map(|(k, v)| format!("{k}：{v}"))
                .collect();
            ui.label(contacts.join("  "));
        }
        ui.add_space(4.0);
        lines(ui, cx, list, e);
        ui.add_space(4.0);
        history(ui, cx, e, state);
    });
}

/// Each line: its name, base and key indicators, then a row per level with the measure and the
/// reduction — narrow enough for half a 1366-pixel screen.
fn lines(ui: &mut egui::Ui, cx: &PageContext<'_>, list: &ReductionList, e: &Enterprise) {
    let tr = cx.tr;
    for (n, line) in e.lines.iter().enumerate() {
        let source = list
            .files
            .get(line.source.0)
            .map_or("", |f| f.name.as_str());
        let name = if line.name.is_empty() {
            tr.t(T::RedColLine).to_owned()
        } else {
            line.name.clone()
        };
        ui.horizontal_wrapped(|ui| {
            ui.strong(name)
                .on_hover_text(format!("{source}:{}", line.source.1));
            ui.label(tr.f(T::RedCardBase, &[&amounts(&line.base)]));
            for (k, v) in &line.indicators {
                ui.label(RichText::new(format!("{k} {v}")).color(cx.look.weak_text));
            }
        });
        egui::Grid::new(("enterprise_line", &e.key, n))
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for (i, level) in LIST_LEVELS.iter().enumerate() {
                    let measure = line.measures[i].trim();
                    ui.label(tr.level(*level));
                    ui.label(if measure.is_empty() { "—" } else { measure });
                    ui.label(amounts(&line.reduction[i]));
                    ui.end_row();
                }
            });
        ui.add_space(4.0);
    }
    ui.label(RichText::new(tr.t(T::RedCardUnit)).color(cx.look.weak_text));
}

/// The non-zero amounts of a line as `SO2 12.3 · NOx 4.0`.
fn amounts(a: &crate::domain::reduction::Amounts) -> String {
    let parts: Vec<String> = Pollutant::ALL
        .iter()
        .filter(|&&p| a.get(p) > 0.0)
        .map(|&p| format!("{} {:.1}", p.label(), a.get(p)))
        .collect();
    if parts.is_empty() {
        "0".to_owned()
    } else {
        parts.join(" · ")
    }
}

fn history(ui: &mut egui::Ui, cx: &PageContext<'_>, e: &Enterprise, state: &ResponseState) {
    let tr = cx.tr;
    ui.strong(tr.t(T::RedCardHistory));
    let mut any = false;
    egui::Grid::new(("enterprise_history", &e.key))
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for episode in state.episodes() {
                let items = episode
                    .items
                    .iter()
                    .filter(|i| i.spec.enterprise.as_ref().is_some_and(|r| r.key == e.key));
                for item in items {
                    any = true;
                    let last = item.history.last();
                    ui.label(tr.f(T::RedCardEpisode, &[&episode.number]));
                    ui.label(tr.level(item.spec.level));
                    ui.label(&item.spec.unit_name);
                    ui.label(tr.item_status(item.status));
                    ui.label(last.map_or_else(String::new, |c| {
                        let mut s = format!("{} {}", fmt_time(&c.stamp.at), c.stamp.operator);
                        if !c.text.is_empty() {
                            s.push_str(&format!(" — {}", c.text));
                        }
                        s
                    }));
                    ui.end_row();
                }
            }
        });
    if !any {
        ui.label(RichText::new(tr.t(T::RedCardNoHistory)).color(cx.look.weak_text));
    }
}
