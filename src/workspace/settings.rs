//! The workspace's `settings.toml`: everything the user chose, persisted on every change.

use std::path::PathBuf;

use crate::i18n::Language;

/// Which graphics back end draws the window. Both are built in; see `docs/gui.md`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Renderer {
    /// OpenGL ≥ 2.0 through glow (default on Linux and macOS).
    Glow,
    /// wgpu: Direct3D 12, Vulkan, Metal or OpenGL ES (default on Windows).
    Wgpu,
}

impl Renderer {
    /// The platform default: wgpu on Windows (Remote Desktop and VMs offer only OpenGL 1.1),
    /// glow elsewhere.
    pub fn platform_default() -> Self {
        if cfg!(windows) {
            Renderer::Wgpu
        } else {
            Renderer::Glow
        }
    }

    /// The other one, to fall back to when this one fails to start.
    pub fn other(self) -> Self {
        match self {
            Renderer::Glow => Renderer::Wgpu,
            Renderer::Wgpu => Renderer::Glow,
        }
    }

    /// The name used on the command line and in `settings.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }
}

/// The renderer setting: the platform default or a fixed choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RendererSetting {
    /// [`Renderer::platform_default`].
    #[default]
    Auto,
    /// Always glow.
    Glow,
    /// Always wgpu.
    Wgpu,
}

impl RendererSetting {
    /// The renderer this setting asks for.
    pub fn resolve(self) -> Renderer {
        match self {
            RendererSetting::Auto => Renderer::platform_default(),
            RendererSetting::Glow => Renderer::Glow,
            RendererSetting::Wgpu => Renderer::Wgpu,
        }
    }
}

/// The desktop colour scheme (projector mode always uses its own high-contrast light theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Light (default): reads well in a lit office.
    #[default]
    Light,
    /// Dark: for night shifts and dimmed control rooms.
    Dark,
}

/// Smallest and largest projector text scale offered.
pub const PROJECTOR_SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.5..=4.0;

/// Most entries kept in the recent-files list.
pub const MAX_RECENT_FILES: usize = 12;

/// Everything the user chose for this workspace. Unknown keys are ignored and missing keys take
/// their defaults, so settings files from older or newer versions still open.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language.
    pub language: Language,
    /// Graphics back end.
    pub renderer: RendererSetting,
    /// Desktop colour scheme.
    pub theme: ThemeChoice,
    /// Projector mode zoom: all text and figures this many times their desktop size (≥ 1.5).
    pub projector_scale: f32,
    /// The area (city/county as in the station list's city column) the desk is responsible for;
    /// empty = not chosen yet.
    pub area: String,
    /// Station codes of the area, when the user picked them by hand; empty = every non-control
    /// station whose city is `area`.
    pub stations: Vec<String>,
    /// Data files outside `data/` that this workspace loads, referenced by path (never copied,
    /// never written). Paths inside the workspace are stored relative to it.
    pub data_files: Vec<PathBuf>,
    /// Files opened lately, newest first, for the recent list.
    pub recent_files: Vec<PathBuf>,
    /// Weather page: thresholds of the unfavourable-weather windows (`[windows]`).
    pub windows: crate::domain::windows::WindowSettings,
    /// Weather page: parameters of the daily heavy-pollution outlook (`[outlook]`).
    pub outlook: crate::domain::outlook::OutlookSettings,
    // Situation board and drill
    /// A training workspace (the sample scenario) opens with the drill clock (演练时钟) set to
    /// this moment; `None` = real time.
    pub drill_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The season budget (target, baseline, rounding), when set: the board's budget headline.
    pub budget: Option<crate::domain::budget::BudgetSettings>,
    /// Station alert rules and thresholds.
    pub alerts: crate::domain::alerts::AlertSettings,
    /// Targets page: the rule proposing sand-and-dust days (`[dust]`).
    pub dust: crate::domain::dust::DustRule,
    /// Map page: base-layer files (GeoJSON or Shapefile) drawn under the stations, relative to the
    /// workspace when inside it.
    pub map_layers: Vec<PathBuf>,
    /// Duty roster file (值班表), relative to the workspace when inside it.
    pub roster: Option<PathBuf>,
    /// Daily AQI forecast file (AQI预报), relative to the workspace when inside it.
    pub aqi_forecast: Option<PathBuf>,
    // Targets page
    /// The user's own areas (groups of station codes) for the ranking on the target page; empty =
    /// every CNEMC city loaded.
    pub areas: Vec<crate::domain::area::Area>,
    // Supervision page
    /// Contact list file (通讯录), relative to the workspace when inside it.
    pub contacts: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Language::Zh,
            renderer: RendererSetting::Auto,
            theme: ThemeChoice::Light,
            projector_scale: 2.0,
            area: String::new(),
            stations: Vec::new(),
            data_files: Vec::new(),
            recent_files: Vec::new(),
            windows: Default::default(),
            outlook: Default::default(),
            drill_at: None,
            budget: None,
            alerts: crate::domain::alerts::AlertSettings::default(),
            dust: Default::default(),
            map_layers: Vec::new(),
            roster: None,
            aqi_forecast: None,
            areas: Vec::new(),
            contacts: None,
        }
    }
}

