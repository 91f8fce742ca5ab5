//! The air in the 日报, as a centre writes it: yesterday's and today's area AQI and PM2.5, every
//! station of the area with its value and category, the area's place in the ranking, the season
//! budget line, the AQI forecast for the next days and the next unfavourable window, and the
//! station alerts of the day with what was done about them. Everything comes from the domain
//! modules over the loaded data as of the report's moment; nothing after it is read.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike as _, Duration, FixedOffset, NaiveDate, Timelike};

use super::episode_air::AirSources;
use crate::domain::advisor::ForecastDay;
use crate::domain::alerts::{self, Acknowledgement, AlertSettings};
use crate::domain::aqi::{
    AqiConfig, AqiResult, area_daily_series, area_hourly_series, station_daily, station_hourly,
};
use crate::domain::area::Area;
use crate::domain::budget::{self, Budget, BudgetSettings};
use crate::domain::ranking::{RankBy, RankSettings, rank_areas};
use crate::domain::weather_view::{NextWindow, next_window};
use crate::i18n::{Render, ZH};
use crate::store::{Hour, StationId, Store};

use super::document::{Block, Column, Table};

/// Forecast days the report lists, today included.
const FORECAST_DAYS: i64 = 4;
/// Hours back the latest station reading is looked for.
const LATEST_LOOKBACK_HOURS: i64 = 24;

/// Where the report's air comes from: the area's data as the summary has it, and what a day's
/// report adds (ranking, budget, alerts).
#[derive(Debug, Clone, Copy)]
pub struct DaySources<'a> {
    /// Loaded data, the area's stations and name, the daily AQI forecast.
    pub air: AirSources<'a>,
    /// The areas ranked against each other (the workspace's, else every CNEMC city).
    pub areas: &'a [Area],
    /// The season budget settings, when the workspace has them.
    pub budget: Option<&'a BudgetSettings>,
    /// The alert rules.
    pub alerts: &'a AlertSettings,
    /// Alert acknowledgements from the journal, by alert key.
    pub acknowledged: &'a BTreeMap<String, Acknowledgement>,
}

/// An AQI with its category and primary pollutant, as the report words it.
#[derive(Debug, Clone, PartialEq)]
pub struct AqiFigure {
    /// The AQI.
    pub aqi: u16,
    /// `重度污染`.
    pub category: String,
    /// `PM2.5`; empty when none (AQI ≤ 50).
    pub primary: String,
}

impl AqiFigure {
    fn of(r: &AqiResult) -> Option<Self> {
        let aqi = r.aqi?;
        Some(AqiFigure {
            aqi,
            category: r
                .category
                .map_or_else(String::new, |c| ZH.category(c, r.standard).to_owned()),
            primary: r
                .primary
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join("、"),
        })
    }

    /// `236（重度污染，首要污染物PM2.5）`.
    fn text(&self) -> String {
        if self.primary.is_empty() {
            format!("{}（{}）", self.aqi, self.category)
        } else {
            format!(
                "{}（{}，首要污染物{}）",
                self.aqi, self.category, self.primary
            )
        }
    }
}

/// One station's line in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct StationLine {
    /// Station name.
    pub name: String,
    /// Yesterday's daily AQI.
    pub yesterday: Option<AqiFigure>,
    /// The latest real-time AQI and the hour it is for (local time of the stamp).
    pub latest: Option<(AqiFigure, String)>,
    /// The latest hour's PM2.5, µg/m³.
    pub pm25: Option<f64>,
}

/// The area's place in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankLine {
    /// What was ranked (`昨日`, `本月以来`).
    pub period: String,
    /// PM2.5 of the area, µg/m³.
    pub value: f64,
    /// Its rank (1 = cleanest).
    pub rank: u32,
    /// Areas ranked.
    pub of: usize,
}

/// An alert of the day and what was done.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertLine {
    /// The alert as the board shows it.
    pub text: String,
    /// The officer's acknowledgement, if any.
    pub acknowledged: Option<Acknowledgement>,
}

/// The air section of the 日报.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyAir {
    /// The area's name.
    pub area: String,
    /// Yesterday's date.
    pub yesterday_date: NaiveDate,
    /// Yesterday's area daily AQI.
    pub yesterday: Option<AqiFigure>,
    /// Yesterday's area daily PM2.5, µg/m³.
    pub yesterday_pm25: Option<f64>,
    /// Today so far: the hour up to which (`10时`), the area's latest real-time AQI, and the mean
    /// of its hourly PM2.5 since midnight.
    pub today: Option<(String, Option<AqiFigure>, Option<f64>)>,
    /// Every station of the area.
    pub stations: Vec<StationLine>,
    /// Ranks of the area (yesterday, month to date).
    pub ranks: Vec<RankLine>,
    /// The season budget to yesterday; `Err` says why there is none.
    pub budget: Option<Result<Budget, String>>,
    /// Forecast days from today.
    pub forecast: Vec<ForecastDay>,
    /// The next unfavourable window over the meteorological forecast.
    pub window: NextWindow,
    /// UTC offset of the area's stamps, seconds.
    pub utc_offset_s: i32,
    /// Station alerts of the last day.
    pub alerts: Vec<AlertLine>,
}

