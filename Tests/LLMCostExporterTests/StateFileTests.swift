import CostBudgets
import Foundation
import LogTailing
import Testing

@testable import LLMCostExporter

struct StateFileTests {
    private func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("state.json").path
    }

    private func filledState() -> CostMetricsState {
        var state = CostMetricsState(extraLabels: [ExtraLabel(name: "user", sources: ["user_id"], maxValues: 1)])
        _ = state.configureBudgets([try! Budget(name: "daily", amountUSD: 10, period: .day)], now: 1_717_322_400)
        RecordBuilder(costUSD: 0.5, inputTokens: 10, outputTokens: 5, latencySeconds: 1.5, timestamp: 1_717_322_000)
            .record(into: &state)
        RecordBuilder(
            provider: "anthropic", model: "claude-3-opus", status: .error, errorType: .rateLimit, latencySeconds: 0.2
        ).record(into: &state)
        RecordBuilder(costUSD: 7.5e-06, cacheReadTokens: 100, isCached: true, timestamp: 1_717_000_000).record(
            into: &state)
        state.recordLineError(.invalidJSON)
        state.recordBytesRead(1234)
        return state
    }

    private func text(_ state: CostMetricsState) -> String {
        String(decoding: ExporterExposition.render(state, format: .text), as: UTF8.self)
    }

    @Test func restoringASavedStateReproducesTheExpositionExactly() throws {
        let original = filledState()
        var restored = CostMetricsState(extraLabels: [ExtraLabel(name: "user", sources: ["user_id"], maxValues: 1)])
        _ = restored.configureBudgets([try Budget(name: "daily", amountUSD: 10, period: .day)], now: 1_717_322_400)
        let roundTripped = try JSONDecoder().decode(
            PersistedMetrics.self, from: JSONEncoder().encode(original.persisted()))
        #expect(restored.restore(roundTripped) == nil)
        #expect(text(restored) == text(original))
    }

    @Test func countersContinueAfterARestore() throws {
        var restored = CostMetricsState(extraLabels: [ExtraLabel(name: "user", sources: ["user_id"], maxValues: 1)])
        #expect(restored.restore(filledState().persisted()) == nil)
        RecordBuilder(costUSD: 0.25).record(into: &restored)
        #expect(
            text(restored).contains(
                "llm_cost_usd_total{provider=\"openai\",model=\"gpt-4o\",user=\"\",status=\"success\"} 0.7500075\n"))
        #expect(restored.lines == 5)
    }

    @Test func aStateOfOtherBucketsOrLabelsIsRefused() {
        var otherBuckets = CostMetricsState(limits: MetricLimits(durationBuckets: [1, 2]))
        #expect(otherBuckets.restore(filledState().persisted()) == "the saved state has other histogram buckets")
        var otherLabels = CostMetricsState()
        #expect(otherLabels.restore(filledState().persisted()) == "the saved state has other extra labels")
        #expect(otherLabels.lines == 0, "nothing was half-restored")
    }

    @Test func savesAtomicallyAndLoadsWhatItSaved() throws {
        let file = StateFile(path: try temporaryPath())
        #expect(try file.load() == nil, "no file yet is not an error")
        let position = TailPosition(
            path: "/logs/a.jsonl", identity: FileIdentity(device: 1, inode: 2),
            fingerprint: Fingerprint(of: Array("{}".utf8)), offset: 42)
        let state = PersistedState(
            version: PersistedState.currentVersion, savedAt: 1_717_322_400, positions: [position],
            metrics: filledState().persisted())
        try file.save(state)
        let loaded = try #require(try file.load())
        #expect(loaded.positions == [position])
        #expect(loaded.metrics == state.metrics)
        #expect(!FileManager.default.fileExists(atPath: file.path + ".tmp"), "the temporary file was renamed away")
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let reason: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadFile(name: "empty", bytes: [], reason: "is empty"),
        BadFile(
            name: "NUL-filled", bytes: [UInt8](repeating: 0, count: 4096),
            reason: "contains NUL bytes: it was not written completely"),
        BadFile(
            name: "truncated", bytes: Array(#"{"version":1,"savedAt":17173"#.utf8),
            reason: "is not a complete state file (truncated or not JSON)"),
        BadFile(
            name: "not JSON", bytes: Array("positions: []\n".utf8),
            reason: "is not a complete state file (truncated or not JSON)"),
        BadFile(
            name: "another version", bytes: Array(#"{"version":99}"#.utf8),
            reason: "has state format 99; this exporter reads 1"),
        BadFile(
            name: "right version, wrong shape", bytes: Array(#"{"version":1,"savedAt":"yesterday"}"#.utf8),
            reason: "does not hold a valid state"),
    ])
    func refusesAnUnusableFileWithAReason(_ bad: BadFile) throws {
        let path = try temporaryPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bad.bytes)))
        do {
            _ = try StateFile(path: path).load()
            Issue.record("a \(bad.name) file must be refused")
        } catch {
            #expect(error.description.hasPrefix(path + " " + bad.reason), "\(error.description)")
        }
    }
}
