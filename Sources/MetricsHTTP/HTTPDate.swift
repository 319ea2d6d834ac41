import Glibc

/// The `Date` header's IMF-fixdate format (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats a Unix time in seconds as an IMF-fixdate in GMT.
    ///
    /// - Parameter secondsSinceEpoch: Seconds since 1970-01-01T00:00:00Z.
    /// - Returns: The formatted date, or `nil` if the C library cannot represent it.
    static func format(secondsSinceEpoch: Int) -> String? {
        var time = time_t(secondsSinceEpoch)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil, (0..<7).contains(parts.tm_wday), (0..<12).contains(parts.tm_mon)
        else { return nil }
        return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }

    /// The current time, formatted.
    static func now() -> String? {
        format(secondsSinceEpoch: Int(time(nil)))
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
