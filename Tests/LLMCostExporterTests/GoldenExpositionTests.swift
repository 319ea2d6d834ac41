import ExporterTestSupport
import Foundation
import Testing

@testable import LLMCostExporter

/// Each bundled example log → its expected exposition, compared whole.
///
/// Set `UPDATE_GOLDEN=1` to rewrite the expected files after a deliberate change, then review
/// the diff line by line before committing it.
struct GoldenExpositionTests {
    static let exampleNames: [String] =
        (try? TestPaths.exampleFiles().map { $0.deletingPathExtension().lastPathComponent }) ?? []

    @Test(arguments: exampleNames)
    func exampleMatchesGolden(_ name: String) throws {
        let input = TestPaths.examples.appendingPathComponent(name + ".jsonl")
        let golden = TestPaths.golden.appendingPathComponent(name + ".prom")
        let actual = withoutBuildInfo(once(files: [input.path]))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func everyShapeHasAnExample() {
        #expect(
            Set(Self.exampleNames) == [
                "bad-lines", "cost-calculator", "course-guide", "db-tracker", "gateway-spend", "llm-proxy",
                "openai-raw", "tutorial",
            ])
    }

    @Test func promtoolAcceptsTheExpositionOfEveryExample() throws {
        let promtool = try #require(
            SpawnedProcess.executable(named: "promtool"), "promtool is missing: run ./scripts/test, which installs it")
        let exposition = once(files: try TestPaths.exampleFiles().map(\.path))
        let result = try runWithInput(promtool, ["check", "metrics"], input: exposition)
        #expect(result.status == 0, "promtool check metrics: \(result.output)")
        #expect(result.output.isEmpty, "no lint complaint: \(result.output)")
    }

    /// promtool reads only the Prometheus text format; the OpenMetrics output is checked by
    /// the reference parser in Python's prometheus_client, which is strict about the spec.
    @Test func openMetricsParserAcceptsTheExpositionOfEveryExample() throws {
        let python = try #require(SpawnedProcess.executable(named: "python3"), "python3 is missing")
        let exposition = once(files: try TestPaths.exampleFiles().map(\.path), format: .openmetrics)
        let script = """
            import sys
            from prometheus_client.openmetrics.parser import text_string_to_metric_families
            families = list(text_string_to_metric_families(sys.stdin.read()))
            print(len(families), sum(len(f.samples) for f in families))
            """
        let result = try runWithInput(python, ["-c", script], input: exposition)
        #expect(result.status == 0, "OpenMetrics parser: \(result.output)")
        let sampleLines = exposition.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        let familyCount = exposition.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.count
        #expect(result.output == "\(familyCount) \(sampleLines)\n")
    }

    /// Runs a tool with `input` as its standard input (through a temporary file).
    private func runWithInput(_ tool: URL, _ arguments: [String], input: String) throws -> (
        status: Int32, output: String
    ) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("exposition-\(UUID().uuidString)")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try SpawnedProcess.run(
            tool, arguments, in: FileManager.default.temporaryDirectory, timeout: 60, input: file)
    }

    @Test func buildInfoNamesTheVersion() {
        let exposition = once(files: [])
        #expect(
            exposition.contains(
                "llm_cost_exporter_build_info{swift_version=\"\(BuildInfo.swiftVersion)\",version=\"\(BuildInfo.version)\"} 1\n"
            ))
    }

    private func once(files: [String], format: ExporterOptions.OnceFormat = .text) -> String {
        var options = ExporterOptions()
        options.isOnce = true
        options.filePatterns = files
        options.onceFormat = format
        let logger = Logger(level: .error) { _ in }
        return String(decoding: OnceRunner(options: options, logger: logger).run(), as: UTF8.self)
    }

    private func withoutBuildInfo(_ exposition: String) -> String {
        exposition.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("llm_cost_exporter_build_info") }
            .joined(separator: "\n")
    }
}
