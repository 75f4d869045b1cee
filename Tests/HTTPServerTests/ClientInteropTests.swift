import Foundation
import Testing
import HTTPServer

/// Real clients and a real reverse proxy against a live server.
struct ClientInteropTests {
    static let nginx = "/usr/sbin/nginx"

    @Test func pythonHTTPClientReusesOneConnection() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let script = """
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=20)
        seen = set()
        for path in ("/hello", "/items/a", "/file"):
            conn.request("GET", path)
            response = conn.getresponse()
            print(response.status, response.read().decode())
            seen.add(conn.sock.getsockname())
        conn.request("POST", "/echo", body=b"posted", headers={"Content-Type": "text/plain"})
        print(conn.getresponse().read().decode())
        print(len(seen))
        """
        let lines = try PythonClient.run(script, port: live.server.localPort).stdout.split(separator: "\n")
        #expect(lines == ["200 hello world", "200 item a", "200 abcdefghij", "posted", "1"])
    }

    @Test func pythonHTTPClientParsesPipelinedResponses() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        // http.client refuses to pipeline by itself, so the requests go out in one write and
        // HTTPResponse parses the answers one after another from a single buffered reader.
        let script = """
        import http.client
        class Shared:
            def __init__(self, reader): self.reader = reader
            def __getattr__(self, name): return getattr(self.reader, name)
            def close(self): pass
        class Socket:
            def __init__(self, reader): self.reader = Shared(reader)
            def makefile(self, mode): return self.reader
        s = connect()
        s.sendall(b"GET /items/1 HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n"
                  b"HEAD /hello HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n"
                  b"POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\nabc\\r\\n0\\r\\n\\r\\n"
                  b"GET /items/4 HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n")
        fake = Socket(s.makefile("rb"))
        for method in ("GET", "HEAD", "POST", "GET"):
            response = http.client.HTTPResponse(fake, method=method)
            response.begin()
            print(response.status, response.getheader("Content-Length"), response.read().decode())
        """
        let lines = try PythonClient.run(script, port: live.server.localPort).stdout.split(separator: "\n")
        #expect(lines == ["200 6 item 1", "200 11 ", "200 3 abc", "200 6 item 4"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nginx), "nginx is not installed"))
    func responsesThroughNginxMatchDirectOnes() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let proxy = try NginxProxy(upstreamPort: live.server.localPort)
        defer { proxy.stop() }
        let cases: [[String]] = [
            ["/hello"], ["/items/42"], ["/file"], ["/missing"], ["/nope"], ["--head", "/hello"],
            ["--data-binary", "through the proxy", "/echo"], ["--request", "DELETE", "/hello"],
        ]
        for arguments in cases {
            let path = arguments.last!
            let options = Array(arguments.dropLast())
            let direct = try Self.fetch(options, "http://127.0.0.1:\(live.server.localPort)\(path)")
            let proxied = try Self.fetch(options, "http://127.0.0.1:\(proxy.port)\(path)")
            #expect(direct.status == proxied.status, "\(arguments)")
            #expect(direct.headers == proxied.headers, "\(arguments)")
            #expect(direct.body == proxied.body, "\(arguments)")
        }
    }

    /// A response reduced to what a proxy must pass through unchanged.
    struct Fetched: Equatable {
        var status: String
        /// Lower-cased `name: value` lines, minus hop-by-hop and per-hop fields.
        var headers: [String]
        var body: String
    }

    static func fetch(_ options: [String], _ url: String) throws -> Fetched {
        let result = try runTool("/usr/bin/curl", ["--silent", "--include", "--max-time", "20"] + options + [url])
        let (head, body) = result.stdout.range(of: "\r\n\r\n").map {
            (String(result.stdout[..<$0.lowerBound]), String(result.stdout[$0.upperBound...]))
        } ?? (result.stdout, "")
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        // nginx answers with its own Date, Server and Connection fields; the rest must be identical.
        let perHop: Set<String> = ["date", "server", "connection", "keep-alive"]
        let headers = lines.compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            return perHop.contains(name) ? nil : name + ":" + line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }.sorted()
        return Fetched(status: String(statusLine.split(separator: " ", maxSplits: 1).last ?? ""), headers: headers, body: body)
    }
}
