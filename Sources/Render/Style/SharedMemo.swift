import Synchronization

/// A table of results kept for the whole process and shared by every render: parsed style sheets,
/// parsed `style` attributes and resolved Tailwind utilities all come from the same text on every
/// render of a template and are pure functions of it.
///
/// Bounded by entries (the caller also bounds the size of a key), so arbitrary markup cannot grow it
/// without end; on overflow the whole table is dropped, which keeps hits cheap and is rare.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// Entries kept at most.
    let capacity: Int
    private let table = Mutex<[Key: Value]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// How many entries are kept now.
    var count: Int { table.withLock { $0.count } }

    /// The value kept for `key`, or the one `make` returns, which is then kept. `make` runs outside
    /// the lock, so two renders missing at once may both compute it; the results are equal.
    func value(for key: Key, make: () -> Value) -> Value {
        if let hit = table.withLock({ $0[key] }) { return hit }
        let made = make()
        table.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }
}
