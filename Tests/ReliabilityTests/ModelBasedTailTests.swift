import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 8's model-based proof, after Vector's file-source model tests: random programs of
/// writes, partial writes, rotations, copytruncates, deletions, recreations, symlink swaps and
/// restarts, run against the real exporter and against `TailModel`; the totals must match.
@Suite("Model-based tailing", .timeLimit(.minutes(5)))
struct ModelBasedTailTests {
    /// Programs run, and steps in each.
    static let programs = 20
    static let length = 30
    /// Programs run at once, each with its own exporter and directory (they mostly wait).
    static let parallel = 4

    @Test("random programs of file operations and restarts match the model")
    func modelBasedRandomProgramsMatchTheModel() async throws {
        let base = SeededGenerator.seed(default: 0x0DE1_0008)
        print("modelBasedRandomProgramsMatchTheModel: seeds \(base) to \(base + UInt64(Self.programs) - 1)")
        var failures: [String] = []
        await withTaskGroup(of: String?.self) { group in
            var started = 0
            func startNext(_ group: inout TaskGroup<String?>) {
                let program = TailProgram(seed: base + UInt64(started), length: Self.length)
                started += 1
                group.addTask { await ProgramRun.run(program) }
            }
            while started < min(Self.parallel, Self.programs) { startNext(&group) }
            for await failure in group {
                if let failure { failures.append(failure) }
                if started < Self.programs { startNext(&group) }
            }
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }
}

/// One program run against a fresh exporter and the model.
private final class ProgramRun {
    /// The exporter fell behind the model or went past it.
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    let program: TailProgram
    let exporter: RestartingExporter
    /// Where the symlink's targets live (outside the pattern).
    let targets: URL
    var serving: ServingExporter
    var model = TailModel()
    /// `llm_cost_exporter_bytes_read_total` when the current run became ready, having read
    /// every byte written so far.
    var baselineBytes = 0.0
    /// Bytes written to matched files since then; each must be read exactly once.
    var bytesWritten = 0
    /// The plain files that exist now.
    var existing: Set<TailProgram.Slot> = []
    /// The symlink's current target.
    var linkTarget: URL
    /// Numbers rotated files, copies and link targets.
    var counter = 0
    /// When bytes the exporter had counted last left the matched files (rotation to an
    /// unmatched name, truncation, deletion, swap): a SIGKILL first waits for a save after
    /// this, else it would lose counts the matched files can no longer give back.
    var bytesGoneAt: Double?

    /// Runs `program`.
    ///
    /// - Returns: `nil` when the exporter matched the model throughout; else the program, the
    ///   step, what differed and the exporter's logs.
    static func run(_ program: TailProgram) async -> String? {
        let run: ProgramRun
        do {
            run = try await ProgramRun(program)
        } catch {
            return "\(program)\ncould not start: \(error)"
        }
        for (index, step) in program.steps.enumerated() {
            do {
                try await run.apply(step)
            } catch {
                return "\(program)\nat step \(index), \(step): \(error)\n\(run.exporter.logsOfRuns())"
            }
        }
        do {
            try await run.catchUp("at the end")
        } catch {
            return "\(program)\n\(error)\n\(run.exporter.logsOfRuns())"
        }
        return nil
    }

    private init(_ program: TailProgram) async throws {
        self.program = program
        exporter = try RestartingExporter()
        targets = exporter.directory.appendingPathComponent("targets")
        try FileManager.default.createDirectory(at: targets, withIntermediateDirectories: true)
        linkTarget = targets.appendingPathComponent("t0.log")
        try Data().write(to: linkTarget)
        try FileManager.default.createSymbolicLink(
            atPath: exporter.logs.appendingPathComponent("l.jsonl").path, withDestinationPath: linkTarget.path)
        serving = try await exporter.start()
    }

    private func path(_ slot: TailProgram.Slot) -> String {
        slot == .link ? linkTarget.path : exporter.logs.appendingPathComponent("\(slot.rawValue).jsonl").path
    }

