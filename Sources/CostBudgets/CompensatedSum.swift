/// A running sum of `Double`s with Neumaier's compensation, exact to the last bit for the
/// sums budgets see.
///
/// Adding a million costs of `7.5e-06` to a plain `Double` drifts in the last digits; the
/// compensation term keeps the low-order bits each addition would lose.
struct CompensatedSum: Equatable {
    /// The naive running sum.
    private var sum = 0.0
    /// The low-order bits the naive sum lost.
    private var compensation = 0.0

    /// Adds a value.
    mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// The compensated total.
    var value: Double { sum + compensation }
}
