import Foundation
import SQLite

extension Store {
    /// Returns the stored render for `spec`, rendering it with `render` at most once across concurrent
    /// callers (single-flight). `cached` is true when no render ran for this call. The file is written
    /// temp → fsync → rename → fsync dir, then the row is committed. A throwing `render` leaves nothing.
    ///
    /// - Parameters:
    ///   - spec: the normalized request; its key names the file.
    ///   - owner: the account charged with the render, recorded on first write.
    ///   - render: makes the image bytes; runs on the calling thread with no database lock held (so it may
    ///     call the store, e.g. ``chargeRender(accountID:limit:)``), while other callers for the key wait.
    /// - Throws: `StoreError.invalidSpec` for out-of-range sizes or quality, whatever `render` throws,
    ///   `StoreError.io` or `StoreError.database` when the write fails (nothing is then left behind).
    public func fetchOrRender(
        _ spec: RenderSpec, owner: Int64?, render: () throws -> [UInt8]
    ) throws -> (render: StoredRender, cached: Bool) {
        try spec.validate()
        let key = spec.key
        while true {
            if let hit = try lookup(key) { return (hit, true) }
            // A false return means another caller held the key and has finished: look again, and
            // render here only if that caller failed.
            guard flights.begin(key) else { continue }
            defer { flights.end(key) }
            if let hit = try lookup(key) { return (hit, true) }
            let bytes = try render()
            return (try persist(bytes, for: spec, key: key, owner: owner), false)
        }
    }

    /// Writes `bytes` durably, then commits the row; on failure removes the file again.
    /// The caller holds `key` in ``flights``.
    private func persist(_ bytes: [UInt8], for spec: RenderSpec, key: CacheKey, owner: Int64?) throws -> StoredRender {
        let now = clock()
        let expires = now.addingTimeInterval(retention)
        let path = path(for: key, format: spec.format)
        try makeShardDirectories(for: key)
        try FileIO.writeDurably(bytes, to: path, temporaryDirectory: temporaryDirectory)
        let contentDigest = SHA256.hex(bytes)
        do {
            try withDatabase { db in
                try db.transaction(.immediate) {
                    try db.execute(
                        """
                        INSERT INTO renders(key, spec, format, byte_count, content_digest, created, expires,
                                            last_access, owner, file_present)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                        ON CONFLICT(key) DO UPDATE SET
                            spec = excluded.spec, format = excluded.format, byte_count = excluded.byte_count,
                            content_digest = excluded.content_digest, created = excluded.created,
                            expires = excluded.expires, last_access = excluded.last_access,
                            owner = coalesce(renders.owner, excluded.owner), file_present = 1
                        """,
                        [
                            .text(key.hex), .blob(spec.canonicalBytes()), .text(spec.format.rawValue),
                            .integer(Int64(bytes.count)), .text(contentDigest),
                            .date(now), .date(expires),
                            .date(now), owner.map { .integer($0) } ?? .null,
                        ])
                }
            }
        } catch {
            // File before row: without its row the file is an orphan, so remove it now rather than
            // wait for the sweeper. A failure here leaves it to the sweeper.
            _ = try? FileIO.remove(path)
            throw error
        }
        let stored = StoredRender(
            key: key, format: spec.format, path: path, byteCount: bytes.count, contentDigest: contentDigest,
            created: now, expires: expires)
        recentRenders.insert(RecentRender(render: stored, fileChecked: now), for: key)
        return stored
    }

    /// Creates the shard directories of `key` as needed, fsyncing the parent of each one created so the
    /// new directory entry is durable before a file is renamed into it.
    private func makeShardDirectories(for key: CacheKey) throws {
        let (outer, inner) = shardDirectories(for: key)
        if try FileIO.makeDirectory(outer) { try FileIO.syncDirectory(rendersDirectory) }
        if try FileIO.makeDirectory(inner) { try FileIO.syncDirectory(outer) }
    }
}
