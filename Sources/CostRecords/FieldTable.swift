import Glibc

/// The compiled form of a `CostFieldMapping`, built once per decoder.
///
/// Every source path and every dotted prefix of one becomes a numbered *node*
/// (`usage`, `usage.prompt_tokens_details`, `usage.prompt_tokens_details.cached_tokens`).
/// Nodes are numbered in depth-first order, so a node's descendants are the contiguous range
/// after it. A key in the line is looked up by *(context node, raw key bytes)*, where the
/// context is the node of the enclosing object (or the root). The table holds every split of
/// every path into (context, rest), so a literal flat key `"usage.input"` and the nested
/// `{"usage":{"input":…}}` reach the same node. Keys of up to 16 bytes compare as two words,
/// so a lookup costs one hash and usually one probe, with no per-byte loop.
final class FieldTable {
    /// The context of keys in the top-level object.
    static var rootContext: Int32 { -1 }

    /// A node's structure.
    struct Node {
        /// Whether some longer path continues below this node, so its object value is entered.
        var hasChildren: Bool
        /// One past the last descendant's id; descendants are `id + 1 ..< descendantEnd`.
        var descendantEnd: Int32
        /// The presence bits (`FieldTable.presenceBit`) of the fields and labels this node is a
        /// source of; a line's scanner ORs them together, so the resolver skips at once every
        /// field none of whose sources was seen.
        var presence: UInt64
    }

    /// One (context, key) → node row of the open-addressing hash table.
    struct Entry {
        /// The key's first 8 bytes, little-endian, zero-padded.
        var head: UInt64
        /// The key's last 8 bytes when it has at least 8, else 0.
        var tail: UInt64
        /// The key's length in bytes.
        var length: Int
        /// Offset of the key's bytes in `keyBytes`, compared in full for keys over 16 bytes.
        var bytesOffset: Int
        /// The context node (`rootContext` for the top level).
        var context: Int32
        /// The node the key leads to; -1 marks an empty row.
        var node: Int32
    }

    /// The nodes, by id.
    var nodes: UnsafeMutableBufferPointer<Node> { view.nodes }
    /// The compiled data as plain pointers; see `View`.
    let view: View

    /// A table's data as plain pointers, for the per-line scanner and resolver.
    ///
    /// Copying a view or calling through it costs no reference counting, which a class
    /// reference held by a per-line struct would (measured: a retain per key). A view is valid
    /// while its table lives; the decoder owns the table and outlives every scanner and
    /// resolver it creates.
    struct View {
        /// The nodes, by id.
        let nodes: UnsafeMutableBufferPointer<Node>
        /// The hash table; its count is a power of two, at most an eighth full.
        fileprivate let entries: UnsafeMutableBufferPointer<Entry>
        /// Per row of `entries`, a non-zero fingerprint of its hash, 0 for an empty row.
        ///
        /// Most keys in a line are not mapped; a miss then touches only this small array, which
        /// stays in cache while the line's bytes stream through.
        fileprivate let tags: UnsafeMutableBufferPointer<UInt32>
        /// 64 − log2(`entries.count`): a hash shifted right by this is a row index.
        fileprivate let shift: UInt64
        /// The bytes of every key, for the full comparison of long keys.
        fileprivate let keyBytes: UnsafeMutableBufferPointer<UInt8>
        /// Each field's sources (node ids in priority order), indexed by `CostField.ordinal`.
        fileprivate let fieldSources: UnsafeMutableBufferPointer<UnsafeBufferPointer<Int32>>
        /// Each label's sources, in the mapping's label order.
        fileprivate let labelSources: UnsafeMutableBufferPointer<UnsafeBufferPointer<Int32>>
    }

    /// The node ids of every field's and then every label's sources, back to back.
    private let sourceNodes: UnsafeMutableBufferPointer<Int32>

