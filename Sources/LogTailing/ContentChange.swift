/// What happened to a file's content since it was last read.
///
/// A pure decision from the file's size and two checks: the fingerprint of its first bytes,
/// and the bytes just before the read offset. A size-only check misses a file truncated and
/// refilled past the old offset between two polls (grok_exporter#84 read "72" for "4072");
/// either check catches that, and then reading starts again at byte 0 instead of in the
/// middle of a line.
enum ContentChange: Equatable {
    /// Nothing new.
    case unchanged
    /// Bytes were appended after the read offset.
    case appended
    /// The file was truncated (or rewritten from its start) while we held it open: it is the
    /// same file, so read it again from byte 0.
    case truncated
    /// The content is not the one read before and we did not hold the file open, so another
    /// file may have reused the inode: a rotation; read the new content from byte 0.
    case replaced

    /// Whether a file needs its content checked and read this poll.
    ///
    /// A file whose size and modification time are the ones last seen, and which was read to
    /// that size, is skipped without being opened.
    ///
    /// - Parameters:
    ///   - lastSeen: The size and modification time after the last read, if it was read.
    ///   - current: The size and modification time now.
    ///   - readOffset: Bytes read so far.
    static func needsInspection(lastSeen: (size: Int, modificationTime: Int64)?, current: FileStatus, readOffset: Int)
        -> Bool
    {
        guard let lastSeen else { return true }
        return lastSeen.size != current.size || lastSeen.modificationTime != current.modificationTime
            || readOffset != current.size
    }

    /// Classifies the change.
    ///
    /// - Parameters:
    ///   - readOffset: Bytes read so far.
    ///   - size: The file's size now.
    ///   - prefixMatches: Whether the file still starts with the fingerprinted bytes.
    ///   - tailMatches: Whether the bytes before `readOffset` are the ones read there.
    ///   - wasHeldOpen: Whether our descriptor stayed open since the last read, which rules out
    ///     inode reuse.
    init(readOffset: Int, size: Int, prefixMatches: Bool, tailMatches: Bool, wasHeldOpen: Bool) {
        let isRewritten = size < readOffset || !prefixMatches || !tailMatches
        if isRewritten {
            self = wasHeldOpen || size < readOffset ? .truncated : .replaced
        } else {
            self = size > readOffset ? .appended : .unchanged
        }
    }
}
