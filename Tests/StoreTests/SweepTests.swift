import Foundation
import Testing

@testable import Store

struct SweepTests {
    @Test func expiredFilesAreRemovedButSpecRowsStay() throws {
        let fixture = try TemporaryStore()
        let old = Samples.spec(title: "old")
        let fresh = Samples.spec(title: "fresh")
        let oldRender = try fixture.store.fetchOrRender(old, owner: nil) { Samples.bytes }.render
        fixture.clock.advance(by: 20 * 86_400)
        let freshRender = try fixture.store.fetchOrRender(fresh, owner: nil) { [1, 2, 3] }.render
        fixture.clock.advance(by: 10 * 86_400)

        let report = try fixture.store.sweep(now: fixture.clock.now)
        let freed = Int64(Samples.bytes.count)
        #expect(report == SweepReport(expiredFiles: 1, orphanFiles: 0, tempFiles: 0, bytesFreed: freed))
        #expect(!FileManager.default.fileExists(atPath: oldRender.path))
        #expect(FileManager.default.fileExists(atPath: freshRender.path))
        #expect(try fixture.store.spec(for: old.key) == old)
        #expect(try fixture.store.lookup(old.key) == nil)

        // A second sweep finds nothing more, and the expired spec can be rendered again.
        #expect(try fixture.store.sweep(now: fixture.clock.now).expiredFiles == 0)
        #expect(try !fixture.store.fetchOrRender(old, owner: nil) { Samples.bytes }.cached)
        #expect(FileManager.default.fileExists(atPath: oldRender.path))
    }

    @Test func eachSweepAdvancesTheGeneration() throws {
        let fixture = try TemporaryStore()
        let before = fixture.store.sweepGeneration
        _ = try fixture.store.fetchOrRender(Samples.spec(), owner: nil) { Samples.bytes }
        #expect(fixture.store.sweepGeneration == before, "writing a render is not a sweep")
        _ = try fixture.store.sweep(now: fixture.clock.now)
        #expect(fixture.store.sweepGeneration == before + 1)
        _ = try fixture.store.sweep(now: fixture.clock.now)
        #expect(fixture.store.sweepGeneration == before + 2)
    }

    @Test func manyExpiredFilesAreSweptAcrossBatches() throws {
        let fixture = try TemporaryStore()
        for index in 0..<300 {
            _ = try fixture.store.fetchOrRender(Samples.spec(title: "t\(index)"), owner: nil) { [UInt8(index % 256)] }
        }
        fixture.clock.advance(by: 31 * 86_400)
        let report = try fixture.store.sweep(now: fixture.clock.now)
        #expect(report.expiredFiles == 300)
        #expect(report.bytesFreed == 300)
        #expect(fixture.files(under: "renders").isEmpty)
    }

    @Test func orphanFilesAreRemovedAfterTheGracePeriod() throws {
        let fixture = try TemporaryStore()
        let kept = try fixture.store.fetchOrRender(Samples.spec(), owner: nil) { Samples.bytes }.render
        let orphanKey = Samples.spec(title: "no row").key.hex
        let directory = "\(fixture.root)/renders/\(orphanKey.prefix(2))/\(orphanKey.dropFirst(2).prefix(2))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let orphan = directory + "/\(orphanKey).png"
        let stranger = directory + "/notes.txt"
        try Data([1, 2, 3, 4]).write(to: URL(fileURLWithPath: orphan))
        try Data([1]).write(to: URL(fileURLWithPath: stranger))

        let now = Date()
        #expect(try fixture.store.sweep(now: now).orphanFiles == 0)
        #expect(FileManager.default.fileExists(atPath: orphan))

        let later = now.addingTimeInterval(11 * 60)
        let report = try fixture.store.sweep(now: later)
        #expect(report.orphanFiles == 1)
        #expect(report.bytesFreed == 4)
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: stranger))
        #expect(FileManager.default.fileExists(atPath: kept.path))
    }

    @Test func fileWithTheWrongExtensionForItsRowIsAnOrphan() throws {
        let fixture = try TemporaryStore()
        let stored = try fixture.store.fetchOrRender(Samples.spec(format: .png), owner: nil) { Samples.bytes }.render
        let wrong = String(stored.path.dropLast(3)) + "jpeg"
        try Data([9, 9]).write(to: URL(fileURLWithPath: wrong))
        let report = try fixture.store.sweep(now: Date().addingTimeInterval(11 * 60))
        #expect(report.orphanFiles == 1)
        #expect(!FileManager.default.fileExists(atPath: wrong))
        #expect(FileManager.default.fileExists(atPath: stored.path))
    }

    @Test func staleTempFilesAreRemoved() throws {
        let fixture = try TemporaryStore()
        let temp = fixture.root + "/tmp/abandoned.tmp"
        try Data(repeating: 7, count: 10).write(to: URL(fileURLWithPath: temp))
        let now = Date()
        #expect(try fixture.store.sweep(now: now).tempFiles == 0)
        #expect(FileManager.default.fileExists(atPath: temp))
        let report = try fixture.store.sweep(now: now.addingTimeInterval(11 * 60))
        #expect(report == SweepReport(expiredFiles: 0, orphanFiles: 0, tempFiles: 1, bytesFreed: 10))
        #expect(!FileManager.default.fileExists(atPath: temp))
    }

    @Test func keyBeingRenderedIsNotSwept() throws {
        let fixture = try TemporaryStore()
        let spec = Samples.spec()
        let stored = try fixture.store.fetchOrRender(spec, owner: nil) { Samples.bytes }.render
        fixture.clock.advance(by: 31 * 86_400)
        #expect(fixture.store.flights.tryBegin(spec.key))
        #expect(try fixture.store.sweep(now: fixture.clock.now).expiredFiles == 0)
        #expect(FileManager.default.fileExists(atPath: stored.path))
        fixture.store.flights.end(spec.key)
        #expect(try fixture.store.sweep(now: fixture.clock.now).expiredFiles == 1)
    }
}
