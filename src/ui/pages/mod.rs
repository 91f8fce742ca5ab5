//! The pages of the app, one file each, and what every page receives.
//!
//! A page is a plain struct holding its own view state (filter text, selection …) with a method
//! `fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>)`. It reads app state through
//! [`PageContext`] — the store, the workspace settings, and the session's read models
//! (`cx.session.models()`: response, findings, alerts), which the session folds from the journal
//! once for every page — and asks for changes with [`PageContext::send`]; it never changes app
//! state, opens the journal or writes a file itself: every write is a command the app carries
//! out (journal events through the session, files through `Command::Export`; long work such as
//! hashing or saving runs on a worker thread with its progress in the status bar). When
//! `cx.presenting` is true (projector mode) a page must show no edit widgets at all (no text
//! fields, combo boxes, sliders, check boxes): only text, figures, charts and navigation.
//!
//! To add a page: a file here with its struct, a variant of [`Page`] with its title entry in the
//! translation table, a field in [`Pages`] and an arm in [`Pages::show`].

mod board;
mod data;
mod map;
mod response;
mod settings;
mod situation;
mod staggered;
mod supervision;
mod targets;
mod weather;

pub use data::DataPage;
pub use map::MapPage;
pub use response::{ResponsePage, Tab as ResponseTab};
pub use settings::SettingsPage;
pub use situation::SituationPage;
pub use supervision::{FindingForm, SupervisionPage};
pub use targets::{BudgetForm, TargetsPage};
pub use weather::{Target as WeatherTarget, WeatherPage};

use chrono::{DateTime, Utc};

use crate::clock::Clock;
use crate::store::Store;
use crate::workspace::{AppState, Renderer, Workspace};

use super::command::Command;
use super::i18n::{T, Tr};
use super::state::DataStatus;
use super::theme::Look;
use crate::session::Session;

/// The pages, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Page {
    /// 态势: the situation board.
    #[default]
    Situation,
    /// 数据: files, load report, stations, series.
    Data,
    /// 气象窗口: unfavourable-weather windows.
    Weather,
    /// 应急响应: warning level, measures, reports.
    Response,
    /// 目标核算: the season budget.
    Targets,
    /// 督办: supervision findings.
    Supervision,
    /// 区域地图: the stations on a map with wind, replayed hour by hour.
    Map,
    /// 设置: settings, workspace, clock.
    Settings,
}

impl Page {
    /// Every page in navigation order.
    pub const ALL: [Page; 8] = [
        Page::Situation,
        Page::Data,
        Page::Weather,
        Page::Response,
        Page::Targets,
        Page::Supervision,
        Page::Map,
        Page::Settings,
    ];

    /// The page's title entry.
    pub fn title(self) -> T {
        match self {
            Page::Situation => T::PageSituation,
            Page::Data => T::PageData,
            Page::Weather => T::PageWeather,
            Page::Response => T::PageResponse,
            Page::Targets => T::PageTargets,
            Page::Supervision => T::PageSupervision,
            Page::Map => T::PageMap,
            Page::Settings => T::PageSettings,
        }
    }

    /// Position in [`Page::ALL`].
    pub fn index(self) -> usize {
        Page::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The page `step` places further, wrapping around.
    pub fn step(self, step: i32) -> Page {
        let n = Page::ALL.len() as i32;
        Page::ALL[(self.index() as i32 + step).rem_euclid(n) as usize]
    }

    /// The key that, with Ctrl (⌘ on macOS), opens this page.
    pub fn shortcut_key(self) -> egui::Key {
        use egui::Key::*;
        [Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8][self.index()]
    }

    /// The shortcut as shown in tooltips.
    pub fn shortcut_text(self) -> String {
        format!("Ctrl+{}", self.index() + 1)
    }
}

/// What a page gets each frame: read access to app state and a way to ask for changes.
pub struct PageContext<'a> {
    /// Translations in the current language.
    pub tr: Tr,
    /// Current look (sizes, colours; projector or desktop).
    pub look: Look,
    /// The app's "now" (real or drill), for everything time-dependent.
    pub now: DateTime<Utc>,
    /// The app clock (to show whether this is a drill).
    pub clock: Clock,
    /// Data loaded and load status.
    pub data: &'a DataStatus,
    /// The open workspace and its settings.
    pub workspace: &'a Workspace,
    /// Recent workspaces and the like.
    pub app_state: &'a AppState,
    /// Projector mode: read-only, no edit widgets.
    pub presenting: bool,
    /// The slide shown in projector mode (`None` on the desk); a page drawing several slides
    /// shows only this one's part.
    pub slide: Option<crate::ui::projector::Slide>,
    /// Whether a system file dialog is expected to work.
    pub dialog_available: bool,
    /// The renderer drawing this window (None in headless tests).
    pub renderer: Option<Renderer>,
    /// The session: the duty officer, the plan and the read models folded from the journal
    /// (read only; changes go through commands, and no page opens the journal).
    pub session: &'a Session,
    commands: &'a mut Vec<Command>,
}

