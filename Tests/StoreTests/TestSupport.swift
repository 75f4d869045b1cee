import Foundation
import Synchronization

@testable import Store

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A store in a fresh temporary directory with a manual clock; the directory is removed afterwards.
final class TemporaryStore {
    let root: String
    let clock = ManualClock()
    let store: Store

    init(retention: Duration = .seconds(30 * 86_400)) throws {
        root = NSTemporaryDirectory() + "store-tests-" + UUID().uuidString
        let clock = self.clock
        store = try Store(root: root, retention: retention, clock: { clock.now })
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Every regular file under `directory` (relative to the root), sorted.
    func files(under directory: String) -> [String] {
        let base = root + "/" + directory
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

enum Samples {
    static func spec(
        title: String = "Hello", width: Int = 1200, format: ImageFormat = .png, quality: Int? = nil
    ) -> RenderSpec {
        RenderSpec(
            source: .template(id: "basic", digest: String(repeating: "ab", count: 32), variables: ["title": title]),
            width: width, height: 630, format: format, quality: quality, rendererVersion: "engine-1/fonts-1")
    }

    static let bytes: [UInt8] = Array("not really a png, but bytes all the same".utf8)
}

struct RenderFailure: Error {}
