/// The media types a client accepts, parsed from `Accept` (RFC 9110 §12.5.1), for choosing
/// between representations such as `application/openmetrics-text` and `text/plain`.
///
/// Each offer takes the quality of the most specific range that matches it: `type/subtype`
/// beats `type/*` beats `*/*`, and among equals the one sharing more parameters with the offer
/// wins, and among ranges equal in both the first listed. A range's parameter rules an offer out only when the offer names the same parameter
/// with another value (compared without case); a parameter the offer does not name is
/// ignored. That is looser than the RFC, on purpose: Prometheus asks for
/// `application/openmetrics-text;version=1.0.0;escaping=allow-utf-8`, which should still
/// match an offer of `application/openmetrics-text;version=1.0.0`. Without the header every
/// type is acceptable (`*/*`).
public struct AcceptMediaTypes: Sendable, Hashable {
    /// The listed ranges in order.
    private let ranges: [QualityListElement]

    /// Parses an `Accept` value.
    ///
    /// - Parameter headerValue: The field value, or `nil` when the request had none.
    public init(_ headerValue: String?) {
        ranges = QualityListElement.parse(headerValue ?? "*/*")
    }

    /// The quality the client gives a media type, in `0...1`; 0 when nothing matches or it is refused.
    ///
    /// - Parameter mediaType: A media type with optional parameters, e.g. `text/plain; version=0.0.4`.
    /// - Returns: The quality of the most specific matching range.
    public func quality(of mediaType: String) -> Double {
        guard let offer = QualityListElement.parse(mediaType).first, let offerType = MediaType(offer.value) else {
            return 0
        }
        var best: (specificity: (Int, Int), quality: Double)?
        for range in ranges {
            guard let specificity = Self.specificity(of: range, matching: offerType, parameters: offer.parameters)
            else { continue }
            if best.map({ specificity > $0.specificity }) ?? true { best = (specificity, range.quality) }
        }
        return best?.quality ?? 0
    }

    /// The offer the client prefers: the highest quality above 0; among equals, the earliest offer.
    ///
    /// - Parameter offers: Media types the server can produce, in the server's order of preference.
    /// - Returns: The chosen offer as given, or `nil` if the client accepts none (answer 406 or
    ///   fall back to a default).
    public func preferred(among offers: [String]) -> String? {
        var best: (offer: String, quality: Double)?
        for offer in offers {
            let quality = quality(of: offer)
            if quality > 0, best.map({ quality > $0.quality }) ?? true { best = (offer, quality) }
        }
        return best?.offer
    }

    /// How specifically a range matches an offer, or `nil` when it does not match.
    private static func specificity(
        of range: QualityListElement,
        matching offer: MediaType,
        parameters offerParameters: [QualityListElement.Parameter]
    ) -> (Int, Int)? {
        guard let rangeType = MediaType(range.value) else { return nil }
        let level: Int
        if rangeType.type == "*" && rangeType.subtype == "*" {
            level = 0
        } else if rangeType.type == offer.type && rangeType.subtype == "*" {
            level = 1
        } else if rangeType.type == offer.type && rangeType.subtype == offer.subtype {
            level = 2
        } else {
            return nil
        }
        var shared = 0
        for parameter in range.parameters {
            guard let offered = offerParameters.first(where: { $0.name.isEqualIgnoringASCIICase(to: parameter.name) })
            else { continue }
            guard offered.value.isEqualIgnoringASCIICase(to: parameter.value) else { return nil }
            shared += 1
        }
        return (level, shared)
    }
}

/// A `type/subtype` pair, lower-cased.
private struct MediaType {
    var type: String
    var subtype: String

    init?(_ text: Substring) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        type = String(decoding: parts[0].utf8.map(\.asciiLowercased), as: UTF8.self)
        subtype = String(decoding: parts[1].utf8.map(\.asciiLowercased), as: UTF8.self)
    }
}
