import Foundation
import Testing

@testable import Store

/// The in-memory answers that let hot requests skip SQLite.
struct MemoryCacheTests {
    @Test func renderIsAnsweredFromMemoryUntilItsFileOrFreshnessGoes() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        #expect(fixture.store.memoryLookup(spec.key) == nil)
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        #expect(fixture.store.memoryLookup(spec.key) == stored)

        // Close to expiry the memory declines, so `lookup` can write the longer expiry.
        fixture.clock.advance(by: 2 * 86_400)
        #expect(fixture.store.memoryLookup(spec.key) == nil)
        let refreshed = try #require(try fixture.store.lookup(spec.key))
        #expect(refreshed.expires > stored.expires)
        #expect(fixture.store.memoryLookup(spec.key) == refreshed)

        // A file removed behind the store's back is not answered.
        try FileManager.default.removeItem(atPath: stored.path)
        #expect(fixture.store.memoryLookup(spec.key) == nil)
    }

    @Test func fileCheckIntervalTrustsARecentCheckOnly() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        try FileManager.default.removeItem(atPath: stored.path)
        // The write just checked the file; within the interval that check stands.
        #expect(fixture.store.memoryLookup(spec.key, fileCheckInterval: 1) == stored)
        fixture.clock.advance(by: 0.5)
        #expect(fixture.store.memoryLookup(spec.key, fileCheckInterval: 1) == stored)
        // Callers about to send the file always check.
        #expect(fixture.store.memoryLookup(spec.key) == nil)
    }

    @Test func fileCheckIntervalChecksAgainOnceItPasses() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        fixture.clock.advance(by: 2)
        #expect(fixture.store.memoryLookup(spec.key, fileCheckInterval: 1) == stored, "the file is there: checked and renewed")
        try FileManager.default.removeItem(atPath: stored.path)
        #expect(fixture.store.memoryLookup(spec.key, fileCheckInterval: 1) == stored)
        fixture.clock.advance(by: 1)
        #expect(fixture.store.memoryLookup(spec.key, fileCheckInterval: 1) == nil)
        #expect(fixture.store.memoryLookup(spec.key, fileCheckInterval: 1) == nil, "a failed check forgets the render")
    }

    @Test func sweptFilesLeaveMemory() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        fixture.clock.advance(by: 31 * 86_400)
        _ = try fixture.store.sweep(now: fixture.clock.now)
        #expect(!FileManager.default.fileExists(atPath: stored.path))
        #expect(fixture.store.memoryLookup(spec.key) == nil)
    }

    @Test func accountsAreRememberedForAMinuteAndForgottenOnRevocation() throws {
        let fixture = try TemporaryStore()
        let (key, account) = try fixture.store.createAPIKey(plan: "pro", name: "a")
        #expect(fixture.store.cachedAccount(forAPIKey: key) == nil)
        #expect(try fixture.store.account(forAPIKey: key) == account)
        #expect(fixture.store.cachedAccount(forAPIKey: key) == account)
        fixture.clock.advance(by: 61)
        #expect(fixture.store.cachedAccount(forAPIKey: key) == nil)
        #expect(try fixture.store.account(forAPIKey: key) == account)
        try fixture.store.revokeAPIKey(id: account.id)
        #expect(fixture.store.cachedAccount(forAPIKey: key) == nil)
        #expect(try fixture.store.account(forAPIKey: key) == nil)
    }

    @Test func fullCacheStartsOver() {
        let cache = MemoryCache<Int, String>(capacity: 2)
        cache.insert("a", for: 1)
        cache.insert("b", for: 2)
        cache.insert("b2", for: 2)
        #expect(cache[1] == "a" && cache[2] == "b2")
        cache.insert("c", for: 3)
        #expect(cache[1] == nil && cache[2] == nil && cache[3] == "c")
    }
}
