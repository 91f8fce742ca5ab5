//! What part of a time chart is shown: the time window and the series switched off in the legend.
//! The widget changes it by zoom, pan and legend clicks; exports use it as given.

use std::collections::BTreeSet;

use super::geometry::{positive, within};
use super::timechart::TimeChart;

/// Shortest time window a zoom can reach, in hours.
pub const MIN_SPAN_HOURS: f64 = 6.0;

/// The visible time window and the hidden series of a time chart.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChartView {
    /// Visible window in hours on the store's grid; `None` shows everything.
    pub x: Option<(f64, f64)>,
    /// Keys of legend items switched off.
    pub hidden: BTreeSet<String>,
}

impl ChartView {
    /// A view showing `from..to` (hours on the store's grid).
    pub fn window(from: f64, to: f64) -> Self {
        ChartView {
            x: Some((from.min(to), from.max(to))),
            hidden: BTreeSet::new(),
        }
    }

    /// The window to draw: the chosen one, or the chart's whole extent.
    pub fn range(&self, chart: &TimeChart) -> (f64, f64) {
        match self.x {
            Some((a, b)) if b > a && a.is_finite() && b.is_finite() => (a, b),
            _ => full(chart),
        }
    }

    /// Zoom by `factor` (< 1 zooms in) keeping the time `anchor` where it is on screen.
    pub fn zoom(&mut self, chart: &TimeChart, factor: f64, anchor: f64) {
        if !positive(factor) || !factor.is_finite() {
            return;
        }
        let (a, b) = self.range(chart);
        let (e0, e1) = full(chart);
        let max_span = (e1 - e0).max(MIN_SPAN_HOURS) * 1.5;
        let span = within((b - a) * factor, MIN_SPAN_HOURS, max_span);
        let anchor = if anchor.is_finite() {
            anchor.clamp(a, b)
        } else {
            (a + b) / 2.0
        };
        let t = (anchor - a) / (b - a);
        let a2 = anchor - t * span;
        self.x = Some((a2, a2 + span));
        self.keep_data_in_view(chart);
    }

    /// Move the window by `hours` (positive moves later in time).
    pub fn pan(&mut self, chart: &TimeChart, hours: f64) {
        if !hours.is_finite() {
            return;
        }
        let (a, b) = self.range(chart);
        self.x = Some((a + hours, b + hours));
        self.keep_data_in_view(chart);
    }

    /// Show everything again.
    pub fn reset(&mut self) {
        self.x = None;
    }

    /// Switch a legend item on or off.
    pub fn toggle(&mut self, key: &str) {
        if !self.hidden.remove(key) {
            self.hidden.insert(key.to_string());
        }
    }

    /// Whether a legend item is switched off.
    pub fn is_hidden(&self, key: &str) -> bool {
        self.hidden.contains(key)
    }

    /// Keep at least a fifth of the window over the data so panning cannot lose it.
    fn keep_data_in_view(&mut self, chart: &TimeChart) {
        let Some((a, b)) = self.x else { return };
        let (e0, e1) = full(chart);
        let span = b - a;
        let keep = span * 0.2;
        let shift = if b < e0 + keep {
            e0 + keep - b
        } else if a > e1 - keep {
            e1 - keep - a
        } else {
            0.0
        };
        self.x = Some((a + shift, b + shift));
    }
}

fn full(chart: &TimeChart) -> (f64, f64) {
    match chart.extent() {
        Some((a, b)) if b - a >= 1.0 => (a, b),
        Some((a, _)) => (a - 12.0, a + 12.0),
        None => (0.0, 24.0),
    }
}
