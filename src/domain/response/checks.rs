//! Verification (核查) and spot checks (抽查) of items a unit reported done: the desk draws a
//! random sample of done items from a seed it records (so anyone can draw it again from the
//! journal), and records each check's result — 属实 (confirmed) or 不属实 (not confirmed). A check
//! that fails reopens the item as a problem to rectify and counts against its unit. The
//! supervision groups' (督导组) daily reports are entered as checks too.
//!
//! A check is an event of its own (`checklist.checked`), beside the unit's reports; a sample is
//! `checks.sampled` with its seed, the pool it was drawn from and the items drawn.

use chrono::{DateTime, FixedOffset};
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use super::checklist::{EvidenceFile, ItemKey};
use super::event::EpisodeKind;
use super::state::{Episode, Stamp};

/// How a check came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckSource {
    /// The desk verified one item (核查), e.g. by calling or visiting.
    Verification,
    /// Drawn in a spot-check sample (抽查).
    SpotCheck,
    /// A supervision group's daily report (督导组日报).
    Supervision,
}

impl CheckSource {
    /// All sources, for forms and the CLI.
    pub const ALL: [CheckSource; 3] = [
        CheckSource::Verification,
        CheckSource::SpotCheck,
        CheckSource::Supervision,
    ];
}

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    /// 属实: the measure is in place as reported.
    Confirmed,
    /// 不属实: it is not; the item is reopened as a problem to rectify.
    NotConfirmed,
}

/// Draw a spot-check sample of the done items of the latest episode, or of a campaign run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleInput {
    /// The seed the draw starts from (the caller picks it, e.g. from the clock; it is recorded).
    pub seed: u64,
    /// How many items to draw (at most the pool's size).
    pub size: u32,
    /// The campaign run to draw from; `None`: the latest warning episode.
    #[serde(default)]
    pub campaign: Option<u32>,
}

/// Record the result of a check on one done item of the latest episode, or of a campaign run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckInput {
    /// Which item.
    pub item: ItemKey,
    /// Verification, spot check or supervision report.
    pub source: CheckSource,
    /// The supervision group (督导组) or inspector, required for a supervision report.
    pub by: String,
    /// The sample the item was drawn in, for a spot check.
    pub sample: Option<u32>,
    /// What the check found.
    pub result: CheckResult,
    /// What was seen; required when the check fails.
    pub note: String,
    /// When the check was made on site, when it differs from the moment of recording.
    pub checked_at: Option<DateTime<FixedOffset>>,
    /// A photo or record of the check, stored in the evidence store.
    pub evidence: Option<EvidenceFile>,
    /// The campaign run the item belongs to; `None`: the latest warning episode.
    #[serde(default)]
    pub campaign: Option<u32>,
}

/// `checks.sampled`: a spot-check sample drawn. `items` is [`draw`]`(pool, size, seed)`; the fold
/// draws it again and refuses an event whose items differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleDrawn {
    /// Episode number (of the kind `of`).
    pub episode: u32,
    /// Whether `episode` numbers a warning episode or a campaign run (journals before campaign
    /// checks have none: a warning episode).
    #[serde(default, skip_serializing_if = "EpisodeKind::is_warning")]
    pub of: EpisodeKind,
    /// Sample number in the episode (1, 2, …).
    pub number: u32,
    /// The seed.
    pub seed: u64,
    /// The done items it was drawn from, in checklist order.
    pub pool: Vec<ItemKey>,
    /// The items drawn, in checklist order.
    pub items: Vec<ItemKey>,
}

