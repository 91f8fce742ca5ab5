//! The column mapping of a generic table (CSV or Excel), saved by the user as a named profile.
//!
//! A profile says which column holds the time (or date + hour, or year/month/day/hour), which
//! the station, and which columns (wide layout) or which names in a variable column (long
//! layout) are which store variables, in which units; plus the UTC offset of local times, what the
//! stamps mark, and how to read the text (delimiter, decimal comma, encoding, missing markers).
//! Profiles are TOML (`MappingProfile::load` / `save`); the workspace will keep them. When the
//! user has none, [`MappingProfile::from_headers`] proposes one from well-known header names
//! (`datetime,PM2.5,O3,NO2,CO,SO2`, `时间,站点,PM2.5,…`).
//!
//! A saved profile looks like this (every key but the columns is optional):
//!
//! ```toml
//! name = "县站导出"
//! time_column = "采样日期"      # or a date-time column alone
//! hour_column = "采样时段"      # 1–24 or 0–23
//! station_code = "县站"         # or station_column = "站点"
//! utc_offset = "+08:00"
//! stamp = "end-of-hour"          # or "start-of-hour"
//! kind = "observed"              # or "forecast"
//! missing = ["—", "NA"]
//!
//! [[columns]]
//! source = "细粒子"
//! variable = "PM2.5"
//!
//! [[columns]]
//! source = "CO_ppm"
//! variable = "CO"
//! unit = "ppm"
//! ```
//!
//! The long layout names `layout = "long"`, `variable_column`, `value_column` and optionally
//! `unit_column`; its `columns` then map names found in the variable column.

use std::path::{Path, PathBuf};

use crate::store::{SeriesKind, StampConvention, Variable};

use super::input::{InputError, MAX_LIST_BYTES, read_text};
use super::reason::Reason;
use super::stamp;

/// How values sit in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// One row per time (and station), one column per variable.
    #[default]
    Wide,
    /// One row per value: station, time, variable, value (and unit).
    Long,
}

/// One mapped variable: a column header (wide) or a name in the variable column (long).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMap {
    /// The header in the file (wide) or the text in the variable column (long), as written.
    pub source: String,
    /// The store variable, by its code (`PM2.5`, `CO`, `temperature`, …).
    #[serde(with = "variable_code")]
    pub variable: Variable,
    /// Unit of the values (`µg/m³`, `mg/m³`, `ppb`, `km/h`, `°F`…); the variable's canonical
    /// unit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// A saved column mapping for generic tables.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MappingProfile {
    /// Name shown in the profile list.
    pub name: String,
    /// Wide or long.
    pub layout: Layout,
    /// Line (CSV) or row number (Excel) of the header; found automatically (first 20 rows)
    /// when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_row: Option<usize>,
    /// Header of the date-time column (or of the date column when `hour_column` is set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_column: Option<String>,
    /// Header of a separate hour column (0–23 or 1–24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour_column: Option<String>,
    /// Headers of separate year, month and day columns (instead of `time_column`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_column: Option<String>,
    /// See `year_column`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month_column: Option<String>,
    /// See `year_column`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_column: Option<String>,
    /// chrono format of the time (or date) cells, e.g. `%Y/%m/%d %H时`; common formats are
    /// recognised without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_format: Option<String>,
    /// Header of the station column; `station_code` (or the file name) when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub station_column: Option<String>,
    /// Station code of a file without a station column; taken from the file name when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub station_code: Option<String>,
    /// Long layout: header of the column naming the variable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable_column: Option<String>,
    /// Long layout: header of the value column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_column: Option<String>,
    /// Long layout: header of an optional unit column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_column: Option<String>,
    /// The mapped variables. In the long layout, names not listed are matched by their
    /// well-known names (`PM2.5`, `二氧化硫`, …).
    pub columns: Vec<ColumnMap>,
    /// UTC offset of times written without one, `+08:00` by default (China Standard Time).
    pub utc_offset: String,
    /// What the stamps mark; `end-of-hour` by default (Chinese monitoring data: 01:00 is the
    /// mean of 00:00–01:00).
    #[serde(with = "stamp_name")]
    pub stamp: StampConvention,
    /// `observed` (default) or `forecast`.
    #[serde(with = "kind_name")]
    pub kind: SeriesKind,
    /// Field delimiter (`,` `;` tab `|`); detected when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// Whether numbers use a decimal comma (`12,5`); detected when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimal_comma: Option<bool>,
    /// Text encoding label (`utf-8`, `gbk`, `gb18030`, `utf-16le`, …); detected when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Cell texts meaning "missing" besides the empty cell (`NA`, `—`, `-9999`…). Anything else
    /// that is not a number is rejected per cell.
    pub missing: Vec<String>,
    /// Worksheet of an Excel file; the first sheet when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl Default for MappingProfile {
    fn default() -> Self {
        MappingProfile {
            name: String::new(),
            layout: Layout::Wide,
            header_row: None,
            time_column: None,
            hour_column: None,
            year_column: None,
            month_column: None,
            day_column: None,
            time_format: None,
            station_column: None,
            station_code: None,
            variable_column: None,
            value_column: None,
            unit_column: None,
            columns: Vec::new(),
            utc_offset: "+08:00".into(),
            stamp: StampConvention::EndOfHour,
            kind: SeriesKind::Observed,
            delimiter: None,
            decimal_comma: None,
            encoding: None,
            missing: Vec::new(),
            sheet: None,
        }
    }
}

