import Glibc

/// Opens the file behind a `.file` response body.
enum FileOpener {
    /// A read-only descriptor for `path` if it is a regular file holding at least
    /// `offset + length` bytes; nil otherwise (the response becomes a 500).
    static func open(path: String, offset: Int, length: Int) -> Int32? {
        guard offset >= 0, length >= 0 else { return nil }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= offset + length else {
            close(fd)
            return nil
        }
        return fd
    }
}