/// The air section as of `at`.
pub fn daily_air(sources: &DaySources<'_>, at: DateTime<FixedOffset>) -> DailyAir {
    let store = sources.air.store;
    let config = AqiConfig::default();
    let offset = sources
        .air
        .stations
        .first()
        .map_or(at.offset().local_minus_utc(), |&id| {
            store.stations().get(id).utc_offset_s
        });
    let now = Hour::from_utc(at.to_utc());
    let local_now = now.to_local(offset);
    let today = local_now.date_naive();
    let yesterday_date = today - Duration::days(1);
    let area_day = area_daily_series(
        store,
        sources.air.stations,
        yesterday_date,
        yesterday_date,
        &config,
    );
    let yesterday = area_day.first();
    let midnight = Hour::from_local_date_hour(today, 0, offset);
    let hours = area_hourly_series(store, sources.air.stations, midnight, now, &config);
    let today_figures = hours
        .iter()
        .rev()
        .find(|h| h.result.aqi.is_some())
        .map(|last| {
            let pm25: Vec<f64> = hours
                .iter()
                .filter_map(|h| h.input.pm25.map(|c| c.to_f64()))
                .collect();
            let mean = (!pm25.is_empty()).then(|| pm25.iter().sum::<f64>() / pm25.len() as f64);
            let until = (last.period_start + 1).to_local(offset).hour();
            (format!("{until}时"), AqiFigure::of(&last.result), mean)
        });
    DailyAir {
        area: sources.air.area.to_owned(),
        yesterday_date,
        yesterday: yesterday.and_then(|d| AqiFigure::of(&d.day.result)),
        yesterday_pm25: yesterday.and_then(|d| {
            d.day
                .input
                .get(crate::domain::aqi::Indicator::Pm25Daily)
                .map(|c| c.to_f64())
        }),
        today: today_figures,
        stations: station_lines(
            store,
            sources.air.stations,
            yesterday_date,
            now,
            offset,
            &config,
        ),
        ranks: ranks(sources, yesterday_date),
        budget: sources
            .budget
            .map(|b| budget::season_to_date(store, sources.air.stations, b, at)),
        forecast: sources
            .air
            .forecast
            .iter()
            .filter(|f| f.date >= today && f.date < today + Duration::days(FORECAST_DAYS))
            .cloned()
            .collect(),
        window: next_window(store, now),
        utc_offset_s: offset,
        alerts: alerts::detect(store, sources.air.stations, sources.alerts, at.to_utc())
            .into_iter()
            .map(|a| AlertLine {
                acknowledged: sources.acknowledged.get(&a.key()).cloned(),
                text: a.render(ZH),
            })
            .collect(),
    }
}

fn station_lines(
    store: &Store,
    stations: &[StationId],
    yesterday: NaiveDate,
    now: Hour,
    offset: i32,
    config: &AqiConfig,
) -> Vec<StationLine> {
    stations
        .iter()
        .map(|&id| {
            let latest = (0..LATEST_LOOKBACK_HOURS).find_map(|back| {
                let stamp = now - back;
                let h = station_hourly(store, id, stamp, config)?;
                let figure = AqiFigure::of(&h.result)?;
                let pm25 = h.input.pm25.map(|c| c.to_f64());
                Some((figure, stamp, pm25))
            });
            StationLine {
                name: store.stations().get(id).label().to_owned(),
                yesterday: AqiFigure::of(&station_daily(store, id, yesterday, config).result),
                pm25: latest.as_ref().and_then(|l| l.2),
                latest: latest.map(|(f, stamp, _)| {
                    let t = stamp.to_local(offset);
                    (f, format!("{}时", t.hour()))
                }),
            }
        })
        .collect()
}

