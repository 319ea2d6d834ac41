/// The RFC 8259 number grammar, as a matcher over raw bytes that can take the number apart
/// as it matches.
enum JSONNumberGrammar {
    /// Where the number token starting at `start` ends.
    ///
    /// The grammar is `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; the match is
    /// the longest prefix, and the caller checks what follows it.
    ///
    /// - Parameters:
    ///   - start: The first byte of the candidate token.
    ///   - limit: One past the last readable byte.
    /// - Returns: One past the token's last byte, or nil when no number starts at `start`.
    @inline(__always)
    static func end(of start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var parts = NumberParts()
        return match(start, limit, accumulating: false, into: &parts)
    }

    /// Where the number token starting at `start` ends, and its parts.
    ///
    /// - Parameters:
    ///   - start: The first byte of the candidate token.
    ///   - limit: One past the last readable byte.
    ///   - parts: Set to the token's parts (every field) when it matches.
    /// - Returns: One past the token's last byte, or nil when no number starts at `start`.
    @inline(__always)
    static func end(of start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>, parts: inout NumberParts)
        -> UnsafePointer<UInt8>?
    {
        match(start, limit, accumulating: true, into: &parts)
    }

    /// The end and parts of a short unsigned integer at `start` (1 to 7 digits, then a byte
    /// that ends the number), read as one word; nil for any other token, which
    /// `end(of:limit:parts:)` handles.
    ///
    /// Most mapped numbers are counts and status codes of a few digits; this reads them with
    /// no loop and no call.
    @inline(__always)
    static func shortInteger(at start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>)
        -> (end: UnsafePointer<UInt8>, parts: NumberParts)?
    {
        guard limit - start >= 8 else {
            return nil
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        let count = nonDigitBytes(in: word).trailingZeroBitCount >> 3
        guard count > 0, count < 8, start[0] != UInt8(ascii: "0") || count == 1 else {
            return nil
        }
        let next = start[count]
        guard next != UInt8(ascii: "."), next | 0x20 != UInt8(ascii: "e") else {
            return nil
        }
        let value = eightDigitsValue(word << (UInt64(8 - count) &* 8))
        return (start + count, NumberParts(isNegative: false, significand: value, scale: 0, isExact: true))
    }

    /// The one matcher behind both `end(of:limit:)` forms; with `accumulating` false, the
    /// inlined copy keeps none of the arithmetic.
    @inline(__always)
    private static func match(
        _ start: UnsafePointer<UInt8>, _ limit: UnsafePointer<UInt8>, accumulating: Bool, into parts: inout NumberParts
    ) -> UnsafePointer<UInt8>? {
        var position = start
        var digits: UInt64 = 0
        // Digits from the first non-zero one on: up to 19 of them cannot overflow `digits`, so
        // the arithmetic needs no overflow checks, only this count at the end.
        var significantDigits = 0
        let isNegative = position < limit && position.pointee == UInt8(ascii: "-")
        if isNegative {
            position += 1
        }
        guard position < limit else {
            return nil
        }
        if position.pointee == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(position.pointee) {
            let run = position
            position = digitRun(position, limit, accumulating: accumulating, inWords: false, into: &digits)
            significantDigits = position - run
        } else {
            return nil
        }
        var scale = 0
        if position < limit, position.pointee == UInt8(ascii: ".") {
            position += 1
            guard position < limit, isDigit(position.pointee) else {
                return nil
            }
            let fractionStart = position
            if accumulating, significantDigits == 0 {
                // `0.000…`: the leading zeros only scale.
                while position < limit, position.pointee == UInt8(ascii: "0") {
                    position += 1
                }
            }
            let run = position
            position = digitRun(position, limit, accumulating: accumulating, inWords: true, into: &digits)
            significantDigits += position - run
            scale = fractionStart - position
        }
        if position < limit, position.pointee | 0x20 == UInt8(ascii: "e") {
            position += 1
            let isNegativeExponent = position < limit && position.pointee == UInt8(ascii: "-")
            if position < limit, position.pointee == UInt8(ascii: "+") || position.pointee == UInt8(ascii: "-") {
                position += 1
            }
            guard position < limit, isDigit(position.pointee) else {
                return nil
            }
            var exponent = 0
            while position < limit, isDigit(position.pointee) {
                if accumulating {
                    // Saturate: anything this large is zero or infinite either way.
                    exponent = min(exponent * 10 + Int(position.pointee &- UInt8(ascii: "0")), 100_000)
                }
                position += 1
            }
            scale += isNegativeExponent ? -exponent : exponent
        }
        if accumulating {
            parts.isNegative = isNegative
            parts.significand = digits
            parts.scale = scale
            parts.isExact = significantDigits <= 19
        }
        return position
    }

    /// Whether `bytes` is exactly one number token, with nothing before or after it.
    static func matchesWhole(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return false
        }
        return end(of: start, limit: start + bytes.count) == start + bytes.count
    }

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// A mask whose lowest set bit is the high bit of the first byte of `word` that is not an
    /// ASCII digit; 0 when all eight are digits.
    ///
    /// XOR with `0` maps digits to 0 ... 9; adding 0x76 sets a byte's high bit exactly when it
    /// was 10 or more, and bytes from 0x80 up have it already. Only such a byte can carry into
    /// the next, so bits above the lowest may be false, but the lowest set bit is exact.
    @inline(__always)
    static func nonDigitBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let offsets = word ^ (ones &* 0x30)
        return ((offsets &+ ones &* 0x76) | offsets) & (ones &* 0x80)
    }

    /// The first position at or after `position` that is not a digit; with `accumulating`,
    /// the run's digits are appended to `value` (`value × 10ⁿ + run`, wrapping on overflow).
    ///
    /// Matching alone goes 8 bytes at a time. Accumulating goes 8 digits at a time `inWords`
    /// (fractions: costs and latencies are often logged with 5–8 or 15–20 digits), otherwise
    /// one at a time, which is cheaper for the 1–4 digits of most integer parts.
    @inline(__always)
    private static func digitRun(
        _ position: UnsafePointer<UInt8>, _ limit: UnsafePointer<UInt8>, accumulating: Bool, inWords: Bool,
        into value: inout UInt64
    ) -> UnsafePointer<UInt8> {
        var position = position
        if !accumulating || inWords {
            while limit - position >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt64.self))
                let nonDigits = nonDigitBytes(in: word)
                let count = nonDigits == 0 ? 8 : nonDigits.trailingZeroBitCount >> 3
                if accumulating, count > 0 {
                    // The run's bytes moved to the top, so that the zero bytes below are leading zeros.
                    let run = eightDigitsValue(word << (UInt64(8 - count) &* 8))
                    value = value &* powerOfTen(count) &+ run
                }
                position += count
                if count < 8 {
                    return position
                }
            }
        }
        while position < limit, isDigit(position.pointee) {
            if accumulating {
                value = value &* 10 &+ UInt64(position.pointee &- UInt8(ascii: "0"))
            }
            position += 1
        }
        return position
    }

    /// 10^`exponent` for 1 ... 8.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// The value of eight decimal digits (ASCII digits or zero bytes, the first byte most
    /// significant), by three multiplications that each combine neighbouring groups.
    @inline(__always)
    static func eightDigitsValue(_ word: UInt64) -> UInt64 {
        // Swift's `>>` binds tighter than `&*`: the products need their parentheses.
        var value = ((word & 0x0F0F_0F0F_0F0F_0F0F) &* 2_561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32 & 0xFFFF_FFFF
    }
}
