//! The selected finding: its content, its status history, and the moves the workflow allows
//! (with a remark, and evidence — text and files named with their SHA-256, never copied — when it
//! is marked rectified).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use egui::RichText;

use super::status_label;
use crate::clock::to_cst;
use crate::domain::findings::{Evidence, Finding, FindingCommand, FindingEvent, Status};
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::jobs::AfterHash;
use crate::ui::pages::PageContext;

/// What is being typed for the next move.
#[derive(Debug, Default)]
pub struct DetailState {
    /// Remark for the move.
    pub note: String,
    /// What was done (evidence text).
    pub evidence_text: String,
    /// A file to add as evidence.
    pub evidence_path: String,
    /// Evidence files added so far: `name sha256:…`.
    pub evidence_files: Vec<String>,
    /// The file being hashed on a worker thread.
    hashing: Option<PathBuf>,
    error: Option<String>,
}

/// An evidence file as recorded: its name and the SHA-256 of its content (the file stays where it
/// is; the hash proves later which file was meant).
pub fn evidence_entry(path: &Path, sha256: &str) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!("{name} sha256:{sha256}")
}

/// One history entry in words.
fn describe(tr: Tr, event: &FindingEvent) -> String {
    match event {
        FindingEvent::Assigned { finding, .. } => {
            tr.f(T::SvEvAssigned, &[&finding.unit, &finding.source])
        }
        FindingEvent::Moved {
            from,
            to,
            note,
            evidence,
            ..
        } => {
            let mut s = format!("{} → {}", status_label(tr, *from), status_label(tr, *to));
            if !note.trim().is_empty() {
                s.push_str(&format!(" · {note}"));
            }
            if let Some(e) = evidence {
                s.push_str(&format!(" · {}", tr.f(T::SvEvEvidence, &[&e.text])));
                for f in &e.files {
                    s.push_str(&format!(" [{f}]"));
                }
            }
            s
        }
        FindingEvent::DeadlineChanged {
            from, to, reason, ..
        } => tr.f(
            T::SvEvDeadline,
            &[
                &from.map_or("—".to_string(), |d| d.to_string()),
                &to.map_or("—".to_string(), |d| d.to_string()),
                reason,
            ],
        ),
    }
}

impl DetailState {
    /// The evidence file asked for is hashed (or could not be read): add it to the list, or say
    /// why not.
    pub fn evidence_hashed(&mut self, tr: Tr, path: &Path, result: Result<String, String>) {
        if self.hashing.as_deref() != Some(path) {
            return;
        }
        self.hashing = None;
        match result {
            Ok(hex) => {
                self.evidence_files.push(evidence_entry(path, &hex));
                self.evidence_path.clear();
                self.error = None;
            }
            Err(e) => {
                self.error = Some(tr.f(T::SvFileError, &[&path.display(), &e]));
            }
        }
    }

