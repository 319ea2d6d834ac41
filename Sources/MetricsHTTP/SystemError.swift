import Glibc

/// Text for `errno` values.
enum SystemError {
    /// The C library's message for an `errno` value, e.g. `Address already in use (98)`.
    static func message(for code: Int32) -> String {
        "\(String(cString: strerror(code))) (\(code))"
    }
}
