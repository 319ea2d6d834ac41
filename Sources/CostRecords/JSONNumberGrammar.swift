/// The RFC 8259 number grammar, as a matcher over raw bytes.
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
        var position = start
        if position < limit, position.pointee == UInt8(ascii: "-") {
            position += 1
        }
        guard position < limit else {
            return nil
        }
        if position.pointee == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(position.pointee) {
            position = skipDigits(position + 1, limit)
        } else {
            return nil
        }
        if position < limit, position.pointee == UInt8(ascii: ".") {
            position += 1
            guard position < limit, isDigit(position.pointee) else {
                return nil
            }
            position = skipDigits(position + 1, limit)
        }
        if position < limit, position.pointee | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < limit, position.pointee == UInt8(ascii: "+") || position.pointee == UInt8(ascii: "-") {
                position += 1
            }
            guard position < limit, isDigit(position.pointee) else {
                return nil
            }
            position = skipDigits(position + 1, limit)
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
    /// A byte is a digit when its high nibble is 3 and adding 6 does not carry out of its low
    /// nibble. Carries between bytes only arise above a non-digit byte, so the lowest set bit
    /// is exact.
    @inline(__always)
    static func nonDigitBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highNibbles = word & (ones &* 0xF0)
        let carried = (word &+ ones &* 0x06) & (ones &* 0xF0)
        let bad = (highNibbles ^ (ones &* 0x30)) | (carried ^ (ones &* 0x30))
        // Any set bit in a byte marks it; move each byte's mark to its high bit.
        return ((bad &+ ones &* 0x7F) | bad) & (ones &* 0x80)
    }

    /// The first position at or after `position` that is not a digit.
    @inline(__always)
    private static func skipDigits(_ position: UnsafePointer<UInt8>, _ limit: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>
    {
        var position = position
        // Long digit runs (costs and latencies are often logged with 16–20 digits) go 8 at a time.
        while limit - position >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt64.self))
            let nonDigits = nonDigitBytes(in: word)
            if nonDigits != 0 {
                return position + nonDigits.trailingZeroBitCount >> 3
            }
            position += 8
        }
        while position < limit, isDigit(position.pointee) {
            position += 1
        }
        return position
    }
}
