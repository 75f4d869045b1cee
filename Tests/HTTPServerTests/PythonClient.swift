import Foundation

/// Runs small Python clients against a live server.
enum PythonClient {
    /// Helpers every script gets: `connect()` to the port in argv[1], `read_response(sock)` reading
    /// one response framed by Content-Length, and `read_all(sock)` reading to end of stream.
    static let prelude = """
    import select, socket, sys, time
    PORT = int(sys.argv[1])
    def connect():
        return socket.create_connection(("127.0.0.1", PORT), timeout=20)
    def read_response(s):
        data = b""
        while b"\\r\\n\\r\\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, _, body = data.partition(b"\\r\\n\\r\\n")
        length = 0
        for line in head.split(b"\\r\\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
        return head + b"\\r\\n\\r\\n" + body
    def read_all(s):
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        return data

    """

    /// Runs `script` (after the prelude) against `port` and returns what it printed.
    static func run(_ script: String, port: Int) throws -> ToolOutput {
        try runTool("/usr/bin/python3", ["-c", prelude + script, String(port)])
    }

    /// Starts `script` without waiting; its stdout is readable from the returned pipe.
    static func start(_ script: String, port: Int) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", prelude + script, String(port)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        return (process, out.fileHandleForReading)
    }
}
