/// Polling for a state that real processes reach in their own time, with a deadline.
///
/// The one wait loop of the live tests: a watched process that exits ends the wait at once
/// (there is nothing left to wait for), and every failure quotes what the watched processes
/// wrote, so a test that gives up says why.
package enum ProcessWait {
    /// A wait ended without its condition holding.
    package struct Failure: Error, CustomStringConvertible {
        /// What was awaited and why it ended, with the watched processes' output.
        package var description: String
    }

    /// Polls `condition` every `interval` until it holds, for up to `timeout`.
    ///
    /// - Parameters:
    ///   - what: the awaited state, for the failure message.
    ///   - processes: the processes the condition depends on.
    /// - Throws: `Failure` when a watched process exits first or the deadline passes, or what
    ///   `condition` throws.
    package static func until(
        _ what: String,
        timeout: Duration = .seconds(30),
        pollingEvery interval: Duration = .milliseconds(200),
        watching processes: [SpawnedProcess],
        condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            if let exited = processes.first(where: { !$0.isRunning }) {
                throw Failure(
                    description: """
                        waiting until \(what): \(exited.commandLine) exited with status \(exited.exitStatus ?? -1):
                        \(exited.outputTail())
                        """)
            }
            guard ContinuousClock.now < deadline else {
                let outputs = processes.map { "\($0.commandLine) wrote:\n\($0.outputTail())" }
                throw Failure(
                    description: """
                        waiting until \(what): not so after \(timeout)
                        \(outputs.joined(separator: "\n"))
                        """)
            }
            try await Task.sleep(for: interval)
        }
    }
}
