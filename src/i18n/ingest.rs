//! The load report in words: formats, problems and notes of the loaders (`crate::ingest`), in the
//! user's language. The loaders only decide; this is the one place that words what they decided.

use crate::domain::sounding::Unusable;
use crate::ingest::input::FileProblem;
use crate::ingest::reason::{Axis, DatePart, FileKind, ListKind};
use crate::ingest::stamp::{FIRST_YEAR, LAST_YEAR};
use crate::ingest::units::MOLAR_VOLUME_L;
use crate::ingest::workbook::{MAX_COLUMNS, MAX_ROWS, WorkbookError};
use crate::ingest::{CellError, Format, Note, Problem, Reason, Then};

use super::{Render, T, Tr};

impl Render for Format {
    fn render(&self, tr: Tr) -> String {
        tr.t(match self {
            Format::CnemcSites => T::LdFmtCnemcSites,
            Format::StationList => T::LdFmtStationList,
            Format::PrsaSingleSite => T::LdFmtPrsaSingleSite,
            Format::PrsaMultiSite => T::LdFmtPrsaMultiSite,
            Format::AqiForecast => T::LdFmtAqiForecast,
            Format::OpenMeteoJson => T::LdFmtOpenMeteoJson,
            Format::OpenMeteoCsv => T::LdFmtOpenMeteoCsv,
            Format::OpenAqArchive => T::LdFmtOpenAqArchive,
            Format::OpenAqOpenDataSoft => T::LdFmtOpenAqOpenDataSoft,
            Format::OpenAqV1 => T::LdFmtOpenAqV1,
            Format::CmaSounding => T::LdFmtCmaSounding,
            Format::Table => T::LdFmtTable,
            Format::Workbook => T::LdFmtWorkbook,
        })
        .to_string()
    }
}

/// `file:4 column 5 (1002A): reason` — the place first, so an editor or `grep` finds it.
impl Render for Problem {
    fn render(&self, tr: Tr) -> String {
        let mut out = self.file.display().to_string();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if let Some(column) = &self.column {
            out.push(' ');
            out.push_str(&tr.f(T::ProblemColumn, &[column]));
        }
        out.push_str(tr.t(T::LdPlaceSep));
        out.push_str(&self.reason.render(tr));
        out
    }
}

impl Render for Then {
    fn render(&self, tr: Tr) -> String {
        tr.t(match self {
            Then::Value => T::LdThenValue,
            Then::Row => T::LdThenRow,
            Then::Level => T::LdThenLevel,
            Then::Column => T::LdThenColumn,
            Then::RowsLikeIt => T::LdThenRowsLikeIt,
            Then::Hour => T::LdThenHour,
            Then::Ignored => T::LdThenIgnored,
        })
        .to_string()
    }
}

impl Render for CellError {
    fn render(&self, tr: Tr) -> String {
        use CellError::*;
        match self {
            NotANumber { text } => tr.f(T::LdNotANumber, &[text]),
            UnexpectedCharacter { text, found } => tr.f(T::LdUnexpectedCharacter, &[text, found]),
            Separators { text, count } => tr.f(T::LdSeparators, &[text, count]),
            MixedSeparators { text } => tr.f(T::LdMixedSeparators, &[text]),
            OutOfRange { text } => tr.f(T::LdOutOfRange, &[text]),
            Negative { value, variable } => tr.f(T::LdNegative, &[value, &variable.code()]),
            NegativeAmount { value } => tr.f(T::LdNegativeAmount, &[value]),
            HumidityAbove100 { value } => tr.f(T::LdHumidityAbove100, &[value]),
            AqiOutside { value } => tr.f(T::LdAqiOutside, &[value]),
            NotAqiRange { text } => tr.f(T::LdNotAqiRange, &[text]),
            CoordinateOutOfRange { axis, value } => {
                let axis = tr.t(match axis {
                    Axis::Longitude => T::LdLongitude,
                    Axis::Latitude => T::LdLatitude,
                });
                tr.f(T::LdCoordinateOutOfRange, &[&axis, value])
            }
            NotATime { text } => tr.f(T::LdNotATime, &[text]),
            NotATimeWithOffset { text } => tr.f(T::LdNotATimeWithOffset, &[text]),
            NotADate { text } => tr.f(T::LdNotADate, &[text]),
            NotATimeOfDay { text, example } => tr.f(T::LdNotATimeOfDay, &[text, example]),
            NotATimeSpan { text } => tr.f(T::LdNotATimeSpan, &[text]),
            NotWholeHour { at } => tr.f(T::LdNotWholeHour, &[&at.format("%Y-%m-%d %H:%M:%S")]),
            YearOutside { year } => tr.f(T::LdYearOutside, &[year, &FIRST_YEAR, &LAST_YEAR]),
            UnixOutside { text } => tr.f(T::LdUnixOutside, &[text, &FIRST_YEAR, &LAST_YEAR]),
            NotWholeUnixHour { text } => tr.f(T::LdNotWholeUnixHour, &[text]),
            TimeFormat {
                text,
                format,
                detail,
            } => tr.f(T::LdTimeFormat, &[text, format, detail]),
            DateFormat {
                text,
                format,
                detail,
            } => tr.f(T::LdDateFormat, &[text, format, detail]),
            NotAPart { text, part } => {
                let part = tr.t(match part {
                    DatePart::Year => T::LdPartYear,
                    DatePart::Month => T::LdPartMonth,
                    DatePart::Day => T::LdPartDay,
                    DatePart::Hour => T::LdPartHour,
                });
                tr.f(T::LdNotAPart, &[text, &part])
            }
            NoSuchDate { year, month, day } => tr.f(T::LdNoSuchDate, &[year, month, day]),
            HourOutside { hour, last } => tr.f(T::LdHourOutside, &[hour, last]),
            NoHourColumn => tr.t(T::LdNoHourColumn).to_string(),
            Unit { unit, variable } => tr.f(T::LdUnit, &[unit, &variable.unit(), &variable.code()]),
        }
    }
}

