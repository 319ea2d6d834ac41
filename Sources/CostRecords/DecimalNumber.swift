import Glibc

/// A JSON number token taken apart as `±significand × 10^exponent`, and its exact values.
///
/// Trailing zeros are folded into the exponent, so the significand's last digit is never 0
/// and an integral value has a non-negative exponent. Conversions are exact: a `Double` is
/// the correctly rounded value `strtod` gives (Clinger's fast path for short decimals, the
/// Eisel–Lemire algorithm for up to 19 digits, `strtod` itself beyond); a count is exact
/// or rejected.
struct DecimalNumber {
    /// Whether the token starts with `-`.
    var isNegative: Bool
    /// The significant digits, without leading or trailing zeros (0 for zero).
    var significand: UInt64
    /// The power of ten the significand is scaled by.
    var exponent: Int
    /// Whether every significant digit fit in `significand` (at most 19 digits).
    var isExact: Bool
    /// The token's bytes, for the `strtod` fallback.
    var token: UnsafeRawBufferPointer

    /// Takes apart `token`, when it is exactly one JSON number.
    ///
    /// - Parameter token: The candidate bytes.
    /// - Returns: The parts, or nil when `token` is not exactly a JSON number.
    init?(_ token: UnsafeRawBufferPointer) {
        guard JSONNumberGrammar.matchesWhole(token) else {
            return nil
        }
        self.init(validToken: token)
    }

    /// The number a token the scanner took apart denotes.
    ///
    /// - Parameters:
    ///   - parts: The scanner's parts of `token`.
    ///   - token: Exactly one JSON number token, taken apart again when `parts` is not exact.
    @inline(__always)
    init(_ parts: NumberParts, token: UnsafeRawBufferPointer) {
        guard parts.isExact else {
            self = DecimalNumber(validToken: token)
            return
        }
        self.token = token
        isNegative = parts.isNegative
        isExact = true
        significand = parts.significand
        exponent = 0
        guard significand != 0 else {
            return
        }
        var scale = parts.scale
        while significand % 10 == 0 {
            significand /= 10
            scale += 1
        }
        exponent = scale
    }

    /// The correctly rounded `Double` of a token the scanner took apart.
    ///
    /// Short decimals, most logged costs and latencies, take Clinger's fast path straight
    /// from the parts, and longer exact ones Eisel–Lemire's; the rest go through
    /// `doubleValue`, whose result is the same.
    ///
    /// - Parameters:
    ///   - parts: The scanner's parts of `token`.
    ///   - token: Exactly one JSON number token.
    @inline(__always)
    static func double(_ parts: NumberParts, token: UnsafeRawBufferPointer) -> Double {
        if parts.isExact, parts.significand <= 1 << 53, parts.scale >= -22, parts.scale <= 22 {
            // Clinger, as in `doubleValue`: both operands are exact, one operation rounds.
            let magnitude =
                parts.scale < 0
                ? Double(parts.significand) / powerOfTen(-parts.scale)
                : Double(parts.significand) * powerOfTen(parts.scale)
            return parts.isNegative ? -magnitude : magnitude
        }
        // Eisel–Lemire is exact for any significand below 2⁶⁴, trailing zeros or not, so the
        // longer decimals (17-digit costs and latencies) need not be taken apart again.
        if parts.isExact, parts.significand != 0,
            let magnitude = EiselLemire.double(significand: parts.significand, exponent: parts.scale)
        {
            return parts.isNegative ? -magnitude : magnitude
        }
        return DecimalNumber(parts, token: token).doubleValue
    }

    /// The count a token the scanner took apart denotes; see `count(validToken:)`.
    ///
    /// - Parameters:
    ///   - parts: The scanner's parts of `token`.
    ///   - token: Exactly one JSON number token.
    /// - Returns: The count, or nil when the number is not one.
    @inline(__always)
    static func count(_ parts: NumberParts, token: UnsafeRawBufferPointer) -> UInt64? {
        if parts.isExact, parts.scale == 0, !parts.isNegative || parts.significand == 0 {
            // Plain digits (or `-0`): the digits are the count.
            return parts.significand
        }
        return parts.isExact ? DecimalNumber(parts, token: token).countValue : count(validToken: token)
    }

