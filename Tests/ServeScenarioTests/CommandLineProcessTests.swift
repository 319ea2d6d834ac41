import ExporterTestSupport
import Foundation
import Testing

/// The command line as a user meets it: exit codes, one-line errors, warnings.
@Suite("Command line", .timeLimit(.minutes(1)))
struct CommandLineProcessTests {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let binary = try #require(ExporterBinary.locate(), Comment(rawValue: ExporterBinary.notFoundMessage))
        return try SpawnedProcess.run(binary, arguments, in: FileManager.default.temporaryDirectory, timeout: 30)
    }

    @Test("an unknown flag is a one-line error naming it, exit 2")
    func unknownFlag() throws {
        let result = try run(["--file", "x.jsonl", "--bogus"])
        #expect(result.status == 2)
        #expect(result.output == "llm-cost-exporter: unknown flag '--bogus'; see --help\n")
    }

    @Test("a missing file pattern is a one-line error naming the flag, exit 2")
    func missingFile() throws {
        let result = try run(["--once"])
        #expect(result.status == 2)
        #expect(result.output == "llm-cost-exporter: missing '--file PATTERN': name at least one JSONL file or glob\n")
    }

    @Test("a pattern that matches nothing is a warning, and --once still prints the metrics, exit 0")
    func emptyPatternWarns() throws {
        let result = try run(["--once", "--file", "/nonexistent-\(UUID().uuidString)/*.jsonl"])
        #expect(result.status == 0)
        #expect(result.output.contains("level=warn msg=\"pattern matches no file yet\""))
        #expect(result.output.contains("llm_cost_exporter_lines_total 0\n"))
    }

    @Test("--help lists the flags and exits 0; --version names the version")
    func helpAndVersion() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("llm-cost-exporter: Prometheus metrics from the JSONL files"))
        #expect(help.output.contains("--state-file PATH"))
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("llm-cost-exporter 0.1.0 (swift "))
    }

    @Test("--check-config exits 1 with FILE:LINE:COLUMN for a broken file, 0 for the example")
    func checkConfig() throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yml")
        try "listen: ':1'\nbudgets:\n  - name: b\n    amount_usd: -5\n    period: day\n".write(
            to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try run(["--check-config", broken.path])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("\(broken.path):3:5: "))
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/llm-cost-exporter.yml")
        let valid = try run(["--check-config", example.path])
        #expect(valid.status == 0, "\(valid.output)")
    }
}
