import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes to log files the way an application does, for the live tests.
package enum LogFileWrite {
    /// Appends `text` to `file`, creating it if needed, in one `write(2)` with `O_APPEND`, so
    /// a reader never sees half of it unless the text itself is half a line.
    ///
    /// - Throws: `POSIXError` when the file cannot be opened or not all of it was written.
    package static func append(_ text: String, to file: URL) throws {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
