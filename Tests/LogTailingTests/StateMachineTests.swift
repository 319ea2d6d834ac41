import Foundation
import Testing

@testable import LogTailing

private let fileA = FileIdentity(device: 1, inode: 10)
private let fileB = FileIdentity(device: 1, inode: 11)

struct PathCase: CustomTestStringConvertible, Sendable {
    let name: String
    let previous: FileIdentity?
    let observed: PathChange.Observation
    let expected: PathChange
    var testDescription: String { name }
}

let pathCases: [PathCase] = [
    PathCase(name: "same file", previous: fileA, observed: .file(fileA), expected: .unchanged(fileA)),
    PathCase(name: "new file", previous: nil, observed: .file(fileA), expected: .appeared(fileA)),
    PathCase(
        name: "rename and create",
        previous: fileA,
        observed: .file(fileB),
        expected: .switched(from: fileA, to: fileB)
    ),
    PathCase(name: "renamed or deleted", previous: fileA, observed: .failed(ENOENT), expected: .vanished(fileA)),
    PathCase(name: "directory gone", previous: fileA, observed: .failed(ENOTDIR), expected: .vanished(fileA)),
    PathCase(name: "replaced by a directory", previous: fileA, observed: .notRegularFile, expected: .vanished(fileA)),
    PathCase(name: "never there", previous: nil, observed: .failed(ENOENT), expected: .absent),
    PathCase(name: "a FIFO is never read", previous: nil, observed: .notRegularFile, expected: .absent),
    PathCase(
        name: "permission denied is not deletion",
        previous: fileA,
        observed: .failed(EACCES),
        expected: .unreachable(.permissionDenied)
    ),
    PathCase(
        name: "I/O error is not deletion",
        previous: fileA,
        observed: .failed(EIO),
        expected: .unreachable(.ioError)
    ),
    PathCase(
        name: "out of descriptors is not deletion",
        previous: fileA,
        observed: .failed(EMFILE),
        expected: .unreachable(.tooManyOpenFiles)
    ),
]

struct ContentCase: CustomTestStringConvertible, Sendable {
    let name: String
    let readOffset: Int
    let size: Int
    let prefixMatches: Bool
    let tailMatches: Bool
    let wasHeldOpen: Bool
    let expected: ContentChange
    var testDescription: String { name }
}

let contentCases: [ContentCase] = [
    ContentCase(
        name: "nothing new",
        readOffset: 10,
        size: 10,
        prefixMatches: true,
        tailMatches: true,
        wasHeldOpen: true,
        expected: .unchanged
    ),
    ContentCase(
        name: "appended",
        readOffset: 10,
        size: 25,
        prefixMatches: true,
        tailMatches: true,
        wasHeldOpen: true,
        expected: .appended
    ),
    ContentCase(
        name: "appended while closed",
        readOffset: 10,
        size: 25,
        prefixMatches: true,
        tailMatches: true,
        wasHeldOpen: false,
        expected: .appended
    ),
    ContentCase(
        name: "copytruncate",
        readOffset: 10,
        size: 0,
        prefixMatches: false,
        tailMatches: false,
        wasHeldOpen: true,
        expected: .truncated
    ),
    ContentCase(
        name: "truncated while closed",
        readOffset: 10,
        size: 4,
        prefixMatches: true,
        tailMatches: false,
        wasHeldOpen: false,
        expected: .truncated
    ),
    ContentCase(
        name: "truncate and refill past the offset",
        readOffset: 10,
        size: 40,
        prefixMatches: false,
        tailMatches: false,
        wasHeldOpen: true,
        expected: .truncated
    ),
    ContentCase(
        name: "refill keeping the header",
        readOffset: 300,
        size: 400,
        prefixMatches: true,
        tailMatches: false,
        wasHeldOpen: true,
        expected: .truncated
    ),
    ContentCase(
        name: "inode reused while closed",
        readOffset: 10,
        size: 40,
        prefixMatches: false,
        tailMatches: true,
        wasHeldOpen: false,
        expected: .replaced
    ),
    ContentCase(
        name: "refilled to the same size while closed",
        readOffset: 10,
        size: 10,
        prefixMatches: false,
        tailMatches: false,
        wasHeldOpen: false,
        expected: .replaced
    ),
]

