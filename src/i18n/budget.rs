//! The season budget's conventions in words: how values are rounded, what a heavy day is.

use crate::domain::budget::{HeavyBasis, RoundMode, Rounding, TargetRounding};

use super::{Render, T, Tr};

impl Tr {
    fn round_mode(self, m: RoundMode) -> &'static str {
        self.t(match m {
            RoundMode::HalfEven => T::RoundedHalfEven,
            RoundMode::HalfUp => T::RoundedHalfUp,
            RoundMode::Exact => T::RoundedExact,
        })
    }
}

impl Render for Rounding {
    /// The convention in one sentence (stated with every budget, on the page and in the JSON).
    fn render(&self, tr: Tr) -> String {
        let target = tr.t(match self.target {
            TargetRounding::Floor => T::RoundTargetFloor,
            TargetRounding::Nearest => T::RoundTargetNearest,
            TargetRounding::Exact => T::RoundTargetExact,
        });
        tr.f(
            T::RoundingSentence,
            &[
                &tr.round_mode(self.daily),
                &tr.round_mode(self.mean),
                &target,
            ],
        )
    }
}

impl Render for HeavyBasis {
    /// What a heavy day means for the count.
    fn render(&self, tr: Tr) -> String {
        tr.t(match self {
            HeavyBasis::DailyAqi => T::HeavyBasisDailyAqi,
            HeavyBasis::Pm25 => T::HeavyBasisPm25,
        })
        .to_owned()
    }
}
