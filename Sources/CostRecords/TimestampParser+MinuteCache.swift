extension TimestampParser {
    /// Reads timestamp strings like `TimestampParser.epochSeconds(fromText:)`, remembering the
    /// last two `YYYY-MM-DDTHH:MM` prefixes it read.
    ///
    /// A log's lines are in time order, so consecutive lines nearly always share the minute:
    /// comparing 16 bytes then replaces validating and converting the date and time, and only
    /// the seconds, fraction and zone are read. Two entries, because a file that mixes writers
    /// alternates between their forms (`T` or space) of the same minute. Identical bytes give
    /// identical results, so the values are exactly the uncached reader's.
    struct MinuteCache {
        /// One remembered prefix.
        private struct Entry {
            /// The prefix's first 8 bytes, little-endian.
            var head: UInt64
            /// The prefix's bytes 8 ..< 16.
            var tail: UInt64
            /// The epoch seconds of the minute.
            var seconds: Int
        }

        /// The most recently used entry.
        private var recent: Entry
        /// The entry used before it.
        private var older: Entry

        /// Creates a cache holding the epoch's first minute in both entries.
        init() {
            let epoch = StaticBytes("1970-01-01T00:00")
            recent = Entry(
                head: UInt64(littleEndian: epoch.bytes.loadUnaligned(as: UInt64.self)),
                tail: UInt64(littleEndian: epoch.bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                seconds: 0
            )
            older = recent
        }

        /// The epoch time of a timestamp string; see `TimestampParser.epochSeconds(fromText:)`.
        ///
        /// - Parameter text: The string's (unescaped) bytes.
        /// - Returns: Seconds since the epoch, or nil when the text is no accepted form.
        mutating func epochSeconds(fromText text: UnsafeRawBufferPointer) -> Double? {
            guard text.count >= 19, let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self),
                let second = TimestampParser.secondOfMinute(base), let minute = minuteSeconds(base)
            else {
                return TimestampParser.epochSeconds(fromText: text)
            }
            var cursor = Cursor(text: text, index: 19)
            return TimestampParser.rest(of: &cursor, after: Double(minute + second), allowsFraction: true)
        }

        /// `TimestampParser.minuteSeconds(_:)`, from an entry when one holds the same bytes.
        @inline(__always)
        private mutating func minuteSeconds(_ base: UnsafePointer<UInt8>) -> Int? {
            let head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            let tail = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if head == recent.head, tail == recent.tail {
                return recent.seconds
            }
            if head == older.head, tail == older.tail {
                swap(&recent, &older)
                return recent.seconds
            }
            guard let seconds = TimestampParser.minuteSeconds(base) else {
                return nil
            }
            older = recent
            recent = Entry(head: head, tail: tail, seconds: seconds)
            return seconds
        }
    }
}
