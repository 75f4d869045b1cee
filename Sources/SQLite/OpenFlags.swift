import CSQLite

/// Flags for opening a ``Connection``.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>
public struct OpenFlags: OptionSet, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let readOnly = OpenFlags(rawValue: SQLITE_OPEN_READONLY)
    public static let readWrite = OpenFlags(rawValue: SQLITE_OPEN_READWRITE)
    /// Create the database file if it does not exist (needs `readWrite`).
    public static let create = OpenFlags(rawValue: SQLITE_OPEN_CREATE)
    /// Interpret the path as a `file:` URI.
    public static let uri = OpenFlags(rawValue: SQLITE_OPEN_URI)
    /// Skip SQLite's per-connection mutex; correct because a ``Connection`` is confined to one thread
    /// at a time by its owner.
    public static let noMutex = OpenFlags(rawValue: SQLITE_OPEN_NOMUTEX)

    /// Read-write, created if missing.
    public static let `default`: OpenFlags = [.readWrite, .create]
}
