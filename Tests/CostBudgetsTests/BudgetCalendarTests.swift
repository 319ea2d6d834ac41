import Foundation
import Testing

@testable import CostBudgets

/// One instant and the period it must fall in.
///
/// Expected bounds were derived independently of Foundation, with Python's `zoneinfo`: the
/// first instant whose local date is the period's first day, and the same for the day after
/// its last day (`datetime.fromtimestamp(t, ZoneInfo(zone)).date()`, searched per second).
struct PeriodCase: CustomTestStringConvertible, Sendable {
    let name: String
    let zone: String
    let period: BudgetPeriod
    var weekStart: Weekday = .monday
    let timestamp: Double
    let start: Double
    let end: Double

    var testDescription: String { name }
}

@Suite struct BudgetCalendarTests {
    static let cases: [PeriodCase] = [
        // 2024-03-10T12:00Z → [2024-03-10T00:00Z, 2024-03-11T00:00Z)
        PeriodCase(
            name: "UTC day", zone: "UTC", period: .day,
            timestamp: 1_710_072_000, start: 1_710_028_800, end: 1_710_115_200),
        // 2024-03-10T12:00-04:00 → [00:00-05:00, 2024-03-11T00:00-04:00): 23 hours
        PeriodCase(
            name: "New York spring-forward day lasts 23 hours", zone: "America/New_York", period: .day,
            timestamp: 1_710_086_400, start: 1_710_046_800, end: 1_710_129_600),
        // 2024-11-03T12:00-05:00 → [00:00-04:00, 2024-11-04T00:00-05:00): 25 hours
        PeriodCase(
            name: "New York fall-back day lasts 25 hours", zone: "America/New_York", period: .day,
            timestamp: 1_730_653_200, start: 1_730_606_400, end: 1_730_696_400),
        // 2024-06-14T23:59:59-04:00 is already 2024-06-15 in UTC but still the 14th locally
        PeriodCase(
            name: "New York one second before local midnight", zone: "America/New_York", period: .day,
            timestamp: 1_718_423_999, start: 1_718_337_600, end: 1_718_424_000),
        // 2024-03-10T00:00-05:00, exactly the first instant of the day
        PeriodCase(
            name: "record exactly at local midnight opens the new day", zone: "America/New_York",
            period: .day, timestamp: 1_710_046_800, start: 1_710_046_800, end: 1_710_129_600),
        // 2024-03-09T23:59:59-05:00
        PeriodCase(
            name: "one second before local midnight stays in the old day", zone: "America/New_York",
            period: .day, timestamp: 1_710_046_799, start: 1_709_960_400, end: 1_710_046_800),
        // 2024-03-09T23:59:59.999-05:00
        PeriodCase(
            name: "a millisecond before local midnight stays in the old day", zone: "America/New_York",
            period: .day, timestamp: 1_710_046_799.999, start: 1_709_960_400, end: 1_710_046_800),
        // 2024-03-31T12:00+02:00 → [00:00+01:00, 2024-04-01T00:00+02:00): 23 hours
        PeriodCase(
            name: "Berlin spring-forward day", zone: "Europe/Berlin", period: .day,
            timestamp: 1_711_879_200, start: 1_711_839_600, end: 1_711_922_400),
        // 2024-10-27T12:00+01:00 → [00:00+02:00, 2024-10-28T00:00+01:00): 25 hours
        PeriodCase(
            name: "Berlin fall-back day", zone: "Europe/Berlin", period: .day,
            timestamp: 1_730_026_800, start: 1_729_980_000, end: 1_730_070_000),
        // 2024-05-01T00:00+05:30, at the boundary
        PeriodCase(
            name: "Kolkata half-hour offset midnight", zone: "Asia/Kolkata", period: .day,
            timestamp: 1_714_501_800, start: 1_714_501_800, end: 1_714_588_200),
        // 2024-05-01T23:59:59+05:45
        PeriodCase(
            name: "Kathmandu 45-minute offset, last second of the day", zone: "Asia/Kathmandu",
            period: .day, timestamp: 1_714_587_299, start: 1_714_500_900, end: 1_714_587_300),
        // 2024-04-07T12:00+10:30 → [00:00+11:00, 2024-04-08T00:00+10:30): 24.5 hours
        PeriodCase(
            name: "Lord Howe half-hour fall-back day lasts 24.5 hours", zone: "Australia/Lord_Howe",
            period: .day, timestamp: 1_712_453_400, start: 1_712_408_400, end: 1_712_496_600),
        // 2024-10-06T12:00+11:00 → [00:00+10:30, 2024-10-07T00:00+11:00): 23.5 hours
        PeriodCase(
            name: "Lord Howe half-hour spring-forward day lasts 23.5 hours", zone: "Australia/Lord_Howe",
            period: .day, timestamp: 1_728_176_400, start: 1_728_135_000, end: 1_728_219_600),
        // 2024-09-08: midnight -04:00 jumps to 01:00 -03:00, so the day starts at 01:00
        PeriodCase(
            name: "Santiago day whose midnight is skipped starts at 01:00", zone: "America/Santiago",
            period: .day, timestamp: 1_725_807_600, start: 1_725_768_000, end: 1_725_850_800),
        // 2024-09-07T23:59:59-04:00; its day ends at 2024-09-08T01:00-03:00
        PeriodCase(
            name: "Santiago day before a skipped midnight", zone: "America/Santiago", period: .day,
            timestamp: 1_725_767_999, start: 1_725_681_600, end: 1_725_768_000),
        // Samoa skipped 2011-12-30: the 29th (-10:00) is followed by the 31st (+14:00)
        PeriodCase(
            name: "Apia day before the skipped day", zone: "Pacific/Apia", period: .day,
            timestamp: 1_325_196_000, start: 1_325_152_800, end: 1_325_239_200),
        // Sunday week 2011-12-25 to 2012-01-01 has only six days
        PeriodCase(
            name: "Apia week with a skipped day lasts six days", zone: "Pacific/Apia", period: .week,
            weekStart: .sunday, timestamp: 1_325_196_000, start: 1_324_807_200, end: 1_325_325_600),
        // Friday weeks: the week "starting" on the skipped Friday 2011-12-30 starts on the 31st
        PeriodCase(
            name: "Apia week starting on the skipped day", zone: "Pacific/Apia", period: .week,
            weekStart: .friday, timestamp: 1_325_282_400, start: 1_325_239_200, end: 1_325_757_600),
        // Sunday 2024-03-10T12:00Z → Monday 2024-03-04 to Monday 2024-03-11
        PeriodCase(
            name: "Monday week on a Sunday", zone: "UTC", period: .week,
            timestamp: 1_710_072_000, start: 1_709_510_400, end: 1_710_115_200),
        // Sunday 2024-03-10T12:00Z → Sunday 2024-03-10 to Sunday 2024-03-17
        PeriodCase(
            name: "Sunday week on a Sunday", zone: "UTC", period: .week, weekStart: .sunday,
            timestamp: 1_710_072_000, start: 1_710_028_800, end: 1_710_633_600),
        // Sunday 2024-03-10T12:00Z → Saturday 2024-03-09 to Saturday 2024-03-16
        PeriodCase(
            name: "Saturday week on a Sunday", zone: "UTC", period: .week, weekStart: .saturday,
            timestamp: 1_710_072_000, start: 1_709_942_400, end: 1_710_547_200),
        // 2024-03-10T12:00-04:00 → 2024-03-04T00:00-05:00 to 2024-03-11T00:00-04:00: 167 hours
        PeriodCase(
            name: "New York Monday week across spring-forward", zone: "America/New_York", period: .week,
            timestamp: 1_710_086_400, start: 1_709_528_400, end: 1_710_129_600),
        // 2024-03-10T00:30-05:00 → 2024-03-10T00:00-05:00 to 2024-03-17T00:00-04:00
        PeriodCase(
            name: "New York Sunday week starting on the DST day", zone: "America/New_York", period: .week,
            weekStart: .sunday, timestamp: 1_710_048_600, start: 1_710_046_800, end: 1_710_648_000),
        // Tuesday 2024-12-31T12:00+01:00 → Monday 2024-12-30 to Monday 2025-01-06
        PeriodCase(
            name: "Berlin week across the new year", zone: "Europe/Berlin", period: .week,
            timestamp: 1_735_642_800, start: 1_735_513_200, end: 1_736_118_000),
        // 2024-02-15T00:00Z → 2024-02-01 to 2024-03-01: 29 days
        PeriodCase(
            name: "leap February", zone: "UTC", period: .month,
            timestamp: 1_707_955_200, start: 1_706_745_600, end: 1_709_251_200),
        // 2023-02-15T00:00Z → 2023-02-01 to 2023-03-01: 28 days
        PeriodCase(
            name: "common February", zone: "UTC", period: .month,
            timestamp: 1_676_419_200, start: 1_675_209_600, end: 1_677_628_800),
        // 2024-02-29T23:59:59-05:00 is March in UTC but the last second of February locally
        PeriodCase(
            name: "New York last second of Feb 29", zone: "America/New_York", period: .month,
            timestamp: 1_709_269_199, start: 1_706_763_600, end: 1_709_269_200),
        // 2024-03-15T00:00-04:00 → 2024-03-01T00:00-05:00 to 2024-04-01T00:00-04:00: 743 hours
        PeriodCase(
            name: "New York month containing spring-forward", zone: "America/New_York", period: .month,
            timestamp: 1_710_475_200, start: 1_709_269_200, end: 1_711_944_000),
        // 2024-04-01T00:00-04:00, exactly the first instant of April
        PeriodCase(
            name: "record exactly at the first instant of a month", zone: "America/New_York",
            period: .month, timestamp: 1_711_944_000, start: 1_711_944_000, end: 1_714_536_000),
        // 2024-12-31T23:59:59+01:00 → 2024-12-01 to 2025-01-01
        PeriodCase(
            name: "Berlin December into the new year", zone: "Europe/Berlin", period: .month,
            timestamp: 1_735_685_999, start: 1_733_007_600, end: 1_735_686_000),
        // 2024-01-31T23:30+05:30 is still January locally, February 1 never in UTC yet
        PeriodCase(
            name: "Kolkata month end", zone: "Asia/Kolkata", period: .month,
            timestamp: 1_706_724_000, start: 1_704_047_400, end: 1_706_725_800),
    ]

