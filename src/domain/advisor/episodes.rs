//! From daily values to episodes: which trigger of which level each run of days meets, the level
//! of every day, and episodes (runs of warning days, joined across gaps too short to lift).

use crate::domain::plan::{Condition, Level, Plan, Trigger};

/// Inclusive index range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub first: usize,
    pub last: usize,
}

impl Span {
    pub fn len(self) -> usize {
        self.last - self.first + 1
    }

    pub fn contains(self, i: usize) -> bool {
        (self.first..=self.last).contains(&i)
    }
}

/// One trigger met: the level, which trigger, the base run (the episode) and, per condition, the
/// run that met it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Match {
    pub level: Level,
    pub trigger: usize,
    pub span: Span,
    pub parts: Vec<Span>,
}

/// Maximal runs of consecutive days meeting `c` (holes break runs).
fn runs(values: &[Option<f32>], c: &Condition) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, v) in values.iter().enumerate() {
        match (v.is_some_and(|v| c.holds(v)), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span {
                    first: s,
                    last: i - 1,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span {
            first: s,
            last: values.len() - 1,
        });
    }
    out
}

/// The longest run of `c` inside `within` (any run when `within` is `None`) that reaches day
/// `today`, if long enough.
fn longest(
    values: &[Option<f32>],
    c: &Condition,
    within: Option<Span>,
    today: usize,
) -> Option<Span> {
    runs(values, c)
        .into_iter()
        .filter(|r| within.is_none_or(|w| w.contains(r.first) && w.contains(r.last)))
        .filter(|r| r.len() >= c.days() && r.last >= today)
        .max_by_key(|r| (r.len(), std::cmp::Reverse(r.first)))
}

/// Every place where `trigger` is met with each condition's run reaching day `today`: measured
/// days may lengthen a run that goes on, but a condition met only in the past does not count.
fn trigger_matches(
    values: &[Option<f32>],
    trigger: &Trigger,
    today: usize,
) -> Vec<(Span, Vec<Span>)> {
    let Some(base) = trigger.base() else {
        return Vec::new();
    };
    runs(values, base)
        .into_iter()
        .filter(|r| r.len() >= base.days() && r.last >= today)
        .filter_map(|r| {
            let within = trigger.same_run.then_some(r);
            let mut parts = vec![r];
            for c in &trigger.conditions[1..] {
                parts.push(longest(values, c, within, today)?);
            }
            Some((r, parts))
        })
        .collect()
}

/// Every trigger of every level of the plan met by `values` and still going on at day `today`.
pub(crate) fn find_matches(plan: &Plan, values: &[Option<f32>], today: usize) -> Vec<Match> {
    let mut out = Vec::new();
    for l in &plan.levels {
        for (t, trigger) in l.triggers.iter().enumerate() {
            for (span, parts) in trigger_matches(values, trigger, today) {
                out.push(Match {
                    level: l.level,
                    trigger: t,
                    span,
                    parts,
                });
            }
        }
    }
    out
}

/// The level of each day: the highest level of the matches it is part of.
pub(crate) fn day_levels(matches: &[Match], n: usize) -> Vec<Level> {
    let mut levels = vec![Level::None; n];
    for m in matches {
        for l in &mut levels[m.span.first..=m.span.last] {
            *l = (*l).max(m.level);
        }
    }
    levels
}

/// A stretch of days at one level inside an episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StageSpan {
    pub level: Level,
    pub span: Span,
}

/// Days at or above a level, joined across short gaps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Episode {
    pub span: Span,
    /// The strictest level of any day.
    pub level: Level,
    /// Stretches of equal level, gaps left out.
    pub stages: Vec<StageSpan>,
    /// How many separate runs were joined into this episode.
    pub pieces: usize,
}

impl Episode {
    /// The level in force on day `i` when stages are followed: the stage containing `i`, else
    /// the next stage to come (a gap day keeps the previous stage's level).
    pub fn stage_level_at(&self, i: usize) -> Level {
        let mut level = self.stages.first().map_or(Level::None, |s| s.level);
        for s in &self.stages {
            if s.span.first <= i {
                level = s.level;
            }
        }
        level
    }
}

