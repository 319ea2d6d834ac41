/// A proleptic Gregorian calendar date counted as days since 1970-01-01, with exact integer
/// conversions in both directions.
///
/// The decoder turns timestamp text into epoch seconds with it, and budget periods are runs of
/// whole local days counted with it; doing the day arithmetic here, rather than with
/// `Calendar.date(byAdding:)`, keeps it exact on days a zone skipped (Samoa skipped
/// 2011-12-30, and Foundation's own week arithmetic miscounts that week). The algorithms are
/// Howard Hinnant's `days_from_civil` and `civil_from_days`.
public struct CivilDate: Equatable, Sendable {
    /// The year, e.g. 2024.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a date from its parts; the caller passes a real date.
    @inlinable
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date that lies `dayNumber` days after 1970-01-01 (before it when negative).
    public init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The number of days from 1970-01-01 to this date.
    ///
    /// Inlinable: the decoder computes it for every minute of timestamps it meets.
    @inlinable
    public var dayNumber: Int {
        // Counting years from March puts the leap day at the end of the year.
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The first day of the month after this date's month.
    public var firstOfNextMonth: CivilDate {
        month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
    }
}
