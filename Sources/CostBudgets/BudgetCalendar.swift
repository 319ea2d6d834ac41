import CivilCalendar
import Foundation

/// Finds the budget period an instant falls in: local midnights of a named time zone.
///
/// A period is a half-open run of whole local days: `[first instant of its first day,
/// first instant of the day after its last day)`. That is exact across DST changes (a
/// 23- or 25-hour day in New York, a 23.5-hour day on Lord Howe Island), offsets of 30 or 45
/// minutes, days whose midnight is skipped (the day starts at the first instant that exists,
/// e.g. 01:00 in Santiago on 2024-09-08) and days a zone skipped entirely.
///
/// Each call asks Foundation's `Calendar`, which is slow next to ingestion; callers cache
/// the intervals they use (as `BudgetLedger` does) rather than calling this per record.
public struct BudgetCalendar: Sendable {
    /// The instants this calendar answers for: from 1000-01-01 to 9000-01-01 UTC.
    ///
    /// Nothing real is logged outside it, and it keeps Foundation's date math far from its limits.
    public static let supportedTimestamps: Range<Double> = -30_610_224_000..<221_845_392_000

    /// The length of the periods.
    public let period: BudgetPeriod
    /// The day weekly periods start on.
    public let weekStart: Weekday
    /// A Gregorian calendar in the budget's time zone.
    private let calendar: Calendar

    /// Creates a calendar for periods of the given length in the given zone.
    public init(period: BudgetPeriod, timeZone: TimeZone, weekStart: Weekday = .monday) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.period = period
        self.weekStart = weekStart
    }

    /// Creates the calendar of a budget's periods.
    public init(for budget: Budget) {
        self.init(period: budget.period, timeZone: budget.timeZone, weekStart: budget.weekStart)
    }

    /// The period containing an instant.
    ///
    /// - Parameter timestamp: Seconds since the Unix epoch.
    /// - Returns: The period, with `start` ≤ `timestamp` < `end`; `nil` when the timestamp is
    ///   not finite or lies outside `supportedTimestamps`.
    public func interval(containing timestamp: Double) -> PeriodInterval? {
        guard Self.supportedTimestamps.contains(timestamp) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: timestamp))
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let today = CivilDate(year: year, month: month, day: day)
        let firstDay: Int
        let dayAfter: Int
        switch period {
        case .day:
            firstDay = today.dayNumber
            dayAfter = firstDay + 1
        case .week:
            let sinceWeekStart = (today.weekday.calendarWeekday - weekStart.calendarWeekday + 7) % 7
            firstDay = today.dayNumber - sinceWeekStart
            dayAfter = firstDay + 7
        case .month:
            let first = CivilDate(year: year, month: month, day: 1)
            firstDay = first.dayNumber
            dayAfter = first.firstOfNextMonth.dayNumber
        }
        guard let start = firstInstant(of: CivilDate(dayNumber: firstDay)),
            let end = firstInstant(of: CivilDate(dayNumber: dayAfter))
        else { return nil }
        return PeriodInterval(start: start, end: end)
    }

    /// The period just before the given one.
    ///
    /// - Returns: The period containing the instant one second before `interval.start`, or
    ///   `nil` outside `supportedTimestamps`.
    public func interval(before interval: PeriodInterval) -> PeriodInterval? {
        self.interval(containing: interval.start - 1)
    }

    /// The period just after the given one.
    ///
    /// - Returns: The period starting at `interval.end`, or `nil` outside `supportedTimestamps`.
    public func interval(after interval: PeriodInterval) -> PeriodInterval? {
        self.interval(containing: interval.end)
    }

    /// The first instant whose local date is `date`, or the first instant of the next local
    /// date that exists when the zone skipped `date`.
    private func firstInstant(of date: CivilDate) -> Double? {
        // Local noon exists on every day a zone has (no zone changes its offset at noon), so
        // it names the day unambiguously where midnight is skipped or repeated; Foundation
        // moves a noon the zone skipped forward into the next day.
        let noonParts = DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)
        guard let noon = calendar.date(from: noonParts) else { return nil }
        // Local midnights are whole seconds; rounding drops any drift from Foundation's
        // Double arithmetic relative to its 2001 reference date.
        return calendar.startOfDay(for: noon).timeIntervalSince1970.rounded()
    }
}
