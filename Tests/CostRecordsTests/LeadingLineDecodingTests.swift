import Testing

@testable import CostRecords

/// What `decodeLine(atStartOf:length:)` gave for the line at the start of some bytes.
private struct LeadingOutcome: Equatable {
    let outcome: Outcome
    let length: Int
}

/// Decodes the line at the start of `bytes` without being told where it ends.
private func decodeLeading(_ bytes: [UInt8], with decoder: CostLineDecoder = CostLineDecoder()) -> LeadingOutcome? {
    bytes.withUnsafeBytes { buffer in
        var length = 0
        let outcome: Outcome
        switch decoder.decodeLine(atStartOf: buffer, length: &length) {
        case .record(let record): outcome = .record(Decoded(record))
        case .failure(let reason): outcome = .failure(reason)
        case nil: return nil
        }
        return LeadingOutcome(outcome: outcome, length: length)
    }
}

/// The reasons the scanner gives: a line rejected for one of them may have been cut short by
/// its newline, so decoding it from its start cannot tell, and leaves it to `decode(_:)`.
private let scanReasons: Set<LineErrorReason> = [.invalidJSON, .invalidUTF8, .tooDeep]

/// Decoding a line from its start, with the lines after it in the same bytes, gives exactly what
/// decoding it alone gives, or nothing.
@Suite struct LeadingLineDecodingTests {
    /// Every line of the decoder's case tables.
    static let cases: [LineCase] =
        JSONScannerTests.syntaxCases + JSONScannerTests.utf8Cases + JSONScannerTests.depthCases
        + CostLineDecoderTests.shapeCases + CostLineDecoderFuzzRegressionTests.cases
        + RecordResolverTests.modelCases + RecordResolverTests.providerCases + RecordResolverTests.statusCases
        + RecordResolverTests.errorTypeCases + RecordResolverTests.costCases + RecordResolverTests.tokenCases
        + RecordResolverTests.latencyCases + RecordResolverTests.cachedCases + RecordResolverTests.timestampCases

    /// What may follow a line's `\n` in the same bytes.
    static let followers: [[UInt8]] = [
        [], Array(#"{"model":"next"}"#.utf8), Array("\n\n".utf8), Array("}]\" garbage".utf8), [0xFF, 0xFE],
    ]

    /// A line the scanner accepts is decoded from its start to the same outcome, with its `\n`
    /// (and a `\r` before it) counted in its length; a line the scanner rejects is left alone.
    @Test(arguments: cases)
    func sameOutcomeAsAlone(_ testCase: LineCase) {
        let alone = decode(bytes: testCase.bytes)
        let isScanFailure = if case .failure(let reason) = alone { scanReasons.contains(reason) } else { false }
        for ending in ["\n", "\r\n"] {
            for follower in Self.followers {
                let bytes = testCase.bytes + Array(ending.utf8) + follower
                let leading = decodeLeading(bytes)
                if isScanFailure {
                    #expect(leading == nil, "ending \(ending.debugDescription), follower \(follower)")
                } else {
                    #expect(
                        leading == LeadingOutcome(outcome: alone, length: testCase.bytes.count + ending.utf8.count),
                        "ending \(ending.debugDescription), follower \(follower)")
                }
            }
        }
    }

    /// Where the line's end cannot be told from a scan, nothing is decoded and nothing learnt
    /// changes the next line's outcome.
    @Test(arguments: [
        ("no newline in the bytes", #"{"model":"m"}"#),
        ("newline between tokens ends the line", "{\"model\":\"m\",\n\"x\":1}\n"),
        ("newline before the value", "\n{\"model\":\"m\"}\n"),
        ("blank line", "  \t\n{\"model\":\"m\"}\n"),
        ("empty bytes", ""),
        ("a second value before the newline", "{\"model\":\"m\"} {}\n"),
        ("newline inside a string", "{\"model\":\"m\",\"x\":\"a\nb\"}\n"),
        ("truncated by the newline", "{\"model\":\"m\",\"x\":tru\ne}\n"),
    ])
    func undecided(_ name: String, _ text: String) {
        let decoder = CostLineDecoder()
        #expect(decodeLeading(Array(text.utf8), with: decoder) == nil, "\(name)")
        #expect(decode(#"{"model":"m"}"#, with: decoder) == .record(Decoded(provider: "unknown", model: "m")))
    }

    /// Whitespace after the value, up to the newline, belongs to the line.
    @Test func trailingWhitespaceIsPartOfTheLine() {
        let text = "{\"model\":\"gpt-4o\",\"cost\":0.5} \t\r\n{\"model\":\"x\"}\n"
        #expect(
            decodeLeading(Array(text.utf8))
                == LeadingOutcome(
                    outcome: .record(Decoded(provider: "openai", model: "gpt-4o", costUSD: 0.5)), length: 33))
    }

    /// A line feed is never whitespace inside a line: `decode(_:)`, given one between tokens,
    /// rejects the line as the file's reader would have cut it there.
    @Test func lineFeedBetweenTokensIsInvalid() {
        #expect(decode("{\"model\":\"m\",\n\"x\":1}") == .failure(.invalidJSON))
        #expect(decode("{\"model\":\"m\"}\n") == .failure(.invalidJSON))
        #expect(decode("{\"model\":\"m\"}\r") == .record(Decoded(provider: "unknown", model: "m")))
    }
}
