import ExporterTestSupport
import Glibc
import Testing

@testable import CostRecords

/// The scanner's one-pass number parts agree with `DecimalNumber`'s own reading of the token.
@Suite struct NumberPartsTests {
    /// Takes `text` apart with the scanner's matcher: the token's end and its parts.
    private func scan(_ text: String) -> (length: Int, parts: NumberParts)? {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else {
                return nil
            }
            var parts = NumberParts()
            return JSONNumberGrammar.end(of: start, limit: start + buffer.count, parts: &parts).map {
                ($0 - start, parts)
            }
        }
    }

    @Test(arguments: [
        ("0", false, 0 as UInt64, 0, true), ("-0", true, 0, 0, true), ("521", false, 521, 0, true),
        ("0.0031425000000000003", false, 31_425_000_000_000_003, -19, true),
        ("0.00024134999999999998", false, 24_134_999_999_999_998, -20, true),
        ("1.2850595353169052", false, 12_850_595_353_169_052, -16, true), ("-7.5e-06", true, 75, -7, true),
        ("100.0", false, 1_000, -1, true), ("1E+3", false, 1, 3, true),
        ("9999999999999999999", false, 9_999_999_999_999_999_999, 0, true),
    ])
    func parts(_ text: String, _ isNegative: Bool, _ significand: UInt64, _ scale: Int, _ isExact: Bool) {
        let scanned = scan(text)
        #expect(scanned?.length == text.utf8.count)
        #expect(scanned?.parts.isNegative == isNegative)
        #expect(scanned?.parts.significand == significand)
        #expect(scanned?.parts.scale == scale)
        #expect(scanned?.parts.isExact == isExact)
    }

    @Test(arguments: ["10000000000000000000", "12345678901234567890.5", "0.123456789012345678901"])
    func twentySignificantDigitsAreNotExact(_ text: String) {
        #expect(scan(text)?.parts.isExact == false)
    }

    @Test(arguments: ["-", "+1", ".5", "1.", "1e", "1e+", "x"])
    func rejectsWhatNoNumberStartsWith(_ text: String) {
        #expect(scan(text) == nil)
    }

    /// Random tokens of every shape: the parts give the same `Double` (bit for bit), the same
    /// count and the same taken-apart number as reading the token itself.
    @Test func agreeWithTheTokenReader() {
        var generator = SeededGenerator(seed: 0xD1A1)
        for _ in 0..<50_000 {
            let text = randomToken(&generator)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { token in
                guard let start = token.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                    return
                }
                var parts = NumberParts()
                let end = JSONNumberGrammar.end(of: start, limit: start + token.count, parts: &parts)
                #expect(end == start + token.count, "\(text)")
                let reference = DecimalNumber(validToken: token)
                let fromParts = DecimalNumber(parts, token: token)
                #expect(fromParts.significand == reference.significand, "\(text)")
                #expect(fromParts.exponent == reference.exponent, "\(text)")
                #expect(fromParts.isExact == reference.isExact, "\(text)")
                #expect(fromParts.isNegative == reference.isNegative, "\(text)")
                #expect(
                    DecimalNumber.double(parts, token: token).bitPattern == reference.doubleValue.bitPattern, "\(text)"
                )
                #expect(DecimalNumber.count(parts, token: token) == DecimalNumber.count(validToken: token), "\(text)")
            }
        }
    }

    /// The parts' `Double` is `strtod`'s at the edges of the Clinger and Eisel–Lemire paths.
    @Test(arguments: [
        "0.0031425000000000003", "1.2850595353169052", "9007199254740992", "9007199254740993",
        "9007199254740995", "-9007199254740993", "1e22", "1e23", "1e-22", "1e-23", "-0", "-0.0", "0.0",
        "1234567890123456789", "12345678901234567890", "10000000000000000e-80", "1000000000000000000e-83",
        "4.9e-324", "1.7976931348623157e308", "1.7976931348623159e308", "0.30000000000000004",
    ])
    func partsGiveStrtodsDouble(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { token in
            guard let start = token.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                return
            }
            var parts = NumberParts()
            #expect(JSONNumberGrammar.end(of: start, limit: start + token.count, parts: &parts) == start + token.count)
            #expect(DecimalNumber.double(parts, token: token).bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
    }

    @Test(arguments: [
        ("7,      ", 1, 7 as UInt64), ("521, \"a\"", 3, 521), ("1234567}", 7, 1_234_567), ("0]      ", 1, 0),
        ("42 , \"x\"", 2, 42),
    ])
    func shortIntegersAreReadAsOneWord(_ text: String, _ length: Int, _ value: UInt64) {
        let short = Array(text.utf8).withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { start in
                JSONNumberGrammar.shortInteger(at: start, limit: start + buffer.count).map {
                    ($0.end - start, $0.parts)
                }
            }
        }
        #expect(short?.0 == length)
        #expect(short?.1.significand == value)
        #expect(short?.1.scale == 0)
        #expect(short?.1.isExact == true)
        #expect(short?.1.isNegative == false)
    }

    /// What is not a plain integer of 1 to 7 digits with 8 readable bytes is left to the matcher.
    @Test(arguments: ["12345678,", "01,     ", "1.5,    ", "2e3,    ", "-1,     ", "7,", "\"1\",    "])
    func otherTokensAreLeftToTheMatcher(_ text: String) {
        let short = Array(text.utf8).withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { JSONNumberGrammar.shortInteger(at: $0, limit: $0 + buffer.count) }
        }
        #expect(short == nil)
    }

    /// Every byte value at every position: the lowest flagged byte is the first non-digit.
    @Test func nonDigitMaskFindsTheFirstNonDigit() {
        for position in 0..<8 {
            for byte in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "7"), count: 8)
                bytes[position] = UInt8(byte)
                for later in (position + 1)..<8 {
                    bytes[later] = UInt8((byte &* 31 &+ later) & 0xFF)
                }
                let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                let mask = JSONNumberGrammar.nonDigitBytes(in: word)
                let isDigit = JSONNumberGrammar.isDigit(UInt8(byte))
                let first = bytes.firstIndex { !JSONNumberGrammar.isDigit($0) } ?? 8
                #expect((mask == 0 ? 8 : mask.trailingZeroBitCount >> 3) == first, "\(position) \(byte)")
                if !isDigit {
                    #expect(first == position)
                }
            }
        }
    }

    /// A random JSON number: sign, integer part, optional fraction with leading zeros, exponent.
    private func randomToken(_ generator: inout SeededGenerator) -> String {
        var text = generator.next() % 4 == 0 ? "-" : ""
        let integerDigits = Int(generator.next() % 22)
        if integerDigits == 0 {
            text += "0"
        } else {
            text += String(generator.next() % 9 + 1)
            for _ in 1..<integerDigits {
                text += String(generator.next() % 10)
            }
        }
        if generator.next() % 3 != 0 {
            text += "."
            for _ in 0..<Int(generator.next() % 5) {
                text += "0"
            }
            for _ in 0..<Int(generator.next() % 22 + 1) {
                text += String(generator.next() % 10)
            }
        }
        if generator.next() % 4 == 0 {
            text += ["e", "E", "e+", "e-", "E-"][Int(generator.next() % 5)] + String(generator.next() % 40)
        }
        return text
    }
}
