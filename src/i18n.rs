//! The one translation table: every string the interface and its charts show, in Chinese and
//! English. It lives at the crate level so report code (chart titles, axis labels, legends) uses
//! the same table as the pages without depending on the UI; `ui::i18n` re-exports it.
//!
//! A page never writes a literal; it asks `tr.t(T::Key)` (or `tr.f(T::Key, &[..])` for text with
//! `{0}`, `{1}` placeholders). `T::ALL` lists every entry, so the font-coverage test can prove
//! that each character has a glyph.

use chrono::format::{Item, StrftimeItems};
use chrono::{Datelike, NaiveDateTime, Weekday};

use crate::store::Variable;

mod advice;
mod alerts;
mod budget;
mod findings;
mod ingest;
mod moments;
mod names;
mod plan;
mod reduction;
mod render;
mod response;
mod weather;

pub use moments::ZH;
pub use plan::plan_problems;
pub use render::Render;
pub use response::list_separator;

/// The language of the interface. Chinese first; English for visitors and reviewers.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// 简体中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

macro_rules! table {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A key of the translation table (the doc of each is its English text).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T {
            $(#[doc = $en] $key,)*
        }

        impl T {
            /// Every key, for tests and coverage.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            /// The Chinese text.
            pub fn zh(self) -> &'static str {
                match self { $(T::$key => $zh,)* }
            }

            /// The English text.
            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en,)* }
            }
        }
    };
}

