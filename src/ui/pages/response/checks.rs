//! Checks on the checklist: the spot-check bar above the items (draw a random sample of done
//! items; the seed is recorded so the draw can be repeated from the journal), and on a selected
//! done item its checks, the warnings of its evidence photos (taken outside the item's window,
//! far from the unit, or unreadable), a button to open each evidence file from the journal's
//! evidence store, and the form to record a check (属实 / 不属实, 核查 / 抽查 / 督导组).

use std::path::Path;

use egui::RichText;

use super::fmt_time;
use crate::domain::response::photo::{PhotoWarning, item_evidence, item_photo_warnings, place_of};
use crate::domain::response::{
    self, CheckInput, CheckResult, CheckSource, Episode, Item, SampleInput,
};
use crate::i18n::Render;
use crate::ui::command::Command;
use crate::ui::i18n::T;
use crate::ui::jobs::AfterStore;
use crate::ui::pages::PageContext;

/// The check form's state.
#[derive(Debug)]
pub struct ChecksView {
    size: u32,
    source: CheckSource,
    by: String,
    note: String,
}

impl Default for ChecksView {
    fn default() -> Self {
        ChecksView {
            size: 5,
            source: CheckSource::SpotCheck,
            by: String::new(),
            note: String::new(),
        }
    }
}

impl ChecksView {
    /// The spot-check bar: how many to draw, the draw button, and the latest sample.
    pub fn sample_bar(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, episode: &Episode) {
        let tr = cx.tr;
        ui.horizontal(|ui| {
            let l = ui.label(tr.t(T::CheckSampleSize));
            ui.add(egui::DragValue::new(&mut self.size).range(1..=500))
                .labelled_by(l.id);
            let can = cx.session.why_not_respond().is_none();
            if ui
                .add_enabled(can, egui::Button::new(tr.t(T::CheckDraw)))
                .clicked()
            {
                cx.send(Command::Response(response::Command::DrawSample(
                    SampleInput {
                        seed: fresh_seed(),
                        size: self.size,
                    },
                )));
            }
        });
        if let Some(s) = episode.samples.last() {
            let checked = s
                .drawn
                .items
                .iter()
                .filter(|k| {
                    episode
                        .checks_of(k)
                        .any(|c| c.record.sample == Some(s.drawn.number))
                })
                .count();
            let line = tr.f(
                T::CheckSampleLine,
                &[
                    &s.drawn.number,
                    &s.drawn.items.len(),
                    &checked,
                    &s.drawn.seed,
                ],
            );
            // On a line of its own, wrapped: a long line would widen the checklist's column.
            ui.add(egui::Label::new(RichText::new(line).color(cx.look.weak_text)).wrap());
        }
    }

    /// What the item's checks and photos say, the open buttons, and the check form (for a done
    /// item). `evidence` is the checklist's evidence field, shared with the report form.
    pub fn item_panel(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        episode: &Episode,
        item: &Item,
        evidence: &mut String,
    ) {
        let tr = cx.tr;
        for check in episode.checks_of(item.key()) {
            let r = &check.record;
            let mut line = format!(
                "{}  {}  {} · {}",
                fmt_time(&check.at()),
                check.stamp.operator,
                tr.check_source(r.source),
                tr.check_result(r.result),
            );
            for part in [&r.by, &r.note] {
                if !part.is_empty() {
                    line.push_str(&format!(" — {part}"));
                }
            }
            let colour = match r.result {
                CheckResult::Confirmed => cx.look.weak_text,
                CheckResult::NotConfirmed => cx.look.error,
            };
            ui.label(RichText::new(line).color(colour));
        }
        for w in &photo_warnings_of(cx, episode, item) {
            ui.label(RichText::new(format!("⚠ {}", w.render(tr))).color(cx.look.warn));
        }
        self.open_buttons(ui, cx, episode, item);
        if !item.status.is_done() || cx.session.why_not_respond().is_some() {
            return;
        }
        self.form(ui, cx, episode, item, evidence);
    }

