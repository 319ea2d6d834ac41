import Foundation
import Testing

@testable import CostBudgets

/// A budget definition that must be refused, and the error it must give.
struct InvalidBudgetCase: CustomTestStringConvertible, Sendable {
    let name: String
    let budgetName: String
    let amount: Double
    let zone: String
    let isExpected: @Sendable (BudgetError) -> Bool

    var testDescription: String { name }
}

@Suite struct BudgetTests {
    static let invalidCases: [InvalidBudgetCase] = [
        InvalidBudgetCase(name: "empty name", budgetName: "", amount: 10, zone: "UTC") { $0 == .emptyName },
        InvalidBudgetCase(name: "zero amount", budgetName: "b", amount: 0, zone: "UTC") {
            $0 == .invalidAmount(budget: "b", amount: 0)
        },
        InvalidBudgetCase(name: "negative amount", budgetName: "b", amount: -5, zone: "UTC") {
            $0 == .invalidAmount(budget: "b", amount: -5)
        },
        InvalidBudgetCase(name: "NaN amount", budgetName: "b", amount: .nan, zone: "UTC") {
            if case .invalidAmount(budget: "b", let amount) = $0 { amount.isNaN } else { false }
        },
        InvalidBudgetCase(name: "infinite amount", budgetName: "b", amount: .infinity, zone: "UTC") {
            $0 == .invalidAmount(budget: "b", amount: .infinity)
        },
        InvalidBudgetCase(name: "unknown zone", budgetName: "b", amount: 1, zone: "Mars/Olympus_Mons") {
            $0 == .unknownTimeZone(budget: "b", identifier: "Mars/Olympus_Mons")
        },
        InvalidBudgetCase(name: "empty zone", budgetName: "b", amount: 1, zone: "") {
            $0 == .unknownTimeZone(budget: "b", identifier: "")
        },
        InvalidBudgetCase(name: "zone with a space", budgetName: "b", amount: 1, zone: "America/New York") {
            $0 == .unknownTimeZone(budget: "b", identifier: "America/New York")
        },
    ]

    @Test(arguments: invalidCases)
    func refusesInvalidDefinitions(_ testCase: InvalidBudgetCase) {
        #expect {
            _ = try Budget(
                name: testCase.budgetName, amountUSD: testCase.amount, period: .day,
                timeZoneIdentifier: testCase.zone)
        } throws: { error in
            (error as? BudgetError).map(testCase.isExpected) ?? false
        }
    }

    @Test func defaultsAreUTCMondayAndEverything() throws {
        let budget = try Budget(name: "all", amountUSD: 25, period: .month)
        // Foundation on Linux names UTC "GMT"; what matters is a zero offset all year.
        #expect(budget.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_704_067_200)) == 0)
        #expect(budget.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_720_000_000)) == 0)
        #expect(budget.weekStart == .monday)
        #expect(budget.scope == BudgetScope())
        #expect(budget.amountUSD == 25)
        #expect(budget.period == .month)
    }

    @Test func keepsTheNamedZone() throws {
        let budget = try Budget(name: "eu", amountUSD: 1, period: .day, timeZoneIdentifier: "Europe/Berlin")
        #expect(budget.timeZone.identifier == "Europe/Berlin")
    }

    @Test func errorsAreSentencesNamingTheBudget() {
        #expect(
            BudgetError.unknownTimeZone(budget: "ops", identifier: "Mars/Base").description
                == "budget \"ops\": unknown time zone \"Mars/Base\" (use an IANA name such as Europe/Berlin)"
        )
        #expect(
            BudgetError.invalidAmount(budget: "ops", amount: -1).description
                == "budget \"ops\": the amount must be a finite number of USD above 0, not -1.0"
        )
        #expect(
            BudgetError.duplicateName("ops").description
                == "budget \"ops\" is defined more than once; budget names must be unique"
        )
    }

    @Test(arguments: Weekday.allCases.enumerated().map { ($0.element, $0.offset + 1) })
    func weekdaysUseFoundationNumbering(_ weekday: Weekday, _ number: Int) {
        #expect(weekday.calendarWeekday == number)
    }
}
