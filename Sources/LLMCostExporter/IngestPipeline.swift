import Foundation
import LogTailing

/// The ingest side: the tailer reading the files, and the decoder filling the metrics.
///
/// Owned by one thread (the tailer and the decoder are not thread-safe); what it fills,
/// `metrics`, is safe to read from any thread.
final class IngestPipeline {
    /// The metrics the pipeline fills; scrapes read snapshots of it.
    let metrics: CostMetrics
    private let tailer: FileTailer<ContinuousClock>
    private var sink: MetricsTailSink
    private let patterns: [String]
    private let logger: Logger
    private let wallClock: @Sendable () -> Double

    /// Creates the pipeline for the options' files; nothing is read until `pollOnce()`.
    ///
    /// - Parameters:
    ///   - options: The files and limits.
    ///   - logger: For notable tailing events.
    ///   - metrics: The metrics to fill; new ones when `nil`.
    ///   - positions: Where to resume each file (from a reload or a restart), or `nil` to
    ///     start from the files.
    ///   - wallClock: The current time in epoch seconds, for budget periods.
    init(
        options: ExporterOptions,
        logger: Logger,
        metrics: CostMetrics? = nil,
        restoring positions: [TailPosition]? = nil,
        wallClock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        let metrics = metrics ?? CostMetrics(options: options, pricing: options.pricing)
        self.metrics = metrics
        self.patterns = options.filePatterns
        self.logger = logger
        self.wallClock = wallClock
        if let error = metrics.update({ $0.configureBudgets(options.budgets, now: wallClock()) }) {
            logger.log(.error, "budgets not in force", ["error": error.description])
        }
        let tailOptions = TailOptions(
            startAt: options.startsAtEnd ? .end : .beginning,
            pollInterval: .milliseconds(options.pollIntervalMilliseconds),
            maxLineLength: options.maxLineBytes
        )
        tailer = FileTailer(patterns: options.filePatterns, options: tailOptions, restoring: positions)
        sink = MetricsTailSink(metrics: metrics, ingestor: LineIngestor(mapping: options.fieldMapping), logger: logger)
    }

    /// Logs a warning for each pattern that matches no file now (not an error: the file may
    /// appear later, and is then read from its beginning).
    func warnAboutEmptyPatterns() {
        for pattern in patterns where FilePattern.matches(of: pattern).isEmpty {
            logger.log(.warn, "pattern matches no file yet", ["pattern": pattern])
        }
    }

    /// Reads every watched file to its current end, then publishes the tailer's statistics.
    func pollOnce() {
        let now = wallClock()
        metrics.update { $0.advanceClock(to: now) }
        tailer.poll(into: &sink)
        let stats = tailer.stats
        metrics.update { $0.recordTailStats(stats) }
    }

    /// A pipeline for new options that goes on where this one stopped: same metrics, each
    /// file resumed at its position, so no line is read twice or skipped.
    ///
    /// Files, field names, pricing and budgets take effect; buckets, caps and labels shape the
    /// series already exported, so changing them needs a restart (logged, old ones kept).
    func reloaded(with options: ExporterOptions, previous: ExporterOptions, logger: Logger) -> IngestPipeline {
        if options.limits != previous.limits || options.extraLabels != previous.extraLabels
            || options.staticLabels != previous.staticLabels
        {
            logger.log(.warn, "buckets, caps, labels and static labels change only at a restart; the running ones stay")
        }
        let pricing = options.pricing
        metrics.update { $0.configurePricing(pricing) }
        return IngestPipeline(
            options: options, logger: logger, metrics: metrics, restoring: tailer.positions(), wallClock: wallClock)
    }

    /// The state to save: the metrics and every file's position, taken together between polls
    /// so that they agree.
    func persistedState() -> PersistedState {
        PersistedState(
            version: PersistedState.currentVersion,
            savedAt: wallClock(),
            positions: tailer.positions(),
            metrics: metrics.snapshot().persisted()
        )
    }

    /// Drops and counts every unfinished last line (for `--once`, where no newline will come).
    func dropUnfinishedLines() {
        tailer.dropUnfinishedLines(into: &sink)
        let stats = tailer.stats
        metrics.update { $0.recordTailStats(stats) }
    }
}