impl<'a> PageContext<'a> {
    /// Bundle what a page needs.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        tr: Tr,
        look: Look,
        now: DateTime<Utc>,
        clock: Clock,
        data: &'a DataStatus,
        workspace: &'a Workspace,
        app_state: &'a AppState,
        presenting: bool,
        dialog_available: bool,
        renderer: Option<Renderer>,
        session: &'a Session,
        commands: &'a mut Vec<Command>,
    ) -> Self {
        PageContext {
            tr,
            look,
            now,
            clock,
            data,
            workspace,
            app_state,
            presenting,
            slide: None,
            dialog_available,
            renderer,
            session,
            commands,
        }
    }

    /// Ask the app for a change (applied after this frame).
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The store.
    pub fn store(&self) -> &'a Store {
        &self.data.store
    }

    /// The last stamp of observations a page may show: the hour of "now". In a drill the files
    /// hold the days after the drill moment too; analyses and pages take this as their `as_of`
    /// so the desk sees only what it could have seen then.
    pub fn as_of(&self) -> crate::store::Hour {
        crate::store::Hour::from_utc(self.now)
    }

    /// Whether nothing may be changed: projector mode or a read-only workspace.
    pub fn read_only(&self) -> bool {
        self.presenting || self.workspace.read_only()
    }
}

/// A page's vertical scroll area (filling the page). On a slide it also notes how far its
/// content runs past the screen ([`slide_overflow`]), so the projector can fit the slide.
pub fn page_scroll<R>(ui: &mut egui::Ui, id_salt: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let out = egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .show(ui, add);
    let ratio = out.content_size.y / out.inner_rect.height().max(1.0);
    note_overflow(ui.ctx(), ratio);
    out.inner
}

/// Note that this frame's page is `ratio` times as tall as the screen has room for.
pub fn note_overflow(ctx: &egui::Context, ratio: f32) {
    let id = overflow_id();
    ctx.data_mut(|d| {
        let seen: f32 = d.get_temp(id).unwrap_or(0.0);
        d.insert_temp(id, seen.max(ratio));
    });
}

/// How many screens tall the page drawn last was (1.0 or less: it fits), taken once.
pub fn slide_overflow(ctx: &egui::Context) -> f32 {
    ctx.data_mut(|d| d.remove_temp::<f32>(overflow_id()))
        .unwrap_or(0.0)
}

fn overflow_id() -> egui::Id {
    egui::Id::unique("airdesk_page_overflow")
}

/// The view state of every page.
#[derive(Default)]
pub struct Pages {
    /// 态势.
    pub situation: SituationPage,
    /// 数据.
    pub data: DataPage,
    /// 应急响应.
    pub response: ResponsePage,
    /// 设置.
    pub settings: SettingsPage,
    /// 气象窗口.
    pub weather: WeatherPage,
    /// 目标核算.
    pub targets: TargetsPage,
    /// 督办.
    pub supervision: SupervisionPage,
    /// 区域地图.
    pub map: MapPage,
}

impl Pages {
    /// Every chart back to its whole extent (a page shown anew starts unzoomed).
    pub fn reset_chart_zoom(&mut self) {
        self.situation.reset_chart_zoom();
        self.data.reset_chart_zoom();
        self.weather.reset_chart_zoom();
    }

    /// Draw `page`.
    pub fn show(&mut self, page: Page, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        match page {
            Page::Situation => self.situation.ui(ui, cx),
            Page::Data => self.data.ui(ui, cx),
            Page::Weather => self.weather.ui(ui, cx),
            Page::Response => self.response.ui(ui, cx),
            Page::Targets => self.targets.ui(ui, cx),
            Page::Supervision => self.supervision.ui(ui, cx),
            Page::Map => self.map.ui(ui, cx),
            Page::Settings => self.settings.ui(ui, cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_step_around_and_have_distinct_shortcuts() {
        assert_eq!(Page::Situation.step(-1), Page::Settings);
        assert_eq!(Page::Settings.step(1), Page::Situation);
        assert_eq!(Page::Data.step(2), Page::Response);
        let keys: std::collections::HashSet<_> =
            Page::ALL.iter().map(|p| p.shortcut_key()).collect();
        assert_eq!(keys.len(), Page::ALL.len());
    }
}
