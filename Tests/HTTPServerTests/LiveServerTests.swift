import Foundation
import Testing
import HTTPServer

/// Each test starts its own server on a free port and drives it with a real client.
struct LiveServerTests {
    func curl(_ arguments: [String]) throws -> ToolOutput {
        try runTool("/usr/bin/curl", ["--silent", "--show-error", "--max-time", "20"] + arguments)
    }

    @Test func getReturnsTheBody() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try curl(["--include", "\(live.base)/hello"])
        #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(result.stdout.contains("Content-Length: 11\r\n"))
        #expect(result.stdout.contains("\r\nDate: "))
        #expect(result.stdout.hasSuffix("\r\n\r\nhello world"))
    }

    @Test func headSendsGetsContentLengthWithoutBody() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try curl(["--head", "\(live.base)/hello"])
        #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(result.stdout.contains("Content-Length: 11\r\n"))
        #expect(result.stdout.hasSuffix("\r\n\r\n"))
    }

    @Test func postBodyReachesTheHandler() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try curl(["--data-binary", "payload=1&x=2", "\(live.base)/echo"])
        #expect(result.stdout == "payload=1&x=2")
    }

    @Test func chunkedUploadIsDecoded() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try runTool("/usr/bin/curl", ["--silent", "--max-time", "20", "--header", "Transfer-Encoding: chunked",
                                                   "--data-binary", "@-", "\(live.base)/echo"], stdin: "streamed body")
        #expect(result.stdout == "streamed body")
    }

    @Test func keepAliveReusesOneConnectionForTwoURLs() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try curl(["--verbose", "\(live.base)/items/1", "\(live.base)/items/2"])
        #expect(result.stdout == "item 1item 2")
        #expect(result.stderr.contains("Re-using existing connection"))
    }

    @Test func oversizeBodyIs413() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let body = String(repeating: "x", count: 4000)
        let result = try curl(["--output", "/dev/null", "--write-out", "%{http_code}", "--data-binary", body, "\(live.base)/echo"])
        #expect(result.stdout == "413")
    }

    @Test func hugeHeaderIs431() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let header = "X-Huge: " + String(repeating: "h", count: 4000)
        let result = try curl(["--output", "/dev/null", "--write-out", "%{http_code}", "--header", header, "\(live.base)/hello"])
        #expect(result.stdout == "431")
    }

    @Test func fileBodiesAreSentAndMissingFilesAre500() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        #expect(try curl(["\(live.base)/file"]).stdout == "abcdefghij")
        let missing = try curl(["--write-out", " %{http_code}", "\(live.base)/missing"])
        #expect(missing.stdout == "{\"error\":\"Internal Server Error\"} 500")
        #expect(try curl(["--write-out", " %{http_code}", "\(live.base)/nope"]).stdout == "{\"error\":\"Not Found\"} 404")
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let script = """
        import socket, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
        s.sendall(b"GET /items/first HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n"
                  b"POST /echo HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 6\\r\\n\\r\\nsecond"
                  b"GET /items/third HTTP/1.1\\r\\nHost: t\\r\\nConnection: close\\r\\n\\r\\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        sys.stdout.write(data.decode())
        """
        let result = try runTool("/usr/bin/python3", ["-c", script, String(live.server.localPort)])
        // Bodies carry no line ending, so the next status line follows the previous body directly.
        #expect(result.stdout.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 4)
        let first = result.stdout.range(of: "item first")
        let second = result.stdout.range(of: "\r\n\r\nsecond")
        let third = result.stdout.range(of: "item third")
        #expect(first != nil && second != nil && third != nil)
        if let first, let second, let third {
            #expect(first.upperBound <= second.lowerBound && second.upperBound <= third.lowerBound)
        }
        #expect(result.stdout.contains("Connection: close\r\n"))
    }

    @Test func slowHeaderClientGets408WhileOthersAreServed() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        // Sends one header byte at a time until the server answers, then prints the answer.
        let script = """
        import select, socket, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
        s.sendall(b"GET /hello HTTP/1.1\\r\\nHost: t\\r\\n")
        sys.stdout.write("connected\\n"); sys.stdout.flush()
        for _ in range(100):
            readable, _, _ = select.select([s], [], [], 0.2)
            if readable:
                break
            try:
                s.sendall(b"X")
            except OSError:
                break
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        sys.stdout.write(data.decode(errors="replace"))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, String(live.server.localPort)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // Wait until the slow client holds its connection, then show another client is served.
        let firstLine = out.fileHandleForReading.readLine()
        #expect(firstLine == "connected")
        #expect(try curl(["\(live.base)/hello"]).stdout == "hello world")
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(rest.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(rest.contains("Connection: close\r\n"))
        #expect(rest.hasSuffix("{\"error\":\"Request Timeout\"}"))
    }

    @Test func expectContinueGets100BeforeTheBody() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try curl(["--verbose", "--header", "Expect: 100-continue", "--data-binary", "wanted", "\(live.base)/echo"])
        #expect(result.stderr.contains("HTTP/1.1 100 Continue"))
        #expect(result.stdout == "wanted")
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() throws {
        let live = try LiveServer(configure: { $0.idleTimeout = .milliseconds(300) })
        defer { live.shutdown() }
        let script = """
        import socket, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
        s.sendall(b"GET /hello HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        sys.stdout.write(data.decode())
        """
        let result = try runTool("/usr/bin/python3", ["-c", script, String(live.server.localPort)])
        // One complete response, then end of stream with nothing more (no 408 for an idle connection).
        #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(result.stdout.hasSuffix("\r\n\r\nhello world"))
        #expect(!result.stdout.contains("Connection: close"))
    }

    @Test func silentConnectionIsClosedAfterTheHeaderTimeout() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let script = """
        import socket, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
        sys.stdout.write("eof" if s.recv(100) == b"" else "data")
        """
        #expect(try runTool("/usr/bin/python3", ["-c", script, String(live.server.localPort)]).stdout == "eof")
    }

    @Test func stopLetsARequestInFlightFinish() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let live = try LiveServer(routes: { router in
            router.on(.get, "/block") { _ in
                entered.signal()
                release.wait()
                return Response(body: .bytes(Array("finished".utf8)))
            }
        })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--include", "--max-time", "20", "\(live.base)/block"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        entered.wait()
        live.server.stop()
        release.signal()
        let response = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        live.shutdown()
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.contains("Connection: close\r\n"))
        #expect(response.hasSuffix("finished"))
        let refused = try curl(["\(live.base)/hello"])
        #expect(refused.status != 0)
    }
}

extension FileHandle {
    /// Reads bytes up to a newline (exclusive), one at a time so nothing after it is consumed.
    func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            let byte = readData(ofLength: 1)
            guard let first = byte.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }
}
