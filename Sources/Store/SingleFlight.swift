import Foundation

/// Per-key exclusion: at most one thread works on a key at a time, and others wait for it.
///
/// Renders use ``begin(_:)`` (wait, then retry the lookup); the sweeper uses ``tryBegin(_:)`` and skips
/// keys that are busy, so a file is never deleted while it is being written.
final class SingleFlight: @unchecked Sendable {
    // Invariant for @unchecked Sendable: `active` is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var active: Set<CacheKey> = []

    /// Claims `key`, or waits until its current holder ends.
    /// - Returns: true when the caller now holds the key and must call ``end(_:)``; false when it
    ///   waited for another holder (it holds nothing and should look the key up again).
    func begin(_ key: CacheKey) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !active.contains(key) {
            active.insert(key)
            return true
        }
        while active.contains(key) {
            condition.wait()
        }
        return false
    }

    /// Claims `key` only if nobody holds it.
    func tryBegin(_ key: CacheKey) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return active.insert(key).inserted
    }

    /// Releases `key` and wakes its waiters.
    func end(_ key: CacheKey) {
        condition.lock()
        active.remove(key)
        condition.broadcast()
        condition.unlock()
    }

    /// True while some thread holds `key`.
    func isActive(_ key: CacheKey) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return active.contains(key)
    }
}
