//! 减排清单 tab of the Response page: the emission-reduction list the workspace names (its files,
//! hashes and load problems), the quantified check per level and pollutant as a table and as the
//! bar chart (the same chart definition the PNG/SVG export draws), the shares by grade and by
//! industry and the largest contributors at a chosen level, the enterprises filtered by township,
//! industry and grade, and the card of the selected enterprise ([`super::enterprise_card`]).

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::enterprise_card;
use crate::domain::plan::{Grade, Level, Plan};
use crate::domain::reduction::{
    Enterprise, LIST_LEVELS, LevelCheck, Pollutant, ReductionList, Share, check_all,
    share_by_grade, share_by_industry,
};
use crate::domain::response::ResponseState;
use crate::ingest::reduction_list::ListProblem;
use crate::report::charts::{ChartStyle, ReductionChart};
use crate::ui::chart::{ChartImage, StaticChart};
use crate::ui::command::Command;
use crate::ui::i18n::{Render, T, Tr};
use crate::ui::jobs::{ChartData, ExportFile};
use crate::ui::pages::PageContext;

/// View state of the tab.
#[derive(Debug)]
pub struct ReductionView {
    township: Option<String>,
    industry: Option<String>,
    grade: Option<Grade>,
    /// The level of the breakdown and of the list's reduction columns.
    level: Level,
    /// The enterprise whose card is shown, by key.
    selected: Option<String>,
    /// A list file to copy into the workspace.
    import_path: String,
}

impl Default for ReductionView {
    fn default() -> Self {
        ReductionView {
            township: None,
            industry: None,
            grade: None,
            level: Level::Orange,
            selected: None,
            import_path: String::new(),
        }
    }
}

impl ReductionView {
    /// Show the card of the enterprise with `key` (tests).
    pub fn select(&mut self, key: &str) {
        self.selected = Some(key.to_owned());
    }

