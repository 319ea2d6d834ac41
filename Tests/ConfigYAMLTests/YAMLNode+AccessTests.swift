import Testing

@testable import ConfigYAML

/// Reading a parsed tree the way the config layer does.
@Suite struct YAMLNodeAccessTests {
    @Test func readsMappingsSequencesAndScalars() throws {
        let root = try YAMLParser.parse("a:\n  b: [1, x]\nc: ~\n", fileName: "t.yaml")
        #expect(root.mappingEntries?.map(\.key) == ["a", "c"])
        #expect(root["a"]?["b"]?.sequenceItems?.map(\.scalar) == [.int(1), .string("x")])
        #expect(root["c"]?.scalar == .null)
        #expect(root["missing"] == nil)
        #expect(root["a"]?["b"]?["b"] == nil)
        #expect(root.scalar == nil)
        #expect(root.sequenceItems == nil)
    }
}
