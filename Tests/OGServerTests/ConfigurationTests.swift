import Foundation
import Testing
@testable import OGServer

struct ConfigurationTests {
    static func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ogpress.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try body(path)
    }

    @Test func fileSettingsResolvePathsAgainstTheFilesFolder() throws {
        try Self.withFile(#"{"port": 9000, "cacheDirectory": "../cache", "templatesDirectory": "/abs/templates", "limits": {"maxJSONDepth": 8}, "plans": {"free": {"monthlyRenders": 10}, "vip": {"monthlyRenders": null, "batch": true}}}"#) { path in
            var configuration = Configuration()
            try configuration.apply(file: path)
            let folder = (path as NSString).deletingLastPathComponent
            #expect(configuration.port == 9000)
            #expect(configuration.cacheDirectory == (folder as NSString).appendingPathComponent("../cache"))
            #expect(configuration.templatesDirectory == "/abs/templates")
            #expect(configuration.limits.maxJSONDepth == 8)
            #expect(configuration.plan(named: "vip") == Plan(name: "vip", monthlyRenders: nil, batch: true))
            #expect(configuration.plan(named: "free")?.monthlyRenders == 10)
        }
    }

    @Test(arguments: [
        #"{"prot": 1}"#, #"{"port": "80"}"#, #"{"port": 70000}"#, #"{"limits": {"maxBody": 1}}"#, #"[]"#, #"{"#,
    ])
    func rejectsBadFiles(_ text: String) throws {
        try Self.withFile(text) { path in
            var configuration = Configuration()
            #expect(throws: ConfigurationError.self) { try configuration.apply(file: path) }
        }
    }

    @Test func gradientDitheringIsOffUnlessTheFileTurnsItOn() throws {
        #expect(Configuration().ditherGradients == false)
        try Self.withFile(#"{"ditherGradients": true}"#) { path in
            var configuration = Configuration()
            try configuration.apply(file: path)
            #expect(configuration.ditherGradients)
        }
        try Self.withFile(#"{"ditherGradients": "yes"}"#) { path in
            var configuration = Configuration()
            #expect(throws: (any Error).self) { try configuration.apply(file: path) }
        }
    }

    @Test func imageCacheBytesComeFromTheFileAndMustNotBeNegative() throws {
        #expect(Configuration().imageCacheBytes == 64 << 20)
        try Self.withFile(#"{"imageCacheBytes": 0}"#) { path in
            var configuration = Configuration()
            try configuration.apply(file: path)
            #expect(configuration.imageCacheBytes == 0)
        }
        try Self.withFile(#"{"imageCacheBytes": -1}"#) { path in
            var configuration = Configuration()
            #expect(throws: (any Error).self) { try configuration.apply(file: path) }
        }
    }

    @Test func eventLoopsShareOneListenerUnlessTheFileSaysOtherwise() throws {
        #expect(Configuration().sharedListener)
        try Self.withFile(#"{"sharedListener": false, "eventLoops": 3}"#) { path in
            var configuration = Configuration()
            try configuration.apply(file: path)
            #expect(!configuration.sharedListener && configuration.eventLoops == 3)
        }
        try Self.withFile(#"{"sharedListener": 1}"#) { path in
            var configuration = Configuration()
            #expect(throws: (any Error).self) { try configuration.apply(file: path) }
        }
    }

    @Test func environmentOverridesTheFile() throws {
        var configuration = Configuration()
        try configuration.apply(environment: ["OGPRESS_PORT": "9123", "OGPRESS_HOST": "::1",
                                              "OGPRESS_CACHE_DIR": "/tmp/c", "OGPRESS_PUBLIC_URL": "https://cdn.example/"])
        #expect(configuration.port == 9123 && configuration.host == "::1" && configuration.cacheDirectory == "/tmp/c")
        #expect(configuration.resolvedPublicURL == "https://cdn.example")
        #expect(throws: ConfigurationError.self) { try configuration.apply(environment: ["OGPRESS_PORT": "http"]) }
    }

    @Test func defaultPublicURLNamesTheServer() {
        var configuration = Configuration()
        configuration.host = "0.0.0.0"
        configuration.port = 8080
        #expect(configuration.resolvedPublicURL == "http://localhost:8080")
    }

    @Test func defaultPlansFollowTheProduct() {
        let plans = Configuration().plans
        #expect(plans.map(\.name) == ["free", "starter", "pro", "scale", "enterprise"])
        #expect(plans.first { $0.name == "free" }?.monthlyRenders == 50)
        #expect(plans.first { $0.name == "enterprise" }?.monthlyRenders == nil)
    }
}
