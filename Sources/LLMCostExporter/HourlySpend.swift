import CostBudgets

/// Cost and requests per hour over the last day, per model slot, by the records' own time.
///
/// A ring of 24 hourly buckets per slot: a bucket is reused when its hour comes round again,
/// so memory is fixed per series. Answers "what did the last 24 hours cost" at hour
/// resolution, for the JSON summary; Prometheus answers finer questions from the counters.
struct HourlySpend: Sendable {
    private static let hoursKept = 24
    private var hours: [Int64] = []
    private var costs: [CompensatedSum] = []
    private var requests: [UInt64] = []

    /// Makes room for one more slot.
    mutating func appendSlot() {
        hours.append(contentsOf: repeatElement(.min, count: Self.hoursKept))
        costs.append(contentsOf: repeatElement(CompensatedSum(), count: Self.hoursKept))
        requests.append(contentsOf: repeatElement(0, count: Self.hoursKept))
    }

    /// Counts one request, and its cost if known, in the hour of `time` (epoch seconds).
    mutating func add(costUSD: Double?, at time: Double, slot: Int) {
        guard time.isFinite else { return }
        let hour = Int64((time / 3600).rounded(.down))
        let index = slot * Self.hoursKept + Int(((hour % 24) + 24) % 24)
        if hours[index] < hour {
            hours[index] = hour
            costs[index] = CompensatedSum()
            requests[index] = 0
        } else if hours[index] > hour {
            // The bucket already holds an hour at least a day later: this record is older
            // than any window that bucket can still be part of.
            return
        }
        if let costUSD { costs[index].add(costUSD) }
        requests[index] += 1
    }

    /// The cost and requests of `slot` in the 24 hours up to and including the hour of `now`.
    func lastDay(slot: Int, now: Double) -> (costUSD: Double, requests: UInt64) {
        let currentHour = Int64((now / 3600).rounded(.down))
        var cost = CompensatedSum()
        var count: UInt64 = 0
        for index in (slot * Self.hoursKept)..<((slot + 1) * Self.hoursKept)
        where hours[index] > currentHour - 24 && hours[index] <= currentHour {
            cost.add(costs[index].value)
            count += requests[index]
        }
        return (cost.value, count)
    }
}
