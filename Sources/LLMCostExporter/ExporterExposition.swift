import PrometheusFormat

/// Assembles the complete exposition from a snapshot of every part's state.
public enum ExporterExposition {
    /// Renders a snapshot of the metrics (and build info) in `format`.
    public static func render(_ metrics: CostMetricsState, format: ExpositionFormat) -> [UInt8] {
        ExpositionWriter.render(
            metrics.exposedFamilies() + [BuildInfo.family], format: format, constantLabels: metrics.staticLabels)
    }
}
