//! 应急响应 Response page: the warning in force and the workflow around it, over the session's
//! response read model ([`crate::session::ReadModels::response`]) and plan.
//!
//! - A header with the level, phase, times, checklist counts, the campaigns running, the officer
//!   and — when nothing can be recorded — why (projector, read-only journal, no shift, broken
//!   plan).
//! - Tabs (Alt+1 … Alt+6): decisions ([`forms`]: consultation, issue, upgrade/downgrade with the
//!   checklist diff, pause/resume, lift, campaigns — each previewed, then confirmed), the checklist
//!   ([`checklist`]: per unit, filters, countdown, item actions; above it the reports per township
//!   and the 催报 list, [`reporting`], and feedback forms out and in, [`feedback_forms`]), notices
//!   and reports
//!   ([`reports`]), the timeline, and the emission-reduction list ([`reduction`]: the check,
//!   the enterprises, an enterprise's card).
//! - Every change is a [`Command::Response`](crate::ui::command::Command::Response); files go
//!   out through [`Command::Export`](crate::ui::command::Command::Export) into `exports/`.
//! - Projector mode shows the state large, without any edit widget.

pub(super) mod advice;
mod checklist;
mod checks;
mod enterprise_card;
mod feedback_forms;
mod forms;
mod reduction;
mod reporting;
mod reports;

use crate::i18n::Render;
use chrono::{DateTime, FixedOffset};
use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText};

use super::PageContext;
use crate::clock::{parse_moment, to_cst};
use crate::domain::plan::Level;
use crate::domain::response::{Episode, Phase, ResponseState};
use crate::session::{ImportPlan, SessionError};
use crate::ui::i18n::{T, Tr};
use crate::ui::projector::Slide;
use crate::ui::widgets::{BannerKind, badge, banner};

/// The parts of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Consultation and decisions.
    #[default]
    Decide,
    /// The checklist per unit.
    Checklist,
    /// Warning notice and unit notifications.
    Notices,
    /// Daily report, handover, after-action summary, ledger.
    Reports,
    /// Everything recorded, newest first.
    Timeline,
    /// The emission-reduction list and its check.
    Reduction,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Decide,
        Tab::Checklist,
        Tab::Notices,
        Tab::Reports,
        Tab::Timeline,
        Tab::Reduction,
    ];

    fn title(self) -> T {
        match self {
            Tab::Decide => T::RespTabDecide,
            Tab::Checklist => T::RespTabChecklist,
            Tab::Notices => T::RespTabNotices,
            Tab::Reports => T::RespTabReports,
            Tab::Timeline => T::RespTabTimeline,
            Tab::Reduction => T::RespTabReduction,
        }
    }

    fn key(self) -> Key {
        [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
        ][self as usize]
    }
}

/// View state of the response page.
#[derive(Debug, Default)]
pub struct ResponsePage {
    tab: Tab,
    forms: forms::Forms,
    checklist: checklist::ChecklistView,
    reports: reports::ReportsView,
    reduction: reduction::ReductionView,
    advice: advice::AdviceCache,
}

impl ResponsePage {
    /// Show `tab` (tests, shortcuts).
    pub fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// Show the reduction tab with the card of the enterprise with `key` (tests).
    pub fn show_enterprise(&mut self, key: &str) {
        self.tab = Tab::Reduction;
        self.reduction.select(key);
    }

    /// The evidence file chosen in the system dialog goes into the checklist's evidence field.
    pub fn set_evidence(&mut self, path: &std::path::Path) {
        self.checklist.set_evidence(path);
    }

    /// No system file dialog can be shown: the checklist's evidence field takes the focus.
    pub fn no_evidence_dialog(&mut self) {
        self.checklist.no_evidence_dialog();
    }

    /// No system file dialog can be shown: the feedback forms' path field takes the focus.
    pub fn no_forms_dialog(&mut self) {
        self.checklist.feedback.no_dialog();
    }