impl Render for WorkbookError {
    fn render(&self, tr: Tr) -> String {
        match self {
            WorkbookError::Unreadable(detail) => tr.f(T::LdWbUnreadable, &[detail]),
            WorkbookError::TooLargeUnpacked { unpacked, limit } => {
                tr.f(T::LdWbTooLargeUnpacked, &[unpacked, limit])
            }
            WorkbookError::TooLargeFile { size, limit } => {
                tr.f(T::LdWbTooLargeFile, &[size, limit])
            }
            WorkbookError::NoSuchSheet { name, sheets } => {
                tr.f(T::LdWbNoSuchSheet, &[name, sheets])
            }
            WorkbookError::NoSheet => tr.t(T::LdWbNoSheet).to_string(),
            WorkbookError::Sheet { name, detail } => tr.f(T::LdWbSheet, &[name, detail]),
        }
    }
}

/// One exhaustive match, so a new reason cannot go unworded.
impl Render for FileProblem {
    fn render(&self, tr: Tr) -> String {
        tr.f(
            T::LdFileProblem,
            &[&self.path.display(), &self.reason.render(tr)],
        )
    }
}

impl Render for Reason {
    fn render(&self, tr: Tr) -> String {
        use Reason::*;
        match self {
            EmptyFile => tr.t(T::LdEmptyFile).to_string(),
            UnknownFormat => tr.f(T::LdUnknownFormat, &[&tr.t(T::LdExpectedFormats)]),
            NotRegular { kind } => {
                let kind = tr.t(match kind {
                    FileKind::Folder => T::LdKindFolder,
                    FileKind::Fifo => T::LdKindFifo,
                    FileKind::Device => T::LdKindDevice,
                    FileKind::Socket => T::LdKindSocket,
                    FileKind::Other => T::LdKindOther,
                });
                tr.f(T::LdNotRegular, &[&kind])
            }
            FileTooLarge {
                size_mib,
                limit_mib,
            } => tr.f(T::LdFileTooLarge, &[size_mib, limit_mib]),
            CannotRead { detail } => tr.f(T::LdCannotRead, &[detail]),
            GzipDamaged { detail } => tr.f(T::LdGzipDamaged, &[detail]),
            GzipTooLarge { limit_mib } => tr.f(T::LdGzipTooLarge, &[limit_mib]),
            Workbook(e) => e.render(tr),
            UnreadableHeader { detail } => tr.f(T::LdUnreadableHeader, &[detail]),
            HeaderLacks { names } => tr.f(T::LdHeaderLacks, &[&names.join(", ")]),
            BadEncoding { encoding } => tr.f(T::LdBadEncoding, &[encoding]),
            UnknownEncoding { label } => tr.f(T::LdUnknownEncoding, &[label]),
            NoDelimiter => tr.t(T::LdNoDelimiter).to_string(),
            InvalidJson { detail } => tr.f(T::LdInvalidJson, &[detail]),
            UnreadableRow { detail } => tr.f(T::LdUnreadableRow, &[detail]),
            ShortRow {
                fields,
                header,
                then,
            } => tr.f(T::LdShortRow, &[fields, header, &then.render(tr)]),
            FieldCount { fields, expected } => tr.f(T::LdFieldCount, &[fields, expected]),
            Cell { error, then } => tr.f(T::LdThen, &[&error.render(tr), &then.render(tr)]),
            EmptyStation => tr.t(T::LdEmptyStation).to_string(),
            NoDate => tr.t(T::LdNoDate).to_string(),
            ValueTwice {
                variable,
                first,
                second,
            } => tr.f(T::LdValueTwice, &[&variable.code(), first, second]),
            ConflictsWithLoaded { rejected, at, kept } => {
                tr.f(T::LdConflictsWithLoaded, &[rejected, at, kept])
            }
            EmptyHeaderCode => tr.t(T::LdEmptyHeaderCode).to_string(),
            BadDateAndHour => tr.t(T::LdBadDateAndHour).to_string(),
            UnknownType { name } => tr.f(T::LdUnknownType, &[name]),
            UnknownTypeRows { name, count } => tr.f(T::LdUnknownTypeRows, &[name, count]),
            FewerValues { fields, header } => tr.f(T::LdFewerValues, &[fields, header]),
            MoreValues { fields, header } => tr.f(T::LdMoreValues, &[fields, header]),
            NoCodeColumn => tr.t(T::LdNoCodeColumn).to_string(),
            StationTwice { code } => tr.f(T::LdStationTwice, &[code]),
            NotForecast => tr.t(T::LdNotForecast).to_string(),
            ColumnNotUsed => tr.t(T::LdColumnNotUsed).to_string(),
            DayAgain { date, first_line } => tr.f(T::LdDayAgain, &[date, first_line]),
            NoYear { text } => tr.f(T::LdNoYear, &[text]),
            LowerMissing => tr.t(T::LdLowerMissing).to_string(),
            UpperMissing => tr.t(T::LdUpperMissing).to_string(),
            NoAqi => tr.t(T::LdNoAqi).to_string(),
            BoundsReversed { lower, upper } => tr.f(T::LdBoundsReversed, &[lower, upper]),
            NotPollutant { text } => tr.f(T::LdNotPollutant, &[text]),
            NotAudited => tr.t(T::LdNotAudited).to_string(),
            AuditedNoValues => tr.t(T::LdAuditedNoValues).to_string(),
            StationDayAgain {
                station,
                date,
                first_line,
            } => tr.f(T::LdStationDayAgain, &[station, date, first_line]),
            SoundingUnusable { station, when, why } => {
                let why = tr.t(match why {
                    Unusable::NoSurfaceLevel => T::LdSoundingNoSurface,
                    Unusable::NoSurfaceHeight => T::LdSoundingNoSurfaceHeight,
                    Unusable::NoLevelAbove => T::LdSoundingNoLevelAbove,
                });
                tr.f(T::LdSoundingUnusable, &[station, when, &why])
            }
            NoMixingHeight { station, when } => tr.f(T::LdNoMixingHeight, &[station, when]),
            SoundingValue {
                station,
                when,
                error,
            } => tr.f(T::LdSoundingValue, &[station, when, &error.render(tr)]),
            SoundingsDiffer {
                station,
                when,
                variable,
                first,
                second,
            } => tr.f(
                T::LdSoundingsDiffer,
                &[station, when, &variable.code(), first, second],
            ),
            BadDateParts => tr.t(T::LdBadDateParts).to_string(),
            NotWindDirection { text } => tr.f(T::LdNotWindDirection, &[text]),
            NotCompassPoint { text } => tr.f(T::LdNotCompassPoint, &[text]),
            WindGaps { count } => tr.f(T::LdWindGaps, &[count]),
            HoursTwice {
                count,
                station,
                variable,
            } => tr.f(T::LdHoursTwice, &[count, station, &variable.code()]),
            NoHeaderRow { rows, expected } => {
                let expected = tr.t(match expected {
                    ListKind::Roster => T::LdExpectRoster,
                    ListKind::Contacts => T::LdExpectContacts,
                    ListKind::Findings => T::LdExpectFindings,
                    ListKind::Ledger => T::LdExpectLedger,
                    ListKind::ReductionList => T::LdExpectReductionList,
                    ListKind::FeedbackForm => T::LdExpectFeedbackForm,
                });
                tr.f(T::LdNoHeaderRow, &[rows, &expected])
            }
            NoPeopleColumn => tr.t(T::LdNoPeopleColumn).to_string(),
            SharedPhoneColumn => tr.t(T::LdSharedPhoneColumn).to_string(),
            NoPerson => tr.t(T::LdNoPerson).to_string(),
            ImplausibleShift { start, end } => tr.f(
                T::LdImplausibleShift,
                &[
                    &start.format("%Y-%m-%d %H:%M"),
                    &end.format("%Y-%m-%d %H:%M"),
                ],
            ),
            NoName => tr.t(T::LdNoName).to_string(),
            NotPhone { text } => tr.f(T::LdNotPhone, &[text]),
            UnitNotInPlan { text } => tr.f(T::LdUnitNotInPlan, &[text]),
            NoDescription => tr.t(T::LdNoDescription).to_string(),
            NoUnit => tr.t(T::LdNoUnit).to_string(),
            BadDeadline { text } => tr.f(T::LdBadDeadline, &[text]),
            ListTooLarge { sheet, cells, row } => tr.f(T::LdListTooLarge, &[sheet, cells, row]),
            SheetTooLarge {
                sheet,
                row,
                column,
                skipped,
            } => tr.f(
                T::LdSheetTooLarge,
                &[sheet, row, column, &MAX_ROWS, &MAX_COLUMNS, skipped],
            ),
            EmptySpreadsheet => tr.t(T::LdEmptySpreadsheet).to_string(),
            SpreadsheetError { value } => tr.f(T::LdSpreadsheetError, &[value]),
            NoTableHeader => tr.t(T::LdNoTableHeader).to_string(),
            NoHeader => tr.t(T::LdNoHeader).to_string(),
            HeaderRowMissing { row } => tr.f(T::LdHeaderRowMissing, &[row]),
            ProfileUnusable { name, why } => tr.f(T::LdProfileUnusable, &[name, &why.render(tr)]),
            ProfileSyntax { detail } => tr.f(T::LdProfileSyntax, &[detail]),
            SettingsSyntax { line, detail } => tr.f(T::LdSettingsSyntax, &[line, detail]),
            ProfileDateParts => tr.t(T::LdProfileDateParts).to_string(),
            ProfileNoTime => tr.t(T::LdProfileNoTime).to_string(),
            ProfileLongColumns => tr.t(T::LdProfileLongColumns).to_string(),
            ProfileNoColumns => tr.t(T::LdProfileNoColumns).to_string(),
            BadDelimiter { delimiter } => tr.f(T::LdBadDelimiter, &[delimiter]),
            BadOffset { text } => tr.f(T::LdBadOffset, &[text]),
            ColumnNotInHeader { name, line, header } => {
                tr.f(T::LdColumnNotInHeader, &[name, line, header])
            }
            ColumnNotMapped { name } => tr.f(T::LdColumnNotMapped, &[name]),
            UnknownVariable { name } => tr.f(T::LdUnknownVariable, &[name]),
            UnknownParameter { name } => tr.f(T::LdUnknownParameter, &[name]),
            NotCoordinates { text } => tr.f(T::LdNotCoordinates, &[text]),
            CoordinatesMissing => tr.t(T::LdCoordinatesMissing).to_string(),
            LocationUnknown => tr.t(T::LdLocationUnknown).to_string(),
            OffsetAssumedGmt => tr.t(T::LdOffsetAssumedGmt).to_string(),
            NoMetadataLine => tr.t(T::LdNoMetadataLine).to_string(),
            UnusedVariable { name } => tr.f(T::LdUnusedVariable, &[name]),
            BadSectionHeader { first } => tr.f(T::LdBadSectionHeader, &[first]),
            UnknownLocationId { key } => tr.f(T::LdUnknownLocationId, &[key]),
            NotLocationObject => tr.t(T::LdNotLocationObject).to_string(),
            NotLocations => tr.t(T::LdNotLocations).to_string(),
            ApiError { reason } => {
                let reason = reason.as_deref().unwrap_or(tr.t(T::LdNoReasonGiven));
                tr.f(T::LdApiError, &[&reason])
            }
            MetadataMissing {
                coords,
                offset,
                units,
                stem,
            } => metadata_missing(tr, *coords, *offset, *units, stem),
            NoHourly => tr.t(T::LdNoHourly).to_string(),
            NoHourlyTime => tr.t(T::LdNoHourlyTime).to_string(),
            NotAnArray => tr.t(T::LdNotAnArray).to_string(),
            LengthMismatch { values, times } => tr.f(T::LdLengthMismatch, &[values, times]),
            UnitAssumedDefault { key, unit } => tr.f(T::LdUnitAssumedDefault, &[key, unit]),
            NotShapefile { detail } => tr.f(T::LdNotShapefile, &[detail]),
            NotGeoJson { detail } => tr.f(T::LdNotGeoJson, &[detail]),
            TooManyPoints { limit } => tr.f(T::LdTooManyPoints, &[limit]),
            Projected { x, y } => tr.f(T::LdProjected, &[x, y]),
            NoGeometry => tr.t(T::LdNoGeometry).to_string(),
        }
    }
}

