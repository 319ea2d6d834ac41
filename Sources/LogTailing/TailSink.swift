/// Where a `FileTailer` delivers what it reads.
///
/// Lines come in chunks, one per `read(2)`: `consumeChunk` is handed the chunk's size and a
/// function that delivers each of its lines, in file order, to the functions it is given
/// (`LineSplitter.split(_:claimingLinesWith:_:)`). A sink that updates shared state can take
/// its lock once around that delivery, so a whole chunk is recorded under one lock. `note` is
/// never called inside a chunk. Every complete line of every file is delivered exactly once.
public protocol TailSink {
    /// One chunk of `file`: `bytes` bytes read, whose lines `deliverLines` hands, one by one,
    /// to the functions passed to it (each line valid only during its call): first to the
    /// claim, which may take a line from its start, then, when it takes none, as an event.
    ///
    /// The sink must call `deliverLines` exactly once.
    mutating func consumeChunk(
        of file: TailedFile, bytes: Int,
        _ deliverLines: (_ claim: (UnsafeRawBufferPointer) -> Int, _ body: (LineSplitter.Event) -> Void) -> Void
    )
    /// Something besides lines happened.
    mutating func note(_ event: TailEvent)
}
