/// Where the server listens and the limits that keep a hostile network from taking it down.
///
/// Every limit has a default fit for a metrics endpoint scraped by a few Prometheus servers;
/// tests shorten the timeouts.
public struct HTTPServerConfiguration: Sendable, Hashable {
    /// The host to bind: an IPv4 or IPv6 address or a host name; empty for every interface
    /// (IPv6 and IPv4 where the system allows both).
    public var host: String
    /// The TCP port; 0 for a free one chosen by the system.
    public var port: UInt16
    /// The largest header section accepted, in bytes; larger is answered with 431.
    public var maxHeaderSectionSize: Int
    /// The longest request target accepted, in bytes; longer is answered with 414.
    public var maxRequestTargetLength: Int
    /// Time allowed for a whole header section, from its first byte (or from the accept);
    /// trickling bytes do not extend it (slowloris).
    public var headerReadTimeout: Duration
    /// Time a kept-alive connection may wait for its next request.
    public var idleTimeout: Duration
    /// Time allowed to write one response; a client that does not read is cut after it.
    public var writeTimeout: Duration
    /// Time spent discarding input after a response that closes the connection, so the
    /// client reads the response rather than a reset.
    public var closeLingerTimeout: Duration
    /// The most connections open at once; past it a new connection is accepted and closed at
    /// once, so the listen queue never fills and existing connections are not affected.
    public var maxConnections: Int
    /// The most requests in handlers at once, and the number of worker threads; past it a
    /// request is answered with 503 and `Retry-After`.
    public var maxConcurrentRequests: Int
    /// The `Retry-After` value, in seconds, sent with 503.
    public var retryAfterSeconds: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - host: The host to bind; empty for every interface.
    ///   - port: The TCP port; 0 for a free one.
    ///   - maxHeaderSectionSize: Default 8 KiB.
    ///   - maxRequestTargetLength: Default 8 KiB.
    ///   - headerReadTimeout: Default 10 s.
    ///   - idleTimeout: Default 90 s, longer than the usual 60 s scrape interval so a scraper's
    ///     connection survives between scrapes.
    ///   - writeTimeout: Default 30 s.
    ///   - closeLingerTimeout: Default 2 s.
    ///   - maxConnections: Default 2048.
    ///   - maxConcurrentRequests: Default 8.
    ///   - retryAfterSeconds: Default 1.
    public init(
        host: String = "",
        port: UInt16,
        maxHeaderSectionSize: Int = 8192,
        maxRequestTargetLength: Int = 8192,
        headerReadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(90),
        writeTimeout: Duration = .seconds(30),
        closeLingerTimeout: Duration = .seconds(2),
        maxConnections: Int = 2048,
        maxConcurrentRequests: Int = 8,
        retryAfterSeconds: Int = 1
    ) {
        self.host = host
        self.port = port
        self.maxHeaderSectionSize = maxHeaderSectionSize
        self.maxRequestTargetLength = maxRequestTargetLength
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.closeLingerTimeout = closeLingerTimeout
        self.maxConnections = maxConnections
        self.maxConcurrentRequests = maxConcurrentRequests
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Creates a configuration listening on a parsed address, with default limits.
    ///
    /// - Parameter listenAddress: The address, e.g. from `ListenAddress(parsing: ":10042")`.
    public init(listenAddress: ListenAddress) {
        let host: String
        switch listenAddress.host {
        case .any: host = ""
        case .ipv4(let address), .ipv6(let address), .name(let address): host = address
        }
        self.init(host: host, port: listenAddress.port)
    }

    /// Checks that every limit is positive.
    ///
    /// - Throws: `HTTPServerError.invalidConfiguration` naming the first bad limit.
    public func validate() throws(HTTPServerError) {
        let counts = [
            ("maxHeaderSectionSize", maxHeaderSectionSize), ("maxRequestTargetLength", maxRequestTargetLength),
            ("maxConnections", maxConnections), ("maxConcurrentRequests", maxConcurrentRequests),
        ]
        for (name, value) in counts where value < 1 {
            throw .invalidConfiguration("\(name) must be at least 1, not \(value)")
        }
        if retryAfterSeconds < 0 { throw .invalidConfiguration("retryAfterSeconds must not be negative") }
        let durations = [
            ("headerReadTimeout", headerReadTimeout), ("idleTimeout", idleTimeout), ("writeTimeout", writeTimeout),
            ("closeLingerTimeout", closeLingerTimeout),
        ]
        for (name, value) in durations where value <= .zero {
            throw .invalidConfiguration("\(name) must be longer than zero, not \(value)")
        }
    }
}
