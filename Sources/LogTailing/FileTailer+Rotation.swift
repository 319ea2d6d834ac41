extension FileTailer {
    /// Drains a file that no watched path shows any more, and lets it go when its watch ends.
    ///
    /// A file still open is read to its end through its descriptor; a closed one is first
    /// found again by identity and fingerprint in its directory (it was renamed while closed).
    func drainRotatedAway<Sink: TailSink>(_ identity: FileIdentity, now: Duration, into sink: inout Sink) {
        guard var file = files.removeValue(forKey: identity) else { return }
        let isFresh = file.rotatedWatch == nil
        var watch = file.rotatedWatch ?? RotatedFileWatch(lastGrowth: now)
        if file.descriptor == nil {
            guard file.backoff.allowsAttempt(at: now) else {
                file.rotatedWatch = watch
                files[identity] = file
                return
            }
            switch locate(&file, now: now, into: &sink) {
            case .opened:
                break
            case .failed:
                file.rotatedWatch = watch
                files[identity] = file
                return
            case .otherFile:
                let isLost = file.knownSize > file.readOffset || file.pendingStart != nil
                release(&file, as: isLost ? .lost : .deleted, into: &sink)
                return
            }
        }
        guard let descriptor = file.descriptor, case .success(let status) = fileSystem.status(ofDescriptor: descriptor)
        else {
            release(&file, as: .lost, into: &sink)
            return
        }
        let isDeleted = status.linkCount == 0
        if isFresh && !isDeleted { record(.rotated, path: file.path, into: &sink) }
        let offsetBefore = file.readOffset
        read(&file, now: now, into: &sink)
        if file.readOffset != offsetBefore { watch.lastGrowth = now }
        // A file whose read failed keeps its bytes pending: it is retried, not let go (unless
        // it is deleted, which must not be held).
        let isPending = file.backoff.failures > 0
        if isDeleted
            || (!isPending && watch.shouldRelease(isDeleted: isDeleted, at: now, rotateWait: options.rotateWait))
        {
            release(&file, as: isDeleted ? .deleted : .released, into: &sink)
            return
        }
        file.rotatedWatch = watch
        files[identity] = file
    }

    /// Finds a file again by identity and fingerprint: under its last path, else under any
    /// name in the same directory, and opens it there.
    func locate<Sink: TailSink>(_ file: inout TrackedFile, now: Duration, into sink: inout Sink) -> OpenOutcome {
        let directory = Self.directory(of: file.path)
        var candidates = [file.path]
        if case .success(let names) = fileSystem.entries(ofDirectory: directory) {
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            candidates += names.sorted().map { prefix + $0 }
        }
        for candidate in candidates {
            guard case .success(let status) = fileSystem.status(ofPath: candidate), status.isRegularFile,
                status.identity == file.identity
            else { continue }
            let outcome = openIfNeeded(&file, at: candidate, checksFingerprint: true, now: now, into: &sink)
            if outcome != .otherFile { return outcome }
        }
        return .otherFile
    }

    /// Stops tailing a file: closes it and drops (and counts) an unfinished last line.
    func release<Sink: TailSink>(_ file: inout TrackedFile, as kind: TailEvent.Kind, into sink: inout Sink) {
        close(&file)
        if file.splitter.dropPartialLine() { record(.partialLineDropped, path: file.path, into: &sink) }
        record(kind, path: file.path, into: &sink)
        forget(file.identity)
    }

    /// Closes the least recently read descriptors so at most `limit` stay open.
    ///
    /// - Parameter includingRotatedAway: Whether rotated-away files, which must then be found
    ///   again by directory search, may be closed too.
    func closeDescriptors(toKeep limit: Int, includingRotatedAway: Bool = true) {
        let holders = files.values.compactMap { file -> DescriptorBudget.Holder? in
            guard file.descriptor != nil, includingRotatedAway || file.rotatedWatch == nil else { return nil }
            return DescriptorBudget.Holder(
                identity: file.identity,
                isRotatedAway: file.rotatedWatch != nil,
                lastUse: file.lastUse
            )
        }
        for identity in DescriptorBudget.descriptorsToClose(holders, toKeep: limit) {
            if let descriptor = files[identity]?.descriptor {
                fileSystem.close(descriptor)
                files[identity]?.descriptor = nil
                files[identity]?.wasHeldOpen = false
            }
        }
    }

    /// The directory part of a path (`.` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
