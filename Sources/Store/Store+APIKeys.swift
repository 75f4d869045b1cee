import Foundation
import SQLite

extension Store {
    /// The prefix of every API key.
    public static let apiKeyPrefix = "og_live_"

    /// Creates an API key (`og_live_` + 32 lowercase hex from a CSPRNG); stores only its SHA-256.
    /// Returns the key in plain text; it cannot be recovered later.
    /// - Parameters:
    ///   - plan: the plan name, stored as given (the application validates it).
    ///   - name: a label for the account.
    public func createAPIKey(plan: String, name: String) throws -> (key: String, account: Account) {
        let key = Self.apiKeyPrefix + Hex.encode(try RandomBytes.generate(count: 16))
        let created = clock()
        let id = try withDatabase { db in
            try db.execute(
                "INSERT INTO api_keys(key_hash, name, plan, created) VALUES (?, ?, ?, ?)",
                [.text(SHA256.hex(key)), .text(name), .text(plan), .date(created)])
            return db.lastInsertRowID
        }
        return (key, Account(id: id, name: name, plan: plan, created: created))
    }

    /// The account for a presented key, looked up by the key's SHA-256; nil for unknown, revoked or
    /// malformed keys.
    ///
    /// The format is checked before any lookup. The comparison happens on the hash inside SQLite, so
    /// lookup timing reveals nothing usable about the key itself.
    public func account(forAPIKey key: String) throws -> Account? {
        guard Self.isWellFormedAPIKey(key) else { return nil }
        if let account = cachedAccount(forAPIKey: key) { return account }
        let hash = SHA256.hex(key)
        let account = try withDatabase { db in
            try db.query(
                "SELECT id, name, plan, created FROM api_keys WHERE key_hash = ? AND revoked IS NULL",
                [.text(hash)]
            ).first.map { row in
                Account(
                    id: try row.integer(0), name: try row.text(1), plan: try row.text(2),
                    created: try row.date(3))
            }
        }
        if let account { recentAccounts.insert((account, clock()), for: hash) }
        return account
    }

    /// The account for `key` if it was looked up in the last `accountCacheLifetime` seconds; never
    /// touches SQLite, so an event loop may call it. Nil means "ask `account(forAPIKey:)`".
    public func cachedAccount(forAPIKey key: String) -> Account? {
        guard Self.isWellFormedAPIKey(key) else { return nil }
        let hash = SHA256.hex(key)
        guard let entry = recentAccounts[hash] else { return nil }
        guard clock().timeIntervalSince(entry.read) < accountCacheLifetime else {
            recentAccounts.remove(hash)
            return nil
        }
        return entry.account
    }

    /// The number of API keys that have not been revoked.
    public func apiKeyCount() throws -> Int {
        try withDatabase { db in
            Int(try db.query("SELECT count(*) FROM api_keys WHERE revoked IS NULL").first?.integer(0) ?? 0)
        }
    }

    /// Revokes the key of account `id`; later lookups of it give nil.
    /// - Returns: false when there is no such unrevoked key.
    @discardableResult
    public func revokeAPIKey(id: Int64) throws -> Bool {
        let now = clock()
        let revoked = try withDatabase { db in
            try db.execute(
                "UPDATE api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL",
                [.date(now), .integer(id)])
            return db.changes == 1
        }
        // Hashes are the cache's keys and the account id is not, so forget every cached account.
        recentAccounts.removeAll()
        return revoked
    }

    /// True when `key` matches `^og_live_[0-9a-f]{32}$`.
    public static func isWellFormedAPIKey(_ key: String) -> Bool {
        // On the UTF-8 views, without copies: every API request checks its key.
        let bytes = key.utf8
        let prefix = apiKeyPrefix.utf8
        guard bytes.count == prefix.count + 32, bytes.starts(with: prefix) else { return false }
        return Hex.isLowercaseHex(bytes: bytes.dropFirst(prefix.count), count: 32)
    }
}