table! {
    // App, top bar and banners
    AppTitle => "重污染天气应急值守台", "AirDesk — pollution duty desk";
    AppShortTitle => "AirDesk 值守台", "AirDesk";
    Language => "语言", "Language";
    LanguageZh => "中文", "中文";
    LanguageEn => "English", "English";
    SwitchLanguage => "切换语言 (Ctrl+L)", "Switch language (Ctrl+L)";
    Projector => "会商投屏", "Projector";
    ProjectorTip => "全屏、高对比度、大字号，只读 (F11)", "Full screen, high contrast, large text, read-only (F11)";
    ProjectorBanner => "会商投屏（只读） ← → 翻页，Esc 退出", "Projector mode (read-only) · ← → pages · Esc exits";
    LeaveProjector => "退出投屏 (Esc)", "Leave projector (Esc)";
    PrevPage => "上一页 (←)", "Previous page (←)";
    NextPage => "下一页 (→)", "Next page (→)";
    ReadOnlyBanner => "工作区只读：可以查看，不会保存任何更改。", "Read-only workspace: you can look at everything; nothing will be saved.";
    ReadOnlyWhy => "（存储介质不可写，或以只读方式打开）", "(the medium cannot be written, or it was opened read-only)";
    DrillBanner => "演练模式 — 时钟：{0}", "DRILL — clock set to {0}";
    DrillRunning => "（走时）", "(running)";
    DrillFrozen => "（定格）", "(frozen)";
    EndDrill => "结束演练", "End drill";
    RendererFellBack => "{0} 渲染器无法启动，已改用 {1}。原因：{2}", "The {0} renderer could not start; running with {1} instead. Reason: {2}";
    UseThisRenderer => "今后使用 {0}", "Use {0} from now on";
    Dismiss => "知道了", "Dismiss";
    SettingsProblem => "设置文件无法读取，已使用默认设置（原文件将备份为 settings.toml.bak）：{0}", "The settings file could not be read; defaults are in use (the old file will be kept as settings.toml.bak): {0}";
    SaveFailed => "保存失败：{0}", "Could not save: {0}";
    WorkspaceFailed => "无法打开工作区：{0}", "Could not open the workspace: {0}";
    Loading => "正在加载数据…", "Loading data…";
    LoadedSummary => "已加载 {0} 个文件：{1} 个站点，{2} 个数值，{3} 个问题", "Loaded {0} files: {1} stations, {2} values, {3} problems";
    FilesChanged => "数据文件已更新，已重新加载。", "Data files changed on disk and were reloaded.";
    Workspace => "工作区", "Workspace";
    Navigation => "导航", "Navigation";
    ShortcutTip => "快捷键：{0}", "Shortcut: {0}";

    // Pages
    PageSituation => "态势", "Situation";
    PageData => "数据", "Data";
    PageWeather => "气象窗口", "Weather windows";
    PageResponse => "应急响应", "Response";
    PageTargets => "目标核算", "Targets";
    PageSupervision => "督办", "Supervision";
    PageMap => "区域地图", "Map";
    PageSettings => "设置", "Settings";
    SlideHeadline => "实况与预警", "Air quality and warning";
    SlideResponse => "响应进展", "Response progress";
    SlideWeather => "气象与展望", "Weather and outlook";
    SlideBudget => "目标核算", "Season budget";
    SlideRanking => "排名", "Ranking";
    SlideMap => "区域地图", "Map";
    SlideReduction => "减排核算", "Reduction check";

    // Situation page
    Clock => "北京时间", "China Standard Time";
    DrillClock => "演练时间", "Drill time";
    Area => "辖区", "Area";
    AreaIs => "辖区：{0}", "Area: {0}";
    AreaNotSet => "尚未选择辖区（在“设置”中选择）", "No area chosen yet (choose one in Settings)";
    AllStations => "全部站点", "All stations";
    LatestAqi => "实时 AQI", "Real-time AQI";
    LatestPm25 => "最新 PM2.5", "Latest PM2.5";
    AreaTrend => "辖区实时 AQI 近 24 小时", "Area real-time AQI, last 24 h";
    NoDataYet => "暂无数据 — 在“数据”页打开文件", "No data yet — open files on the Data page";
    NoDataAtTime => "此时刻之前 24 小时内无数据", "No data in the 24 hours before this moment";
    DataAsOf => "数据时间 {0}", "Data as of {0}";
    StaleData => "数据已滞后 {0} 小时", "Data {0} hours old";
    StationsReporting => "{0}/{1} 个站点有数据", "{0} of {1} stations reporting";
    WarningLevel => "预警级别", "Warning level";
    OnDuty => "值班人员", "On duty";
    NextWindow => "下一个不利气象窗口", "Next unfavourable window";
    Budget => "季度浓度预算", "Season budget";
    Overdue => "逾期事项", "Overdue items";
    Weekday1 => "星期一", "Monday";
    Weekday2 => "星期二", "Tuesday";
    Weekday3 => "星期三", "Wednesday";
    Weekday4 => "星期四", "Thursday";
    Weekday5 => "星期五", "Friday";
    Weekday6 => "星期六", "Saturday";
    Weekday7 => "星期日", "Sunday";
    LongDate => "{0}年{1}月{2}日 {3}", "{3}, {0}-{1}-{2}";
    AreaAqi => "辖区 AQI", "Area AQI";
    AreaPm25 => "辖区 PM2.5", "Area PM2.5";
    MaxAqi => "最高站点", "Highest station";
    Primary => "首要污染物：{0}", "Primary pollutant: {0}";
    AqiStandard => "按 {0} 计算", "computed per {0}";
    Mean => "均值", "Mean";
    Max => "最大", "Max";
    Min => "最小", "Min";
    // Situation board cards and alerts
    WarningSince => "自 {0} 起", "since {0}";
    WarningIssuedFrom => "已发布，{0} 起生效", "issued, in effect from {0}";
    WarningEnded => "已解除或暂停（{0}）", "lifted or paused ({0})";
    WarningExpectedEnd => "预计持续至 {0}", "expected to last until {0}";
    SlideStations => "各站点实时 AQI", "Stations, real-time AQI";
    NoWarning => "当前无预警", "No warning";
    JournalUnreadable => "日志无法读取：{0}", "The journal cannot be read: {0}";
    DutyNow => "当班", "Now";
    DutyNext => "下一班 {0}", "Next, {0}";
    NobodyOnDuty => "此刻无人当班", "Nobody on duty now";
    NoRoster => "未设置值班表（settings.toml 的 roster）", "No duty roster set (roster in settings.toml)";
    RosterUnreadable => "值班表无法读取：{0}", "The duty roster cannot be read: {0}";
    WindowNoForecast => "未载入气象预报", "No meteorological forecast loaded";
    WindowNone => "预报期内（至 {0}）无不利窗口", "None in the forecast (up to {0})";
    WindowNow => "正处于不利窗口，至 {0}", "In a window now, until {0}";
    WindowFrom => "{0} 起", "from {0}";
    WindowHours => "共 {0} 小时 · {1}", "{0} h · {1}";
    BudgetNotSet => "未设置季度目标（settings.toml 的 budget）", "No season target set (budget in settings.toml)";
    BudgetUnavailable => "无法核算：{0}", "Cannot be computed: {0}";
    BudgetMean => "累计均值（µg/m³）", "Mean so far (µg/m³)";
    BudgetTarget => "目标 {0} · 剩余 {1} 天允许均值 {2}", "target {0} · the remaining {1} days may average {2}";
    BudgetValidDays => "截至 {0}：有效 {1} 天（缺 {2} 天）", "as of {0}: {1} valid days ({2} missing)";
    BudgetHeavy => "重污染 {0} 天，尚余 {1} 天", "{0} heavy days, {1} left";
    BudgetOnTrack => "在目标内", "on track";
    BudgetOffTrack => "超出目标", "over target";
    OverdueNone => "无逾期事项", "Nothing overdue";
    OverdueCount => "{0} 项逾期", "{0} overdue";
    OverdueItem => "{0}：{1}（时限 {2}）", "{0}: {1} (due {2})";
    FindingsOverdue => "督办问题逾期 {0} 项", "{0} supervision findings overdue";
    Alerts => "报警", "Alerts";
    AlertsNone => "近 {0} 小时无报警", "No alerts in the last {0} h";
    AlertsCount => "近 {0} 小时 {1} 条", "{1} in the last {0} h";
    AlertsNotKept => "仅显示，未记入日志：{0}", "Shown only, not kept in the journal: {0}";
    AlertsKept => "首次出现即记入日志（已记 {0} 条）", "Kept in the journal when first seen ({0} kept)";
    AlertToFinding => "转督办", "To supervision";
    AlertsToAcknowledge => "{0} 条待确认", "{0} to acknowledge";
    AlertAcknowledge => "确认…", "Acknowledge…";
    AlertAcknowledgeHint => "记录已看到此报警及处理情况（记入日志）", "Record that you have seen this alert and what was done (kept in the journal)";
    AlertAckNote => "处理情况（可选）", "What was done (optional)";
    AlertAckConfirm => "确认报警", "Acknowledge";
    AlertAcknowledged => "已确认：{0} {1}", "Acknowledged by {0} at {1}";
    Headline => "辖区实况与预警", "Area now and warning";
    AlertToFindingHint => "在督办页新建一条交办事项，预填站点、时间和读数", "Open a new supervision finding with the station, hour and reading filled in";
    AlertHandedOver => "已转督办 {0}", "Handed to supervision as {0}";
    AdviceOutlookDiffers => "气象展望 {0} 为“{1}”（本地气象统计模型，日 AQI 约 {2}–{3}）；研判建议则按预案依据空气质量预报文件 {4}。两者来源不同，差异较大时请会商核实。", "The weather outlook rates {0} “{1}” (the local weather model, daily AQI about {2}–{3}); the advice follows the AQI forecast file {4} through the plan. They come from different sources: consult when they disagree.";
    TodoNow => "现在要做", "To do now";
    TodoNothing => "暂无待办：没有逾期事项，没有待确认的报警", "Nothing waiting: nothing overdue, no alert to acknowledge";
    TodoAdvice => "研判建议：{0}", "Advice: {0}";
    TodoOpenDecide => "去研判…", "Decide…";
    TodoEndsEarly => "预警预计 {0} 结束，早于研判建议的 {1}", "The warning is expected to end at {0}, before the advised {1}";
    TodoAdjustEnd => "调整预警…", "Adjust the warning…";
    TodoOpenChecklist => "去处理…", "Follow up…";
    TodoOpenFindings => "去督办…", "Supervision…";

    // Data page
    OpenFiles => "打开文件…", "Open files…";
    OpenFilesTip => "用系统对话框选择数据文件 (Ctrl+O)", "Choose data files with the system dialog (Ctrl+O)";
    PathField => "文件或文件夹路径", "File or folder path";
    PathHint => "输入路径后回车，或把文件拖到窗口上", "Type a path and press Enter, or drop files onto the window";
    Add => "加载", "Load";
    Reload => "重新加载", "Reload";
    ReloadTip => "重新读取全部数据文件 (F5)", "Read all data files again (F5)";
    Recent => "最近文件", "Recent files";
    RecentEmpty => "（暂无）", "(none yet)";
    NoDialog => "系统文件对话框不可用（没有桌面门户 xdg-desktop-portal，也没有 zenity）。请输入路径、把文件拖到窗口上，或从最近文件中选择。", "No system file dialog is available (no xdg-desktop-portal and no zenity). Type a path, drop files onto the window, or pick a recent file.";
    DropHere => "松开鼠标以加载这些文件", "Release to load these files";
    DataFiles => "数据文件", "Data files";
    DataFilesNone => "尚未加载数据文件。可放入工作区 data/ 文件夹，或在上方打开。", "No data files yet. Put them into the workspace's data/ folder, or open them above.";
    RemoveFile => "移除", "Remove";
    RemoveFileTip => "不再加载此文件（文件本身不会被删除或修改）", "Stop loading this file (the file itself is not deleted or changed)";
    LoadReport => "加载报告", "Load report";
    ReportFile => "文件", "File";
    ReportFormat => "格式", "Format";
    ReportEncoding => "编码", "Encoding";
    ReportRows => "行数", "Rows";
    ReportValues => "数值", "Values";
    ReportMissing => "缺测", "Missing";
    ReportProblems => "问题", "Problems";
    ReportPeriod => "时段", "Period";
    ReportUnknownFormat => "无法识别", "not recognised";
    ReportNote => "说明", "Note";
    ProblemLine => "第 {0} 行", "line {0}";
    ProblemColumn => "第 {0} 列", "column {0}";
    ProblemsMore => "…另有 {0} 个问题未列出", "… and {0} more not listed";
    // Load report: formats, problems and notes of the loaders (rendered in src/i18n/ingest.rs)
    LdFmtCnemcSites => "CNEMC 站点小时数据（china_sites）", "CNEMC site file (china_sites)";
    LdFmtStationList => "CNEMC 站点列表", "CNEMC station list (站点列表)";
    LdFmtPrsaSingleSite => "UCI 北京 PM2.5 单站数据（PRSA）", "UCI Beijing PM2.5, single site (PRSA)";
    LdFmtPrsaMultiSite => "UCI 北京多站点空气质量数据（PRSA）", "UCI Beijing Multi-Site Air-Quality (PRSA)";
    LdFmtAqiForecast => "AQI 预报（日期,AQI下限,AQI上限）", "AQI forecast (AQI预报: 日期,AQI下限,AQI上限)";
    LdFmtOpenMeteoJson => "Open-Meteo JSON", "Open-Meteo JSON";
    LdFmtOpenMeteoCsv => "Open-Meteo CSV", "Open-Meteo CSV";
    LdFmtOpenAqArchive => "OpenAQ 归档 CSV", "OpenAQ archive CSV";
    LdFmtOpenAqOpenDataSoft => "OpenAQ 导出（OpenDataSoft，分号分隔）", "OpenAQ export (OpenDataSoft, semicolons)";
    LdFmtOpenAqV1 => "OpenAQ API v1 CSV", "OpenAQ API v1 CSV";
    LdFmtCmaSounding => "CMA 高空定时值（探空）", "CMA upper-air sounding (高空定时值)";
    LdFmtTable => "按列映射读取的表格（CSV）", "table (CSV) with column mapping";
    LdFmtWorkbook => "按列映射读取的 Excel 工作簿", "Excel workbook with column mapping";
    LdPlaceSep => "：", ": ";
    LdThen => "{0}；{1}", "{0}; {1}";
    LdThenValue => "该值未采用", "value skipped";
    LdThenRow => "该行已跳过", "row skipped";
    LdThenLevel => "该层已跳过", "level skipped";
    LdThenColumn => "该列未加载", "column not loaded";
    LdThenRowsLikeIt => "此类行均已跳过（首见于此行）", "such rows are skipped (first at this line)";
    LdThenHour => "该小时的数值均已跳过", "the values of that hour are skipped";
    LdThenIgnored => "已忽略", "ignored";
    LdNotANumber => "「{0}」不是数字", "「{0}」 is not a number";
    LdUnexpectedCharacter => "「{0}」不是数字（含意外字符「{1}」）", "「{0}」 is not a number (unexpected 「{1}」)";
    LdSeparators => "「{0}」含 {1} 个小数点（可能是被 Excel 千位分组弄乱的数字）", "「{0}」 has {1} decimal separators (a number mangled by Excel's thousands grouping?)";
    LdMixedSeparators => "「{0}」混用了小数点和小数逗号", "「{0}」 mixes decimal separators";
    LdOutOfRange => "「{0}」超出范围", "「{0}」 is out of range";
    LdNegative => "{1} 的值 {0} 为负，不可能", "negative value {0} for {1} is impossible";
    LdNegativeAmount => "负的量 {0}，不可能", "negative amount {0} is impossible";
    LdHumidityAbove100 => "相对湿度 {0}% 超过 100%", "relative humidity {0} % is above 100 %";
    LdAqiOutside => "AQI {0} 不在 0–500 之内", "AQI {0} is outside 0–500";
    LdNotAqiRange => "「{0}」不是 AQI 范围（如 180~230）", "「{0}」 is not an AQI range such as 180~230";
    LdCoordinateOutOfRange => "{0} {1} 超出范围", "{0} {1} is out of range";
    LdLongitude => "经度", "longitude";
    LdLatitude => "纬度", "latitude";
    LdNotATime => "「{0}」不是时间", "「{0}」 is not a time";
    LdNotATimeWithOffset => "「{0}」不是带 UTC 偏移的时间", "「{0}」 is not a time with UTC offset";
    LdNotADate => "「{0}」不是日期", "「{0}」 is not a date";
    LdNotATimeOfDay => "「{0}」不是时刻（例如 {1}）", "「{0}」 is not a time (expected e.g. {1})";
    LdNotATimeSpan => "「{0}」不是时间段（例如 08:30-17:30）", "「{0}」 is not a time span (expected e.g. 08:30-17:30)";
    LdNotWholeHour => "{0} 不在整点上（AirDesk 保存小时值，请先把更密的数据平均为小时值）", "{0} is not on a whole hour (AirDesk keeps hourly values; average sub-hourly data first)";
    LdYearOutside => "年份 {0} 不在 {1}–{2} 之内", "year {0} is outside {1}–{2}";
    LdUnixOutside => "Unix 时间 {0} 不在 {1}–{2} 年之内", "Unix time {0} is outside {1}–{2}";
    LdNotWholeUnixHour => "「{0}」不是整点的 Unix 秒数", "「{0}」 is not a whole hour in Unix seconds";
    LdTimeFormat => "「{0}」不符合时间格式 {1}（{2}）", "「{0}」 does not match the time format {1} ({2})";
    LdDateFormat => "「{0}」不符合日期格式 {1}（{2}）", "「{0}」 does not match the date format {1} ({2})";
    LdNotAPart => "「{0}」不是{1}", "「{0}」 is not a {1}";
    LdPartYear => "年份", "year";
    LdPartMonth => "月份", "month";
    LdPartDay => "日", "day";
    LdPartHour => "小时", "hour";
    LdNoSuchDate => "{0}-{1}-{2} 不是有效日期", "{0}-{1}-{2} is not a date";
    LdHourOutside => "小时 {0} 不在 0–{1} 之内", "hour {0} is not 0–{1}";
    LdNoHourColumn => "没有小时列：小时值需要小时", "no hour column: hourly values need an hour";
    LdUnit => "单位「{0}」无法读作 {2} 的单位 {1}", "unit 「{0}」 cannot be read as {1} for {2}";
    LdEmptyFile => "文件为空", "the file is empty";
    LdUnknownFormat => "无法识别的格式：应为 {0}", "unknown format: expected {0}";
    LdExpectedFormats => "CNEMC 站点数据（date,hour,type,<站点编码>）、站点列表（监测点编码,监测点名称,城市,经度,纬度…）、UCI 北京 PRSA 文件（No,year,month,day,hour,pm2.5,…）、AQI 预报（date,aqi_min,aqi_max 或 日期,AQI下限,AQI上限）、Open-Meteo 响应（JSON，或以 latitude,longitude,…,utc_offset_seconds 开头的 CSV）、OpenAQ 文件（归档 CSV location_id,sensors_id,…；OpenDataSoft 导出 Country Code;City;Location;Coordinates;…；API v1 CSV）、CMA 高空探空（Station_Id_C Year_Data … PRS_HWC … TEM）、Excel 工作簿，或含时间列（datetime/时间，或 date+hour）和已知变量列（PM2.5、O3、气温…）的 CSV 表格——其他表格需要列映射配置；gzip 压缩文件会先解压", "a CNEMC site file (date,hour,type,<station codes>), a station list (监测点编码,监测点名称,城市,经度,纬度…), a UCI Beijing PRSA file (No,year,month,day,hour,pm2.5,…), an AQI forecast (date,aqi_min,aqi_max or 日期,AQI下限,AQI上限), an Open-Meteo response (JSON, or CSV starting latitude,longitude,…,utc_offset_seconds), an OpenAQ file (archive CSV location_id,sensors_id,…; OpenDataSoft export Country Code;City;Location;Coordinates;…; API v1 CSV), a CMA upper-air sounding (Station_Id_C Year_Data … PRS_HWC … TEM), an Excel workbook, or a CSV table with a time column (datetime/时间, or date+hour) and known variable columns (PM2.5, O3, 气温, …) — other tables need a column-mapping profile; gzip-compressed files are unpacked first";
    LdNotRegular => "不是普通文件（而是{0}）；AirDesk 只读取普通文件", "not a regular file (it is {0}); AirDesk reads only ordinary files";
    LdKindFolder => "文件夹", "a folder";
    LdKindFifo => "命名管道（FIFO）", "a named pipe (FIFO)";
    LdKindDevice => "设备", "a device";
    LdKindSocket => "套接字", "a socket";
    LdKindOther => "其他非文件对象", "not a file";
    LdFileTooLarge => "文件有 {0} MiB；AirDesk 最多读取 {1} MiB 的文件", "the file is {0} MiB; AirDesk reads files up to {1} MiB";
    LdCannotRead => "无法读取文件：{0}", "cannot read the file: {0}";
    LdGzipDamaged => "gzip 数据已损坏（{0}）", "the gzip data is damaged ({0})";
    LdGzipTooLarge => "文件解压后超过 {0} MiB；请先解压", "the file unpacks to more than {0} MiB; unpack it first";
    LdWbUnreadable => "不是可读取的工作簿（{0}）", "not a workbook that can be read ({0})";
    LdWbTooLargeUnpacked => "工作簿解压后有 {0} MiB，超过 AirDesk 读取的上限 {1} MiB", "the workbook unpacks to {0} MiB, more than the {1} MiB AirDesk reads";
    LdWbTooLargeFile => "工作簿有 {0} MiB；.xls、.xlsb 和 .ods 文件最多读取 {1} MiB：请另存为 .xlsx 或 CSV", "the workbook is {0} MiB; .xls, .xlsb and .ods files are read up to {1} MiB: save it as .xlsx or CSV";
    LdWbNoSuchSheet => "工作簿中没有工作表「{0}」（现有：{1}）", "worksheet 「{0}」 is not in the workbook (sheets: {1})";
    LdWbNoSheet => "工作簿中没有工作表", "the workbook has no worksheet";
    LdWbSheet => "工作表「{0}」无法读取（{1}）", "worksheet 「{0}」 cannot be read ({1})";
    LdUnreadableHeader => "无法读取表头：{0}", "cannot read the header: {0}";
    LdHeaderLacks => "表头缺少 {0} 中的某一列", "the header lacks one of {0}";
    LdBadEncoding => "部分字节不是有效的 {0} 文本，显示为 �", "some bytes are not valid {0}; they show as �";
    LdUnknownEncoding => "编码「{0}」未知", "encoding 「{0}」 is not known";
    LdNoDelimiter => "没有分隔符（, ; 制表符 |）能把前几行分成列", "no delimiter (, ; tab |) splits the first lines into columns";
    LdInvalidJson => "不是有效的 JSON（{0}）；下载是否中断？", "not valid JSON ({0}); was the download cut short?";
    LdUnreadableRow => "无法读取的行：{0}", "unreadable row: {0}";
    LdShortRow => "本行 {0} 个字段，表头有 {1} 个（行被截断？）；{2}", "{0} fields, the header names {1} (line cut short?); {2}";
    LdFieldCount => "本行 {0} 个字段，应为 {1} 个；该行已跳过", "{0} fields, expected {1}; row skipped";
    LdEmptyStation => "站点编码为空；该行已跳过", "empty station code; row skipped";
    LdNoDate => "没有日期；该行已跳过", "no date; row skipped";
    LdValueTwice => "同一站点同一小时的 {0} 给出两次（{1}，又为 {2}）；保留 {1}", "{0} given twice for the same station and hour ({1}, then {2}); kept {1}";
    LdConflictsWithLoaded => "{1} 的值 {0} 与已从其他文件加载的 {2} 不同；保留 {2}", "value {0} at {1} differs from {2} already loaded from another file; kept {2}";
    LdEmptyHeaderCode => "表头中的站点编码为空；该列已忽略", "empty station code in the header; column ignored";
    LdBadDateAndHour => "日期或小时无效（应为 1900–2100 年的 YYYYMMDD 与 0–23 时）；该行已跳过", "date or hour is not valid (expected YYYYMMDD in 1900–2100 and 0–23); row skipped";
    LdUnknownType => "未知类型「{0}」；其各行均已跳过", "unknown type 「{0}」; its rows are skipped";
    LdUnknownTypeRows => "已跳过 {1} 行未知类型「{0}」", "{1} rows of unknown type 「{0}」 skipped";
    LdFewerValues => "本行有 {0} 个站点值，表头列出 {1} 个站点（文件被截断？）；缺少的留空", "row has {0} station values, the header names {1} (file cut short?); the missing ones are left empty";
    LdMoreValues => "本行有 {0} 个站点值，表头列出 {1} 个站点；多出的已忽略", "row has {0} station values, the header names {1}; the extra ones are ignored";
    LdNoCodeColumn => "表头中没有站点编码列（监测点编码）", "no station-code column (监测点编码) in the header";
    LdStationTwice => "站点 {0} 列出两次；保留第一条", "station {0} listed twice; the first entry is kept";
    LdNotForecast => "不是 AQI 预报：表头需要日期列（日期/date），以及 AQI下限 和 AQI上限（aqi_min、aqi_max）或一个范围列（AQI范围）", "not an AQI forecast: the header needs a date column (date/日期) and aqi_min and aqi_max (AQI下限, AQI上限) or one range column (AQI范围)";
    LdColumnNotUsed => "AQI 预报不使用此列；已忽略", "column not used by the AQI forecast; ignored";
    LdDayAgain => "{0} 再次出现（首次在第 {1} 行）；本行已忽略", "{0} appears again (first on line {1}); this row is ignored";
    LdNoYear => "「{0}」没有年份，文件中也没有完整日期可供借用；请写成 2019-12-08", "「{0}」 has no year and the file has no full date to take it from; write 2019-12-08";
    LdLowerMissing => "缺少下限；该行已跳过", "lower bound missing; row skipped";
    LdUpperMissing => "缺少上限；该行已跳过", "upper bound missing; row skipped";
    LdNoAqi => "本行没有 AQI 值；已跳过", "no AQI value on this row; skipped";
    LdBoundsReversed => "下限 {0} 高于上限 {1}；该行已跳过", "lower bound {0} is above upper bound {1}; row skipped";
    LdNotPollutant => "「{0}」不是污染物名称（PM2.5、PM10、O3、NO2、SO2、CO、沙尘）；已忽略", "「{0}」 is not a pollutant name (PM2.5, PM10, O3, NO2, SO2, CO, 沙尘); ignored";
    LdNotAudited => "不是审核日数据：表头需要日期列（日期/date）和站点编码列（站点编码/station）", "not audited daily data: the header needs a date column (日期/date) and a station code column (站点编码/station)";
    LdAuditedNoValues => "不是审核日数据：没有 PM2.5 或 PM10 列", "not audited daily data: no PM2.5 or PM10 column";
    LdStationDayAgain => "{0} 在 {1} 再次出现（首次在第 {2} 行）；本行已忽略", "{0} on {1} appears again (first on line {2}); this row is ignored";
    LdSoundingUnusable => "站点 {0} {1} 的探空：{2}；未使用", "sounding of station {0} at {1}: {2}; not used";
    LdSoundingNoSurface => "没有标为地面且有高度的层次", "no surface level with a height";
    LdSoundingNoSurfaceHeight => "地面层没有高度", "no surface height";
    LdSoundingNoLevelAbove => "地面以上没有层次", "no level above the surface";
    LdNoMixingHeight => "站点 {0} {1} 的探空：没有混合层高度（廓线始终未超过气块）", "sounding of station {0} at {1}: no mixing height (the profile never exceeds the parcel)";
    LdSoundingValue => "站点 {0} {1} 的探空：{2}", "sounding of station {0} at {1}: {2}";
    LdSoundingsDiffer => "站点 {0} {1} 的两份探空给出不同的 {2}（{3}，{4}）；保留第一份", "two soundings of station {0} at {1} give different {2} ({3}, {4}); kept the first";
    LdNoHeaderRow => "前 {0} 行中没有表头行；应有{1}", "no header row found in the first {0} rows; expected {1}";
    LdExpectRoster => "日期列（日期/date）和人员列（姓名/name，或每个岗位一列）", "a date column (日期/date) and people columns (姓名/name, or one column per role)";
    LdExpectContacts => "姓名列（联系人/姓名/name）和电话列（电话/手机/phone）或微信群列", "a name column (联系人/姓名/name) and a phone column (电话/手机/phone) or a WeChat group column (微信群)";
    LdExpectFindings => "问题描述列（问题描述/description）和责任单位列（责任单位/unit）", "a description column (问题描述/description) and a responsible-unit column (责任单位/unit)";
    LdExpectLedger => "序号列（No.）", "a No. column";
    LdExpectFeedbackForm => "反馈表的表头（事项编号、责任单位、反馈状态、反馈时间、反馈人、情况说明）", "a feedback form's header (事项编号, 责任单位, 反馈状态, 反馈时间, 反馈人, 情况说明)";
    LdExpectReductionList => "企业名称列和清单列", "an enterprise column and list columns";
    LdNoPeopleColumn => "没有人员列：应有 姓名/name，或每个岗位一列（带班领导、值班人员…）", "no people column: expected 姓名/name, or one column per role (带班领导, 值班人员…)";
    LdSharedPhoneColumn => "多个人员列共用一个电话列；电话改从通讯录中取", "several people columns share one phone column; phones are taken from the contact list instead";
    LdNoPerson => "本行没有人员；该行已跳过", "no person on this row; row skipped";
    LdImplausibleShift => "班次 {0} – {1} 不合理（结束早于开始或长于 48 小时）；该行已跳过", "shift {0} – {1} is not a plausible shift (end before start or longer than 48 h); row skipped";
    LdNoName => "没有姓名；该行已跳过", "no name; row skipped";
    LdNotPhone => "「{0}」看起来不像电话号码；按原样保留", "「{0}」 does not look like a phone number; kept as written";
    LdUnitNotInPlan => "单位「{0}」不是预案中的单位（既非编号也非全称）；该行不用于催报", "unit 「{0}」 is not one of the plan's units (neither its id nor its full name); the row is not used for chasing reports";
    LdNoDescription => "没有问题描述；该行已跳过", "no description; row skipped";
    LdNoUnit => "没有责任单位；该行已跳过", "no responsible unit; row skipped";
    LdBadDeadline => "「{0}」不是日期、立行立改或长期坚持；问题已保留，但没有整改期限", "「{0}」 is not a date, 立行立改 or 长期坚持; the finding is kept without a deadline";
    LdListTooLarge => "工作表「{0}」太大：到第 {2} 行已超过 {1} 个单元格；只读取此前的行", "sheet 「{0}」 is too large: more than {1} cells by row {2}; only the rows before it are read";
    LdSheetTooLarge => "工作表「{0}」太大：单元格远至第 {1} 行第 {2} 列；AirDesk 最多读取 {3} 行 × {4} 列，超出部分的 {5} 个单元格未读取", "worksheet 「{0}」 is too large: it has cells as far as row {1}, column {2}; AirDesk reads at most {3} rows × {4} columns, so {5} cells beyond that were not read";
    LdEmptySpreadsheet => "电子表格中没有有内容的单元格", "the spreadsheet has no cells with content";
    LdSpreadsheetError => "电子表格错误值 {0}", "spreadsheet error value {0}";
    LdNoTableHeader => "前 20 行中没有含时间列和已知变量（PM2.5、O3、气温…）的表头；请用映射配置指定各列", "no header with a time column and a known variable (PM2.5, O3, 气温, …) in the first 20 rows; map the columns with a profile";
    LdNoHeader => "表格没有表头行", "the table has no header row";
    LdHeaderRowMissing => "映射配置的 header_row {0} 不是本文件中的行", "header_row {0} of the profile is not a row of this file";
    LdProfileUnusable => "映射配置「{0}」无法使用：{1}", "the mapping profile 「{0}」 cannot be used: {1}";
    LdProfileSyntax => "映射配置无效：{0}", "invalid mapping profile: {0}";
    LdSettingsSyntax => "第{0}行有误（{1}）", "line {0}: {1}";
    LdFileProblem => "{0}：{1}", "{0}: {1}";
    LdProfileDateParts => "year_column、month_column 和 day_column 须一起给出", "year_column, month_column and day_column go together";
    LdProfileNoTime => "没有 time_column（也没有 year/month/day 列）", "no time_column (nor year/month/day columns)";
    LdProfileLongColumns => "长表布局需要 variable_column 和 value_column", "the long layout needs variable_column and value_column";
    LdProfileNoColumns => "没有列映射到变量", "no columns mapped to variables";
    LdBadDelimiter => "分隔符「{0}」不是 , ; 制表符 | 之一", "delimiter 「{0}」 is not one of , ; tab |";
    LdBadOffset => "utc_offset「{0}」不是形如 +08:00 的偏移", "utc_offset 「{0}」 is not an offset like +08:00";
    LdColumnNotInHeader => "列「{0}」不在表头中（第 {1} 行：{2}）", "column 「{0}」 is not in the header (line {1}: {2})";
    LdColumnNotMapped => "列「{0}」没有映射到变量；未加载", "column 「{0}」 is not mapped to a variable; not loaded";
    LdUnknownVariable => "「{0}」不是 AirDesk 认识的变量；此类行均已跳过（首见于此行）", "「{0}」 is not a variable AirDesk knows; such rows are skipped (first at this line)";
    LdUnknownParameter => "参数「{0}」不是 AirDesk 使用的；其各行均已跳过（首见于此行）", "parameter 「{0}」 is not one AirDesk uses; its rows are skipped (first at this line)";
    LdNotCoordinates => "「{0}」不是“纬度, 经度”；该行已跳过", "「{0}」 is not \"latitude, longitude\"; row skipped";
    LdCoordinatesMissing => "坐标缺失或超出范围；该行已跳过", "coordinates missing or out of range; row skipped";
    LdLocationUnknown => "经纬度缺失或超出范围；地点以文件名命名", "latitude/longitude missing or out of range; the location is named after the file";
    LdOffsetAssumedGmt => "utc_offset_seconds 缺失或不是偏移；按 0（GMT）处理", "utc_offset_seconds missing or not an offset; assumed 0 (GMT)";
    LdNoMetadataLine => "latitude,longitude,… 表头下没有元数据行", "no metadata line under the latitude,longitude,… header";
    LdUnusedVariable => "变量「{0}」不是 AirDesk 使用的；未加载", "variable 「{0}」 is not one AirDesk uses; not loaded";
    LdBadSectionHeader => "分段表头以「{0}」开头，应为 `time`；该段已跳过", "section header starts with 「{0}」, expected `time`; section skipped";
    LdUnknownLocationId => "location_id「{0}」不在元数据行中；该行已跳过", "location_id 「{0}」 is not in the metadata lines; row skipped";
    LdNotLocationObject => "数组元素不是地点对象；已跳过", "array element is not a location object; skipped";
    LdNotLocations => "JSON 既不是对象，也不是地点数组", "the JSON is neither an object nor an array of locations";
    LdApiError => "Open-Meteo 返回了错误而不是数据：{0}", "Open-Meteo returned an error instead of data: {0}";
    LdNoReasonGiven => "未说明原因", "no reason given";
    LdMetadataMissing => "响应中没有 {0}（保存时丢了元数据？）；假定：{1}", "the response has no {0} (saved without its metadata?); assumed: {1}";
    LdAssumedSep => "；", "; ";
    LdAssumedGmt => "时间为 GMT（UTC+0，API 默认）", "times are GMT (UTC+0, the API default)";
    LdAssumedUnits => "单位为 API 默认单位（°C、km/h、mm、降雪 cm、%、°、hPa、m、μg/m³）", "units are the API defaults (°C, km/h, mm, cm snowfall, %, °, hPa, m, μg/m³)";
    LdAssumedLocation => "地点未知，以文件名命名：open-meteo:{0}", "the location is unknown, so it is named after the file: open-meteo:{0}";
    LdNoHourly => "没有 `hourly` 段：没有可加载的内容（请请求逐小时变量）", "no `hourly` section: nothing to load (request hourly variables)";
    LdNoHourlyTime => "没有 `hourly.time` 数组", "no `hourly.time` array";
    LdNotAnArray => "不是数组；已跳过", "not an array; skipped";
    LdLengthMismatch => "{0} 个值对应 {1} 个时间；多出的已忽略", "{0} values for {1} times; the extra ones are ignored";
    LdUnitAssumedDefault => "{0} 没有给出单位；按 API 默认单位 {1} 处理", "no unit given for {0}; assumed the API default {1}";
    LdBadDateParts => "日期或小时无效（应为日历上的日期和 0–23 时）；该行已跳过", "date or hour is not valid (expected a calendar date and hour 0–23); row skipped";
    LdNotWindDirection => "「{0}」不是风向（NW、NE、SE、SW 或 cv）", "「{0}」 is not a wind direction (NW, NE, SE, SW or cv)";
    LdNotCompassPoint => "「{0}」不是 16 个方位之一", "「{0}」 is not one of the 16 compass points";
    LdWindGaps => "{0} 个小时紧随同风向各行中的缺口：那里的累计风速无法换算为小时风速；留空", "{0} hour(s) follow a gap in the rows with the same wind direction: the cumulated wind speed cannot be turned into an hourly speed there; left missing";
    LdHoursTwice => "{1} {2} 有 {0} 个小时出现两次且数值不同；保留第一行的值", "{0} hour(s) of {1} {2} appear twice with different values; the first row's value was kept";
    LdNotShapefile => "不是可读取的 Shapefile：{0}", "not a readable Shapefile: {0}";
    LdNotGeoJson => "不是 GeoJSON：{0}", "not GeoJSON: {0}";
    LdTooManyPoints => "坐标超过 {0} 个：请先简化图层（例如用 mapshaper 或 QGIS）", "more than {0} coordinates: simplify the layer first (e.g. mapshaper or QGIS)";
    LdProjected => "坐标 ({0}, {1}) 不是以度为单位的经纬度：文件似乎采用投影坐标系（米）；请导出为 WGS 84 / CGCS2000 经纬度", "coordinate ({0}, {1}) is not longitude/latitude in degrees: the file seems to be in a projected system (metres); export it as WGS 84 / CGCS2000 longitude and latitude";
    LdNoGeometry => "文件中没有几何图形", "the file holds no geometry";
    LdNoForecastDay => "{0}：未能读到任何预报日", "{0}: no forecast day could be read";
    LdNoteGzip => "gzip 压缩文件；已先解压再读取", "gzip-compressed; unpacked before reading";
    LdNoteColumnsNotUsed => "未使用的列：{0}", "columns not used: {0}";
    LdNoteSoundingDescent => "{0} 个记录在更高层之后的层（探空仪破裂后回落）已忽略", "{0} level(s) recorded after a higher level (the sonde falling back after burst) were ignored";
    LdNoteSoundingRepeats => "{0} 个气压层以其他数值再次列出（更正报？）；采用第一次列出的值", "{0} pressure level(s) were listed again with other values (a corrected report?); the first listing was used";
    LdNoteAutoMapped => "已按表头（第 {0} 行）自动映射各列；如需更改，请保存映射配置", "columns mapped automatically from the header (line {0}); save a profile to change the mapping";
    LdNoteDelimiter => "字段以{0}分隔{1}", "fields separated by {0}{1}";
    LdTab => "制表符", "tab";
    LdDecimalComma => "，小数用逗号", ", decimal comma";
    LdNoteStationFromProfile => "文件没有站点列：数值归入映射配置指定的站点「{0}」", "the file has no station column: its values are given to station 「{0}」 named in the profile";
    LdNoteStationFromFileName => "文件没有站点列：数值归入按文件名命名的站点「{0}」", "the file has no station column: its values are given to station 「{0}」, taken from the file name";
    LdNoteLocalTimesAt => "不带 UTC 偏移的时间按 UTC{0} 处理", "times without a UTC offset are taken as UTC{0}";
    LdNoteEndOfHour => "小时时标视为平均时段的结束（01:00 = 00:00–01:00 的均值）", "hour stamps taken as the END of the averaging hour (01:00 = mean of 00:00–01:00)";
    LdNoteStartOfHour => "小时时标视为该小时的开始", "hour stamps taken as the START of the hour";
    LdNoteUnitAssumed => "列「{0}」没有单位：按 {1} 的单位 {2} 处理", "column 「{0}」 has no unit: taken as {1} in {2}";
    LdNoteConverted => "{0} 已从 {1} 换算为 {2}（25 °C、1013.25 hPa，摩尔体积 {3} L/mol）", "{0} converted from {1} to {2} at 25 °C and 1013.25 hPa (molar volume {3} L/mol)";
    LdNoteOpenAqEndOfHour => "时标视为平均时段的结束（OpenAQ：一天的文件从 01:00 到次日 00:00）", "stamps taken as the END of the averaging hour (OpenAQ: a day's file runs 01:00 … 00:00)";
    LdNoteTakenAsUtc => "部分 datetime 没有 UTC 偏移；按 UTC 处理", "some datetimes have no UTC offset; they were taken as UTC";
    LdNoteOffsetBetweenHours => "UTC{0} 的时标落在 UTC 整点之间；每个值归入包含其时标的 UTC 小时（提前 {1} 分钟）", "stamps at UTC{0} fall between whole UTC hours; each value is placed on the UTC hour that contains its stamp ({1} min earlier)";
    LdNoteExporterOffset => "时间带的是导出方（巴黎）的偏移而非站点的；换算为 UTC 无误，但按该偏移显示", "times carry the exporter's offset (Paris), not the station's; they are converted to UTC correctly, but shown in that offset";
    LdNoteCurrentWeatherNotLoaded => "当前天气段未加载", "the current-weather section is not loaded";
    LdNoteDailySectionNotLoaded => "第 {0} 行的逐日段未加载（AirDesk 保存逐小时序列）", "the daily section at line {0} is not loaded (AirDesk keeps hourly series)";
    LdNoteSubHourlyNotLoaded => "第 {0} 行的段是当前或 15 分钟数据；未加载（AirDesk 保存逐小时序列）", "the section at line {0} is current or 15-minutely data; not loaded (AirDesk keeps hourly series)";
    LdNoteModelUndefined => "模式 {0} 的单位为 `undefined`（超出其区域）；已跳过", "model {0} has unit `undefined` (outside its domain); skipped";
    LdNoteKeyUndefined => "{0} 的单位为 `undefined`；已跳过", "{0} has unit `undefined`; skipped";
    LdNoteSectionNotLoaded => "`{0}` 段未加载（AirDesk 保存逐小时序列）", "the `{0}` section is not loaded (AirDesk keeps hourly series)";
    LdNoteSurfacePressureNotUsed => "`{0}` 未加载：气压采用同一模式的 pressure_msl", "`{0}` not loaded: pressure_msl of the same model is used for pressure";
    LdNoteModelNoData => "模式 {0} 在 {1} 没有数据（超出其区域或时段）；已跳过", "model {0} has no data at {1} (outside its domain or period); skipped";
    SeverityError => "错误", "Error";
    SeverityWarning => "警告", "Warning";
    Stations => "站点", "Stations";
    Filter => "筛选", "Filter";
    FilterHint => "编码、名称、城市或省份 (Ctrl+F)", "Code, name, city or province (Ctrl+F)";
    ShownOf => "显示 {0} / {1}", "{0} of {1} shown";
    ColCode => "编码", "Code";
    ColName => "名称", "Name";
    ColCity => "城市", "City";
    ColProvince => "省份", "Province";
    ColLon => "经度", "Lon";
    ColLat => "纬度", "Lat";
    ColSeries => "序列", "Series";
    ColRemark => "备注", "Remark";
    ControlSite => "对照点", "control site";
    SortBy => "按此列排序（再次点击反向）", "Sort by this column (click again to reverse)";
    ProjectorStationHint => "↑ ↓ 切换站点", "↑ ↓ change station";
    SelectStation => "选择一个站点查看时间序列（↑ ↓ 切换）", "Select a station to see its time series (↑ ↓ to move)";
    Variable => "变量", "Variable";
    NoSeries => "该站点没有此变量的数据", "No data for this variable at this station";
    NoVariables => "该站点暂无监测数据", "No measurements for this station yet";
    Latest => "最新", "Latest";
    ValuesCount => "{0} 个数值", "{0} values";

    // Settings page
    SettingsGeneral => "常规", "General";
    SettingsDisplay => "显示", "Display";
    Theme => "界面主题", "Theme";
    ThemeLight => "浅色", "Light";
    ThemeDark => "深色", "Dark";
    ProjectorScale => "投屏字号倍数", "Projector text scale";
    RendererLabel => "渲染器（重启后生效）", "Renderer (applies after restart)";
    RendererAuto => "自动（{0}）", "Automatic ({0})";
    RendererNow => "当前使用：{0}", "In use now: {0}";
    AreaLabel => "辖区（城市）", "Area (city)";
    AreaNone => "（未选择）", "(none)";
    AreaStations => "辖区站点：{0} 个（对照点除外）", "Area stations: {0} (control sites excluded)";
    AreaNeedsList => "加载站点列表（站点列表 CSV）后可按城市选择辖区。", "Load a station list (站点列表 CSV) to choose the area by city.";
    WorkspacePath => "当前工作区", "Current workspace";
    WorkspaceOpen => "打开或新建工作区", "Open or create a workspace";
    WorkspaceFolder => "工作区文件夹路径", "Workspace folder path";
    ChooseFolder => "选择文件夹…", "Choose folder…";
    OpenWorkspace => "打开", "Open";
    RecentWorkspaces => "最近的工作区", "Recent workspaces";
    ClockSection => "时钟", "Clock";
    ClockReal => "实时（北京时间）", "Real time (China Standard Time)";
    ClockDrill => "演练时钟", "Drill clock";
    ClockDrillAt => "演练时刻", "Drill moment";
    ClockDrillHint => "如 2019-12-10 14:00（北京时间）", "e.g. 2019-12-10 14:00 (China Standard Time)";
    StartDrill => "开始演练", "Start drill";
    DrillRunningLabel => "时钟走时", "Clock runs";
    BadMoment => "无法识别的时间，请用 2019-12-10 14:00 的格式", "Time not understood; use the form 2019-12-10 14:00";
    Shortcuts => "键盘快捷键", "Keyboard shortcuts";
    ShortcutPages => "切换页面", "Go to page";
    ShortcutProjector => "进入/退出会商投屏", "Enter/leave projector mode";
    ShortcutSlides => "投屏时翻页", "Step pages in projector mode";
    ShortcutZoom => "放大/缩小/还原", "Zoom in/out/reset";
    ShortcutFocus => "在控件间移动焦点", "Move focus between controls";
    ShortcutAbout => "关于：版本、数据文件夹、许可证", "About: version, data folder, licences";
    About => "关于", "About";
    AboutOpen => "关于 AirDesk… (F1)", "About AirDesk… (F1)";
    AboutTitle => "关于 AirDesk 重污染天气应急值守台", "About AirDesk";
    AboutOffline => "离线运行，数据只在本机。", "Runs offline; data stays on this computer.";
    AboutVersion => "版本 {0}（提交 {1}）", "Version {0} (commit {1})";
    AboutDataFolder => "程序数据文件夹", "App data folder";
    AboutModeInstalled => "本机用户的文件夹", "this user's folders on this computer";
    AboutModePortable => "便携模式：程序旁的文件夹，不写入用户目录", "portable: the folder beside the program; nothing is written to the user's folders";
    AboutModeOneFolder => "由环境变量 AIRDESK_CONFIG_DIR 指定", "set by the AIRDESK_CONFIG_DIR environment variable";
    AboutNoFolder => "（无：系统没有用户文件夹，不保存程序状态）", "(none: the system has no user folder; the app state is not kept)";
    AboutFont => "界面字体：AirDesk Sans，Noto Sans CJK SC 的子集，按 SIL 开放字体许可证 1.1 随附。", "Interface font: AirDesk Sans, a subset of Noto Sans CJK SC, included under the SIL Open Font License 1.1.";
    AboutFontLicence => "字体许可证全文", "Font licence (full text)";
    Close => "关闭 (Esc)", "Close (Esc)";
    // Weather page
    WxTarget => "对象", "Area or station";
    WxAreaItem => "区域：{0}", "Area: {0}";
    WxStationItem => "站点：{0}", "Station: {0}";
    WxSource => "气象来源", "Weather source";
    WxObserved => "实况气象", "Observed weather";
    WxForecastAt => "预报：{0}", "Forecast: {0}";
    WxShown => "污染指标", "Pollution shown";
    WxAreaAqi => "AQI", "AQI";
    WxLookBack => "回看", "Look back";
    WxDays => "{0} 天", "{0} days";
    WxExportPng => "导出 PNG", "Export PNG";
    WxExportSvg => "导出 SVG", "Export SVG";
    WxExportReadOnly => "工作区只读，无法导出图片", "Read-only workspace: charts cannot be exported";
    WxNoStations => "没有可分析的站点：请在“设置”中选择辖区，或加载含站点的数据。", "No station to analyse: choose an area in Settings, or load data with stations.";
    WxDataEnds => "数据截至 {0}，早于当前时间：按数据末尾分析。", "The data end at {0}, before now: analysed as of the end of the data.";
    WxNoWeather => "所选来源没有气象数据：加载实况气象或气象预报后才能判断不利气象窗口。", "The chosen source has no weather: load observed weather or a forecast to judge unfavourable-weather windows.";
    WxMeteogram => "气象要素与污染实况/预报", "Weather and observed/forecast pollution";
    WxWindows => "不利气象窗口", "Unfavourable-weather windows";
    WxNoWindows => "本时段已判断的小时中没有不利气象窗口。", "No unfavourable-weather window among the hours judged in this period.";
    WxStart => "开始", "Start";
    WxEnd => "结束", "End";
    WxHours => "时长", "Length";
    WxHoursValue => "{0} 小时", "{0} h";
    WxPeak => "峰值", "Peak";
    WxExplain => "说明", "Explanation";
    WxNotJudgedPeriod => "整个时段无法判断：{0}（缺少数据）", "Could not be judged in the whole period: {0} (no data)";
    WxUnjudged => "{0} 段共 {1} 小时既无风速也无湿度，无法判断", "{0} spans, {1} h in all, have neither wind nor humidity and could not be judged";
    WxOutlook => "逐日重污染风险研判", "Daily heavy-pollution outlook";
    WxDate => "日期", "Date";
    WxRisk => "风险", "Risk";
    WxProbability => "重污染概率", "P(heavy)";
    WxExpected => "PM2.5 预计", "PM2.5 expected";
    WxAqiBand => "AQI 区间", "AQI band";
    WxNoOutlook => "无法研判：缺少前一日 PM2.5", "No outlook: no PM2.5 level for the day before";
    WxChained => "（前一日为预计值）", "(day before: expected level)";
    WxNoOutlookDays => "没有可研判的日期：气象来源不含今天及以后。", "No day to judge: the weather source does not reach today or later.";
    WxHindcast => "回算检验：这套参数在过去的表现", "Hindcast: how these settings would have done";
    WxPeriod => "时段", "Period";
    WxCampaign => "{0} – {1} 秋冬季攻坚期", "{0} – {1} autumn–winter campaign";
    WxWholePeriod => "全部数据 {0} – {1}", "All data {0} – {1}";
    WxModel => "研判模型", "Outlook";
    WxPersistence => "持续性预报（前一日重污染）", "Persistence (heavy yesterday)";
    WxPod => "命中率 POD", "POD";
    WxFar => "空报率 FAR", "FAR";
    WxCsi => "CSI", "CSI";
    WxCounts => "命中 / 空报 / 漏报", "Hits / false alarms / misses";
    WxHeavyDays => "{0} 个有效日，其中 {1} 个重污染日（日均 PM2.5 > 150 µg/m³）", "{0} valid days, {1} of them heavy (daily PM2.5 > 150 µg/m³)";
    WxDayByDay => "逐日结果", "Day by day";
    WxObservedPm => "实测 PM2.5", "Observed PM2.5";
    WxHeavy => "重污染", "Heavy";
    WxPredicted => "研判", "Outlook";
    WxYes => "是", "yes";
    WxNo => "否", "no";
    WxHindcastNoPm => "没有实测 PM2.5，无法回算。", "No observed PM2.5: no hindcast possible.";
    WxHindcastFailed => "无法回算：{0}", "No hindcast: {0}";
    WxHindcastNoWeather => "未加载实况气象：回算只依据污染持续性。", "No observed weather loaded: the hindcast rests on pollution persistence alone.";
    WxSettings => "判定阈值与研判参数（保存在工作区 settings.toml）", "Thresholds and outlook parameters (saved in the workspace settings.toml)";
    WxSettingsReadOnly => "只读：投屏模式或只读工作区中不能修改参数。", "Read-only: parameters cannot be changed in projector mode or in a read-only workspace.";
    WxRestoreDefaults => "恢复默认值", "Restore defaults";
    WxRiskStepsBad => "风险分级的概率必须逐级升高，未保存。", "The risk steps must rise; not saved.";
    WxWindowSettings => "窗口判定阈值", "Window thresholds";
    WxOutlookSettings => "风险研判参数", "Outlook parameters";
    WxCalmWind => "静风：10 米风速低于（m/s）", "Calm: 10-m wind below (m/s)";
    WxHumidRh => "高湿：相对湿度不低于（%）", "Humid: relative humidity at least (%)";
    WxWetHour => "降水：每小时不少于（mm）", "Wet: hourly precipitation at least (mm)";
    WxShallowBlh => "低混合层：边界层高度低于（m）", "Shallow: boundary layer below (m)";
    WxInversion => "逆温：80 米与 2 米温差高于（°C）", "Inversion: 80-m minus 2-m temperature above (°C)";
    WxHourScore => "不利小时：得分不低于", "Unfavourable hour: score at least";
    WxMinHours => "窗口最短（小时）", "Shortest window (h)";
    WxMaxGap => "窗口内可容忍的间断（小时）", "Gap tolerated inside a window (h)";
    WxPersistenceGain => "持续性 ρ", "Persistence ρ";
    WxBackgroundDays => "背景浓度天数", "Background days";
    WxStagnationGain => "静稳增益 γ", "Stagnation gain γ";
    WxStagnationNeutral => "静稳中性值 U0", "Stagnation neutral U0";
    WxDewPointGain => "露点增益 δ（每 °C）", "Dew-point gain δ (per °C)";
    WxPressureGain => "气压增益 ε（每 hPa）", "Pressure gain ε (per hPa)";
    WxErrorSd => "误差标准差 σ", "Error SD σ";
    WxRiskSteps => "风险分级概率（较高 / 高 / 很高）", "Risk steps (elevated / high / very high)";
    WxMinHoursPrevious => "前一日最少小时数", "Fewest hours of the day before";
    WxFrontPressure => "冷空气：气压上升至少（hPa）", "Cold front: pressure rise at least (hPa)";
    WxFrontDewPoint => "冷空气：露点下降至少（°C）", "Cold front: dew-point drop at least (°C)";
    WxFrontNorth => "冷空气：偏北风占比上升至少", "Cold front: rise of northerly share at least";

    // Targets page (目标核算)
    TgSettings => "核算设置", "Accounting settings";
    TgSeasonFrom => "攻坚期开始（日期）", "Season from (date)";
    TgSeasonTo => "攻坚期结束（日期）", "Season to (date)";
    TgBaseline => "上年同期均值（µg/m³）", "Last year's same-period mean (µg/m³)";
    TgTargetKind => "目标形式", "Target form";
    TgTargetDecrease => "同比下降（%）", "Decrease (%)";
    TgTargetMean => "目标均值（µg/m³）", "Target mean (µg/m³)";
    TgTargetValue => "目标值", "Target value";
    TgHeavyTarget => "重污染天数目标（天）", "Heavy-day target (days)";
    TgRoundDaily => "日均值与累计均值修约", "Rounding of daily and season means";
    TgRoundTarget => "目标值取整", "Rounding of the target";
    RoundHalfEven => "四舍六入五成双（GB/T 8170）", "Halves to even (GB/T 8170)";
    RoundHalfUp => "四舍五入", "Halves up";
    RoundExact => "不修约", "Not rounded";
    TargetFloor => "向下取整", "Round down";
    TargetNearest => "修约为整数", "To the nearest whole";
    TargetExact => "不取整", "Exact";
    TgSave => "保存设置", "Save settings";
    TgBadDate => "日期无法识别：{0}（格式如 2019-10-01）", "Date not understood: {0} (use e.g. 2019-10-01)";
    TgBadNumber => "不是有效的数：{0}", "Not a valid number: {0}";
    TgInvalid => "设置有误：{0}", "Settings not valid: {0}";
    TgNoTarget => "尚未设置目标：填写目标值后保存。", "No target set yet: enter the target value and save.";
    TgNoTargetReadOnly => "尚未设置目标（退出投屏或在可写的工作区中设置）。", "No target set (set it outside projector mode, in a writable workspace).";
    TgReadOnly => "工作区只读：核算设置不可修改，也不能导出。", "Read-only workspace: the settings cannot be changed and nothing can be exported.";
    TgNoValidDay => "{0} 在攻坚期 {1} 内截至 {2} 没有有效的日均值（站点日均需 ≥ 20 个小时值）", "{0} has no valid daily mean in the season {1} up to {2} (a station day needs ≥ 20 hourly values)";
    TgAreaLine => "辖区 {0}（{1} 个站点） · 攻坚期 {2}（共 {3} 天） · 截至 {4}", "Area {0} ({1} stations) · season {2} ({3} days) · as of {4}";
    TgDrillAsOf => "演练：只计入演练时刻之前已结束的日子。", "Drill: only days complete before the drill moment count.";
    TgMeanSoFar => "累计均值", "Mean so far";
    TgTargetCompared => "目标 {0} µg/m³", "target {0} µg/m³";
    TgOnTrack => "在目标内", "within target";
    TgOffTrack => "超出目标", "above target";
    TgRemainingAllowed => "剩余允许均值", "Remaining allowed mean";
    TgPerDay => "其余 {0} 天日均不超过此值", "per day over the remaining {0} days";
    TgDays => "已过天数", "Days elapsed";
    TgDaysNote => "有效 {0}，缺测 {1}，剩余 {2}", "valid {0}, missing {1}, remaining {2}";
    TgHeavy => "重污染天数", "Heavy days";
    TgHeavyLeft => "目标 {0} 天，剩余 {1} 天", "target {0}, {1} left";
    TgHeavyNoTarget => "未设重污染天数目标", "no heavy-day target";
    TgYoy => "同比", "Year on year";
    TgYoyNote => "同日期：去年 {0} → 今年 {1} µg/m³", "same dates: last year {0} → {1} µg/m³";
    TgYoyNone => "未加载去年同期数据，也未填上年均值", "last year's data not loaded, no baseline";
    TgVsBaseline => "较上年同期均值（未加载去年逐日数据）", "against the baseline (last year's days not loaded)";
    TgRounding => "修约规则", "Rounding";
    TgWhatIf => "情景推演", "What-if";
    TgHeavyDayValue => "一个重污染日（PM2.5 日均值，µg/m³）", "One heavy day (PM2.5 daily mean, µg/m³)";
    TgCostLine => "使季均值比达标路径高 {0} µg/m³；此后剩余允许均值 {1} µg/m³", "lifts the season mean {0} µg/m³ above the target path; remaining allowed afterwards {1} µg/m³";
    TgRestMean => "假设剩余各天日均值（µg/m³）", "Assumed mean of the remaining days (µg/m³)";
    TgWhatIfLine => "季均值将为 {0} µg/m³（修约后 {1}）：{2}", "the season mean would be {0} µg/m³ ({1} rounded): {2}";
    TgMeets => "达标", "meets the target";
    TgMisses => "不达标", "misses the target";
    TgLedger => "逐日台账", "Daily ledger";
    TgExportCsv => "导出 CSV", "Export CSV";
    TgExportXlsx => "导出 Excel", "Export Excel";
    TgExportPng => "导出 PNG", "Export PNG";
    TgExportSvg => "导出 SVG", "Export SVG";
    TgExportFailed => "导出失败：{0}", "Export failed: {0}";
    ColDate => "日期", "Date";
    ColDay => "第几天", "Day";
    ColStationsValid => "有效站点", "Valid stations";
    ColExact => "日均值", "Daily mean";
    ColCounted => "计入值", "Counted";
    ColAqi => "AQI", "AQI";
    ColHeavy => "重污染", "Heavy";
    ColMeanSoFar => "累计均值", "Mean so far";
    ColAllowed => "剩余允许均值", "Allowed after";
    Yes => "是", "yes";
    TgRanking => "区域排名", "Ranking of areas";
    TgRankBy => "排名依据", "Rank by";
    RankPm25 => "PM2.5 浓度", "PM2.5";
    RankComposite => "综合指数", "Composite index";
    RankYoy => "综合指数同比", "Composite index, year on year";
    RankYoyPm25 => "PM2.5 同比", "PM2.5, year on year";
    TgRankPeriod => "{0} 至 {1}，{2} 个区域，{3}；越小越好，并列同名次，本辖区高亮", "{0} to {1}, {2} areas, {3}; smaller is better, ties share a rank, own area highlighted";
    TgNoRanking => "没有可排名的区域（需要站点列表与本期数据）", "No areas to rank (needs the station list and data for the period)";
    ColRank => "名次", "Rank";
    ColArea => "区域", "Area";
    ColValue => "数值", "Value";
    TgForecastLine => "预报过程 {0} 至 {1}（{2} 天，重污染 {3} 天）：使季均值比达标路径高 {4} µg/m³，此后剩余允许均值 {5} µg/m³", "Forecast episode {0} to {1} ({2} days, {3} heavy): lifts the season mean {4} µg/m³ above the target path; remaining allowed afterwards {5} µg/m³";
    TgForecastBasis => "按预报 AQI 上限折算的 PM2.5 日均值上限（µg/m³）：{0}", "PM2.5 daily means at most, from the forecast's upper AQI (µg/m³): {0}";
    TgForecastNone => "AQI 预报文件中没有截至日之后的预报", "The AQI forecast file has no days after the as-of date";
    TgForecastProblem => "AQI 预报文件 {0}：{1}", "AQI forecast file {0}: {1}";
    // Map page
    MpNoData => "没有带坐标且有污染物数据的站点：在“数据”页加载站点列表（站点列表/NewSiteList.csv）与监测数据。", "No station with coordinates and pollutant data: load the station list (NewSiteList.csv) and the monitoring data on the Data page.";
    MpPlay => "▶ 逐时回放", "▶ Replay hour by hour";
    MpPause => "暂停回放", "Pause replay";
    MpHour => "选择时次", "Choose the hour";
    MpAt => "时次 {0}", "Hour {0}";
    MpShow => "显示", "Show";
    MpShading => "站点间插值底色", "Interpolated shading";
    MpDrillLimit => "演练：只到演练时刻", "Drill: up to the drill moment only";
    MpLayers => "底图图层", "Base layers";
    MpLayerPath => "图层文件（GeoJSON 或 Shapefile）", "Layer file (GeoJSON or Shapefile)";
    MpAddLayer => "添加", "Add";
    MpRemove => "移除", "Remove";
    MpLayersNote => "由本单位提供的区县/乡镇边界、道路、企业点位等，坐标须为经纬度（WGS 84 / CGCS2000）；本软件不附国界底图。", "County or township boundaries, roads or enterprise sites supplied by the centre, in longitude/latitude (WGS 84 / CGCS2000); no national base map is bundled.";
    MpHoverHint => "指向或点击站点查看详情", "Point at or click a station for its details";
    MpCity => "城市：{0}", "City: {0}";
    MpLast24 => "近 24 小时", "Last 24 hours";
    // Map (chart)
    MapAqi => "实时 AQI", "Real-time AQI";
    MapPm25 => "PM2.5 小时浓度（µg/m³）", "PM2.5 hourly (µg/m³)";
    MapTitle => "区域{0}　{1}", "{0} across the region, {1}";
    MapSubtitle => "{0} 个站点，{1} 个有数据（实时数据）", "{0} stations, {1} reporting (real-time data)";
    MapNoStations => "没有带坐标的站点（需加载站点列表）", "No stations with coordinates (load the station list)";
    MapScaleAt => "比例尺按北纬 {0}° 计", "scale true at {0}° N";
    MapNorth => "北", "N";
    MapBurst => "爆表", "Off the scale (爆表)";
    MapAboveNeighbours => "高于周边", "Above its neighbours";
    MapWindLegend => "→ 风向风速（m/s）", "→ wind (m/s)";
    MapProjection => "等距圆柱投影，中心 {0}°E {1}°N；未附国界底图", "equirectangular projection about {0}° E {1}° N; no national base map";
    MapShadingNote => "底色为站点间反距离加权插值，非实测", "shading: inverse-distance interpolation between stations, not measured";
    // Targets: the ranking gap, contributions, dust days, festival days
    TgGapLine => "{0}：{1}；{2}", "{0}: {1}; {2}";
    TgGapPass => "数值再降 {0} 可超过前一名", "must fall by {0} to pass the next better area";
    TgGapFirst => "已列第一", "already first";
    TgGapLeave => "再降 {0} 可退出倒数三名", "{0} to leave the bottom three";
    TgGapNotBottom => "不在倒数三名内", "not in the bottom three";
    TgContributions => "站点贡献", "Station contributions";
    TgContributionsNote => "贡献 = 辖区累计均值 − 去掉该站后的辖区累计均值（µg/m³），正值表示该站拉高了辖区数值。", "Contribution = the area's mean so far − the area's mean so far without the station (µg/m³); positive means the station raises the area's figure.";
    ColStation => "站点", "Station";
    ColStationName => "站点名称", "Name";
    ColStationMean => "本站累计均值", "Station mean so far";
    ColContribution => "贡献", "Contribution";
    TgDust => "沙尘天气（扣沙）", "Sand and dust days (扣沙)";
    TgDustNote => "受沙尘影响的日子由国家审核时扣除；本页按本单位标记的沙尘日另算一套数值，审核数据公布前为本单位估算。候选日按规则提出：PM10 日均值 > {0} µg/m³ 且 PM2.5/PM10 ≤ {1}。", "Days affected by sand and dust are removed in the national audit; this page computes a second set of figures without the days the desk marked, its own estimate until the audited data arrive. Candidates by rule: daily PM10 > {0} µg/m³ and PM2.5/PM10 ≤ {1}.";
    TgDustCandidate => "{0}：PM10 {1} µg/m³，PM2.5/PM10 = {2}", "{0}: PM10 {1} µg/m³, PM2.5/PM10 = {2}";
    TgDustMarked => "{0}（{1} 于 {2} 标记）：{3}", "{0} (marked by {1} at {2}): {3}";
    TgDustNone => "未标记沙尘日。", "No dust day marked.";
    TgDustNoCandidate => "截至今日没有符合规则的候选日。", "No day so far meets the candidate rule.";
    TgDustEvidence => "依据（卫星遥感、气象沙尘公报、报送文号等）", "Evidence (satellite image, dust bulletin, report number …)";
    TgDustReason => "撤销原因", "Reason for taking it back";
    TgDustMark => "标记为沙尘日", "Mark as dust day";
    TgDustUnmark => "撤销标记", "Take the mark back";
    TgDustDate => "沙尘日（日期）", "Dust day (date)";
    TgWithoutDust => "扣沙后累计均值", "Mean so far without dust";
    TgWithoutDustSame => "未标记沙尘日，与上面的累计均值相同", "no dust day marked: the same as the mean so far";
    TgWithoutDustNote => "扣除 {0} 个沙尘日；剩余允许均值 {1} µg/m³", "{0} dust day(s) left out; remaining allowed {1} µg/m³";
    TgFestival => "春节、元宵燃放日（除夕、初一、初五、元宵及次日）：", "Spring Festival and Lantern Festival fireworks days (New Year's Eve, 1st, 5th, 15th and 16th): ";
    TgFestivalCounted => "已计入的 {0} 天使累计均值升高 {1} µg/m³", "the {0} day(s) counted lift the mean so far {1} µg/m³";
    TgFestivalComing => "未来 {0} 天（重污染 {1} 天）将使季均值比达标路径高 {2} µg/m³", "the {0} day(s) to come ({1} heavy) would lift the season mean {2} µg/m³ above the target path";
    TgFestivalBasisLastYear => "按去年同期燃放日数值", "valued like last year's festival days";
    TgFestivalBasisAssumed => "去年数据未加载，按假设值 {0} µg/m³", "last year not loaded: assumed {0} µg/m³";
    TgFestivalNone => "本攻坚期内无燃放日数据", "no fireworks day in this season's data";
    // Accounting basis: real-time or audited (also in `airdesk budget --json`)
    BasisRealtime => "按实时数据计算，为本单位估算；以国家审核后发布的数据为准，结果可能变化。", "Computed from real-time data: the desk's own estimate, which the audited release can change.";
    BasisMixed => "{0} 至 {1} 中的 {2} 天按审核数据计算，其余 {3} 天按实时数据计算（实时数据以审核发布为准，结果可能变化）。", "{2} day(s) between {0} and {1} from audited data, the other {3} from real-time data (which the audited release can still change).";
    BasisAudited => "全部按审核数据计算（{0} 至 {1}）。", "All from audited data ({0} to {1}).";

    // Supervision page (督办)
    SvCounts => "督办事项 {0} 项，未销号 {1} 项，超期 {2} 项", "{0} findings, {1} open, {2} overdue";
    SvNotRecorded => "不能记录督办操作：{0}", "Findings cannot be recorded: {0}";
    SvFindings => "督办事项（交办—整改—销号）", "Findings (assign → rectify → close)";
    SvDetail => "事项 {0}", "Finding {0}";
    SvNew => "新增督办事项", "New finding";
    SvImport => "导入问题清单（CSV / Excel）", "Import a findings list (CSV / Excel)";
    SvExportLedger => "督办台账{0}", "Findings ledger: {0}";
    SvRoster => "值班表与通讯录", "Duty roster and contacts";
    SvFilterStatus => "状态", "Status";
    SvFilterUnit => "责任单位", "Unit";
    SvFilterSource => "来源", "Source";
    SvAll => "全部", "All";
    SvNone => "没有符合条件的督办事项", "No findings match";
    SvColNo => "编号", "No.";
    SvColStatus => "状态", "Status";
    SvColSource => "来源", "Source";
    SvColDescription => "问题描述", "Description";
    SvColPlace => "地点", "Place";
    SvColUnit => "责任单位", "Responsible unit";
    SvColDeadline => "整改时限", "Deadline";
    SvColOverdue => "超期", "Overdue";
    SvStanding => "长期坚持", "standing";
    SvDaysOverdue => "超期 {0} 天", "{0} days overdue";
    SvHistory => "办理记录", "History";
    SvEvAssigned => "交办给 {0}（来源：{1}）", "assigned to {0} (source: {1})";
    SvEvEvidence => "整改情况：{0}", "evidence: {0}";
    SvEvDeadline => "整改时限 {0} → {1}（{2}）", "deadline {0} → {1} ({2})";
    SvNote => "办理说明", "Remark";
    SvEvidenceText => "整改情况（标记已整改时必填，或添加佐证文件）", "What was done (needed to mark it rectified, or add a file)";
    SvEvidenceFile => "佐证文件路径", "Evidence file path";
    SvAddFile => "添加文件（记录文件名与 SHA-256）", "Add file (name and SHA-256 recorded)";
    SvFileError => "无法读取 {0}：{1}", "Cannot read {0}: {1}";
    SvMoveTo => "转为：{0}", "Move to: {0}";
    SvNeedEvidence => "标记已整改需要整改情况或佐证文件", "Marking it rectified needs a description of the fix or an evidence file";
    SvKind => "事项来源类型", "Kind";
    SvKindInspection => "督查检查", "Inspection";
    SvKindReport => "公众举报", "Public report";
    SvKindAlert => "值守台告警", "Board alert";
    SvChannel => "举报渠道（如 12369）", "Channel (e.g. 12369)";
    SvPickUnit => "从预案选择单位", "Pick a unit from the plan";
    SvAssign => "交办", "Assign";
    SvNeedDescription => "请填写问题描述", "Enter the description";
    SvNeedUnit => "请填写责任单位", "Enter the responsible unit";
    SvNeedDeadline => "请填写整改时限，或勾选“长期坚持”", "Enter the deadline, or tick “standing”";
    SvStandingPick => "长期坚持（无整改时限）", "Standing (no deadline)";
    SvPreviewTitle => "将交办以下事项（尚未记录）：", "About to assign (not recorded yet):";
    SvAssignConfirm => "确认交办", "Confirm and assign";
    SvBackToForm => "返回修改", "Back to the form";
    SvDefaultSource => "督查检查", "Inspection";
    SvImportPath => "问题清单文件路径", "Findings list file path";
    SvImportSource => "督查名称（清单无来源列时使用）", "Inspection name (when the list has no source column)";
    SvImportRead => "读取并预览", "Read and preview";
    SvImportFound => "可导入 {0} 项，{1} 个问题", "{0} findings to import, {1} problems";
    SvImportAssign => "全部交办（{0} 项）", "Assign all ({0})";
    SvProblemLine => "第 {0} 行：{1}", "Line {0}: {1}";
    SvProblemLineColumn => "第 {0} 行第 {1} 列：{2}", "Line {0}, column {1}: {2}";
    SvNoRoster => "尚未导入值班表", "No duty roster imported yet";
    SvOnDutyNow => "当前值班", "On duty now";
    SvOnDutyNext => "下一班", "Next shift";
    SvNobody => "值班表中此刻无人值班", "Nobody on the roster at this moment";
    SvContacts => "通讯录", "Contacts";
    SvName => "姓名", "Name";
    SvPosition => "职务", "Position";
    SvPhone => "电话", "Phone";
    SvRosterPath => "值班表文件路径", "Duty roster file path";
    SvContactsPath => "通讯录文件路径", "Contact list file path";
    SvImportRoster => "导入值班表到工作区", "Import the roster into the workspace";
    SvImportContacts => "导入通讯录到工作区", "Import the contacts into the workspace";
    // The shift modal and the journal banners (src/ui/shift.rs, src/ui/app.rs)
    ShiftStartTitle => "开始值班", "Start of shift";
    ShiftHandOverTitle => "交接班", "Shift handover";
    ShiftExplain => "值班员姓名将记录在本班的每一条值班日志上。", "The duty officer's name is stamped on every journal entry of this shift.";
    ShiftCurrent => "当前值班：{0}（{1}）", "On duty: {0} ({1})";
    ShiftOfficer => "值班员姓名", "Duty officer's name";
    ShiftSuccessor => "接班人姓名", "Next officer's name";
    ShiftOfficerHint => "如：张伟", "e.g. Zhang Wei";
    ShiftDesk => "席位编号", "Desk id";
    ShiftNote => "交班说明", "Handover note";
    ShiftStartConfirm => "开始值班 (Enter)", "Start shift (Enter)";
    ShiftHandOverConfirm => "确认交班 (Enter)", "Hand over (Enter)";
    ShiftLater => "暂不值班，仅查看", "Just look for now";
    ShiftButton => "值班：{0}", "On duty: {0}";
    ShiftNone => "开始值班…", "Start shift…";
    ShiftButtonTip => "交接班 / 更换值班员 (Ctrl+Shift+H)", "Hand over / change officer (Ctrl+Shift+H)";
    EnterConfirms => "回车确认", "Enter confirms";
    EscCancels => "Esc 取消", "Esc cancels";
    Cancel => "取消 (Esc)", "Cancel (Esc)";
    JournalBroken => "值班日志的哈希链在第 {0} 条记录处断开：{1}。日志可能被改动过，此后不再记录任何操作；请从备份恢复，并用 airdesk journal verify 核对。", "The duty journal's hash chain is broken at event #{0}: {1}. It may have been altered, and nothing more is recorded; restore it from a backup and check it with airdesk journal verify.";
    JournalReadOnlyBanner => "值班日志只读：{0}。可以查看，不会记录任何操作。", "The duty journal is read-only: {0}. You can look; nothing will be recorded.";
    JournalFailed => "无法打开值班日志：{0}", "The duty journal could not be opened: {0}";
    PlanProblemsBanner => "预案文件 {0} 有错误，应急响应操作暂不能记录：{1}", "The plan file {0} has problems; response actions cannot be recorded until they are fixed: {1}";
    ActionRefused => "{0}", "{0}";
    // Plan file problems (src/i18n/plan.rs)
    PlanAtLineColumn => "第{0}行第{1}列：{2}", "line {0}, column {1}: {2}";
    PlanAtLine => "第{0}行：{1}", "line {0}: {1}";
    PlanSyntax => "格式有误（{0}）", "{0}";
    PlanNameEmpty => "[plan] name 为空：请填写预案名称", "[plan] name is empty: give the plan its title";
    PlanUnitIdEmpty => "单位 id 为空", "unit id is empty";
    PlanUnitIdTwice => "单位 id「{0}」重复使用（首次在第{1}行）", "unit id 「{0}」 is used twice (first at line {1})";
    PlanUnknownParent => "「{1}」的上级单位「{0}」未定义：请在 [[units]] 中添加", "unknown unit 「{0}」 as parent of 「{1}」: define it in a [[units]] entry";
    PlanOwnAncestor => "单位「{0}」成了自己的上级", "unit 「{0}」 is its own ancestor";
    PlanVillageNeedsParent => "单位「{0}」是村（社区），需要上级（所属乡镇）", "unit 「{0}」 is a village and needs a parent (its township)";
    PlanGridNeedsParent => "单位「{0}」是网格，需要上级（所属村或乡镇）", "unit 「{0}」 is a grid and needs a parent (its village or township)";
    PlanRuleLeadTime => "[rules] lead_time_hours 超过 240 小时（10 天），不是提前量", "[rules] lead_time_hours above 240 h (10 days) is not a lead time";
    PlanRuleLongEpisodeDays => "[rules] forecast_range.long_episode_days 至少为 1", "[rules] forecast_range.long_episode_days must be at least 1";
    PlanRuleLongEpisodeAbove => "[rules] forecast_range.long_episode_above 须为 0–500 的 AQI", "[rules] forecast_range.long_episode_above must be an AQI between 0 and 500";
    PlanRuleNowcastAqi => "[rules] nowcast.above 和 nowcast.improvement_at_most 须为 0–500 的 AQI", "[rules] nowcast.above and nowcast.improvement_at_most must be AQI values between 0 and 500";
    PlanRuleNowcastHours => "[rules] nowcast.hours 和 nowcast.no_improvement_hours 至少为 1", "[rules] nowcast.hours and nowcast.no_improvement_hours must be at least 1";
    PlanRuleLiftHours => "[rules] lift.below_hours 至少为 1", "[rules] lift.below_hours must be at least 1";
    PlanRuleLiftAqi => "[rules] lift.observed_at_most 须为 0–500 的 AQI", "[rules] lift.observed_at_most must be an AQI between 0 and 500";
    PlanRulePauseHours => "[rules] pause.min_hours 至少为 1", "[rules] pause.min_hours must be at least 1";
    PlanRulePhotoSlack => "[rules.photo] time_slack_hours 须为 0–72 小时", "[rules.photo] time_slack_hours must be between 0 and 72 hours";
    PlanRulePhotoDistance => "[rules.photo] max_km 须大于 0、不超过 100 公里", "[rules.photo] max_km must be above 0 and at most 100 km";
    PlanConditionBound => "每个条件须且只须写 `above = AQI` 或 `at_least = AQI` 之一", "a condition needs exactly one of `above = AQI` or `at_least = AQI`";
    PlanThresholdNotAqi => "阈值 {0} 不是可能的日 AQI（0–500）", "threshold {0} is not a possible daily AQI (0–500)";
    PlanHoursNotDays => "hours = {0} 须为整天数（24、48、72 …，最多 360）：预报按日给出", "hours = {0} must be a whole number of days (24, 48, 72 …, at most 360): forecasts are daily";
    PlanTriggerEmpty => "触发条件的 `all` 中至少要有一个条件", "a trigger needs at least one condition in `all`";
    PlanSameThreshold => "同一触发条件中的两个条件阈值相同，互相重叠；请保留时长较长的一个", "two conditions of one trigger use the same threshold: they overlap; keep the longer one";
    PlanUnknownLevel => "未知级别「{0}」：级别为 temporary、blue、yellow、orange 和 red", "unknown level 「{0}」: levels are temporary, blue, yellow, orange and red";
    PlanColour => "颜色「{0}」不是 #RRGGBB 形式", "colour 「{0}」 is not of the form #RRGGBB";
    PlanReductionPercent => "reduction_percent 超过 100", "reduction_percent above 100";
    PlanNoTriggers => "{0}没有触发条件：请添加 [[levels.{1}.triggers]]", "the {0} has no triggers: add [[levels.{1}.triggers]]";
    PlanNoMeasures => "{0}没有措施：预警级别需要 [[levels.{1}.measures]]", "the {0} has no measures: a warning level needs [[levels.{1}.measures]]";
    PlanDuplicateTrigger => "{0}（[levels.{1}]）有重复的触发条件", "the {0} ([levels.{1}]) has a duplicate trigger";
    PlanNoWarningLevel => "预案没有定义任何预警级别（blue、yellow、orange 或 red）", "the plan defines no warning level (blue, yellow, orange or red)";
    PlanOverlap => "阈值重叠：{0}的触发条件（{1}）总会同时满足第{3}行{2}的触发条件（{4}），因此永远不会发布{0}；请核对数值", "thresholds overlap: the {0} trigger ({1}) always also meets the {2} trigger at line {3} ({4}), so it can never call the {0}; check the numbers";
    PlanCondition => "{0} 持续 {1} 小时", "{0} for {1} h";
    PlanConditionJoin => "且", " and ";
    PlanMeasureIdEmpty => "措施 id 为空", "measure id is empty";
    PlanMeasureIdTwice => "措施 id「{0}」重复使用（首次在第{1}行）", "measure id 「{0}」 is used twice (first at line {1})";
    PlanMeasureNoUnit => "措施「{0}」没有写责任单位", "measure 「{0}」 names no responsible unit";
    PlanMeasureUnknownUnit => "措施「{1}」中的单位「{0}」未定义：请在 [[units]] 中添加或改正 id", "unknown unit 「{0}」 in measure 「{1}」: define it in a [[units]] entry or fix the id";
    PlanGradeOutsideIndustry => "措施「{0}」：绩效分级只适用于工业企业措施", "measure 「{0}」: a performance grade belongs to industry measures only";
    PlanMeasureNoText => "措施「{0}」没有内容", "measure 「{0}」 has no text";
    PlanMeasureNoFeedback => "措施「{0}」没有写需要反馈什么", "measure 「{0}」 does not say what feedback it requires";
    PlanBaseEmission => "[reduction] base.{0} = {1} 须为不小于 0 kg/d 的排放量", "[reduction] base.{0} = {1} must be an emission of 0 kg/d or more";
    PlanStaggeredDay => "[[reduction.staggered]]「{0}」不是一年中的日期：请写成 MM-DD，如 \"11-15\"", "[[reduction.staggered]] 「{0}」 is not a day of the year: write MM-DD, e.g. \"11-15\"";
    PlanStaggeredNoIndustry => "[[reduction.staggered]] 没有写行业：industries = [\"砖瓦\", …]", "[[reduction.staggered]] names no industry: industries = [\"砖瓦\", …]";
    PlanStaggeredNoText => "[[reduction.staggered]] 没有内容", "[[reduction.staggered]] has no text";
    PlanTemplateFrame => "{0} 模板仍含有公文框架（单独一行的 {doc_no} 或 {command_office}）：版头、标题、主送、签发人、署名和日期现在来自 [documents]；模板只保留正文（参见默认预案）", "the {0} template still holds the document's frame ({doc_no} or {command_office} on a line of its own): the 版头, title, 主送, 签发人, 署名 and date now come from [documents]; keep only the body (see the default plan)";
    PlanPlaceholder => "{0} 模板中有未知占位符 {1}，可用的有 {2}", "unknown placeholder {1} in the {0} template; it may use {2}";
    PlanTemplate => "{0} 模板：{1}", "{0} template: {1}";
    PlanCampaignNoName => "专项行动「{0}」没有名称", "campaign 「{0}」 has no name";
    PlanCampaignNoMeasures => "专项行动「{0}」没有措施：请添加 [[campaigns.{0}.measures]]", "campaign 「{0}」 has no measures: add [[campaigns.{0}.measures]]";
    PlanUnitLocation => "单位「{2}」的位置 [{0}, {1}] 不是以度为单位的 [纬度, 经度]（−90…90，−180…180）", "location [{0}, {1}] of unit 「{2}」 is not [latitude, longitude] in degrees (−90…90, −180…180)";
    PlanReportingTwice => "措施「{0}」同时写了 `reporting` 和 `report_every_hours`：报告周期只写一处，保留 `reporting`", "measure 「{0}」 gives both `reporting` and `report_every_hours`: keep `reporting`";
    PlanCycle => "「{0}」不是报告周期：请写 \"daily 16:00\"（每日16:00）或 \"every 4h\"（每4小时，1 至 168 小时）", "「{0}」 is not a reporting cycle: write \"daily 16:00\" (每日16:00) or \"every 4h\" (每4小时, 1 to 168 hours)";
    PlanCycleUnknownUnit => "reporting_units 中的单位「{0}」未定义：请在 [[units]] 中添加或改正 id", "unknown unit 「{0}」 in reporting_units: define it in a [[units]] entry or fix the id";
    PlanUnknownDocument => "[documents.{0}]：没有这种公文；请用 common 或 {1} 之一", "[documents.{0}]: no such document; use common or one of {1}";
    NoticeTemplate => "{0} 模板无法填写：{1}", "the {0} template cannot be filled: {1}";
    NoticeNoSuchStep => "第 {0} 次预警没有第 {1} 次级别调整", "episode {0} has no level change #{1}";
    NoticeNoSuchPause => "第 {0} 次预警没有第 {1} 次暂停", "episode {0} has no pause #{1}";
    NoticeNoSuchResumedPause => "第 {0} 次预警没有已恢复的第 {1} 次暂停", "episode {0} has no pause #{1} that was resumed";
    NoticeNotLifted => "第 {0} 次预警尚未解除", "episode {0} has not been lifted";
    NoticeNotStopped => "第 {0} 次专项行动尚未结束", "campaign run {0} has not been stopped";
    TemplateUnknown => "未知占位符 {0}", "unknown placeholder {0}";
    TemplateMalformed => "花括号没有构成占位符：占位符写作 {name}，字面花括号写作 {{ 或 }}", "a brace that opens no placeholder: write placeholders as {name} and literal braces as {{ or }}";
    // Names of the domain's enums (src/i18n/names.rs)
    LevelNone => "无需预警", "no warning";
    LevelTemporary => "临时管控", "temporary measures";
    LevelBlue => "蓝色预警", "blue warning";
    LevelYellow => "黄色预警", "yellow warning";
    LevelOrange => "橙色预警", "orange warning";
    LevelRed => "红色预警", "red warning";
    PrimaryPm25 => "PM2.5", "PM2.5";
    PrimaryPm10 => "PM10", "PM10";
    PrimaryO3 => "臭氧", "O3";
    PrimaryNo2 => "二氧化氮", "NO2";
    PrimarySo2 => "二氧化硫", "SO2";
    PrimaryCo => "一氧化碳", "CO";
    PrimaryDust => "沙尘", "dust";
    CondCalmWind => "静小风", "calm wind";
    CondHumid => "高湿", "high humidity";
    CondNoPrecipitation => "无降水", "no precipitation";
    CondShallowMixing => "边界层低", "shallow boundary layer";
    CondInversion => "逆温", "surface inversion";
    RiskLow => "低", "low";
    RiskElevated => "较高", "elevated";
    RiskHigh => "高", "high";
    RiskVeryHigh => "很高", "very high";
    FindingAssigned => "已交办", "assigned";
    FindingRectifying => "整改中", "rectifying";
    FindingRectified => "已整改", "rectified";
    FindingVerified => "已核查", "verified";
    FindingClosed => "已销号", "closed";
    ItemNotified => "已通知", "notified";
    ItemAcknowledged => "已签收", "acknowledged";
    ItemImplemented => "已落实", "implemented";
    ItemProblemReported => "存在问题", "problem reported";
    ItemRectified => "已整改", "rectified";
    ItemDropped => "已撤销", "dropped";
    TransitionAcknowledge => "签收", "acknowledge";
    TransitionImplement => "登记落实", "record as implemented";
    TransitionReportProblem => "报告问题", "report a problem on";
    TransitionRectify => "登记整改", "record as rectified";
    ProgressOverdue => "逾期", "overdue";
    ProgressProblem => "存在问题", "problem";
    ProgressNotified => "待签收", "to acknowledge";
    ProgressAcknowledged => "待落实", "to implement";
    ProgressDone => "已完成", "done";
    DecisionNone => "无需预警", "no warning";
    DecisionTemporary => "临时管控", "temporary measures";
    DecisionAdvisory => "健康提示", "health advisory";
    DecisionIssue => "发布预警", "issue a warning";
    DecisionUpgrade => "升级预警", "upgrade";
    DecisionDowngrade => "降级预警", "downgrade";
    DecisionKeep => "维持现状", "keep";
    DecisionPause => "暂停响应", "pause";
    DecisionResume => "恢复响应", "resume";
    DecisionLift => "解除预警", "lift";
    FieldApprover => "签发人", "approver";
    FieldParticipants => "参会人员", "participants";
    FieldDecision => "会商意见", "decision";
    FieldBasis => "依据", "basis";
    FieldFeedback => "落实情况", "feedback";
    FieldProblem => "问题描述", "problem description";
    FieldSuccessor => "接班人", "name of the officer taking over";
    FieldRegionalSource => "上级预警发布单位", "issuer of the city or regional warning";
    FieldRegionalNotice => "上级预警文号", "notice number of the city or regional warning";
    FieldCheckNote => "核查情况（不属实须说明）", "note on what the check saw";
    FieldCheckedBy => "督导组", "supervision group";
    FieldSampleSize => "抽查数量", "sample size";
    CheckVerification => "核查", "verification";
    CheckSpot => "抽查", "spot check";
    CheckSupervision => "督导组报告", "supervision report";
    CheckConfirmed => "属实", "confirmed";
    CheckNotConfirmed => "不属实", "not confirmed";
    CheckSampleSize => "抽查数量", "Spot-check size";
    CheckDraw => "随机抽取已落实事项", "Draw implemented items at random";
    CheckSampleLine => "第 {0} 次抽查：抽取 {1} 项，已核查 {2} 项（随机种子 {3}）", "Sample {0}: {1} items drawn, {2} checked (seed {3})";
    CheckHow => "核查方式", "Check";
    CheckRecord => "登记：{0}", "Record: {0}";
    EvidenceOpen => "打开佐证 {0}", "Open evidence {0}";
    PhotoNoExif => "照片没有 EXIF 信息（可能经聊天软件转发被去除），无法核对拍摄时间和地点", "the photo has no EXIF data (a chat app may have stripped it): its time and place cannot be checked";
    PhotoDamaged => "照片的 EXIF 信息损坏或不完整：{0}", "the photo's EXIF data is damaged or cut short: {0}";
    PhotoTooLarge => "文件过大（{0} 字节），只读取了开头部分，未找到 EXIF 信息", "the file is too large ({0} bytes): only its start was read and no EXIF data was found there";
    PhotoNoTime => "照片没有拍摄时间", "the photo has no time taken";
    PhotoBadTime => "照片的拍摄时间无效：{0}", "the photo's time taken is not a valid time: {0}";
    PhotoNoPosition => "照片没有 GPS 位置", "the photo has no GPS position";
    PhotoBadPosition => "照片的 GPS 位置无效：{0}", "the photo's GPS position is out of range: {0}";
    PhotoOutsideWindow => "照片拍摄于 {0}，不在事项时段 {1} 至 {2} 内", "the photo was taken at {0}, outside the item's window {1} to {2}";
    PhotoFarAway => "照片拍摄地点距{1} {0} 公里", "the photo was taken {0} km from {1}";
    MeasureIndustry => "工业源减排", "Industry";
    MeasureConstructionDust => "扬尘管控", "Construction dust";
    MeasureTransport => "移动源管控", "Transport";
    MeasureLooseCoal => "散煤管控", "Loose coal";
    MeasureOpenBurning => "烟花爆竹、露天焚烧和露天烧烤", "Fireworks, open burning, barbecue";
    MeasureSchools => "学校和幼儿园", "Schools";
    MeasureHealth => "健康防护", "Health advice";
    MeasurePublicity => "宣传和信息发布", "Publicity";
    MeasureSupervision => "督导检查", "Supervision";
    MeasureOther => "其他措施", "Other";
    AlertRuleBurst => "爆表", "off the scale";
    AlertRuleAboveNeighbours => "显著高于周边", "above neighbours";
    AlertRuleSilent => "数据中断", "silent";
    FestivalNewYearsEve => "除夕", "New Year's Eve";
    FestivalSpringFestival => "春节", "Spring Festival";
    FestivalFifthDay => "初五", "Fifth day";
    FestivalLantern => "元宵", "Lantern Festival";
    CatCn1 => "优", "Excellent";
    CatCn2 => "良", "Good";
    CatCn3 => "轻度污染", "Lightly polluted";
    CatCn4 => "中度污染", "Moderately polluted";
    CatCn5 => "重度污染", "Heavily polluted";
    CatCn6 => "严重污染", "Severely polluted";
    CatUs1 => "良好", "Good";
    CatUs2 => "中等", "Moderate";
    CatUs3 => "对敏感人群不健康", "Unhealthy for Sensitive Groups";
    CatUs4 => "不健康", "Unhealthy";
    CatUs5 => "非常不健康", "Very Unhealthy";
    CatUs6 => "危险", "Hazardous";
    ColourBlue => "蓝色", "blue";
    ColourYellow => "黄色", "yellow";
    ColourOrange => "橙色", "orange";
    ColourRed => "红色", "red";
    ResponseBlue => "Ⅳ级应急响应", "level IV emergency response";
    ResponseYellow => "Ⅲ级应急响应", "level III emergency response";
    ResponseOrange => "Ⅱ级应急响应", "level II emergency response";
    ResponseRed => "Ⅰ级应急响应", "level I emergency response";
    ResponseTemporary => "临时管控措施", "temporary control measures";
    // The response workflow in words (src/i18n/response.rs)
    ErrNoWarning => "当前没有生效的预警，无法调整、暂停或解除", "no warning is in force: nothing to change, pause or lift";
    ErrAlreadyActive => "已有{0}正在生效，不能重复发布；如需改变级别请升级或降级", "a {0} is already in force; upgrade or downgrade it instead of issuing another";
    ErrNotAWarningLevel => "「{0}」不是预警级别，不能作为预警发布", "{0} is not a warning level";
    ErrLevelNotInPlan => "本预案未规定{0}", "the plan does not define the {0}";
    ErrUnknownCampaign => "预案中没有专项行动「{0}」", "the plan defines no campaign {0}";
    ErrCampaignRunning => "{0}正在进行，不能重复启动", "{0} is already running";
    ErrCampaignNotRunning => "{0}未在进行", "{0} is not running";
    ErrUnknownRun => "没有第{0}次专项行动的记录", "there is no campaign run #{0}";
    ErrBelowRegional => "{0}低于{2}发布的{1}：本地预警不得低于上级预警级别", "the {0} is below the {1} issued by {2}: the local level must be at least the city's or region's";
    ErrNotHigher => "{0}不高于当前的{1}，不能升级；如需降低级别请降级", "{0} is not above the {1} in force: downgrade instead";
    ErrNotLower => "{0}不低于当前的{1}，不能降级；如需提高级别请升级", "{0} is not below the {1} in force: upgrade instead";
    ErrLevelMismatch => "记录的原级别{0}与当前级别{1}不一致", "the event changes from {0} but the level is {1}";
    ErrPaused => "应急响应已暂停，请先恢复响应", "the response is paused: resume it first";
    ErrNotPaused => "应急响应未暂停，无需恢复", "the response is not paused";
    ErrPauseNotAllowed => "本预案不允许暂停应急响应", "the plan does not allow pausing";
    ErrNotYetInForce => "预警自{0}起生效，尚未生效不能暂停；如预报改善请降级或解除", "the warning takes effect at {0}; it cannot be paused before (downgrade or lift it)";
    ErrTooEarly => "时间不能早于{0}", "the time cannot be before {0}";
    ErrEndBeforeStart => "预计结束时间必须晚于开始时间", "the expected end must be after the start";
    ErrMissing => "请填写{0}", "the {0} is required";
    ErrUnknownConsultation => "没有第{0}次会商的记录", "there is no consultation #{0}";
    ErrUnknownItem => "当前预警的措施清单中没有「{0}」", "the current checklist has no item {0}";
    ErrItemDropped => "措施「{0}」已因级别调整撤销，不能再登记", "item {0} was dropped by a level change and takes no reports";
    ErrDuplicateItem => "措施清单中「{0}」重复", "item {0} appears twice in the checklist";
    ErrTransition => "措施「{0}」当前为“{1}”，不能{2}", "item {0} is {1}: cannot {2} it";
    ErrChecklistClosed => "预警已解除，措施清单已关闭；只能登记问题整改", "the warning was lifted: the checklist only takes rectifications of problems";
    ErrReportedInFuture => "反馈时间不能晚于现在", "the reported time cannot be in the future";
    ErrReportedBeforeIssued => "反馈时间不能早于措施下达时间（{0}）", "the reported time cannot be before the item was issued ({0})";
    FormUnreadable => "无法读取反馈表：{0}", "the form cannot be read: {0}";
    FormBadKey => "事项编号「{0}」不是本系统导出的反馈表编号", "事项编号 {0} is not the key of a feedback form";
    FormOtherJournal => "该反馈表来自其他工作区（事项编号的台账标识不符）", "the form comes from another workspace (its keys name another journal)";
    FormOlderEpisode => "该反馈表属于第{0}次预警过程，不是当前预警", "the form belongs to episode {0}, not the latest";
    FormUnknownRun => "该反馈表所列的第{0}次专项行动不在本工作区的记录中", "the form names campaign run {0}, which this workspace has no record of";
    FormUnknownItem => "事项编号所指的措施清单中没有事项「{0}」", "the checklist the key names has no item {0}";
    FormOtherUnit => "事项编号指向其他单位的事项：本行责任单位为「{0}」，该事项属于「{1}」", "the key points at another unit's item: the row names {0}, the item belongs to {1}";
    FormBadStatus => "反馈状态「{0}」无法识别：应为 已签收 / 已落实 / 存在问题 / 已整改", "反馈状态 {0} is not one of 已签收 / 已落实 / 存在问题 / 已整改";
    FormBadTime => "反馈时间「{0}」不是时间（如 2019-12-22 08:30）", "反馈时间 {0} is not a time (e.g. 2019-12-22 08:30)";
    FormBadChannel => "反馈渠道「{0}」无法识别：应为 电话 / 微信 / OA / 表格 / 现场 / 督导组", "反馈渠道 {0} is not one of 电话 / 微信 / OA / 表格 / 现场 / 督导组";
    FormDuplicate => "与本表第{0}行重复（同一事项）", "repeats row {0} of this form (the same item)";
    FormRepeatedIn => "同一事项已在 {0} 第{1}行反馈", "the same item is in {0}, row {1}";
    FormAlreadyRecorded => "此行反馈已记录过（同一状态、反馈时间和反馈人），不再重复记录", "this report is already recorded (the same status, reported time and person): not recorded again";
    ReportsDueCount => "单位报送：迟报 {0} · 缺报 {1} · 24小时内待报 {2}", "Unit reports: {0} late · {1} missing · {2} due within 24 h";
    ChaseText => "【催报】{0}：贵单位应于{1}前报送的重污染天气应急措施落实情况，截至{2}尚未收到，请立即报送。——县重污染天气应急指挥部办公室", "[Reminder] {0}: your report on the emergency measures, due by {1}, is overdue as of {2}. Please send it now. — County heavy-pollution emergency command office";
    ChaseTitle => "催报（{0}个单位迟报）", "Chase late reports ({0} units)";
    ChaseNone => "没有迟报的单位", "No unit's report is late";
    ChaseTextTo => "【催报】{0}{3}：贵单位应于{1}前报送的重污染天气应急措施落实情况，截至{2}尚未收到，请立即报送。——县重污染天气应急指挥部办公室", "[Reminder] {0}, attn. {3}: your report on the emergency measures, due by {1}, is overdue as of {2}. Please send it now. — County heavy-pollution emergency command office";
    ChaseWechat => "微信群：{0}", "WeChat group: {0}";
    ChaseContactsProblem => "通讯录 {0}", "Contact list {0}";
    ChaseCopy => "复制", "Copy";
    ChaseContact => "联系人：{0} {1}", "Contact: {0} {1}";
    RptTownTitle => "乡镇（街道）报送情况", "Reports per township";
    RptTownNone => "没有乡镇（街道）按周期报送", "No township reports on a cycle";
    RptColTownship => "乡镇（街道）", "Township";
    RptColUnits => "报送单位", "Units";
    RptColDue => "24小时内待报", "Due in 24 h";
    RptColReceived => "已报送", "Received";
    RptColReceivedLate => "其中逾时", "Of which late";
    RptColLate => "迟报", "Late";
    RptColMissing => "缺报", "Missing";
    RptTownTip => "含下属村（社区）和网格", "Includes its villages and grids";
    FbTitle => "反馈表（写出与导入）", "Feedback forms (out and in)";
    FbUnit => "单位", "Unit";
    FbAllUnits => "全部有未办结事项的单位（每个单位一个文件）", "Every unit with open items (one file each)";
    FbWrite => "写出反馈表", "Write feedback form";
    FbWriteTip => "写入工作区的 exports 文件夹：发给单位填写，填好后导入", "Saved into the workspace's exports folder: send it to the unit, import it once filled";
    FbWriteFailed => "反馈表无法生成：{0}", "the form cannot be made: {0}";
    FbNoOpenItems => "没有未办结的事项，无需写出反馈表", "No open item: no form to write";
    FbImport => "导入反馈表…", "Import feedback forms…";
    FbImportTip => "可一次选择多个填好的反馈表（.xlsx）", "Choose several filled forms (.xlsx) at once";
    FbPickTitle => "选择填好的反馈表（可多选）", "Choose filled feedback forms (several at once)";
    FbPaths => "反馈表文件（每行一个路径）", "Form files (one path a line)";
    FbRead => "读取", "Read";
    FbReading => "正在读取反馈表…", "Reading the forms…";
    FbPreviewTitle => "导入预览：{0} 条将记录，{1} 行有问题", "Import preview: {0} rows to record, {1} rows with problems";
    FbRowsTitle => "将记录的反馈", "Reports to record";
    FbProblemsTitle => "有问题的行（不记录）", "Rows with problems (not recorded)";
    FbColFile => "文件", "File";
    FbColRow => "行", "Row";
    FbColUnit => "责任单位", "Unit";
    FbColMeasure => "措施", "Measure";
    FbColChange => "状态变化", "Status change";
    FbColReportedAt => "反馈时间", "Reported";
    FbColReporter => "反馈人", "Reporter";
    FbColChannel => "渠道", "Channel";
    FbColReason => "原因", "Reason";
    FbWholeFile => "整个文件", "whole file";
    FbRecord => "记录 {0} 条反馈", "Record {0} reports";
    FbCancel => "取消", "Cancel";
    FbRecorded => "已记录 {0} 条反馈，{1} 行有问题未记录", "{0} reports recorded; {1} rows with problems not recorded";
    ErrNoShift => "当前没有正在进行的值班，无法交班", "no shift is in progress to hand over";
    ErrNotDone => "事项 {0} 当前为「{1}」：只有已落实或已整改的事项才能核查", "item {0} is {1}: only implemented or rectified items can be checked";
    ErrNothingToSample => "没有已落实的事项可供抽查", "no implemented item to draw a spot check from";
    ErrUnknownSample => "没有第 {0} 次抽查", "there is no spot-check sample {0}";
    ErrNotInSample => "事项 {0} 不在第 {1} 次抽查样本中", "item {0} was not drawn in spot-check sample {1}";
    ErrSampleMismatch => "第 {0} 次抽查记录与其随机种子抽出的事项不符（记录被改动？）", "spot-check sample {0} is not what its seed draws (an edited record?)";
    ErrOutOfSequence => "{0}编号{1}不连续（应为{2}）", "{0} number {1} is out of sequence (expected {2})";
    SeqConsultation => "会商", "consultation";
    SeqEpisode => "预警过程", "episode";
    SeqCampaignRun => "专项行动", "campaign run";
    SeqSample => "抽查", "spot-check sample";
    AnomalyUndecodable => "内容无法解析：{0}", "the payload does not decode: {0}";
    TlConsultation => "第{0}次会商（{1}）：{2}。决定：{3}；参加：{4}", "Consultation #{0} ({1}): {2}. Decision: {3}; present: {4}";
    TlIssued => "发布{0}，自{1}起启动{2}{3}；签发：{4}；下达措施{5}项", "{0} issued, {2} from {1}{3}; signed by {4}; {5} checklist items";
    TlExpectedEnd => "，预计持续至{0}", ", expected to last until {0}";
    TlLevelChanged => "自{0}起由{1}{2}为{3}；签发：{4}；新增措施{5}项、撤销{6}项、保留{7}项", "{2} from {1} to {3} as of {0}; signed by {4}; {5} items added, {6} dropped, {7} kept";
    TlUpgraded => "升级", "upgraded";
    TlDowngraded => "降级", "downgraded";
    TlPaused => "自{0}起暂停应急响应：{1}", "response paused from {0}: {1}";
    TlCampaignStarted => "自{1}起启动{0}；签发：{2}；下达措施{3}项", "{0} started from {1}; signed by {2}; {3} checklist items";
    TlCampaignStopped => "{1}结束{0}：{2}", "{0} stopped at {1}: {2}";
    TlResumed => "自{0}起恢复应急响应：{1}", "response resumed from {0}: {1}";
    TlLifted => "于{0}解除{1}（{2}）：{3}", "{1} lifted at {0} ({2}): {3}";
    TlLasted => "历时{0}", "lasted {0}";
    TlCalledOff => "生效前撤销", "called off before it took effect";
    TlItem => "{0}「{1}」{2}{3}", "{0} [{1}] {2}{3}";
    TlSampled => "第 {0} 次抽查：从 {2} 项已落实事项中随机抽取 {1} 项", "Spot-check sample {0}: {1} of {2} implemented items drawn";
    TlChecked => "{0}「{1}」{2}：{3}{4}", "{0} [{1}] {2}: {3}{4}";
    TlDetail => "：{0}", ": {0}";
    TlShiftStarted => "{0}接班", "{0} took over the desk";
    TlHandedOver => "{0}交班给{1}", "{0} handed over to {1}";
    ItemDroppedFor => "{0}后不再要求", "no longer required at the {0}";
    // The weather analysis in words (src/i18n/weather.rs)
    WindowHeld => "{0} 小时不利时段：{1}", "{0} h unfavourable: {1}";
    WindowNotJudged => "；无法判断：{0}（缺少数据）", "; could not judge: {0} (no data)";
    OutlookHead => "{0} 重污染风险{1}（概率 {2}%），PM2.5 预计 {3}（{4}–{5}）µg/m³，AQI {6}–{7}", "{0} heavy-pollution risk {1} ({2} %), PM2.5 expected {3} ({4}–{5}) µg/m³, AQI {6}–{7}";
    OutlookPersistence => "前一日 PM2.5 {0}（{1}%）", "yesterday's PM2.5 {0} ({1} %)";
    OutlookStagnation => "不利气象占比 {0}%（{1}%）", "unfavourable share {0} % ({1} %)";
    OutlookDewPoint => "露点变化 {0}°C（{1}%）", "dew point {0} °C ({1} %)";
    OutlookPressure => "气压变化 {0} hPa（{1}%）", "pressure {0} hPa ({1} %)";
    OutlookColdFront => "冷空气过境", "cold front";
    OutlookWetHours => "降水 {0} 小时", "{0} wet hour(s)";
    OutlookNotJudged => "无法判断：{0}", "could not judge: {0}";
    PartsSeparator => "；", "; ";
    MissingPreviousPm25 => "前一日PM2.5", "yesterday's PM2.5";
    MissingBackground => "近期背景浓度", "recent background";
    MissingStagnation => "不利气象占比", "unfavourable share";
    MissingDewPoint => "露点变化", "dew-point change";
    MissingPressure => "气压变化", "pressure change";
    // Supervision findings in words (src/i18n/findings.rs)
    FindErrUnknown => "没有督办事项 {0}", "no finding {0}";
    FindErrDuplicate => "督办事项 {0} 已存在", "finding {0} already exists";
    FindErrNotAllowed => "{0} 不能从“{1}”改为“{2}”", "{0} cannot go from {1} to {2}";
    FindErrStale => "{0} 当前为“{1}”，不是“{2}”（可能已被其他席位更新）", "{0} is {1} now, not {2}";
    FindErrNoEvidence => "{0} 没有整改证据（说明或文件），不能标记为已整改", "{0} cannot be marked rectified without evidence (text or files)";
    FindErrEmpty => "请填写{0}", "the {0} is empty";
    FindFieldDescription => "问题描述", "description";
    FindFieldUnit => "责任单位", "responsible unit";
    FindFieldReason => "延期理由", "reason";
    // The advisor's reasons (src/i18n/advice.rs)
    RsFollowsRegional => "本地预警依据{0}发布的{1}，级别不得低于该级别，解除或降级需待上级调整", "The warning follows the {1} issued by {0}: it stays at least at that level until they change it";
    RsNoForecastAhead => "没有今日及以后的AQI预报，无法按预报研判，请导入最新预报", "No AQI forecast for today or later: load the latest forecast";
    RsBeyondHorizon => "{0}个预报日期晚于今日{1}天以上，已忽略，请检查日期", "{0} forecast date(s) more than {1} days ahead were ignored: check the dates";
    RsStaleForecast => "预报发布于{0}，已超过{1}小时，请核实是否为最新预报", "The forecast was issued {0}, more than {1} h ago: check it is the latest";
    RsTriggerHead => "{0}", "{0} daily AQI";
    RsBasisForecast => "预测", "Forecast";
    RsBasisMeasured => "实测", "Measured";
    RsBasisBoth => "实测及预测", "Measured and forecast";
    RsTriggerFirst => "{0}日AQI{1}", " {1} on {0}";
    RsTriggerMore => "，且{0}{1}", " and {1} on {0}";
    RsTriggerHours => "持续{0}小时", " ({0} h)";
    RsTriggerLevel => " → {0}", " → {0}";
    RsTriggerPlanText => "（预案：{0}）", " (plan: {0})";
    RsStepIssue => "发布", "issue";
    RsStepUpgrade => "升级", "upgrade";
    RsStepResume => "恢复", "resume";
    RsLeadTime => "按预案应提前{0}小时{1}，即不晚于{2}", "The plan asks to {1} {0} h ahead, i.e. by {2}";
    RsLeadTimeLate => "按预案应提前{0}小时{1}，即不晚于{2}；现已不能满足提前量要求，建议立即会商{1}", "The plan asks to {1} {0} h ahead, i.e. by {2}; that is no longer possible: consult and {1} now";
    RsNowcast => "实测区域小时AQI最近{0}小时均>{1}（{2}为{3}），且预测未来{4}小时内无明显改善 → 应尽早发布，不受提前量限制", "Measured hourly area AQI > {1} for the last {0} h ({3} at {2}), and no clear improvement forecast within {4} h → issue as early as possible, lead time notwithstanding";
    RsMeasuredHeavy => "实测区域小时AQI已达重污染（{0}为{1}），{2}", "Measured hourly area AQI is heavy ({1} at {0}), {2}";
    RsHeavyImproving => "但预测未来将明显改善", "but a clear improvement is forecast";
    RsHeavyUnknown => "但缺少未来的预报，无法判断是否改善，请会商研判", "but without a forecast for the coming hours improvement cannot be judged: consult";
    RsUpgradeLater => "预计{0}起达到{1}条件，届时升级", "Expected to reach {1} conditions from {0}: upgrade then";
    RsStartsAtStrictest => "过程自{0}开始，按预案以过程最高级别{1}启动", "The episode begins on {0}; the plan starts it at its strictest level, {1}";
    RsJoinedEpisodes => "{0}期间的污染过程间隔不超过{1}小时，未达到解除条件，按一次过程处理", "The episodes within {0} are separated by no more than {1} h, too short to lift: treated as one episode";
    RsLongEpisodeRange => "{0}可能连续{1}天及以上重污染（预报上限>{2}），按预报{3}判断", "{0} may bring {1} or more days of heavy pollution (upper bound > {2}): judged by the {3}";
    RsOtherDaysRange => "其余预报日按预报范围{0}判断", "Other forecast days judged by the {0}";
    RsPointUpper => "上限", "upper bound";
    RsPointMid => "中值", "midpoint of the range";
    RsPointLower => "下限", "lower bound";
    RsAdvisoryDays => "{0}首要污染物为臭氧或沙尘等，不计入预警条件，按健康提示处理", "{0}: primary pollutant O3 or dust, not counted towards the warning; health advisories instead";
    RsAdvisoryEpisode => "{0}首要污染物为{1}，按预案采取健康提示和加强日常监管，不启动{2}（按AQI相当于{3}）", "{0}: primary pollutant {1}; the plan calls for health advisories and stronger routine supervision, not a coloured warning ({2} or above; AQI alone would mean {3})";
    RsWindow => "不利气象条件：{0}至{1}，{2}", "Unfavourable weather {0} to {1}: {2}";
    RsAnotherEpisodeLater => "另：预测{0}起可能再次出现达到{1}条件的过程，届时另行研判", "Note: another episode reaching {1} conditions may begin on {0}; judge it then";
    RsUnended => "至预报期末（{0}）污染过程仍未结束", "The episode is still going on at the end of the forecast ({0})";
    RsLiftExpected => "预计{0}起低于{1}条件并持续{2}小时以上，届时可解除", "Expected below {1} conditions from {0} for more than {2} h: it can be lifted then";
    RsLiftUndecided => "预报未覆盖过程结束后{0}小时，解除时间待后续会商确定", "The forecast does not cover {0} h after the episode: lifting time to be decided later";
    RsTemporaryPossible => "未达到{0}条件，可根据上级生态环境部门部署采取临时管控措施", "{0} conditions not reached: temporary control measures are possible if the higher-level ecology-environment department deploys them";
    RsNothingForecast => "预测{0}均未达到预警或临时管控条件", "Forecast for {0}: no warning or temporary-measure conditions reached";
    RsUpgradeForecast => "当前{0}，预测达到{1}条件", "{0} in force; {1} conditions forecast";
    RsDowngradeTo => "预测今后不再满足{0}条件，可降为{1}", "{0} conditions no longer forecast: downgrade to {1}";
    RsKeepInForce => "{0}自{1}起实施，预测仍满足条件，维持", "{0} in force since {1}; conditions still forecast: keep";
    RsMeasuredAbove => "但实测区域小时AQI仍为{0}（{1}），高于{2}，实况尚未改善", "but the measured hourly area AQI is still {0} ({1}), above {2}: not improved yet";
    RsMeasuredBelow => "实测区域小时AQI为{0}（{1}），已降至{2}及以下", "Measured hourly area AQI {0} ({1}), at or below {2}";
    RsNoRecentMeasurement => "无最新实测数据，仅依据预报判断", "No recent measurements: judged on the forecast alone";
    RsLiftPossible => "预测未来{2}小时以上低于{1}条件，满足解除条件，可解除{0}", "Forecast below {1} conditions for more than {2} h: {0} can be lifted";
    RsReturnsLater => "另：预测{0}起可能再次达到{1}条件，届时另行发布", "Note: {1} conditions may return from {0}; issue again then";
    RsForecastBelow => "预测已低于{0}条件并持续{1}小时以上", "Forecast below {0} conditions for more than {1} h";
    RsKeepUntilMeasured => "暂不解除，待实况改善后解除{0}", "Keep {0} until measured air quality improves";
    RsKeepUnconfirmed => "预报未能确认未来{2}小时以上低于{1}条件，暂不满足解除条件，维持{0}", "The forecast does not confirm more than {2} h below {1} conditions: keep {0}";
    RsPauseSpell => "预测今日起低于{0}条件约{1}小时，{2}起再次达到预警条件；间隔不足{3}小时，不解除，可暂停响应、到时恢复", "Forecast below {0} conditions for about {1} h, warning conditions again from {2}; the gap is shorter than {3} h, so do not lift: pause and resume then";
    RsKeepThroughGap => "今日预测低于{0}条件，但{1}起将再次达到预警条件，间隔不足{2}小时，不满足解除条件，维持{3}", "Below {0} conditions today, but warning conditions return from {1}; the gap is shorter than {2} h: keep {3}";
    RsFuturePause => "{0}预测短暂低于预警条件，届时可暂停响应", "{0}: forecast briefly below warning conditions; the response can be paused then";
    RsResumeSame => "{0}自{1}起暂停，预测再次达到预警条件，应恢复{0}", "{0} paused since {1}; warning conditions forecast again: resume";
    RsResumeAt => "{0}自{1}起暂停，预测再次达到预警条件，应恢复并调整为{2}", "{0} paused since {1}; warning conditions forecast again: resume at {2}";
    // Station alerts in words (src/i18n/alerts.rs)
    AlertStation => "{0}（{1}）", "{0} ({1})";
    AlertBurstText => "{0}{1} 小时AQI达到{2}（爆表；规则：小时AQI≥{3}），共{4}小时", "{0} {1}: hourly AQI {2} (off the scale; rule: hourly AQI ≥ {3}), {4} h";
    AlertAboveText => "{0}{1} 小时AQI最高{2}，同时段{3}（{4}个）中位数{5}，为其{6}倍（规则：≥{7}倍且高出≥{8}），共{9}小时", "{0} {1}: hourly AQI up to {2}, {6} × the median {5} of {3} ({4}) in the same hour (rule: ≥ {7} × and ≥ {8} above), {9} h";
    AlertSetArea => "区域内其他站点", "the other stations of the area";
    AlertSetNearest => "最近{0}个站点", "the {0} nearest stations";
    AlertSilentText => "{0}{1} 连续{2}小时无数据{3}（规则：连续≥{4}小时无数据）", "{0} {1}: no value for {2} h{3} (rule: no value for ≥ {4} h)";
    AlertLastValue => "，此前最后一次数据 {0} AQI {1}", "; last value before: {0} AQI {1}";
    AlertLastSeen => "，此前最后一次数据 {0}", "; last value before: {0}";
    // The season budget's conventions (src/i18n/budget.rs)
    RoundedHalfEven => "修约为整数（GB/T 8170 四舍六入五成双）", "rounded to whole µg/m³ (GB/T 8170, halves to even)";
    RoundedHalfUp => "修约为整数（四舍五入）", "rounded to whole µg/m³ (halves up)";
    RoundedExact => "不修约", "not rounded";
    RoundTargetFloor => "目标值向下取整", "the target is rounded down";
    RoundTargetNearest => "目标值修约为整数", "the target is rounded to whole µg/m³";
    RoundTargetExact => "目标值不取整", "the target is not rounded";
    RoundingSentence => "日均值{0}；累计均值{1}后与目标比较；{2}；剩余允许均值按取整后的目标计算，未计入最终修约的半个单位。", "Daily means {0}; the season mean is {1} before it is compared with the target; {2}; the remaining allowed mean aims at that target, ignoring the half unit the final rounding would forgive.";
    HeavyBasisDailyAqi => "重污染日按区域日AQI > 200统计（HJ 633按日期选版本，计入全部污染物）；无AQI的日子按PM2.5日均值 > 150 µg/m³判断", "heavy day = area daily AQI > 200 (HJ 633 by date, all pollutants); a day without an AQI counts when its PM2.5 > 150 µg/m³";
    HeavyBasisPm25 => "重污染日按区域PM2.5日均值 > 150 µg/m³（HJ 633-2012与2026版IAQI均 > 200）统计，未计其他污染物", "heavy day = area daily PM2.5 > 150 µg/m³ (IAQI > 200 in HJ 633-2012 and -2026); other pollutants not counted";
    // Why nothing can be recorded, and what became of a command (src/session/error.rs)
    WhyNotProjector => "会商投屏模式只读，不记录任何操作", "projector mode is read-only; nothing is recorded";
    WhyNotReadOnly => "值班日志只读：{0}", "the duty journal is read-only: {0}";
    WhyNotNoJournal => "无法打开值班日志：{0}", "the duty journal could not be opened: {0}";
    WhyNotNoJournalHere => "此工作区没有值班日志", "there is no duty journal in this workspace";
    WhyNotNoOfficer => "尚未开始值班：请先填写值班员姓名", "no shift started yet: enter the duty officer's name first";
    WhyNotPlanInvalid => "预案文件有错误，修正后才能记录应急响应操作", "the plan file has problems; response actions are recorded once it is fixed";
    ReadOnlyRequested => "工作区以只读方式打开", "the workspace was opened read-only";
    ReadOnlyOtherInstance => "另一个 AirDesk 实例（{0}）正在使用此工作区", "another AirDesk instance ({0}) is using this workspace";
    ReadOnlyOtherInstanceAnon => "另一个 AirDesk 实例正在使用此工作区", "another AirDesk instance is using this workspace";
    ReadOnlyMedium => "存储介质不可写（{0}）", "the medium cannot be written ({0})";
    ReadOnlyBroken => "值班日志的哈希链在第 {0} 条记录处断开（{1}），在从备份恢复之前不再记录任何操作", "the journal's hash chain is broken at event #{0} ({1}); nothing more is recorded until it is restored from a backup";
    ReadOnlyForeignWal => "日志旁的 journal.sqlite-wal 不属于本日志，已原样保留，日志按不含该文件的内容只读打开", "journal.sqlite-wal does not belong to this journal; it was left untouched and the journal is read without it";
    ReadOnlyViewerDesk => "本席位（{0}）为只读席位（查看/投屏），不能记录操作", "desk {0} is a read-only (viewer/projector) desk";
    ReadOnlyViewerLogin => "服务器只授予本登录名读取权限，不能记录操作", "the server grants this login reading only";
    ReadOnlyUnregistered => "登录名 {0} 未在服务器上登记为席位（airdesk.desks），不能记录操作", "login {0} is not registered as a desk on the server (airdesk.desks)";
    WhyNotOffline => "值班日志服务器无法连接（{0}）：显示的是断开前的内容，恢复连接前不记录任何操作", "the journal server cannot be reached ({0}): showing what this desk had; nothing is recorded until it is back";
    WhyNotChecksAreTheCentres => "核查、抽查由指挥中心席位登记，单位席位只报送本单位的落实情况", "checks and spot checks are recorded by the centre's desks; a unit desk reports on its own items only";
    Overtaken => "{0} 已先记录了新操作；按最新状态重新检查后，本操作未记录：{1}", "{0} recorded first; checked again against what they recorded, this was not recorded: {1}";
    NotYourUnit => "本席位只能为所属单位（{0}）记录，不能为 {1} 记录；未保存", "this desk records for its own units ({0}) only, not for {1}; nothing was saved";
    NoUnitNamed => "本席位只能为所属单位（{0}）记录反馈和佐证，此操作不属于任何单位；未保存", "this desk records feedback and evidence for its own units ({0}) only, and this names no unit; nothing was saved";
    JournalOffline => "值班日志服务器无法连接（{0}），本席位只读显示断开前的内容", "the journal server cannot be reached ({0}); this desk shows what it had, read-only";
    JtNotFound => "{0} 中没有值班日志（{1} 不存在）", "no AirDesk journal in {0}: {1} does not exist";
    JtEmpty => "{0} 是空文件（0 字节），从未保存过记录；在应用中打开此工作区即可新建日志", "{0} is empty (0 bytes): no event was ever saved in it; open the workspace in the app to start a new journal there";
    JtBeingCreated => "另一个 AirDesk 正在打开 {0}，尚未建好值班日志；请稍后再试", "another AirDesk instance is opening {0} and has not created its journal yet; try again";
    JtNotAJournal => "{0} 不是 AirDesk 值班日志（{1}）", "{0} is not an AirDesk journal ({1})";
    JtTooNew => "{0} 由更新版本的 AirDesk 写入（日志格式 {1}，本版本最高能读 {2}）；请更新 AirDesk 后再打开", "{0} was written by a newer AirDesk (journal format {1}; this version reads up to {2}); update AirDesk to open it";
    JtReadOnly => "值班日志为只读（{0}）", "the journal is open read-only ({0})";
    JtDamaged => "值班日志已损坏：{0}；请运行 airdesk journal verify 查看详情", "the journal is damaged: {0}; run `airdesk journal verify` for details";
    JtUnreachable => "无法连接值班日志服务器 {0}（{1}）", "the journal server {0} cannot be reached ({1})";
    JtServer => "值班日志服务器 {0}：{1}", "the journal server {0}: {1}";
    JtStale => "其他值班台已先记录了第 {0} 至 {1} 条事件", "other desks recorded events #{0} to #{1} first";
    JtRefused => "值班日志服务器拒绝了此事件：{0}", "the journal server refused the event: {0}";
    JtNothingStored => "日志没有保存任何事件", "the journal stored nothing";
    JournalWriteFailed => "日志写入失败，未保存：{0}", "the journal failed; nothing was saved: {0}";
    OutcomeRecorded => "{0} — {1} {2}", "{0} — {1} {2}";
    OutcomeItem => "{0} {1} {2}", "{0}: {1} {2}";
    OutcomeKept => "已记入值班日志", "Kept in the journal";
    OutcomeRefused => "未记录：{0}", "Not recorded: {0}";
    OutcomeStampedLater => "；记录时间取日志中上一条记录的时间 {0}（本机时间早于它）", "; stamped {0}, the time of the journal's last event (this desk's clock is behind it)";
    DustNoEvidence => "标记沙尘日须填写依据", "a dust day needs its evidence";
    DustNoReason => "请说明撤销标记的原因", "say why the mark is taken back";
    DustTooLong => "文字超过 {0} 字", "the text is longer than {0} characters";
    DustAlreadyMarked => "{0} 已标记为沙尘日", "{0} is already marked as a dust day";
    DustNotMarked => "{0} 未标记为沙尘日", "{0} is not marked as a dust day";
    // Jobs on worker threads (src/ui/jobs.rs), as the status bar shows them
    JobExporting => "正在保存导出文件…", "Saving exports…";
    JobHashing => "正在计算文件 SHA-256…", "Hashing the file (SHA-256)…";
    JobStoring => "正在存入佐证文件（计算 SHA-256、读取照片信息）…", "Storing the evidence file (SHA-256, photo details)…";
    JobOpening => "正在打开佐证文件…", "Opening the evidence file…";
    EvidenceNotOpened => "无法打开佐证文件", "The evidence file could not be opened";
    JobReading => "正在读取文件…", "Reading the file…";

    // Response page (src/ui/pages/response/)
    RespNoPlan => "没有可用的预案，无法显示应急响应。", "No plan could be loaded; the response cannot be shown.";
    RespTabDecide => "会商与决策", "Consult & decide";
    RespTabChecklist => "措施清单", "Checklist";
    RespTabNotices => "通知", "Notices";
    RespTabReports => "报告与台账", "Reports & ledger";
    RespTabTimeline => "时间线", "Timeline";
    RespNoWarning => "当前无预警", "No warning in force";
    RespLastEpisode => "上一次：第 {0} 次（最高 {1}）", "Last: episode {0} (highest {1})";
    RespSince => "自 {0} 起", "from {0}";
    RespExpectedEnd => "，预计至 {0}", ", expected until {0}";
    RespCounts => "措施 {0} 项，已完成 {1} 项", "{0} measures, {1} done";
    RespOverdueCount => "逾期 {0} 项", "{0} overdue";
    RespPhasePending => "已发布，{0} 生效", "issued, in force from {0}";
    RespPhaseActive => "执行中", "in force";
    RespPhasePaused => "自 {0} 暂停", "paused since {0}";
    RespPhaseLifted => "已于 {0} 解除", "lifted at {0}";
    RespNothingYet => "尚无记录。", "Nothing recorded yet.";
    RespConsultation => "会商记录", "Consultation";
    RespAdviceTitle => "研判建议（按预案）", "Advice (from the plan)";
    RespNoForecast => "工作区中没有空气质量预报文件（{0}），无法给出研判建议。", "No AQI forecast in the workspace ({0}): no advice.";
    RespFillFromAdvice => "按建议填写会商和预警", "Fill consultation and warning from the advice";
    RespHeldAt => "会商时间", "Held at";
    RespParticipants => "参会人员（逗号分隔）", "Participants (comma-separated)";
    RespBasis => "预报依据", "Forecast basis";
    RespDecision => "会商结论", "Decision";
    RespDecisionText => "结论说明", "Decision in words";
    RespRecordConsultation => "预览会商记录…", "Preview consultation…";
    RespIssueTitle => "发布预警/临时管控", "Issue a warning / temporary control";
    RespChangeTitle => "调整预警级别（升级/降级）", "Change the level (upgrade/downgrade)";
    RespPreviewIssue => "预览预警通知…", "Preview the warning notice…";
    RespPreviewChange => "预览清单变化…", "Preview the checklist change…";
    RespLevel => "预警级别", "Warning level";
    RespStart => "启动时间", "Start";
    RespEffective => "生效时间", "Effective";
    RespEnd => "预计结束（可空）", "Expected end (optional)";
    RespApprover => "签发人（空则按预案）", "Approver (empty: from the plan)";
    RespDocNo => "文号（可空）", "Document no. (optional)";
    RespReasons => "理由（每行一条）", "Reasons (one per line)";
    RespRegionalSource => "上级预警发布单位（可空）", "City/regional warning issued by (optional)";
    RespRegionalLevel => "上级预警级别", "City/regional warning level";
    RespRegionalNotice => "上级预警文号", "City/regional notice no.";
    RespRegionalNone => "未依据上级预警", "No city/regional warning followed";
    RespFollowsRegional => "根据{0}{1}（{2}）", "Following the {1} of {0} ({2})";
    NoticeFollowsRegional => "根据{0}发布的重污染天气{1}（{2}），本地启动不低于该级别的应急响应。", "Following the heavy-pollution {1} issued by {0} ({2}), the county responds at least at that level.";
    RespPauseTitle => "暂停响应", "Pause the response";
    RespResumeTitle => "恢复响应", "Resume the response";
    RespPauseAt => "时间", "Time";
    RespPreviewPause => "预览暂停…", "Preview pause…";
    RespPreviewResume => "预览恢复…", "Preview resumption…";
    RespLiftTitle => "解除预警", "Lift the warning";
    RespCampaignTitle => "专项行动", "Campaigns";
    RespCampaign => "行动名称", "Campaign";
    RespCampaignStop => "结束时间", "End";
    RespPreviewCampaignStart => "预览启动专项行动…", "Preview starting the campaign…";
    RespPreviewCampaignStop => "预览结束专项行动…", "Preview ending the campaign…";
    CampaignsRunning => "进行中的专项行动：{0}", "Campaigns running: {0}";
    RespLiftAt => "解除时间", "Lifting time";
    RespLiftBasis => "解除依据", "Basis for lifting";
    RespPreviewLift => "预览解除…", "Preview lifting…";
    RespConfirmTitle => "请确认后记录", "Confirm to record";
    RespNoticePreview => "预警通知（预览）", "Warning notice (preview)";
    RespConfirm => "确认并记录 (Enter)", "Confirm and record (Enter)";
    RespUnitItems => "{0}：{1} 项措施", "{0}: {1} measures";
    RespDiffAdded => "新增 {0} 项：", "{0} added:";
    RespDiffDropped => "撤销 {0} 项：", "{0} dropped:";
    RespDiffKept => "保留 {0} 项：", "{0} kept:";
    RespNoChecklist => "尚未发布预警，没有措施清单。", "No warning issued yet: no checklist.";
    RespAllUnits => "全部单位", "All units";
    RespChecklistOf => "措施清单", "Checklist";
    RespCampaignChecklist => "{0}措施清单", "Checklist of {0}";
    RespCampaignRunning => "{0}（进行中）", "{0} (running)";
    RespCampaignEnded => "{0}（已结束）", "{0} (ended)";
    RespFilterUnit => "单位", "Unit";
    RespFilterStatus => "状态", "Status";
    RespUnitsFinished => "另有 {0} 个单位的措施已全部完成", "{0} more units have finished all their items";
    RespEpisodeChecklist => "第 {0} 次预警措施清单", "Checklist of episode {0}";
    RespColUnit => "责任单位", "Unit";
    RespColTotal => "措施", "Items";
    RespColAcknowledged => "已签收", "Acknowledged";
    RespColDone => "已完成", "Done";
    RespColProblems => "问题", "Problems";
    RespColOverdue => "逾期", "Overdue";
    RespColMeasure => "措施", "Measure";
    RespColStatus => "状态", "Status";
    RespColDeadline => "时限", "Deadline";
    RespColRemaining => "剩余时间", "Time left";
    RespNoItems => "没有符合筛选条件的措施。", "No item matches the filters.";
    RespFeedbackExpected => "应反馈：{0}", "Feedback expected: {0}";
    RespFeedback => "反馈 / 问题说明", "Feedback / problem";
    RespReporter => "反馈人", "Reported by";
    RespReporterUnit => "单位", "Unit";
    RespReportedAt => "反馈时间", "Reported at";
    RespReportedAtHint => "空 = 现在；如 2019-12-21 15:30", "empty = now; e.g. 2019-12-21 15:30";
    RespChannel => "渠道", "Channel";
    RespReportedBy => "（{0}，{1} 经{2}反馈）", " (reported by {0}, at {1} by {2})";
    RespReportedWhen => "（{0} 经{1}反馈）", " (reported at {0} by {1})";
    ChannelPhone => "电话", "phone";
    ChannelWechat => "微信", "WeChat";
    ChannelOa => "OA", "OA";
    ChannelForm => "表格", "form";
    ChannelOnSite => "现场", "on site";
    ChannelSupervision => "督导组", "supervision group";
    RespEvidence => "佐证文件（可空）", "Evidence file (optional)";
    RespEvidenceHint => "文件路径；文件按 SHA-256 复制进证据库，各席位均可打开", "File path; the file is copied into the evidence store by its SHA-256, for every desk to open";
    RespActAcknowledge => "签收", "Acknowledge";
    RespActImplement => "登记落实", "Record implemented";
    RespActProblem => "报告问题", "Report a problem";
    RespActRectify => "登记整改", "Record rectified";
    RespRemaining => "剩 {0}", "{0} left";
    RespLate => "逾期 {0}", "{0} late";
    RespFilterLive => "有效措施", "Live items";
    RespFilterAll => "全部（含撤销）", "All (incl. dropped)";
    RespFilterOpen => "未完成", "Open";
    RespFilterOverdue => "逾期", "Overdue";
    RespFilterDone => "已完成", "Done";
    RespNoNotices => "尚未发布预警或启动专项行动，没有通知。", "No warning issued and no campaign started yet: no notices.";
    RespCopy => "复制", "Copy";
    RespSaveTxt => "保存为 .txt", "Save as .txt";
    RespSaveAllTxt => "全部保存", "Save all";
    RespDaily => "日报", "Daily report";
    RespHandover => "交接班记录", "Shift handover";
    RespSaveSummary => "保存总结评估 (HTML)", "Save after-action summary (HTML)";
    RespSummaryTip => "时间线、各单位措施落实、问题整改", "Timeline, measures done per unit, problems and rectification";
    RespLedgerCsv => "导出台账 CSV", "Export ledger CSV";
    RespLedgerXlsx => "导出台账 Excel", "Export ledger Excel";
    ExportSaved => "已保存到 {0}：{1}", "Saved in {0}: {1}";
    ExportReadOnly => "工作区只读，{0} 未保存。", "The workspace is read-only; {0} was not saved.";

    // Response page: unit tree, evidence dialog
    RespTreeTip => "点击单位只看该单位及其下级的措施，再点一次看全部；数字含下级单位", "Click a unit to see only its items and those of the units below it, again to see all; counts include the units below";
    RespExpand => "展开 {0}", "Expand {0}";
    RespCollapse => "折叠 {0}", "Collapse {0}";
    RespPickEvidence => "选择文件…", "Choose file…";
    RespPickEvidenceTitle => "选择佐证文件", "Choose an evidence file";
    RespNoDialog => "系统文件对话框不可用，请在上面输入文件路径。", "No system file dialog is available: type the file's path above.";

    // Official documents (.docx / PDF) beside a preview, and their outcome
    DocFields => "公文要素（写出前可修改）", "Document fields (may be changed before writing)";
    DocNo => "文号", "Document no.";
    DocTo => "主送（简报：报）", "To (bulletin: 报)";
    DocCc => "抄送（简报：送）", "Copy to (bulletin: 送)";
    DocSigner => "签发人", "Signed by";
    DocPrinter => "印发机关", "Issued by";
    DocPrinted => "印发日期", "Issue date";
    DocCopyNo => "份号", "Copy no.";
    DocSecrecy => "密级和保密期限", "Classification and period";
    DocUrgency => "紧急程度", "Urgency";
    DocUrgencyNone => "无", "None";
    DocWriteDocx => "写出 .docx", "Write .docx";
    DocWritePdf => "写出 PDF", "Write PDF";
    DocOpenAfter => "写出后打开", "Open when written";
    DocReset => "恢复默认", "Reset";
    DocAllUnits => "各单位通知合为一份", "All unit notices in one file";
    DocReadOnly => "工作区只读，不能写出文件", "The workspace is read-only: no file can be written";
    DocOpenFailed => "{0} 已写出，但无法打开：{1}", "{0} was written but could not be opened: {1}";
    DocMissingGlyphs => "{0} 未能写出：可用字体中都没有这些字符：{1}。请把含有它们的字体（如 Noto Serif CJK SC）放入以下位置之一：{2}", "{0} could not be written: no available font has these characters: {1}. Put a font that has them (for example Noto Serif CJK SC) into one of: {2}";
    DocNoPlan => "没有可用的预案，无法生成公文。", "No plan is available: no document can be made.";
    RespSummary => "总结评估", "After-action summary";
    SvOrder => "督办单", "Supervision order (督办单)";

    // Charts (src/report/charts/, src/ui/chart/): titles, legends, axes, readouts. Entries named
    // ChartFmt* are chrono strftime patterns after {0} is filled (with a weekday or month name).
    ChartNoData => "无数据", "No data";
    ChartNoDataPeriod => "此时段无数据", "No data in this period";
    ChartTooSmall => "图幅太小，无法绘制", "Too small to draw";
    ChartCannotDraw => "图表无法绘制：{0}", "The chart cannot be drawn: {0}";
    ChartMore => "…另 {0} 项", "… {0} more";
    ChartMoreNotShown => "…另 {0} 项未显示", "… {0} more not shown";
    ChartNow => "现在 {0}", "Now {0}";
    ChartForecastArrow => "预报 →", "Forecast →";
    ChartWindow => "不利气象窗口", "Unfavourable weather";
    ChartWarningPeriod => "预警时段", "Warning period";
    ChartFestival => "节日", "Festival";
    ChartObserved => "{0} 实况", "{0} observed";
    ChartForecast => "{0} 预报", "{0} forecast";
    ChartOutlookExpected => "气象展望 日均预期", "Outlook, expected daily mean";
    ChartOutlookRange => "气象展望 四分位范围", "Outlook, interquartile range";
    ChartAqiForecastFile => "AQI 预报文件 范围", "AQI forecast file, range";
    ChartAqiForecastFilePm25 => "AQI 预报文件 范围（折算为 PM2.5 日均）", "AQI forecast file, range as PM2.5 daily mean";
    ChartAreaMean => "{0} 均值 实况", "{0} mean, observed";
    ChartStationMean => "站点均值 实况", "Station mean, observed";
    ListSep => "、", ", ";
    ChartAndOthers => "{0} 等{1}站", "{0} and others ({1} stations)";
    ChartUnit => "（{0}）", " ({0})";
    ChartWindSpeed => "风速", "Wind speed";
    ChartRh => "相对湿度", "Relative humidity";
    ChartRain => "降水", "Precipitation";
    ChartBlh => "边界层高度", "Boundary-layer height";
    ChartWindPanel => "10米风（m/s），箭头指向下风方向", "10-m wind (m/s), arrows point downwind";
    ChartRainPanel => "降水（mm）", "Precipitation (mm)";
    ChartRainRate => "降水（mm/h）", "Precipitation (mm/h)";
    ChartRhPanel => "相对湿度（%）", "Relative humidity (%)";
    ChartBlhPanel => "边界层高度（m）", "Boundary-layer height (m)";
    ChartBeijingTime => "北京时间", "Beijing time";
    ChartBandsTable => "底色：{0} 分级", "background: {0} categories";
    ChartBandsAqi => "底色：AQI 类别", "background: AQI categories";
    ChartMeteogramTitle => "{0} {1} 与气象条件", "{0}: {1} and weather";
    ChartHourlyTitle => "{0} {1} 逐时变化", "{0}: hourly {1}";
    ChartAreaAqi => "{0} AQI（HJ 633 计算）", "{0} AQI (computed per HJ 633)";
    ChartCalendarTitle => "{0} {1} 日均值日历", "{0}: daily mean {1}";
    ChartCalendarSubtitle => "{0} – {1} · 单位 {2} · 站点日均需 ≥{3} 个小时值 · 颜色按 {4} 分级", "{0} – {1} · unit {2} · a station day needs ≥ {3} hourly values · colours per {4}";
    ChartHeavyFrame => "粗框：重污染日（日均 >{0}，即 AQI >200）", "Bold frame: heavy-pollution day (daily mean > {0}, i.e. AQI > 200)";
    ChartHeavyFrameAqi => "粗框：重污染日（AQI >200）", "Bold frame: heavy-pollution day (AQI > 200)";
    ChartFrameAbove => "粗框 >{0}", "Bold frame > {0}";
    ChartRankingTitle => "{0} {1} 平均浓度排名", "{0}: ranking by mean {1}";
    ChartRankingAreas => "各城市", "Cities";
    ChartRankingSubtitle => "{0} – {1} · 日均值的平均（站点日均需 ≥{2} 个小时值）· 从低到高，并列同名次", "{0} – {1} · mean of daily means (a station day needs ≥ {2} hourly values) · lowest first, ties share a rank";
    ChartRankingTop => "（前 {0} 名，共 {1} 个）", " (top {0} of {1})";
    ChartRank => "排名", "Rank";
    ChartName => "名称", "Name";
    ChartRankOf => "第 {0} 名 / 共 {1}：{2}", "Rank {0} of {1}: {2}";
    ChartAccessible => "{0}：{1} 至 {2}。方向键平移，加号减号或 Ctrl+滚轮缩放，Home 或双击复位。", "{0}: {1} to {2}. Arrow keys pan, plus and minus or Ctrl+wheel zoom, Home or a double-click resets.";
    ChartWarningBlue => "蓝色预警", "Blue warning";
    ChartWarningYellow => "黄色预警", "Yellow warning";
    ChartWarningOrange => "橙色预警", "Orange warning";
    ChartWarningRed => "红色预警", "Red warning";
    ChartFmtHourTick => "%H时", "%H:00";
    ChartFmtDayTick => "%-d日", "%-d";
    ChartFmtMonthTick => "%-m月", "%b";
    ChartFmtYear => "%Y年", "%Y";
    ChartFmtMonthYear => "%Y年%-m月", "%b %Y";
    ChartFmtDayWeekday => "%-m月%-d日 {0}", "{0} %-d %b";
    ChartFmtDate => "%-m月%-d日", "%-d %b";
    ChartFmtDateYear => "%Y年%-m月%-d日", "%-d %b %Y";
    ChartFmtHour => "%Y年%-m月%-d日 {0} %H:%M", "{0} %-d %b %Y %H:%M";
    ChartFmtNow => "%-d日%H时", "%-d %b %H:00";
    WeekdayShort1 => "周一", "Mon";
    WeekdayShort2 => "周二", "Tue";
    WeekdayShort3 => "周三", "Wed";
    WeekdayShort4 => "周四", "Thu";
    WeekdayShort5 => "周五", "Fri";
    WeekdayShort6 => "周六", "Sat";
    WeekdayShort7 => "周日", "Sun";
    WeekdayInitial1 => "一", "M";
    WeekdayInitial2 => "二", "T";
    WeekdayInitial3 => "三", "W";
    WeekdayInitial4 => "四", "T";
    WeekdayInitial5 => "五", "F";
    WeekdayInitial6 => "六", "S";
    WeekdayInitial7 => "日", "S";

    // Emission-reduction list: the check chart
    ReductionNoBase => "无基数", "no base";
    ReductionShortKg => "缺 {0} kg/d", "short {0} kg/d";
    ReductionRequired => "要求 {0}%", "required {0}%";
    ReductionReadoutReduction => "减排量 {0} kg/d", "reduction {0} kg/d";
    ReductionReadoutPercent => "占基数 {0}%", "{0}% of the base";

    // Emission-reduction list: the Response page's tab
    RespTabReduction => "减排清单", "Reduction list";
    RedNoList => "未指定应急减排清单：在下方输入清单文件（CSV 或 Excel）路径导入，或在 settings.toml 的 reduction_lists 中指定。", "No emission-reduction list: import a list file (CSV or Excel) below, or name it in reduction_lists in settings.toml.";
    RedFile => "清单文件 {0}（SHA-256 {1}…）", "List file {0} (SHA-256 {1}…)";
    RedCounts => "{0} 家企业，{1} 条生产线（{2}）", "{0} enterprises, {1} production lines ({2})";
    RedProblems => "{0} 个问题（这些行未载入）", "{0} problems (these rows were not loaded)";
    RedImportLabel => "导入清单", "Import a list";
    RedNoListSlide => "未载入应急减排清单", "No emission-reduction list loaded";
    RedImportHint => "清单文件路径（.csv/.xlsx）", "List file path (.csv/.xlsx)";
    RedImport => "导入并使用此清单", "Import and use this list";
    RedCheck => "减排核算（占全社会排放量）", "Reduction check (share of whole-society emissions)";
    RedChartTitle => "应急减排核算：清单减排量占全社会排放量", "Emission-reduction check: the list's reduction as a share of all emissions";
    RedChartSubtitle => "{0} 家企业，{1} 条生产线 · 虚线为预案要求比例", "{0} enterprises, {1} lines · dashed: the plan's required share";
    RedColLevel => "级别", "Level";
    RedColRequired => "要求", "Required";
    RedMet => "{0}% 达标\n{1} kg/d", "{0}% met\n{1} kg/d";
    RedShort => "{0}% 未达标\n缺 {1} kg/d", "{0}% short\nby {1} kg/d";
    RedNoBase => "无基数\n{0} kg/d", "no base\n{0} kg/d";
    RedNotRequired => "{0}% 无要求\n{1} kg/d", "{0}% not required\n{1} kg/d";
    RedBase => "应急减排基数（kg/d）：{0}", "Emission base (kg/d): {0}";
    RedBreakdown => "减排构成", "Where the reduction comes from";
    RedByGrade => "按绩效分级", "By grade";
    RedByIndustry => "按行业", "By industry";
    RedTop => "减排量最大的企业（kg/d）", "Largest contributors (kg/d)";
    RedEnterprises => "清单企业", "Listed enterprises";
    RedTownship => "乡镇（街道）", "Township";
    RedIndustry => "行业", "Industry";
    RedGrade => "绩效分级", "Grade";
    GradeA => "A", "A";
    GradeLeading => "引领性", "performance-leading";
    GradeB => "B", "B";
    GradeC => "C", "C";
    GradeD => "D", "D";
    GradeUnrated => "非分级", "not graded";
    GradeLivelihood => "民生保障", "livelihood guarantee";
    RedAll => "全部", "All";
    RedShown => "{0} 家企业 · 减排量为{1}（kg/d）", "{0} enterprises · reductions at {1} (kg/d)";
    RedColName => "企业名称", "Enterprise";
    RedPickOne => "点击企业名称查看企业卡片", "Click an enterprise's name to see its card";
    RedColLine => "生产线/工序", "Line / process";
    RedCardBase => "基准排放 {0}", "base {0}";
    RedCardCode => "统一社会信用代码 {0}", "Credit code {0}";
    RedCardWhere => "{0} · {1}", "{0} · {1}";
    RedCardGrade => "绩效分级 {0}", "Grade {0}";
    RedCardDepartment => "监管部门 {0}", "Supervised by {0}";
    RedCardUnit => "排放量和减排量单位：kg/d", "Emissions and reductions in kg/d";
    RedCardHistory => "应急响应措施记录", "Checklist history";
    RedCardEpisode => "第 {0} 次过程", "Episode {0}";
    RedCardNoHistory => "尚无该企业的应急响应措施记录", "No checklist items for this enterprise yet";

    RespListedEnterprises => "清单企业", "Listed enterprises";

    // Staggered production (board and Response page)
    StaggeredTitle => "错峰生产（常年措施）", "Staggered production (standing measure)";
    StaggeredInForce => "执行中：{0} 至 {1}，{2} 家清单企业", "In force {0} to {1}: {2} listed enterprises";
    StaggeredNext => "下次：{0} 至 {1}，{2} 家清单企业", "Next: {0} to {1}: {2} listed enterprises";
    StaggeredNone => "预案未设错峰生产", "The plan sets no staggered production";
    StaggeredNoList => "未载入减排清单，涉及企业未知", "No reduction list loaded: the enterprises are not known";

    // Emission-reduction list: import problems
    ListReader => "读取问题：{0}", "Reading problem: {0}";
    ListNoHeader => "前 20 行中没有表头：需要“企业名称”或“统一社会信用代码”列，以及绩效分级、乡镇、排放量或减排量等列", "No header row in the first 20 rows: a 企业名称 or 统一社会信用代码 column is needed, with columns such as 绩效分级, 乡镇, emissions or reductions";
    ListNoEnterprise => "没有企业名称或统一社会信用代码，上方也没有可归属的企业；该行未载入", "No enterprise name or credit code, and no enterprise above to continue; row not loaded";
    ListMissingGrade => "没有绩效分级；该行未载入", "No performance grade; row not loaded";
    ListUnknownGrade => "未知的绩效分级“{0}”（应为 A、引领性、B、C、D、非分级或民生保障）；该行未载入", "Unknown performance grade “{0}” (expected A, 引领性, B, C, D, 非分级 or 民生保障); row not loaded";
    ListNotANumber => "“{0}”不是数值；该行未载入", "“{0}” is not a number; row not loaded";
    ListNegative => "排放量和减排量不能为负数（{0}）；该行未载入", "An emission or reduction cannot be negative ({0}); row not loaded";
    ListAboveBase => "减排量 {0} 千克/日 大于基准排放量 {1} 千克/日；该行未载入", "Reduction {0} kg/d is above the base emission {1} kg/d; row not loaded";
    ListBelowMilderLevel => "{0}减排量 {1} 千克/日 小于{2}的 {3} 千克/日；该行未载入", "The {0} reduction {1} kg/d is smaller than the {2} one, {3} kg/d; row not loaded";
    ListNoUnit => "表头未注明单位，按千克/日读取", "No unit in the header; read as kg/d";
    ListUnknownUnit => "表头单位“{0}”无法识别（可用 吨/年、千克/日、吨/日、t/a、kg/d）；该列未载入", "Unit “{0}” in the header is not known (use 吨/年, 千克/日, 吨/日, t/a, kg/d); column not loaded";
    ListConflict => "同一企业在第 {0} 行为“{1}”，此处为“{2}”；该行未载入", "The same enterprise has “{1}” on row {0}, here “{2}”; row not loaded";
    ListDuplicateLine => "与第 {0} 行是同一企业的同一生产线；该行未载入", "Same enterprise and production line as row {0}; row not loaded";
    ListBadCreditCode => "统一社会信用代码“{0}”的校验码不符；该行未载入", "Unified social credit code “{0}” fails its check character; row not loaded";
    ListMoreProblems => "另有 {0} 个问题未列出", "{0} more problems not listed";
}

