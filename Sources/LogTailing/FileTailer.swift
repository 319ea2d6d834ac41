#if canImport(Glibc)
    import Glibc
#endif

/// Tails the files that match glob patterns and delivers every complete line exactly once.
///
/// Drive it from one thread: call `poll(into:)` every `options.pollInterval` (an inotify
/// wake-up may call it sooner; polling alone is enough). Each poll re-examines the watched
/// paths, expands the patterns again when due, and reads every file to its current end, so a
/// single poll is a complete `--once` pass. Between polls the tailer holds at most
/// `maxOpenFiles` descriptors and never holds a deleted file.
///
/// Files are tracked by identity (device and inode, checked by a fingerprint of their first
/// bytes), not by name: a rotated file is drained to its end before its successor is read; a
/// truncated or rewritten file is read again from byte 0; a file that cannot be opened keeps
/// its place and is retried with backoff. `positions()` and `init(…restoring:)` carry the read
/// positions across restarts.
///
/// Not thread-safe: one thread owns a tailer.
public final class FileTailer<C: Clock> where C.Duration == Duration {
    /// The glob(3) patterns whose matches are tailed.
    public let patterns: [String]
    /// How the tailer behaves.
    public let options: TailOptions
    /// The most descriptors held at once.
    public let descriptorLimit: Int

    let clock: C
    let origin: C.Instant
    let fileSystem: any TailFileSystem
    let buffer: ReadBuffer
    /// Every tailed file, by identity.
    var files: [FileIdentity: TrackedFile] = [:]
    /// Which file each watched path showed at the last poll.
    var pathIndex: [String: FileIdentity] = [:]
    /// Paths whose file left them, with when: each is still examined at every poll for one
    /// rescan interval, because logrotate creates the new file just after the rename that woke
    /// the poll, and a file that lives less than the interval would otherwise never be seen.
    var vanishedPaths: [String: Duration] = [:]
    var rescan: RescanSchedule
    var pendingRestore: [TailPosition]?
    let isRestoring: Bool
    var isFirstPoll = true
    var useCounter = 0
    var trackCounter = 0
    /// When each file was first tracked, to read older files first.
    var trackOrder: [FileIdentity: Int] = [:]
    var counters = TailStats()

    /// Creates a tailer; nothing is read until the first `poll(into:)`.
    ///
    /// - Parameters:
    ///   - patterns: glob(3) patterns (`logs/*.jsonl`) or plain paths.
    ///   - options: Start position, limits and intervals.
    ///   - clock: The clock for backoff, rescans and rotated-file watches.
    ///   - positions: Positions saved by `positions()` before a restart, or `nil` to start from
    ///     the files. With positions, each file is found again by identity (under its saved path
    ///     or another name in the same directory) and read on from its saved offset; every other
    ///     file is read from its beginning, whatever `options.startAt` says.
    public convenience init(
        patterns: [String],
        options: TailOptions = TailOptions(),
        clock: C,
        restoring positions: [TailPosition]? = nil
    ) {
        self.init(
            patterns: patterns,
            options: options,
            clock: clock,
            restoring: positions,
            fileSystem: SystemFileSystem()
        )
    }

    /// Creates a tailer over a given file system (tests make system calls fail through it).
    init(
        patterns: [String],
        options: TailOptions,
        clock: C,
        restoring positions: [TailPosition]?,
        fileSystem: any TailFileSystem
    ) {
        self.patterns = patterns
        self.options = options
        self.clock = clock
        self.origin = clock.now
        self.fileSystem = fileSystem
        self.buffer = ReadBuffer(capacity: max(options.readChunkSize, 1))
        self.descriptorLimit = max(
            1,
            options.maxOpenFiles ?? DescriptorBudget.defaultLimit(descriptorLimit: Self.processDescriptorLimit())
        )
        self.rescan = RescanSchedule(interval: options.rescanInterval)
        self.pendingRestore = positions
        self.isRestoring = positions != nil
    }

    deinit {
        for file in files.values {
            if let descriptor = file.descriptor { fileSystem.close(descriptor) }
        }
    }

