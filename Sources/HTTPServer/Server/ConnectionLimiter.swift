import Glibc
import Synchronization

/// Counts open connections across all event loops against `ServerConfiguration.maxConnections`.
final class ConnectionLimiter: Sendable {
    /// Descriptors kept free for files being sent, SQLite, eventfds and the like.
    static let descriptorReserve = 128

    let limit: Int
    private let open = Atomic<Int>(0)

    /// A limiter for `configured` connections, lowered to fit the process's descriptor limit.
    init(configured: Int) {
        var limits = rlimit()
        var ceiling = configured
        // RLIM_INFINITY is the largest rlim_t, so it fails the second test.
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0, limits.rlim_cur < rlim_t(Int.max) {
            ceiling = min(ceiling, Int(limits.rlim_cur) - Self.descriptorReserve)
        }
        limit = max(1, ceiling)
    }

    /// Takes a slot for a new connection, or returns false when all are in use.
    func acquire() -> Bool {
        var current = open.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = open.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Gives back the slot of a closed connection.
    func release() {
        open.subtract(1, ordering: .relaxed)
    }

    /// Open connections right now.
    var count: Int { open.load(ordering: .relaxed) }
}
