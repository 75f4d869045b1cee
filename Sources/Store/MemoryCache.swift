import Foundation
import Synchronization

/// A small bounded map kept in memory in front of SQLite, so hot answers never wait for the database.
///
/// When it reaches `capacity` it is emptied and refills from the database: simpler than LRU order and,
/// for a cache of a few thousand hot keys, just as good.
final class MemoryCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[Key: Value]>([:])
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: Key) -> Value? {
        entries.withLock { $0[key] }
    }

    func insert(_ value: Value, for key: Key) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }

    func remove(_ key: Key) {
        entries.withLock { _ = $0.removeValue(forKey: key) }
    }

    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
