#if canImport(Glibc)
import Glibc
#endif
import LogTailing
import PrometheusFormat

/// `--once`: reads every matching file from its beginning to its end and returns the exposition.
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
        let metrics = CostMetrics(limits: options.limits)
        let ingestor = LineIngestor()
        let buffer = ReadBuffer()
        for path in expandedPaths() {
            read(path, into: metrics, ingestor: ingestor, buffer: buffer)
        }
        let format: ExpositionFormat = options.onceFormat == .openmetrics ? .openMetrics : .text
        return ExporterExposition.render(metrics.snapshot(), format: format)
    }

    private func expandedPaths() -> [String] {
        var seen = Set<String>()
        var paths: [String] = []
        for pattern in options.filePatterns {
            let matches = FilePattern.expand(pattern)
            if matches.isEmpty {
                logger.log(.warn, "pattern matches no file", ["pattern": pattern])
            }
            for path in matches where seen.insert(path).inserted {
                paths.append(path)
            }
        }
        return paths
    }

    private func read(_ path: String, into metrics: CostMetrics, ingestor: LineIngestor, buffer: ReadBuffer) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            logger.log(.error, "cannot open file", ["path": path, "error": String(cString: strerror(errno))])
            return
        }
        defer { close(descriptor) }
        var splitter = LineSplitter(maxLineLength: options.maxLineBytes)
        while true {
            switch buffer.read(from: descriptor) {
            case .bytes(let chunk):
                metrics.update { state in
                    state.recordBytesRead(chunk.count)
                    splitter.split(chunk) { ingestor.ingest($0, into: &state) }
                }
            case .endOfFile:
                if splitter.dropPartialLine() {
                    metrics.update { $0.recordLineError(.incomplete) }
                }
                return
            case .failure(let code):
                logger.log(.error, "cannot read file", ["path": path, "error": String(cString: strerror(code))])
                return
            }
        }
    }
}
