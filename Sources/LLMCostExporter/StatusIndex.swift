import CostRecords

/// Dense indices for the per-status and per-error-type columns, in label sort order.
enum StatusIndex {
    /// The statuses in the order their series are written (`error` sorts before `success`).
    static let statuses: [RequestStatus] = RequestStatus.allCases.sorted { $0.rawValue < $1.rawValue }
    /// The error types in the order their series are written.
    static let errorTypes: [ErrorType] = ErrorType.allCases.sorted { $0.rawValue < $1.rawValue }
    /// The line error reasons in the order their series are written.
    static let lineErrorReasons: [LineErrorReason] = LineErrorReason.allCases.sorted { $0.rawValue < $1.rawValue }

    /// The column of `status` within a model's status-split series.
    static func of(_ status: RequestStatus) -> Int {
        status == .error ? 0 : 1
    }

    /// The column of `errorType` within a model's error series.
    ///
    /// A scan of the few error types, like `of(_:)` for reasons: `ErrorType.allCases` would
    /// build an array on every failed call.
    static func of(_ errorType: ErrorType) -> Int {
        errorTypes.firstIndex(of: errorType) ?? 0
    }

    /// The column of `reason` in the line-error counters.
    static func of(_ reason: LineErrorReason) -> Int {
        lineErrorReasons.firstIndex(of: reason) ?? 0
    }
}
