/// Turns a JSON string's raw contents into the UTF-8 text they denote.
///
/// Only used on contents the scanner has already validated, and only for the few strings
/// whose text is needed (a mapped key, the model, the provider, a label): everything else
/// stays as raw bytes in the line.
enum JSONStringUnescaper {
    /// The value of one hex digit, or nil for any other byte.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Writes the unescaped text of `source` into `destination`.
    ///
    /// Unescaping never lengthens text (`\u00e9` is 6 bytes for 2, a surrogate pair 12 for 4),
    /// so a destination as long as the source always suffices; writing stops at the
    /// destination's end rather than overrun it. Malformed escapes, which validated input does
    /// not have, are copied as they are.
    ///
    /// - Parameters:
    ///   - source: A string's raw contents, without the quotes, already validated.
    ///   - destination: Where the text goes.
    /// - Returns: The number of bytes written.
    static func unescape(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) -> Int {
        var read = 0
        var written = 0
        func put(_ byte: UInt8) {
            if written < destination.count {
                destination[written] = byte
                written += 1
            }
        }
        while read < source.count {
            let byte = source[read]
            guard byte == UInt8(ascii: "\\"), read + 1 < source.count else {
                put(byte)
                read += 1
                continue
            }
            let code = source[read + 1]
            read += 2
            switch code {
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0C)
            case UInt8(ascii: "n"): put(0x0A)
            case UInt8(ascii: "r"): put(0x0D)
            case UInt8(ascii: "t"): put(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hexUnit(source, at: read) else {
                    put(UInt8(ascii: "\\"))
                    put(code)
                    continue
                }
                read += 4
                if scalar >= 0xD800, scalar <= 0xDBFF, read + 6 <= source.count,
                    source[read] == UInt8(ascii: "\\"), source[read + 1] == UInt8(ascii: "u"),
                    let low = hexUnit(source, at: read + 2), low >= 0xDC00, low <= 0xDFFF
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    read += 6
                }
                appendUTF8(scalar, put)
            default:
                // `"`, `\` and `/` stand for themselves.
                put(code)
            }
        }
        return written
    }

    /// The code unit of the four hex digits at `offset`, or nil when they are not there.
    private static func hexUnit(_ source: UnsafeRawBufferPointer, at offset: Int) -> UInt32? {
        guard offset + 4 <= source.count else {
            return nil
        }
        var unit: UInt32 = 0
        for index in offset..<(offset + 4) {
            guard let digit = hexValue(source[index]) else {
                return nil
            }
            unit = unit << 4 | digit
        }
        return unit
    }

    /// Emits `scalar` as 1 to 4 UTF-8 bytes.
    private static func appendUTF8(_ scalar: UInt32, _ put: (UInt8) -> Void) {
        switch scalar {
        case 0..<0x80:
            put(UInt8(scalar))
        case 0x80..<0x800:
            put(UInt8(0xC0 | scalar >> 6))
            put(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            put(UInt8(0xE0 | scalar >> 12))
            put(UInt8(0x80 | scalar >> 6 & 0x3F))
            put(UInt8(0x80 | scalar & 0x3F))
        default:
            put(UInt8(0xF0 | scalar >> 18))
            put(UInt8(0x80 | scalar >> 12 & 0x3F))
            put(UInt8(0x80 | scalar >> 6 & 0x3F))
            put(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
