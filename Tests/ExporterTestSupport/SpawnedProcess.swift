import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A child process of a test, with its output in a file and a bounded, certain end.
///
/// Output goes to a file rather than a pipe so a chatty child never blocks on a full pipe.
/// `stop()` sends SIGTERM, waits up to five seconds, then SIGKILL: a test never leaves a
/// process behind, whatever it found.
package final class SpawnedProcess: Sendable {
    /// What the child was started as, for messages.
    package let commandLine: String
    /// The file that receives the child's stdout and stderr.
    package let outputFile: URL
    private let process: Process
    private let exitClock: ExitClock

    /// When the child's exit was noticed, written by Foundation's process-reaping thread.
    private final class ExitClock: Sendable {
        let instant = Mutex<ContinuousClock.Instant?>(nil)
    }

    /// Starts `executable` with `arguments` in `directory`.
    ///
    /// - Parameter input: A file to read as standard input; `nil` for an empty one.
    /// - Throws: the `Process` error when the executable cannot be started.
    package init(_ executable: URL, _ arguments: [String], in directory: URL, outputFile: URL, input: URL? = nil) throws
    {
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputFile.path])
        }
        let handle = try FileHandle(forWritingTo: outputFile)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        let exitClock = ExitClock()
        process.terminationHandler = { _ in exitClock.instant.withLock { $0 = .now } }
        try process.run()
        self.process = process
        self.exitClock = exitClock
        self.outputFile = outputFile
        self.commandLine = ([executable.path] + arguments).joined(separator: " ")
    }

    /// Whether the child is still running.
    package var isRunning: Bool { process.isRunning }

    /// The child's process id, to signal it or look at its `/proc` entry.
    package var processIdentifier: Int32 { process.processIdentifier }

    /// When the child was seen to exit, or `nil` while it runs.
    ///
    /// Taken on Foundation's thread that reaps children, so it does not depend on how busy the
    /// test's own threads are: measure how long a child took to stop with it.
    package var exitedAt: ContinuousClock.Instant? { exitClock.instant.withLock { $0 } }

    /// The child's exit status, once it has exited.
    package var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    /// The last `limit` characters the child wrote, for failure messages.
    package func outputTail(limit: Int = 2_000) -> String {
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return String(text.suffix(limit))
    }

    /// Ends the child: SIGTERM, up to five seconds, then SIGKILL; returns when it is gone.
    package func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline {
            usleep(20_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit {
        stop()
    }

    /// Runs `executable` to its end and returns its exit status and combined output.
    ///
    /// For short tools (`promtool check …`); the child is killed after `timeout` seconds.
    ///
    /// - Parameter input: A file to read as standard input; `nil` for an empty one.
    package static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, timeout: TimeInterval = 60, input: URL? = nil
    ) throws -> (status: Int32, output: String) {
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("deployment-tests-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let child = try SpawnedProcess(executable, arguments, in: directory, outputFile: outputFile, input: input)
        let deadline = Date().addingTimeInterval(timeout)
        while child.isRunning, Date() < deadline {
            usleep(20_000)
        }
        child.stop()
        let status = child.exitStatus ?? -1
        return (status, (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "")
    }

    /// The first executable called `name` on `PATH`, or `nil`.
    package static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
