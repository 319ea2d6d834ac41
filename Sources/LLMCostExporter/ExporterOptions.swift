import CostBudgets
import CostRecords
import ModelPricing

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
    /// Extra source names per record field, tried before the built-in ones (config file only).
    public var extraFieldSources: [CostField: [String]] = [:]
    /// Labels from record fields on requests, cost and tokens (config file only).
    public var extraLabels: [ExtraLabel] = []
    /// Labels on every sample (config file only).
    public var staticLabels: [String: String] = [:]
    /// The price list read from the config's `pricing.file` (LiteLLM's
    /// `model_prices_and_context_window.json` format), if any.
    ///
    /// Read once, when the config is read: the file is checked and put in force by the same read.
    public var priceFile: PriceTable?
    /// Per-model prices that beat the file and the built-in table (config file only).
    public var priceOverrides: [PriceOverride] = []
    /// The relative difference between logged and priced cost that counts as a mismatch.
    public var auditTolerance = 0.01
    /// Where counters and file positions are saved across restarts, if anywhere.
    public var stateFilePath: String?
    /// Seconds between two saves of the state file (it is also saved on SIGTERM).
    public var stateSaveIntervalSeconds = 10
    /// The exposition format `--once` prints.
    public var onceFormat = OnceFormat.text

    /// Creates the default options.
    public init() {}

    /// The decoder's field mapping: the built-in names with the configured ones first, and the
    /// extra labels' fields.
    public var fieldMapping: CostFieldMapping {
        var mapping = CostFieldMapping.builtIn
        for (field, names) in extraFieldSources.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            mapping.prepend(names, to: field)
        }
        for label in extraLabels {
            mapping.addLabel(CostFieldMapping.LabelField(name: label.name, sources: label.sources))
        }
        return mapping
    }

    /// The pricing policy: overrides, then the price file, then the built-in table.
    public var pricing: CostPricing {
        CostPricing(catalog: PriceCatalog(overrides: priceOverrides, file: priceFile), auditTolerance: auditTolerance)
    }

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
