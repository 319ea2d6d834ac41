import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 8's first proof: SIGKILL at random points while a writer appends and rotates, a
/// restart on the same state file each time, and at the end exactly what was written.
@Suite("Kill -9 at random points", .timeLimit(.minutes(3)))
struct KillNineTests {
    /// How many times the exporter is killed.
    static let kills = 50

    @Test("kill -9 at random points keeps every line exactly once")
    func killNineAtRandomPointsKeepsEveryLineExactlyOnce() async throws {
        let seed = SeededGenerator.seed(default: 0x5EED_0008)
        print("killNineAtRandomPointsKeepsEveryLineExactlyOnce: seed \(seed)")
        var random = SeededGenerator(seed: seed)
        // `*.jsonl*` also matches the rotated `a.jsonl.N`, so every file stays watched and in
        // the saved positions, whenever the kill falls.
        let exporter = try RestartingExporter { RestartingExporter.defaultArguments($0, pattern: "*.jsonl*") }
        let writer = NumberedLineWriter(directory: exporter.logs, linesPerFile: 400, pause: .milliseconds(2))
        var written: (byModel: [String: Int], rotations: Int, failure: String?) = ([:], 0, nil)
        var killsBeforeSave = 0
        do {
            for _ in 0..<Self.kills {
                let delay = Duration.milliseconds(Int.random(in: 50...400, using: &random))
                if Int.random(in: 0..<3, using: &random) == 0 {
                    // After at least one save of this run, so the state moves on.
                    let serving = try await exporter.start()
                    try await serving.waitUntil("it has saved its state", timeout: .seconds(10)) {
                        try serving.scrape().value("llm_cost_exporter_state_last_save_timestamp_seconds") != nil
                    }
                } else {
                    // Anywhere in the run's first 400 ms: restoring, reading history, or tailing.
                    try exporter.launch()
                    killsBeforeSave += 1
                }
                try await Task.sleep(for: delay)
                let status = try await exporter.end(with: SIGKILL)
                #expect(status != nil, "a killed exporter did not exit")
            }
            written = writer.stop()
        } catch {
            _ = writer.stop()
            throw error
        }
        #expect(written.failure == nil)
        #expect(written.rotations >= 20, "the writer rotated only \(written.rotations) times")
        let expected = CountedTotals(requests: written.byModel)
        print(
            "killed \(Self.kills) times (\(killsBeforeSave) within 400 ms of the start), "
                + "\(expected.lines) lines, \(written.rotations) rotations")

        let serving = try await exporter.start()
        let caughtUp = try await serving.totals(reaching: expected, within: .seconds(30))
        #expect(caughtUp == expected, "logs:\n\(exporter.logsOfRuns())")
        // Nothing is counted late either: a poll or pattern rescan later, still the same.
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(CountedTotals(try serving.scrape()) == expected)
        #expect(try serving.scrape().value("llm_cost_exporter_state_restored") == 1)

        // A clean stop saves; the next start restores exactly, reading nothing again.
        #expect(try await exporter.end(with: SIGTERM) == 0)
        let restarted = try await exporter.start()
        #expect(CountedTotals(try restarted.scrape()) == expected, "logs:\n\(exporter.logsOfRuns())")
    }

}