struct InspectionCase: CustomTestStringConvertible, Sendable {
    let name: String
    let lastSize: Int?
    let lastTime: Int64
    let size: Int
    let time: Int64
    let readOffset: Int
    let expected: Bool
    var testDescription: String { name }
}

let inspectionCases: [InspectionCase] = [
    InspectionCase(name: "never read", lastSize: nil, lastTime: 0, size: 10, time: 5, readOffset: 0, expected: true),
    InspectionCase(
        name: "idle and read to its end",
        lastSize: 10,
        lastTime: 5,
        size: 10,
        time: 5,
        readOffset: 10,
        expected: false
    ),
    InspectionCase(name: "grew", lastSize: 10, lastTime: 5, size: 12, time: 6, readOffset: 10, expected: true),
    InspectionCase(
        name: "rewritten to the same size",
        lastSize: 10,
        lastTime: 5,
        size: 10,
        time: 7,
        readOffset: 10,
        expected: true
    ),
    InspectionCase(
        name: "bytes left from a failed read",
        lastSize: 10,
        lastTime: 5,
        size: 10,
        time: 5,
        readOffset: 4,
        expected: true
    ),
    InspectionCase(
        name: "grew while it was read",
        lastSize: 10,
        lastTime: 5,
        size: 10,
        time: 5,
        readOffset: 14,
        expected: true
    ),
]

@Suite struct StateMachineTests {
    @Test(arguments: pathCases)
    func pathChange(_ testCase: PathCase) {
        #expect(PathChange(previous: testCase.previous, observed: testCase.observed) == testCase.expected)
    }

    @Test(arguments: contentCases)
    func contentChange(_ testCase: ContentCase) {
        let change = ContentChange(
            readOffset: testCase.readOffset,
            size: testCase.size,
            prefixMatches: testCase.prefixMatches,
            tailMatches: testCase.tailMatches,
            wasHeldOpen: testCase.wasHeldOpen
        )
        #expect(change == testCase.expected)
    }