    /// Reads every watched file to its current end and delivers the complete lines.
    ///
    /// Order: files that left their path are drained first (oldest first), then the files on
    /// watched paths (oldest first), each in chunks as described by `TailSink`.
    ///
    /// - Parameter sink: Receives the lines and events.
    public func poll<Sink: TailSink>(into sink: inout Sink) {
        let now = origin.duration(to: clock.now)
        if let positions = pendingRestore {
            pendingRestore = nil
            restore(positions, now: now, into: &sink)
        }
        var observed: [FileIdentity: FileStatus] = [:]
        vanishedPaths = vanishedPaths.filter { now - $0.value < options.rescanInterval }
        var paths = Set(pathIndex.keys).union(vanishedPaths.keys)
        let isRescanDue = rescan.isDue(at: now)
        if isRescanDue {
            paths.formUnion(expandPatterns())
            rescan.recordRun(at: now)
        }
        let pathsChanged = observe(paths.sorted(), now: now, observed: &observed, into: &sink)
        if pathsChanged && !isRescanDue {
            // A rotated file renamed to a name that also matches must be recognised now, before
            // it could be taken for a new file.
            let newPaths = Set(expandPatterns()).subtracting(paths)
            rescan.recordRun(at: now)
            _ = observe(newPaths.sorted(), now: now, observed: &observed, into: &sink)
        }
        isFirstPoll = false

        let attached = Set(pathIndex.values)
        for identity in identitiesByAge(where: { !attached.contains($0) }) {
            drainRotatedAway(identity, now: now, into: &sink)
        }
        for identity in identitiesByAge(where: { attached.contains($0) }) {
            if let status = observed[identity] {
                readAttached(identity, status: status, now: now, into: &sink)
            }
        }
        closeDescriptors(toKeep: descriptorLimit)
    }

    /// The counters and gauges for self-metrics, as of the last poll.
    public var stats: TailStats {
        var stats = counters
        stats.filesWatched = files.count
        stats.filesOpen = files.values.reduce(0) { $0 + ($1.descriptor == nil ? 0 : 1) }
        stats.unreadBytes = files.values.reduce(0) { $0 + max(0, $1.knownSize - $1.readOffset) }
        return stats
    }

    /// Records an event: counts it in the statistics and tells the sink.
    func record<Sink: TailSink>(_ kind: TailEvent.Kind, path: String, into sink: inout Sink) {
        switch kind {
        case .rotated: counters.rotations += 1
        case .truncated: counters.truncations += 1
        case .partialLineDropped: counters.droppedPartialLines += 1
        case .readError(let reason): counters.readErrors[reason, default: 0] += 1
        case .opened, .deleted, .released, .lost: break
        }
        sink.note(TailEvent(kind, path: path))
    }

    private func expandPatterns() -> [String] {
        patterns.flatMap { fileSystem.expand(pattern: $0) }
    }

    private func identitiesByAge(where isIncluded: (FileIdentity) -> Bool) -> [FileIdentity] {
        files.keys.filter(isIncluded).sorted { trackOrder[$0, default: 0] < trackOrder[$1, default: 0] }
    }

    /// Starts tracking a file, or finds it again under a new path.
    func track(_ file: TrackedFile) {
        trackCounter += 1
        trackOrder[file.identity] = trackCounter
        files[file.identity] = file
    }

    /// Stops tracking a file; its descriptor must be closed already.
    func forget(_ identity: FileIdentity) {
        files[identity] = nil
        trackOrder[identity] = nil
    }

    private static func processDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        // RLIM_INFINITY is all ones, which clamping turns into Int.max.
        return Int(clamping: limit.rlim_cur)
    }
}

extension FileTailer where C == ContinuousClock {
    /// Creates a tailer on the continuous clock.
    ///
    /// - Parameters:
    ///   - patterns: glob(3) patterns or plain paths.
    ///   - options: Start position, limits and intervals.
    ///   - positions: Saved positions, or `nil`; see `init(patterns:options:clock:restoring:)`.
    public convenience init(
        patterns: [String],
        options: TailOptions = TailOptions(),
        restoring positions: [TailPosition]? = nil
    ) {
        self.init(patterns: patterns, options: options, clock: ContinuousClock(), restoring: positions)
    }
}
