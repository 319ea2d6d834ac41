/// Spend per budget per calendar period, assigned by each record's own timestamp.
///
/// For every budget the ledger keeps the period containing `now`, the one before (late
/// records still count there) and the one after (for clocks running slightly ahead); older
/// periods are dropped, so memory is bounded. Records without a usable timestamp count
/// toward the period containing `now`. `now` is always passed in, never read from a clock.
///
/// Not thread-safe by itself: the exporter holds it inside its metric state's lock. Placing
/// a record in the current period costs a few comparisons; `Calendar` is asked only when
/// `now` moves into another period.
public struct BudgetLedger: Sendable {
    /// The budgets, in configuration order; `add`'s budget index points into this array.
    public let budgets: [Budget]
    /// The period calendar of each budget, parallel to `budgets`.
    private let calendars: [BudgetCalendar]
    /// The spend of each budget, parallel to `budgets`.
    private var windows: [SpendWindow]

    /// Creates an empty ledger.
    ///
    /// - Parameters:
    ///   - budgets: The budgets, with unique names; may be empty.
    ///   - now: The current time in Unix epoch seconds.
    /// - Throws: `BudgetError.duplicateName` for a repeated name, `.unusableNow` when `now`
    ///   is not finite or outside `BudgetCalendar.supportedTimestamps`.
    public init(budgets: [Budget], now: Double) throws(BudgetError) {
        var names = Set<String>()
        for budget in budgets where !names.insert(budget.name).inserted {
            throw .duplicateName(budget.name)
        }
        let calendars = budgets.map(BudgetCalendar.init(for:))
        var windows: [SpendWindow] = []
        for calendar in calendars {
            guard let window = SpendWindow(around: now, calendar: calendar) else { throw .unusableNow(now) }
            windows.append(window)
        }
        self.budgets = budgets
        self.calendars = calendars
        self.windows = windows
    }

    /// Takes over the spend of every budget that `previous` holds unchanged (equal name,
    /// amount, period, time zone, week start and scope), so that reconfiguring other budgets
    /// does not reset it; a changed or new budget keeps the empty spend it started with.
    ///
    /// - Parameter previous: The ledger this one replaces.
    public mutating func keepSpend(ofUnchangedBudgetsIn previous: BudgetLedger) {
        for index in budgets.indices {
            if let old = previous.budgets.firstIndex(of: budgets[index]) {
                windows[index] = previous.windows[old]
            }
        }
    }

    /// The indices of the budgets whose scope matches a series; ask once per new series.
    ///
    /// - Returns: Ascending indices into `budgets`.
    public func budgetIndices(matchingProvider provider: String, model: String, labels: [String: String]) -> [Int] {
        budgets.indices.filter { budgets[$0].scope.matches(provider: provider, model: model, labels: labels) }
    }

    /// Adds one record's cost to one budget.
    ///
    /// - Parameters:
    ///   - costUSD: The record's cost; negative or non-finite costs are rejected.
    ///   - timestamp: The record's own time in Unix epoch seconds, or `nil` when it had none.
    ///   - budget: An index into `budgets`, from `budgetIndices(matchingProvider:model:labels:)`.
    ///   - now: The current time; when it lies in another period than the last call's, the
    ///     budget's periods move with it.
    /// - Returns: Which period the cost went to, or why it was not counted.
    @discardableResult
    public mutating func add(costUSD: Double, at timestamp: Double?, toBudget budget: Int, now: Double)
        -> SpendPlacement
    {
        guard costUSD.isFinite, costUSD >= 0 else { return .rejectedCost }
        windows[budget].move(to: now, calendar: calendars[budget])
        return windows[budget].add(costUSD, at: timestamp)
    }

    /// The state of every budget at `now`, in the order of `budgets`.
    ///
    /// Mutating because it moves the budgets' periods to `now` first: a period that began
    /// since the last record reports 0 spend, never the previous period's.
    public mutating func snapshot(now: Double) -> [BudgetStatus] {
        budgets.indices.map { index in
            windows[index].move(to: now, calendar: calendars[index])
            let window = windows[index]
            let budget = budgets[index]
            return BudgetStatus(
                name: budget.name,
                period: budget.period,
                limitUSD: budget.amountUSD,
                spendUSD: window.current.spend.value,
                periodStart: window.current.interval.start,
                periodEnd: window.current.interval.end,
                previousSpendUSD: window.previous.spend.value,
                recordsWithoutTimestamp: window.recordsWithoutTimestamp,
                recordsDroppedTooLate: window.recordsDroppedTooLate
            )
        }
    }
}
