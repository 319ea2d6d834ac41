#if canImport(Glibc)
    import Glibc
#endif

/// Cuts a file's byte stream into complete lines, however the bytes arrive.
///
/// Feed it the file's bytes in order, in chunks of any size. For every complete line it
/// reports the line's bytes without the `\n` and without a `\r` before it; a UTF-8 byte order
/// mark at the start of the file is removed; blank lines (nothing but spaces and tabs) are
/// skipped. A line longer than `maxLineLength` is reported once as `.tooLong` and skipped,
/// and splitting goes on with the next line. Bytes after the last `\n` wait, as the partial
/// line, for the rest of their line. The events do not depend on where the chunks are cut.
///
/// Memory is bounded: at most `maxLineLength` bytes (plus a `\r` and a byte order mark) of a
/// partial line are kept.
public struct LineSplitter: Sendable {
    /// What splitting found.
    public enum Event {
        /// One complete, non-blank line; the bytes are valid only during the callback.
        case line(UnsafeRawBufferPointer)
        /// A line over the length limit, skipped.
        case tooLong
    }

    /// Where in a file the next byte fed to the splitter lies.
    public enum Resumption: Sendable, Equatable {
        /// At byte 0: a byte order mark may follow.
        case fileStart
        /// At the first byte of a line, after a `\n`.
        case lineStart
        /// Inside a line whose start lies before the resumption point.
        ///
        /// This only happens for a line already known to be over the limit, so the line's rest
        /// is skipped and reported as `.tooLong` when its `\n` arrives.
        case insideTooLongLine
    }

    /// The longest line, in bytes without its newline, that is reported as a line.
    public let maxLineLength: Int
    private var partial: [UInt8] = []
    private var isDiscardingLongLine = false
    private var isAtFileStart = true
    /// Bytes fed since the last `\n`, kept or not.
    public private(set) var pendingByteCount = 0

    /// Creates a splitter for a file read from its beginning.
    ///
    /// - Parameter maxLineLength: The length limit in bytes; longer lines are skipped.
    public init(maxLineLength: Int) {
        precondition(maxLineLength > 0, "the line length limit must be positive")
        self.maxLineLength = maxLineLength
    }

    /// Whether bytes of an unfinished line are waiting for their newline.
    public var hasPartialLine: Bool { !partial.isEmpty || isDiscardingLongLine }

    /// Forgets the unfinished line, because its file was truncated or deleted.
    ///
    /// - Returns: Whether a fragment was dropped, including the fragment of a line already
    ///   known to be too long (its `.tooLong` never comes, so the drop is what counts it).
    public mutating func dropPartialLine() -> Bool {
        let hadFragment = hasPartialLine
        partial.removeAll(keepingCapacity: false)
        isDiscardingLongLine = false
        pendingByteCount = 0
        return hadFragment
    }

    /// Starts over for a new file (or the same file rewritten from byte 0).
    public mutating func restartAtFileStart() {
        restart(at: .fileStart)
    }

    /// Starts over at a known point of a file, forgetting any unfinished line.
    ///
    /// - Parameter resumption: What the next byte fed is, relative to the file's lines.
    public mutating func restart(at resumption: Resumption) {
        partial.removeAll(keepingCapacity: false)
        pendingByteCount = 0
        isAtFileStart = resumption == .fileStart
        isDiscardingLongLine = resumption == .insideTooLongLine
    }

    /// Splits the next bytes of the file.
    ///
    /// - Parameters:
    ///   - chunk: The bytes that follow the previous chunk.
    ///   - body: Called for each complete line or skipped long line, in order.
    public mutating func split(_ chunk: UnsafeRawBufferPointer, _ body: (Event) -> Void) {
        split(chunk, claimingLinesWith: { _ in 0 }, body)
    }

