import Foundation

/// Where the `llm-cost-exporter` binary under test is.
package enum ExporterBinary {
    /// The binary: `LLM_COST_EXPORTER_BIN`, else the one `swift test` built beside the test
    /// bundle.
    ///
    /// - Returns: its URL, or `nil` when neither is an executable file.
    package static func locate() -> URL? {
        if let path = ProcessInfo.processInfo.environment["LLM_COST_EXPORTER_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [bundleFolder, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("llm-cost-exporter") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The sentence a test fails with when `locate()` finds nothing.
    package static let notFoundMessage = """
        the llm-cost-exporter binary was not found: set LLM_COST_EXPORTER_BIN, or run the tests \
        with `swift test`, which builds it beside the test bundle
        """
}
