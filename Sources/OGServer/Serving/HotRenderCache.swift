import Glibc
import HTTPServer
import Store
import Synchronization

/// Open files and encoded headers of recently served renders, so a hit costs no `stat`, `open` or
/// `close` (nginx's `open_file_cache`). Bounded; shared by all event loops.
///
/// A cached file is trusted for `validity`, then rechecked with one `fstat`: a file deleted or
/// replaced on disk (by a sweep in another process) has no links left and is dropped, so it is served
/// at most `validity` longer, from the still-open inode. A sweep in this process drops every file at
/// once through the store's sweep generation. Eviction is the clock algorithm: a hit marks its slot,
/// and the hand evicts the first unmarked slot, clearing marks as it passes.
final class HotRenderCache: Sendable {
    fileprivate struct Slot {
        var render: HotRender
        /// When the file was opened or last found current.
        var checked: ContinuousClock.Instant
        var referenced: Bool
    }

    fileprivate struct State {
        var slots: [Slot] = []
        var index: [CacheKey: Int] = [:]
        var hand = 0
        var generation: UInt64 = 0
    }

    let capacity: Int
    let validity: Duration
    private let state = Mutex(State())

    init(capacity: Int, validity: Duration) {
        precondition(capacity > 0, "a cache holds at least one file")
        self.capacity = capacity
        self.validity = validity
    }

    /// 1,000 files, or an eighth of the descriptor limit when that is lower, so held files leave
    /// descriptors for connections and for files opened per response.
    static var defaultCapacity: Int {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0, limits.rlim_cur < rlim_t(Int.max) else { return 1_000 }
        return max(1, min(1_000, Int(limits.rlim_cur) / 8))
    }

    /// The number of files held.
    var count: Int { state.withLock { $0.slots.count } }

    /// The hot render for `stored`: the cached one when it still serves `stored`, otherwise its file
    /// opened now and cached. Nil when the file is gone or its size is not the recorded one; the
    /// caller then takes the slow path, which checks the index and renders again if needed.
    ///
    /// - Parameters:
    ///   - generation: the store's sweep generation, read before `stored` was looked up.
    ///   - now: the current time, for `validity`.
    func render(for stored: StoredRender, generation: UInt64, now: ContinuousClock.Instant) -> HotRender? {
        // Files let go of are released after the lock, so their `close` runs outside it.
        var released: [HotRender] = []
        let cached = state.withLock { state -> HotRender? in
            if generation > state.generation {
                released = state.slots.map(\.render)
                state = State(generation: generation)
                return nil
            }
            // A sweep finished after the caller looked: open the file afresh and keep nothing.
            guard generation == state.generation else { return nil }
            guard let position = state.index[stored.key] else { return nil }
            let slot = state.slots[position]
            if slot.render.serves(stored) && slot.render.generation == generation {
                if now - slot.checked < validity {
                    state.slots[position].referenced = true
                    return slot.render
                }
                // Under the lock: one fstat per file per `validity`, so other loops rarely wait on it.
                if slot.render.file.isCurrent {
                    state.slots[position].checked = now
                    state.slots[position].referenced = true
                    return slot.render
                }
            }
            released.append(state.remove(at: position))
            return nil
        }
        if let cached { return cached }
        guard let file = OpenFile(path: stored.path), file.size == stored.byteCount else { return nil }
        let render = HotRender(render: stored, file: file, generation: generation)
        // Discarded once the lock is released, so an evicted file is closed outside it.
        _ = state.withLock { state in state.insert(render, now: now, capacity: capacity) }
        return render
    }
}

extension HotRenderCache.State {
    /// Removes the slot at `position`, moving the last slot into its place.
    fileprivate mutating func remove(at position: Int) -> HotRender {
        let removed = slots[position].render
        index[removed.stored.key] = nil
        let last = slots.removeLast()
        if position < slots.count {
            slots[position] = last
            index[last.render.stored.key] = position
        }
        if hand >= slots.count { hand = 0 }
        return removed
    }

    /// Caches `render`, evicting by the clock when full; returns what it replaced, for the caller to
    /// release outside the lock. A render opened under an older generation is not kept.
    fileprivate mutating func insert(_ render: HotRender, now: ContinuousClock.Instant, capacity: Int) -> HotRender? {
        guard render.generation == generation else { return nil }
        let slot = HotRenderCache.Slot(render: render, checked: now, referenced: false)
        if let position = index[render.stored.key] {
            // Another loop opened the same render meanwhile; keep the newer one.
            defer { slots[position] = slot }
            return slots[position].render
        }
        if slots.count < capacity {
            index[render.stored.key] = slots.count
            slots.append(slot)
            return nil
        }
        while slots[hand].referenced {
            slots[hand].referenced = false
            hand = (hand + 1) % slots.count
        }
        let evicted = slots[hand].render
        index[evicted.stored.key] = nil
        index[render.stored.key] = hand
        slots[hand] = slot
        hand = (hand + 1) % slots.count
        return evicted
    }
}
