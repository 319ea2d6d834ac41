import Testing

@testable import CostRecords

/// The minimal record every valid line below decodes to.
private let plain = Outcome.record(Decoded(provider: "unknown", model: "m"))

/// Strict RFC 8259 over the whole line: every byte is validated, including skipped values.
@Suite struct JSONScannerTests {
    static let syntaxCases: [LineCase] = [
        LineCase("minimal object", #"{"model":"m"}"#, plain),
        LineCase("whitespace everywhere", " \t{ \"model\" : \"m\" , \"x\" : [ 1 , { } ] } \t", plain),
        LineCase(
            "skipped values of every kind",
            #"{"model":"m","a":null,"b":true,"c":false,"d":-0.5e+3,"e":"s","f":[],"g":{},"h":[[{"i":[null]}]]}"#,
            plain),
        LineCase(
            "unknown escapes in skipped string", #"{"model":"m","x":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}"#, plain),
        LineCase("empty line", "", .failure(.invalidJSON)),
        LineCase("only whitespace", "   ", .failure(.invalidJSON)),
        LineCase("truncated after key", #"{"model""#, .failure(.invalidJSON)),
        LineCase("truncated in string", #"{"model":"gpt"#, .failure(.invalidJSON)),
        LineCase("truncated after value", #"{"model":"m""#, .failure(.invalidJSON)),
        LineCase("truncated after comma", #"{"model":"m","#, .failure(.invalidJSON)),
        LineCase("truncated in skipped array", #"{"model":"m","x":[1,2"#, .failure(.invalidJSON)),
        LineCase("truncated literal", #"{"model":"m","x":tru"#, .failure(.invalidJSON)),
        LineCase("truncated escape", #"{"model":"m","x":"\"#, .failure(.invalidJSON)),
        LineCase("truncated unicode escape", #"{"model":"m","x":"\u12"}"#, .failure(.invalidJSON)),
        LineCase("trailing garbage", #"{"model":"m"}x"#, .failure(.invalidJSON)),
        LineCase("second object", #"{"model":"m"}{"model":"m"}"#, .failure(.invalidJSON)),
        LineCase("trailing comma in object", #"{"model":"m",}"#, .failure(.invalidJSON)),
        LineCase("trailing comma in array", #"{"model":"m","x":[1,]}"#, .failure(.invalidJSON)),
        LineCase("missing colon", #"{"model" "m"}"#, .failure(.invalidJSON)),
        LineCase("missing comma", #"{"model":"m" "x":1}"#, .failure(.invalidJSON)),
        LineCase("single quotes", #"{'model':'m'}"#, .failure(.invalidJSON)),
        LineCase("unquoted key", #"{model:"m"}"#, .failure(.invalidJSON)),
        LineCase("NaN", #"{"model":"m","cost":NaN}"#, .failure(.invalidJSON)),
        LineCase("Infinity", #"{"model":"m","cost":Infinity}"#, .failure(.invalidJSON)),
        LineCase("negative Infinity", #"{"model":"m","x":-Infinity}"#, .failure(.invalidJSON)),
        LineCase("leading plus", #"{"model":"m","x":+1}"#, .failure(.invalidJSON)),
        LineCase("leading zero", #"{"model":"m","x":01}"#, .failure(.invalidJSON)),
        LineCase("bare fraction", #"{"model":"m","x":.5}"#, .failure(.invalidJSON)),
        LineCase("trailing dot", #"{"model":"m","x":1.}"#, .failure(.invalidJSON)),
        LineCase("empty exponent", #"{"model":"m","x":1e}"#, .failure(.invalidJSON)),
        LineCase("hex number", #"{"model":"m","x":0x10}"#, .failure(.invalidJSON)),
        LineCase("capitalised literal", #"{"model":"m","x":True}"#, .failure(.invalidJSON)),
        LineCase("unmapped literals at the line's end", #"{"model":"m","a":true,"b":null,"c":false}"#, plain),
        LineCase("unmapped literal then garbage", #"{"model":"m","x":nullx}"#, .failure(.invalidJSON)),
        LineCase("unmapped literal without its last letter", #"{"model":"m","x":fals}"#, .failure(.invalidJSON)),
        LineCase("unmapped false cut at the line's end", #"{"model":"m","x":fals"#, .failure(.invalidJSON)),
        LineCase("unmapped literal cut at the line's end", #"{"model":"m","x":nul"#, .failure(.invalidJSON)),
        LineCase("unmapped literal with a wrong letter", #"{"model":"m","x":tru3}"#, .failure(.invalidJSON)),
        LineCase("bad escape", #"{"model":"m","x":"\q"}"#, .failure(.invalidJSON)),
        LineCase("bad escape in key", #"{"mo\del":"m"}"#, .failure(.invalidJSON)),
        LineCase("bad hex escape", #"{"model":"m","x":"\u12G4"}"#, .failure(.invalidJSON)),
        LineCase("lone high surrogate escape", #"{"model":"m","x":"\ud83d"}"#, .failure(.invalidJSON)),
        LineCase("lone low surrogate escape", #"{"model":"m","x":"\ude00"}"#, .failure(.invalidJSON)),
        LineCase("high surrogate then letter", #"{"model":"m","x":"\ud83dx"}"#, .failure(.invalidJSON)),
        LineCase("two high surrogates", #"{"model":"m","x":"\ud83d\ud83d"}"#, .failure(.invalidJSON)),
        LineCase("raw tab in string", "{\"model\":\"m\",\"x\":\"a\tb\"}", .failure(.invalidJSON)),
        LineCase("raw NUL in string", "{\"model\":\"m\",\"x\":\"a\u{0}b\"}", .failure(.invalidJSON)),
        LineCase(
            "raw newline in long string", "{\"model\":\"m\",\"x\":\"abcdefghijklmnop\nq\"}", .failure(.invalidJSON)),
        LineCase("DEL is allowed in strings", "{\"model\":\"m\",\"x\":\"a\u{7F}b\"}", plain),
        LineCase("comment", #"{"model":"m"} // note"#, .failure(.invalidJSON)),
        LineCase("array at top", #"[{"model":"m"}]"#, .failure(.notAnObject)),
        LineCase("string at top", #""model""#, .failure(.notAnObject)),
        LineCase("number at top", "42", .failure(.notAnObject)),
        LineCase("null at top", "null", .failure(.notAnObject)),
        LineCase("invalid array at top", "[1,", .failure(.invalidJSON)),
        LineCase("bare word", "model", .failure(.invalidJSON)),
        LineCase("closing brace only", "}", .failure(.invalidJSON)),
    ]

    @Test(arguments: syntaxCases)
    func syntax(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let utf8Cases: [LineCase] = [
        LineCase("two-byte character", bytes: line(value: [0xC3, 0xA9]), plain),
        LineCase("three-byte character", bytes: line(value: [0xE2, 0x82, 0xAC]), plain),
        LineCase("four-byte character", bytes: line(value: [0xF0, 0x9F, 0x98, 0x80]), plain),
        LineCase("largest code point", bytes: line(value: [0xF4, 0x8F, 0xBF, 0xBF]), plain),
        LineCase("long non-ASCII run", bytes: line(value: Array(String(repeating: "日本語", count: 40).utf8)), plain),
        LineCase("lone continuation byte", bytes: line(value: [0x80]), .failure(.invalidUTF8)),
        LineCase("0xFF", bytes: line(value: [0xFF]), .failure(.invalidUTF8)),
        LineCase("0xFE", bytes: line(value: [0xFE]), .failure(.invalidUTF8)),
        LineCase("overlong slash (C0 AF)", bytes: line(value: [0xC0, 0xAF]), .failure(.invalidUTF8)),
        LineCase("overlong C1", bytes: line(value: [0xC1, 0xBF]), .failure(.invalidUTF8)),
        LineCase("overlong three-byte (E0 80 AF)", bytes: line(value: [0xE0, 0x80, 0xAF]), .failure(.invalidUTF8)),
        LineCase(
            "overlong four-byte (F0 80 80 AF)", bytes: line(value: [0xF0, 0x80, 0x80, 0xAF]),
            .failure(.invalidUTF8)),
        LineCase("UTF-16 surrogate (ED A0 80)", bytes: line(value: [0xED, 0xA0, 0x80]), .failure(.invalidUTF8)),
        LineCase("above U+10FFFF (F4 90 80 80)", bytes: line(value: [0xF4, 0x90, 0x80, 0x80]), .failure(.invalidUTF8)),
        LineCase("five-byte lead (F8)", bytes: line(value: [0xF8, 0x88, 0x80, 0x80, 0x80]), .failure(.invalidUTF8)),
        LineCase("truncated two-byte before quote", bytes: line(value: [0xC3]), .failure(.invalidUTF8)),
        LineCase("truncated three-byte before quote", bytes: line(value: [0xE2, 0x82]), .failure(.invalidUTF8)),
        LineCase("truncated four-byte before quote", bytes: line(value: [0xF0, 0x9F, 0x98]), .failure(.invalidUTF8)),
        LineCase("bad second continuation", bytes: line(value: [0xE2, 0x28, 0xA1]), .failure(.invalidUTF8)),
        LineCase(
            "invalid byte in a key", bytes: Array(#"{"model":"m",""#.utf8) + [0xFF] + Array(#"":1}"#.utf8),
            .failure(.invalidUTF8)),
        LineCase(
            "invalid byte in the model", bytes: Array(#"{"model":"gpt"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),
            .failure(.invalidUTF8)),
        LineCase(
            "truncated sequence at end of line", bytes: Array(#"{"model":"m","x":""#.utf8) + [0xE2, 0x82],
            .failure(.invalidUTF8)),
        LineCase(
            "invalid byte outside strings is a syntax error", bytes: Array(#"{"model":"m"}"#.utf8) + [0xFF],
            .failure(.invalidJSON)),
        LineCase(
            "valid non-ASCII outside strings is a syntax error",
            bytes: Array(#"{"model":"m","x":"#.utf8) + [0xC3, 0xA9] + [UInt8(ascii: "}")], .failure(.invalidJSON)),
    ]

    /// A valid line with a skipped string value made of `value`'s raw bytes.
    static func line(value: [UInt8]) -> [UInt8] {
        Array(#"{"model":"m","note":"ab"#.utf8) + value + Array(#"cd"}"#.utf8)
    }

    @Test(arguments: utf8Cases)
    func utf8(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static func nested(_ depth: Int, open: String, close: String) -> String {
        // The line's own object is depth 1; `depth - 1` more containers under key "x".
        #"{"model":"m","x":"# + String(repeating: open, count: depth - 1) + "1"
            + String(repeating: close, count: depth - 1) + "}"
    }

    static let depthCases: [LineCase] = [
        LineCase("64 levels of arrays", nested(64, open: "[", close: "]"), plain),
        LineCase("65 levels of arrays", nested(65, open: "[", close: "]"), .failure(.tooDeep)),
        LineCase("64 levels of objects", nested(64, open: #"{"a":"#, close: "}"), plain),
        LineCase("65 levels of objects", nested(65, open: #"{"a":"#, close: "}"), .failure(.tooDeep)),
        LineCase(
            "10000 open brackets", #"{"model":"m","x":"# + String(repeating: "[", count: 10_000),
            .failure(.tooDeep)),
        LineCase("deep and truncated within the limit", #"{"model":"m","x":[[[[1]]"#, .failure(.invalidJSON)),
        LineCase(
            "deep under a mapped path (usage)",
            #"{"model":"m","usage":{"a":"# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
                + "}}",
            .failure(.tooDeep)),
        LineCase(
            "deep array at top", String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
            .failure(.tooDeep)),
    ]

    @Test(arguments: depthCases)
    func depth(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    @Test func depthLimitIsAnInitParameter() {
        let shallow = CostLineDecoder(maxDepth: 2)
        #expect(decode(#"{"model":"m","x":[1]}"#, with: shallow) == plain)
        #expect(decode(#"{"model":"m","x":[[1]]}"#, with: shallow) == .failure(.tooDeep))
        #expect(decode(#"{"model":"m","usage":{"input":[1]}}"#, with: shallow) == .failure(.tooDeep))
        let flat = CostLineDecoder(maxDepth: 1)
        #expect(decode(#"{"model":"m","x":1}"#, with: flat) == plain)
        #expect(decode(#"{"model":"m","x":{}}"#, with: flat) == .failure(.tooDeep))
    }

    /// Every byte value at every position of a word, with arbitrary bytes after it: the lowest
    /// flagged byte is the first quote, backslash, control character or non-ASCII byte.
    @Test func specialByteMaskFindsTheFirstSpecialByte() {
        func isSpecial(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
        }
        for position in 0..<8 {
            for byte in 0...255 {
                for seed in 0..<4 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a") + UInt8(position), count: 8)
                    bytes[position] = UInt8(byte)
                    for later in (position + 1)..<8 {
                        bytes[later] = UInt8((byte &* 31 &+ later &* 7 &+ seed &* 85) & 0xFF)
                    }
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let mask = JSONScanner.specialBytes(in: word)
                    let first = bytes.firstIndex(where: isSpecial) ?? 8
                    #expect((mask == 0 ? 8 : mask.trailingZeroBitCount >> 3) == first, "\(position) \(byte) \(seed)")
                }
            }
        }
    }

    @Test func hugeLine() {
        let filler = String(repeating: "abcdefghij", count: 200_000)
        let line =
            #"{"note":""# + filler + #"","model":"gpt-4o","cost":0.5,"list":["#
            + Array(repeating: "1.5", count: 10_000).joined(separator: ",") + "]}"
        #expect(decode(line) == .record(Decoded(provider: "openai", model: "gpt-4o", costUSD: 0.5)))
        #expect(decode(String(line.dropLast())) == .failure(.invalidJSON))
    }

    @Test func everyTruncationOfAValidLineIsInvalid() {
        let line = #"{"model":"gpt-4o","usage":{"prompt_tokens":5,"x":[true,null,"é\u00e9"]},"cost":1.5e-3}"#
        let bytes = Array(line.utf8)
        #expect(decode(bytes: bytes).record != nil)
        for length in 1..<bytes.count {
            let outcome = decode(bytes: Array(bytes[0..<length]))
            // Cutting inside the two-byte é leaves a truncated UTF-8 sequence; every other cut is a syntax error.
            let isInsideCharacter = bytes[length] & 0xC0 == 0x80
            #expect(outcome == .failure(isInsideCharacter ? .invalidUTF8 : .invalidJSON), "cut at \(length)")
        }
    }
}
