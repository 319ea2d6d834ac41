/// Rules for label values that come from log content, which is untrusted.
enum LabelValue {
    /// The longest label value kept, in bytes; longer values are cut.
    static let maxLength = 128

    /// The value used in place of new values once a cardinality cap is reached.
    static let overflow = "__other__"
    /// `overflow` as bytes, for lookups in byte-keyed tables.
    static let overflowBytes = Array(overflow.utf8)

    /// `bytes` cut to at most `maxLength` bytes, at a UTF-8 character boundary.
    @inline(__always)
    static func truncated(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard bytes.count > maxLength else { return bytes }
        var end = maxLength
        // Back off over continuation bytes (10xxxxxx) so a character is never split.
        while end > 0 && bytes[end] & 0xC0 == 0x80 {
            end -= 1
        }
        return UnsafeRawBufferPointer(rebasing: bytes[..<end])
    }
}