/// Looks up table entries in the chosen language. Cheap to copy; pages receive one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Language);

impl Tr {
    /// The text of `key`.
    pub fn t(self, key: T) -> &'static str {
        match self.0 {
            Language::Zh => key.zh(),
            Language::En => key.en(),
        }
    }

    /// The text of `key` with `{0}`, `{1}`, … replaced by `args`.
    pub fn f(self, key: T, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.t(key), args)
    }

    /// The display name of a store variable.
    pub fn variable(self, v: Variable) -> &'static str {
        match self.0 {
            Language::Zh => v.name_zh(),
            Language::En => v.name_en(),
        }
    }

    /// The label every accounting figure carries: which days are real-time, which audited.
    pub fn data_basis(self, basis: &crate::domain::audited::DataBasis) -> String {
        match (basis.audited_days.first(), basis.audited_days.last()) {
            (Some(a), Some(b)) if basis.realtime_days == 0 => self.f(T::BasisAudited, &[a, b]),
            (Some(a), Some(b)) => self.f(
                T::BasisMixed,
                &[a, b, &basis.audited_days.len(), &basis.realtime_days],
            ),
            _ => self.t(T::BasisRealtime).to_string(),
        }
    }

    /// A weekday, short (周四 / Thu).
    pub fn weekday_short(self, day: Weekday) -> &'static str {
        const KEYS: [T; 7] = [
            T::WeekdayShort1,
            T::WeekdayShort2,
            T::WeekdayShort3,
            T::WeekdayShort4,
            T::WeekdayShort5,
            T::WeekdayShort6,
            T::WeekdayShort7,
        ];
        self.t(KEYS[day.num_days_from_monday() as usize])
    }

    /// A weekday as one letter or character, for calendar headers (四 / T).
    pub fn weekday_initial(self, day: Weekday) -> &'static str {
        const KEYS: [T; 7] = [
            T::WeekdayInitial1,
            T::WeekdayInitial2,
            T::WeekdayInitial3,
            T::WeekdayInitial4,
            T::WeekdayInitial5,
            T::WeekdayInitial6,
            T::WeekdayInitial7,
        ];
        self.t(KEYS[day.num_days_from_monday() as usize])
    }

    /// A local time written with the strftime pattern of `key` (a `ChartFmt*` entry), `{0}`
    /// first replaced by the short weekday. English month and weekday names come from chrono;
    /// a pattern chrono rejects gives the ISO form rather than a panic.
    pub fn time(self, key: T, t: NaiveDateTime) -> String {
        use std::fmt::Write;
        let pattern = fill(self.t(key), &[&self.weekday_short(t.weekday())]);
        let items: Vec<Item<'_>> = StrftimeItems::new(&pattern).collect();
        let mut out = String::new();
        if items.iter().any(|i| matches!(i, Item::Error))
            || write!(out, "{}", t.format_with_items(items.iter())).is_err()
        {
            return t.format("%Y-%m-%d %H:%M").to_string();
        }
        out
    }
}

