/// An ordered list of header fields with case-insensitive lookup.
///
/// Order and duplicates are kept as received or given, because some fields may repeat. Names
/// compare ASCII-case-insensitively (RFC 9110 §5.1); values are kept as they are.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The field name as written, for example `Content-Type`.
        public var name: String
        /// The field value with surrounding whitespace removed.
        public var value: String

        /// Creates a field.
        ///
        /// - Parameters:
        ///   - name: The field name.
        ///   - value: The field value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Creates a header list from fields.
    ///
    /// - Parameter fields: The fields, in order.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Creates a header list from `(name, value)` pairs, as in `[("Content-Type", "text/plain")]`.
    ///
    /// - Parameter elements: The pairs, in order.
    public init(arrayLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The value of the first field called `name` (any case), or `nil` when there is none.
    ///
    /// - Parameter name: The field name to look up.
    /// - Returns: The first matching value.
    public func first(_ name: String) -> String? {
        fields.first { $0.name.isEqualIgnoringASCIICase(to: name) }?.value
    }

    /// The values of every field called `name` (any case), in order.
    ///
    /// - Parameter name: The field name to look up.
    /// - Returns: All matching values; empty when there is none.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.isEqualIgnoringASCIICase(to: name) }.map(\.value)
    }

    /// Whether at least one field is called `name` (any case).
    ///
    /// - Parameter name: The field name to look up.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.isEqualIgnoringASCIICase(to: name) }
    }

    /// Appends a field at the end.
    ///
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The field value.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field called `name` (any case).
    ///
    /// - Parameter name: The field name to remove.
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.isEqualIgnoringASCIICase(to: name) }
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}
