import CLinuxShims
import Glibc

/// eventfd(2): a counter descriptor other threads write to wake the event loop.
enum EventFd {
    /// A non-blocking, close-on-exec eventfd.
    static func create() throws(SystemError) -> Int32 {
        try blockingSyscall("eventfd") { eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC)) }
    }

    /// Adds one to the counter, making the descriptor readable. Safe from any thread.
    static func signal(_ fd: Int32) {
        var one: UInt64 = 1
        // EAGAIN means the counter is saturated, so the descriptor is already readable.
        _ = try? syscall("write") { write(fd, &one, MemoryLayout<UInt64>.size) }
    }

    /// Resets the counter so level-triggered epoll stops reporting it.
    static func drain(_ fd: Int32) {
        var value: UInt64 = 0
        _ = try? syscall("read") { read(fd, &value, MemoryLayout<UInt64>.size) }
    }
}
