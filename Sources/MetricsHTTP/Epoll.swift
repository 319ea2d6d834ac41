import Glibc

/// A Linux epoll instance, used level-triggered.
///
/// Swift's Glibc module does not include `<sys/epoll.h>`, and this target may not add a C
/// shim, so the three calls are resolved from the already-loaded C library with `dlsym`, and
/// `struct epoll_event` is read and written by its documented layout: packed, 12 bytes, on
/// x86_64 (the kernel ABI), naturally aligned, 16 bytes, elsewhere.
final class Epoll {
    /// Readable, or a pending connection on a listener.
    static let readable: UInt32 = 0x001
    /// Writable.
    static let writable: UInt32 = 0x004
    /// An error on the descriptor; always reported.
    static let error: UInt32 = 0x008
    /// Hang-up; always reported.
    static let hangUp: UInt32 = 0x010

    /// One ready descriptor: the token it was registered with and what is ready.
    struct Event {
        var token: UInt64
        var events: UInt32
    }

    private typealias CreateFunction = @convention(c) (Int32) -> Int32
    private typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    #if arch(x86_64) || arch(i386)
        private static let eventSize = 12
        private static let dataOffset = 4
    #else
        private static let eventSize = 16
        private static let dataOffset = 8
    #endif
    private static let controlAdd: Int32 = 1
    private static let controlDelete: Int32 = 2
    private static let controlModify: Int32 = 3

    private let descriptor: Int32
    private let control: ControlFunction
    private let waitForEvents: WaitFunction
    private let eventBuffer: UnsafeMutableRawPointer
    private let capacity: Int32

    /// Creates an epoll instance that reports up to `capacity` events per wait.
    ///
    /// - Parameter capacity: The most events one `wait` returns.
    /// - Returns: `nil` if the calls cannot be resolved or `epoll_create1` fails (see `errno`).
    init?(capacity: Int) {
        guard let createSymbol = dlsym(nil, "epoll_create1"), let controlSymbol = dlsym(nil, "epoll_ctl"),
            let waitSymbol = dlsym(nil, "epoll_wait")
        else { return nil }
        let create = unsafeBitCast(createSymbol, to: CreateFunction.self)
        descriptor = create(O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        control = unsafeBitCast(controlSymbol, to: ControlFunction.self)
        waitForEvents = unsafeBitCast(waitSymbol, to: WaitFunction.self)
        self.capacity = Int32(capacity)
        eventBuffer = .allocate(byteCount: capacity * Self.eventSize, alignment: 8)
    }

    deinit {
        eventBuffer.deallocate()
        close(descriptor)
    }

    /// Starts watching a descriptor.
    ///
    /// - Returns: `false` if `epoll_ctl` failed (see `errno`).
    func add(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        apply(Self.controlAdd, fd, events: events, token: token)
    }

    /// Changes what a watched descriptor is watched for.
    ///
    /// - Returns: `false` if `epoll_ctl` failed (see `errno`).
    func modify(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        apply(Self.controlModify, fd, events: events, token: token)
    }

    /// Stops watching a descriptor; call before closing it.
    func remove(_ fd: Int32) {
        _ = apply(Self.controlDelete, fd, events: 0, token: 0)
    }

    /// Waits for ready descriptors.
    ///
    /// - Parameter timeoutMilliseconds: The longest wait; 0 polls, -1 waits forever.
    /// - Returns: The ready descriptors; empty on timeout or on `EINTR`.
    func wait(timeoutMilliseconds: Int32) -> [Event] {
        let count = waitForEvents(descriptor, eventBuffer, capacity, timeoutMilliseconds)
        guard count > 0 else { return [] }
        return (0..<Int(count)).map { index in
            let base = eventBuffer + index * Self.eventSize
            return Event(
                token: base.loadUnaligned(fromByteOffset: Self.dataOffset, as: UInt64.self),
                events: base.loadUnaligned(as: UInt32.self)
            )
        }
    }

    private func apply(_ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: Self.eventSize, alignment: 8) { event in
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: token, toByteOffset: Self.dataOffset, as: UInt64.self)
            return control(descriptor, operation, fd, event.baseAddress) == 0
        }
    }
}
