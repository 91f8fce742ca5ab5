//! 数据 Data: open files (dialog, typed path, drag-and-drop, recent list), the load report with
//! every problem and its line, the station table (sortable, filterable, thousands of rows) and
//! the time series of the selected station.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::PageContext;
use crate::ingest::{FileReport, Severity};
use crate::report::charts::{ChartStyle, ChartView, Panel, TimeChart, Trace};
use crate::store::{Hour, Station, StationId, Variable};
use crate::ui::chart::TimeChartWidget;
use crate::ui::command::Command;
use crate::ui::excerpt::read_lines;
use crate::ui::i18n::{Render, T, Tr};
use crate::ui::widgets::{BannerKind, banner};

/// A column the station table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// Station code.
    #[default]
    Code,
    /// Name.
    Name,
    /// City.
    City,
    /// Province.
    Province,
    /// Longitude.
    Lon,
    /// Latitude.
    Lat,
    /// Number of series held.
    Series,
}

/// The sorted, filtered rows of the station table for one data load, filter, sort order and the
/// desk's area (its stations come first).
#[derive(Debug, Default)]
struct Rows {
    key: Option<(u64, String, SortColumn, bool, String, Vec<String>)>,
    ids: Vec<StationId>,
    series: Vec<usize>,
}

/// View state of the data page.
#[derive(Debug)]
pub struct DataPage {
    /// The typed path.
    pub path_input: String,
    /// The station filter.
    pub filter: String,
    sort: SortColumn,
    ascending: bool,
    rows: Rows,
    /// Code of the selected station (a code survives reloads, an id might not).
    pub selected: Option<String>,
    /// Variable of the series view.
    pub variable: Variable,
    scroll_to_selected: bool,
    focus_filter: bool,
    focus_path: bool,
    /// Offending lines read back per file, for the data load they belong to.
    excerpts: (u64, HashMap<PathBuf, HashMap<u64, String>>),
    /// The selected station's series chart, for (load generation, station, variable), and its view.
    series_chart: Option<((u64, StationId, Variable), TimeChart)>,
    series_view: ChartView,
}

impl Default for DataPage {
    fn default() -> Self {
        DataPage {
            path_input: String::new(),
            filter: String::new(),
            sort: SortColumn::Code,
            ascending: true,
            rows: Rows::default(),
            selected: None,
            variable: Variable::Pm25,
            scroll_to_selected: false,
            focus_filter: false,
            focus_path: false,
            excerpts: (0, HashMap::new()),
            series_chart: None,
            series_view: ChartView::default(),
        }
    }
}

impl DataPage {
    /// The series chart back to its whole extent.
    pub fn reset_chart_zoom(&mut self) {
        self.series_view.reset();
    }

    /// Put the keyboard focus into the station filter on the next frame (Ctrl+F).
    pub fn focus_filter(&mut self) {
        self.focus_filter = true;
    }

    /// Put the keyboard focus into the path field on the next frame (no file dialog available).
    pub fn focus_path(&mut self) {
        self.focus_path = true;
    }

