import Testing

@testable import CostBudgets

/// Local days in America/New_York around the 2024 spring-forward, as Unix epoch seconds
/// (Python: `datetime(2024, 3, d, tzinfo=ZoneInfo("America/New_York")).timestamp()`).
enum NewYorkMarch2024 {
    static let mar8 = 1_709_874_000.0  // 2024-03-08T00:00-05:00
    static let mar9 = 1_709_960_400.0  // 2024-03-09T00:00-05:00
    static let mar10 = 1_710_046_800.0  // 2024-03-10T00:00-05:00 (a 23-hour day)
    static let mar11 = 1_710_129_600.0  // 2024-03-11T00:00-04:00
    static let mar12 = 1_710_216_000.0  // 2024-03-12T00:00-04:00
    static let mar13 = 1_710_302_400.0  // 2024-03-13T00:00-04:00
    static let mar10Noon = 1_710_086_400.0  // 2024-03-10T12:00-04:00
    static let mar11Noon = 1_710_172_800.0  // 2024-03-11T12:00-04:00
    static let mar12Noon = 1_710_259_200.0  // 2024-03-12T12:00-04:00
}

@Suite struct BudgetLedgerTests {
    typealias NY = NewYorkMarch2024

    static func dailyNewYork(_ name: String = "daily") throws -> Budget {
        try Budget(name: name, amountUSD: 10, period: .day, timeZoneIdentifier: "America/New_York")
    }

