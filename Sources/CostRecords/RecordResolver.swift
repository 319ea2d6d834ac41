import Glibc

/// Builds a `CostRecord` from the mapped values of a scanned line, by the field rules of
/// issue 2.
///
/// Each field takes the first of its sources (in the mapping's order) that is present and
/// not `null`. A used value of the wrong type or range makes the line `.invalidValue`; a
/// line without a non-empty model string is `.missingModel` — unless it records a failed
/// call, which counts under the model `unknown` (apps often log a failure before any model
/// answered, and a failure must not vanish from the error rate).
struct RecordResolver {
    /// Why resolution rejected the line.
    private struct Rejection: Error {
        let reason: LineErrorReason
        static let invalidValue = Rejection(reason: .invalidValue)
    }

    /// The scanned line.
    let line: UnsafeRawBufferPointer
    /// The compiled mapping.
    let table: FieldTable.View
    /// The line's mapped values, one slot per node.
    let slots: UnsafeMutableBufferPointer<ScannedValue>
    /// The line's generation: slots of other generations are absent.
    let generation: UInt32
    /// The presence bits of every node the scanner gave a value: a field or label whose bit
    /// is clear has no source in the line, and its sources need not be looked at.
    let presence: UInt64
    /// Room for text that is not verbatim in the line.
    ///
    /// Unowned and unretained, as in `JSONScanner`: the decoder owns the arena and outlives
    /// the resolver, which lives only for one `decode` call.
    unowned(unsafe) let scratch: ScratchArena
    /// The decoder's memory of the last minute a timestamp string named.
    let minuteCache: UnsafeMutablePointer<TimestampParser.MinuteCache>

    /// Resolves every field.
    ///
    /// - Parameter labels: The decoder's reusable label values; filled in mapping order.
    /// - Returns: The record, or the reason the line is not one.
    @inline(__always)
    func resolve(labels: UnsafeMutableBufferPointer<UnsafeRawBufferPointer?>) -> DecodeOutcome {
        guard var model = firstNonEmptyString(.model) ?? modelOfFailedCallWithoutOne() else {
            return .failure(.missingModel)
        }
        do {
            var provider: UnsafeRawBufferPointer
            if let explicit = firstNonEmptyString(.provider) {
                provider = lowercased(explicit)
                if let split = splitProviderPrefix(model), equalIgnoringCase(split.prefix, explicit) {
                    model = split.model
                }
            } else if let split = splitProviderPrefix(model) {
                provider = lowercased(split.prefix)
                model = split.model
            } else {
                provider = ProviderInference.provider(ofModel: model)
            }
            let status = try resolveStatus()
            let timestamp = resolveTimestamp()
            for index in labels.indices {
                labels[index] = labelValue(at: index)
            }
            var record = CostRecord(
                provider: provider,
                model: model,
                status: status,
                errorType: status == .error ? resolveErrorType() : nil,
                hasUnparsableTimestamp: timestamp.isUnparsable,
                labels: UnsafeBufferPointer(labels)
            )
            // Each quantity goes straight into its stored value and presence bit, which costs
            // fewer instructions than turning optionals into bits in the initializer.
            if let cost = try resolveCost() {
                record.store(cost, in: \.storedCost, bit: CostRecord.Presence.cost)
            }
            if let tokens = try count(.inputTokens) {
                record.store(tokens, in: \.storedInputTokens, bit: CostRecord.Presence.inputTokens)
            }
            if let tokens = try count(.outputTokens) {
                record.store(tokens, in: \.storedOutputTokens, bit: CostRecord.Presence.outputTokens)
            }
            if let tokens = try count(.cacheReadTokens) {
                record.store(tokens, in: \.storedCacheReadTokens, bit: CostRecord.Presence.cacheReadTokens)
            }
            if let tokens = try count(.cacheWriteTokens) {
                record.store(tokens, in: \.storedCacheWriteTokens, bit: CostRecord.Presence.cacheWriteTokens)
            }
            if let latency = try resolveLatency() {
                record.store(latency, in: \.storedLatency, bit: CostRecord.Presence.latency)
            }
            record.isCached = try flag(.cached) ?? false
            if let seconds = timestamp.value {
                record.store(seconds, in: \.storedTimestamp, bit: CostRecord.Presence.timestamp)
            }
            return .record(record)
        } catch {
            return .failure(error.reason)
        }
    }

