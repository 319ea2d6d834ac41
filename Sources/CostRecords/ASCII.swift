/// ASCII case folding for bytes.
enum ASCII {
    /// `byte` with `A`–`Z` mapped to `a`–`z`; every other byte unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Whether `text` holds an ASCII upper-case letter.
    ///
    /// Eight bytes at a time (texts of 4–7 bytes as two overlapping 4-byte loads, longer ones
    /// with the last word overlapping), never reading past the text's end.
    ///
    /// - Parameter text: Any bytes; those of 0x80 and above are never letters.
    /// - Returns: Whether some byte is in `A`–`Z`.
    @inline(__always)
    static func hasUpperCase(_ text: UnsafeRawBufferPointer) -> Bool {
        guard let base = text.baseAddress, text.count >= 4 else {
            return text.contains { $0 &- UInt8(ascii: "A") < 26 }
        }
        if text.count < 8 {
            let first = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: text.count - 4, as: UInt32.self)))
            return upperCaseBytes(in: first | last << 32) != 0
        }
        var offset = 0
        while offset < text.count - 8 {
            if upperCaseBytes(in: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                != 0
            {
                return true
            }
            offset += 8
        }
        let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self))
        return upperCaseBytes(in: last) != 0
    }

    /// 0x80 in each byte of `word` that is in `A`–`Z`, 0 elsewhere.
    @inline(__always)
    private static func upperCaseBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // On 7-bit bytes the sums cannot carry into the next byte: a byte's high bit says
        // whether it is at least `A` (0x41), resp. past `Z` (0x5B).
        let low = word & (ones &* 0x7F)
        let atLeastA = low &+ ones &* (0x80 - 0x41)
        let pastZ = low &+ ones &* (0x80 - 0x5B)
        return atLeastA & ~pastZ & ~word & (ones &* 0x80)
    }
}
