import Glibc

/// Stops the fuzzer with `message` when `condition` is false, so that libFuzzer saves the input.
///
/// Compiled into every harness. An abort is what libFuzzer treats as a crash: it prints the
/// stack and writes the input to a `crash-…` file, exactly as for a memory error, so a broken
/// invariant is reproduced and minimised like any other crash. The message goes straight to
/// file descriptor 2, unbuffered, because nothing buffered survives the abort.
///
/// - Parameters:
///   - condition: The invariant; evaluated once.
///   - message: What was expected, for the report; built only when the invariant fails.
func fuzzInvariant(
    _ condition: @autoclosure () -> Bool,
    _ message: @autoclosure () -> String,
    fileID: StaticString = #fileID,
    line: UInt = #line
) {
    guard !condition() else { return }
    let report = "INVARIANT VIOLATED at \(fileID):\(line): \(message())\n"
    var bytes = Array(report.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or truncated sequences).
///
/// - Parameter bytes: The bytes to check.
/// - Returns: `true` when the standard library's strict decoder accepts every byte.
func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = Unicode.UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
