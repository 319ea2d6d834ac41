/// What a `stat(2)` of a file tells the tailer.
struct FileStatus: Sendable, Equatable {
    /// Device and inode.
    var identity: FileIdentity
    /// Size in bytes.
    var size: Int
    /// Modification time in nanoseconds since the epoch.
    var modificationTime: Int64
    /// Hard links; 0 once the file is deleted.
    var linkCount: Int
    /// Whether it is a regular file (not a directory, FIFO or device, which are never read).
    var isRegularFile: Bool
}

/// The system calls the tailer makes, so tests can make one of them fail at will.
///
/// Failures are `errno` values. Every call returns at once; none blocks on a FIFO or device.
protocol TailFileSystem {
    /// The paths that match a glob(3) pattern; unreadable directories are skipped.
    func expand(pattern: String) -> [String]
    /// `stat(2)`, following symbolic links.
    func status(ofPath path: String) -> Result<FileStatus, Errno>
    /// Opens a file for reading, non-blocking and close-on-exec.
    func open(_ path: String) -> Result<Int32, Errno>
    /// `fstat(2)`.
    func status(ofDescriptor descriptor: Int32) -> Result<FileStatus, Errno>
    /// Reads the chunk at `offset` into `buffer`.
    func read(_ descriptor: Int32, at offset: Int, into buffer: ReadBuffer) -> ReadBuffer.Outcome
    /// Reads up to `count` bytes at `offset` (fewer at the end of the file).
    func bytes(of descriptor: Int32, at offset: Int, count: Int) -> Result<[UInt8], Errno>
    /// Closes a descriptor.
    func close(_ descriptor: Int32)
    /// The names in a directory, without `.` and `..`.
    func entries(ofDirectory path: String) -> Result<[String], Errno>
}

/// An `errno` value from a failed system call.
struct Errno: Error, Equatable {
    /// The value.
    var code: Int32
}
