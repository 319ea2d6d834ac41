extension FileTailer {
    /// Ends a one-shot pass: every file's unfinished last line is dropped and reported, since
    /// no newline will come for it in this run.
    ///
    /// For `--once` only; a live tailer keeps unfinished lines until their newline arrives.
    /// - Parameter sink: Receives a `.partialLineDropped` event per dropped line.
    public func dropUnfinishedLines<Sink: TailSink>(into sink: inout Sink) {
        for identity in files.keys.sorted(by: { trackOrder[$0, default: 0] < trackOrder[$1, default: 0] }) {
            guard var file = files[identity], file.splitter.dropPartialLine() else { continue }
            files[identity] = file
            record(.partialLineDropped, path: file.path, into: &sink)
        }
    }
}
