import Foundation
import HTTPServer
import Store
import Testing
@testable import OGServer

/// The whole path over a real socket, driven by curl: POST /images → render → store → GET the URL.
@Suite(.serialized)
struct LiveServerTests {
    /// Runs curl and returns its standard output. `-sS` keeps errors visible without a progress bar.
    static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "--max-time", "30"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The status line and header fields of a `curl -i`/`-I` answer, by lowercase name.
    static func headers(of response: String) -> (status: Int, fields: [String: String]) {
        let head = response.components(separatedBy: "\r\n\r\n").first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, fields)
    }

    @Test func quickStartOverLoopback() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let server = try app.application.start()
        defer { server.stop(); server.wait() }
        let base = "http://127.0.0.1:\(server.localPort)"
        let post = ["-X", "POST", "\(base)/images", "-H", "Authorization: Bearer \(app.key)",
                    "-H", "Content-Type: application/json", "-d", ApplicationTests.blog]

        let first = try JSONParser.parse(Array(try Self.curl(post).utf8))
        #expect(first["cached"] == .bool(false))
        let second = try JSONParser.parse(Array(try Self.curl(post).utf8))
        #expect(second["cached"] == .bool(true))
        #expect(first["url"] == second["url"])
        guard case .string(let url)? = first["url"] else { Issue.record("no url"); return }
        let local = base + url.dropFirst("https://cdn.example".count)

        let head = Self.headers(of: try Self.curl(["-I", local]))
        #expect(head.status == 200)
        #expect(head.fields["cache-control"] == "public, max-age=31536000, immutable, no-transform")
        #expect(head.fields["content-type"] == "image/png")
        #expect(head.fields["date"] != nil)
        let etag = try #require(head.fields["etag"])

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-live-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = try Self.curl(["-o", file, local])
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(head.fields["content-length"] == String(bytes.count))
        #expect(etag == "\"\(SHA256.hex(Array(bytes)))\"")

        let conditional = Self.headers(of: try Self.curl(["-i", "-H", "If-None-Match: \(etag)", local]))
        #expect(conditional.status == 304)
        #expect(conditional.fields["etag"] == etag && conditional.fields["cache-control"] != nil)

        let unauthorized = try Self.curl(["-X", "POST", "\(base)/images", "-d", ApplicationTests.blog])
        #expect(try JSONParser.parse(Array(unauthorized.utf8))["error"] == .string(APIError.missingKey))
    }
}
