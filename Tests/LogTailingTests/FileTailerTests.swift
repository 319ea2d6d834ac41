import Foundation
import Testing

@testable import LogTailing

/// A tailer over a temporary directory, driven poll by poll.
final class Scenario {
    let directory: TempDirectory
    let clock = ManualClock()
    let fileSystem = FaultyFileSystem()
    var sink = RecordingSink()
    private(set) var tailer: FileTailer<ManualClock>
    private let patterns: [String]
    private let options: TailOptions

    init(patterns: [String] = ["*.jsonl"], options: TailOptions = scenarioOptions()) throws {
        let directory = try TempDirectory()
        self.directory = directory
        self.patterns = patterns.map { directory.path + "/" + $0 }
        self.options = options
        tailer = FileTailer(
            patterns: self.patterns,
            options: options,
            clock: clock,
            restoring: nil,
            fileSystem: fileSystem
        )
    }

    /// Polls once and returns the lines delivered by that poll.
    func poll() -> [String] {
        tailer.poll(into: &sink)
        #expect(sink.protocolViolations == [])
        return sink.takeLines()
    }

    /// Replaces the tailer with a new one restored from the old one's positions (a restart).
    func restart() {
        let positions = tailer.positions()
        tailer = FileTailer(
            patterns: patterns,
            options: options,
            clock: clock,
            restoring: positions,
            fileSystem: fileSystem
        )
    }

    func events() -> [String] { sink.takeEvents() }
}

