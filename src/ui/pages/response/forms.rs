//! The decision forms: consultation, issue (a warning or temporary control, following a city or
//! regional warning when one is named), upgrade/downgrade, pause/resume, lift, and starting or
//! stopping a standing campaign. Each builds a response command, previews it with the session
//! (the notice for an issue, the checklist diff for a level change, the words of the timeline
//! entry otherwise) and records it only after the officer confirms (the confirm button takes the
//! focus; Esc goes back).

use crate::i18n::{Render, ZH};
use chrono::{DateTime, FixedOffset};
use egui::RichText;

use super::advice::{self, Advised};
use super::{fmt_time, level_name, parse_time};
use crate::domain::plan::{Level, Plan};
use crate::domain::response::{
    self, AdviceBasis, CampaignInput, CampaignStopInput, ConsultationInput, Decision, IssueInput,
    LevelChangeInput, LiftInput, PauseInput, Phase, RegionalWarning, ResponseEvent, ResponseState,
    ResumeInput,
};
use crate::report::notice::warning_notice;
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::pages::PageContext;

/// The decisions a consultation can record, in the order the combo box lists them.
const DECISIONS: [Decision; 10] = [
    Decision::Issue,
    Decision::Upgrade,
    Decision::Downgrade,
    Decision::Keep,
    Decision::Pause,
    Decision::Resume,
    Decision::Lift,
    Decision::Temporary,
    Decision::Advisory,
    Decision::None,
];

/// A command waiting for the officer's confirmation, with what it will do.
#[derive(Debug, Clone)]
struct Pending {
    command: response::Command,
    lines: Vec<String>,
    notice: Option<String>,
}

/// Which form is on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Form {
    /// Consultation record.
    #[default]
    Consult,
    /// Issue, or change the level.
    Level,
    /// Pause or resume.
    Pause,
    /// Lift.
    Lift,
    /// Start or stop a standing campaign.
    Campaign,
}

/// What is typed into the forms.
#[derive(Debug, Default)]
pub struct Forms {
    form: Form,
    held_at: String,
    participants: String,
    basis: String,
    decision: Option<Decision>,
    decision_text: String,
    level: Option<Level>,
    start: String,
    expected_end: String,
    approver: String,
    doc_no: String,
    reasons: String,
    regional_source: String,
    regional_level: Option<Level>,
    regional_notice: String,
    pause_basis: String,
    lift_basis: String,
    campaign: Option<String>,
    campaign_basis: String,
    pending: Option<Pending>,
    focus_confirm: bool,
    error: Option<String>,
    advice: Option<AdviceBasis>,
}

