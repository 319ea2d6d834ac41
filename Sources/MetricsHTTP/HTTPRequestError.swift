/// Why a request could not be accepted, and the status it is answered with.
///
/// Every error is answered once with its status and `Connection: close`, then the connection
/// is closed: after a framing error the server cannot know where the next request starts.
public enum HTTPRequestError: Error, Sendable, Hashable {
    /// The request line is not `method SP request-target SP HTTP-version`.
    case malformedRequestLine
    /// The version is not `HTTP/DIGIT.DIGIT`.
    case malformedVersion
    /// The version is well-formed but not HTTP/1.x.
    case unsupportedVersion
    /// The request target is longer than the configured limit.
    case requestTargetTooLong
    /// The request target is not in origin form (`/path?query`) or absolute form.
    case malformedRequestTarget
    /// The header section is larger than the configured limit.
    case headerSectionTooLarge
    /// A header line is not `name: value` with a token name and a valid value.
    case malformedHeaderField
    /// A header line starts with whitespace (obsolete line folding, RFC 9112 §5.2).
    case obsoleteLineFolding
    /// A line ends with LF alone; only CRLF is accepted (RFC 9112 §2.2).
    case bareLineFeed
    /// An HTTP/1.1 request without a `Host` field, or any request with more than one.
    case invalidHost
    /// A `Content-Length` that is not a decimal number, or several that disagree.
    case invalidContentLength

    /// The status this error is answered with: 414, 431, 505 or 400.
    public var status: HTTPStatus {
        switch self {
        case .requestTargetTooLong: .uriTooLong
        case .headerSectionTooLarge: .requestHeaderFieldsTooLarge
        case .unsupportedVersion: .httpVersionNotSupported
        case .malformedRequestLine, .malformedVersion, .malformedRequestTarget, .malformedHeaderField,
            .obsoleteLineFolding, .bareLineFeed, .invalidHost, .invalidContentLength:
            .badRequest
        }
    }
}
