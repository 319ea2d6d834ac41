/// One element of a comma-separated header list with parameters and a quality, such as
/// `text/html;level=1;q=0.5` (RFC 9110 §12.4.2).
struct QualityListElement: Hashable {
    /// A `name=value` parameter as written.
    struct Parameter: Hashable {
        var name: Substring
        var value: Substring
    }

    /// The element's value before any `;`, e.g. `gzip` or `text/html`.
    var value: Substring
    /// Parameters before `q`, as written; users compare names without case.
    var parameters: [Parameter]
    /// The quality in `0...1`; 1 when absent.
    var quality: Double

    /// Parses a list value such as an `Accept` or `Accept-Encoding` value.
    ///
    /// Elements with an invalid `q` are skipped rather than guessed at. Parameters after `q`
    /// are accept-extensions and ignored. Quoted parameter values keep their quotes.
    ///
    /// - Parameter header: The field value.
    /// - Returns: The valid elements in order.
    static func parse(_ header: String) -> [QualityListElement] {
        header.split(separator: ",").compactMap { rawElement in
            var pieces = rawElement.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingASCIIWhitespace()
            }
            let value = pieces.removeFirst()
            guard !value.isEmpty else { return nil }
            var parameters: [Parameter] = []
            var quality = 1.0
            for piece in pieces {
                guard let equals = piece.firstIndex(of: "=") else { continue }
                let name = piece[..<equals].trimmingASCIIWhitespace()
                let parameterValue = piece[piece.index(after: equals)...].trimmingASCIIWhitespace()
                if name.isEqualIgnoringASCIICase(to: "q") {
                    guard let parsed = parseQuality(parameterValue) else { return nil }
                    quality = parsed
                    break
                }
                parameters.append(Parameter(name: name, value: parameterValue))
            }
            return QualityListElement(value: value, parameters: parameters, quality: quality)
        }
    }

    /// Parses a `qvalue`: `0`, `0.` and up to three digits, `1`, or `1.` and up to three zeros.
    private static func parseQuality(_ text: Substring) -> Double? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        if bytes.count == 1 { return Double(first - UInt8(ascii: "0")) }
        let fraction = bytes.dropFirst(2)
        guard bytes[1] == UInt8(ascii: "."), fraction.count <= 3, fraction.allSatisfy(ASCII.isDigit),
            first == UInt8(ascii: "0") || fraction.allSatisfy({ $0 == UInt8(ascii: "0") })
        else { return nil }
        return Double(text)
    }
}
