/// The two text formats a scrape can ask for.
public enum ExpositionFormat: Sendable {
    /// The Prometheus text format, version 0.0.4.
    case text
    /// OpenMetrics 1.0.0: `# UNIT` lines, counters named without `_total` in metadata, `# EOF`.
    case openMetrics

    /// The exact `Content-Type` header value for this format.
    ///
    /// Prometheus 3 rejects a scrape whose content type is missing or malformed, so this is
    /// byte for byte what the specification says.
    public var contentType: String {
        switch self {
        case .text: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }
}
