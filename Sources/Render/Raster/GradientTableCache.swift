import Synchronization

/// Gradient lookup tables kept between renders, by the stops and size they sample.
///
/// A template's gradients are the same on every render, and sampling a table of a few thousand
/// entries cost about 4% of a whole gradient card's render (0.1 ms of the blog card's 2.6 ms);
/// looking one up costs a hash of the stops. Tables are at most 16 KiB (4,096 entries), so the
/// bound of `capacity` tables keeps the cache near a megabyte at most.
final class GradientTableCache: Sendable {
    /// The cache every gradient uses.
    static let shared = GradientTableCache(capacity: 64)

    /// Stops with a NaN position (CSS's omitted positions, filled in when sampled) never equal
    /// themselves, so their tables are sampled each time; the capacity still bounds them.
    private struct Key: Hashable {
        var stops: [GradientStop]
        var size: Int
    }

    /// Tables kept at most; when a new one would exceed it, every kept table is dropped, which
    /// costs one resampling per gradient in use and keeps no bookkeeping on the lookup path.
    let capacity: Int
    private let tables = Mutex<[Key: [UInt32]]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The table for `stops` at `size` entries: a kept one, or `make()`'s, kept from now on.
    func table(stops: [GradientStop], size: Int, make: () -> [UInt32]) -> [UInt32] {
        let key = Key(stops: stops, size: size)
        if let kept = tables.withLock({ $0[key] }) { return kept }
        let table = make()
        tables.withLock { tables in
            if tables.count >= capacity { tables.removeAll(keepingCapacity: true) }
            tables[key] = table
        }
        return table
    }

    /// How many tables are kept (for tests).
    var count: Int { tables.withLock { $0.count } }
}
