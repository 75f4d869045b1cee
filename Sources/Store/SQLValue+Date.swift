import Foundation
import SQLite

// The index stores times as REAL seconds since 1970, which round-trips a `Date` exactly.
extension SQLValue {
    static func date(_ date: Date) -> SQLValue {
        .real(date.timeIntervalSince1970)
    }
}
