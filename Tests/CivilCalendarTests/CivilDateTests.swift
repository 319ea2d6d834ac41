import CivilCalendar
import Testing

/// A date and its day number since 1970-01-01, from Python's `date.toordinal()` differences.
struct CivilDateCase: CustomTestStringConvertible, Sendable {
    let year: Int
    let month: Int
    let day: Int
    let dayNumber: Int

    var testDescription: String { "\(year)-\(month)-\(day)" }
}

@Suite struct CivilDateTests {
    static let cases: [CivilDateCase] = [
        CivilDateCase(year: 1970, month: 1, day: 1, dayNumber: 0),
        CivilDateCase(year: 1969, month: 12, day: 31, dayNumber: -1),
        CivilDateCase(year: 2024, month: 2, day: 29, dayNumber: 19782),
        CivilDateCase(year: 2024, month: 3, day: 1, dayNumber: 19783),
        CivilDateCase(year: 2024, month: 12, day: 19, dayNumber: 20076),
        CivilDateCase(year: 2000, month: 2, day: 29, dayNumber: 11016),
        CivilDateCase(year: 2000, month: 3, day: 1, dayNumber: 11017),
        CivilDateCase(year: 1900, month: 3, day: 1, dayNumber: -25508),
        CivilDateCase(year: 1600, month: 1, day: 1, dayNumber: -135_140),
        CivilDateCase(year: 1000, month: 1, day: 1, dayNumber: -354_285),
        CivilDateCase(year: 8999, month: 12, day: 31, dayNumber: 2_567_654),
        CivilDateCase(year: 2011, month: 12, day: 30, dayNumber: 15338),
    ]

    @Test(arguments: cases)
    func convertsBothWays(_ testCase: CivilDateCase) {
        let date = CivilDate(year: testCase.year, month: testCase.month, day: testCase.day)
        #expect(date.dayNumber == testCase.dayNumber)
        #expect(CivilDate(dayNumber: testCase.dayNumber) == date)
    }

    /// Every day of four centuries (one full Gregorian cycle) converts back to itself, and
    /// consecutive day numbers are consecutive dates.
    @Test func everyDayOfAGregorianCycleRoundTrips() {
        var previous = CivilDate(dayNumber: -146_098)
        for dayNumber in -146_097..<0 {
            let date = CivilDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            let isNextDay =
                (date.year == previous.year && date.month == previous.month && date.day == previous.day + 1)
                || (date.day == 1 && date == previous.firstOfNextMonth)
            if !isNextDay {
                Issue.record("day \(dayNumber): \(date) does not follow \(previous)")
                return
            }
            previous = date
        }
    }

    @Test func firstOfNextMonthCrossesTheYear() {
        #expect(CivilDate(year: 2024, month: 12, day: 1).firstOfNextMonth == CivilDate(year: 2025, month: 1, day: 1))
        #expect(CivilDate(year: 2024, month: 2, day: 1).firstOfNextMonth == CivilDate(year: 2024, month: 3, day: 1))
    }
}
