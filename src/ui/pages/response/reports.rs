//! Notices (the warning notice, the notification to each unit, level-change and lifting notices,
//! from the plan's templates) and reports (daily report, shift handover, after-action summary,
//! checklist ledger): shown as text, copied to the clipboard, or saved into the workspace's
//! exports folder through [`Command::Export`].

use std::path::PathBuf;
use std::time::SystemTime;

use chrono::{DateTime, Duration, FixedOffset};
use egui::RichText;

use crate::domain::response::ResponseState;
use crate::domain::roster::Roster;
use crate::ingest::load_forecast;
use crate::report::after_action::AfterActionError;
use crate::report::daily_report::daily_report;
use crate::report::duty::Duty;
use crate::report::episode_air::{AirSources, desk_stations, summary_html};
use crate::report::handover::handover;
use crate::report::notice::{Notice, adjust_notice, lift_notice, unit_notices, warning_notice};
use crate::report::response_ledger::{ledger_rows, write_csv, xlsx_bytes};
use crate::ui::command::Command;
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
}

/// View state of the notices and reports.
#[derive(Debug, Default)]
pub struct ReportsView {
    notice: usize,
    report: Report,
    roster: RosterCache,
}

/// The workspace roster as last read, keyed by the file's path and modification time, so the
/// reports name who is on duty without re-reading the file every frame.
#[derive(Debug, Default)]
struct RosterCache {
    key: Option<(PathBuf, Option<SystemTime>)>,
    roster: Option<Roster>,
}

impl RosterCache {
    /// Who is on duty now and next by the workspace roster (nobody when there is none).
    fn duty(&mut self, ws: &Workspace, now: DateTime<FixedOffset>) -> Duty {
        let key = ws.settings().roster.as_ref().map(|p| {
            let path = ws.resolve(p);
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            (path, modified)
        });
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

/// The after-action summary of episode `number` with the air during it: the loaded data of the
/// desk's stations and the workspace's AQI forecast.
fn summary(
    cx: &PageContext<'_>,
    state: &ResponseState,
    number: u32,
    now: DateTime<FixedOffset>,
) -> Result<String, AfterActionError> {
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
    summary_html(state, number, Some(&sources), None, now)
}

impl ReportsView {
    /// The notices of the latest episode: a list of titles, the text of the chosen one.
    pub fn notices(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, state: &ResponseState) {
        let tr = cx.tr;
        let (Some(episode), Some(plan)) = (state.latest(), cx.session.plan()) else {
            ui.label(RichText::new(tr.t(T::RespNoNotices)).color(cx.look.weak_text));
            return;
        };
        let mut notices: Vec<Notice> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        let mut keep = |r: Result<Vec<Notice>, crate::report::notice::NoticeError>| match r {
            Ok(n) => notices.extend(n),
            Err(e) => problems.push(e.to_string()),
        };
        keep(warning_notice(plan, episode).map(|n| vec![n]));
        keep(unit_notices(plan, episode, 0));
        for step in 1..episode.steps.len() {
            keep(adjust_notice(plan, episode, step).map(|n| vec![n]));
            keep(unit_notices(plan, episode, step));
        }
        if episode.lifting.is_some() {
            keep(lift_notice(plan, episode).map(|n| vec![n]));
        }
        for p in &problems {
            ui.label(RichText::new(p).color(cx.look.error));
        }
        if notices.is_empty() {
            return;
        }
        self.notice = self.notice.min(notices.len() - 1);
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("notice_list")
                .max_height(480.0)
                .show(&mut cols[0], |ui| {
                    for (i, n) in notices.iter().enumerate() {
                        let title = match &n.unit {
                            Some(u) => format!("{} · {u}", n.title),
                            None => n.title.clone(),
                        };
                        if ui.selectable_label(self.notice == i, title).clicked() {
                            self.notice = i;
                        }
                    }
                });
            let n = &notices[self.notice];
            let ui = &mut cols[1];
            ui.horizontal(|ui| {
                if ui.button(tr.t(T::RespCopy)).clicked() {
                    ui.ctx().copy_text(n.text.clone());
                }
                if ui.button(tr.t(T::RespSaveTxt)).clicked() {
                    cx.send(Command::Export(vec![ExportFile::bytes(
                        n.file_name(),
                        n.text.clone().into_bytes(),
                    )]));
                }
                if ui.button(tr.t(T::RespSaveAllTxt)).clicked() {
                    let all = notices
                        .iter()
                        .map(|n| ExportFile::bytes(n.file_name(), n.text.clone().into_bytes()))
                        .collect();
                    cx.send(Command::Export(all));
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("notice_text")
                .max_height(440.0)
                .show(ui, |ui| {
                    ui.label(&n.text);
                });
        });
    }

    /// Daily report and handover as text; after-action summary and ledger as files.
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
            if ui
                .selectable_label(self.report == Report::Daily, tr.t(T::RespDaily))
                .clicked()
            {
                self.report = Report::Daily;
            }
            if ui
                .selectable_label(self.report == Report::Handover, tr.t(T::RespHandover))
                .clicked()
            {
                self.report = Report::Handover;
            }
            ui.separator();
            if let Some(e) = state.latest() {
                if ui
                    .button(tr.t(T::RespSaveSummary))
                    .on_hover_text(tr.t(T::RespSummaryTip))
                    .clicked()
                {
                    match summary(cx, state, e.number, now) {
                        Ok(html) => cx.send(Command::Export(vec![ExportFile::bytes(
                            format!("总结评估-第{}次-{stamp}.html", e.number),
                            html.into_bytes(),
                        )])),
                        Err(err) => {
                            ui.label(RichText::new(err.to_string()).color(cx.look.error));
                        }
                    }
                }
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
        let area = cx
            .session
            .plan()
            .map(|p| p.info.area.clone())
            .unwrap_or_default();
        let duty = self.roster.duty(cx.workspace, now);
        let (text, name) = match self.report {
            Report::Daily => (
                daily_report(state, &area, now - Duration::hours(24), now, &duty).to_text(),
                format!("日报-{stamp}.txt"),
            ),
            Report::Handover => (
                handover(state, now, None, &duty).to_text(),
                format!("交接班记录-{stamp}.txt"),
            ),
        };
        ui.horizontal(|ui| {
            if ui.button(tr.t(T::RespCopy)).clicked() {
                ui.ctx().copy_text(text.clone());
            }
            if ui.button(tr.t(T::RespSaveTxt)).clicked() {
                cx.send(Command::Export(vec![ExportFile::bytes(
                    name.clone(),
                    text.clone().into_bytes(),
                )]));
            }
        });
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&text).monospace());
        });
    }
}
