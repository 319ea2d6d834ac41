import ConfigYAML
import CostRecords
import ModelPricing
import PrometheusFormat

extension ExporterConfiguration {
    /// Labels the exporter writes itself; an extra or static label may not reuse them.
    private static let reservedLabels: Set<String> = [
        "provider", "model", "status", "token_type", "operation", "error_type", "le", "reason", "label", "budget",
        "period", "version", "swift_version", "instance", "job",
    ]

    /// Reads `fields:`: per record field, names tried before the built-in ones.
    static func readFields(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) -> [CostField: [String]] {
        let fieldNames = CostField.allCases.map(\.rawValue)
        var sources: [CostField: [String]] = [:]
        for entry in try reader.mapping(node, named: "fields", allowedKeys: fieldNames) {
            guard let field = CostField(rawValue: entry.key) else { continue }
            sources[field] = try reader.strings(entry.value, named: "fields.\(entry.key)")
        }
        return sources
    }

    /// Reads `labels:`: each a `name`, the fields it comes `from`, and optionally `max_values`.
    static func readExtraLabels(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) -> [ExtraLabel] {
        var labels: [ExtraLabel] = []
        for item in try reader.sequence(node, named: "labels") {
            let entries = try reader.mapping(item, named: "a label", allowedKeys: ["name", "from", "max_values"])
            guard let nameEntry = entries.first(where: { $0.key == "name" }),
                let fromEntry = entries.first(where: { $0.key == "from" })
            else {
                throw reader.error("a label needs name and from", at: item.mark)
            }
            let name = try labelName(nameEntry.value, with: reader)
            guard !labels.contains(where: { $0.name == name }) else {
                throw reader.error("label '\(name)' is defined twice", at: nameEntry.value.mark)
            }
            let maxValues =
                try entries.first(where: { $0.key == "max_values" }).map { entry throws(ConfigError) in
                    try reader.positiveInteger(entry.value, named: "max_values")
                } ?? ExtraLabel.defaultMaxValues
            labels.append(
                ExtraLabel(
                    name: name, sources: try reader.strings(fromEntry.value, named: "from"), maxValues: maxValues))
        }
        return labels
    }

    /// Reads `static_labels:`: label names and the values every sample carries.
    static func readStaticLabels(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) -> [String: String] {
        var labels: [String: String] = [:]
        for entry in try reader.mapping(node, named: "static_labels") {
            guard MetricName.isValidLabelName(entry.key), !reservedLabels.contains(entry.key) else {
                throw reader.error(
                    "'\(entry.key)' cannot be a static label: use a valid label name the exporter does not use itself",
                    at: entry.keyMark)
            }
            labels[entry.key] = try reader.string(entry.value, named: "static_labels.\(entry.key)")
        }
        return labels
    }

    /// Reads `pricing:`: a LiteLLM-format `file`, an `audit_tolerance`, and per-model `models`
    /// prices in USD per 1M tokens.
    mutating func readPricing(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) {
        for entry in try reader.mapping(node, named: "pricing", allowedKeys: ["file", "audit_tolerance", "models"]) {
            switch entry.key {
            case "file":
                let path = try reader.string(entry.value, named: "pricing.file")
                do {
                    options.priceFile = try PriceTable(liteLLMFileAtPath: path)
                } catch {
                    throw reader.error("pricing.file: \(error.description)", at: entry.value.mark)
                }
            case "audit_tolerance":
                let tolerance = try reader.number(entry.value, named: "pricing.audit_tolerance")
                guard tolerance >= 0 else {
                    throw reader.error("pricing.audit_tolerance must not be negative", at: entry.value.mark)
                }
                options.auditTolerance = tolerance
            default:
                options.priceOverrides = try Self.readPriceOverrides(entry.value, with: reader)
            }
        }
    }

    private static func readPriceOverrides(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError)
        -> [PriceOverride]
    {
        var overrides: [PriceOverride] = []
        for model in try reader.mapping(node, named: "pricing.models") {
            let name = "pricing.models.\(model.key)"
            var values: [String: Double] = [:]
            var provider: String?
            for entry in try reader.mapping(
                model.value, named: name, allowedKeys: ["provider", "input", "output", "cache_read", "cache_write"])
            {
                if entry.key == "provider" {
                    provider = try reader.string(entry.value, named: "\(name).provider")
                    continue
                }
                let price = try reader.number(entry.value, named: "\(name).\(entry.key)")
                guard price >= 0 else {
                    throw reader.error("\(name).\(entry.key) must not be negative", at: entry.value.mark)
                }
                values[entry.key] = price
            }
            guard let input = values["input"], let output = values["output"] else {
                throw reader.error("\(name) needs input and output prices (USD per 1M tokens)", at: model.keyMark)
            }
            overrides.append(
                PriceOverride(
                    model: model.key,
                    provider: provider,
                    inputPerMillion: input,
                    outputPerMillion: output,
                    cacheReadPerMillion: values["cache_read"],
                    cacheWritePerMillion: values["cache_write"]
                ))
        }
        return overrides
    }

    private static func labelName(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) -> String {
        let name = try reader.string(node, named: "name")
        guard MetricName.isValidLabelName(name), !reservedLabels.contains(name) else {
            throw reader.error(
                "'\(name)' cannot be a label name: use [a-zA-Z_][a-zA-Z0-9_]* and not one the exporter uses itself",
                at: node.mark)
        }
        return name
    }
}
