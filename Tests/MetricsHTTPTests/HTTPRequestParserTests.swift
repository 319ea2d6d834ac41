import ExporterTestSupport
import Testing

@testable import MetricsHTTP

/// What a parse should produce, in a form a table can state.
enum ExpectedOutcome: Equatable, Sendable {
    case request(method: String, path: String, query: String?, version: HTTPVersion, keepAlive: Bool, hasBody: Bool)
    case needMoreBytes
    case failure(HTTPRequestError)
}

struct ParserCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var expected: ExpectedOutcome
    var testDescription: String { name }
}

private let limits = HTTPRequestParser.Limits(maxRequestTargetLength: 64, maxHeaderSectionSize: 128)

private func outcome(_ parsed: HTTPRequestParser.Outcome, inputCount: Int) -> ExpectedOutcome? {
    switch parsed {
    case .request(let request, let consumed):
        // Every table input is exactly one head, so all of it must be consumed.
        guard consumed == inputCount else { return nil }
        return .request(
            method: request.request.method.rawValue,
            path: request.request.path,
            query: request.request.query,
            version: request.request.version,
            keepAlive: request.keepAlive,
            hasBody: request.hasBody
        )
    case .needMoreBytes: return .needMoreBytes
    case .failure(let error): return .failure(error)
    }
}

