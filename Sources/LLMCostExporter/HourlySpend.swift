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
    /// The hours of the two latest `add`s that worked one out, newest first, kept because
    /// records come in time order — interleaved with records without a time, counted at the
    /// clock's hour — so the same one or two hours repeat: a time in either range is placed
    /// with no division, `floor` or modulo.
    private var recentHours = (HourRange(), HourRange())

    /// An hour and its ring position, with the times that surely lie in it.
    private struct HourRange: Sendable {
        /// The hour since the epoch.
        var hour: Int64 = 0
        /// Its bucket's position in a slot's ring.
        var position = 0
        /// The range's first time: no time lies in an empty range.
        private var start = Double.infinity
        /// The time just after the range.
        private var end = -Double.infinity

        /// An empty range.
        init() {}

        /// The range of `hour`, or `nil` past 2^32 hours, where its bounds could round.
        init?(hour: Int64, position: Int) {
            guard hour.magnitude < 1 << 32 else { return nil }
            self.hour = hour
            self.position = position
            // `hour * 3600` is exact and `time / 3600` rounds monotonically, so a time at or
            // after it divides to at least `hour`. The hour's last second is left out: a time
            // just below the next hour could divide to exactly `hour + 1` by rounding; one a
            // second earlier lies 1/3600 below it, far more than the rounding error here.
            start = Double(hour) * 3600
            end = start + 3599
        }

        /// Whether `time` surely lies in the hour (false for NaN).
        func contains(_ time: Double) -> Bool {
            time >= start && time < end
        }
    }
    /// Makes room for one more slot.
    mutating func appendSlot() {
        buckets.append(contentsOf: repeatElement(Bucket(), count: Self.hoursKept))
    }

    /// Counts one request, and its cost if known, in the hour of `time` (epoch seconds).
    @inline(__always)
    mutating func add(costUSD: Double?, at time: Double, slot: Int) {
        let hour: Int64
        let position: Int
        if recentHours.0.contains(time) {
            (hour, position) = (recentHours.0.hour, recentHours.0.position)
        } else if recentHours.1.contains(time) {
            (hour, position) = (recentHours.1.hour, recentHours.1.position)
        } else {
            // A time too far out to number its hour (a bogus but finite timestamp) fits no window.
            guard let computed = Int64(exactly: (time / 3600).rounded(.down)) else { return }
            hour = computed
            position = Int(((hour % 24) + 24) % 24)
            if let range = HourRange(hour: hour, position: position) {
                recentHours = (range, recentHours.0)
            }
        }
        let index = slot * Self.hoursKept + position
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
