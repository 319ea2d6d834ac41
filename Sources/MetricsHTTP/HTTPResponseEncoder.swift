/// Turns a response into the bytes sent on the wire. Pure: no I/O, no clock.
///
/// Always `HTTP/1.1` (RFC 9110 §6.2: a server sends its own highest version), always
/// `Content-Length`, never chunked. Fields the server owns (`Content-Length`,
/// `Transfer-Encoding`, `Connection`, `Date`) and fields that could break the message (a
/// name that is not a token, a value with CR, LF or other controls) are dropped from the
/// response's own fields. `1xx`, `204` and `304` responses carry no `Content-Length` and no body.
package enum HTTPResponseEncoder {
    /// Encodes a response.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - omittingBody: `true` for a `HEAD` request: the same head, no body.
    ///   - keepAlive: Whether the connection stays open; `false` sends `Connection: close`.
    ///   - requestVersion: An HTTP/1.0 client kept alive is sent `Connection: keep-alive`.
    ///   - date: The `Date` value (IMF-fixdate), or `nil` to send none.
    /// - Returns: The status line, header section and body.
    package static func encode(
        _ response: HTTPResponse,
        omittingBody: Bool,
        keepAlive: Bool,
        requestVersion: HTTPVersion,
        date: String?
    ) -> [UInt8] {
        let status = (100...999).contains(response.status.code) ? response.status : .internalServerError
        let hasNoContent = status.code < 200 || status.code == 204 || status.code == 304
        var head = "HTTP/1.1 \(status.code) \(sanitised(status.reasonPhrase))\r\n"
        for field in response.headers where isSendable(field) {
            head += "\(field.name): \(field.value)\r\n"
        }
        if !hasNoContent { head += "Content-Length: \(response.body.count)\r\n" }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if requestVersion == .http1_0 {
            head += "Connection: keep-alive\r\n"
        }
        if let date { head += "Date: \(date)\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !omittingBody && !hasNoContent { bytes += response.body }
        return bytes
    }

    /// The header fields the server sets itself.
    private static let ownedFieldNames = ["Content-Length", "Transfer-Encoding", "Connection", "Date"]

    /// Whether a response field may be sent as given.
    private static func isSendable(_ field: HTTPHeaders.Field) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(ASCII.isTokenCharacter)
            && field.value.utf8.allSatisfy(ASCII.isFieldValueCharacter)
            && !ownedFieldNames.contains { field.name.isEqualIgnoringASCIICase(to: $0) }
    }

    /// The reason phrase with characters that could break the status line removed.
    private static func sanitised(_ reasonPhrase: String) -> String {
        String(decoding: reasonPhrase.utf8.filter(ASCII.isFieldValueCharacter), as: UTF8.self)
    }
}
