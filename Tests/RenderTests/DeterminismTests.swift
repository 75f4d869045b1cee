import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Render

/// The same input must give byte-identical files on every run and whatever else runs at the same
/// time: cache keys promise that a URL always names the same bytes.
struct DeterminismTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/templates")

    struct Manifest: Decodable {
        struct Variable: Decodable {
            var name: String
            var example: String
        }
        var id: String
        var width: Int
        var height: Int
        var variables: [Variable]
    }

    /// Every template with its example values filled in (raw text is enough here: examples have no markup).
    static func examples() throws -> [(id: String, html: String, width: Int, height: Int)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: templates.appendingPathComponent(name)))
            var html = try String(contentsOf: templates.appendingPathComponent("\(manifest.id).html"), encoding: .utf8)
            for variable in manifest.variables {
                html = html.replacingOccurrences(of: "{{\(variable.name)}}", with: variable.example)
            }
            return (manifest.id, html, manifest.width, manifest.height)
        }
    }

    static let encodings: [ImageEncoding] = [.png, .jpeg(quality: 90), .webp(quality: 90), .webp(quality: 100)]

    @Test func templatesExist() throws {
        #expect(try Self.examples().count >= 3)
    }

    @Test(arguments: encodings)
    func everyTemplateRendersTheSameBytesTwice(encoding: ImageEncoding) throws {
        let renderer = LaidOut.renderer
        for page in try Self.examples() {
            let first = try renderer.render(html: page.html, width: page.width, height: page.height, encoding: encoding)
            let second = try renderer.render(html: page.html, width: page.width, height: page.height, encoding: encoding)
            #expect(first.bytes.count > 1000, "\(page.id) \(encoding)")
            #expect(first.bytes == second.bytes, "\(page.id) \(encoding)")
        }
    }

    @Test(arguments: encodings)
    func concurrentRendersMatchASerialOne(encoding: ImageEncoding) throws {
        let renderer = LaidOut.renderer
        for page in try Self.examples() {
            let serial = try renderer.render(html: page.html, width: page.width, height: page.height, encoding: encoding).bytes
            let results = Mutex<[Int: [UInt8]]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let bytes = try? renderer.render(html: page.html, width: page.width, height: page.height, encoding: encoding).bytes
                results.withLock { $0[index] = bytes ?? [] }
            }
            let parallel = results.withLock { $0 }
            #expect(parallel[0] == serial, "\(page.id) \(encoding) thread 0")
            #expect(parallel[1] == serial, "\(page.id) \(encoding) thread 1")
        }
    }
}
