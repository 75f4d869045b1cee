import SQLite

/// The index schema, upgraded in place through `PRAGMA user_version`.
enum Schema {
    /// Each entry upgrades version `index` to `index + 1`.
    static let migrations: [String] = [
        """
        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY,
            key_hash TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            plan TEXT NOT NULL,
            created REAL NOT NULL,
            revoked REAL
        );
        CREATE TABLE renders (
            key TEXT PRIMARY KEY,
            spec BLOB NOT NULL,
            format TEXT NOT NULL,
            byte_count INTEGER NOT NULL,
            content_digest TEXT NOT NULL,
            created REAL NOT NULL,
            expires REAL NOT NULL,
            last_access REAL NOT NULL,
            owner INTEGER REFERENCES api_keys(id),
            file_present INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX renders_expires ON renders(expires);
        CREATE TABLE template_sources (
            digest TEXT PRIMARY KEY,
            html TEXT NOT NULL
        );
        CREATE TABLE usage (
            api_key_id INTEGER NOT NULL REFERENCES api_keys(id),
            month TEXT NOT NULL,
            renders INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (api_key_id, month)
        );
        """
    ]

    /// Sets the connection up for a server (WAL, durable commits, busy timeout, foreign keys) and
    /// applies any missing migrations.
    /// - Throws: `StoreError.database` when the file was written by a newer schema.
    static func prepare(_ db: Connection) throws {
        try db.setBusyTimeout(.seconds(5))
        let mode = try db.query("PRAGMA journal_mode=WAL").first?[0].string
        guard mode?.lowercased() == "wal" else {
            throw StoreError.database("cannot enable WAL (journal mode is \(mode ?? "unknown"))")
        }
        // FULL: usage counters live in this database, so a commit must survive power loss.
        try db.execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")
        let version = Int(try db.query("PRAGMA user_version").first?[0].int64 ?? 0)
        guard version <= migrations.count else {
            throw StoreError.database("index schema version \(version) is newer than this program")
        }
        for target in version..<migrations.count {
            try db.transaction(.immediate) {
                try db.execute(migrations[target])
                try db.execute("PRAGMA user_version = \(target + 1)")
            }
        }
    }
}