    /// Feedback forms are being read on a worker thread.
    pub fn feedback_forms_reading(&mut self) {
        self.checklist.feedback.reading();
    }

    /// The forms are read and checked: the preview to confirm, or why none can be made.
    pub fn feedback_forms_read(&mut self, preview: Result<ImportPlan, SessionError>) {
        self.checklist.feedback.read(preview);
    }

    /// The session recorded the previewed import (the events stored), or refused it.
    pub fn feedback_recorded(
        &mut self,
        plan: &ImportPlan,
        result: Result<Vec<crate::journal::Event>, SessionError>,
    ) {
        self.checklist.feedback.recorded(plan, result);
    }

    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let Some(plan) = cx.session.plan() else {
            banner(ui, &cx.look, BannerKind::Error, tr.t(T::RespNoPlan), |_| ());
            return;
        };
        let state = &cx.session.models().response;
        let now = to_cst(cx.now);
        if !cx.presenting {
            for tab in Tab::ALL {
                if ui.input_mut(|i| {
                    i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, tab.key()))
                }) {
                    self.tab = tab;
                }
            }
        }
        header(ui, cx, state, now);
        if cx.slide == Some(Slide::Reduction) {
            self.reduction.projector(ui, cx);
            return;
        }
        if cx.presenting {
            super::page_scroll(ui, "response_slide", |ui| {
                self.checklist.overview(ui, cx, state, now);
            });
            return;
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for (i, tab) in Tab::ALL.into_iter().enumerate() {
                let r = ui
                    .selectable_label(self.tab == tab, tr.t(tab.title()))
                    .on_hover_text(tr.f(T::ShortcutTip, &[&format!("Alt+{}", i + 1)]));
                if r.clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .id_salt("response_scroll")
            .show(ui, |ui| match self.tab {
                Tab::Decide => {
                    let sources = advice::Sources::of(cx, plan, state, now);
                    let advised = self.advice.get(&sources).clone();
                    self.forms.ui(ui, cx, state, now, &advised)
                }
                Tab::Checklist => self.checklist.ui(ui, cx, state, now),
                Tab::Notices => self.reports.notices(ui, cx, state, now),
                Tab::Reports => self.reports.reports(ui, cx, state, now),
                Tab::Timeline => timeline(ui, cx, state),
                Tab::Reduction => self.reduction.ui(ui, cx, state),
            });
    }
}

