import Testing

@testable import ConfigYAML

/// The tree and the marks the parser gives, checked node by node.
@Suite struct YAMLParserTests {
    private func node(_ value: YAMLNode.Value, _ line: Int, _ column: Int) -> YAMLNode {
        YAMLNode(value, at: Mark(line: line, column: column))
    }

    private func entry(_ key: String, _ line: Int, _ column: Int, _ value: YAMLNode) -> YAMLMappingEntry {
        YAMLMappingEntry(key: key, keyMark: Mark(line: line, column: column), value: value)
    }

    @Test func marksEveryNodeAndKey() throws {
        let document = """
            # config
            server:
              listen: ":9464"
            sources:
            - path: /a
              tail: true
            - [x, 2]
            empty:
            """
        let expected = node(
            .mapping([
                entry(
                    "server", 2, 1,
                    node(.mapping([entry("listen", 3, 3, node(.scalar(.string(":9464")), 3, 11))]), 3, 3)),
                entry(
                    "sources", 4, 1,
                    node(
                        .sequence([
                            node(
                                .mapping([
                                    entry("path", 5, 3, node(.scalar(.string("/a")), 5, 9)),
                                    entry("tail", 6, 3, node(.scalar(.bool(true)), 6, 9)),
                                ]), 5, 3),
                            node(.sequence([node(.scalar(.string("x")), 7, 4), node(.scalar(.int(2)), 7, 7)]), 7, 3),
                        ]), 5, 1)),
                entry("empty", 8, 1, node(.scalar(.null), 8, 7)),
            ]), 2, 1)
        #expect(try YAMLParser.parse(document, fileName: "t.yaml") == expected)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let root = try YAMLParser.parse("é: ü\n", fileName: "t.yaml")
        #expect(root == node(.mapping([entry("é", 1, 1, node(.scalar(.string("ü")), 1, 4))]), 1, 1))
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let root = try YAMLParser.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), fileName: "t.yaml")
        #expect(root == node(.mapping([entry("a", 1, 1, node(.scalar(.int(1)), 1, 4))]), 1, 1))
    }

    @Test func emptyDocumentIsNull() throws {
        #expect(try YAMLParser.parse("", fileName: "t.yaml") == node(.scalar(.null), 1, 1))
        #expect(try YAMLParser.parse("---\n# only a comment\n", fileName: "t.yaml") == node(.scalar(.null), 3, 1))
    }

    @Test func errorDescriptionNamesFileLineAndColumn() {
        let error = YAMLError(fileName: "/etc/x.yaml", mark: Mark(line: 3, column: 7), message: "bad")
        #expect(error.description == "/etc/x.yaml:3:7: bad")
    }
}
