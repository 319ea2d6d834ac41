/// A strict, incremental HTTP/1.x request-head parser: bytes in, a request, "need more" or an
/// error out. Pure: no I/O, no clock.
///
/// Line endings: only CRLF is accepted. RFC 9112 §2.2 allows a recipient to accept a bare LF,
/// but a server and a proxy disagreeing about line ends is how requests get smuggled, so a
/// bare LF is `bareLineFeed` (400). Empty lines before the request line are skipped
/// (RFC 9112 §2.2). Obsolete line folding is rejected (§5.2), as is whitespace between a field
/// name and its colon (§5.1), and an HTTP/1.1 request without exactly one `Host` (§3.2).
///
/// Usage: keep one parser per connection and one growing buffer. Call `parse(_:)` after each
/// read with the whole buffer; the parser remembers how far it has scanned, so each byte is
/// examined once while a slow client trickles in. After `.request(_, consumed:)` remove the
/// first `consumed` bytes from the buffer before the next call; after `.failure` stop.
/// Never remove or change bytes between calls otherwise.
package struct HTTPRequestParser: Sendable {
    /// Size limits; requests over them fail with 414 or 431.
    package struct Limits: Sendable, Hashable {
        /// The longest request target accepted, in bytes; longer ones fail with 414.
        package var maxRequestTargetLength: Int
        /// The largest header section accepted, in bytes, counted from after the request line
        /// to the final CRLF inclusive; larger ones fail with 431.
        package var maxHeaderSectionSize: Int

        /// Creates limits.
        ///
        /// - Parameters:
        ///   - maxRequestTargetLength: The longest request target in bytes.
        ///   - maxHeaderSectionSize: The largest header section in bytes.
        package init(maxRequestTargetLength: Int, maxHeaderSectionSize: Int) {
            self.maxRequestTargetLength = maxRequestTargetLength
            self.maxHeaderSectionSize = maxHeaderSectionSize
        }

        /// The longest request line accepted, CRLF and any empty lines before it included.
        var maxRequestLineLength: Int {
            HTTPRequestParser.maxMethodLength + 1 + maxRequestTargetLength + 1 + "HTTP/1.1\r\n".utf8.count
        }

        /// The most bytes a request head can have without failing: the parser reports an
        /// error before a buffer grows past this, so a reader need never buffer more.
        package var maxHeadSize: Int {
            maxRequestLineLength + maxHeaderSectionSize
        }
    }

    /// What one call to `parse(_:)` found.
    package enum Outcome: Sendable, Hashable {
        /// A complete head; the first `consumed` bytes of the buffer belong to it.
        case request(ParsedRequest, consumed: Int)
        /// The head is not complete yet and nothing is wrong so far.
        case needMoreBytes
        /// The bytes cannot be a valid request head.
        case failure(HTTPRequestError)
    }

    /// The longest method token accepted; registered methods are far shorter.
    static let maxMethodLength = 32

    /// The limits this parser enforces.
    package let limits: Limits
    /// Index of the first byte not yet scanned for a line end.
    private var scanned = 0
    /// Index of the first byte of the line being scanned.
    private var lineStart = 0
    /// Index of the request line's first byte, past any empty lines before it.
    private var requestLineStart = 0
    /// Index just past the request line's CRLF, once it has been seen.
    private var headerStart: Int?

    /// Creates a parser for one connection.
    ///
    /// - Parameter limits: The size limits to enforce.
    package init(limits: Limits) {
        self.limits = limits
    }

    /// Scans the buffer from where the last call stopped.
    ///
    /// - Parameter bytes: Everything received on the connection and not yet consumed.
    /// - Returns: A complete request, a request for more bytes, or the error to answer with.
    package mutating func parse(_ bytes: [UInt8]) -> Outcome {
        var index = scanned
        while index < bytes.count {
            defer { index += 1 }
            // Limits are checked at every byte, so the outcome never depends on how the bytes
            // were split into reads.
            if let headerStart {
                if index + 1 - headerStart > limits.maxHeaderSectionSize { return fail(.headerSectionTooLarge) }
            } else if index + 1 > limits.maxRequestLineLength {
                let line = lineStart..<(index + 1)
                return fail(Self.requestLineLengthError(bytes, line, limits: limits) ?? .malformedRequestLine)
            }
            guard bytes[index] == ASCII.lineFeed else { continue }
            guard index > lineStart, bytes[index - 1] == ASCII.carriageReturn else { return fail(.bareLineFeed) }
            let isEmptyLine = index - 1 == lineStart
            let lineRange = lineStart..<(index - 1)
            lineStart = index + 1
            guard let headerStart else {
                // Empty lines before the request line are skipped (RFC 9112 §2.2).
                if isEmptyLine {
                    requestLineStart = index + 1
                    continue
                }
                if let error = Self.requestLineLengthError(bytes, lineRange, limits: limits) { return fail(error) }
                self.headerStart = index + 1
                continue
            }
            guard isEmptyLine else { continue }
            let outcome = Self.parseHead(
                bytes, requestLineStart: requestLineStart, headerStart: headerStart, end: index + 1)
            self = HTTPRequestParser(limits: limits)
            return outcome
        }
        scanned = index
        return .needMoreBytes
    }

    /// Resets the parser and returns `error` as the outcome.
    private mutating func fail(_ error: HTTPRequestError) -> Outcome {
        self = HTTPRequestParser(limits: limits)
        return .failure(error)
    }

    /// The error for a (possibly incomplete) request line whose target or method is too long.
    private static func requestLineLengthError(
        _ bytes: [UInt8],
        _ line: Range<Int>,
        limits: Limits
    ) -> HTTPRequestError? {
        guard let methodEnd = bytes[line].firstIndex(of: ASCII.space) else {
            return line.count > maxMethodLength ? .malformedRequestLine : nil
        }
        let targetEnd = bytes[(methodEnd + 1)..<line.upperBound].firstIndex(of: ASCII.space) ?? line.upperBound
        return targetEnd - (methodEnd + 1) > limits.maxRequestTargetLength ? .requestTargetTooLong : nil
    }

    /// Parses a complete head whose request line ends with the CRLF just before `headerStart`.
    private static func parseHead(_ bytes: [UInt8], requestLineStart: Int, headerStart: Int, end: Int) -> Outcome {
        let requestLine: RequestLine
        switch RequestLine.parse(bytes[requestLineStart..<(headerStart - 2)]) {
        case .success(let line): requestLine = line
        case .failure(let error): return .failure(error)
        }
        var headers = HTTPHeaders()
        var lineStart = headerStart
        while lineStart < end - 2 {
            // A CR not followed by LF inside a line is a control character, not a line end.
            guard let lineEnd = bytes[lineStart..<end].firstIndex(of: ASCII.carriageReturn),
                lineEnd + 1 < end, bytes[lineEnd + 1] == ASCII.lineFeed
            else { return .failure(.malformedHeaderField) }
            switch parseField(bytes[lineStart..<lineEnd]) {
            case .success(let field): headers.add(name: field.name, value: field.value)
            case .failure(let error): return .failure(error)
            }
            lineStart = lineEnd + 2
        }
        return makeRequest(requestLine, headers: headers, consumed: end)
    }

    /// Parses one `name: value` line.
    private static func parseField(_ line: ArraySlice<UInt8>) -> Result<HTTPHeaders.Field, HTTPRequestError> {
        guard let first = line.first else { return .failure(.malformedHeaderField) }
        if first == ASCII.space || first == ASCII.tab { return .failure(.obsoleteLineFolding) }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > line.startIndex,
            line[..<colon].allSatisfy(ASCII.isTokenCharacter)
        else { return .failure(.malformedHeaderField) }
        var value = line[(colon + 1)...]
        while let byte = value.first, ASCII.isWhitespace(byte) { value.removeFirst() }
        while let byte = value.last, ASCII.isWhitespace(byte) { value.removeLast() }
        guard value.allSatisfy(ASCII.isFieldValueCharacter) else { return .failure(.malformedHeaderField) }
        return .success(
            HTTPHeaders.Field(
                name: String(decoding: line[..<colon], as: UTF8.self),
                value: String(decoding: value, as: UTF8.self)
            )
        )
    }

    /// Applies the checks that need the whole head, and frames the request.
    private static func makeRequest(_ line: RequestLine, headers: HTTPHeaders, consumed: Int) -> Outcome {
        let hostCount = headers.values("Host").count
        if hostCount > 1 || (line.version == .http1_1 && hostCount == 0) { return .failure(.invalidHost) }
        var contentLength: UInt64?
        for element in headers.values("Content-Length").flatMap(listElements) {
            guard (1...18).contains(element.utf8.count), element.utf8.allSatisfy(ASCII.isDigit),
                let length = UInt64(element), contentLength == nil || contentLength == length
            else { return .failure(.invalidContentLength) }
            contentLength = length
        }
        let connectionOptions = headers.values("Connection").flatMap(listElements)
        let asksClose = connectionOptions.contains { $0.isEqualIgnoringASCIICase(to: "close") }
        let asksKeepAlive = connectionOptions.contains { $0.isEqualIgnoringASCIICase(to: "keep-alive") }
        let keepAlive = !asksClose && (line.version == .http1_1 || asksKeepAlive)
        let request = HTTPRequest(
            method: line.method,
            path: line.path,
            query: line.query,
            version: line.version,
            headers: headers
        )
        let hasBody = (contentLength ?? 0) > 0 || headers.contains("Transfer-Encoding")
        return .request(ParsedRequest(request: request, hasBody: hasBody, keepAlive: keepAlive), consumed: consumed)
    }

    /// The non-empty elements of a comma-separated list value, without surrounding whitespace.
    static func listElements(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { element in
            let trimmed = element.trimmingASCIIWhitespace()
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }
}
