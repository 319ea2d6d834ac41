/// The program: parses the arguments, runs the chosen mode, and turns failures into exit codes.
public enum ExporterMain {
    /// Runs the exporter and returns the process exit code: 0 on success, 2 on a usage error.
    public static func run(arguments: [String]) -> Int32 {
        let command: ExporterCommand
        do {
            command = try CommandLineParser.parse(arguments)
        } catch {
            StandardStream.writeError("llm-cost-exporter: \(error.description)\n")
            return 2
        }
        switch command {
        case .help:
            StandardStream.writeOutput(Array(CommandLineParser.usage.utf8))
            return 0
        case .version:
            StandardStream.writeOutput(Array("llm-cost-exporter \(BuildInfo.version) (swift \(BuildInfo.swiftVersion))\n".utf8))
            return 0
        case .run(let options):
            let logger = Logger.standardError(level: options.logLevel)
            guard options.isOnce else {
                StandardStream.writeError("llm-cost-exporter: serving is not built yet; use --once\n")
                return 2
            }
            StandardStream.writeOutput(OnceRunner(options: options, logger: logger).run())
            return 0
        }
    }
}
