/// Where `BudgetLedger.add` put one record's cost, or why it did not.
///
/// The exporter turns the cases that are not a plain placement into self-metrics.
public enum SpendPlacement: Equatable, Sendable {
    /// The record's own timestamp lies in the period containing `now`.
    case currentPeriod
    /// The record's own timestamp lies in the period before; a late record, still counted.
    case previousPeriod
    /// The record's own timestamp lies in the period after the current one (a clock running
    /// slightly ahead); it shows once `now` reaches that period.
    case nextPeriod
    /// The record has no usable timestamp (absent, not finite, or beyond the next period), so
    /// it counted toward the period containing `now`.
    case currentPeriodWithoutTimestamp
    /// The record's timestamp lies before the previous period, which is no longer kept; the
    /// cost was ignored.
    case droppedTooLate
    /// The cost is negative or not finite; nothing was added.
    case rejectedCost
}
