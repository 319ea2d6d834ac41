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

extension HourlySpendTests {
    /// Times in the order they are added, each with the hour it lies in: hour boundaries,
    /// an hour's last second, a return to an earlier hour, three hours interleaved, negative
    /// times and hours near 2^32, where the remembered hours stop being used.
    private static let timesAndHours: [(time: Double, hour: Int64)] = {
        let first: Int64 = 477_000  // 2024-06-01T00:00:00Z
        let base = Double(first) * 3600
        let large: Int64 = 1 << 32
        return [
            (base + 10, first), (base + 3599.5, first), (base + 3600, first + 1), (base + 3599, first),
            (base + 5, first), (base + 7300, first + 2), (base + 20, first), (base + 7200, first + 2),
            (base + 3700, first + 1), (base + 3599.999_999, first), (base + 3600, first + 1),
            (-0.5, -1), (-3600, -1), (-3600.5, -2), (-86_400, -24), (0, 0), (-0.0, 0), (3599.999, 0),
            (3600, 1), (-0.5, -1), (Double(large - 1) * 3600 + 1800, large - 1),
            (Double(large) * 3600, large), (Double(large) * 3600 - 0.5, large - 1),
            (Double(large - 1) * 3600 + 10, large - 1), (Double(-large) * 3600 + 1, -large),
            (Double(-large) * 3600 - 1, -large - 1), (base + 1800, first),
        ]
    }()

    @Test func placesEveryTimeInItsOwnHourWhateverCameBefore() {
        var spend = HourlySpend()
        for _ in Self.timesAndHours { spend.appendSlot() }
        for (slot, (time, _)) in Self.timesAndHours.enumerated() {
            spend.add(costUSD: Double(slot + 1), at: time, slot: slot)
        }
        for (slot, (time, hour)) in Self.timesAndHours.enumerated() {
            let hourStart = Double(hour) * 3600
            #expect(spend.lastDay(slot: slot, now: hourStart) == (Double(slot + 1), 1), "\(time) in \(hour)")
            #expect(spend.lastDay(slot: slot, now: hourStart - 1) == (0, 0), "\(time) not before \(hour)")
            #expect(spend.lastDay(slot: slot, now: hourStart + 23 * 3600) == (Double(slot + 1), 1), "\(time)")
            #expect(spend.lastDay(slot: slot, now: hourStart + 24 * 3600) == (0, 0), "\(time) a day on")
        }
    }
}
