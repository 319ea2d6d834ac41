import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A thread that appends numbered lines to `a.jsonl` at a steady rate and rotates it every
/// `linesPerFile` lines (rename to `a.jsonl.N`, then a new `a.jsonl`), as a logging library
/// does, until stopped.
///
/// Each `write(2)` carries one to three whole lines. The rotated files stay, so a pattern
/// that matches them (`*.jsonl*`) keeps every line reachable.
final class NumberedLineWriter: Sendable {
    private let stopRequested = Atomic(false)
    /// Left when the thread ends; waiting on a finished group returns at once.
    private let running = DispatchGroup()
    private let written = Mutex<(lines: Int, byModel: [String: Int], rotations: Int, failure: String?)>(
        (0, [:], 0, nil))

    /// Starts writing into `directory`.
    ///
    /// - Parameters:
    ///   - linesPerFile: Lines after which the file is rotated.
    ///   - pause: The pause between two writes.
    ///   - maximumLines: The writer stops by itself after this many, so a stalled test cannot
    ///     fill the disk.
    init(directory: URL, linesPerFile: Int, pause: Duration, maximumLines: Int = 200_000) {
        let path = directory.appendingPathComponent("a.jsonl").path
        let pauseSeconds = Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
        running.enter()
        let thread = Thread { [self] in
            defer { running.leave() }
            var descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            var seq = 0
            var inFile = 0
            var rotations = 0
            while !stopRequested.load(ordering: .relaxed), seq < maximumLines, descriptor >= 0 {
                var text = ""
                var counts: [String: Int] = [:]
                for _ in 0..<(seq % 3 + 1) {
                    text += NumberedLine.line(seq: seq)
                    counts[NumberedLine.model(ofSeq: seq), default: 0] += 1
                    seq += 1
                }
                let bytes = Array(text.utf8)
                guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
                    let reason = String(cString: strerror(errno))
                    written.withLock { $0.failure = "write failed: \(reason)" }
                    break
                }
                inFile += counts.values.reduce(0, +)
                written.withLock {
                    $0.lines += counts.values.reduce(0, +)
                    $0.byModel.merge(counts, uniquingKeysWith: +)
                }
                if inFile >= linesPerFile {
                    rotations += 1
                    close(descriptor)
                    guard rename(path, "\(path).\(rotations)") == 0 else {
                        let reason = String(cString: strerror(errno))
                        written.withLock { $0.failure = "rename failed: \(reason)" }
                        descriptor = -1
                        break
                    }
                    descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
                    inFile = 0
                    written.withLock { $0.rotations = rotations }
                }
                Thread.sleep(forTimeInterval: pauseSeconds)
            }
            if descriptor >= 0 { close(descriptor) }
        }
        thread.start()
    }

    /// Stops the writer and waits for its last write.
    ///
    /// - Returns: The lines written by model, the rotations done, and why writing failed, if
    ///   it did.
    func stop() -> (byModel: [String: Int], rotations: Int, failure: String?) {
        stopRequested.store(true, ordering: .relaxed)
        running.wait()
        return written.withLock { ($0.byModel, $0.rotations, $0.failure) }
    }

    /// Lines written so far.
    var linesWritten: Int { written.withLock { $0.lines } }
}