    @Test func replayedHistoryLandsInTheRecordsOwnLocalDay() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar10Noon)
        let records: [(Double?, Double, SpendPlacement)] = [
            (NY.mar8 + 3600, 1, .droppedTooLate),
            // 2024-03-10T04:59:59Z: already the 10th in UTC, still the 9th in New York.
            (NY.mar10 - 1, 2, .previousPeriod),
            (NY.mar10, 3, .currentPeriod),
            (NY.mar10Noon, 0.25, .currentPeriod),
            (NY.mar11, 4, .nextPeriod),
            // Beyond the next period: a broken clock, so it counts now.
            (NY.mar12, 5, .currentPeriodWithoutTimestamp),
            (nil, 0.5, .currentPeriodWithoutTimestamp),
            (.nan, 0.125, .currentPeriodWithoutTimestamp),
        ]
        for (timestamp, cost, placement) in records {
            #expect(ledger.add(costUSD: cost, at: timestamp, toBudget: 0, now: NY.mar10Noon) == placement)
        }
        #expect(
            ledger.snapshot(now: NY.mar10Noon) == [
                BudgetStatus(
                    name: "daily", period: .day, limitUSD: 10, spendUSD: 8.875, periodStart: NY.mar10,
                    periodEnd: NY.mar11, previousSpendUSD: 2, recordsWithoutTimestamp: 3, recordsDroppedTooLate: 1
                )
            ]
        )
    }

    @Test func spendResetsWhenNowCrossesLocalMidnight() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar11 - 1)
        ledger.add(costUSD: 1.5, at: NY.mar11 - 1, toBudget: 0, now: NY.mar11 - 1)
        #expect(ledger.snapshot(now: NY.mar11 - 1).map(\.spendUSD) == [1.5])
        let afterMidnight = try #require(ledger.snapshot(now: NY.mar11).first)
        #expect(afterMidnight.spendUSD == 0)
        #expect(afterMidnight.previousSpendUSD == 1.5)
        #expect(afterMidnight.periodStart == NY.mar11)
        #expect(afterMidnight.periodEnd == NY.mar12)
    }

    @Test func lateRecordForThePreviousDayIsAddedToIt() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar10Noon)
        ledger.add(costUSD: 1.5, at: NY.mar10Noon, toBudget: 0, now: NY.mar10Noon)
        #expect(ledger.add(costUSD: 2, at: NY.mar10Noon + 60, toBudget: 0, now: NY.mar11Noon) == .previousPeriod)
        #expect(ledger.add(costUSD: 7, at: NY.mar9 + 60, toBudget: 0, now: NY.mar11Noon) == .droppedTooLate)
        let status = try #require(ledger.snapshot(now: NY.mar11Noon).first)
        #expect(status.spendUSD == 0)
        #expect(status.previousSpendUSD == 3.5)
        #expect(status.recordsDroppedTooLate == 1)
    }

    @Test func recordAheadOfTheClockShowsWhenItsDayBegins() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar11 - 2)
        #expect(ledger.add(costUSD: 4, at: NY.mar11 + 1, toBudget: 0, now: NY.mar11 - 2) == .nextPeriod)
        #expect(ledger.snapshot(now: NY.mar11 - 2).map(\.spendUSD) == [0])
        #expect(ledger.snapshot(now: NY.mar11).map(\.spendUSD) == [4])
    }

    @Test func daysWithoutRecordsReportZeroNotStaleSpend() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar10Noon)
        ledger.add(costUSD: 2, at: NY.mar10Noon, toBudget: 0, now: NY.mar10Noon)
        let status = try #require(ledger.snapshot(now: NY.mar12Noon).first)
        #expect(status.spendUSD == 0)
        #expect(status.previousSpendUSD == 0)
        #expect(status.periodStart == NY.mar12)
        #expect(status.periodEnd == NY.mar13)
    }

    @Test func clockSteppedBackKeepsTheLaterDaysSpend() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar11Noon)
        ledger.add(costUSD: 1, at: NY.mar11Noon, toBudget: 0, now: NY.mar11Noon)
        #expect(ledger.snapshot(now: NY.mar10Noon).map(\.spendUSD) == [0])
        #expect(ledger.snapshot(now: NY.mar11Noon).map(\.spendUSD) == [1])
    }

    @Test func unusableNowLeavesThePeriodsWhereTheyAre() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar10Noon)
        #expect(ledger.add(costUSD: 1, at: NY.mar10Noon, toBudget: 0, now: .nan) == .currentPeriod)
        #expect(ledger.snapshot(now: .infinity).map(\.spendUSD) == [1])
        #expect(ledger.snapshot(now: .infinity).map(\.periodEnd) == [NY.mar11])
    }

    @Test func eachBudgetUsesItsOwnPeriod() throws {
        let monthly = try Budget(
            name: "monthly", amountUSD: 300, period: .month, timeZoneIdentifier: "America/New_York")
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork(), monthly], now: NY.mar10Noon)
        let threeDaysAgo = NY.mar8 - 3600  // 2024-03-07T23:00-05:00
        #expect(ledger.add(costUSD: 6, at: threeDaysAgo, toBudget: 0, now: NY.mar10Noon) == .droppedTooLate)
        #expect(ledger.add(costUSD: 6, at: threeDaysAgo, toBudget: 1, now: NY.mar10Noon) == .currentPeriod)
        let statuses = ledger.snapshot(now: NY.mar10Noon)
        #expect(statuses.map(\.name) == ["daily", "monthly"])
        #expect(statuses.map(\.spendUSD) == [0, 6])
        // 2024-03-01T00:00-05:00 to 2024-04-01T00:00-04:00.
        #expect(statuses.map(\.periodStart) == [NY.mar10, 1_709_269_200])
        #expect(statuses.map(\.periodEnd) == [NY.mar11, 1_711_944_000])
    }

    @Test func weeklyBudgetRollsOverOnItsWeekStart() throws {
        let weekly = try Budget(
            name: "weekly", amountUSD: 50, period: .week, timeZoneIdentifier: "America/New_York", weekStart: .sunday
        )
        // Saturday 2024-03-09 noon; the Sunday week starts 2024-03-10T00:00-05:00.
        var ledger = try BudgetLedger(budgets: [weekly], now: NY.mar9 + 43_200)
        ledger.add(costUSD: 5, at: NY.mar9 + 43_200, toBudget: 0, now: NY.mar9 + 43_200)
        let status = try #require(ledger.snapshot(now: NY.mar10).first)
        #expect(status.spendUSD == 0)
        #expect(status.previousSpendUSD == 5)
        // 2024-03-17T00:00-04:00.
        #expect(status.periodEnd == 1_710_648_000)
    }

    @Test(arguments: [-1.0, -0.000_001, .nan, .infinity, -.infinity])
    func rejectsCostsThatCannotBeSpend(_ cost: Double) throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar10Noon)
        #expect(ledger.add(costUSD: cost, at: NY.mar10Noon, toBudget: 0, now: NY.mar10Noon) == .rejectedCost)
        #expect(ledger.snapshot(now: NY.mar10Noon).map(\.spendUSD) == [0])
    }

    @Test func spendIsSummedWithoutDrift() throws {
        var ledger = try BudgetLedger(budgets: [Self.dailyNewYork()], now: NY.mar10Noon)
        for _ in 0..<10 { ledger.add(costUSD: 0.1, at: NY.mar10Noon, toBudget: 0, now: NY.mar10Noon) }
        let status = try #require(ledger.snapshot(now: NY.mar10Noon).first)
        #expect(status.spendUSD == 1.0)
        #expect(status.spentFraction == 0.1)
    }

    @Test func matchingBudgetsFollowTheirScopes() throws {
        let all = try Budget(name: "all", amountUSD: 100, period: .month)
        let openAI = try Budget(name: "openai", amountUSD: 50, period: .day, scope: BudgetScope(provider: "openai"))
        let search = try Budget(
            name: "search", amountUSD: 5, period: .day, scope: BudgetScope(labels: ["team": "search"]))
        let ledger = try BudgetLedger(budgets: [all, openAI, search], now: NY.mar10Noon)
        #expect(ledger.budgetIndices(matchingProvider: "openai", model: "gpt-4o", labels: [:]) == [0, 1])
        #expect(
            ledger.budgetIndices(matchingProvider: "anthropic", model: "claude", labels: ["team": "search"]) == [0, 2])
    }

    @Test func noBudgetsGiveNoStatuses() throws {
        var ledger = try BudgetLedger(budgets: [], now: NY.mar10Noon)
        #expect(ledger.snapshot(now: NY.mar10Noon).isEmpty)
    }

    @Test func duplicateNamesAreRefused() throws {
        let budget = try Self.dailyNewYork("team")
        #expect(throws: BudgetError.duplicateName("team")) {
            _ = try BudgetLedger(budgets: [budget, budget], now: NY.mar10Noon)
        }
    }

    @Test(arguments: [Double.infinity, -.infinity, 1e300])
    func unusableStartTimeIsRefused(_ now: Double) throws {
        let budget = try Self.dailyNewYork()
        #expect(throws: BudgetError.unusableNow(now)) {
            _ = try BudgetLedger(budgets: [budget], now: now)
        }
    }
}
