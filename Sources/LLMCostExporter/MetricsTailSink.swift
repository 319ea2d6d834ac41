import LogTailing

/// Where the tailer's lines and events go: into the metrics, and notable events into the log.
struct MetricsTailSink: TailSink {
    let metrics: CostMetrics
    let ingestor: LineIngestor
    let logger: Logger

    /// Records the whole chunk under one lock: a scrape sees all of its lines or none.
    mutating func consumeChunk(
        of file: TailedFile, bytes: Int,
        _ deliverLines: (_ claim: (UnsafeRawBufferPointer) -> Int, _ body: (LineSplitter.Event) -> Void) -> Void
    ) {
        let ingestor = self.ingestor
        metrics.update { state in
            state.recordBytesRead(bytes)
            deliverLines({ ingestor.ingestLine(atStartOf: $0, into: &state) }, { ingestor.ingest($0, into: &state) })
        }
    }

    mutating func note(_ event: TailEvent) {
        switch event.kind {
        case .opened(let offset):
            logger.log(.debug, "tailing file", ["path": event.path, "offset": String(offset)])
        case .rotated:
            logger.log(.info, "file rotated; draining the old file before the new", ["path": event.path])
        case .truncated:
            logger.log(.info, "file truncated; reading again from its start", ["path": event.path])
        case .deleted:
            logger.log(.info, "file deleted; read what remained and closed it", ["path": event.path])
        case .released:
            logger.log(.debug, "rotated file drained and released", ["path": event.path])
        case .lost:
            logger.log(.warn, "file with unread bytes vanished before it could be read", ["path": event.path])
        case .partialLineDropped:
            metrics.update { $0.recordLineError(.incomplete) }
            logger.log(.debug, "dropped an unfinished last line", ["path": event.path])
        case .readError(let reason):
            logger.log(
                .warn, "cannot read file; retrying with backoff", ["path": event.path, "reason": reason.rawValue])
        }
    }
}
