/// A strict parser for the YAML subset the exporter's config file is written in.
///
/// The subset, and nothing more:
/// - one document, optionally opened by `---` alone on its line;
/// - block mappings and block sequences, indented with spaces (a sequence may sit at its key's
///   indentation, `- key: value` and `- - item` compact forms are accepted);
/// - flow sequences `[a, "b", [c]]`, which may span lines and end with a trailing comma;
/// - plain, 'single-quoted' (`''` for a quote) and "double-quoted" scalars (YAML's escapes:
///   `\0 \a \b \t \n \v \f \r \e \  \" \/ \\ \N \_ \L \P \xXX \uXXXX \UXXXXXXXX`), each on one
///   line;
/// - `#` comments after whitespace or on their own lines;
/// - plain scalars typed as PyYAML's `yaml.safe_load` types them: null (`~`, `null`, empty),
///   booleans (`true`/`false`), decimal integers, decimal floats; everything else is a string.
///
/// Everything else is rejected with a `YAMLError`, never guessed at: anchors and aliases, tags,
/// flow mappings, block scalars (`|`, `>`), complex keys (`?`), multiple documents and `...`,
/// directives, tabs outside quoted scalars and comments, multi-line scalars, mappings and
/// sequences nested more than `maxDepth` deep, duplicate keys
/// (PyYAML silently keeps the last one), non-string keys, and plain scalars whose type YAML 1.1
/// and YAML 1.2 disagree on or that this subset does not model (`yes`, `on`, `0x1F`, `012`,
/// `1_000`, `1:30`, `1e5`, `.inf`, `2024-01-01`, …; the message asks to quote them).
/// A document with only comments is a null scalar.
public struct YAMLParser {
    let fileName: String
    let text: [Unicode.Scalar]
    /// The position of the next unread scalar in `text`.
    var index = 0
    /// The 1-based line `index` is on.
    var line = 1
    /// Where that line starts in `text`; columns are measured from here.
    var lineStart = 0
    /// How many mappings and sequences enclose the cursor.
    var depth = 0

    /// The deepest nesting of mappings and sequences accepted.
    ///
    /// The parser recurses once per level, so without a bound a file of `[[[[…` (about 9,000
    /// levels, 18 KB) overflowed the stack and crashed the exporter instead of naming the
    /// problem; real configs nest fewer than ten levels.
    static let maxDepth = 100

    /// Parses `text`, a whole document, into its node tree.
    ///
    /// - Parameters:
    ///   - text: the document.
    ///   - fileName: the name to put in front of error messages; only used for them.
    /// - Returns: the root node; a null scalar for a document without content.
    /// - Throws: `YAMLError` for anything outside the subset, with its line and column.
    public static func parse(_ text: String, fileName: String) throws(YAMLError) -> YAMLNode {
        var parser = YAMLParser(fileName: fileName, text: Array(text.unicodeScalars))
        return try parser.parseDocument()
    }

    /// Parses a document given as UTF-8 bytes (a file's contents) into its node tree.
    ///
    /// - Parameters:
    ///   - utf8: the document's bytes; invalid UTF-8 is an error, not replaced.
    ///   - fileName: the name to put in front of error messages; only used for them.
    /// - Returns: the root node; a null scalar for a document without content.
    /// - Throws: `YAMLError` for invalid UTF-8 or anything outside the subset.
    public static func parse(utf8: some Sequence<UInt8>, fileName: String) throws(YAMLError) -> YAMLNode {
        var parser = YAMLParser(fileName: fileName, text: try decodeUTF8(utf8, fileName: fileName))
        return try parser.parseDocument()
    }

    private init(fileName: String, text: [Unicode.Scalar]) {
        self.fileName = fileName
        self.text = text
    }

    private mutating func parseDocument() throws(YAMLError) -> YAMLNode {
        try validateCharacters()
        if peek() == "\u{FEFF}" {
            // A byte-order mark is not content, and editors do not show it as a column.
            advance()
            lineStart = index
        }
        try skipBlankLines(allowingDocumentStart: true)
        if isDocumentMarker("-") {
            for _ in 0..<3 { advance() }
            try skipSpaces()
            guard isLineEnd() else {
                throw error("content on the '---' line is not supported; start the document on the next line")
            }
            try finishLine()
        }
        guard peek() != nil else {
            return YAMLNode(.scalar(.null), at: mark)
        }
        let root = try parseBlockNode(indent: column)
        if peek() != nil {
            throw error("unexpected content; the document's top-level node ended before this line")
        }
        return root
    }

