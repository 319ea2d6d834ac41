/// The HTTP/1.x protocol version a request was sent with.
///
/// The parser maps `HTTP/1.0` to `.http1_0` and every other `HTTP/1.x` minor version to
/// `.http1_1`, as RFC 9110 §2.5 asks of a recipient of a higher minor version.
public enum HTTPVersion: Sendable, Hashable {
    /// `HTTP/1.0`: connections close after each response unless the client asks for keep-alive.
    case http1_0
    /// `HTTP/1.1`: connections persist unless either side sends `Connection: close`.
    case http1_1
}
