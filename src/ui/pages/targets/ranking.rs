//! The ranking section of the target page: areas ranked by PM2.5, composite index or year-on-year
//! change over the season so far (ties share a rank, the desk's area highlighted), as a table and
//! as the ranking chart, with PNG/SVG export.

use chrono::NaiveDate;
use egui::RichText;

use super::safe_name;
use crate::domain::area::Area;
use crate::domain::budget::Season;
use crate::domain::ranking::{RankBy, RankSettings, Ranking, rank_areas};
use crate::report::charts::{ChartStyle, RankingData};
use crate::report::ranking_chart::ranking_chart;
use crate::store::Variable;
use crate::ui::chart::{ChartImage, StaticChart};
use crate::ui::command::Command;
use crate::ui::i18n::T;
use crate::ui::jobs::{ChartData, ExportFile};
use crate::ui::pages::PageContext;

#[derive(Debug, Clone, PartialEq)]
struct Key {
    generation: u64,
    by: RankBy,
    areas: Vec<Area>,
    from: NaiveDate,
    to: NaiveDate,
    highlight: String,
    zh: bool,
}

/// View state: what to rank by and the last ranking computed.
#[derive(Debug)]
pub struct RankingView {
    by: RankBy,
    cached: Option<(Key, Ranking, RankingData)>,
}

impl Default for RankingView {
    fn default() -> Self {
        RankingView {
            by: RankBy::Pm25,
            cached: None,
        }
    }
}

const MEASURES: [(RankBy, T); 4] = [
    (RankBy::Pm25, T::RankPm25),
    (RankBy::Composite, T::RankComposite),
    (RankBy::Yoy, T::RankYoy),
    (RankBy::YoyPm25, T::RankYoyPm25),
];

