import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real exporter binary serving a temporary directory of log files, as a user runs it.
///
/// It tails `DIR/logs/*.jsonl` and listens on a loopback port the kernel picks (`:0`, read
/// back from its log), so tests can run in parallel without colliding. It is stopped and its
/// directory removed when the value goes away, whatever the test found; every wait has a
/// deadline.
package final class ExporterUnderTest {
    /// The exporter could not be started or stopped answering; the message carries its log.
    package struct StartError: Error, CustomStringConvertible {
        /// What failed, with the exporter's log.
        package var description: String
    }

    /// The temporary directory: `logs/` holds the tailed files, `exporter.log` its output.
    package let directory: URL
    /// The directory whose `*.jsonl` files are tailed.
    package let logs: URL
    /// The running exporter.
    package let process: SpawnedProcess
    /// The loopback port it serves on.
    package private(set) var port: UInt16 = 0

    /// Starts the exporter on the files in `files` (name → content), written before it starts.
    ///
    /// Returns once it answers `/-/ready` with 200, i.e. once it has read the files' history.
    ///
    /// - Parameters:
    ///   - files: The log files present at start.
    ///   - pollInterval: `--poll-interval`, in milliseconds.
    ///   - arguments: More flags.
    ///   - user: Run as this user (through `setpriv`) instead of the test's.
    ///   - descriptorLimit: Run under this `ulimit -n` (through `sh`, which `exec`s the
    ///     exporter, so the process id stays the exporter's) instead of the test's limit.
    ///   - readyTimeout: How long reading the files' history may take.
    ///   - prepare: Called with the `logs` directory after the files are written, before the
    ///     exporter starts (to make symlinks, change permissions).
    package init(
        files: [String: String] = [:],
        pollInterval: Int = 50,
        arguments: [String] = [],
        user: String? = nil,
        descriptorLimit: Int? = nil,
        readyTimeout: Duration = .seconds(10),
        prepare: (URL) throws -> Void = { _ in }
    ) async throws {
        let binary = try #require(
            ExporterBinary.locate(), Comment(rawValue: ExporterBinary.notFoundMessage))
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("serve-scenario-\(UUID().uuidString)")
        logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        for (name, content) in files {
            try Data(content.utf8).write(to: logs.appendingPathComponent(name))
        }
        try prepare(logs)
        var command =
            [
                "--file", logs.path + "/*.jsonl", "--listen", "127.0.0.1:0",
                "--poll-interval", String(pollInterval),
            ] + arguments
        var executable = binary
        if let user {
            let setpriv = try #require(
                SpawnedProcess.executable(named: "setpriv"), "setpriv (util-linux) is not on PATH")
            command = ["--reuid=\(user)", "--regid=nogroup", "--clear-groups", binary.path] + command
            executable = setpriv
        }
        if let descriptorLimit {
            command = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" \"$@\"", executable.path] + command
            executable = URL(fileURLWithPath: "/bin/sh")
        }
        do {
            process = try SpawnedProcess(
                executable, command, in: directory,
                outputFile: directory.appendingPathComponent("exporter.log"))
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        port = try await waitForPort()
        try await waitUntil("it answers /-/ready with 200", timeout: readyTimeout) {
            (try? self.get("/-/ready").status) == 200
        }
    }

    deinit {
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The URL of the log file `name`.
    package func file(_ name: String) -> URL {
        logs.appendingPathComponent(name)
    }

    /// Appends `text` to the log file `name`, creating it if needed, in one `write(2)`.
    package func append(_ text: String, to name: String) throws {
        try LogFileWrite.append(text, to: file(name))
    }

    /// Replaces the content of the log file `name` in place (same inode): `open` with
    /// `O_TRUNC`, then one `write(2)`, so no poll is likely to fall between the two.
    package func replaceContent(of name: String, with text: String) throws {
        let descriptor = open(file(name).path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Sends one request on a new connection and reads the response until the server closes.
    ///
    /// - Parameter headers: Extra header lines, e.g. `Accept-Encoding: gzip`.
    package func get(_ path: String, method: String = "GET", headers: [String] = []) throws -> HTTPReply {
        try ServingExporter.get(path, method: method, headers: headers, port: port)
    }

    /// Scrapes `/metrics` in the text format.
    package func scrape() throws -> Exposition {
        try ServingExporter.scrape(port: port)
    }

    /// Scrapes until the totals are `expected`, for up to `timeout`, then expects them to be.
    ///
    /// It waits for every sample, not only `lines_total`: the tailer's own counters (files
    /// watched, rotations, truncations) are published at the end of each poll, so a scrape
    /// taken in the middle of the poll that read the last line may show them one poll late.
    /// The totals are counters, so once they all match nothing was lost; a line counted twice
    /// or a wrong counter keeps them from matching until the deadline, and the expectation
    /// then fails with the last totals and the exporter's log.
    ///
    /// - Parameter timeout: How long the exporter may take to catch up (ten seconds by default).
    /// - Returns: The last totals, equal to `expected` unless the expectation failed.
    /// - Throws: `StartError` when the exporter exits.
    @discardableResult
    package func expectTotals(
        _ expected: TailingTotals, within timeout: Duration = .seconds(10),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TailingTotals {
        var last = TailingTotals(try scrape())
        let deadline = ContinuousClock.now + timeout
        while last != expected, ContinuousClock.now < deadline {
            try checkRunning()
            try await Task.sleep(for: .milliseconds(20))
            last = TailingTotals(try scrape())
        }
        #expect(
            last == expected, "exporter log:\n\(process.outputTail())", sourceLocation: sourceLocation)
        return last
    }

    /// Scrapes until `condition` holds of the scrape, for up to ten seconds.
    ///
    /// - Returns: The scrape that met the condition or, after a recorded failure, the last one.
    /// - Throws: `StartError` when the exporter exits.
    package func scrape(
        when condition: (Exposition) -> Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Exposition {
        var last = try scrape()
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition(last) {
            guard ContinuousClock.now < deadline else {
                Issue.record(
                    """
                    the scrape did not reach the expected state within 10 s: \(TailingTotals(last))
                    exporter log:
                    \(process.outputTail())
                    """,
                    sourceLocation: sourceLocation)
                return last
            }
            try checkRunning()
            try await Task.sleep(for: .milliseconds(20))
            last = try scrape()
        }
        return last
    }

    /// Waits until `condition` holds, checking every 20 ms for up to `timeout`.
    ///
    /// - Throws: `ProcessWait.Failure` with the exporter's log when it exits or the deadline
    ///   passes, or what `condition` throws.
    package func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), condition: () async throws -> Bool
    ) async throws {
        try await ProcessWait.until(
            what, timeout: timeout, pollingEvery: .milliseconds(20), watching: [process], condition: condition)
    }

    /// - Throws: `StartError` with the exporter's log when it has exited.
    private func checkRunning() throws {
        if let status = process.exitStatus {
            throw StartError(
                description: "\(process.commandLine) exited with status \(status):\n\(process.outputTail())"
            )
        }
    }

    /// Reads the port the exporter bound from its first log line (`port=N`).
    private func waitForPort() async throws -> UInt16 {
        var found: UInt16?
        try await waitUntil("it logs the port it serves on") {
            found = ServingExporter.servedPort(inLog: process.outputTail(limit: 100_000))
            return found != nil
        }
        return try #require(found)
    }
}
