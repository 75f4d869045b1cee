import Foundation
import SQLite

extension Store {
    /// Deletes expired files (rows stay), orphan files with no row, and stale temp files.
    ///
    /// Expired rows are marked first and their files removed after, so lookups stop serving a file
    /// before it disappears; a crash in between leaves an orphan for the next sweep. Keys being
    /// rendered are skipped. Orphans and temp files younger than the grace period (10 minutes) stay,
    /// since a write may be between its rename and its row commit.
    /// - Parameter now: the time expiry and file ages are measured against.
    public func sweep(now: Date = Date()) throws -> SweepReport {
        var report = SweepReport(expiredFiles: 0, orphanFiles: 0, tempFiles: 0, bytesFreed: 0)
        try sweepExpired(now: now, into: &report)
        try sweepOrphans(now: now, into: &report)
        try sweepTemporaryFiles(now: now, into: &report)
        // Swept files must not be answered from memory; the cache refills from the index.
        recentRenders.removeAll()
        sweeps.add(1, ordering: .releasing)
        return report
    }

    /// Removes the files of expired rows, a batch at a time so renders keep getting the writer.
    private func sweepExpired(now: Date, into report: inout SweepReport) throws {
        let cutoff = SQLValue.date(now)
        // Keyset pagination over (expires, key): skipped keys are not selected again.
        var cursor: (expires: SQLValue, key: SQLValue) = (.real(-.infinity), .text(""))
        while true {
            let batch = try withDatabase { db in
                try db.query(
                    """
                    SELECT key, format, expires FROM renders
                    WHERE file_present = 1 AND expires <= ? AND (expires, key) > (?, ?)
                    ORDER BY expires, key LIMIT 256
                    """,
                    [cutoff, cursor.expires, cursor.key])
            }
            guard let last = batch.last else { return }
            cursor = (last[2], last[0])
            for row in batch {
                guard let key = CacheKey(hex: try row.text(0)), let format = ImageFormat(rawValue: try row.text(1))
                else { continue }
                guard flights.tryBegin(key) else { continue }
                defer { flights.end(key) }
                let marked = try withDatabase { db in
                    // Re-checked under the key's lock: a hit may have extended it meanwhile.
                    try db.execute(
                        "UPDATE renders SET file_present = 0 WHERE key = ? AND file_present = 1 AND expires <= ?",
                        [.text(key.hex), cutoff])
                    return db.changes == 1
                }
                guard marked else { continue }
                let path = path(for: key, format: format)
                let size = FileIO.status(path)?.size ?? 0
                if try FileIO.remove(path) {
                    report.expiredFiles += 1
                    report.bytesFreed += size
                }
            }
        }
    }

    /// Removes render files that no live row points to.
    private func sweepOrphans(now: Date, into report: inout SweepReport) throws {
        for outer in try FileIO.contents(of: rendersDirectory) where Hex.isLowercaseHex(outer, count: 2) {
            let outerPath = rendersDirectory + "/" + outer
            for inner in try FileIO.contents(of: outerPath) where Hex.isLowercaseHex(inner, count: 2) {
                let innerPath = outerPath + "/" + inner
                for name in try FileIO.contents(of: innerPath) {
                    // Names that are not `<key>.<ext>` were not written by the store; leave them.
                    guard let (key, format) = Self.parseFileName(name) else { continue }
                    let path = innerPath + "/" + name
                    guard let status = staleFileStatus(path, now: now) else { continue }
                    guard flights.tryBegin(key) else { continue }
                    defer { flights.end(key) }
                    let record = try record(for: key)
                    let live = record.map { $0.filePresent && $0.format == format } ?? false
                    guard !live else { continue }
                    if try FileIO.remove(path) {
                        report.orphanFiles += 1
                        report.bytesFreed += status.size
                    }
                }
            }
        }
    }

    /// Removes temp files left by writes that never finished.
    private func sweepTemporaryFiles(now: Date, into report: inout SweepReport) throws {
        for name in try FileIO.contents(of: temporaryDirectory) {
            let path = temporaryDirectory + "/" + name
            guard let status = staleFileStatus(path, now: now) else { continue }
            if try FileIO.remove(path) {
                report.tempFiles += 1
                report.bytesFreed += status.size
            }
        }
    }

    /// The status of the file at `path` if it was last modified at least the grace period before `now`.
    private func staleFileStatus(_ path: String, now: Date) -> FileIO.Status? {
        guard let status = FileIO.status(path), now.timeIntervalSince(status.modified) >= gracePeriod else {
            return nil
        }
        return status
    }

    /// Splits `<64 hex>.<ext>` into its key and format.
    static func parseFileName(_ name: String) -> (CacheKey, ImageFormat)? {
        guard let dot = name.firstIndex(of: "."),
            let key = CacheKey(hex: String(name[..<dot])),
            let format = ImageFormat(rawValue: String(name[name.index(after: dot)...]))
        else { return nil }
        return (key, format)
    }
}
