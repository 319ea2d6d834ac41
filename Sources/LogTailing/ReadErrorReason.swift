#if canImport(Glibc)
    import Glibc
#endif

/// Why a file could not be opened or read: the closed set behind `read_errors_total{reason}`.
public enum ReadErrorReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// `EACCES` or `EPERM`.
    case permissionDenied = "permission_denied"
    /// `EMFILE` or `ENFILE`: the process or system is out of descriptors.
    case tooManyOpenFiles = "too_many_open_files"
    /// `EIO`, or `ESTALE` from a network file system.
    case ioError = "io_error"
    /// Any other `errno`.
    case other

    /// Classifies an `errno` value.
    public init(errno code: Int32) {
        switch code {
        case EACCES, EPERM: self = .permissionDenied
        case EMFILE, ENFILE: self = .tooManyOpenFiles
        case EIO, ESTALE: self = .ioError
        default: self = .other
        }
    }

    /// The Prometheus label value.
    public var label: String { rawValue }
}
