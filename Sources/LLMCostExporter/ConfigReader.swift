import ConfigYAML

/// Typed reads from a parsed config document, each failing with a `ConfigError` at the node.
///
/// Every config section reads through this, so every mistake is reported the same way:
/// the file, the line and column of the offending node, and what was expected.
struct ConfigReader {
    /// The config file's name, for messages.
    let fileName: String

    /// Fails with `message` at `node`.
    func error(_ message: String, at mark: Mark) -> ConfigError {
        ConfigError(fileName: fileName, mark: mark, message: message)
    }

    /// The entries of a mapping, after checking every key is one of `allowedKeys`.
    func mapping(_ node: YAMLNode, named name: String, allowedKeys: [String]? = nil) throws(ConfigError)
        -> [YAMLMappingEntry]
    {
        switch node.value {
        case .mapping(let entries):
            if let allowedKeys {
                for entry in entries where !allowedKeys.contains(entry.key) {
                    throw error(
                        "unknown key '\(entry.key)' in \(name); expected one of: \(allowedKeys.joined(separator: ", "))",
                        at: entry.keyMark)
                }
            }
            return entries
        case .scalar(.null):
            return []
        default:
            throw error("\(name) must be a mapping", at: node.mark)
        }
    }

    /// The items of a sequence; a single scalar counts as a sequence of one.
    func sequence(_ node: YAMLNode, named name: String) throws(ConfigError) -> [YAMLNode] {
        switch node.value {
        case .sequence(let items): return items
        case .scalar(.null): return []
        case .scalar: return [node]
        case .mapping: throw error("\(name) must be a list", at: node.mark)
        }
    }

    /// A non-empty string.
    func string(_ node: YAMLNode, named name: String) throws(ConfigError) -> String {
        guard case .scalar(.string(let value)) = node.value, !value.isEmpty else {
            throw error("\(name) must be a non-empty string", at: node.mark)
        }
        return value
    }

    /// A list of non-empty strings.
    func strings(_ node: YAMLNode, named name: String) throws(ConfigError) -> [String] {
        var values: [String] = []
        for item in try sequence(node, named: name) {
            values.append(try string(item, named: "each item of \(name)"))
        }
        return values
    }

    /// A positive integer.
    func positiveInteger(_ node: YAMLNode, named name: String) throws(ConfigError) -> Int {
        guard case .scalar(.int(let value)) = node.value, value > 0 else {
            throw error("\(name) must be a positive whole number", at: node.mark)
        }
        return value
    }

    /// A finite number, integer or not.
    func number(_ node: YAMLNode, named name: String) throws(ConfigError) -> Double {
        switch node.value {
        case .scalar(.int(let value)): return Double(value)
        case .scalar(.float(let value)) where value.isFinite: return value
        default: throw error("\(name) must be a number", at: node.mark)
        }
    }

    /// A boolean.
    func bool(_ node: YAMLNode, named name: String) throws(ConfigError) -> Bool {
        guard case .scalar(.bool(let value)) = node.value else {
            throw error("\(name) must be true or false", at: node.mark)
        }
        return value
    }

    /// One of a fixed set of words.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode,
        named name: String,
        as type: Choice.Type
    ) throws(ConfigError) -> Choice where Choice.RawValue == String {
        let word = try string(node, named: name)
        guard let value = Choice(rawValue: word) else {
            let choices = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("\(name) must be one of \(choices), not '\(word)'", at: node.mark)
        }
        return value
    }
}
