import Synchronization

/// Decoded and resampled images kept between renders, shared by every render of one `Renderer`.
///
/// A template's logo or background photo is the same file (or the same `data:` URI) on every
/// render, and decoding and resampling it cost more than the rest of painting such a card: a
/// 1280×720 JPEG cover photo takes about 27 million instructions to decode and 48 million to
/// resample, against 2 million to blend the kept result.
///
/// Entries are found by what determines their pixels exactly: a `data:` URI by its whole text, a
/// file by its path, inode, size and change times (`ImageLoader.stamp(for:)`), so a replaced file is
/// a new key and the old entry is never found again. Bounded by bytes (pixels plus keys); the least
/// recently used entries go first, and an entry over a quarter of the budget is never kept.
final class SharedImageCache: Sendable {
    /// What an entry holds.
    enum Value: Sendable {
        case decoded(DecodedImage)
        case scaled(ScaledImage)

        var byteCount: Int {
            switch self {
            case .decoded(let image): return image.bgra.count
            case .scaled(let image): return image.byteCount
            }
        }
    }

    /// What an entry's pixels are a function of.
    struct Key: Hashable, Sendable {
        /// A `data:` URI's text, or a file's stamp.
        var source: SampledTextKey
        /// For a resampled image, the destination rectangle (x, y, width, height).
        var destination: SIMD4<Double>?
    }

    private struct Entry {
        var value: Value
        var bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes: Int = 0
        var clock: UInt64 = 0
    }

    /// Bytes kept at most.
    let budget: Int
    private let state = Mutex(State())

    /// - Parameter budget: bytes of pixels and keys kept at most; 0 keeps nothing.
    init(budget: Int) {
        self.budget = Swift.max(0, budget)
    }

    /// Bytes kept now.
    var bytes: Int { state.withLock { $0.bytes } }

    /// Entries kept now.
    var count: Int { state.withLock { $0.entries.count } }

    /// The value kept under `key`, marked as just used.
    func value(for key: Key) -> Value? {
        state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            state.clock &+= 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.value
        }
    }

    /// Keeps `value` under `key`, dropping the least recently used entries until it fits; a value
    /// over a quarter of the budget is not kept.
    func keep(_ value: Value, for key: Key) {
        let bytes: Int = value.byteCount + key.source.text.utf8.count
        guard bytes <= budget / 4 else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.bytes }
            while state.bytes + bytes > budget, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries.removeValue(forKey: oldest.key)
                state.bytes -= oldest.value.bytes
            }
            state.clock &+= 1
            state.entries[key] = Entry(value: value, bytes: bytes, lastUse: state.clock)
            state.bytes += bytes
        }
    }
}
