//! Notices (the warning notice, the notification to each unit, level-change, pause, resume and
//! lifting notices, each campaign run's start and end notices, from the plan's templates; the
//! 通报 from the read models) and reports (daily report, shift handover,
//! after-action summary, checklist ledger): previewed as text, copied to the clipboard, saved as
//! text into the workspace's exports folder, and written as 公文 (.docx or PDF, the fields
//! editable first), all through [`Command::Export`].

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use egui::RichText;

use crate::domain::plan::Plan;
use crate::domain::response::{Episode, ResponseState};
use crate::domain::roster::Roster;
use crate::i18n::Render;
use crate::ingest::load_forecast;
use crate::report::bulletin::{BULLETIN_TITLE, Span, bulletin};
use crate::report::daily_air::workspace_air;
use crate::report::daily_report::{DailyInput, daily_report};
use crate::report::document::{Document, Format, html, text};
use crate::report::duty::Duty;
use crate::report::episode_air::{AirSources, desk_stations, summary_document};
use crate::report::handover::handover;
use crate::report::notice::{
    Notice, NoticeError, adjust_notice, campaign_start_notice, campaign_stop_notice, lift_notice,
    notices_document, pause_notice, resume_notice, unit_notices, warning_notice,
};
use crate::report::response_ledger::{ledger_rows, write_csv, xlsx_bytes};
use crate::ui::command::Command;
use crate::ui::document_panel::DocumentPanel;
use crate::ui::i18n::T;
use crate::ui::jobs::ExportFile;
use crate::ui::pages::PageContext;
use crate::workspace::Workspace;

/// Which report is on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Report {
    #[default]
    Daily,
    Handover,
    Summary,
}

/// What a report shown depends on: which, the journal's last event, the data, the minute.
#[derive(Debug, Clone, PartialEq)]
struct ReportKey {
    report: Report,
    /// The last journal event the session folded (findings and alerts count too).
    journal: u64,
    generation: u64,
    minute: i64,
    roster: Option<(PathBuf, u64)>,
}

/// View state of the notices and reports.
#[derive(Debug, Default)]
pub struct ReportsView {
    notice: usize,
    all_units: bool,
    report: Report,
    roster: RosterCache,
    /// The report on show, made when what it depends on changes (the air and the chart take
    /// too long to make every frame).
    cached: Option<(ReportKey, Result<Document, String>)>,
    notice_panel: DocumentPanel,
    report_panel: DocumentPanel,
}

/// The workspace roster as last read, keyed by the file's path and the watcher's count of
/// workspace file changes, so the reports name who is on duty without re-reading the file every
/// frame.
#[derive(Debug, Default)]
struct RosterCache {
    key: Option<(PathBuf, u64)>,
    roster: Option<Roster>,
}

impl RosterCache {
    /// Who is on duty now and next by the workspace roster (nobody when there is none).
    fn duty(&mut self, ws: &Workspace, generation: u64, now: DateTime<FixedOffset>) -> Duty {
        let key = ws
            .settings()
            .roster
            .as_ref()
            .map(|p| (ws.resolve(p), generation));
        if key != self.key {
            self.roster = ws.roster().and_then(Result::ok);
            self.key = key;
        }
        self.roster
            .as_ref()
            .map(|r| Duty::from_roster(r, now))
            .unwrap_or_default()
    }
}

/// The plan in use, else the built-in one (documents need its frame).
fn plan_of(cx: &PageContext<'_>) -> Result<Plan, String> {
    cx.session
        .plan()
        .cloned()
        .map_or_else(crate::domain::plan::default_plan, Ok)
        .map_err(|_| cx.tr.t(T::DocNoPlan).to_owned())
}