/// The level, phase and counts, the officer, and why nothing can be recorded (when so).
fn header(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    state: &ResponseState,
    now: DateTime<FixedOffset>,
) {
    let tr = cx.tr;
    let look = &cx.look;
    let big = if cx.presenting { look.key_figure } else { 22.0 };
    ui.horizontal_wrapped(|ui| match state.current() {
        Some(e) => {
            let (fill, text) = level_colours(e.level());
            badge(ui, &level_name(tr, e.level()), big, fill, text);
            ui.label(
                RichText::new(phase_text(tr, e, now))
                    .size(big * 0.7)
                    .strong(),
            );
            let mut when = tr.f(T::RespSince, &[&fmt_time(&e.start)]);
            if let Some(end) = e.expected_end {
                when.push_str(&tr.f(T::RespExpectedEnd, &[&fmt_time(&end)]));
            }
            ui.label(RichText::new(when).color(look.weak_text));
            let live = e.filter(None, crate::domain::response::StatusFilter::Live, now);
            let done = live.iter().filter(|i| i.status.is_done()).count();
            let overdue = e.overdue(now).len();
            ui.label(tr.f(T::RespCounts, &[&live.len(), &done]));
            if overdue > 0 {
                ui.label(
                    RichText::new(tr.f(T::RespOverdueCount, &[&overdue]))
                        .strong()
                        .color(look.error),
                );
            }
        }
        None => {
            ui.label(
                RichText::new(tr.t(T::RespNoWarning))
                    .size(big * 0.8)
                    .strong(),
            );
            if let Some(e) = state.latest() {
                ui.label(
                    RichText::new(tr.f(
                        T::RespLastEpisode,
                        &[&e.number, &level_name(tr, e.max_level())],
                    ))
                    .color(look.weak_text),
                );
            }
        }
    });
    super::staggered::show(ui, cx, now.date_naive(), true);
    let campaigns: Vec<&str> = state
        .running_campaigns()
        .filter_map(|e| e.campaign.as_ref().map(|c| tr.campaign(c)))
        .collect();
    if !campaigns.is_empty() {
        let names = campaigns.join(crate::i18n::list_separator(tr));
        ui.label(RichText::new(tr.f(T::CampaignsRunning, &[&names])).strong());
    }
    if !cx.presenting {
        if let Some(why) = cx.session.why_not_respond() {
            ui.label(RichText::new(why.render(tr)).color(look.warn));
        }
        if let Some(o) = cx.session.last_outcome() {
            let colour = if o.seq().is_some() {
                look.weak_text
            } else {
                look.error
            };
            ui.label(RichText::new(o.render(tr)).color(colour));
        }
        let plan = cx.session.plan_status();
        if !plan.usable() {
            for p in &plan.problems {
                let text = tr.f(T::LdFileProblem, &[&plan.path.display(), &p.render(tr)]);
                ui.label(RichText::new(text).color(look.error));
            }
            if let Some(e) = &plan.read_error {
                ui.label(RichText::new(e.render(cx.tr)).color(look.error));
            }
        }
    }
}

/// The history, newest first, at most `limit` lines.
fn timeline(ui: &mut egui::Ui, cx: &PageContext<'_>, state: &ResponseState) {
    let tr = cx.tr;
    ui.heading(tr.t(T::RespTabTimeline));
    if state.timeline().is_empty() {
        ui.label(RichText::new(tr.t(T::RespNothingYet)).color(cx.look.weak_text));
        return;
    }
    egui::Grid::new("response_timeline")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for entry in state.timeline().iter().rev() {
                ui.label(RichText::new(fmt_time(&entry.stamp.at)).monospace());
                ui.label(&entry.stamp.operator);
                ui.label(entry.render(tr));
                ui.end_row();
            }
        });
}

fn phase_text(tr: Tr, e: &Episode, now: DateTime<FixedOffset>) -> String {
    match e.phase() {
        Phase::Active if e.start > now => tr.f(T::RespPhasePending, &[&fmt_time(&e.start)]),
        Phase::Active => tr.t(T::RespPhaseActive).to_owned(),
        Phase::Paused { since } => tr.f(T::RespPhasePaused, &[&fmt_time(&since)]),
        Phase::Lifted { at } => tr.f(T::RespPhaseLifted, &[&fmt_time(&at)]),
    }
}

/// The level's name in the interface language.
fn level_name(tr: Tr, level: Level) -> String {
    tr.level(level).to_owned()
}

/// Badge colours of a warning level (fill, text).
fn level_colours(level: Level) -> (Color32, Color32) {
    match level {
        Level::Blue => (Color32::from_rgb(0, 102, 204), Color32::WHITE),
        Level::Yellow => (Color32::from_rgb(255, 215, 0), Color32::BLACK),
        Level::Orange => (Color32::from_rgb(255, 126, 0), Color32::BLACK),
        Level::Red => (Color32::from_rgb(220, 0, 0), Color32::WHITE),
        Level::None | Level::Temporary => (Color32::GRAY, Color32::WHITE),
    }
}

/// A time as the page shows it (China Standard Time or the event's offset).
fn fmt_time(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Parse a typed time ("2019-12-10 14:00", China Standard Time).
fn parse_time(text: &str) -> Option<DateTime<FixedOffset>> {
    parse_moment(text.trim()).map(to_cst)
}
