import Testing

@testable import MetricsHTTP

@Suite struct StringProtocolASCIITests {
    @Test(arguments: [
        (" a ", "a"), ("\t caf\u{E9}\t", "caf\u{E9}"), ("\u{E9} ", "\u{E9}"), ("   ", ""), ("", ""), ("a b", "a b"),
        ("\u{A0}x\u{A0}", "\u{A0}x\u{A0}"), (" \u{301}x", "\u{301}x"),
    ])
    func trimmingRemovesOnlySpacesAndTabs(text: String, expected: String) {
        #expect(String(text.trimmingASCIIWhitespace()) == expected)
    }

    @Test(arguments: [
        ("Content-Length", "content-length", true), ("ABC", "abc", true), ("abc", "abd", false), ("abc", "abcd", false),
        ("\u{C9}", "\u{E9}", false), ("", "", true),
    ])
    func caseInsensitiveEqualityFoldsASCIIOnly(lhs: String, rhs: String, expected: Bool) {
        #expect(lhs.isEqualIgnoringASCIICase(to: rhs) == expected)
    }
}
