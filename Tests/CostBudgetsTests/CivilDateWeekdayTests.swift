import CivilCalendar
import Testing

@testable import CostBudgets

@Suite struct CivilDateWeekdayTests {
    @Test(arguments: [
        (1970, 1, 1, Weekday.thursday), (1969, 12, 31, .wednesday), (2024, 2, 29, .thursday), (2024, 3, 1, .friday),
        (2000, 2, 29, .tuesday), (1900, 3, 1, .thursday), (1000, 1, 1, .wednesday), (8999, 12, 31, .tuesday),
        (2011, 12, 30, .friday),
    ])
    func weekday(_ year: Int, _ month: Int, _ day: Int, _ expected: Weekday) {
        #expect(CivilDate(year: year, month: month, day: day).weekday == expected)
    }
}
