import Testing

@testable import LLMCostExporter

struct CommandLineParserTests {
    @Test func parsesOnceWithSeveralPatternsAndInlineValues() throws {
        let command = try CommandLineParser.parse([
            "--once", "--file", "logs/*.jsonl", "--file=other.jsonl", "--max-line-bytes=4096",
        ])
        var expected = ExporterOptions()
        expected.isOnce = true
        expected.filePatterns = ["logs/*.jsonl", "other.jsonl"]
        expected.maxLineBytes = 4096
        #expect(command == .run(expected))
    }

    @Test func parsesLimitsAndServingFlags() throws {
        let command = try CommandLineParser.parse([
            "--file", "a.jsonl", "--listen", "127.0.0.1:9999", "--max-providers", "3", "--max-models-per-provider", "4",
            "--duration-buckets", "0.5,1,2.5", "--cost-buckets", "0.01, 1", "--poll-interval", "100", "--start-at",
            "end", "--log-level", "debug",
            "--format", "openmetrics",
        ])
        guard case .run(let options) = command else {
            Issue.record("expected a run command, got \(command)")
            return
        }
        #expect(options.listenAddress == "127.0.0.1:9999")
        #expect(
            options.limits
                == MetricLimits(
                    durationBuckets: [0.5, 1, 2.5], costBuckets: [0.01, 1], maxProviders: 3, maxModelsPerProvider: 4))
        #expect(options.pollIntervalMilliseconds == 100)
        #expect(options.startsAtEnd)
        #expect(options.logLevel == .debug)
        #expect(options.onceFormat == .openmetrics)
    }

    @Test func parsesHelpAndVersion() throws {
        #expect(try CommandLineParser.parse(["--help"]) == .help)
        #expect(try CommandLineParser.parse(["--version"]) == .version)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(
            name: "unknown flag", arguments: ["--file", "a", "--bogus"], message: "unknown flag '--bogus'; see --help"),
        BadCase(name: "file without value", arguments: ["--file"], message: "flag '--file' needs a value"),
        BadCase(name: "empty pattern", arguments: ["--file="], message: "flag '--file' needs a non-empty pattern"),
        BadCase(
            name: "switch with value", arguments: ["--once=yes", "--file", "a"], message: "flag '--once' takes no value"
        ),
        BadCase(
            name: "stray argument", arguments: ["a.jsonl"],
            message: "unexpected argument 'a.jsonl'; file patterns go after --file"),
        BadCase(
            name: "non-numeric limit", arguments: ["--file", "a", "--max-providers", "many"],
            message: "flag '--max-providers' needs a positive whole number, not 'many'"),
        BadCase(
            name: "zero limit", arguments: ["--file", "a", "--max-line-bytes", "0"],
            message: "flag '--max-line-bytes' needs a positive whole number, not '0'"),
        BadCase(
            name: "descending buckets", arguments: ["--file", "a", "--duration-buckets", "1,0.5"],
            message: "flag '--duration-buckets' needs strictly ascending bounds, not '1,0.5'"),
        BadCase(
            name: "repeated cost bucket", arguments: ["--file", "a", "--cost-buckets", "0.01,0.01"],
            message: "flag '--cost-buckets' needs strictly ascending bounds, not '0.01,0.01'"),
        BadCase(
            name: "infinite bucket", arguments: ["--file", "a", "--duration-buckets", "1,inf"],
            message: "flag '--duration-buckets' needs comma-separated finite numbers, not '1,inf'"),
        BadCase(
            name: "bad start-at", arguments: ["--file", "a", "--start-at", "middle"],
            message: "flag '--start-at' takes beginning or end, not 'middle'"),
        BadCase(
            name: "bad log level", arguments: ["--file", "a", "--log-level", "loud"],
            message: "flag '--log-level' takes debug, info, warn or error, not 'loud'"),
        BadCase(
            name: "bad format", arguments: ["--file", "a", "--format", "json"],
            message: "flag '--format' takes text or openmetrics, not 'json'"),
    ])
    func rejectsBadCommandLines(_ testCase: BadCase) {
        #expect(throws: UsageError(testCase.message)) {
            try CommandLineParser.parse(testCase.arguments)
        }
    }

    @Test func missingFileIsAUsageErrorNamingTheFlag() throws {
        guard case .run(let options) = try CommandLineParser.parse(["--once"]) else {
            Issue.record("expected a run command")
            return
        }
        #expect(throws: UsageError("missing '--file PATTERN': name at least one JSONL file or glob")) {
            try options.validate()
        }
    }

    @Test func flagsBeatTheBaseAndFileReplacesItsPatterns() throws {
        var base = ExporterOptions()
        base.filePatterns = ["from-config/*.jsonl"]
        base.maxLineBytes = 10
        base.pollIntervalMilliseconds = 50
        let command = try CommandLineParser.parse(["--file", "cli.jsonl", "--max-line-bytes", "20"], base: base)
        var expected = base
        expected.filePatterns = ["cli.jsonl"]
        expected.maxLineBytes = 20
        #expect(command == .run(expected))
        #expect(
            try CommandLineParser.parse(["--once"], base: base)
                == .run(
                    {
                        var kept = base; kept.isOnce = true; return kept
                    }()))
    }

    @Test func checkConfigIsACommand() throws {
        #expect(try CommandLineParser.parse(["--check-config", "c.yml"]) == .checkConfig("c.yml"))
        #expect(try CommandLineParser.parse(["--check-config=c.yml"]) == .checkConfig("c.yml"))
    }

    @Test func usageListsEveryFlag() {
        let usage = CommandLineParser.usage
        for flag in CommandLineParser.flags {
            #expect(usage.contains("--" + flag.name), "help lists --\(flag.name)")
        }
        #expect(usage.contains("--help") && usage.contains("--version"))
    }
}
