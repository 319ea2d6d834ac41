import Testing

@testable import LogTailing

/// One splitting case: the bytes of a file and what the splitter must report for them, the
/// same wherever the chunks are cut.
struct SplitCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let maxLineLength: Int
    let resumption: LineSplitter.Resumption
    /// Lines, with `<too long>` for a skipped line.
    let expected: [String]
    /// Bytes after the last newline.
    let pending: Int
    var testDescription: String { name }

    init(
        _ name: String,
        _ text: String,
        max: Int = 64,
        at resumption: LineSplitter.Resumption = .fileStart,
        _ expected: [String],
        pending: Int = 0
    ) {
        self.init(name, bytes: Array(text.utf8), max: max, at: resumption, expected, pending: pending)
    }

    init(
        _ name: String,
        bytes: [UInt8],
        max: Int = 64,
        at resumption: LineSplitter.Resumption = .fileStart,
        _ expected: [String],
        pending: Int = 0
    ) {
        self.name = name
        self.bytes = bytes
        self.maxLineLength = max
        self.resumption = resumption
        self.expected = expected
        self.pending = pending
    }
}

private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

let splitCases: [SplitCase] = [
    SplitCase("two lines", "a\nbc\n", ["a", "bc"]),
    SplitCase("partial last line waits", "a\nbc", ["a"], pending: 2),
    SplitCase("nothing but a partial line", "abc", [], pending: 3),
    SplitCase("byte order mark removed at file start", bytes: bom + Array("a\nb\n".utf8), ["a", "b"]),
    SplitCase(
        "byte order mark kept after the first line",
        bytes: Array("a\n".utf8) + bom + Array("b\n".utf8),
        ["a", "\u{FEFF}b"]
    ),
    SplitCase(
        "byte order mark kept when resuming at a line start",
        bytes: bom + Array("a\n".utf8),
        at: .lineStart,
        ["\u{FEFF}a"]
    ),
    SplitCase("byte order mark then blank first line", bytes: bom + Array("\nx\n".utf8), ["x"]),
    SplitCase("CRLF", "a\r\nbc\r\n", ["a", "bc"]),
    SplitCase("CR inside a line kept", "a\rb\n", ["a\rb"]),
    SplitCase("only the last CR removed", "a\r\r\n", ["a\r"]),
    SplitCase("blank lines skipped", "\n \n\t\t\nx\n\r\n \r\n", ["x"]),
    SplitCase("line at the limit", "abcd\n", max: 4, ["abcd"]),
    SplitCase("line at the limit with CRLF", "abcd\r\n", max: 4, ["abcd"]),
    SplitCase(
        "line at the limit after a byte order mark",
        bytes: bom + Array("abcd\r\nef\n".utf8),
        max: 4,
        ["abcd", "ef"]
    ),
    SplitCase(
        "byte order mark counted against a later line",
        bytes: Array("x\n".utf8) + bom + Array("abcd\n".utf8),
        max: 4,
        ["x", "<too long>"]
    ),
    SplitCase("line one over the limit", "abcde\nf\n", max: 4, ["<too long>", "f"]),
    SplitCase("line one over the limit with CRLF", "abcde\r\nf\n", max: 4, ["<too long>", "f"]),
    SplitCase(
        "very long line then short ones",
        "0123456789012345678901\nab\ncd\n",
        max: 4,
        ["<too long>", "ab", "cd"]
    ),
    SplitCase("two long lines in a row", "0123456789\n0123456789\nok\n", max: 4, ["<too long>", "<too long>", "ok"]),
    SplitCase("long blank line is too long", "          \nok\n", max: 4, ["<too long>", "ok"]),
    SplitCase("long partial line waits for its end", "ok\n0123456789", max: 4, ["ok"], pending: 10),
    SplitCase("resumed inside a long line", "6789\nok\n", max: 4, at: .insideTooLongLine, ["<too long>", "ok"]),
    SplitCase("resumed at a line start", "ab\n", at: .lineStart, ["ab"]),
    SplitCase(
        "CRLF, blank and long lines after a chunk's first line",
        "a\n\r\nabcde\r\nb\r\n \t\nabcd\r\nc",
        max: 4,
        ["a", "<too long>", "b", "abcd"],
        pending: 1
    ),
    SplitCase("JSON records", "{\"a\":1}\n{\"b\":[1,2]}\n{\"c\":", ["{\"a\":1}", "{\"b\":[1,2]}"], pending: 5),
]

