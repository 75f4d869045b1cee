import Glibc

extension ImageLoader {
    /// What tells whether the contents `reference` names have changed, without reading them: nil
    /// for a `data:` URI (the reference is its own contents); for a file, its path, device, inode,
    /// size and change times, so a file rewritten, replaced, created or removed gets a new stamp;
    /// for a reference no file can satisfy, why, which stays the same while the root does.
    func stamp(for reference: String) -> String? {
        guard !Self.isDataURI(reference) else { return nil }
        let path: String
        do {
            path = try resolvedFile(reference)
        } catch {
            return "unresolved under \(root ?? "no root"): \(error)"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return "missing \(path)" }
        return "\(path) \(status.st_dev) \(status.st_ino) \(status.st_size) "
            + "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
    }
}
