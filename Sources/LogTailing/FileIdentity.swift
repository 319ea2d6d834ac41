/// Which file an open descriptor or a path refers to, as the kernel names it.
///
/// Equal identities mean the same inode on the same device *at the time they were taken*:
/// inodes are reused after a file is deleted, so an identity alone never proves that content
/// is the same — pair it with a `Fingerprint`.
public struct FileIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The device the file lives on (`st_dev`).
    public var device: UInt64
    /// The file's inode number on that device (`st_ino`).
    public var inode: UInt64

    /// Creates an identity from `stat` fields.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// `device:inode`, for logs.
    public var description: String { "\(device):\(inode)" }
}