    /// `unknown` when the line without a model records a failed call; nil otherwise.
    private func modelOfFailedCallWithoutOne() -> UnsafeRawBufferPointer? {
        guard (try? resolveStatus()) == .error else {
            return nil
        }
        return ProviderInference.unknown.bytes
    }

    // MARK: Looking values up

    /// A current value, read in place in its slot.
    ///
    /// Copying the whole `ScannedValue` out of its slot at each lookup, as returning it did,
    /// cost more than the few fields a rule reads.
    private struct Value {
        /// The value's slot.
        let slot: UnsafeMutablePointer<ScannedValue>
        /// The value's JSON kind.
        var kind: JSONKind { slot.pointee.kind }
        /// Offset in the line of a string's contents or of a number's token.
        var start: Int { slot.pointee.start }
        /// Length of that string content or number token.
        var count: Int { slot.pointee.count }
        /// For a string: whether it has escapes.
        var isEscaped: Bool { slot.pointee.isEscaped }
        /// For an object or array: whether it has members.
        var isNonEmpty: Bool { slot.pointee.isNonEmpty }
        /// For a number: its parts.
        var number: NumberParts { slot.pointee.number }
    }

    /// The line's value under `node`, or nil when absent or `null`.
    @inline(__always)
    private func value(_ node: Int32) -> Value? {
        let slot = slots.baseAddress.unsafelyUnwrapped + Int(node)
        guard slot.pointee.generation == generation, slot.pointee.kind != .null else {
            return nil
        }
        return Value(slot: slot)
    }

    /// The sources of `field`: none when the scanner saw none of them.
    @inline(__always)
    private func sources(_ field: CostField) -> UnsafeBufferPointer<Int32> {
        presence & FieldTable.presenceBit(of: field) == 0 ? UnsafeBufferPointer(start: nil, count: 0) : table[field]
    }

    /// The first present, non-null value among `field`'s sources.
    @inline(__always)
    private func first(_ field: CostField) -> Value? {
        for node in sources(field) {
            if let value = value(node) {
                return value
            }
        }
        return nil
    }

    /// The first source of `field` whose value is a non-empty string, as text.
    @inline(__always)
    private func firstNonEmptyString(_ field: CostField) -> UnsafeRawBufferPointer? {
        for node in sources(field) {
            if let value = value(node), value.kind == .string, value.count > 0 {
                return text(of: value)
            }
        }
        return nil
    }

    /// A value's raw bytes in the line: a string's contents or a number's token.
    @inline(__always)
    private func raw(_ value: Value) -> UnsafeRawBufferPointer {
        // Not `line[range]`: the scanner's ranges are inside the line, and rebasing a slice
        // checks them again.
        UnsafeRawBufferPointer(start: line.baseAddress.map { $0 + value.start }, count: value.count)
    }

    /// A string value's text, unescaped into scratch when it has escapes.
    @inline(__always)
    private func text(of value: Value) -> UnsafeRawBufferPointer {
        value.isEscaped ? unescapedText(of: value) : raw(value)
    }

    /// An escaped string value's text, unescaped into scratch.
    private func unescapedText(of value: Value) -> UnsafeRawBufferPointer {
        let buffer = scratch.allocate(value.count)
        let written = JSONStringUnescaper.unescape(raw(value), into: buffer)
        scratch.giveBack(value.count - written)
        return UnsafeRawBufferPointer(rebasing: buffer[0..<written])
    }

    /// The number a number value denotes.
    @inline(__always)
    private func number(_ value: Value) -> DecimalNumber {
        DecimalNumber(value.number, token: raw(value))
    }

    /// The count a number value denotes, or nil when it is not an integral, non-negative
    /// number that fits in 64 bits.
    @inline(__always)
    private func count(_ value: Value) -> UInt64? {
        DecimalNumber.count(value.number, token: raw(value))
    }

