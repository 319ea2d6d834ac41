import Foundation
import Synchronization
import Testing

@testable import LogTailing

/// A clock that moves only when a test advances it.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        current.withLock { $0 = max($0, deadline) }
    }

    func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }
}

/// Records what a tailer delivers, checking the chunk protocol as it goes.
struct RecordingSink: TailSink {
    /// Lines as `"name: text"` (name = the file's last path component), `"name: <too long>"`.
    var lines: [String] = []
    var events: [TailEvent] = []
    var chunkBytes = 0
    private(set) var protocolViolations: [String] = []
    private var chunkFile: TailedFile?

    mutating func consumeChunk(
        of file: TailedFile, bytes: Int,
        _ deliverLines: (_ claim: (UnsafeRawBufferPointer) -> Int, _ body: (LineSplitter.Event) -> Void) -> Void
    ) {
        if chunkFile != nil { protocolViolations.append("nested chunk") }
        chunkFile = file
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        var delivered: [String] = []
        deliverLines({ _ in 0 }) { event in
            switch event {
            case .line(let bytes): delivered.append("\(name): \(String(decoding: bytes, as: UTF8.self))")
            case .tooLong: delivered.append("\(name): <too long>")
            }
        }
        lines += delivered
        chunkFile = nil
        chunkBytes += bytes
    }

    mutating func note(_ event: TailEvent) {
        if chunkFile != nil { protocolViolations.append("note inside a chunk") }
        events.append(event)
    }

    /// Returns and clears the lines delivered so far.
    mutating func takeLines() -> [String] {
        defer { lines = [] }
        return lines
    }

    /// Returns and clears the events so far, as `"kind name"` strings.
    mutating func takeEvents() -> [String] {
        defer { events = [] }
        return events.map { event in
            let name = event.path.split(separator: "/").last.map(String.init) ?? event.path
            return "\(event.kind) \(name)"
        }
    }
}

/// A fresh temporary directory with helpers that write files the way applications do.
final class TempDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/logtailing-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Errno(code: errno) }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ name: String) -> String { path + "/" + name }

    /// Creates or replaces the file's content (same inode if it exists: O_TRUNC).
    func write(_ name: String, _ text: String) throws {
        try write(name, bytes: Array(text.utf8), flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    /// Appends, as a logging application does.
    func append(_ name: String, _ text: String) throws {
        try write(name, bytes: Array(text.utf8), flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    func rename(_ old: String, to new: String) throws {
        guard Glibc.rename(url(old), url(new)) == 0 else { throw Errno(code: errno) }
    }

    func remove(_ name: String) throws {
        guard unlink(url(name)) == 0 else { throw Errno(code: errno) }
    }

    func truncate(_ name: String, to size: Int) throws {
        guard Glibc.truncate(url(name), off_t(size)) == 0 else { throw Errno(code: errno) }
    }

    /// Points `name` at `target` atomically (a new link renamed over the old one).
    func symlink(_ name: String, to target: String) throws {
        let temporary = url(name + ".new-link")
        guard Glibc.symlink(target, temporary) == 0, Glibc.rename(temporary, url(name)) == 0 else {
            throw Errno(code: errno)
        }
    }

    func makeDirectory(_ name: String) throws {
        guard mkdir(url(name), 0o755) == 0 else { throw Errno(code: errno) }
    }

    func identity(_ name: String) throws -> FileIdentity {
        guard case .success(let status) = SystemFileSystem().status(ofPath: url(name)) else { throw Errno(code: errno) }
        return status.identity
    }

    private func write(_ name: String, bytes: [UInt8], flags: Int32) throws {
        let descriptor = open(url(name), flags, 0o644)
        guard descriptor >= 0 else { throw Errno(code: errno) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Errno(code: errno) }
    }
}

/// The real file system, with faults a test switches on: `errno` for `open` or `read` of
/// chosen paths, identities mapped to others (to fake inode reuse), and a count of the
/// descriptors held.
final class FaultyFileSystem: TailFileSystem, Sendable {
    struct Faults {
        var openErrors: [String: Int32] = [:]
        var readErrors: Int32?
        var aliases: [FileIdentity: FileIdentity] = [:]
        var openDescriptors = Set<Int32>()
        var mostOpenDescriptors = 0
        var opens = 0
    }

    let faults = Mutex(Faults())
    private let system = SystemFileSystem()

    func failOpen(of path: String, with code: Int32?) { faults.withLock { $0.openErrors[path] = code } }
    func failReads(with code: Int32?) { faults.withLock { $0.readErrors = code } }
    func alias(_ real: FileIdentity, as fake: FileIdentity) { faults.withLock { $0.aliases[real] = fake } }
    var mostOpenDescriptors: Int { faults.withLock { $0.mostOpenDescriptors } }
    var openDescriptorCount: Int { faults.withLock { $0.openDescriptors.count } }
    var opens: Int { faults.withLock { $0.opens } }

    func expand(pattern: String) -> [String] { system.expand(pattern: pattern) }

    func status(ofPath path: String) -> Result<FileStatus, Errno> {
        system.status(ofPath: path).map(aliased)
    }

    func open(_ path: String) -> Result<Int32, Errno> {
        if let code = faults.withLock({ $0.openErrors[path] }) { return .failure(Errno(code: code)) }
        let result = system.open(path)
        if case .success(let descriptor) = result {
            faults.withLock {
                $0.opens += 1
                $0.openDescriptors.insert(descriptor)
                $0.mostOpenDescriptors = max($0.mostOpenDescriptors, $0.openDescriptors.count)
            }
        }
        return result
    }

    func status(ofDescriptor descriptor: Int32) -> Result<FileStatus, Errno> {
        system.status(ofDescriptor: descriptor).map(aliased)
    }

    func read(_ descriptor: Int32, at offset: Int, into buffer: ReadBuffer) -> ReadBuffer.Outcome {
        if let code = faults.withLock({ $0.readErrors }) { return .failure(code) }
        return system.read(descriptor, at: offset, into: buffer)
    }

    func bytes(of descriptor: Int32, at offset: Int, count: Int) -> Result<[UInt8], Errno> {
        system.bytes(of: descriptor, at: offset, count: count)
    }

    func close(_ descriptor: Int32) {
        faults.withLock { _ = $0.openDescriptors.remove(descriptor) }
        system.close(descriptor)
    }

    func entries(ofDirectory path: String) -> Result<[String], Errno> { system.entries(ofDirectory: path) }

    private func aliased(_ status: FileStatus) -> FileStatus {
        var status = status
        status.identity = faults.withLock { $0.aliases[status.identity] } ?? status.identity
        return status
    }
}

/// Options for scenario tests: patterns re-expanded on every poll, rotated files released at once.
func scenarioOptions(
    startAt: TailOptions.StartPosition = .beginning,
    maxLineLength: Int = 1 << 20,
    rotateWait: Duration = .zero,
    maxOpenFiles: Int? = nil,
    readChunkSize: Int = 1 << 16
) -> TailOptions {
    TailOptions(
        startAt: startAt,
        pollInterval: .milliseconds(250),
        maxLineLength: maxLineLength,
        rescanInterval: .zero,
        maxRetryDelay: .seconds(8),
        rotateWait: rotateWait,
        maxOpenFiles: maxOpenFiles,
        readChunkSize: readChunkSize
    )
}
