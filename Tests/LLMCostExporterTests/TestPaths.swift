import Foundation

/// Where the tests find the repository's files and tools.
enum TestPaths {
    /// The repository's root folder.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled example logs.
    static let examples = repositoryRoot.appendingPathComponent("examples")

    /// The expected expositions, one per example file.
    static let golden = repositoryRoot.appendingPathComponent("Tests/LLMCostExporterTests/Golden")

    /// The example log files, sorted by name.
    static func exampleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A tool on the `PATH`, or a failure telling how to get it.
    static func tool(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw MissingTool(name: name)
    }

    struct MissingTool: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed; run ./scripts/test, which installs it" }
    }
}

/// Runs a program to completion and captures its output.
enum ToolRun {
    /// Runs `executable` with `arguments`, feeding `input` on stdin.
    ///
    /// - Returns: The exit status and everything written to stdout and stderr.
    static func run(_ executable: URL, _ arguments: [String], input: [UInt8] = []) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe()
        let output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
