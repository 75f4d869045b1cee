import Foundation

/// nginx as a non-daemon child process, reverse-proxying to a local port with an upstream
/// keep-alive pool, from a throw-away prefix directory.
final class NginxProxy {
    let port: Int
    private let process = Process()
    private let prefix: URL

    init(upstreamPort: Int) throws {
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
        port = try Self.freePort()
        let root = prefix.path
        let configuration = """
        daemon off;
        master_process off;
        worker_processes 1;
        pid \(root)/nginx.pid;
        error_log \(root)/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path \(root)/body;
            proxy_temp_path \(root)/proxy;
            upstream origin {
                server 127.0.0.1:\(upstreamPort);
                keepalive 8;
            }
            server {
                listen 127.0.0.1:\(port);
                location / {
                    proxy_pass http://origin;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                }
            }
        }
        """
        try configuration.write(to: prefix.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: ClientInteropTests.nginx)
        process.arguments = ["-p", root, "-c", "\(root)/nginx.conf", "-e", "\(root)/error.log"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    /// Kills nginx and removes the prefix.
    ///
    /// SIGKILL rather than SIGTERM: a child spawned from a test thread inherits that thread's blocked
    /// signal mask, and nginx in single-process mode never unblocks SIGTERM. It holds no state worth
    /// a clean exit.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: prefix)
    }

    /// Polls until nginx accepts connections, or throws once it has exited.
    private func waitUntilListening() throws {
        for _ in 0..<200 {
            guard process.isRunning else { throw CocoaError(.executableLoad) }
            if Self.canConnect(to: port) { return }
            usleep(25_000)
        }
        stop()
        throw CocoaError(.executableLoad)
    }

    private static func canConnect(to port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A port the kernel just handed out for a socket that is then closed.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
