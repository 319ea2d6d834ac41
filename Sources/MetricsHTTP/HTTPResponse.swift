/// A complete response from a handler: status, header fields and the whole body.
///
/// The server owns framing: it sets `Content-Length` (never chunked), `Connection` and `Date`,
/// and drops any `Content-Length`, `Transfer-Encoding` or `Connection` field given here, as
/// well as fields whose name or value could break the message (CR, LF, other controls).
/// For a `HEAD` request the same header fields are sent, including the `Content-Length` the
/// body would have had, and no body.
public struct HTTPResponse: Sendable, Hashable {
    /// The status.
    public var status: HTTPStatus
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The whole body.
    public var body: [UInt8]
    /// Whether the server may gzip the body when the request's `Accept-Encoding` allows it.
    ///
    /// When `true`, the response always carries `Vary: Accept-Encoding`, and, if gzip is
    /// accepted, the body is compressed and `Content-Encoding: gzip` is added.
    public var isCompressible: Bool

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: The status.
    ///   - headers: Header fields such as `Content-Type`.
    ///   - body: The whole body.
    ///   - isCompressible: Whether the server may gzip the body for clients that accept it.
    public init(status: HTTPStatus, headers: HTTPHeaders = [], body: [UInt8] = [], isCompressible: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.isCompressible = isCompressible
    }
}
