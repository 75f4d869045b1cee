import Foundation
import SQLite
import Testing

@testable import Store

struct StoreTests {
    @Test func renderThenLookupGivesTheFileAndItsDigest() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let (stored, cached) = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }
        #expect(!cached)
        #expect(stored.key == spec.key)
        #expect(stored.byteCount == Samples.bytes.count)
        #expect(stored.contentDigest == SHA256.hex(Samples.bytes))
        #expect(stored.created == fixture.clock.now)
        #expect(stored.expires == fixture.clock.now.addingTimeInterval(30 * 86_400))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: stored.path))) == Samples.bytes)

        let hit = try #require(try fixture.store.lookup(spec.key))
        #expect(hit == stored)
        let again = try fixture.store.fetchOrRender(spec, owner: nil) {
            Issue.record("rendered a cached spec")
            return []
        }
        #expect(again.cached)
        #expect(again.render == stored)
        #expect(try fixture.store.spec(for: spec.key) == spec)
    }

    @Test func filesAreShardedByTheFirstFourHexDigits() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec(format: .webp, quality: 75)
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        let hex = spec.key.hex
        let a = hex.prefix(2)
        let b = hex.dropFirst(2).prefix(2)
        #expect(stored.path == "\(fixture.root)/renders/\(a)/\(b)/\(hex).webp")
        #expect(fixture.files(under: "renders") == ["\(a)/\(b)/\(hex).webp"])
        #expect(fixture.files(under: "tmp").isEmpty)
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/ogpress.sqlite"))
    }

    @Test func unknownKeyIsAMiss() throws {
        let fixture = try TemporaryStore()
        #expect(try fixture.store.lookup(Samples.spec().key) == nil)
        #expect(try fixture.store.spec(for: Samples.spec().key) == nil)
    }

    @Test func hitsExtendExpiryOnlyWhenLessThanRetentionMinusADayRemains() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let start = fixture.clock.now
        _ = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }

        fixture.clock.advance(by: 12 * 3600)
        #expect(try fixture.store.lookup(spec.key)?.expires == start.addingTimeInterval(30 * 86_400))

        fixture.clock.advance(by: 36 * 3600)
        let extended = fixture.clock.now.addingTimeInterval(30 * 86_400)
        #expect(try fixture.store.lookup(spec.key)?.expires == extended)
        // The extension is stored, not just reported.
        fixture.clock.advance(by: 3600)
        #expect(try fixture.store.lookup(spec.key)?.expires == extended)
    }

    @Test func expiredRenderIsAMissAndRendersAgain() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        _ = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }
        fixture.clock.advance(by: 30 * 86_400)
        #expect(try fixture.store.lookup(spec.key) == nil)
        var renders = 0
        let again = try fixture.store.fetchOrRender(spec, owner: nil) {
            renders += 1
            return Samples.bytes
        }
        #expect(renders == 1)
        #expect(!again.cached)
        #expect(again.render.expires == fixture.clock.now.addingTimeInterval(30 * 86_400))
        #expect(try fixture.store.lookup(spec.key) == again.render)
    }

    @Test func vanishedOrTruncatedFileIsAMissAndIsRewritten() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        try FileManager.default.removeItem(atPath: stored.path)
        #expect(try fixture.store.lookup(spec.key) == nil)

        let rewritten = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }
        #expect(!rewritten.cached)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: stored.path))) == Samples.bytes)

        try Data(Samples.bytes.prefix(3)).write(to: URL(fileURLWithPath: stored.path))
        #expect(try fixture.store.lookup(spec.key) == nil)
    }

    @Test func throwingRenderLeavesNoFileAndNoRow() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        #expect(throws: RenderFailure.self) {
            try fixture.store.fetchOrRender(spec, owner: nil) { throw RenderFailure() }
        }
        #expect(fixture.files(under: "renders").isEmpty)
        #expect(fixture.files(under: "tmp").isEmpty)
        #expect(try fixture.store.spec(for: spec.key) == nil)
        #expect(try fixture.store.lookup(spec.key) == nil)
        // The key is free again afterwards.
        #expect(try !fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.cached)
    }

    @Test func failedRowCommitRemovesTheWrittenFile() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        // No account 999 exists, so the foreign key fails the commit after the file was renamed.
        #expect(throws: StoreError.self) {
            try fixture.store.fetchOrRender(spec, owner: 999) { Samples.bytes }
        }
        #expect(fixture.files(under: "renders").isEmpty)
        #expect(fixture.files(under: "tmp").isEmpty)
        #expect(try fixture.store.spec(for: spec.key) == nil)
    }

    @Test func ownerIsRecorded() throws {
        let fixture = try TemporaryStore()
        let account = try fixture.store.createAPIKey(plan: "pro", name: "site").account
        _ = try fixture.store.fetchOrRender(Samples.spec(), owner: account.id) { Samples.bytes }
        let owner = try fixture.store.withDatabase { db in
            try db.query("SELECT owner FROM renders").first?[0]
        }
        #expect(owner == .integer(account.id))
    }

    @Test(arguments: [
        Samples.spec(width: 0),
        Samples.spec(quality: 0),
        Samples.spec(quality: 101),
    ])
    func outOfRangeSpecIsRejectedBeforeRendering(spec: RenderSpec) throws {
        let fixture = try TemporaryStore()
        #expect(throws: StoreError.self) {
            try fixture.store.fetchOrRender(spec, owner: nil) {
                Issue.record("rendered an invalid spec")
                return []
            }
        }
    }

    @Test func reopeningKeepsDataAndSchemaVersion() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        _ = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }
        let clock = fixture.clock
        let reopened = try Store(root: fixture.root, retention: .seconds(30 * 86_400), clock: { clock.now })
        #expect(try reopened.lookup(spec.key)?.contentDigest == SHA256.hex(Samples.bytes))
        let settings = try reopened.withDatabase { db in
            [
                try db.query("PRAGMA user_version")[0][0],
                try db.query("PRAGMA journal_mode")[0][0],
                try db.query("PRAGMA synchronous")[0][0],
                try db.query("PRAGMA foreign_keys")[0][0],
            ]
        }
        #expect(settings == [.integer(1), .text("wal"), .integer(2), .integer(1)])
    }

    @Test func templateSourcesAreKeptByDigest() throws {
        let fixture = try TemporaryStore()
        let html = "<h1>{{title}}</h1>"
        let digest = SHA256.hex(html)
        #expect(try fixture.store.templateSource(digest: digest) == nil)
        try fixture.store.saveTemplateSource(html, digest: digest)
        try fixture.store.saveTemplateSource(html, digest: digest)
        #expect(try fixture.store.templateSource(digest: digest) == html)
    }
}
