import CLinuxShims
import Glibc

/// epoll(7) calls and flags, with Glibc's imported enums turned into plain integers.
enum Epoll {
    static let input = UInt32(EPOLLIN.rawValue)
    static let output = UInt32(EPOLLOUT.rawValue)
    static let readHangUp = UInt32(EPOLLRDHUP.rawValue)
    static let hangUp = UInt32(EPOLLHUP.rawValue)
    static let error = UInt32(EPOLLERR.rawValue)
    /// Wake only one of the epoll instances waiting on this descriptor (Linux 4.5).
    static let exclusive = UInt32(EPOLLEXCLUSIVE.rawValue)

    /// One readiness report: the registered descriptor and its ready events.
    struct Event {
        var fd: Int32
        var events: UInt32
    }

    /// epoll_create1(2) with `EPOLL_CLOEXEC`.
    static func create() throws(SystemError) -> Int32 {
        try blockingSyscall("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
    }

    /// Registers `fd` for `events` (level-triggered).
    static func add(_ fd: Int32, events: UInt32, to epollFD: Int32) throws(SystemError) {
        try control(epollFD, EPOLL_CTL_ADD, fd, events)
    }

    /// Changes the events `fd` is registered for.
    static func modify(_ fd: Int32, events: UInt32, in epollFD: Int32) throws(SystemError) {
        try control(epollFD, EPOLL_CTL_MOD, fd, events)
    }

    /// Unregisters `fd`.
    static func remove(_ fd: Int32, from epollFD: Int32) throws(SystemError) {
        try control(epollFD, EPOLL_CTL_DEL, fd, 0)
    }

    private static func control(_ epollFD: Int32, _ operation: Int32, _ fd: Int32, _ events: UInt32) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        try blockingSyscall("epoll_ctl") { epoll_ctl(epollFD, operation, fd, &event) }
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and returns the ready descriptors.
    static func wait(_ epollFD: Int32, into buffer: inout [epoll_event], timeoutMilliseconds: Int32) throws(SystemError) -> [Event] {
        let capacity = Int32(buffer.count)
        let count: Int32
        switch try syscall("epoll_wait", { buffer.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, capacity, timeoutMilliseconds) } }) {
        case .processed(let ready): count = ready
        case .wouldBlock: count = 0
        }
        return buffer[0..<Int(count)].map { Event(fd: $0.data.fd, events: $0.events) }
    }
}
