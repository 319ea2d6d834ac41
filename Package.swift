// swift-tools-version:6.0
import PackageDescription

/// Settings every target of ours shares: Swift 6 strict concurrency and explicit `any`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "llm-cost-exporter",
    products: [
        .executable(name: "llm-cost-exporter", targets: ["llm-cost-exporter"])
    ],
    targets: [
        // The system zlib, for gzip-compressed scrapes.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Metric primitives and the exact exposition text; no I/O.
        .target(name: "PrometheusFormat", swiftSettings: strictSettings),
        // Exact proleptic Gregorian day arithmetic, shared by timestamps and budget periods.
        .target(name: "CivilCalendar", swiftSettings: strictSettings),
        // One JSON line in, one normalised cost record or a counted reason out; no I/O.
        .target(name: "CostRecords", dependencies: ["CivilCalendar"], swiftSettings: strictSettings),
        // Files and lines: reading, splitting, tailing, rotation; never JSON.
        .target(name: "LogTailing", swiftSettings: strictSettings),
        // The small hardened HTTP/1.1 server.
        .target(name: "MetricsHTTP", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // The strict YAML subset the config file is written in.
        .target(name: "ConfigYAML", swiftSettings: strictSettings),
        // What a model's tokens cost: built-in prices, LiteLLM price files, overrides.
        .target(name: "ModelPricing", swiftSettings: strictSettings),
        // Budget periods in a named timezone and spend per period.
        .target(name: "CostBudgets", dependencies: ["CivilCalendar"], swiftSettings: strictSettings),
        // Wires the pieces: metric set, ingest pipeline, self-metrics, options, lifecycle.
        .target(
            name: "LLMCostExporter",
            dependencies: [
                "PrometheusFormat", "CostRecords", "LogTailing", "MetricsHTTP", "ConfigYAML", "CostBudgets",
                "ModelPricing",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "llm-cost-exporter", dependencies: ["LLMCostExporter"], swiftSettings: strictSettings),

        .testTarget(name: "PrometheusFormatTests", dependencies: ["PrometheusFormat"]),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"]),
        .testTarget(name: "CostRecordsTests", dependencies: ["CostRecords", "ExporterTestSupport"]),
        .testTarget(name: "LogTailingTests", dependencies: ["LogTailing"]),
        .testTarget(name: "MetricsHTTPTests", dependencies: ["MetricsHTTP", "ExporterTestSupport"]),
        .testTarget(name: "ConfigYAMLTests", dependencies: ["ConfigYAML"], resources: [.copy("Corpus")]),
        .testTarget(name: "CostBudgetsTests", dependencies: ["CostBudgets", "CivilCalendar"]),
        .testTarget(name: "ModelPricingTests", dependencies: ["ModelPricing"]),
        .testTarget(
            name: "LLMCostExporterTests",
            dependencies: [
                "LLMCostExporter", "MetricsHTTP", "CostBudgets", "ModelPricing", "CostRecords", "ExporterTestSupport",
            ],
            resources: [.copy("Golden")]
        ),
        // What the tests that run real processes and sockets share: child processes with a
        // certain end, free loopback ports, a raw HTTP client, a Prometheus API client, and the
        // seeded random generator of every randomized test.
        .target(name: "ExporterTestSupport", path: "Tests/ExporterTestSupport", swiftSettings: strictSettings),
        // Checks of the shipped deployment files (alert rules, dashboards, prometheus.yml)
        // with the real Prometheus tools.
        .testTarget(name: "DeploymentTests", dependencies: ["ExporterTestSupport"]),
        // The built binary driven as a user would: files written on disk, live scrapes over
        // loopback, a real Prometheus; one test per tailing scenario and HTTP behaviour.
        .testTarget(name: "ServeScenarioTests", dependencies: ["ExporterTestSupport"]),
        // Exactly-once across crashes and restarts, rotation storms, descriptor limits,
        // hostile HTTP clients and a short soak, against the real binary.
        .testTarget(name: "ReliabilityTests", dependencies: ["ExporterTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
