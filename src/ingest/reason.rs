//! What a load report says, as data: every problem and note of the loaders is a typed value with
//! its numbers, names and the text it was found in. The interface and the command line word it in
//! the user's language in one place (`crate::i18n`, [`crate::i18n::Render`]); scripts key on the
//! stable [`Reason::code`].

use chrono::{NaiveDate, NaiveDateTime};

use crate::store::Variable;

use super::workbook::WorkbookError;

/// What became of the value, row or column a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// The value is not taken; the rest of the row is.
    Value,
    /// The whole row is not taken.
    Row,
    /// The sounding level is not taken.
    Level,
    /// The whole column is not loaded.
    Column,
    /// Every row like this one is skipped; the problem is reported at the first.
    RowsLikeIt,
    /// Every value of that hour is skipped.
    Hour,
    /// The cell is not used; nothing else changes.
    Ignored,
}

/// What is wrong with the content of one cell: a number, a time, a unit.
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    /// Not a number at all.
    NotANumber {
        /// The cell.
        text: String,
    },
    /// A number with a character no number has.
    UnexpectedCharacter {
        /// The cell.
        text: String,
        /// The first such character.
        found: char,
    },
    /// More than one decimal separator (Excel's thousands grouping, `1.029.666.667`).
    Separators {
        /// The cell.
        text: String,
        /// How many.
        count: usize,
    },
    /// Decimal point and decimal comma in one number.
    MixedSeparators {
        /// The cell.
        text: String,
    },
    /// A number beyond what can be held.
    OutOfRange {
        /// The cell.
        text: String,
    },
    /// A negative value of a variable that cannot be negative.
    Negative {
        /// The value.
        value: f64,
        /// Its variable.
        variable: Variable,
    },
    /// A negative precipitation or snowfall amount.
    NegativeAmount {
        /// The value.
        value: f64,
    },
    /// Relative humidity above 100 %.
    HumidityAbove100 {
        /// The value, %.
        value: f64,
    },
    /// An AQI outside 0–500.
    AqiOutside {
        /// The value.
        value: f64,
    },
    /// Not an AQI range such as `180~230`.
    NotAqiRange {
        /// The cell.
        text: String,
    },
    /// A longitude or latitude beyond ±180° / ±90°.
    CoordinateOutOfRange {
        /// Which.
        axis: Axis,
        /// The value, degrees.
        value: f64,
    },
    /// Not a date and time.
    NotATime {
        /// The cell.
        text: String,
    },
    /// Not a date and time with a UTC offset.
    NotATimeWithOffset {
        /// The cell.
        text: String,
    },
    /// Not a date.
    NotADate {
        /// The cell.
        text: String,
    },
    /// Not a time of day.
    NotATimeOfDay {
        /// The cell.
        text: String,
        /// A time of day the user may have meant (`08:30`).
        example: &'static str,
    },
    /// Not a span of time such as `08:30-17:30`.
    NotATimeSpan {
        /// The cell.
        text: String,
    },
    /// A time that is not on a whole hour.
    NotWholeHour {
        /// The time as read.
        at: NaiveDateTime,
    },
    /// A year outside the accepted years.
    YearOutside {
        /// The year.
        year: i32,
    },
    /// Unix seconds outside the accepted years.
    UnixOutside {
        /// The cell.
        text: String,
    },
    /// Unix seconds that are not a whole hour.
    NotWholeUnixHour {
        /// The cell.
        text: String,
    },
    /// A time that does not match the profile's time format.
    TimeFormat {
        /// The cell.
        text: String,
        /// The format (strftime).
        format: String,
        /// What chrono said.
        detail: String,
    },
    /// A date that does not match the profile's date format.
    DateFormat {
        /// The cell.
        text: String,
        /// The format (strftime).
        format: String,
        /// What chrono said.
        detail: String,
    },
    /// Not a whole number for a part of the date.
    NotAPart {
        /// The cell.
        text: String,
        /// Which part.
        part: DatePart,
    },
    /// Year, month and day that make no date (`2019-2-30`).
    NoSuchDate {
        /// Year.
        year: u32,
        /// Month.
        month: u32,
        /// Day.
        day: u32,
    },
    /// An hour beyond the last hour of the day.
    HourOutside {
        /// The hour.
        hour: u32,
        /// The last hour accepted (23, or 24 for "the next midnight").
        last: u32,
    },
    /// Year, month and day columns but no hour column.
    NoHourColumn,
    /// A unit that cannot be turned into the variable's unit.
    Unit {
        /// The unit as written.
        unit: String,
        /// The variable.
        variable: Variable,
    },
}