    /// Compiles `mapping`.
    ///
    /// - Parameter mapping: The field and label sources.
    init(mapping: CostFieldMapping) {
        let allPaths =
            CostField.allCases.flatMap { mapping.sources(for: $0) }
            + mapping.labelFields.flatMap(\.sources)
        var prefixSet = Set<[[UInt8]]>()
        for path in allPaths {
            let segments = FieldTable.segments(of: path)
            for length in 1...segments.count {
                prefixSet.insert(Array(segments[0..<length]))
            }
        }
        let ordered = prefixSet.sorted { $0.lexicographicallyPrecedes($1) { $0.lexicographicallyPrecedes($1) } }
        var idBySegments = [[[UInt8]]: Int32]()
        for (id, segments) in ordered.enumerated() {
            idBySegments[segments] = Int32(id)
        }

        let nodes = UnsafeMutableBufferPointer<Node>.allocate(capacity: max(ordered.count, 1))
        for (id, segments) in ordered.enumerated() {
            var end = id + 1
            while end < ordered.count, ordered[end].starts(with: segments) {
                end += 1
            }
            nodes.initializeElement(at: id, to: Node(hasChildren: end > id + 1, descendantEnd: Int32(end), presence: 0))
        }
        nodeCount = ordered.count

        var rows = [(context: Int32, key: [UInt8], node: Int32)]()
        for (id, segments) in ordered.enumerated() {
            for split in 0..<segments.count {
                let context = split == 0 ? FieldTable.rootContext : idBySegments[Array(segments[0..<split])] ?? -1
                let key = Array(segments[split...].joined(separator: [UInt8(ascii: ".")]))
                rows.append((context, key, Int32(id)))
            }
        }

        // At most an eighth full, so that most unmapped keys meet an empty row at once.
        var capacity = 64
        var shift: UInt64 = 58
        while capacity < rows.count * 8 {
            capacity *= 2
            shift -= 1
        }
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: capacity)
        entries.initialize(repeating: Entry(head: 0, tail: 0, length: 0, bytesOffset: 0, context: 0, node: -1))
        let tags = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        tags.initialize(repeating: 0)
        var keyBytes = [UInt8]()
        for row in rows {
            let words = row.key.withUnsafeBytes { FieldTable.words(of: $0.baseAddress, count: $0.count, readable: 0) }
            let hash = FieldTable.hash(context: row.context, head: words.head, tail: words.tail, length: row.key.count)
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while tags[slot] != 0 {
                slot = (slot + 1) & (capacity - 1)
            }
            tags[slot] = FieldTable.tag(of: hash)
            entries[slot] = Entry(
                head: words.head, tail: words.tail, length: row.key.count, bytesOffset: keyBytes.count,
                context: row.context, node: row.node
            )
            keyBytes += row.key
        }
        let storedKeys = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(keyBytes.count, 1))
        _ = storedKeys.initialize(from: keyBytes)

        var flattened = [Int32]()
        func append(_ paths: [String], presence: UInt64) -> Range<Int> {
            let start = flattened.count
            flattened += paths.compactMap { idBySegments[FieldTable.segments(of: $0)] }
            for node in flattened[start...] {
                nodes[Int(node)].presence |= presence
            }
            return start..<flattened.count
        }
        var fieldRanges = [Range<Int>](repeating: 0..<0, count: CostField.ordinalCount)
        for field in CostField.allCases {
            fieldRanges[field.ordinal] = append(
                mapping.sources(for: field), presence: FieldTable.presenceBit(of: field))
        }
        let labelRanges = mapping.labelFields.indices.map {
            append(mapping.labelFields[$0].sources, presence: FieldTable.presenceBit(ofLabelAt: $0))
        }
        sourceNodes = .allocate(capacity: max(flattened.count, 1))
        _ = sourceNodes.initialize(from: flattened)
        let fieldSources = UnsafeMutableBufferPointer<UnsafeBufferPointer<Int32>>.allocate(capacity: fieldRanges.count)
        for (index, range) in fieldRanges.enumerated() {
            fieldSources.initializeElement(at: index, to: UnsafeBufferPointer(rebasing: sourceNodes[range]))
        }
        let labelSources = UnsafeMutableBufferPointer<UnsafeBufferPointer<Int32>>.allocate(
            capacity: max(labelRanges.count, 1)
        )
        for (index, range) in labelRanges.enumerated() {
            labelSources.initializeElement(at: index, to: UnsafeBufferPointer(rebasing: sourceNodes[range]))
        }
        view = View(
            nodes: nodes, entries: entries, tags: tags, shift: shift, keyBytes: storedKeys,
            fieldSources: fieldSources, labelSources: labelSources
        )
    }

    /// The number of nodes.
    let nodeCount: Int

    deinit {
        view.entries.deallocate()
        view.tags.deallocate()
        view.nodes.deallocate()
        view.keyBytes.deallocate()
        view.fieldSources.deallocate()
        view.labelSources.deallocate()
        sourceNodes.deallocate()
    }

    /// The node a key leads to in `context`, or -1 when no source path goes through it.
    ///
    /// - Parameters:
    ///   - context: The enclosing object's node, or `rootContext`.
    ///   - key: The key's (unescaped) bytes.
    ///   - count: The key's length.
    ///   - readable: How many bytes from `key` may be read (at least `count`).
    /// - Returns: The node id, or -1.
    func node(context: Int32, key: UnsafeRawPointer, count: Int, readable: Int) -> Int32 {
        view.node(context: context, key: key, count: count, readable: readable)
    }

    /// The node ids of `field`'s sources, in priority order.
    subscript(field: CostField) -> UnsafeBufferPointer<Int32> {
        view[field]
    }

    /// The node ids of the sources of the label at `index`, in priority order.
    func labelSources(at index: Int) -> UnsafeBufferPointer<Int32> {
        view.labelSources(at: index)
    }

    /// The presence bit of `field`: one bit per field.
    @inline(__always)
    static func presenceBit(of field: CostField) -> UInt64 {
        1 << UInt64(field.ordinal)
    }

    /// The presence bit of the label at `index`: one bit per label after the fields' bits, the
    /// last bit shared by all labels beyond.
    @inline(__always)
    static func presenceBit(ofLabelAt index: Int) -> UInt64 {
        1 << UInt64(min(CostField.ordinalCount + index, 63))
    }

    /// Splits a dotted path into its segments' bytes.
    private static func segments(of path: String) -> [[UInt8]] {
        path.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map(Array.init)
    }

    /// The two comparison words of a key: its first 8 bytes and, when it has 8 or more, its last 8.
    ///
    /// - Parameters:
    ///   - key: The key's bytes (may be nil when `count` is 0).
    ///   - count: The key's length.
    ///   - readable: How many bytes may be read from `key`; 8 or more allows one masked load.
    @inline(__always)
    static func words(of key: UnsafeRawPointer?, count: Int, readable: Int) -> (head: UInt64, tail: UInt64) {
        guard let key, count > 0 else {
            return (0, 0)
        }
        if count >= 8 {
            return (
                UInt64(littleEndian: key.loadUnaligned(as: UInt64.self)),
                UInt64(littleEndian: key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            )
        }
        if readable >= 8 {
            let all = UInt64(littleEndian: key.loadUnaligned(as: UInt64.self))
            return (all & ((1 << (UInt64(count) &* 8)) &- 1), 0)
        }
        var head: UInt64 = 0
        for index in 0..<count {
            head |= UInt64(key.load(fromByteOffset: index, as: UInt8.self)) << (UInt64(index) &* 8)
        }
        return (head, 0)
    }

    /// Mixes a key's words, length and context into a hash: its high bits index the table,
    /// its middle bits make the tag.
    ///
    /// One multiply spreads every input bit into the high bits; the tail gets its own so that
    /// long keys sharing a first word still differ. The length goes to the top byte, which a
    /// key under 8 bytes leaves zero.
    @inline(__always)
    fileprivate static func hash(context: Int32, head: UInt64, tail: UInt64, length: Int) -> UInt64 {
        let mixed =
            head ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(truncatingIfNeeded: length) << 56)
            ^ (UInt64(UInt32(bitPattern: context)) << 20)
        return mixed &* 0x9E37_79B9_7F4A_7C15
    }

    /// The non-zero fingerprint of a hash, from bits the table index does not use.
    @inline(__always)
    fileprivate static func tag(of hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 16) | 1
    }
}

