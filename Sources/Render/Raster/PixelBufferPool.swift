import Synchronization

/// Canvas-sized pixel buffers and clip masks kept from one render to the next.
///
/// A fresh multi-megabyte buffer costs a page fault per 4 KiB the first time it is written, and
/// the allocator hands such blocks back to the kernel when they are freed, so every render paid
/// for its canvas and each layer again. Keeping a few buffers turns that into a memset.
final class PixelBufferPool: Sendable {
    /// The pool every canvas uses.
    /// Room for a 1200×630 canvas, a few layers and clip masks: 24 MiB.
    static let shared = PixelBufferPool(byteLimit: 24 << 20)

    private struct Entry {
        var buffer: [UInt8]
        /// Every byte is zero, so the buffer can serve as a new layer without clearing.
        var isZeroed: Bool
    }

    private let byteLimit: Int
    private let entries = Mutex<[Entry]>([])

    init(byteLimit: Int) {
        self.byteLimit = byteLimit
    }

    /// A buffer of `count` zero bytes, or nil when none of that size is kept.
    func takeZeroed(count: Int) -> [UInt8]? {
        // Prefer a buffer that is already clear.
        guard var entry = take(count: count, preferringZeroed: true) else { return nil }
        if !entry.isZeroed {
            entry.buffer.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        return entry.buffer
    }

    /// A buffer of `count` bytes as it was left, and whether it is all zeros; nil when none of
    /// that size is kept. For callers that overwrite every byte anyway.
    func takeAny(count: Int) -> (buffer: [UInt8], isZeroed: Bool)? {
        // Prefer a used buffer, keeping the clear ones for layers.
        take(count: count, preferringZeroed: false).map { ($0.buffer, $0.isZeroed) }
    }

    /// Removes and returns a kept buffer of `count` bytes, one whose `isZeroed` is
    /// `preferringZeroed` when there is one.
    private func take(count: Int, preferringZeroed: Bool) -> Entry? {
        entries.withLock { entries in
            guard let index = entries.lastIndex(where: { $0.buffer.count == count && $0.isZeroed == preferringZeroed })
                ?? entries.lastIndex(where: { $0.buffer.count == count }) else { return nil }
            return entries.remove(at: index)
        }
    }

    /// Keeps `buffer` for a later `takeZeroed(count:)` unless the pool is full; `isZeroed` says
    /// whether every byte is already zero.
    func give(_ buffer: [UInt8], isZeroed: Bool) {
        guard !buffer.isEmpty else { return }
        entries.withLock { entries in
            let kept: Int = entries.reduce(0) { $0 + $1.buffer.count }
            guard kept + buffer.count <= byteLimit else { return }
            entries.append(Entry(buffer: buffer, isZeroed: isZeroed))
        }
    }
}
