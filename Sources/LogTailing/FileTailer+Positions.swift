extension FileTailer {
    /// Each tailed file's position, to save for a restart (issue 8).
    ///
    /// The offset is the start of the first line not yet delivered, so a restored tailer
    /// neither repeats a line nor loses an unfinished one. A file restored from saved positions
    /// but not opened again yet keeps its saved offset; other files never opened yet have no
    /// position (they are read from their beginning after a restart). Sorted by path.
    public func positions() -> [TailPosition] {
        files.values.compactMap { file -> TailPosition? in
            let offset: Int
            switch file.pendingStart {
            case nil: offset = file.consumedOffset
            // Restored but not opened again yet: its saved place still holds, and dropping it
            // would make the next start read the file again from byte 0.
            case .resume(let saved): offset = saved
            case .beginning, .end: return nil
            }
            return TailPosition(path: file.path, identity: file.identity, fingerprint: file.fingerprint, offset: offset)
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