    /// Splits the next bytes of the file, offering each line to `claim` before looking for
    /// its end.
    ///
    /// A consumer that validates a line byte by byte finds the line's end as it goes, and
    /// the search for the newline is then work done twice. So at the start of a line in the
    /// middle of the chunk (not the chunk's first line, which may continue a partial line or
    /// start the file), `claim` is given the bytes from the line's start up to the furthest
    /// its newline may lie for the line to be within the length limit. When it returns a
    /// length, it has taken the line: the length runs through the line's `\n` and splitting
    /// goes on after it. When it returns 0, it has taken nothing, and the splitter finds the
    /// line's end and reports it to `body` as usual (a line, a long line, or nothing for a
    /// blank one).
    ///
    /// - Parameters:
    ///   - chunk: The bytes that follow the previous chunk.
    ///   - claim: Given a line's start; returns the length of the line it took, `\n`
    ///     included, or 0.
    ///   - body: Called for each complete line or skipped long line not claimed, in order.
    public mutating func split(
        _ chunk: UnsafeRawBufferPointer, claimingLinesWith claim: (UnsafeRawBufferPointer) -> Int,
        _ body: (Event) -> Void
    ) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let newlineByte = Int32(UInt8(ascii: "\n"))
        guard let firstNewline = memchr(base, newlineByte, chunk.count) else {
            pendingByteCount += chunk.count
            keepPartial(chunk)
            return
        }
        let firstEnd = base.distance(to: UnsafeRawPointer(firstNewline))
        finishLine(UnsafeRawBufferPointer(start: base, count: firstEnd), body)
        // Once a line has ended, nothing is kept, no long line is being skipped and the byte
        // order mark lies behind: the chunk's other lines need none of those checks.
        var start = firstEnd + 1
        while start < chunk.count {
            let offered = min(chunk.count - start, maxLineLength + 1)
            let claimed = claim(UnsafeRawBufferPointer(start: base + start, count: offered))
            precondition(claimed >= 0 && claimed <= offered, "a claim took bytes it was not offered")
            if claimed > 0 {
                start += claimed
                continue
            }
            guard let newline = memchr(base + start, newlineByte, chunk.count - start) else { break }
            let end = base.distance(to: UnsafeRawPointer(newline))
            emitAfterFileStart(UnsafeRawBufferPointer(start: base + start, count: end - start), body)
            start = end + 1
        }
        pendingByteCount = chunk.count - start
        if start < chunk.count {
            keepPartial(UnsafeRawBufferPointer(rebasing: chunk[start...]))
        }
    }

    /// The most raw bytes a reportable line can occupy: the limit, a `\r`, and at the start of
    /// the file a byte order mark. Keeping exactly this many makes the outcome independent of
    /// where chunks are cut.
    private var rawLimit: Int { maxLineLength + 1 + (isAtFileStart ? 3 : 0) }

    private mutating func keepPartial(_ bytes: UnsafeRawBufferPointer) {
        if isDiscardingLongLine { return }
        if partial.count + bytes.count > rawLimit {
            partial.removeAll(keepingCapacity: false)
            isDiscardingLongLine = true
            return
        }
        partial.append(contentsOf: bytes)
    }

    private mutating func finishLine(_ tail: UnsafeRawBufferPointer, _ body: (Event) -> Void) {
        if isDiscardingLongLine {
            isDiscardingLongLine = false
            isAtFileStart = false
            body(.tooLong)
            return
        }
        if partial.isEmpty {
            emit(tail, body)
            return
        }
        guard partial.count + tail.count <= rawLimit else {
            partial.removeAll(keepingCapacity: false)
            isAtFileStart = false
            body(.tooLong)
            return
        }
        partial.append(contentsOf: tail)
        partial.withUnsafeBytes { emit($0, body) }
        partial.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ rawLine: UnsafeRawBufferPointer, _ body: (Event) -> Void) {
        var line = rawLine
        if isAtFileStart {
            isAtFileStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) {
                line = UnsafeRawBufferPointer(rebasing: line[3...])
            }
        }
        emitAfterFileStart(line, body)
    }

    /// Reports a complete line that does not start the file: without its `\r`, unless too
    /// long or blank.
    @inline(__always)
    private func emitAfterFileStart(_ rawLine: UnsafeRawBufferPointer, _ body: (Event) -> Void) {
        var line = rawLine
        if line.last == UInt8(ascii: "\r") {
            line = UnsafeRawBufferPointer(rebasing: line[..<(line.count - 1)])
        }
        guard line.count <= maxLineLength else {
            body(.tooLong)
            return
        }
        guard !Self.isBlank(line) else { return }
        body(.line(line))
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        for byte in line where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
            return false
        }
        return true
    }
}
