/// Writes families and samples into exposition text, byte-exact and in a fixed order.
///
/// The caller writes families in ascending name order and each family's series in
/// ascending label order; the writer owns the syntax: `# HELP`/`# TYPE` (and OpenMetrics'
/// `# UNIT`) once per family, escaping, number formatting, cumulative histogram buckets and
/// the final `# EOF` of OpenMetrics.
public struct ExpositionWriter {
    /// The format being written.
    public let format: ExpositionFormat
    /// Labels written first on every sample (an exporter's static labels, e.g. `app="checkout"`).
    public let constantLabels: LabelSet
    private var bytes: [UInt8] = []
    private var currentFamily: MetricFamily?

    /// Starts an empty exposition.
    ///
    /// - Parameters:
    ///   - format: Prometheus text 0.0.4 or OpenMetrics 1.0.
    ///   - constantLabels: Labels written first on every sample.
    ///   - capacity: Bytes to reserve; the previous scrape's size is a good guess.
    public init(format: ExpositionFormat, constantLabels: LabelSet = .empty, capacity: Int = 16_384) {
        self.format = format
        self.constantLabels = constantLabels
        bytes.reserveCapacity(capacity)
    }

    /// Writes a family's metadata lines; every sample written after belongs to it.
    public mutating func beginFamily(_ family: MetricFamily) {
        if let previous = currentFamily {
            assert(
                previous.name.utf8.lexicographicallyPrecedes(family.name.utf8), "families must be written in name order"
            )
        }
        currentFamily = family
        let name = format == .openMetrics ? family.openMetricsName : family.name
        bytes.append(contentsOf: "# HELP ".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: " "))
        appendEscapedHelp(family.help)
        bytes.append(contentsOf: "\n# TYPE ".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: family.type.rawValue.utf8)
        bytes.append(UInt8(ascii: "\n"))
        if format == .openMetrics, let unit = family.unit {
            bytes.append(contentsOf: "# UNIT ".utf8)
            bytes.append(contentsOf: name.utf8)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: unit.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes one sample of the current counter or gauge family.
    ///
    /// - Parameters:
    ///   - labels: The series' prerendered labels.
    ///   - extraLabel: One more label, rendered after `labels` (for a per-sample dimension).
    ///   - value: The sample's value.
    public mutating func writeSample(
        _ labels: LabelSet, extraLabel: (name: String, value: String)? = nil, _ value: Double
    ) {
        appendSeriesStart(suffix: "", labels: labels, extraLabel: extraLabel)
        SampleValue.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Writes one integer sample of the current counter or gauge family.
    public mutating func writeSample(
        _ labels: LabelSet, extraLabel: (name: String, value: String)? = nil, _ value: UInt64
    ) {
        appendSeriesStart(suffix: "", labels: labels, extraLabel: extraLabel)
        SampleValue.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Writes one series of the current histogram family.
    ///
    /// - Parameters:
    ///   - labels: The series' labels, without `le`.
    ///   - upperBounds: The finite bucket bounds, ascending.
    ///   - bucketCounts: Per bound, the observations that fell in that bucket alone (not
    ///     cumulative); observations above the last bound are in `count` only.
    ///   - count: All observations; written as both `le="+Inf"` and `_count`, so the two are
    ///     always equal.
    ///   - sum: The sum of all observations.
    public mutating func writeHistogram(
        _ labels: LabelSet,
        upperBounds: [Double],
        bucketCounts: some Collection<UInt64>,
        count: UInt64,
        sum: Double
    ) {
        var cumulative: UInt64 = 0
        for (bound, bucketCount) in zip(upperBounds, bucketCounts) {
            cumulative += bucketCount
            appendSeriesStart(suffix: "_bucket", labels: labels, extraLabel: ("le", SampleValue.text(bound)))
            SampleValue.append(cumulative, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        appendSeriesStart(suffix: "_bucket", labels: labels, extraLabel: ("le", "+Inf"))
        SampleValue.append(count, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        appendSeriesStart(suffix: "_sum", labels: labels, extraLabel: nil)
        SampleValue.append(sum, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        appendSeriesStart(suffix: "_count", labels: labels, extraLabel: nil)
        SampleValue.append(count, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Ends the exposition and returns its bytes (OpenMetrics gets its `# EOF` line).
    public consuming func finish() -> [UInt8] {
        if format == .openMetrics {
            bytes.append(contentsOf: "# EOF\n".utf8)
        }
        return bytes
    }

    private mutating func appendSeriesStart(
        suffix: String, labels: LabelSet, extraLabel: (name: String, value: String)?
    ) {
        guard let family = currentFamily else {
            preconditionFailure("a sample needs beginFamily first")
        }
        bytes.append(contentsOf: family.name.utf8)
        bytes.append(contentsOf: suffix.utf8)
        if !constantLabels.isEmpty || !labels.isEmpty || extraLabel != nil {
            bytes.append(UInt8(ascii: "{"))
            bytes.append(contentsOf: constantLabels.rendered)
            if !constantLabels.isEmpty && !labels.isEmpty { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: labels.rendered)
            if let extraLabel {
                if !labels.isEmpty || !constantLabels.isEmpty { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: extraLabel.name.utf8)
                bytes.append(contentsOf: "=\"".utf8)
                LabelSet.appendEscapedValue(extraLabel.value.utf8, to: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: " "))
    }

    private mutating func appendEscapedHelp(_ help: String) {
        for byte in help.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            default: bytes.append(byte)
            }
        }
    }
}