/// The area's PM2.5 rank yesterday and since the first of the month, among the areas.
fn ranks(sources: &DaySources<'_>, yesterday: NaiveDate) -> Vec<RankLine> {
    if sources.air.area.is_empty() || sources.areas.len() < 2 {
        return Vec::new();
    }
    let month_start = yesterday.with_day0(0).unwrap_or(yesterday);
    let mut out = Vec::new();
    for (period, from) in [("昨日", yesterday), ("本月以来", month_start)] {
        if period == "本月以来" && from == yesterday {
            continue;
        }
        let ranking = rank_areas(
            sources.air.store,
            sources.areas,
            from,
            yesterday,
            RankBy::Pm25,
            &RankSettings::default(),
            Some(sources.air.area),
        );
        let of = ranking.rows.iter().filter(|r| r.rank.is_some()).count();
        if let Some(row) = ranking.rows.iter().find(|r| r.highlighted)
            && let (Some(rank), Some(value)) = (row.rank, row.value)
        {
            out.push(RankLine {
                period: period.to_owned(),
                value,
                rank,
                of,
            });
        }
    }
    out
}

impl DailyAir {
    /// The section as 日报 body blocks: 空气质量 (yesterday, today, the stations' table, the
    /// ranking, the season budget) and 预报与研判 (forecast days, next unfavourable window).
    pub fn quality_blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let area = if self.area.is_empty() {
            "本地区"
        } else {
            self.area.as_str()
        };
        let yesterday = match (&self.yesterday, self.yesterday_pm25) {
            (Some(f), Some(pm)) => format!(
                "{}月{}日，{area}日AQI为{}，PM2.5日均浓度{:.0}微克/立方米。",
                self.yesterday_date.month(),
                self.yesterday_date.day(),
                f.text(),
                pm
            ),
            (Some(f), None) => format!(
                "{}月{}日，{area}日AQI为{}。",
                self.yesterday_date.month(),
                self.yesterday_date.day(),
                f.text()
            ),
            _ => format!(
                "{}月{}日{area}日均值数据不足，未能计算日AQI。",
                self.yesterday_date.month(),
                self.yesterday_date.day()
            ),
        };
        out.push(Block::Paragraph(yesterday));
        let today = match &self.today {
            Some((until, aqi, pm)) => {
                let mut s = format!("今日截至{until}，{area}实时AQI为");
                s.push_str(&aqi.as_ref().map_or_else(|| "—".to_owned(), AqiFigure::text));
                if let Some(pm) = pm {
                    s.push_str(&format!("，0时以来PM2.5平均浓度{pm:.0}微克/立方米"));
                }
                s.push('。');
                s
            }
            None => "今日尚无实时监测数据。".to_owned(),
        };
        out.push(Block::Paragraph(today));
        if !self.stations.is_empty() {
            out.push(Block::Table(self.station_table()));
        }
        for r in &self.ranks {
            out.push(Block::Paragraph(format!(
                "{}PM2.5浓度{:.0}微克/立方米，在参与排名的{}个地区中排第{}位（由好到差）。",
                r.period, r.value, r.of, r.rank
            )));
        }
        if let Some(b) = &self.budget {
            out.push(Block::Paragraph(budget_line(b)));
        }
        out
    }

    /// 预报与研判: the AQI forecast for the next days and the next unfavourable window.
    pub fn outlook_blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        if self.forecast.is_empty() {
            out.push(Block::Paragraph("未载入空气质量预报。".to_owned()));
        } else {
            let days: Vec<String> = self
                .forecast
                .iter()
                .map(|f| {
                    let range = if (f.aqi_max - f.aqi_min).abs() < 0.5 {
                        format!("{:.0}", f.aqi_min)
                    } else {
                        format!("{:.0}～{:.0}", f.aqi_min, f.aqi_max)
                    };
                    let primary: Vec<&str> = f.primary.iter().map(|p| ZH.primary(*p)).collect();
                    let primary = if primary.is_empty() {
                        String::new()
                    } else {
                        format!("，首要污染物{}", primary.join("、"))
                    };
                    format!("{}月{}日AQI {range}{primary}", f.date.month(), f.date.day())
                })
                .collect();
            out.push(Block::Paragraph(format!(
                "空气质量预报：{}。",
                days.join("；")
            )));
        }
        let local = |h: Hour| {
            let t = h.to_local(self.utc_offset_s);
            format!("{}月{}日{}时", t.month(), t.day(), t.hour())
        };
        out.push(Block::Paragraph(match &self.window {
            NextWindow::NoForecast => "未载入气象预报，不利气象条件未作研判。".to_owned(),
            NextWindow::None { until } => {
                format!("气象预报显示至{}前无不利气象条件时段。", local(*until))
            }
            NextWindow::Found(w) => format!(
                "下一个不利气象条件时段：{}至{}，{}。",
                local(w.start),
                local(w.end),
                w.render(ZH)
            ),
        }));
        out
    }

    /// 报警及处置: each alert of the last day and what the desk did.
    pub fn alert_blocks(&self) -> Vec<Block> {
        if self.alerts.is_empty() {
            return vec![Block::Paragraph("近24小时无站点报警。".to_owned())];
        }
        self.alerts
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let done = match &a.acknowledged {
                    Some(ack) if ack.note.is_empty() => {
                        format!("{}已于{}确认", ack.operator, ZH.moment(&ack.at))
                    }
                    Some(ack) => {
                        format!(
                            "{}已于{}确认：{}",
                            ack.operator,
                            ZH.moment(&ack.at),
                            ack.note
                        )
                    }
                    None => "尚未确认处置".to_owned(),
                };
                Block::Paragraph(format!("{}. {}；{}。", i + 1, a.text, done))
            })
            .collect()
    }

    fn station_table(&self) -> Table {
        let dash = || "—".to_owned();
        Table {
            columns: vec![
                Column::text("站点", 4),
                Column::number("昨日AQI", 2),
                Column::text("类别", 3),
                Column::text("最新时次", 2),
                Column::number("实时AQI", 2),
                Column::text("类别", 3),
                Column::number("PM2.5", 2),
            ],
            rows: self
                .stations
                .iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        s.yesterday
                            .as_ref()
                            .map_or_else(dash, |f| f.aqi.to_string()),
                        s.yesterday
                            .as_ref()
                            .map_or_else(dash, |f| f.category.clone()),
                        s.latest.as_ref().map_or_else(dash, |l| l.1.clone()),
                        s.latest.as_ref().map_or_else(dash, |l| l.0.aqi.to_string()),
                        s.latest
                            .as_ref()
                            .map_or_else(dash, |l| l.0.category.clone()),
                        s.pm25.map_or_else(dash, |v| format!("{v:.0}")),
                    ]
                })
                .collect(),
        }
    }
}

