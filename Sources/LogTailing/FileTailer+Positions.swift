extension FileTailer {
    /// Each tailed file's position, to save for a restart (issue 8).
    ///
    /// The offset is the start of the first line not yet delivered, so a restored tailer
    /// neither repeats a line nor loses an unfinished one. Files never opened yet have no
    /// position (they are read from their beginning after a restart). Sorted by path.
    public func positions() -> [TailPosition] {
        files.values.filter { $0.pendingStart == nil }
            .map {
                TailPosition(
                    path: $0.path,
                    identity: $0.identity,
                    fingerprint: $0.fingerprint,
                    offset: $0.consumedOffset
                )
            }
            .sorted { ($0.path, $0.identity.inode) < ($1.path, $1.identity.inode) }
    }

    /// Finds each saved file again and tracks it from its saved offset.
    ///
    /// A file is looked for under its saved path, then under every name in that directory
    /// (it may have been rotated while the exporter was down), by identity and fingerprint. A
    /// file found nowhere is reported `lost`. Files found off the watched paths are drained
    /// like any rotated-away file.
    func restore<Sink: TailSink>(_ positions: [TailPosition], now: Duration, into sink: inout Sink) {
        for position in positions.sorted(by: { $0.path < $1.path }) where files[position.identity] == nil {
            var file = TrackedFile(
                identity: position.identity,
                path: position.path,
                start: .resume(offset: position.offset),
                fingerprint: position.fingerprint,
                maxLineLength: options.maxLineLength
            )
            switch locate(&file, now: now, into: &sink) {
            case .opened, .failed:
                track(file)
            case .otherFile:
                record(.lost, path: position.path, into: &sink)
            }
        }
    }
}