private let cases: [ParserCase] = [
    ParserCase(
        name: "simple GET",
        input: "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(
            method: "GET", path: "/metrics", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "query is split from the path",
        input: "GET /metrics?name[]=up&x= HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(
            method: "GET", path: "/metrics", query: "name[]=up&x=", version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "empty query",
        input: "GET /? HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: "", version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "HEAD",
        input: "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(method: "HEAD", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "HTTP/1.0 without Host closes by default",
        input: "GET / HTTP/1.0\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_0, keepAlive: false, hasBody: false)
    ),
    ParserCase(
        name: "HTTP/1.0 keep-alive in any case",
        input: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_0, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "close anywhere in the Connection list",
        input: "GET / HTTP/1.1\r\nHost: a\r\nConnection: te, CLOSE\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: false, hasBody: false)
    ),
    ParserCase(
        name: "close wins over keep-alive",
        input: "GET / HTTP/1.0\r\nConnection: keep-alive\r\nConnection: close\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_0, keepAlive: false, hasBody: false)
    ),
    ParserCase(
        name: "empty lines before the request line are skipped",
        input: "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "absolute form keeps path and query",
        input: "GET http://example.com:9/metrics?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n",
        expected: .request(
            method: "GET", path: "/metrics", query: "x=1", version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "absolute form without a path is /",
        input: "GET HTTP://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "higher HTTP/1 minor version is treated as 1.1",
        input: "GET / HTTP/1.7\r\nHost: a\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "header values lose surrounding whitespace and names keep their case",
        input: "GET / HTTP/1.1\r\nhOsT:\t a \t\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "Content-Length 0 is no body",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "Content-Length over 0 is a body",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: true)
    ),
    ParserCase(
        name: "repeated equal Content-Length is one length",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: true)
    ),
    ParserCase(
        name: "Transfer-Encoding is a body",
        input: "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: true)
    ),
    ParserCase(
        name: "other methods pass with any visible target",
        input: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(method: "OPTIONS", path: "*", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "obs-text in a value is allowed",
        input: "GET / HTTP/1.1\r\nHost: a\r\nX: caf\u{E9}\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(name: "head not finished", input: "GET / HTTP/1.1\r\nHost: a\r\n", expected: .needMoreBytes),
    ParserCase(name: "request line not finished", input: "GET /metr", expected: .needMoreBytes),
    ParserCase(name: "nothing yet", input: "", expected: .needMoreBytes),
    ParserCase(name: "CR of the last CRLF only", input: "GET / HTTP/1.1\r\nHost: a\r\n\r", expected: .needMoreBytes),
    ParserCase(
        name: "bare LF ends the request line", input: "GET / HTTP/1.1\nHost: a\n\n", expected: .failure(.bareLineFeed)),
    ParserCase(
        name: "bare LF ends a header line", input: "GET / HTTP/1.1\r\nHost: a\n\r\n", expected: .failure(.bareLineFeed)),
    ParserCase(
        name: "bare LF as the final empty line", input: "GET / HTTP/1.1\r\nHost: a\r\n\n",
        expected: .failure(.bareLineFeed)),
    ParserCase(name: "leading bare LF", input: "\nGET / HTTP/1.1\r\n", expected: .failure(.bareLineFeed)),
    ParserCase(
        name: "obsolete line folding",
        input: "GET / HTTP/1.1\r\nHost: a\r\nX: one\r\n two\r\n\r\n",
        expected: .failure(.obsoleteLineFolding)
    ),
    ParserCase(
        name: "whitespace before the colon",
        input: "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        expected: .failure(.malformedHeaderField)
    ),
    ParserCase(name: "no colon", input: "GET / HTTP/1.1\r\nHost a\r\n\r\n", expected: .failure(.malformedHeaderField)),
    ParserCase(
        name: "empty field name", input: "GET / HTTP/1.1\r\n: a\r\n\r\n", expected: .failure(.malformedHeaderField)),
    ParserCase(
        name: "control character in a value",
        input: "GET / HTTP/1.1\r\nHost: a\u{01}b\r\n\r\n",
        expected: .failure(.malformedHeaderField)
    ),
    ParserCase(
        name: "lone CR inside a value",
        input: "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n",
        expected: .failure(.malformedHeaderField)
    ),
    ParserCase(name: "HTTP/1.1 without Host", input: "GET / HTTP/1.1\r\n\r\n", expected: .failure(.invalidHost)),
    ParserCase(
        name: "two Host fields",
        input: "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n",
        expected: .failure(.invalidHost)
    ),
    ParserCase(
        name: "Content-Length not a number",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5a\r\n\r\n",
        expected: .failure(.invalidContentLength)
    ),
    ParserCase(
        name: "negative Content-Length",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
        expected: .failure(.invalidContentLength)
    ),
    ParserCase(
        name: "Content-Length too long to be real",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1234567890123456789\r\n\r\n",
        expected: .failure(.invalidContentLength)
    ),
    ParserCase(
        name: "conflicting Content-Length",
        input: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
        expected: .failure(.invalidContentLength)
    ),
    ParserCase(
        name: "two spaces after the method", input: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.malformedRequestLine)),
    ParserCase(
        name: "tab as separator", input: "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", expected: .failure(.malformedRequestLine)
    ),
    ParserCase(name: "no version", input: "GET /\r\nHost: a\r\n\r\n", expected: .failure(.malformedRequestLine)),
    ParserCase(
        name: "trailing space after the version", input: "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",
        expected: .failure(.malformedVersion)),
    ParserCase(
        name: "method with a separator", input: "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.malformedRequestLine)),
    ParserCase(name: "garbage line", input: "GARBAGE\r\n\r\n", expected: .failure(.malformedRequestLine)),
    ParserCase(
        name: "non-ASCII in the target", input: "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.malformedRequestLine)),
    ParserCase(
        name: "lower-case version", input: "GET / http/1.1\r\nHost: a\r\n\r\n", expected: .failure(.malformedVersion)),
    ParserCase(
        name: "two-digit version", input: "GET / HTTP/1.10\r\nHost: a\r\n\r\n", expected: .failure(.malformedVersion)),
    ParserCase(name: "HTTP/2.0", input: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", expected: .failure(.unsupportedVersion)),
    ParserCase(name: "HTTP/0.9", input: "GET / HTTP/0.9\r\n\r\n", expected: .failure(.unsupportedVersion)),
    ParserCase(
        name: "relative target", input: "GET metrics HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.malformedRequestTarget)),
    ParserCase(
        name: "authority form on GET", input: "GET example.com:80 HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.malformedRequestTarget)),
    ParserCase(
        name: "absolute form with another scheme", input: "GET ftp://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.malformedRequestTarget)),
    ParserCase(
        name: "target one over the limit",
        input: "GET /\(String(repeating: "a", count: 64)) HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .failure(.requestTargetTooLong)
    ),
    ParserCase(
        name: "target at the limit",
        input: "GET /\(String(repeating: "a", count: 63)) HTTP/1.1\r\nHost: a\r\n\r\n",
        expected: .request(
            method: "GET", path: "/" + String(repeating: "a", count: 63), query: nil, version: .http1_1,
            keepAlive: true,
            hasBody: false)
    ),
    ParserCase(
        name: "unfinished target already over the limit",
        input: "GET /\(String(repeating: "a", count: 200))",
        expected: .failure(.requestTargetTooLong)
    ),
    ParserCase(
        name: "unfinished method too long",
        input: String(repeating: "A", count: 200),
        expected: .failure(.malformedRequestLine)
    ),
    ParserCase(
        name: "header section at the limit",
        // "Host: a\r\n" (9) + "X: " (3) + 112 + "\r\n" (2) + the final "\r\n" (2) = 128 bytes.
        input: "GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 112))\r\n\r\n",
        expected: .request(method: "GET", path: "/", query: nil, version: .http1_1, keepAlive: true, hasBody: false)
    ),
    ParserCase(
        name: "header section one over the limit",
        input: "GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 113))\r\n\r\n",
        expected: .failure(.headerSectionTooLarge)
    ),
    ParserCase(
        name: "unfinished header section over the limit",
        input: "GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 300))",
        expected: .failure(.headerSectionTooLarge)
    ),
]

@Suite struct HTTPRequestParserTests {
    @Test(arguments: cases)
    func wholeInputParsesToTheExpectedOutcome(_ testCase: ParserCase) {
        var parser = HTTPRequestParser(limits: limits)
        let bytes = Array(testCase.input.utf8)
        #expect(outcome(parser.parse(bytes), inputCount: bytes.count) == testCase.expected)
    }

    @Test(arguments: cases)
    func inputFedOneByteAtATimeParsesToTheSameOutcome(_ testCase: ParserCase) {
        var parser = HTTPRequestParser(limits: limits)
        let bytes = Array(testCase.input.utf8)
        var buffer: [UInt8] = []
        var last = HTTPRequestParser.Outcome.needMoreBytes
        for byte in bytes {
            buffer.append(byte)
            last = parser.parse(buffer)
            if last != .needMoreBytes { break }
        }
        #expect(outcome(last, inputCount: bytes.count) == testCase.expected)
    }

    @Test func headersAreKeptInOrderWithCaseInsensitiveLookup() throws {
        var parser = HTTPRequestParser(limits: limits)
        let parsed = parser.parse(Array("GET / HTTP/1.1\r\nhOsT:\t a \t\r\nAccept: x\r\naccept: y\r\n\r\n".utf8))
        guard case .request(let request, _) = parsed else {
            Issue.record("expected a request, got \(parsed)")
            return
        }
        #expect(
            request.request.headers.fields == [
                .init(name: "hOsT", value: "a"), .init(name: "Accept", value: "x"), .init(name: "accept", value: "y"),
            ]
        )
        #expect(request.request.headers.first("HOST") == "a")
        #expect(request.request.headers.values("ACCEPT") == ["x", "y"])
    }

    @Test func pipelinedHeadsAreParsedOneAfterTheOther() {
        var parser = HTTPRequestParser(limits: limits)
        let first = "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
        var buffer = Array((first + "GET /two HTTP/1.1\r\nHost: a\r\n\r\nGET /thr").utf8)
        guard case .request(let one, let consumed) = parser.parse(buffer) else {
            Issue.record("first request not parsed")
            return
        }
        #expect(one.request.path == "/one")
        #expect(consumed == first.utf8.count)
        buffer.removeFirst(consumed)
        guard case .request(let two, let consumedTwo) = parser.parse(buffer) else {
            Issue.record("second request not parsed")
            return
        }
        #expect(two.request.path == "/two")
        buffer.removeFirst(consumedTwo)
        #expect(parser.parse(buffer) == .needMoreBytes)
        #expect(buffer == Array("GET /thr".utf8))
    }
}

@Suite struct HTTPRequestParserMutationTests {
    private static let seedRequest = Array(
        "GET /metrics?a=1 HTTP/1.1\r\nHost: example\r\nAccept: text/plain;q=0.5\r\nConnection: close\r\n\r\n".utf8)
    private static let interesting: [UInt8] = [0x0D, 0x0A, 0x20, 0x09, 0x3A, 0x00, 0x7F, 0xFF, 0x2F, 0x3F]
    /// Limits the seed request meets exactly, so mutations cross them both ways.
    private static let tightLimits = HTTPRequestParser.Limits(maxRequestTargetLength: 12, maxHeaderSectionSize: 62)

    private func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = Int.random(in: 0..<max(result.count, 1), using: &generator)
            let byte =
                Bool.random(using: &generator)
                ? Self.interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where !result.isEmpty: result[position] = byte
            case 1: result.insert(byte, at: min(position, result.count))
            default: if !result.isEmpty { result.remove(at: position) }
            }
        }
        return result
    }

    private func parseInChunks(_ bytes: [UInt8], sizes: inout SeededGenerator) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: Self.tightLimits)
        var buffer: [UInt8] = []
        var offset = 0
        var outcome = HTTPRequestParser.Outcome.needMoreBytes
        while offset < bytes.count {
            let size = Int.random(in: 1...8, using: &sizes)
            buffer += bytes[offset..<min(offset + size, bytes.count)]
            offset += size
            outcome = parser.parse(buffer)
            if outcome != .needMoreBytes { return outcome }
        }
        return outcome
    }

    @Test func theSeedMeetsTheTightLimitsExactly() {
        var parser = HTTPRequestParser(limits: Self.tightLimits)
        guard case .request(let parsed, let consumed) = parser.parse(Self.seedRequest) else {
            Issue.record("the seed request does not parse")
            return
        }
        #expect(parsed.request.path == "/metrics")
        #expect(consumed == Self.seedRequest.count)
    }

    @Test func mutatedRequestsParseTheSameWholeAndInRandomChunks() {
        var generator = SeededGenerator(seed: 42)
        var outcomes: Set<String> = []
        for _ in 0..<3000 {
            let input = mutate(Self.seedRequest, using: &generator)
            var whole = HTTPRequestParser(limits: Self.tightLimits)
            let expected = whole.parse(input)
            let chunked = parseInChunks(input, sizes: &generator)
            #expect(chunked == expected, "input: \(input)")
            outcomes.insert(Self.kind(of: expected))
        }
        // The mutations reach every kind of outcome, so the comparison covers each path.
        #expect(
            outcomes == [
                "request", "needMoreBytes", "bareLineFeed", "headerSectionTooLarge", "invalidHost",
                "malformedHeaderField",
                "malformedRequestLine", "malformedRequestTarget", "malformedVersion", "obsoleteLineFolding",
                "requestTargetTooLong",
            ]
        )
    }

    private static func kind(of outcome: HTTPRequestParser.Outcome) -> String {
        switch outcome {
        case .request: "request"
        case .needMoreBytes: "needMoreBytes"
        case .failure(let error): "\(error)"
        }
    }
}
