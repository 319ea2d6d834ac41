import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 3's tailing promise, "every complete line exactly once", on real files, judged by a
/// live scrape of the real binary. One test per scenario, named like mtail's.
///
/// Each line's model names the phase it was written in, so a lost or doubled line shows where
/// it went wrong. Synchronisation is by scrape (wait until `lines_total` or another sample
/// reaches a value, with a deadline), never by a fixed sleep.
@Suite("Tailing scenarios", .timeLimit(.minutes(1)))
struct TailingScenarioTests {
    @Test("partial_line: a line written in two parts is counted once, after its newline")
    func partialLine() async throws {
        let history = CostLine.records(2, model: "history")
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": history])
        let line = CostLine.record(model: "split")
        let cut = line.index(line.startIndex, offsetBy: 30)

        try exporter.append(String(line[..<cut]), to: "app.jsonl")
        // The first part has been read once the exporter counts its bytes.
        let firstPartRead = try await exporter.scrape {
            $0.value("llm_cost_exporter_bytes_read_total") == Double(history.utf8.count + 30)
        }
        #expect(
            TailingTotals(firstPartRead)
                == TailingTotals(lines: 2, successfulRequests: ["history": 2], filesWatched: 1))

        try exporter.append(String(line[cut...]), to: "app.jsonl")
        try await exporter.expectTotals(
            TailingTotals(lines: 3, successfulRequests: ["history": 2, "split": 1], filesWatched: 1))
    }

    @Test(
        "rename_rotation: the old file is drained, including lines its writer adds after the rename")
    func renameRotation() async throws {
        let exporter = try await ExporterUnderTest(files: [
            "app.jsonl": CostLine.records(3, model: "before-rename")
        ])
        // The application keeps its descriptor across the rename, as it does until it reopens its log.
        let oldWriter = try FileHandle(forWritingTo: exporter.file("app.jsonl"))
        defer { try? oldWriter.close() }
        try oldWriter.seekToEnd()

        try FileManager.default.moveItem(
            at: exporter.file("app.jsonl"), to: exporter.file("app.jsonl.1"))
        try oldWriter.write(contentsOf: Data(CostLine.records(2, model: "after-rename").utf8))
        try exporter.append(CostLine.records(4, model: "new-file"), to: "app.jsonl")
        // Both files are watched: the old one until it has not grown for the rotate wait (5 s).
        try await exporter.expectTotals(
            TailingTotals(
                lines: 9, successfulRequests: ["before-rename": 3, "after-rename": 2, "new-file": 4],
                rotations: 1,
                filesWatched: 2))

        // A write to the old file after the exporter has moved on to the new one still counts;
        // 5 s after that last growth the old file is let go.
        try oldWriter.write(contentsOf: Data(CostLine.record(model: "late-old").utf8))
        try await exporter.expectTotals(
            TailingTotals(
                lines: 10,
                successfulRequests: ["before-rename": 3, "after-rename": 2, "new-file": 4, "late-old": 1],
                rotations: 1, filesWatched: 1))
    }

    @Test("copytruncate: lines written after the truncation are counted, the copy is not read")
    func copytruncate() async throws {
        let exporter = try await ExporterUnderTest(files: [
            "app.jsonl": CostLine.records(4, model: "before-truncate")
        ])
        try FileManager.default.copyItem(
            at: exporter.file("app.jsonl"), to: exporter.file("app.jsonl.1"))
        let writer = try FileHandle(forWritingTo: exporter.file("app.jsonl"))
        try writer.truncate(atOffset: 0)
        try writer.close()
        try exporter.append(CostLine.records(2, model: "after-truncate"), to: "app.jsonl")

        try await exporter.expectTotals(
            TailingTotals(
                lines: 6, successfulRequests: ["before-truncate": 4, "after-truncate": 2], truncations: 1,
                filesWatched: 1))
    }

    /// A file rewritten in place between two polls, longer than before, so its old read offset
    /// falls inside a line of the new content.
    struct Refill: Sendable, CustomTestStringConvertible {
        var name: String
        var content: String
        var expectedRequests: [String: Int]
        var testDescription: String { name }
    }

    static let originalContent = CostLine.records(4, model: "original")

    static let refills = [
        Refill(
            name: "new first bytes (the fingerprint differs)",
            content: CostLine.records(6, model: "refilled-with-a-longer-model-name"),
            expectedRequests: ["original": 4, "refilled-with-a-longer-model-name": 6]
        ),
        Refill(
            name: "same first 256 bytes (only the bytes before the old offset differ)",
            content: CostLine.records(3, model: "original")
                + CostLine.records(4, model: "refilled-with-a-longer-model-name"),
            expectedRequests: ["original": 7, "refilled-with-a-longer-model-name": 4]
        ),
    ]

    @Test(
        "truncate_and_refill: a file refilled past its old offset between two polls is read from byte 0",
        arguments: refills)
    func truncateAndRefill(_ refill: Refill) async throws {
        // Polls 400 ms apart and a truncate and refill microseconds apart: the exporter sees
        // the refilled file, never the empty one in between.
        let exporter = try await ExporterUnderTest(
            files: ["app.jsonl": Self.originalContent], pollInterval: 400)
        #expect(refill.content.utf8.count > Self.originalContent.utf8.count)
        try exporter.replaceContent(of: "app.jsonl", with: refill.content)

        let lines = refill.expectedRequests.values.reduce(0, +)
        try await exporter.expectTotals(
            TailingTotals(
                lines: lines, successfulRequests: refill.expectedRequests, truncations: 1, filesWatched: 1))
    }

    @Test(
        "deletion: what the deleted file held is read, its unfinished last line counted, and it is let go"
    )
    func deletion() async throws {
        let exporter = try await ExporterUnderTest(files: [
            "doomed.jsonl": CostLine.records(2, model: "doomed-history"),
            "other.jsonl": CostLine.record(model: "other"),
        ])
        try exporter.append(
            CostLine.records(3, model: "doomed-last-words") + #"{"model":"unfini"#, to: "doomed.jsonl")
        try FileManager.default.removeItem(at: exporter.file("doomed.jsonl"))

        try await exporter.expectTotals(
            TailingTotals(
                lines: 7, successfulRequests: ["doomed-history": 2, "doomed-last-words": 3, "other": 1],
                lineErrors: ["incomplete": 1], filesWatched: 1))
        let heldDeleted = try FileManager.default.contentsOfDirectory(
            atPath: "/proc/\(exporter.process.processIdentifier)/fd"
        )
        .compactMap {
            try? FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/\(exporter.process.processIdentifier)/fd/\($0)")
        }
        .filter { $0.hasSuffix("(deleted)") }
        #expect(heldDeleted.isEmpty, "the exporter still holds deleted files open: \(heldDeleted)")
    }

    @Test(
        "symlink_swap: a retargeted symlink's old file is drained and its new file read from byte 0")
    func symlinkSwap() async throws {
        var targets: URL?
        let exporter = try await ExporterUnderTest { logs in
            // The targets lie outside the tailed directory: only the symlink matches the pattern.
            let folder = logs.deletingLastPathComponent().appendingPathComponent("targets")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(CostLine.records(2, model: "one-history").utf8).write(
                to: folder.appendingPathComponent("one.jsonl"))
            try FileManager.default.createSymbolicLink(
                at: logs.appendingPathComponent("current.jsonl"),
                withDestinationURL: folder.appendingPathComponent("one.jsonl"))
            targets = folder
        }
        let folder = try #require(targets)
        try await exporter.expectTotals(
            TailingTotals(lines: 2, successfulRequests: ["one-history": 2], filesWatched: 1))

        let one = try FileHandle(forWritingTo: folder.appendingPathComponent("one.jsonl"))
        defer { try? one.close() }
        try one.seekToEnd()
        try one.write(contentsOf: Data(CostLine.records(3, model: "one-before-swap").utf8))
        try Data(CostLine.records(4, model: "two").utf8).write(
            to: folder.appendingPathComponent("two.jsonl"))
        // Retarget atomically, as deployment tools do: a new link renamed over the old one.
        let newLink = exporter.logs.appendingPathComponent(".current.new")
        try FileManager.default.createSymbolicLink(
            at: newLink, withDestinationURL: folder.appendingPathComponent("two.jsonl"))
        guard rename(newLink.path, exporter.file("current.jsonl").path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }

        // The old file is still watched for late writes until it has not grown for 5 s.
        try await exporter.expectTotals(
            TailingTotals(
                lines: 9, successfulRequests: ["one-history": 2, "one-before-swap": 3, "two": 4],
                rotations: 1,
                filesWatched: 2))
    }

    @Test("new_file: a file that appears after the start is read from its beginning")
    func newFile() async throws {
        let exporter = try await ExporterUnderTest(files: [
            "first.jsonl": CostLine.record(model: "first")
        ])
        // Created and filled in one go, before the exporter can notice it.
        try exporter.append(CostLine.records(5, model: "later"), to: "later.jsonl")

        try await exporter.expectTotals(
            TailingTotals(lines: 6, successfulRequests: ["first": 1, "later": 5], filesWatched: 2))
    }

    @Test(
        "oversized_line: a line over --max-line-bytes is skipped and counted, its neighbours are read")
    func oversizedLine() async throws {
        let history =
            CostLine.record(model: "a") + CostLine.padded(model: "huge", padding: 200)
            + CostLine.record(model: "b")
        let exporter = try await ExporterUnderTest(
            files: ["app.jsonl": history], arguments: ["--max-line-bytes", "100"])
        #expect(CostLine.record(model: "live-b").utf8.count < 100)

        // An oversized line that arrives in two polls: its end must not be read as a line.
        let live = CostLine.record(model: "live-a") + CostLine.padded(model: "huge", padding: 300)
        let cut = live.utf8.count - 150
        try exporter.append(String(live.utf8.prefix(cut))!, to: "app.jsonl")
        _ = try await exporter.scrape {
            $0.value("llm_cost_exporter_bytes_read_total") == Double(history.utf8.count + cut)
        }
        try exporter.append(
            String(live.utf8.dropFirst(cut))! + CostLine.record(model: "live-b"), to: "app.jsonl")

        try await exporter.expectTotals(
            TailingTotals(
                lines: 6, successfulRequests: ["a": 1, "b": 1, "live-a": 1, "live-b": 1],
                lineErrors: ["too_long": 2],
                filesWatched: 1))
    }

    @Test(
        "start_at_end: history is skipped, an unfinished last line is completed, new files are read whole"
    )
    func startAtEnd() async throws {
        let completed = CostLine.record(model: "completed-later")
        let cut = completed.index(completed.startIndex, offsetBy: 20)
        let exporter = try await ExporterUnderTest(
            files: ["app.jsonl": CostLine.records(4, model: "skipped-history") + completed[..<cut]],
            arguments: ["--start-at", "end"]
        )
        #expect(
            TailingTotals(try exporter.scrape())
                == TailingTotals(lines: 0, successfulRequests: [:], filesWatched: 1))

        try exporter.append(completed[cut...] + CostLine.records(2, model: "appended"), to: "app.jsonl")
        try exporter.append(CostLine.records(2, model: "new-file"), to: "new.jsonl")
        try await exporter.expectTotals(
            TailingTotals(
                lines: 5, successfulRequests: ["completed-later": 1, "appended": 2, "new-file": 2],
                filesWatched: 2))
    }
}

