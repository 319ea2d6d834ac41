#if canImport(Glibc)
import Glibc
#endif

/// Expansion of the glob patterns that name the log files.
public enum FilePattern {
    /// The regular files `pattern` matches now, sorted; an empty list when none do.
    public static func expand(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(matches.gl_pathc) {
            guard let cPath = matches.gl_pathv[index] else { continue }
            var info = stat()
            if stat(cPath, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
                paths.append(String(cString: cPath))
            }
        }
        return paths.sorted()
    }
}
