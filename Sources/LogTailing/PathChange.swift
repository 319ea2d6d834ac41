#if canImport(Glibc)
    import Glibc
#endif

/// What a watched path shows now, compared with the file it showed at the last poll.
///
/// A pure decision: the tailer `stat`s the path and acts on the result. A path that cannot be
/// examined (permission denied on its directory, an I/O error) is `unreachable`, never
/// `vanished`: the tailer keeps the file's state and retries.
enum PathChange: Equatable {
    /// What `stat` of the path gave.
    enum Observation: Equatable {
        /// A regular file with this identity.
        case file(FileIdentity)
        /// Something that is not a regular file (a directory, a FIFO), which is never read.
        case notRegularFile
        /// `stat` failed with this `errno`.
        case failed(Int32)
    }

    /// The same file as before.
    case unchanged(FileIdentity)
    /// A file where there was none: a new file, or one present at start.
    case appeared(FileIdentity)
    /// Another file took the path (rename + create, a retargeted symlink): drain the old one
    /// first, then read the new one.
    case switched(from: FileIdentity, to: FileIdentity)
    /// The file left the path (renamed or deleted) and nothing took its place yet.
    case vanished(FileIdentity)
    /// Nothing there, before or now.
    case absent
    /// The path could not be examined; keep the state and retry.
    case unreachable(ReadErrorReason)

    /// Compares the file the path showed with what it shows now.
    ///
    /// - Parameters:
    ///   - previous: The file the path showed at the last poll, if any.
    ///   - observed: What the path shows now.
    init(previous: FileIdentity?, observed: Observation) {
        let current: FileIdentity?
        switch observed {
        case .file(let identity):
            current = identity
        case .notRegularFile:
            current = nil
        case .failed(let code) where code == ENOENT || code == ENOTDIR:
            current = nil
        case .failed(let code):
            self = .unreachable(ReadErrorReason(errno: code))
            return
        }
        switch (previous, current) {
        case (nil, nil): self = .absent
        case (nil, let new?): self = .appeared(new)
        case (let old?, nil): self = .vanished(old)
        case (let old?, let new?): self = old == new ? .unchanged(new) : .switched(from: old, to: new)
        }
    }
}