/// The copy and save-as-text buttons of a notice's preview.
fn copy_and_save(ui: &mut egui::Ui, cx: &mut PageContext<'_>, document: &Document, text: &str) {
    if ui.button(cx.tr.t(T::RespCopy)).clicked() {
        ui.ctx().copy_text(text.to_owned());
    }
    if ui.button(cx.tr.t(T::RespSaveTxt)).clicked() {
        cx.send(Command::Export(vec![ExportFile::bytes(
            document.file_name(Format::Txt),
            text.as_bytes().to_vec(),
        )]));
    }
}

/// A notice's text, scrolling.
fn text_preview(ui: &mut egui::Ui, text: String) {
    egui::ScrollArea::vertical()
        .id_salt("notice_text")
        .max_height(440.0)
        .show(ui, |ui| {
            ui.label(text);
        });
}

/// Every notice of `episode` in order, each unit notice with the level change it belongs to.
fn episode_notices(
    plan: &Plan,
    episode: &Episode,
) -> (Vec<(Notice, Option<usize>)>, Vec<NoticeError>) {
    let mut notices: Vec<(Notice, Option<usize>)> = Vec::new();
    let mut problems: Vec<NoticeError> = Vec::new();
    let mut keep = |r: Result<Vec<Notice>, NoticeError>, step: Option<usize>| match r {
        Ok(n) => notices.extend(n.into_iter().map(|n| (n, step))),
        Err(e) => problems.push(e),
    };
    keep(warning_notice(plan, episode).map(|n| vec![n]), None);
    keep(unit_notices(plan, episode, 0), Some(0));
    for step in 1..episode.steps.len() {
        keep(adjust_notice(plan, episode, step).map(|n| vec![n]), None);
        keep(unit_notices(plan, episode, step), Some(step));
    }
    for (i, pause) in episode.pauses.iter().enumerate() {
        keep(pause_notice(plan, episode, i + 1).map(|n| vec![n]), None);
        if pause.resumed.is_some() {
            keep(resume_notice(plan, episode, i + 1).map(|n| vec![n]), None);
        }
    }
    if episode.lifting.is_some() {
        keep(lift_notice(plan, episode).map(|n| vec![n]), None);
    }
    (notices, problems)
}

/// The start notice of every campaign run, latest run first, and the end notice of each stopped
/// one.
fn campaign_notices(plan: &Plan, state: &ResponseState) -> (Vec<Notice>, Vec<NoticeError>) {
    let mut notices = Vec::new();
    let mut problems = Vec::new();
    for run in state.campaigns().iter().rev() {
        let stop = run
            .lifting
            .is_some()
            .then(|| campaign_stop_notice(plan, run));
        for made in [Some(campaign_start_notice(plan, run)), stop]
            .into_iter()
            .flatten()
        {
            match made {
                Ok(n) => notices.push(n),
                Err(e) => problems.push(e),
            }
        }
    }
    (notices, problems)
}

