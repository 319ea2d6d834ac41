import Testing

@testable import CostRecords

/// Case-insensitive comparison with words of lower-case letters.
@Suite struct FoldedWordTests {
    @Test(arguments: [
        ("success", "success", true), ("SUCCESS", "success", true), ("SuCcEsS", "success", true),
        ("succeeded", "succeeded", true), ("CANCELLED", "cancelled", true), ("ok", "ok", true),
        ("succes", "success", false), ("successs", "success", false), ("succe$s", "success", false),
        ("succe\u{13}s", "success", false), ("o@", "ok", false), ("", "ok", false),
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
