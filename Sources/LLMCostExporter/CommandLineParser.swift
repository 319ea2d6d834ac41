/// What the command line asks for.
public enum ExporterCommand: Equatable, Sendable {
    /// Print the usage text and exit 0.
    case help
    /// Print the version and exit 0.
    case version
    /// Validate a config file and exit: 0 when valid, 1 with the errors.
    case checkConfig(String)
    /// Run with these options (`--once` or serve).
    case run(ExporterOptions)
}

/// Parses the exporter's arguments; no I/O, so tests need no process.
public enum CommandLineParser {
    /// Parses `arguments` (without the program name) on top of `base`.
    ///
    /// Accepts `--flag value` and `--flag=value`. Parsing again with a config file's options
    /// as `base` is how a flag beats the file. `--file` given on the command line replaces
    /// the base's patterns instead of adding to them.
    /// - Throws: `UsageError` naming an unknown flag or a missing or bad value.
    public static func parse(_ arguments: [String], base: ExporterOptions = ExporterOptions()) throws(UsageError)
        -> ExporterCommand
    {
        var options = base
        if arguments.contains(where: { $0 == "--file" || $0.hasPrefix("--file=") }) {
            options.filePatterns = []
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else {
                throw UsageError("unexpected argument '\(argument)'; file patterns go after --file")
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            if name == "help" { return .help }
            if name == "version" { return .version }
            if name == "check-config" {
                guard let path = inlineValue ?? remaining.popFirst(), !path.isEmpty else {
                    throw UsageError("flag '--check-config' needs a value")
                }
                return .checkConfig(path)
            }
            guard let flag = flags.first(where: { $0.name == name }) else {
                throw UsageError("unknown flag '--\(name)'; see --help")
            }
            var value = ""
            if flag.valueName != nil {
                guard let given = inlineValue ?? remaining.popFirst() else {
                    throw UsageError("flag '--\(name)' needs a value")
                }
                value = given
            } else if inlineValue != nil {
                throw UsageError("flag '--\(name)' takes no value")
            }
            do {
                try flag.apply(&options, value)
            } catch {
                throw UsageError("flag '--\(name)' \(error.complaint)")
            }
        }
        return .run(options)
    }

    /// The usage text: every flag with its help line.
    public static var usage: String {
        var lines = [
            "llm-cost-exporter: Prometheus metrics from the JSONL files LLM applications log their API calls to.",
            "",
            "usage: llm-cost-exporter --file PATTERN [--file PATTERN ...] [flags]",
            "",
            "flags:",
        ]
        let entries =
            flags.map { flag in
                ("--" + flag.name + (flag.valueName.map { " " + $0 } ?? ""), flag.help)
            } + [
                ("--check-config FILE", "Validate a config file, print its errors, exit 0 (valid) or 1."),
                ("--help", "Print this text and exit."),
                ("--version", "Print the version and exit."),
            ]
        let width = entries.map(\.0.count).max() ?? 0
        for (syntax, help) in entries {
            lines.append("  " + syntax + String(repeating: " ", count: width - syntax.count + 2) + help)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let flags: [CommandLineFlag] = [
        CommandLineFlag(
            name: "config", valueName: "FILE",
            help: "A YAML config file; every flag has a key there, and a flag beats the file."
        ) { options, value throws(FlagValueError) in
            guard !value.isEmpty else { throw FlagValueError("needs a non-empty path") }
            options.configPath = value
        },
        CommandLineFlag(name: "file", valueName: "PATTERN", help: "A JSONL file or glob to read; repeatable. Required.")
        { options, value throws(FlagValueError) in
            guard !value.isEmpty else { throw FlagValueError("needs a non-empty pattern") }
            options.filePatterns.append(value)
        },
        CommandLineFlag(
            name: "once", valueName: nil, help: "Read every file to its end, print the metrics on stdout, exit."
        ) { options, _ in
            options.isOnce = true
        },
        CommandLineFlag(
            name: "format", valueName: "FORMAT",
            help: "What --once prints: text (Prometheus 0.0.4) or openmetrics. Default text."
        ) { options, value throws(FlagValueError) in
            guard let format = ExporterOptions.OnceFormat(rawValue: value) else {
                throw FlagValueError("takes text or openmetrics, not '\(value)'")
            }
            options.onceFormat = format
        },
        CommandLineFlag(
            name: "listen", valueName: "ADDRESS",
            help:
                "Where to serve /metrics: :PORT, HOST:PORT or [IPv6]:PORT. Default \(ExporterOptions.defaultListenAddress)."
        ) { options, value in
            options.listenAddress = value
        },
        CommandLineFlag(
            name: "max-line-bytes", valueName: "N",
            help: "Longest line accepted; longer lines are skipped and counted. Default 1048576."
        ) { options, value throws(FlagValueError) in
            options.maxLineBytes = try positiveInteger(value)
        },
        CommandLineFlag(
            name: "max-providers", valueName: "N",
            help: "Distinct providers kept before new ones are recorded as __other__. Default 50."
        ) { options, value throws(FlagValueError) in
            options.limits.maxProviders = try positiveInteger(value)
        },
        CommandLineFlag(
            name: "max-models-per-provider", valueName: "N",
            help: "Distinct models kept per provider before new ones are recorded as __other__. Default 200."
        ) { options, value throws(FlagValueError) in
            options.limits.maxModelsPerProvider = try positiveInteger(value)
        },
        CommandLineFlag(
            name: "duration-buckets", valueName: "LIST",
            help: "Comma-separated upper bounds in seconds for llm_request_duration_seconds. Default 0.01,0.02,…,81.92."
        ) { options, value throws(FlagValueError) in
            options.limits.durationBuckets = try buckets(value)
        },
        CommandLineFlag(
            name: "cost-buckets", valueName: "LIST",
            help: "Comma-separated upper bounds in USD for llm_request_cost_usd. Default 0.0001,0.0005,…,5."
        ) { options, value throws(FlagValueError) in
            options.limits.costBuckets = try buckets(value)
        },
        CommandLineFlag(
            name: "poll-interval", valueName: "MS",
            help: "How often files are checked for new lines, in milliseconds. Default 250."
        ) { options, value throws(FlagValueError) in
            options.pollIntervalMilliseconds = try positiveInteger(value)
        },
        CommandLineFlag(
            name: "start-at", valueName: "WHERE",
            help: "beginning (replay history, the default) or end (skip what files hold at start)."
        ) { options, value throws(FlagValueError) in
            switch value {
            case "beginning": options.startsAtEnd = false
            case "end": options.startsAtEnd = true
            default: throw FlagValueError("takes beginning or end, not '\(value)'")
            }
        },
        CommandLineFlag(
            name: "state-file", valueName: "PATH",
            help:
                "Save counters and file positions here (atomically, every --state-save-interval and on SIGTERM) and resume from it at start."
        ) { options, value throws(FlagValueError) in
            guard !value.isEmpty else { throw FlagValueError("needs a non-empty path") }
            options.stateFilePath = value
        },
        CommandLineFlag(
            name: "state-save-interval", valueName: "SECONDS",
            help: "Seconds between saves of the state file. Default 10."
        ) { options, value throws(FlagValueError) in
            options.stateSaveIntervalSeconds = try positiveInteger(value)
        },
        CommandLineFlag(name: "log-level", valueName: "LEVEL", help: "debug, info, warn or error. Default info.") {
            options, value throws(FlagValueError) in
            guard let level = LogLevel(rawValue: value) else {
                throw FlagValueError("takes debug, info, warn or error, not '\(value)'")
            }
            options.logLevel = level
        },
    ]

    private static func positiveInteger(_ value: String) throws(FlagValueError) -> Int {
        guard let number = Int(value), number > 0 else {
            throw FlagValueError("needs a positive whole number, not '\(value)'")
        }
        return number
    }

    private static func buckets(_ value: String) throws(FlagValueError) -> [Double] {
        let bounds = value.split(separator: ",").map { Double($0.trimmingPrefix(" ")) }
        guard !bounds.isEmpty, bounds.allSatisfy({ $0.map { $0.isFinite } ?? false }) else {
            throw FlagValueError("needs comma-separated finite numbers, not '\(value)'")
        }
        let numbers = bounds.compactMap { $0 }
        guard MetricLimits.firstUnorderedBound(in: numbers) == nil else {
            throw FlagValueError("needs strictly ascending bounds, not '\(value)'")
        }
        return numbers
    }
}
