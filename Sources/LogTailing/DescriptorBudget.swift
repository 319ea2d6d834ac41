/// How many descriptors the tailer may hold, and which to close when it holds too many.
///
/// Files are read to their end and may then be closed; a closed file is found again by path
/// and checked by identity and fingerprint before it is read on. Files that can be reopened by
/// path are closed before rotated-away ones (which cannot), least recently read first.
enum DescriptorBudget {
    /// One open descriptor, as the budget sees it.
    struct Holder: Equatable {
        /// Whose descriptor it is.
        var identity: FileIdentity
        /// Whether the file left its path, so closing it means letting it go.
        var isRotatedAway: Bool
        /// When it was last read, as a sequence number (higher is more recent).
        var lastUse: Int
    }

    /// The default limit: a quarter of the process's descriptor limit, between 4 and 1024, so
    /// the HTTP server and the rest of the process keep most of them.
    static func defaultLimit(descriptorLimit: Int) -> Int {
        min(1024, max(4, descriptorLimit / 4))
    }

    /// The descriptors to close so that at most `limit` stay open.
    ///
    /// - Parameters:
    ///   - holders: The open descriptors.
    ///   - limit: How many may stay open.
    /// - Returns: The identities to close, in the order to close them.
    static func descriptorsToClose(_ holders: [Holder], toKeep limit: Int) -> [FileIdentity] {
        let excess = holders.count - max(limit, 0)
        guard excess > 0 else { return [] }
        let ranked = holders.sorted {
            ($0.isRotatedAway ? 1 : 0, $0.lastUse, $0.identity.device, $0.identity.inode)
                < ($1.isRotatedAway ? 1 : 0, $1.lastUse, $1.identity.device, $1.identity.inode)
        }
        return ranked.prefix(excess).map(\.identity)
    }
}