/// `checklist.checked`: the result of a check on one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemChecked {
    /// Episode number (of the kind `of`).
    pub episode: u32,
    /// Whether `episode` numbers a warning episode or a campaign run (journals before campaign
    /// checks have none: a warning episode).
    #[serde(default, skip_serializing_if = "EpisodeKind::is_warning")]
    pub of: EpisodeKind,
    /// Which item.
    pub item: ItemKey,
    /// How the check came about.
    pub source: CheckSource,
    /// Supervision group or inspector (may be empty).
    pub by: String,
    /// The sample it was drawn in, for a spot check.
    pub sample: Option<u32>,
    /// What it found.
    pub result: CheckResult,
    /// What was seen.
    pub note: String,
    /// When the check was made, when stated apart from the moment of recording.
    pub checked_at: Option<DateTime<FixedOffset>>,
    /// A photo or record of the check.
    pub evidence: Option<EvidenceFile>,
}

/// A sample as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// What was drawn.
    pub drawn: SampleDrawn,
    /// Who drew it, when.
    pub stamp: Stamp,
}

/// A check as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// What was found.
    pub record: ItemChecked,
    /// Who recorded it, when.
    pub stamp: Stamp,
}

impl Check {
    /// When the check was made: the time stated, else the moment of recording.
    pub fn at(&self) -> DateTime<FixedOffset> {
        self.record.checked_at.unwrap_or(self.stamp.at)
    }
}

/// A unit's checks over a period: what the 通报 names and the ledger counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitChecks {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Checks made on its items.
    pub checks: usize,
    /// Checks that found the item not as reported (不属实).
    pub failed: usize,
}

impl UnitChecks {
    /// Checks and failed checks per unit, units in the order of their first check; `checks`
    /// come with the warning episode or campaign run they were made in (which names the unit).
    pub fn tally<'a>(checks: impl IntoIterator<Item = (&'a Episode, &'a Check)>) -> Vec<Self> {
        let mut out: Vec<UnitChecks> = Vec::new();
        for (e, c) in checks {
            let unit = &c.record.item.unit;
            let pos = match out.iter().position(|u| &u.unit == unit) {
                Some(p) => p,
                None => {
                    let name = e
                        .item(&c.record.item)
                        .map_or(unit.as_str(), |i| i.spec.unit_name.as_str());
                    out.push(UnitChecks {
                        unit: unit.clone(),
                        unit_name: name.to_owned(),
                        checks: 0,
                        failed: 0,
                    });
                    out.len() - 1
                }
            };
            out[pos].checks += 1;
            out[pos].failed += usize::from(c.record.result == CheckResult::NotConfirmed);
        }
        out
    }
}

/// The items drawn from `pool` with `seed`: `size` of them (all when the pool is smaller), in
/// pool order. The same pool, size and seed always give the same items (rand's index sampling
/// over PCG-64, which rand_pcg keeps value-stable).
pub fn draw(pool: &[ItemKey], size: u32, seed: u64) -> Vec<ItemKey> {
    let amount = (size as usize).min(pool.len());
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let mut picked = rand::seq::index::sample(&mut rng, pool.len(), amount).into_vec();
    picked.sort_unstable();
    picked.into_iter().map(|i| pool[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> Vec<ItemKey> {
        (0..n)
            .map(|i| ItemKey::new(&format!("M{i}"), "u"))
            .collect()
    }

    #[test]
    fn the_same_seed_draws_the_same_items_in_pool_order() {
        let p = pool(40);
        let a = draw(&p, 5, 20261206);
        assert_eq!(a.len(), 5);
        assert_eq!(a, draw(&p, 5, 20261206));
        let positions: Vec<usize> = a
            .iter()
            .map(|k| p.iter().position(|q| q == k).expect("from the pool"))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        // Another seed draws another sample (of 658008 possible, the same one by chance is
        // far less likely than a broken seed).
        assert_ne!(a, draw(&p, 5, 20261207));
    }

    #[test]
    fn a_sample_larger_than_the_pool_takes_the_pool() {
        let p = pool(3);
        assert_eq!(draw(&p, 10, 1), p);
        assert!(draw(&[], 4, 1).is_empty());
        assert!(draw(&p, 0, 1).is_empty());
    }
}
