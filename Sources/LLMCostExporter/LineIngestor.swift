import CostRecords
import LogTailing

/// Turns what the line splitter found into counts: decodes each line and records the
/// record or the reason it was rejected. Exactly one count per line, never two.
///
/// Owned by the single ingest thread (the decoder reuses scratch memory between lines).
public struct LineIngestor {
    private let decoder: CostLineDecoder

    /// Creates an ingestor decoding with `mapping`.
    public init(mapping: CostFieldMapping = .builtIn) {
        decoder = CostLineDecoder(mapping: mapping)
    }

    /// Counts the line at the start of `bytes` in `state` when the decoder can take it without
    /// being told where it ends (`CostLineDecoder.decodeLine(atStartOf:length:)`).
    ///
    /// - Returns: The length of the line counted, with its `\n`, or 0 when nothing was counted.
    public func ingestLine(atStartOf bytes: UnsafeRawBufferPointer, into state: inout CostMetricsState) -> Int {
        var length = 0
        switch decoder.decodeLine(atStartOf: bytes, length: &length) {
        case .record(let record): state.record(record)
        case .failure(let reason): state.recordLineError(reason)
        case nil: break
        }
        return length
    }

    /// Counts one splitter event in `state`.
    public func ingest(_ event: LineSplitter.Event, into state: inout CostMetricsState) {
        switch event {
        case .tooLong:
            state.recordLineError(.tooLong)
        case .line(let bytes):
            switch decoder.decode(bytes) {
            case .record(let record): state.record(record)
            case .failure(let reason): state.recordLineError(reason)
            }
        }
    }
}
