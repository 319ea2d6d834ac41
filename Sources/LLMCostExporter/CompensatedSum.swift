/// A running sum of `Double`s with Neumaier compensation.
///
/// Adding a million costs like `7.5e-06` naively drifts in the last digits; the compensation
/// keeps the lost low-order bits, so totals match an exact (`math.fsum`-style) sum of the
/// logged values in practice.
struct CompensatedSum: Sendable {
    private var sum: Double
    private var compensation = 0.0

    /// The sum so far.
    var value: Double { sum + compensation }

    /// A sum that starts at `value` (restored from a saved state).
    init(_ value: Double = 0) {
        sum = value
    }

    /// Adds one value.
    mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }
}
