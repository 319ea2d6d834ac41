import Testing

@testable import CostRecords

/// A decoded record with its text copied out, so tests can compare whole values.
struct Decoded: Equatable, Sendable, CustomStringConvertible {
    var provider: String
    var model: String
    var status: RequestStatus = .success
    var errorType: ErrorType? = nil
    var costUSD: Double? = nil
    var inputTokens: UInt64? = nil
    var outputTokens: UInt64? = nil
    var cacheReadTokens: UInt64? = nil
    var cacheWriteTokens: UInt64? = nil
    var latencySeconds: Double? = nil
    var isCached = false
    var timestamp: Double? = nil
    var hasUnparsableTimestamp = false
    var labels: [String?] = []

    init(
        provider: String, model: String, status: RequestStatus = .success, errorType: ErrorType? = nil,
        costUSD: Double? = nil, inputTokens: UInt64? = nil, outputTokens: UInt64? = nil,
        cacheReadTokens: UInt64? = nil, cacheWriteTokens: UInt64? = nil, latencySeconds: Double? = nil,
        isCached: Bool = false, timestamp: Double? = nil, hasUnparsableTimestamp: Bool = false, labels: [String?] = []
    ) {
        self.provider = provider
        self.model = model
        self.status = status
        self.errorType = errorType
        self.costUSD = costUSD
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.latencySeconds = latencySeconds
        self.isCached = isCached
        self.timestamp = timestamp
        self.hasUnparsableTimestamp = hasUnparsableTimestamp
        self.labels = labels
    }

    init(_ record: CostRecord) {
        self.init(
            provider: String(decoding: record.provider, as: UTF8.self),
            model: String(decoding: record.model, as: UTF8.self),
            status: record.status, errorType: record.errorType, costUSD: record.costUSD,
            inputTokens: record.inputTokens, outputTokens: record.outputTokens,
            cacheReadTokens: record.cacheReadTokens, cacheWriteTokens: record.cacheWriteTokens,
            latencySeconds: record.latencySeconds, isCached: record.isCached, timestamp: record.timestamp,
            hasUnparsableTimestamp: record.hasUnparsableTimestamp,
            labels: record.labels.map { $0.map { String(decoding: $0, as: UTF8.self) } }
        )
    }

    var description: String {
        "\(provider)/\(model) \(status) \(errorType.map(\.rawValue) ?? "-") cost=\(costUSD.map { "\($0)" } ?? "nil") "
            + "in=\(inputTokens.map { "\($0)" } ?? "nil") out=\(outputTokens.map { "\($0)" } ?? "nil") "
            + "cacheRead=\(cacheReadTokens.map { "\($0)" } ?? "nil") "
            + "cacheWrite=\(cacheWriteTokens.map { "\($0)" } ?? "nil") "
            + "latency=\(latencySeconds.map { "\($0)" } ?? "nil") cached=\(isCached) "
            + "ts=\(timestamp.map { "\($0)" } ?? "nil") badTs=\(hasUnparsableTimestamp) labels=\(labels)"
    }
}

/// What decoding a line gave, with text copied out.
enum Outcome: Equatable, Sendable {
    case record(Decoded)
    case failure(LineErrorReason)

    /// The record, or nil for a failure.
    var record: Decoded? {
        if case .record(let record) = self {
            return record
        }
        return nil
    }
}

/// Decodes `bytes` as one line with `decoder`.
func decode(bytes: [UInt8], with decoder: CostLineDecoder = CostLineDecoder()) -> Outcome {
    bytes.withUnsafeBytes { buffer in
        switch decoder.decode(buffer) {
        case .record(let record): .record(Decoded(record))
        case .failure(let reason): .failure(reason)
        }
    }
}

/// Decodes the UTF-8 of `line` as one line with `decoder`.
func decode(_ line: String, with decoder: CostLineDecoder = CostLineDecoder()) -> Outcome {
    decode(bytes: Array(line.utf8), with: decoder)
}

/// A named input and the outcome expected of it, for `@Test(arguments:)` tables.
struct LineCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let expected: Outcome

    init(_ name: String, _ line: String, _ expected: Outcome) {
        self.name = name
        self.bytes = Array(line.utf8)
        self.expected = expected
    }

    init(_ name: String, bytes: [UInt8], _ expected: Outcome) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }

    var testDescription: String { name }
}
