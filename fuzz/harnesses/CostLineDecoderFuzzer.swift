/// libFuzzer harness for `CostLineDecoder`: one input is one log line.
///
/// Compiled together with the sources of `CostRecords` into one module (see `fuzz/run.sh`),
/// so it sees the decoder as the exporter does. Beyond "no crash, no memory error", every
/// input must satisfy:
/// - a record's provider and model are non-empty UTF-8, the provider has no ASCII capitals,
///   labels are UTF-8 and one per label field, `errorType` is nil exactly for successes;
/// - costs and latencies are finite, not negative and never -0; a timestamp is finite and
///   absent when `hasUnparsableTimestamp`;
/// - a line that gives a record is valid UTF-8 as a whole; `.invalidUTF8` only for a line
///   that is not;
/// - decoding is deterministic: the same decoder again, and a decoder that has just decoded
///   a line setting every field, give the same outcome, so nothing of an earlier line leaks
///   into a later one;
/// - whitespace within a line (space, tab, CR; a LF ends a line) around the line changes
///   nothing: the outcome with whitespace appended or prepended is the same;
/// - decoding the line from its start with its newline and another line after it
///   (`decodeLine(atStartOf:length:)`) gives the same outcome and the line's length, or
///   nothing exactly when the scanner rejected the line (it may have been cut by the newline).

/// The mapping the fuzzer decodes with: the built-in names plus two label fields, one flat
/// and one nested, so that label resolution is exercised too.
private let fuzzMapping = CostFieldMapping.builtIn
    .addingLabel(.init(name: "user", sources: ["user", "metadata.user_api_key_user_id"]))
    .addingLabel(.init(name: "team", sources: ["team", "metadata.team.name"]))

/// The decoder every input goes through first, reused from input to input as the exporter
/// reuses one per ingesting thread.
///
/// `nonisolated(unsafe)` is sound here: libFuzzer calls `LLVMFuzzerTestOneInput` from one
/// thread only, one input at a time, and nothing else touches this decoder.
nonisolated(unsafe) private let sharedDecoder = CostLineDecoder(mapping: fuzzMapping)

/// A second decoder that decodes `primingLine` before each input, so that every field,
/// label and scratch byte holds something from another line when the input comes.
///
/// `nonisolated(unsafe)`: as for `sharedDecoder`.
nonisolated(unsafe) private let primedDecoder = CostLineDecoder(mapping: fuzzMapping)

