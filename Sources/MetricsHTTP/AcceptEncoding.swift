/// The content codings a client accepts, parsed from `Accept-Encoding` (RFC 9110 §12.5.3).
///
/// A coding listed by name gets its own quality; one not listed gets the quality of `*` if
/// present; `identity` is acceptable unless refused by name or by `*;q=0`. `x-gzip` counts as
/// `gzip`. `q=0` means "not acceptable". Without the header this type accepts only identity:
/// the RFC allows any coding then, but clients that can decompress say so, and servers
/// conventionally send plain bytes to those that do not.
public struct AcceptEncoding: Sendable, Hashable {
    /// The listed elements in order.
    private let elements: [QualityListElement]

    /// Parses an `Accept-Encoding` value.
    ///
    /// - Parameter headerValue: The field value, or `nil` when the request had none.
    public init(_ headerValue: String?) {
        elements = headerValue.map(QualityListElement.parse) ?? []
    }

    /// The quality of a coding in `0...1`; 0 means the client refuses it.
    ///
    /// - Parameter coding: A content coding such as `gzip` or `identity`.
    /// - Returns: The quality the client gave it, directly or through `*`.
    public func quality(of coding: String) -> Double {
        let wanted = Self.canonical(coding)
        if let named = elements.first(where: { Self.canonical($0.value) == wanted }) { return named.quality }
        if let wildcard = elements.first(where: { $0.value == "*" }) { return wildcard.quality }
        return wanted == "identity" ? 1 : 0
    }

    /// Whether the client accepts a coding (its quality is above 0).
    ///
    /// - Parameter coding: A content coding such as `gzip`.
    public func accepts(_ coding: String) -> Bool {
        quality(of: coding) > 0
    }

    /// The coding's lower-case name, with the legacy `x-gzip` folded into `gzip` (RFC 9110 §8.4.1.3).
    private static func canonical(_ coding: some StringProtocol) -> String {
        let lowered = String(decoding: coding.utf8.map(\.asciiLowercased), as: UTF8.self)
        return lowered == "x-gzip" ? "gzip" : lowered
    }
}