impl Forms {
    /// Draw the forms that fit the state: the advisor's card, then (when something can be
    /// recorded) the form chosen, previewed before it is confirmed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
        advised: &Advised,
    ) {
        let tr = cx.tr;
        let writable = cx.session.why_not_respond().is_none() && self.pending.is_none();
        if advice_card(ui, cx, advised, writable) {
            self.fill_from(advised, cx.session.plan(), now);
        }
        if let Some(why) = cx.session.why_not_respond() {
            ui.label(RichText::new(why.render(tr)).color(cx.look.warn));
            return;
        }
        for t in [&mut self.held_at, &mut self.start] {
            if t.is_empty() {
                *t = fmt_time(&now);
            }
        }
        if let Some(p) = self.pending.clone() {
            self.confirm(ui, cx, p);
            return;
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(cx.look.error));
        }
        self.choose_form(ui, cx, state);
        ui.add_space(4.0);
        let current = state.current();
        let paused = current.is_some_and(|e| matches!(e.phase(), Phase::Paused { .. }));
        let preview = match self.form {
            Form::Consult => self.consultation_form(ui, tr),
            Form::Level => self.level_form(ui, cx, state),
            Form::Pause => self.pause_form(ui, tr, paused),
            Form::Lift => self.lift_form(ui, tr, state),
            Form::Campaign => self.campaign_form(ui, cx, state),
        };
        match preview {
            Some(Ok(command)) => self.preview(cx, command, now),
            Some(Err(e)) => self.error = Some(e),
            None => {}
        }
    }

    /// The forms the state offers, as tabs (a warning in force: change, pause or resume, lift).
    fn choose_form(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, state: &ResponseState) {
        let tr = cx.tr;
        let campaigns = cx.session.plan().is_some_and(|p| !p.campaigns.is_empty());
        let current = state.current();
        let paused = current.is_some_and(|e| matches!(e.phase(), Phase::Paused { .. }));
        let level_title = if current.is_some() {
            T::RespChangeTitle
        } else {
            T::RespIssueTitle
        };
        let pause_title = if paused {
            T::RespResumeTitle
        } else {
            T::RespPauseTitle
        };
        let offered: Vec<(Form, T)> = [
            (Form::Consult, T::RespConsultation, true),
            (Form::Level, level_title, !paused),
            (Form::Pause, pause_title, current.is_some()),
            (Form::Lift, T::RespLiftTitle, current.is_some()),
            (Form::Campaign, T::RespCampaignTitle, campaigns),
        ]
        .into_iter()
        .filter(|f| f.2)
        .map(|(f, t, _)| (f, t))
        .collect();
        if !offered.iter().any(|(f, _)| *f == self.form) {
            self.form = Form::Consult;
        }
        ui.horizontal(|ui| {
            for (form, title) in &offered {
                if ui
                    .selectable_label(self.form == *form, RichText::new(tr.t(*title)).strong())
                    .clicked()
                {
                    self.form = *form;
                    self.error = None;
                }
            }
        });
    }

    /// The consultation record; the command when the officer asks to record it.
    fn consultation_form(
        &mut self,
        ui: &mut egui::Ui,
        tr: Tr,
    ) -> Option<Result<response::Command, String>> {
        egui::Grid::new("consultation_form")
            .num_columns(2)
            .show(ui, |ui| {
                text_row(ui, tr.t(T::RespHeldAt), &mut self.held_at, false);
                text_row(ui, tr.t(T::RespParticipants), &mut self.participants, false);
                text_row(ui, tr.t(T::RespBasis), &mut self.basis, true);
                let l = ui.label(tr.t(T::RespDecision));
                let shown = self
                    .decision
                    .map_or_else(String::new, |d| decision_label(tr, d));
                egui::ComboBox::from_id_salt("decision")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for d in DECISIONS {
                            ui.selectable_value(&mut self.decision, Some(d), decision_label(tr, d));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                text_row(
                    ui,
                    tr.t(T::RespDecisionText),
                    &mut self.decision_text,
                    false,
                );
            });
        if ui.button(tr.t(T::RespRecordConsultation)).clicked() {
            return Some(self.consultation());
        }
        None
    }

    /// Issue a warning, or change the level in force.
    fn level_form(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        state: &ResponseState,
    ) -> Option<Result<response::Command, String>> {
        let tr = cx.tr;
        let current = state.current();
        let plan_levels: Vec<Level> = cx
            .session
            .plan()
            .map(|p| {
                p.levels
                    .iter()
                    .map(|l| l.level)
                    .filter(|l| *l >= Level::Temporary)
                    .collect()
            })
            .unwrap_or_default();
        egui::Grid::new("issue_form").num_columns(2).show(ui, |ui| {
            let l = ui.label(tr.t(T::RespLevel));
            let shown = self.level.map_or_else(String::new, |l| level_name(tr, l));
            egui::ComboBox::from_id_salt("level")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for l in &plan_levels {
                        if current.is_some_and(|e| e.level() == *l) {
                            continue;
                        }
                        ui.selectable_value(&mut self.level, Some(*l), level_name(tr, *l));
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let start_label = if current.is_some() {
                T::RespEffective
            } else {
                T::RespStart
            };
            text_row(ui, tr.t(start_label), &mut self.start, false);
            text_row(ui, tr.t(T::RespEnd), &mut self.expected_end, false);
            text_row(ui, tr.t(T::RespApprover), &mut self.approver, false);
            text_row(ui, tr.t(T::RespDocNo), &mut self.doc_no, false);
            text_row(ui, tr.t(T::RespReasons), &mut self.reasons, true);
            self.regional_rows(ui, tr, &plan_levels);
        });
        let button = if current.is_some() {
            T::RespPreviewChange
        } else {
            T::RespPreviewIssue
        };
        if ui.button(tr.t(button)).clicked() {
            return Some(match current {
                None => self.issue(state),
                Some(e) => self.change(e.level()),
            });
        }
        None
    }

    /// The city or regional warning followed: issuer, level, notice number (all empty: none).
    fn regional_rows(&mut self, ui: &mut egui::Ui, tr: Tr, plan_levels: &[Level]) {
        text_row(
            ui,
            tr.t(T::RespRegionalSource),
            &mut self.regional_source,
            false,
        );
        let l = ui.label(tr.t(T::RespRegionalLevel));
        let shown = self.regional_level.map_or_else(
            || tr.t(T::RespRegionalNone).to_owned(),
            |l| level_name(tr, l),
        );
        egui::ComboBox::from_id_salt("regional_level")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.regional_level, None, tr.t(T::RespRegionalNone));
                for l in plan_levels.iter().filter(|l| l.is_warning()) {
                    ui.selectable_value(&mut self.regional_level, Some(*l), level_name(tr, *l));
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
        text_row(
            ui,
            tr.t(T::RespRegionalNotice),
            &mut self.regional_notice,
            false,
        );
    }

    /// The city or regional warning typed in; `None` when nothing was typed. A partly filled one
    /// goes to the session as it is, which says what is missing.
    fn regional(&self) -> Option<RegionalWarning> {
        let typed = !self.regional_source.trim().is_empty()
            || !self.regional_notice.trim().is_empty()
            || self.regional_level.is_some();
        typed.then(|| RegionalWarning {
            source: self.regional_source.trim().to_owned(),
            level: self.regional_level.unwrap_or(Level::None),
            notice_no: self.regional_notice.trim().to_owned(),
        })
    }

    /// Pause the response, or resume a paused one.
    fn pause_form(
        &mut self,
        ui: &mut egui::Ui,
        tr: Tr,
        paused: bool,
    ) -> Option<Result<response::Command, String>> {
        egui::Grid::new("pause_form").num_columns(2).show(ui, |ui| {
            text_row(ui, tr.t(T::RespPauseAt), &mut self.start, false);
            text_row(ui, tr.t(T::RespBasis), &mut self.pause_basis, true);
            text_row(ui, tr.t(T::RespApprover), &mut self.approver, false);
            if paused {
                text_row(ui, tr.t(T::RespEnd), &mut self.expected_end, false);
            }
        });
        let button = if paused {
            T::RespPreviewResume
        } else {
            T::RespPreviewPause
        };
        if ui.button(tr.t(button)).clicked() {
            return Some(self.pause_or_resume(paused));
        }
        None
    }

    /// Lift the warning.
    fn lift_form(
        &mut self,
        ui: &mut egui::Ui,
        tr: Tr,
        state: &ResponseState,
    ) -> Option<Result<response::Command, String>> {
        egui::Grid::new("lift_form").num_columns(2).show(ui, |ui| {
            text_row(ui, tr.t(T::RespLiftAt), &mut self.start, false);
            text_row(ui, tr.t(T::RespLiftBasis), &mut self.lift_basis, true);
            text_row(ui, tr.t(T::RespApprover), &mut self.approver, false);
            text_row(ui, tr.t(T::RespDocNo), &mut self.doc_no, false);
        });
        if ui.button(tr.t(T::RespPreviewLift)).clicked() {
            return Some(self.lift(state));
        }
        None
    }

    /// Start a standing campaign of the plan, or stop the running one chosen.
    fn campaign_form(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        state: &ResponseState,
    ) -> Option<Result<response::Command, String>> {
        let tr = cx.tr;
        let plan = cx.session.plan()?;
        if self
            .campaign
            .as_ref()
            .is_none_or(|id| plan.campaign(id).is_none())
        {
            self.campaign = plan.campaigns.first().map(|c| c.id.clone());
        }
        let name = |id: &str| {
            let Some(c) = plan.campaign(id) else {
                return id.to_owned();
            };
            let own = match cx.tr.0 {
                crate::i18n::Language::En => c.name_en.as_deref().unwrap_or(&c.name),
                crate::i18n::Language::Zh => &c.name,
            };
            match state.running_campaign(id) {
                Some(_) => tr.f(T::RespCampaignRunning, &[&own]),
                None => own.to_owned(),
            }
        };
        let running = self
            .campaign
            .as_deref()
            .is_some_and(|id| state.running_campaign(id).is_some());
        egui::Grid::new("campaign_form")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(tr.t(T::RespCampaign));
                let shown = self.campaign.as_deref().map_or_else(String::new, name);
                egui::ComboBox::from_id_salt("campaign")
                    .selected_text(shown)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for c in &plan.campaigns {
                            ui.selectable_value(
                                &mut self.campaign,
                                Some(c.id.clone()),
                                name(&c.id),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let at = if running {
                    T::RespCampaignStop
                } else {
                    T::RespStart
                };
                text_row(ui, tr.t(at), &mut self.start, false);
                text_row(ui, tr.t(T::RespApprover), &mut self.approver, false);
                text_row(ui, tr.t(T::RespDocNo), &mut self.doc_no, false);
                if running {
                    text_row(ui, tr.t(T::RespBasis), &mut self.campaign_basis, true);
                } else {
                    text_row(ui, tr.t(T::RespEnd), &mut self.expected_end, false);
                    text_row(ui, tr.t(T::RespReasons), &mut self.reasons, true);
                }
            });
        let button = if running {
            T::RespPreviewCampaignStop
        } else {
            T::RespPreviewCampaignStart
        };
        if ui.button(tr.t(button)).clicked() {
            return Some(self.campaign_command(running));
        }
        None
    }

    fn campaign_command(&self, running: bool) -> Result<response::Command, String> {
        let campaign = self.campaign.clone().unwrap_or_default();
        let at = time_field(&self.start)?;
        Ok(if running {
            response::Command::StopCampaign(CampaignStopInput {
                campaign,
                at,
                basis: self.campaign_basis.trim().to_owned(),
                approver: optional(&self.approver),
                doc_no: self.doc_no.trim().to_owned(),
            })
        } else {
            response::Command::StartCampaign(CampaignInput {
                campaign,
                start: at,
                expected_end: optional_time(&self.expected_end)?,
                approver: optional(&self.approver),
                doc_no: self.doc_no.trim().to_owned(),
                reasons: split_lines(&self.reasons),
            })
        })
    }

    fn confirm(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, p: Pending) {
        let tr = cx.tr;
        ui.heading(tr.t(T::RespConfirmTitle));
        for line in &p.lines {
            ui.label(line);
        }
        if let Some(text) = &p.notice {
            ui.add_space(6.0);
            ui.label(RichText::new(tr.t(T::RespNoticePreview)).strong());
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(text);
            });
        }
        ui.add_space(6.0);
        let mut done = false;
        ui.horizontal(|ui| {
            let r = ui
                .button(tr.t(T::RespConfirm))
                .on_hover_text(tr.t(T::EnterConfirms));
            if std::mem::take(&mut self.focus_confirm) {
                r.request_focus();
            }
            if r.clicked() {
                cx.send(Command::Response(p.command.clone()));
                // After a consultation comes the decision, with what the advice filled in;
                // otherwise everything starts afresh on the same form.
                if let response::Command::RecordConsultation(_) = p.command {
                    self.pending = None;
                    self.form = Form::Level;
                    self.held_at.clear();
                    self.basis.clear();
                    self.decision = None;
                    self.decision_text.clear();
                    self.advice = None;
                } else {
                    *self = Forms {
                        form: self.form,
                        ..Forms::default()
                    };
                }
                done = true;
            }
            let back = ui.button(tr.t(T::Cancel));
            if back.clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.pending = None;
                done = true;
            }
        });
        if done {
            ui.ctx().request_repaint();
        }
    }

    fn preview(
        &mut self,
        cx: &PageContext<'_>,
        command: response::Command,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let Some(previewed) = cx.session.preview(&command, now) else {
            return;
        };
        match previewed {
            Ok((event, next)) => {
                let mut lines: Vec<String> = next
                    .timeline()
                    .last()
                    .map(|t| t.render(tr))
                    .into_iter()
                    .collect();
                let mut notice = None;
                match &event {
                    ResponseEvent::WarningIssued(w) => {
                        lines.extend(w.regional.as_ref().map(|r| follows_line(tr, r)));
                        if let (Some(e), Some(plan)) = (next.latest(), cx.session.plan()) {
                            for u in e.by_unit(now) {
                                lines.push(tr.f(T::RespUnitItems, &[&u.unit_name, &u.total]));
                            }
                            notice = warning_notice(plan, e).ok().map(|n| n.text());
                        }
                    }
                    ResponseEvent::CampaignStarted(_) => {
                        for u in next
                            .campaigns()
                            .last()
                            .map(|e| e.by_unit(now))
                            .unwrap_or_default()
                        {
                            lines.push(tr.f(T::RespUnitItems, &[&u.unit_name, &u.total]));
                        }
                    }
                    ResponseEvent::WarningUpgraded(c) | ResponseEvent::WarningDowngraded(c) => {
                        let name = |key: &response::ItemKey| {
                            next.latest().and_then(|e| e.item(key)).map_or_else(
                                || key.to_string(),
                                |i| format!("{} · {}", i.spec.unit_name, i.spec.text),
                            )
                        };
                        lines.extend(c.regional.as_ref().map(|r| follows_line(tr, r)));
                        lines.push(tr.f(T::RespDiffAdded, &[&c.diff.added.len()]));
                        lines.extend(
                            c.diff
                                .added
                                .iter()
                                .map(|s| format!("  + {} · {}", s.unit_name, s.text)),
                        );
                        lines.push(tr.f(T::RespDiffDropped, &[&c.diff.dropped.len()]));
                        lines.extend(c.diff.dropped.iter().map(|k| format!("  − {}", name(k))));
                        lines.push(tr.f(T::RespDiffKept, &[&c.diff.kept.len()]));
                        lines.extend(c.diff.kept.iter().map(|k| format!("  = {}", name(k))));
                    }
                    _ => {}
                }
                self.error = None;
                self.pending = Some(Pending {
                    command,
                    lines,
                    notice,
                });
                self.focus_confirm = true;
            }
            Err(e) => self.error = Some(e.render(tr)),
        }
    }

    /// Fill the consultation and the issue form from the advisor's answer, worded in Chinese as
    /// the records and notices are.
    fn fill_from(&mut self, advised: &Advised, plan: Option<&Plan>, now: DateTime<FixedOffset>) {
        let (Advised::Advice(advice, _), Some(plan)) = (advised, plan) else {
            return;
        };
        let reasons = ZH.reasons(advice, plan);
        let decision = Decision::from(advice.action);
        let decision_text = if advice.level.is_warning() {
            format!("{}（{}）", ZH.decision(decision), ZH.level(advice.level))
        } else {
            ZH.decision(decision).to_owned()
        };
        let c = ConsultationInput::from_advice(
            advice,
            reasons.clone(),
            decision_text,
            now,
            split_list(&self.participants),
        );
        self.held_at = fmt_time(&c.held_at);
        self.basis = c.basis;
        self.decision = Some(c.decision);
        self.decision_text = c.decision_text;
        self.advice = c.advice;
        let offset = now.offset().local_minus_utc();
        if let Some(i) = IssueInput::from_advice(advice, reasons, offset, None) {
            self.level = Some(i.level);
            self.start = fmt_time(&i.start);
            self.expected_end = i.expected_end.map(|t| fmt_time(&t)).unwrap_or_default();
            self.reasons = i.reasons.join("\n");
        }
        self.form = Form::Consult;
    }

    fn consultation(&self) -> Result<response::Command, String> {
        let held_at = time_field(&self.held_at)?;
        let decision = self.decision.unwrap_or(Decision::Keep);
        Ok(response::Command::RecordConsultation(ConsultationInput {
            held_at,
            participants: split_list(&self.participants),
            basis: self.basis.trim().to_owned(),
            advice: self.advice.clone(),
            decision,
            decision_text: if self.decision_text.trim().is_empty() {
                ZH.decision(decision).to_owned()
            } else {
                self.decision_text.trim().to_owned()
            },
        }))
    }

    fn issue(&self, state: &ResponseState) -> Result<response::Command, String> {
        Ok(response::Command::Issue(IssueInput {
            level: self.level.unwrap_or(Level::None),
            start: time_field(&self.start)?,
            expected_end: optional_time(&self.expected_end)?,
            approver: optional(&self.approver),
            doc_no: self.doc_no.trim().to_owned(),
            reasons: split_lines(&self.reasons),
            primary: String::new(),
            consultation: state.consultations().last().map(|c| c.record.number),
            regional: self.regional(),
        }))
    }

    fn change(&self, from: Level) -> Result<response::Command, String> {
        let to = self.level.unwrap_or(from);
        let input = LevelChangeInput {
            to,
            effective: time_field(&self.start)?,
            expected_end: optional_time(&self.expected_end)?,
            approver: optional(&self.approver),
            doc_no: self.doc_no.trim().to_owned(),
            reasons: split_lines(&self.reasons),
            consultation: None,
            regional: self.regional(),
        };
        Ok(if to > from {
            response::Command::Upgrade(input)
        } else {
            response::Command::Downgrade(input)
        })
    }

    fn pause_or_resume(&self, paused: bool) -> Result<response::Command, String> {
        let at = time_field(&self.start)?;
        let basis = self.pause_basis.trim().to_owned();
        let approver = self.approver.trim().to_owned();
        Ok(if paused {
            response::Command::Resume(ResumeInput {
                at,
                basis,
                approver,
                doc_no: self.doc_no.trim().to_owned(),
                expected_end: optional_time(&self.expected_end)?,
            })
        } else {
            response::Command::Pause(PauseInput {
                at,
                basis,
                approver,
                doc_no: self.doc_no.trim().to_owned(),
            })
        })
    }

    fn lift(&self, state: &ResponseState) -> Result<response::Command, String> {
        Ok(response::Command::Lift(LiftInput {
            at: time_field(&self.start)?,
            basis: self.lift_basis.trim().to_owned(),
            approver: optional(&self.approver),
            doc_no: self.doc_no.trim().to_owned(),
            consultation: state.consultations().last().map(|c| c.record.number),
        }))
    }
}

