//! The one translation table: every string the interface shows, in Chinese and English.
//!
//! A page never writes a literal; it asks `tr.t(T::Key)` (or `tr.f(T::Key, &[..])` for text with
//! `{0}`, `{1}` placeholders). `T::ALL` lists every entry, so the font-coverage test can prove
//! that each character has a glyph.

use crate::domain::aqi::{Category, Standard};
use crate::store::Variable;
use crate::workspace::Language;

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
    PageSettings => "设置", "Settings";
    ComingTitle => "本页将包含：", "This page will hold:";
    ComingWeather => "不利气象条件窗口（静稳、逆温、高湿、低混合层）与实况/预报 PM2.5、AQI 叠加显示，标出春节、元宵等烟花燃放高峰；逐日 AQI 按 HJ 633（2026-03-01 前用 2012 版分级表，之后用 2026 版）。", "Unfavourable-weather windows (stagnation, inversion, high humidity, shallow mixing layer) over observed and forecast PM2.5 and AQI, with Spring and Lantern Festival fireworks peaks marked; daily AQI per HJ 633 (2012 table before 2026-03-01, 2026 table from then on).";
    ComingResponse => "按本地预案判断应启动的预警级别（黄色/橙色/红色）、时间和依据；各责任单位的措施清单：已通知 → 已确认 → 已落实 / 有问题 → 已整改；日报、交接班记录、过程总结。", "Which warning level (yellow/orange/red) the local plan calls for, when and why; measure checklists per responsible unit: notified → acknowledged → implemented / problem → rectified; daily report, shift handover, after-action summary.";
    ComingTargets => "秋冬季攻坚期（10月1日—次年3月31日）PM2.5 目标核算：已用与剩余的浓度预算、达标所需的后续日均值、排名参考。", "Autumn–winter campaign (1 Oct – 31 Mar) PM2.5 accounting: budget used and left, the daily means still allowed to meet the target, ranking context.";
    ComingSupervision => "督查发现问题的闭环管理：交办 → 整改 → 核查 → 销号，逾期提醒，台账导出。", "Closed-loop handling of supervision findings: assign → rectify → verify → close, overdue reminders, ledger export.";
    NotYet => "该功能尚在开发中。", "This part is still being built.";

    // Situation page
    Clock => "北京时间", "China Standard Time";
    DrillClock => "演练时间", "Drill time";
    Area => "辖区", "Area";
    AreaIs => "辖区：{0}", "Area: {0}";
    AreaNotSet => "尚未选择辖区（在“设置”中选择）", "No area chosen yet (choose one in Settings)";
    AllStations => "全部站点", "All stations";
    LatestAqi => "实时 AQI", "Real-time AQI";
    LatestPm25 => "最新 PM2.5", "Latest PM2.5";
    AreaTrend => "辖区实时 AQI 近 72 小时", "Area real-time AQI, last 72 h";
    NoDataYet => "暂无数据 — 在“数据”页打开文件", "No data yet — open files on the Data page";
    NoDataAtTime => "此时刻之前 72 小时内无数据", "No data in the 72 hours before this moment";
    DataAsOf => "数据时间 {0}", "Data as of {0}";
    StaleData => "数据已滞后 {0} 小时", "Data {0} hours old";
    StationsReporting => "{0}/{1} 个站点有数据", "{0} of {1} stations reporting";
    WarningLevel => "预警级别", "Warning level";
    OnDuty => "值班人员", "On duty";
    NextWindow => "下一个不利气象窗口", "Next unfavourable window";
    Budget => "季度浓度预算", "Season budget";
    Overdue => "逾期事项", "Overdue items";
    CardWarningFuture => "接入预案与研判后显示当前级别、依据和起止时间。", "Shows the current level, its grounds and times once the plan and advisor are in.";
    CardDutyFuture => "接入值班日志后显示当班人员与交接班。", "Shows who is on duty and the handover once the journal is in.";
    CardWindowFuture => "接入气象预报后显示下一个窗口的起止与强度。", "Shows the next window's start, end and strength once forecasts are in.";
    CardBudgetFuture => "接入目标核算后显示已用与剩余预算。", "Shows the budget used and left once target accounting is in.";
    CardOverdueFuture => "接入督办台账后显示逾期未整改事项。", "Shows overdue findings once the supervision ledger is in.";
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
    About => "关于", "About";
    AboutText => "AirDesk {0} — 离线运行，数据只在本机。字体：Noto Sans CJK SC 子集（SIL OFL 1.1）。", "AirDesk {0} — runs offline; data stays on this computer. Font: Noto Sans CJK SC subset (SIL OFL 1.1).";
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
    WxExported => "已导出：{0}", "Exported: {0}";
    WxExportFailed => "导出失败：{0}", "Export failed: {0}";
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

    /// The name of an AQI category under `standard` (优, 良 … / Excellent, Good …).
    pub fn category(self, c: Category, standard: Standard) -> &'static str {
        match self.0 {
            Language::Zh => c.name_zh(standard),
            Language::En => c.name_en(standard),
        }
    }

    /// The display name of a store variable.
    pub fn variable(self, v: Variable) -> &'static str {
        match self.0 {
            Language::Zh => v.name_zh(),
            Language::En => v.name_en(),
        }
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
    fn fills_placeholders_in_any_order() {
        assert_eq!(fill("{1} of {0}", &[&3, &"x"]), "x of 3");
        assert_eq!(fill("{2} {x} {", &[&1]), "{2} {x} {");
        let tr = Tr(Language::En);
        assert_eq!(tr.f(T::ShownOf, &[&5, &2026]), "5 of 2026 shown");
        assert_eq!(Tr(Language::Zh).t(T::PageData), "数据");
        assert_eq!(Tr(Language::Zh).variable(Variable::Temperature), "气温");
    }
}