    private func apply(_ step: TailProgram.Step) async throws {
        switch step {
        case .writeLines(let slot, let count):
            try write(model.finish(slot) + model.lines(count), to: slot)
        case .writePartial(let slot):
            try write(model.finish(slot) + model.firstPart(for: slot), to: slot)
        case .rotate(let slot):
            guard existing.contains(slot) else { return }
            try write(model.finish(slot), to: slot)
            try await catchUp("before rotating \(slot)")
            counter += 1
            try check(rename(path(slot), "\(path(slot)).\(counter)"), "rename")
            existing.remove(slot)
            // The file left the pattern: after a crash only a saved identity finds it again.
            try await bytesWentAway(droppingFrom: nil)
        case .copyTruncate(let slot):
            guard existing.contains(slot) else { return }
            try await catchUp("before copytruncate of \(slot)")
            counter += 1
            try FileManager.default.copyItem(atPath: path(slot), toPath: "\(path(slot)).c\(counter)")
            try check(truncate(path(slot), 0), "truncate")
            try await bytesWentAway(droppingFrom: slot)
        case .delete(let slot):
            guard existing.contains(slot) else { return }
            try await catchUp("before deleting \(slot)")
            try check(unlink(path(slot)), "unlink")
            existing.remove(slot)
            try await bytesWentAway(droppingFrom: slot)
        case .recreate(let slot, let lines):
            try await catchUp("before recreating \(slot)")
            if existing.contains(slot) {
                try check(unlink(path(slot)), "unlink")
                try await bytesWentAway(droppingFrom: slot)
            }
            try write(model.lines(lines), to: slot, creatingEvenIfEmpty: true)
        case .swapLink(let lines):
            try write(model.finish(.link), to: .link)
            try await catchUp("before swapping the link")
            counter += 1
            let target = targets.appendingPathComponent("t\(counter).log")
            linkTarget = target
            try write(model.lines(lines), to: .link, creatingEvenIfEmpty: true)
            let temporary = exporter.logs.appendingPathComponent(".l.tmp").path
            try FileManager.default.createSymbolicLink(atPath: temporary, withDestinationPath: target.path)
            try check(rename(temporary, exporter.logs.appendingPathComponent("l.jsonl").path), "rename")
            try await bytesWentAway(droppingFrom: nil)
        case .restart(let kill):
            if kill, let since = bytesGoneAt {
                try await serving.waitUntil("it has saved its state after \(since)") {
                    try self.serving.scrape().value("llm_cost_exporter_state_last_save_timestamp_seconds") ?? 0 > since
                }
            }
            let status = try await exporter.end(with: kill ? SIGKILL : SIGTERM)
            if !kill, status != 0 {
                let shown = status.map(String.init) ?? "none (it did not stop)"
                throw Mismatch(description: "SIGTERM ended the exporter with status \(shown)")
            }
            bytesGoneAt = nil
            serving = try await exporter.start()
            baselineBytes = try serving.scrape().value("llm_cost_exporter_bytes_read_total") ?? -1
            bytesWritten = 0
        }
    }

    /// Appends `text` to `slot`'s file, creating it; nothing happens for empty text unless
    /// `creatingEvenIfEmpty`.
    private func write(_ text: String, to slot: TailProgram.Slot, creatingEvenIfEmpty: Bool = false) throws {
        guard !text.isEmpty || creatingEvenIfEmpty else { return }
        try LogFileWrite.append(text, to: URL(fileURLWithPath: path(slot)))
        bytesWritten += text.utf8.count
        if slot != .link { existing.insert(slot) }
    }

    /// Bytes the exporter had read just went away from `slot` (or from the old link target);
    /// an unfinished line there is dropped, and once the exporter has counted that, a later
    /// SIGKILL waits for a save.
    private func bytesWentAway(droppingFrom slot: TailProgram.Slot?) async throws {
        if let slot, model.dropUnfinished(in: slot) {
            try await catchUp("after dropping the unfinished line of \(slot)")
        }
        bytesGoneAt = Date().timeIntervalSince1970
    }

    /// Waits until the exporter has read every byte written and its totals are the model's.
    ///
    /// - Throws: `Mismatch` with both totals when they differ after ten seconds, or at once
    ///   when the exporter counted more lines than written.
    func catchUp(_ when: String) async throws {
        let expected = model.expected
        let expectedBytes = baselineBytes + Double(bytesWritten)
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let scrape = try serving.scrape()
            let totals = CountedTotals(scrape)
            let bytes = scrape.value("llm_cost_exporter_bytes_read_total") ?? -1
            if totals == expected && bytes == expectedBytes { return }
            if totals.lines > expected.lines || bytes > expectedBytes || ContinuousClock.now >= deadline {
                throw Mismatch(
                    description: """
                        \(when): the exporter shows \(totals), \(bytes) bytes read;
                        the model expects \(expected), \(expectedBytes) bytes read
                        """)
            }
            try serving.checkRunning()
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// - Throws: `Mismatch` naming `call` and `errno` when a system call returned non-zero.
    private func check(_ result: Int32, _ call: String) throws {
        guard result == 0 else {
            throw Mismatch(description: "\(call) failed: \(String(cString: strerror(errno)))")
        }
    }
}