/// Episodes of days with level ≥ `min`; runs separated by at most `max_gap_days` days below
/// `min` are one episode.
pub(crate) fn episodes(levels: &[Level], min: Level, max_gap_days: usize) -> Vec<Episode> {
    let mut out: Vec<Episode> = Vec::new();
    let mut i = 0;
    while i < levels.len() {
        if levels[i] < min {
            i += 1;
            continue;
        }
        let first = i;
        while i < levels.len() && levels[i] >= min {
            i += 1;
        }
        let run = Span { first, last: i - 1 };
        let joins = out
            .last()
            .is_some_and(|e| run.first - e.span.last - 1 <= max_gap_days);
        match out.last_mut() {
            Some(e) if joins => {
                e.span.last = run.last;
                e.pieces += 1;
            }
            _ => out.push(Episode {
                span: run,
                level: min,
                stages: Vec::new(),
                pieces: 1,
            }),
        }
    }
    for e in &mut out {
        e.level = levels[e.span.first..=e.span.last]
            .iter()
            .copied()
            .max()
            .unwrap_or(min);
        let mut stages: Vec<StageSpan> = Vec::new();
        for (i, &l) in levels
            .iter()
            .enumerate()
            .take(e.span.last + 1)
            .skip(e.span.first)
        {
            if l < min {
                continue;
            }
            match stages.last_mut() {
                Some(s) if s.level == l && s.span.last + 1 == i => s.span.last = i,
                _ => stages.push(StageSpan {
                    level: l,
                    span: Span { first: i, last: i },
                }),
            }
        }
        e.stages = stages;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(threshold: f32, hours: u32) -> Condition {
        Condition {
            threshold,
            inclusive: false,
            hours,
        }
    }

    fn vals(v: &[f32]) -> Vec<Option<f32>> {
        v.iter().map(|&x| (x >= 0.0).then_some(x)).collect()
    }

    #[test]
    fn runs_break_at_holes_and_low_days() {
        let v = vals(&[210.0, 220.0, -1.0, 230.0, 100.0, 250.0, 260.0]);
        let r = runs(&v, &cond(200.0, 24));
        assert_eq!(
            r,
            [
                Span { first: 0, last: 1 },
                Span { first: 3, last: 3 },
                Span { first: 5, last: 6 }
            ]
        );
    }

    #[test]
    fn same_run_decides_whether_a_distant_peak_counts() {
        let v = vals(&[210.0, 220.0, 230.0, 100.0, 320.0]);
        let mut t = Trigger {
            text: String::new(),
            conditions: vec![cond(200.0, 72), cond(300.0, 24)],
            same_run: true,
            line: 0,
        };
        assert!(trigger_matches(&v, &t, 0).is_empty());
        t.same_run = false;
        let m = trigger_matches(&v, &t, 0);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].0, Span { first: 0, last: 2 });
        assert_eq!(m[0].1[1], Span { first: 4, last: 4 });
    }

    #[test]
    fn a_condition_met_only_before_today_does_not_count() {
        // > 300 on day 1 only; today is day 2: the run > 200 goes on, the peak is past.
        let v = vals(&[220.0, 320.0, 230.0, 240.0]);
        let t = Trigger {
            text: String::new(),
            conditions: vec![cond(200.0, 72), cond(300.0, 24)],
            same_run: true,
            line: 0,
        };
        assert_eq!(trigger_matches(&v, &t, 1).len(), 1);
        assert!(trigger_matches(&v, &t, 2).is_empty());
        // A run that ended before today does not count at all.
        let y = Trigger {
            conditions: vec![cond(200.0, 24)],
            ..t
        };
        let v = vals(&[220.0, 100.0, 100.0]);
        assert!(trigger_matches(&v, &y, 1).is_empty());
        assert_eq!(trigger_matches(&v, &y, 0).len(), 1);
    }

    #[test]
    fn short_gaps_join_episodes_at_the_stricter_level() {
        use Level::*;
        let levels = [None, Yellow, None, Red, Red, None, None, Yellow];
        let e = episodes(&levels, Yellow, 1);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].span, Span { first: 1, last: 4 });
        assert_eq!(e[0].level, Red);
        assert_eq!(e[0].pieces, 2);
        assert_eq!(e[0].stages.len(), 2);
        assert_eq!(e[0].stage_level_at(1), Yellow);
        assert_eq!(e[0].stage_level_at(2), Yellow);
        assert_eq!(e[0].stage_level_at(3), Red);
        assert_eq!(e[1].span, Span { first: 7, last: 7 });
        let e = episodes(&levels, Yellow, 0);
        assert_eq!(e.len(), 3);
    }
}
