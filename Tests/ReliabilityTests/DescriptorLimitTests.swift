import ExporterTestSupport
import Foundation
import Testing

extension StressTests {
    /// Issue 8's low descriptor limit: 200 files under `ulimit -n 64`, and a real `EMFILE`.
    ///
    /// Under a limit of 64 the tailer keeps at most 16 files open (a quarter of the limit) and
    /// closes and reopens the rest by identity. To make it meet a real `EMFILE`, the test fills
    /// the exporter's descriptor table with idle connections (the HTTP server accepts until it
    /// runs out), takes away the files the tailer holds, and appends to files it has closed:
    /// each open fails, is counted in `read_errors_total{reason="too_many_open_files"}`, keeps
    /// the file's position and is retried, and once the connections go every line is read once.
    @Suite("Low descriptor limit", .timeLimit(.minutes(1)))
    struct DescriptorLimitTests {
        static let descriptorLimit = 64
        /// The tailer's default budget: a quarter of the limit.
        static let tailerBudget = 16
        static let names = (0..<200).map { String(format: "f%03d.jsonl", $0) }

        @Test("200 files under ulimit -n 64: every line once, a real EMFILE counted and read past")
        func twoHundredFilesUnderUlimit64() async throws {
            let exporter = try await ExporterUnderTest(
                files: Dictionary(uniqueKeysWithValues: Self.names.map { ($0, CostLine.records(3, model: "history")) }),
                pollInterval: 20, descriptorLimit: Self.descriptorLimit)
            let pid = exporter.process.processIdentifier
            #expect(try Self.openFilesLimit(of: pid) == Self.descriptorLimit)
            var expected = ["history": 3 * Self.names.count]
            var watched = Self.names.count
            try await exporter.expectTotals(Self.totals(expected, filesWatched: watched))

            // Twenty files appended to at once, more than the tailer may hold open.
            let writers = try Self.names.prefix(20).map {
                try RotatingWriter(file: exporter.file($0), linesPerSecond: 100, models: ["steady"])
            }
            var mostLogFilesOpen = 0
            let writesEnd = ContinuousClock.now + .seconds(3)
            while ContinuousClock.now < writesEnd {
                mostLogFilesOpen = max(mostLogFilesOpen, Self.logFilesOpen(by: pid, in: exporter.logs).count)
                try await Task.sleep(for: .milliseconds(20))
            }
            expected["steady"] = writers.map { $0.stop()["steady", default: 0] }.reduce(0, +)
            try await exporter.expectTotals(Self.totals(expected, filesWatched: watched))
            #expect(mostLogFilesOpen <= Self.tailerBudget)

            // The tailer now holds exactly the sixteen files it read last.
            let held = Array(Self.names[100..<(100 + Self.tailerBudget)])
            for name in held { try exporter.append(CostLine.record(model: "held"), to: name) }
            expected["held"] = held.count
            try await exporter.expectTotals(Self.totals(expected, filesWatched: watched))
            #expect(Self.logFilesOpen(by: pid, in: exporter.logs) == Set(held.map { exporter.file($0).path }))

            // Idle connections fill the descriptor table; more wait in the listen queue to take
            // every descriptor the exporter gives back.
            var clients = try (0..<(2 * Self.descriptorLimit)).map { _ in try LoopbackClient(port: exporter.port) }
            try await exporter.waitUntil("the exporter holds \(Self.descriptorLimit) descriptors") {
                try ProcessFootprint(of: pid).descriptors >= Self.descriptorLimit
            }
            // Deleted files are read to their end and closed; their descriptors go to connections.
            for name in held { try FileManager.default.removeItem(at: exporter.file(name)) }
            watched -= held.count
            try await exporter.waitUntil("connections took the deleted files' descriptors") {
                let descriptors = try ProcessFootprint(of: pid).descriptors
                return Self.logFilesOpen(by: pid, in: exporter.logs).isEmpty && descriptors >= Self.descriptorLimit
            }
            let starved = Self.names[150..<200]
            for name in starved { try exporter.append(CostLine.record(model: "starved"), to: name) }
            try await Task.sleep(for: .seconds(1))
            #expect(
                Self.logFilesOpen(by: pid, in: exporter.logs).isEmpty,
                "the tailer opened files while the exporter was out of descriptors")

            clients.removeAll()
            expected["starved"] = starved.count
            // Retries back off while they fail; the last one may come seconds later.
            try await exporter.expectTotals(
                Self.totals(expected, filesWatched: watched, readErrorReasons: ["too_many_open_files"]),
                within: .seconds(20))
        }

        /// Every line in `requests` (by model), all successful, no line or read errors but these.
        private static func totals(
            _ requests: [String: Int], filesWatched: Int, readErrorReasons: Set<String> = []
        ) -> TailingTotals {
            TailingTotals(
                lines: requests.values.reduce(0, +), successfulRequests: requests, filesWatched: filesWatched,
                readErrorReasons: readErrorReasons)
        }

        /// The paths in `logs` that process `pid` has open.
        private static func logFilesOpen(by pid: Int32, in logs: URL) -> Set<String> {
            Set(ProcessFootprint.descriptorTargets(of: pid).filter { $0.hasPrefix(logs.path + "/") })
        }

        /// The soft `Max open files` of `/proc/PID/limits`.
        private static func openFilesLimit(of pid: Int32) throws -> Int? {
            let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
            let line = limits.split(separator: "\n").first { $0.hasPrefix("Max open files") }
            return line?.dropFirst("Max open files".count).split(whereSeparator: \.isWhitespace).first
                .flatMap { Int($0) }
        }
    }
}
