/// libFuzzer harness for `HTTPRequestParser`: one input is the bytes a client sent on one
/// connection.
///
/// Compiled together with the sources of `MetricsHTTP` into one module (see `fuzz/run.sh`), so
/// the `package` parser is reachable. Beyond "no crash, no memory error", every input must
/// satisfy, under small limits (so the fuzzer reaches them) and under the server's defaults:
/// - the outcome does not depend on how the bytes were split into reads: parsing all of them
///   at once and feeding them one byte at a time give the same outcome;
/// - `needMoreBytes` only while the buffer is within `Limits.maxHeadSize`;
/// - a request consumes a whole head ending in CRLF CRLF and no more than was given; its
///   method is a token, its version 1.x, a `GET`/`HEAD` path starts with `/`, path and query
///   are visible ASCII, field names are tokens, field values have no line breaks and no
///   surrounding whitespace, HTTP/1.1 has exactly one `Host`, and `hasBody` matches the
///   `Content-Length` and `Transfer-Encoding` fields;
/// - after a request the parser is as new: the rest of the bytes (a pipelined request) parse
///   the same with it as with a fresh parser;
/// - content negotiation on the request's `Accept` and `Accept-Encoding` gives qualities in
///   0...1 and picks one of the offers or none; `disposition` answers.

/// Limits small enough that inputs of a few hundred bytes reach every limit check.
private let smallLimits = HTTPRequestParser.Limits(maxRequestTargetLength: 64, maxHeaderSectionSize: 256)

/// The limits the server runs with by default.
private let defaultLimits = {
    let defaults = HTTPServerConfiguration(port: 0)
    return HTTPRequestParser.Limits(
        maxRequestTargetLength: defaults.maxRequestTargetLength, maxHeaderSectionSize: defaults.maxHeaderSectionSize)
}()

/// The most pipelined requests one input is parsed for.
private let maxPipelinedRequests = 8

/// The media types `/metrics` offers, in the endpoint's order.
private let offeredMediaTypes = ["text/plain", "application/openmetrics-text"]

/// Checks everything the parser documents about a request it accepted.
private func checkRequest(_ parsed: ParsedRequest, consumed: Int, bytes: ArraySlice<UInt8>) {
    let head = bytes.prefix(consumed)
    fuzzInvariant(consumed > 0 && consumed <= bytes.count, "consumed \(consumed) of \(bytes.count) bytes")
    fuzzInvariant(head.suffix(4).elementsEqual("\r\n\r\n".utf8), "the head does not end with CRLF CRLF")
    let request = parsed.request
    let method = Array(request.method.rawValue.utf8)
    fuzzInvariant(
        !method.isEmpty && method.count <= HTTPRequestParser.maxMethodLength && method.allSatisfy(ASCII.isTokenCharacter),
        "method \(method)")
    fuzzInvariant(request.version == .http1_0 || request.version == .http1_1, "version \(request.version)")
    if request.method == .get || request.method == .head {
        fuzzInvariant(request.path.hasPrefix("/"), "path \(request.path) of a \(request.method)")
    }
    for text in [request.path, request.query ?? ""] {
        fuzzInvariant(text.utf8.allSatisfy(ASCII.isVisible), "target part \(Array(text.utf8)) is not visible ASCII")
    }
    for field in request.headers {
        let name = Array(field.name.utf8)
        fuzzInvariant(!name.isEmpty && name.allSatisfy(ASCII.isTokenCharacter), "field name \(name)")
        let value = Array(field.value.utf8)
        fuzzInvariant(
            !value.contains { $0 == ASCII.carriageReturn || $0 == ASCII.lineFeed || $0 == 0 },
            "field value \(value) has a line break or NUL")
        fuzzInvariant(
            value.first.map(ASCII.isWhitespace) != true && value.last.map(ASCII.isWhitespace) != true,
            "field value \(value) has surrounding whitespace")
    }
    if request.version == .http1_1 {
        fuzzInvariant(request.headers.values("Host").count == 1, "HTTP/1.1 with \(request.headers.values("Host").count) Host fields")
    }
    // An accepted Content-Length is digits, commas and whitespace: it is over 0 exactly
    // when it has a digit other than 0.
    let hasPositiveLength = request.headers.values("Content-Length").contains { $0.contains { ("1"..."9").contains($0) } }
    let declaresBody = hasPositiveLength || request.headers.contains("Transfer-Encoding")
    fuzzInvariant(parsed.hasBody == declaresBody, "hasBody \(parsed.hasBody) for headers \(request.headers.fields)")
    checkNegotiation(parsed)
}

/// Negotiates the response the way the server and `/metrics` do, and checks the answers.
private func checkNegotiation(_ parsed: ParsedRequest) {
    let headers = parsed.request.headers
    let accepted = AcceptMediaTypes(headers.first("Accept"))
    for offer in offeredMediaTypes {
        let quality = accepted.quality(of: offer)
        fuzzInvariant((0...1).contains(quality), "quality \(quality) of \(offer)")
    }
    let preferred = accepted.preferred(among: offeredMediaTypes)
    fuzzInvariant(preferred.map(offeredMediaTypes.contains) ?? true, "preferred \(String(describing: preferred))")
    let encodings = AcceptEncoding(headers.first("Accept-Encoding"))
    for coding in ["gzip", "identity"] {
        let quality = encodings.quality(of: coding)
        fuzzInvariant((0...1).contains(quality), "quality \(quality) of \(coding)")
    }
    _ = parsed.disposition(requestsInHandlers: 0, maxConcurrentRequests: 1, retryAfterSeconds: 1)
}

/// Parses `bytes` one byte at a time, as a client trickling them in would send them.
private func parseTrickled(_ bytes: ArraySlice<UInt8>, limits: HTTPRequestParser.Limits) -> HTTPRequestParser.Outcome {
    var parser = HTTPRequestParser(limits: limits)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(bytes.count)
    for byte in bytes {
        buffer.append(byte)
        let outcome = parser.parse(buffer)
        guard outcome == .needMoreBytes else { return outcome }
    }
    return .needMoreBytes
}

/// Parses every pipelined request in `input` under `limits` and checks the invariants.
private func check(_ input: [UInt8], limits: HTTPRequestParser.Limits) {
    var parser = HTTPRequestParser(limits: limits)
    var rest = input[...]
    for _ in 0..<maxPipelinedRequests {
        let buffer = Array(rest)
        let outcome = parser.parse(buffer)
        var fresh = HTTPRequestParser(limits: limits)
        let freshOutcome = fresh.parse(buffer)
        fuzzInvariant(outcome == freshOutcome, "a used parser gives \(outcome), a fresh one \(freshOutcome)")
        let trickled = parseTrickled(rest, limits: limits)
        fuzzInvariant(trickled == outcome, "at once \(outcome), byte by byte \(trickled)")
        switch outcome {
        case .needMoreBytes:
            fuzzInvariant(
                buffer.count <= limits.maxHeadSize, "needs more bytes with \(buffer.count) > \(limits.maxHeadSize)")
            return
        case .failure:
            return
        case .request(let parsed, let consumed):
            checkRequest(parsed, consumed: consumed, bytes: rest)
            rest = rest.dropFirst(consumed)
        }
    }
}

/// libFuzzer's entry point: parses one connection's bytes and checks the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func httpRequestParserFuzzTest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Array(UnsafeRawBufferPointer(start: data, count: size))
    check(input, limits: smallLimits)
    check(input, limits: defaultLimits)
    return 0
}
