/// Where tailing stopped in one file, to be saved and restored across restarts.
///
/// `offset` is the start of the first line not yet delivered: bytes of an unfinished line are
/// not counted as consumed, so a restored tailer reads that line whole once its `\n` arrives.
/// `identity` and `fingerprint` find the file again, even under another name in the same
/// directory after a rotation.
public struct TailPosition: Sendable, Hashable, Codable {
    /// Where the file was last seen.
    public var path: String
    /// The file's device and inode.
    public var identity: FileIdentity
    /// The hash of the file's first bytes.
    public var fingerprint: Fingerprint
    /// Bytes of the file already delivered as complete lines (or skipped as such).
    public var offset: Int

    /// Creates a position from saved fields.
    public init(path: String, identity: FileIdentity, fingerprint: Fingerprint, offset: Int) {
        self.path = path
        self.identity = identity
        self.fingerprint = fingerprint
        self.offset = offset
    }
}
