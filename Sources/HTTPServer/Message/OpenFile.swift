import Glibc

/// A regular file held open for reading, so a body sent many times costs no `open` per response.
///
/// The descriptor is closed when the last reference goes: a response still being written keeps its
/// file even after the cache that opened it has let go. Nothing changes after `init` (the descriptor
/// and size are constants and `fstat` only reads), which is why one instance may be shared by every
/// event loop.
public final class OpenFile: Sendable {
    /// The read-only descriptor, valid for the object's lifetime.
    let descriptor: Int32
    /// The file's size when it was opened.
    public let size: Int

    /// Opens `path` read-only ([open(2)](https://man7.org/linux/man-pages/man2/open.2.html)).
    /// - Returns: nil when the file cannot be opened or is not a regular file.
    public init?(path: String) {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
    }

    /// Whether the file still has a name and its size: false once it was deleted or replaced by a
    /// rename (either leaves this inode with no links), or changed length.
    ///
    /// One `fstat` on the descriptor, no path lookup, so a cache can afford it every few seconds.
    public var isCurrent: Bool {
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_nlink > 0 && Int(info.st_size) == size
    }

    /// Whether `length` bytes from `offset` lie inside the file as opened.
    func holds(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= size - length
    }

    deinit {
        Glibc.close(descriptor)
    }
}
