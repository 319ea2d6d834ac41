import Testing

@testable import LLMCostExporter

struct HourlySpendTests {
    private let hour = 3600.0
    /// 2024-06-01T00:00:00Z, the start of an hour.
    private let start = 1_717_200_000.0

    @Test func sumsTheLastDayByTheRecordsOwnHour() {
        var spend = HourlySpend()
        spend.appendSlot()
        spend.appendSlot()
        spend.add(costUSD: 1, at: start + 10, slot: 0)
        spend.add(costUSD: nil, at: start + hour - 1, slot: 0)
        spend.add(costUSD: 0.5, at: start + 23 * hour, slot: 0)
        spend.add(costUSD: 4, at: start + 5 * hour, slot: 1)
        #expect(spend.lastDay(slot: 0, now: start + 23 * hour) == (1.5, 3))
        #expect(spend.lastDay(slot: 1, now: start + 23 * hour) == (4, 1))
        // A day later the first hour has left the window.
        #expect(spend.lastDay(slot: 0, now: start + 24 * hour) == (0.5, 1))
    }

    @Test func aBucketReusedForALaterHourDropsTheOlderRecords() {
        var spend = HourlySpend()
        spend.appendSlot()
        spend.add(costUSD: 1, at: start, slot: 0)
        spend.add(costUSD: 2, at: start + 24 * hour, slot: 0)
        // Older than any window the bucket can still be part of: ignored.
        spend.add(costUSD: 8, at: start + 30, slot: 0)
        #expect(spend.lastDay(slot: 0, now: start + 24 * hour) == (2, 1))
    }

    @Test(arguments: [1e300, -1e300, .infinity, -.infinity, .nan, .greatestFiniteMagnitude])
    func ignoresTimesWhoseHourCannotBeNumbered(time: Double) {
        var spend = HourlySpend()
        spend.appendSlot()
        spend.add(costUSD: 1, at: start, slot: 0)
        spend.add(costUSD: 2, at: time, slot: 0)
        #expect(spend.lastDay(slot: 0, now: start) == (1, 1))
    }
}
