#if canImport(Glibc)
    import Glibc
#endif

/// The real file system, through Glibc.
struct SystemFileSystem: TailFileSystem {
    func expand(pattern: String) -> [String] {
        FilePattern.matches(of: pattern)
    }

    func status(ofPath path: String) -> Result<FileStatus, Errno> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Errno(code: errno)) }
        return .success(Self.status(from: info))
    }

    func open(_ path: String) -> Result<Int32, Errno> {
        while true {
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
            if descriptor >= 0 { return .success(descriptor) }
            if errno != EINTR { return .failure(Errno(code: errno)) }
        }
    }

    func status(ofDescriptor descriptor: Int32) -> Result<FileStatus, Errno> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Errno(code: errno)) }
        return .success(Self.status(from: info))
    }

    func read(_ descriptor: Int32, at offset: Int, into buffer: ReadBuffer) -> ReadBuffer.Outcome {
        buffer.read(from: descriptor, at: offset)
    }

    func bytes(of descriptor: Int32, at offset: Int, count: Int) -> Result<[UInt8], Errno> {
        var result = [UInt8](repeating: 0, count: max(count, 0))
        var filled = 0
        while filled < result.count {
            let got = result.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled, off_t(offset + filled))
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(code: errno))
            }
            filled += got
        }
        result.removeLast(result.count - filled)
        return .success(result)
    }

    func close(_ descriptor: Int32) {
        // The descriptor is gone whatever close(2) returns on Linux, so there is nothing to retry.
        _ = Glibc.close(descriptor)
    }

    func entries(ofDirectory path: String) -> Result<[String], Errno> {
        guard let directory = opendir(path) else { return .failure(Errno(code: errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    private static func status(from info: stat) -> FileStatus {
        FileStatus(
            identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
            size: Int(info.st_size),
            modificationTime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            linkCount: Int(info.st_nlink),
            isRegularFile: info.st_mode & S_IFMT == S_IFREG
        )
    }
}
