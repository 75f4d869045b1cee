import CSQLite

/// One SQLite database connection.
///
/// A connection is **not** `Sendable`: it must be used by one thread at a time. Keep it inside the
/// owner that serializes access (for example a `Synchronization.Mutex`), which also allows opening it
/// with ``OpenFlags/noMutex``. Extended result codes are always on, so errors carry the specific code.
///
/// ```swift
/// let db = try Connection(path: "/tmp/app.sqlite")
/// try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)")
/// try db.transaction(.immediate) {
///     try db.execute("INSERT INTO t(name) VALUES (?)", [.text("a")])
/// }
/// let rows = try db.query("SELECT name FROM t")
/// ```
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/sqlite3.html>
public final class Connection {
    let handle: OpaquePointer

    /// Opens the database at `path` (`":memory:"` for a private in-memory database).
    /// - Throws: ``SQLiteError`` when SQLite cannot open the file.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>
    public init(path: String, flags: OpenFlags = .default) throws {
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags.rawValue | SQLITE_OPEN_EXRESCODE, nil)
        guard code == SQLITE_OK, let db else {
            // A handle is returned even on most failures and must be closed.
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close_v2(db)
            throw SQLiteError(code: ResultCode(rawValue: code), message: message)
        }
        self.handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        // close_v2 defers the close until any remaining statements are finalized.
        sqlite3_close_v2(handle)
    }

    /// Runs one or more `;`-separated statements that take no parameters.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/exec.html>
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            throw SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(handle)), message: text, sql: sql)
        }
    }

    /// Runs one statement with `bindings` for its `?` parameters, discarding any rows.
    public func execute(_ sql: String, _ bindings: [SQLValue]) throws {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        try statement.run()
    }

    /// Runs one statement with `bindings` and returns all its rows.
    public func query(_ sql: String, _ bindings: [SQLValue] = []) throws -> [Row] {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        return try statement.rows()
    }

    /// Compiles one statement.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/prepare.html>
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// Runs `body` inside a transaction: commits when it returns, rolls back when it throws.
    ///
    /// - Parameters:
    ///   - kind: the lock mode; use `.immediate` when `body` may write.
    ///   - body: the work; it runs on the calling thread.
    /// - Throws: the error `body` threw (after rolling back), or ``SQLiteError`` from `BEGIN`/`COMMIT`.
    ///   Nesting is not supported and throws `.misuse`.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws -> T {
        guard isAutocommit else {
            throw SQLiteError(code: .misuse, message: "a transaction is already open")
        }
        try execute("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollbackIfOpen()
            throw error
        }
        return result
    }

    /// Makes calls wait up to `timeout` for another connection's lock instead of failing with
    /// `SQLITE_BUSY` at once.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/busy_timeout.html>
    public func setBusyTimeout(_ timeout: Duration) throws {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        let code = sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        guard code == SQLITE_OK else { throw error(code: code, sql: nil) }
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/changes.html>
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the most recent successful INSERT.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/last_insert_rowid.html>
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// False while a transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    private func rollbackIfOpen() {
        // Some errors (SQLITE_FULL, SQLITE_IOERR, …) make SQLite roll back by itself; a second
        // ROLLBACK would fail, so only issue it while the transaction is still open. The rollback's
        // own error is dropped because the caller is already reporting the original one.
        if !isAutocommit {
            try? execute("ROLLBACK")
        }
    }

    /// The connection's current error as a ``SQLiteError``.
    func error(code: Int32, sql: String?) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        // Prefer the connection's extended code when it refines the code the call returned.
        let resolved = (extended & 0xFF) == (code & 0xFF) ? extended : code
        return SQLiteError(
            code: ResultCode(rawValue: resolved), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable, message: "A connection must be confined to one thread at a time")
extension Connection: Sendable {}
