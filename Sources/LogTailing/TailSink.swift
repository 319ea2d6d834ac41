/// Where a `FileTailer` delivers what it reads.
///
/// Lines come in chunks, one per `read(2)`: `beginChunk`, then each line of the chunk in file
/// order through `consume`, then `endChunk`. A sink that updates shared state can take its
/// lock in `beginChunk` and release it in `endChunk`. `note` is never called inside a chunk.
/// Every complete line of every file is consumed exactly once.
public protocol TailSink {
    /// A chunk of `file`'s lines begins.
    mutating func beginChunk(of file: TailedFile)
    /// One complete line (valid only during the call) or a skipped over-long line.
    mutating func consume(_ event: LineSplitter.Event)
    /// The chunk ends; it held `bytes` bytes of the file.
    mutating func endChunk(bytes: Int)
    /// Something besides lines happened.
    mutating func note(_ event: TailEvent)
}
