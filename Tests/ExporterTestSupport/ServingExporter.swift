import Foundation

/// One run of the exporter binary serving on a loopback port the kernel picked (`--listen
/// 127.0.0.1:0`), read back from its log.
///
/// What the live tests share about a running exporter: starting it and waiting until it is
/// ready, plain HTTP requests to it, and parsed scrapes. It owns no files: the caller decides
/// the command line and the directory, so a test can start the binary again on the same state
/// file after a crash. The process ends when the value goes away (see `SpawnedProcess`).
package final class ServingExporter: Sendable {
    /// The exporter exited, or answered a scrape with something else than 200; the message
    /// carries its log.
    package struct Failure: Error, CustomStringConvertible {
        /// What happened, with the end of the exporter's log.
        package var description: String
    }

    /// The running process.
    package let process: SpawnedProcess
    /// The loopback port it serves on.
    package let port: UInt16

    /// Starts `executable` with `arguments` and returns once it answers `/-/ready` with 200,
    /// i.e. once it has read the files' history.
    ///
    /// - Parameters:
    ///   - executable: The exporter, or a wrapper that runs it (`setpriv`).
    ///   - arguments: The command line; it must listen on a loopback port, `:0` included.
    ///   - directory: The working directory.
    ///   - outputFile: Receives the exporter's stdout and stderr.
    ///   - timeout: How long it may take to log its port, and again to become ready.
    /// - Throws: The `Process` error when it cannot be started, or `ProcessWait.Failure` with
    ///   its log when it exits or is not ready in time (the process is then stopped).
    package init(
        _ executable: URL, _ arguments: [String], in directory: URL, outputFile: URL,
        timeout: Duration = .seconds(10)
    ) async throws {
        let process = try SpawnedProcess(executable, arguments, in: directory, outputFile: outputFile)
        do {
            var found: UInt16?
            try await ProcessWait.until(
                "it logs the port it serves on", timeout: timeout, pollingEvery: .milliseconds(20),
                watching: [process]
            ) {
                found = Self.servedPort(inLog: process.outputTail(limit: 100_000))
                return found != nil
            }
            guard let port = found else { throw Failure(description: "no port in the log") }
            try await ProcessWait.until(
                "it answers /-/ready with 200", timeout: timeout, pollingEvery: .milliseconds(20),
                watching: [process]
            ) {
                (try? Self.get("/-/ready", port: port).status) == 200
            }
            self.process = process
            self.port = port
        } catch {
            process.stop()
            throw error
        }
    }

    /// The port in the exporter's `serving metrics … port=N` log line, or `nil` before it.
    package static func servedPort(inLog log: String) -> UInt16? {
        log.split(separator: "\n").lazy.compactMap { line -> UInt16? in
            guard line.contains("serving metrics"), let range = line.range(of: " port=") else { return nil }
            return UInt16(line[range.upperBound...].prefix { $0.isNumber })
        }.first
    }

    /// Sends one request on a new connection and reads the response until the server closes.
    ///
    /// - Parameter headers: Extra header lines, e.g. `Accept-Encoding: gzip`.
    package func get(_ path: String, method: String = "GET", headers: [String] = []) throws -> HTTPReply {
        try Self.get(path, method: method, headers: headers, port: port)
    }

    /// Scrapes `/metrics` in the text format.
    ///
    /// - Throws: `Failure` when the answer is not 200, or what the connection or parse throws.
    package func scrape() throws -> Exposition {
        try Self.scrape(port: port)
    }

    /// Scrapes `/metrics` in the text format from the exporter listening on `port`.
    ///
    /// - Throws: `Failure` when the answer is not 200, or what the connection or parse throws.
    package static func scrape(port: UInt16) throws -> Exposition {
        let reply = try get("/metrics", port: port)
        guard reply.status == 200 else {
            throw Failure(description: "GET /metrics answered \(reply.status): \(reply.text)")
        }
        return try Exposition(parsing: reply.text)
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

    /// - Throws: `Failure` with the exporter's log when it has exited.
    package func checkRunning() throws {
        if let status = process.exitStatus {
            throw Failure(description: "\(process.commandLine) exited with status \(status):\n\(process.outputTail())")
        }
    }

    /// Sends one request to the server on loopback `port` on a new connection and reads the
    /// response until the server closes.
    ///
    /// - Parameter headers: Extra header lines, e.g. `Accept-Encoding: gzip`.
    package static func get(_ path: String, method: String = "GET", headers: [String] = [], port: UInt16) throws
        -> HTTPReply
    {
        let client = try LoopbackClient(port: port)
        let head = (["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers)
            .joined(separator: "\r\n")
        try client.send(head + "\r\n\r\n")
        return try HTTPReply(parsing: client.readUntilClose())
    }
}
