//! The advisor's reasons in words. A reason names levels as the plan words them, so rendering
//! takes the plan along.

use crate::domain::advisor::{Advice, Basis, MetCondition, Reason, Step};
use crate::domain::plan::{Level, Plan, RangePoint};

use super::{Language, Render, T, Tr, list_separator};

/// An AQI value as reasons print it: whole numbers.
fn aqi(v: &f32) -> String {
    format!("{:.0}", v.round())
}

impl Tr {
    /// Every reason of `advice`, most important first.
    pub fn reasons(self, advice: &Advice, plan: &Plan) -> Vec<String> {
        advice
            .reasons
            .iter()
            .map(|r| self.reason(r, plan))
            .collect()
    }

    /// One reason in words: the reasons about the episode ahead, then those about a warning in
    /// force (kept, lowered, paused, lifted).
    pub fn reason(self, reason: &Reason, plan: &Plan) -> String {
        self.episode_reason(reason, plan)
            .unwrap_or_else(|| self.in_force_reason(reason, plan))
    }

    /// A level as the plan words it.
    fn level_of(self, plan: &Plan, level: Level) -> String {
        self.plan_level(plan, level).to_owned()
    }

    /// A reason about the forecast, the triggers and the episode they make; `None` for the
    /// reasons about a warning in force.
    fn episode_reason(self, reason: &Reason, plan: &Plan) -> Option<String> {
        let level = |l: &Level| self.level_of(plan, *l);
        let at = |t| self.short_moment(t);
        use Reason as R;
        Some(match reason {
            R::NoForecastAhead => self.t(T::RsNoForecastAhead).into(),
            R::BeyondHorizon { count, max_days } => self.f(T::RsBeyondHorizon, &[count, max_days]),
            R::StaleForecast { issued, hours } => self.f(T::RsStaleForecast, &[&at(issued), hours]),
            R::Trigger {
                basis,
                conditions,
                level: l,
                plan_text,
            } => self.trigger(*basis, conditions, &level(l), plan_text),
            R::LeadTime {
                step,
                hours,
                by,
                late,
            } => self.lead_time(*step, *hours, &at(by), *late),
            R::Nowcast { .. } | R::MeasuredHeavy { .. } => self.measured_now(reason)?,
            R::UpgradeLater { date, level: l } => {
                self.f(T::RsUpgradeLater, &[&self.date(*date), &level(l)])
            }
            R::StartsAtStrictest { date, level: l } => {
                self.f(T::RsStartsAtStrictest, &[&self.date(*date), &level(l)])
            }
            R::JoinedEpisodes { days, below_hours } => {
                self.f(T::RsJoinedEpisodes, &[&self.span(*days), below_hours])
            }
            R::LongEpisodeRange {
                days,
                min_days,
                above,
                point,
            } => self.f(
                T::RsLongEpisodeRange,
                &[
                    &self.span(*days),
                    min_days,
                    &aqi(above),
                    &self.point(*point),
                ],
            ),
            R::OtherDaysRange { point } => self.f(T::RsOtherDaysRange, &[&self.point(*point)]),
            R::AdvisoryDays { days } => self.f(T::RsAdvisoryDays, &[&self.span(*days)]),
            R::AdvisoryEpisode {
                days,
                causes,
                lowest,
                level: l,
            } => {
                let names: Vec<&str> = causes.iter().map(|p| self.primary(*p)).collect();
                let names = names.join(list_separator(self));
                self.f(
                    T::RsAdvisoryEpisode,
                    &[&self.span(*days), &names, &level(lowest), &level(l)],
                )
            }
            R::Window { from, to, window } => {
                self.f(T::RsWindow, &[&at(from), &at(to), &window.render(self)])
            }
            R::AnotherEpisodeLater { date, level: l } => {
                self.f(T::RsAnotherEpisodeLater, &[&self.date(*date), &level(l)])
            }
            R::UnendedAtForecastEnd { last } => self.f(T::RsUnended, &[&self.date(*last)]),
            R::TemporaryPossible { lowest } => self.f(T::RsTemporaryPossible, &[&level(lowest)]),
            R::NothingForecast { days } => self.f(T::RsNothingForecast, &[&self.span(*days)]),
            R::UpgradeForecast { from, to } => {
                self.f(T::RsUpgradeForecast, &[&level(from), &level(to)])
            }
            _ => return None,
        })
    }

    /// The lead time a step needs: "需提前24小时发布，最迟12月8日20时".
    fn lead_time(self, step: Step, hours: i64, by: &str, late: bool) -> String {
        let verb = self.t(match step {
            Step::Issue => T::RsStepIssue,
            Step::Upgrade => T::RsStepUpgrade,
            Step::Resume => T::RsStepResume,
        });
        let key = if late {
            T::RsLeadTimeLate
        } else {
            T::RsLeadTime
        };
        self.f(key, &[&hours, &verb, &by])
    }

    /// What the monitors measure now (the nowcast, a heavy hour); `None` for other reasons.
    fn measured_now(self, reason: &Reason) -> Option<String> {
        let at = |t| self.short_moment(t);
        Some(match reason {
            Reason::Nowcast {
                hours,
                above,
                at: t,
                value,
                no_improvement_hours,
            } => self.f(
                T::RsNowcast,
                &[
                    hours,
                    &aqi(above),
                    &at(t),
                    &aqi(value),
                    no_improvement_hours,
                ],
            ),
            Reason::MeasuredHeavy {
                at: t,
                value,
                improving,
            } => {
                let why = self.t(if *improving {
                    T::RsHeavyImproving
                } else {
                    T::RsHeavyUnknown
                });
                self.f(T::RsMeasuredHeavy, &[&at(t), &aqi(value), &why])
            }
            _ => return None,
        })
    }

