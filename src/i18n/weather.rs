//! The weather analysis in words: an unfavourable-weather window (what held, what could not be
//! judged) and a day's heavy-pollution outlook (risk, expected PM2.5 and what moved it).

use crate::domain::advisor::WeatherWindow;
use crate::domain::outlook::{DayOutlook, Missing, Term};
use crate::domain::windows::{Condition, Window};

use super::{Render, T, Tr, list_separator};

impl Tr {
    /// Why a day's outlook could not use an input.
    pub fn missing(self, m: Missing) -> &'static str {
        self.t(match m {
            Missing::PreviousPm25 => T::MissingPreviousPm25,
            Missing::Background => T::MissingBackground,
            Missing::Stagnation => T::MissingStagnation,
            Missing::DewPoint => T::MissingDewPoint,
            Missing::Pressure => T::MissingPressure,
            Missing::Condition(c) => return self.condition(c),
        })
    }

    /// "N 小时不利时段：静小风、高湿；无法判断：逆温（缺少数据）".
    fn window_words(self, hours: i64, held: &[Condition], not_judged: &[Condition]) -> String {
        let names = |cs: &[Condition]| {
            let v: Vec<&str> = cs.iter().map(|c| self.condition(*c)).collect();
            v.join(list_separator(self))
        };
        let mut s = self.f(T::WindowHeld, &[&hours, &names(held)]);
        if !not_judged.is_empty() {
            s.push_str(&self.f(T::WindowNotJudged, &[&names(not_judged)]));
        }
        s
    }
}

impl Render for Window {
    /// One line: what held, and what could not be judged.
    fn render(&self, tr: Tr) -> String {
        tr.window_words(self.hours(), &self.dominant(), &self.not_judged)
    }
}

impl Render for WeatherWindow {
    fn render(&self, tr: Tr) -> String {
        tr.window_words(self.end - self.start, &self.held, &self.not_judged)
    }
}

impl Render for DayOutlook {
    /// One line: the risk, the expected PM2.5 and AQI, and what moved them.
    fn render(&self, tr: Tr) -> String {
        let mut parts = vec![tr.f(
            T::OutlookHead,
            &[
                &self.date,
                &tr.risk(self.risk),
                &format!("{:.0}", 100.0 * self.heavy_probability),
                &format!("{:.0}", self.expected_pm25),
                &format!("{:.0}", self.pm25_range.0),
                &format!("{:.0}", self.pm25_range.1),
                &self.aqi_range.0,
                &self.aqi_range.1,
            ],
        )];
        for c in &self.contributions {
            let pct = format!("{:+.0}", (c.factor - 1.0) * 100.0);
            parts.push(match c.term {
                Term::Persistence { previous_pm25, .. } => tr.f(
                    T::OutlookPersistence,
                    &[&format!("{previous_pm25:.0}"), &pct],
                ),
                Term::Stagnation { share } => tr.f(
                    T::OutlookStagnation,
                    &[&format!("{:.0}", share * 100.0), &pct],
                ),
                Term::DewPointChange { change_c } => {
                    tr.f(T::OutlookDewPoint, &[&format!("{change_c:+.1}"), &pct])
                }
                Term::PressureChange { change_hpa } => {
                    tr.f(T::OutlookPressure, &[&format!("{change_hpa:+.1}"), &pct])
                }
            });
        }
        if self.cold_front {
            parts.push(tr.t(T::OutlookColdFront).into());
        }
        if self.wet_hours > 0 {
            parts.push(tr.f(T::OutlookWetHours, &[&self.wet_hours]));
        }
        if !self.missing.is_empty() {
            let m: Vec<&str> = self.missing.iter().map(|m| tr.missing(*m)).collect();
            parts.push(tr.f(T::OutlookNotJudged, &[&m.join(list_separator(tr))]));
        }
        parts.join(tr.t(T::PartsSeparator))
    }
}
