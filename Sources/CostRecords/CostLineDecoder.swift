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
        let end = base + line.count
        var scanner = makeScanner(start: base, end: end)
        let isObject: Bool
        do {
            isObject = try scanner.scanValue()
        } catch {
            return .failure(error.reason)
        }
        guard scanner.position == end else {
            return .failure(.invalidJSON)
        }
        return resolve(line, isObject: isObject, presence: scanner.presence)
    }

    /// Decodes the line at the start of `bytes` without looking for its end first, when that
    /// line is one valid JSON value followed by its `\n`; nil otherwise, with nothing decided.
    ///
    /// This saves the search for the newline of a well-formed line: the scan that validates
    /// the line finds its end. A line this gives an outcome for gets the same outcome from
    /// `decode(_:)`. For any other line (malformed, blank, without its `\n` in `bytes`, or
    /// with anything but spaces, tabs and `\r` between its value and its `\n`) nothing is
    /// counted, and the caller finds the line's end and calls `decode(_:)`.
    ///
    /// - Parameters:
    ///   - bytes: Bytes that start with a line, not at the start of its file; the line's
    ///     `\n` is found only within them.
    ///   - length: Set, when a line was decoded, to its length with its `\n`.
    /// - Returns: The line's record, valid until the next call, or the reason it is not one;
    ///   nil when the line must be decoded by `decode(_:)`.
    public func decodeLine(atStartOf bytes: UnsafeRawBufferPointer, length: inout Int) -> DecodeOutcome? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return nil
        }
        let end = base + bytes.count
        var scanner = makeScanner(start: base, end: end)
        guard let isObject = try? scanner.scanValue(), scanner.position < end,
            scanner.position.pointee == UInt8(ascii: "\n")
        else {
            return nil
        }
        let lineLength = scanner.position - base
        length = lineLength + 1
        return resolve(
            UnsafeRawBufferPointer(start: base, count: lineLength), isObject: isObject, presence: scanner.presence)
    }

    /// A scanner for the bytes from `start` to `end`, for a new line.
    @inline(__always)
    private func makeScanner(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> JSONScanner {
        values.beginLine()
        scratch.reset()
        return JSONScanner(
            lineStart: start, end: end, position: start, maxDepth: maxDepth, table: table.view,
            slots: values.slots, generation: values.generation, scratch: scratch, containerStack: containerStack,
            predictor: predictor
        )
    }

    /// The outcome of a line scanned whole and valid.
    @inline(__always)
    private func resolve(_ line: UnsafeRawBufferPointer, isObject: Bool, presence: UInt64) -> DecodeOutcome {
        guard isObject else {
            return .failure(.notAnObject)
        }
        let resolver = RecordResolver(
            line: line, table: table.view, slots: values.slots, generation: values.generation,
            presence: presence, scratch: scratch, minuteCache: minuteCache
        )
        return resolver.resolve(labels: labels)
    }
}
