import Foundation
import Testing

@testable import LogTailing

@Suite struct ReadBufferTests {
    @Test func bufferIsPageAligned() throws {
        let directory = try TempDirectory()
        try directory.write("f", "x")
        let descriptor = open(directory.url("f"), O_RDONLY)
        defer { close(descriptor) }
        let buffer = ReadBuffer(capacity: 4096)
        guard case .bytes(let bytes) = buffer.read(from: descriptor) else {
            Issue.record("no bytes")
            return
        }
        let address = try #require(bytes.baseAddress)
        #expect(Int(bitPattern: address) % Int(sysconf(Int32(_SC_PAGESIZE))) == 0)
    }

    @Test func sequentialReadsInChunksOfTheCapacityThenEndOfFile() throws {
        let directory = try TempDirectory()
        try directory.write("f", "abcdefghij")
        let descriptor = open(directory.url("f"), O_RDONLY)
        defer { close(descriptor) }
        let buffer = ReadBuffer(capacity: 4)
        var chunks: [String] = []
        while case .bytes(let bytes) = buffer.read(from: descriptor, limit: 3) {
            chunks.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(chunks == ["abc", "def", "ghi", "j"])
    }

    @Test func positionalReadsLeaveTheDescriptorPositionAlone() throws {
        let directory = try TempDirectory()
        try directory.write("f", "abcdefghij")
        let descriptor = open(directory.url("f"), O_RDONLY)
        defer { close(descriptor) }
        let buffer = ReadBuffer(capacity: 4)
        guard case .bytes(let middle) = buffer.read(from: descriptor, at: 5) else {
            Issue.record("no bytes at 5")
            return
        }
        #expect(String(decoding: middle, as: UTF8.self) == "fghi")
        guard case .bytes(let start) = buffer.read(from: descriptor) else {
            Issue.record("no bytes at 0")
            return
        }
        #expect(String(decoding: start, as: UTF8.self) == "abcd")
        guard case .endOfFile = buffer.read(from: descriptor, at: 10) else {
            Issue.record("no end of file at 10")
            return
        }
    }

    @Test func failureCarriesErrno() {
        let buffer = ReadBuffer(capacity: 16)
        guard case .failure(let code) = buffer.read(from: -1, at: 0) else {
            Issue.record("a bad descriptor was read")
            return
        }
        #expect(code == EBADF)
    }
}
