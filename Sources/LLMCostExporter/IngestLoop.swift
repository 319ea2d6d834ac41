import Dispatch
import Foundation
import LogTailing
import Synchronization

/// The ingest thread: polls the files every interval, and soon after a watched directory
/// changes, until stopped.
///
/// It owns the `IngestPipeline` (which is not thread-safe); other threads talk to it only
/// through `stop()` and `requestReload(_:)`, which wake it early.
final class IngestLoop: Sendable {
    /// The least time between two polls, so a busy log does not make the loop spin.
    private static let minimumGap = Duration.milliseconds(5)

    private let wake: DirectoryChangeWaiter
    private let finished = DispatchSemaphore(value: 0)
    private let isStopping = Atomic(false)
    private let pendingReload = Mutex<ExporterOptions?>(nil)

    /// Creates the loop; `patterns` name the files whose directories wake it early.
    init(patterns: [String]) {
        wake = DirectoryChangeWaiter(patterns: patterns)
    }

    /// Starts the thread.
    ///
    /// - Parameters:
    ///   - makePipeline: Builds the pipeline on the ingest thread.
    ///   - interval: The time between polls.
    ///   - didFirstPoll: Called once, after the first poll has read the files' history.
    ///   - reload: Applies new options to the pipeline between two polls.
    ///   - saveState: Saves the pipeline's state; called between polls every `saveInterval`
    ///     and once more when stopping. `nil` when nothing is saved.
    ///   - saveInterval: The time between two saves.
    func start(
        makePipeline: @escaping @Sendable () -> IngestPipeline,
        interval: Duration,
        didFirstPoll: @escaping @Sendable () -> Void,
        reload: @escaping @Sendable (IngestPipeline, ExporterOptions) -> IngestPipeline,
        saveState: (@Sendable (IngestPipeline) -> Void)? = nil,
        saveInterval: Duration = .seconds(10)
    ) {
        let thread = Thread { [self] in
            let clock = ContinuousClock()
            var pipeline = makePipeline()
            pipeline.warnAboutEmptyPatterns()
            pipeline.pollOnce()
            didFirstPoll()
            var lastSave = clock.now
            while !isStopping.load(ordering: .acquiring) {
                if let saveState, clock.now - lastSave >= saveInterval {
                    saveState(pipeline)
                    lastSave = clock.now
                }
                if wake.wait(timeout: interval) {
                    // Let a burst of writes land before reading: one poll reads them all.
                    Thread.sleep(forTimeInterval: Double(Self.minimumGap.nanoseconds) / 1e9)
                }
                if let options = pendingReload.withLock({ pending in
                    defer { pending = nil }; return pending
                }) {
                    pipeline = reload(pipeline, options)
                }
                guard !isStopping.load(ordering: .acquiring) else { break }
                pipeline.pollOnce()
            }
            saveState?(pipeline)
            finished.signal()
        }
        thread.name = "ingest"
        thread.start()
    }

    /// Hands new options to the thread, which applies them before its next poll.
    func requestReload(_ options: ExporterOptions) {
        pendingReload.withLock { $0 = options }
        wake.interrupt()
    }

    /// Stops the thread and waits for it, at most `timeout`.
    ///
    /// - Returns: Whether it stopped in time.
    @discardableResult
    func stop(timeout: Duration) -> Bool {
        isStopping.store(true, ordering: .releasing)
        wake.interrupt()
        return finished.wait(timeout: .now() + .nanoseconds(Int(timeout.nanoseconds))) == .success
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? .max
            : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
