/// A decoded image ready to draw: premultiplied BGRA8 rows, `width * 4` bytes each (the layout
/// `Canvas.drawImage` reads).
public struct DecodedImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    let bgra: [UInt8]

    /// Converts straight-alpha RGBA8 rows into premultiplied BGRA, in place when the caller hands
    /// over the only reference to `rgba` (a decoder's fresh buffer): a photo's few megabytes are
    /// then neither allocated nor written twice.
    init(width: Int, height: Int, straightRGBA rgba: consuming [UInt8]) {
        self.width = width
        self.height = height
        rgba.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            // A trailing partial pixel (never produced by the decoders) stays as it is.
            Self.premultiplyInPlace(base, pixels: bytes.count / 4)
        }
        bgra = rgba
    }

    /// Rewrites `pixels` straight RGBA words at `words` as premultiplied BGRA words, eight at a
    /// time; each word ends as `premultipliedBGRA` makes it.
    static func premultiplyInPlace(_ words: UnsafeMutableRawPointer, pixels: Int) {
        let opaque = SIMD8<UInt32>(repeating: 0xFF00_0000)
        var index: Int = 0
        while index &+ 8 <= pixels {
            let offset: Int = index &* 4
            let rgba = SIMD8<UInt32>(littleEndianLanes: words.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self))
            let alpha: SIMD8<UInt32> = rgba & opaque
            // Every JPEG and most PNG pixels are opaque: scaling by 255/255 would change nothing.
            let premultiplied: SIMD8<UInt32> = alpha == opaque
                ? rgba
                : (PixelMath.scale(rgba, by: alpha &>> 24) & 0x00FF_FFFF) | alpha
            let bgra: SIMD8<UInt32> = Self.swappingRedAndBlue(premultiplied)
            words.storeBytes(of: bgra.littleEndianLanes, toByteOffset: offset, as: SIMD8<UInt32>.self)
            index &+= 8
        }
        while index < pixels {
            let offset: Int = index &* 4
            let word: UInt32 = UInt32(littleEndian: words.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            words.storeBytes(of: Self.premultipliedBGRA(word).littleEndian, toByteOffset: offset, as: UInt32.self)
            index &+= 1
        }
    }

    /// Bytes 0 and 2 of every word exchanged (RGBA ⇄ BGRA); green and alpha stay.
    @inline(__always)
    static func swappingRedAndBlue(_ words: SIMD8<UInt32>) -> SIMD8<UInt32> {
        (words & 0xFF00_FF00) | ((words &>> 16) & 0xFF) | ((words & 0xFF) &<< 16)
    }

    /// One straight RGBA pixel (R in the low byte) as a premultiplied BGRA word. An opaque pixel
    /// (every JPEG, most PNGs) only swaps red and blue; otherwise each channel is (c·a + 127) / 255,
    /// rounded to nearest, computed as (c·a + 127) · 0x8081 >> 23, which is exact for every c·a.
    /// (`PixelMath.scale` rounds c·a/255 to nearest too, and c·a/255 is never halfway, so the
    /// eight-pixel path above gives the same bytes.)
    @inline(__always)
    static func premultipliedBGRA(_ rgba: UInt32) -> UInt32 {
        let alpha: UInt32 = rgba >> 24
        let red: UInt32 = rgba & 0xFF, green: UInt32 = (rgba >> 8) & 0xFF, blue: UInt32 = (rgba >> 16) & 0xFF
        if alpha == 255 { return blue | green << 8 | red << 16 | 0xFF00_0000 }
        func scaled(_ channel: UInt32) -> UInt32 { ((channel &* alpha &+ 127) &* 0x8081) &>> 23 }
        return scaled(blue) | scaled(green) << 8 | scaled(red) << 16 | alpha << 24
    }

    /// The premultiplied (red, green, blue, alpha) of one pixel, for tests.
    func pixel(x: Int, y: Int) -> [Int] {
        let offset = (y * width + x) * 4
        return [Int(bgra[offset + 2]), Int(bgra[offset + 1]), Int(bgra[offset]), Int(bgra[offset + 3])]
    }
}

extension SIMD8<UInt32> {
    /// The lanes as stored little-endian words read them (a no-op on the little-endian hosts
    /// ogpress runs on; spelled out so the byte order is not an assumption).
    @inline(__always)
    init(littleEndianLanes lanes: SIMD8<UInt32>) {
        #if _endian(little)
        self = lanes
        #else
        self = lanes
        for lane in indices { self[lane] = lanes[lane].byteSwapped }
        #endif
    }

    /// The lanes ready to store as little-endian words.
    @inline(__always)
    var littleEndianLanes: SIMD8<UInt32> { SIMD8(littleEndianLanes: self) }
}