    /// A reason about a warning in force: keep it, lower it, pause it, lift it, resume it.
    fn in_force_reason(self, reason: &Reason, plan: &Plan) -> String {
        let level = |l: &Level| self.level_of(plan, *l);
        let at = |t| self.short_moment(t);
        use Reason as R;
        match reason {
            R::FollowsRegional { source, level: l } => {
                self.f(T::RsFollowsRegional, &[source, &self.level(*l)])
            }
            R::LiftExpected {
                at: t,
                lowest,
                below_hours,
            } => self.f(T::RsLiftExpected, &[&at(t), &level(lowest), below_hours]),
            R::LiftUndecided { below_hours } => self.f(T::RsLiftUndecided, &[below_hours]),
            R::DowngradeTo { from, to } => self.f(T::RsDowngradeTo, &[&level(from), &level(to)]),
            R::KeepInForce { level: l, since } => {
                self.f(T::RsKeepInForce, &[&level(l), &at(since)])
            }
            R::Measured {
                value,
                at: t,
                limit,
            } => {
                let key = if value > limit {
                    T::RsMeasuredAbove
                } else {
                    T::RsMeasuredBelow
                };
                self.f(key, &[&aqi(value), &at(t), &aqi(limit)])
            }
            R::NoRecentMeasurement => self.t(T::RsNoRecentMeasurement).into(),
            R::LiftPossible {
                level: l,
                lowest,
                below_hours,
            } => self.f(T::RsLiftPossible, &[&level(l), &level(lowest), below_hours]),
            R::ReturnsLater { date, level: l } => {
                self.f(T::RsReturnsLater, &[&self.date(*date), &level(l)])
            }
            R::ForecastBelow {
                lowest,
                below_hours,
            } => self.f(T::RsForecastBelow, &[&level(lowest), below_hours]),
            R::KeepUntilMeasuredImproves { level: l } => {
                self.f(T::RsKeepUntilMeasured, &[&level(l)])
            }
            R::KeepUnconfirmed {
                level: l,
                lowest,
                below_hours,
            } => self.f(
                T::RsKeepUnconfirmed,
                &[&level(l), &level(lowest), below_hours],
            ),
            R::PauseSpell {
                lowest,
                hours,
                resume,
                below_hours,
            } => self.f(
                T::RsPauseSpell,
                &[&level(lowest), hours, &at(resume), below_hours],
            ),
            R::KeepThroughGap {
                level: l,
                lowest,
                resume,
                below_hours,
            } => {
                let resume = resume.as_ref().map(at).unwrap_or_default();
                self.f(
                    T::RsKeepThroughGap,
                    &[&level(lowest), &resume, below_hours, &level(l)],
                )
            }
            R::FuturePause { days } => self.f(T::RsFuturePause, &[&self.span(*days)]),
            R::ResumeForecast {
                level: l,
                since,
                to,
            } => {
                let key = if to == l {
                    T::RsResumeSame
                } else {
                    T::RsResumeAt
                };
                self.f(key, &[&level(l), &at(since), &level(to)])
            }
            // `episode_reason` renders these (listed, so a new reason cannot go unrendered).
            R::NoForecastAhead
            | R::BeyondHorizon { .. }
            | R::StaleForecast { .. }
            | R::Trigger { .. }
            | R::LeadTime { .. }
            | R::Nowcast { .. }
            | R::MeasuredHeavy { .. }
            | R::UpgradeLater { .. }
            | R::StartsAtStrictest { .. }
            | R::JoinedEpisodes { .. }
            | R::LongEpisodeRange { .. }
            | R::OtherDaysRange { .. }
            | R::AdvisoryDays { .. }
            | R::AdvisoryEpisode { .. }
            | R::Window { .. }
            | R::AnotherEpisodeLater { .. }
            | R::UnendedAtForecastEnd { .. }
            | R::TemporaryPossible { .. }
            | R::NothingForecast { .. }
            | R::UpgradeForecast { .. } => self.episode_reason(reason, plan).unwrap_or_default(),
        }
    }

    /// A trigger met: "预测12月8日至10日日AQI>200持续72小时，且12月9日>300 → 红色预警".
    fn trigger(
        self,
        basis: Basis,
        conditions: &[MetCondition],
        level: &str,
        plan_text: &str,
    ) -> String {
        let mut s = self.f(
            T::RsTriggerHead,
            &[&self.t(match basis {
                Basis::Forecast => T::RsBasisForecast,
                Basis::Measured => T::RsBasisMeasured,
                Basis::Both => T::RsBasisBoth,
            })],
        );
        for (k, c) in conditions.iter().enumerate() {
            let key = if k == 0 {
                T::RsTriggerFirst
            } else {
                T::RsTriggerMore
            };
            s.push_str(&self.f(key, &[&self.span(c.days), &c.threshold]));
            if let Some(h) = c.hours {
                s.push_str(&self.f(T::RsTriggerHours, &[&h]));
            }
        }
        s.push_str(&self.f(T::RsTriggerLevel, &[&level]));
        // The plan's own text is Chinese: quoted in Chinese only.
        if self.0 == Language::Zh && !plan_text.is_empty() {
            s.push_str(&self.f(T::RsTriggerPlanText, &[&plan_text]));
        }
        s
    }

    /// The point of a forecast range a day is judged by (上限 / upper bound).
    pub fn point(self, p: RangePoint) -> &'static str {
        self.t(match p {
            RangePoint::Upper => T::RsPointUpper,
            RangePoint::Mid => T::RsPointMid,
            RangePoint::Lower => T::RsPointLower,
        })
    }
}
