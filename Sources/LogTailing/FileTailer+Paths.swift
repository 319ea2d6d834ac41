extension FileTailer {
    /// `stat`s each path and updates which file it shows.
    ///
    /// - Parameters:
    ///   - paths: The paths to examine.
    ///   - now: The time since the tailer started.
    ///   - observed: Receives the status of each file seen on a path.
    /// - Returns: Whether a path stopped showing the file it showed (a file left its path).
    func observe<Sink: TailSink>(
        _ paths: [String],
        now: Duration,
        observed: inout [FileIdentity: FileStatus],
        into sink: inout Sink
    ) -> Bool {
        var fileLeftPath = false
        for path in paths {
            let previous = pathIndex[path]
            if let previous, let file = files[previous], !file.backoff.allowsAttempt(at: now) { continue }
            let status: FileStatus?
            let observation: PathChange.Observation
            switch fileSystem.status(ofPath: path) {
            case .success(let found):
                status = found
                observation = found.isRegularFile ? .file(found.identity) : .notRegularFile
            case .failure(let error):
                status = nil
                observation = .failed(error.code)
            }
            switch PathChange(previous: previous, observed: observation) {
            case .unchanged(let identity):
                if let status { see(status, of: identity, observed: &observed) }
            case .appeared(let identity):
                attach(path, to: identity)
                if let status { see(status, of: identity, observed: &observed) }
            case .switched(_, let identity):
                fileLeftPath = true
                attach(path, to: identity)
                if let status { see(status, of: identity, observed: &observed) }
            case .vanished:
                fileLeftPath = true
                pathIndex[path] = nil
                vanishedPaths[path] = now
            case .absent:
                break
            case .unreachable(let reason):
                // A path the expansion just listed and that cannot be examined is found again
                // by the next expansion; a known one keeps its file, which is retried.
                guard let previous else { break }
                files[previous]?.backoff.recordFailure(
                    at: now,
                    initialDelay: options.pollInterval,
                    maxDelay: options.maxRetryDelay
                )
                record(.readError(reason), path: path, into: &sink)
            }
        }
        return fileLeftPath
    }

    private func see(_ status: FileStatus, of identity: FileIdentity, observed: inout [FileIdentity: FileStatus]) {
        observed[identity] = status
        files[identity]?.knownSize = status.size
    }

    /// Records that `path` shows the file `identity`: a file already tracked (under another
    /// name, or rotated away and back) keeps its position; any other file is new.
    private func attach(_ path: String, to identity: FileIdentity) {
        pathIndex[path] = identity
        vanishedPaths[path] = nil
        if files[identity] != nil {
            files[identity]?.path = path
            files[identity]?.rotatedWatch = nil
            return
        }
        let start: TrackedFile.Start = isFirstPoll && !isRestoring && options.startAt == .end ? .end : .beginning
        track(
            TrackedFile(
                identity: identity,
                path: path,
                start: start,
                fingerprint: .empty,
                maxLineLength: options.maxLineLength
            )
        )
    }
}
