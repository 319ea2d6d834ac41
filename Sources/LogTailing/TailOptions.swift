/// How a `FileTailer` behaves; every field has a default that suits a live exporter.
public struct TailOptions: Sendable, Equatable {
    /// Where reading starts in the files that already exist on the first poll.
    public enum StartPosition: Sendable, Equatable {
        /// Read every file from byte 0 (replay the history).
        case beginning
        /// Skip what the files held at the first poll: start after their last complete line.
        /// Files that appear later are still read from their beginning.
        case end
    }

    /// Where reading starts in files present at the first poll.
    public var startAt: StartPosition
    /// How often the caller is expected to poll; also the first retry delay after an error.
    public var pollInterval: Duration
    /// Lines longer than this many bytes are skipped and reported as `.tooLong`.
    public var maxLineLength: Int
    /// The least time between two expansions of the patterns (a changed path forces one).
    public var rescanInterval: Duration
    /// The longest delay between retries of a file that cannot be opened or read.
    public var maxRetryDelay: Duration
    /// How long a rotated-away file that is still open is watched for late writes once it
    /// stops growing; it is always drained to its end before it is let go.
    public var rotateWait: Duration
    /// The most descriptors the tailer keeps open at once; `nil` derives it from the process's
    /// `RLIMIT_NOFILE` (a quarter of it, between 4 and 1024).
    public var maxOpenFiles: Int?
    /// The size of one read; the sink sees one chunk per read.
    public var readChunkSize: Int

    /// Creates options; see each property for its meaning.
    public init(
        startAt: StartPosition = .beginning,
        pollInterval: Duration = .milliseconds(250),
        maxLineLength: Int = 1 << 20,
        rescanInterval: Duration = .seconds(1),
        maxRetryDelay: Duration = .seconds(30),
        rotateWait: Duration = .seconds(5),
        maxOpenFiles: Int? = nil,
        readChunkSize: Int = 1 << 20
    ) {
        self.startAt = startAt
        self.pollInterval = pollInterval
        self.maxLineLength = maxLineLength
        self.rescanInterval = rescanInterval
        self.maxRetryDelay = maxRetryDelay
        self.rotateWait = rotateWait
        self.maxOpenFiles = maxOpenFiles
        self.readChunkSize = readChunkSize
    }
}
