import Foundation
import Testing
@testable import OGServer

struct AssetFingerprintTests {
    @Test func changesWithAnyAssetAndOnlyThen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-assets-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = AssetFingerprint.compute(directory: folder)
        try FileManager.default.createDirectory(atPath: folder + "/logos", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/logos/a.png", contents: Data([1, 2, 3])))
        let one = AssetFingerprint.compute(directory: folder)
        #expect(one != empty)
        #expect(AssetFingerprint.compute(directory: folder) == one)
        #expect(FileManager.default.createFile(atPath: folder + "/logos/a.png", contents: Data([1, 2, 4])))
        let edited = AssetFingerprint.compute(directory: folder)
        #expect(edited != one)
        try FileManager.default.moveItem(atPath: folder + "/logos/a.png", toPath: folder + "/logos/b.png")
        #expect(AssetFingerprint.compute(directory: folder) != edited)
    }
}
