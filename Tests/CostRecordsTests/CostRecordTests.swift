import Testing

@testable import CostRecords

/// A record's optional quantities, stored as values and presence bits, read back as given.
@Suite struct CostRecordTests {
    private static var text: UnsafeRawBufferPointer { StaticBytes("m").bytes }

    @Test func quantitiesReadBackAsGiven() {
        let record = CostRecord(
            provider: Self.text, model: Self.text, costUSD: 0.5, inputTokens: 3, outputTokens: nil,
            cacheReadTokens: 0, cacheWriteTokens: nil, latencySeconds: 1.25, timestamp: nil
        )
        #expect(record.costUSD == 0.5)
        #expect(record.inputTokens == 3)
        #expect(record.outputTokens == nil)
        #expect(record.cacheReadTokens == 0)
        #expect(record.cacheWriteTokens == nil)
        #expect(record.latencySeconds == 1.25)
        #expect(record.timestamp == nil)
    }

    @Test func settingAQuantityTouchesOnlyIt() {
        var record = CostRecord(provider: Self.text, model: Self.text, costUSD: 1, outputTokens: 7, timestamp: 9)
        record.costUSD = nil
        record.inputTokens = 0
        record.timestamp = 10
        #expect(record.costUSD == nil)
        #expect(record.inputTokens == 0)
        #expect(record.outputTokens == 7)
        #expect(record.cacheReadTokens == nil)
        #expect(record.cacheWriteTokens == nil)
        #expect(record.latencySeconds == nil)
        #expect(record.timestamp == 10)
        record.outputTokens = nil
        #expect(record.outputTokens == nil)
    }
}
