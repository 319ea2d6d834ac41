/// A position in a YAML document: 1-based line and column.
///
/// Columns count Unicode scalars (as PyYAML's marks do), not bytes or grapheme clusters, so a
/// mark points at the same character an editor with a "column" display shows for ASCII and
/// most text. A leading byte-order mark is not counted.
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a mark at `line`, `column` (both 1-based).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `LINE:COLUMN`, the form used in error messages.
    public var description: String { "\(line):\(column)" }
}
