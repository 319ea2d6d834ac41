import Foundation

/// One HTTP response as it came off the socket: status, headers, body bytes.
package struct HTTPReply {
    /// The response could not be split into status line, headers and body.
    package struct ParseError: Error, CustomStringConvertible {
        /// What could not be parsed.
        package var description: String
    }

    /// The status code, e.g. 200.
    package let status: Int
    /// The header fields in order, names as sent.
    package let headers: [(name: String, value: String)]
    /// The bytes after the blank line.
    package let body: [UInt8]

    /// Splits `bytes` at the first blank line.
    ///
    /// - Throws: `ParseError` when there is no blank line or no status code.
    package init(parsing bytes: [UInt8]) throws(ParseError) {
        guard let blank = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw ParseError(description: "no end of head in \(bytes.count) bytes")
        }
        let headLines = String(decoding: bytes[..<blank.lowerBound], as: UTF8.self).components(
            separatedBy: "\r\n")
        let statusWords = headLines[0].split(separator: " ")
        guard statusWords.count >= 2, statusWords[0].hasPrefix("HTTP/1."),
            let status = Int(statusWords[1])
        else {
            throw ParseError(description: "bad status line: \(headLines[0])")
        }
        self.status = status
        self.headers = headLines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]),
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            )
        }
        self.body = Array(bytes[blank.upperBound...])
    }

    /// The value of the header `name` (case-insensitive), if present.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    package var text: String { String(decoding: body, as: UTF8.self) }
}
