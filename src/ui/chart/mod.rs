//! Charts on screen: a plotters backend over `egui::Painter` ([`EguiBackend`]), the interactive
//! [`TimeChartWidget`], the static [`ChartImage`] (calendar, ranking) and the [`MapWidget`]. The
//! charts themselves are the ones in `report::charts`, so the screen and the PNG/SVG exports show
//! the same thing.
//!
//! Text uses egui's proportional family: the app must put the bundled CJK font
//! (`report::charts::font::FONT_BYTES`) first in it, or use [`install_bundled_font`].

mod backend;
mod canvas;
mod image;
mod map_widget;
mod readout;
mod widget;

pub use backend::EguiBackend;
pub use image::{ChartImage, StaticChart};
pub use map_widget::{MapResponse, MapWidget};
pub use widget::TimeChartWidget;

use crate::report::charts::font::FONT_BYTES;

/// Name of the bundled face in egui's font definitions.
pub const FONT_NAME: &str = "AirDeskSans";

/// Put the bundled font first in egui's proportional and monospace families (egui's own fonts
/// stay as fallbacks), so charts on screen use the same glyphs as the exports.
pub fn install_bundled_font(defs: &mut egui::FontDefinitions) {
    defs.font_data.insert(
        FONT_NAME.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(FONT_BYTES)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = defs.families.entry(family).or_default();
        list.retain(|n| n != FONT_NAME);
        list.insert(0, FONT_NAME.to_owned());
    }
}