/// A part of a date read from its own column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// Year.
    Year,
    /// Month.
    Month,
    /// Day of month.
    Day,
    /// Hour of day.
    Hour,
}

/// Longitude or latitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// East-west, degrees.
    Longitude,
    /// North-south, degrees.
    Latitude,
}

/// What a hand-made list needs in its header, for the "no header row" problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Duty roster: a date column and people columns.
    Roster,
    /// Contact list: a name column and a phone column.
    Contacts,
    /// Inspection findings: a description column and a responsible-unit column.
    Findings,
    /// An exported ledger read back (its `No.` column).
    Ledger,
    /// An emission-reduction list: an enterprise column and list columns.
    ReductionList,
    /// A feedback form sent back: its 事项编号 and 反馈状态 columns.
    FeedbackForm,
}

/// What a path names instead of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A named pipe.
    Fifo,
    /// A character or block device (`/dev/zero`).
    Device,
    /// A socket.
    Socket,
    /// Something else that is not a file.
    Other,
}

/// Why a file, row, column or value was not (wholly) taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    // The file as a whole.
    /// The file holds nothing.
    EmptyFile,
    /// No loader recognises the content.
    UnknownFormat,
    /// A folder, FIFO, device or socket named as a data file.
    NotRegular {
        /// What it is.
        kind: FileKind,
    },
    /// Larger than AirDesk reads.
    FileTooLarge {
        /// Its size, MiB (at least).
        size_mib: u64,
        /// The limit, MiB.
        limit_mib: u64,
    },
    /// The operating system could not read it.
    CannotRead {
        /// What the system said.
        detail: String,
    },
    /// gzip content that cannot be unpacked.
    GzipDamaged {
        /// What the decoder said.
        detail: String,
    },
    /// gzip content that unpacks to more than the limit.
    GzipTooLarge {
        /// The limit, MiB.
        limit_mib: u64,
    },
    /// A workbook (or one of its worksheets) that cannot be read.
    Workbook(WorkbookError),
    /// The header line cannot be read.
    UnreadableHeader {
        /// What the CSV reader said.
        detail: String,
    },
    /// The header lacks a column the format needs.
    HeaderLacks {
        /// The columns the format needs.
        names: &'static [&'static str],
    },
    /// Bytes that are not valid in the encoding found; they show as �.
    BadEncoding {
        /// The encoding.
        encoding: String,
    },
    /// An encoding name that is not known.
    UnknownEncoding {
        /// The name given.
        label: String,
    },
    /// No delimiter splits the first lines into columns.
    NoDelimiter,
    /// Not valid JSON.
    InvalidJson {
        /// What the JSON reader said.
        detail: String,
    },

    // Rows.
    /// A row the CSV reader cannot read.
    UnreadableRow {
        /// What the CSV reader said.
        detail: String,
    },
    /// Fewer fields than the header names.
    ShortRow {
        /// Fields in the row.
        fields: usize,
        /// Fields the header names.
        header: usize,
        /// What was skipped.
        then: Then,
    },
    /// Not the number of fields the format has.
    FieldCount {
        /// Fields in the row.
        fields: usize,
        /// Fields expected.
        expected: usize,
    },
    /// A cell whose content cannot be used.
    Cell {
        /// What is wrong with it.
        error: CellError,
        /// What was skipped.
        then: Then,
    },
    /// No station code on the row.
    EmptyStation,
    /// No date on the row.
    NoDate,
    /// The same variable, station and hour with two different values in one file.
    ValueTwice {
        /// The variable.
        variable: Variable,
        /// The value kept.
        first: f32,
        /// The value not taken.
        second: f32,
    },
    /// A value that differs from one already loaded from another file.
    ConflictsWithLoaded {
        /// The value not taken.
        rejected: f32,
        /// The hour, local time of the station (`2019-12-01 08:00`).
        at: String,
        /// The value kept.
        kept: f32,
    },

    // CNEMC site files.
    /// An empty station code in the header.
    EmptyHeaderCode,
    /// Date or hour of a site-file row that cannot be read.
    BadDateAndHour,
    /// A type (`PM2.6`) the feed does not have.
    UnknownType {
        /// The type as written.
        name: String,
    },
    /// How many rows of an unknown type were skipped.
    UnknownTypeRows {
        /// The type as written.
        name: String,
        /// Rows skipped.
        count: u64,
    },
    /// Fewer station values than the header names.
    FewerValues {
        /// Values in the row.
        fields: usize,
        /// Stations in the header.
        header: usize,
    },
    /// More station values than the header names.
    MoreValues {
        /// Values in the row.
        fields: usize,
        /// Stations in the header.
        header: usize,
    },

    // Station lists.
    /// No station-code column.
    NoCodeColumn,
    /// A station listed twice.
    StationTwice {
        /// Its code.
        code: String,
    },

    // AQI forecasts.
    /// The header is not a forecast's.
    NotForecast,
    /// A column the forecast does not use.
    ColumnNotUsed,
    /// A day given twice.
    DayAgain {
        /// The day.
        date: NaiveDate,
        /// The line it was first given on.
        first_line: u64,
    },
    /// A month-day date without a year to take.
    NoYear {
        /// The cell.
        text: String,
    },
    /// The lower AQI bound is missing.
    LowerMissing,
    /// The upper AQI bound is missing.
    UpperMissing,
    /// No AQI value on the row.
    NoAqi,
    /// The lower bound is above the upper one.
    BoundsReversed {
        /// Lower bound.
        lower: f32,
        /// Upper bound.
        upper: f32,
    },
    /// Not a pollutant name.
    NotPollutant {
        /// The word.
        text: String,
    },

    // Audited daily data.
    /// The header has no date or no station column.
    NotAudited,
    /// The header has no PM2.5 or PM10 column.
    AuditedNoValues,
    /// A station and day given twice.
    StationDayAgain {
        /// The station code.
        station: String,
        /// The day.
        date: NaiveDate,
        /// The line it was first given on.
        first_line: u64,
    },

    // CMA upper-air soundings.
    /// A sounding the analysis cannot use.
    SoundingUnusable {
        /// Station (WMO index).
        station: String,
        /// Time, UTC (`2019-12-01 00:00 UTC`).
        when: String,
        /// Why (from the sounding analysis).
        why: crate::domain::sounding::Unusable,
    },
    /// A sounding without a mixing height.
    NoMixingHeight {
        /// Station (WMO index).
        station: String,
        /// Time, UTC.
        when: String,
    },
    /// A derived value out of range.
    SoundingValue {
        /// Station (WMO index).
        station: String,
        /// Time, UTC.
        when: String,
        /// What is wrong with the value (boxed: it is rare, and it would double every reason's
        /// size).
        error: Box<CellError>,
    },
    /// Two soundings of one station and time that disagree.
    SoundingsDiffer {
        /// Station (WMO index).
        station: String,
        /// Time, UTC.
        when: String,
        /// The variable derived.
        variable: Variable,
        /// The value kept.
        first: f32,
        /// The value not taken.
        second: f32,
    },

    // Hand-made lists (rosters, contacts, findings) and spreadsheets.
    /// No header row among the first rows.
    NoHeaderRow {
        /// Rows searched.
        rows: usize,
        /// What the header needs.
        expected: ListKind,
    },
    /// A roster without a people column.
    NoPeopleColumn,
    /// Several people columns and one phone column.
    SharedPhoneColumn,
    /// A roster row without a person.
    NoPerson,
    /// A shift that ends before it starts or lasts over 48 h.
    ImplausibleShift {
        /// Start.
        start: NaiveDateTime,
        /// End.
        end: NaiveDateTime,
    },
    /// A contact without a name.
    NoName,
    /// A phone number that does not look like one.
    NotPhone {
        /// The cell.
        text: String,
    },
    /// A contact's 单位 that is no unit of the plan (neither its id nor its name): the row is not
    /// used for 催报.
    UnitNotInPlan {
        /// The cell.
        text: String,
    },
    /// A finding without a description.
    NoDescription,
    /// A finding without a responsible unit.
    NoUnit,
    /// A deadline that is neither a date nor a known phrase.
    BadDeadline {
        /// The cell.
        text: String,
    },
    /// A list sheet with more cells than a list may have.
    ListTooLarge {
        /// The worksheet.
        sheet: String,
        /// The cell limit.
        cells: usize,
        /// The row where it was reached.
        row: u64,
    },
    /// A worksheet with cells beyond the rows and columns read.
    SheetTooLarge {
        /// The worksheet.
        sheet: String,
        /// Farthest row with a cell.
        row: u64,
        /// Farthest column with a cell.
        column: u64,
        /// Cells not read.
        skipped: u64,
    },
    /// A workbook with no cell holding anything.
    EmptySpreadsheet,
    /// A spreadsheet error value (`#DIV/0!`).
    SpreadsheetError {
        /// The error as the spreadsheet shows it.
        value: String,
    },

    // Tables read through a column mapping.
    /// No header with a time column and a known variable.
    NoTableHeader,
    /// The header row is missing.
    NoHeader,
    /// The profile's header row is not in the file.
    HeaderRowMissing {
        /// The row the profile names.
        row: usize,
    },
    /// The mapping profile cannot be used.
    ProfileUnusable {
        /// The profile's name.
        name: String,
        /// Why.
        why: Box<Reason>,
    },
    /// A profile file that is not valid TOML or names an unknown key or variable.
    ProfileSyntax {
        /// What the TOML reader said (with line and column).
        detail: String,
    },
    /// A settings file that is not valid TOML or holds a value the settings cannot take.
    SettingsSyntax {
        /// The line the TOML reader stopped at.
        line: usize,
        /// What it said (the reader's words).
        detail: String,
    },
    /// Year, month and day columns named only in part.
    ProfileDateParts,
    /// No time column (nor year/month/day columns).
    ProfileNoTime,
    /// The long layout without variable and value columns.
    ProfileLongColumns,
    /// No column mapped to a variable.
    ProfileNoColumns,
    /// A delimiter that is not one of `,` `;` tab `|`.
    BadDelimiter {
        /// The delimiter.
        delimiter: char,
    },
    /// A UTC offset that cannot be read.
    BadOffset {
        /// As written.
        text: String,
    },
    /// A column the profile names is not in the header.
    ColumnNotInHeader {
        /// The column.
        name: String,
        /// The header's line.
        line: u64,
        /// The header, comma-separated.
        header: String,
    },
    /// A header column not mapped to a variable.
    ColumnNotMapped {
        /// The column.
        name: String,
    },
    /// A variable name AirDesk does not know (long tables).
    UnknownVariable {
        /// The name.
        name: String,
    },

    // Long tables and OpenAQ exports.
    /// A parameter AirDesk does not use.
    UnknownParameter {
        /// The parameter.
        name: String,
    },
    /// Not `latitude, longitude`.
    NotCoordinates {
        /// The cell.
        text: String,
    },
    /// Coordinates missing or out of range.
    CoordinatesMissing,

    // Open-Meteo responses.
    /// No usable latitude and longitude; the location is named after the file.
    LocationUnknown,
    /// `utc_offset_seconds` missing or not an offset; 0 assumed.
    OffsetAssumedGmt,
    /// No metadata line under the header.
    NoMetadataLine,
    /// A variable AirDesk does not use.
    UnusedVariable {
        /// The variable.
        name: String,
    },
    /// A section header that does not start with `time`.
    BadSectionHeader {
        /// Its first field.
        first: String,
    },
    /// A `location_id` not in the metadata lines.
    UnknownLocationId {
        /// The id.
        key: String,
    },
    /// An array element that is not a location object.
    NotLocationObject,
    /// JSON that is neither an object nor an array of locations.
    NotLocations,
    /// The response is Open-Meteo's error message.
    ApiError {
        /// Open-Meteo's reason, when it gave one.
        reason: Option<String>,
    },
    /// A response saved without part of its metadata; what was assumed.
    MetadataMissing {
        /// Latitude and longitude are missing.
        coords: bool,
        /// `utc_offset_seconds` is missing.
        offset: bool,
        /// `hourly_units` is missing.
        units: bool,
        /// The file name the location is named after.
        stem: String,
    },
    /// No `hourly` section.
    NoHourly,
    /// No `hourly.time` array.
    NoHourlyTime,
    /// A value list that is not an array.
    NotAnArray,
    /// More values than times.
    LengthMismatch {
        /// Values.
        values: usize,
        /// Times.
        times: usize,
    },
    /// No unit given; the API's default assumed.
    UnitAssumedDefault {
        /// The variable key.
        key: String,
        /// The unit assumed.
        unit: &'static str,
    },

    // UCI PRSA files.
    /// Year, month, day or hour of a row that cannot be read.
    BadDateParts,
    /// Not a wind direction of the single-site file.
    NotWindDirection {
        /// The cell.
        text: String,
    },
    /// Not one of the 16 compass points.
    NotCompassPoint {
        /// The cell.
        text: String,
    },
    /// Hours after a gap whose cumulated wind speed cannot be turned into a speed.
    WindGaps {
        /// Hours.
        count: u64,
    },
    /// Hours of one station and variable given twice with different values.
    HoursTwice {
        /// Hours.
        count: u64,
        /// Station code.
        station: String,
        /// Variable.
        variable: Variable,
    },

    // Map base layers.
    /// Not a readable Shapefile.
    NotShapefile {
        /// What the reader said.
        detail: String,
    },
    /// Not GeoJSON.
    NotGeoJson {
        /// What the reader said.
        detail: String,
    },
    /// More coordinates than a layer may have.
    TooManyPoints {
        /// The limit.
        limit: usize,
    },
    /// Coordinates in metres (a projected system) rather than degrees.
    Projected {
        /// x.
        x: f64,
        /// y.
        y: f64,
    },
    /// No geometry in the file.
    NoGeometry,
}