/// Why a profile could not be read, written or used. `Display` words it in English (for logs);
/// the interface words [`ProfileError::Invalid`]'s reason through `crate::i18n`.
#[derive(Debug)]
pub enum ProfileError {
    /// Reading the file failed.
    Unreadable {
        /// The profile file.
        path: PathBuf,
        /// Why.
        source: InputError,
    },
    /// Writing the file failed.
    Io {
        /// The profile file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a valid profile (TOML syntax, unknown key, unknown variable code…).
    Invalid {
        /// The profile file.
        path: PathBuf,
        /// What is wrong (TOML errors carry the line and column).
        reason: Reason,
    },
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{Render, Tr};
        match self {
            ProfileError::Unreadable { path, source } => write!(f, "{}: {source}", path.display()),
            ProfileError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ProfileError::Invalid { path, reason } => {
                let text = reason.render(Tr(crate::i18n::Language::En));
                write!(f, "{}: {text}", path.display())
            }
        }
    }
}

impl std::error::Error for ProfileError {}

impl MappingProfile {
    /// Read a profile from TOML text. `Err` names the line/column and what is wrong.
    pub fn from_toml(text: &str) -> Result<MappingProfile, Reason> {
        let p: MappingProfile = toml::from_str(text).map_err(|e| Reason::ProfileSyntax {
            detail: e.to_string(),
        })?;
        p.validate()?;
        Ok(p)
    }

    /// The profile as TOML text.
    pub fn to_toml(&self) -> Result<String, Reason> {
        toml::to_string_pretty(self).map_err(|e| Reason::ProfileSyntax {
            detail: e.to_string(),
        })
    }

