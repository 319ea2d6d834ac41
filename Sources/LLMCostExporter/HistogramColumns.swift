import CostBudgets

/// The buckets, sums and counts of every series of one histogram family, stored flat.
///
/// Series are numbered densely by the caller; one contiguous array per column keeps an
/// observation to a few array writes and a scrape's snapshot to a few array copies.
struct HistogramColumns: Sendable {
    /// The finite upper bounds, ascending.
    let upperBounds: [Double]
    /// Per series and bound, the observations in that bucket alone (not cumulative).
    private(set) var bucketCounts: [UInt64] = []
    /// Per series, the sum of observations.
    private(set) var sums: [CompensatedSum] = []
    /// Per series, the number of observations, including those above the last bound.
    private(set) var counts: [UInt64] = []

    /// Creates empty columns for the given bounds.
    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
    }

    /// How many series there are.
    var seriesCount: Int { counts.count }

    /// Makes room for series up to and including `series`.
    mutating func ensureSeries(_ series: Int) {
        guard series >= counts.count else { return }
        let added = series + 1 - counts.count
        bucketCounts.append(contentsOf: repeatElement(0, count: added * upperBounds.count))
        sums.append(contentsOf: repeatElement(CompensatedSum(), count: added))
        counts.append(contentsOf: repeatElement(0, count: added))
    }

    /// Records one observation in `series`, which must exist.
    mutating func observe(_ value: Double, series: Int) {
        var bucket = 0
        while bucket < upperBounds.count && value > upperBounds[bucket] {
            bucket += 1
        }
        if bucket < upperBounds.count {
            bucketCounts[series * upperBounds.count + bucket] += 1
        }
        sums[series].add(value)
        counts[series] += 1
    }

    /// Sets a series' buckets, count and sum (restored from a saved state); `buckets` must
    /// have one count per bound.
    mutating func restore(series: Int, buckets: [UInt64], count: UInt64, sum: Double) {
        guard buckets.count == upperBounds.count, series < counts.count else { return }
        let start = series * upperBounds.count
        bucketCounts.replaceSubrange(start..<(start + upperBounds.count), with: buckets)
        counts[series] = count
        sums[series] = CompensatedSum(sum)
    }

    /// The non-cumulative bucket counts of `series`.
    func buckets(of series: Int) -> ArraySlice<UInt64> {
        let start = series * upperBounds.count
        return bucketCounts[start..<(start + upperBounds.count)]
    }
}