/// What an Open-Meteo response saved without its metadata lacks, and what was assumed instead.
fn metadata_missing(tr: Tr, coords: bool, offset: bool, units: bool, stem: &str) -> String {
    let mut missing = Vec::new();
    let mut assumed = Vec::new();
    if coords {
        missing.push("latitude/longitude");
        assumed.push(tr.f(T::LdAssumedLocation, &[&stem]));
    }
    if offset {
        missing.push("utc_offset_seconds");
        assumed.push(tr.t(T::LdAssumedGmt).to_string());
    }
    if units {
        missing.push("hourly_units");
        assumed.push(tr.t(T::LdAssumedUnits).to_string());
    }
    let assumed = assumed.join(tr.t(T::LdAssumedSep));
    tr.f(T::LdMetadataMissing, &[&missing.join(", "), &assumed])
}

impl Render for Note {
    fn render(&self, tr: Tr) -> String {
        use Note::*;
        match self {
            Gzip => tr.t(T::LdNoteGzip).to_string(),
            ColumnsNotUsed { names } => tr.f(T::LdNoteColumnsNotUsed, &[&names.join(", ")]),
            SoundingDescent { count } => tr.f(T::LdNoteSoundingDescent, &[count]),
            SoundingRepeats { count } => tr.f(T::LdNoteSoundingRepeats, &[count]),
            AutoMapped { line } => tr.f(T::LdNoteAutoMapped, &[line]),
            Delimiter {
                delimiter,
                decimal_comma,
            } => {
                let name = match delimiter {
                    '\t' => tr.t(T::LdTab).to_string(),
                    other => format!("「{other}」"),
                };
                let comma = if *decimal_comma {
                    tr.t(T::LdDecimalComma)
                } else {
                    ""
                };
                tr.f(T::LdNoteDelimiter, &[&name, &comma])
            }
            StationFromProfile { code } => tr.f(T::LdNoteStationFromProfile, &[code]),
            StationFromFileName { code } => tr.f(T::LdNoteStationFromFileName, &[code]),
            LocalTimesAt { offset } => tr.f(T::LdNoteLocalTimesAt, &[offset]),
            EndOfHour => tr.t(T::LdNoteEndOfHour).to_string(),
            StartOfHour => tr.t(T::LdNoteStartOfHour).to_string(),
            UnitAssumed { column, variable } => tr.f(
                T::LdNoteUnitAssumed,
                &[column, &variable.code(), &variable.unit()],
            ),
            Converted { variable, from } => tr.f(
                T::LdNoteConverted,
                &[&variable.code(), from, &variable.unit(), &MOLAR_VOLUME_L],
            ),
            OpenAqEndOfHour => tr.t(T::LdNoteOpenAqEndOfHour).to_string(),
            TakenAsUtc => tr.t(T::LdNoteTakenAsUtc).to_string(),
            OffsetBetweenHours { offset, minutes } => {
                tr.f(T::LdNoteOffsetBetweenHours, &[offset, minutes])
            }
            ExporterOffset => tr.t(T::LdNoteExporterOffset).to_string(),
            CurrentWeatherNotLoaded => tr.t(T::LdNoteCurrentWeatherNotLoaded).to_string(),
            DailySectionNotLoaded { line } => tr.f(T::LdNoteDailySectionNotLoaded, &[line]),
            SubHourlyNotLoaded { line } => tr.f(T::LdNoteSubHourlyNotLoaded, &[line]),
            ModelUndefined { model } => tr.f(T::LdNoteModelUndefined, &[model]),
            KeyUndefined { key } => tr.f(T::LdNoteKeyUndefined, &[key]),
            SectionNotLoaded { section } => tr.f(T::LdNoteSectionNotLoaded, &[section]),
            SurfacePressureNotUsed { key } => tr.f(T::LdNoteSurfacePressureNotUsed, &[key]),
            ModelNoData { model, place } => tr.f(T::LdNoteModelNoData, &[model, place]),
        }
    }
}