    /// The `Double` a value denotes: a number token, or for `allowsString` a string that is
    /// exactly a JSON number.
    ///
    /// Inlined, so that a number, the usual cost or latency, is converted without a call.
    @inline(__always)
    private func double(_ value: Value, allowsString: Bool = false) -> Double? {
        if value.kind == .number {
            return DecimalNumber.double(value.number, token: raw(value))
        }
        return allowsString && value.kind == .string ? doubleOfString(value) : nil
    }

    /// The `Double` a string value denotes when it is exactly a JSON number.
    private func doubleOfString(_ value: Value) -> Double? {
        DecimalNumber(text(of: value))?.doubleValue
    }

    // MARK: Provider and model

    /// The `provider/` prefix of a model and the model after it, when both are non-empty.
    ///
    /// Inlined: as a call, passing the optional pair back cost as much as the search.
    @inline(__always)
    private func splitProviderPrefix(_ model: UnsafeRawBufferPointer) -> (
        prefix: UnsafeRawBufferPointer,
        model: UnsafeRawBufferPointer
    )? {
        guard let base = model.baseAddress, let found = memchr(base, Int32(UInt8(ascii: "/")), model.count) else {
            return nil
        }
        let slash = UnsafeRawPointer(found) - base
        guard slash > 0, slash < model.count - 1 else {
            return nil
        }
        // Direct pointers: the slash was found inside the model, so both parts are too.
        return (
            UnsafeRawBufferPointer(start: base, count: slash),
            UnsafeRawBufferPointer(start: base + slash + 1, count: model.count - slash - 1)
        )
    }

    /// `text` with ASCII upper-case letters lowered; the text itself when it has none.
    private func lowercased(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard ASCII.hasUpperCase(text) else {
            return text
        }
        let buffer = scratch.allocate(text.count)
        for (index, byte) in text.enumerated() {
            buffer[index] = ASCII.lowercased(byte)
        }
        return UnsafeRawBufferPointer(buffer)
    }

    /// Whether two texts are equal ignoring ASCII case.
    private func equalIgnoringCase(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        for index in 0..<lhs.count where ASCII.lowercased(lhs[index]) != ASCII.lowercased(rhs[index]) {
            return false
        }
        return true
    }

    // MARK: Status and error type

    /// `success` or `error`, by the first rule that applies.
    private func resolveStatus() throws(Rejection) -> RequestStatus {
        if let value = first(.status), let status = statusWord(value) {
            return status
        }
        if let success = try flag(.success) {
            return success ? .success : .error
        }
        if let isError = try flag(.isError) {
            return isError ? .error : .success
        }
        for node in sources(.errorEvidence) {
            if let value = value(node), isNonEmpty(value) {
                return .error
            }
        }
        return .success
    }

    /// The status a `status` value states, or nil when it states none (an unknown word, a bool…).
    private func statusWord(_ value: Value) -> RequestStatus? {
        if value.kind == .number, value.number.isExact, value.number.scale == 0 {
            // An integral code, as nearly every logged one is: its digits are exact, so the
            // range test needs no `Double`.
            let code = value.number
            return !code.isNegative && code.significand >= 200 && code.significand < 300 ? .success : .error
        }
        let first = value.count > 0 ? line[value.start] : 0
        let isNumeric =
            value.kind == .number
            || (value.kind == .string && (JSONNumberGrammar.isDigit(first) || first == UInt8(ascii: "-")))
        if isNumeric {
            guard let code = double(value, allowsString: true) else {
                return nil
            }
            // In 200 ..< 300, converting to `Int` is exact and cannot trap: cheaper than `floor`.
            return code >= 200 && code < 300 && Double(Int(code)) == code ? .success : .error
        }
        guard value.kind == .string else {
            return nil
        }
        guard let word = FoldedWord(text(of: value)) else {
            return nil
        }
        for candidate in RecordResolver.statusWords where candidate.word == word {
            return candidate.status
        }
        return nil
    }