/// Who takes lines from their start (`LineSplitter.split(_:claimingLinesWith:_:)`) while a case is split.
enum Claimer: CustomTestStringConvertible, Sendable {
    /// Takes none: the splitter finds every line's end.
    case none
    /// Takes every line it is offered whose `\n` lies in the offered bytes, unless the line
    /// is blank or ends with `\r`, which it leaves to the splitter as a strict line consumer
    /// (the decoder) would.
    case everyPlainLine
    /// Like `everyPlainLine`, but every other time it is offered a line.
    case everyOtherPlainLine

    var testDescription: String { "\(self)" }
}

/// Feeds `bytes` cut at `cuts` with `claimer` taking lines, and returns the lines in order,
/// taken or reported, and the splitter.
///
/// Checks the claim protocol on the way: a chunk's first byte is never offered (it may continue
/// a partial line or start the file), and no more bytes are offered than a line within the
/// limit and its `\n` need.
private func split(_ splitCase: SplitCase, cuts: [Int], claimer: Claimer = .none) -> ([String], LineSplitter) {
    var splitter = LineSplitter(maxLineLength: splitCase.maxLineLength)
    splitter.restart(at: splitCase.resumption)
    var lines: [String] = []
    var offers = 0
    let bounds = [0] + cuts + [splitCase.bytes.count]
    for index in 0..<(bounds.count - 1) {
        splitCase.bytes[bounds[index]..<bounds[index + 1]].withUnsafeBytes { chunk in
            let claim = { (offered: UnsafeRawBufferPointer) -> Int in
                #expect(offered.baseAddress != chunk.baseAddress, "a chunk's first line offered")
                #expect(offered.count <= splitCase.maxLineLength + 1, "offered past the limit")
                offers += 1
                guard claimer == .everyPlainLine || (claimer == .everyOtherPlainLine && offers.isMultiple(of: 2)),
                    let newline = offered.firstIndex(of: UInt8(ascii: "\n"))
                else { return 0 }
                let line = offered[..<newline]
                guard line.last != UInt8(ascii: "\r"), line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
                    return 0
                }
                lines.append(String(decoding: line, as: UTF8.self))
                return newline + 1
            }
            splitter.split(chunk, claimingLinesWith: claim) { event in
                switch event {
                case .line(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
                case .tooLong: lines.append("<too long>")
                }
            }
        }
    }
    return (lines, splitter)
}

@Suite struct LineSplitterTests {
    @Test(arguments: splitCases)
    func wholeChunk(_ splitCase: SplitCase) {
        let (lines, splitter) = split(splitCase, cuts: [])
        #expect(lines == splitCase.expected)
        #expect(splitter.pendingByteCount == splitCase.pending)
        #expect(splitter.hasPartialLine == (splitCase.pending > 0))
    }

    @Test(arguments: splitCases)
    func everySingleCut(_ splitCase: SplitCase) {
        for cut in 0...splitCase.bytes.count {
            let (lines, splitter) = split(splitCase, cuts: [cut])
            #expect(lines == splitCase.expected, "cut at \(cut)")
            #expect(splitter.pendingByteCount == splitCase.pending, "cut at \(cut)")
        }
    }

    @Test(arguments: splitCases)
    func everyPairOfCuts(_ splitCase: SplitCase) {
        for first in 0...splitCase.bytes.count {
            for second in first...splitCase.bytes.count {
                let (lines, _) = split(splitCase, cuts: [first, second])
                #expect(lines == splitCase.expected, "cuts at \(first), \(second)")
            }
        }
    }

