import CSQLite

/// A prepared statement of one ``Connection``.
///
/// Bind values with ``bind(_:)``, then call ``step()`` until it returns nil:
/// ```swift
/// let statement = try connection.prepare("SELECT name FROM t WHERE id > ?")
/// try statement.bind([.integer(10)])
/// while let row = try statement.step() { print(row[0]) }
/// ```
/// Like its connection, a statement is confined to one thread at a time and is not `Sendable`.
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/stmt.html>
public final class Statement {
    private let handle: OpaquePointer
    /// Kept so the connection outlives its statements.
    private let connection: Connection
    /// The SQL text, for error messages.
    public let sql: String
    /// Names of the result columns (empty for statements that return no rows).
    public let columnNames: [String]

    init(connection: Connection, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw connection.error(code: code, sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
        let count = Int(sqlite3_column_count(statement))
        self.columnNames = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Resets the statement and binds `values` to its parameters in order.
    /// - Throws: ``SQLiteError`` with `.range` when the count does not match the parameters.
    public func bind(_ values: [SQLValue]) throws {
        reset()
        sqlite3_clear_bindings(handle)
        guard values.count == parameterCount else {
            throw SQLiteError(
                code: .range,
                message: "\(values.count) values bound to \(parameterCount) parameters",
                sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds one value to parameter `index` (1-based, as in SQLite). Text and blobs are copied.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/bind_blob.html>
    public func bind(_ value: SQLValue, at index: Int) throws {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, position, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, position, number)
        case .text(let string):
            var string = string
            code = string.withUTF8 { utf8 in
                // An empty buffer may have no base address, and a null pointer would bind NULL.
                guard let base = utf8.baseAddress, !utf8.isEmpty else {
                    return sqlite3_bind_text(handle, position, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                    sqlite3_bind_text64(
                        handle, position, chars, sqlite3_uint64(utf8.count), csqlite_transient(),
                        UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, position, 0)
                }
                return sqlite3_bind_blob64(handle, position, base, sqlite3_uint64(raw.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql) }
    }

    /// Runs the statement to its next row.
    /// - Returns: the row, or nil when the statement is done.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/step.html>
    public func step() throws -> Row? {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return currentRow()
        case SQLITE_DONE:
            return nil
        default:
            let error = connection.error(code: code, sql: sql)
            reset()
            throw error
        }
    }

    /// Steps to the end and returns every row.
    public func rows() throws -> [Row] {
        var rows: [Row] = []
        while let row = try step() { rows.append(row) }
        return rows
    }

    /// Steps to the end, discarding rows; for statements run for their effect.
    public func run() throws {
        while try step() != nil {}
    }

    /// Makes the statement ready to run again; bindings are kept.
    public func reset() {
        // The return value repeats the last step's error, which step() already reported.
        sqlite3_reset(handle)
    }

    private func currentRow() -> Row {
        var values: [SQLValue] = []
        values.reserveCapacity(columnNames.count)
        for column in 0..<Int32(columnNames.count) {
            values.append(columnValue(column))
        }
        return Row(values: values, columnNames: columnNames)
    }

    private func columnValue(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // column_text must come before column_bytes so the length is of the UTF-8 form.
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }
}

@available(*, unavailable, message: "A statement is confined to its connection's thread")
extension Statement: Sendable {}
