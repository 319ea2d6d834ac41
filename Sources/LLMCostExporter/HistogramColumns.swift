import CostBudgets

/// The buckets, sums and counts of every series of one histogram family, stored flat.
///
/// Series are numbered densely by the caller. A series' bucket counts, its count and its sum
/// sit side by side in one array (`stride` cells per series), so an observation writes one
/// array — one copy-on-write check — and a scrape's snapshot copies one.
struct HistogramColumns: Sendable {
    /// The finite upper bounds, ascending.
    let upperBounds: [Double]
    /// Per series, the observations in each bucket alone (not cumulative), then the number
    /// of observations, including those above the last bound, then the sum of observations
    /// as the bytes of a `CompensatedSum` (`sumCells` cells).
    private var cells: [UInt64] = []
    /// How many series there are room for.
    private var seriesCount: Int { cells.count / stride }

    /// Cells a series' sum takes: a `CompensatedSum` is plain `Double`s, 8-byte aligned like
    /// the `UInt64` cells it is stored in.
    private static let sumCells = MemoryLayout<CompensatedSum>.stride / MemoryLayout<UInt64>.stride

    /// Per binary exponent field of a non-negative `Double` (`bitPattern >> 52`), how many
    /// bounds lie below every value with that exponent: where an observation's bucket search
    /// can start. The entry for infinity and NaN is 0, so they search from the first bound.
    private let firstCandidate: [Int32]

    /// Creates empty columns for the given bounds.
    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        firstCandidate = (0..<2048).map { exponent in
            guard exponent < 2047 else { return 0 }
            // The smallest value with this exponent field: 0 for the subnormal binade.
            let smallest = Double(bitPattern: UInt64(exponent) << 52)
            return Int32(upperBounds.prefix { $0 < smallest }.count)
        }
    }

    /// Cells per series: one per bound, the count, and the sum.
    private var stride: Int { upperBounds.count + 1 + Self.sumCells }

    /// Makes room for series up to and including `series`.
    mutating func ensureSeries(_ series: Int) {
        guard series >= seriesCount else { return }
        // All-zero bytes are an empty `CompensatedSum` (0 + 0), so zeroed cells start empty.
        cells.append(contentsOf: repeatElement(0, count: (series + 1 - seriesCount) * stride))
    }

    /// Records one observation in `series`, which must exist.
    @inline(__always)
    mutating func observe(_ value: Double, series: Int) {
        // The first bound not below `value`, or none (only `+Inf` then). Bounds below the
        // value's binade are skipped at once, so the scan compares one or two bounds.
        let bits = value.bitPattern
        var bucket = bits >> 63 == 0 ? Int(firstCandidate[Int(truncatingIfNeeded: bits >> 52)]) : 0
        while bucket < upperBounds.count && value > upperBounds[bucket] {
            bucket += 1
        }
        let bucketCount = upperBounds.count
        let start = series * stride
        cells.withUnsafeMutableBufferPointer { cells in
            if bucket < bucketCount { cells[start + bucket] += 1 }
            cells[start + bucketCount] += 1
            let bytes = UnsafeMutableRawBufferPointer(cells)
            let sumOffset = (start + bucketCount + 1) * MemoryLayout<UInt64>.stride
            var sum = bytes.load(fromByteOffset: sumOffset, as: CompensatedSum.self)
            sum.add(value)
            bytes.storeBytes(of: sum, toByteOffset: sumOffset, as: CompensatedSum.self)
        }
    }

    /// The number of observations in `series`.
    func count(of series: Int) -> UInt64 {
        cells[series * stride + upperBounds.count]
    }

    /// The sum of the observations in `series`.
    func sum(of series: Int) -> Double {
        let start = series * stride + upperBounds.count + 1
        return cells[start..<(start + Self.sumCells)].withUnsafeBytes { $0.load(as: CompensatedSum.self) }.value
    }

    /// Sets a series' buckets, count and sum (restored from a saved state); `buckets` must
    /// have one count per bound.
    mutating func restore(series: Int, buckets: [UInt64], count: UInt64, sum: Double) {
        guard buckets.count == upperBounds.count, series < seriesCount else { return }
        let start = series * stride
        cells.replaceSubrange(start..<(start + upperBounds.count), with: buckets)
        cells[start + upperBounds.count] = count
        let sumStart = start + upperBounds.count + 1
        cells[sumStart..<(sumStart + Self.sumCells)].withUnsafeMutableBytes {
            $0.storeBytes(of: CompensatedSum(sum), as: CompensatedSum.self)
        }
    }

    /// The non-cumulative bucket counts of `series`.
    func buckets(of series: Int) -> ArraySlice<UInt64> {
        let start = series * stride
        return cells[start..<(start + upperBounds.count)]
    }
}
