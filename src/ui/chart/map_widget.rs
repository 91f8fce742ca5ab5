//! The regional map on screen: `report::charts::draw_map` through the egui backend, and the station
//! under the pointer (hover) or clicked, for the page's readout.

use egui::{IdSalt, Response, Sense, Ui, WidgetInfo};
use plotters::prelude::IntoDrawingArea;

use super::backend::EguiBackend;
use super::canvas;
use crate::report::charts::{ChartStyle, MapData, draw_map};

/// Pixels (points) around a dot that still count as pointing at it.
const SLACK_POINTS: f64 = 4.0;

/// A map widget over the caller's [`MapData`].
pub struct MapWidget<'a> {
    data: &'a MapData,
    style: ChartStyle,
    height: Option<f32>,
    id_salt: IdSalt,
}

/// What the pointer did on the map this frame.
pub struct MapResponse {
    /// The widget's response (hover, AccessKit).
    pub response: Response,
    /// The station (index into `MapData::stations`) under the pointer.
    pub hovered: Option<usize>,
    /// The station clicked this frame.
    pub clicked: Option<usize>,
    /// Where each station's dot was drawn (index into `MapData::stations`, screen point).
    pub dots: Vec<(usize, egui::Pos2)>,
}

impl<'a> MapWidget<'a> {
    /// A widget showing `data`.
    pub fn new(data: &'a MapData) -> Self {
        MapWidget {
            data,
            style: ChartStyle::desktop(),
            height: None,
            id_salt: IdSalt::new("airdesk_map"),
        }
    }

    /// Desktop or projector style.
    pub fn style(mut self, style: ChartStyle) -> Self {
        self.style = style;
        self
    }

    /// Height in points (default: the available height, at least 200).
    pub fn height(mut self, height: f32) -> Self {
        self.height = Some(height);
        self
    }

    /// Distinguish several maps on one page.
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = IdSalt::new(salt);
        self
    }

    /// Draw the map and find the station under the pointer.
    pub fn show(self, ui: &mut Ui) -> MapResponse {
        let (id, rect, response) = canvas::allocate(
            ui,
            self.id_salt,
            self.height,
            (240.0, 200.0),
            Sense::click(),
        );
        let ppp = ui.ctx().pixels_per_point();
        let painter = ui.painter_at(rect);
        let style = self.style.with_scale(f64::from(ppp));
        let drawn = {
            let root = EguiBackend::new(&painter, rect)
                .with_memory(id.with("mesh"))
                .into_drawing_area();
            draw_map(&root, self.data, &style)
        };
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &self.data.title));
        let layout = match drawn {
            Ok(l) => l,
            Err(e) => {
                canvas::cannot_draw(&painter, rect, style.tr(), &e);
                return MapResponse {
                    response,
                    hovered: None,
                    clicked: None,
                    dots: Vec::new(),
                };
            }
        };
        let at = |p: egui::Pos2| {
            layout.station_at(canvas::to_px(rect, ppp, p), SLACK_POINTS * f64::from(ppp))
        };
        let hovered = response.hover_pos().and_then(at);
        let clicked = if response.clicked() {
            response.interact_pointer_pos().and_then(at)
        } else {
            None
        };
        let dots = layout
            .dots
            .iter()
            .map(|&(i, px, _)| (i, canvas::to_point(rect, ppp, px)))
            .collect();
        MapResponse {
            response,
            hovered,
            clicked,
            dots,
        }
    }
}