    @Test(arguments: cases)
    func periodContainingTimestamp(_ testCase: PeriodCase) throws {
        let zone = try #require(TimeZone(identifier: testCase.zone))
        let calendar = BudgetCalendar(period: testCase.period, timeZone: zone, weekStart: testCase.weekStart)
        #expect(
            calendar.interval(containing: testCase.timestamp)
                == PeriodInterval(start: testCase.start, end: testCase.end)
        )
    }

    @Test(arguments: cases)
    func neighbouringPeriodsShareTheirBounds(_ testCase: PeriodCase) throws {
        let zone = try #require(TimeZone(identifier: testCase.zone))
        let calendar = BudgetCalendar(period: testCase.period, timeZone: zone, weekStart: testCase.weekStart)
        let interval = PeriodInterval(start: testCase.start, end: testCase.end)
        #expect(calendar.interval(before: interval)?.end == testCase.start)
        #expect(calendar.interval(after: interval)?.start == testCase.end)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, -30_610_224_001, 221_845_392_000, 1e300])
    func unusableTimestampsHaveNoPeriod(_ timestamp: Double) {
        let calendar = BudgetCalendar(period: .day, timeZone: TimeZone(secondsFromGMT: 0)!)
        #expect(calendar.interval(containing: timestamp) == nil)
    }

    @Test func calendarOfABudgetUsesItsSettings() throws {
        let budget = try Budget(
            name: "team", amountUSD: 10, period: .week, timeZoneIdentifier: "America/New_York", weekStart: .sunday
        )
        // 2024-03-10T00:30-05:00 → the Sunday week starting that day.
        #expect(
            BudgetCalendar(for: budget).interval(containing: 1_710_048_600)
                == PeriodInterval(start: 1_710_046_800, end: 1_710_648_000)
        )
    }
}
