//! The checklist: the plan's unit tree with rolled-up counts (click a unit to filter to its
//! subtree, fold subtrees away), the items with status, deadline
//! countdown (overdue in red), filters by unit and status, and the actions on the selected item
//! (acknowledge, implemented with feedback and an optional evidence file, problem, rectified).
//!
//! An evidence file is chosen in the system file dialog (or its path typed, when no dialog can be
//! shown) and copied into the journal's evidence store under its SHA-256: the report waits while
//! the file is stored on a worker thread (progress in the status bar); any desk opens it from
//! the store. Checks of done items and the spot-check draw are in [`super::checks`]; the
//! reporting per township and the 催报 list above the tree in [`super::reporting`]; feedback
//! forms out and in in [`super::feedback_forms`].

use crate::i18n::Render;
use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{fmt_time, parse_time};
use crate::domain::plan::UnitTree;
use crate::domain::response::{
    self, Channel, Episode, EvidenceFile, Feedback, Item, ItemInput, ItemKey, ItemStatus,
    ResponseState, RowKind, StatusFilter, Transition, UnitRow,
};
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::jobs::AfterStore;

use super::checks::{ChecksView, has_photo_warnings};
use super::feedback_forms::FeedbackForms;
use crate::ui::pages::PageContext;

/// The status filters offered, in order.
const FILTERS: [StatusFilter; 11] = [
    StatusFilter::Live,
    StatusFilter::Open,
    StatusFilter::Overdue,
    StatusFilter::Done,
    StatusFilter::Status(ItemStatus::Notified),
    StatusFilter::Status(ItemStatus::Acknowledged),
    StatusFilter::Status(ItemStatus::Implemented),
    StatusFilter::Status(ItemStatus::ProblemReported),
    StatusFilter::Status(ItemStatus::Rectified),
    StatusFilter::Status(ItemStatus::Dropped),
    StatusFilter::All,
];

/// View state of the checklist.
#[derive(Debug)]
pub struct ChecklistView {
    unit: Option<String>,
    /// Folded rows; "listed enterprises" rows start folded and are listed here when opened.
    collapsed: BTreeSet<String>,
    opened: BTreeSet<String>,
    status: StatusFilter,
    selected: Option<ItemKey>,
    /// Bring the chosen item's panel into view when it opens off the screen (at 1366×768 it
    /// opens below the fold).
    show_selected: bool,
    text: String,
    evidence: String,
    /// Give the evidence field the focus next frame (a dialog filled it, or none can be shown).
    focus_evidence: bool,
    /// No system file dialog can be shown: the path is typed.
    no_dialog: bool,
    /// Who reported (反馈人), their unit, when (empty: now) and by which channel.
    reporter: String,
    reporter_unit: String,
    reported_at: String,
    channel: Channel,
    /// Why the form's reported time cannot be read.
    form_error: Option<String>,
    /// The campaign run whose checklist is shown; `None`: the latest warning episode's.
    campaign: Option<u32>,
    /// The spot-check bar and the selected item's checks.
    checks: ChecksView,
    /// Feedback forms out and in (for the latest warning episode).
    pub(super) feedback: FeedbackForms,
}

impl Default for ChecklistView {
    fn default() -> Self {
        ChecklistView {
            unit: None,
            collapsed: BTreeSet::new(),
            opened: BTreeSet::new(),
            status: StatusFilter::Live,
            selected: None,
            show_selected: false,
            text: String::new(),
            evidence: String::new(),
            focus_evidence: false,
            no_dialog: false,
            reporter: String::new(),
            reporter_unit: String::new(),
            reported_at: String::new(),
            channel: Channel::Wechat,
            form_error: None,
            campaign: None,
            checks: ChecksView::default(),
            feedback: FeedbackForms::default(),
        }
    }
}

impl ChecklistView {
    /// The evidence file a dialog returned.
    pub fn set_evidence(&mut self, path: &Path) {
        self.evidence = path.display().to_string();
        self.focus_evidence = true;
    }

    /// No system file dialog can be shown: the evidence path is typed.
    pub fn no_evidence_dialog(&mut self) {
        self.no_dialog = true;
        self.focus_evidence = true;
    }

