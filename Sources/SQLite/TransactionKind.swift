/// How a transaction takes its locks.
///
/// Use `.immediate` for any transaction that may write: a deferred transaction that read first fails
/// with `SQLITE_BUSY` at once when it upgrades to a write lock, whatever the busy timeout.
/// Related SQLite documentation: <https://www.sqlite.org/lang_transaction.html>
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}
