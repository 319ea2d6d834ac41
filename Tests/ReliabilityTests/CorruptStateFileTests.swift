import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 8: a state file that cannot be used is logged, counted and ignored — the exporter
/// starts from the files, counts them exactly once, and saves a good state again.
@Suite("Corrupt state files", .timeLimit(.minutes(1)))
struct CorruptStateFileTests {
    /// What is wrong with the state file at start.
    enum BrokenState: String, CaseIterable, CustomTestStringConvertible {
        case missing
        case empty
        /// The first half of a real state file.
        case truncated
        /// 4 KiB of NUL bytes, as Promtail's positions file was found (loki#6268).
        case nulFilled
        /// A real state file with another format version.
        case otherVersion

        var testDescription: String { rawValue }

        /// `llm_cost_exporter_state_errors_total{operation="load"}` after the start.
        var loadErrors: Double { self == .missing ? 0 : 1 }
        /// Part of the log line that gives the reason.
        var logged: String {
            switch self {
            case .missing: "no state file yet"
            case .empty: "is empty"
            case .truncated: "is not a complete state file"
            case .nulFilled: "contains NUL bytes"
            case .otherVersion: "has state format 2"
            }
        }
    }

    @Test(
        "a missing, empty, truncated, NUL-filled or other-version state file never makes a crash loop",
        arguments: BrokenState.allCases)
    func corruptStateFilesNeverCrashLoop(_ broken: BrokenState) async throws {
        let exporter = try RestartingExporter()
        let lines = 7
        try LogFileWrite.append(
            (0..<lines).map { NumberedLine.line(seq: $0) }.joined(),
            to: exporter.logs.appendingPathComponent("a.jsonl"))
        let expected = CountedTotals(
            requests: Dictionary((0..<lines).map { (NumberedLine.model(ofSeq: $0), 1) }, uniquingKeysWith: +))
        try await write(broken, for: exporter, expecting: expected)

        let serving = try await exporter.start()
        let scrape = try serving.scrape()
        let loadErrors = scrape.samples(named: "llm_cost_exporter_state_errors_total")
            .first { $0.label("operation") == "load" }
        #expect(loadErrors?.value == broken.loadErrors)
        #expect(scrape.value("llm_cost_exporter_state_restored") == 0)
        #expect(CountedTotals(scrape) == expected)
        #expect(
            serving.process.outputTail(limit: 100_000).contains(broken.logged),
            "log:\n\(serving.process.outputTail())")

        // It saves a good state over the bad one, and the next start restores it.
        try await serving.waitUntil("it has saved its state") {
            try serving.scrape().value("llm_cost_exporter_state_last_save_timestamp_seconds") != nil
        }
        #expect(try await exporter.end(with: SIGTERM) == 0)
        let restarted = try await exporter.start()
        let restored = try restarted.scrape()
        #expect(restored.value("llm_cost_exporter_state_restored") == 1)
        #expect(CountedTotals(restored) == expected, "logs:\n\(exporter.logsOfRuns())")
    }

    /// Puts the broken state file in place; a truncated or other-version one is made from a
    /// real state file, saved by a run that read the same files.
    private func write(
        _ broken: BrokenState, for exporter: RestartingExporter, expecting expected: CountedTotals
    ) async throws {
        switch broken {
        case .missing:
            return
        case .empty:
            try Data().write(to: exporter.stateFile)
            return
        case .nulFilled:
            try Data(repeating: 0, count: 4_096).write(to: exporter.stateFile)
            return
        case .truncated, .otherVersion:
            break
        }
        let serving = try await exporter.start()
        try await serving.waitUntil("it has read the files") { CountedTotals(try serving.scrape()) == expected }
        #expect(try await exporter.end(with: SIGTERM) == 0)
        let saved = try Data(contentsOf: exporter.stateFile)
        if broken == .truncated {
            try saved.prefix(saved.count / 2).write(to: exporter.stateFile)
        } else {
            let text = String(decoding: saved, as: UTF8.self)
            let otherVersion = text.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
            try #require(otherVersion != text, "no version field in the state file: \(text.prefix(200))")
            try Data(otherVersion.utf8).write(to: exporter.stateFile)
        }
    }
}
