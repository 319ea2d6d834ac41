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
    static func of(_ errorType: ErrorType) -> Int {
        errorTypeColumns[Int(errorType.ordinal)]
    }

    /// The column of `reason` in the line-error counters.
    static func of(_ reason: LineErrorReason) -> Int {
        lineErrorReasons.firstIndex(of: reason) ?? 0
    }

    private static let errorTypeColumns: [Int] = ErrorType.allCases.map { type in
        errorTypes.firstIndex(of: type) ?? 0
    }
}

extension ErrorType {
    /// The case's position in `allCases`.
    fileprivate var ordinal: Int {
        ErrorType.allCases.firstIndex(of: self) ?? 0
    }
}
