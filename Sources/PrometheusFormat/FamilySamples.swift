/// One family and the code that writes its samples: the unit an exposition is assembled from.
///
/// Each part of a program contributes its families this way; `ExpositionWriter.render`
/// puts them in name order, so no part needs to know where the others' families fall.
public struct FamilySamples {
    /// The family's metadata.
    public let family: MetricFamily
    /// Writes the family's samples, in label order, after its metadata.
    public let writeSamples: (inout ExpositionWriter) -> Void

    /// Pairs a family with the code that writes its samples.
    public init(_ family: MetricFamily, writeSamples: @escaping (inout ExpositionWriter) -> Void) {
        self.family = family
        self.writeSamples = writeSamples
    }
}

extension ExpositionWriter {
    /// Renders a complete exposition from families given in any order.
    ///
    /// - Parameters:
    ///   - families: Every family to expose; names must be unique.
    ///   - format: Text 0.0.4 or OpenMetrics.
    ///   - constantLabels: Labels written first on every sample.
    ///   - capacity: Bytes to reserve.
    /// - Returns: The exposition's bytes, families sorted by name.
    public static func render(
        _ families: [FamilySamples],
        format: ExpositionFormat,
        constantLabels: LabelSet = .empty,
        capacity: Int = 16_384
    ) -> [UInt8] {
        var writer = ExpositionWriter(format: format, constantLabels: constantLabels, capacity: capacity)
        for entry in families.sorted(by: { $0.family.name.utf8.lexicographicallyPrecedes($1.family.name.utf8) }) {
            writer.beginFamily(entry.family)
            entry.writeSamples(&writer)
        }
        return writer.finish()
    }
}
