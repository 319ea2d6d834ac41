import Testing

@testable import ConfigYAML

/// Every construct outside the subset is rejected with its exact position and message.
@Suite struct YAMLParserRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var document: String
        /// The whole `description`, file name `t.yaml`.
        var expected: String
        var testDescription: String { name }
    }

    static let quoteNumber =
        "is a number that YAML 1.1 and 1.2 read differently or that is not supported; "
        + "write a plain decimal such as 42, -0.5 or 1.5e+3, or quote it for a string"
    static let quoteBoolean =
        "is a boolean in YAML 1.1 but a string in YAML 1.2; write true or false, or quote it for a string"
    static let indentation =
        "unexpected indentation: a value cannot continue on the next line, and the entries of one mapping or sequence must line up"

    static let cases: [Case] = [
        // Constructs outside the subset.
        Case(
            name: "anchor", document: "a: &x 1\n",
            expected: "t.yaml:1:4: anchors ('&') are not supported; repeat the value instead"),
        Case(
            name: "alias", document: "a: 1\nb: *x\n",
            expected: "t.yaml:2:4: aliases ('*') are not supported; repeat the value instead"),
        Case(
            name: "tag", document: "a: !!str 1\n",
            expected: "t.yaml:1:4: tags ('!') are not supported; quote the value if it is a string"),
        Case(
            name: "flow mapping", document: "a: {b: 1}\n",
            expected: "t.yaml:1:4: flow mappings ('{ }') are not supported; use a block mapping"),
        Case(
            name: "flow mapping inside a flow sequence", document: "a: [b: 1]\n",
            expected: "t.yaml:1:6: flow mappings ('key: value' inside [ ]) are not supported; use a block mapping"),
        Case(
            name: "literal block scalar", document: "a: |\n  text\n",
            expected:
                "t.yaml:1:4: block scalars ('|', '>') are not supported; use a quoted string with escapes such as \\n"),
        Case(
            name: "folded block scalar", document: "a: >-\n  text\n",
            expected:
                "t.yaml:1:4: block scalars ('|', '>') are not supported; use a quoted string with escapes such as \\n"),
        Case(name: "complex key", document: "? a\n: b\n", expected: "t.yaml:1:1: complex keys ('?') are not supported"),
        Case(
            name: "flow sequence as key", document: "[a, b]: c\n",
            expected: "t.yaml:1:7: complex keys are not supported; a key must be a single scalar"),
        Case(
            name: "second document", document: "a: 1\n---\nb: 2\n",
            expected: "t.yaml:2:1: multiple documents are not supported; a config file is one document"),
        Case(
            name: "document end marker", document: "a: 1\n...\n",
            expected: "t.yaml:2:1: the document end marker '...' is not supported"),
        Case(
            name: "content on the --- line", document: "--- a: 1\n",
            expected: "t.yaml:1:5: content on the '---' line is not supported; start the document on the next line"),
        Case(
            name: "directive", document: "%YAML 1.1\n---\na: 1\n",
            expected: "t.yaml:1:1: directives ('%') are not supported"),
        // Whitespace.
        Case(
            name: "tab in indentation", document: "a:\n\tb: 1\n",
            expected: "t.yaml:2:1: tabs are not allowed in indentation; indent with spaces"),
        Case(
            name: "tab after colon", document: "a:\tb\n",
            expected: "t.yaml:1:3: tabs are only allowed inside quoted scalars and comments; use spaces"),
        Case(
            name: "tab inside a plain scalar", document: "a: x\ty\n",
            expected: "t.yaml:1:5: tabs are only allowed inside quoted scalars and comments; use spaces"),
        Case(
            name: "comment without a space before it", document: "a: \"x\"#c\n",
            expected: "t.yaml:1:7: a comment must be separated from what precedes it by a space"),
        Case(name: "multi-line plain scalar", document: "a: one\n  two\n", expected: "t.yaml:2:3: \(indentation)"),
        Case(name: "misaligned mapping key", document: "a:\n  b: 1\n   c: 2\n", expected: "t.yaml:3:4: \(indentation)"),
        Case(
            name: "dedent to no known level", document: "a:\n    b: 1\n  c: 2\n", expected: "t.yaml:3:3: \(indentation)"
        ),
        Case(name: "misaligned sequence entry", document: "- a\n  - b\n", expected: "t.yaml:2:3: \(indentation)"),
        Case(
            name: "key among sequence entries", document: "a:\n  - x\n  b: 1\n",
            expected: "t.yaml:3:3: expected a '- ' sequence entry at this indentation"),
        Case(
            name: "sequence entry among keys", document: "a: 1\n- b\n",
            expected: "t.yaml:2:1: a sequence entry is not allowed here; expected 'key: value' at this indentation"),
        Case(
            name: "line without colon in a mapping", document: "a: 1\nb\n",
            expected: "t.yaml:2:1: expected 'key: value'; a mapping's entries must all be 'key: value' lines"),
        Case(
            name: "top-level content after the root", document: "  a: 1\nb: 2\n",
            expected: "t.yaml:2:1: unexpected content; the document's top-level node ended before this line"),
        // Keys.
        Case(
            name: "duplicate key", document: "a: 1\nb: 2\na: 3\n",
            expected: "t.yaml:3:1: duplicate key 'a' (first defined at 1:1)"),
        Case(
            name: "duplicate key, quoted and plain", document: "x:\n  'k': 1\n  k: 2\n",
            expected: "t.yaml:3:3: duplicate key 'k' (first defined at 2:3)"),
        Case(
            name: "integer key", document: "1: one\n",
            expected: "t.yaml:1:1: keys must be strings; quote '1' to use it as a key"),
        Case(
            name: "null key", document: "~: x\n",
            expected: "t.yaml:1:1: keys must be strings; quote '~' to use it as a key"),
        Case(name: "boolean-word key", document: "on: push\n", expected: "t.yaml:1:1: 'on' \(quoteBoolean)"),
        Case(name: "empty key", document: ": x\n", expected: "t.yaml:1:1: a key is missing before ':'"),
        Case(
            name: "over-long key", document: String(repeating: "k", count: 1025) + ": 1\n",
            expected: "t.yaml:1:1: keys longer than 1024 characters are not supported"),
        // Values on the wrong line.
        Case(
            name: "mapping on its key's line", document: "a: b: c\n",
            expected:
                "t.yaml:1:5: a mapping cannot start on its key's line; put its 'key: value' entries on the lines below"),
        Case(
            name: "sequence on its key's line", document: "a: - b\n",
            expected: "t.yaml:1:4: a block sequence cannot start on its key's line; put '- ' entries on the lines below"
        ),
        Case(
            name: "two scalars", document: "a: \"x\" y\n",
            expected: "t.yaml:1:8: expected the end of the line after the value, found 'y'"),
        // Quoted scalars.
        Case(
            name: "unterminated double quote", document: "a: \"abc\n",
            expected: "t.yaml:1:4: unterminated double-quoted scalar; a quoted scalar must end on the line it starts"),
        Case(
            name: "multi-line single quote", document: "a: 'abc\n  def'\n",
            expected: "t.yaml:1:4: unterminated single-quoted scalar; a quoted scalar must end on the line it starts"),
        Case(
            name: "escaped line break", document: "a: \"abc\\\n  def\"\n",
            expected: "t.yaml:1:4: unterminated double-quoted scalar; a quoted scalar must end on the line it starts"),
        Case(name: "unknown escape", document: "a: \"\\q\"\n", expected: "t.yaml:1:5: unknown escape sequence '\\q'"),
        Case(
            name: "short hex escape", document: "a: \"\\x4\"\n",
            expected: "t.yaml:1:5: escape '\\x' needs exactly 2 hexadecimal digits"),
        Case(
            name: "surrogate escape", document: "a: \"\\uD800\"\n",
            expected:
                "t.yaml:1:5: escape '\\u' does not name a Unicode scalar value (surrogates and values above 10FFFF are not)"
        ),
        // Flow sequences.
        Case(
            name: "unclosed flow sequence", document: "a: [1, 2\n",
            expected: "t.yaml:2:1: the flow sequence opened at 1:4 is not closed; expected ']'"),
        Case(name: "empty flow entry", document: "a: [1, , 2]\n", expected: "t.yaml:1:8: expected a value before ','"),
        Case(
            name: "missing comma", document: "a: [\"1\" 2]\n",
            expected: "t.yaml:1:9: expected ',' or ']' in the flow sequence opened at 1:4"),
        Case(
            name: "question mark in flow", document: "a: [a?b]\n",
            expected: "t.yaml:1:6: expected ',' or ']' in the flow sequence opened at 1:4"),
        Case(
            name: "block entry in flow", document: "a: [- b]\n",
            expected: "t.yaml:1:5: block sequence entries ('- ') are not allowed inside [ ]"),
        Case(
            name: "content after a flow sequence", document: "a: [1] x\n",
            expected: "t.yaml:1:8: expected the end of the line after the value, found 'x'"),
        Case(
            name: "reserved indicator", document: "a: @x\n",
            expected: "t.yaml:1:4: '@' cannot start an unquoted scalar; quote the value"),
        Case(
            name: "closing bracket as value", document: "a: ]\n",
            expected: "t.yaml:1:4: ']' cannot start an unquoted scalar; quote the value"),
        // Plain scalars YAML readers disagree on.
        Case(name: "yes", document: "a: yes\n", expected: "t.yaml:1:4: 'yes' \(quoteBoolean)"),
        Case(name: "Off", document: "a: Off\n", expected: "t.yaml:1:4: 'Off' \(quoteBoolean)"),
        Case(name: "n", document: "- n\n", expected: "t.yaml:1:3: 'n' \(quoteBoolean)"),
        Case(name: "Y in flow", document: "a: [x, Y]\n", expected: "t.yaml:1:8: 'Y' \(quoteBoolean)"),
        Case(name: "hex", document: "a: 0x1F\n", expected: "t.yaml:1:4: '0x1F' \(quoteNumber)"),
        Case(name: "octal 0o", document: "a: 0o17\n", expected: "t.yaml:1:4: '0o17' \(quoteNumber)"),
        Case(name: "octal leading zero", document: "a: 012\n", expected: "t.yaml:1:4: '012' \(quoteNumber)"),
        Case(name: "leading zero 08", document: "a: 08\n", expected: "t.yaml:1:4: '08' \(quoteNumber)"),
        Case(name: "binary", document: "a: 0b101\n", expected: "t.yaml:1:4: '0b101' \(quoteNumber)"),
        Case(name: "underscores", document: "a: 1_000\n", expected: "t.yaml:1:4: '1_000' \(quoteNumber)"),
        Case(name: "sexagesimal", document: "a: 1:30\n", expected: "t.yaml:1:4: '1:30' \(quoteNumber)"),
        Case(name: "exponent without dot", document: "a: 1e5\n", expected: "t.yaml:1:4: '1e5' \(quoteNumber)"),
        Case(name: "exponent without sign", document: "a: 1.0e5\n", expected: "t.yaml:1:4: '1.0e5' \(quoteNumber)"),
        Case(name: "signed leading dot", document: "a: -.5\n", expected: "t.yaml:1:4: '-.5' \(quoteNumber)"),
        Case(name: "infinity", document: "a: .inf\n", expected: "t.yaml:1:4: '.inf' \(quoteNumber)"),
        Case(name: "not a number", document: "a: .NaN\n", expected: "t.yaml:1:4: '.NaN' \(quoteNumber)"),
        Case(
            name: "integer overflow", document: "a: 9223372036854775808\n",
            expected: "t.yaml:1:4: integer '9223372036854775808' does not fit in 64 bits; quote it for a string"),
        Case(
            name: "float overflow", document: "a: 1.0e+999\n",
            expected: "t.yaml:1:4: number '1.0e+999' is out of range; quote it for a string"),
        Case(
            name: "date", document: "a: 2024-01-01\n",
            expected: "t.yaml:1:4: '2024-01-01' is a timestamp in YAML 1.1; quote it for a string"),
        Case(
            name: "timestamp", document: "a: 2024-01-01T10:00:00Z\n",
            expected: "t.yaml:1:4: '2024-01-01T10:00:00Z' is a timestamp in YAML 1.1; quote it for a string"),
        Case(
            name: "merge key", document: "<<: x\n",
            expected: "t.yaml:1:1: '<<' has a special meaning in YAML 1.1; quote it for a string"),
        Case(
            name: "value indicator", document: "a: =\n",
            expected: "t.yaml:1:4: '=' has a special meaning in YAML 1.1; quote it for a string"),
        // Characters.
        Case(
            name: "control character", document: "a: b\u{7}c\n",
            expected:
                "t.yaml:1:5: unsupported control character U+0007; write it as an escape in a double-quoted scalar"),
        Case(
            name: "lone carriage return", document: "a: 1\rb: 2\n",
            expected: "t.yaml:1:5: a carriage return must be followed by a line feed; end lines with \\n or \\r\\n"),
        Case(
            name: "next line character", document: "a: 1\n# x\u{85}\n",
            expected: "t.yaml:2:4: unsupported line break character U+0085; end lines with \\n"),
    ]

    @Test(arguments: cases) func rejects(_ testCase: Case) {
        do {
            let node = try YAMLParser.parse(testCase.document, fileName: "t.yaml")
            Issue.record("accepted, giving \(node)")
        } catch {
            #expect(error.description == testCase.expected)
        }
    }

    @Test func rejectsInvalidUTF8WithItsPosition() {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xFF] + Array("\n".utf8)
        #expect(
            throws: YAMLError(
                fileName: "t.yaml", mark: Mark(line: 2, column: 5), message: "the file is not valid UTF-8")
        ) {
            try YAMLParser.parse(utf8: bytes, fileName: "t.yaml")
        }
    }
}
