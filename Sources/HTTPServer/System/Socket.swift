import CLinuxShims
import Glibc

/// TCP socket calls the server needs, on IPv4.
enum Socket {
    /// A non-blocking listening socket bound to `host:port` (port 0 picks a free one).
    ///
    /// With `reusePort`, several sockets (one per event loop) can bind the same port and the kernel
    /// spreads incoming connections across them (socket(7), `SO_REUSEPORT`).
    static func listen(host: String, port: Int, reusePort: Bool = false, backlog: Int32 = 4096) throws(SystemError) -> Int32 {
        let fd = try bound(host: host, port: port, reusePort: reusePort)
        do {
            try blockingSyscall("listen") { Glibc.listen(fd, backlog) }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// A second descriptor for the socket `fd` (close-on-exec), closed independently of the first.
    static func duplicate(_ fd: Int32) throws(SystemError) -> Int32 {
        try blockingSyscall("fcntl(F_DUPFD_CLOEXEC)") { fcntl(fd, F_DUPFD_CLOEXEC, 0) }
    }

    /// Throws `EADDRINUSE` if anything is bound to `host:port`.
    ///
    /// Sockets with `SO_REUSEPORT` share a port with any other such socket of the same user, so a
    /// second server started by mistake would silently take half the traffic. A plain bind first
    /// makes that mistake fail the way it always has.
    static func checkAvailable(host: String, port: Int) throws(SystemError) {
        close(try bound(host: host, port: port, reusePort: false))
    }

    /// A non-blocking socket bound to `host:port`, not yet listening.
    private static func bound(host: String, port: Int, reusePort: Bool) throws(SystemError) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw SystemError(errno: EINVAL, function: "inet_pton(\(host))")
        }
        let fd = try blockingSyscall("socket") {
            socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        do {
            var one: Int32 = 1
            try blockingSyscall("setsockopt(SO_REUSEADDR)") {
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            if reusePort {
                try blockingSyscall("setsockopt(SO_REUSEPORT)") {
                    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
                }
            }
            try blockingSyscall("bind") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// The port a socket is bound to.
    static func localPort(of fd: Int32) throws(SystemError) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try blockingSyscall("getsockname") {
            withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Accepts one pending connection as a non-blocking, close-on-exec socket with TCP_NODELAY.
    static func accept(from listenFD: Int32) throws(SystemError) -> IOResult<Int32> {
        let result = try syscall("accept4") {
            clinux_accept4(listenFD, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
        }
        if case .processed(let fd) = result {
            // Responses go out in one write; Nagle would only delay the last segment.
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        return result
    }
}
