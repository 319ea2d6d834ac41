/// Why the server could not be created or started.
public enum HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A limit in the configuration is out of range.
    case invalidConfiguration(String)
    /// The host could not be resolved to an address.
    case cannotResolve(host: String, reason: String)
    /// A socket call failed while setting up the listener.
    case cannotListen(address: String, call: String, errno: Int32)
    /// `start()` was called on a server that was already started.
    case alreadyStarted

    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case .invalidConfiguration(let reason):
            return "Invalid HTTP server configuration: \(reason)."
        case .cannotResolve(let host, let reason):
            return "Cannot resolve listen host '\(host)': \(reason)."
        case .cannotListen(let address, let call, let code):
            return "Cannot listen on \(address): \(call) failed: \(SystemError.message(for: code))."
        case .alreadyStarted:
            return "The HTTP server was already started; create a new one to start again."
        }
    }
}