impl ReportsView {
    /// The notices of the campaign runs and of the latest warning episode, and the 通报 (from the
    /// latest warning's start, else the latest campaign run's, to `now`): a list of titles; the
    /// chosen one's text, and the action writing it as .docx or PDF (a unit notice alone, or all
    /// of its decision's units).
    pub fn notices(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let since = state.latest().or_else(|| state.campaigns().last());
        let (Some(since), Some(plan)) = (since.map(|e| e.start), cx.session.plan()) else {
            ui.label(RichText::new(tr.t(T::RespNoNotices)).color(cx.look.weak_text));
            return;
        };
        // The campaigns' few notices first, so the warning's many unit notices do not hide them.
        let (campaign, mut problems) = campaign_notices(plan, state);
        let mut notices: Vec<(Notice, Option<usize>)> =
            campaign.into_iter().map(|n| (n, None)).collect();
        if let Some(e) = state.latest() {
            let (warning, warning_problems) = episode_notices(plan, e);
            notices.extend(warning);
            problems.extend(warning_problems);
        }
        for p in &problems {
            ui.label(RichText::new(p.render(tr)).color(cx.look.error));
        }
        let bulletin_at = notices.len();
        self.notice = self.notice.min(bulletin_at);
        ui.columns(2, |cols| {
            // The 通报 above the list, so it is in view however many notices there are.
            let chosen = self.notice == bulletin_at;
            if cols[0].selectable_label(chosen, BULLETIN_TITLE).clicked() {
                self.notice = bulletin_at;
            }
            cols[0].separator();
            egui::ScrollArea::vertical()
                .id_salt("notice_list")
                .max_height(440.0)
                .show(&mut cols[0], |ui| {
                    for (i, (n, _)) in notices.iter().enumerate() {
                        if ui.selectable_label(self.notice == i, &n.title).clicked() {
                            self.notice = i;
                        }
                    }
                });
            let ui = &mut cols[1];
            if self.notice == bulletin_at {
                let span = Span {
                    from: since,
                    to: now,
                };
                let document = bulletin(plan, state, span);
                let text = document
                    .parts
                    .iter()
                    .map(text::part_lines)
                    .collect::<String>();
                ui.horizontal(|ui| copy_and_save(ui, cx, &document, &text));
                self.notice_panel.ui(ui, cx, &document);
                text_preview(ui, text);
                return;
            }
            let (n, step) = &notices[self.notice];
            let text = n.text();
            ui.horizontal(|ui| {
                copy_and_save(ui, cx, &n.document(), &text);
                if ui.button(tr.t(T::RespSaveAllTxt)).clicked() {
                    let all = notices
                        .iter()
                        .map(|(n, _)| {
                            ExportFile::bytes(
                                n.document().file_name(Format::Txt),
                                n.text().into_bytes(),
                            )
                        })
                        .collect();
                    cx.send(Command::Export(all));
                }
            });
            let document = match step {
                Some(step) => {
                    ui.checkbox(&mut self.all_units, tr.t(T::DocAllUnits));
                    if self.all_units {
                        let group: Vec<Notice> = notices
                            .iter()
                            .filter(|(_, s)| s == &Some(*step))
                            .map(|(n, _)| n.clone())
                            .collect();
                        let title = format!("{}（各责任单位）", n.part.title);
                        notices_document(&title, &group)
                    } else {
                        n.document()
                    }
                }
                None => n.document(),
            };
            self.notice_panel.ui(ui, cx, &document);
            text_preview(ui, text);
        });
    }

