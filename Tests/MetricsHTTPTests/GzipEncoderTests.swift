import Testing

@testable import MetricsHTTP

@Suite struct GzipEncoderTests {
    @Test(arguments: [0, 1, 100, 70_000, 1 << 20])
    func compressedBytesInflateBackToTheInput(size: Int) throws {
        let input = (0..<size).map { UInt8(truncatingIfNeeded: $0 * 31 % 251) }
        let compressed = try GzipEncoder().compress(input)
        #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08])
        #expect(try gunzip(compressed) == input)
    }

    @Test func repetitiveTextShrinks() throws {
        let input = Array(String(repeating: "llm_cost_usd_total{model=\"gpt\"} 1.5\n", count: 1000).utf8)
        let compressed = try GzipEncoder(level: 9).compress(input)
        #expect(compressed.count < input.count / 20)
        #expect(try gunzip(compressed) == input)
    }

    @Test func outOfRangeLevelFallsBackToTheDefault() {
        #expect(GzipEncoder(level: 42).level == 6)
        #expect(GzipEncoder(level: 1).level == 1)
    }
}
