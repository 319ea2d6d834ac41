extension HTTPResponse {
    /// The response as sent to a client with the given `Accept-Encoding`: gzipped when it is
    /// compressible and the client accepts gzip.
    ///
    /// A compressible response always gains `Vary: Accept-Encoding`, compressed or not, so
    /// caches keep the two variants apart. A body that is empty or already has a
    /// `Content-Encoding` is left alone. If zlib fails, the body is sent uncompressed.
    ///
    /// - Parameters:
    ///   - acceptEncoding: The request's parsed `Accept-Encoding`.
    ///   - encoder: The gzip encoder.
    /// - Returns: The response to send, and zlib's error if compression failed.
    func negotiatingCompression(
        for acceptEncoding: AcceptEncoding,
        using encoder: GzipEncoder
    ) -> (response: HTTPResponse, failure: GzipError?) {
        guard isCompressible else { return (self, nil) }
        var result = self
        result.headers.add(name: "Vary", value: "Accept-Encoding")
        guard acceptEncoding.accepts("gzip"), !body.isEmpty, !headers.contains("Content-Encoding") else {
            return (result, nil)
        }
        do {
            result.body = try encoder.compress(body)
        } catch {
            return (result, error)
        }
        result.headers.add(name: "Content-Encoding", value: "gzip")
        return (result, nil)
    }
}
