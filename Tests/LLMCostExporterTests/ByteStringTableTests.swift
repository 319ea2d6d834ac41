import Testing

@testable import LLMCostExporter

struct ByteStringTableTests {
    /// Inserts every key of `keys` (in its scope) in order, checking each gets the next index.
    private func table(of keys: [(bytes: [UInt8], scope: Int)]) -> ByteStringTable {
        var table = ByteStringTable()
        for (expected, key) in keys.enumerated() {
            let index = key.bytes.withUnsafeBytes { table.insert($0, scope: key.scope) }
            #expect(index == expected)
        }
        return table
    }

    private func index(of bytes: [UInt8], scope: Int = 0, in table: ByteStringTable) -> Int? {
        bytes.withUnsafeBytes { table.index(of: $0, scope: scope) }
    }

    @Test func findsEveryKeyOfEveryLengthAndNothingElse() {
        // Keys of each length 0–40 that share their prefix, or their suffix, or both ends
        // (differing in one middle byte only): the cases where head and tail words overlap,
        // touch or leave a middle between them.
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let same = Array(repeating: UInt8(ascii: "a"), count: length)
            keys.append(same)
            if length > 0 {
                keys.append(same.dropLast() + [UInt8(ascii: "b")])
            }
            if length > 1 {
                keys.append([UInt8(ascii: "b")] + same.dropLast())
            }
            if length > 2 {
                var middle = same
                middle[length / 2] = UInt8(ascii: "c")
                keys.append(middle)
            }
        }
        let table = table(of: keys.map { ($0, 0) })
        #expect(table.count == keys.count)
        for (expected, key) in keys.enumerated() {
            #expect(index(of: key, in: table) == expected, "key of \(key.count) bytes")
        }
        let absent: [[UInt8]] = [
            Array("bb".utf8), Array("c".utf8), Array(repeating: UInt8(ascii: "a"), count: 41),
            Array(repeating: UInt8(ascii: "c"), count: 20), Array("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaz".utf8),
        ]
        for key in absent {
            #expect(index(of: key, in: table) == nil, "\(String(decoding: key, as: UTF8.self))")
        }
    }

    @Test(arguments: [
        ("one byte apart in the middle of a long key", "claude-3-5-sonnet-20241022", "claude-3-5-sonnen-20241022"),
        ("same ends, other middle word", "prefix-0123456789-aaaaaaaa-suffix", "prefix-0123456789-bbbbbbbb-suffix"),
        ("a byte past the head word", "gpt-4o-m", "gpt-4o-mi"),
        ("three bytes, middle differs", "abc", "axc"),
        ("two bytes", "ab", "ba"),
        ("empty and one byte", "", "a"),
        ("a zero byte at the end", "gpt\u{0}", "gpt"),
    ])
    func keepsNearlyEqualKeysApart(name: String, first: String, second: String) {
        let table = table(of: [(Array(first.utf8), 0)])
        #expect(index(of: Array(first.utf8), in: table) == 0)
        #expect(index(of: Array(second.utf8), in: table) == nil, "\(name)")
    }

    @Test func scopesKeepEqualBytesApart() {
        let gpt = Array("gpt-4o".utf8)
        let long = Array("a-model-name-longer-than-sixteen-bytes".utf8)
        let table = table(of: [(gpt, 0), (gpt, 3), (long, 3), (long, 1)])
        #expect(index(of: gpt, scope: 0, in: table) == 0)
        #expect(index(of: gpt, scope: 3, in: table) == 1)
        #expect(index(of: gpt, scope: 1, in: table) == nil)
        #expect(index(of: long, scope: 3, in: table) == 2)
        #expect(index(of: long, scope: 1, in: table) == 3)
        #expect(index(of: long, scope: 0, in: table) == nil)
    }

    @Test func growsPastManyKeysKeepingEveryIndex() {
        let keys = (0..<5000).map { Array("user-\($0)-of-a-long-label-value".utf8) }
        let table = table(of: keys.map { ($0, $0.count % 3) })
        #expect(table.count == 5000)
        for (expected, key) in keys.enumerated() {
            #expect(index(of: key, scope: key.count % 3, in: table) == expected)
        }
        #expect(index(of: Array("user-5000-of-a-long-label-value".utf8), scope: 0, in: table) == nil)
    }

    @Test func findsKeysWhoseProbesCollide() throws {
        // Seven keys whose first probe in the initial 16 slots is the same: each lookup walks
        // the chain, and a missing key of the same start walks it to the free slot.
        let candidates = (0..<2000).map { Array("k\($0)".utf8) }
        let byStart = Dictionary(grouping: candidates) { key in
            key.withUnsafeBytes { ByteStringTable.hash(of: $0, scope: 0) } & 15
        }
        let chain = byStart.values.max { $0.count < $1.count } ?? []
        try #require(chain.count >= 8)
        let keys = Array(chain.prefix(7))
        let table = table(of: keys.map { ($0, 0) })
        for (expected, key) in keys.enumerated() {
            #expect(index(of: key, in: table) == expected)
        }
        #expect(index(of: chain[7], in: table) == nil)
    }
}
