import Testing

@testable import LLMCostExporter

struct HistogramColumnsTests {
    /// The bucket the plain definition gives: the first bound not below the value, else none.
    private func expectedBucket(of value: Double, bounds: [Double]) -> Int? {
        bounds.firstIndex { !(value > $0) }
    }

    @Test(arguments: [
        ("duration", MetricLimits.defaultDurationBuckets),
        ("cost", MetricLimits.defaultCostBuckets),
        ("one bound", [1.0]),
        ("several bounds in one binade", [1.0, 1.25, 1.5, 1.75]),
        ("zero and negative bounds", [-2.0, -0.5, 0, 0.5]),
        ("no bounds", []),
    ])
    func putsEveryValueInTheBucketOfItsFirstBoundNotBelowIt(name: String, bounds: [Double]) {
        var values: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, 7.5e-06, 0.25, 3, 1e300,
            .greatestFiniteMagnitude, .infinity, .nan, -1, -0.75, -.infinity,
        ]
        for bound in bounds {
            values += [bound, bound.nextDown, bound.nextUp, bound / 2, bound * 2]
        }
        var columns = HistogramColumns(upperBounds: bounds)
        columns.ensureSeries(0)
        var expected = [UInt64](repeating: 0, count: bounds.count)
        for value in values {
            columns.observe(value, series: 0)
            if let bucket = expectedBucket(of: value, bounds: bounds) { expected[bucket] += 1 }
            #expect(Array(columns.buckets(of: 0)) == expected, "\(name): \(value)")
        }
        #expect(columns.count(of: 0) == UInt64(values.count))
    }

    @Test func keepsSeriesApartAndSumsThem() {
        var columns = HistogramColumns(upperBounds: [1, 2])
        columns.ensureSeries(2)
        columns.observe(0.5, series: 2)
        columns.observe(1.5, series: 0)
        columns.observe(5, series: 2)
        #expect(Array(columns.buckets(of: 0)) == [0, 1])
        #expect(Array(columns.buckets(of: 1)) == [0, 0])
        #expect(Array(columns.buckets(of: 2)) == [1, 0])
        #expect([columns.count(of: 0), columns.count(of: 1), columns.count(of: 2)] == [1, 0, 2])
        #expect([columns.sum(of: 0), columns.sum(of: 1), columns.sum(of: 2)] == [1.5, 0, 5.5])
        columns.restore(series: 1, buckets: [3, 4], count: 9, sum: 12.5)
        #expect(Array(columns.buckets(of: 1)) == [3, 4])
        #expect(columns.count(of: 1) == 9)
        #expect(columns.sum(of: 1) == 12.5)
        #expect(Array(columns.buckets(of: 2)) == [1, 0], "a restore touches its own series only")
    }
}