    /// The checklist of the latest episode or of a campaign run (chosen above it, when campaigns
    /// have run), with its actions.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        self.choose_episode(ui, tr, state);
        let shown = match self.campaign {
            Some(run) => state.campaign_run(run),
            None => state.latest(),
        };
        let Some(episode) = shown else {
            ui.label(RichText::new(tr.t(T::RespNoChecklist)).color(cx.look.weak_text));
            return;
        };
        super::reporting::show(ui, cx, episode, now);
        self.feedback.ui(ui, cx, state, now);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(360.0);
                self.units(ui, cx, episode, now, true);
            });
            ui.separator();
            ui.vertical(|ui| self.items(ui, cx, episode, now));
        });
    }

    /// The checklist selector: the latest warning episode, or a campaign run (running ones
    /// first). Shown only once a campaign has run.
    fn choose_episode(&mut self, ui: &mut egui::Ui, tr: Tr, state: &ResponseState) {
        if state.campaigns().is_empty() {
            self.campaign = None;
            return;
        }
        let mut runs: Vec<&Episode> = state.campaigns().iter().collect();
        runs.sort_by_key(|e| (e.lifting.is_some(), std::cmp::Reverse(e.number)));
        let name = |e: &Episode| {
            let campaign = e.campaign.as_ref().map_or("", |c| tr.campaign(c));
            let key = if e.lifting.is_some() {
                T::RespCampaignEnded
            } else {
                T::RespCampaignRunning
            };
            tr.f(key, &[&campaign])
        };
        let warning = |state: &ResponseState| {
            state.latest().map_or_else(
                || tr.t(T::RespNoChecklist).to_owned(),
                |e| checklist_title(tr, e),
            )
        };
        let shown = self
            .campaign
            .and_then(|n| state.campaign_run(n))
            .map_or_else(|| warning(state), name);
        let before = self.campaign;
        ui.horizontal(|ui| {
            let l = ui.label(tr.t(T::RespChecklistOf));
            egui::ComboBox::from_id_salt("checklist_of")
                .selected_text(shown)
                .width(360.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.campaign, None, warning(state));
                    for e in runs {
                        ui.selectable_value(&mut self.campaign, Some(e.number), name(e));
                    }
                })
                .response
                .labelled_by(l.id);
        });
        if self.campaign != before {
            self.unit = None;
            self.selected = None;
        }
    }

    fn items(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        episode: &Episode,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let rows = self.rows(cx, episode, now);
        ui.horizontal(|ui| {
            let shown = self
                .unit
                .as_ref()
                .and_then(|u| rows.iter().find(|r| &r.unit == u))
                .map_or_else(|| tr.t(T::RespAllUnits).to_owned(), |r| r.name.clone());
            let l = ui.label(tr.t(T::RespFilterUnit));
            egui::ComboBox::from_id_salt("unit_filter")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.unit, None, tr.t(T::RespAllUnits));
                    for r in &rows {
                        let own = match r.kind {
                            RowKind::Enterprises => tr.t(T::RespListedEnterprises),
                            _ => r.name.as_str(),
                        };
                        let name = format!("{}{own}", "\u{3000}".repeat(r.depth));
                        ui.selectable_value(&mut self.unit, Some(r.unit.clone()), name);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(tr.t(T::RespFilterStatus));
            egui::ComboBox::from_id_salt("status_filter")
                .selected_text(filter_label(tr, self.status))
                .show_ui(ui, |ui| {
                    for f in FILTERS {
                        ui.selectable_value(&mut self.status, f, filter_label(tr, f));
                    }
                })
                .response
                .labelled_by(l.id);
        });
        let units = self.unit.as_deref().map(|u| response::subtree_of(&rows, u));
        let mut items: Vec<&Item> = episode
            .filter(None, self.status, now)
            .into_iter()
            .filter(|i| {
                units
                    .as_ref()
                    .is_none_or(|u| u.contains(&response::row_of(i)))
            })
            .collect();
        // Most urgent first: overdue, problems, then due soonest.
        let clock = episode.clock(now);
        items.sort_by_key(|i| i.urgency(clock));
        self.checks.sample_bar(ui, cx, episode);
        self.table(ui, cx, episode, &items, now);
        let selected = self
            .selected
            .as_ref()
            .and_then(|k| episode.item(k))
            .cloned();
        if let Some(item) = selected {
            ui.add_space(8.0);
            self.actions(ui, cx, episode, &item, now);
        }
    }

    /// The state for the projector: units' counts, the units' reports late, missing and due, and
    /// the overdue items, large and read-only.
    pub fn overview(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let Some(episode) = state.latest() else {
            return;
        };
        self.units(ui, cx, episode, now, false);
        let reporting = episode.reporting(now);
        let (late, missing) = (reporting.late.len(), reporting.missing.len());
        if late + missing + reporting.due.len() > 0 {
            ui.add_space(8.0);
            let colour = if late + missing > 0 {
                cx.look.error
            } else {
                cx.look.weak_text
            };
            let said = tr.f(T::ReportsDueCount, &[&late, &missing, &reporting.due.len()]);
            ui.label(RichText::new(said).color(colour));
        }
        let overdue = episode.overdue(now);
        if !overdue.is_empty() {
            ui.add_space(8.0);
            ui.heading(
                RichText::new(tr.f(T::RespOverdueCount, &[&overdue.len()])).color(cx.look.error),
            );
            for item in overdue {
                ui.label(
                    RichText::new(format!(
                        "{} · {} · {}",
                        item.spec.unit_name,
                        item.spec.text,
                        countdown(tr, item, episode.clock(now))
                    ))
                    .color(cx.look.error),
                );
            }
        }
    }

    /// The units as the plan's tree with rolled-up counts (a unit's row counts its own items and
    /// those of every unit below it); a click on a unit filters the table to its subtree, the
    /// triangles fold a subtree away (when `clickable`; the projector's slide shows the top-level
    /// units still at work, their counts rolled up over everything below them).
    fn units(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        episode: &Episode,
        now: DateTime<FixedOffset>,
        clickable: bool,
    ) {
        let tr = cx.tr;
        ui.heading(checklist_title(tr, episode));
        let mut rows = self.rows(cx, episode, now);
        if clickable {
            ui.label(RichText::new(tr.t(T::RespTreeTip)).color(cx.look.weak_text));
        } else {
            // The slide: the top-level units still at work, one screen.
            let all = rows.iter().filter(|r| r.depth == 0).count();
            rows.retain(|r| {
                let u = &r.rolled;
                r.depth == 0 && (u.done < u.total || u.problems > 0 || u.overdue > 0)
            });
            let finished = all - rows.len();
            if finished > 0 {
                ui.label(
                    RichText::new(tr.f(T::RespUnitsFinished, &[&finished]))
                        .color(cx.look.weak_text),
                );
            }
        }
        // On the desk the tree scrolls on its own, so the items and their actions stay in view.
        let height = if clickable {
            (ui.clip_rect().bottom() - ui.cursor().top() - 8.0).max(240.0)
        } else {
            f32::INFINITY
        };
        egui::ScrollArea::vertical()
            .id_salt("unit_tree")
            .max_height(height)
            .auto_shrink([true, true])
            .show(ui, |ui| self.tree(ui, cx, &rows, clickable));
    }

    /// The tree's grid: a row per unit (indented, with its fold triangle) and the rolled-up counts.
    fn tree(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, rows: &[UnitRow], clickable: bool) {
        let tr = cx.tr;
        let indent = ui.spacing().indent;
        let toggle_width = ui.spacing().interact_size.y;
        egui::Grid::new("unit_rollup")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                for h in [
                    T::RespColUnit,
                    T::RespColTotal,
                    T::RespColAcknowledged,
                    T::RespColDone,
                    T::RespColProblems,
                    T::RespColOverdue,
                ] {
                    ui.label(RichText::new(tr.t(h)).strong());
                }
                ui.end_row();
                // The slide's rows are top-level units only: nothing to fold there.
                let folded = if clickable {
                    self.folded(rows)
                } else {
                    BTreeSet::new()
                };
                for row in rows {
                    if response::hidden_by(rows, &row.unit, &folded) {
                        continue;
                    }
                    let name = match row.kind {
                        RowKind::Enterprises => tr.t(T::RespListedEnterprises).to_owned(),
                        _ => row.name.clone(),
                    };
                    ui.horizontal(|ui| {
                        ui.add_space(indent * row.depth as f32);
                        if clickable && row.has_children {
                            let open = !folded.contains(&row.unit);
                            let (glyph, what) = if open {
                                ("▼", T::RespCollapse)
                            } else {
                                ("▶", T::RespExpand)
                            };
                            let tip = tr.f(what, &[&name]);
                            let r = ui
                                .add(egui::Button::new(glyph).frame(false))
                                .on_hover_text(&tip);
                            r.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &tip)
                            });
                            if r.clicked() {
                                self.toggle(row);
                            }
                        } else if clickable {
                            ui.add_space(toggle_width);
                        }
                        let text = if row.depth == 0 {
                            RichText::new(&name).strong()
                        } else {
                            RichText::new(&name)
                        };
                        if clickable {
                            let selected = self.unit.as_deref() == Some(row.unit.as_str());
                            if ui.selectable_label(selected, text).clicked() {
                                self.unit = if selected {
                                    None
                                } else {
                                    Some(row.unit.clone())
                                };
                            }
                        } else {
                            ui.label(text);
                        }
                    });
                    let u = &row.rolled;
                    ui.label(u.total.to_string());
                    ui.label(u.acknowledged.to_string());
                    ui.label(u.done.to_string());
                    let problems = RichText::new(u.problems.to_string());
                    ui.label(if u.problems > 0 {
                        problems.color(cx.look.warn)
                    } else {
                        problems
                    });
                    let overdue = RichText::new(u.overdue.to_string());
                    ui.label(if u.overdue > 0 {
                        overdue.strong().color(cx.look.error)
                    } else {
                        overdue
                    });
                    ui.end_row();
                }
            });
    }

    /// The rows folded now: those folded by hand, and the "listed enterprises" rows not opened.
    fn folded(&self, rows: &[UnitRow]) -> BTreeSet<String> {
        let mut folded = self.collapsed.clone();
        folded.extend(
            enterprise_groups(rows)
                .into_iter()
                .filter(|u| !self.opened.contains(u)),
        );
        folded
    }

    /// Fold or unfold `row`.
    fn toggle(&mut self, row: &UnitRow) {
        let set = if row.kind == RowKind::Enterprises {
            &mut self.opened
        } else {
            &mut self.collapsed
        };
        if !set.remove(&row.unit) {
            set.insert(row.unit.clone());
        }
    }

    /// The units of the episode in the current plan's tree.
    fn rows(
        &self,
        cx: &PageContext<'_>,
        episode: &Episode,
        now: DateTime<FixedOffset>,
    ) -> Vec<UnitRow> {
        let empty = UnitTree::default();
        let tree = cx.session.plan().map_or(&empty, |p| &p.units);
        response::unit_rows(episode, tree, now)
    }

    fn table(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        episode: &Episode,
        items: &[&Item],
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let clock = episode.clock(now);
        if items.is_empty() {
            ui.label(RichText::new(tr.t(T::RespNoItems)).color(cx.look.weak_text));
            return;
        }
        let height = (items.len() as f32 * 26.0 + 30.0).min(360.0);
        ui.push_id("checklist_table", |ui| {
            // Text that cannot be selected leaves the click to the row.
            ui.style_mut().interaction.selectable_labels = false;
            TableBuilder::new(ui)
                .striped(true)
                .auto_shrink([false, true])
                .max_scroll_height(height)
                // A longer list says so: its scrollbar shows before the pointer reaches it.
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                // The whole row selects the item, not only the unit's name.
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                // The measure text takes what the fixed columns leave, so the deadline and the
                // time left stay on screen at 1366×768.
                .column(Column::initial(150.0).at_least(80.0).clip(true))
                .column(Column::remainder().at_least(120.0).clip(true))
                .column(Column::auto())
                .column(Column::auto())
                .column(Column::auto().at_least(90.0))
                .header(24.0, |mut h| {
                    for t in [
                        T::RespColUnit,
                        T::RespColMeasure,
                        T::RespColStatus,
                        T::RespColDeadline,
                        T::RespColRemaining,
                    ] {
                        h.col(|ui| {
                            ui.strong(tr.t(t));
                        });
                    }
                })
                .body(|mut body| {
                    for item in items {
                        let overdue = item.is_overdue(clock);
                        let colour = overdue.then_some(cx.look.error);
                        let tint = |t: RichText| match colour {
                            Some(c) => t.color(c),
                            None => t,
                        };
                        body.row(24.0, |mut row| {
                            let selected = self.selected.as_ref() == Some(item.key());
                            row.set_selected(selected);
                            let mut clicked = false;
                            row.col(|ui| {
                                clicked |= ui
                                    .selectable_label(
                                        selected,
                                        tint(RichText::new(&item.spec.unit_name)),
                                    )
                                    .clicked();
                            });
                            row.col(|ui| {
                                ui.label(tint(RichText::new(&item.spec.text)));
                            });
                            row.col(|ui| {
                                let mut status = tr.item_status(item.status).to_owned();
                                if has_photo_warnings(cx, episode, item) {
                                    status.push_str(" ⚠");
                                }
                                ui.label(tint(RichText::new(status)));
                            });
                            row.col(|ui| {
                                ui.label(tint(RichText::new(fmt_time(&item.deadline)).monospace()));
                            });
                            row.col(|ui| {
                                ui.label(tint(RichText::new(countdown(tr, item, clock))));
                            });
                            if clicked || row.response().clicked() {
                                self.selected = Some(item.key().clone());
                                self.show_selected = true;
                                self.clear_form();
                                self.reporter_unit = item.spec.unit_name.clone();
                            }
                        });
                    }
                });
        });
    }

    fn actions(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        episode: &Episode,
        item: &Item,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        ui.group(|ui| {
            let heading = ui.heading(format!("{} · {}", item.spec.unit_name, item.spec.text));
            if std::mem::take(&mut self.show_selected) && !ui.is_rect_visible(heading.rect) {
                heading.scroll_to_me(Some(egui::Align::TOP));
            }
            ui.label(tr.f(T::RespFeedbackExpected, &[&item.spec.feedback]));
            // What the officer does comes first, so its buttons are on the screen; what was
            // recorded and checked follows.
            self.report_form(ui, cx, episode, item, now);
            history_lines(ui, cx, item);
            self.checks
                .item_panel(ui, cx, episode, item, &mut self.evidence);
        });
    }

    /// The feedback form and the steps allowed from the item's status (nothing when the desk
    /// may not respond, or the episode has ended and no problem waits).
    fn report_form(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        episode: &Episode,
        item: &Item,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        if let Some(why) = cx.session.why_not_respond() {
            ui.label(RichText::new(why.render(tr)).color(cx.look.warn));
            return;
        }
        if episode.clock(now).is_none() && item.status != ItemStatus::ProblemReported {
            return;
        }
        egui::Grid::new("item_form").num_columns(2).show(ui, |ui| {
            let l = ui.label(tr.t(T::RespFeedback));
            ui.add(
                egui::TextEdit::multiline(&mut self.text)
                    .desired_rows(2)
                    .desired_width(420.0),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(tr.t(T::RespEvidence));
            ui.horizontal(|ui| {
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.evidence)
                            .hint_text(tr.t(T::RespEvidenceHint))
                            .desired_width(420.0),
                    )
                    .labelled_by(l.id);
                if std::mem::take(&mut self.focus_evidence) {
                    field.request_focus();
                }
                if ui.button(tr.t(T::RespPickEvidence)).clicked() {
                    cx.send(Command::PickEvidenceFile);
                }
            });
            ui.end_row();
            self.reporter_fields(ui, tr);
        });
        if let Some(e) = &self.form_error {
            ui.label(RichText::new(e).color(cx.look.warn));
        }
        if self.no_dialog {
            ui.label(RichText::new(tr.t(T::RespNoDialog)).color(cx.look.weak_text));
        }
        ui.horizontal(|ui| {
            for t in Transition::ALL {
                if !t.allowed_from(item.status) {
                    continue;
                }
                let label = match t {
                    Transition::Acknowledge => T::RespActAcknowledge,
                    Transition::Implement => T::RespActImplement,
                    Transition::ReportProblem => T::RespActProblem,
                    Transition::Rectify => T::RespActRectify,
                };
                if ui.button(tr.t(label)).clicked() {
                    match self.command(t, item.key(), cx.workspace.root(), now) {
                        Ok(c) => {
                            cx.send(c);
                            self.clear_form();
                        }
                        Err(e) => self.form_error = Some(e),
                    }
                }
            }
        });
    }

    /// Who reported, their unit, when and by which channel: the feedback record's fields.
    fn reporter_fields(&mut self, ui: &mut egui::Ui, tr: Tr) {
        let l = ui.label(tr.t(T::RespReporter));
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut self.reporter).desired_width(120.0))
                .labelled_by(l.id);
            let u = ui.label(tr.t(T::RespReporterUnit));
            ui.add(egui::TextEdit::singleline(&mut self.reporter_unit).desired_width(200.0))
                .labelled_by(u.id);
        });
        ui.end_row();
        let l = ui.label(tr.t(T::RespReportedAt));
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.reported_at)
                    .hint_text(tr.t(T::RespReportedAtHint))
                    .desired_width(160.0),
            )
            .labelled_by(l.id);
            let c = ui.label(tr.t(T::RespChannel));
            egui::ComboBox::from_id_salt("feedback_channel")
                .selected_text(tr.channel(self.channel))
                .show_ui(ui, |ui| {
                    for ch in Channel::ALL {
                        ui.selectable_value(&mut self.channel, ch, tr.channel(ch));
                    }
                })
                .response
                .labelled_by(c.id);
        });
        ui.end_row();
    }

    fn clear_form(&mut self) {
        self.text.clear();
        self.evidence.clear();
        self.reported_at.clear();
        self.form_error = None;
    }

    /// The report the form describes, with its feedback record (reported now when the time is
    /// left empty); with an evidence file, the file is copied into the journal's evidence store
    /// on a worker thread first (hashed, a photo's EXIF read) and the report recorded once it is
    /// there. An unreadable reported time is refused.
    fn command(
        &self,
        transition: Transition,
        key: &ItemKey,
        workspace: &Path,
        now: DateTime<FixedOffset>,
    ) -> Result<Command, String> {
        let reported_at = match self.reported_at.trim() {
            "" => now,
            text => parse_time(text).ok_or_else(|| {
                format!("「{text}」: {} / {}", T::BadMoment.zh(), T::BadMoment.en())
            })?,
        };
        let path = self.evidence.trim();
        let with_file = !path.is_empty() && transition != Transition::Acknowledge;
        let full = workspace.join(path);
        let input = ItemInput {
            transition,
            item: key.clone(),
            text: self.text.trim().to_owned(),
            evidence: with_file.then(|| evidence_name(&full, workspace)),
            feedback: Some(Feedback {
                reporter: self.reporter.trim().to_owned(),
                reporter_unit: self.reporter_unit.trim().to_owned(),
                reported_at,
                channel: self.channel,
            }),
            campaign: self.campaign,
        };
        Ok(if with_file {
            Command::StoreEvidence {
                path: full,
                then: AfterStore::Report(input),
            }
        } else {
            Command::Response(response::Command::Item(input))
        })
    }
}