impl Reason {
    /// A cell problem.
    pub fn cell(error: CellError, then: Then) -> Self {
        Reason::Cell { error, then }
    }

    /// A stable, machine-readable name of the kind of problem (`not-a-number`, `short-row`),
    /// for scripts reading `airdesk inspect --json`.
    pub fn code(&self) -> &'static str {
        use Reason::*;
        match self {
            EmptyFile => "empty-file",
            UnknownFormat => "unknown-format",
            NotRegular { .. } => "not-a-regular-file",
            FileTooLarge { .. } => "file-too-large",
            CannotRead { .. } => "cannot-read",
            GzipDamaged { .. } => "gzip-damaged",
            GzipTooLarge { .. } => "gzip-too-large",
            Workbook(e) => e.code(),
            UnreadableHeader { .. } => "unreadable-header",
            HeaderLacks { .. } => "header-lacks-column",
            BadEncoding { .. } => "bad-encoding",
            UnknownEncoding { .. } => "unknown-encoding",
            NoDelimiter => "no-delimiter",
            InvalidJson { .. } => "invalid-json",
            UnreadableRow { .. } => "unreadable-row",
            ShortRow { .. } => "short-row",
            FieldCount { .. } => "field-count",
            Cell { error, .. } => error.code(),
            EmptyStation => "empty-station",
            NoDate => "no-date",
            ValueTwice { .. } => "value-twice",
            ConflictsWithLoaded { .. } => "conflicts-with-loaded",
            EmptyHeaderCode => "empty-header-code",
            BadDateAndHour => "bad-date-and-hour",
            UnknownType { .. } => "unknown-type",
            UnknownTypeRows { .. } => "unknown-type-rows",
            FewerValues { .. } => "fewer-values",
            MoreValues { .. } => "more-values",
            NoCodeColumn => "no-code-column",
            StationTwice { .. } => "station-twice",
            NotForecast => "not-a-forecast",
            ColumnNotUsed => "column-not-used",
            DayAgain { .. } => "day-again",
            NoYear { .. } => "no-year",
            LowerMissing => "lower-bound-missing",
            UpperMissing => "upper-bound-missing",
            NoAqi => "no-aqi",
            BoundsReversed { .. } => "bounds-reversed",
            NotPollutant { .. } => "not-a-pollutant",
            NotAudited => "not-audited-data",
            AuditedNoValues => "audited-no-values",
            StationDayAgain { .. } => "station-day-again",
            SoundingUnusable { .. } => "sounding-unusable",
            NoMixingHeight { .. } => "no-mixing-height",
            SoundingValue { error, .. } => error.code(),
            SoundingsDiffer { .. } => "soundings-differ",
            NoHeaderRow { .. } => "no-header-row",
            NoPeopleColumn => "no-people-column",
            SharedPhoneColumn => "shared-phone-column",
            NoPerson => "no-person",
            ImplausibleShift { .. } => "implausible-shift",
            NoName => "no-name",
            NotPhone { .. } => "not-a-phone-number",
            UnitNotInPlan { .. } => "unit-not-in-plan",
            NoDescription => "no-description",
            NoUnit => "no-unit",
            BadDeadline { .. } => "bad-deadline",
            ListTooLarge { .. } => "list-too-large",
            SheetTooLarge { .. } => "sheet-too-large",
            EmptySpreadsheet => "empty-spreadsheet",
            SpreadsheetError { .. } => "spreadsheet-error",
            NoTableHeader => "no-table-header",
            NoHeader => "no-header",
            HeaderRowMissing { .. } => "header-row-missing",
            ProfileUnusable { .. } => "profile-unusable",
            ProfileSyntax { .. } => "profile-syntax",
            SettingsSyntax { .. } => "settings-syntax",
            ProfileDateParts => "profile-date-parts",
            ProfileNoTime => "profile-no-time",
            ProfileLongColumns => "profile-long-columns",
            ProfileNoColumns => "profile-no-columns",
            BadDelimiter { .. } => "bad-delimiter",
            BadOffset { .. } => "bad-offset",
            ColumnNotInHeader { .. } => "column-not-in-header",
            ColumnNotMapped { .. } => "column-not-mapped",
            UnknownVariable { .. } => "unknown-variable",
            UnknownParameter { .. } => "unknown-parameter",
            NotCoordinates { .. } => "not-coordinates",
            CoordinatesMissing => "coordinates-missing",
            LocationUnknown => "location-unknown",
            OffsetAssumedGmt => "offset-assumed-gmt",
            NoMetadataLine => "no-metadata-line",
            UnusedVariable { .. } => "unused-variable",
            BadSectionHeader { .. } => "bad-section-header",
            UnknownLocationId { .. } => "unknown-location-id",
            NotLocationObject => "not-a-location-object",
            NotLocations => "not-locations",
            ApiError { .. } => "api-error",
            MetadataMissing { .. } => "metadata-missing",
            NoHourly => "no-hourly-section",
            NoHourlyTime => "no-hourly-time",
            NotAnArray => "not-an-array",
            LengthMismatch { .. } => "length-mismatch",
            UnitAssumedDefault { .. } => "unit-assumed",
            BadDateParts => "bad-date-parts",
            NotWindDirection { .. } => "not-a-wind-direction",
            NotCompassPoint { .. } => "not-a-compass-point",
            WindGaps { .. } => "wind-gaps",
            HoursTwice { .. } => "hours-twice",
            NotShapefile { .. } => "not-a-shapefile",
            NotGeoJson { .. } => "not-geojson",
            TooManyPoints { .. } => "too-many-points",
            Projected { .. } => "projected-coordinates",
            NoGeometry => "no-geometry",
        }
    }
}

