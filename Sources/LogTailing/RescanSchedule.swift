/// When the patterns are expanded again: glob(3) on a busy directory costs CPU (mtail PR#603,
/// loki#10008), so at most once per interval, unless a path changed.
struct RescanSchedule: Equatable {
    /// The least time between two expansions.
    let interval: Duration
    /// When the patterns were last expanded, as a duration since the tailer started.
    private(set) var lastRun: Duration?

    /// Creates a schedule whose first expansion is due at once.
    init(interval: Duration) {
        self.interval = interval
    }

    /// Whether an expansion is due at `now`.
    func isDue(at now: Duration) -> Bool {
        guard let lastRun else { return true }
        return now - lastRun >= interval
    }

    /// Records an expansion made at `now`.
    mutating func recordRun(at now: Duration) {
        lastRun = now
    }
}
