//! Projector mode (会商投屏): full screen, the high-contrast light theme, everything zoomed by the
//! projector scale, read-only, a deck of slides stepped with ← →. Entering remembers the desktop
//! zoom; leaving restores it. Each slide opens at its top and at the projector scale; a slide
//! taller than the screen is zoomed down (not below [`MIN_FIT_ZOOM`]) until it fits one screen.

use egui::ViewportCommand;

use super::i18n::T;
use super::pages::Page;

/// The slides of the deck, in the order ← → steps through them: what a meeting asks for, not
/// the desk's tools (no Data, Supervision or Settings page: shortcuts, paths and phone numbers
/// are not for a meeting room).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Slide {
    /// The area's AQI and the warning in force (level, since, notice number).
    #[default]
    Headline,
    /// Response progress: units, overdue items, problems, reports due.
    Response,
    /// The emission-reduction list's check against the plan's required shares (减排核算).
    Reduction,
    /// The meteogram with the outlook.
    Weather,
    /// The season budget.
    Budget,
    /// The ranking.
    Ranking,
    /// The map of the stations.
    Map,
}

impl Slide {
    /// Every slide in deck order.
    pub const ALL: [Slide; 7] = [
        Slide::Headline,
        Slide::Response,
        Slide::Reduction,
        Slide::Weather,
        Slide::Budget,
        Slide::Ranking,
        Slide::Map,
    ];

    /// The page that draws this slide.
    pub fn page(self) -> Page {
        match self {
            Slide::Headline => Page::Situation,
            Slide::Response | Slide::Reduction => Page::Response,
            Slide::Weather => Page::Weather,
            Slide::Budget | Slide::Ranking => Page::Targets,
            Slide::Map => Page::Map,
        }
    }

    /// The first slide `page` draws, if it is in the deck.
    pub fn of_page(page: Page) -> Option<Slide> {
        Slide::ALL.into_iter().find(|s| s.page() == page)
    }

    /// The slide's title entry (the header shows it with its number).
    pub fn title(self) -> T {
        match self {
            Slide::Headline => T::SlideHeadline,
            Slide::Response => T::SlideResponse,
            Slide::Reduction => T::SlideReduction,
            Slide::Weather => T::SlideWeather,
            Slide::Budget => T::SlideBudget,
            Slide::Ranking => T::SlideRanking,
            Slide::Map => T::SlideMap,
        }
    }

    /// Position in [`Slide::ALL`].
    pub fn index(self) -> usize {
        Slide::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The slide `step` places further, wrapping around.
    pub fn step(self, step: i32) -> Slide {
        let n = Slide::ALL.len() as i32;
        Slide::ALL[(self.index() as i32 + step).rem_euclid(n) as usize]
    }
}

/// Whether projector mode is on, and the desktop zoom to return to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projector {
    active: bool,
    desktop_zoom: f32,
    /// The zoom chosen in the settings.
    scale: f32,
    slide: Slide,
}

/// The smallest zoom a slide is fitted down to (the desktop's size); below it the slide scrolls.
pub const MIN_FIT_ZOOM: f32 = 1.0;

impl Default for Projector {
    fn default() -> Self {
        Projector {
            active: false,
            desktop_zoom: 1.0,
            scale: 2.0,
            slide: Slide::Headline,
        }
    }
}

impl Projector {
    /// Whether projector mode is on.
    pub fn active(&self) -> bool {
        self.active
    }

    /// The slide shown while presenting.
    pub fn slide(&self) -> Slide {
        self.slide
    }

    /// Show `slide` next, at the projector scale (it is fitted again).
    pub fn show_slide(&mut self, ctx: &egui::Context, slide: Slide) {
        if slide != self.slide && self.active {
            ctx.set_zoom_factor(self.scale);
        }
        self.slide = slide;
    }

    /// The slide drawn last was `overflow` times as tall as the screen: zoom down so that it
    /// fits, never below [`MIN_FIT_ZOOM`] (nor above the scale).
    pub fn fit(&self, ctx: &egui::Context, overflow: f32) {
        if !self.active || overflow <= 1.005 {
            return;
        }
        let zoom = ctx.zoom_factor();
        let floor = MIN_FIT_ZOOM.min(self.scale);
        let fitted = (zoom / overflow * 0.98).max(floor);
        if fitted < zoom - 0.01 {
            ctx.set_zoom_factor(fitted);
            ctx.request_repaint();
        }
    }

    /// Enter at the slide of `page` (the headline when the page is not in the deck): full
    /// screen and zoom to `scale` (the theme switches with [`Projector::active`]).
    pub fn enter(&mut self, ctx: &egui::Context, scale: f32, page: Page) {
        if self.active {
            return;
        }
        self.slide = Slide::of_page(page).unwrap_or_default();
        self.desktop_zoom = ctx.zoom_factor();
        self.scale = scale;
        self.active = true;
        ctx.set_zoom_factor(scale);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
    }

    /// Leave: back to the window and the desktop zoom.
    pub fn leave(&mut self, ctx: &egui::Context) {
        if !self.active {
            return;
        }
        self.active = false;
        ctx.set_zoom_factor(self.desktop_zoom);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
    }

    /// A new scale chosen while presenting takes effect at once.
    pub fn rescale(&mut self, ctx: &egui::Context, scale: f32) {
        self.scale = scale;
        if self.active {
            ctx.set_zoom_factor(scale);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deck_steps_around_its_slides_and_leaves_out_the_desk_tools() {
        assert_eq!(Slide::Headline.step(-1), Slide::Map);
        assert_eq!(Slide::Map.step(1), Slide::Headline);
        let pages: Vec<Page> = Slide::ALL.iter().map(|s| s.page()).collect();
        for tool in [Page::Data, Page::Supervision, Page::Settings] {
            assert!(!pages.contains(&tool), "{tool:?} is not a slide");
            assert_eq!(Slide::of_page(tool), None);
        }
        assert_eq!(Slide::of_page(Page::Targets), Some(Slide::Budget));
    }
}
