/// An error reported by SQLite.
///
/// `code` is the extended result code; `message` is SQLite's message for the failing call; `sql` is
/// the statement text when one was involved (never the bound values).
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: ResultCode
    public var message: String
    public var sql: String?

    public init(code: ResultCode, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(code.rawValue): \(message)"
        if let sql { text += " — while executing `\(sql)`" }
        return text
    }
}
