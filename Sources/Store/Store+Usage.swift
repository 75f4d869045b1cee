import Foundation
import SQLite

extension Store {
    /// The UTC month of `date` as `YYYY-MM`, the period quotas count in.
    public static func usageMonth(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1)
    }

    /// Counts one render for `accountID` in the current UTC month if fewer than `limit` are counted.
    ///
    /// The check and the increment are one SQL statement, so parallel requests at the limit cannot
    /// overshoot it. Call it where a render really runs (inside `fetchOrRender`'s `render` closure) so
    /// cache hits cost nothing, and ``refund(_:)`` the charge when the render then fails.
    /// - Parameter limit: the monthly quota; nil means unlimited.
    /// - Returns: the charge, or nil when the quota is used up.
    public func chargeRender(accountID: Int64, limit: Int?) throws -> UsageCharge? {
        if let limit, limit <= 0 { return nil }
        let charge = UsageCharge(accountID: accountID, month: Self.usageMonth(for: clock()))
        let bound: SQLValue = limit.map { .integer(Int64($0)) } ?? .null
        let counted = try withDatabase { db in
            try db.execute(
                """
                INSERT INTO usage(api_key_id, month, renders) VALUES (?, ?, 1)
                ON CONFLICT(api_key_id, month) DO UPDATE SET renders = renders + 1
                WHERE ? IS NULL OR renders < ?
                """,
                [.integer(accountID), .text(charge.month), bound, bound])
            return db.changes == 1
        }
        return counted ? charge : nil
    }

    /// Gives back a charge whose render failed.
    public func refund(_ charge: UsageCharge) throws {
        try withDatabase { db in
            try db.execute(
                "UPDATE usage SET renders = renders - 1 WHERE api_key_id = ? AND month = ? AND renders > 0",
                [.integer(charge.accountID), .text(charge.month)])
        }
    }

    /// Renders counted for `accountID` in `month` (`YYYY-MM`).
    public func rendersUsed(accountID: Int64, month: String) throws -> Int {
        try withDatabase { db in
            Int(
                try db.query(
                    "SELECT renders FROM usage WHERE api_key_id = ? AND month = ?",
                    [.integer(accountID), .text(month)]
                ).first?.integer(0) ?? 0)
        }
    }
}
