import Foundation
import Testing
@testable import HTTPServer
@testable import OGServer
import Store

/// The open-file cache behind `/renders` hits, on files in a temporary folder.
final class HotRenderCacheTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hot-renders-\(UUID().uuidString)").path
    let start = ContinuousClock.now

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes `bytes` as the file of key number `index` and describes it as the store would.
    func render(_ index: Int, _ bytes: [UInt8], created: Date = Date(timeIntervalSince1970: 1_800_000_000)) throws -> StoredRender {
        let hex = String(repeating: String(format: "%02x", index), count: 32)
        let key = try #require(CacheKey(hex: hex))
        let path = directory + "/" + hex + ".png"
        // Written beside, then renamed into place, as the store writes files.
        try Data(bytes).write(to: URL(fileURLWithPath: path + ".tmp"))
        #expect(rename(path + ".tmp", path) == 0)
        return StoredRender(key: key, format: .png, path: path, byteCount: bytes.count, contentDigest: SHA256.hex(bytes),
                            created: created, expires: created.addingTimeInterval(30 * 86_400))
    }

    func bytes(of hot: HotRender) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: hot.file.size) { buffer, count in
            count = max(0, pread(hot.file.descriptor, buffer.baseAddress, hot.file.size, 0))
        }
    }

    @Test func hitsShareOneOpenFile() throws {
        let cache = HotRenderCache(capacity: 4, validity: .seconds(1))
        let stored = try render(1, [1, 2, 3])
        let first = try #require(cache.render(for: stored, generation: 0, now: start))
        let second = try #require(cache.render(for: stored, generation: 0, now: start + .milliseconds(500)))
        #expect(first === second && bytes(of: first) == [1, 2, 3])
        // Past the validity the file is rechecked, still there, and kept.
        #expect(cache.render(for: stored, generation: 0, now: start + .seconds(5)) === first)
        #expect(cache.count == 1)
    }

    @Test func deletedFileIsServedAtMostForTheValidity() throws {
        let cache = HotRenderCache(capacity: 4, validity: .seconds(1))
        let stored = try render(1, [1, 2, 3])
        let held = try #require(cache.render(for: stored, generation: 0, now: start))
        try FileManager.default.removeItem(atPath: stored.path)
        // Within the validity the open inode still gives the same bytes.
        #expect(cache.render(for: stored, generation: 0, now: start + .milliseconds(900)).map(bytes) == [1, 2, 3])
        // Then the recheck finds no links: dropped, and the missing file is not cached again.
        #expect(cache.render(for: stored, generation: 0, now: start + .seconds(1)) == nil)
        #expect(cache.count == 0)
        #expect(bytes(of: held) == [1, 2, 3], "a response still holding the file keeps it readable")
    }

    @Test func renderMadeAgainGetsItsNewFile() throws {
        let cache = HotRenderCache(capacity: 4, validity: .seconds(60))
        let old = try render(1, [1, 2, 3])
        let oldHot = try #require(cache.render(for: old, generation: 0, now: start))
        // Made again: new bytes renamed over the same name, with a new creation time.
        let new = try render(1, [4, 5, 6, 7], created: old.created.addingTimeInterval(10))
        let newHot = try #require(cache.render(for: new, generation: 0, now: start + .seconds(1)))
        #expect(newHot !== oldHot && bytes(of: newHot) == [4, 5, 6, 7])
        #expect(newHot.etag == "\"\(SHA256.hex([4, 5, 6, 7]))\"")
        #expect(cache.count == 1)
    }

    @Test func fileReplacedBehindTheStoreIsReopenedAfterTheValidity() throws {
        let cache = HotRenderCache(capacity: 4, validity: .seconds(1))
        let stored = try render(1, [1, 2, 3])
        let first = try #require(cache.render(for: stored, generation: 0, now: start))
        _ = try render(1, [9, 9, 9])
        let later = try #require(cache.render(for: stored, generation: 0, now: start + .seconds(2)))
        #expect(later !== first && bytes(of: later) == [9, 9, 9])
    }

    @Test func newSweepGenerationDropsEveryFile() throws {
        let cache = HotRenderCache(capacity: 4, validity: .seconds(60))
        let a = try render(1, [1])
        let b = try render(2, [2])
        let heldA = try #require(cache.render(for: a, generation: 7, now: start))
        _ = try #require(cache.render(for: b, generation: 7, now: start))
        #expect(cache.count == 2)
        try FileManager.default.removeItem(atPath: b.path)
        // The sweep removed b: nothing opened before it is used again, although the validity holds.
        #expect(cache.render(for: b, generation: 8, now: start + .milliseconds(1)) == nil)
        #expect(cache.count == 0)
        let reopened = try #require(cache.render(for: a, generation: 8, now: start + .milliseconds(2)))
        #expect(reopened !== heldA && cache.count == 1)
        // A caller that read the generation before the latest sweep gets its file, which is not kept.
        _ = try #require(cache.render(for: try render(3, [3]), generation: 7, now: start))
        #expect(cache.count == 1 && cache.render(for: a, generation: 8, now: start + .milliseconds(3)) === reopened)
    }

    @Test func wrongSizeIsNotServed() throws {
        let cache = HotRenderCache(capacity: 4, validity: .seconds(1))
        var stored = try render(1, [1, 2, 3])
        stored.byteCount = 4
        #expect(cache.render(for: stored, generation: 0, now: start) == nil)
        #expect(cache.count == 0)
    }

    @Test func capacityIsABoundAndRecentHitsSurviveEviction() throws {
        let cache = HotRenderCache(capacity: 3, validity: .seconds(60))
        let renders = try (1...3).map { try render($0, [UInt8($0)]) }
        let held = try renders.map { try #require(cache.render(for: $0, generation: 0, now: start)) }
        // Only the first is hit again, so the clock passes over it and evicts the second.
        #expect(cache.render(for: renders[0], generation: 0, now: start) === held[0])
        _ = try #require(cache.render(for: try render(4, [4]), generation: 0, now: start))
        #expect(cache.count == 3)
        #expect(cache.render(for: renders[0], generation: 0, now: start) === held[0])
        #expect(cache.render(for: renders[2], generation: 0, now: start) === held[2])
        let reopened = try #require(cache.render(for: renders[1], generation: 0, now: start))
        #expect(reopened !== held[1] && bytes(of: reopened) == [2])
        for index in 5...40 {
            _ = try #require(cache.render(for: try render(index, [UInt8(index)]), generation: 0, now: start))
            #expect(cache.count <= 3)
        }
        #expect(cache.count == 3)
    }
}
