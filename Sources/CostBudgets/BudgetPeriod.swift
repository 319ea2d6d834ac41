/// How long a budget's period lasts: one calendar day, week or month in the budget's time zone.
///
/// The raw values are the spellings of the config file and of the `period` label of the
/// budget gauges.
public enum BudgetPeriod: String, CaseIterable, Sendable {
    /// From local midnight to the next local midnight (23, 24 or 25 hours across DST changes).
    case day
    /// Seven local days, starting at local midnight of the budget's week start.
    case week
    /// From local midnight of the first of the month to local midnight of the next first.
    case month
}
