import CostBudgets

/// Cost and requests per hour over the last day, per model slot, by the records' own time.
///
/// A ring of 24 hourly buckets per slot: a bucket is reused when its hour comes round again,
/// so memory is fixed per series. Answers "what did the last 24 hours cost" at hour
/// resolution, for the JSON summary; Prometheus answers finer questions from the counters.
struct HourlySpend: Sendable {
    /// One hour of one slot.
    private struct Bucket: Sendable {
        /// The hour (since the epoch) the bucket holds, or `.min` when it never held one.
        var hour: Int64 = .min
        /// The priced requests' cost in that hour.
        var cost = CompensatedSum()
        /// The requests in that hour, priced or not.
        var requests: UInt64 = 0
    }

    private static let hoursKept = 24
    /// `hoursKept` buckets per slot, in one array so that a record writes it once.
    private var buckets: [Bucket] = []

    /// Makes room for one more slot.
    mutating func appendSlot() {
        buckets.append(contentsOf: repeatElement(Bucket(), count: Self.hoursKept))
    }

    /// Counts one request, and its cost if known, in the hour of `time` (epoch seconds).
    @inline(__always)
    mutating func add(costUSD: Double?, at time: Double, slot: Int) {
        // A time too far out to number its hour (a bogus but finite timestamp) fits no window.
        guard let hour = Int64(exactly: (time / 3600).rounded(.down)) else { return }
        let index = slot * Self.hoursKept + Int(((hour % 24) + 24) % 24)
        buckets.withUnsafeMutableBufferPointer { buckets in
            if buckets[index].hour < hour {
                buckets[index] = Bucket(hour: hour)
            } else if buckets[index].hour > hour {
                // The bucket already holds an hour at least a day later: this record is older
                // than any window that bucket can still be part of.
                return
            }
            if let costUSD { buckets[index].cost.add(costUSD) }
            buckets[index].requests += 1
        }
    }

    /// The cost and requests of `slot` in the 24 hours up to and including the hour of `now`.
    func lastDay(slot: Int, now: Double) -> (costUSD: Double, requests: UInt64) {
        let currentHour = Int64((now / 3600).rounded(.down))
        var cost = CompensatedSum()
        var count: UInt64 = 0
        for bucket in buckets[(slot * Self.hoursKept)..<((slot + 1) * Self.hoursKept)]
        where bucket.hour > currentHour - 24 && bucket.hour <= currentHour {
            cost.add(bucket.cost.value)
            count += bucket.requests
        }
        return (cost.value, count)
    }
}
