import Glibc

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once per second.
///
/// Confined to the event loop thread, so it needs no lock.
final class DateCache {
    private var second: time_t = -1
    private var cached: [UInt8] = []

    /// The current date as bytes, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    var current: [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            cached = Array(HTTPDate.format(now).utf8)
        }
        return cached
    }
}

@available(*, unavailable)
extension DateCache: Sendable {}