    @Test(arguments: splitCases)
    func oneByteAtATime(_ splitCase: SplitCase) {
        let (lines, splitter) = split(splitCase, cuts: Array(0...splitCase.bytes.count))
        #expect(lines == splitCase.expected)
        #expect(splitter.pendingByteCount == splitCase.pending)
    }

    /// Lines taken from their start by a consumer come in the same order and leave the same
    /// partial line as lines the splitter reports, whoever takes which line and wherever the
    /// chunks are cut.
    @Test(arguments: splitCases, [Claimer.everyPlainLine, .everyOtherPlainLine])
    func claimedLines(_ splitCase: SplitCase, claimer: Claimer) {
        for cut in 0...splitCase.bytes.count {
            let (lines, splitter) = split(splitCase, cuts: [cut], claimer: claimer)
            #expect(lines == splitCase.expected, "cut at \(cut)")
            #expect(splitter.pendingByteCount == splitCase.pending, "cut at \(cut)")
        }
        let (lines, _) = split(splitCase, cuts: [], claimer: claimer)
        #expect(lines == splitCase.expected)
    }

    /// A claim that takes a line skips it: the body hears only of the others.
    @Test func claimedLinesAreNotReported() {
        var splitter = LineSplitter(maxLineLength: 64)
        var offered: [String] = []
        var reported: [String] = []
        Array("first\nmine\nyours\nmine\n".utf8).withUnsafeBytes { chunk in
            splitter.split(
                chunk,
                claimingLinesWith: { bytes in
                    offered.append(String(decoding: bytes, as: UTF8.self))
                    return bytes.starts(with: "mine\n".utf8) ? 5 : 0
                },
                { event in
                    if case .line(let bytes) = event { reported.append(String(decoding: bytes, as: UTF8.self)) }
                }
            )
        }
        #expect(offered == ["mine\nyours\nmine\n", "yours\nmine\n", "mine\n"])
        #expect(reported == ["first", "yours"])
        #expect(splitter.pendingByteCount == 0)
    }

    @Test func partialLineThenDrop() {
        var splitter = LineSplitter(maxLineLength: 64)
        var lines: [String] = []
        let collect: (LineSplitter.Event) -> Void = {
            if case .line(let bytes) = $0 { lines.append(String(decoding: bytes, as: UTF8.self)) }
        }
        Array("a\nfrag".utf8).withUnsafeBytes { splitter.split($0, collect) }
        let dropped = splitter.dropPartialLine()
        #expect(dropped)
        #expect(!splitter.hasPartialLine)
        #expect(splitter.pendingByteCount == 0)
        let droppedAgain = splitter.dropPartialLine()
        #expect(!droppedAgain)
        Array("b\n".utf8).withUnsafeBytes { splitter.split($0, collect) }
        #expect(lines == ["a", "b"])
    }

    @Test func droppingAnOverlongFragmentCountsIt() {
        var splitter = LineSplitter(maxLineLength: 4)
        var events = 0
        Array("0123456789".utf8).withUnsafeBytes { splitter.split($0) { _ in events += 1 } }
        #expect(splitter.hasPartialLine)
        let dropped = splitter.dropPartialLine()
        #expect(dropped)
        Array("ok\n".utf8).withUnsafeBytes { splitter.split($0) { _ in events += 1 } }
        #expect(events == 1)
    }

    @Test func restartAtFileStartRemovesTheByteOrderMarkAgain() {
        var splitter = LineSplitter(maxLineLength: 64)
        var lines: [String] = []
        let collect: (LineSplitter.Event) -> Void = {
            if case .line(let bytes) = $0 { lines.append(String(decoding: bytes, as: UTF8.self)) }
        }
        (bom + Array("a\npart".utf8)).withUnsafeBytes { splitter.split($0, collect) }
        splitter.restartAtFileStart()
        #expect(!splitter.hasPartialLine)
        (bom + Array("b\n".utf8)).withUnsafeBytes { splitter.split($0, collect) }
        #expect(lines == ["a", "b"])
    }
}
