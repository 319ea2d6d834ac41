import ExporterTestSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An application that logs at a steady rate to one path and reopens it when told to, as an
/// application does after logrotate's `postrotate` signal.
///
/// A thread writes `linesPerSecond` lines in batches every 10 ms, cycling through `models`.
/// Until it reopens, it keeps writing through its old descriptor, so lines land in the file
/// just renamed away too. It stops when the value goes away, whatever the test found, or
/// after `maximumLines`, so a stalled test cannot fill the disk.
final class RotatingWriter: Sendable {
    /// How often the thread writes a batch.
    private static let batchInterval = Duration.milliseconds(10)

    /// What the thread and the test share; the thread holds this, not the writer, so the
    /// writer's `deinit` runs and stops it.
    private final class Shared: Sendable {
        let stopRequested = Atomic(false)
        let reopenRequests = Atomic(0)
        /// Left when the thread ends; waiting on a group that is done returns at once.
        let running = DispatchGroup()
        /// Lines written so far, by model.
        let written = Mutex<[String: Int]>([:])
    }

    private let shared = Shared()

    /// Starts writing to `file`, creating it if needed.
    ///
    /// - Throws: the `POSIXError` of `open(2)` when the file cannot be opened.
    init(file: URL, linesPerSecond: Int, models: [String], maximumLines: Int = 400_000) throws {
        let firstDescriptor = try Self.openForAppending(file)
        let linesPerBatch = max(1, linesPerSecond / 100)
        let shared = shared
        shared.running.enter()
        let thread = Thread {
            var descriptor = firstDescriptor
            var total = 0
            var reopensSeen = 0
            let clock = ContinuousClock()
            var nextBatch = clock.now
            while !shared.stopRequested.load(ordering: .relaxed), total < maximumLines {
                let reopens = shared.reopenRequests.load(ordering: .acquiring)
                if reopens != reopensSeen {
                    reopensSeen = reopens
                    close(descriptor)
                    guard let reopened = try? Self.openForAppending(file) else { break }
                    descriptor = reopened
                }
                var text = ""
                var counts: [String: Int] = [:]
                for index in total..<(total + linesPerBatch) {
                    let model = models[index % models.count]
                    text += CostLine.record(model: model)
                    counts[model, default: 0] += 1
                }
                let bytes = Array(text.utf8)
                guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
                    break
                }
                shared.written.withLock { $0.merge(counts, uniquingKeysWith: +) }
                total += linesPerBatch
                // Paced by the clock, not by sleeps alone, so late wake-ups do not lower the rate.
                nextBatch = nextBatch.advanced(by: Self.batchInterval)
                let wait = clock.now.duration(to: nextBatch)
                if wait > .zero { usleep(UInt32(wait.components.attoseconds / 1_000_000_000_000)) }
            }
            close(descriptor)
            shared.running.leave()
        }
        thread.start()
    }

    deinit {
        stop()
    }

    /// Asks the writer to close its file and open the path again; its next batch goes there.
    func reopen() {
        shared.reopenRequests.add(1, ordering: .releasing)
    }

    /// Lines written so far, by model.
    var linesWritten: [String: Int] { shared.written.withLock { $0 } }

    /// Stops the writer and waits for its last write; may be called more than once.
    ///
    /// - Returns: Every line written, by model.
    @discardableResult
    func stop() -> [String: Int] {
        shared.stopRequested.store(true, ordering: .relaxed)
        shared.running.wait()
        return linesWritten
    }

    private static func openForAppending(_ file: URL) throws -> Int32 {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }
}
