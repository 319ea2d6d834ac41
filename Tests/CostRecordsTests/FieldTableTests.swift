import Testing

@testable import CostRecords

/// Key lookup by (context, raw key bytes), for nested, flat-dotted and mixed paths.
@Suite struct FieldTableTests {
    static let mapping = CostFieldMapping(sources: [
        .model: ["model", "a.very.long.dotted.path.beyond.sixteen.bytes"],
        .inputTokens: ["usage.prompt_tokens_details.cached_tokens"],
    ])

    /// The node of `path` reached by looking up `keys` one level at a time.
    private func walk(_ table: FieldTable, _ keys: [String]) -> Int32 {
        var context = FieldTable.rootContext
        for key in keys {
            let bytes = Array(key.utf8)
            context = bytes.withUnsafeBytes { buffer in
                table.node(
                    context: context, key: buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                    count: buffer.count, readable: buffer.count)
            }
            if context < 0 {
                return -1
            }
        }
        return context
    }

    @Test func everySplitOfAPathReachesTheSameNode() {
        let table = FieldTable(mapping: Self.mapping)
        let nested = walk(table, ["usage", "prompt_tokens_details", "cached_tokens"])
        #expect(nested >= 0)
        #expect(walk(table, ["usage.prompt_tokens_details.cached_tokens"]) == nested)
        #expect(walk(table, ["usage", "prompt_tokens_details.cached_tokens"]) == nested)
        #expect(walk(table, ["usage.prompt_tokens_details", "cached_tokens"]) == nested)
        #expect(table[.inputTokens].elementsEqual([nested]))
    }

    @Test func longKeysCompareInFull() {
        let table = FieldTable(mapping: Self.mapping)
        let node = walk(table, ["a.very.long.dotted.path.beyond.sixteen.bytes"])
        #expect(node >= 0)
        #expect(walk(table, ["a", "very", "long", "dotted", "path", "beyond", "sixteen", "bytes"]) == node)
        // Same length, same first and last 8 bytes, different middle.
        #expect(walk(table, ["a.very.long.dotXed.path.beyond.sixteen.bytes"]) == -1)
        #expect(table[.model].count == 2)
    }

    @Test func unmappedKeysAndWrongContextsMiss() {
        let table = FieldTable(mapping: Self.mapping)
        #expect(walk(table, ["cached_tokens"]) == -1)
        #expect(walk(table, ["usage", "model"]) == -1)
        #expect(walk(table, ["modelx"]) == -1)
        #expect(walk(table, ["mode"]) == -1)
        #expect(walk(table, [""]) == -1)
        #expect(walk(table, ["usage."]) == -1)
    }

    @Test func descendantsAreContiguous() {
        let table = FieldTable(mapping: Self.mapping)
        let usage = walk(table, ["usage"])
        let details = walk(table, ["usage", "prompt_tokens_details"])
        let cached = walk(table, ["usage", "prompt_tokens_details", "cached_tokens"])
        let shape = table.nodes[Int(usage)]
        #expect(shape.hasChildren)
        #expect((usage + 1..<shape.descendantEnd).contains(details))
        #expect((usage + 1..<shape.descendantEnd).contains(cached))
        #expect(!table.nodes[Int(cached)].hasChildren)
        #expect(!table.nodes[Int(walk(table, ["model"]))].hasChildren)
    }

    @Test func everySourceNodeCarriesItsFieldsPresenceBit() {
        let mapping = CostFieldMapping.builtIn.addingLabel(.init(name: "user", sources: ["user_id", "usage.input"]))
        let table = FieldTable(mapping: mapping)
        for field in CostField.allCases {
            for node in table[field] {
                #expect(table.nodes[Int(node)].presence & FieldTable.presenceBit(of: field) != 0, "\(field)")
            }
        }
        for node in table.labelSources(at: 0) {
            #expect(table.nodes[Int(node)].presence & FieldTable.presenceBit(ofLabelAt: 0) != 0)
        }
        // `usage` only leads to sources; it is none itself.
        #expect(table.nodes[Int(walk(table, ["usage"]))].presence == 0)
    }

    @Test func presenceBitsAreDistinct() {
        let bits =
            CostField.allCases.map(FieldTable.presenceBit(of:)) + (0..<43).map(FieldTable.presenceBit(ofLabelAt:))
        #expect(Set(bits).count == bits.count)
        #expect(FieldTable.presenceBit(ofLabelAt: 44) == FieldTable.presenceBit(ofLabelAt: 43))
    }

    @Test func builtInSourcesAllResolve() {
        let table = FieldTable(mapping: .builtIn)
        for field in CostField.allCases {
            #expect(table[field].count == CostFieldMapping.builtIn.sources(for: field).count, "\(field)")
        }
    }
}
