/// Something the tailer did or met besides delivering lines, for logs and self-metrics.
public struct TailEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        /// Tailing of a file started (a new file, one present at start, or a restored one).
        case opened(offset: Int)
        /// The file left its path (renamed, or a symlink now points elsewhere) or was replaced
        /// by another file with the same inode; the old file is drained before the new is read.
        case rotated
        /// The file shrank below what was read, or was rewritten from its start; reading
        /// starts again at byte 0.
        case truncated
        /// The file was deleted; what remained was read and its descriptor closed.
        case deleted
        /// A rotated-away file was drained and is no longer watched.
        case released
        /// A file with unread bytes could not be found again (deleted while closed, or moved
        /// out of its directory); its unread bytes are lost.
        case lost
        /// An unfinished last line was dropped because its file was truncated or let go.
        case partialLineDropped
        /// Opening or reading failed; the file keeps its state and is retried with backoff.
        case readError(ReadErrorReason)
    }

    /// What happened.
    public var kind: Kind
    /// The file's path.
    public var path: String

    /// Creates an event.
    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }
}
