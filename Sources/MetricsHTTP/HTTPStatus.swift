/// An HTTP response status: a three-digit code and its reason phrase.
///
/// The reason phrase is informational (RFC 9112 §4); clients act on the code.
public struct HTTPStatus: Sendable, Hashable {
    /// The three-digit status code, for example `200`.
    public var code: Int
    /// The reason phrase sent after the code, for example `OK`.
    public var reasonPhrase: String

    /// Creates a status; use the named constants for the usual ones.
    ///
    /// - Parameters:
    ///   - code: A code in `100...999`; the encoder sends it as three digits.
    ///   - reasonPhrase: Text without CR or LF.
    public init(code: Int, reasonPhrase: String) {
        self.code = code
        self.reasonPhrase = reasonPhrase
    }

    /// `200 OK`.
    public static let ok = HTTPStatus(code: 200, reasonPhrase: "OK")
    /// `204 No Content`.
    public static let noContent = HTTPStatus(code: 204, reasonPhrase: "No Content")
    /// `301 Moved Permanently`.
    public static let movedPermanently = HTTPStatus(code: 301, reasonPhrase: "Moved Permanently")
    /// `400 Bad Request`: the request could not be parsed; the connection is closed.
    public static let badRequest = HTTPStatus(code: 400, reasonPhrase: "Bad Request")
    /// `404 Not Found`.
    public static let notFound = HTTPStatus(code: 404, reasonPhrase: "Not Found")
    /// `405 Method Not Allowed`: sent with `Allow: GET, HEAD`.
    public static let methodNotAllowed = HTTPStatus(code: 405, reasonPhrase: "Method Not Allowed")
    /// `406 Not Acceptable`.
    public static let notAcceptable = HTTPStatus(code: 406, reasonPhrase: "Not Acceptable")
    /// `414 URI Too Long`: the request target is over the configured limit.
    public static let uriTooLong = HTTPStatus(code: 414, reasonPhrase: "URI Too Long")
    /// `431 Request Header Fields Too Large`: the header section is over the configured limit.
    public static let requestHeaderFieldsTooLarge = HTTPStatus(
        code: 431,
        reasonPhrase: "Request Header Fields Too Large"
    )
    /// `500 Internal Server Error`.
    public static let internalServerError = HTTPStatus(code: 500, reasonPhrase: "Internal Server Error")
    /// `503 Service Unavailable`: sent with `Retry-After` when too many requests are in handlers.
    public static let serviceUnavailable = HTTPStatus(code: 503, reasonPhrase: "Service Unavailable")
    /// `505 HTTP Version Not Supported`: a well-formed version other than HTTP/1.x.
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reasonPhrase: "HTTP Version Not Supported")
}
