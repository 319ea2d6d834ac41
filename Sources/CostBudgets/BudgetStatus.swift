/// One budget's state at a moment: what the budget gauges and the JSON summary show.
public struct BudgetStatus: Equatable, Sendable {
    /// The budget's name; the `budget` label.
    public var name: String
    /// The budget's period; the `period` label.
    public var period: BudgetPeriod
    /// The limit per period in USD; `llm_budget_limit_usd`.
    public var limitUSD: Double
    /// The spend in the period containing `now`, 0 when nothing was spent yet;
    /// `llm_budget_spend_usd`.
    public var spendUSD: Double
    /// The first instant of the current period, in Unix epoch seconds.
    public var periodStart: Double
    /// The first instant of the next period, in Unix epoch seconds;
    /// `llm_budget_period_end_timestamp_seconds`.
    public var periodEnd: Double
    /// The spend in the period before the current one.
    public var previousSpendUSD: Double
    /// Records counted toward the current period for lack of a usable timestamp, since start.
    public var recordsWithoutTimestamp: UInt64
    /// Records ignored because their period was no longer kept, since start.
    public var recordsDroppedTooLate: UInt64

    /// Creates a status; `BudgetLedger.snapshot(now:)` is the usual source.
    public init(
        name: String,
        period: BudgetPeriod,
        limitUSD: Double,
        spendUSD: Double,
        periodStart: Double,
        periodEnd: Double,
        previousSpendUSD: Double,
        recordsWithoutTimestamp: UInt64,
        recordsDroppedTooLate: UInt64
    ) {
        self.name = name
        self.period = period
        self.limitUSD = limitUSD
        self.spendUSD = spendUSD
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.previousSpendUSD = previousSpendUSD
        self.recordsWithoutTimestamp = recordsWithoutTimestamp
        self.recordsDroppedTooLate = recordsDroppedTooLate
    }

    /// The fraction of the limit spent in the current period (1 = exactly used up).
    public var spentFraction: Double { spendUSD / limitUSD }
}
