/// One budget's spend in the periods around `now`: the previous, the current and the next.
///
/// The three intervals are cached, so placing a record is a few comparisons; `Calendar` is
/// asked only when `now` leaves the current period. Older periods are dropped, so memory
/// stays bounded however long the history replayed.
struct SpendWindow {
    /// The spend of one period.
    struct Slot {
        /// The period.
        let interval: PeriodInterval
        /// The cost counted toward it.
        var spend = CompensatedSum()
    }

    /// The period before the current one.
    private(set) var previous: Slot
    /// The period containing the latest `now`.
    private(set) var current: Slot
    /// The period after the current one.
    private(set) var next: Slot
    /// Records counted toward `current` for lack of a usable timestamp.
    private(set) var recordsWithoutTimestamp: UInt64 = 0
    /// Records whose period was no longer kept.
    private(set) var recordsDroppedTooLate: UInt64 = 0

    /// Creates an empty window around `now`, or `nil` when `now` is not a usable time.
    init?(around now: Double, calendar: BudgetCalendar) {
        guard let current = calendar.interval(containing: now),
            let previous = calendar.interval(before: current),
            let next = calendar.interval(after: current)
        else { return nil }
        self.previous = Slot(interval: previous)
        self.current = Slot(interval: current)
        self.next = Slot(interval: next)
    }

    /// Moves the window so that its current period contains `now`, keeping the spend of the
    /// periods that stay in it; an unusable `now` leaves the window as it is.
    mutating func move(to now: Double, calendar: BudgetCalendar) {
        guard !current.interval.contains(now), var moved = SpendWindow(around: now, calendar: calendar) else { return }
        let kept = [previous, current, next]
        for slot in kept {
            if slot.interval == moved.previous.interval { moved.previous.spend = slot.spend }
            if slot.interval == moved.current.interval { moved.current.spend = slot.spend }
            if slot.interval == moved.next.interval { moved.next.spend = slot.spend }
        }
        moved.recordsWithoutTimestamp = recordsWithoutTimestamp
        moved.recordsDroppedTooLate = recordsDroppedTooLate
        self = moved
    }

    /// Adds a valid cost to the period its timestamp falls in.
    mutating func add(_ costUSD: Double, at timestamp: Double?) -> SpendPlacement {
        guard let timestamp, timestamp.isFinite else { return addWithoutTimestamp(costUSD) }
        if current.interval.contains(timestamp) {
            current.spend.add(costUSD)
            return .currentPeriod
        }
        if timestamp < current.interval.start {
            guard timestamp >= previous.interval.start else {
                recordsDroppedTooLate += 1
                return .droppedTooLate
            }
            previous.spend.add(costUSD)
            return .previousPeriod
        }
        guard timestamp < next.interval.end else { return addWithoutTimestamp(costUSD) }
        next.spend.add(costUSD)
        return .nextPeriod
    }

    /// Counts a cost toward the current period because its timestamp cannot place it.
    private mutating func addWithoutTimestamp(_ costUSD: Double) -> SpendPlacement {
        current.spend.add(costUSD)
        recordsWithoutTimestamp += 1
        return .currentPeriodWithoutTimestamp
    }
}