    /// Parses a flow sequence that is the whole rest of its line (never a key: complex keys
    /// are outside the subset).
    private mutating func parseFlowSequenceEndingTheLine() throws(YAMLError) -> YAMLNode {
        let node = try parseFlowSequence()
        try skipSpaces()
        if isMappingIndicator() {
            throw error("complex keys are not supported; a key must be a single scalar")
        }
        try finishLine()
        return node
    }

    /// Parses the block node that starts at the cursor, whose first character is at `indent`.
    private mutating func parseBlockNode(indent: Int) throws(YAMLError) -> YAMLNode {
        if isSequenceEntry() {
            return try parseBlockSequence(indent: indent, isIndentless: false)
        }
        if peek() == "[" {
            return try parseFlowSequenceEndingTheLine()
        }
        let token = try scanScalar(inFlow: false)
        try skipSpaces()
        if isMappingIndicator() {
            return try parseBlockMapping(indent: indent, firstKey: token)
        }
        try finishLine()
        return try resolve(token)
    }

    /// Parses a block mapping at `indent` whose first key has been scanned; the cursor is on
    /// that key's `:`.
    private mutating func parseBlockMapping(indent: Int, firstKey: ScalarToken) throws(YAMLError) -> YAMLNode {
        try enterCollection(at: firstKey.mark)
        defer { depth -= 1 }
        var entries: [YAMLMappingEntry] = []
        var keyMarks: [String: Mark] = [:]
        var key = firstKey
        while true {
            let name = try keyName(key)
            if let first = keyMarks[name] {
                throw YAMLError(
                    fileName: fileName, mark: key.mark,
                    message: "duplicate key '\(name)' (first defined at \(first))")
            }
            keyMarks[name] = key.mark
            advance()  // the ':'
            let value = try parseMappingValue(keyIndent: indent)
            entries.append(YAMLMappingEntry(key: name, keyMark: key.mark, value: value))
            guard peek() != nil, column >= indent else { break }
            guard column == indent else { throw unexpectedIndentation() }
            if isSequenceEntry() {
                throw error("a sequence entry is not allowed here; expected 'key: value' at this indentation")
            }
            if peek() == "[" {
                throw error("complex keys are not supported; a key must be a single scalar")
            }
            key = try scanScalar(inFlow: false)
            try skipSpaces()
            guard isMappingIndicator() else {
                throw YAMLError(
                    fileName: fileName, mark: key.mark,
                    message: "expected 'key: value'; a mapping's entries must all be 'key: value' lines")
            }
        }
        return YAMLNode(.mapping(entries), at: firstKey.mark)
    }

    /// Parses what follows a key's `:` (the cursor is just past it); a key at `keyIndent`.
    private mutating func parseMappingValue(keyIndent: Int) throws(YAMLError) -> YAMLNode {
        let emptyMark = mark
        try skipSpaces()
        if isLineEnd() {
            try finishLine()
            guard peek() != nil else { return YAMLNode(.scalar(.null), at: emptyMark) }
            if column > keyIndent {
                return try parseBlockNode(indent: column)
            }
            if column == keyIndent && isSequenceEntry() {
                return try parseBlockSequence(indent: keyIndent, isIndentless: true)
            }
            return YAMLNode(.scalar(.null), at: emptyMark)
        }
        if isSequenceEntry() {
            throw error("a block sequence cannot start on its key's line; put '- ' entries on the lines below")
        }
        if peek() == "[" {
            return try parseFlowSequenceEndingTheLine()
        }
        let token = try scanScalar(inFlow: false)
        try skipSpaces()
        if isMappingIndicator() {
            throw error("a mapping cannot start on its key's line; put its 'key: value' entries on the lines below")
        }
        try finishLine()
        return try resolve(token)
    }