    /// Move the selection `step` rows up (−) or down (+) in the table as currently shown.
    pub fn move_selection(&mut self, cx: &PageContext<'_>, step: i32) {
        self.refresh_rows(cx);
        let table = cx.store().stations();
        let ids = &self.rows.ids;
        if ids.is_empty() {
            return;
        }
        let current = self
            .selected
            .as_deref()
            .and_then(|code| table.find(code))
            .and_then(|id| ids.iter().position(|&i| i == id));
        let next = match current {
            Some(i) => (i as i64 + i64::from(step)).clamp(0, ids.len() as i64 - 1) as usize,
            None => 0,
        };
        self.selected = Some(table.get(ids[next]).code.clone());
        self.scroll_to_selected = true;
    }

    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        if !cx.presenting {
            self.toolbar(ui, cx);
            if !cx.dialog_available {
                banner(ui, &cx.look, BannerKind::Warning, tr.t(T::NoDialog), |_| ());
            }
            ui.add_space(4.0);
        }
        if cx.presenting {
            // In the meeting room: the chosen station's series fills the screen (↑ ↓ step
            // through stations); without a choice, the station table does.
            if self.selected.is_some() {
                ui.label(RichText::new(tr.t(T::ProjectorStationHint)).color(cx.look.weak_text));
                self.series(ui, cx);
            } else {
                self.stations(ui, cx);
            }
            return;
        }
        // The load report is for the desk, not for the meeting room.
        egui::Panel::left("data_files")
            .resizable(true)
            .default_size(380.0)
            .size_range(220.0..=700.0)
            .show(ui, |ui| self.files_and_report(ui, cx));
        egui::Panel::bottom("data_series")
            .resizable(true)
            .default_size(300.0)
            .size_range(120.0..=600.0)
            .show(ui, |ui| self.series(ui, cx));
        egui::CentralPanel::no_frame().show(ui, |ui| self.stations(ui, cx));
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let read_only = cx.workspace.read_only();
        ui.horizontal(|ui| {
            let open = ui
                .add_enabled(cx.dialog_available, egui::Button::new(tr.t(T::OpenFiles)))
                .on_hover_text(tr.t(T::OpenFilesTip))
                .on_disabled_hover_text(tr.t(T::NoDialog));
            if open.clicked() {
                cx.send(Command::OpenFileDialog);
            }
            let label = ui.label(tr.t(T::PathField));
            let width = (ui.available_width() - 320.0).max(160.0);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path_input)
                        .hint_text(tr.t(T::PathHint))
                        .desired_width(width),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_path) {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.add_enabled(
                !self.path_input.trim().is_empty(),
                egui::Button::new(tr.t(T::Add)),
            );
            if (entered || add.clicked()) && !self.path_input.trim().is_empty() {
                let path = PathBuf::from(self.path_input.trim());
                cx.send(Command::AddDataFiles(vec![path]));
                self.path_input.clear();
            }
            if ui
                .button(tr.t(T::Reload))
                .on_hover_text(tr.t(T::ReloadTip))
                .clicked()
            {
                cx.send(Command::Reload);
            }
            ui.menu_button(tr.t(T::Recent), |ui| {
                let recent = &cx.workspace.settings().recent_files;
                if recent.is_empty() {
                    ui.label(tr.t(T::RecentEmpty));
                }
                for p in recent {
                    if ui.button(p.display().to_string()).clicked() {
                        cx.send(Command::AddDataFiles(vec![p.clone()]));
                        ui.close();
                    }
                }
            });
            if read_only {
                ui.label(
                    RichText::new(tr.t(T::ReadOnlyBanner))
                        .color(cx.look.warn)
                        .small(),
                );
            }
        });
    }

    fn files_and_report(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let look = cx.look;
        let data = cx.data;
        ui.heading(format!("{} ({})", tr.t(T::DataFiles), data.files.len()));
        if data.loading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t(T::Loading));
            });
        }
        if data.files.is_empty() && !data.loading {
            ui.add(
                egui::Label::new(RichText::new(tr.t(T::DataFilesNone)).color(look.weak_text))
                    .wrap(),
            );
        }
        egui::ScrollArea::vertical()
            .id_salt("report")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, f) in data.report.files.iter().enumerate() {
                    self.file_report(ui, cx, f, i);
                }
            });
    }

    fn file_report(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        f: &FileReport,
        i: usize,
    ) {
        let tr = cx.tr;
        let look = cx.look;
        let name = f.path.file_name().map_or_else(
            || f.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let problems = f.problem_count();
        let color = if f.failed() {
            look.error
        } else if problems > 0 {
            look.warn
        } else {
            look.strong_text
        };
        let title = if problems > 0 {
            format!("{name}  ·  {} {problems}", tr.t(T::ReportProblems))
        } else {
            name
        };
        egui::CollapsingHeader::new(RichText::new(title).color(color))
            .id_salt(("file", i))
            .default_open(problems > 0 && i < 3)
            .show(ui, |ui| {
                egui::Grid::new(("file_grid", i))
                    .num_columns(2)
                    .spacing([12.0, 2.0])
                    .show(ui, |ui| {
                        let row = |ui: &mut egui::Ui, k: T, v: String| {
                            ui.label(RichText::new(tr.t(k)).color(look.weak_text));
                            ui.add(egui::Label::new(v).wrap());
                            ui.end_row();
                        };
                        row(ui, T::ReportFile, f.path.display().to_string());
                        row(
                            ui,
                            T::ReportFormat,
                            f.format
                                .map_or(tr.t(T::ReportUnknownFormat).to_string(), |fm| {
                                    fm.render(tr)
                                }),
                        );
                        if let Some(enc) = &f.encoding {
                            row(ui, T::ReportEncoding, enc.clone());
                        }
                        if let Some((a, b)) = &f.period {
                            row(
                                ui,
                                T::ReportPeriod,
                                format!("{} … {}", short_stamp(a), short_stamp(b)),
                            );
                        }
                        row(ui, T::ReportRows, f.rows_read.to_string());
                        row(ui, T::ReportValues, f.values_kept.to_string());
                        row(
                            ui,
                            T::ReportMissing,
                            format!("{:.1} %", f.missing_percent()),
                        );
                        row(ui, T::ReportProblems, problems.to_string());
                        for note in &f.notes {
                            row(ui, T::ReportNote, note.render(tr));
                        }
                    });
                if !cx.read_only()
                    && is_referenced(cx, &f.path)
                    && ui
                        .small_button(tr.t(T::RemoveFile))
                        .on_hover_text(tr.t(T::RemoveFileTip))
                        .clicked()
                {
                    cx.send(Command::RemoveDataFile(f.path.clone()));
                }
                let lines = self.excerpts_for(cx.data.generation, f);
                for p in &f.problems {
                    let read_back = p.line.and_then(|l| lines.get(&l)).map(String::as_str);
                    problem_row(ui, cx, p, p.excerpt.as_deref().or(read_back));
                }
                if f.problems_not_shown > 0 {
                    ui.label(
                        RichText::new(tr.f(T::ProblemsMore, &[&f.problems_not_shown]))
                            .color(look.weak_text),
                    );
                }
            });
    }

    /// The offending lines of `f`'s problems that came without an excerpt, read once per load.
    fn excerpts_for(&mut self, generation: u64, f: &FileReport) -> &HashMap<u64, String> {
        if self.excerpts.0 != generation {
            self.excerpts = (generation, HashMap::new());
        }
        self.excerpts.1.entry(f.path.clone()).or_insert_with(|| {
            let wanted: BTreeSet<u64> = f
                .problems
                .iter()
                .filter(|p| p.excerpt.is_none())
                .filter_map(|p| p.line)
                .collect();
            read_lines(&f.path, &wanted)
        })
    }

    fn refresh_rows(&mut self, cx: &PageContext<'_>) {
        let key = (
            cx.data.generation,
            self.filter.clone(),
            self.sort,
            self.ascending,
            cx.workspace.settings().area.clone(),
            cx.workspace.settings().stations.clone(),
        );
        if self.rows.key.as_ref() == Some(&key) {
            return;
        }
        let store = cx.store();
        let table = store.stations();
        let mut counts = vec![0usize; table.len()];
        for k in store.keys() {
            if let Some(c) = counts.get_mut(k.station.0 as usize) {
                *c += 1;
            }
        }
        let needle = self.filter.trim().to_lowercase();
        let mut ids: Vec<StationId> = table
            .iter()
            .filter(|(_, s)| needle.is_empty() || matches(s, &needle))
            .map(|(id, _)| id)
            .collect();
        let cmp_f = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (a, b) => b.is_some().cmp(&a.is_some()),
        };
        // The desk's own stations first (hand-picked, else its area's), then the column's order.
        let (area, picked) = (&key.4, &key.5);
        let own = |s: &Station| {
            if picked.is_empty() {
                !area.is_empty() && s.area.as_deref() == Some(area.as_str())
            } else {
                picked.contains(&s.code)
            }
        };
        ids.sort_by(|&a, &b| {
            let (sa, sb) = (table.get(a), table.get(b));
            let first = own(sb).cmp(&own(sa));
            let o = match self.sort {
                SortColumn::Code => sa.code.cmp(&sb.code),
                SortColumn::Name => sa.label().cmp(sb.label()),
                SortColumn::City => sa.area.cmp(&sb.area),
                SortColumn::Province => sa.province.cmp(&sb.province),
                SortColumn::Lon => cmp_f(sa.lon, sb.lon),
                SortColumn::Lat => cmp_f(sa.lat, sb.lat),
                SortColumn::Series => counts[a.0 as usize].cmp(&counts[b.0 as usize]),
            }
            .then_with(|| sa.code.cmp(&sb.code));
            first.then(if self.ascending { o } else { o.reverse() })
        });
        self.rows = Rows {
            key: Some(key),
            ids,
            series: counts,
        };
    }

    fn stations(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let look = cx.look;
        self.refresh_rows(cx);
        let table = cx.store().stations();
        ui.horizontal(|ui| {
            ui.heading(tr.t(T::Stations));
            if cx.presenting {
                if !self.filter.is_empty() {
                    ui.label(format!("{}: {}", tr.t(T::Filter), self.filter));
                }
            } else {
                let label = ui.label(tr.t(T::Filter));
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.filter)
                            .hint_text(tr.t(T::FilterHint))
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus_filter) {
                    edit.request_focus();
                }
            }
            ui.label(
                RichText::new(tr.f(T::ShownOf, &[&self.rows.ids.len(), &table.len()]))
                    .color(look.weak_text),
            );
        });
        if table.is_empty() {
            ui.label(RichText::new(tr.t(T::NoDataYet)).color(look.weak_text));
            return;
        }
        let selected_id = self.selected.as_deref().and_then(|c| table.find(c));
        // Clicks anywhere on a row select the station, so cell text must not take them.
        ui.style_mut().interaction.selectable_labels = false;
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let mut builder = TableBuilder::new(ui)
            .id_salt("stations")
            .striped(true)
            .sense(Sense::click())
            .auto_shrink([false, false])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(64.0))
            .column(Column::initial(150.0).at_least(80.0).clip(true))
            .column(Column::initial(80.0).at_least(50.0).clip(true))
            .column(Column::initial(90.0).at_least(50.0).clip(true))
            .column(Column::initial(72.0).at_least(50.0))
            .column(Column::initial(64.0).at_least(50.0))
            .column(Column::initial(56.0).at_least(44.0))
            .column(Column::remainder().at_least(60.0).clip(true));
        if std::mem::take(&mut self.scroll_to_selected)
            && let Some(pos) =
                selected_id.and_then(|id| self.rows.ids.iter().position(|&i| i == id))
        {
            builder = builder.scroll_to_row(pos, None);
        }
        let columns = [
            (T::ColCode, Some(SortColumn::Code)),
            (T::ColName, Some(SortColumn::Name)),
            (T::ColCity, Some(SortColumn::City)),
            (T::ColProvince, Some(SortColumn::Province)),
            (T::ColLon, Some(SortColumn::Lon)),
            (T::ColLat, Some(SortColumn::Lat)),
            (T::ColSeries, Some(SortColumn::Series)),
            (T::ColRemark, None),
        ];
        let mut clicked: Option<StationId> = None;
        let (sort, ascending) = (self.sort, self.ascending);
        let mut new_sort = None;
        builder
            .header(row_h + 4.0, |mut header| {
                for (title, col) in columns {
                    header.col(|ui| match col {
                        Some(c) => {
                            let arrow = if sort == c {
                                if ascending { " ▲" } else { " ▼" }
                            } else {
                                ""
                            };
                            let r = ui
                                .add(egui::Button::selectable(
                                    sort == c,
                                    RichText::new(format!("{}{arrow}", tr.t(title))).strong(),
                                ))
                                .on_hover_text(tr.t(T::SortBy));
                            if r.clicked() {
                                new_sort = Some(c);
                            }
                        }
                        None => {
                            ui.label(RichText::new(tr.t(title)).strong());
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, self.rows.ids.len(), |mut row| {
                    let id = self.rows.ids[row.index()];
                    let s = table.get(id);
                    row.set_selected(Some(id) == selected_id);
                    row.col(|ui| {
                        ui.label(&s.code);
                    });
                    row.col(|ui| {
                        ui.label(s.label());
                    });
                    row.col(|ui| {
                        ui.label(s.area.as_deref().unwrap_or(""));
                    });
                    row.col(|ui| {
                        ui.label(s.province.as_deref().unwrap_or(""));
                    });
                    row.col(|ui| {
                        ui.label(s.lon.map_or(String::new(), |v| format!("{v:.4}")));
                    });
                    row.col(|ui| {
                        ui.label(s.lat.map_or(String::new(), |v| format!("{v:.4}")));
                    });
                    row.col(|ui| {
                        ui.label(
                            self.rows
                                .series
                                .get(id.0 as usize)
                                .copied()
                                .unwrap_or(0)
                                .to_string(),
                        );
                    });
                    row.col(|ui| {
                        ui.label(remark(tr, s));
                    });
                    if row.response().clicked() {
                        clicked = Some(id);
                    }
                });
            });
        if let Some(c) = new_sort {
            if self.sort == c {
                self.ascending = !self.ascending;
            } else {
                self.sort = c;
                self.ascending = true;
            }
        }
        if let Some(id) = clicked {
            self.selected = Some(table.get(id).code.clone());
        }
    }

    fn series(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        // Fill the panel, so it keeps its size while there is little to show.
        ui.set_min_height(ui.available_height());
        let tr = cx.tr;
        let look = cx.look;
        let store = cx.store();
        let Some(id) = self
            .selected
            .as_deref()
            .and_then(|c| store.stations().find(c))
        else {
            ui.add_space(8.0);
            ui.label(RichText::new(tr.t(T::SelectStation)).color(look.weak_text));
            return;
        };
        let station = store.stations().get(id);
        let vars = store.variables_of(id);
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(format!("{} {}", station.code, station.label()));
            if vars.is_empty() {
                return;
            }
            if !vars.contains(&self.variable) {
                self.variable = if vars.contains(&Variable::Pm25) {
                    Variable::Pm25
                } else {
                    vars[0]
                };
            }
            if cx.presenting {
                ui.label(RichText::new(tr.variable(self.variable)).strong());
            } else {
                let label = ui.label(tr.t(T::Variable));
                egui::ComboBox::from_id_salt("series_variable")
                    .selected_text(tr.variable(self.variable))
                    .show_ui(ui, |ui| {
                        for &v in &vars {
                            ui.selectable_value(&mut self.variable, v, tr.variable(v));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        });
        if vars.is_empty() {
            ui.label(RichText::new(tr.t(T::NoVariables)).color(look.weak_text));
            return;
        }
        // Observations end at the app's "now" (a drill must not show what came after it);
        // forecasts are about the future and are shown whole.
        let observed = store.observed(id, self.variable).map(|s| {
            let end = s.end().0.min(cx.as_of().0 + 1).max(s.start().0);
            crate::store::Series::from_values(s.start(), s.window(s.start(), Hour(end)), s.stamp())
        });
        let series = observed.or_else(|| {
            store
                .series(crate::store::SeriesKey {
                    station: id,
                    variable: self.variable,
                    kind: crate::store::SeriesKind::Forecast,
                })
                .cloned()
        });
        let Some(series) = series.filter(|s| s.present_count() > 0) else {
            ui.label(RichText::new(tr.t(T::NoSeries)).color(look.weak_text));
            return;
        };
        let offset = station.utc_offset_s;
        let fmt = |h: Hour| h.to_local(offset).format("%Y-%m-%d %H:%M").to_string();
        let values = series.values();
        let unit = self.variable.unit();
        let present: Vec<f32> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let (mn, mx) = present
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        let mean = present.iter().map(|&v| f64::from(v)).sum::<f64>() / present.len().max(1) as f64;
        if let Some((h, v)) = series.last_present_at_or_before(series.end()) {
            ui.label(format!(
                "{} {v} {unit} ({})  ·  {} {mn} · {} {mx} · {} {mean:.1}  ·  {}",
                tr.t(T::Latest),
                fmt(h),
                tr.t(T::Min),
                tr.t(T::Max),
                tr.t(T::Mean),
                tr.f(T::ValuesCount, &[&present.len()]),
            ));
        }
        let key = (cx.data.generation, id, self.variable);
        if self.series_chart.as_ref().is_none_or(|(k, _)| *k != key) {
            // The heading above names the station: the chart names only the variable, once.
            let name = tr.variable(self.variable).to_string();
            let mut panel = Panel::new(&name);
            let date = series.start().day(series.stamp(), offset);
            panel.bands = crate::report::charts::from_store::bands_for(self.variable, date, tr.0);
            panel.traces.push(
                Trace::line(
                    "series",
                    &name,
                    crate::report::charts::colour::series_colour(0),
                    crate::report::charts::Hourly::new(series.start(), values.to_vec()),
                )
                .unit(unit),
            );
            let chart = TimeChart {
                subtitle: format!("{} – {}", fmt(series.start()), fmt(series.end() - 1)),
                utc_offset_s: offset,
                panels: vec![panel],
                ..TimeChart::default()
            };
            self.series_view = ChartView::default();
            self.series_chart = Some((key, chart));
        }
        if let Some((_, chart)) = &self.series_chart {
            let style = if cx.presenting {
                ChartStyle::projector()
            } else {
                ChartStyle::desktop()
            };
            TimeChartWidget::new(chart, &mut self.series_view)
                .style(style.with_lang(tr.0))
                .height((ui.available_height() - 4.0).max(160.0))
                .id_salt("data_series_chart")
                .show(ui);
        }
    }
}

fn matches(s: &Station, needle: &str) -> bool {
    let hit = |v: &str| v.to_lowercase().contains(needle);
    hit(&s.code)
        || s.name.as_deref().is_some_and(hit)
        || s.area.as_deref().is_some_and(hit)
        || s.province.as_deref().is_some_and(hit)
}

fn remark(tr: Tr, s: &Station) -> String {
    let mut parts = Vec::new();
    let remark_says_control = s.remark.as_deref().is_some_and(|r| r.contains("对照点"));
    if s.control_site && !remark_says_control {
        parts.push(tr.t(T::ControlSite).to_string());
    }
    if let Some(r) = &s.remark {
        parts.push(r.clone());
    }
    parts.join(" · ")
}

/// `2019-12-10T01:00:00+08:00` → `2019-12-10 01:00`.
fn short_stamp(s: &str) -> String {
    s.get(..16)
        .map_or_else(|| s.to_string(), |t| t.replace('T', " "))
}

fn is_referenced(cx: &PageContext<'_>, path: &Path) -> bool {
    let ws = cx.workspace;
    ws.settings()
        .data_files
        .iter()
        .any(|p| ws.resolve(p) == path)
}

fn problem_row(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    p: &crate::ingest::Problem,
    excerpt: Option<&str>,
) {
    let tr = cx.tr;
    let look = cx.look;
    let (sev, color) = match p.severity {
        Severity::Error => (T::SeverityError, look.error),
        Severity::Warning => (T::SeverityWarning, look.warn),
    };
    let mut place = Vec::new();
    if let Some(l) = p.line {
        place.push(tr.f(T::ProblemLine, &[&l]));
    }
    if let Some(c) = &p.column {
        place.push(tr.f(T::ProblemColumn, &[c]));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.t(sev)).color(color).strong());
        if !place.is_empty() {
            ui.label(RichText::new(place.join(" ")).strong());
        }
        ui.add(egui::Label::new(p.reason.render(tr)).wrap());
    });
    if let Some(ex) = excerpt {
        egui::Frame::new()
            .fill(ui.visuals().code_bg_color)
            .inner_margin(egui::Margin::symmetric(6, 2))
            .show(ui, |ui| {
                ui.add(egui::Label::new(RichText::new(ex).monospace()).wrap());
            });
    }
    ui.add_space(2.0);
}