impl CellError {
    /// A stable, machine-readable name (see [`Reason::code`]).
    pub fn code(&self) -> &'static str {
        use CellError::*;
        match self {
            NotANumber { .. } => "not-a-number",
            UnexpectedCharacter { .. } => "unexpected-character",
            Separators { .. } => "decimal-separators",
            MixedSeparators { .. } => "mixed-separators",
            OutOfRange { .. } => "out-of-range",
            Negative { .. } => "negative",
            NegativeAmount { .. } => "negative-amount",
            HumidityAbove100 { .. } => "humidity-above-100",
            AqiOutside { .. } => "aqi-outside-0-500",
            NotAqiRange { .. } => "not-an-aqi-range",
            CoordinateOutOfRange { .. } => "coordinate-out-of-range",
            NotATime { .. } => "not-a-time",
            NotATimeWithOffset { .. } => "not-a-time-with-offset",
            NotADate { .. } => "not-a-date",
            NotATimeOfDay { .. } => "not-a-time-of-day",
            NotATimeSpan { .. } => "not-a-time-span",
            NotWholeHour { .. } => "not-a-whole-hour",
            YearOutside { .. } => "year-outside",
            UnixOutside { .. } => "unix-time-outside",
            NotWholeUnixHour { .. } => "unix-time-not-whole-hour",
            TimeFormat { .. } => "time-format",
            DateFormat { .. } => "date-format",
            NotAPart { .. } => "not-a-date-part",
            NoSuchDate { .. } => "no-such-date",
            HourOutside { .. } => "hour-outside",
            NoHourColumn => "no-hour-column",
            Unit { .. } => "unit",
        }
    }
}

