/// Turns one JSON line into a `CostRecord` or a `LineErrorReason`.
///
/// One pass validates the whole line as strict RFC 8259 JSON and notes where the mapped
/// keys' values are (`JSONScanner`); then the record is resolved from those values
/// (`RecordResolver`) by the rules of `CostFieldMapping`. Nothing is allocated per line once
/// the decoder has seen a line as long as the current one: text the record needs that is not
/// verbatim in the line (unescaped strings, a lower-cased provider) goes to decoder-owned
/// scratch memory.
///
/// A decoder learns from the lines it has seen, to go faster on lines like them, never to
/// decode them differently: which key follows which (`KeyPredictor`) and the last minutes
/// timestamps named (`TimestampParser.MinuteCache`). Both hold exact bytes, so a line's
/// outcome is the same whatever came before it.
///
/// A decoder is not thread-safe: give each ingesting thread its own. Records it returns
/// point into the line and into the decoder, so they are valid only until the next
/// `decode` call and while the line's buffer lives.
public final class CostLineDecoder {
    /// The field names this decoder resolves.
    public let mapping: CostFieldMapping
    /// The deepest nesting of objects and arrays accepted; the line's top-level object is depth 1.
    public let maxDepth: Int

    /// The compiled mapping.
    private let table: FieldTable
    /// The mapped values of the current line.
    private let values: LineValues
    /// Text the current record points at that is not in the line.
    private let scratch = ScratchArena()
    /// The scanner's stack of open containers while it skips a value, `maxDepth` bytes.
    private let containerStack: UnsafeMutablePointer<UInt8>
    /// The label values of the current record, one per extra label field, reused so that
    /// records need not allocate.
    private let labels: UnsafeMutableBufferPointer<UnsafeRawBufferPointer?>
    /// The last minute a timestamp string named, behind a pointer for the same reason.
    private let minuteCache: UnsafeMutablePointer<TimestampParser.MinuteCache>
    /// Which key followed which in earlier lines.
    private let predictor = KeyPredictor.allocate()

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - mapping: The JSON names of each field and the extra label fields.
    ///   - maxDepth: The deepest nesting accepted, at least 1; deeper lines are `.tooDeep`.
    public init(mapping: CostFieldMapping = .builtIn, maxDepth: Int = 64) {
        self.mapping = mapping
        self.maxDepth = max(maxDepth, 1)
        table = FieldTable(mapping: mapping)
        values = LineValues(nodeCount: table.nodeCount)
        containerStack = .allocate(capacity: self.maxDepth)
        labels = .allocate(capacity: mapping.labelFields.count)
        labels.initialize(repeating: nil)
        minuteCache = .allocate(capacity: 1)
        minuteCache.initialize(to: TimestampParser.MinuteCache())
    }

    deinit {
        predictor.deallocate()
        minuteCache.deallocate()
        containerStack.deallocate()
        labels.deallocate()
    }

    /// Decodes one line.
    ///
    /// - Parameter line: The line's bytes without its newline; the caller has removed a
    ///   trailing `\r` and a file-start BOM and skips blank lines.
    /// - Returns: The record, valid until the next call, or the reason the line is not one.
    public func decode(_ line: UnsafeRawBufferPointer) -> DecodeOutcome {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self), !line.isEmpty else {
            return .failure(.invalidJSON)
        }
        values.beginLine()
        scratch.reset()
        var scanner = JSONScanner(
            lineStart: base, end: base + line.count, position: base, maxDepth: maxDepth, table: table.view,
            slots: values.slots, generation: values.generation, scratch: scratch, containerStack: containerStack,
            predictor: predictor
        )
        let isObject: Bool
        do {
            isObject = try scanner.scanLine()
        } catch {
            return .failure(error.reason)
        }
        guard isObject else {
            return .failure(.notAnObject)
        }
        let resolver = RecordResolver(
            line: line, table: table.view, slots: values.slots, generation: values.generation,
            presence: scanner.presence, scratch: scratch, minuteCache: minuteCache
        )
        return resolver.resolve(labels: labels)
    }
}