/// Permission denied needs a user that permissions apply to: root reads any file whatever its
/// mode. The exporter runs as `nobody` through `setpriv` (util-linux); the files stay root's.
extension TailingScenarioTests {
    @Test(
        "permission_denied: an unreadable file is retried and read once, from byte 0, when it becomes readable"
    )
    func permissionDeniedFile() async throws {
        let exporter = try await ExporterUnderTest(
            files: [
                "open.jsonl": CostLine.records(2, model: "readable"),
                "locked.jsonl": CostLine.records(3, model: "locked"),
            ],
            user: "nobody",
            prepare: { logs in try Self.setMode(0o600, of: logs.appendingPathComponent("locked.jsonl")) }
        )
        // The locked file's bytes are what the exporter is behind by.
        try await exporter.expectTotals(
            TailingTotals(
                lines: 2, successfulRequests: ["readable": 2], filesWatched: 2,
                readErrorReasons: ["permission_denied"],
                unreadBytes: CostLine.records(3, model: "locked").utf8.count))

        try exporter.append(CostLine.record(model: "locked-later"), to: "locked.jsonl")
        try Self.setMode(0o644, of: exporter.file("locked.jsonl"))
        try await exporter.expectTotals(
            TailingTotals(
                lines: 6, successfulRequests: ["readable": 2, "locked": 3, "locked-later": 1],
                filesWatched: 2,
                readErrorReasons: ["permission_denied"]))
    }

    @Test(
        "permission_denied: a file whose directory becomes unreadable keeps its place, is not deleted nor read again"
    )
    func permissionDeniedDirectory() async throws {
        let exporter = try await ExporterUnderTest(
            files: ["app.jsonl": CostLine.records(2, model: "before-denial")], user: "nobody")
        try Self.setMode(0o700, of: exporter.logs)
        try await exporter.expectTotals(
            TailingTotals(
                lines: 2, successfulRequests: ["before-denial": 2], filesWatched: 1,
                readErrorReasons: ["permission_denied"]))

        try exporter.append(CostLine.records(3, model: "during-denial"), to: "app.jsonl")
        try Self.setMode(0o755, of: exporter.logs)
        try await exporter.expectTotals(
            TailingTotals(
                lines: 5, successfulRequests: ["before-denial": 2, "during-denial": 3], filesWatched: 1,
                readErrorReasons: ["permission_denied"]))
    }

    /// `chmod(2)`, throwing on failure.
    static func setMode(_ mode: mode_t, of url: URL) throws {
        guard chmod(url.path, mode) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
