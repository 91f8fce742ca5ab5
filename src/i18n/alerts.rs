//! A station alert in words: the station, the hours, the values and the rule with its terms.

use crate::domain::alerts::{Alert, AlertTerms, BURST_AQI, NeighbourSet};
use crate::store::Hour;

use super::{Render, T, Tr};

impl Render for Alert {
    fn render(&self, tr: Tr) -> String {
        let when = |h: Hour| {
            h.to_local(self.utc_offset_s)
                .format("%m-%d %H:00")
                .to_string()
        };
        let span = if self.hour == self.last_hour {
            when(self.hour)
        } else {
            format!("{}–{}", when(self.hour), when(self.last_hour))
        };
        let station = tr.f(T::AlertStation, &[&self.station_name, &self.station_code]);
        let value = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.0}"));
        let hours = self.last_hour - self.hour + 1;
        match &self.terms {
            AlertTerms::Burst => tr.f(
                T::AlertBurstText,
                &[&station, &span, &value(self.value), &BURST_AQI, &hours],
            ),
            AlertTerms::AboveNeighbours {
                set,
                nearest,
                ratio,
                margin,
            } => {
                let set = match set {
                    NeighbourSet::Area => tr.t(T::AlertSetArea).to_owned(),
                    NeighbourSet::Nearest => tr.f(T::AlertSetNearest, &[nearest]),
                };
                let times = match (self.value, self.reference) {
                    (Some(v), Some(m)) => format!("{:.1}", v / m),
                    _ => "—".to_owned(),
                };
                tr.f(
                    T::AlertAboveText,
                    &[
                        &station,
                        &span,
                        &value(self.value),
                        &set,
                        &self.neighbours,
                        &value(self.reference),
                        &times,
                        ratio,
                        margin,
                        &hours,
                    ],
                )
            }
            AlertTerms::Silent {
                hours: rule_hours,
                last_seen,
            } => {
                let last = match (last_seen, self.value) {
                    (Some(h), Some(v)) => tr.f(T::AlertLastValue, &[&when(*h), &format!("{v:.0}")]),
                    (Some(h), None) => tr.f(T::AlertLastSeen, &[&when(*h)]),
                    (None, _) => String::new(),
                };
                tr.f(
                    T::AlertSilentText,
                    &[&station, &span, &hours, &last, rule_hours],
                )
            }
        }
    }
}
