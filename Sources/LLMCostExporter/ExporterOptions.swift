import CostBudgets

/// Everything the command line can set, with the documented defaults.
public struct ExporterOptions: Sendable, Equatable {
    /// The default listen address: outside 9100–9999, which the Prometheus port registry has
    /// fully allocated to other exporters.
    public static let defaultListenAddress = ":10042"

    /// The YAML config file the options were read from, if any.
    public var configPath: String?
    /// Glob patterns of the JSONL files to read.
    public var filePatterns: [String] = []
    /// Read every file to its end, print the exposition, exit.
    public var isOnce = false
    /// Where the HTTP server listens.
    public var listenAddress = Self.defaultListenAddress
    /// The longest line accepted, in bytes.
    public var maxLineBytes = 1 << 20
    /// Histogram buckets and cardinality caps.
    public var limits = MetricLimits()
    /// How often files are polled, in milliseconds.
    public var pollIntervalMilliseconds = 250
    /// Whether files present at start are read from their beginning or their end.
    public var startsAtEnd = false
    /// The least severe log level written to stderr.
    public var logLevel = LogLevel.info
    /// Spend budgets (config file only).
    public var budgets: [Budget] = []
    /// The exposition format `--once` prints.
    public var onceFormat = OnceFormat.text

    /// Creates the default options.
    public init() {}

    /// Checks what no single flag can: that there is something to read.
    ///
    /// - Throws: `UsageError` when no file pattern was given by flag or config.
    public func validate() throws(UsageError) {
        guard !filePatterns.isEmpty else {
            throw UsageError("missing '--file PATTERN': name at least one JSONL file or glob")
        }
    }

    /// What `--once` prints.
    public enum OnceFormat: String, Sendable, CaseIterable {
        /// Prometheus text format 0.0.4.
        case text
        /// OpenMetrics 1.0.
        case openmetrics
    }
}
