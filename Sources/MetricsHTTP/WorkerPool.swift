import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run handler jobs, so a handler that takes milliseconds never
/// stalls the event loop.
///
/// Bounded by construction: the event loop submits a job only while fewer than
/// `maxConcurrentRequests` are in handlers, so the queue never holds more than that.
final class WorkerPool: Sendable {
    /// A unit of work.
    typealias Job = @Sendable () -> Void

    private struct Queue {
        var jobs: [Job] = []
        var isShutDown = false
    }

    private let queue = Mutex(Queue())
    /// Counts queued jobs (and, at shutdown, one wake-up per thread).
    private let jobsAvailable = DispatchSemaphore(value: 0)
    private let threadCount: Int

    /// Starts `threadCount` threads named `name`.
    ///
    /// - Parameters:
    ///   - threadCount: The number of worker threads, at least 1.
    ///   - name: The threads' name, seen in debuggers and `top -H`.
    init(threadCount: Int, name: String) {
        self.threadCount = threadCount
        for _ in 0..<threadCount {
            let thread = Thread { [self] in runJobs() }
            thread.name = name
            thread.start()
        }
    }

    /// Queues a job; ignored after `shutDown()`.
    func submit(_ job: @escaping Job) {
        let accepted = queue.withLock { queue in
            guard !queue.isShutDown else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { jobsAvailable.signal() }
    }

    /// Drops queued jobs and lets every thread exit once its current job (if any) returns.
    func shutDown() {
        queue.withLock { queue in
            queue.isShutDown = true
            queue.jobs = []
        }
        for _ in 0..<threadCount { jobsAvailable.signal() }
    }

    private func runJobs() {
        while true {
            jobsAvailable.wait()
            // Every signal but the shutdown ones follows an append, so the queue is non-empty
            // unless the pool is shutting down.
            let job: Job? = queue.withLock { queue in
                queue.isShutDown || queue.jobs.isEmpty ? nil : queue.jobs.removeFirst()
            }
            guard let job else { return }
            job()
        }
    }
}
