import Testing

@testable import CostRecords

/// Unescaping validated string contents.
@Suite struct JSONStringUnescaperTests {
    @Test(arguments: [
        (#"plain"#, "plain"), (#"a\"b"#, "a\"b"), (#"a\\b"#, "a\\b"), (#"a\/b"#, "a/b"),
        (#"\b\f\n\r\t"#, "\u{8}\u{C}\n\r\t"), (#"caf\u00e9"#, "café"), (#"\u00E9"#, "é"), (#"\u20ac"#, "€"),
        (#"\ud83d\ude00"#, "😀"), (#"\u0000"#, "\u{0}"), (#"\u007f"#, "\u{7F}"), (#"\u0800"#, "\u{800}"),
        (#"\uffff"#, "\u{FFFF}"), (#"\udbff\udfff"#, "\u{10FFFF}"), ("déjà", "déjà"),
        (#"x\u0041y\u0042"#, "xAyB"),
    ])
    func unescape(_ raw: String, _ expected: String) {
        let source = Array(raw.utf8)
        var destination = [UInt8](repeating: 0, count: source.count)
        let written = source.withUnsafeBytes { src in
            destination.withUnsafeMutableBytes { JSONStringUnescaper.unescape(src, into: $0) }
        }
        #expect(String(decoding: destination[0..<written], as: UTF8.self) == expected)
    }

    @Test func neverWritesPastTheDestination() {
        let source = Array(#"abc\u00e9def"#.utf8)
        var destination = [UInt8](repeating: 0, count: 4)
        let written = source.withUnsafeBytes { src in
            destination.withUnsafeMutableBytes { JSONStringUnescaper.unescape(src, into: $0) }
        }
        #expect(written == 4)
        #expect(destination == Array("abc".utf8) + [0xC3])
    }
}
