import PrometheusFormat

/// The exporter's version, and the `llm_cost_exporter_build_info` family that reports it.
public enum BuildInfo {
    /// The exporter's version.
    public static let version = "0.1.0"

    /// The language version of the compiler that built the exporter.
    public static let swiftVersion: String = {
        #if compiler(>=6.3)
            "6.3"
        #elseif compiler(>=6.2)
            "6.2"
        #elseif compiler(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }()

    /// The build-info family: a constant 1 with the versions as labels.
    static var family: FamilySamples {
        FamilySamples(MetricCatalog.buildInfo) { writer in
            writer.writeSample(LabelSet([("swift_version", swiftVersion), ("version", version)]), UInt64(1))
        }
    }
}
