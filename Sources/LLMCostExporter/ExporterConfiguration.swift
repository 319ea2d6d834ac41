import ConfigYAML
import Foundation

/// Everything a config file sets: the flags' values and what only the file can say.
///
/// Keys are the flags' names with `_` for `-` (`max_line_bytes`), plus `files` for the
/// repeatable `--file`. Unknown keys, wrong types and bad values are errors at their line and
/// column, never ignored.
public struct ExporterConfiguration: Sendable {
    /// The options the file sets, on top of the defaults; command-line flags are applied on top
    /// of these by `CommandLineParser.parse(_:base:)`.
    public var options = ExporterOptions()

    /// Creates the configuration of an empty file.
    public init() {}

    /// Reads and checks a config file.
    ///
    /// - Parameter path: The file's path; it becomes `options.configPath`.
    /// - Throws: `ConfigError` at the first problem, with its position.
    public static func load(path: String) throws(ConfigError) -> ExporterConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(fileName: path, mark: nil, message: "cannot read the config file")
        }
        var configuration = try parse(Array(data), fileName: path)
        configuration.options.configPath = path
        return configuration
    }

    /// Parses a config document.
    ///
    /// - Parameters:
    ///   - bytes: The file's content, UTF-8.
    ///   - fileName: The name errors carry.
    /// - Throws: `ConfigError` at the first problem, with its position.
    public static func parse(_ bytes: [UInt8], fileName: String) throws(ConfigError) -> ExporterConfiguration {
        let document: YAMLNode
        do {
            document = try YAMLParser.parse(utf8: bytes, fileName: fileName)
        } catch {
            throw ConfigError(error)
        }
        let reader = ConfigReader(fileName: fileName)
        var configuration = ExporterConfiguration()
        let entries = try reader.mapping(document, named: "the config file", allowedKeys: topLevelKeys)
        for entry in entries {
            try configuration.read(entry, with: reader)
        }
        if let clash = configuration.options.extraLabels.first(where: {
            configuration.options.staticLabels[$0.name] != nil
        }),
            let entry = entries.first(where: { $0.key == "static_labels" })
        {
            throw reader.error("'\(clash.name)' is both an extra label and a static label", at: entry.keyMark)
        }
        return configuration
    }

    private static let topLevelKeys = [
        "files", "once", "format", "listen", "max_line_bytes", "max_providers", "max_models_per_provider",
        "duration_buckets", "cost_buckets", "poll_interval", "start_at", "log_level", "budgets", "fields", "labels",
        "static_labels",
        "pricing", "state_file", "state_save_interval",
    ]

    private mutating func read(_ entry: YAMLMappingEntry, with reader: ConfigReader) throws(ConfigError) {
        let node = entry.value
        let name = entry.key
        switch name {
        case "files": options.filePatterns = try reader.strings(node, named: name)
        case "once": options.isOnce = try reader.bool(node, named: name)
        case "format": options.onceFormat = try reader.choice(node, named: name, as: ExporterOptions.OnceFormat.self)
        case "listen": options.listenAddress = try reader.string(node, named: name)
        case "max_line_bytes": options.maxLineBytes = try reader.positiveInteger(node, named: name)
        case "max_providers": options.limits.maxProviders = try reader.positiveInteger(node, named: name)
        case "max_models_per_provider":
            options.limits.maxModelsPerProvider = try reader.positiveInteger(node, named: name)
        case "duration_buckets": options.limits.durationBuckets = try readBuckets(node, named: name, with: reader)
        case "cost_buckets": options.limits.costBuckets = try readBuckets(node, named: name, with: reader)
        case "poll_interval": options.pollIntervalMilliseconds = try reader.positiveInteger(node, named: name)
        case "start_at":
            switch try reader.string(node, named: name) {
            case "beginning": options.startsAtEnd = false
            case "end": options.startsAtEnd = true
            case let other: throw reader.error("start_at must be beginning or end, not '\(other)'", at: node.mark)
            }
        case "log_level": options.logLevel = try reader.choice(node, named: name, as: LogLevel.self)
        case "budgets": options.budgets = try Self.readBudgets(node, with: reader)
        case "fields": options.extraFieldSources = try Self.readFields(node, with: reader)
        case "labels": options.extraLabels = try Self.readExtraLabels(node, with: reader)
        case "static_labels": options.staticLabels = try Self.readStaticLabels(node, with: reader)
        case "pricing": try readPricing(node, with: reader)
        case "state_file": options.stateFilePath = try reader.string(node, named: name)
        case "state_save_interval": options.stateSaveIntervalSeconds = try reader.positiveInteger(node, named: name)
        default: throw reader.error("unknown key '\(name)'", at: entry.keyMark)
        }
    }

    private func readBuckets(_ node: YAMLNode, named name: String, with reader: ConfigReader) throws(ConfigError)
        -> [Double]
    {
        let items = try reader.sequence(node, named: name)
        var bounds: [Double] = []
        for item in items {
            bounds.append(try reader.number(item, named: "each bucket of \(name)"))
        }
        guard !bounds.isEmpty else { throw reader.error("\(name) needs at least one bound", at: node.mark) }
        if let unordered = MetricLimits.firstUnorderedBound(in: bounds) {
            throw reader.error("\(name) must be strictly ascending", at: items[unordered].mark)
        }
        return bounds
    }
}
