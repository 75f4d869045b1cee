import Foundation
import Store

/// A digest of every file in the assets folder (path, size and content), part of the renderer version.
///
/// Cards name asset files by path, so a request's text stays the same when a logo is replaced; folding
/// the assets into the version gives such requests new keys. It is computed when the server starts:
/// replace assets, then restart.
enum AssetFingerprint {
    /// Hex SHA-256 over the sorted files under `directory`; the digest of nothing when it does not exist.
    static func compute(directory: String) -> String {
        var entries: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: directory) {
            while let path = enumerator.nextObject() as? String {
                let full = (directory as NSString).appendingPathComponent(path)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                      let data = FileManager.default.contents(atPath: full) else { continue }
                entries.append("\(path)\u{0}\(data.count)\u{0}\(SHA256.hex(Array(data)))")
            }
        }
        return SHA256.hex(entries.sorted().joined(separator: "\n"))
    }
}
