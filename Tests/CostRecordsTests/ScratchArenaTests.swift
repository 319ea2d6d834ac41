import Testing

@testable import CostRecords

/// Scratch memory that never moves what it handed out during a line.
@Suite struct ScratchArenaTests {
    @Test func growingKeepsEarlierBytes() {
        let arena = ScratchArena(initialCapacity: 64)
        let first = arena.allocate(10)
        first.copyBytes(from: Array("0123456789".utf8))
        let big = arena.allocate(1_000)
        big.initializeMemory(as: UInt8.self, repeating: 7)
        #expect(Array(first) == Array("0123456789".utf8))
        #expect(big.allSatisfy { $0 == 7 })
        arena.reset()
        let again = arena.allocate(1_000)
        #expect(again.count == 1_000)
    }

    @Test func giveBackReusesTheTail() {
        let arena = ScratchArena(initialCapacity: 64)
        let first = arena.allocate(16)
        arena.giveBack(6)
        let second = arena.allocate(4)
        #expect(second.baseAddress == first.baseAddress.map { $0 + 10 })
    }
}
