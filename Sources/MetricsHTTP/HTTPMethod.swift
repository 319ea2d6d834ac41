/// An HTTP request method, as the request line spelled it.
///
/// Methods are case-sensitive tokens (RFC 9110 §9.1), so `get` is not `GET`. The server hands
/// only `GET` and `HEAD` requests to its handler; every other method is answered with `405`.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as received, for example `GET`.
    public let rawValue: String

    /// Wraps a method token; the parser has already checked it is a valid token.
    ///
    /// - Parameter rawValue: The method token.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `GET`: transfer a current representation of the target resource.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`: like `GET`, but the response carries the same header fields and no body.
    public static let head = HTTPMethod(rawValue: "HEAD")

    /// The method token.
    public var description: String { rawValue }
}
