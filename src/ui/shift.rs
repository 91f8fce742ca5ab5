//! The shift modal: the duty officer's name and desk id at the start of a shift, and the handover
//! to the next officer. Its state lives in the app; what it decides becomes a [`Command`].

use egui::RichText;

use super::command::Command;
use crate::i18n::Render;
use crate::session::Session;

use super::i18n::{T, Tr};
use super::theme::Look;

/// What the modal is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShiftAsk {
    /// Not on show.
    #[default]
    Closed,
    /// The start of a shift: who is on duty.
    Start,
    /// Handing over: who takes over, and a note.
    HandOver,
}

/// The modal's state: what is typed so far.
#[derive(Debug, Clone, Default)]
pub struct ShiftModal {
    /// What is asked (or closed).
    pub ask: ShiftAsk,
    /// The officer's name (or the successor's).
    pub name: String,
    /// The desk id.
    pub desk: String,
    /// Handover note.
    pub note: String,
    /// The officer chose to look only for now; the modal does not reopen by itself.
    pub declined: bool,
    focus: bool,
}

impl ShiftModal {
    /// Open the modal for `ask`, pre-filled: the desk id, and for a start the name of the officer
    /// on shift in the journal (a restart of the same shift is one Enter away).
    pub fn open(&mut self, ask: ShiftAsk, session: &Session, default_desk: String) {
        self.ask = ask;
        self.focus = true;
        self.note.clear();
        let on_shift = session.models().response.on_shift();
        match ask {
            ShiftAsk::Start => {
                self.name = on_shift
                    .map(|s| s.started.operator.clone())
                    .unwrap_or_default();
                self.desk = on_shift
                    .map(|s| s.started.desk.clone())
                    .unwrap_or(default_desk);
            }
            ShiftAsk::HandOver => {
                self.name.clear();
                self.desk = session
                    .officer()
                    .map(|a| a.desk().to_owned())
                    .unwrap_or(default_desk);
            }
            ShiftAsk::Closed => {}
        }
    }

    /// Whether the modal is on show.
    pub fn is_open(&self) -> bool {
        self.ask != ShiftAsk::Closed
    }

    /// Draw the modal when open; returns what the officer decided.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        tr: Tr,
        look: &Look,
        session: &Session,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        if !self.is_open() {
            return out;
        }
        let ask = self.ask;
        let modal = egui::Modal::new(egui::Id::unique("shift_modal")).show(ctx, |ui| {
            ui.set_width(460.0);
            let title = match ask {
                ShiftAsk::HandOver => T::ShiftHandOverTitle,
                _ => T::ShiftStartTitle,
            };
            ui.heading(RichText::new(tr.t(title)).strong());
            ui.label(RichText::new(tr.t(T::ShiftExplain)).color(look.weak_text));
            if ask == ShiftAsk::HandOver
                && let Some(a) = session.officer()
            {
                ui.label(tr.f(T::ShiftCurrent, &[&a.operator(), &a.desk()]));
            }
            ui.add_space(6.0);
            // Enter confirms wherever the focus is in the dialog (or nowhere), except in the
            // handover note, where it starts a new line.
            let mut enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            egui::Grid::new("shift_grid")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let name_label = match ask {
                        ShiftAsk::HandOver => T::ShiftSuccessor,
                        _ => T::ShiftOfficer,
                    };
                    let label = ui.label(tr.t(name_label));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.name)
                                .hint_text(tr.t(T::ShiftOfficerHint))
                                .desired_width(260.0),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus) {
                        r.request_focus();
                    }
                    ui.end_row();
                    let label = ui.label(tr.t(T::ShiftDesk));
                    ui.add(egui::TextEdit::singleline(&mut self.desk).desired_width(260.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    if ask == ShiftAsk::HandOver {
                        let label = ui.label(tr.t(T::ShiftNote));
                        let note = ui
                            .add(
                                egui::TextEdit::multiline(&mut self.note)
                                    .desired_rows(3)
                                    .desired_width(260.0),
                            )
                            .labelled_by(label.id);
                        enter &= !note.has_focus() && !note.lost_focus();
                        ui.end_row();
                    }
                });
            let ready = !self.name.trim().is_empty() && !self.desk.trim().is_empty();
            if let Some(o) = session.last_outcome().filter(|o| o.seq().is_none()) {
                ui.label(RichText::new(o.render(tr)).color(look.error));
            }
            ui.add_space(6.0);
            let mut confirm = false;
            let mut cancel = false;
            ui.horizontal(|ui| {
                let label = match ask {
                    ShiftAsk::HandOver => T::ShiftHandOverConfirm,
                    _ => T::ShiftStartConfirm,
                };
                confirm = ui
                    .add_enabled(ready, egui::Button::new(tr.t(label)))
                    .on_hover_text(tr.t(T::EnterConfirms))
                    .clicked();
                let later = match ask {
                    ShiftAsk::HandOver => T::Cancel,
                    _ => T::ShiftLater,
                };
                cancel = ui
                    .button(tr.t(later))
                    .on_hover_text(tr.t(T::EscCancels))
                    .clicked();
            });
            (confirm || (enter && ready), cancel)
        });
        let (confirm, cancel) = modal.inner;
        if confirm {
            out.push(match ask {
                ShiftAsk::HandOver => Command::HandOver {
                    to: self.name.trim().to_owned(),
                    desk: self.desk.trim().to_owned(),
                    note: self.note.trim().to_owned(),
                },
                _ => Command::StartShift {
                    operator: self.name.trim().to_owned(),
                    desk: self.desk.trim().to_owned(),
                },
            });
        } else if cancel || modal.should_close() {
            out.push(Command::CloseShiftModal);
        }
        out
    }
}