impl RankingView {
    /// Draw the section.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        season: Option<Season>,
        up_to: NaiveDate,
    ) {
        let tr = cx.tr;
        let Some(season) = season else {
            return;
        };
        let (from, to) = (season.from(), up_to.min(season.to()));
        if !cx.presenting {
            ui.horizontal(|ui| {
                let label = ui.label(tr.t(T::TgRankBy));
                let current = MEASURES
                    .iter()
                    .find(|(b, _)| *b == self.by)
                    .map_or("", |(_, k)| tr.t(*k));
                egui::ComboBox::from_id_salt("rank_by")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for (b, k) in MEASURES {
                            ui.selectable_value(&mut self.by, b, tr.t(k));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        if to < from {
            ui.label(RichText::new(tr.t(T::TgNoRanking)).color(cx.look.weak_text));
            return;
        }
        let own = &cx.workspace.settings().areas;
        let areas = if own.is_empty() {
            Area::cities_with(cx.store(), Variable::Pm25)
        } else {
            own.clone()
        };
        let key = Key {
            generation: cx.data.generation,
            by: self.by,
            areas,
            from,
            to,
            highlight: cx.workspace.settings().area.clone(),
            zh: tr.0 == crate::i18n::Language::Zh,
        };
        if self.cached.as_ref().is_none_or(|(k, _, _)| *k != key) {
            let ranking = rank_areas(
                cx.store(),
                &key.areas,
                from,
                to,
                self.by,
                &RankSettings::default(),
                Some(key.highlight.as_str()),
            );
            let chart = ranking_chart(&ranking, tr.0);
            self.cached = Some((key, ranking, chart));
        }
        let Some((_, ranking, chart)) = &self.cached else {
            return;
        };
        if ranking.rows.iter().all(|r| r.rank.is_none()) {
            ui.label(RichText::new(tr.t(T::TgNoRanking)).color(cx.look.weak_text));
            return;
        }
        ui.label(
            RichText::new(tr.f(
                T::TgRankPeriod,
                &[&from, &to, &ranking.rows.len(), &ranking.standard.label()],
            ))
            .color(cx.look.weak_text),
        );
        let decimals = chart.decimals;
        if let Some((row, gap)) = ranking.rows.iter().find_map(|r| Some((r, r.gap?))) {
            let amount = |x: Option<f64>| x.map(|v| format!("{v:.decimals$}"));
            let pass = match amount(gap.to_pass_next) {
                Some(v) => tr.f(T::TgGapPass, &[&v]),
                None => tr.t(T::TgGapFirst).to_string(),
            };
            let leave = match amount(gap.to_leave_bottom_3) {
                Some(v) => tr.f(T::TgGapLeave, &[&v]),
                None => tr.t(T::TgGapNotBottom).to_string(),
            };
            ui.label(
                RichText::new(tr.f(T::TgGapLine, &[&row.area, &pass, &leave]))
                    .strong()
                    .color(cx.look.strong_text),
            );
        }
        if cx.presenting {
            // The slide: the chart alone, the best few and the desk's own area amid its
            // neighbours in the ranking (a taller slide is zoomed to fit the screen).
            let chart = RankingData {
                top: Some(SLIDE_TOP),
                around_highlight: SLIDE_AROUND,
                ..chart.clone()
            };
            let shown = chart.items.len().min(SLIDE_TOP + 2 * SLIDE_AROUND + 1) as f32;
            let room = ui.clip_rect().bottom() - ui.cursor().top() - 16.0;
            let height = room.max(shown * 40.0 + 180.0);
            ChartImage::new(StaticChart::Ranking(&chart))
                .style(ChartStyle::projector().with_lang(tr.0))
                .height(height)
                .id_salt("ranking_chart")
                .show(ui);
            return;
        }
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            egui::Grid::new("ranking_table")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for h in [T::ColRank, T::ColArea, T::ColValue] {
                        ui.label(RichText::new(tr.t(h)).strong());
                    }
                    ui.end_row();
                    for r in &ranking.rows {
                        let text = |s: String| {
                            if r.highlighted {
                                RichText::new(s).strong().color(cx.look.accent)
                            } else {
                                RichText::new(s)
                            }
                        };
                        ui.label(text(r.rank.map_or("—".into(), |n| n.to_string())));
                        let name = if r.highlighted {
                            format!("▶ {}", r.area)
                        } else {
                            r.area.clone()
                        };
                        ui.label(text(name));
                        ui.label(text(
                            r.value.map_or("—".into(), |v| format!("{v:.decimals$}")),
                        ));
                        ui.end_row();
                    }
                });
            let ui = &mut cols[1];
            let rows = chart.items.len().max(3) as f32;
            let height = (rows * 28.0 + 90.0).clamp(220.0, 700.0);
            ChartImage::new(StaticChart::Ranking(chart))
                .style(ChartStyle::desktop().with_lang(tr.0))
                .height(height)
                .id_salt("ranking_chart")
                .show(ui);
            if !cx.read_only() {
                ui.horizontal(|ui| {
                    for (label, ext) in [(T::TgExportPng, "png"), (T::TgExportSvg, "svg")] {
                        if ui.button(tr.t(label)).clicked() {
                            cx.send(Command::Export(vec![export_chart(cx, chart, ranking, ext)]));
                        }
                    }
                });
            }
        });
    }
}

/// How many of the best areas the ranking slide shows (the desk's own area and its neighbours
/// are added when below them).
const SLIDE_TOP: usize = 3;

/// How many places either side of the desk's own area the ranking slide shows.
const SLIDE_AROUND: usize = 2;

/// The ranking chart as a PNG or SVG file for the exports folder; drawn on a worker thread.
fn export_chart(
    cx: &PageContext<'_>,
    chart: &RankingData,
    ranking: &Ranking,
    ext: &str,
) -> ExportFile {
    let by = match ranking.by {
        RankBy::Pm25 => "pm25",
        RankBy::Composite => "composite",
        RankBy::Yoy => "yoy",
        RankBy::YoyPm25 => "yoy-pm25",
    };
    let name = format!(
        "ranking-{by}-{}-{}.{ext}",
        safe_name(&cx.workspace.settings().area),
        ranking.to
    );
    let height = (chart.items.len() as u32 * 36 + 160).clamp(400, 2400);
    let style = ChartStyle::desktop().with_lang(cx.tr.0);
    let data = ChartData::Ranking(chart.clone());
    ExportFile::chart(name, data, (1200, height), style, ext == "svg")
}