    /// Load a profile file.
    pub fn load(path: &Path) -> Result<MappingProfile, ProfileError> {
        let text = read_text(path, MAX_LIST_BYTES).map_err(|source| ProfileError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        MappingProfile::from_toml(&text).map_err(|reason| ProfileError::Invalid {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Save the profile to `path` (overwriting it).
    pub fn save(&self, path: &Path) -> Result<(), ProfileError> {
        let text = self.to_toml().map_err(|reason| ProfileError::Invalid {
            path: path.to_path_buf(),
            reason,
        })?;
        crate::workspace::write_atomic(path, text.as_bytes()).map_err(|source| ProfileError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The UTC offset in seconds east.
    pub fn utc_offset_s(&self) -> Result<i32, Reason> {
        stamp::parse_offset(&self.utc_offset).ok_or_else(|| Reason::BadOffset {
            text: self.utc_offset.clone(),
        })
    }

    /// Check that the profile can be used: an offset, a way to find the time, and for the long
    /// layout the variable and value columns.
    pub fn validate(&self) -> Result<(), Reason> {
        self.utc_offset_s()?;
        let parts = [&self.year_column, &self.month_column, &self.day_column];
        let some = parts.iter().filter(|p| p.is_some()).count();
        if some != 0 && some != 3 {
            return Err(Reason::ProfileDateParts);
        }
        if self.time_column.is_none() && some == 0 {
            return Err(Reason::ProfileNoTime);
        }
        if self.layout == Layout::Long
            && (self.variable_column.is_none() || self.value_column.is_none())
        {
            return Err(Reason::ProfileLongColumns);
        }
        if self.layout == Layout::Wide && self.columns.is_empty() {
            return Err(Reason::ProfileNoColumns);
        }
        if let Some(delimiter) = self.delimiter
            && !matches!(delimiter, ',' | ';' | '\t' | '|')
        {
            return Err(Reason::BadDelimiter { delimiter });
        }
        if let Some(e) = &self.encoding
            && encoding_rs::Encoding::for_label(e.as_bytes()).is_none()
        {
            return Err(Reason::UnknownEncoding { label: e.clone() });
        }
        Ok(())
    }

    /// A profile proposed from a header row: well-known names for time, station, long-layout
    /// columns and variables. `None` when no time column or no variable is recognised.
    pub fn from_headers(headers: &[String]) -> Option<MappingProfile> {
        let find = |role: Role| headers.iter().find(|h| role_of(h) == Some(role)).cloned();
        let mut p = MappingProfile {
            name: "auto".into(),
            ..MappingProfile::default()
        };
        p.time_column = find(Role::Time).or_else(|| find(Role::Date));
        p.hour_column = find(Role::Hour);
        if p.time_column.is_none() {
            p.year_column = find(Role::Year);
            p.month_column = find(Role::Month);
            p.day_column = find(Role::Day);
            if p.year_column.is_none() || p.month_column.is_none() || p.day_column.is_none() {
                return None;
            }
        } else if p.time_column == find(Role::Date) && p.hour_column.is_none() {
            // A date without an hour cannot place hourly values.
            return None;
        }
        p.station_column = find(Role::Station);
        let variable_column = find(Role::VariableName);
        let value_column = find(Role::Value);
        if variable_column.is_some() && value_column.is_some() {
            p.layout = Layout::Long;
            p.variable_column = variable_column;
            p.value_column = value_column;
            p.unit_column = find(Role::Unit);
            return Some(p);
        }
        for h in headers {
            if role_of(h).is_some() {
                continue;
            }
            if let Some((variable, unit)) = header_variable(h) {
                if p.columns.iter().any(|c| c.variable == variable) {
                    continue; // a second column for the same variable is left to the user
                }
                p.columns.push(ColumnMap {
                    source: h.clone(),
                    variable,
                    unit,
                });
            }
        }
        (!p.columns.is_empty()).then_some(p)
    }
}

/// What a non-variable column is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Time,
    Date,
    Hour,
    Year,
    Month,
    Day,
    Station,
    VariableName,
    Value,
    Unit,
}

/// Lower case, without spaces, `_ - . ·`, with subscript digits as digits and the unit part
/// (`(µg/m³)`, `（mg/m3）`, `[ppb]`) removed.
fn normalise(header: &str) -> String {
    let (name, _) = split_unit(header);
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.' | '·' | '"' | '\u{feff}'))
        .map(|c| match c {
            '₀'..='₉' => char::from_u32(c as u32 - '₀' as u32 + '0' as u32).unwrap_or(c),
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
}

/// `PM2.5(μg/m³)` → (`PM2.5`, `μg/m³`).
pub fn split_unit(header: &str) -> (&str, Option<&str>) {
    let h = header.trim().trim_start_matches('\u{feff}');
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if h.ends_with(close)
            && let Some(i) = h.rfind(open)
        {
            let unit = h[i + open.len_utf8()..h.len() - close.len_utf8()].trim();
            return (h[..i].trim(), (!unit.is_empty()).then_some(unit));
        }
    }
    (h, None)
}

fn role_of(header: &str) -> Option<Role> {
    let n = normalise(header);
    Some(match n.as_str() {
        "datetime" | "time" | "timestamp" | "时间" | "日期时间" | "监测时间" | "时间点"
        | "数据时间" | "观测时间" | "采样时间" | "时间戳" => Role::Time,
        "date" | "日期" | "监测日期" => Role::Date,
        "hour" | "hr" | "小时" | "时" | "时段" | "时次" | "时刻" => Role::Hour,
        "year" | "年" | "年份" => Role::Year,
        "month" | "月" | "月份" => Role::Month,
        "day" | "日" => Role::Day,
        "station" | "stationcode" | "stationid" | "site" | "siteid" | "sitecode" | "code"
        | "站点" | "站点编码" | "站点代码" | "监测点编码" | "站号" | "点位" | "点位编码"
        | "站名" | "站点名称" | "监测点" | "监测点名称" | "区站号" => {
            Role::Station
        }
        "variable" | "parameter" | "pollutant" | "指标" | "污染物" | "项目" | "监测项目"
        | "因子" | "监测因子" => Role::VariableName,
        "value" | "concentration" | "浓度" | "数值" | "值" | "监测值" | "浓度值" => {
            Role::Value
        }
        "unit" | "units" | "单位" => Role::Unit,
        _ => return None,
    })
}

/// The variable (and unit, when the header carries one) of a well-known column header.
pub fn header_variable(header: &str) -> Option<(Variable, Option<String>)> {
    let (_, unit) = split_unit(header);
    let n = normalise(header);
    let variable = Variable::from_code(&n).or_else(|| {
        use Variable::*;
        Some(match n.as_str() {
            "细颗粒物" | "pm25浓度" => Pm25,
            "可吸入颗粒物" | "pm10浓度" => Pm10,
            "二氧化硫" => So2,
            "二氧化氮" => No2,
            "臭氧" | "ozone" => O3,
            "一氧化碳" => Co,
            "o38h" | "o38小时" | "臭氧8小时" => O3Avg8h,
            "空气质量指数" => Aqi,
            "temp" | "tem" | "气温" | "温度" | "t2m" | "temperature2m" | "airtemperature" => {
                Temperature
            }
            "dewpoint" | "dewp" | "露点" | "露点温度" | "dewpoint2m" => DewPoint,
            "rh" | "humidity" | "relativehumidity" | "相对湿度" | "湿度" | "relativehumidity2m" => {
                RelativeHumidity
            }
            "pres" | "prs" | "slp" | "气压" | "本站气压" | "海平面气压" | "pressuremsl"
            | "surfacepressure" => Pressure,
            "ws" | "wspd" | "wspm" | "风速" | "10米风速" | "windspeed10m" => WindSpeed,
            "wd" | "wdir" | "风向" | "10米风向" | "winddirection10m" => WindDirection,
            "precip" | "prcp" | "pre1h" | "降水" | "降水量" | "降雨量" | "小时降水量" => {
                Precipitation
            }
            "vis" | "能见度" => Visibility,
            "blh" | "pblh" | "边界层高度" | "混合层高度" | "mixingheight" => {
                BoundaryLayerHeight
            }
            "总云量" | "云量" => CloudCover,
            "降雪量" => Snowfall,
            _ => return None,
        })
    })?;
    Some((variable, unit.map(str::to_string)))
}

/// Serde of a [`Variable`] by its code.
mod variable_code {
    use crate::store::Variable;

    pub fn serialize<S: serde::Serializer>(v: &Variable, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.code())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Variable, D::Error> {
        let code: String = serde::Deserialize::deserialize(d)?;
        Variable::from_code(&code).ok_or_else(|| {
            let known: Vec<&str> = Variable::ALL.iter().map(|v| v.code()).collect();
            serde::de::Error::custom(format!(
                "unknown variable 「{code}」 (known: {})",
                known.join(", ")
            ))
        })
    }
}

/// Serde of a [`StampConvention`] as `end-of-hour` / `start-of-hour`.
mod stamp_name {
    use crate::store::StampConvention;

    pub fn serialize<S: serde::Serializer>(v: &StampConvention, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match v {
            StampConvention::EndOfHour => "end-of-hour",
            StampConvention::StartOfHour => "start-of-hour",
        })
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<StampConvention, D::Error> {
        let s: String = serde::Deserialize::deserialize(d)?;
        match s.as_str() {
            "end-of-hour" => Ok(StampConvention::EndOfHour),
            "start-of-hour" => Ok(StampConvention::StartOfHour),
            _ => Err(serde::de::Error::custom(format!(
                "stamp 「{s}」 is not end-of-hour or start-of-hour"
            ))),
        }
    }
}

/// Serde of a [`SeriesKind`] as `observed` / `forecast`.
mod kind_name {
    use crate::store::SeriesKind;

    pub fn serialize<S: serde::Serializer>(v: &SeriesKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match v {
            SeriesKind::Observed => "observed",
            SeriesKind::Forecast => "forecast",
        })
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<SeriesKind, D::Error> {
        let s: String = serde::Deserialize::deserialize(d)?;
        match s.as_str() {
            "observed" => Ok(SeriesKind::Observed),
            "forecast" => Ok(SeriesKind::Forecast),
            _ => Err(serde::de::Error::custom(format!(
                "kind 「{s}」 is not observed or forecast"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reason::en;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(str::to_string).collect()
    }

    #[test]
    fn proposes_wide_and_long_mappings() {
        let p = MappingProfile::from_headers(&headers("datetime,PM2.5,O3,NO2,CO,SO2"))
            .expect("haikou header");
        assert_eq!(p.layout, Layout::Wide);
        assert_eq!(p.time_column.as_deref(), Some("datetime"));
        let vars: Vec<Variable> = p.columns.iter().map(|c| c.variable).collect();
        assert_eq!(
            vars,
            [
                Variable::Pm25,
                Variable::O3,
                Variable::No2,
                Variable::Co,
                Variable::So2
            ]
        );
        let p = MappingProfile::from_headers(&headers(
            "时间,站点,PM2.5(μg/m³),臭氧（μg/m3）,一氧化碳(mg/m³),气温(℃)",
        ))
        .expect("chinese header");
        assert_eq!(p.station_column.as_deref(), Some("站点"));
        assert_eq!(p.columns.len(), 4);
        assert_eq!(p.columns[1].unit.as_deref(), Some("μg/m3"));
        assert_eq!(p.columns[3].variable, Variable::Temperature);
        let p = MappingProfile::from_headers(&headers("日期,小时,站点编码,污染物,浓度,单位"))
            .expect("long");
        assert_eq!(p.layout, Layout::Long);
        assert_eq!(p.hour_column.as_deref(), Some("小时"));
        assert!(MappingProfile::from_headers(&headers("date,aqi_min,aqi_max")).is_none());
        assert!(MappingProfile::from_headers(&headers("name,PM2.5")).is_none());
    }

    #[test]
    fn round_trips_through_toml_and_files() {
        let mut p = MappingProfile::from_headers(&headers("datetime,PM2.5,CO")).expect("p");
        p.name = "海口 1410A".into();
        p.station_code = Some("1410A".into());
        p.missing = vec!["NA".into(), "—".into()];
        p.columns[1].unit = Some("µg/m³".into());
        let text = p.to_toml().expect("toml");
        assert!(text.contains("stamp = \"end-of-hour\""), "{text}");
        assert!(text.contains("variable = \"PM2.5\""), "{text}");
        assert_eq!(MappingProfile::from_toml(&text).expect("parse"), p);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.toml");
        p.save(&path).expect("save");
        assert_eq!(MappingProfile::load(&path).expect("load"), p);
    }

    #[test]
    fn rejects_bad_profiles_with_reasons() {
        let bad = "time_column = \"t\"\n[[columns]]\nsource = \"x\"\nvariable = \"benzene\"\n";
        let e = en(&MappingProfile::from_toml(bad).expect_err("unknown variable"));
        assert!(e.contains("benzene") && e.contains("line"), "{e}");
        let e = en(&MappingProfile::from_toml("time_column = \"t\"\nutc_offset = \"8\"\n[[columns]]\nsource = \"x\"\nvariable = \"PM2.5\"\n")
            .expect_err("offset"));
        assert!(e.contains("utc_offset"), "{e}");
        let e = en(
            &MappingProfile::from_toml("layout = \"long\"\ntime_column = \"t\"\n")
                .expect_err("long"),
        );
        assert!(e.contains("variable_column"), "{e}");
        let e = MappingProfile::load(Path::new("/nonexistent/p.toml")).expect_err("io");
        assert!(e.to_string().contains("/nonexistent/p.toml"));
    }
}
