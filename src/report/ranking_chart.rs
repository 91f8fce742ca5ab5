//! A domain ranking ([`crate::domain::ranking::Ranking`]) as the ranking bar chart
//! ([`RankingData`]): the same ranks, values and highlighted area the table shows, for the target
//! page and its PNG/SVG export.

use crate::domain::ranking::{RankBy, Ranking};

use super::charts::colour::pm25_bands;
use super::charts::{Better, RankItem, RankingData};
use crate::i18n::Language;

/// The chart of `ranking`: areas without a value are left out (they have no rank); PM2.5 bars
/// take the PM2.5 category colours, the other measures one colour.
pub fn ranking_chart(ranking: &Ranking, language: Language) -> RankingData {
    let zh = language == Language::Zh;
    let (what, value_name, decimals) = match (ranking.by, zh) {
        (RankBy::Pm25, true) => ("PM2.5 平均浓度排名", "PM2.5（µg/m³）", 0),
        (RankBy::Pm25, false) => ("Ranking by PM2.5 mean", "PM2.5 (µg/m³)", 0),
        (RankBy::Composite, true) => ("综合指数排名", "综合指数", 2),
        (RankBy::Composite, false) => ("Ranking by composite index", "Composite index", 2),
        (RankBy::Yoy, true) => ("综合指数同比变化排名", "同比（%）", 1),
        (RankBy::Yoy, false) => ("Ranking by composite index change", "Change (%)", 1),
        (RankBy::YoyPm25, true) => ("PM2.5 同比变化排名", "同比（%）", 1),
        (RankBy::YoyPm25, false) => ("Ranking by PM2.5 change", "Change (%)", 1),
    };
    let subtitle = if zh {
        format!(
            "{} 至 {} · {} · 越小越好，并列同名次",
            ranking.from,
            ranking.to,
            ranking.standard.label()
        )
    } else {
        format!(
            "{} to {} · {} · smaller is better, ties share a rank",
            ranking.from,
            ranking.to,
            ranking.standard.label()
        )
    };
    let items = ranking
        .rows
        .iter()
        .filter_map(|r| {
            Some(RankItem {
                label: r.area.clone(),
                value: r.value?,
                highlight: r.highlighted,
                note: String::new(),
            })
        })
        .collect();
    RankingData {
        title: what.to_string(),
        subtitle,
        value_name: value_name.to_string(),
        items,
        better: Better::Lower,
        bands: if ranking.by == RankBy::Pm25 {
            pm25_bands(ranking.to, language)
        } else {
            Vec::new()
        },
        decimals,
        ..RankingData::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ranking::{AreaPeriod, Concentrations, LimitStandard, RankRow};
    use crate::report::charts::ranks;
    use chrono::NaiveDate;

    fn row(area: &str, rank: Option<u32>, value: Option<f64>, highlighted: bool) -> RankRow {
        RankRow {
            rank,
            area: area.into(),
            value,
            highlighted,
            current: AreaPeriod {
                area: area.into(),
                pm25_days: 3,
                concentrations: Concentrations::default(),
                composite: None,
            },
            previous: None,
            gap: None,
        }
    }

    #[test]
    fn chart_keeps_ranks_ties_and_highlight_and_drops_unranked() {
        let d = NaiveDate::from_ymd_opt(2019, 12, 9).expect("date");
        let ranking = Ranking {
            by: RankBy::Pm25,
            from: d,
            to: d,
            standard: LimitStandard::Gb3095_2012,
            rows: vec![
                row("北京", Some(1), Some(40.0), false),
                row("保定", Some(2), Some(150.0), false),
                row("石家庄", Some(2), Some(150.0), true),
                row("邢台", None, None, false),
            ],
        };
        let data = ranking_chart(&ranking, Language::Zh);
        assert_eq!(data.items.len(), 3);
        let r: Vec<(String, usize)> = ranks(&data.items, data.better)
            .into_iter()
            .map(|(i, rank)| (data.items[i].label.clone(), rank))
            .collect();
        assert_eq!(
            r,
            vec![("北京".into(), 1), ("保定".into(), 2), ("石家庄".into(), 2)]
        );
        assert!(
            data.items
                .iter()
                .any(|i| i.highlight && i.label == "石家庄")
        );
        assert!(!data.bands.is_empty());
    }
}