/// `秋冬季（…）以来PM2.5平均浓度…，目标…；剩余…天平均浓度须控制在…以内；重污染天数…`.
fn budget_line(b: &Result<Budget, String>) -> String {
    let b = match b {
        Ok(b) => b,
        Err(why) => return format!("秋冬季PM2.5目标核算：暂无（{why}）。"),
    };
    let season = b.settings.season;
    let mut s = format!(
        "秋冬季（{}至{}）截至{}，PM2.5平均浓度",
        season.from().format("%Y年%-m月%-d日"),
        season.to().format("%Y年%-m月%-d日"),
        b.as_of.format("%-m月%-d日")
    );
    s.push_str(&b.mean_so_far_rounded.map_or_else(
        || "暂无有效数据".to_owned(),
        |m| format!("{m:.0}微克/立方米"),
    ));
    s.push_str(&format!("，目标{:.0}微克/立方米", b.target_compared));
    match b.remaining_allowed_mean {
        Some(r) if r < 0.0 => s.push_str(&format!(
            "；剩余{}天即使全部为0也无法完成目标",
            b.remaining_days
        )),
        Some(r) => s.push_str(&format!(
            "；剩余{}天平均浓度须控制在{:.0}微克/立方米以内",
            b.remaining_days, r
        )),
        None => {}
    }
    s.push_str(&format!("；重污染{}天", b.heavy_days));
    if let Some(left) = b.heavy_days_left {
        if left >= 0 {
            s.push_str(&format!("，距控制目标余{left}天"));
        } else {
            s.push_str(&format!("，已超出控制目标{}天", -left));
        }
    }
    s.push('。');
    s
}

/// The air section for the workspace `ws` at `at`: its area's stations (the hand-picked ones, else
/// the area's), the areas ranked against each other (the workspace's own, else every city in the
/// data), its AQI forecast file, its budget and alert settings, and the journal's alert
/// acknowledgements.
pub fn workspace_air(
    ws: &crate::workspace::Workspace,
    store: &Store,
    acknowledged: &BTreeMap<String, Acknowledgement>,
    at: DateTime<FixedOffset>,
) -> DailyAir {
    let settings = ws.settings();
    let stations = super::episode_air::desk_stations(store, &settings.area, &settings.stations);
    let areas = if settings.areas.is_empty() {
        Area::cities_with(store, crate::store::Variable::Pm25)
    } else {
        settings.areas.clone()
    };
    let path = ws.aqi_forecast_path();
    let forecast = if path.is_file() {
        crate::ingest::load_forecast(&path, Some(at.date_naive())).0
    } else {
        Vec::new()
    };
    daily_air(
        &DaySources {
            air: AirSources {
                store,
                stations: &stations,
                area: &settings.area,
                forecast: &forecast,
            },
            areas: &areas,
            budget: settings.budget.as_ref(),
            alerts: &settings.alerts,
            acknowledged,
        },
        at,
    )
}