    fn open_buttons(
        &self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        episode: &Episode,
        item: &Item,
    ) {
        let files = item_evidence(item, episode.checks_of(item.key()));
        if files.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            for (f, _) in files {
                if ui
                    .button(cx.tr.f(T::EvidenceOpen, &[&f.name]))
                    .on_hover_text(f.sha256.as_deref().unwrap_or_default())
                    .clicked()
                {
                    cx.send(Command::OpenEvidence(f.clone()));
                }
            }
        });
    }

    fn form(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        episode: &Episode,
        item: &Item,
        evidence: &mut String,
    ) {
        let tr = cx.tr;
        ui.separator();
        ui.horizontal(|ui| {
            let l = ui.label(tr.t(T::CheckHow));
            egui::ComboBox::from_id_salt("check_source")
                .selected_text(tr.check_source(self.source))
                .show_ui(ui, |ui| {
                    for s in CheckSource::ALL {
                        ui.selectable_value(&mut self.source, s, tr.check_source(s));
                    }
                })
                .response
                .labelled_by(l.id);
            if self.source == CheckSource::Supervision {
                let l = ui.label(tr.t(T::FieldCheckedBy));
                ui.add(egui::TextEdit::singleline(&mut self.by).desired_width(160.0))
                    .labelled_by(l.id);
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label(tr.t(T::FieldCheckNote));
            ui.add(egui::TextEdit::singleline(&mut self.note).desired_width(360.0))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            for result in [CheckResult::Confirmed, CheckResult::NotConfirmed] {
                let label = tr.f(T::CheckRecord, &[&tr.check_result(result)]);
                if ui.button(label).clicked() {
                    let input = self.input(episode, item, result);
                    cx.send(with_evidence(input, evidence, cx.workspace.root()));
                    self.note.clear();
                    evidence.clear();
                }
            }
        });
    }

    /// The check the form describes; a spot check names the latest sample that drew the item.
    fn input(&self, episode: &Episode, item: &Item, result: CheckResult) -> CheckInput {
        let sample = (self.source == CheckSource::SpotCheck)
            .then(|| {
                episode
                    .samples
                    .iter()
                    .rev()
                    .find(|s| s.drawn.items.contains(item.key()))
                    .map(|s| s.drawn.number)
            })
            .flatten();
        CheckInput {
            item: item.key().clone(),
            source: self.source,
            by: self.by.trim().to_owned(),
            sample,
            result,
            note: self.note.trim().to_owned(),
            checked_at: None,
            evidence: None,
        }
    }
}

/// The command recording `input`: with an evidence path, the file goes into the evidence store
/// first (on a worker thread) and the check is recorded once it is there.
fn with_evidence(input: CheckInput, evidence: &str, workspace: &Path) -> Command {
    match evidence.trim() {
        "" => Command::Response(response::Command::Check(input)),
        path => Command::StoreEvidence {
            path: workspace.join(path),
            then: AfterStore::Check(input),
        },
    }
}

/// A seed for a spot-check draw: the system clock's nanoseconds (recorded with the sample, so
/// the draw is repeatable from the journal whatever picked it).
fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The warnings of an item's evidence photos, against its unit's location in the plan.
fn photo_warnings_of(cx: &PageContext<'_>, episode: &Episode, item: &Item) -> Vec<PhotoWarning> {
    let plan = cx.session.plan();
    let place = plan.and_then(|p| place_of(p, item));
    let rules = plan.map(|p| p.rules.photo).unwrap_or_default();
    item_photo_warnings(item, episode.checks_of(item.key()), place.as_ref(), &rules)
}

/// Whether an item's evidence photos deserve a look (the table marks it).
pub fn has_photo_warnings(cx: &PageContext<'_>, episode: &Episode, item: &Item) -> bool {
    !photo_warnings_of(cx, episode, item).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_with_evidence_waits_for_the_store() {
        let input = CheckInput {
            item: response::ItemKey::new("O-DUST-1", "zjj"),
            source: CheckSource::Verification,
            by: String::new(),
            sample: None,
            result: CheckResult::NotConfirmed,
            note: "仍在施工".into(),
            checked_at: None,
            evidence: None,
        };
        let ws = Path::new("/ws");
        let Command::StoreEvidence {
            path,
            then: AfterStore::Check(waiting),
        } = with_evidence(input.clone(), "photo.jpg", ws)
        else {
            panic!("the file is stored first");
        };
        assert_eq!(path, Path::new("/ws/photo.jpg"));
        assert_eq!(waiting, input);
        assert_eq!(
            with_evidence(input.clone(), " ", ws),
            Command::Response(response::Command::Check(input))
        );
    }
}
