import LogTailing

/// What `--state-file` holds: every counter, histogram and budget spend, and where each file
/// was read to — taken at one moment between two polls, so the two agree.
///
/// A plain Codable value: the file is JSON, versioned; a file of another version is not read.
struct PersistedState: Codable, Sendable {
    /// The format's version; bumped on any incompatible change.
    static let currentVersion = 1

    var version: Int
    /// When the state was taken, in epoch seconds.
    var savedAt: Double
    var positions: [TailPosition]
    var metrics: PersistedMetrics
}

/// The metric state in a form that does not depend on internal slot numbering.
struct PersistedMetrics: Codable, Sendable, Equatable {
    struct Histogram: Codable, Sendable, Equatable {
        var buckets: [UInt64]
        var count: UInt64
        var sum: Double
    }

    struct Model: Codable, Sendable, Equatable {
        var provider: String
        var model: String
        var cacheTokens: [UInt64]
        var cachedRequests: UInt64
        var unpricedRequests: UInt64
        var auditMismatches: UInt64
        /// Per error type's raw value.
        var errors: [String: UInt64]
        var lastRequestTimestamp: Double?
        /// Per status, in `StatusIndex.statuses` order.
        var duration: [Histogram]
        var requestCost: Histogram
    }

    struct RequestSeries: Codable, Sendable, Equatable {
        /// Index into `models`.
        var model: Int
        var extraValues: [String]
        /// Per status, in `StatusIndex.statuses` order.
        var requests: [UInt64]
        var cost: [Double]
        /// Per status × (input, output).
        var tokens: [UInt64]
    }

    struct BudgetSpend: Codable, Sendable, Equatable {
        var name: String
        var periodStart: Double
        var spend: Double
        var previousSpend: Double
    }

    var durationBuckets: [Double]
    var costBuckets: [Double]
    var extraLabelNames: [String]
    var models: [Model]
    var requestSeries: [RequestSeries]
    var lines: UInt64
    /// Per line error reason's raw value.
    var lineErrors: [String: UInt64]
    var bytesRead: UInt64
    var providerOverflows: UInt64
    var modelOverflows: UInt64
    var extraLabelOverflows: [UInt64]
    var recordsWithoutTimestamp: UInt64
    var budgets: [BudgetSpend]
}