@Suite struct FileTailerScenarioTests {
    @Test func partial_line() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "{\"n\":1}\n{\"n\":")
        #expect(scenario.poll() == ["app.jsonl: {\"n\":1}"])
        #expect(scenario.tailer.positions().map(\.offset) == [8])
        #expect(scenario.poll() == [])
        try scenario.directory.append("app.jsonl", "2}\n{\"n\":3}\n")
        #expect(scenario.poll() == ["app.jsonl: {\"n\":2}", "app.jsonl: {\"n\":3}"])
        #expect(scenario.tailer.positions().map(\.offset) == [24])
        #expect(scenario.events() == ["opened(offset: 0) app.jsonl"])
        #expect(scenario.tailer.stats.droppedPartialLines == 0)
        #expect(scenario.tailer.stats.bytesRead == 24)
        #expect(scenario.sink.chunkBytes == 24)
    }

    @Test func rename_rotation() throws {
        let scenario = try Scenario(options: scenarioOptions(rotateWait: .seconds(5)))
        try scenario.directory.write("app.jsonl", "1\n2\n")
        #expect(scenario.poll() == ["app.jsonl: 1", "app.jsonl: 2"])
        // Written before the rotation and never polled, with a line cut by it.
        try scenario.directory.append("app.jsonl", "3\n4-first-half")
        try scenario.directory.rename("app.jsonl", to: "app.jsonl.1")
        // The writer still holds the old file and finishes its line there, then reopens.
        try scenario.directory.append("app.jsonl.1", "-second-half\n")
        try scenario.directory.write("app.jsonl", "5\n")
        #expect(scenario.poll() == ["app.jsonl: 3", "app.jsonl: 4-first-half-second-half", "app.jsonl: 5"])
        #expect(
            scenario.events() == ["opened(offset: 0) app.jsonl", "rotated app.jsonl", "opened(offset: 0) app.jsonl"]
        )
        // A late write to the rotated file within the wait is still read.
        try scenario.directory.append("app.jsonl.1", "6\n")
        scenario.clock.advance(by: .seconds(3))
        #expect(scenario.poll() == ["app.jsonl: 6"])
        #expect(scenario.tailer.stats.filesWatched == 2)
        scenario.clock.advance(by: .seconds(5))
        #expect(scenario.poll() == [])
        #expect(scenario.events() == ["released app.jsonl"])
        #expect(scenario.tailer.stats.filesWatched == 1)
        #expect(scenario.tailer.stats.filesOpen == 1)
        #expect(scenario.tailer.stats.rotations == 1)
        #expect(scenario.fileSystem.openDescriptorCount == 1)
    }

    @Test func rename_rotation_to_a_name_that_also_matches() throws {
        let scenario = try Scenario(patterns: ["app.log*"])
        try scenario.directory.write("app.log", "1\n")
        #expect(scenario.poll() == ["app.log: 1"])
        try scenario.directory.append("app.log", "2\n")
        try scenario.directory.rename("app.log", to: "app.log.1")
        try scenario.directory.write("app.log", "3\n")
        #expect(scenario.poll() == ["app.log.1: 2", "app.log: 3"])
        try scenario.directory.rename("app.log.1", to: "app.log.2")
        try scenario.directory.rename("app.log", to: "app.log.1")
        try scenario.directory.write("app.log", "4\n")
        try scenario.directory.append("app.log.1", "3b\n")
        #expect(scenario.poll() == ["app.log.1: 3b", "app.log: 4"])
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.filesWatched == 3)
    }

    @Test func rotation_to_a_matching_name_between_rescans() throws {
        var options = scenarioOptions()
        options.rescanInterval = .seconds(60)
        let scenario = try Scenario(patterns: ["app.log*"], options: options)
        try scenario.directory.write("app.log", "1\n")
        #expect(scenario.poll() == ["app.log: 1"])
        try scenario.directory.rename("app.log", to: "app.log.1")
        try scenario.directory.write("app.log", "2\n")
        // The changed path forces an expansion now, so the renamed file keeps its position.
        #expect(scenario.poll() == ["app.log: 2"])
        scenario.clock.advance(by: .seconds(60))
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.filesWatched == 2)
    }

    @Test func rotation_whose_new_file_appears_after_the_poll_that_saw_the_rename() throws {
        var options = scenarioOptions()
        options.rescanInterval = .seconds(1)
        let scenario = try Scenario(options: options)
        try scenario.directory.write("app.jsonl", "1\n")
        #expect(scenario.poll() == ["app.jsonl: 1"])
        // The rename wakes a poll that runs before logrotate creates the new file.
        try scenario.directory.rename("app.jsonl", to: "app.jsonl.1")
        #expect(scenario.poll() == [])
        // The new file lives for less than the rescan interval before it is rotated away in turn:
        // the path that vanished is still examined at each poll, so its lines are read.
        try scenario.directory.write("app.jsonl", "2\n")
        #expect(scenario.poll() == ["app.jsonl: 2"])
        try scenario.directory.rename("app.jsonl", to: "app.jsonl.2")
        try scenario.directory.write("app.jsonl", "3\n")
        #expect(scenario.poll() == ["app.jsonl: 3"])
        #expect(scenario.tailer.stats.rotations == 2)
    }

    @Test func a_vanished_path_is_examined_at_each_poll_for_one_rescan_interval_only() throws {
        var options = scenarioOptions()
        options.rescanInterval = .seconds(1)
        let scenario = try Scenario(options: options)
        try scenario.directory.write("app.jsonl", "1\n")
        #expect(scenario.poll() == ["app.jsonl: 1"])
        try scenario.directory.remove("app.jsonl")
        #expect(scenario.poll() == [])
        scenario.clock.advance(by: .milliseconds(1_000))
        #expect(scenario.poll() == [])
        // Past the interval the path is one for the rescans again, like any new file.
        scenario.clock.advance(by: .milliseconds(500))
        try scenario.directory.write("app.jsonl", "2\n")
        #expect(scenario.poll() == [])
        scenario.clock.advance(by: .milliseconds(500))
        #expect(scenario.poll() == ["app.jsonl: 2"])
    }

    @Test func copytruncate() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n2\n3\n")
        #expect(scenario.poll() == ["app.jsonl: 1", "app.jsonl: 2", "app.jsonl: 3"])
        try scenario.directory.append("app.jsonl", "4-unfinished")
        #expect(scenario.poll() == [])
        // logrotate copies the file away, then truncates it; the writer goes on at the start.
        try scenario.directory.truncate("app.jsonl", to: 0)
        try scenario.directory.append("app.jsonl", "5\n")
        #expect(scenario.poll() == ["app.jsonl: 5"])
        #expect(
            scenario.events() == ["opened(offset: 0) app.jsonl", "partialLineDropped app.jsonl", "truncated app.jsonl"]
        )
        #expect(scenario.tailer.stats.truncations == 1)
        #expect(scenario.tailer.stats.droppedPartialLines == 1)
        try scenario.directory.truncate("app.jsonl", to: 0)
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.truncations == 2)
        try scenario.directory.append("app.jsonl", "6\n")
        #expect(scenario.poll() == ["app.jsonl: 6"])
    }

    @Test func truncate_and_refill() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "{\"cost\":1}\n")
        #expect(scenario.poll() == ["app.jsonl: {\"cost\":1}"])
        // Truncated and refilled past the old offset between two polls: a size check alone
        // would read "72}" of the new line (grok_exporter#84).
        try scenario.directory.write("app.jsonl", "{\"cost\":4072}\n{\"cost\":2}\n")
        #expect(scenario.poll() == ["app.jsonl: {\"cost\":4072}", "app.jsonl: {\"cost\":2}"])
        #expect(scenario.tailer.stats.truncations == 1)
    }

    @Test func truncate_and_refill_keeping_the_first_bytes() throws {
        let scenario = try Scenario()
        let header = "{\"header\":\"" + String(repeating: "h", count: 300) + "\"}\n"
        try scenario.directory.write("app.jsonl", header + "{\"cost\":1}\n")
        #expect(scenario.poll().count == 2)
        try scenario.directory.write("app.jsonl", header + "{\"cost\":40720}\n{\"cost\":2}\n")
        let name = "app.jsonl: "
        #expect(scenario.poll() == [name + header.dropLast(), name + "{\"cost\":40720}", name + "{\"cost\":2}"])
        #expect(scenario.tailer.stats.truncations == 1)
    }

    @Test func deletion() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n")
        #expect(scenario.poll() == ["app.jsonl: 1"])
        try scenario.directory.append("app.jsonl", "2\n3-unfinished")
        try scenario.directory.remove("app.jsonl")
        #expect(scenario.poll() == ["app.jsonl: 2"])
        #expect(
            scenario.events() == ["opened(offset: 0) app.jsonl", "partialLineDropped app.jsonl", "deleted app.jsonl"]
        )
        // Never held open after the poll that saw it deleted.
        #expect(scenario.fileSystem.openDescriptorCount == 0)
        #expect(scenario.tailer.stats.filesWatched == 0)
        #expect(scenario.tailer.stats.droppedPartialLines == 1)
        #expect(scenario.tailer.stats.rotations == 0)
        try scenario.directory.write("app.jsonl", "4\n")
        #expect(scenario.poll() == ["app.jsonl: 4"])
    }

    @Test func symlink_swap() throws {
        let scenario = try Scenario(patterns: ["current.jsonl"])
        try scenario.directory.makeDirectory("targets")
        try scenario.directory.write("targets/a.log", "a1\n")
        try scenario.directory.symlink("current.jsonl", to: "targets/a.log")
        #expect(scenario.poll() == ["current.jsonl: a1"])
        try scenario.directory.append("targets/a.log", "a2\n")
        try scenario.directory.write("targets/b.log", "b1\nb2\n")
        try scenario.directory.symlink("current.jsonl", to: "targets/b.log")
        #expect(scenario.poll() == ["current.jsonl: a2", "current.jsonl: b1", "current.jsonl: b2"])
        #expect(
            scenario.events() == [
                "opened(offset: 0) current.jsonl", "rotated current.jsonl", "released current.jsonl",
                "opened(offset: 0) current.jsonl",
            ]
        )
        #expect(scenario.tailer.stats.rotations == 1)
        #expect(scenario.fileSystem.openDescriptorCount == 1)
    }

    @Test func new_file() throws {
        let scenario = try Scenario(options: scenarioOptions(startAt: .end))
        #expect(scenario.poll() == [])
        try scenario.directory.write("late.jsonl", "1\n2\n")
        #expect(scenario.poll() == ["late.jsonl: 1", "late.jsonl: 2"])
        #expect(scenario.events() == ["opened(offset: 0) late.jsonl"])
        try scenario.directory.write("other.txt", "not matched\n")
        #expect(scenario.poll() == [])
    }

    @Test func new_file_waits_for_the_rescan_interval() throws {
        var options = scenarioOptions()
        options.rescanInterval = .seconds(1)
        let scenario = try Scenario(options: options)
        #expect(scenario.poll() == [])
        try scenario.directory.write("late.jsonl", "1\n")
        scenario.clock.advance(by: .milliseconds(500))
        #expect(scenario.poll() == [])
        scenario.clock.advance(by: .milliseconds(500))
        #expect(scenario.poll() == ["late.jsonl: 1"])
    }

    @Test func oversized_line() throws {
        let scenario = try Scenario(options: scenarioOptions(maxLineLength: 16, readChunkSize: 7))
        let long = String(repeating: "x", count: 40)
        try scenario.directory.write("app.jsonl", "short\n" + long + "\nafter\n" + long)
        #expect(scenario.poll() == ["app.jsonl: short", "app.jsonl: <too long>", "app.jsonl: after"])
        try scenario.directory.append("app.jsonl", "\nend\n")
        #expect(scenario.poll() == ["app.jsonl: <too long>", "app.jsonl: end"])
    }

    @Test func permission_denied() throws {
        // Tests run as root, where chmod 000 denies nothing: the file system refuses instead.
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n2\n")
        scenario.fileSystem.failOpen(of: scenario.directory.url("app.jsonl"), with: EACCES)
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.readErrors == [.permissionDenied: 1])
        #expect(scenario.tailer.stats.filesWatched == 1)
        #expect(scenario.tailer.stats.unreadBytes == 4)
        scenario.clock.advance(by: .milliseconds(200))
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.readErrors == [.permissionDenied: 1], "retried before its backoff")
        scenario.clock.advance(by: .milliseconds(50))
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.readErrors == [.permissionDenied: 2])
        scenario.fileSystem.failOpen(of: scenario.directory.url("app.jsonl"), with: nil)
        try scenario.directory.append("app.jsonl", "3\n")
        scenario.clock.advance(by: .milliseconds(499))
        #expect(scenario.poll() == [])
        scenario.clock.advance(by: .milliseconds(1))
        #expect(scenario.poll() == ["app.jsonl: 1", "app.jsonl: 2", "app.jsonl: 3"])
        #expect(
            scenario.events() == [
                "readError(LogTailing.ReadErrorReason.permissionDenied) app.jsonl",
                "readError(LogTailing.ReadErrorReason.permissionDenied) app.jsonl",
                "opened(offset: 0) app.jsonl",
            ]
        )
        #expect(scenario.tailer.stats.unreadBytes == 0)
    }

    @Test func permission_denied_on_reopen_keeps_the_position() throws {
        // One descriptor for two files: each is closed when the other is read.
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 1))
        try scenario.directory.write("a.jsonl", "a1\n")
        try scenario.directory.write("b.jsonl", "b1\n")
        #expect(scenario.poll() == ["a.jsonl: a1", "b.jsonl: b1"])
        try scenario.directory.append("a.jsonl", "a2\n")
        scenario.fileSystem.failOpen(of: scenario.directory.url("a.jsonl"), with: EACCES)
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.readErrors == [.permissionDenied: 1])
        scenario.fileSystem.failOpen(of: scenario.directory.url("a.jsonl"), with: nil)
        scenario.clock.advance(by: .seconds(1))
        #expect(scenario.poll() == ["a.jsonl: a2"])
    }

    @Test func too_many_open_files() throws {
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 1))
        try scenario.directory.write("a.jsonl", "a1\n")
        try scenario.directory.write("b.jsonl", "b1\n")
        scenario.fileSystem.failOpen(of: scenario.directory.url("b.jsonl"), with: EMFILE)
        #expect(scenario.poll() == ["a.jsonl: a1"])
        #expect(scenario.tailer.stats.readErrors == [.tooManyOpenFiles: 1])
        // Its own descriptors are given back so the rest of the process can have them.
        #expect(scenario.fileSystem.openDescriptorCount == 0)
        try scenario.directory.append("a.jsonl", "a2\n")
        try scenario.directory.append("b.jsonl", "b2\n")
        scenario.fileSystem.failOpen(of: scenario.directory.url("b.jsonl"), with: nil)
        scenario.clock.advance(by: .milliseconds(250))
        #expect(scenario.poll() == ["a.jsonl: a2", "b.jsonl: b1", "b.jsonl: b2"])
        #expect(scenario.tailer.stats.filesWatched == 2)
    }

    @Test func read_error_keeps_the_position() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n")
        #expect(scenario.poll() == ["app.jsonl: 1"])
        try scenario.directory.append("app.jsonl", "2\n")
        scenario.fileSystem.failReads(with: EIO)
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.readErrors == [.ioError: 1])
        scenario.fileSystem.failReads(with: nil)
        scenario.clock.advance(by: .milliseconds(250))
        #expect(scenario.poll() == ["app.jsonl: 2"])
    }

    @Test func inode_reuse() throws {
        // Inode numbers are reused only once no one holds the old file, so the tailer must
        // have closed it: one descriptor for two files. The file system then reports the new
        // file with the old file's identity, as a reused inode would look.
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 1))
        // The bytes before the old offset are the same in both files: only the fingerprint
        // of the first bytes tells them apart.
        let same = "{\"same\":\"0123456789012345678901234567890123456789\"}"
        try scenario.directory.write("a.jsonl", "{\"old\":1}\n\(same)\n")
        try scenario.directory.write("b.jsonl", "b1\n")
        #expect(scenario.poll() == ["a.jsonl: {\"old\":1}", "a.jsonl: \(same)", "b.jsonl: b1"])
        let oldIdentity = try scenario.directory.identity("a.jsonl")
        try scenario.directory.remove("a.jsonl")
        try scenario.directory.write("a.jsonl", "{\"new\":1}\n\(same)\n{\"new\":2}\n")
        scenario.fileSystem.alias(try scenario.directory.identity("a.jsonl"), as: oldIdentity)
        #expect(scenario.poll() == ["a.jsonl: {\"new\":1}", "a.jsonl: \(same)", "a.jsonl: {\"new\":2}"])
        #expect(scenario.tailer.stats.rotations == 1)
        #expect(scenario.tailer.stats.truncations == 0)
    }

    @Test func start_at_end() throws {
        let scenario = try Scenario(options: scenarioOptions(startAt: .end, maxLineLength: 8))
        try scenario.directory.write("history.jsonl", "old1\nold2\nnew-")
        try scenario.directory.write("ended.jsonl", "old1\n")
        try scenario.directory.write("long.jsonl", "old1\n0123456789abcdef")
        #expect(scenario.poll() == [])
        #expect(
            scenario.events() == [
                "opened(offset: 5) ended.jsonl", "opened(offset: 10) history.jsonl", "opened(offset: 21) long.jsonl",
            ]
        )
        try scenario.directory.append("history.jsonl", "3\n4\n")
        try scenario.directory.append("ended.jsonl", "5\n")
        try scenario.directory.append("long.jsonl", "xyz\n6\n")
        #expect(
            scenario.poll() == [
                "ended.jsonl: 5", "history.jsonl: new-3", "history.jsonl: 4", "long.jsonl: <too long>", "long.jsonl: 6",
            ]
        )
    }

    @Test func many_files_low_fd_limit() throws {
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 16))
        let names = (0..<200).map { String(format: "f%03d.jsonl", $0) }
        for name in names { try scenario.directory.write(name, "\(name) 1\n\(name) 2\n") }
        #expect(scenario.poll() == names.flatMap { ["\($0): \($0) 1", "\($0): \($0) 2"] })
        for name in names { try scenario.directory.append(name, "\(name) 3\n") }
        for name in names.prefix(50) { try scenario.directory.append(name, "\(name) 4") }
        #expect(scenario.poll() == names.map { "\($0): \($0) 3" })
        for name in names.prefix(50) { try scenario.directory.append(name, "\n") }
        #expect(scenario.poll() == names.prefix(50).map { "\($0): \($0) 4" })
        #expect(scenario.poll() == [])
        #expect(scenario.fileSystem.mostOpenDescriptors <= 16)
        #expect(scenario.fileSystem.openDescriptorCount <= 16)
        #expect(scenario.tailer.stats.filesWatched == 200)
        #expect(scenario.tailer.stats.readErrors == [:])
    }

    @Test func idle_closed_files_are_not_reopened() throws {
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 1))
        try scenario.directory.write("a.jsonl", "a\n")
        try scenario.directory.write("b.jsonl", "b\n")
        _ = scenario.poll()
        let opens = scenario.fileSystem.opens
        #expect(scenario.poll() == [])
        #expect(scenario.fileSystem.opens == opens)
    }

    @Test func rotated_while_closed_is_found_in_its_directory() throws {
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 1))
        try scenario.directory.write("a.jsonl", "a1\n")
        try scenario.directory.write("b.jsonl", "b1\n")
        #expect(scenario.poll() == ["a.jsonl: a1", "b.jsonl: b1"])
        try scenario.directory.append("a.jsonl", "a2\n")
        try scenario.directory.rename("a.jsonl", to: "a.jsonl.old")
        try scenario.directory.write("a.jsonl", "a3\n")
        #expect(scenario.poll() == ["a.jsonl.old: a2", "a.jsonl: a3"])
        #expect(scenario.tailer.stats.rotations == 1)
    }

    @Test func deleted_while_closed_is_lost_only_if_unread() throws {
        let scenario = try Scenario(options: scenarioOptions(maxOpenFiles: 1))
        try scenario.directory.write("a.jsonl", "a1\n")
        try scenario.directory.write("b.jsonl", "b1\n")
        _ = scenario.poll()
        _ = scenario.events()
        try scenario.directory.remove("a.jsonl")
        #expect(scenario.poll() == [])
        #expect(scenario.events() == ["deleted a.jsonl"])
        #expect(scenario.tailer.stats.filesWatched == 1)
    }

    @Test func a_fifo_matching_the_pattern_is_never_read() throws {
        let scenario = try Scenario()
        #expect(mkfifo(scenario.directory.url("pipe.jsonl"), 0o644) == 0)
        try scenario.directory.write("app.jsonl", "1\n")
        #expect(scenario.poll() == ["app.jsonl: 1"])
        #expect(scenario.tailer.stats.filesWatched == 1)
    }

    @Test func every_line_once_through_a_rotation_storm() throws {
        let scenario = try Scenario(
            patterns: ["app.log*"],
            options: scenarioOptions(maxOpenFiles: 4, readChunkSize: 13)
        )
        var written: [String] = []
        var delivered: [String] = []
        for round in 0..<30 {
            for line in 0..<3 {
                try scenario.directory.append("app.log", "r\(round)l\(line)\n")
                written.append("r\(round)l\(line)")
            }
            if round % 3 == 0 {
                if round >= 9 { try scenario.directory.remove("app.log.3") }
                for index in stride(from: 2, through: 1, by: -1)
                where FileManager.default.fileExists(atPath: scenario.directory.url("app.log.\(index)")) {
                    try scenario.directory.rename("app.log.\(index)", to: "app.log.\(index + 1)")
                }
                try scenario.directory.rename("app.log", to: "app.log.1")
                try scenario.directory.append("app.log", "")
            }
            if round % 2 == 0 {
                delivered += scenario.poll().map { String($0.split(separator: " ").last ?? "") }
            }
        }
        delivered += scenario.poll().map { String($0.split(separator: " ").last ?? "") }
        #expect(delivered.sorted() == written.sorted())
        #expect(delivered.count == written.count)
    }
}

@Suite struct FileTailerPublicAPITests {
    @Test func exporterStyleUseWithTheContinuousClock() throws {
        let directory = try TempDirectory()
        try directory.write("app.jsonl", "{\"n\":1}\n")
        let tailer = FileTailer(patterns: [directory.url("*.jsonl")], options: TailOptions(maxOpenFiles: 8))
        var sink = RecordingSink()
        tailer.poll(into: &sink)
        #expect(sink.takeLines() == ["app.jsonl: {\"n\":1}"])
        #expect(tailer.descriptorLimit == 8)
        #expect(tailer.stats.filesWatched == 1)
        #expect(tailer.stats.filesOpen == 1)
        #expect(tailer.stats.bytesRead == 8)
        #expect(tailer.positions().map(\.offset) == [8])
    }
}
