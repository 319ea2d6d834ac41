import Testing

@testable import CostRecords

/// ASCII case tests on bytes and texts.
@Suite struct ASCIITests {
    /// Texts of every length the word reader splits differently (bytes, overlapping 4-byte
    /// loads, 8-byte words with an overlapping last one), with one upper-case letter at each
    /// position, and the bytes on either side of `A`–`Z` and above 0x7F that are not letters.
    @Test(arguments: Array(0...17))
    func upperCaseIsFoundAtEveryPosition(_ length: Int) {
        let lower = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(lower.withUnsafeBytes { ASCII.hasUpperCase($0) } == false)
        for position in 0..<length {
            for (byte, isUpper) in [
                (UInt8(ascii: "A"), true), (UInt8(ascii: "Z"), true), (UInt8(ascii: "@"), false),
                (UInt8(ascii: "["), false), (0xC1, false), (0xDA, false), (0xFF, false), (0x80, false),
            ] {
                var text = lower
                text[position] = byte
                #expect(text.withUnsafeBytes { ASCII.hasUpperCase($0) } == isUpper, "\(length) \(position) \(byte)")
            }
        }
    }

    @Test(arguments: [
        ("openai", false), ("OpenAI", true), ("anthropic", false), ("Anthropic", true), ("x", false), ("X", true),
        ("", false), ("\u{FF}\u{FF}", false), ("ÀÉ", false),
    ])
    func namedTexts(_ text: String, _ hasUpperCase: Bool) {
        #expect(Array(text.utf8).withUnsafeBytes { ASCII.hasUpperCase($0) } == hasUpperCase)
    }
}
