import CLinuxShims
import Dispatch
import Foundation
import Glibc
import Synchronization

/// An HTTP/1.1 server on epoll.
///
/// `eventLoops` threads each watch the listening socket (one shared socket, or with
/// `sharedListener` off one `SO_REUSEPORT` socket each) and own the connections they accept; the
/// responder runs on `workerThreads` other threads behind a bounded queue. Persistent connections,
/// pipelining (answered in order), `Expect: 100-continue`, chunked request bodies, header/body/idle
/// timeouts, the connection limit and back-pressure are handled here, so a responder only maps a
/// `Request` to a `Response`.
public final class Server: Sendable {
    private struct State {
        var port: Int?
        var mailboxes: [Mailbox] = []
        var started = false
        var stopRequested = false
    }

    private let configuration: ServerConfiguration
    private let responder: any Responder
    private let state = Mutex(State())
    /// Entered by `start()`, left when every loop has released its descriptors and the pool is told to finish.
    private let running = DispatchGroup()

    /// Creates a server; nothing happens until `start()`.
    public init(configuration: ServerConfiguration, responder: any Responder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds and listens, then serves on background threads; returns once every socket is listening.
    /// - Throws: `SystemError` if the address cannot be bound (in use, bad host …).
    public func start() throws {
        precondition(state.withLock { state in
            defer { state.started = true }
            return !state.started
        }, "Server.start() called twice")
        // sendfile has no MSG_NOSIGNAL; a client that resets mid-file must not kill the process.
        clinux_ignore_sigpipe()

        var opened: [(listenFD: Int32, epollFD: Int32, mailbox: Mailbox)] = []
        var port = configuration.port
        if port != 0 { try Socket.checkAvailable(host: configuration.host, port: port) }
        do {
            if configuration.sharedListener {
                // Each loop closes its own descriptor; the socket stays open until the last one does.
                let shared = try Socket.listen(host: configuration.host, port: port)
                port = try Socket.localPort(of: shared)
                do {
                    for _ in 1..<max(1, configuration.eventLoops) {
                        opened.append(try Self.makeLoopDescriptors(listenFD: try Socket.duplicate(shared), exclusive: true))
                    }
                } catch {
                    close(shared)
                    throw error
                }
                opened.append(try Self.makeLoopDescriptors(listenFD: shared, exclusive: true))
            } else {
                for _ in 0..<max(1, configuration.eventLoops) {
                    // The first socket settles the port (port 0 picks one); the others join it.
                    let listenFD = try Socket.listen(host: configuration.host, port: port, reusePort: true)
                    opened.append(try Self.makeLoopDescriptors(listenFD: listenFD, exclusive: false))
                    port = try Socket.localPort(of: listenFD)
                }
            }
        } catch {
            for (listenFD, epollFD, mailbox) in opened {
                close(listenFD)
                close(epollFD)
                close(mailbox.eventFD)
            }
            throw error
        }

        let mailboxes = opened.map(\.mailbox)
        let stopEarly = state.withLock { state in
            state.port = port
            state.mailboxes = mailboxes
            return state.stopRequested
        }
        if stopEarly { mailboxes.forEach { $0.requestStop() } }

        let configuration = self.configuration
        let responder = self.responder
        let pool = WorkerPool(threads: configuration.workerThreads, capacity: configuration.workerQueueCapacity)
        let limiter = ConnectionLimiter(configured: configuration.maxConnections)
        let loops = DispatchGroup()
        running.enter()
        for (index, (listenFD, epollFD, mailbox)) in opened.enumerated() {
            loops.enter()
            let thread = Thread {
                let loop = EventLoop(configuration: configuration, responder: responder, mailbox: mailbox,
                                     pool: pool, limiter: limiter, epollFD: epollFD, listenFD: listenFD)
                loop.run()
                loops.leave()
            }
            thread.name = "http-event-loop-\(index)"
            thread.start()
        }
        // Workers outlive the loops: a loop may still be waiting for a response while stopping.
        loops.notify(queue: .global()) { [running] in
            pool.shutdown()
            running.leave()
        }
    }

    /// An epoll instance watching `listenFD` (`exclusive`: one of several loops sharing its socket,
    /// woken one at a time) and a fresh mailbox's eventfd.
    private static func makeLoopDescriptors(listenFD: Int32, exclusive: Bool) throws(SystemError) -> (Int32, Int32, Mailbox) {
        var epollFD: Int32 = -1
        var eventFD: Int32 = -1
        do {
            epollFD = try Epoll.create()
            eventFD = try EventFd.create()
            try Epoll.add(listenFD, events: exclusive ? Epoll.input | Epoll.exclusive : Epoll.input, to: epollFD)
            try Epoll.add(eventFD, events: Epoll.input, to: epollFD)
        } catch {
            for fd in [listenFD, epollFD, eventFD] where fd >= 0 { close(fd) }
            throw error
        }
        return (listenFD, epollFD, Mailbox(eventFD: eventFD))
    }

    /// The bound port (useful with port 0); 0 before `start()`.
    public var localPort: Int {
        state.withLock { $0.port } ?? 0
    }

    /// Stops accepting, lets requests in flight finish (up to `shutdownTimeout`), closes
    /// connections. Safe from any thread.
    public func stop() {
        let mailboxes = state.withLock { state in
            state.stopRequested = true
            return state.mailboxes
        }
        mailboxes.forEach { $0.requestStop() }
    }

    /// Blocks until the server has stopped.
    public func wait() {
        running.wait()
    }
}
