import LogTailing
import PrometheusFormat

/// `--once`: reads every matching file from its beginning to its end and returns the exposition.
///
/// One poll of the tailer is a complete pass; an unfinished last line is dropped and counted
/// as `incomplete`, since no newline will come for it in this run.
public struct OnceRunner {
    private let options: ExporterOptions
    private let logger: Logger

    /// Creates a runner for the parsed options.
    public init(options: ExporterOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Reads the files and renders the metrics.
    public func run() -> [UInt8] {
        let pipeline = IngestPipeline(options: options, logger: logger)
        pipeline.warnAboutEmptyPatterns()
        pipeline.pollOnce()
        pipeline.dropUnfinishedLines()
        let format: ExpositionFormat = options.onceFormat == .openmetrics ? .openMetrics : .text
        return ExporterExposition.render(pipeline.metrics.snapshot(), format: format)
    }
}
