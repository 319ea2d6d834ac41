import CivilCalendar

/// Reads a record's own time from the forms log writers use, as seconds since the Unix epoch.
///
/// Accepted strings: ISO 8601 / RFC 3339 dates and date-times (`2024-12-19`,
/// `2024-12-19T18:59:02`, `…T18:59:02.123456Z`, `…+05:30`, `…+0530`, `…+05`), the same with a
/// space instead of the `T` (Python's `str(datetime)`: `2024-06-01 12:00:00.123456`), and
/// epoch numbers written as strings. A time without a zone is UTC. Accepted numbers: epoch
/// seconds, or epoch milliseconds when above 10¹¹ (which as seconds would be the year 5138).
enum TimestampParser {
    /// Values above this are epoch milliseconds rather than seconds.
    static let millisecondThreshold = 1e11

    /// The epoch time of an epoch number in seconds or milliseconds.
    ///
    /// - Parameter value: The logged number.
    /// - Returns: Seconds since the epoch, or nil for a negative or non-finite value.
    static func epochSeconds(fromNumber value: Double) -> Double? {
        guard value.isFinite, value >= 0 else {
            return nil
        }
        return value > millisecondThreshold ? value / 1000 : value
    }

    /// The epoch time of a timestamp string.
    ///
    /// - Parameter text: The string's (unescaped) bytes.
    /// - Returns: Seconds since the epoch, or nil when the text is no accepted form.
    static func epochSeconds(fromText text: UnsafeRawBufferPointer) -> Double? {
        if text.count < 10 || text[4] != UInt8(ascii: "-") {
            return DecimalNumber(text).flatMap { epochSeconds(fromNumber: $0.doubleValue) }
        }
        if let seconds = fixedDateTimeSeconds(text) {
            // `YYYY-MM-DDTHH:MM:SS`, nearly every logged time, read at fixed offsets.
            var cursor = Cursor(text: text, index: 19)
            return rest(of: &cursor, after: seconds, allowsFraction: true)
        }
        var cursor = Cursor(text: text)
        guard let year = cursor.digits(4), cursor.skip("-"), let month = cursor.digits(2), cursor.skip("-"),
            let day = cursor.digits(2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else {
            return nil
        }
        var seconds = Double(CivilDate(year: year, month: month, day: day).dayNumber) * 86_400
        guard !cursor.isAtEnd else {
            return seconds
        }
        guard cursor.skip("T") || cursor.skip("t") || cursor.skip(" "), let hour = cursor.digits(2),
            cursor.skip(":"), let minute = cursor.digits(2), hour <= 23, minute <= 59
        else {
            return nil
        }
        var second = 0
        let hasSeconds = cursor.skip(":")
        if hasSeconds {
            guard let whole = cursor.digits(2), whole <= 60 else {
                return nil
            }
            second = whole
        }
        seconds += Double(hour * 3_600 + minute * 60 + second)
        return rest(of: &cursor, after: seconds, allowsFraction: hasSeconds)
    }

    /// The seconds of a text that starts with a complete `YYYY-MM-DD(T|t| )HH:MM:SS`, to the
    /// whole second and without its zone; nil for any other text, which the general reader
    /// then handles (or rejects).
    @inline(__always)
    private static func fixedDateTimeSeconds(_ text: UnsafeRawBufferPointer) -> Double? {
        guard text.count >= 19, let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self),
            let minute = minuteSeconds(base), let second = secondOfMinute(base)
        else {
            return nil
        }
        return Double(minute + second)
    }

    /// The epoch seconds of the whole minute `YYYY-MM-DD(T|t| )HH:MM` in the first 16 bytes
    /// at `base`, or nil when they are not one.
    ///
    /// The sum is an integer, exactly representable as a `Double` with the seconds added:
    /// the same value the general reader computes.
    static func minuteSeconds(_ base: UnsafePointer<UInt8>) -> Int? {
        guard base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-"), base[13] == UInt8(ascii: ":"),
            base[10] == UInt8(ascii: "T") || base[10] == UInt8(ascii: " ") || base[10] == UInt8(ascii: "t"),
            let century = digitPair(base, 0), let yearOfCentury = digitPair(base, 2), let month = digitPair(base, 5),
            let day = digitPair(base, 8), let hour = digitPair(base, 11), let minute = digitPair(base, 14)
        else {
            return nil
        }
        let year = century * 100 + yearOfCentury
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59
        else {
            return nil
        }
        return CivilDate(year: year, month: month, day: day).dayNumber * 86_400 + hour * 3_600 + minute * 60
    }