extension FieldTable.View {
    /// The node ids of `field`'s sources, in priority order.
    @inline(__always)
    subscript(field: CostField) -> UnsafeBufferPointer<Int32> {
        fieldSources[field.ordinal]
    }

    /// The node ids of the sources of the label at `index`, in priority order.
    @inline(__always)
    func labelSources(at index: Int) -> UnsafeBufferPointer<Int32> {
        labelSources[index]
    }

    /// The node a key leads to in `context`, or -1 when no source path goes through it; see
    /// `FieldTable.node(context:key:count:readable:)`.
    ///
    /// Transparent because `@inline(__always)` was not honoured in the scanner's large member
    /// loop: the call and its register spills cost about 25 instructions per key (measured).
    @_transparent
    func node(context: Int32, key: UnsafeRawPointer, count: Int, readable: Int) -> Int32 {
        let words = FieldTable.words(of: key, count: count, readable: readable)
        return node(context: context, key: key, count: count, words: words)
    }

    /// The node a key leads to, given its comparison words (`FieldTable.words`).
    @_transparent
    func node(context: Int32, key: UnsafeRawPointer, count: Int, words: (head: UInt64, tail: UInt64)) -> Int32 {
        let hash = FieldTable.hash(context: context, head: words.head, tail: words.tail, length: count)
        let tag = FieldTable.tag(of: hash)
        let mask = tags.count - 1
        var slot = Int(truncatingIfNeeded: hash &>> shift)
        while true {
            let rowTag = tags[slot]
            if rowTag == 0 {
                return -1
            }
            if rowTag == tag {
                let entry = entries[slot]
                if entry.head == words.head, entry.tail == words.tail, entry.length == count,
                    entry.context == context, count <= 16 || middleMatches(entry, key: key)
                {
                    return entry.node
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Compares a long key's bytes 8 ..< count - 8, which its two words do not cover.
    private func middleMatches(_ entry: FieldTable.Entry, key: UnsafeRawPointer) -> Bool {
        guard let stored = keyBytes.baseAddress else {
            return false
        }
        return memcmp(stored + entry.bytesOffset + 8, key + 8, entry.length - 16) == 0
    }
}

extension CostField {
    /// A dense index for array-backed per-field tables.
    fileprivate var ordinal: Int {
        switch self {
        case .model: 0
        case .provider: 1
        case .status: 2
        case .success: 3
        case .isError: 4
        case .errorEvidence: 5
        case .errorType: 6
        case .totalCost: 7
        case .inputCost: 8
        case .outputCost: 9
        case .inputTokens: 10
        case .outputTokens: 11
        case .cacheReadTokens: 12
        case .cacheWriteTokens: 13
        case .latencySeconds: 14
        case .latencyMilliseconds: 15
        case .startTime: 16
        case .endTime: 17
        case .cached: 18
        case .timestamp: 19
        }
    }

    /// The number of ordinals, one past the last.
    fileprivate static var ordinalCount: Int {
        CostField.timestamp.ordinal + 1
    }
}
