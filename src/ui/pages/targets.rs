//! 目标核算 Targets: the season PM2.5 budget of the desk's area (mean so far, remaining allowed
//! mean, heavy days, year-on-year, what-if, the daily ledger with CSV/xlsx export) and the ranking
//! of areas with its chart (PNG/SVG export).
//!
//! Numbers come from `domain::accounting::account` (the same computation as `airdesk budget`) and
//! `domain::ranking::rank_areas` (as `airdesk rank`); this page only draws them. "As of" is the last
//! day complete at the app's now (in a drill: nothing after the drill moment counts).

mod accounting;
mod form;
mod ranking;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::PageContext;
use crate::clock::to_cst;
use crate::domain::accounting::{Accounting, AccountingError, AccountingInput, AsOf, account};
use crate::domain::advisor::ForecastDay;
use crate::domain::area::Area;
use crate::domain::audited::AuditedDays;
use crate::domain::budget::Season;
use crate::domain::budget::{self, BudgetSettings};
use crate::domain::dust::DustRule;
use crate::i18n::{Language, Render};
use crate::report::budget_ledger;
use crate::store::StationId;
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::jobs::ExportFile;
use crate::ui::projector::Slide;
use crate::ui::theme::Look;
use crate::ui::widgets::{TileColour, card, key_figure, tile, tile_width};

use accounting::DustPanel;
pub use form::BudgetForm;
use ranking::RankingView;

/// Files with their modification times, to notice a change on disk.
/// What the budget was computed from: recomputed only when this changes.
#[derive(Debug, Clone, PartialEq)]
struct BudgetKey {
    generation: u64,
    settings: BudgetSettings,
    area: Area,
    up_to: NaiveDate,
    dust_days: BTreeSet<NaiveDate>,
    dust_rule: DustRule,
    /// The watcher's count of workspace file changes the audited days were read at.
    audited: u64,
    festival_assumed: f64,
}

/// The computed budget of the area.
#[derive(Debug, Clone)]
struct Computed {
    key: BudgetKey,
    stations: usize,
    result: Result<Accounting, AccountingError>,
}

/// View state of the targets page.
#[derive(Debug)]
pub struct TargetsPage {
    /// The settings being edited.
    pub form: BudgetForm,
    computed: Option<Computed>,
    /// What-if: mean assumed for the remaining days, µg/m³ (`None` = start at the allowed mean).
    rest_mean: Option<f64>,
    /// The PM2.5 daily mean of the heavy day whose cost is shown.
    heavy_day_value: f64,
    ranking: RankingView,
    dust: DustPanel,
    /// The workspace's audited daily files as last read, with the watcher's change count then.
    audited: Option<(u64, AuditedDays)>,
    /// The workspace's AQI forecast file as last read: path, modification time, days, problems.
    forecast: Option<LoadedForecast>,
    message: Option<(bool, String)>,
}

/// An AQI forecast file read once per change on disk.
#[derive(Debug, Clone)]
struct LoadedForecast {
    path: PathBuf,
    generation: u64,
    days: Vec<ForecastDay>,
    problem: Option<crate::ingest::Problem>,
}

impl Default for TargetsPage {
    fn default() -> Self {
        TargetsPage {
            form: BudgetForm::default(),
            computed: None,
            rest_mean: None,
            heavy_day_value: budget::HEAVY_PM25_ABOVE + 1.0,
            ranking: RankingView::default(),
            dust: DustPanel::default(),
            audited: None,
            forecast: None,
            message: None,
        }
    }
}

/// The desk's area: the hand-picked stations, or every non-control station of the chosen city.
pub fn desk_area(cx: &PageContext<'_>) -> Option<Area> {
    let s = cx.workspace.settings();
    if s.area.is_empty() && s.stations.is_empty() {
        return None;
    }
    Some(if s.stations.is_empty() {
        Area::city(cx.store(), &s.area)
    } else {
        Area {
            name: s.area.clone(),
            stations: s.stations.clone(),
        }
    })
}

/// The last day complete at `now` (local): yesterday.
pub fn last_complete_day(cx: &PageContext<'_>) -> NaiveDate {
    let today = to_cst(cx.now).date_naive();
    today.checked_sub_days(Days::new(1)).unwrap_or(today)
}