    /// Draw the tab.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, state: &ResponseState) {
        let tr = cx.tr;
        let status = cx.session.plan_status();
        let Some(plan) = cx.session.plan() else {
            return;
        };
        self.sources(ui, cx, plan, &status.list_problems);
        let Some(list) = plan.list.as_deref() else {
            return;
        };
        let checks = check_all(list, plan, &plan.reduction.base);
        ui.add_space(8.0);
        ui.heading(tr.t(T::RedCheck));
        let chart = chart_of(tr, list, &checks);
        // The check table needs about 480 points, the enterprise table about 720.
        side_by_side(ui, "reduction_check_row", 1100.0, |ui, right| {
            if right {
                self.chart(ui, cx, &chart);
            } else {
                check_table(ui, cx, &checks);
            }
        });
        ui.add_space(8.0);
        ui.heading(tr.t(T::RedEnterprises));
        self.filters(ui, cx, list);
        let shown: Vec<&Enterprise> = list
            .enterprises
            .iter()
            .filter(|e| self.township.as_ref().is_none_or(|t| *t == e.township))
            .filter(|e| self.industry.as_ref().is_none_or(|i| *i == e.industry))
            .filter(|e| self.grade.is_none_or(|g| g == e.grade))
            .collect();
        side_by_side(ui, "reduction_enterprise_row", 1500.0, |ui, right| {
            if !right {
                self.enterprise_table(ui, cx, &shown);
                return;
            }
            match self.selected.as_deref().and_then(|k| list.enterprise(k)) {
                Some(e) => enterprise_card::show(ui, cx, list, e, state),
                None => {
                    ui.label(RichText::new(tr.t(T::RedPickOne)).color(cx.look.weak_text));
                }
            }
        });
        ui.add_space(8.0);
        self.breakdown(ui, cx, list);
    }

    /// For the projector: the check's chart alone, when a list is loaded.
    pub fn projector(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let list = cx
            .session
            .plan()
            .and_then(|p| p.list.as_deref().map(|l| (p, l)));
        let Some((plan, list)) = list else {
            ui.label(RichText::new(cx.tr.t(T::RedNoListSlide)).color(cx.look.weak_text));
            return;
        };
        let checks = check_all(list, plan, &plan.reduction.base);
        let chart = chart_of(cx.tr, list, &checks);
        self.chart(ui, cx, &chart);
    }

    /// The check's chart and its export buttons.
    fn chart(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, chart: &ReductionChart) {
        let tr = cx.tr;
        let style = if cx.presenting {
            ChartStyle::projector()
        } else {
            ChartStyle::desktop()
        };
        ChartImage::new(StaticChart::Reduction(chart))
            .style(style.with_lang(tr.0))
            // On a slide the chart takes the room left, so the slide is one screen.
            .height(if cx.presenting {
                // At least 380: below that the projector's large title, axis and the levels' red
                // notes leave the bars no room ("图幅太小"); a slide that then runs past the
                // screen is zoomed down to fit by the projector.
                (ui.available_height() - 16.0).clamp(380.0, 460.0)
            } else {
                300.0
            })
            .id_salt("reduction_chart")
            .show(ui);
        if cx.read_only() {
            return;
        }
        ui.horizontal(|ui| {
            for (label, ext) in [(T::TgExportPng, "png"), (T::TgExportSvg, "svg")] {
                if ui.button(tr.t(label)).clicked() {
                    cx.send(Command::Export(vec![export(chart, tr, ext)]));
                }
            }
        });
    }

    /// The list files with their hashes and problems, and the import of another list.
    fn sources(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        plan: &Plan,
        problems: &[ListProblem],
    ) {
        let tr = cx.tr;
        match plan.list.as_deref() {
            None => {
                ui.label(RichText::new(tr.t(T::RedNoList)).color(cx.look.weak_text));
            }
            Some(list) => {
                for f in &list.files {
                    let hash = f.sha256.get(..12).unwrap_or("");
                    ui.label(tr.f(T::RedFile, &[&f.name, &hash]));
                }
                let grades: Vec<String> = list
                    .by_grade()
                    .iter()
                    .map(|(g, n)| format!("{} {n}", tr.grade(*g)))
                    .collect();
                ui.label(
                    RichText::new(tr.f(
                        T::RedCounts,
                        &[
                            &list.enterprises.len(),
                            &list.line_count(),
                            &grades.join(" · "),
                        ],
                    ))
                    .strong(),
                );
            }
        }
        if !problems.is_empty() {
            let title = tr.f(T::RedProblems, &[&problems.len()]);
            egui::CollapsingHeader::new(RichText::new(title).color(cx.look.warn))
                .id_salt("reduction_problems")
                .show(ui, |ui| {
                    for p in problems.iter().take(200) {
                        let row = p.row.map_or_else(String::new, |r| format!(":{r}"));
                        let col = p
                            .column
                            .as_deref()
                            .map_or_else(String::new, |c| format!(" 「{c}」"));
                        let name = p.file.file_name().map_or_else(
                            || p.file.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        ui.label(format!("{name}{row}{col}: {}", p.render(tr)));
                    }
                });
        }
        if cx.read_only() {
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label(tr.t(T::RedImportLabel));
            ui.add(
                egui::TextEdit::singleline(&mut self.import_path)
                    .hint_text(tr.t(T::RedImportHint))
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            let path = self.import_path.trim();
            if ui
                .add_enabled(!path.is_empty(), egui::Button::new(tr.t(T::RedImport)))
                .clicked()
            {
                cx.send(Command::ImportReductionList(path.into()));
                self.import_path.clear();
            }
        });
    }

    fn breakdown(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, list: &ReductionList) {
        let tr = cx.tr;
        ui.horizontal(|ui| {
            ui.heading(tr.t(T::RedBreakdown));
            for level in LIST_LEVELS {
                ui.selectable_value(&mut self.level, level, tr.level(level));
            }
        });
        let level = self.level;
        ui.columns(2, |cols| {
            cols[0].strong(tr.t(T::RedByGrade));
            share_grid(
                &mut cols[0],
                "by_grade",
                &share_by_grade(list, level),
                |s| {
                    Grade::parse(&s.label)
                        .map_or_else(|| s.label.clone(), |g| tr.grade(g).to_owned())
                },
            );
            cols[1].strong(tr.t(T::RedByIndustry));
            share_grid(
                &mut cols[1],
                "by_industry",
                &share_by_industry(list, level),
                |s| s.label.clone(),
            );
        });
        ui.strong(tr.t(T::RedTop));
        egui::Grid::new("reduction_top")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for p in Pollutant::ALL {
                    let top = list.top_contributors_line(level, p, 5);
                    ui.label(p.label());
                    ui.label(if top.is_empty() {
                        "—".to_owned()
                    } else {
                        top
                    });
                    ui.end_row();
                }
            });
    }

    fn filters(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, list: &ReductionList) {
        let tr = cx.tr;
        if cx.presenting {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            choose(
                ui,
                "red_township",
                tr.t(T::RedTownship),
                tr,
                &mut self.township,
                &list.townships(),
            );
            choose(
                ui,
                "red_industry",
                tr.t(T::RedIndustry),
                tr,
                &mut self.industry,
                &list.industries(),
            );
            let all = tr.t(T::RedAll);
            let l = ui.label(tr.t(T::RedGrade));
            egui::ComboBox::from_id_salt("red_grade")
                .selected_text(
                    self.grade
                        .map_or_else(|| all.to_owned(), |g| tr.grade(g).to_owned()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.grade, None, all);
                    for g in Grade::ALL {
                        ui.selectable_value(&mut self.grade, Some(g), tr.grade(g).to_owned());
                    }
                })
                .response
                .labelled_by(l.id);
        });
    }

    fn enterprise_table(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, shown: &[&Enterprise]) {
        let tr = cx.tr;
        let level = self.level;
        ui.label(
            RichText::new(tr.f(T::RedShown, &[&shown.len(), &tr.level(level)]))
                .color(cx.look.weak_text),
        );
        let height = (shown.len() as f32 * 24.0 + 30.0).min(320.0);
        ui.push_id("reduction_enterprises", |ui| {
            let mut table = TableBuilder::new(ui)
                .striped(true)
                .auto_shrink([false, true])
                .max_scroll_height(height)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::remainder().at_least(160.0).clip(true))
                .column(Column::auto().at_least(70.0))
                .column(Column::auto().at_least(60.0))
                .column(Column::auto().at_least(50.0));
            for _ in Pollutant::ALL {
                table = table.column(Column::auto().at_least(60.0));
            }
            table
                .header(22.0, |mut h| {
                    for t in [T::RedColName, T::RedTownship, T::RedIndustry, T::RedGrade] {
                        h.col(|ui| {
                            ui.strong(tr.t(t));
                        });
                    }
                    for p in Pollutant::ALL {
                        h.col(|ui| {
                            ui.strong(p.label());
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, shown.len(), |mut row| {
                        let e = shown[row.index()];
                        let reduction = e.reduction(level);
                        row.col(|ui| {
                            let selected = self.selected.as_deref() == Some(e.key.as_str());
                            if ui.selectable_label(selected, &e.name).clicked() {
                                self.selected = Some(e.key.clone());
                            }
                        });
                        row.col(|ui| {
                            ui.label(&e.township);
                        });
                        row.col(|ui| {
                            ui.label(&e.industry);
                        });
                        row.col(|ui| {
                            ui.label(tr.grade(e.grade));
                        });
                        for p in Pollutant::ALL {
                            row.col(|ui| {
                                ui.label(format!("{:.1}", reduction.get(p)));
                            });
                        }
                    });
                });
        });
    }
}

