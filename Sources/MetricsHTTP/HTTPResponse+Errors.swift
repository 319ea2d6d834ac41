extension HTTPResponse {
    /// A short plain-text response the server sends itself: `CODE Reason` and a newline.
    ///
    /// - Parameters:
    ///   - status: The status.
    ///   - headers: Extra fields, such as `Allow` or `Retry-After`.
    /// - Returns: The response.
    static func plainText(_ status: HTTPStatus, headers: HTTPHeaders = []) -> HTTPResponse {
        var allHeaders: HTTPHeaders = [("Content-Type", "text/plain; charset=utf-8")]
        for field in headers { allHeaders.add(name: field.name, value: field.value) }
        return HTTPResponse(
            status: status, headers: allHeaders, body: Array("\(status.code) \(status.reasonPhrase)\n".utf8))
    }
}
