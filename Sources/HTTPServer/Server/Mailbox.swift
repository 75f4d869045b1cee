import Synchronization

/// The way into the event loop from other threads: finished responses and the stop request,
/// guarded by a mutex, with an eventfd to wake the loop.
final class Mailbox: Sendable {
    /// A response ready to be written, addressed to one connection.
    struct Completion: Sendable {
        var fd: Int32
        var connectionID: UInt64
        var response: Response
        /// The open file behind a `.file` or `.openFile` body.
        var file: OpenFile?
    }

    private struct Contents {
        var completions: [Completion] = []
        var stopRequested = false
    }

    let eventFD: Int32
    private let contents = Mutex(Contents())

    init(eventFD: Int32) {
        self.eventFD = eventFD
    }

    func post(_ completion: Completion) {
        contents.withLock { $0.completions.append(completion) }
        EventFd.signal(eventFD)
    }

    func requestStop() {
        contents.withLock { $0.stopRequested = true }
        EventFd.signal(eventFD)
    }

    /// Everything posted since the last call, and whether a stop was requested.
    func take() -> (completions: [Completion], stopRequested: Bool) {
        EventFd.drain(eventFD)
        return contents.withLock { contents in
            let taken = contents.completions
            contents.completions.removeAll()
            return (taken, contents.stopRequested)
        }
    }
}
