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
            StandardStream.writeOutput(
                Array("llm-cost-exporter \(BuildInfo.version) (swift \(BuildInfo.swiftVersion))\n".utf8))
            return 0
        case .checkConfig(let path):
            do {
                _ = try ExporterConfiguration.load(path: path)
                StandardStream.writeOutput(Array("\(path): valid\n".utf8))
                return 0
            } catch {
                StandardStream.writeError("\(error.description)\n")
                return 1
            }
        case .run(let commandLineOptions):
            let options: ExporterOptions
            do {
                options = try resolveOptions(commandLineOptions, arguments: arguments)
            } catch let error as ConfigError {
                StandardStream.writeError("llm-cost-exporter: \(error.description)\n")
                return 2
            } catch {
                StandardStream.writeError("llm-cost-exporter: \(error)\n")
                return 2
            }
            let logger = Logger.standardError(level: options.logLevel)
            guard options.isOnce else {
                let service = ExporterService(options: options, logger: logger) {
                    try resolveOptions(commandLineOptions, arguments: arguments)
                }
                return service.run()
            }
            StandardStream.writeOutput(OnceRunner(options: options, logger: logger).run())
            return 0
        }
    }

    /// The options in force: the config file's (if `--config` names one) with the command
    /// line's flags applied on top, checked.
    private static func resolveOptions(_ commandLineOptions: ExporterOptions, arguments: [String]) throws
        -> ExporterOptions
    {
        var options = commandLineOptions
        if let path = commandLineOptions.configPath {
            let configuration = try ExporterConfiguration.load(path: path)
            if case .run(let merged) = try CommandLineParser.parse(arguments, base: configuration.options) {
                options = merged
            }
        }
        try options.validate()
        return options
    }
}