/// The check as a table: per level the required percent, then per pollutant the percent reached
/// (green when met, red with the shortfall when not, grey without a base).
fn check_table(ui: &mut egui::Ui, cx: &PageContext<'_>, checks: &[LevelCheck]) {
    let tr = cx.tr;
    egui::Grid::new("reduction_check")
        .striped(true)
        .num_columns(2 + Pollutant::ALL.len())
        .show(ui, |ui| {
            ui.strong(tr.t(T::RedColLevel));
            ui.strong(tr.t(T::RedColRequired));
            for p in Pollutant::ALL {
                ui.strong(p.label());
            }
            ui.end_row();
            for c in checks {
                ui.label(tr.level(c.level));
                ui.label(
                    c.required_percent
                        .map_or("—".to_owned(), |r| format!("{r:.0}%")),
                );
                for p in Pollutant::ALL {
                    let kg = c.reduction.get(p);
                    let (text, colour) = match (c.percent.get(p), c.meets.get(p)) {
                        (Some(pct), _) if c.required_percent.is_none() => (
                            tr.f(
                                T::RedNotRequired,
                                &[&format!("{pct:.1}"), &format!("{kg:.0}")],
                            ),
                            cx.look.weak_text,
                        ),
                        (Some(pct), Some(true)) => (
                            tr.f(T::RedMet, &[&format!("{pct:.1}"), &format!("{kg:.0}")]),
                            Color32::from_rgb(0, 128, 64),
                        ),
                        (Some(pct), _) => (
                            tr.f(
                                T::RedShort,
                                &[
                                    &format!("{pct:.1}"),
                                    &format!("{:.0}", c.shortfall.get(p).unwrap_or(0.0)),
                                ],
                            ),
                            cx.look.error,
                        ),
                        (None, _) => (
                            tr.f(T::RedNoBase, &[&format!("{kg:.0}")]),
                            cx.look.weak_text,
                        ),
                    };
                    ui.label(RichText::new(text).color(colour));
                }
                ui.end_row();
            }
        });
    let base = checks.first().map(|c| c.base);
    if let Some(base) = base {
        let parts: Vec<String> = Pollutant::ALL
            .iter()
            .map(|&p| {
                let v = base.get(p).map_or("—".to_owned(), |b| format!("{b:.0}"));
                format!("{} {v}", p.label())
            })
            .collect();
        ui.label(RichText::new(tr.f(T::RedBase, &[&parts.join(" · ")])).color(cx.look.weak_text));
    }
}

