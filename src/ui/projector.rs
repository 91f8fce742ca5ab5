//! Projector mode (会商投屏): full screen, the high-contrast light theme, everything zoomed by the
//! projector scale, read-only. Entering remembers the desktop zoom; leaving restores it.

use egui::ViewportCommand;

/// Whether projector mode is on, and the desktop zoom to return to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projector {
    active: bool,
    desktop_zoom: f32,
}

impl Default for Projector {
    fn default() -> Self {
        Projector {
            active: false,
            desktop_zoom: 1.0,
        }
    }
}

impl Projector {
    /// Whether projector mode is on.
    pub fn active(&self) -> bool {
        self.active
    }

    /// Enter: full screen and zoom to `scale` (the theme switches with [`Projector::active`]).
    pub fn enter(&mut self, ctx: &egui::Context, scale: f32) {
        if self.active {
            return;
        }
        self.desktop_zoom = ctx.zoom_factor();
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
    pub fn rescale(&self, ctx: &egui::Context, scale: f32) {
        if self.active {
            ctx.set_zoom_factor(scale);
        }
    }
}
