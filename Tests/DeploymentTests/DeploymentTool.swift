import Foundation
import Testing

/// A command-line tool from the Debian packages the deployment files are checked with.
///
/// A missing tool is a test failure, never a skip: the project's test script
/// (`./scripts/test`) installs the packages, so a missing tool means the tests were run
/// some other way and the check did not happen.
struct DeploymentTool {
    /// What one run of the tool gave.
    struct Run {
        /// The exit status; 0 on success.
        let status: Int32
        /// Standard output and standard error, interleaved as written.
        let output: String
    }

    /// The tool's name on `PATH`, e.g. `promtool`.
    let name: String
    /// The Debian package that installs it.
    let package: String

    /// The repository's root directory, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DeploymentTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `promtool`, from the `prometheus` package.
    static let promtool = DeploymentTool(name: "promtool", package: "prometheus")
    /// `amtool`, from the `prometheus-alertmanager` package.
    static let amtool = DeploymentTool(name: "amtool", package: "prometheus-alertmanager")

    /// The tool's absolute path, or `nil` with a recorded test failure when it is not on `PATH`.
    func locate(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        Issue.record(
            """
            \(name) is not on PATH, so this check could not run. Run the project's test script, \
            ./scripts/test, which installs the Debian package \(package) \
            (or: apt-get install -y \(package)).
            """,
            sourceLocation: sourceLocation
        )
        return nil
    }

    /// Runs the tool in the repository root and waits for it, at most `timeout` seconds.
    ///
    /// - Returns: The exit status and output, or `nil` with a recorded failure when the tool
    ///   is missing, cannot start or does not finish in time (it is then killed).
    func run(
        _ arguments: [String],
        timeout: TimeInterval = 120,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run? {
        guard let executable = locate(sourceLocation: sourceLocation) else { return nil }
        // A file rather than a pipe: a pipe's buffer fills and blocks a chatty tool.
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString).out")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            Issue.record("cannot create \(outputFile.path) for \(name)'s output", sourceLocation: sourceLocation)
            return nil
        }
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.repositoryRoot
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            Issue.record(
                "\(name) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s",
                sourceLocation: sourceLocation)
            return nil
        }
        let text = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        return Run(status: process.terminationStatus, output: text)
    }

    /// Runs the tool and records a failure showing its output unless it exits with 0.
    ///
    /// - Returns: The output of a successful run, or `nil` after a recorded failure.
    @discardableResult
    func expectSuccess(
        _ arguments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String? {
        guard let run = try run(arguments, sourceLocation: sourceLocation) else { return nil }
        guard run.status == 0 else {
            Issue.record(
                "\(name) \(arguments.joined(separator: " ")) exited with \(run.status):\n\(run.output)",
                sourceLocation: sourceLocation
            )
            return nil
        }
        return run.output
    }
}
