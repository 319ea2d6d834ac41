extension YAMLNode {
    /// The entries, if this node is a mapping; `nil` otherwise.
    public var mappingEntries: [YAMLMappingEntry]? {
        guard case .mapping(let entries) = value else { return nil }
        return entries
    }

    /// The items, if this node is a sequence; `nil` otherwise.
    public var sequenceItems: [YAMLNode]? {
        guard case .sequence(let items) = value else { return nil }
        return items
    }

    /// The scalar, if this node is one; `nil` otherwise.
    public var scalar: YAMLScalar? {
        guard case .scalar(let scalar) = value else { return nil }
        return scalar
    }

    /// The value of `key` when this node is a mapping that has it; `nil` otherwise.
    ///
    /// A linear search: config mappings are small, and keys are unique by construction.
    public subscript(key: String) -> YAMLNode? {
        mappingEntries?.first { $0.key == key }?.value
    }
}
