import Foundation
import SQLite
import Synchronization

/// The content-addressed store: files under `<root>/renders/<k0k1>/<k2k3>/<key>.<ext>` and a SQLite
/// index at `<root>/ogpress.sqlite`. Safe to use from many threads.
///
/// Every call blocks on disk and SQLite I/O; run it off event loops. One connection, guarded by a
/// mutex, is the single writer; calls hold it only for the SQL itself, never during a render.
public final class Store: Sendable {
    /// The store's root directory (absolute).
    public let root: String
    let rendersDirectory: String
    let temporaryDirectory: String
    /// How long a file lives after its last (extending) request.
    let retention: TimeInterval
    /// Files and temp files younger than this are never swept: a write may be between its rename and
    /// its row commit.
    let gracePeriod: TimeInterval = 600
    /// The current time; injectable so tests can move through expiry.
    let clock: @Sendable () -> Date
    /// Per-key exclusion shared by renders and the sweeper.
    let flights = SingleFlight()
    /// The single connection. `Connection` is not `Sendable`; the mutex is what makes sharing it safe,
    /// since the connection is only ever reached inside `withLock`.
    private let database: Mutex<Connection>
    /// Renders known to be on disk and fresh, answered without SQLite (see `memoryLookup`).
    let recentRenders = MemoryCache<CacheKey, RecentRender>(capacity: 50_000)
    /// Counts finished sweeps (see `sweepGeneration`).
    let sweeps = Atomic<UInt64>(0)
    /// Accounts by key hash with the time they were read; kept for `accountCacheLifetime` so a key
    /// revoked by another process (the CLI) stops working within that time.
    let recentAccounts = MemoryCache<String, (account: Account, read: Date)>(capacity: 10_000)
    let accountCacheLifetime: TimeInterval = 60

    /// Opens (creating if needed) the store under `root`. Files live `retention` after their last request.
    /// - Throws: `StoreError.io` when the directories cannot be made, `StoreError.database` when the
    ///   index cannot be opened or migrated.
    public convenience init(root: String, retention: Duration = .seconds(30 * 86_400)) throws {
        try self.init(root: root, retention: retention, clock: { Date() })
    }

    init(root: String, retention: Duration, clock: @escaping @Sendable () -> Date) throws {
        var root = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.rendersDirectory = root + "/renders"
        self.temporaryDirectory = root + "/tmp"
        let (seconds, attoseconds) = retention.components
        self.retention = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        self.clock = clock
        for directory in [root, rendersDirectory, temporaryDirectory] {
            try FileIO.makeDirectory(directory)
        }
        let connection: Connection
        do {
            connection = try Connection(path: root + "/ogpress.sqlite", flags: [.readWrite, .create, .noMutex])
            try Schema.prepare(connection)
        } catch let error as SQLiteError {
            throw StoreError.database(error.description)
        }
        self.database = Mutex(connection)
    }

    /// The render for `key` if its row and file exist and it has not expired; extends its expiry.
    ///
    /// The expiry slides to `now + retention`, but is written only once less than
    /// `retention − 1 day` remains, so a hot key costs a write per day rather than per request.
    /// A row whose file is missing or has the wrong size gives nil, so the caller renders again.
    public func lookup(_ key: CacheKey) throws -> StoredRender? {
        if let hit = memoryLookup(key) { return hit }
        let now = clock()
        guard let record = try record(for: key), record.filePresent, record.expires > now else { return nil }
        let path = path(for: key, format: record.format)
        guard let status = FileIO.status(path), status.size == record.byteCount else { return nil }
        var expires = record.expires
        if expires.timeIntervalSince(now) < refreshThreshold {
            expires = now.addingTimeInterval(retention)
            try withDatabase { db in
                try db.execute(
                    "UPDATE renders SET expires = ?, last_access = ? WHERE key = ? AND expires < ?",
                    [.date(expires), .date(now), .text(key.hex), .date(expires)])
            }
        }
        let stored = StoredRender(
            key: key, format: record.format, path: path, byteCount: Int(record.byteCount),
            contentDigest: record.contentDigest, created: record.created, expires: expires)
        recentRenders.insert(RecentRender(render: stored, fileChecked: now), for: key)
        return stored
    }

