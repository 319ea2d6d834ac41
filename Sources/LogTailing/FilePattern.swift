#if canImport(Glibc)
    import Glibc
#endif

/// Expansion of the glob patterns that name the log files.
public enum FilePattern {
    /// The paths `pattern` matches now, in glob(3)'s sorted order; empty when none do.
    ///
    /// Without `GLOB_ERR` an unreadable directory is skipped: its files stay watched by path.
    public static func matches(of pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
    }
}
