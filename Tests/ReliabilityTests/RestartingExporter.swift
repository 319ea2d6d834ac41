import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The exporter binary run again and again on one directory and one state file, as a service
/// manager restarts it after a crash.
///
/// The directory holds `logs/` (the tailed files), `state.json` and one log per run
/// (`exporter-N.log`). Every run is stopped, and the directory removed, when the value goes
/// away, whatever the test found.
final class RestartingExporter {
    /// The temporary directory.
    let directory: URL
    /// Where the tailed files are written.
    let logs: URL
    /// The `--state-file`.
    let stateFile: URL
    /// The command line after the binary, the same for every run.
    let arguments: [String]
    private let binary: URL
    /// Every run so far, the current one last.
    private(set) var runs: [SpawnedProcess] = []

    /// Prepares a directory; nothing runs until `start()` or `launch()`.
    ///
    /// - Parameter arguments: Makes the command line from the directory: by default the
    ///   `logs/*.jsonl` files, a loopback port picked by the kernel, a poll every 20 ms, and
    ///   the state file saved every second.
    init(arguments: ((RestartingExporter.Paths) -> [String])? = nil) throws {
        binary = try #require(ExporterBinary.locate(), Comment(rawValue: ExporterBinary.notFoundMessage))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(UUID().uuidString)")
        logs = directory.appendingPathComponent("logs")
        stateFile = directory.appendingPathComponent("state.json")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let paths = Paths(directory: directory, logs: logs, stateFile: stateFile)
        self.arguments = arguments?(paths) ?? Self.defaultArguments(paths, pattern: "*.jsonl")
    }

    deinit {
        for run in runs { run.stop() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The paths a command line is made from.
    struct Paths {
        var directory: URL
        var logs: URL
        var stateFile: URL
    }

    /// `--file LOGS/pattern --listen 127.0.0.1:0 --poll-interval 20 --state-file … --state-save-interval 1`.
    static func defaultArguments(_ paths: Paths, pattern: String) -> [String] {
        [
            "--file", paths.logs.path + "/" + pattern, "--listen", "127.0.0.1:0", "--poll-interval", "20",
            "--state-file", paths.stateFile.path, "--state-save-interval", "1",
        ]
    }

    /// Starts a run and returns at once, ready or not (to kill it at any point of its start).
    @discardableResult
    func launch() throws -> SpawnedProcess {
        let run = try SpawnedProcess(binary, arguments, in: directory, outputFile: nextLogFile())
        runs.append(run)
        return run
    }

    /// Starts a run and returns once it serves and has read the files' history.
    func start() async throws -> ServingExporter {
        let serving = try await ServingExporter(binary, arguments, in: directory, outputFile: nextLogFile())
        runs.append(serving.process)
        return serving
    }

    /// Sends `signal` to the current run and waits (up to 10 s) until it has exited.
    ///
    /// - Returns: The run's exit status, `nil` if it was still running after 10 s (it is then
    ///   killed).
    @discardableResult
    func end(with signal: Int32) async throws -> Int32? {
        guard let run = runs.last, run.isRunning else { return runs.last?.exitStatus }
        kill(run.processIdentifier, signal)
        let deadline = ContinuousClock.now + .seconds(10)
        while run.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        guard !run.isRunning else {
            run.stop()
            return nil
        }
        return run.exitStatus
    }

    /// The output of every run, each headed by its command number, the last `limit`
    /// characters of each.
    func logsOfRuns(limit: Int = 1_500) -> String {
        runs.enumerated().map { "--- run \($0.offset + 1):\n\($0.element.outputTail(limit: limit))" }
            .joined(separator: "\n")
    }

    private func nextLogFile() -> URL {
        directory.appendingPathComponent("exporter-\(runs.count + 1).log")
    }
}
