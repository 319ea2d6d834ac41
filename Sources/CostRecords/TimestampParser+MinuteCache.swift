extension TimestampParser {
    /// Reads timestamp strings like `TimestampParser.epochSeconds(fromText:)`, remembering the
    /// last `YYYY-MM-DDTHH:MM` it read.
    ///
    /// A log's lines are in time order, so consecutive lines nearly always share the minute:
    /// comparing 16 bytes then replaces validating and converting the date and time, and only
    /// the seconds, fraction and zone are read. Identical bytes give identical results, so
    /// the values are exactly the uncached reader's.
    struct MinuteCache {
        /// The first 8 bytes of the remembered prefix, little-endian.
        private var head: UInt64
        /// Bytes 8 ..< 16 of the remembered prefix.
        private var tail: UInt64
        /// The epoch seconds of the remembered minute.
        private var seconds: Int

        /// Creates a cache holding the epoch's first minute.
        init() {
            let epoch = StaticBytes("1970-01-01T00:00")
            head = UInt64(littleEndian: epoch.bytes.loadUnaligned(as: UInt64.self))
            tail = UInt64(littleEndian: epoch.bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            seconds = 0
        }

        /// The epoch time of a timestamp string; see `TimestampParser.epochSeconds(fromText:)`.
        ///
        /// - Parameter text: The string's (unescaped) bytes.
        /// - Returns: Seconds since the epoch, or nil when the text is no accepted form.
        mutating func epochSeconds(fromText text: UnsafeRawBufferPointer) -> Double? {
            guard text.count >= 19, let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                return TimestampParser.epochSeconds(fromText: text)
            }
            let head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            let tail = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if head != self.head || tail != self.tail {
                guard let minute = TimestampParser.minuteSeconds(base) else {
                    return TimestampParser.epochSeconds(fromText: text)
                }
                self.head = head
                self.tail = tail
                seconds = minute
            }
            guard let second = TimestampParser.secondOfMinute(base) else {
                return TimestampParser.epochSeconds(fromText: text)
            }
            var cursor = Cursor(text: text, index: 19)
            return TimestampParser.rest(of: &cursor, after: Double(seconds + second), allowsFraction: true)
        }
    }
}
