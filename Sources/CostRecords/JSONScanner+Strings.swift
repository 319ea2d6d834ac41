extension JSONScanner {
    /// Validates a string's contents after its opening quote, up to and including the closing
    /// one, advancing `cursor` past it.
    ///
    /// Eight bytes are checked at a time for the only bytes that need attention (`"`, `\`,
    /// control characters and non-ASCII); runs of plain ASCII cost one load and a few
    /// arithmetic operations per word, and a string that ends at its first special byte never
    /// leaves this inlined loop. Escapes and UTF-8 are checked out of line, only when seen.
    ///
    /// - Returns: Whether the string contains escapes.
    /// - Throws: `.invalidJSON` for a missing closing quote, a control character or a bad
    ///   escape (including an unpaired surrogate); `.invalidUTF8` for bytes that are not UTF-8.
    @inline(__always)
    static func scanString(_ cursor: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure) -> Bool
    {
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
            let special = specialBytes(in: word)
            if special != 0 {
                cursor += special.trailingZeroBitCount >> 3
                if cursor.pointee == UInt8(ascii: "\"") {
                    cursor += 1
                    return false
                }
                break
            }
            cursor += 8
        }
        let rest = try scanStringRest(cursor, end)
        cursor = rest.end
        return rest.isEscaped
    }

    /// The general loop of `scanString`, from a special byte or the line's last 8 bytes on.
    ///
    /// By value rather than `inout`, so that callers' cursors stay in registers.
    ///
    /// - Returns: One past the closing quote, and whether the string contains escapes.
    @inline(never)
    private static func scanStringRest(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure) -> (end: UnsafePointer<UInt8>, isEscaped: Bool)
    {
        var cursor = start
        var isEscaped = false
        while true {
            while end - cursor >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
                let special = specialBytes(in: word)
                if special == 0 {
                    cursor += 8
                    continue
                }
                cursor += special.trailingZeroBitCount >> 3
                break
            }
            guard cursor < end else {
                throw .invalidJSON
            }
            let byte = cursor.pointee
            if byte == UInt8(ascii: "\"") {
                return (cursor + 1, isEscaped)
            }
            if byte == UInt8(ascii: "\\") {
                isEscaped = true
                try scanEscape(&cursor, end)
            } else if byte < 0x20 {
                throw .invalidJSON
            } else if byte >= 0x80 {
                try scanMultibyteCharacter(&cursor, end)
            } else {
                cursor += 1
            }
        }
    }

    /// A mask whose lowest set bit marks the first byte of `word` that is `"`, `\`, below
    /// 0x20 or above 0x7F; 0 when there is none.
    ///
    /// XOR with 0x02 maps `"` to 0x20 and control characters below it, and nothing else below
    /// 0x21, so one subtraction of 0x21 finds both; XOR with `\` maps it to 0, found by
    /// subtracting 1. For a byte below 0x80 either difference has its high bit set exactly when
    /// it is one of those; bytes from 0x80 up have it already. Only a flagged byte can borrow
    /// from the next, so bits above the lowest may be false, but the lowest set bit is exact.
    @inline(__always)
    static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotesAndControls = (word ^ ones &* 0x02) &- ones &* 0x21
        let backslashes = (word ^ ones &* 0x5C) &- ones
        return (quotesAndControls | backslashes | word) & (ones &* 0x80)
    }

    /// Validates one escape sequence at `position` (a `\`) and moves past it.
    private static func scanEscape(_ position: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure)
    {
        guard end - position >= 2 else {
            throw .invalidJSON
        }
        switch position[1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(position, end, at: 2)
            position += 6
            if unit >= 0xDC00, unit <= 0xDFFF {
                throw .invalidJSON
            }
            if unit >= 0xD800, unit <= 0xDBFF {
                guard end - position >= 6, position[0] == UInt8(ascii: "\\"), position[1] == UInt8(ascii: "u")
                else {
                    throw .invalidJSON
                }
                let low = try hexUnit(position, end, at: 2)
                guard low >= 0xDC00, low <= 0xDFFF else {
                    throw .invalidJSON
                }
                position += 6
            }
        default:
            throw .invalidJSON
        }
    }

    /// The four hex digits at `offset` from `position`, as a UTF-16 code unit.
    private static func hexUnit(_ position: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, at offset: Int)
        throws(ScanFailure) -> UInt32
    {
        guard end - position >= offset + 4 else {
            throw .invalidJSON
        }
        var unit: UInt32 = 0
        for index in offset..<(offset + 4) {
            guard let digit = JSONStringUnescaper.hexValue(position[index]) else {
                throw .invalidJSON
            }
            unit = unit << 4 | digit
        }
        return unit
    }

    /// Validates one multi-byte UTF-8 character at `position` and moves past it.
    ///
    /// Overlong forms, UTF-16 surrogates, code points above U+10FFFF, stray continuation
    /// bytes and truncated sequences are rejected.
    private static func scanMultibyteCharacter(_ position: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure)
    {
        let available = end - position
        let lead = position[0]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondLow = 0xA0
        case 0xED:
            length = 3
            secondHigh = 0x9F
        case 0xE1...0xEF:
            length = 3
        case 0xF0:
            length = 4
            secondLow = 0x90
        case 0xF4:
            length = 4
            secondHigh = 0x8F
        case 0xF1...0xF3:
            length = 4
        default:
            throw .invalidUTF8
        }
        guard available >= length, position[1] >= secondLow, position[1] <= secondHigh else {
            throw .invalidUTF8
        }
        for index in 2..<length where position[index] & 0xC0 != 0x80 {
            throw .invalidUTF8
        }
        position += length
    }
}