    /// The render for `key` if memory knows it is on disk and needs no expiry write; never touches
    /// SQLite, so an event loop may call it. Nil means "ask `lookup`", not "missing".
    ///
    /// - Parameter fileCheckInterval: how old the last check that the file exists may be. Zero (for
    ///   callers about to send the file) checks every time; an answer that only names the file can
    ///   accept a check up to a second old, since a file swept in that second is rendered again from
    ///   its spec when it is fetched.
    public func memoryLookup(_ key: CacheKey, fileCheckInterval: TimeInterval = 0) -> StoredRender? {
        guard let entry = recentRenders[key] else { return nil }
        let now = clock()
        guard entry.render.expires.timeIntervalSince(now) >= refreshThreshold else {
            recentRenders.remove(key)
            return nil
        }
        let sinceCheck = now.timeIntervalSince(entry.fileChecked)
        if sinceCheck >= 0, sinceCheck < fileCheckInterval { return entry.render }
        // The file may have been swept by another process; its size is the cheap check.
        guard FileIO.status(entry.render.path)?.size == Int64(entry.render.byteCount) else {
            recentRenders.remove(key)
            return nil
        }
        if fileCheckInterval > 0 { recentRenders.insert(RecentRender(render: entry.render, fileChecked: now), for: key) }
        return entry.render
    }

    /// A number that grows each time a sweep in this process finishes, having maybe removed files.
    ///
    /// Whoever keeps render files open (an open-file cache) reads it before opening a file and drops
    /// files opened under an older value, so a file this process swept is not served from memory.
    /// A sweep by another process is not seen here; such a holder also rechecks its files' links.
    public var sweepGeneration: UInt64 {
        sweeps.load(ordering: .acquiring)
    }

    /// The spec recorded for `key`, kept after its file expired so the image can be made again.
    public func spec(for key: CacheKey) throws -> RenderSpec? {
        let bytes = try withDatabase { db in
            try db.query("SELECT spec FROM renders WHERE key = ?", [.text(key.hex)]).first.map { try $0.blob(0) }
        }
        return try bytes.map { try RenderSpec(canonicalBytes: $0) }
    }

    /// Keeps a template's source by its digest, so an expired render of an edited template can be made again.
    public func saveTemplateSource(_ html: String, digest: String) throws {
        try withDatabase { db in
            // Content-addressed: a digest already present already holds this source.
            try db.execute(
                "INSERT INTO template_sources(digest, html) VALUES (?, ?) ON CONFLICT(digest) DO NOTHING",
                [.text(digest), .text(html)])
        }
    }

    /// The template source saved under `digest`, if any.
    public func templateSource(digest: String) throws -> String? {
        try withDatabase { db in
            try db.query("SELECT html FROM template_sources WHERE digest = ?", [.text(digest)]).first.map {
                try $0.text(0)
            }
        }
    }

    /// The absolute path of `key`'s file: `<root>/renders/<k0k1>/<k2k3>/<key>.<ext>`.
    func path(for key: CacheKey, format: ImageFormat) -> String {
        "\(shardDirectories(for: key).inner)/\(key.hex).\(format.fileExtension)"
    }

    /// The two shard directories of `key`, outer first.
    func shardDirectories(for key: CacheKey) -> (outer: String, inner: String) {
        let hex = key.hex.utf8
        let outer = rendersDirectory + "/" + String(decoding: hex.prefix(2), as: UTF8.self)
        let inner = outer + "/" + String(decoding: hex.dropFirst(2).prefix(2), as: UTF8.self)
        return (outer, inner)
    }

    /// Remaining lifetime below which a hit extends the expiry: retention minus one day, or minus half
    /// the retention when that is shorter than two days.
    var refreshThreshold: TimeInterval {
        retention - min(86_400, retention / 2)
    }

    /// The row for `key`, without its spec.
    func record(for key: CacheKey) throws -> RenderRecord? {
        try withDatabase { db in
            try db.query("SELECT \(RenderRecord.columns) FROM renders WHERE key = ?", [.text(key.hex)]).first
        }.map { try RenderRecord(row: $0) }
    }

    /// Runs `body` with the connection locked; SQLite errors become `StoreError.database`.
    func withDatabase<T: Sendable>(_ body: (Connection) throws -> T) throws -> T {
        do {
            return try database.withLock { connection in try body(connection) }
        } catch let error as SQLiteError {
            throw StoreError.database(error.description)
        }
    }
}
