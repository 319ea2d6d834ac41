extension FileTailer {
    /// Reads a file on a watched path, if it changed.
    func readAttached<Sink: TailSink>(
        _ identity: FileIdentity,
        status: FileStatus,
        now: Duration,
        into sink: inout Sink
    ) {
        // Taken out of the table while it is read, so its line buffer is never copied.
        guard var file = files.removeValue(forKey: identity) else { return }
        defer { files[identity] = file }
        guard file.backoff.allowsAttempt(at: now),
            ContentChange.needsInspection(lastSeen: file.lastSeen, current: status, readOffset: file.readOffset)
        else { return }
        guard openIfNeeded(&file, at: file.path, now: now, into: &sink) == .opened else { return }
        read(&file, now: now, into: &sink)
    }

    /// What opening a file gave.
    enum OpenOutcome: Equatable {
        /// The file has a descriptor.
        case opened
        /// The path now shows another file (it changed since it was examined).
        case otherFile
        /// Opening failed; the failure was recorded and a retry scheduled.
        case failed
    }

    /// Gives `file` a descriptor, opening `path` if it has none, and places a newly tracked
    /// file at its start.
    ///
    /// - Parameter checksFingerprint: Whether a file found by identity alone must also start
    ///   with its fingerprinted bytes (else it is another file that reused the inode).
    func openIfNeeded<Sink: TailSink>(
        _ file: inout TrackedFile,
        at path: String,
        checksFingerprint: Bool = false,
        now: Duration,
        into sink: inout Sink
    ) -> OpenOutcome {
        if file.descriptor != nil { return .opened }
        closeDescriptors(toKeep: descriptorLimit - 1)
        let descriptor: Int32
        switch fileSystem.open(path) {
        case .success(let opened):
            descriptor = opened
        case .failure(let error):
            let reason = ReadErrorReason(errno: error.code)
            fail(&file, reason, now: now, into: &sink)
            if reason == .tooManyOpenFiles {
                // Someone else in the process needs descriptors: give back those we can reopen.
                closeDescriptors(toKeep: 0, includingRotatedAway: false)
            }
            return .failed
        }
        guard case .success(let status) = fileSystem.status(ofDescriptor: descriptor), status.identity == file.identity
        else {
            fileSystem.close(descriptor)
            return .otherFile
        }
        if checksFingerprint {
            let prefix = fileSystem.bytes(of: descriptor, at: 0, count: file.fingerprint.byteCount)
            guard case .success(let bytes) = prefix, file.fingerprint.matches(bytes) else {
                fileSystem.close(descriptor)
                return .otherFile
            }
        }
        file.path = path
        file.descriptor = descriptor
        file.wasHeldOpen = false
        if let start = file.pendingStart {
            guard place(&file, at: start, size: status.size) else {
                close(&file)
                fail(&file, .ioError, now: now, into: &sink)
                return .failed
            }
            file.pendingStart = nil
            record(.opened(offset: file.readOffset), path: file.path, into: &sink)
        }
        return .opened
    }

    /// Checks the file's content and reads it to its end.
    func read<Sink: TailSink>(_ file: inout TrackedFile, now: Duration, into sink: inout Sink) {
        guard let descriptor = file.descriptor else { return }
        let recentStart = file.readOffset - file.recentBytes.count
        guard case .success(let status) = fileSystem.status(ofDescriptor: descriptor),
            case .success(let prefix) = fileSystem.bytes(of: descriptor, at: 0, count: Fingerprint.maximumByteCount),
            case .success(let recent) = fileSystem.bytes(of: descriptor, at: recentStart, count: file.recentBytes.count)
        else {
            close(&file)
            fail(&file, .ioError, now: now, into: &sink)
            return
        }
        let change = ContentChange(
            readOffset: file.readOffset,
            size: status.size,
            prefixMatches: file.fingerprint.matches(prefix),
            tailMatches: recent == file.recentBytes,
            wasHeldOpen: file.wasHeldOpen
        )
        switch change {
        case .truncated, .replaced:
            if file.restartAtZero() { record(.partialLineDropped, path: file.path, into: &sink) }
            record(change == .truncated ? .truncated : .rotated, path: file.path, into: &sink)
        case .appended, .unchanged:
            break
        }
        file.fingerprint = Fingerprint(of: prefix)
        while true {
            switch fileSystem.read(descriptor, at: file.readOffset, into: buffer) {
            case .bytes(let chunk):
                sink.consumeChunk(of: file.tailedFile, bytes: chunk.count) { claim, body in
                    file.splitter.split(chunk, claimingLinesWith: claim, body)
                }
                file.remember(chunk)
                counters.bytesRead += chunk.count
            case .endOfFile:
                file.backoff.recordSuccess()
                file.lastSeen = (status.size, status.modificationTime)
                file.knownSize = max(status.size, file.readOffset)
                file.wasHeldOpen = true
                useCounter += 1
                file.lastUse = useCounter
                return
            case .failure(let code):
                close(&file)
                fail(&file, ReadErrorReason(errno: code), now: now, into: &sink)
                return
            }
        }
    }

    /// Records a failed open or read and schedules a retry; the file keeps its position.
    func fail<Sink: TailSink>(
        _ file: inout TrackedFile,
        _ reason: ReadErrorReason,
        now: Duration,
        into sink: inout Sink
    ) {
        file.backoff.recordFailure(at: now, initialDelay: options.pollInterval, maxDelay: options.maxRetryDelay)
        record(.readError(reason), path: file.path, into: &sink)
    }

    /// Closes the file's descriptor, if it has one.
    func close(_ file: inout TrackedFile) {
        guard let descriptor = file.descriptor else { return }
        fileSystem.close(descriptor)
        file.descriptor = nil
        file.wasHeldOpen = false
    }

    /// Places a file opened for the first time where reading starts.
    ///
    /// - Returns: `false` if the bytes needed to decide could not be read.
    private func place(_ file: inout TrackedFile, at start: TrackedFile.Start, size: Int) -> Bool {
        guard let descriptor = file.descriptor else { return false }
        let offset: Int
        let resumption: LineSplitter.Resumption
        switch start {
        case .beginning:
            (offset, resumption) = (0, .fileStart)
        case .end:
            guard let found = lastLineEnd(of: descriptor, size: size) else { return false }
            (offset, resumption) = found
        case .resume(let saved):
            offset = max(0, saved)
            guard offset > 0 else {
                resumption = .fileStart
                break
            }
            guard case .success(let before) = fileSystem.bytes(of: descriptor, at: offset - 1, count: 1) else {
                return false
            }
            // A saved offset inside a line only happens for a line already over the limit.
            resumption = before == [UInt8(ascii: "\n")] || before.isEmpty ? .lineStart : .insideTooLongLine
        }
        let recentStart = max(0, offset - TrackedFile.recentByteCount)
        guard case .success(let recent) = fileSystem.bytes(of: descriptor, at: recentStart, count: offset - recentStart)
        else {
            return false
        }
        file.readOffset = recentStart + recent.count
        file.recentBytes = recent
        if file.readOffset < offset {
            // The file is shorter than the saved offset: keep the offset, so the check before
            // reading sees the truncation and counts it.
            file.readOffset = offset
            file.recentBytes = []
        }
        file.splitter.restart(at: resumption)
        return true
    }

    /// Where the last complete line of a file ends, to skip the file's history.
    ///
    /// An unfinished last line is kept (it is read once its `\n` arrives); one already longer
    /// than the limit is skipped.
    private func lastLineEnd(of descriptor: Int32, size: Int) -> (Int, LineSplitter.Resumption)? {
        let floor = max(0, size - (options.maxLineLength + 4))
        var end = size
        while end > floor {
            let count = min(64 * 1024, end - floor)
            guard case .success(let bytes) = fileSystem.bytes(of: descriptor, at: end - count, count: count) else {
                return nil
            }
            if let newline = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                return (end - count + newline + 1, .lineStart)
            }
            end -= count
        }
        return floor == 0 ? (0, .fileStart) : (size, .insideTooLongLine)
    }
}
