import Testing

@testable import CostBudgets

/// A date and its day number since 1970-01-01, from Python's `date.toordinal()` differences.
struct CivilDateCase: CustomTestStringConvertible, Sendable {
    let year: Int
    let month: Int
    let day: Int
    let dayNumber: Int
    let weekday: Weekday

    var testDescription: String { "\(year)-\(month)-\(day)" }
}

@Suite struct CivilDateTests {
    static let cases: [CivilDateCase] = [
        CivilDateCase(year: 1970, month: 1, day: 1, dayNumber: 0, weekday: .thursday),
        CivilDateCase(year: 1969, month: 12, day: 31, dayNumber: -1, weekday: .wednesday),
        CivilDateCase(year: 2024, month: 2, day: 29, dayNumber: 19782, weekday: .thursday),
        CivilDateCase(year: 2024, month: 3, day: 1, dayNumber: 19783, weekday: .friday),
        CivilDateCase(year: 2000, month: 2, day: 29, dayNumber: 11016, weekday: .tuesday),
        CivilDateCase(year: 1900, month: 3, day: 1, dayNumber: -25508, weekday: .thursday),
        CivilDateCase(year: 1000, month: 1, day: 1, dayNumber: -354_285, weekday: .wednesday),
        CivilDateCase(year: 8999, month: 12, day: 31, dayNumber: 2_567_654, weekday: .tuesday),
        CivilDateCase(year: 2011, month: 12, day: 30, dayNumber: 15338, weekday: .friday),
    ]

    @Test(arguments: cases)
    func convertsBothWays(_ testCase: CivilDateCase) {
        let date = CivilDate(year: testCase.year, month: testCase.month, day: testCase.day)
        #expect(date.dayNumber == testCase.dayNumber)
        #expect(CivilDate(dayNumber: testCase.dayNumber) == date)
        #expect(date.weekday == testCase.weekday)
    }

    @Test func firstOfNextMonthCrossesTheYear() {
        #expect(CivilDate(year: 2024, month: 12, day: 1).firstOfNextMonth == CivilDate(year: 2025, month: 1, day: 1))
        #expect(CivilDate(year: 2024, month: 2, day: 1).firstOfNextMonth == CivilDate(year: 2024, month: 3, day: 1))
    }
}