fn num(x: Option<f64>, decimals: usize) -> String {
    x.map_or("—".to_string(), |v| format!("{v:.decimals$}"))
}

impl TargetsPage {
    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        super::page_scroll(ui, "targets", |ui| {
            if let Some((ok, text)) = &self.message {
                let color = if *ok { cx.look.accent } else { cx.look.error };
                ui.label(RichText::new(text).color(color));
            }
            let saved = cx.workspace.settings().budget;
            let up_to = last_complete_day(cx);
            if !cx.read_only() {
                let look = cx.look;
                card(ui, &look, tr.t(T::TgSettings), |ui| {
                    self.form.ui(ui, cx, saved, up_to)
                });
                ui.add_space(8.0);
            } else if cx.workspace.read_only() && !cx.presenting {
                ui.label(RichText::new(tr.t(T::TgReadOnly)).color(cx.look.weak_text));
            }
            let slide = cx.slide;
            let Some(area) = desk_area(cx) else {
                ui.label(RichText::new(tr.t(T::AreaNotSet)).color(cx.look.weak_text));
                return;
            };
            match saved.map(|s| (s, s.target_mean())) {
                _ if slide == Some(Slide::Ranking) => {}
                None => {
                    let key = if cx.read_only() {
                        T::TgNoTargetReadOnly
                    } else {
                        T::TgNoTarget
                    };
                    ui.label(RichText::new(tr.t(key)).color(cx.look.warn));
                }
                Some((_, Err(e))) => {
                    ui.label(RichText::new(tr.f(T::TgInvalid, &[&e])).color(cx.look.error));
                }
                Some((settings, Ok(_))) => self.budget(ui, cx, &area, settings, up_to),
            }
            if slide == Some(Slide::Budget) {
                return;
            }
            ui.add_space(8.0);
            let look = cx.look;
            let season = saved
                .map(|s| s.season)
                .or_else(|| Season::campaign_for(up_to));
            card(ui, &look, tr.t(T::TgRanking), |ui| {
                self.ranking.ui(ui, cx, season, up_to)
            });
        });
    }

    fn budget(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        area: &Area,
        settings: BudgetSettings,
        up_to: NaiveDate,
    ) {
        let tr = cx.tr;
        let audited_files = self.refresh_audited(cx);
        let marked = &cx.session.models().dust;
        let key = BudgetKey {
            generation: cx.data.generation,
            settings,
            area: area.clone(),
            up_to,
            dust_days: marked.dates().into_iter().collect(),
            dust_rule: cx.workspace.settings().dust,
            audited: audited_files,
            festival_assumed: self.heavy_day_value,
        };
        if self.computed.as_ref().is_none_or(|c| c.key != key) {
            let (ids, _unknown): (Vec<StationId>, _) = area.resolve(cx.store());
            let empty = AuditedDays::default();
            let input = AccountingInput {
                settings,
                as_of: AsOf::LastValidUpTo(up_to),
                audited: self.audited.as_ref().map_or(&empty, |(_, a)| a),
                dust_days: &key.dust_days,
                dust_rule: key.dust_rule,
                festival_assumed: Some(key.festival_assumed),
            };
            let result = account(cx.store(), &ids, &input);
            self.computed = Some(Computed {
                key,
                stations: ids.len(),
                result,
            });
            self.rest_mean = None;
        }
        let Some(computed) = self.computed.clone() else {
            return;
        };
        let season = settings.season;
        match computed.result {
            Err(AccountingError::NoValidDay(_)) => {
                ui.label(
                    RichText::new(tr.f(
                        T::TgNoValidDay,
                        &[&area.name, &season, &up_to.min(season.to())],
                    ))
                    .color(cx.look.warn),
                );
            }
            Err(e) => {
                ui.label(RichText::new(tr.f(T::TgInvalid, &[&e])).color(cx.look.error));
            }
            Ok(ab) => {
                let look = cx.look;
                ui.label(tr.f(
                    T::TgAreaLine,
                    &[
                        &area.name,
                        &computed.stations,
                        &season,
                        &season.days(),
                        &ab.budget.as_of,
                    ],
                ));
                if cx.clock.is_drill() {
                    ui.label(RichText::new(tr.t(T::TgDrillAsOf)).color(look.weak_text));
                }
                accounting::basis_label(ui, &look, tr, &ab);
                ui.add_space(4.0);
                headline(ui, &look, tr, &ab);
                accounting::without_dust_line(ui, &look, tr, &ab);
                ui.add_space(4.0);
                self.forecast_line(ui, cx, &ab.budget);
                accounting::festival_line(ui, &look, tr, &ab, self.heavy_day_value);
                if cx.presenting {
                    // The budget slide: the figures, not the desk's working tables.
                    return;
                }
                let zh = tr.0 == Language::Zh;
                let b = &ab.budget;
                let rounding = b.settings.rounding.render(tr);
                let basis = b.heavy_basis.render(tr);
                let sep = if zh { "：" } else { ": " };
                ui.label(
                    RichText::new(format!("{}{sep}{rounding} {basis}", tr.t(T::TgRounding)))
                        .color(look.weak_text),
                );
                ui.add_space(8.0);
                card(ui, &look, tr.t(T::TgContributions), |ui| {
                    accounting::contributions_table(ui, &look, tr, &ab)
                });
                ui.add_space(8.0);
                let rule = cx.workspace.settings().dust;
                card(ui, &look, tr.t(T::TgDust), |ui| {
                    self.dust.ui(ui, cx, &ab, marked, &rule)
                });
                ui.add_space(8.0);
                if !cx.presenting {
                    card(ui, &look, tr.t(T::TgWhatIf), |ui| self.what_if(ui, tr, b));
                    ui.add_space(8.0);
                }
                card(ui, &look, tr.t(T::TgLedger), |ui| {
                    if !cx.read_only() {
                        ui.horizontal(|ui| {
                            for (label, ext) in [(T::TgExportCsv, "csv"), (T::TgExportXlsx, "xlsx")]
                            {
                                if ui.button(tr.t(label)).clicked() {
                                    match export_ledger(area, b, ext, tr) {
                                        Ok(file) => cx.send(Command::Export(vec![file])),
                                        Err(e) => {
                                            self.message =
                                                Some((false, tr.f(T::TgExportFailed, &[&e])));
                                        }
                                    }
                                }
                            }
                        });
                    }
                    ledger_table(ui, tr, b);
                });
            }
        }
    }

    /// Read the workspace's `audited/` folder again when the watcher saw the workspace's files
    /// change; the change count the days were read at.
    fn refresh_audited(&mut self, cx: &PageContext<'_>) -> u64 {
        let generation = cx.data.workspace_files;
        if self.audited.as_ref().is_none_or(|(g, _)| *g != generation) {
            let dir = cx.workspace.root().join(crate::ingest::AUDITED_DIR);
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| e.path())
                        .filter(|p| p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            paths.sort();
            let (days, reports) = crate::ingest::load_audited(&paths);
            if let Some(p) = reports.iter().flat_map(|r| r.problems.first()).next() {
                self.message = Some((false, p.render(cx.tr)));
            }
            self.audited = Some((generation, days));
        }
        generation
    }

    /// What the forecast episode in the workspace's AQI forecast file adds to the season mean.
    fn forecast_line(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, b: &budget::Budget) {
        let tr = cx.tr;
        let Some(stored) = &cx.workspace.settings().aqi_forecast else {
            self.forecast = None;
            return;
        };
        let path = cx.workspace.resolve(stored);
        let generation = cx.data.workspace_files;
        if self
            .forecast
            .as_ref()
            .is_none_or(|f| f.path != path || f.generation != generation)
        {
            let (days, report) = crate::ingest::load_forecast(&path, Some(b.as_of));
            let problem = report.problems.into_iter().next();
            self.forecast = Some(LoadedForecast {
                path,
                generation,
                days,
                problem,
            });
        }
        let Some(f) = &self.forecast else {
            return;
        };
        if let Some(p) = &f.problem {
            let p = match p.line {
                Some(l) => tr.f(T::SvProblemLine, &[&l, &p.reason.render(tr)]),
                None => p.reason.render(tr),
            };
            ui.label(
                RichText::new(tr.f(T::TgForecastProblem, &[&f.path.display(), &p]))
                    .color(cx.look.warn),
            );
        }
        let values = budget::forecast_pm25(&f.days, b.as_of);
        let Some(cost) = budget::episode_cost(b, &values) else {
            return;
        };
        if cost.days == 0 {
            ui.label(RichText::new(tr.t(T::TgForecastNone)).color(cx.look.weak_text));
            return;
        }
        let first = b.as_of + Days::new(1);
        let last = b.as_of + Days::new(u64::from(cost.days));
        let text = tr.f(
            T::TgForecastLine,
            &[
                &first,
                &last,
                &cost.days,
                &cost.heavy_days,
                &format!("{:+.2}", cost.added_to_season_mean),
                &num(cost.remaining_allowed_after, 1),
            ],
        );
        let colour = if cost.heavy_days > 0 {
            cx.look.error
        } else {
            cx.look.strong_text
        };
        ui.label(RichText::new(text).strong().color(colour));
        let values: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
        ui.label(
            RichText::new(tr.f(T::TgForecastBasis, &[&values.join(", ")])).color(cx.look.weak_text),
        );
    }

    fn what_if(&mut self, ui: &mut egui::Ui, tr: Tr, b: &budget::Budget) {
        let look_warn = ui.visuals().warn_fg_color;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(T::TgHeavyDayValue));
            ui.add(
                egui::DragValue::new(&mut self.heavy_day_value)
                    .range(0.0..=1000.0)
                    .speed(1.0),
            )
            .labelled_by(label.id);
            if let Some(cost) = budget::episode_cost(b, &[self.heavy_day_value]) {
                ui.label(tr.f(
                    T::TgCostLine,
                    &[
                        &format!("{:+.2}", cost.added_to_season_mean),
                        &num(cost.remaining_allowed_after, 1),
                    ],
                ));
            }
        });
        if b.remaining_days == 0 {
            return;
        }
        let rest = self
            .rest_mean
            .get_or_insert(b.remaining_allowed_mean.unwrap_or(0.0).max(0.0).round());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(T::TgRestMean));
            ui.add(egui::Slider::new(rest, 0.0..=300.0).step_by(1.0))
                .labelled_by(label.id);
        });
        let w = budget::what_if(b, &[], *rest);
        let verdict = if w.meets_target {
            tr.t(T::TgMeets)
        } else {
            tr.t(T::TgMisses)
        };
        let text = tr.f(
            T::TgWhatIfLine,
            &[
                &format!("{:.2}", w.projected_mean),
                &w.projected_rounded,
                &verdict,
            ],
        );
        if w.meets_target {
            ui.label(text);
        } else {
            ui.label(RichText::new(text).color(look_warn));
        }
    }
}