    @Test(arguments: inspectionCases)
    func needsInspection(_ testCase: InspectionCase) {
        let current = FileStatus(
            identity: fileA,
            size: testCase.size,
            modificationTime: testCase.time,
            linkCount: 1,
            isRegularFile: true
        )
        let lastSeen = testCase.lastSize.map { (size: $0, modificationTime: testCase.lastTime) }
        #expect(
            ContentChange.needsInspection(lastSeen: lastSeen, current: current, readOffset: testCase.readOffset)
                == testCase.expected
        )
    }

    @Test func backoffDoublesUpToTheCapAndResetsOnSuccess() {
        var backoff = RetryBackoff()
        #expect(backoff.allowsAttempt(at: .zero))
        var now = Duration.seconds(10)
        var delays: [Duration] = []
        for _ in 0..<7 {
            backoff.recordFailure(at: now, initialDelay: .milliseconds(250), maxDelay: .seconds(8))
            delays.append(backoff.nextAttempt - now)
            #expect(!backoff.allowsAttempt(at: backoff.nextAttempt - .milliseconds(1)))
            #expect(backoff.allowsAttempt(at: backoff.nextAttempt))
            now = backoff.nextAttempt
        }
        #expect(
            delays == [
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8),
            ]
        )
        #expect(backoff.failures == 7)
        backoff.recordSuccess()
        #expect(backoff.failures == 0)
        #expect(backoff.allowsAttempt(at: now))
    }

    @Test func backoffSurvivesManyFailures() {
        var backoff = RetryBackoff()
        for _ in 0..<200 {
            backoff.recordFailure(at: .zero, initialDelay: .seconds(1), maxDelay: .seconds(30))
        }
        #expect(backoff.nextAttempt == .seconds(30))
    }

    @Test(arguments: [
        (false, Duration.seconds(0), Duration.seconds(4), false),
        (false, Duration.seconds(0), Duration.seconds(5), true),
        (false, Duration.seconds(3), Duration.seconds(7), false),
        (true, Duration.seconds(3), Duration.seconds(3), true),
    ])
    func rotatedFileWatch(isDeleted: Bool, lastGrowth: Duration, now: Duration, expected: Bool) {
        let watch = RotatedFileWatch(lastGrowth: lastGrowth)
        #expect(watch.shouldRelease(isDeleted: isDeleted, at: now, rotateWait: .seconds(5)) == expected)
    }

    @Test func rescanIsRateLimited() {
        var schedule = RescanSchedule(interval: .seconds(1))
        #expect(schedule.isDue(at: .zero))
        schedule.recordRun(at: .milliseconds(100))
        #expect(!schedule.isDue(at: .milliseconds(600)))
        #expect(!schedule.isDue(at: .milliseconds(1099)))
        #expect(schedule.isDue(at: .milliseconds(1100)))
    }

    @Test func descriptorBudgetClosesLeastRecentlyReadReopenableFilesFirst() {
        let rotated = FileIdentity(device: 1, inode: 99)
        let holders = [
            DescriptorBudget.Holder(identity: fileA, isRotatedAway: false, lastUse: 5),
            DescriptorBudget.Holder(identity: rotated, isRotatedAway: true, lastUse: 1),
            DescriptorBudget.Holder(identity: fileB, isRotatedAway: false, lastUse: 3),
        ]
        #expect(DescriptorBudget.descriptorsToClose(holders, toKeep: 3) == [])
        #expect(DescriptorBudget.descriptorsToClose(holders, toKeep: 2) == [fileB])
        #expect(DescriptorBudget.descriptorsToClose(holders, toKeep: 1) == [fileB, fileA])
        #expect(DescriptorBudget.descriptorsToClose(holders, toKeep: 0) == [fileB, fileA, rotated])
        #expect(DescriptorBudget.descriptorsToClose(holders, toKeep: -1) == [fileB, fileA, rotated])
    }

    @Test(arguments: [(64, 16), (8, 4), (1024, 256), (1 << 20, 1024), (Int.max, 1024)])
    func defaultDescriptorLimit(processLimit: Int, expected: Int) {
        #expect(DescriptorBudget.defaultLimit(descriptorLimit: processLimit) == expected)
    }

    @Test(arguments: [
        (EACCES, ReadErrorReason.permissionDenied), (EPERM, .permissionDenied), (EMFILE, .tooManyOpenFiles),
        (ENFILE, .tooManyOpenFiles), (EIO, .ioError), (ESTALE, .ioError), (EINVAL, .other),
    ])
    func readErrorReason(code: Int32, expected: ReadErrorReason) {
        #expect(ReadErrorReason(errno: code) == expected)
    }

    @Test func readErrorLabels() {
        #expect(
            ReadErrorReason.allCases.map(\.label) == ["permission_denied", "too_many_open_files", "io_error", "other"]
        )
    }

    @Test(arguments: [("logs/a.jsonl", "logs"), ("a.jsonl", "."), ("/a.jsonl", "/"), ("/var/log/x", "/var/log")])
    func directoryOfPath(path: String, expected: String) {
        #expect(FileTailer<ManualClock>.directory(of: path) == expected)
    }
}

@Suite struct FingerprintTests {
    @Test func emptyMatchesEverything() {
        #expect(Fingerprint.empty.byteCount == 0)
        #expect(Fingerprint.empty.matches([]))
        #expect(Fingerprint.empty.matches(Array("anything".utf8)))
    }

    @Test func shortFileStillMatchesAfterGrowing() {
        let short = Fingerprint(of: Array("{\"a\":1}\n".utf8))
        #expect(short.byteCount == 8)
        #expect(short.matches(Array("{\"a\":1}\n{\"b\":2}\n".utf8)))
        #expect(!short.matches(Array("{\"a\":2}\n{\"b\":2}\n".utf8)))
        #expect(!short.matches(Array("{\"a\"".utf8)), "a file now shorter than the fingerprint")
    }

    @Test func onlyTheFirstBytesCount() {
        let header = [UInt8](repeating: UInt8(ascii: "h"), count: Fingerprint.maximumByteCount)
        let full = Fingerprint(of: header + Array("tail one".utf8))
        #expect(full.byteCount == Fingerprint.maximumByteCount)
        #expect(full == Fingerprint(of: header + Array("tail two".utf8)))
        #expect(full.matches(header))
    }

    @Test func knownHash() {
        // FNV-1a 64 of "a", a published test vector.
        #expect(Fingerprint(of: Array("a".utf8)).hash == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func corruptSavedFingerprintMatchesNothing() {
        #expect(!Fingerprint(byteCount: -1, hash: 0).matches(Array("x".utf8)))
        #expect(!Fingerprint(byteCount: 300, hash: 0).matches([UInt8](repeating: 0, count: 256)))
    }
}
