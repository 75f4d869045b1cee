import Glibc

/// The outcome of a non-blocking system call.
enum IOResult<Value> {
    case processed(Value)
    /// The call would have blocked (`EAGAIN`/`EWOULDBLOCK`); wait for readiness and retry.
    case wouldBlock
}

/// Runs a C call that returns -1 and sets `errno` on failure, retrying `EINTR`.
/// - Returns: `.wouldBlock` for `EAGAIN`, otherwise the call's result.
/// - Throws: `SystemError` for any other errno.
func syscall<Value: FixedWidthInteger>(_ function: String, _ body: () -> Value) throws(SystemError) -> IOResult<Value> {
    while true {
        let result = body()
        guard result == -1 else { return .processed(result) }
        let code = errno
        switch code {
        case EINTR: continue
        case EAGAIN, EWOULDBLOCK: return .wouldBlock
        default: throw SystemError(errno: code, function: function)
        }
    }
}

/// Like `syscall`, for calls that cannot return `EAGAIN` (bind, listen, epoll_ctl …).
@discardableResult
func blockingSyscall<Value: FixedWidthInteger>(_ function: String, _ body: () -> Value) throws(SystemError) -> Value {
    switch try syscall(function, body) {
    case .processed(let value): return value
    case .wouldBlock: throw SystemError(errno: EAGAIN, function: function)
    }
}
