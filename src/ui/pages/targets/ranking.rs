//! The ranking section of the target page: areas ranked by PM2.5, composite index or year-on-year
//! change over the season so far (ties share a rank, the desk's area highlighted), as a table and
//! as the ranking chart, with PNG/SVG export.

use chrono::NaiveDate;
use egui::RichText;

use super::{EXPORTS_DIR, report_language, safe_name};
use crate::domain::area::Area;
use crate::domain::budget::Season;
use crate::domain::ranking::{RankBy, RankSettings, Ranking, rank_areas};
use crate::report::charts::{Chart, ChartStyle, RankingData, render_png, render_svg};
use crate::report::ranking_chart::ranking_chart;
use crate::store::Variable;
use crate::ui::chart::{ChartImage, StaticChart};
use crate::ui::i18n::T;
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
    /// Draw the section; returns a message after an export.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut PageContext<'_>,
        season: Option<Season>,
        up_to: NaiveDate,
    ) -> Option<(bool, String)> {
        let tr = cx.tr;
        let mut message = None;
        let season = season?;
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
            return None;
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
            zh: tr.0 == crate::workspace::Language::Zh,
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
            let chart = ranking_chart(&ranking, report_language(tr));
            self.cached = Some((key, ranking, chart));
        }
        let Some((_, ranking, chart)) = &self.cached else {
            return None;
        };
        if ranking.rows.iter().all(|r| r.rank.is_none()) {
            ui.label(RichText::new(tr.t(T::TgNoRanking)).color(cx.look.weak_text));
            return None;
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
            let style = if cx.presenting {
                ChartStyle::projector()
            } else {
                ChartStyle::desktop()
            };
            let rows = chart.items.len().max(3) as f32;
            let height =
                (rows * 28.0 + 90.0).clamp(220.0, 700.0) * if cx.presenting { 1.6 } else { 1.0 };
            ChartImage::new(StaticChart::Ranking(chart))
                .style(style.with_lang(tr.0))
                .height(height)
                .id_salt("ranking_chart")
                .show(ui);
            if !cx.read_only() {
                ui.horizontal(|ui| {
                    for (label, ext) in [(T::TgExportPng, "png"), (T::TgExportSvg, "svg")] {
                        if ui.button(tr.t(label)).clicked() {
                            message = Some(export_chart(cx, chart, ranking, ext));
                        }
                    }
                });
            }
        });
        message
    }
}

fn export_chart(
    cx: &PageContext<'_>,
    chart: &RankingData,
    ranking: &Ranking,
    ext: &str,
) -> (bool, String) {
    let tr = cx.tr;
    let dir = cx.workspace.root().join(EXPORTS_DIR);
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
    let path = dir.join(name);
    let height = (chart.items.len() as u32 * 36 + 160).clamp(400, 2400);
    let style = ChartStyle::desktop().with_lang(tr.0);
    let result = std::fs::create_dir_all(&dir)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            let c = Chart::Ranking(chart);
            if ext == "svg" {
                render_svg(&path, 1200, height, c, &style)
            } else {
                render_png(&path, 1200, height, c, &style)
            }
            .map_err(|e| e.to_string())
        });
    match result {
        Ok(()) => (true, tr.f(T::TgExported, &[&path.display()])),
        Err(e) => (false, tr.f(T::TgExportFailed, &[&e])),
    }
}
