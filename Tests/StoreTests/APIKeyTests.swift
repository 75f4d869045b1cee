import Foundation
import Testing

@testable import Store

struct APIKeyTests {
    @Test func createdKeyHasTheFormatAndFindsItsAccount() throws {
        let fixture = try TemporaryStore()
        let (key, account) = try fixture.store.createAPIKey(plan: "pro", name: "Example site")
        #expect(key.wholeMatch(of: /og_live_[0-9a-f]{32}/) != nil)
        #expect(account.plan == "pro")
        #expect(account.name == "Example site")
        #expect(account.created == fixture.clock.now)
        #expect(try fixture.store.account(forAPIKey: key) == account)
        #expect(try fixture.store.apiKeyCount() == 1)
    }

    @Test func keysAreDistinct() throws {
        let fixture = try TemporaryStore()
        let keys = try (0..<20).map { _ in try fixture.store.createAPIKey(plan: "free", name: "n").key }
        #expect(Set(keys).count == 20)
        #expect(try fixture.store.apiKeyCount() == 20)
    }

    @Test func wrongKeyFindsNothing() throws {
        let fixture = try TemporaryStore()
        let key = try fixture.store.createAPIKey(plan: "free", name: "n").key
        let last = key.last == "0" ? "1" : "0"
        let other = String(key.dropLast()) + last
        #expect(Store.isWellFormedAPIKey(other))
        #expect(try fixture.store.account(forAPIKey: other) == nil)
    }

    @Test(arguments: [
        "",
        "og_live_",
        "og_live_0123456789abcdef0123456789abcde",
        "og_live_0123456789abcdef0123456789abcdef0",
        "og_live_0123456789ABCDEF0123456789ABCDEF",
        "og_test_0123456789abcdef0123456789abcdef",
        " og_live_0123456789abcdef0123456789abcde",
        "og_live_0123456789abcdef0123456789abcdeg",
        "og_live_0123456789abcdef0123456789abcde\u{301}",
    ])
    func malformedKeysAreRejected(key: String) throws {
        #expect(!Store.isWellFormedAPIKey(key))
        let fixture = try TemporaryStore()
        #expect(try fixture.store.account(forAPIKey: key) == nil)
    }

    @Test func revokedKeyFindsNothing() throws {
        let fixture = try TemporaryStore()
        let (key, account) = try fixture.store.createAPIKey(plan: "free", name: "n")
        #expect(try fixture.store.revokeAPIKey(id: account.id))
        #expect(try !fixture.store.revokeAPIKey(id: account.id))
        #expect(try fixture.store.account(forAPIKey: key) == nil)
        #expect(try fixture.store.apiKeyCount() == 0)
    }

    @Test func onlyTheHashIsStored() throws {
        let fixture = try TemporaryStore()
        let key = try fixture.store.createAPIKey(plan: "free", name: "n").key
        let stored = try fixture.store.withDatabase { db in
            try db.query("SELECT * FROM api_keys").flatMap(\.values)
        }
        #expect(stored.contains(.text(SHA256.hex(key))))
        for value in stored {
            if case .text(let text) = value { #expect(!text.contains(key.dropFirst(8))) }
        }
        // Nor anywhere in the database files (main file and write-ahead log).
        let secret = Data(key.dropFirst(8).utf8)
        for suffix in ["", "-wal"] {
            let path = fixture.root + "/ogpress.sqlite" + suffix
            if let contents = FileManager.default.contents(atPath: path) {
                #expect(contents.range(of: secret) == nil)
            }
        }
    }
}
