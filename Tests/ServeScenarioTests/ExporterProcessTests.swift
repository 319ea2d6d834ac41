import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The exporter as a process: what it serves passes Prometheus's own lint, and it stops
/// cleanly and quickly when asked.
@Suite("Exporter process", .timeLimit(.minutes(1)))
struct ExporterProcessTests {
    @Test("promtool check metrics accepts a live scrape")
    func promtoolAcceptsLiveScrape() async throws {
        let promtool = try #require(
            SpawnedProcess.executable(named: "promtool"),
            "promtool is not on PATH: run the test script (scripts/test), which installs Debian's prometheus package"
        )
        let exporter = try await ExporterUnderTest(files: [
            "app.jsonl": CostLine.records(3, model: "linted") + "not json\n"
                + #"{"model":"gpt-4o","input_tokens":10,"output_tokens":5,"latency":1.5,"status":"error"}"# + "\n"
        ])
        let scrape = try exporter.get("/metrics")
        #expect(scrape.status == 200)
        let file = exporter.directory.appendingPathComponent("scrape.prom")
        try Data(scrape.body).write(to: file)
        let check = try SpawnedProcess.run(
            promtool, ["check", "metrics"], in: exporter.directory, timeout: 20, input: file)
        #expect(check.status == 0, "promtool check metrics:\n\(check.output)")
    }

    @Test("a stop signal ends the process within 1 s with exit status 0", arguments: [SIGTERM, SIGINT])
    func stopsOnSignal(_ signal: Int32) async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": CostLine.records(3, model: "stopping")])
        let sent = ContinuousClock.now
        #expect(kill(exporter.process.processIdentifier, signal) == 0)
        // The wait is generous; the exit time is taken when the child was reaped, so a busy
        // test machine delays this loop but not the measurement.
        while exporter.process.isRunning, ContinuousClock.now - sent < .seconds(5) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let exitedAt = try #require(exporter.process.exitedAt, "still running 5 s after signal \(signal)")
        #expect(exitedAt - sent < .seconds(1))
        #expect(exporter.process.exitStatus == 0, "log:\n\(exporter.process.outputTail())")
    }
}