/// The headline figures as tiles (larger in projector mode through the look).
fn headline(ui: &mut egui::Ui, look: &Look, tr: Tr, ab: &Accounting) {
    let b = &ab.budget;
    let on_track_colour = match b.on_track {
        Some(true) => Some(look.accent),
        Some(false) => Some(look.error),
        None => None,
    };
    let tiles: Vec<(String, String, String, Option<egui::Color32>)> = vec![
        (
            tr.t(T::TgMeanSoFar).to_string(),
            format!("{} µg/m³", num(b.mean_so_far_rounded, 0)),
            format!(
                "{} · {}",
                tr.f(T::TgTargetCompared, &[&b.target_compared]),
                match b.on_track {
                    Some(true) => tr.t(T::TgOnTrack),
                    Some(false) => tr.t(T::TgOffTrack),
                    None => "",
                }
            ),
            on_track_colour,
        ),
        (
            tr.t(T::TgRemainingAllowed).to_string(),
            format!("{} µg/m³", num(b.remaining_allowed_mean, 1)),
            tr.f(T::TgPerDay, &[&b.remaining_days]),
            None,
        ),
        (
            tr.t(T::TgDays).to_string(),
            format!("{} / {}", b.days_elapsed, b.season_days),
            tr.f(
                T::TgDaysNote,
                &[&b.valid_days, &b.missing_days, &b.remaining_days],
            ),
            None,
        ),
        (
            tr.t(T::TgHeavy).to_string(),
            b.heavy_days.to_string(),
            match (b.settings.heavy_target, b.heavy_days_left) {
                (Some(t), Some(left)) => tr.f(T::TgHeavyLeft, &[&t, &left]),
                _ => tr.t(T::TgHeavyNoTarget).to_string(),
            },
            match b.heavy_days_left {
                Some(l) if l < 0 => Some(look.error),
                _ => None,
            },
        ),
        match &ab.same_period {
            Some(s) => (
                tr.t(T::TgYoy).to_string(),
                format!("{:+.1} %", s.percent),
                tr.f(
                    T::TgYoyNote,
                    &[
                        &format!("{:.1}", s.previous_mean),
                        &format!("{:.1}", s.current_mean),
                    ],
                ),
                None,
            ),
            None => (
                tr.t(T::TgYoy).to_string(),
                b.change_vs_baseline_percent
                    .map_or("—".to_string(), |c| format!("{c:+.1} %")),
                match b.change_vs_baseline_percent {
                    Some(_) => tr.t(T::TgVsBaseline).to_string(),
                    None => tr.t(T::TgYoyNone).to_string(),
                },
                None,
            ),
        },
    ];
    if look.projector {
        // Two big figures first, readable from the back of the room.
        ui.horizontal_wrapped(|ui| {
            for (caption, value, note, colour) in tiles.iter().take(2) {
                ui.vertical(|ui| {
                    ui.label(RichText::new(caption).color(look.weak_text));
                    key_figure(ui, look, value, "", colour.unwrap_or(look.strong_text));
                    ui.label(RichText::new(note).color(look.weak_text));
                });
                ui.add_space(32.0);
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        let skip = if look.projector { 2 } else { 0 };
        for (caption, value, note, colour) in tiles.iter().skip(skip) {
            let note_width = tile_width(ui, note, 0.0);
            let width = tile_width(ui, caption, 180.0).max(note_width * 0.9);
            tile(
                ui,
                look,
                width,
                caption,
                value,
                note,
                colour.map_or(TileColour::Plain, TileColour::Accent),
            );
        }
    });
}

fn ledger_table(ui: &mut egui::Ui, tr: Tr, b: &budget::Budget) {
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let columns = [
        T::ColDate,
        T::ColDay,
        T::ColStationsValid,
        T::ColExact,
        T::ColCounted,
        T::ColAqi,
        T::ColHeavy,
        T::ColMeanSoFar,
        T::ColAllowed,
    ];
    let heavy_colour = ui.visuals().error_fg_color;
    let mut builder = TableBuilder::new(ui)
        .id_salt("budget_ledger")
        .striped(true)
        .max_scroll_height(360.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for _ in columns {
        builder = builder.column(Column::auto().at_least(60.0));
    }
    builder
        .header(row_h + 4.0, |mut header| {
            for c in columns {
                header.col(|ui| {
                    ui.label(RichText::new(tr.t(c)).strong());
                });
            }
        })
        .body(|body| {
            // Newest day first: the row the officer looks for.
            let rows: Vec<&budget::LedgerRow> = b.ledger.iter().rev().collect();
            body.rows(row_h, rows.len(), |mut row| {
                let r = rows[row.index()];
                let cells = [
                    r.date.to_string(),
                    r.day.to_string(),
                    format!("{}/{}", r.stations_valid, r.stations_total),
                    num(r.exact, 2),
                    num(r.value, 0),
                    r.aqi.map_or("—".to_string(), |a| a.to_string()),
                    if r.heavy {
                        tr.t(T::Yes).to_string()
                    } else {
                        String::new()
                    },
                    num(r.mean_so_far, 2),
                    num(r.remaining_allowed_mean, 1),
                ];
                for cell in cells {
                    row.col(|ui| {
                        if r.heavy {
                            ui.label(RichText::new(cell).color(heavy_colour));
                        } else {
                            ui.label(cell);
                        }
                    });
                }
            });
        });
}

/// The season's daily ledger as a CSV or .xlsx file for the exports folder.
fn export_ledger(area: &Area, b: &budget::Budget, ext: &str, tr: Tr) -> Result<ExportFile, String> {
    let name = format!("budget-ledger-{}-{}.{ext}", safe_name(&area.name), b.as_of);
    let bytes = if ext == "xlsx" {
        budget_ledger::xlsx_bytes(b, tr.0).map_err(|e| e.to_string())?
    } else {
        let mut buf = Vec::new();
        budget_ledger::write_csv(b, tr.0, &mut buf).map_err(|e| e.to_string())?;
        buf
    };
    Ok(ExportFile::bytes(name, bytes))
}

/// A file-name-safe version of an area name (keeps CJK, drops separators).
pub fn safe_name(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() { "area".into() } else { s }
}
