import Foundation

/// One spending limit: an amount of USD per calendar period in a time zone, for a scope.
///
/// A `Budget` is validated when created, so code holding one never re-checks it.
public struct Budget: Equatable, Sendable {
    /// The name; the value of the `budget` label.
    public let name: String
    /// The limit per period in USD; finite and above zero.
    public let amountUSD: Double
    /// The length of the periods spend is counted in.
    public let period: BudgetPeriod
    /// The time zone whose local midnights bound the periods.
    public let timeZone: TimeZone
    /// The day weekly periods start on; ignored by daily and monthly budgets.
    public let weekStart: Weekday
    /// Which records count toward the budget.
    public let scope: BudgetScope

    /// Creates a validated budget.
    ///
    /// - Parameters:
    ///   - name: The budget's name, not empty.
    ///   - amountUSD: The limit per period, a finite number above zero.
    ///   - period: Day, week or month.
    ///   - timeZoneIdentifier: An IANA time zone name such as `America/New_York`; `UTC` by default.
    ///   - weekStart: The first day of a weekly period; Monday by default.
    ///   - scope: The records the budget counts; all of them by default.
    /// - Throws: `BudgetError.emptyName`, `.invalidAmount` or `.unknownTimeZone`.
    public init(
        name: String,
        amountUSD: Double,
        period: BudgetPeriod,
        timeZoneIdentifier: String = "UTC",
        weekStart: Weekday = .monday,
        scope: BudgetScope = BudgetScope()
    ) throws(BudgetError) {
        guard !name.isEmpty else { throw .emptyName }
        guard amountUSD.isFinite, amountUSD > 0 else { throw .invalidAmount(budget: name, amount: amountUSD) }
        guard let timeZone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .unknownTimeZone(budget: name, identifier: timeZoneIdentifier)
        }
        self.name = name
        self.amountUSD = amountUSD
        self.period = period
        self.timeZone = timeZone
        self.weekStart = weekStart
        self.scope = scope
    }
}
