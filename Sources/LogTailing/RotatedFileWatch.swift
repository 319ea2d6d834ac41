/// How long a file that left its path (rotated away) is still watched.
///
/// It is always drained to its end first; then a deleted file is let go at once (a deleted
/// file held open fills disks: vector#22273, beats#896), and a renamed one is let go once it
/// has not grown for `rotateWait`, so a writer that has not yet reopened its log loses
/// nothing. There is no deadline that drops pending bytes.
struct RotatedFileWatch: Equatable {
    /// When the file last grew (or left its path), as a duration since the tailer started.
    var lastGrowth: Duration

    /// Whether to let the drained file go.
    ///
    /// - Parameters:
    ///   - isDeleted: Whether the file has no links left.
    ///   - now: The current time since the tailer started.
    ///   - rotateWait: How long a renamed file is watched after it stops growing.
    func shouldRelease(isDeleted: Bool, at now: Duration, rotateWait: Duration) -> Bool {
        isDeleted || now - lastGrowth >= rotateWait
    }
}
