/// When a file that could not be opened or read is tried again: exponential backoff.
///
/// Times are durations since the tailer started, from its injected clock. The first retry
/// waits `initialDelay`, each further failure doubles the wait up to `maxDelay`, and a success
/// resets it.
struct RetryBackoff: Equatable {
    /// Consecutive failures.
    private(set) var failures = 0
    /// The earliest time of the next attempt.
    private(set) var nextAttempt: Duration = .zero

    /// Whether an attempt may be made at `now`.
    func allowsAttempt(at now: Duration) -> Bool {
        failures == 0 || now >= nextAttempt
    }

    /// Records a failed attempt made at `now` and schedules the next.
    mutating func recordFailure(at now: Duration, initialDelay: Duration, maxDelay: Duration) {
        failures += 1
        // Doubling stops at 2^20 so the multiplication cannot overflow; maxDelay caps it anyway.
        let factor = 1 << min(failures - 1, 20)
        nextAttempt = now + min(initialDelay * factor, maxDelay)
    }

    /// Records a successful attempt.
    mutating func recordSuccess() {
        failures = 0
        nextAttempt = .zero
    }
}
