//! Staggered production (错峰生产) as the board and the Response page show it, warning or not: each
//! rule of the plan in force today (or its next period), with the listed enterprises it covers by
//! industry.

use chrono::NaiveDate;
use egui::RichText;

use super::PageContext;
use crate::domain::reduction::standing;
use crate::i18n::list_separator;
use crate::ui::i18n::T;

/// Draw the plan's staggered-production rules as they stand on `today`: each on three lines, or
/// on one (`compact`, the rule's text on hover).
pub fn show(ui: &mut egui::Ui, cx: &PageContext<'_>, today: NaiveDate, compact: bool) {
    let tr = cx.tr;
    let look = &cx.look;
    let Some(plan) = cx.session.plan() else {
        return;
    };
    if plan.reduction.staggered.is_empty() {
        ui.label(RichText::new(tr.t(T::StaggeredNone)).color(look.weak_text));
        return;
    }
    let list = plan.list.as_deref();
    for s in standing(&plan.reduction.staggered, list, today) {
        let (from, to) = (s.period.0.to_string(), s.period.1.to_string());
        let count = s.enterprises.len();
        let (key, colour) = if s.in_force {
            (T::StaggeredInForce, look.warn)
        } else {
            (T::StaggeredNext, look.strong_text)
        };
        let head = RichText::new(tr.f(key, &[&from, &to, &count]))
            .strong()
            .color(colour);
        let by: Vec<String> = s
            .by_industry()
            .iter()
            .map(|(industry, n)| format!("{industry} {n}"))
            .collect();
        let detail = match (list, by.is_empty()) {
            (None, _) => tr.t(T::StaggeredNoList).to_owned(),
            (Some(_), true) => s.rule.industries.join(list_separator(tr)),
            (Some(_), false) => by.join(list_separator(tr)),
        };
        if compact {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr.t(T::StaggeredTitle)).strong());
                ui.label(head).on_hover_text(&s.rule.text);
                ui.label(RichText::new(detail).color(look.weak_text));
            });
        } else {
            ui.label(head);
            ui.label(RichText::new(detail).color(look.weak_text));
            ui.label(RichText::new(&s.rule.text).color(look.weak_text));
        }
    }
}
