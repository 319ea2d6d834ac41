import ExporterTestSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A thread that appends lines to a log file as fast as a busy application, until stopped.
///
/// Each `write(2)` carries one to four lines, rotating through three models, and every tenth
/// write one line that is not JSON, so both sides of `lines_total = Σ requests + Σ errors`
/// move. It stops by itself after `maximumLines`, so a stalled test cannot fill the disk.
final class AppendingWriter: Sendable {
    /// The models the writer's records name.
    static let models = ["busy-a", "busy-b", "busy-c"]
    /// The line that counts as `invalid_json`.
    static let invalidLine = "not json\n"

    private let stopRequested = Atomic(false)
    /// Left when the thread ends; waiting on a group that is done returns at once, so `stop()`
    /// may be called more than once.
    private let running = DispatchGroup()
    /// Lines written so far, by model; `invalid` for the lines that are not JSON.
    private let written = Mutex<[String: Int]>([:])

    /// Starts appending to `file`, at most `maximumLines` lines.
    init(file: URL, maximumLines: Int = 60_000) throws {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        running.enter()
        let thread = Thread { [self] in
            var total = 0
            var batch = 0
            while !stopRequested.load(ordering: .relaxed), total < maximumLines {
                var text = ""
                var counts: [String: Int] = [:]
                for line in 0..<(batch % 4 + 1) {
                    let model = Self.models[(batch + line) % Self.models.count]
                    text += CostLine.record(model: model)
                    counts[model, default: 0] += 1
                }
                if batch % 10 == 9 {
                    text += Self.invalidLine
                    counts["invalid", default: 0] += 1
                }
                let bytes = Array(text.utf8)
                guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
                    break
                }
                written.withLock { $0.merge(counts, uniquingKeysWith: +) }
                total += counts.values.reduce(0, +)
                batch += 1
                // A breath between writes keeps the writer near 10 000 lines a second, which a
                // debug build ingests as fast as it comes, so the final catch-up is short.
                usleep(200)
            }
            close(descriptor)
            running.leave()
        }
        thread.start()
    }

    /// Lines written so far, by model, and `invalid` for those that are not JSON.
    var linesWritten: [String: Int] { written.withLock { $0 } }

    /// Stops the writer and waits for its last write.
    ///
    /// - Returns: Every line written, by model, and `invalid` for those that are not JSON.
    @discardableResult
    func stop() -> [String: Int] {
        stopRequested.store(true, ordering: .relaxed)
        running.wait()
        return linesWritten
    }
}
