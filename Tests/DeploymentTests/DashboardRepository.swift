import Foundation

/// Where the shipped deployment files are, found from this source file's own path.
///
/// Tests run from the package's build folder, so paths are resolved against the repository
/// root rather than the working directory.
enum DashboardRepository {
    /// The repository root (the folder that holds `Package.swift`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DeploymentTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The dashboards and the uid each must keep: links and bookmarks depend on the uids.
    static let dashboardUIDs: [String: String] = [
        "llm-cost-overview.json": "llm-cost-overview",
        "llm-cost-by-model.json": "llm-cost-by-model",
    ]

    /// The Grafana `schemaVersion` every dashboard is pinned to (Grafana 10.4's).
    static let schemaVersion = 39

    /// The uid of the provisioned Prometheus datasource.
    static let datasourceUID = "llm-cost-prometheus"

    /// A file or folder of the repository.
    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The file names of every dashboard in `grafana/dashboards/`, sorted.
    static func dashboardFileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url("grafana/dashboards").path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
    }

    /// Reads one dashboard of `grafana/dashboards/`.
    static func dashboard(_ fileName: String) throws -> GrafanaDashboard {
        try GrafanaDashboard(contentsOf: url("grafana/dashboards").appendingPathComponent(fileName))
    }

    /// A new, empty folder under the system's temporary directory; the caller removes it.
    static func makeTemporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("deployment-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
