/// A request head as parsed, with what the server needs to frame the exchange.
///
/// The handler gets only `request`; `hasBody` and `keepAlive` stay with the connection.
package struct ParsedRequest: Sendable, Hashable {
    /// The request as the handler would see it.
    package var request: HTTPRequest
    /// Whether a body follows the head (`Content-Length` over 0, or any `Transfer-Encoding`).
    ///
    /// The server reads no bodies, so such a request is answered and the connection closed.
    package var hasBody: Bool
    /// Whether the client wants the connection kept open after the response.
    ///
    /// HTTP/1.1: unless `Connection` lists `close`. HTTP/1.0: only if it lists `keep-alive`.
    package var keepAlive: Bool
}