    /// The `:SS` at offset 16 from `base`, as seconds (up to 60, a leap second), or nil.
    @inline(__always)
    static func secondOfMinute(_ base: UnsafePointer<UInt8>) -> Int? {
        guard base[16] == UInt8(ascii: ":"), let second = digitPair(base, 17), second <= 60 else {
            return nil
        }
        return second
    }

    /// The two-digit number at `offset`, or nil when either byte is not a digit.
    @inline(__always)
    private static func digitPair(_ base: UnsafePointer<UInt8>, _ offset: Int) -> Int? {
        let tens = base[offset] &- UInt8(ascii: "0")
        let ones = base[offset + 1] &- UInt8(ascii: "0")
        guard tens < 10, ones < 10 else {
            return nil
        }
        return Int(tens) * 10 + Int(ones)
    }

    /// The optional fraction (only after whole seconds) and zone that end a time, applied to
    /// `seconds`; nil when anything else follows.
    @inline(__always)
    static func rest(of cursor: inout Cursor, after seconds: Double, allowsFraction: Bool) -> Double? {
        var fraction = 0.0
        if allowsFraction, cursor.skip(".") || cursor.skip(",") {
            guard let value = cursor.fraction() else {
                return nil
            }
            fraction = value
        }
        // No zone or `Z`, the usual ends, without the general zone reader's call.
        let isUTC =
            cursor.isAtEnd
            || (cursor.index == cursor.text.count - 1 && cursor.text[cursor.index] | 0x20 == UInt8(ascii: "z"))
        guard let offset = isUTC ? 0 : cursor.zoneOffset(), isUTC || cursor.isAtEnd else {
            return nil
        }
        return seconds - Double(offset) + fraction
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A read position in the timestamp text.
    struct Cursor {
        let text: UnsafeRawBufferPointer
        var index = 0

        @inline(__always)
        var isAtEnd: Bool {
            index == text.count
        }

        /// Consumes `character` when it is next.
        @inline(__always)
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < text.count, text[index] == UInt8(ascii: character) else {
                return false
            }
            index += 1
            return true
        }

        /// Consumes exactly `count` digits.
        @inline(__always)
        mutating func digits(_ count: Int) -> Int? {
            guard text.count - index >= count else {
                return nil
            }
            var value = 0
            for offset in 0..<count {
                let byte = text[index + offset]
                guard JSONNumberGrammar.isDigit(byte) else {
                    return nil
                }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// Consumes one or more fraction digits; digits past nanoseconds are read but ignored.
        ///
        /// Up to 7 digits, the usual milli- and microseconds, are read as one word.
        @inline(__always)
        mutating func fraction() -> Double? {
            let available = text.count - index
            if available > 0, text.count >= 8, let base = text.baseAddress {
                // The next 8 bytes, or the text's last 8 shifted so that the unread ones come first
                // (the zero bytes shifted in are not digits).
                let word =
                    available >= 8
                    ? UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    : UInt64(littleEndian: base.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self))
                        >> (UInt64(8 - available) &* 8)
                let nonDigits = JSONNumberGrammar.nonDigitBytes(in: word)
                let count = nonDigits.trailingZeroBitCount >> 3
                if count == 0 {
                    return nil
                }
                if count < 8 {
                    index += count
                    let numerator = JSONNumberGrammar.eightDigitsValue(word << (UInt64(8 - count) &* 8))
                    return Double(numerator) / Double(JSONNumberGrammar.powerOfTen(count))
                }
            }
            var numerator = 0
            var scale = 1
            let start = index
            while index < text.count {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else {
                    break
                }
                // At most nine digits are kept, so neither product can overflow.
                if index &- start < 9 {
                    numerator = numerator &* 10 &+ Int(digit)
                    scale = scale &* 10
                }
                index += 1
            }
            return index > start ? Double(numerator) / Double(scale) : nil
        }

        /// Consumes an optional zone: `Z`, `±HH:MM`, `±HHMM` or `±HH`.
        ///
        /// - Returns: The zone's offset from UTC in seconds (0 when there is none), or nil for
        ///   a malformed zone.
        mutating func zoneOffset() -> Int? {
            if isAtEnd {
                return 0
            }
            if skip("Z") || skip("z") {
                return 0
            }
            let sign: Int
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = digits(2), hours <= 23 else {
                return nil
            }
            var minutes = 0
            if !isAtEnd {
                _ = skip(":")
                guard let value = digits(2), value <= 59 else {
                    return nil
                }
                minutes = value
            }
            return sign * (hours * 3_600 + minutes * 60)
        }
    }
}
