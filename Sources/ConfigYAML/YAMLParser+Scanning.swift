/// A scalar as written: its text after unquoting, and whether it was plain (so needs resolving).
struct ScalarToken {
    var text: String
    var isPlain: Bool
    var mark: Mark
    /// How many characters it spans in the document, quotes included.
    var length: Int
}

extension YAMLParser {
    // MARK: Cursor

    /// The scalar `offset` places ahead of the cursor, or `nil` past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < text.count ? text[index + offset] : nil
    }

    /// The cursor's 0-based column; at the start of a node, its indentation.
    var column: Int { index - lineStart }

    /// The cursor's position.
    var mark: Mark { Mark(line: line, column: column + 1) }

    /// An error at the cursor.
    func error(_ message: String) -> YAMLError {
        YAMLError(fileName: fileName, mark: mark, message: message)
    }

    mutating func advance() {
        if text[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    /// Whether the scalar at `offset` is a space, a tab, a line break or the end.
    func isBlankOrEnd(_ offset: Int) -> Bool {
        switch peek(offset) {
        case nil, " ", "\t", "\n", "\r": true
        default: false
        }
    }

    /// Whether the cursor is on `- ` (or `-` ending its line): a block sequence entry.
    func isSequenceEntry() -> Bool { peek() == "-" && isBlankOrEnd(1) }

    /// Whether the cursor is on a `:` that separates a key from its value.
    func isMappingIndicator() -> Bool { peek() == ":" && isBlankOrEnd(1) }

    /// Whether the rest of the line is empty or a comment (the cursor is past any spaces).
    func isLineEnd() -> Bool {
        switch peek() {
        case nil, "\n", "\r", "#": true
        default: false
        }
    }

    /// Whether the cursor is at the start of a line on `---` or `...` (with `marker` as `-` or
    /// `.`) followed by a blank: a document marker.
    func isDocumentMarker(_ marker: Unicode.Scalar) -> Bool {
        column == 0 && peek() == marker && peek(1) == marker && peek(2) == marker && isBlankOrEnd(3)
    }

    // MARK: Whitespace, comments, lines

    /// Skips spaces; a tab is an error, since YAML readers disagree about what a tab means.
    mutating func skipSpaces() throws(YAMLError) {
        while let next = peek() {
            if next == "\t" {
                throw error(
                    column == 0 || text[lineStart..<index].allSatisfy({ $0 == " " })
                        ? "tabs are not allowed in indentation; indent with spaces"
                        : "tabs are only allowed inside quoted scalars and comments; use spaces")
            }
            guard next == " " else { return }
            advance()
        }
    }

    /// Skips a comment up to (not including) its line break; the cursor is on its `#`.
    mutating func skipComment() throws(YAMLError) {
        if index > lineStart && text[index - 1] != " " {
            throw error("a comment must be separated from what precedes it by a space")
        }
        while let next = peek(), next != "\n", next != "\r" {
            advance()
        }
    }

    /// Consumes a `\n` or `\r\n` at the cursor.
    mutating func consumeLineBreak() {
        if peek() == "\r" {
            advance()
        }
        if peek() == "\n" {
            advance()
        }
    }

    /// Ends the current line: allows spaces and a comment, then moves to the next line with
    /// content (or the end).
    mutating func finishLine() throws(YAMLError) {
        try skipSpaces()
        if peek() == "#" {
            try skipComment()
        }
        guard peek() == nil || peek() == "\n" || peek() == "\r" else {
            throw error("expected the end of the line after the value, found '\(peek().map(String.init) ?? "")'")
        }
        consumeLineBreak()
        try skipBlankLines()
    }

    /// From the start of a line, skips blank and comment-only lines; stops on the first
    /// non-space character of a content line, or at the end.
    ///
    /// - Parameter allowingDocumentStart: whether a `---` line is allowed (only before the
    ///   document's content); any other document marker is an error.
    mutating func skipBlankLines(allowingDocumentStart: Bool = false) throws(YAMLError) {
        while true {
            if isDocumentMarker(".") {
                throw error("the document end marker '...' is not supported")
            }
            if isDocumentMarker("-") {
                guard allowingDocumentStart else {
                    throw error("multiple documents are not supported; a config file is one document")
                }
                return
            }
            try skipSpaces()
            if peek() == "#" {
                try skipComment()
            }
            guard let next = peek() else { return }
            guard next == "\n" || next == "\r" else { return }
            consumeLineBreak()
        }
    }

    // MARK: Scalars

    /// Scans the scalar at the cursor (quoted, or plain up to where it ends in this context),
    /// or throws for a construct outside the subset.
    mutating func scanScalar(inFlow: Bool) throws(YAMLError) -> ScalarToken {
        let start = index
        let startMark = mark
        let unquoted: String
        var isPlain = false
        switch peek() {
        case "'":
            unquoted = try scanSingleQuoted()
        case "\"":
            unquoted = try scanDoubleQuoted()
        case "&":
            throw error("anchors ('&') are not supported; repeat the value instead")
        case "*":
            throw error("aliases ('*') are not supported; repeat the value instead")
        case "!":
            throw error("tags ('!') are not supported; quote the value if it is a string")
        case "|", ">":
            throw error("block scalars ('|', '>') are not supported; use a quoted string with escapes such as \\n")
        case "{":
            throw error("flow mappings ('{ }') are not supported; use a block mapping")
        case "?" where inFlow || isBlankOrEnd(1):
            throw error("complex keys ('?') are not supported")
        case ":" where inFlow:
            throw error("flow mappings ('key: value' inside [ ]) are not supported; use a block mapping")
        case ":" where isBlankOrEnd(1):
            throw error("a key is missing before ':'")
        case "-" where isBlankOrEnd(1):
            throw error("block sequence entries ('- ') are not allowed inside [ ]")
        case "%" where column == 0:
            throw error("directives ('%') are not supported")
        case "%", "@", "`", ",", "[", "]", "}":
            throw error("'\(peek().map(String.init) ?? "")' cannot start an unquoted scalar; quote the value")
        default:
            unquoted = try scanPlain(inFlow: inFlow)
            isPlain = true
        }
        return ScalarToken(text: unquoted, isPlain: isPlain, mark: startMark, length: index - start)
    }

    /// Scans a plain scalar on the current line and leaves the cursor just after its last
    /// non-space character.
    private mutating func scanPlain(inFlow: Bool) throws(YAMLError) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpaces = 0
        while let next = peek() {
            if next == "\n" || next == "\r" { break }
            if next == ":" && (isBlankOrEnd(1) || (inFlow && isFlowIndicator(peek(1)))) { break }
            if inFlow && (isFlowIndicator(next) || next == "?") { break }
            if next == "#" && pendingSpaces > 0 { break }
            if next == " " {
                pendingSpaces += 1
            } else if next == "\t" {
                throw error("tabs are only allowed inside quoted scalars and comments; use spaces")
            } else {
                scalars.append(contentsOf: repeatElement(" ", count: pendingSpaces))
                pendingSpaces = 0
                scalars.append(next)
            }
            advance()
        }
        // Leave trailing spaces unread, so a comment after them is still seen as one.
        index -= pendingSpaces
        return String(scalars)
    }

    private func isFlowIndicator(_ scalar: Unicode.Scalar?) -> Bool {
        switch scalar {
        case ",", "[", "]", "{", "}": true
        default: false
        }
    }

    private mutating func scanSingleQuoted() throws(YAMLError) -> String {
        let open = mark
        advance()
        var scalars = String.UnicodeScalarView()
        while true {
            guard let next = peek(), next != "\n", next != "\r" else {
                throw unterminated("single", open: open)
            }
            advance()
            if next == "'" {
                guard peek() == "'" else { break }
                advance()
            }
            scalars.append(next)
        }
        return String(scalars)
    }

    private mutating func scanDoubleQuoted() throws(YAMLError) -> String {
        let open = mark
        advance()
        var scalars = String.UnicodeScalarView()
        while true {
            guard let next = peek(), next != "\n", next != "\r" else {
                throw unterminated("double", open: open)
            }
            if next == "\"" {
                advance()
                break
            }
            if next == "\\" {
                scalars.append(try scanEscape(open: open))
            } else {
                scalars.append(next)
                advance()
            }
        }
        return String(scalars)
    }

    /// Scans one escape sequence in a double-quoted scalar; the cursor is on its `\`.
    private mutating func scanEscape(open: Mark) throws(YAMLError) -> Unicode.Scalar {
        let escapeMark = mark
        advance()
        guard let code = peek(), code != "\n", code != "\r" else {
            throw unterminated("double", open: open)
        }
        advance()
        let simple: Unicode.Scalar? =
            switch code {
            case "0": "\u{0}"
            case "a": "\u{7}"
            case "b": "\u{8}"
            case "t", "\t": "\t"
            case "n": "\n"
            case "v": "\u{B}"
            case "f": "\u{C}"
            case "r": "\r"
            case "e": "\u{1B}"
            case " ", "\"", "/", "\\": code
            case "N": "\u{85}"
            case "_": "\u{A0}"
            case "L": "\u{2028}"
            case "P": "\u{2029}"
            default: nil
            }
        if let simple { return simple }
        let digitCount: Int
        switch code {
        case "x": digitCount = 2
        case "u": digitCount = 4
        case "U": digitCount = 8
        default:
            throw YAMLError(
                fileName: fileName, mark: escapeMark, message: "unknown escape sequence '\\\(code)'")
        }
        var value: UInt32 = 0
        for _ in 0..<digitCount {
            guard let digit = peek(), let digitValue = hexValue(digit) else {
                throw YAMLError(
                    fileName: fileName, mark: escapeMark,
                    message: "escape '\\\(code)' needs exactly \(digitCount) hexadecimal digits")
            }
            value = value << 4 | digitValue
            advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw YAMLError(
                fileName: fileName, mark: escapeMark,
                message:
                    "escape '\\\(code)' does not name a Unicode scalar value (surrogates and values above 10FFFF are not)"
            )
        }
        return scalar
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    private func unterminated(_ style: String, open: Mark) -> YAMLError {
        YAMLError(
            fileName: fileName, mark: open,
            message: "unterminated \(style)-quoted scalar; a quoted scalar must end on the line it starts")
    }
}