    /// Takes apart a token the scanner has already matched against the number grammar.
    ///
    /// - Parameter token: Exactly one JSON number token.
    @inline(__always)
    init(validToken token: UnsafeRawBufferPointer) {
        self.token = token
        significand = 0
        exponent = 0
        isExact = true
        guard var position = token.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            isNegative = false
            return
        }
        let end = position + token.count
        isNegative = position.pointee == UInt8(ascii: "-")
        if isNegative {
            position += 1
        }
        // Digits accumulate while fewer than 19 significant ones are held (leading zeros do not
        // count); a dropped integer digit scales by ten, a kept fraction digit by a tenth.
        var significantDigits = 0
        var scale = 0
        while position < end {
            let digit = position.pointee &- UInt8(ascii: "0")
            guard digit < 10 else {
                break
            }
            if significantDigits < 19 {
                significand = significand &* 10 &+ UInt64(digit)
                significantDigits += significand == 0 ? 0 : 1
            } else {
                isExact = isExact && digit == 0
                scale += 1
            }
            position += 1
        }
        if position < end, position.pointee == UInt8(ascii: ".") {
            position += 1
            while position < end {
                let digit = position.pointee &- UInt8(ascii: "0")
                guard digit < 10 else {
                    break
                }
                if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    significantDigits += significand == 0 ? 0 : 1
                    scale -= 1
                } else {
                    isExact = isExact && digit == 0
                }
                position += 1
            }
        }
        if position < end {
            // An exponent: `e` or `E`, an optional sign, digits (the grammar guarantees them).
            position += 1
            let isNegativeExponent = position < end && position.pointee == UInt8(ascii: "-")
            if position < end, position.pointee == UInt8(ascii: "-") || position.pointee == UInt8(ascii: "+") {
                position += 1
            }
            var explicitExponent = 0
            while position < end {
                // Saturate: anything this large is zero or infinite either way.
                explicitExponent = min(explicitExponent * 10 + Int(position.pointee &- UInt8(ascii: "0")), 100_000)
                position += 1
            }
            scale += isNegativeExponent ? -explicitExponent : explicitExponent
        }
        guard significand != 0 else {
            return
        }
        while significand % 10 == 0 {
            significand /= 10
            scale += 1
        }
        exponent = scale
    }

    /// The correctly rounded `Double` (possibly infinite for huge exponents).
    var doubleValue: Double {
        var magnitude: Double
        if significand == 0 {
            magnitude = 0
        } else if isExact, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
            // Clinger: both operands are exact doubles, so one IEEE operation rounds correctly.
            magnitude =
                exponent < 0
                ? Double(significand) / DecimalNumber.powerOfTen(-exponent)
                : Double(significand) * DecimalNumber.powerOfTen(exponent)
        } else if isExact, let fast = EiselLemire.double(significand: significand, exponent: exponent) {
            magnitude = fast
        } else {
            return DecimalNumber.strtodValue(of: token)
        }
        return isNegative ? -magnitude : magnitude
    }

    /// The count a number token denotes: an integral, non-negative number that fits in 64 bits.
    ///
    /// `100.0` and `1e3` are counts; `-0` is 0; `1.5`, `-1` and `1e20` are not. Plain digit
    /// runs, nearly every count logged, are read without taking the number apart.
    ///
    /// - Parameter token: Exactly one JSON number token.
    /// - Returns: The count, or nil when the number is not one.
    static func count(validToken token: UnsafeRawBufferPointer) -> UInt64? {
        var value: UInt64 = 0
        if token.count <= 19 {
            // Nineteen digits always fit in 64 bits: no overflow checks in the common case.
            for byte in token {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else {
                    return DecimalNumber(validToken: token).countValue
                }
                value = value &* 10 &+ UInt64(digit)
            }
            return value
        }
        for byte in token {
            let digit = byte &- UInt8(ascii: "0")
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = product.addingReportingOverflow(UInt64(digit))
            guard digit < 10, !overflow, !carry else {
                // A sign, fraction or exponent, or too many digits (`1000…0e-5` may still fit).
                return DecimalNumber(validToken: token).countValue
            }
            value = sum
        }
        return value
    }

    /// The value as a count: an integral, non-negative number that fits in 64 bits.
    ///
    /// `100.0` and `1e3` are counts; `-0` is 0; `1.5`, `-1` and `1e20` are not.
    var countValue: UInt64? {
        if significand == 0 {
            return 0
        }
        guard !isNegative, isExact, exponent >= 0 else {
            return nil
        }
        var value = significand
        for _ in 0..<exponent {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else {
                return nil
            }
            value = product
        }
        return value
    }

    /// The exact power of ten 10^`exponent`, for 0 ... 22, the range Clinger's fast path may use.
    ///
    /// A switch rather than a static array, which would cost a lazy-initialisation check and
    /// a bounds check per use; the compiler turns it into a table.
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// `strtod` over a NUL-terminated copy of `token`, for the rare inputs the fast paths leave.
    ///
    /// The process never changes `LC_NUMERIC` from "C"; if something did, `strtod` would stop
    /// at the `.`, and the value would be wrong. That is caught: a partial parse is NaN, which
    /// every caller rejects as a non-finite value.
    private static func strtodValue(of token: UnsafeRawBufferPointer) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: token.count + 1) { buffer in
            guard let base = buffer.baseAddress else {
                return .nan
            }
            for index in 0..<token.count {
                base[index] = CChar(bitPattern: token[index])
            }
            base[token.count] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &stop)
            return stop == base + token.count ? value : .nan
        }
    }
}
