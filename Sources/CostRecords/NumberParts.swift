/// A JSON number token as the scanner took it apart while matching it: `±digits × 10^scale`.
///
/// The parts are only used when `isExact`; otherwise the token is taken apart again by
/// `DecimalNumber(validToken:)`, which handles any length.
struct NumberParts {
    /// Whether the token starts with `-`.
    var isNegative = false
    /// All the token's digits, before and after the point, as one integer (trailing zeros
    /// kept); meaningless unless `isExact`.
    var significand: UInt64 = 0
    /// The power of ten `significand` is scaled by: the exponent minus the fraction's length.
    var scale = 0
    /// Whether `significand` holds every digit exactly (at most 19 after leading zeros).
    var isExact = false
}
