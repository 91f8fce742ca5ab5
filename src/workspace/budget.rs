//! The `[budget]` section of `settings.toml`: the target page's season, baseline, target, heavy-day
//! target, rounding convention and the user's own areas for the ranking.

use chrono::{Datelike, NaiveDate};

use crate::domain::area::Area;
use crate::domain::budget::{BudgetError, BudgetSettings, Rounding, Season, TargetForm};

/// What the user set for target accounting (目标核算). Every field may be missing from the file;
/// the page then asks for it (target) or uses the default (season: the campaign of the as-of day).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct BudgetConfig {
    /// The campaign period; `None` = 1 October – 31 March around the app's "now".
    pub season: Option<Season>,
    /// Last year's same-period mean PM2.5, µg/m³ (needed for a % target and year-on-year).
    pub baseline: Option<f64>,
    /// The target: an absolute season mean or a % decrease on the baseline; `None` = not set yet.
    pub target: Option<TargetForm>,
    /// Heavy-pollution days allowed this season.
    pub heavy_target: Option<u32>,
    /// How daily means, the season mean and the target are rounded.
    pub rounding: Rounding,
    /// The user's own areas (groups of station codes) to rank; empty = every CNEMC city loaded.
    pub areas: Vec<Area>,
}

/// Why the budget cannot be computed from the settings.
#[derive(Debug, Clone, PartialEq)]
pub enum BudgetConfigProblem {
    /// No target has been set.
    NoTarget,
    /// A value is out of range or inconsistent.
    Invalid(BudgetError),
}

impl BudgetConfig {
    /// The season in use on `today`: the configured one, else the campaign containing `today`
    /// (between April and September: the campaign that ended on 31 March). `None` only at the
    /// ends of the calendar.
    pub fn season_for(&self, today: NaiveDate) -> Option<Season> {
        self.season
            .or_else(|| Season::campaign_containing(today))
            .or_else(|| Season::campaign(today.year() - 1))
    }

    /// The checked budget settings for `today`.
    pub fn settings(&self, today: NaiveDate) -> Result<BudgetSettings, BudgetConfigProblem> {
        let target = self.target.ok_or(BudgetConfigProblem::NoTarget)?;
        let season = self.season_for(today).ok_or(BudgetConfigProblem::Invalid(
            BudgetError::SeasonFormat(today.to_string()),
        ))?;
        let s = BudgetSettings {
            season,
            baseline: self.baseline,
            target,
            heavy_target: self.heavy_target,
            rounding: self.rounding,
        };
        s.target_mean().map_err(BudgetConfigProblem::Invalid)?;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Settings;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn default_season_follows_today_and_a_target_is_required() {
        let c = BudgetConfig::default();
        assert_eq!(c.season_for(date(2019, 12, 10)), Season::campaign(2019));
        assert_eq!(c.season_for(date(2020, 2, 10)), Season::campaign(2019));
        assert_eq!(c.season_for(date(2020, 6, 1)), Season::campaign(2019));
        assert_eq!(
            c.settings(date(2019, 12, 10)),
            Err(BudgetConfigProblem::NoTarget)
        );
        let pct_without_baseline = BudgetConfig {
            target: Some(TargetForm::DecreasePercent(4.0)),
            ..BudgetConfig::default()
        };
        assert_eq!(
            pct_without_baseline.settings(date(2019, 12, 10)),
            Err(BudgetConfigProblem::Invalid(BudgetError::NoBaseline))
        );
    }

    #[test]
    fn round_trips_through_settings_toml() {
        let s = Settings {
            budget: BudgetConfig {
                season: Some(Season::campaign(2019).expect("s")),
                baseline: Some(70.0),
                target: Some(TargetForm::DecreasePercent(4.0)),
                heavy_target: Some(10),
                rounding: Rounding::default(),
                areas: vec![Area {
                    name: "主城区".into(),
                    stations: vec!["1029A".into(), "1030A".into()],
                }],
            },
            ..Settings::default()
        };
        let text = s.to_toml().expect("toml");
        assert_eq!(Settings::from_toml(&text).expect("parse"), s);
        // A season that ends before it starts is refused on the way in.
        let bad = "[budget.season]\nfrom = \"2020-03-31\"\nto = \"2019-10-01\"\n";
        assert!(Settings::from_toml(bad).is_err());
    }
}