    /// The status words and what they mean, folded for comparison ignoring case.
    private static let statusWords: [(word: FoldedWord, status: RequestStatus)] = [
        (FoldedWord(letters: "success"), .success), (FoldedWord(letters: "ok"), .success),
        (FoldedWord(letters: "succeeded"), .success), (FoldedWord(letters: "completed"), .success),
        (FoldedWord(letters: "stop"), .success), (FoldedWord(letters: "error"), .error),
        (FoldedWord(letters: "failed"), .error), (FoldedWord(letters: "failure"), .error),
        (FoldedWord(letters: "fail"), .error), (FoldedWord(letters: "timeout"), .error),
        (FoldedWord(letters: "cancelled"), .error),
    ]

    /// Whether a value counts as a reported error: a non-empty string, object or array,
    /// `true`, or a non-zero number.
    private func isNonEmpty(_ value: Value) -> Bool {
        switch value.kind {
        case .string: value.count > 0
        case .object, .array: value.isNonEmpty
        case .true: true
        case .false, .null: false
        case .number: number(value).significand != 0
        }
    }

    /// The class of a failed call: the first `errorType` source that names one, else `.other`.
    private func resolveErrorType() -> ErrorType {
        for node in sources(.errorType) {
            guard let value = value(node) else {
                continue
            }
            let type: ErrorType?
            switch value.kind {
            case .number:
                type = count(value).flatMap {
                    ErrorClassifier.errorType(statusCode: Int(clamping: $0))
                }
            case .string:
                let words = text(of: value)
                type = ErrorClassifier.errorType(text: words, scratch: scratch.allocate(words.count))
            default:
                type = nil
            }
            if let type {
                return type
            }
        }
        return .other
    }

    // MARK: Quantities

    /// The cost in USD: the first total, else the sum of the input and output parts present.
    private func resolveCost() throws(Rejection) -> Double? {
        if let total = first(.totalCost) {
            return try cost(total)
        }
        let input = try first(.inputCost).map { (value) throws(Rejection) in try cost(value) }
        let output = try first(.outputCost).map { (value) throws(Rejection) in try cost(value) }
        guard input != nil || output != nil else {
            return nil
        }
        return try nonNegativeFinite((input ?? 0) + (output ?? 0))
    }

    /// One cost value: a number or a numeric string, finite and not negative.
    private func cost(_ value: Value) throws(Rejection) -> Double {
        guard let number = double(value, allowsString: true) else {
            throw .invalidValue
        }
        return try nonNegativeFinite(number)
    }

    /// A token count: an integral, non-negative number that fits in 64 bits.
    ///
    /// The presence test is inlined at the call and the rest is not: most lines have only
    /// two of the four counts, and a call for an absent one cost about 30 instructions.
    @inline(__always)
    private func count(_ field: CostField) throws(Rejection) -> UInt64? {
        guard presence & FieldTable.presenceBit(of: field) != 0 else {
            return nil
        }
        return try presentCount(field)
    }

    /// `count(_:)` for a field some source of which the scanner saw.
    @inline(never)
    private func presentCount(_ field: CostField) throws(Rejection) -> UInt64? {
        // The sources themselves, not `first(field)`: the caller has tested the presence bit.
        for node in table[field] {
            if let value = value(node) {
                guard value.kind == .number, let count = count(value) else {
                    throw .invalidValue
                }
                return count
            }
        }
        return nil
    }

    /// The latency in seconds: logged seconds, else logged milliseconds, else end − start.
    ///
    /// A difference of two timestamps that cannot both be read, or that is negative, gives no
    /// latency rather than rejecting the record: it is derived, not logged.
    private func resolveLatency() throws(Rejection) -> Double? {
        if let value = first(.latencySeconds) {
            return try duration(value)
        }
        if let value = first(.latencyMilliseconds) {
            // Divided here, not in `duration`, so that logged seconds take no division.
            return try duration(value) / 1_000
        }
        guard let start = first(.startTime).flatMap(epochSeconds), let end = first(.endTime).flatMap(epochSeconds),
            end >= start
        else {
            return nil
        }
        // Epoch seconds near 1.7e9 carry ~1e-7 s of binary rounding each; logged times have at
        // most microsecond digits, so the difference is rounded to whole microseconds. Past
        // about 1.8e302 s the product overflows to +Inf (fuzzing found `"end_time":1e308`
        // giving an infinite latency); such a difference has no fraction left to round.
        let difference = end - start
        let microseconds = (difference * 1_000_000).rounded()
        return microseconds.isFinite ? microseconds / 1_000_000 : difference
    }

