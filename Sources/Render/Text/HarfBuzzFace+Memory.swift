import CHarfBuzz

extension HarfBuzzFace {
    /// A face read from bytes in memory (a document's `@font-face` data); nil when HarfBuzz finds no glyphs.
    /// The blob holds a strong reference to `data` and releases it when HarfBuzz destroys the blob.
    convenience init?(data: FontData, index: Int) {
        guard data.count > 0, let base = data.bytes.baseAddress else { return nil }
        // HarfBuzz calls the destroy function exactly once, also when it cannot make the blob.
        let retained = Unmanaged.passRetained(data).toOpaque()
        guard let blob = hb_blob_create(base.assumingMemoryBound(to: CChar.self), UInt32(clamping: data.count),
                                        HB_MEMORY_MODE_READONLY, retained,
                                        { $0.map { Unmanaged<FontData>.fromOpaque($0).release() } }) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, UInt32(clamping: index)) else { return nil }
        self.init(adopting: face)
    }
}