/// A line that sets every mapped field, nested objects, escapes, labels and an error, and is
/// longer than most inputs, so that stale state would show in the next outcome.
private let primingLine = Array(
    #"""
    {"model":"Open\u0041I/gpt-4o","provider":"OpenAI","status":"error","error":{"type":"rate_limit","code":429,"message":"slow down"},"is_error":true,"success":false,"total_cost":"1.5e-3","input_cost":1,"output_cost":2,"usage":{"input_tokens":10,"output_tokens":20,"cache_read_input_tokens":3,"cache_creation_input_tokens":4,"prompt_tokens_details":{"cached_tokens":5}},"latency":1.25,"latency_ms":1250,"startTime":"2024-06-01T12:00:00Z","endTime":"2024-06-01T12:00:01Z","cached":"TRUE","timestamp":"2024-06-01T12:00:00.5+02:00","user":"us\u00e9r","metadata":{"user_api_key_user_id":"u","team":{"name":7}},"team":true,"gen_ai":{"system":"x","usage":{"input_tokens":1}}}
    """#.utf8)

/// A decoded outcome with every text copied out of the line and the decoder, comparable.
private enum OutcomeSnapshot: Equatable {
    case record(RecordSnapshot)
    case failure(LineErrorReason)

    init(_ outcome: DecodeOutcome) {
        switch outcome {
        case .record(let record): self = .record(RecordSnapshot(record))
        case .failure(let reason): self = .failure(reason)
        }
    }
}

/// A `CostRecord` as owned values; doubles by bit pattern, so that -0 and 0 differ.
private struct RecordSnapshot: Equatable {
    var provider: [UInt8]
    var model: [UInt8]
    var status: RequestStatus
    var errorType: ErrorType?
    var costBits: UInt64?
    var inputTokens: UInt64?
    var outputTokens: UInt64?
    var cacheReadTokens: UInt64?
    var cacheWriteTokens: UInt64?
    var latencyBits: UInt64?
    var isCached: Bool
    var timestampBits: UInt64?
    var hasUnparsableTimestamp: Bool
    var labels: [[UInt8]?]

    init(_ record: CostRecord) {
        provider = Array(record.provider)
        model = Array(record.model)
        status = record.status
        errorType = record.errorType
        costBits = record.costUSD?.bitPattern
        inputTokens = record.inputTokens
        outputTokens = record.outputTokens
        cacheReadTokens = record.cacheReadTokens
        cacheWriteTokens = record.cacheWriteTokens
        latencyBits = record.latencySeconds?.bitPattern
        isCached = record.isCached
        timestampBits = record.timestamp?.bitPattern
        hasUnparsableTimestamp = record.hasUnparsableTimestamp
        labels = record.labels.map { $0.map(Array.init) }
    }
}

/// Checks what the decoder documents about every record it returns.
private func checkRecord(_ record: CostRecord, line: UnsafeRawBufferPointer) {
    fuzzInvariant(!record.model.isEmpty, "the model is empty")
    fuzzInvariant(isValidUTF8(record.model), "the model is not UTF-8: \(Array(record.model))")
    fuzzInvariant(!record.provider.isEmpty, "the provider is empty")
    fuzzInvariant(isValidUTF8(record.provider), "the provider is not UTF-8: \(Array(record.provider))")
    fuzzInvariant(
        !record.provider.contains { $0 &- UInt8(ascii: "A") < 26 },
        "the provider is not lower-cased: \(Array(record.provider))")
    fuzzInvariant(
        (record.errorType == nil) == (record.status == .success),
        "errorType \(String(describing: record.errorType)) with status \(record.status)")
    for (name, value) in [("costUSD", record.costUSD), ("latencySeconds", record.latencySeconds)] {
        guard let value else { continue }
        fuzzInvariant(value.isFinite && value >= 0 && value.sign == .plus, "\(name) is \(value)")
    }
    if let timestamp = record.timestamp {
        fuzzInvariant(timestamp.isFinite, "the timestamp is \(timestamp)")
    }
    fuzzInvariant(
        !record.hasUnparsableTimestamp || record.timestamp == nil,
        "an unparsable timestamp with the value \(String(describing: record.timestamp))")
    fuzzInvariant(
        record.labels.count == fuzzMapping.labelFields.count,
        "\(record.labels.count) labels for \(fuzzMapping.labelFields.count) label fields")
    for label in record.labels {
        guard let label else { continue }
        fuzzInvariant(isValidUTF8(label), "a label is not UTF-8: \(Array(label))")
    }
    fuzzInvariant(isValidUTF8(line), "a line that is not UTF-8 gave a record")
}

/// Whether an outcome is a record.
private func isRecord(_ outcome: OutcomeSnapshot) -> Bool {
    if case .record = outcome { return true }
    return false
}

/// Decodes `bytes` (a copy of the input with something around it) with the shared decoder.
private func decodeCopy(_ bytes: [UInt8]) -> OutcomeSnapshot {
    bytes.withUnsafeBytes { OutcomeSnapshot(sharedDecoder.decode($0)) }
}

/// libFuzzer's entry point: decodes one line and checks the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func costLineDecoderFuzzTest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // libFuzzer's buffer is exactly `size` bytes, so the address sanitizer catches any read
    // past the line's end; the copies below have spare capacity and would hide one.
    let line = UnsafeRawBufferPointer(start: data, count: size)
    let outcome = sharedDecoder.decode(line)
    if case .record(let record) = outcome {
        checkRecord(record, line: line)
    }
    let first = OutcomeSnapshot(outcome)
    if first == .failure(.invalidUTF8) {
        fuzzInvariant(!isValidUTF8(line), "a valid UTF-8 line was rejected as invalid_utf8")
    }

    let again = OutcomeSnapshot(sharedDecoder.decode(line))
    fuzzInvariant(again == first, "decoding twice differs: \(first) then \(again)")
    let priming = primingLine.withUnsafeBytes { OutcomeSnapshot(primedDecoder.decode($0)) }
    fuzzInvariant(isRecord(priming), "the priming line is no longer a record: \(priming)")
    let primed = OutcomeSnapshot(primedDecoder.decode(line))
    fuzzInvariant(primed == first, "the line before changes the outcome: \(first), after the priming line \(primed)")

    let bytes = Array(line)
    let padded = decodeCopy(bytes + Array(" \t \r".utf8))
    fuzzInvariant(padded == first, "trailing whitespace changes \(first) to \(padded)")
    let indented = decodeCopy(Array("\t ".utf8) + bytes)
    fuzzInvariant(indented == first, "leading whitespace changes \(first) to \(indented)")

    if !bytes.contains(UInt8(ascii: "\n")) {
        checkLeadingLine(bytes, alone: first)
    }
    return 0
}

/// Checks `decodeLine(atStartOf:length:)` on `line` followed by its newline and a line of
/// another shape, against the outcome of `line` alone.
private func checkLeadingLine(_ line: [UInt8], alone: OutcomeSnapshot) {
    var length = 0
    let leading = (line + Array("\n{\"model\":\"next\"}\n".utf8)).withUnsafeBytes { bytes in
        sharedDecoder.decodeLine(atStartOf: bytes, length: &length).map(OutcomeSnapshot.init)
    }
    let isScanFailure = [OutcomeSnapshot.failure(.invalidJSON), .failure(.invalidUTF8), .failure(.tooDeep)]
        .contains(alone)
    if isScanFailure {
        fuzzInvariant(leading == nil, "a line the scanner rejects (\(alone)) was decoded from its start: \(leading!)")
    } else {
        fuzzInvariant(leading == alone, "from its start \(String(describing: leading)), alone \(alone)")
        fuzzInvariant(length == line.count + 1, "from its start the line is \(length) bytes, not \(line.count + 1)")
    }
}
