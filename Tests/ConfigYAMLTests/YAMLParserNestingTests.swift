import Testing

@testable import ConfigYAML

/// Nesting is bounded: documents up to `YAMLParser.maxDepth` levels parse, deeper ones are an
/// error at the first level too many, and none exhausts the stack (fuzzing found that
/// `[[[[…` about 9,000 levels deep crashed the parser).
@Suite struct YAMLParserNestingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var document: String
        /// The whole `description`, or nil when the document must parse.
        var expectedError: String?
        var testDescription: String { name }
    }

    static let tooDeep = "mappings and sequences nested more than 100 levels deep are not supported"

    /// `levels` flow sequences, each the only item of the one around it.
    static func flowSequences(_ levels: Int) -> String {
        "a: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
    }

    /// `levels` block sequences in compact form (`- - - x`).
    static func blockSequences(_ levels: Int) -> String {
        String(repeating: "- ", count: levels) + "x\n"
    }

    /// `levels` mappings, each the value of the one around it, indented one space per level.
    static func mappings(_ levels: Int) -> String {
        (0..<levels).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
    }

    static let cases: [Case] = [
        Case(name: "flow sequences at the limit", document: flowSequences(99), expectedError: nil),
        Case(
            name: "flow sequences one level too deep", document: flowSequences(100),
            expectedError: "t.yaml:1:103: \(tooDeep)"),
        Case(
            name: "flow sequences deep enough to overflow the stack (fuzz finding)", document: flowSequences(20_000),
            expectedError: "t.yaml:1:103: \(tooDeep)"),
        Case(name: "block sequences at the limit", document: blockSequences(100), expectedError: nil),
        Case(
            name: "block sequences one level too deep", document: blockSequences(101),
            expectedError: "t.yaml:1:201: \(tooDeep)"),
        Case(
            name: "block sequences deep enough to overflow the stack", document: blockSequences(20_000),
            expectedError: "t.yaml:1:201: \(tooDeep)"),
        Case(name: "mappings at the limit", document: mappings(100), expectedError: nil),
        Case(
            name: "mappings one level too deep", document: mappings(101), expectedError: "t.yaml:101:101: \(tooDeep)"),
    ]

    @Test(arguments: cases)
    func nesting(_ testCase: Case) throws {
        do {
            let root = try YAMLParser.parse(testCase.document, fileName: "t.yaml")
            #expect(testCase.expectedError == nil, "parsed to \(root)")
        } catch {
            #expect(error.description == testCase.expectedError)
        }
    }
}