    /// Daily report, handover and after-action summary: previewed as text, copied, saved as
    /// .txt (the summary also as HTML) and written as .docx or PDF; the ledger as CSV or Excel.
    pub fn reports(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) {
        let tr = cx.tr;
        let stamp = now.format("%Y%m%d-%H%M").to_string();
        ui.horizontal_wrapped(|ui| {
            for (report, key) in [
                (Report::Daily, T::RespDaily),
                (Report::Handover, T::RespHandover),
                (Report::Summary, T::RespSummary),
            ] {
                if ui
                    .selectable_label(self.report == report, tr.t(key))
                    .clicked()
                {
                    self.report = report;
                }
            }
            ui.separator();
            if state.latest().is_some() {
                let rows = ledger_rows(state, None, now);
                if ui.button(tr.t(T::RespLedgerCsv)).clicked() {
                    let mut bytes = Vec::new();
                    if write_csv(&mut bytes, &rows).is_ok() {
                        cx.send(Command::Export(vec![ExportFile::bytes(
                            format!("应急响应台账-{stamp}.csv"),
                            bytes,
                        )]));
                    }
                }
                if ui.button(tr.t(T::RespLedgerXlsx)).clicked() {
                    match xlsx_bytes(&rows) {
                        Ok(bytes) => cx.send(Command::Export(vec![ExportFile::bytes(
                            format!("应急响应台账-{stamp}.xlsx"),
                            bytes,
                        )])),
                        Err(err) => {
                            ui.label(RichText::new(err.to_string()).color(cx.look.error));
                        }
                    }
                }
            }
        });
        ui.separator();
        let document = match self.document(cx, state, now) {
            Ok(d) => d,
            Err(why) => {
                ui.label(RichText::new(why).color(cx.look.weak_text));
                return;
            }
        };
        let text = text::write(&document);
        let name = match self.report {
            Report::Daily => format!("日报-{stamp}"),
            Report::Handover => format!("交接班记录-{stamp}"),
            Report::Summary => format!("总结评估-{stamp}"),
        };
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.t(T::RespCopy)).clicked() {
                ui.ctx().copy_text(text.clone());
            }
            if ui.button(tr.t(T::RespSaveTxt)).clicked() {
                cx.send(Command::Export(vec![ExportFile::bytes(
                    format!("{name}.txt"),
                    text.clone().into_bytes(),
                )]));
            }
            if self.report == Report::Summary
                && ui
                    .button(tr.t(T::RespSaveSummary))
                    .on_hover_text(tr.t(T::RespSummaryTip))
                    .clicked()
            {
                cx.send(Command::Export(vec![ExportFile::bytes(
                    format!("{name}.html"),
                    html::write(&document).into_bytes(),
                )]));
            }
        });
        self.report_panel.ui(ui, cx, &document);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&text).monospace());
        });
    }

    /// The report on show, from the cache when nothing it depends on changed.
    fn document(
        &mut self,
        cx: &PageContext<'_>,
        state: &ResponseState,
        now: DateTime<FixedOffset>,
    ) -> Result<Document, String> {
        let duty = self.roster.duty(cx.workspace, cx.data.workspace_files, now);
        let key = ReportKey {
            report: self.report,
            journal: cx.session.last_seq(),
            generation: cx.data.generation,
            minute: now.timestamp().div_euclid(60),
            roster: self.roster.key.clone(),
        };
        if let Some((k, doc)) = &self.cached
            && *k == key
        {
            return doc.clone();
        }
        let made = match self.report {
            Report::Daily => daily_document(cx, state, now, &duty),
            Report::Handover => Ok(handover(state, now, None, &duty).document()),
            Report::Summary => summary(cx, state, now),
        };
        self.cached = Some((key, made.clone()));
        made
    }
}

/// The 日报 as the app makes it: the journal up to now, the loaded data, the workspace's forecast
/// and settings.
fn daily_document(
    cx: &PageContext<'_>,
    state: &ResponseState,
    now: DateTime<FixedOffset>,
    duty: &Duty,
) -> Result<Document, String> {
    let plan = plan_of(cx)?;
    let models = cx.session.models();
    let store = cx.store();
    let air = (!store.keys().is_empty())
        .then(|| workspace_air(cx.workspace, store, models.alerts.acknowledgements(), now));
    let input = DailyInput {
        state,
        findings: &models.findings,
        plan: &plan,
        area: &plan.info.area,
        from: now - Duration::hours(24),
        to: now,
        duty,
    };
    Ok(daily_report(&input, air).document())
}

/// The after-action summary of the latest episode with the air during it: the loaded data of the
/// desk's stations and the workspace's AQI forecast.
fn summary(
    cx: &PageContext<'_>,
    state: &ResponseState,
    now: DateTime<FixedOffset>,
) -> Result<Document, String> {
    let Some(episode) = state.latest() else {
        return Err(cx.tr.t(T::RespNoNotices).to_owned());
    };
    let plan = plan_of(cx)?;
    let settings = cx.workspace.settings();
    let store = cx.store();
    let stations = desk_stations(store, &settings.area, &settings.stations);
    let (forecast, _) = load_forecast(&cx.workspace.aqi_forecast_path(), Some(now.date_naive()));
    let sources = AirSources {
        store,
        stations: &stations,
        area: &settings.area,
        forecast: &forecast,
    };
    summary_document(state, episode.number, &plan, Some(&sources), None, now)
        .map_err(|e| e.to_string())
}
