import Glibc

/// Where the server listens: a host (or every interface) and a TCP port.
///
/// Parsed from the forms users write on a command line: `:PORT` (every interface, IPv4 and
/// IPv6), `HOST:PORT` with an IPv4 address or a host name, and `[IPV6]:PORT`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host part of a listen address.
    public enum Host: Sendable, Hashable {
        /// Every interface, IPv6 and IPv4 where the system allows both.
        case any
        /// An IPv4 address in dotted-decimal form, e.g. `127.0.0.1`.
        case ipv4(String)
        /// An IPv6 address without brackets, e.g. `::1`.
        case ipv6(String)
        /// A host name resolved when the server starts, e.g. `localhost`.
        case name(String)
    }

    /// The host.
    public var host: Host
    /// The TCP port; 0 asks the system for a free one (see `HTTPServer.boundPort`).
    public var port: UInt16

    /// Creates an address from its parts.
    ///
    /// - Parameters:
    ///   - host: The host.
    ///   - port: The TCP port.
    public init(host: Host, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `:PORT`, `HOST:PORT` or `[IPV6]:PORT`.
    ///
    /// - Parameter text: The address as the user wrote it.
    /// - Throws: `ListenAddressError` naming what is wrong.
    public init(parsing text: String) throws(ListenAddressError) {
        guard !text.isEmpty else { throw .empty }
        let hostText: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .unclosedBracket(text) }
            hostText = text[text.index(after: text.startIndex)..<close]
            let afterBracket = text[text.index(after: close)...]
            guard afterBracket.hasPrefix(":") else { throw .missingPort(text) }
            portText = afterBracket.dropFirst()
            guard Self.isIPv6(hostText) else { throw .invalidHost(text, host: String(hostText)) }
            host = .ipv6(String(hostText))
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw .missingPort(text) }
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
            if hostText.contains(":") { throw .unbracketedIPv6(text) }
            if hostText.isEmpty {
                host = .any
            } else if Self.isIPv4(hostText) {
                host = .ipv4(String(hostText))
            } else if Self.isHostName(hostText) {
                host = .name(String(hostText))
            } else {
                throw .invalidHost(text, host: String(hostText))
            }
        }
        guard (1...5).contains(portText.utf8.count), portText.utf8.allSatisfy(ASCII.isDigit),
            let port = UInt16(portText)
        else { throw .invalidPort(text, port: String(portText)) }
        self.port = port
    }

    /// The address in the form `init(parsing:)` reads: `:9090`, `127.0.0.1:9090`, `[::1]:9090`.
    public var description: String {
        switch host {
        case .any: ":\(port)"
        case .ipv4(let address), .name(let address): "\(address):\(port)"
        case .ipv6(let address): "[\(address)]:\(port)"
        }
    }

    private static func isIPv4(_ text: Substring) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, String(text), &address) == 1
    }

    private static func isIPv6(_ text: Substring) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, String(text), &address) == 1
    }

    /// A DNS name (RFC 1123): dot-separated labels of letters, digits and inner hyphens; not all digits.
    private static func isHostName(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 253, !text.utf8.allSatisfy({ ASCII.isDigit($0) || $0 == UInt8(ascii: ".") })
        else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ASCII.isLetterOrDigit($0) }
        }
    }
}

/// Why a listen address could not be parsed; each description is a sentence a user can act on.
public enum ListenAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The address is empty.
    case empty
    /// No `:PORT` at the end.
    case missingPort(String)
    /// The port is not a number from 0 to 65535.
    case invalidPort(String, port: String)
    /// The host is not an IPv4 address, a bracketed IPv6 address or a host name.
    case invalidHost(String, host: String)
    /// An IPv6 address without brackets, which makes the port ambiguous.
    case unbracketedIPv6(String)
    /// `[` without `]`.
    case unclosedBracket(String)

    /// What is wrong and the forms that work.
    public var description: String {
        let forms = "use :PORT, HOST:PORT or [IPV6]:PORT, e.g. :9090, 127.0.0.1:9090 or [::1]:9090"
        switch self {
        case .empty:
            return "The listen address is empty; \(forms)."
        case .missingPort(let text):
            return "The listen address '\(text)' has no port; \(forms)."
        case .invalidPort(let text, let port):
            return "The listen address '\(text)' has port '\(port)', which is not a number from 0 to 65535."
        case .invalidHost(let text, let host):
            return "The listen address '\(text)' has host '\(host)', which is not an IP address or host name; \(forms)."
        case .unbracketedIPv6(let text):
            return "The listen address '\(text)' looks like an IPv6 address without brackets; write it as [IPV6]:PORT."
        case .unclosedBracket(let text):
            return "The listen address '\(text)' opens '[' without closing it; write IPv6 addresses as [IPV6]:PORT."
        }
    }
}
