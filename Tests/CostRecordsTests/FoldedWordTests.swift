import Testing

@testable import CostRecords

/// Case-insensitive comparison with words of lower-case letters.
@Suite struct FoldedWordTests {
    @Test(arguments: [
        ("success", "success", true), ("SUCCESS", "success", true), ("SuCcEsS", "success", true),
        ("succeeded", "succeeded", true), ("CANCELLED", "cancelled", true), ("ok", "ok", true),
        ("succes", "success", false), ("successs", "success", false), ("succe$s", "success", false),
        ("succe\u{13}s", "success", false), ("o@", "ok", false), ("", "ok", false),
        // Every length, read as bytes (1–3), overlapping 4-byte loads (4–7) or 8-byte loads
        // (8–16), with a change in the last byte that must not compare equal.
        ("A", "a", true), ("Abc", "abc", true), ("abd", "abc", false), ("ABCD", "abcd", true),
        ("abce", "abcd", false), ("aBcDe", "abcde", true), ("abcdf", "abcde", false),
        ("ABCDEFG", "abcdefg", true), ("abcdefh", "abcdefg", false), ("ABCDEFGH", "abcdefgh", true),
        ("abcdefgi", "abcdefgh", false), ("abcdefghI", "abcdefghi", true), ("abcdefghj", "abcdefghi", false),
        ("ABCDEFGHIJKLMNOP", "abcdefghijklmnop", true), ("abcdefghijklmnoq", "abcdefghijklmnop", false),
        ("abcdefghijklmno", "abcdefghijklmnop", false), ("Xbcdefghijklmnop", "abcdefghijklmnop", false),
    ])
    func comparison(_ text: String, _ letters: StaticString, _ isEqual: Bool) {
        let folded = Array(text.utf8).withUnsafeBytes { FoldedWord($0) }
        #expect((folded == FoldedWord(letters: letters)) == isEqual)
    }

    @Test func textsOverSixteenBytesAreNotFolded() {
        #expect(Array("abcdefghijklmnopq".utf8).withUnsafeBytes { FoldedWord($0) } == nil)
        #expect(Array("abcdefghijklmnop".utf8).withUnsafeBytes { FoldedWord($0) } != nil)
    }
}
