/// The three parts of a request line, `method SP request-target SP HTTP-version`.
struct RequestLine: Hashable {
    /// The method token.
    var method: HTTPMethod
    /// The target's path (or `*`, or an authority, for methods the server will refuse anyway).
    var path: String
    /// The target's query, without `?`.
    var query: String?
    /// The protocol version.
    var version: HTTPVersion

    /// Parses a request line without its CRLF.
    ///
    /// Exactly one space separates the parts (RFC 9112 §3). The target must be visible ASCII;
    /// for `GET` and `HEAD` it must be in origin form (`/path?query`) or absolute form
    /// (`http://host/path?query`, of which the authority is dropped).
    ///
    /// - Parameter line: The request line's bytes.
    /// - Returns: The parts, or why the line is invalid.
    static func parse(_ line: ArraySlice<UInt8>) -> Result<RequestLine, HTTPRequestError> {
        let parts = line.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].count <= HTTPRequestParser.maxMethodLength,
            parts[0].allSatisfy(ASCII.isTokenCharacter), !parts[1].isEmpty, parts[1].allSatisfy(ASCII.isVisible)
        else { return .failure(.malformedRequestLine) }
        let version: HTTPVersion
        switch parseVersion(parts[2]) {
        case .success(let parsed): version = parsed
        case .failure(let error): return .failure(error)
        }
        let method = HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self))
        let target = String(decoding: parts[1], as: UTF8.self)
        guard method == .get || method == .head else {
            // Refused with 405 before the target matters, so any visible form is let through.
            return .success(RequestLine(method: method, path: target, query: nil, version: version))
        }
        guard let (path, query) = splitTarget(target) else { return .failure(.malformedRequestTarget) }
        return .success(RequestLine(method: method, path: path, query: query, version: version))
    }

    /// Parses `HTTP/DIGIT.DIGIT`: 1.0 is HTTP/1.0, any other 1.x is treated as 1.1.
    private static func parseVersion(_ bytes: ArraySlice<UInt8>) -> Result<HTTPVersion, HTTPRequestError> {
        let name = Array(bytes)
        guard name.count == 8, name[0..<5].elementsEqual("HTTP/".utf8), ASCII.isDigit(name[5]),
            name[6] == UInt8(ascii: "."), ASCII.isDigit(name[7])
        else { return .failure(.malformedVersion) }
        guard name[5] == UInt8(ascii: "1") else { return .failure(.unsupportedVersion) }
        return .success(name[7] == UInt8(ascii: "0") ? .http1_0 : .http1_1)
    }

    /// Splits an origin-form or absolute-form target into path and query.
    private static func splitTarget(_ target: String) -> (path: String, query: String?)? {
        var rest = Substring(target)
        if !rest.hasPrefix("/") {
            // Absolute form: scheme "://" authority, then an optional path and query.
            guard let schemeEnd = rest.firstRange(of: "://"),
                ["http", "https"].contains(where: { rest[..<schemeEnd.lowerBound].isEqualIgnoringASCIICase(to: $0) })
            else { return nil }
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            guard authorityEnd > rest.startIndex else { return nil }
            rest = rest[authorityEnd...]
        }
        let queryStart = rest.firstIndex(of: "?")
        let path = queryStart.map { rest[..<$0] } ?? rest
        let query = queryStart.map { String(rest[rest.index(after: $0)...]) }
        return (path.isEmpty ? "/" : String(path), query)
    }
}