impl Settings {
    /// Read settings from TOML text.
    pub fn from_toml(text: &str) -> Result<Settings, toml::de::Error> {
        let mut s: Settings = toml::from_str(text)?;
        s.normalise();
        Ok(s)
    }

    /// The TOML text written to `settings.toml`.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string_pretty(self)
    }

    /// Put every field back into its valid range.
    pub fn normalise(&mut self) {
        let (lo, hi) = (*PROJECTOR_SCALE_RANGE.start(), *PROJECTOR_SCALE_RANGE.end());
        if !self.projector_scale.is_finite() {
            self.projector_scale = 2.0;
        }
        self.projector_scale = self.projector_scale.clamp(lo, hi);
        self.recent_files.truncate(MAX_RECENT_FILES);
        crate::domain::weather_view::clamp_window_settings(&mut self.windows);
        crate::domain::weather_view::clamp_outlook_settings(&mut self.outlook);
        self.dust = self.dust.clamped();
    }

    /// Put `path` at the top of the recent list.
    pub fn remember_recent(&mut self, path: PathBuf) {
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_partial_or_odd_files() {
        let mut s = Settings {
            language: Language::En,
            renderer: RendererSetting::Wgpu,
            area: "北京".into(),
            ..Settings::default()
        };
        s.remember_recent(PathBuf::from("/a.csv"));
        s.remember_recent(PathBuf::from("/b.csv"));
        s.remember_recent(PathBuf::from("/a.csv"));
        assert_eq!(
            s.recent_files,
            vec![PathBuf::from("/a.csv"), PathBuf::from("/b.csv")]
        );
        let text = s.to_toml().expect("serialise");
        assert_eq!(Settings::from_toml(&text).expect("parse"), s);

        let partial = Settings::from_toml("language = \"en\"\nprojector_scale = 99\nfuture = 1\n")
            .expect("parse");
        assert_eq!(partial.language, Language::En);
        assert_eq!(partial.projector_scale, 4.0);
        assert_eq!(partial.renderer, RendererSetting::Auto);
        assert!(Settings::from_toml("language = \"fr\"").is_err());
        // Weather thresholds: a partial section keeps the other defaults, odd values are clamped.
        let w =
            Settings::from_toml("[windows]\ncalm_wind_ms = 1.5\nwet_hour_mm = 0\n").expect("parse");
        assert_eq!(w.windows.calm_wind_ms, 1.5);
        assert_eq!(w.windows.wet_hour_mm, 0.1);
        assert_eq!(w.windows.humid_rh_pct, 60.0);
        assert_eq!(
            w.outlook,
            crate::domain::outlook::OutlookSettings::default()
        );
    }

    #[test]
    fn renderer_defaults_and_fallback() {
        assert_eq!(Renderer::Glow.other(), Renderer::Wgpu);
        assert_eq!(Renderer::Wgpu.other(), Renderer::Glow);
        assert_eq!(
            RendererSetting::Auto.resolve(),
            Renderer::platform_default()
        );
        assert_eq!(RendererSetting::Glow.resolve(), Renderer::Glow);
    }
}
