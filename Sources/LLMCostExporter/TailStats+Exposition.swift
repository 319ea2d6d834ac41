import LogTailing
import PrometheusFormat

extension TailStats {
    /// The tailer's self-metrics, ready to render.
    func exposedFamilies() -> [FamilySamples] {
        [
            FamilySamples(MetricCatalog.filesWatched) { $0.writeSample(.empty, UInt64(filesWatched)) },
            FamilySamples(MetricCatalog.rotations) { $0.writeSample(.empty, UInt64(rotations)) },
            FamilySamples(MetricCatalog.truncations) { $0.writeSample(.empty, UInt64(truncations)) },
            FamilySamples(MetricCatalog.readErrors) { writer in
                for reason in ReadErrorReason.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
                    writer.writeSample(
                        .empty, extraLabel: ("reason", reason.rawValue), UInt64(readErrors[reason, default: 0]))
                }
            },
            FamilySamples(MetricCatalog.unreadBytes) { $0.writeSample(.empty, UInt64(max(0, unreadBytes))) },
        ]
    }
}
