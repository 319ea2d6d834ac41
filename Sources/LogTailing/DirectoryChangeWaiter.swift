#if canImport(Glibc)
    import Glibc
#endif

/// Waits for the next poll: until the poll interval passes, a watched directory changes
/// (Linux inotify), or another thread calls `interrupt()`.
///
/// inotify only makes tailing faster — an append is seen within milliseconds instead of at the
/// next poll. Nothing depends on it: it misses changes on NFS and can overflow, and then the
/// poll interval still bounds the delay. When inotify is unavailable the waiter only sleeps.
public final class DirectoryChangeWaiter: Sendable {
    private let inotify: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// Watches the directories that hold the files of `patterns` (globs in the directory part
    /// are expanded now; directories that appear later are found by polling only).
    public init(patterns: [String]) {
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        var pipeEnds: [Int32] = [-1, -1]
        if pipe(&pipeEnds) == 0 {
            for end in pipeEnds {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            pipeEnds = [-1, -1]
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        guard inotify >= 0 else { return }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE | IN_ATTRIB)
        for directory in Set(patterns.flatMap(Self.directories(of:))) {
            _ = inotify_add_watch(inotify, directory, mask)
        }
    }

    deinit {
        for descriptor in [inotify, wakeRead, wakeWrite] where descriptor >= 0 {
            close(descriptor)
        }
    }

    /// Blocks until `timeout` passes, a watched directory changes, or `interrupt()` is called.
    ///
    /// - Returns: Whether it woke before the timeout.
    @discardableResult
    public func wait(timeout: Duration) -> Bool {
        var descriptors = [
            pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = Int32(
            clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&descriptors, nfds_t(descriptors.count), max(0, milliseconds))
        guard ready > 0 else { return false }
        drain(inotify)
        drain(wakeRead)
        return true
    }

    /// Wakes a thread blocked in `wait(timeout:)` (safe from any thread).
    public func interrupt() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func drain(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// The existing directories a pattern's files live in.
    private static func directories(of pattern: String) -> [String] {
        guard let slash = pattern.lastIndex(of: "/") else { return ["."] }
        let directory = slash == pattern.startIndex ? "/" : String(pattern[..<slash])
        guard directory.contains(where: { "*?[".contains($0) }) else { return [directory] }
        return FilePattern.matches(of: directory)
    }
}
