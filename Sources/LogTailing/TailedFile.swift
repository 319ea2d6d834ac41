/// The file a chunk of lines or an event is about.
public struct TailedFile: Sendable, Hashable {
    /// Where the file was found (a rotated file keeps being named by its new path, if known).
    public var path: String
    /// The file's device and inode.
    public var identity: FileIdentity

    /// Creates a file reference.
    public init(path: String, identity: FileIdentity) {
        self.path = path
        self.identity = identity
    }
}
