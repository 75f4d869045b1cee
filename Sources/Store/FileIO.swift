import Foundation
import Glibc

/// The file-system calls the store needs, with durable-write ordering and errors as `StoreError.io`.
///
/// Related documentation: Pillai et al., "All File Systems Are Not Created Equal" (OSDI 2014) on why a
/// rename needs its directory fsynced to survive a crash.
enum FileIO {
    /// What `stat` reports about a regular file.
    struct Status {
        var size: Int64
        var modified: Date
    }

    /// The size and modification time of the regular file at `path`; nil when absent or not a file.
    static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let modified = Date(
            timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        return Status(size: Int64(info.st_size), modified: modified)
    }

    /// Creates the directory if it is missing.
    /// - Returns: true when this call created it (its parent then needs an fsync).
    @discardableResult
    static func makeDirectory(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        let code = errno
        var info = stat()
        if code == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return false }
        throw failure("mkdir", path, code)
    }

    /// Flushes a directory's entries (new names, renames) to stable storage.
    static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", path, errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", path, errno) }
    }

    /// Writes `bytes` to `path` so that, once this returns, the file survives a crash: exclusive-create
    /// a temp file in `temporaryDirectory` (same file system), write, fsync, rename over `path`, fsync
    /// the destination directory. On any failure the temp file is removed and nothing is left at `path`
    /// by this call.
    static func writeDurably(_ bytes: [UInt8], to path: String, temporaryDirectory: String) throws {
        let temporaryPath = temporaryDirectory + "/" + Hex.encode(try RandomBytes.generate(count: 16)) + ".tmp"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open", temporaryPath, errno) }
        do {
            try writeAll(bytes, to: descriptor, path: temporaryPath)
            // An fsync error is final: the kernel may already have dropped the dirty pages, so the
            // write is abandoned rather than retried.
            guard fsync(descriptor) == 0 else { throw failure("fsync", temporaryPath, errno) }
            guard close(descriptor) == 0 else {
                throw failure("close", temporaryPath, errno)
            }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw failure("rename", path, code)
        }
        do {
            try syncDirectory(parent(of: path))
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Removes a file.
    /// - Returns: false when it did not exist.
    @discardableResult
    static func remove(_ path: String) throws -> Bool {
        if unlink(path) == 0 { return true }
        let code = errno
        if code == ENOENT { return false }
        throw failure("unlink", path, code)
    }

    /// Names in a directory (without `.` and `..`); empty when the directory does not exist.
    static func contents(of directory: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            throw StoreError.io("list \(directory): \(error.localizedDescription)")
        }
    }

    /// The directory part of `path`.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("write", path, errno)
                }
                offset += written
            }
        }
    }

    private static func failure(_ call: String, _ path: String, _ code: Int32) -> StoreError {
        .io("\(call) \(path): \(String(cString: strerror(code)))")
    }
}