/// "Following the city's or region's warning …" for the confirmation.
fn follows_line(tr: Tr, r: &RegionalWarning) -> String {
    tr.f(
        T::RespFollowsRegional,
        &[&r.source, &level_name(tr, r.level), &r.notice_no],
    )
}

/// The advisor's answer (or why there is none); true when the officer asks to fill the forms
/// from it.
fn advice_card(ui: &mut egui::Ui, cx: &PageContext<'_>, advised: &Advised, writable: bool) -> bool {
    let tr = cx.tr;
    let mut fill = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(tr.t(T::RespAdviceTitle)).strong());
        match advised {
            Advised::NoForecast(path) => {
                ui.label(
                    RichText::new(tr.f(T::RespNoForecast, &[&path.display()]))
                        .color(cx.look.weak_text),
                );
            }
            Advised::BadForecast(path, problem) => {
                let text = problem.as_ref().map_or_else(
                    || tr.f(T::LdNoForecastDay, &[&path.display()]),
                    |p| p.render(tr),
                );
                ui.label(RichText::new(text).color(cx.look.error));
            }
            Advised::Advice(a, peak) => {
                let d = Decision::from(a.action);
                let mut head = format!("{} · {}", level_name(tr, a.level), tr.decision(d));
                if let Some(start) = a.start {
                    head.push_str(&format!(" · {}", fmt_time(&start.to_local(8 * 3600))));
                    if let Some(end) = a.end.filter(|_| !a.end_open) {
                        head.push_str(&format!(" – {}", fmt_time(&end.to_local(8 * 3600))));
                    }
                }
                ui.label(RichText::new(head).strong().size(18.0));
                for r in cx
                    .session
                    .plan()
                    .map(|p| tr.reasons(a, p))
                    .unwrap_or_default()
                {
                    ui.label(format!("· {r}"));
                }
                let file = cx.workspace.aqi_forecast_path();
                if let Some(note) = advice::outlook_note(tr, a, peak.as_ref(), &file) {
                    ui.label(RichText::new(note).color(cx.look.warn));
                }
                if writable && ui.button(tr.t(T::RespFillFromAdvice)).clicked() {
                    fill = true;
                }
            }
        }
    });
    ui.add_space(6.0);
    fill
}

/// A labelled text field in a two-column grid.
fn text_row(ui: &mut egui::Ui, label: &str, value: &mut String, multiline: bool) {
    let l = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(420.0)).labelled_by(l.id);
    ui.end_row();
}

fn decision_label(tr: Tr, d: Decision) -> String {
    tr.decision(d).to_owned()
}

fn time_field(text: &str) -> Result<DateTime<FixedOffset>, String> {
    parse_time(text).ok_or_else(|| {
        format!(
            "「{}」: {} / {}",
            text.trim(),
            T::BadMoment.zh(),
            T::BadMoment.en()
        )
    })
}

fn optional_time(text: &str) -> Result<Option<DateTime<FixedOffset>>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        time_field(text).map(Some)
    }
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_chinese_and_western_separators() {
        assert_eq!(
            split_list("张伟，李娜、王芳; Zhao\n"),
            ["张伟", "李娜", "王芳", "Zhao"]
        );
        assert!(time_field("tomorrow").is_err());
        assert_eq!(
            time_field("2019-12-10 14:00").map(|t| t.to_rfc3339()),
            Ok("2019-12-10T14:00:00+08:00".to_owned())
        );
    }
}
