//! The budget settings form: season, baseline, target (mean or % decrease), heavy-day target and
//! rounding, checked before they are saved to `settings.toml` with one command.

use chrono::NaiveDate;
use egui::RichText;

use crate::domain::budget::{
    BudgetSettings, RoundMode, Rounding, Season, TargetForm, TargetRounding,
};
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::pages::PageContext;

/// What is being typed in the settings form.
#[derive(Debug, Clone, Default)]
pub struct BudgetForm {
    /// Season start, `YYYY-MM-DD`.
    pub from: String,
    /// Season end, `YYYY-MM-DD`.
    pub to: String,
    /// Baseline, µg/m³ (empty = none).
    pub baseline: String,
    /// Whether the target is a % decrease (else an absolute mean).
    pub decrease: bool,
    /// Target value.
    pub target: String,
    /// Heavy-day target (empty = none).
    pub heavy: String,
    /// Rounding convention.
    pub rounding: Rounding,
    /// The settings the fields were filled from (refilled when they change).
    loaded: Option<Option<BudgetSettings>>,
    error: Option<String>,
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

impl BudgetForm {
    /// Fill the fields from the saved settings (or the defaults: the campaign around `today`).
    pub fn fill(&mut self, saved: Option<BudgetSettings>, today: NaiveDate) {
        let season = saved
            .map(|s| s.season)
            .or_else(|| Season::campaign_for(today));
        self.from = season.map_or(String::new(), |s| s.from().to_string());
        self.to = season.map_or(String::new(), |s| s.to().to_string());
        self.baseline = saved
            .and_then(|s| s.baseline)
            .map_or(String::new(), fmt_num);
        (self.decrease, self.target) = match saved.map(|s| s.target) {
            Some(TargetForm::Mean(t)) => (false, fmt_num(t)),
            Some(TargetForm::DecreasePercent(p)) => (true, fmt_num(p)),
            None => (true, String::new()),
        };
        self.heavy = saved
            .and_then(|s| s.heavy_target)
            .map_or(String::new(), |h| h.to_string());
        self.rounding = saved.map(|s| s.rounding).unwrap_or_default();
        self.loaded = Some(saved);
        self.error = None;
    }

    /// The settings the fields describe, checked; the message to show when they are not valid.
    pub fn parse(&self, tr: Tr) -> Result<BudgetSettings, String> {
        let date = |s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| tr.f(T::TgBadDate, &[&s.trim()]))
        };
        let number = |s: &str| -> Result<Option<f64>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map(Some)
                .ok_or_else(|| tr.f(T::TgBadNumber, &[&s]))
        };
        let season = Season::new(date(&self.from)?, date(&self.to)?)
            .map_err(|e| tr.f(T::TgInvalid, &[&e]))?;
        let target_value = number(&self.target)?.ok_or_else(|| tr.t(T::TgNoTarget).to_string())?;
        let target = if self.decrease {
            TargetForm::DecreasePercent(target_value)
        } else {
            TargetForm::Mean(target_value)
        };
        let heavy_target = match self.heavy.trim() {
            "" => None,
            h => Some(h.parse::<u32>().map_err(|_| tr.f(T::TgBadNumber, &[&h]))?),
        };
        let settings = BudgetSettings {
            season,
            baseline: number(&self.baseline)?,
            target,
            heavy_target,
            rounding: self.rounding,
        };
        settings
            .target_mean()
            .map_err(|e| tr.f(T::TgInvalid, &[&e]))?;
        Ok(settings)
    }

    /// Draw the form (only called when edits are allowed).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        saved: Option<BudgetSettings>,
        today: NaiveDate,
    ) {
        let tr = cx.tr;
        if self.loaded != Some(saved) {
            self.fill(saved, today);
        }
        egui::Grid::new("budget_form")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                let text_row = |ui: &mut egui::Ui, key: T, value: &mut String, hint: &str| {
                    let label = ui.label(tr.t(key));
                    ui.add(
                        egui::TextEdit::singleline(value)
                            .desired_width(140.0)
                            .hint_text(hint),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                };
                text_row(ui, T::TgSeasonFrom, &mut self.from, "2019-10-01");
                text_row(ui, T::TgSeasonTo, &mut self.to, "2020-03-31");
                text_row(ui, T::TgBaseline, &mut self.baseline, "");
                let label = ui.label(tr.t(T::TgTargetKind));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.decrease, true, tr.t(T::TgTargetDecrease));
                    ui.radio_value(&mut self.decrease, false, tr.t(T::TgTargetMean));
                })
                .response
                .labelled_by(label.id);
                ui.end_row();
                text_row(ui, T::TgTargetValue, &mut self.target, "");
                text_row(ui, T::TgHeavyTarget, &mut self.heavy, "");
                let label = ui.label(tr.t(T::TgRoundDaily));
                let modes = [
                    (RoundMode::HalfEven, T::RoundHalfEven),
                    (RoundMode::HalfUp, T::RoundHalfUp),
                    (RoundMode::Exact, T::RoundExact),
                ];
                let current = modes
                    .iter()
                    .find(|(m, _)| *m == self.rounding.daily)
                    .map_or("", |(_, k)| tr.t(*k));
                egui::ComboBox::from_id_salt("budget_round_daily")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for (m, k) in modes {
                            if ui
                                .selectable_label(self.rounding.daily == m, tr.t(k))
                                .clicked()
                            {
                                self.rounding.daily = m;
                                self.rounding.mean = m;
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr.t(T::TgRoundTarget));
                let targets = [
                    (TargetRounding::Floor, T::TargetFloor),
                    (TargetRounding::Nearest, T::TargetNearest),
                    (TargetRounding::Exact, T::TargetExact),
                ];
                let current = targets
                    .iter()
                    .find(|(m, _)| *m == self.rounding.target)
                    .map_or("", |(_, k)| tr.t(*k));
                egui::ComboBox::from_id_salt("budget_round_target")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for (m, k) in targets {
                            if ui
                                .selectable_label(self.rounding.target == m, tr.t(k))
                                .clicked()
                            {
                                self.rounding.target = m;
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui.button(tr.t(T::TgSave)).clicked() {
                match self.parse(tr) {
                    Ok(new) => {
                        self.error = None;
                        cx.send(Command::SetBudget(new));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(cx.look.error));
            }
        });
    }
}
