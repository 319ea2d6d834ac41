import PrometheusFormat

/// The state file's health, exposed so an alert can see a state that is not being saved.
struct StateFileStatus: Sendable {
    /// Whether the counters were restored from the file at start.
    var isRestored = false
    /// Loads that failed (the exporter then started from the files).
    var loadErrors: UInt64 = 0
    /// Saves that failed (the previous file stays).
    var saveErrors: UInt64 = 0
    /// When the state was last saved, in epoch seconds.
    var lastSave: Double?

    /// The state file's self-metrics.
    func exposedFamilies() -> [FamilySamples] {
        var families = [
            FamilySamples(MetricCatalog.stateRestored) { $0.writeSample(.empty, UInt64(isRestored ? 1 : 0)) },
            FamilySamples(MetricCatalog.stateErrors) { writer in
                writer.writeSample(.empty, extraLabel: ("operation", "load"), loadErrors)
                writer.writeSample(.empty, extraLabel: ("operation", "save"), saveErrors)
            },
        ]
        if let lastSave {
            families.append(FamilySamples(MetricCatalog.stateLastSave) { $0.writeSample(.empty, lastSave) })
        }
        return families
    }
}
