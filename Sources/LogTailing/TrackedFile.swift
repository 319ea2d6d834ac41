/// Everything the tailer knows about one file it tails, keyed by the file's identity.
struct TrackedFile {
    /// Where reading starts, decided when the file is first opened.
    enum Start: Equatable {
        /// At byte 0.
        case beginning
        /// After the last complete line the file holds when first opened.
        case end
        /// At a saved offset (the start of a line, unless that line was over the limit).
        case resume(offset: Int)
    }

    /// How many bytes before the read offset are remembered, to notice a rewrite that keeps
    /// the first bytes (a log with a fixed header) but changes what follows.
    static let recentByteCount = 32

    /// The file's device and inode.
    let identity: FileIdentity
    /// Where the file was last found.
    var path: String
    /// The hash of the file's first bytes, as last checked.
    var fingerprint: Fingerprint
    /// Bytes handed to the splitter, including an unfinished last line.
    var readOffset = 0
    /// The file's line state.
    var splitter: LineSplitter
    /// Up to `recentByteCount` bytes that end at `readOffset`.
    var recentBytes: [UInt8] = []
    /// The size and modification time after the last read.
    var lastSeen: (size: Int, modificationTime: Int64)?
    /// The latest size known, for the unread-bytes gauge.
    var knownSize = 0
    /// The open descriptor, if any.
    var descriptor: Int32?
    /// Whether the descriptor stayed open since the last read (which rules out inode reuse).
    var wasHeldOpen = false
    /// When the file was last read, as a sequence number.
    var lastUse = 0
    /// Retries after open or read errors.
    var backoff = RetryBackoff()
    /// Set once the file left every watched path.
    var rotatedWatch: RotatedFileWatch?
    /// Where reading starts, until the file is first opened.
    var pendingStart: Start?

    /// Starts tracking a file that has not been opened yet.
    init(identity: FileIdentity, path: String, start: Start, fingerprint: Fingerprint, maxLineLength: Int) {
        self.identity = identity
        self.path = path
        self.fingerprint = fingerprint
        self.splitter = LineSplitter(maxLineLength: maxLineLength)
        self.pendingStart = start
    }

    /// The file as the sink and events name it.
    var tailedFile: TailedFile { TailedFile(path: path, identity: identity) }

    /// The start of the first line not yet delivered.
    var consumedOffset: Int { readOffset - splitter.pendingByteCount }

    /// Records bytes just read, which end at the new `readOffset`.
    mutating func remember(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= Self.recentByteCount {
            recentBytes = Array(bytes.suffix(Self.recentByteCount))
        } else {
            recentBytes.append(contentsOf: bytes)
            recentBytes.removeFirst(max(0, recentBytes.count - Self.recentByteCount))
        }
        readOffset += bytes.count
    }

    /// Forgets everything read, to read the file again from byte 0.
    ///
    /// - Returns: Whether an unfinished line was dropped.
    mutating func restartAtZero() -> Bool {
        let dropped = splitter.dropPartialLine()
        splitter.restartAtFileStart()
        readOffset = 0
        recentBytes = []
        fingerprint = .empty
        return dropped
    }
}
