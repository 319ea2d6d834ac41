/// Formatting of sample values: the shortest text that parses back to the same `Double`.
public enum SampleValue {
    /// Integral values below this magnitude (2^53, where every integer is exact) print as
    /// plain integers (`42`, not `42.0`).
    private static let integerLimit = 9_007_199_254_740_992.0

    /// Appends `value` as Prometheus expects it: `+Inf`, `-Inf`, `NaN`, an integer when the
    /// value is integral, else Swift's shortest round-trip form (`0.1`, `7.5e-06`).
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        if value.isNaN {
            bytes.append(contentsOf: "NaN".utf8)
        } else if value.isInfinite {
            bytes.append(contentsOf: (value > 0 ? "+Inf" : "-Inf").utf8)
        } else if value == value.rounded(.towardZero) && abs(value) < integerLimit {
            append(Int64(value), to: &bytes)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends an unsigned integer count.
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        let start = bytes.count
        var remaining = value
        repeat {
            bytes.append(UInt8(ascii: "0") &+ UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        bytes[start...].reverse()
    }

    /// Appends a signed integer.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(value.magnitude, to: &bytes)
    }

    /// The text of `value`, as `append` writes it.
    public static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
