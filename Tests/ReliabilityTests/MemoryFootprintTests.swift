import ExporterTestSupport
import Foundation
import Testing

extension StressTests {
    /// Issue 2's promise that memory does not grow with lines: what the exporter keeps is one
    /// set of series per label combination, never anything per line.
    ///
    /// It measures the binary `ExporterBinary.locate()` finds: under `swift test` the debug
    /// build beside the test bundle, or `LLM_COST_EXPORTER_BIN` (a release build) when set. The
    /// debug build's larger frames and unspecialised generics raise the baseline, not the growth.
    @Suite("Memory footprint", .timeLimit(.minutes(1)))
    struct MemoryFootprintTests {
        static let models = (0..<30).map { "model-\($0)" }
        /// How much more the larger history may use: 20% of the smaller one's peak, plus 4 MiB
        /// for allocator noise.
        static let allowedGrowth = (fraction: 0.2, kib: 4 * 1024)

        @Test("the peak RSS after reading 300k lines is that of 10k lines of the same 30 models")
        func memoryDoesNotGrowWithLines() async throws {
            let small = try await Self.peakResidentKiB(afterReading: 10_000)
            let large = try await Self.peakResidentKiB(afterReading: 300_000)
            let bound = Int(Double(small) * (1 + Self.allowedGrowth.fraction)) + Self.allowedGrowth.kib
            print("memory: peak RSS \(small) KiB after 10k lines, \(large) KiB after 300k lines (bound \(bound) KiB)")
            #expect(large <= bound, "peak RSS \(small) KiB after 10k lines but \(large) KiB after 300k")
        }

        /// Starts an exporter on a history of `lineCount` lines cycling through the 30 models,
        /// checks it read them all, and returns its `VmHWM` once it reports ready.
        private static func peakResidentKiB(afterReading lineCount: Int) async throws -> Int {
            let cycle = models.map { CostLine.record(model: $0) }
            let (cycles, rest) = lineCount.quotientAndRemainder(dividingBy: models.count)
            let history = String(repeating: cycle.joined(), count: cycles) + cycle.prefix(rest).joined()
            let exporter = try await ExporterUnderTest(
                files: ["history.jsonl": history], pollInterval: 20, readyTimeout: .seconds(40))
            // Ready means the history is read; the footprint is taken before any scrape renders.
            let peak = try ProcessFootprint(of: exporter.process.processIdentifier).peakResidentKiB
            let requests = Dictionary(
                uniqueKeysWithValues: models.enumerated().map { ($1, cycles + ($0 < rest ? 1 : 0)) })
            try await exporter.expectTotals(
                TailingTotals(lines: lineCount, successfulRequests: requests, filesWatched: 1))
            return peak
        }
    }
}
