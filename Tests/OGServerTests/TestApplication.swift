import Foundation
@testable import HTTPServer
import OGServer

/// An `Application` on a fresh temporary cache folder with the repository's templates and config.
struct TestApplication {
    let application: Application
    let router: Router
    let cacheDirectory: String
    let key: String

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    init() throws {
        var configuration = Configuration()
        try configuration.apply(file: Self.repositoryRoot + "/config/ogpress.json")
        cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-test-\(UUID().uuidString)").path
        configuration.cacheDirectory = cacheDirectory
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.publicURL = "https://cdn.example"
        configuration.accessLog = false
        application = try Application(configuration: configuration)
        router = application.makeRouter()
        guard let key = try application.createFirstAPIKeyIfNeeded() else { throw CocoaError(.featureUnsupported) }
        self.key = key
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    /// Sends a request straight to the router, as the server's workers do.
    func send(_ method: HTTPMethod, _ target: String, json: String? = nil, key: String? = nil,
              headers extra: [(String, String)] = []) -> Response {
        router.respond(to: request(method, target, json: json, key: key, headers: extra))
    }

    /// The answer the event loop gives without a worker, or nil when it defers to the workers.
    func sendOnEventLoop(_ method: HTTPMethod, _ target: String, json: String? = nil, key: String? = nil,
                         headers extra: [(String, String)] = []) -> Response? {
        router.respondOnEventLoop(to: request(method, target, json: json, key: key, headers: extra))
    }

    func request(_ method: HTTPMethod, _ target: String, json: String?, key: String?, headers extra: [(String, String)]) -> Request {
        var headers = HTTPHeaders()
        if let key { headers.add("Authorization", "Bearer \(key)") }
        if json != nil { headers.add("Content-Type", "application/json") }
        for (name, value) in extra { headers.add(name, value) }
        return Request(method: method, target: target, headers: headers, body: Array((json ?? "").utf8))
    }

    /// Files under `renders/` and `tmp/` of the cache.
    func storedFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: cacheDirectory)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if (path.hasPrefix("renders/") || path.hasPrefix("tmp/")),
               (try? FileManager.default.attributesOfItem(atPath: cacheDirectory + "/" + path)[.type] as? FileAttributeType) == .typeRegular {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

extension Response {
    var bodyBytes: [UInt8] {
        switch body {
        case .empty: return []
        case .bytes(let bytes): return bytes
        case .file(let path, let offset, let length):
            guard let data = FileManager.default.contents(atPath: path) else { return [] }
            return Array(data[offset..<offset + length])
        case .openFile(let file, let offset, let length):
            // pread, as sendfile does, reads the open inode even if its name is gone.
            return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                count = max(0, pread(file.descriptor, buffer.baseAddress, length, off_t(offset)))
            }
        }
    }

    var bodyText: String { String(decoding: bodyBytes, as: UTF8.self) }
}
