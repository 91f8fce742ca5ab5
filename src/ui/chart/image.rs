//! A calendar, ranking or reduction check drawn to fit its space, with a hover readout of the day,
//! row or bar under the pointer. (Time charts use the interactive [`super::TimeChartWidget`].)

use egui::{Color32, IdSalt, LayerId, Order, Response, Sense, Ui, WidgetInfo};
use plotters::prelude::IntoDrawingArea;

use super::backend::EguiBackend;
use super::canvas;
use super::readout::readout_box;
use crate::i18n::T;
use crate::report::charts::colour::Band;
use crate::report::charts::time_axis::format_day;
use crate::report::charts::{
    CalendarData, CalendarLayout, ChartError, ChartStyle, RankingData, RankingLayout,
    ReductionChart, ReductionLayout, draw_calendar, draw_ranking, draw_reduction, ranks,
};

/// Which static chart to show.
#[derive(Debug, Clone, Copy)]
pub enum StaticChart<'a> {
    /// Calendar heat map.
    Calendar(&'a CalendarData),
    /// Ranking bar chart.
    Ranking(&'a RankingData),
    /// Emission-reduction check.
    Reduction(&'a ReductionChart),
}

/// A static chart widget.
pub struct ChartImage<'a> {
    chart: StaticChart<'a>,
    style: ChartStyle,
    height: Option<f32>,
    id_salt: IdSalt,
}

enum Drawn {
    Calendar(CalendarLayout),
    Ranking(RankingLayout),
    Reduction(ReductionLayout),
}

impl<'a> ChartImage<'a> {
    /// A widget showing `chart`.
    pub fn new(chart: StaticChart<'a>) -> Self {
        ChartImage {
            chart,
            style: ChartStyle::desktop(),
            height: None,
            id_salt: IdSalt::new("airdesk_chart_image"),
        }
    }

    /// Desktop or projector style.
    pub fn style(mut self, style: ChartStyle) -> Self {
        self.style = style;
        self
    }

    /// Height in points (default: the available height, at least 160).
    pub fn height(mut self, height: f32) -> Self {
        self.height = Some(height);
        self
    }

    /// Distinguish several charts on one page.
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = IdSalt::new(salt);
        self
    }

    /// Draw and show the readout under the pointer.
    pub fn show(self, ui: &mut Ui) -> Response {
        let (id, rect, response) = canvas::allocate(
            ui,
            self.id_salt,
            self.height,
            (200.0, 160.0),
            Sense::hover(),
        );
        let ppp = ui.ctx().pixels_per_point();
        let painter = ui.painter_at(rect);
        let style = self.style.with_scale(f64::from(ppp));
        let drawn: Result<Drawn, ChartError> = {
            let root = EguiBackend::new(&painter, rect).into_drawing_area();
            match self.chart {
                StaticChart::Calendar(c) => draw_calendar(&root, c, &style).map(Drawn::Calendar),
                StaticChart::Ranking(r) => draw_ranking(&root, r, &style).map(Drawn::Ranking),
                StaticChart::Reduction(r) => draw_reduction(&root, r, &style).map(Drawn::Reduction),
            }
        };
        let title = match self.chart {
            StaticChart::Calendar(c) => c.title.clone(),
            StaticChart::Ranking(r) => r.title.clone(),
            StaticChart::Reduction(r) => r.title.clone(),
        };
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &title));
        let drawn = match drawn {
            Ok(d) => d,
            Err(e) => {
                canvas::cannot_draw(&painter, rect, style.tr(), &e);
                return response;
            }
        };
        let Some(pointer) = response.hover_pos() else {
            return response;
        };
        let px = canvas::to_px(rect, ppp, pointer);
        let rows = match (&drawn, self.chart) {
            (Drawn::Calendar(layout), StaticChart::Calendar(data)) => layout
                .cells
                .iter()
                .find(|(_, r)| r.contains(px.0, px.1))
                .map(|(date, _)| {
                    let value = data.values.get(date).copied();
                    let band = value.and_then(|v| Band::find(&data.bands, v));
                    let mut rows = vec![(
                        band.map(|b| Color32::from_rgb(b.colour.0, b.colour.1, b.colour.2)),
                        match (value, band) {
                            (Some(v), Some(b)) => format!("{v:.0}  {}", b.label),
                            (Some(v), None) => format!("{v:.0}"),
                            _ => style.tr().t(T::ChartNoData).to_string(),
                        },
                    )];
                    if let Some(note) = data.notes.get(date) {
                        rows.push((None, note.clone()));
                    }
                    (format_day(*date, style.lang), rows)
                }),
            (Drawn::Ranking(layout), StaticChart::Ranking(data)) => layout
                .rows
                .iter()
                .find(|(_, _, r)| r.contains(px.0, px.1))
                .map(|&(i, rank, _)| {
                    let it = &data.items[i];
                    let of = ranks(&data.items, data.better).len();
                    (
                        style.tr().f(T::ChartRankOf, &[&rank, &of, &it.label]),
                        vec![(None, format!("{:.*} {}", data.decimals, it.value, it.note))],
                    )
                }),
            (Drawn::Reduction(layout), StaticChart::Reduction(data)) => layout
                .bars
                .iter()
                .find(|(_, _, r)| r.contains(px.0, px.1))
                .and_then(|&(g, b, _)| {
                    let group = data.groups.get(g)?;
                    let bar = group.bars.get(b)?;
                    Some(reduction_readout(style.tr(), group, bar))
                }),
            _ => None,
        };
        if let Some((title, rows)) = rows {
            let painter = ui
                .ctx()
                .layer_painter(LayerId::new(Order::Foreground, id.with("readout")))
                .with_clip_rect(rect);
            readout_box(&painter, rect, pointer, title, rows);
        }
        response
    }
}

/// The readout of one bar of the reduction check: level and pollutant, then the figures.
fn reduction_readout(
    tr: crate::i18n::Tr,
    group: &crate::report::charts::ReductionGroup,
    bar: &crate::report::charts::ReductionBar,
) -> (String, Vec<(Option<Color32>, String)>) {
    let title = format!("{} · {}", tr.level(group.level), bar.pollutant.label());
    let mut rows = vec![(
        None,
        tr.f(
            T::ReductionReadoutReduction,
            &[&format!("{:.1}", bar.reduction)],
        ),
    )];
    match bar.percent {
        Some(p) => rows.push((
            None,
            tr.f(T::ReductionReadoutPercent, &[&format!("{p:.2}")]),
        )),
        None => rows.push((None, tr.t(T::ReductionNoBase).to_owned())),
    }
    if let Some(req) = group.required {
        rows.push((None, tr.f(T::ReductionRequired, &[&format!("{req:.0}")])));
    }
    if let (Some(false), Some(kg)) = (bar.meets, bar.shortfall) {
        let red = Some(Color32::from_rgb(200, 30, 30));
        rows.push((red, tr.f(T::ReductionShortKg, &[&format!("{kg:.1}")])));
    }
    (title, rows)
}
