/// A text of up to 16 bytes with bit 0x20 set in every byte, packed into two words, for
/// comparing a text with a word made only of lower-case ASCII letters, ignoring case.
///
/// For such a word the comparison is exact: a byte ORed with 0x20 equals a lower-case letter
/// only when it is that letter in either case. Two folded texts that are not letters may
/// compare equal, so the fold is never compared with anything but a letter word.
struct FoldedWord: Equatable {
    /// Bytes 0 ..< 8, folded, little-endian, zero-padded.
    var head: UInt64 = 0
    /// Bytes 8 ..< 16, folded, zero-padded.
    var tail: UInt64 = 0
    /// The text's length.
    var count: Int

    /// Folds `text`, or nil when it is longer than 16 bytes.
    @inline(__always)
    init?(_ text: UnsafeRawBufferPointer) {
        guard text.count <= 16 else {
            return nil
        }
        count = text.count
        for index in 0..<count {
            let folded = UInt64(text[index] | 0x20) << (UInt64(index & 7) &* 8)
            if index < 8 {
                head |= folded
            } else {
                tail |= folded
            }
        }
    }

    /// Folds a word of lower-case letters, at most 16 of them.
    init(letters: StaticString) {
        self =
            FoldedWord(UnsafeRawBufferPointer(start: letters.utf8Start, count: letters.utf8CodeUnitCount))
            ?? FoldedWord(count: -1)
    }

    /// An empty fold of the given count, equal to no text's.
    private init(count: Int) {
        self.count = count
    }
}