/// Each recorded step of the item: when, who, the status, what was said, the evidence and who
/// reported it.
fn history_lines(ui: &mut egui::Ui, cx: &PageContext<'_>, item: &Item) {
    let tr = cx.tr;
    for change in &item.history {
        let mut line = format!(
            "{}  {}  {}",
            fmt_time(&change.stamp.at),
            change.stamp.operator,
            tr.item_status(change.status)
        );
        let note = change.render(tr);
        if !note.is_empty() {
            line.push_str(&format!(" — {note}"));
        }
        if let Some(ev) = &change.evidence {
            line.push_str(&format!(" [{}]", ev.name));
        }
        if let Some(f) = &change.feedback {
            line.push_str(&reported_by(tr, f));
        }
        ui.label(RichText::new(line).color(cx.look.weak_text));
    }
}

/// Who reported a change, when and how, as the history line's tail; a report without a named
/// person or unit says only when and how (no empty "（，…）").
fn reported_by(tr: Tr, f: &Feedback) -> String {
    let who = [f.reporter.trim(), f.reporter_unit.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let (at, channel) = (fmt_time(&f.reported_at), tr.channel(f.channel));
    if who.is_empty() {
        tr.f(T::RespReportedWhen, &[&at, &channel])
    } else {
        tr.f(T::RespReportedBy, &[&who, &at, &channel])
    }
}

/// An evidence file as the journal names it: relative to the workspace when inside it; its
/// SHA-256 is filled in once the file is hashed (read only, never copied).
pub fn evidence_name(full: &Path, workspace: &Path) -> EvidenceFile {
    let name = full
        .strip_prefix(workspace)
        .unwrap_or(full)
        .display()
        .to_string();
    EvidenceFile {
        name,
        sha256: None,
        photo: None,
    }
}

/// Time left to the deadline ("3 h 20 min"), or how late; "—" when done or lifted.
fn countdown(tr: Tr, item: &Item, clock: Option<DateTime<FixedOffset>>) -> String {
    match item.remaining(clock) {
        None => "—".to_owned(),
        Some(d) if d.num_minutes() >= 0 => tr.f(T::RespRemaining, &[&hours_minutes(d)]),
        Some(d) => tr.f(T::RespLate, &[&hours_minutes(-d)]),
    }
}

fn hours_minutes(d: chrono::Duration) -> String {
    let m = d.num_minutes();
    format!("{}:{:02}", m / 60, m % 60)
}

fn filter_label(tr: Tr, f: StatusFilter) -> String {
    match f {
        StatusFilter::Live => tr.t(T::RespFilterLive).to_owned(),
        StatusFilter::All => tr.t(T::RespFilterAll).to_owned(),
        StatusFilter::Open => tr.t(T::RespFilterOpen).to_owned(),
        StatusFilter::Overdue => tr.t(T::RespFilterOverdue).to_owned(),
        StatusFilter::Done => tr.t(T::RespFilterDone).to_owned(),
        StatusFilter::Status(s) => tr.item_status(s).to_owned(),
    }
}

/// The "listed enterprises" rows of the tree.
fn enterprise_groups(rows: &[UnitRow]) -> BTreeSet<String> {
    rows.iter()
        .filter(|r| r.kind == RowKind::Enterprises)
        .map(|r| r.unit.clone())
        .collect()
}

/// The heading of an episode's checklist: the warning episode's number, or the campaign's name.
fn checklist_title(tr: Tr, e: &Episode) -> String {
    match &e.campaign {
        Some(c) => tr.f(T::RespCampaignChecklist, &[&tr.campaign(c)]),
        None => tr.f(T::RespEpisodeChecklist, &[&e.number]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_without_a_named_person_says_only_when_and_how() {
        let tr = Tr(crate::workspace::Language::Zh);
        let at = DateTime::parse_from_rfc3339("2019-12-21T22:00:00+08:00").expect("time");
        let mut f = Feedback {
            reporter: String::new(),
            reporter_unit: String::new(),
            reported_at: at,
            channel: Channel::Wechat,
        };
        let said = reported_by(tr, &f);
        assert!(!said.contains("（，"), "{said}");
        assert!(said.contains("22:00"), "{said}");
        f.reporter = "李四".into();
        f.reporter_unit = "河东镇".into();
        let said = reported_by(tr, &f);
        assert!(said.starts_with("（李四 河东镇，"), "{said}");
    }

    #[test]
    fn evidence_is_named_relative_to_the_workspace_and_hashed_before_recording() {
        let ws = Path::new("/ws");
        assert_eq!(
            evidence_name(Path::new("/ws/photo.jpg"), ws).name,
            "photo.jpg"
        );
        assert_eq!(
            evidence_name(Path::new("/d/scan.pdf"), ws).name,
            "/d/scan.pdf"
        );
        let view = ChecklistView {
            text: "已停工".into(),
            evidence: "photo.jpg".into(),
            ..ChecklistView::default()
        };
        let key = ItemKey::new("O-DUST-1", "zjj");
        let now = DateTime::parse_from_rfc3339("2019-12-21T15:00:00+08:00").expect("time");
        let Ok(Command::StoreEvidence {
            path,
            then: AfterStore::Report(input),
        }) = view.command(Transition::Implement, &key, ws, now)
        else {
            panic!("the file is stored first");
        };
        assert_eq!(path, Path::new("/ws/photo.jpg"));
        assert_eq!(input.evidence.map(|e| e.name), Some("photo.jpg".into()));
        assert_eq!(input.feedback.map(|f| f.reported_at), Some(now));
        assert!(matches!(
            view.command(Transition::Acknowledge, &key, ws, now),
            Ok(Command::Response(_))
        ));
        let typed = ChecklistView {
            reported_at: "2019-12-21 09:30".into(),
            ..ChecklistView::default()
        };
        let Ok(Command::Response(response::Command::Item(input))) =
            typed.command(Transition::Acknowledge, &key, ws, now)
        else {
            panic!("a report");
        };
        assert_eq!(
            input.feedback.map(|f| f.reported_at.to_rfc3339()),
            Some("2019-12-21T09:30:00+08:00".into())
        );
        let bad = ChecklistView {
            reported_at: "yesterday".into(),
            ..ChecklistView::default()
        };
        assert!(bad.command(Transition::Acknowledge, &key, ws, now).is_err());
    }

    #[test]
    fn countdown_reads_hours_and_minutes() {
        assert_eq!(hours_minutes(chrono::Duration::minutes(200)), "3:20");
    }
}