fn share_grid(ui: &mut egui::Ui, id: &str, shares: &[Share], label: impl Fn(&Share) -> String) {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(2 + Pollutant::ALL.len())
        .show(ui, |ui| {
            for s in shares {
                ui.label(label(s));
                ui.label(s.enterprises.to_string());
                for p in Pollutant::ALL {
                    let pct = s
                        .percent
                        .get(p)
                        .map_or("—".to_owned(), |v| format!("{v:.0}%"));
                    ui.label(format!("{} {pct}", p.label()));
                }
                ui.end_row();
            }
        });
}

/// A filter combo box over `options` (`None` = all).
fn choose(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    tr: Tr,
    value: &mut Option<String>,
    options: &[&str],
) {
    let all = tr.t(T::RedAll);
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.clone().unwrap_or_else(|| all.to_owned()))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for o in options {
                ui.selectable_value(value, Some((*o).to_owned()), *o);
            }
        })
        .response
        .labelled_by(l.id);
}

/// The check's chart, titled.
fn chart_of(tr: Tr, list: &ReductionList, checks: &[LevelCheck]) -> ReductionChart {
    ReductionChart::from_checks(
        checks,
        tr.t(T::RedChartTitle).to_owned(),
        tr.f(
            T::RedChartSubtitle,
            &[&list.enterprises.len(), &list.line_count()],
        ),
    )
}

/// Two columns when the page is at least `min_width` wide (`right` false, then true), one above
/// the other when narrower.
fn side_by_side(
    ui: &mut egui::Ui,
    id: &str,
    min_width: f32,
    mut add: impl FnMut(&mut egui::Ui, bool),
) {
    if ui.available_width() < min_width {
        add(ui, false);
        ui.add_space(6.0);
        add(ui, true);
        return;
    }
    ui.push_id(id, |ui| {
        ui.columns(2, |cols| {
            add(&mut cols[0], false);
            add(&mut cols[1], true);
        });
    });
}

/// The chart as a PNG or SVG file for `exports/`; drawn on a worker thread.
fn export(chart: &ReductionChart, tr: Tr, ext: &str) -> ExportFile {
    let style = ChartStyle::desktop().with_lang(tr.0);
    let data = ChartData::Reduction(chart.clone());
    let name = format!("reduction-check.{ext}");
    ExportFile::chart(name, data, (1200, 560), style, ext == "svg")
}
