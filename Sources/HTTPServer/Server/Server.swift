import CLinuxShims
import Dispatch
import Foundation
import Glibc
import Synchronization

/// An HTTP/1.1 server on epoll.
///
/// One event-loop thread owns the listening socket and every connection; the responder runs on
/// `workerThreads` other threads. Persistent connections, pipelining (answered in order),
/// `Expect: 100-continue`, chunked request bodies, and header/idle timeouts are handled here, so a
/// responder only maps a `Request` to a `Response`.
public final class Server: Sendable {
    private struct State {
        var port: Int?
        var mailbox: Mailbox?
        var stopRequested = false
    }

    private let configuration: ServerConfiguration
    private let responder: any Responder
    private let state = Mutex(State())
    /// Entered by `start()`, left when the loop thread has released everything.
    private let running = DispatchGroup()

    /// Creates a server; nothing happens until `start()`.
    public init(configuration: ServerConfiguration, responder: any Responder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds and listens, then serves on background threads; returns once the socket is listening.
    /// - Throws: `SystemError` if the address cannot be bound (in use, bad host …).
    public func start() throws {
        precondition(state.withLock { $0.mailbox == nil }, "Server.start() called twice")
        // sendfile has no MSG_NOSIGNAL; a client that resets mid-file must not kill the process.
        clinux_ignore_sigpipe()

        let listenFD = try Socket.listen(host: configuration.host, port: configuration.port)
        let port: Int
        let epollFD: Int32
        let eventFD: Int32
        do {
            port = try Socket.localPort(of: listenFD)
            epollFD = try Epoll.create()
            eventFD = try EventFd.create()
            try Epoll.add(listenFD, events: Epoll.input, to: epollFD)
            try Epoll.add(eventFD, events: Epoll.input, to: epollFD)
        } catch {
            close(listenFD)
            throw error
        }

        let mailbox = Mailbox(eventFD: eventFD)
        let stopEarly = state.withLock { state in
            state.port = port
            state.mailbox = mailbox
            return state.stopRequested
        }
        if stopEarly { mailbox.requestStop() }

        let configuration = self.configuration
        let responder = self.responder
        let pool = WorkerPool(threads: configuration.workerThreads)
        running.enter()
        let thread = Thread { [running] in
            let loop = EventLoop(configuration: configuration, responder: responder, mailbox: mailbox,
                                 pool: pool, epollFD: epollFD, listenFD: listenFD)
            loop.run()
            running.leave()
        }
        thread.name = "http-event-loop"
        thread.start()
    }

    /// The bound port (useful with port 0); 0 before `start()`.
    public var localPort: Int {
        state.withLock { $0.port } ?? 0
    }

    /// Stops accepting, lets requests in flight finish, closes connections. Safe from any thread.
    public func stop() {
        let mailbox = state.withLock { state in
            state.stopRequested = true
            return state.mailbox
        }
        mailbox?.requestStop()
    }

    /// Blocks until the server has stopped.
    public func wait() {
        running.wait()
    }
}
