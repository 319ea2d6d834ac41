import CostRecords
import LogTailing

/// Turns what the line splitter found into counts: decodes each line and records the
/// record or the reason it was rejected. Exactly one count per line, never two.
///
/// Owned by the single ingest thread (the decoder reuses scratch memory between lines).
/// Decoding happens outside the metrics lock; only the record's update takes it, so a scrape
/// never waits for JSON parsing.
public struct LineIngestor {
    private let decoder: CostLineDecoder

    /// Creates an ingestor decoding with `mapping`.
    public init(mapping: CostFieldMapping = .builtIn) {
        decoder = CostLineDecoder(mapping: mapping)
    }

    /// Counts one splitter event in `metrics`.
    public func ingest(_ event: LineSplitter.Event, into metrics: CostMetrics) {
        switch event {
        case .tooLong:
            metrics.update { $0.recordLineError(.tooLong) }
        case .line(let bytes):
            switch decoder.decode(bytes) {
            case .record(let record): metrics.update { $0.record(record) }
            case .failure(let reason): metrics.update { $0.recordLineError(reason) }
            }
        }
    }
}