    /// Parses a block sequence whose entries' `-` are at `indent`; the cursor is on the first.
    ///
    /// An indentless sequence (the value of a key at the same indentation) ends quietly at a
    /// line that is not an entry, since that line is its parent mapping's next key.
    private mutating func parseBlockSequence(indent: Int, isIndentless: Bool) throws(YAMLError) -> YAMLNode {
        let startMark = mark
        try enterCollection(at: startMark)
        defer { depth -= 1 }
        var items: [YAMLNode] = []
        while true {
            advance()  // the '-'
            let emptyMark = mark
            try skipSpaces()
            if isLineEnd() {
                try finishLine()
                if peek() != nil && column > indent {
                    items.append(try parseBlockNode(indent: column))
                } else {
                    items.append(YAMLNode(.scalar(.null), at: emptyMark))
                }
            } else {
                items.append(try parseBlockNode(indent: column))
            }
            guard peek() != nil, column >= indent else { break }
            guard column == indent else { throw unexpectedIndentation() }
            guard isSequenceEntry() else {
                if isIndentless { break }
                throw error("expected a '- ' sequence entry at this indentation")
            }
        }
        return YAMLNode(.sequence(items), at: startMark)
    }

    /// Parses a flow sequence; the cursor is on its `[`. Indentation inside is free, as in
    /// PyYAML.
    private mutating func parseFlowSequence() throws(YAMLError) -> YAMLNode {
        let open = mark
        try enterCollection(at: open)
        defer { depth -= 1 }
        advance()
        var items: [YAMLNode] = []
        while true {
            try skipFlowSpace(open: open)
            if peek() == "]" {
                advance()
                break
            }
            items.append(try parseFlowNode(open: open))
            try skipFlowSpace(open: open)
            switch peek() {
            case ",":
                advance()
            case "]":
                advance()
                return YAMLNode(.sequence(items), at: open)
            case ":":
                throw error("flow mappings ('key: value' inside [ ]) are not supported; use a block mapping")
            default:
                throw error("expected ',' or ']' in the flow sequence opened at \(open)")
            }
        }
        return YAMLNode(.sequence(items), at: open)
    }

    private mutating func parseFlowNode(open: Mark) throws(YAMLError) -> YAMLNode {
        switch peek() {
        case "[":
            return try parseFlowSequence()
        case ",":
            throw error("expected a value before ','")
        default:
            return try resolve(try scanScalar(inFlow: true))
        }
    }

    /// Skips whitespace, comments and line breaks inside a flow sequence.
    private mutating func skipFlowSpace(open: Mark) throws(YAMLError) {
        while true {
            try skipSpaces()
            if peek() == "#" {
                try skipComment()
            }
            guard let next = peek() else {
                throw error("the flow sequence opened at \(open) is not closed; expected ']'")
            }
            guard next == "\n" || next == "\r" else { return }
            consumeLineBreak()
            try skipBlankLines()
        }
    }

    /// The key a scanned scalar names, or an error if it is not a string.
    private func keyName(_ key: ScalarToken) throws(YAMLError) -> String {
        if key.length > 1024 {
            // PyYAML gives up on simple keys longer than this.
            throw YAMLError(
                fileName: fileName, mark: key.mark, message: "keys longer than 1024 characters are not supported")
        }
        guard key.isPlain else { return key.text }
        let resolved = try resolve(key)
        guard case .scalar(.string(let name)) = resolved.value else {
            throw YAMLError(
                fileName: fileName, mark: key.mark,
                message: "keys must be strings; quote '\(key.text)' to use it as a key")
        }
        return name
    }

    /// The typed node for a scanned scalar: quoted ones are strings, plain ones are resolved.
    private func resolve(_ token: ScalarToken) throws(YAMLError) -> YAMLNode {
        guard token.isPlain else { return YAMLNode(.scalar(.string(token.text)), at: token.mark) }
        switch PlainScalarResolver.resolve(token.text) {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar), at: token.mark)
        case .rejected(let message):
            throw YAMLError(fileName: fileName, mark: token.mark, message: message)
        }
    }

    /// Counts one more enclosing mapping or sequence, which starts at `start`.
    ///
    /// - Throws: `YAMLError` at `start` when that is more than `maxDepth` levels.
    private mutating func enterCollection(at start: Mark) throws(YAMLError) {
        guard depth < YAMLParser.maxDepth else {
            throw YAMLError(
                fileName: fileName, mark: start,
                message: "mappings and sequences nested more than \(YAMLParser.maxDepth) levels deep are not supported")
        }
        depth += 1
    }

    private func unexpectedIndentation() -> YAMLError {
        error(
            "unexpected indentation: a value cannot continue on the next line, and the entries of one mapping or sequence must line up"
        )
    }
}
