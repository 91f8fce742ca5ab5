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
mod moments;
mod names;
mod render;
mod response;
mod weather;

pub use moments::ZH;
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
    ProblemLine => "第 {0} 行", "line {0}";
    ProblemColumn => "第 {0} 列", "column {0}";
    ProblemsMore => "…另有 {0} 个问题未列出", "… and {0} more not listed";
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
    // The response workflow in words (src/i18n/response.rs)
    ErrNoWarning => "当前没有生效的预警，无法调整、暂停或解除", "no warning is in force: nothing to change, pause or lift";
    ErrAlreadyActive => "已有{0}正在生效，不能重复发布；如需改变级别请升级或降级", "a {0} is already in force; upgrade or downgrade it instead of issuing another";
    ErrNotAWarningLevel => "「{0}」不是预警级别，不能作为预警发布", "{0} is not a warning level";
    ErrLevelNotInPlan => "本预案未规定{0}", "the plan does not define the {0}";
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
    ErrNoShift => "当前没有正在进行的值班，无法交班", "no shift is in progress to hand over";
    ErrOutOfSequence => "{0}编号{1}不连续（应为{2}）", "{0} number {1} is out of sequence (expected {2})";
    SeqConsultation => "会商", "consultation";
    SeqEpisode => "预警过程", "episode";
    AnomalyUndecodable => "内容无法解析：{0}", "the payload does not decode: {0}";
    TlConsultation => "第{0}次会商（{1}）：{2}。决定：{3}；参加：{4}", "Consultation #{0} ({1}): {2}. Decision: {3}; present: {4}";
    TlIssued => "发布{0}，自{1}起启动{2}{3}；签发：{4}；下达措施{5}项", "{0} issued, {2} from {1}{3}; signed by {4}; {5} checklist items";
    TlExpectedEnd => "，预计持续至{0}", ", expected to last until {0}";
    TlLevelChanged => "自{0}起由{1}{2}为{3}；签发：{4}；新增措施{5}项、撤销{6}项、保留{7}项", "{2} from {1} to {3} as of {0}; signed by {4}; {5} items added, {6} dropped, {7} kept";
    TlUpgraded => "升级", "upgraded";
    TlDowngraded => "降级", "downgraded";
    TlPaused => "自{0}起暂停应急响应：{1}", "response paused from {0}: {1}";
    TlResumed => "自{0}起恢复应急响应：{1}", "response resumed from {0}: {1}";
    TlLifted => "于{0}解除{1}（{2}）：{3}", "{1} lifted at {0} ({2}): {3}";
    TlLasted => "历时{0}", "lasted {0}";
    TlCalledOff => "生效前撤销", "called off before it took effect";
    TlItem => "{0}「{1}」{2}{3}", "{0} [{1}] {2}{3}";
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
    RespIssueTitle => "发布预警", "Issue a warning";
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
    RespPauseTitle => "暂停响应", "Pause the response";
    RespResumeTitle => "恢复响应", "Resume the response";
    RespPauseAt => "时间", "Time";
    RespPreviewPause => "预览暂停…", "Preview pause…";
    RespPreviewResume => "预览恢复…", "Preview resumption…";
    RespLiftTitle => "解除预警", "Lift the warning";
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
    RespEvidence => "佐证文件（可空）", "Evidence file (optional)";
    RespEvidenceHint => "文件路径；只记录文件名和 SHA-256，不复制文件", "File path; only its name and SHA-256 are recorded, the file is not copied";
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
    RespNoNotices => "尚未发布预警，没有通知。", "No warning issued yet: no notices.";
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
    ChartAreaMean => "{0} 均值 实况", "{0} mean, observed";
    ChartStationMean => "站点均值 实况", "Station mean, observed";
    ChartListSep => "、", ", ";
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
