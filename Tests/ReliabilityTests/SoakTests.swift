import ExporterTestSupport
import Foundation
import Testing

extension StressTests {
    /// Issue 8's soak, short: `scripts/soak 20` on the binary under test, so the script the
    /// README tells users to run for hours is itself tested on every run.
    ///
    /// The script writes 5,000 lines a second with a rotation every 3 s, scrapes every second,
    /// and exits 1 when a line is lost or doubled, a scrape fails or takes a second, or RSS
    /// (+20%) or descriptors (+10) grow from the first third of the run to the last.
    @Suite("Soak", .timeLimit(.minutes(1)))
    struct SoakTests {
        static let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/soak")

        @Test("20 s at 5,000 lines a second with rotations: every line once, no growth")
        func shortSoakHasNoGrowth() async throws {
            let binary = try #require(ExporterBinary.locate(), Comment(rawValue: ExporterBinary.notFoundMessage))
            let python = SpawnedProcess.executable(named: "python3")
            try #require(python != nil, "python3 is not on PATH: scripts/soak drives the load with it")
            let outputFile = FileManager.default.temporaryDirectory
                .appendingPathComponent("soak-\(UUID().uuidString).log")
            defer { try? FileManager.default.removeItem(at: outputFile) }
            let soak = try SpawnedProcess(
                Self.script, ["20", "--table-every", "5", "--binary", binary.path],
                in: Self.script.deletingLastPathComponent(), outputFile: outputFile)
            // Waits without holding a thread: the other suites' tests share the pool meanwhile.
            // On time-out `stop()` sends SIGTERM, on which the script stops the exporter.
            let deadline = ContinuousClock.now + .seconds(50)
            while soak.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
            soak.stop()
            let output = soak.outputTail(limit: 20_000)
            print(output)
            #expect(soak.exitStatus == 0, "scripts/soak failed:\n\(output)")
            #expect(output.contains("soak: PASS"), "\(output)")
        }
    }
}