    /// A logged duration, finite and not negative, in the unit it was logged in.
    private func duration(_ value: Value) throws(Rejection) -> Double {
        guard let number = double(value) else {
            throw .invalidValue
        }
        return try nonNegativeFinite(number)
    }

    /// `value` when finite and not negative (with -0 as 0); otherwise the line is rejected.
    @inline(__always)
    private func nonNegativeFinite(_ value: Double) throws(Rejection) -> Double {
        // Adding 0 turns -0 into 0 and keeps every other value; then exactly the finite,
        // non-negative values have a bit pattern below +Inf's (negatives have the sign bit,
        // NaNs and infinities the full exponent). One integer comparison, where `isFinite`
        // and `>= 0` compiled to about twenty instructions of classification.
        let sum = value + 0
        guard sum.bitPattern < Double.infinity.bitPattern else {
            throw .invalidValue
        }
        return sum
    }

    // MARK: Flags, time and labels

    /// A flag: a JSON bool, or the string `true` or `false` in any case.
    ///
    /// - Returns: The flag, or nil when absent.
    /// - Throws: `.invalidValue` for any other value.
    @inline(__always)
    private func flag(_ field: CostField) throws(Rejection) -> Bool? {
        guard let value = first(field) else {
            return nil
        }
        switch value.kind {
        case .true:
            return true
        case .false:
            return false
        case .string:
            let word = text(of: value)
            if equalIgnoringCase(word, RecordResolver.trueWord.bytes) {
                return true
            }
            if equalIgnoringCase(word, RecordResolver.falseWord.bytes) {
                return false
            }
            throw .invalidValue
        default:
            throw .invalidValue
        }
    }

    /// The text `true`.
    ///
    /// Computed rather than stored, here and for `falseWord`: a stored static costs a
    /// lazy-initialisation call per use, and the literal folds to a constant.
    private static var trueWord: StaticBytes { StaticBytes("true") }
    /// The text `false`.
    private static var falseWord: StaticBytes { StaticBytes("false") }

    /// The record's own time, and whether a logged time could not be read.
    @inline(__always)
    private func resolveTimestamp() -> (value: Double?, isUnparsable: Bool) {
        guard let value = first(.timestamp) else {
            return (nil, false)
        }
        // A plain string, nearly every logged time, goes straight to the cache: the general
        // reader's call and dispatch cost about a fifth as much again.
        let seconds =
            value.kind == .string && !value.isEscaped
            ? minuteCache.pointee.epochSeconds(fromText: raw(value)) : epochSeconds(value)
        return (seconds, seconds == nil)
    }

    /// The epoch time a number or string value denotes, or nil.
    private func epochSeconds(_ value: Value) -> Double? {
        switch value.kind {
        case .number: TimestampParser.epochSeconds(fromNumber: DecimalNumber.double(value.number, token: raw(value)))
        case .string: minuteCache.pointee.epochSeconds(fromText: text(of: value))
        default: nil
        }
    }

    /// The text of the label at `index`: a string's text, a number as logged, or
    /// `true`/`false`; nil otherwise.
    private func labelValue(at index: Int) -> UnsafeRawBufferPointer? {
        guard presence & FieldTable.presenceBit(ofLabelAt: index) != 0 else {
            return nil
        }
        for node in table.labelSources(at: index) {
            guard let value = value(node) else {
                continue
            }
            switch value.kind {
            case .string: return text(of: value)
            case .number: return raw(value)
            case .true: return RecordResolver.trueWord.bytes
            case .false: return RecordResolver.falseWord.bytes
            case .object, .array, .null: return nil
            }
        }
        return nil
    }
}
