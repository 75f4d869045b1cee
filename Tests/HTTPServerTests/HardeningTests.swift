import Dispatch
import Foundation
import Testing
import HTTPServer

/// Limits and timeouts on a live server, driven by Python sockets.
struct HardeningTests {
    @Test func connectionsBeyondTheLimitGet503AndLaterOnesAreServed() throws {
        let live = try LiveServer(configure: { $0.maxConnections = 2 })
        defer { live.shutdown() }
        let script = """
        def get(s):
            s.sendall(b"GET /hello HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n")
            return read_response(s)
        a = connect(); get(a)
        b = connect(); get(b)
        refused = read_all(connect())
        print(refused.split(b"\\r\\n")[0].decode())
        print(b"Retry-After: 1\\r\\n" in refused, b"Connection: close\\r\\n" in refused)
        a.close()
        # The server notices the close on its next loop turn; until then the slot is still taken.
        for _ in range(200):
            try:
                reply = get(connect())
            except OSError:
                reply = b""
            if reply.startswith(b"HTTP/1.1 200"):
                print("served again")
                break
            time.sleep(0.05)
        """
        let lines = try PythonClient.run(script, port: live.server.localPort).stdout.split(separator: "\n")
        #expect(lines == ["HTTP/1.1 503 Service Unavailable", "True True", "served again"])
    }

    @Test func fullWorkerQueueAnswers503AtOnce() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let live = try LiveServer(configure: {
            $0.workerThreads = 1
            $0.workerQueueCapacity = 1
        }, routes: { router in
            router.on(.get, "/block") { _ in
                entered.signal()
                release.wait()
                return Response(body: .bytes(Array("done".utf8)))
            }
        })
        defer { live.shutdown() }
        let blocker = try PythonClient.start("""
            s = connect(); s.sendall(b"GET /block HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n")
            print(read_response(s).split(b"\\r\\n")[0].decode())
            """, port: live.server.localPort)
        entered.wait()
        // The only worker is busy: of two more requests one waits in the queue, the other is refused.
        let (process, out) = try PythonClient.start("""
            b, c = connect(), connect()
            for s in (b, c):
                s.sendall(b"GET /hello HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n")
            ready, _, _ = select.select([b, c], [], [], 20)
            first = read_response(ready[0])
            print(first.split(b"\\r\\n")[0].decode(), b"Retry-After: 1\\r\\n" in first, b"Cache-Control: no-store\\r\\n" in first)
            sys.stdout.flush()
            other = c if ready[0] is b else b
            print(read_response(other).split(b"\\r\\n")[0].decode())
            """, port: live.server.localPort)
        let first = out.readLine()
        release.signal()
        let second = out.readLine()
        process.waitUntilExit()
        blocker.0.waitUntilExit()
        #expect(first == "HTTP/1.1 503 Service Unavailable True True")
        #expect(second == "HTTP/1.1 200 OK")
        #expect(blocker.1.readLine() == "HTTP/1.1 200 OK")
    }

    @Test func stalledBodyGets408() throws {
        let live = try LiveServer(configure: { $0.bodyReadTimeout = .milliseconds(300) })
        defer { live.shutdown() }
        let script = """
        s = connect()
        s.sendall(b"POST /echo HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 10\\r\\n\\r\\nab")
        sys.stdout.write(read_all(s).decode())
        """
        let reply = try PythonClient.run(script, port: live.server.localPort).stdout
        #expect(reply.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(reply.contains("Connection: close\r\n"))
    }

    @Test func rangeIsIgnoredAndTheWholeBodySent() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let result = try runTool("/usr/bin/curl", ["--silent", "--include", "--header", "Range: bytes=0-1", "\(live.base)/file"])
        #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(!result.stdout.contains("Content-Range"))
        #expect(result.stdout.hasSuffix("\r\n\r\nabcdefghij"))
    }

    @Test func http10ClientGetsAnHTTP11ResponseAndAClose() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        let script = """
        s = connect()
        s.sendall(b"GET /hello HTTP/1.0\\r\\n\\r\\n")
        sys.stdout.write(read_all(s).decode())
        """
        let reply = try PythonClient.run(script, port: live.server.localPort).stdout
        #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(reply.contains("Connection: close\r\n"))
        #expect(reply.hasSuffix("\r\n\r\nhello world"))
    }

    @Test func aSecondServerOnTheSamePortFailsToStart() throws {
        let live = try LiveServer()
        defer { live.shutdown() }
        var configuration = ServerConfiguration()
        configuration.port = live.server.localPort
        let second = Server(configuration: configuration, responder: Router { status, _ in Response(status: status) })
        #expect(throws: SystemError.self) { try second.start() }
    }

    /// Listening sockets on `port`: /proc/net/tcp lists one LISTEN (state 0A) line per socket.
    private func listeningSockets(on port: Int) throws -> Int {
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let portHex = ":" + String(format: "%04X", port)
        return table.split(separator: "\n").filter { line in
            let fields = line.split(separator: " ")
            return fields.count > 3 && fields[1].hasSuffix(portHex) && fields[3] == "0A"
        }.count
    }

    /// How many of 30 connections, opened at once and each sent one request, get their answer.
    private func answeredOfThirtyConnections(port: Int) throws -> String {
        let script = """
        socks = [connect() for _ in range(30)]
        for i, s in enumerate(socks):
            s.sendall(b"GET /items/%d HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n" % i)
        ok = sum(read_response(s).endswith(b"item %d" % i) for i, s in enumerate(socks))
        print(ok)
        """
        return try PythonClient.run(script, port: port).stdout
    }

    @Test func everyEventLoopWithItsOwnSocketListensAndServes() throws {
        let live = try LiveServer(configure: { $0.eventLoops = 3; $0.sharedListener = false })
        defer { live.shutdown() }
        let port = live.server.localPort
        #expect(try listeningSockets(on: port) == 3)
        #expect(try answeredOfThirtyConnections(port: port) == "30\n")
    }

    @Test func loopsSharingOneListenerServeAndReleaseIt() throws {
        let live = try LiveServer(configure: { $0.eventLoops = 3 })
        let port = live.server.localPort
        #expect(try listeningSockets(on: port) == 1)
        #expect(try answeredOfThirtyConnections(port: port) == "30\n")
        live.shutdown()
        // Every loop closed its descriptor of the socket: a new server can take the port.
        var configuration = ServerConfiguration()
        configuration.port = port
        let next = Server(configuration: configuration, responder: Router { status, _ in Response(status: status) })
        try next.start()
        next.stop()
        next.wait()
    }
}
