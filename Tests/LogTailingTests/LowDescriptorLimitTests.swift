import Foundation
import Testing

@testable import LogTailing

/// 200 files under a real `ulimit -n 64`, and a real `EMFILE`.
///
/// Lowering the descriptor limit would starve the tests running in parallel in this process,
/// so the parent test runs the child test alone in a new process of this same test binary,
/// under `sh -c 'ulimit -n 64; exec …'`. The child test is enabled only in that process.
@Suite struct LowDescriptorLimitTests {
    static let childVariable = "LOGTAILING_LOW_FD_CHILD"

    @Test func many_files_under_ulimit_64() throws {
        let executable = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            "ulimit -n 64 && exec \"$0\" --testing-library swift-testing --filter LowDescriptorLimitTests/child_many_files_under_ulimit_64",
            executable,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: "1"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("child_many_files_under_ulimit_64() passed"), "\(text)")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] == "1"))
    func child_many_files_under_ulimit_64() throws {
        var limit = rlimit()
        #expect(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
        #expect(limit.rlim_cur == 64)
        let directory = try TempDirectory()
        let names = (0..<200).map { String(format: "f%03d.jsonl", $0) }
        for name in names { try directory.write(name, "\(name) 1\n") }
        let clock = ManualClock()
        // The default budget: a quarter of the limit.
        let tailer = FileTailer(
            patterns: [directory.url("*.jsonl")],
            options: scenarioOptions(),
            clock: clock,
            restoring: nil,
            fileSystem: SystemFileSystem()
        )
        #expect(tailer.descriptorLimit == 16)
        var sink = RecordingSink()
        tailer.poll(into: &sink)
        #expect(sink.takeLines() == names.map { "\($0): \($0) 1" })

        for name in names { try directory.append(name, "\(name) 2\n") }
        tailer.poll(into: &sink)
        #expect(sink.takeLines() == names.map { "\($0): \($0) 2" })
        #expect(tailer.stats.filesOpen == 16)

        // A restart while someone else in the process holds every descriptor left: each
        // file fails with a real EMFILE, keeps its saved position, and is read on later.
        for name in names { try directory.append(name, "\(name) 3\n") }
        var hogged: [Int32] = []
        while true {
            let descriptor = open("/dev/null", O_RDONLY)
            guard descriptor >= 0 else { break }
            hogged.append(descriptor)
        }
        let restarted = FileTailer(
            patterns: [directory.url("*.jsonl")],
            options: scenarioOptions(),
            clock: clock,
            restoring: tailer.positions(),
            fileSystem: SystemFileSystem()
        )
        restarted.poll(into: &sink)
        for descriptor in hogged { close(descriptor) }
        #expect(sink.takeLines() == [])
        #expect(restarted.stats.readErrors == [.tooManyOpenFiles: 200])
        #expect(restarted.stats.filesWatched == 200)
        clock.advance(by: .seconds(1))
        restarted.poll(into: &sink)
        #expect(sink.takeLines() == names.map { "\($0): \($0) 3" })
        #expect(restarted.stats.filesOpen == 16)
    }
}
