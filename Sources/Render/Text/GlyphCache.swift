import Synchronization

/// Rasterized glyphs shared by every `TextEngine` on a font catalogue.
///
/// Lookups and inserts take a short lock; rasterization happens outside it with the calling engine's
/// own FreeType objects, so two engines may occasionally rasterize the same glyph once each.
final class GlyphCache: Sendable {
    /// Entries kept before the cache is emptied; a simple bound on memory (about 50 MB for 64 px text).
    static let capacity = 40_000

    private let entries = Mutex<[GlyphKey: GlyphBitmap]>([:])

    func bitmap(for key: GlyphKey) -> GlyphBitmap? { entries.withLock { $0[key] } }

    func insert(_ bitmap: GlyphBitmap, for key: GlyphKey) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = bitmap
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
