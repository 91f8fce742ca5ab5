//! The emission-reduction list (应急减排清单, DOMAIN.md §2.3–2.4): every listed enterprise with
//! its performance grade, production lines, base emissions and per-level measures and reductions;
//! the quantified check of the list against the plan's required share of the whole-society base;
//! and staggered production as a standing measure. Pure: the list is read by
//! `ingest::reduction_list`, the base and required percents come from the plan.

mod amounts;
mod check;
mod list;
mod staggered;

pub use amounts::{Amounts, PerPollutant, Pollutant};
pub use check::{
    Base, LevelCheck, Share, check_all, check_level, checked_levels, default_required_percent,
    required_percent, share_by_grade, share_by_industry,
};
pub use list::{Enterprise, LIST_LEVELS, Line, ListFile, ListRef, ReductionList, list_level_index};
pub use staggered::{MonthDay, StaggeredRule, Standing, standing};
