import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `--state-file`: saved atomically, read defensively.
///
/// Saving writes a temporary file beside the target, fsyncs it, renames it over the target and
/// fsyncs the directory, so a crash at any point leaves either the old state or the new one —
/// never a torn or NUL-filled file (Promtail's positions file was found full of NULs). Loading
/// refuses anything that is not a complete state of this version, with a reason; the exporter
/// then starts from the files instead of crash-looping.
struct StateFile: Sendable {
    /// Why a state file could not be used or written.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The file's path.
    let path: String

    /// Reads the saved state.
    ///
    /// - Returns: The state, or `nil` when there is no file yet.
    /// - Throws: `Failure` for an empty, truncated, NUL-filled, unparsable or other-version file.
    func load() throws(Failure) -> PersistedState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        guard !data.isEmpty else { throw Failure(description: "\(path) is empty") }
        guard !data.contains(0) else {
            throw Failure(description: "\(path) contains NUL bytes: it was not written completely")
        }
        struct VersionOnly: Decodable { var version: Int }
        guard let version = try? JSONDecoder().decode(VersionOnly.self, from: data).version else {
            throw Failure(description: "\(path) is not a complete state file (truncated or not JSON)")
        }
        guard version == PersistedState.currentVersion else {
            throw Failure(
                description: "\(path) has state format \(version); this exporter reads \(PersistedState.currentVersion)"
            )
        }
        do {
            return try JSONDecoder().decode(PersistedState.self, from: data)
        } catch {
            throw Failure(description: "\(path) does not hold a valid state: \(error)")
        }
    }

    /// Writes `state` atomically.
    ///
    /// - Throws: `Failure` naming the step that failed; the previous file is then untouched.
    func save(_ state: PersistedState) throws(Failure) {
        let data: Data
        do {
            data = try JSONEncoder().encode(state)
        } catch {
            throw Failure(description: "cannot encode the state: \(error)")
        }
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary): \(Self.lastError())") }
        let written = data.withUnsafeBytes { bytes in Self.writeAll(bytes, to: descriptor) }
        let synced = written && fsync(descriptor) == 0
        let error = Self.lastError()
        close(descriptor)
        guard synced else {
            unlink(temporary)
            throw Failure(description: "cannot write \(temporary): \(error)")
        }
        guard rename(temporary, path) == 0 else {
            let renameError = Self.lastError()
            unlink(temporary)
            throw Failure(description: "cannot rename \(temporary) to \(path): \(renameError)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            // Makes the rename itself durable.
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, base + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
