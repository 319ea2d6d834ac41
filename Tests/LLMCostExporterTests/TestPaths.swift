import Foundation

/// Where the tests find the repository's files and tools.
enum TestPaths {
    /// The repository's root folder.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled example logs.
    static let examples = repositoryRoot.appendingPathComponent("examples")

    /// The expected expositions, one per example file.
    static let golden = repositoryRoot.appendingPathComponent("Tests/LLMCostExporterTests/Golden")

    /// The example log files, sorted by name.
    static func exampleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
