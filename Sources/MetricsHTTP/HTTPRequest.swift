/// A complete HTTP request head, as the server hands it to the handler.
///
/// Requests never carry a body: the server answers any request that has one with `400` (for
/// `GET`/`HEAD`) or `405` before a handler sees it.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method; the handler only ever sees `.get` and `.head`.
    public var method: HTTPMethod
    /// The path of the request target, as sent (not percent-decoded), always starting with `/`.
    public var path: String
    /// The query after `?`, as sent (not percent-decoded), or `nil` when there is no `?`.
    public var query: String?
    /// The protocol version of the request.
    public var version: HTTPVersion
    /// The header fields, in order; look them up with `headers.first("Accept")`.
    public var headers: HTTPHeaders

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The request method.
    ///   - path: The target's path, starting with `/`.
    ///   - query: The target's query, without the `?`.
    ///   - version: The protocol version.
    ///   - headers: The header fields.
    public init(
        method: HTTPMethod,
        path: String,
        query: String? = nil,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
    }
}
