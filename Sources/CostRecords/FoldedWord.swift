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
    ///
    /// Texts of 4 bytes or more are read as two overlapping loads per word, never past the
    /// text's end (it may be scratch memory): the overlapping bytes are the same, so ORing
    /// the loads gives the packed bytes.
    @inline(__always)
    init?(_ text: UnsafeRawBufferPointer) {
        guard text.count <= 16 else {
            return nil
        }
        count = text.count
        guard let base = text.baseAddress, count >= 4 else {
            for index in 0..<count {
                head |= UInt64(text[index] | 0x20) << (UInt64(index) &* 8)
            }
            return
        }
        if count >= 8 {
            head = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) | FoldedWord.foldBits(8)
            if count > 8 {
                // The last 8 bytes, shifted so that byte 8 comes first and zeros fill the rest.
                let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
                tail = last >> (UInt64(16 - count) &* 8) | FoldedWord.foldBits(count - 8)
            }
        } else {
            let first = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            head = first | last << (UInt64(count - 4) &* 8) | FoldedWord.foldBits(count)
        }
    }

    /// 0x20 in each of the low `count` bytes of a word, for `count` in 1 ... 8.
    @inline(__always)
    private static func foldBits(_ count: Int) -> UInt64 {
        0x2020_2020_2020_2020 >> (UInt64(8 - count) &* 8)
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
