/// A running sum of `Double`s with Neumaier's compensation, exact to the last bit for the
/// sums of costs the exporter sees.
///
/// Adding a million costs of `7.5e-06` to a plain `Double` drifts in the last digits; the
/// compensation term keeps the low-order bits each addition would lose, so totals match an
/// exact (`math.fsum`-style) sum of the logged values in practice. The budget ledger and the
/// exporter's cost counters both sum with it.
///
/// Public rather than `package` only so that its inlinable members are inlined in other
/// modules: as `package` members they were still called, not inlined, in a release build
/// with Swift 6.3 (measured with callgrind), and the exporter adds several per log line.
public struct CompensatedSum: Equatable, Sendable {
    /// The naive running sum.
    @usableFromInline var sum: Double
    /// The low-order bits the naive sum lost.
    @usableFromInline var compensation = 0.0

    /// A sum that starts at `value` (zero, or a total restored from a saved state).
    @inlinable public init(_ value: Double = 0) {
        sum = value
    }

    /// Adds a value.
    ///
    /// Inlinable because the exporter adds up to four costs or durations per log line: a
    /// call per addition cost more than the addition.
    @inlinable
    public mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// The compensated total.
    @inlinable public var value: Double { sum + compensation }
}