/// What a loader assumed or decided that the user should know but that is not a fault.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// The file was gzip-compressed and unpacked first.
    Gzip,
    /// Columns not used (audited daily data).
    ColumnsNotUsed {
        /// Their headers.
        names: Vec<String>,
    },
    /// Sounding levels after a higher one were ignored.
    SoundingDescent {
        /// Levels.
        count: u64,
    },
    /// Pressure levels listed again with other values; the first listing was used.
    SoundingRepeats {
        /// Levels.
        count: u64,
    },
    /// Columns mapped automatically from the header.
    AutoMapped {
        /// The header's line.
        line: u64,
    },
    /// The field delimiter and decimal mark found.
    Delimiter {
        /// The delimiter.
        delimiter: char,
        /// Whether numbers use a decimal comma.
        decimal_comma: bool,
    },
    /// No station column: the values go to the station the profile names.
    StationFromProfile {
        /// The code.
        code: String,
    },
    /// No station column: the values go to a station named after the file.
    StationFromFileName {
        /// The code.
        code: String,
    },
    /// Times without an offset are taken at this offset.
    LocalTimesAt {
        /// The offset (`+08:00`).
        offset: String,
    },
    /// Hour stamps mark the end of the averaging hour.
    EndOfHour,
    /// Hour stamps mark the start of the hour.
    StartOfHour,
    /// A column without a unit is taken in the variable's unit.
    UnitAssumed {
        /// The column.
        column: String,
        /// Its variable.
        variable: Variable,
    },
    /// A mixing ratio converted to a mass concentration.
    Converted {
        /// The variable.
        variable: Variable,
        /// The unit converted from.
        from: String,
    },
    /// OpenAQ stamps mark the end of the averaging hour.
    OpenAqEndOfHour,
    /// Some times had no offset and were taken as UTC.
    TakenAsUtc,
    /// Stamps at an offset between whole UTC hours are placed on the containing UTC hour.
    OffsetBetweenHours {
        /// The offset (`+05:30`).
        offset: String,
        /// Minutes moved.
        minutes: i32,
    },
    /// The OpenDataSoft export's times carry the exporter's offset.
    ExporterOffset,
    /// The current-weather section is not loaded.
    CurrentWeatherNotLoaded,
    /// A daily section is not loaded.
    DailySectionNotLoaded {
        /// Its header's line.
        line: u64,
    },
    /// A current or 15-minutely section is not loaded.
    SubHourlyNotLoaded {
        /// Its header's line.
        line: u64,
    },
    /// A model outside its domain (unit `undefined`) is skipped.
    ModelUndefined {
        /// The model.
        model: String,
    },
    /// A variable with unit `undefined` is skipped.
    KeyUndefined {
        /// The key.
        key: String,
    },
    /// A JSON section other than `hourly` is not loaded.
    SectionNotLoaded {
        /// The section.
        section: &'static str,
    },
    /// Surface pressure not loaded because mean-sea-level pressure is there.
    SurfacePressureNotUsed {
        /// The key.
        key: String,
    },
    /// A model with no data at the location.
    ModelNoData {
        /// The model.
        model: String,
        /// The location.
        place: String,
    },
}

/// A reason in English, for the tests' assertions on wording.
#[cfg(test)]
pub(crate) fn en(reason: &Reason) -> String {
    use crate::i18n::{Render, Tr};
    reason.render(Tr(crate::i18n::Language::En))
}

/// A note in English, for the tests' assertions on wording.
#[cfg(test)]
pub(crate) fn en_note(note: &Note) -> String {
    use crate::i18n::{Render, Tr};
    note.render(Tr(crate::i18n::Language::En))
}

/// A problem with its place in English (`file:4 column 5 (1002A): …`), for the tests.
#[cfg(test)]
pub(crate) fn en_problem(problem: &super::Problem) -> String {
    use crate::i18n::{Render, Tr};
    problem.render(Tr(crate::i18n::Language::En))
}