    /// Draw the detail of `f`; `writable` = moves can be recorded now.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        f: &Finding,
        now: DateTime<FixedOffset>,
        writable: bool,
    ) {
        let tr = cx.tr;
        let overdue = f.days_overdue(now);
        egui::Grid::new("finding_detail")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let rows = [
                    (T::SvColStatus, status_label(tr, f.status).to_string()),
                    (T::SvColSource, f.content.source.clone()),
                    (T::SvColDescription, f.content.description.clone()),
                    (T::SvColPlace, f.content.place.clone()),
                    (T::SvColUnit, f.content.unit.clone()),
                    (
                        T::SvColDeadline,
                        f.deadline
                            .map_or_else(|| tr.t(T::SvStanding).to_string(), |d| d.to_string()),
                    ),
                ];
                for (k, v) in rows {
                    ui.label(RichText::new(tr.t(k)).color(cx.look.weak_text));
                    ui.add(egui::Label::new(v).wrap());
                    ui.end_row();
                }
                if overdue > 0 {
                    ui.label("");
                    ui.label(
                        RichText::new(tr.f(T::SvDaysOverdue, &[&overdue]))
                            .strong()
                            .color(cx.look.error),
                    );
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.label(RichText::new(tr.t(T::SvHistory)).strong());
        for h in &f.history {
            ui.label(format!(
                "{}  {}  {}",
                to_cst(h.at).format("%Y-%m-%d %H:%M"),
                h.operator,
                describe(tr, &h.event)
            ));
        }
        if !writable || f.status.next_allowed().is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.separator();
        let label = ui.label(tr.t(T::SvNote));
        ui.add(egui::TextEdit::singleline(&mut self.note).desired_width(480.0))
            .labelled_by(label.id);
        let needs_evidence = f.status.next_allowed().contains(&Status::Rectified);
        if needs_evidence {
            let label = ui.label(tr.t(T::SvEvidenceText));
            ui.add(egui::TextEdit::singleline(&mut self.evidence_text).desired_width(480.0))
                .labelled_by(label.id);
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.t(T::SvEvidenceFile));
                ui.add(egui::TextEdit::singleline(&mut self.evidence_path).desired_width(360.0))
                    .labelled_by(label.id);
                let idle = self.hashing.is_none();
                if ui
                    .add_enabled(idle, egui::Button::new(tr.t(T::SvAddFile)))
                    .clicked()
                {
                    let path = cx.workspace.root().join(self.evidence_path.trim());
                    self.hashing = Some(path.clone());
                    cx.send(Command::HashEvidence {
                        path,
                        then: AfterHash::FindingEvidence,
                    });
                }
                if !idle {
                    ui.label(RichText::new(tr.t(T::JobHashing)).color(cx.look.weak_text));
                }
            });
            for file in &self.evidence_files {
                ui.label(RichText::new(file).color(cx.look.weak_text));
            }
        }
        ui.horizontal_wrapped(|ui| {
            for &to in f.status.next_allowed() {
                let text = tr.f(T::SvMoveTo, &[&status_label(tr, to)]);
                if ui.button(text).clicked() {
                    let evidence = (to == Status::Rectified).then(|| Evidence {
                        text: self.evidence_text.trim().to_string(),
                        files: self.evidence_files.clone(),
                    });
                    if evidence
                        .as_ref()
                        .is_some_and(|e| e.text.is_empty() && e.files.is_empty())
                    {
                        self.error = Some(tr.t(T::SvNeedEvidence).to_string());
                        continue;
                    }
                    cx.send(Command::Findings(vec![FindingCommand::Move {
                        id: f.id,
                        to,
                        note: self.note.trim().to_string(),
                        evidence,
                    }]));
                    *self = DetailState::default();
                }
            }
        });
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(cx.look.error));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_names_the_file_with_its_sha256() {
        assert_eq!(
            evidence_entry(Path::new("/tmp/整改照片.jpg"), "ba7816bf"),
            "整改照片.jpg sha256:ba7816bf"
        );
    }

    #[test]
    fn only_the_file_asked_for_is_added() {
        let tr = Tr(crate::i18n::Language::Zh);
        let mut d = DetailState {
            evidence_path: "photo.jpg".into(),
            hashing: Some(PathBuf::from("/ws/photo.jpg")),
            ..DetailState::default()
        };
        d.evidence_hashed(tr, Path::new("/ws/other.jpg"), Ok("00".into()));
        assert!(d.evidence_files.is_empty());
        d.evidence_hashed(tr, Path::new("/ws/photo.jpg"), Err("gone".into()));
        assert!(d.error.as_deref().is_some_and(|e| e.contains("gone")));
        d.hashing = Some(PathBuf::from("/ws/photo.jpg"));
        d.evidence_hashed(tr, Path::new("/ws/photo.jpg"), Ok("ab".into()));
        assert_eq!(d.evidence_files, ["photo.jpg sha256:ab"]);
        assert!(d.evidence_path.is_empty() && d.hashing.is_none());
    }
}
