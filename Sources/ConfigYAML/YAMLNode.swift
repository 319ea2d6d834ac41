/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with its position.
///
/// The tree is exactly what the document says, in the subset `YAMLParser` accepts: mappings keep
/// their keys in document order (keys are unique strings), and scalars carry the type PyYAML's
/// `yaml.safe_load` gives them. Configuration code reads it and reports its own errors with
/// the marks it carries.
public struct YAMLNode: Sendable, Equatable {
    /// What a node holds.
    public enum Value: Sendable, Equatable {
        /// A typed scalar.
        case scalar(YAMLScalar)
        /// A block or flow sequence, in order.
        case sequence([YAMLNode])
        /// A block mapping, in document order, keys unique.
        case mapping([YAMLMappingEntry])
    }

    /// The node's content.
    public var value: Value
    /// Where the node starts: a scalar's first character (its quote, if quoted), a block
    /// sequence's first `-`, a flow sequence's `[`, a mapping's first key; for an empty value
    /// (`key:` with nothing after it), the position just after its `:` or `-`.
    public var mark: Mark

    /// Creates a node holding `value` that starts at `mark`.
    public init(_ value: Value, at mark: Mark) {
        self.value = value
        self.mark = mark
    }
}

/// A scalar with the type YAML resolution gave it.
///
/// Quoted scalars are always strings; plain ones resolve as PyYAML's `safe_load` does, and
/// only forms on which YAML 1.1 and YAML 1.2 agree are accepted (see `YAMLParser`).
public enum YAMLScalar: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A decimal integer that fits in `Int`.
    case int(Int)
    /// A finite decimal floating-point number.
    case float(Double)
    /// `true` / `false` (and their `True`, `TRUE`, `False`, `FALSE` spellings).
    case bool(Bool)
    /// `null`, `Null`, `NULL`, `~`, or an empty value.
    case null
}

/// One `key: value` pair of a mapping.
public struct YAMLMappingEntry: Sendable, Equatable {
    /// The key; always a string (non-string plain keys such as `1:` are rejected).
    public var key: String
    /// Where the key starts.
    public var keyMark: Mark
    /// The value.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: String, keyMark: Mark, value: YAMLNode) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
    }
}