/// Replace `{0}`, `{1}`, … in `template` by `args` (a placeholder without an argument stays).
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after
            .find('}')
            .and_then(|close| Some((close, after[..close].parse::<usize>().ok()?)))
            .and_then(|(close, i)| Some((close, args.get(i)?)));
        match arg {
            Some((close, a)) => {
                out.push_str(&a.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_with_the_same_placeholders() {
        fn placeholders(s: &str) -> Vec<usize> {
            let mut v: Vec<usize> = (0..10)
                .filter(|i| s.contains(&format!("{{{i}}}")))
                .collect();
            v.sort();
            v
        }
        for &k in T::ALL {
            assert!(
                !k.zh().trim().is_empty() && !k.en().trim().is_empty(),
                "{k:?}"
            );
            assert_eq!(placeholders(k.zh()), placeholders(k.en()), "{k:?}");
        }
    }

    #[test]
    fn time_patterns_write_both_languages() {
        let t = chrono::NaiveDate::from_ymd_opt(2019, 12, 5)
            .and_then(|d| d.and_hms_opt(14, 0, 0))
            .expect("time");
        let (zh, en) = (Tr(Language::Zh), Tr(Language::En));
        assert_eq!(zh.time(T::ChartFmtHour, t), "2019年12月5日 周四 14:00");
        assert_eq!(en.time(T::ChartFmtHour, t), "Thu 5 Dec 2019 14:00");
        assert_eq!(en.time(T::ChartFmtDayWeekday, t), "Thu 5 Dec");
        assert_eq!(en.time(T::ChartFmtMonthYear, t), "Dec 2019");
        assert_eq!(en.time(T::ChartFmtHourTick, t), "14:00");
        assert_eq!(zh.time(T::ChartFmtHourTick, t), "14时");
        assert_eq!(en.weekday_initial(Weekday::Sun), "S");
        // Every pattern parses in both languages (a bad one would fall back to ISO).
        for &k in T::ALL
            .iter()
            .filter(|k| format!("{k:?}").starts_with("ChartFmt"))
        {
            for tr in [zh, en] {
                assert_ne!(tr.time(k, t), "2019-12-05 14:00", "{k:?} in {:?}", tr.0);
            }
        }
        assert_eq!(zh.time(T::ChartNoData, t), "无数据");
    }

    #[test]
    fn fills_placeholders_in_any_order() {
        assert_eq!(fill("{1} of {0}", &[&3, &"x"]), "x of 3");
        assert_eq!(fill("{2} {x} {", &[&1]), "{2} {x} {");
        let tr = Tr(Language::En);
        assert_eq!(tr.f(T::ShownOf, &[&5, &2026]), "5 of 2026 shown");
        assert_eq!(Tr(Language::Zh).t(T::PageData), "数据");
        assert_eq!(Tr(Language::Zh).variable(Variable::Temperature), "气温");
    }
}
